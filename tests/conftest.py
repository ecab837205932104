"""Shared fixtures: the demo website on 127.0.0.1, fresh workspaces, and one full demo run per session."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from helder.config import CrawlSettings, Workspace, load_workspace
from helder.demo import NAME, PUBLIC_SITE
from helder.demo.server import serve
from helder.workspace import init_workspace


@pytest.fixture(scope="session")
def demo_url() -> Iterator[str]:
    with serve() as base:
        yield base


def make_workspace(root: Path, site: str = PUBLIC_SITE, name: str = NAME, language: str = "nl") -> Workspace:
    init_workspace(root, name=name, site=site, language=language)
    return load_workspace(root)


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    return make_workspace(tmp_path / "ws")


def fast_local(settings: CrawlSettings, fetch_from: str, **changes: object) -> CrawlSettings:
    """Politeness off: these crawls only ever talk to our own server on 127.0.0.1."""
    from helder.crawler.process import with_overrides

    return with_overrides(settings, fetch_from=fetch_from, delay=0.0, max_rate=0.0, concurrency=8, autothrottle=False,
                          **changes)


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, subprocess.CompletedProcess[str]]:
    """`helder demo DIR` exactly as a user runs it, once for the whole test session."""
    root = tmp_path_factory.mktemp("demo")
    done = subprocess.run([sys.executable, "-m", "helder", "demo", str(root)], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    return load_workspace(root), done


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the session (Playwright drives it; it never downloads a browser)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
