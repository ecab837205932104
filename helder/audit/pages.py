"""The crawled pages as the audit sees them: main-text blocks with their offsets in the stored text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from helder.config import Workspace
from helder.crawler.store import PageStore
from helder.errors import HelderError

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class AuditPage:
    url: str
    title: str
    h1: str
    section: str
    crawled_at: str
    blocks: list[tuple[str, str]]  # (kind, text)
    content_type: str = "text/html"
    changed_at: str = ""  # the crawl that first found this text (crawled_at moves on with every crawl)

    @property
    def text_date(self) -> str:
        """The date of the crawl that found the page's text as it is: what a task page cites its source by."""
        return (self.changed_at or self.crawled_at)[:10]

    @property
    def is_document(self) -> bool:
        """A PDF or Word document: audited like a page, but no task page is built from it."""
        return not self.content_type.startswith(("text/html", "application/xhtml"))

    def blocks_with_offsets(self) -> Iterator[tuple[int, str, str]]:
        """(offset in the stored text, kind, text): the stored text joins blocks with a blank line."""
        offset = 0
        for kind, text in self.blocks:
            yield offset, kind, text
            offset += len(text) + 2

    @property
    def running_text(self) -> list[str]:
        return [text for kind, text in self.blocks if kind not in HEADINGS]

    @property
    def is_overview(self) -> bool:
        """The home page and theme index pages list other pages; they are not about one task."""
        return urlsplit(self.url).path.endswith("/")


def load_pages(ws: Workspace) -> list[AuditPage]:
    if not ws.crawl_db.exists():
        raise HelderError(f"{ws.crawl_db}: no crawl yet. Run `helder crawl` first.")
    with PageStore(ws.crawl_db) as store:
        rows = list(store.pages(html_only=True))
    if not rows:
        raise HelderError(f"{ws.crawl_db}: the latest crawl stored no HTML pages with text. Run `helder crawl`.")
    return [AuditPage(url=r["url"], title=r["title"], h1=r["h1"], section=r["section"],
                      crawled_at=r["crawled_at"], blocks=[tuple(b) for b in json.loads(r["blocks"])],
                      content_type=r["content_type"], changed_at=r["changed_at"] or "")
            for r in rows]
