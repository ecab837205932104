"""Scrapy item pipeline: commit each fetched URL to the store, with the URLs it leads to, in one transaction."""

from __future__ import annotations

from typing import Any

import scrapy

from helder.crawler.spider import Fetched, HelderSpider, Unchanged


class StorePipeline:
    def __init__(self, crawler: scrapy.crawler.Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: scrapy.crawler.Crawler) -> StorePipeline:
        return cls(crawler)

    def process_item(self, item: Any, spider: scrapy.Spider | None = None) -> Any:
        helder = self.crawler.spider
        assert isinstance(helder, HelderSpider) and helder.store is not None
        store, crawl_id = helder.store, helder.crawl_id
        if isinstance(item, Fetched):
            done = [item.frontier_url, *item.record.redirected_from]
            store.commit_page(crawl_id, item.record, done=done, found=helder.admit(item.found))
            helder.settled(item.frontier_url)
        elif isinstance(item, Unchanged):
            found = helder.admit(helder._stored_links(item.url, item.depth))
            store.carry_forward(crawl_id, [item.url], "not-modified", found)
            helder.settled(item.frontier_url)
        return item
