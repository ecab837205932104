"""`helder build`: build the residents' site from `content/` with mkdocs-material into `site/`.

The build goes to a temporary folder that replaces `site/` only when it succeeded, so a failed build never
leaves a half-written site. Pages render on all cores, and a page whose inputs did not change since the last
build is taken from it (see site_builder.py); the record of the last build is `data/build-record.json`.
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
from helder.publish import site_builder
from helder.publish.feedback import feedback_extra


@dataclass
class BuildResult:
    site_dir: Path
    pages: int
    rendered: int = 0  # pages rendered by this build; the others were unchanged since the last one


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
    stats = None
    try:
        config = load_config(str(ws.mkdocs_yml), site_dir=str(staging), docs_dir=str(ws.content_dir))
        prepare_config(config, ws)
        if site_builder.can_build(config):
            previous = ws.site_dir if ws.site_dir.is_dir() else None
            stats = site_builder.build(config, site_builder.load_record(record_path(ws)), previous)
        else:
            build(config)  # plugins that gather pages across the build: mkdocs' own build, one page at a time
    except (MkDocsException, OSError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise HelderError(f"{ws.mkdocs_yml}: the site did not build: {exc}") from None
    old = ws.root / ".site-old"
    shutil.rmtree(old, ignore_errors=True)
    if ws.site_dir.exists():
        ws.site_dir.rename(old)
    staging.rename(ws.site_dir)
    shutil.rmtree(old, ignore_errors=True)
    if stats is not None:
        site_builder.save_record(record_path(ws), stats)  # only now: it describes the site that is in place
    else:
        record_path(ws).unlink(missing_ok=True)
    pages = sum(1 for _ in ws.site_dir.rglob("index.html"))
    return BuildResult(site_dir=ws.site_dir, pages=pages,
                       rendered=stats.rendered if stats is not None else pages)


def record_path(ws: Workspace) -> Path:
    return ws.data_dir / "build-record.json"


def prepare_config(config: Any, ws: Workspace) -> None:
    """Add what Helder brings to the user's mkdocs.yml: its plugin (theme fixes, hidden search keywords) and the
    feedback settings of `[site]`. Settings the user wrote in `extra:` win over Helder's."""
    from helder.publish.site_plugin import HelderSitePlugin

    for key, value in feedback_extra(ws.site_settings, ws.language, ws.address).items():
        config.extra.setdefault(key, value)
    config.plugins["helder"] = HelderSitePlugin()
