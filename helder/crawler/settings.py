"""Scrapy settings built from the workspace's [crawl] table: polite by default, fast only when told."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helder.config import CrawlSettings

# What any Helder crawl needs, also when Scrapyd runs the spider (see helder/crawler/scrapy_project.py).
BASE_SETTINGS: dict[str, Any] = {
    "BOT_NAME": "helder",
    "ROBOTSTXT_OBEY": True,
    "ITEM_PIPELINES": {"helder.crawler.pipelines.StorePipeline": 300},
    "DOWNLOADER_MIDDLEWARES": {
        "helder.crawler.politeness.ScopeMiddleware": 60,  # before robots.txt (100): no request off the site
        "helder.crawler.politeness.CrawlDelayMiddleware": 650,
    },
    "RETRY_TIMES": 2,  # 5xx, timeouts, DNS hiccups: a busy municipal server deserves a second chance
    "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
    "DOWNLOAD_TIMEOUT": 30,
    "DOWNLOAD_DELAY_JITTER": 0,  # the delay is a promise to the site, not an average
    "TELNETCONSOLE_ENABLED": False,  # no listening ports on the editor's machine
    "REMOTE_CONTROL_ENABLED": False,
    "COOKIES_ENABLED": False,  # session cookies make CMSes mint session URLs
    "REDIRECT_MAX_TIMES": 10,
    "LOG_LEVEL": "INFO",
}


def scrapy_settings(crawl: CrawlSettings, log_file: Path | None = None, shared: str = "",
                    shared_name: str = "") -> dict[str, Any]:
    delay = max(crawl.delay, 1 / crawl.max_rate if crawl.max_rate else 0.0)
    settings = {
        **BASE_SETTINGS,
        "USER_AGENT": crawl.user_agent,
        "CONCURRENT_REQUESTS": max(16, crawl.concurrency),
        "CONCURRENT_REQUESTS_PER_DOMAIN": crawl.concurrency,
        "DOWNLOAD_DELAY": delay,
        "AUTOTHROTTLE_ENABLED": crawl.autothrottle,
        "AUTOTHROTTLE_START_DELAY": max(delay, 0.25),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(crawl.concurrency),
        "DOWNLOAD_MAXSIZE": int(crawl.max_page_mb * 1024 * 1024),
        "DOWNLOAD_WARNSIZE": 0,
    }
    if log_file is not None:
        settings.update({"LOG_FILE": str(log_file), "LOG_FILE_APPEND": False})
    if shared:
        from helder.crawler.shared import redis_settings

        settings.update(redis_settings(shared, shared_name))
    return settings


def spider_arguments(crawl: CrawlSettings, store: Path, public_base: str, resume: bool,
                     crawl_id: int | None = None, shared: str = "", shared_name: str = "") -> dict[str, Any]:
    return {
        "shared": shared,
        "shared_name": shared_name,
        "store": str(store),
        "public_base": public_base,
        "start_urls": list(crawl.start_urls),
        "fetch_base": crawl.fetch_from or "",
        "max_pages": crawl.max_pages,
        "max_depth": crawl.max_depth,
        "pattern_limit": crawl.pattern_limit,
        "sitemaps": int(crawl.sitemaps),
        "trust_sitemap_lastmod": int(crawl.trust_sitemap_lastmod),
        "documents": int(crawl.documents),
        "resume": int(resume),
        "crawl_id": "" if crawl_id is None else crawl_id,
    }
