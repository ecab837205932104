"""Politeness that Scrapy does not enforce by itself: robots.txt's Crawl-delay, and scope including the port.

Scrapy's robots.txt parser reads Crawl-delay but nothing acts on it. The spider reads it when it fetches
robots.txt (before any page); this downloader middleware then keeps the site's download slot at least that far
apart, with no random shortening, whatever AutoThrottle or DOWNLOAD_DELAY would allow.
"""

from __future__ import annotations

from typing import Any

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.httpobj import urlparse_cached


class CrawlDelayMiddleware:
    def __init__(self, crawler: scrapy.crawler.Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: scrapy.crawler.Crawler) -> CrawlDelayMiddleware:
        return cls(crawler)

    def process_request(self, request: scrapy.Request, spider: scrapy.Spider | None = None) -> None:
        delay = float(getattr(self.crawler.spider, "crawl_delay", 0) or 0)
        if delay <= 0:
            return None
        downloader: Any = self.crawler.engine.downloader
        key = request.meta.get("download_slot") or urlparse_cached(request).hostname or ""
        slot = downloader.slots.get(key)
        if slot is not None:
            slot.delay = max(slot.delay, delay)
            slot.randomize_delay = False
        return None


class ScopeMiddleware:
    """No request ever leaves the site: Scrapy's offsite filter compares host names only, so a redirect to the
    same host on another port (another site) would get through, robots.txt fetch included."""

    def __init__(self, crawler: scrapy.crawler.Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: scrapy.crawler.Crawler) -> ScopeMiddleware:
        return cls(crawler)

    def process_request(self, request: scrapy.Request, spider: scrapy.Spider | None = None) -> None:
        urls = getattr(self.crawler.spider, "urls", None)
        if urls is not None and not urls.in_scope(request.url):
            raise IgnoreRequest(f"offsite: {request.url} is outside the site")
        return None
