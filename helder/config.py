"""The workspace: one municipality's configuration (`helder.toml`) and where each stage reads and writes.

A workspace is a folder with `helder.toml`, `mkdocs.yml` and `content/`; the stages add `data/`, `reports/` and
`site/`. Every setting has a default, so a `helder.toml` needs only `[workspace] name` and `site`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from helder.errors import HelderError

CONFIG_NAME = "helder.toml"
LANGUAGES = ("nl", "en")
DEFAULT_USER_AGENT = "Helder/0.1 (municipal website audit; +https://github.com/helder-nl/helder)"


@dataclass(frozen=True)
class CrawlSettings:
    start_urls: tuple[str, ...]
    fetch_from: str | None = None  # fetch from this base (staging, local mirror) but store public URLs
    max_pages: int = 10_000  # URLs a crawl may meet in all
    max_depth: int = 25  # links followed from a start URL
    pattern_limit: int = 1_000  # URLs of one shape (calendars, search, filters) before the crawl stops following
    concurrency: int = 2  # requests at the same time to the site
    delay: float = 0.5  # seconds between requests; robots.txt's Crawl-delay wins when it asks for more
    max_rate: float = 4.0  # requests per second at most (0: no limit)
    autothrottle: bool = True
    sitemaps: bool = True  # also discover URLs from robots.txt's sitemaps and /sitemap.xml
    trust_sitemap_lastmod: bool = True  # on a recrawl, skip pages whose sitemap <lastmod> is older than our copy
    documents: bool = True  # extract the text of linked PDF and DOCX files
    max_page_mb: float = 10.0  # larger responses are recorded as too large, not read
    user_agent: str = DEFAULT_USER_AGENT


@dataclass(frozen=True)
class SiteSettings:
    """`[site]`: how `helder build` publishes. Feedback stays off until a property or an endpoint is set."""

    analytics_property: str | None = None  # a GA4 measurement id ("G-…"): feedback and searches go to Google
    feedback_endpoint: str | None = None  # or your own URL: feedback and searches are POSTed there as JSON

    @property
    def feedback(self) -> bool:
        return bool(self.analytics_property or self.feedback_endpoint)


@dataclass(frozen=True)
class RewriteSettings:
    """`[rewrite]`: optional rephrasing by a language model behind an OpenAI-compatible endpoint; off without url."""

    url: str | None = None  # e.g. http://127.0.0.1:11434/v1 (Ollama); Helder POSTs to {url}/chat/completions
    model: str = ""
    api_key_env: str | None = None  # the name of the environment variable holding the key, never the key itself
    timeout: float = 60.0  # seconds per request

    @property
    def enabled(self) -> bool:
        return bool(self.url)


@dataclass(frozen=True)
class Workspace:
    root: Path
    name: str
    site: str
    language: str = "nl"
    address: str = "u"  # how generated pages address the reader: "u" or "je"
    crawl: CrawlSettings = field(default_factory=lambda: CrawlSettings(start_urls=()))
    term_imports: tuple[Path, ...] = ()
    rewrite: RewriteSettings = field(default_factory=RewriteSettings)
    site_settings: SiteSettings = field(default_factory=SiteSettings)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def crawl_db(self) -> Path:
        return self.data_dir / "crawl.sqlite"

    @property
    def terms_path(self) -> Path:
        return self.data_dir / "terms.parquet"

    @property
    def audit_dir(self) -> Path:
        return self.data_dir / "audit"

    @property
    def reports_dir(self) -> Path:
        return self.root / "reports"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def lexicon_overrides(self) -> Path:
        """Workspace additions to the shipped lexicon (same columns); an entry with an empty `plain` silences."""
        return self.root / "lexicon.csv"

    @property
    def own_names(self) -> tuple[str, ...]:
        """Words residents add to queries that only name the municipality ("gemeente voorbeeldstad")."""
        words = {w.lower() for w in self.name.replace("-", " ").split()}
        host = urlsplit(self.site).hostname or ""
        words.update(part for part in host.split(".") if part not in {"www", "nl", "com", "uk", "gov", "org"})
        return tuple(sorted(words))


_SECTIONS: dict[str, set[str]] = {
    "workspace": {"name", "site", "language", "address"},
    "crawl": {"start_urls", "fetch_from", "max_pages", "max_depth", "pattern_limit", "concurrency", "delay",
              "max_rate", "autothrottle", "sitemaps", "trust_sitemap_lastmod", "documents", "max_page_mb",
              "user_agent"},
    "terms": {"imports"},
    "rewrite": {"url", "model", "api_key_env", "timeout"},
    "site": {"analytics_property", "feedback_endpoint"},
}


def load_workspace(root: Path) -> Workspace:
    """Read `root/helder.toml`; any mistake is a one-line HelderError naming the file and key."""
    path = root / CONFIG_NAME
    if not path.is_file():
        raise HelderError(
            f"{path}: no Helder workspace here. Create one with `helder init DIR --site URL --name NAME`, "
            f"or pass --workspace DIR."
        )
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise HelderError(f"{path}: not valid TOML ({exc}). Fix the file and run again.") from None
    return workspace_from_dict(raw, root.resolve(), path)


def workspace_from_dict(raw: dict[str, Any], root: Path, path: Path) -> Workspace:
    for section, value in raw.items():
        if section not in _SECTIONS:
            raise HelderError(f"{path}: unknown section [{section}]; known: {', '.join(_SECTIONS)}.")
        if not isinstance(value, dict):
            raise HelderError(f"{path}: `{section}` must be a [{section}] table.")
        for key in value:
            if key not in _SECTIONS[section]:
                known = ", ".join(sorted(_SECTIONS[section]))
                raise HelderError(f"{path}: unknown setting {section}.{key}; known in [{section}]: {known}.")

    ws = raw.get("workspace", {})
    name = _get(ws, "name", str, path, "workspace")
    site = _url(_get(ws, "site", str, path, "workspace"), path, "workspace.site")
    language = ws.get("language", "nl")
    if language not in LANGUAGES:
        raise HelderError(f"{path}: workspace.language is {language!r}; Helder speaks {', '.join(LANGUAGES)}.")
    address = ws.get("address", "u")
    if address not in ("u", "je"):
        raise HelderError(f"{path}: workspace.address must be \"u\" or \"je\", not {address!r}.")

    cr = raw.get("crawl", {})
    start_urls = tuple(_url(u, path, "crawl.start_urls") for u in cr.get("start_urls", [site]))
    fetch_from = cr.get("fetch_from")
    defaults = CrawlSettings(start_urls=())
    crawl = CrawlSettings(
        start_urls=start_urls,
        fetch_from=_url(fetch_from, path, "crawl.fetch_from") if fetch_from else None,
        max_pages=_positive(cr, "max_pages", int, defaults.max_pages, path),
        max_depth=_positive(cr, "max_depth", int, defaults.max_depth, path),
        pattern_limit=_positive(cr, "pattern_limit", int, defaults.pattern_limit, path),
        concurrency=_positive(cr, "concurrency", int, defaults.concurrency, path),
        delay=_non_negative(cr, "delay", defaults.delay, path),
        max_rate=_non_negative(cr, "max_rate", defaults.max_rate, path),
        max_page_mb=_positive(cr, "max_page_mb", float, defaults.max_page_mb, path),
        autothrottle=_flag(cr, "autothrottle", defaults.autothrottle, path),
        sitemaps=_flag(cr, "sitemaps", defaults.sitemaps, path),
        trust_sitemap_lastmod=_flag(cr, "trust_sitemap_lastmod", defaults.trust_sitemap_lastmod, path),
        documents=_flag(cr, "documents", defaults.documents, path),
        user_agent=str(cr.get("user_agent", DEFAULT_USER_AGENT)),
    )
    imports = tuple(root / p for p in raw.get("terms", {}).get("imports", []))
    rewrite = _rewrite_settings(raw.get("rewrite", {}), path)
    return Workspace(root=root, name=name, site=site, language=language, address=address, crawl=crawl,
                     rewrite=rewrite,
                     term_imports=imports, site_settings=_site_settings(raw.get("site", {}), path))


def _site_settings(table: dict[str, Any], path: Path) -> SiteSettings:
    prop = table.get("analytics_property")
    if prop is not None and not (isinstance(prop, str) and re.fullmatch(r"G-[A-Z0-9]{4,}", prop)):
        raise HelderError(f"{path}: site.analytics_property must be a GA4 measurement id such as \"G-ABC123XYZ\", "
                          f"not {prop!r}.")
    endpoint = table.get("feedback_endpoint")
    if endpoint is not None:
        endpoint = _url(endpoint, path, "site.feedback_endpoint")
    return SiteSettings(analytics_property=prop, feedback_endpoint=endpoint)


def _rewrite_settings(table: dict[str, Any], path: Path) -> RewriteSettings:
    url = table.get("url")
    if url is None:
        return RewriteSettings()
    url = _url(url, path, "rewrite.url")
    model = table.get("model")
    if not isinstance(model, str) or not model.strip():
        raise HelderError(f"{path}: [rewrite] needs `model = \"...\"`, the model's name at {url} (e.g. \"llama3.1\").")
    key_env = table.get("api_key_env")
    if key_env is not None and not (isinstance(key_env, str) and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key_env)):
        raise HelderError(f"{path}: rewrite.api_key_env must name an environment variable (such as "
                          f"\"OPENAI_API_KEY\"), not {key_env!r}; never put the key itself in helder.toml.")
    timeout = table.get("timeout", RewriteSettings.timeout)
    if not isinstance(timeout, int | float) or isinstance(timeout, bool) or timeout <= 0:
        raise HelderError(f"{path}: rewrite.timeout must be a positive number of seconds, not {timeout!r}.")
    return RewriteSettings(url=url, model=model.strip(), api_key_env=key_env, timeout=float(timeout))

def _get(table: dict[str, Any], key: str, kind: type, path: Path, section: str) -> Any:
    if key not in table:
        raise HelderError(f"{path}: [{section}] needs `{key} = ...`.")
    value = table[key]
    if not isinstance(value, kind):
        raise HelderError(f"{path}: {section}.{key} must be a {kind.__name__}.")
    return value


def _url(value: Any, path: Path, key: str) -> str:
    parts = urlsplit(str(value))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise HelderError(f"{path}: {key} = {value!r} is not an http(s) URL such as https://www.example.nl/.")
    return str(value) if parts.path else f"{value}/"


def _flag(table: dict[str, Any], key: str, default: bool, path: Path) -> bool:
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise HelderError(f"{path}: crawl.{key} must be true or false, not {value!r}.")
    return value


def _positive(table: dict[str, Any], key: str, kind: type, default: Any, path: Path) -> Any:
    value = table.get(key, default)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or isinstance(value, bool) or value <= 0:
        raise HelderError(f"{path}: crawl.{key} must be a positive {kind.__name__}, not {value!r}.")
    return value


def _non_negative(table: dict[str, Any], key: str, default: float, path: Path) -> float:
    value = table.get(key, default)
    if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
        raise HelderError(f"{path}: crawl.{key} must be a number ≥ 0, not {value!r}.")
    return float(value)
