"""The crawl store, `data/crawl.sqlite`.

Tables (documented in the README):
- `crawls`: one row per crawl run and its status;
- `frontier`: every URL a crawl has met, how it was found, its depth, and whether it is still queued;
- `pages`: the latest version of every URL (status, metadata, main text, ...): a view joining `page_meta`
  (small, updated by every crawl) and `page_text` (large, written only when the text changed), so that a
  recrawl of unchanged pages rewrites no text;
- `versions`: each page's earlier texts with their dates (the current text is in `pages`);
- `links`: the links between pages, split into content and navigation links;
- `trap_cuts`: URL shapes a crawl stopped following because it met too many of them.

A fetched page, the URLs it adds to the frontier and the mark that it is done are written in ONE transaction.
That is what makes a crawl killed at any moment (even with SIGKILL) resumable: after a restart every URL is
either done, with its page stored, or still queued.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

SCHEMA_VERSION = 5
SCHEMA = """
CREATE TABLE IF NOT EXISTS crawls (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    start_urls TEXT NOT NULL,                 -- JSON list
    status TEXT NOT NULL DEFAULT 'running',   -- running (or interrupted: resumable) | finished | failed
    problem TEXT NOT NULL DEFAULT ''          -- why it failed, in one line
);
CREATE TABLE IF NOT EXISTS frontier (
    crawl_id INTEGER NOT NULL,
    url TEXT NOT NULL,                        -- public URL, normalised
    depth INTEGER NOT NULL,
    found_how TEXT NOT NULL,                  -- start | sitemap | link | redirect | canonical
    found_from TEXT NOT NULL DEFAULT '',
    lastmod TEXT NOT NULL DEFAULT '',         -- from the sitemap, when it says
    state TEXT NOT NULL DEFAULT 'queued',     -- queued | done | skipped
    reason TEXT NOT NULL DEFAULT '',          -- why skipped (robots.txt, offsite redirect, ...) or 'unchanged'
    PRIMARY KEY (crawl_id, url)
);  -- rowid order is discovery order: the crawl goes breadth first
CREATE INDEX IF NOT EXISTS frontier_queue ON frontier(crawl_id, state);
CREATE TABLE IF NOT EXISTS page_meta (       -- what a fetch tells about a page: small, updated every crawl
    url TEXT PRIMARY KEY,
    crawl_id INTEGER NOT NULL,
    fetched_url TEXT NOT NULL,
    redirected_from TEXT NOT NULL DEFAULT '[]',
    found_how TEXT NOT NULL DEFAULT '',
    found_from TEXT NOT NULL DEFAULT '',
    depth INTEGER NOT NULL DEFAULT 0,
    status INTEGER,
    error TEXT NOT NULL DEFAULT '',
    content_type TEXT NOT NULL DEFAULT '',
    charset TEXT NOT NULL DEFAULT '',
    bytes INTEGER NOT NULL DEFAULT 0,
    lang TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    canonical TEXT NOT NULL DEFAULT '',
    duplicate_of TEXT NOT NULL DEFAULT '',
    h1 TEXT NOT NULL DEFAULT '',
    section TEXT NOT NULL DEFAULT '',
    word_count INTEGER NOT NULL DEFAULT 0,
    content_hash TEXT NOT NULL DEFAULT '',
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    crawled_at TEXT NOT NULL,
    changed_at TEXT NOT NULL DEFAULT '',
    fetch_ms INTEGER NOT NULL DEFAULT 0,
    last_fetch TEXT NOT NULL DEFAULT 'full'   -- full | not-modified | sitemap-unchanged
);
CREATE INDEX IF NOT EXISTS page_meta_crawl ON page_meta(crawl_id);
CREATE INDEX IF NOT EXISTS page_meta_hash ON page_meta(content_hash, crawl_id);
CREATE TABLE IF NOT EXISTS page_text (       -- the page's text: large, written only when it changed
    url TEXT PRIMARY KEY,
    headings TEXT NOT NULL DEFAULT '[]',
    blocks TEXT NOT NULL DEFAULT '[]',
    text TEXT NOT NULL DEFAULT ''
);
-- The interface every reader uses: one row per page with all its fields.
CREATE VIEW IF NOT EXISTS pages AS
    SELECT m.*, coalesce(t.headings, '[]') AS headings, coalesce(t.blocks, '[]') AS blocks,
           coalesce(t.text, '') AS text
    FROM page_meta m LEFT JOIN page_text t USING (url);
