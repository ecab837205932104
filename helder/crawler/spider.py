"""The Helder spider: follows the site's links inside its scope and yields one PageRecord per URL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from helder.crawler.extract import extract
from helder.crawler.store import PageRecord
from helder.crawler.urls import UrlMap, clean, section_of


class HelderSpider(scrapy.Spider):
    name = "helder"
    custom_settings: ClassVar[dict[str, Any]] = {"HTTPERROR_ALLOW_ALL": True}  # 404s and 500s are facts to record

    def __init__(self, start_urls: list[str], public_base: str, fetch_base: str | None = None,
                 max_pages: int = 10_000, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls = UrlMap(public_base=public_base, fetch_base=fetch_base)
        self.start_urls = [self.urls.to_fetch(clean(u)) for u in start_urls]
        self.max_pages = int(max_pages)
        self.scheduled: set[str] = set()

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_urls:
            request = self._request(url, found_from="start")
            if request is not None:
                yield request

    def _request(self, url: str, found_from: str) -> scrapy.Request | None:
        """A request for an in-scope URL not seen before, while the page budget lasts."""
        if url in self.scheduled or len(self.scheduled) >= self.max_pages or not self.urls.in_scope(url):
            return None
        self.scheduled.add(url)
        # Our own `scheduled` set deduplicates; dont_filter lets a redirect reach a page crawled before, so the
        # redirect is recorded on that page instead of vanishing in Scrapy's duplicate filter.
        return scrapy.Request(url, callback=self.parse, errback=self.failed, dont_filter=True,
                              meta={"found_from": found_from})

    def parse(self, response: Response) -> Iterator[PageRecord | scrapy.Request]:
        public_url = self.urls.to_public(clean(response.url))
        content_type = response.headers.get("Content-Type", b"").decode("latin-1").split(";")[0].strip().lower()
        record = PageRecord(
            url=public_url,
            fetched_url=response.url,
            status=response.status,
            content_type=content_type,
            redirected_from=[self.urls.to_public(u) for u in response.meta.get("redirect_urls", [])],
            found_from=response.meta.get("found_from", ""),
            section=section_of(public_url),
        )
        is_html = isinstance(response, TextResponse) and content_type in ("text/html", "application/xhtml+xml")
        if response.status != 200 or not is_html:
            yield record
            return
        page = extract(response.text, response.url)
        record.lang, record.title, record.description = page.lang, page.title, page.description
        record.canonical = self.urls.to_public(page.canonical) if page.canonical else ""
        record.h1, record.headings = page.h1, page.headings
        record.blocks = [(b.kind, b.text) for b in page.blocks]
        record.text, record.content_hash = page.text, page.content_hash
        record.word_count = len(page.text.split())
        record.links = [(self.urls.to_public(link.url), link.text, link.region) for link in page.links]
        yield record
        for link in page.links:
            request = self._request(link.url, found_from=public_url)
            if request is not None:
                yield request

    def failed(self, failure: Failure) -> Iterator[PageRecord]:
        request = failure.request  # type: ignore[attr-defined]
        if failure.check(scrapy.exceptions.IgnoreRequest):  # robots.txt said no, or an offsite redirect
            return
        url = self.urls.to_public(clean(request.url))
        yield PageRecord(url=url, fetched_url=request.url, status=None, section=section_of(url),
                         found_from=request.meta.get("found_from", ""),
                         error=f"{failure.type.__name__}: {failure.getErrorMessage()}"[:500])
