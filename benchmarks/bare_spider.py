"""The crawl benchmark's baseline: a bare Scrapy spider that only follows links, with Scrapy's LinkExtractor.

It extracts nothing from the pages; it counts them. Run by crawl_benchmark.py as
`python -m scrapy runspider bare_spider.py -a start=URL -a out=FILE -s ...`; it writes
{"pages": N, "statuses": {...}} to FILE when it closes, counting each URL once.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Response
from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule


class BareSpider(CrawlSpider):
    name = "bare"

    def __init__(self, start: str, out: str, **kwargs: Any) -> None:
        parts = urlsplit(start)
        self.start_urls = [start]
        self.allowed_domains = [parts.hostname or ""]  # the offsite middleware wants a host without port
        # LinkExtractor compares allow_domains with the link's host *and* port
        self.rules = (Rule(LinkExtractor(allow_domains=[parts.netloc]), callback="count", follow=True),)
        self.out = Path(out)
        self.statuses: Counter[int] = Counter()
        self.seen: set[str] = set()  # the start URL is fetched twice: as start request and as a link to "/"
        super().__init__(**kwargs)  # compiles self.rules

    def parse_start_url(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        return self.count(response)

    def count(self, response: Response) -> Iterator[Any]:
        if response.url not in self.seen:
            self.seen.add(response.url)
            self.statuses[response.status] += 1
        return iter(())

    def closed(self, reason: str) -> None:
        pages = self.statuses.get(200, 0)
        self.out.write_text(json.dumps({"pages": pages, "statuses": dict(self.statuses), "reason": reason}))