CREATE TABLE IF NOT EXISTS versions (
    url TEXT NOT NULL,
    crawl_id INTEGER NOT NULL,
    crawled_at TEXT NOT NULL,
    status INTEGER,
    content_hash TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    h1 TEXT NOT NULL DEFAULT '',
    blocks TEXT NOT NULL DEFAULT '[]',
    text TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (url, crawl_id)
);
CREATE TABLE IF NOT EXISTS links (
    source_url TEXT NOT NULL,
    target_url TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL,                     -- content | navigation
    PRIMARY KEY (source_url, target_url, region)
);
CREATE INDEX IF NOT EXISTS links_target ON links(target_url);
CREATE TABLE IF NOT EXISTS trap_cuts (
    crawl_id INTEGER NOT NULL,
    pattern TEXT NOT NULL,
    limit_kind TEXT NOT NULL,                 -- pattern | depth | max_pages
    skipped INTEGER NOT NULL DEFAULT 0,
    example TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (crawl_id, pattern, limit_kind)
);
"""

TEXT_FIELDS = ("headings", "blocks", "text")  # stored in page_text
PAGE_FIELDS = (
    "url", "fetched_url", "redirected_from", "found_how", "found_from", "depth", "status", "error", "content_type",
    "charset", "bytes", "lang", "title", "description", "canonical", "h1", "section", "headings", "blocks", "text",
    "word_count", "content_hash", "etag", "last_modified", "crawled_at", "fetch_ms", "last_fetch",
)


@dataclass
class PageRecord:
    url: str
    fetched_url: str
    status: int | None
    crawled_at: str = field(default_factory=lambda: now())
    redirected_from: list[str] = field(default_factory=list)
    found_how: str = ""
    found_from: str = ""
    depth: int = 0
    error: str = ""
    content_type: str = ""
    charset: str = ""
    bytes: int = 0
    lang: str = ""
    title: str = ""
    description: str = ""
    canonical: str = ""
    h1: str = ""
    section: str = ""
    headings: list[tuple[int, str]] = field(default_factory=list)
    blocks: list[tuple[str, str]] = field(default_factory=list)
    text: str = ""
    word_count: int = 0
    content_hash: str = ""
    etag: str = ""
    last_modified: str = ""
    fetch_ms: int = 0
    last_fetch: str = "full"
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (target, text, region)


@dataclass(frozen=True)
class Discovered:
    """A URL found on a page (or in a sitemap), to be queued when it is new and within the crawl's limits."""

    url: str
    depth: int
    found_how: str
    found_from: str
    lastmod: str = ""


@dataclass(frozen=True)
class CrawlRun:
    id: int
    started_at: str
    finished_at: str | None
    start_urls: list[str]
    status: str
    problem: str = ""


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class StoreError(Exception):
    pass


