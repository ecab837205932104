"""Run a crawl in a child process and show its progress from the store while it runs."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, replace

from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from helder.config import CrawlSettings, Workspace
from helder.crawler.store import PageStore
from helder.errors import HelderError


@dataclass
class CrawlSummary:
    crawl_id: int
    pages: int
    html_pages: int
    errors: dict[str, int]
    broken_links: list[tuple[str, str, list[str]]]
    seconds: float


def run_crawl(ws: Workspace, crawl: CrawlSettings | None = None, show_progress: bool = True) -> CrawlSummary:
    crawl = crawl or ws.crawl
    ws.data_dir.mkdir(parents=True, exist_ok=True)
    with PageStore(ws.crawl_db) as store:
        crawl_id = store.begin_crawl(list(crawl.start_urls))
    args = {
        "crawl": {**asdict(crawl), "start_urls": list(crawl.start_urls)},
        "store": str(ws.crawl_db),
        "crawl_id": crawl_id,
        "public_base": ws.site,
        "log_file": str(ws.data_dir / "crawl.log"),
    }
    started = time.monotonic()
    child = subprocess.Popen([sys.executable, "-m", "helder.crawler.run", json.dumps(args)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with PageStore(ws.crawl_db) as store:
        with Progress(SpinnerColumn(), TextColumn("[bold]crawl[/] {task.description}"), TimeElapsedColumn(),
                      disable=not show_progress, transient=True) as progress:
            task = progress.add_task(crawl.start_urls[0])
            while child.poll() is None:
                progress.update(task, description=f"{crawl.start_urls[0]} — {store.count(crawl_id)} URLs")
                time.sleep(0.25)
        _, stderr = child.communicate()
        if child.returncode != 0:
            lines = [line for line in (stderr or "").splitlines() if line.strip()]
            reason = lines[-1] if lines else f"the crawler stopped with exit status {child.returncode}"
            if child.returncode != 3:
                store.finish_crawl(crawl_id, "failed")
                reason += f" (details in {ws.data_dir / 'crawl.log'})"
            raise HelderError(reason)
        return _summary(store, crawl_id, time.monotonic() - started)


def _summary(store: PageStore, crawl_id: int, seconds: float) -> CrawlSummary:
    rows = store.db.execute(
        "SELECT status, error, content_type, word_count FROM pages WHERE crawl_id = ?", (crawl_id,)).fetchall()
    errors: Counter[str] = Counter()
    for row in rows:
        if row["status"] is None:
            errors[row["error"].split(":", 1)[0]] += 1
        elif row["status"] >= 400:
            errors[f"HTTP {row['status']}"] += 1
    html = sum(1 for r in rows if r["status"] == 200 and r["content_type"].startswith("text/html"))
    return CrawlSummary(crawl_id=crawl_id, pages=len(rows), html_pages=html, errors=dict(errors),
                        broken_links=store.broken_links(crawl_id), seconds=seconds)


def with_overrides(crawl: CrawlSettings, **changes: object) -> CrawlSettings:
    """The workspace's crawl settings with the command line's changes (None means: keep)."""
    return replace(crawl, **{k: v for k, v in changes.items() if v is not None})
