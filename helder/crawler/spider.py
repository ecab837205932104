"""The Helder spider: a polite, resumable crawl of one site, fed from the store's frontier.

Requests come only from `start()`, which takes queued URLs from the SQLite frontier in discovery order, as fast
as the downloader takes them (Scrapy's lazy start pattern), so memory does not grow with the size of the site.
`parse()` turns each response into a `Fetched` item; the `StorePipeline` commits the page, the new URLs it links
to and the "done" mark in one transaction. A crawl killed at any moment therefore resumes with `resume=1`
exactly where its last commit left it.

All arguments may be strings, as Scrapyd passes them.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from protego import Protego
from scrapy import signals
from scrapy.http import Response
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from helder.crawler import DOCUMENT_TYPES
from helder.crawler.extract import decode_html, extract
from helder.crawler.store import Discovered, PageRecord, PageStore
from helder.crawler.urls import UrlMap, normalise, section_of, trap_pattern

HTML_TYPES = ("text/html", "application/xhtml+xml")
QUEUE_BATCH = 500  # queued URLs looked at per round: unchanged ones are kept in bulk, the rest requested
MAX_SITEMAPS = 1_000  # sitemap files one crawl reads, indexes included
LOST_AFTER = 10.0  # seconds of an idle Scrapy with URLs still in flight before they count as lost
# Never pages: recorded as skipped instead of downloaded.
NOT_PAGES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico", ".css", ".js", ".zip", ".rar", ".7z",
             ".mp3", ".mp4", ".avi", ".mov", ".wmv", ".ics", ".xls", ".xlsx", ".ppt", ".pptx", ".exe", ".dmg")


@dataclass
class Fetched:
    """A fetched URL: its page record, the URLs it leads to, and the frontier entries it settles."""

    record: PageRecord
    frontier_url: str
    found: list[Discovered] = field(default_factory=list)


@dataclass
class Unchanged:
    """A 304 Not Modified: keep the stored page."""

    url: str
    frontier_url: str
    depth: int


def _flag(value: Any) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def _url_list(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [v for v in str(value or "").replace(",", " ").split() if v]


class HelderSpider(scrapy.Spider):
    name = "helder"
    custom_settings: ClassVar[dict[str, Any]] = {"HTTPERROR_ALLOW_ALL": True}  # 404s and 500s are facts to record

    def __init__(self, store: str = "", public_base: str = "", start_urls: Any = "", fetch_base: str = "",
                 max_pages: Any = 10_000, max_depth: Any = 25, pattern_limit: Any = 1_000, sitemaps: Any = "1",
                 trust_sitemap_lastmod: Any = "1", documents: Any = "1", resume: Any = "0", crawl_id: Any = "",
                 shared: str = "", shared_name: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        starts = _url_list(start_urls)
        public = public_base or (starts[0] if starts else "")
        self.urls = UrlMap(public_base=public, fetch_base=fetch_base or None)
        self.start_urls = [normalise(self.urls.to_public(u)) for u in starts]
        # Scrapy's offsite filter then drops redirects that leave the site before they are fetched.
        self.allowed_domains = sorted({h for h in (urlsplit(fetch_base or public).hostname,) if h})
        self.store_path = store
        self.max_pages, self.max_depth = int(max_pages), int(max_depth)
        self.pattern_limit = int(pattern_limit)
        self.use_sitemaps, self.trust_lastmod = _flag(sitemaps), _flag(trust_sitemap_lastmod)
        self.read_documents, self.resume = _flag(documents), _flag(resume)
        self.given_crawl_id = int(crawl_id) if str(crawl_id).strip() else None
        self.in_flight: set[str] = set()
        self.link_cache: dict[str, tuple[str, bool]] = {}
        self.lost: dict[str, int] = {}
        self.idle_since: float | None = None
        self.crawl_delay = 0.0
        self.cuts: dict[tuple[str, str], tuple[int, str]] = {}
        self.store: PageStore | None = None
        self.crawl_id = 0
        self.shared_url, self.shared_name = shared, shared_name
        self.shared: Any = None  # a SharedFrontier when several processes crawl the site together

    @classmethod
    def from_crawler(cls, crawler: scrapy.crawler.Crawler, *args: Any, **kwargs: Any) -> HelderSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._closed, signal=signals.spider_closed)
        crawler.signals.connect(spider._spider_error, signal=signals.spider_error)
        return spider

    # -- lifecycle -------------------------------------------------------------------------------------------
    def _open(self) -> None:
        from pathlib import Path

        self.store = PageStore(Path(self.store_path))
        if self.shared_url:
            from helder.crawler.shared import SharedFrontier

            self.shared = SharedFrontier(self.shared_url, self.shared_name or self.name)
            self.trust_lastmod = False  # our store holds only our share of the pages: no sitemap shortcuts
        latest = self.store.latest_crawl()
        if self.given_crawl_id is not None:
            self.crawl_id = self.given_crawl_id
        elif self.resume and latest is not None and latest.status != "finished":
            self.crawl_id = latest.id
        else:
            self.crawl_id = self.store.begin_crawl(self.start_urls)
        self.store.mark_running(self.crawl_id)
        self.store.enqueue(self.crawl_id, [Discovered(u, 0, "start", "") for u in self.start_urls])
        # The duplicate filter: hashes of every URL in this crawl's frontier (8 bytes of hash a URL, ~6 MB for
        # 100,000 URLs), so admitting links asks no database; rebuilt from the store when a crawl resumes.
        self.seen = {hash(url) for url in self.store.frontier_urls(self.crawl_id)}
        self.frontier_size = len(self.seen)
        self.patterns = self.store.pattern_counts(self.crawl_id, trap_pattern)
        self.logger.info("crawl %s: %s URLs known, %s queued", self.crawl_id, self.frontier_size,
                         self.store.frontier_counts(self.crawl_id).get("queued", 0))

    def _closed(self, spider: scrapy.Spider, reason: str) -> None:
        if self.store is None:
            return
        self.store.record_cuts(self.crawl_id, self.cuts)
        queued = self.store.frontier_counts(self.crawl_id).get("queued", 0)
        if self.shared is not None:  # our share is done; whether the start URL worked is another store's story
            self.store.finish_crawl(self.crawl_id, "finished")
        elif not queued:  # with URLs still queued (shut down, interrupted) the crawl stays resumable
            problem = self.store.start_problem(self.crawl_id, self.start_urls)
            self.store.finish_crawl(self.crawl_id, "failed" if problem else "finished", problem)
        self.store.close()

    def _spider_error(self, failure: Failure, response: Response, spider: scrapy.Spider) -> None:
        """A bug while handling one response must not stall the crawl: settle its URL with the error."""
        url = response.request.meta.get("frontier_url") if response.request is not None else None
        if url and self.store is not None and url in self.in_flight:
            record = self._record(response, url)
            record.error = f"{failure.type.__name__}: {failure.getErrorMessage()}"[:500]
            self.store.commit_page(self.crawl_id, record)
            self.settled(url)

    def settled(self, url: str) -> None:
        self.in_flight.discard(url)

    # -- requests --------------------------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[scrapy.Request]:
        self._open()
        assert self.store is not None
        # Crawl-delay and the sitemaps come first: a sitemap's <lastmod> can spare a recrawl many requests. They
        # are downloaded here, not scheduled, so that in a shared crawl no other process takes them.
        sitemap_urls = await self._read_robots()
        found = await self._read_sitemaps(sitemap_urls)
        if self.shared is not None:
            for discovered in self.admit([Discovered(u, 0, "start", "") for u in self.start_urls] + found):
                yield self._shared_request(discovered)
            return  # from here on every process takes its requests from the shared queue
        with self.store.db:
            self.store.db.execute("BEGIN IMMEDIATE")
            self.store.enqueue(self.crawl_id, self.admit(found))
        engine = self.crawler.engine
        while True:
            if engine.needs_backout():
                await self.crawler.signals.wait_for(signals.scheduler_empty)
                continue
            rows = self._carry_forward_unchanged(self.store.queued(self.crawl_id, QUEUE_BATCH, self.in_flight))
            for row in rows:
                request = self._request(row)
                if request is not None:
                    yield request
                if engine.needs_backout():
                    break  # the rest stays queued for the next round
            if not rows:
                if not self.in_flight and not self.store.queued(self.crawl_id, 1, self.in_flight):
                    return
                self._requeue_lost(engine)
                await asyncio.sleep(0.02)  # in-flight pages will reveal more URLs when they are stored

    async def _download(self, url: str) -> Response | None:
        request = scrapy.Request(url, dont_filter=True, meta={"dont_obey_robotstxt": url.endswith("/robots.txt")})
        try:
            return await self.crawler.engine.download_async(request)
        except Exception as exc:  # no robots.txt or sitemap is a missed hint, never a failed crawl
            self.logger.info("not read: %s (%s)", url, exc)
            return None

    async def _read_robots(self) -> list[str]:
        """Read robots.txt for its Crawl-delay; returns the sitemaps to read (those it names, and /sitemap.xml)."""
        if not self.start_urls:
            return []
        base = self.urls.to_fetch(self.start_urls[0])
        root = f"{urlsplit(base).scheme}://{urlsplit(base).netloc}"
        response = await self._download(root + "/robots.txt")
        text = response.body.decode("utf-8", errors="replace") if response is not None and response.status == 200 \
            else ""
        try:
            self.crawl_delay = float(Protego.parse(text).crawl_delay(self.settings.get("USER_AGENT", "*")) or 0)
            named = list(sitemap_urls_from_robots(text, base_url=root + "/robots.txt"))
        except Exception as exc:  # a broken robots.txt: Scrapy's own robots middleware still decides access
            self.logger.warning("robots.txt not understood: %s", exc)
            named = []
        if not self.use_sitemaps:
            return []
        candidates = [self.urls.to_fetch(self.urls.to_public(u)) for u in [*named, root + "/sitemap.xml"]]
        return [u for u in dict.fromkeys(candidates) if self.urls.in_scope(u)]

    async def _read_sitemaps(self, urls: list[str]) -> list[Discovered]:
        """Every page URL in the sitemaps, following sitemap indexes (at most MAX_SITEMAPS files)."""
        found: list[Discovered] = []
        queue, seen = list(urls), set(urls)
        while queue and len(seen) <= MAX_SITEMAPS:
            url = queue.pop(0)
            response = await self._download(url)
            sitemap = self._read_sitemap(response) if response is not None else None
            if sitemap is None:
                continue
            try:
                entries = [e for e in sitemap if self.urls.in_scope(e.get("loc", ""))]
            except Exception as exc:  # lxml raises several kinds on broken XML
                self.logger.warning("sitemap %s not read: %s", url, exc)
                continue
            if sitemap.type == "sitemapindex":
                for entry in entries:
                    child = self.urls.to_fetch(self.urls.to_public(entry["loc"]))
                    if child not in seen:
                        seen.add(child)
                        queue.append(child)
            elif sitemap.type == "urlset":
                public = self.urls.to_public(response.url)
                found += [Discovered(normalise(self.urls.to_public(e["loc"])), 1, "sitemap", public,
                                     e.get("lastmod", "")) for e in entries]
        return found

    def _requeue_lost(self, engine: Any) -> None:
        """URLs handed out but never answered while Scrapy has nothing left to do (a dropped request, a bug in a
        callback) go back to the queue; after three tries they are skipped as lost."""
        busy = engine.downloader.active or not engine.scraper.slot.is_idle() or \
            engine._slot.scheduler.has_pending_requests()
        if busy or not self.in_flight:
            self.idle_since = None
            return
        self.idle_since = self.idle_since or time.monotonic()
        if time.monotonic() - self.idle_since < LOST_AFTER:
            return
        assert self.store is not None
        for url in list(self.in_flight):
            self.lost[url] = self.lost.get(url, 0) + 1
            if self.lost[url] >= 3:
                self.store.skip(self.crawl_id, url, "lost: no answer after 3 tries")
            self.logger.warning("no answer for %s; %s", url, "skipped" if self.lost[url] >= 3 else "queued again")
        self.in_flight.clear()
        self.idle_since = None

    def _shared_request(self, discovered: Discovered) -> scrapy.Request:
        """A request for the shared queue: anything in its meta must survive pickling."""
        return scrapy.Request(self.urls.to_fetch(discovered.url), callback=self.parse, errback=self.failed,
                              dont_filter=True, meta={"frontier_url": discovered.url, "depth": discovered.depth,
                                                      "found_how": discovered.found_how,
                                                      "found_from": discovered.found_from})

    def _carry_forward_unchanged(self, rows: list[Any]) -> list[Any]:
        """Keep, in one transaction, the queued pages whose sitemap <lastmod> is older than our stored copy;
        return the rows that still need fetching."""
        assert self.store is not None
        dated = [r for r in rows if r["lastmod"]] if self.trust_lastmod else []
        if not dated:
            return rows
        stored = self.store.validators([r["url"] for r in dated])
        unchanged = [r for r in dated if (v := stored.get(r["url"])) and v[2] and r["lastmod"] <= v[2]]
        if not unchanged:
            return rows
        links = self.store.stored_links([r["url"] for r in unchanged])
        found = [Discovered(target, r["depth"] + 1, "link", r["url"]) for r in unchanged
                 for target in links[r["url"]] if hash(target) not in self.seen and self.urls.in_scope(target)]
        kept = set([r["url"] for r in unchanged]) - set(
            self.store.carry_forward(self.crawl_id, [r["url"] for r in unchanged], "sitemap-unchanged",
                                     self.admit(found)))
        return [r for r in rows if r["url"] not in kept]

    def _request(self, row: Any) -> scrapy.Request | None:
        assert self.store is not None
        url = row["url"]
        if urlsplit(url).path.lower().endswith(NOT_PAGES):
            self.store.skip(self.crawl_id, url, "not a page")
            return None
        stored = self.store.validators([url]).get(url)
        headers = {}
        if stored:
            etag, last_modified, _ = stored
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
        self.in_flight.add(url)
        # Our frontier deduplicates; dont_filter lets a redirect reach a page crawled before, so the redirect is
        # recorded on that page instead of vanishing in Scrapy's duplicate filter.
        return scrapy.Request(self.urls.to_fetch(url), callback=self.parse, errback=self.failed, headers=headers,
                              dont_filter=True, meta={"frontier_url": url, "depth": row["depth"],
                                                      "found_how": row["found_how"],
                                                      "found_from": row["found_from"],
                                                      "started": time.monotonic()})

    # -- sitemaps --------------------------------------------------------------------------------------------
    def _read_sitemap(self, response: Response) -> Sitemap | None:
        body = response.body
        if body[:2] == b"\x1f\x8b":
            try:
                body = gunzip(body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
            except OSError:
                return None
        if response.status != 200 or b"<" not in body[:500]:
            return None
        try:
            return Sitemap(body)
        except Exception:  # lxml raises several kinds on broken XML; a broken sitemap is only a missed hint
            return None

    # -- responses -------------------------------------------------------------------------------------------
    def parse(self, response: Response) -> Iterator[Fetched | Unchanged | scrapy.Request]:
        frontier_url = response.meta["frontier_url"]
        depth = response.meta.get("depth", 0)
        if response.status == 304:
            yield Unchanged(url=frontier_url, frontier_url=frontier_url, depth=depth)
            return
        if not self.urls.in_scope(response.url):  # a redirect led off the site: not ours to store
            assert self.store is not None
            self.store.skip(self.crawl_id, frontier_url, f"redirect off the site to {response.url}"[:300])
            self.settled(frontier_url)
            return
        record = self._record(response, frontier_url)
        found: list[Discovered] = []
        kind = record.content_type
        if response.status == 200 and kind in HTML_TYPES:
            found = self._read_html(response, record, depth)
        elif response.status == 200 and self.read_documents and _document_kind(kind, record.url):
            self._read_document(response.body, record, _document_kind(kind, record.url))
        if self.shared is None:
            yield Fetched(record=record, frontier_url=frontier_url, found=found)
            return
        yield Fetched(record=record, frontier_url=frontier_url)  # the links go to the shared queue instead
        for discovered in self.admit(found):
            yield self._shared_request(discovered)

    def _record(self, response: Response, frontier_url: str) -> PageRecord:
        public_url = normalise(self.urls.to_public(response.url))
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        meta = response.meta
        return PageRecord(
            url=public_url,
            fetched_url=response.url,
            status=response.status,
            content_type=content_type.split(";")[0].strip().lower(),
            bytes=len(response.body),
            redirected_from=[normalise(self.urls.to_public(u)) for u in meta.get("redirect_urls", [])],
            found_how=meta.get("found_how", ""),
            found_from=meta.get("found_from", ""),
            depth=meta.get("depth", 0),
            section=section_of(public_url),
            etag=response.headers.get("ETag", b"").decode("latin-1"),
            last_modified=response.headers.get("Last-Modified", b"").decode("latin-1"),
            fetch_ms=int(1000 * (time.monotonic() - meta.get("started", time.monotonic()))),
        )

    def _read_html(self, response: Response, record: PageRecord, depth: int) -> list[Discovered]:
        declared = _declared_charset(response.headers.get("Content-Type", b"").decode("latin-1"))
        html, record.charset = decode_html(response.body, declared)
        page = extract(html, response.url)
        record.lang, record.title, record.description = page.lang, page.title, page.description
        record.h1, record.headings = page.h1, page.headings
        record.blocks = [(b.kind, b.text) for b in page.blocks]
        record.text, record.content_hash = page.text, page.content_hash
        record.word_count = len(page.text.split())
        if not record.word_count:
            record.error = "empty page: no main text"
        found = []
        for link in page.links:
            target, in_scope = self._classify(link.url)
            record.links.append((target, link.text, link.region))
            if in_scope:
                found.append(Discovered(target, depth + 1, "link", record.url))
        if page.canonical:
            canonical = normalise(self.urls.to_public(page.canonical))
            if self.urls.in_scope(canonical):
                record.canonical = canonical
                if canonical != record.url:
                    found.append(Discovered(canonical, depth, "canonical", record.url))
        return found

    def _classify(self, url: str) -> tuple[str, bool]:
        """(public normalised URL, on the site?) for a link; menus repeat on every page, so it is remembered."""
        known = self.link_cache.get(url)
        if known is None:
            if len(self.link_cache) > 100_000:  # bounded: memory must not grow with the site
                self.link_cache.clear()
            target = normalise(self.urls.to_public(url))
            known = self.link_cache[url] = (target, self.urls.in_scope(url) or self.urls.in_scope(target))
        return known

    def _read_document(self, body: bytes, record: PageRecord, kind: str) -> None:
        from helder.crawler.documents import DocumentError, extract_docx, extract_pdf

        try:
            document = extract_pdf(body) if kind == "pdf" else extract_docx(body)
        except DocumentError as exc:
            record.error = f"document not read: {exc}"
            return
        record.title, record.lang = document.title, document.lang
        record.blocks = document.blocks
        record.h1 = next((text for k, text in document.blocks if k == "h1"), document.title)
        record.headings = [(int(k[1]), text) for k, text in document.blocks if k.startswith("h")]
        record.text = document.text
        record.word_count = len(document.text.split())
        import hashlib

        record.content_hash = hashlib.sha256(document.text.encode("utf-8")).hexdigest()

    def failed(self, failure: Failure) -> Iterator[Fetched]:
        request = failure.request  # type: ignore[attr-defined]
        frontier_url = request.meta.get("frontier_url")
        if frontier_url is None:
            return
        if failure.check(scrapy.exceptions.IgnoreRequest):
            reason = "robots.txt" if "robots" in failure.getErrorMessage().lower() else "ignored"
            if "offsite" in failure.getErrorMessage().lower():
                reason = "redirect off the site"
            if self.store is not None:
                self.store.skip(self.crawl_id, frontier_url, reason)
            self.settled(frontier_url)
            return
        record = PageRecord(url=frontier_url, fetched_url=request.url, status=None, section=section_of(frontier_url),
                            found_how=request.meta.get("found_how", ""), found_from=request.meta.get("found_from", ""),
                            depth=request.meta.get("depth", 0), error=_error_text(failure))
        yield Fetched(record=record, frontier_url=frontier_url)

    # -- limits ----------------------------------------------------------------------------------------------
    def admit(self, found: list[Discovered]) -> list[Discovered]:
        """The new URLs within the crawl's limits; the others are counted as cut, by the limit that cut them."""
        if self.shared is not None:
            return self.shared.admit(found, self.max_pages, self.max_depth, self.pattern_limit, self._cut)
        admitted = []
        for discovered in found:
            url = discovered.url
            if hash(url) in self.seen:
                continue
            pattern = trap_pattern(url)
            if discovered.depth > self.max_depth:
                self._cut(pattern, "depth", url)
            elif self.frontier_size >= self.max_pages:
                self._cut("(any)", "max_pages", url)
            elif self.patterns.get(pattern, 0) >= self.pattern_limit:
                self._cut(pattern, "pattern", url)
            else:
                self.patterns[pattern] = self.patterns.get(pattern, 0) + 1
                self.frontier_size += 1
                self.seen.add(hash(url))
                admitted.append(discovered)
        return admitted

    def _cut(self, pattern: str, kind: str, example: str) -> None:
        count, first = self.cuts.get((pattern, kind), (0, example))
        self.cuts[(pattern, kind)] = (count + 1, first)

    def _stored_links(self, url: str, depth: int) -> list[Discovered]:
        assert self.store is not None
        return [Discovered(target, depth + 1, "link", url) for target in self.store.stored_links([url])[url]
                if self.urls.in_scope(target)]


def _declared_charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _document_kind(content_type: str, url: str) -> str | None:
    if content_type in DOCUMENT_TYPES:
        return DOCUMENT_TYPES[content_type]
    path = urlsplit(url).path.lower()
    if content_type in ("application/octet-stream", "") and path.endswith((".pdf", ".docx")):
        return path.rsplit(".", 1)[1]
    return None


def _error_text(failure: Failure) -> str:
    message = failure.getErrorMessage()
    if "maxsize" in message.lower() or "max size" in message.lower():
        return f"TooLarge: {message}"[:500]
    return f"{failure.type.__name__}: {message}"[:500]
