"""URL helpers: one spelling per page, scope checks, the fetch/public mapping, and crawl-trap patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import parse_qsl, urldefrag, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "ftp:", "sms:", "whatsapp:")
# Parameters that change the URL but never the page: campaign tracking and session ids.
_TRACKING = re.compile(r"^(utm_\w+|gclid|gbraid|wbraid|fbclid|msclkid|mc_cid|mc_eid|_ga|_gl|yclid|igshid|"
                       r"phpsessid|jsessionid|sid|sessionid|session_id|cfid|cftoken|aspsessionid\w*)$", re.I)
_PATH_SESSION = re.compile(r";(jsessionid|phpsessid|sessionid)=[^/?#]*", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def clean(url: str) -> str:
    """Drop the fragment: `page#kosten` and `page` are one page."""
    return urldefrag(url.strip())[0]


def normalise(url: str) -> str:
    """One spelling per page: no fragment, tracking or session parameters; sorted parameters; lower-case host;
    no default port; canonical percent-encoding."""
    parts = urlsplit(clean(url))
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    path = _PATH_SESSION.sub("", parts.path) or "/"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    return canonicalize_url(urlunsplit((scheme, netloc, path, query, "")), keep_blank_values=True)


def origin(url: str) -> str:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port
    host = (parts.hostname or "").lower()
    return f"{scheme}://{host}" + ("" if port is None or port == _DEFAULT_PORTS.get(scheme) else f":{port}")


def section_of(url: str) -> str:
    """The first folder of the path, which on municipal CMSes is the theme: `/afval/grofvuil` and `/afval/` are
    in `afval`; `/contact` and `/` are in no theme."""
    path = urlsplit(url).path.lstrip("/")
    return path.split("/", 1)[0] if "/" in path else ""


def trap_pattern(url: str) -> str:
    """The shape of a URL, to count how many URLs of one shape a crawl meets: numbers become {n} and parameter
    values are dropped, so `/agenda?datum=2026-11-23&p=4` and `/agenda?datum=2031-01-02&p=9` share
    `/agenda?datum&p` and a calendar cannot make a crawl run forever."""
    parts = urlsplit(url)
    path = re.sub(r"\d+", "{n}", parts.path)
    names = sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return path + ("?" + "&".join(names) if names else "")


@dataclass(frozen=True)
class UrlMap:
    """Fetch from `fetch_base` (a staging server or a local mirror) while storing `public_base` URLs.

    Every link of every page passes through here, so the common cases are string prefix checks against
    origins computed once; anything unusual (upper-case hosts, default ports) takes the general path."""

    public_base: str
    fetch_base: str | None = None

    @cached_property
    def _public_origin(self) -> str:
        return origin(self.public_base)

    @cached_property
    def _fetch_origin(self) -> str:
        return origin(self.fetch_base) if self.fetch_base else ""

    @cached_property
    def _prefixes(self) -> tuple[str, ...]:
        return tuple(origin(b) + (urlsplit(b).path or "/") for b in (self.public_base, self.fetch_base) if b)

    def to_public(self, url: str) -> str:
        fetch = self._fetch_origin
        if fetch and url.startswith(fetch) and url[len(fetch):len(fetch) + 1] in ("/", "?", ""):
            return self._public_origin + (url[len(fetch):] or "/")
        if fetch and origin(url) == fetch:
            return self._public_origin + _path_and_query(url)
        return url

    def to_fetch(self, url: str) -> str:
        if not self.fetch_base:
            return url
        public = self._public_origin
        if url.startswith(public) and url[len(public):len(public) + 1] in ("/", "?", ""):
            return self._fetch_origin + (url[len(public):] or "/")
        if origin(url) == public:
            return self._fetch_origin + _path_and_query(url)
        return url

    def in_scope(self, url: str) -> bool:
        """Only the site itself: same scheme, host and port (a staging site on :8080 is its own site), and
        within the base path when the site lives in a folder."""
        if url.startswith(self._prefixes):
            return True
        url_origin = origin(url)
        for base in (self.public_base, self.fetch_base):
            if base and url_origin == origin(base) and urlsplit(url).path.startswith(urlsplit(base).path or "/"):
                return True
        return False


def _path_and_query(url: str) -> str:
    return urlsplit(url)._replace(scheme="", netloc="").geturl() or "/"
