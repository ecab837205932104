"""`helder build`: build the residents' site from `content/` with mkdocs-material into `site/`.

The build goes to a temporary folder that replaces `site/` only when it succeeded, so a failed build never
leaves a half-written site.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helder.config import Workspace
from helder.errors import HelderError
from helder.publish.feedback import feedback_extra


@dataclass
class BuildResult:
    site_dir: Path
    pages: int


def build_site(ws: Workspace) -> BuildResult:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if not ws.mkdocs_yml.is_file():
        raise HelderError(f"{ws.mkdocs_yml}: missing. `helder init` writes one; copy it from a new workspace.")
    if not (ws.content_dir / "index.md").is_file():
        raise HelderError(f"{ws.content_dir}: no pages yet. Run `helder generate` first.")
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=ws.root))
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        config = load_config(str(ws.mkdocs_yml), site_dir=str(staging), docs_dir=str(ws.content_dir))
        prepare_config(config, ws)
        build(config)
    except (MkDocsException, OSError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise HelderError(f"{ws.mkdocs_yml}: the site did not build: {exc}") from None
    old = ws.root / ".site-old"
    shutil.rmtree(old, ignore_errors=True)
    if ws.site_dir.exists():
        ws.site_dir.rename(old)
    staging.rename(ws.site_dir)
    shutil.rmtree(old, ignore_errors=True)
    pages = sum(1 for _ in ws.site_dir.rglob("index.html"))
    return BuildResult(site_dir=ws.site_dir, pages=pages)


def prepare_config(config: Any, ws: Workspace) -> None:
    """Add what Helder brings to the user's mkdocs.yml: its plugin (theme fixes, hidden search keywords) and the
    feedback settings of `[site]`. Settings the user wrote in `extra:` win over Helder's."""
    from helder.publish.site_plugin import HelderSitePlugin

    for key, value in feedback_extra(ws.site_settings, ws.language, ws.address).items():
        config.extra.setdefault(key, value)
    config.plugins["helder"] = HelderSitePlugin()
