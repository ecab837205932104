"""`helder demo`: the whole pipeline on Gemeente Voorbeeldstad, served on 127.0.0.1 and crawled over HTTP."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from helder import pipeline
from helder.config import CONFIG_NAME, Workspace, load_workspace
from helder.crawler.process import with_overrides
from helder.demo import NAME, PUBLIC_SITE, SEARCH_CONSOLE_EXPORT
from helder.demo.server import serve
from helder.errors import HelderError
from helder.workspace import init_workspace


def demo_workspace(root: Path) -> Workspace:
    """The demo's workspace in `root`: created when missing, refused when it belongs to another site."""
    root.mkdir(parents=True, exist_ok=True)
    if not (root / CONFIG_NAME).exists():
        init_workspace(root, name=NAME, site=PUBLIC_SITE, language="nl")
    ws = load_workspace(root)
    if ws.site != PUBLIC_SITE:
        raise HelderError(f"{root / CONFIG_NAME} is the workspace of {ws.site}; run the demo in another folder: "
                          f"`helder demo voorbeeldstad-demo`.")
    return ws


def run_demo(root: Path, console: Console) -> Workspace:
    ws = demo_workspace(root)
    with serve() as base_url:
        console.print(f"[bold]demo[/]   {NAME} is served at {base_url} (as {PUBLIC_SITE})")
        # A local server can take it: no delay, several requests at once.
        settings = with_overrides(ws.crawl, fetch_from=base_url, delay=0.0, max_rate=0.0, concurrency=8,
                                  autothrottle=False)
        pipeline.crawl(ws, console, settings)
    pipeline.import_terms(ws, console, [SEARCH_CONSOLE_EXPORT])
    pipeline.audit(ws, console)
    pipeline.generate_pages(ws, console)
    pipeline.build(ws, console)
    # The report again, now that the new task pages exist: it links them and shows findability after.
    pipeline.report(ws, console)
    return ws
