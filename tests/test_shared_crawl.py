"""One large site, two crawler processes sharing a queue in a real redis-server on 127.0.0.1."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from helder.crawler.process import start_crawl, with_overrides
from helder.crawler.store import PageStore
from tests.conftest import make_workspace
from tests.services import redis_server
from tests.sites import ScriptedSite, page

pytest.importorskip("scrapy_redis")


def site_of(n: int) -> dict[str, object]:
    routes: dict[str, object] = {}
    for i in range(n):
        children = [f"/p{j}" for j in (2 * i + 1, 2 * i + 2, (5 * i + 7) % n) if 0 < j < n]
        routes["/" if i == 0 else f"/p{i}"] = page(f"Pagina {i}", text=f"Tekst van pagina {i}.", links=children)
    return routes


def stored_urls(root: Path) -> list[str]:
    db = sqlite3.connect(root / "data" / "crawl.sqlite")
    return [r[0] for r in db.execute("SELECT url FROM pages")]


def test_two_processes_share_the_crawl_without_duplicates(tmp_path: Path) -> None:
    # Each page takes 0.1 s to serve, so the shared crawl (2 requests at a time each) lasts several seconds: long
    # enough for the second process to start and take part even on a busy machine (at 0.02 s the first one
    # sometimes finished alone). The reference crawl asks 8 at a time to keep the test short.
    with ScriptedSite(site_of(150), delay=0.1) as site, redis_server() as redis_url:
        workers = [make_workspace(tmp_path / name, site=site.url("/")) for name in ("reference", "one", "two")]
        fast = {"delay": 0.0, "max_rate": 0.0, "concurrency": 2, "autothrottle": False}
        reference, one, two = workers
        single, _ = start_crawl(reference, with_overrides(reference.crawl, **{**fast, "concurrency": 8}))
        assert single.wait(timeout=120) == 0
        children = [start_crawl(ws, with_overrides(ws.crawl, **fast), shared=redis_url)[0] for ws in (one, two)]
        codes = [child.wait(timeout=180) for child in children]
        errors = [child.stderr.read() for child in children]
    assert codes == [0, 0], errors
    first, second = stored_urls(one.root), stored_urls(two.root)
    assert set(first) | set(second) == set(stored_urls(reference.root))
    assert not set(first) & set(second)
    assert len(first) == len(set(first)) and len(second) == len(set(second))
    assert first and second  # both processes did part of the work
    for ws in (one, two):
        with PageStore(ws.crawl_db) as store:
            assert store.latest_crawl().status == "finished"
    fetched = [path for _, _, path, _ in site.requests if not path.startswith(("/robots.txt", "/sitemap"))]
    assert len(fetched) == 2 * 150  # the reference crawl once, the shared crawl once: no page fetched twice
