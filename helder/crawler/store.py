"""The crawl store, `data/crawl.sqlite`: one row per URL, the links between pages, and one row per crawl run.

Every write is its own transaction, so a crawl that is killed leaves a consistent store: the pages stored so far
are complete and the run is marked unfinished.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS crawls (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    start_urls TEXT NOT NULL,          -- JSON list
    status TEXT NOT NULL DEFAULT 'running'   -- running | finished | failed
);
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,              -- public URL, fragment removed, after redirects
    crawl_id INTEGER NOT NULL REFERENCES crawls(id),
    fetched_url TEXT NOT NULL,         -- where it was fetched (differs when crawling a mirror)
    redirected_from TEXT NOT NULL DEFAULT '[]',   -- JSON list of URLs that redirected here
    found_from TEXT NOT NULL DEFAULT '',          -- 'start', or the page that linked here
    status INTEGER,                    -- HTTP status; NULL when the request failed (see error)
    error TEXT NOT NULL DEFAULT '',
    content_type TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    canonical TEXT NOT NULL DEFAULT '',
    h1 TEXT NOT NULL DEFAULT '',
    section TEXT NOT NULL DEFAULT '',  -- first path segment: the theme on most municipal CMSes
    headings TEXT NOT NULL DEFAULT '[]',   -- JSON [[level, text], ...]
    blocks TEXT NOT NULL DEFAULT '[]',     -- JSON [[kind, text], ...]: the main text with its structure
    text TEXT NOT NULL DEFAULT '',         -- the main text, blocks separated by blank lines
    word_count INTEGER NOT NULL DEFAULT 0,
    content_hash TEXT NOT NULL DEFAULT '',
    crawled_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS links (
    source_url TEXT NOT NULL,
    target_url TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL,              -- content | navigation
    PRIMARY KEY (source_url, target_url, region)
);
CREATE INDEX IF NOT EXISTS links_target ON links(target_url);
"""


@dataclass
class PageRecord:
    url: str
    fetched_url: str
    status: int | None
    crawled_at: str = field(default_factory=lambda: now())
    redirected_from: list[str] = field(default_factory=list)
    found_from: str = ""
    error: str = ""
    content_type: str = ""
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
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (target, text, region)


@dataclass(frozen=True)
class CrawlRun:
    id: int
    started_at: str
    finished_at: str | None
    start_urls: list[str]
    status: str


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class PageStore:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> PageStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- crawl runs ------------------------------------------------------------------------------------------
    def begin_crawl(self, start_urls: list[str]) -> int:
        cur = self.db.execute(
            "INSERT INTO crawls (started_at, start_urls) VALUES (?, ?)", (now(), json.dumps(start_urls))
        )
        return int(cur.lastrowid or 0)

    def finish_crawl(self, crawl_id: int, status: str) -> None:
        self.db.execute("UPDATE crawls SET finished_at = ?, status = ? WHERE id = ?", (now(), status, crawl_id))

    def latest_crawl(self) -> CrawlRun | None:
        row = self.db.execute("SELECT * FROM crawls ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            return None
        return CrawlRun(row["id"], row["started_at"], row["finished_at"], json.loads(row["start_urls"]),
                        row["status"])

    # -- pages -----------------------------------------------------------------------------------------------
    def save(self, page: PageRecord, crawl_id: int) -> None:
        values = asdict(page)
        links = values.pop("links")
        values["headings"] = json.dumps(page.headings, ensure_ascii=False)
        values["blocks"] = json.dumps(page.blocks, ensure_ascii=False)
        values["crawl_id"] = crawl_id
        columns = ", ".join(values)
        marks = ", ".join(f":{k}" for k in values)
        with self.db:  # one transaction: the page and its links, or nothing
            self.db.execute("BEGIN")
            # A page reached both directly and through a redirect arrives twice: keep every redirect source.
            earlier = self.db.execute("SELECT redirected_from FROM pages WHERE url = ? AND crawl_id = ?",
                                      (page.url, crawl_id)).fetchone()
            sources = set(page.redirected_from) | set(json.loads(earlier[0]) if earlier else [])
            values["redirected_from"] = json.dumps(sorted(sources))
            self.db.execute(f"INSERT OR REPLACE INTO pages ({columns}) VALUES ({marks})", values)
            self.db.execute("DELETE FROM links WHERE source_url = ?", (page.url,))
            self.db.executemany(
                "INSERT OR IGNORE INTO links (source_url, target_url, text, region) VALUES (?, ?, ?, ?)",
                [(page.url, target, text, region) for target, text, region in links],
            )

    def count(self, crawl_id: int | None = None) -> int:
        if crawl_id is None:
            return int(self.db.execute("SELECT count(*) FROM pages").fetchone()[0])
        return int(self.db.execute("SELECT count(*) FROM pages WHERE crawl_id = ?", (crawl_id,)).fetchone()[0])

    def pages(self, html_only: bool = True) -> Iterator[sqlite3.Row]:
        """Pages of the latest crawl; with html_only, the successfully fetched HTML pages with text."""
        latest = self.latest_crawl()
        if latest is None:
            return iter(())
        sql = "SELECT * FROM pages WHERE crawl_id = ?"
        if html_only:
            sql += " AND status = 200 AND content_type LIKE 'text/html%' AND word_count > 0"
        return iter(self.db.execute(sql + " ORDER BY url", (latest.id,)).fetchall())

    def get(self, url: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM pages WHERE url = ?", (url,)).fetchone()

    def failures(self, crawl_id: int) -> list[sqlite3.Row]:
        return self.db.execute(
            "SELECT url, status, error FROM pages WHERE crawl_id = ? AND (status IS NULL OR status >= 400)"
            " ORDER BY url", (crawl_id,)
        ).fetchall()

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
