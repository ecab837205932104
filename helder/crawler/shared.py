"""One very large site crawled by several processes (or machines) that share a Redis queue (scrapy-redis).

Each process runs `helder crawl --shared redis://HOST:PORT/0` and stores what it fetches in its own store; the
union of the stores is the crawl. What they share lives in Redis under `helder:<name>:`:
- `requests`: scrapy-redis's queue of requests, so any process can take any URL;
- `seen`: every URL admitted to the crawl (an atomic SADD decides which process queues it, so no URL is fetched
  twice), with `total` and `patterns` counting towards the crawl's limits;
- `workers`: which process is busy, so a process that runs out of work stays until no other process can still
  add some (plain scrapy-redis stops a process as soon as it alone is idle, or never).
The keys are removed when the last process closes.

Politeness is per process: with N processes the site gets N times the load of one; divide `concurrency` and
`max_rate` by N.
"""

from __future__ import annotations

import os
import socket
import time
from typing import Any

import redis
import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.connection import get_redis_from_settings
from scrapy_redis.scheduler import Scheduler

from helder.crawler.store import Discovered
from helder.crawler.urls import trap_pattern

WORKER = f"{socket.gethostname()}:{os.getpid()}"
STALE_SECONDS = 120  # a worker silent this long is gone, not busy


def keys(name: str) -> dict[str, str]:
    prefix = f"helder:{name}"
    return {k: f"{prefix}:{k}" for k in ("requests", "dupefilter", "seen", "total", "patterns", "workers")}


def redis_settings(url: str, name: str) -> dict[str, Any]:
    k = keys(name)
    return {
        "SCHEDULER": "helder.crawler.shared.SharedScheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,  # else the first process to finish empties the others' queue
        "SCHEDULER_FLUSH_ON_START": False,  # else a late starter wipes the shared queue
        "SCHEDULER_IDLE_BEFORE_CLOSE": 0,  # a blocking pop would stall Scrapy's event loop
        "SCHEDULER_QUEUE_KEY": k["requests"],
        "SCHEDULER_DUPEFILTER_KEY": k["dupefilter"],
        "REDIS_URL": url,
        "HELDER_SHARED_NAME": name,
        "EXTENSIONS": {"helder.crawler.shared.SharedIdleClose": 500},
    }


class SharedFrontier:
    """The crawl's limits and duplicate check, shared by every process through Redis."""

    def __init__(self, url: str, name: str) -> None:
        self.server = redis.Redis.from_url(url)
        self.keys = keys(name)

    def admit(self, found: list[Discovered], max_pages: int, max_depth: int, pattern_limit: int,
              cut: Any) -> list[Discovered]:
        admitted = []
        for discovered in found:
            if discovered.depth > max_depth:
                cut(trap_pattern(discovered.url), "depth", discovered.url)
                continue
            if not self.server.sadd(self.keys["seen"], discovered.url):
                continue  # another process (or this one) has it already
            pattern = trap_pattern(discovered.url)
            if int(self.server.incr(self.keys["total"])) > max_pages:
                cut("(any)", "max_pages", discovered.url)
            elif int(self.server.hincrby(self.keys["patterns"], pattern, 1)) > pattern_limit:
                cut(pattern, "pattern", discovered.url)
            else:
                admitted.append(discovered)
        return admitted


class SharedScheduler(Scheduler):
    """scrapy-redis's scheduler, marking this worker busy whenever it takes a request (a heartbeat)."""

    _last_mark = 0.0

    def enqueue_request(self, request: scrapy.Request) -> bool:
        # scrapy-redis 0.9 passes spider= to stats.inc_value, which Scrapy 2.19 deprecates; same logic without it
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self) -> scrapy.Request | None:
        request = self.queue.pop(self.idle_before_close)
        if request is not None:
            if self.stats:
                self.stats.inc_value("scheduler/dequeued/redis")
            if time.monotonic() - self._last_mark > 1.0:
                self._last_mark = time.monotonic()
                self.server.hset(_workers_key(self.spider), WORKER, f"busy:{time.time()}")
        return request

    def mark_idle(self) -> None:
        self._last_mark = 0.0


def _workers_key(spider: scrapy.Spider) -> str:
    return keys(spider.settings.get("HELDER_SHARED_NAME", spider.name))["workers"]


class SharedIdleClose:
    """Close a process only when the shared queue is empty and no other process is still busy."""

    def __init__(self, crawler: scrapy.crawler.Crawler) -> None:
        self.crawler = crawler
        self.server = get_redis_from_settings(crawler.settings)
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.idle, signal=signals.spider_idle)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: scrapy.crawler.Crawler) -> SharedIdleClose:
        return cls(crawler)

    def opened(self, spider: scrapy.Spider) -> None:
        self.server.hset(_workers_key(spider), WORKER, f"busy:{time.time()}")

    def idle(self, spider: scrapy.Spider) -> None:
        key = _workers_key(spider)
        self.server.hset(key, WORKER, f"idle:{time.time()}")
        scheduler = self.crawler.engine._slot.scheduler
        if hasattr(scheduler, "mark_idle"):
            scheduler.mark_idle()
        if len(scheduler) > 0:
            raise DontCloseSpider
        now = time.time()
        for worker, state in self.server.hgetall(key).items():
            kind, _, stamp = state.decode().partition(":")
            if worker.decode() != WORKER and kind == "busy" and now - float(stamp) < STALE_SECONDS:
                raise DontCloseSpider  # it may still add URLs to the shared queue

    def closed(self, spider: scrapy.Spider) -> None:
        key = _workers_key(spider)
        self.server.hdel(key, WORKER)
        if not self.server.hlen(key):  # the last one out clears the crawl's keys, so a rerun starts afresh
            self.server.delete(*keys(spider.settings.get("HELDER_SHARED_NAME", spider.name)).values())
