"""Scrapy item pipeline that writes each PageRecord to the crawl store as it arrives."""

from __future__ import annotations

from pathlib import Path

import scrapy

from helder.crawler.store import PageRecord, PageStore


class StorePipeline:
    def __init__(self, store_path: str, crawl_id: int) -> None:
        self.store_path = Path(store_path)
        self.crawl_id = crawl_id
        self.store: PageStore | None = None

    @classmethod
    def from_crawler(cls, crawler: scrapy.crawler.Crawler) -> StorePipeline:
        return cls(crawler.settings["HELDER_STORE"], crawler.settings.getint("HELDER_CRAWL_ID"))

    def open_spider(self, spider: scrapy.Spider | None = None) -> None:
        self.store = PageStore(self.store_path)

    def close_spider(self, spider: scrapy.Spider | None = None) -> None:
        if self.store is not None:
            self.store.close()

    def process_item(self, item: PageRecord, spider: scrapy.Spider | None = None) -> PageRecord:
        assert self.store is not None
        self.store.save(item, self.crawl_id)
        return item
