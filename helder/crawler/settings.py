"""Scrapy settings built from the workspace's [crawl] table: polite by default, fast only when told."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helder.config import CrawlSettings


def scrapy_settings(crawl: CrawlSettings, store: Path, crawl_id: int, log_file: Path) -> dict[str, Any]:
    return {
        "BOT_NAME": "helder",
        "USER_AGENT": crawl.user_agent,
        "ROBOTSTXT_OBEY": True,
        "CONCURRENT_REQUESTS": max(16, crawl.concurrency),
        "CONCURRENT_REQUESTS_PER_DOMAIN": crawl.concurrency,
        "DOWNLOAD_DELAY": crawl.delay,
        "AUTOTHROTTLE_ENABLED": crawl.autothrottle,
        "AUTOTHROTTLE_START_DELAY": max(crawl.delay, 0.25),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(crawl.concurrency),
        "RETRY_TIMES": 2,  # 5xx and timeouts: a busy municipal server deserves a second chance
        "DOWNLOAD_TIMEOUT": 30,
        "DOWNLOAD_MAXSIZE": 25 * 1024 * 1024,
        "DOWNLOAD_WARNSIZE": 0,
        "TELNETCONSOLE_ENABLED": False,  # no listening port on the editor's machine
        "ITEM_PIPELINES": {"helder.crawler.pipelines.StorePipeline": 300},
        "HELDER_STORE": str(store),
        "HELDER_CRAWL_ID": crawl_id,
        "LOG_LEVEL": "INFO",
        "LOG_FILE": str(log_file),
        "LOG_FILE_APPEND": False,
    }
