"""Child-process entry point of a crawl: `python -m helder.crawler.run '<json arguments>'`.

Scrapy's Twisted reactor can start only once per process, so every crawl gets a process of its own; the parent
(`helder.crawler.process`) shows progress by reading the store. Exit status: 0 finished, 3 the start URL failed
(the one-line reason is the last line on stderr), 4 interrupted with URLs still queued (resumable).
"""

from __future__ import annotations

import json
import sys
from dataclasses import fields
from pathlib import Path

from scrapy.crawler import CrawlerProcess

from helder.config import CrawlSettings
from helder.crawler.process import INTERRUPTED, START_URL_FAILED
from helder.crawler.settings import scrapy_settings, spider_arguments
from helder.crawler.spider import HelderSpider
from helder.crawler.store import PageStore


def main(argv: list[str]) -> int:
    args = json.loads(argv[0])
    crawl = CrawlSettings(**{f.name: args["crawl"][f.name] for f in fields(CrawlSettings)})
    store_path = Path(args["store"])
    shared, shared_name = args.get("shared", ""), args.get("shared_name", "")
    process = CrawlerProcess(scrapy_settings(crawl, Path(args["log_file"]), shared, shared_name))
    process.crawl(HelderSpider, **spider_arguments(crawl, store_path, args["public_base"], args["resume"],
                                                   args["crawl_id"], shared, shared_name))
    process.start()

    with PageStore(store_path) as store:
        run = store.crawl(args["crawl_id"])
    if run is None or run.status == "running":
        print("the crawl was interrupted; `helder crawl --resume` goes on where it stopped.", file=sys.stderr)
        return INTERRUPTED
    if run.status == "failed":
        print(run.problem, file=sys.stderr)
        return START_URL_FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
