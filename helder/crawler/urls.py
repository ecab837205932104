"""URL helpers: scope checks and the mapping between where a page is fetched and its public address."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urldefrag, urlsplit

SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "ftp:")


def clean(url: str) -> str:
    """Drop the fragment: `page#kosten` and `page` are one page."""
    return urldefrag(url.strip())[0]


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def section_of(url: str) -> str:
    """The first folder of the path, which on municipal CMSes is the theme: `/afval/grofvuil` and `/afval/` are
    in `afval`; `/contact` and `/` are in no theme."""
    path = urlsplit(url).path.lstrip("/")
    return path.split("/", 1)[0] if "/" in path else ""


@dataclass(frozen=True)
class UrlMap:
    """Fetch from `fetch_base` (a staging server or a local mirror) while storing `public_base` URLs."""

    public_base: str
    fetch_base: str | None = None

    def to_public(self, url: str) -> str:
        if self.fetch_base and origin(url) == origin(self.fetch_base):
            return origin(self.public_base) + url[len(origin(url)):]
        return url

    def to_fetch(self, url: str) -> str:
        if self.fetch_base and origin(url) == origin(self.public_base):
            return origin(self.fetch_base) + url[len(origin(url)):]
        return url

    def in_scope(self, fetched_url: str) -> bool:
        """Only the site itself: same scheme, host and port as where we fetch it from."""
        return origin(fetched_url) == origin(self.fetch_base or self.public_base)
