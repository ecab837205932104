"""The crawl store: runs, pages, links, broken links."""

from __future__ import annotations

import json
from pathlib import Path

from helder.crawler.store import PageRecord, PageStore

SITE = "https://www.x.nl"


def test_a_page_reached_directly_and_by_redirect_keeps_its_redirect(tmp_path: Path) -> None:
    with PageStore(tmp_path / "crawl.sqlite") as store:
        crawl = store.begin_crawl([SITE + "/"])
        store.commit_page(crawl, PageRecord(url=f"{SITE}/b", fetched_url=f"{SITE}/b", status=200,
                                            redirected_from=[f"{SITE}/a"]))
        store.commit_page(crawl, PageRecord(url=f"{SITE}/b", fetched_url=f"{SITE}/b", status=200))
        assert json.loads(store.get(f"{SITE}/b")["redirected_from"]) == [f"{SITE}/a"]
        assert store.count(crawl) == 1


def test_broken_links_name_their_sources_and_links_are_replaced_per_page(tmp_path: Path) -> None:
    with PageStore(tmp_path / "crawl.sqlite") as store:
        crawl = store.begin_crawl([SITE + "/"])
        store.commit_page(crawl, PageRecord(url=f"{SITE}/", fetched_url=f"{SITE}/", status=200,
                              links=[(f"{SITE}/weg", "Weg", "content"), (f"{SITE}/ok", "Ok", "navigation")]))
        store.commit_page(crawl, PageRecord(url=f"{SITE}/weg", fetched_url=f"{SITE}/weg", status=404))
        store.commit_page(crawl, PageRecord(url=f"{SITE}/dns", fetched_url=f"{SITE}/dns", status=None,
                                            error="DNSLookupError: x"))
        assert store.broken_links(crawl) == [(f"{SITE}/weg", "404", [f"{SITE}/"])]
        assert [r["url"] for r in store.failures(crawl)] == [f"{SITE}/dns", f"{SITE}/weg"]
        # Saving a page again replaces its outgoing links.
        store.commit_page(crawl, PageRecord(url=f"{SITE}/", fetched_url=f"{SITE}/", status=200))
        assert store.broken_links(crawl) == []


def test_pages_come_from_the_latest_crawl_only(tmp_path: Path) -> None:
    with PageStore(tmp_path / "crawl.sqlite") as store:
        first = store.begin_crawl([SITE + "/"])
        store.commit_page(first, PageRecord(url=f"{SITE}/oud", fetched_url="", status=200, content_type="text/html",
                              word_count=3))
        store.finish_crawl(first, "finished")
        second = store.begin_crawl([SITE + "/"])
        store.commit_page(second, PageRecord(url=f"{SITE}/nieuw", fetched_url="", status=200, content_type="text/html",
                              word_count=3))
        assert [r["url"] for r in store.pages()] == [f"{SITE}/nieuw"]
        assert store.latest_crawl().status == "running"
