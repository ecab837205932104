"""Real mkdocs-material builds of a generated workspace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helder.audit.run import run_audit
from helder.config import Workspace
from helder.errors import HelderError
from helder.publish.build import build_site
from helder.publish.generate import generate
from tests.helpers import HULP_PAGE, only_test_lexicon, store_pages, store_terms


@pytest.fixture
def built(workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Workspace:
    only_test_lexicon(monkeypatch, tmp_path)
    store_pages(workspace, {"/zorg/huishoudelijke-ondersteuning": HULP_PAGE})
    store_terms(workspace, [("hulp in huis", "/zorg/huishoudelijke-ondersteuning", 30, 900)])
    run_audit(workspace, show_progress=False)
    generate(workspace)
    build_site(workspace)
    return workspace


def test_site_has_home_and_task_pages_in_dutch(built: Workspace) -> None:
    home = (built.site_dir / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in home
    assert "Hulp in huis" in home
    task = (built.site_dir / "zorg" / "hulp-in-huis" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in task and "Hulp in huis" in task
    assert "hulp bij het huishouden" in task
    search = json.loads((built.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert search["config"]["lang"] == ["nl"]
    assert any(doc["location"].startswith("zorg/hulp-in-huis") for doc in search["docs"])


def test_no_google_fonts_or_other_font_cdn(built: Workspace) -> None:
    for page in built.site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text


def test_failed_build_keeps_the_previous_site(built: Workspace) -> None:
    before = (built.site_dir / "index.html").read_text(encoding="utf-8")
    built.mkdocs_yml.write_text(built.mkdocs_yml.read_text(encoding="utf-8") + "\ntheme: {name: no-such-theme}\n")
    with pytest.raises(HelderError, match=r"mkdocs\.yml: the site did not build"):
        build_site(built)
    assert (built.site_dir / "index.html").read_text(encoding="utf-8") == before
    assert not list(built.root.glob(".site-*"))
