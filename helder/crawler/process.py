"""Run a crawl in a child process and show its progress from the store while it runs."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field, replace

from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from helder.config import CrawlSettings, Workspace
from helder.crawler import DOCUMENT_TYPES
from helder.crawler.store import PageStore, StoreError
from helder.errors import HelderError

# Exit statuses of the crawl's child process (helder.crawler.run).
START_URL_FAILED = 3
INTERRUPTED = 4


@dataclass
class CrawlSummary:
    crawl_id: int
    pages: int
    html_pages: int
    documents: int
    unchanged: int
    errors: dict[str, int]
    skipped: dict[str, int]
    broken_links: list[tuple[str, str, list[str]]]
    cuts: list[tuple[str, str, int, str]] = field(default_factory=list)  # (pattern, limit, skipped, example)
    seconds: float = 0.0


def run_crawl(ws: Workspace, crawl: CrawlSettings | None = None, show_progress: bool = True,
              resume: bool = False, shared: str = "") -> CrawlSummary:
    crawl = crawl or ws.crawl
    started = time.monotonic()
    child, crawl_id = start_crawl(ws, crawl, resume, shared)
    try:
        with PageStore(ws.crawl_db) as store:
            _show_progress(store, crawl_id, child, crawl.start_urls[0], show_progress)
            _, stderr = child.communicate()
            if child.returncode != 0:
                lines = [line for line in (stderr or "").splitlines() if line.strip()]
                reason = lines[-1] if lines else f"the crawler stopped with exit status {child.returncode}"
                if child.returncode not in (START_URL_FAILED, INTERRUPTED):
                    reason += f" (details in {ws.data_dir / 'crawl.log'}; `helder crawl --resume` goes on)"
                raise HelderError(reason)
            return summarise(store, crawl_id, time.monotonic() - started)
    except KeyboardInterrupt:
        child.terminate()  # Scrapy shuts down cleanly; what was stored stays, and --resume goes on from there
        child.wait()
        raise


def start_crawl(ws: Workspace, crawl: CrawlSettings, resume: bool = False,
                shared: str = "") -> tuple[subprocess.Popen[str], int]:
    """Start the crawl's child process; returns it with the crawl's id in the store. With `shared` (a Redis URL)
    the process is one of several that crawl the site together through a shared queue."""
    ws.data_dir.mkdir(parents=True, exist_ok=True)
    try:
        store = PageStore(ws.crawl_db)
    except StoreError as exc:
        raise HelderError(str(exc)) from None
    with store:
        latest = store.latest_crawl()
        if resume:
            if latest is None or latest.status in ("finished", "failed"):
                raise HelderError(f"{ws.crawl_db}: no interrupted crawl to resume; run `helder crawl`.")
            crawl_id = latest.id
        else:
            crawl_id = store.begin_crawl(list(crawl.start_urls))
    args = {"crawl": {**asdict(crawl), "start_urls": list(crawl.start_urls)}, "store": str(ws.crawl_db),
            "crawl_id": crawl_id, "resume": resume, "public_base": ws.site,
            "log_file": str(ws.data_dir / "crawl.log"), "shared": shared, "shared_name": shared_name(ws)}
    child = subprocess.Popen([sys.executable, "-m", "helder.crawler.run", json.dumps(args)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return child, crawl_id


def _show_progress(store: PageStore, crawl_id: int, child: subprocess.Popen[str], label: str, show: bool) -> None:
    columns = (SpinnerColumn(), TextColumn("[bold]crawl[/] {task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, disable=not show, transient=True) as progress:
        task = progress.add_task(label, total=None)
        while child.poll() is None:
            counts = store.frontier_counts(crawl_id)
            known = sum(counts.values())
            progress.update(task, completed=known - counts.get("queued", 0), total=known or None)
            time.sleep(0.25)


def shared_name(ws: Workspace) -> str:
    """The name under which processes crawling the same site meet in Redis."""
    from urllib.parse import urlsplit

    return urlsplit(ws.site).netloc


def summarise(store: PageStore, crawl_id: int, seconds: float = 0.0) -> CrawlSummary:
    rows = store.db.execute("SELECT status, error, content_type, word_count, last_fetch FROM page_meta"
                            " WHERE crawl_id = ?", (crawl_id,)).fetchall()
    errors: Counter[str] = Counter()
    for row in rows:
        if row["status"] is None:
            errors[row["error"].split(":", 1)[0]] += 1
        elif row["status"] >= 400:
            errors[f"HTTP {row['status']}"] += 1
    skipped = {r[0]: r[1] for r in store.db.execute(
        "SELECT reason, count(*) FROM frontier WHERE crawl_id = ? AND state = 'skipped' GROUP BY reason",
        (crawl_id,))}
    ok = [r for r in rows if r["status"] == 200]
    return CrawlSummary(
        crawl_id=crawl_id, pages=len(rows),
        html_pages=sum(1 for r in ok if r["content_type"].startswith(("text/html", "application/xhtml"))),
        documents=sum(1 for r in ok if r["content_type"] in DOCUMENT_TYPES),
        unchanged=sum(1 for r in rows if r["last_fetch"] != "full"),
        errors=dict(errors), skipped=skipped, broken_links=store.broken_links(crawl_id),
        cuts=[(r["pattern"], r["limit_kind"], r["skipped"], r["example"]) for r in store.cuts(crawl_id)],
        seconds=seconds)


def with_overrides(crawl: CrawlSettings, **changes: object) -> CrawlSettings:
    """The workspace's crawl settings with the command line's changes (None means: keep)."""
    return replace(crawl, **{k: v for k, v in changes.items() if v is not None})