class PageStore:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, timeout=60, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: committed pages survive a killed process
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        has_tables = self.db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'crawls'").fetchone()[0]
        if has_tables and version != SCHEMA_VERSION:
            raise StoreError(f"{path} was written by another version of Helder (schema {version}, this one reads "
                             f"{SCHEMA_VERSION}); move it aside and crawl again.")
        self.db.executescript(SCHEMA)
        self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> PageStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- crawl runs ------------------------------------------------------------------------------------------
    def begin_crawl(self, start_urls: list[str]) -> int:
        cur = self.db.execute("INSERT INTO crawls (started_at, start_urls) VALUES (?, ?)",
                              (now(), json.dumps(start_urls)))
        return int(cur.lastrowid or 0)

    def finish_crawl(self, crawl_id: int, status: str, problem: str = "") -> None:
        self.db.execute("UPDATE crawls SET finished_at = ?, status = ?, problem = ? WHERE id = ?",
                        (now(), status, problem, crawl_id))

    def start_problem(self, crawl_id: int, start_urls: list[str]) -> str:
        """Why the crawl could not start, or "" when at least one start URL gave a page."""
        reasons = []
        for url in start_urls:
            row = self.db.execute("SELECT status, error FROM page_meta WHERE crawl_id = ? AND (url = ? OR"
                                  " redirected_from LIKE ?)", (crawl_id, url, f'%"{url}"%')).fetchone()
            skipped = self.db.execute("SELECT reason FROM frontier WHERE crawl_id = ? AND url = ? AND"
                                      " state = 'skipped'", (crawl_id, url)).fetchone()
            if row is not None and row["status"] == 200:
                return ""
            if row is not None and row["status"] is None:
                reasons.append(f"{url}: {row['error']}")
            elif row is not None:
                reasons.append(f"{url}: the server answered HTTP {row['status']}")
            elif skipped is not None:
                reasons.append(f"{url}: not fetched ({skipped['reason']})")
            else:
                reasons.append(f"{url}: no response")
        return "the start URL failed — " + "; ".join(reasons) + ". Check the URL and that the site is reachable."

    def crawl(self, crawl_id: int) -> CrawlRun | None:
        row = self.db.execute("SELECT * FROM crawls WHERE id = ?", (crawl_id,)).fetchone()
        return _run(row) if row else None

    def latest_crawl(self) -> CrawlRun | None:
        row = self.db.execute("SELECT * FROM crawls ORDER BY id DESC LIMIT 1").fetchone()
        return _run(row) if row else None

    def mark_running(self, crawl_id: int) -> None:
        self.db.execute("UPDATE crawls SET status = 'running', finished_at = NULL WHERE id = ?", (crawl_id,))

    # -- frontier --------------------------------------------------------------------------------------------
    def enqueue(self, crawl_id: int, found: Iterable[Discovered]) -> int:
        """Queue new URLs (known ones keep their place); returns how many rows changed."""
        before = self.db.total_changes
        # A sitemap that names a queued URL found by a link first still brings its <lastmod>.
        self.db.executemany(
            "INSERT INTO frontier (crawl_id, url, depth, found_how, found_from, lastmod)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (crawl_id, url) DO UPDATE SET lastmod = excluded.lastmod"
            " WHERE frontier.state = 'queued' AND frontier.lastmod = '' AND excluded.lastmod != ''",
            [(crawl_id, d.url, d.depth, d.found_how, d.found_from, d.lastmod) for d in found])
        return self.db.total_changes - before

    def frontier_urls(self, crawl_id: int) -> Iterator[str]:
        return (r[0] for r in self.db.execute("SELECT url FROM frontier WHERE crawl_id = ?", (crawl_id,)))

    def queued(self, crawl_id: int, limit: int, exclude: set[str]) -> list[sqlite3.Row]:
        """The next queued URLs in discovery order, leaving out those already handed to the downloader."""
        rows = self.db.execute("SELECT * FROM frontier WHERE crawl_id = ? AND state = 'queued' ORDER BY rowid"
                               " LIMIT ?", (crawl_id, limit + len(exclude))).fetchall()
        return [r for r in rows if r["url"] not in exclude][:limit]

    def frontier_counts(self, crawl_id: int) -> dict[str, int]:
        return {r[0]: r[1] for r in self.db.execute(
            "SELECT state, count(*) FROM frontier WHERE crawl_id = ? GROUP BY state", (crawl_id,))}

    def pattern_counts(self, crawl_id: int, pattern_of: object) -> dict[str, int]:
        counts: dict[str, int] = {}
        for (url,) in self.db.execute("SELECT url FROM frontier WHERE crawl_id = ?", (crawl_id,)):
            key = pattern_of(url)  # type: ignore[operator]
            counts[key] = counts.get(key, 0) + 1
        return counts

    def skip(self, crawl_id: int, url: str, reason: str) -> None:
        self.db.execute("UPDATE frontier SET state = 'skipped', reason = ? WHERE crawl_id = ? AND url = ?",
                        (reason, crawl_id, url))

    def record_cuts(self, crawl_id: int, cuts: dict[tuple[str, str], tuple[int, str]]) -> None:
        self.db.executemany(
            "INSERT INTO trap_cuts (crawl_id, pattern, limit_kind, skipped, example) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (crawl_id, pattern, limit_kind) DO UPDATE SET skipped = excluded.skipped",
            [(crawl_id, pattern, kind, count, example) for (pattern, kind), (count, example) in cuts.items()])

    def cuts(self, crawl_id: int) -> list[sqlite3.Row]:
        return self.db.execute("SELECT * FROM trap_cuts WHERE crawl_id = ? ORDER BY skipped DESC",
                               (crawl_id,)).fetchall()

    # -- pages -----------------------------------------------------------------------------------------------
    def commit_page(self, crawl_id: int, page: PageRecord, done: Iterable[str] = (),
                    found: Iterable[Discovered] = ()) -> None:
        """Store a fetched page, queue what it links to and mark its URL(s) done, all or nothing."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self._save(crawl_id, page)
            self.enqueue(crawl_id, found)
            self._done(crawl_id, [page.url, *done])

    def carry_forward(self, crawl_id: int, urls: list[str], how: str, found: Iterable[Discovered] = ()) -> list[str]:
        """Unchanged pages (304, or the sitemap says so): keep their stored versions in this crawl without
        fetching them again, in one transaction. Returns the URLs that had nothing stored to keep."""
        stamp = now()
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            missing = []
            for url in urls:
                cur = self.db.execute("UPDATE page_meta SET crawl_id = ?, crawled_at = ?, last_fetch = ?"
                                      " WHERE url = ?", (crawl_id, stamp, how, url))
                if cur.rowcount == 0:
                    missing.append(url)
            self.enqueue(crawl_id, found)
            self._done(crawl_id, [u for u in urls if u not in missing], reason="unchanged")
        return missing

    def _done(self, crawl_id: int, urls: list[str], reason: str = "") -> None:
        self.db.executemany(
            "INSERT INTO frontier (crawl_id, url, depth, found_how, state, reason) VALUES (?, ?, 0, 'redirect',"
            " 'done', ?) ON CONFLICT (crawl_id, url) DO UPDATE SET state = 'done', reason = excluded.reason",
            [(crawl_id, u, reason) for u in dict.fromkeys(urls)])

    def _save(self, crawl_id: int, page: PageRecord) -> None:
        values = {name: getattr(page, name) for name in PAGE_FIELDS if name not in TEXT_FIELDS}
        earlier = self.db.execute("SELECT crawl_id, redirected_from, content_hash, changed_at FROM page_meta"
                                  " WHERE url = ?", (page.url,)).fetchone()
        # A page reached both directly and through a redirect arrives twice: keep every redirect, in chain order.
        sources = list(page.redirected_from)
        if earlier is not None and earlier["crawl_id"] == crawl_id:
            sources = [*json.loads(earlier["redirected_from"]), *sources]
        values["redirected_from"] = json.dumps(list(dict.fromkeys(sources)))
        values["crawl_id"] = crawl_id
        changed = earlier is None or earlier["content_hash"] != page.content_hash
        values["changed_at"] = page.crawled_at if changed else earlier["changed_at"]
        values["duplicate_of"] = self._duplicate_of(crawl_id, page)
        if changed and earlier is not None and earlier["content_hash"] and earlier["crawl_id"] != crawl_id:
            # The text changed since an earlier crawl: keep the earlier text, with its date, before replacing it.
            self.db.execute(
                "INSERT OR REPLACE INTO versions (url, crawl_id, crawled_at, status, content_hash, title, h1, blocks,"
                " text) SELECT url, crawl_id, crawled_at, status, content_hash, title, h1, blocks, text FROM pages"
                " WHERE url = ?", (page.url,))
        columns = ", ".join(values)
        marks = ", ".join(f":{k}" for k in values)
        self.db.execute(f"INSERT OR REPLACE INTO page_meta ({columns}) VALUES ({marks})", values)
        if changed:
            self.db.execute("INSERT OR REPLACE INTO page_text (url, headings, blocks, text) VALUES (?, ?, ?, ?)",
                            (page.url, json.dumps(page.headings, ensure_ascii=False),
                             json.dumps(page.blocks, ensure_ascii=False), page.text))
        self.db.execute("DELETE FROM links WHERE source_url = ?", (page.url,))
        self.db.executemany("INSERT OR IGNORE INTO links (source_url, target_url, text, region) VALUES (?, ?, ?, ?)",
                            [(page.url, target, text, region) for target, text, region in page.links])

    def _duplicate_of(self, crawl_id: int, page: PageRecord) -> str:
        """The page this one repeats: its canonical when that is another URL, or an earlier page of this crawl
        with the same text."""
        if page.canonical and page.canonical != page.url:
            return page.canonical
        if not page.content_hash or page.word_count == 0:
            return ""
        # INDEXED BY: without it SQLite picks the crawl_id index and reads the whole crawl for every page.
        row = self.db.execute("SELECT url FROM page_meta INDEXED BY page_meta_hash WHERE content_hash = ?"
                              " AND crawl_id = ? AND url != ? AND duplicate_of = '' ORDER BY url LIMIT 1",
                              (page.content_hash, crawl_id, page.url)).fetchone()
        return row[0] if row else ""

    def count(self, crawl_id: int | None = None) -> int:
        if crawl_id is None:
            return int(self.db.execute("SELECT count(*) FROM page_meta").fetchone()[0])
        return int(self.db.execute("SELECT count(*) FROM page_meta WHERE crawl_id = ?", (crawl_id,)).fetchone()[0])

    def pages(self, html_only: bool = True) -> Iterator[sqlite3.Row]:
        """Pages of the latest crawl; with html_only, the pages and documents with text that are not duplicates."""
        latest = self.latest_crawl()
        if latest is None:
            return iter(())
        sql = "SELECT * FROM pages WHERE crawl_id = ?"
        if html_only:
            sql += " AND status = 200 AND word_count > 0 AND duplicate_of = ''"
        return iter(self.db.execute(sql + " ORDER BY url", (latest.id,)).fetchall())

    def get(self, url: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM pages WHERE url = ?", (url,)).fetchone()

    def stored_links(self, urls: list[str]) -> dict[str, list[str]]:
        """The targets each stored page links to."""
        result: dict[str, list[str]] = {u: [] for u in urls}
        for start in range(0, len(urls), 500):
            chunk = urls[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for source, target in self.db.execute(
                    f"SELECT DISTINCT source_url, target_url FROM links WHERE source_url IN ({marks})", chunk):
                result[source].append(target)
        return result

    def validators(self, urls: list[str]) -> dict[str, tuple[str, str, str]]:
        """(etag, last_modified, crawled_at) of stored pages, for conditional requests and sitemap lastmod."""
        result: dict[str, tuple[str, str, str]] = {}
        for start in range(0, len(urls), 500):
            chunk = urls[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(f"SELECT url, etag, last_modified, crawled_at FROM page_meta"
                                       f" WHERE status = 200 AND url IN ({marks})", chunk):
                result[row[0]] = (row[1], row[2], row[3])
        return result

    def history(self, url: str) -> list[tuple[str, str, str]]:
        """(crawled_at, content_hash, text) of every version of a page, the earliest first, the current last."""
        rows = [(r["crawled_at"], r["content_hash"], r["text"]) for r in self.db.execute(
            "SELECT crawled_at, content_hash, text FROM versions WHERE url = ? ORDER BY crawled_at", (url,))]
        current = self.get(url)
        if current is not None and current["content_hash"]:
            rows.append((current["changed_at"], current["content_hash"], current["text"]))
        return rows

    def failures(self, crawl_id: int) -> list[sqlite3.Row]:
        return self.db.execute(
            "SELECT url, status, error FROM page_meta WHERE crawl_id = ? AND (status IS NULL OR status >= 400)"
            " ORDER BY url", (crawl_id,)).fetchall()

    def broken_links(self, crawl_id: int) -> list[tuple[str, str, list[str]]]:
        """(target, reason, pages linking to it) for every failed URL some page links to."""
        result = []
        for row in self.failures(crawl_id):
            sources = [r[0] for r in self.db.execute(
                "SELECT DISTINCT source_url FROM links WHERE target_url = ? ORDER BY source_url", (row["url"],))]
            reason = str(row["status"]) if row["status"] else row["error"]
            if sources:
                result.append((row["url"], reason, sources))
        return result


def _run(row: sqlite3.Row) -> CrawlRun:
    return CrawlRun(row["id"], row["started_at"], row["finished_at"], json.loads(row["start_urls"]), row["status"],
                    row["problem"])
