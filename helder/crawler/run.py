"""Child-process entry point of a crawl: `python -m helder.crawler.run '<json arguments>'`.

Scrapy's Twisted reactor can start only once per process, so every crawl gets a process of its own; the parent
(`helder.crawler.process`) shows progress by reading the store. Exit status 3 means the start URL failed; the
one-line reason is the last line on stderr.
"""

from __future__ import annotations

import json
import sys
from dataclasses import fields
from pathlib import Path

from scrapy.crawler import CrawlerProcess

from helder.config import CrawlSettings
from helder.crawler.settings import scrapy_settings
from helder.crawler.spider import HelderSpider
from helder.crawler.store import PageStore
from helder.crawler.urls import UrlMap, clean

START_URL_FAILED = 3


def main(argv: list[str]) -> int:
    args = json.loads(argv[0])
    crawl = CrawlSettings(**{f.name: args["crawl"][f.name] for f in fields(CrawlSettings)})
    store_path, crawl_id = Path(args["store"]), int(args["crawl_id"])
    process = CrawlerProcess(scrapy_settings(crawl, store_path, crawl_id, Path(args["log_file"])))
    process.crawl(HelderSpider, start_urls=list(crawl.start_urls), public_base=args["public_base"],
                  fetch_base=crawl.fetch_from, max_pages=crawl.max_pages)
    process.start()

    with PageStore(store_path) as store:
        urls = UrlMap(args["public_base"], crawl.fetch_from)
        problem = _start_url_problem(store, [urls.to_public(clean(u)) for u in crawl.start_urls])
        store.finish_crawl(crawl_id, "failed" if problem else "finished")
    if problem:
        print(problem, file=sys.stderr)
        return START_URL_FAILED
    return 0


def _start_url_problem(store: PageStore, start_urls: list[str]) -> str | None:
    """Why the crawl could not start, or None when at least one start URL gave a page."""
    reasons = []
    for url in start_urls:
        row = store.get(url) or store.db.execute(
            "SELECT * FROM pages WHERE redirected_from LIKE ?", (f'%"{url}"%',)).fetchone()
        if row is None:
            reasons.append(f"{url}: no response (is it disallowed by robots.txt, or outside the site?)")
        elif row["status"] == 200:
            return None
        elif row["status"] is None:
            reasons.append(f"{url}: {row['error']}")
        else:
            reasons.append(f"{url}: the server answered HTTP {row['status']}")
    return "the start URL failed — " + "; ".join(reasons) + ". Check the URL and that the site is reachable."


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
