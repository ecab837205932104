"""The demo's residents' site is accessible (axe-core in headless Chromium, WCAG 2.0/2.1 A and AA), its headings
never skip a level, its links say where they go, and its pages make no requests to anyone but the site itself."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from helder.publish.search_check import serve
from tests.browser import axe_violations

pytestmark = pytest.mark.slow

# The pages the issue names: home, a task, a life event, the glossary, a theme; the search state is tested apart.
PAGES = {
    "home": "/",
    "task": "/zorg-en-ondersteuning/hulp-in-huis/",
    "life event": "/levensgebeurtenissen/hulp-nodig-thuis/",
    "life events": "/levensgebeurtenissen/",
    "glossary": "/wat-betekent-dit-woord/",
    "theme": "/afval/",
}
VAGUE_LINK_TEXT = {"hier", "klik hier", "lees meer", "meer", "link", "deze pagina", "click here", "here",
                   "read more", "more", "this page"}


@pytest.fixture(scope="module")
def site(demo_run) -> Path:
    ws, _ = demo_run
    for path in PAGES.values():
        assert (ws.site_dir / path.strip("/") / "index.html").is_file(), path
    return ws.site_dir


def search_for(page, query: str) -> None:
    """Open the search overlay and type key by key; typed again while the search index is still loading."""
    box = page.locator("input.md-search__input")
    box.click()
    for _ in range(20):
        box.press_sequentially(query)
        try:
            page.wait_for_selector(".md-search-result__item", timeout=1000)
            return
        except PlaywrightTimeout:
            box.fill("")
    raise AssertionError(f"no search results for {query!r}")


@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations(site: Path, browser, name: str) -> None:
    with serve(site) as base:
        page = browser.new_page()
        try:
            page.goto(base + PAGES[name])
            page.wait_for_load_state("networkidle")
            assert axe_violations(page) == []
        finally:
            page.close()


def test_no_axe_violations_with_search_results_open(site: Path, browser) -> None:
    with serve(site) as base:
        page = browser.new_page()
        try:
            page.goto(base + "/")
            search_for(page, "paspoort aanvragen")
            assert page.locator(".md-search-result__item").count() >= 3
            assert axe_violations(page) == []
        finally:
            page.close()


def test_footer_line_is_fixed_and_in_dutch(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Gemaakt met" in home and "Made with" not in home
    assert "--md-footer-fg-color--lighter: #ffffffbf" in (site / "assets/stylesheets/helder.css").read_text()


class _Outline(HTMLParser):
    """Headings (level, text) and links (href, text) of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.links: list[tuple[str, str]] = []
        self._link: list[str] | None = None
        self._href = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "a":
            self._href, self._link = dict(attrs).get("href") or "", []
            label = dict(attrs).get("aria-label") or dict(attrs).get("title")
            if label:
                self._link.append(label)

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._link is not None:
            self.links.append((self._href, " ".join("".join(self._link).split())))
            self._link = None


def test_headings_never_skip_a_level_and_links_say_where_they_go(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 60
    for path in pages:
        outline = _Outline()
        outline.feed(path.read_text(encoding="utf-8"))
        assert outline.headings[:1] == [1], path
        for before, after in zip(outline.headings, outline.headings[1:], strict=False):
            assert after <= before + 1, f"{path}: h{before} followed by h{after}"
        for href, text in outline.links:
            if href.startswith("#") and not text:
                continue  # Material's skip links and toggles carry their name in aria-label (checked by axe)
            assert text, f"{path}: a link to {href} without text"
            assert text.lower().strip(" .:") not in VAGUE_LINK_TEXT, f"{path}: link text {text!r}"


# Attributes that make a browser fetch something; a link to a source page (<a href>) is not a request.
_FETCHING = re.compile(
    r"<(?:script|img|iframe|source|video|audio|embed|track|input)\b[^>]*?\s(?:src|srcset|data)\s*=\s*[\"']([^\"']+)"
    r"|<object\b[^>]*?\sdata\s*=\s*[\"']([^\"']+)", re.I)
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.I)
_FETCHING_REL = {"stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "icon",
                 "apple-touch-icon", "manifest", "shortcut"}
_CSS_URL = re.compile(r"@import\s+(?:url\()?\s*[\"']?([^\"')\s;]+)|url\(\s*[\"']?([^\"')]+)", re.I)


def _off_site(url: str) -> bool:
    return url.startswith("//") or urlsplit(url).scheme in ("http", "https")


def test_built_files_reference_nothing_off_site(site: Path, demo_run) -> None:
    ws, _ = demo_run
    theme = yaml.load(ws.mkdocs_yml.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["theme"]
    assert theme["font"] == "false"  # no Google Fonts
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        fetched = [a or b for a, b in _FETCHING.findall(text)]
        for tag in _LINK_TAG.findall(text):
            rel = re.findall(r"\srel\s*=\s*[\"']([^\"']+)", tag, re.I)
            if rel and set(rel[0].lower().split()) & _FETCHING_REL:
                fetched += re.findall(r"\shref\s*=\s*[\"']([^\"']+)", tag, re.I)
        assert not [u for u in fetched if _off_site(u)], path
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, path
    for path in site.rglob("*.css"):
        urls = [a or b for a, b in _CSS_URL.findall(path.read_text(encoding="utf-8"))]
        assert urls is not None and not [u for u in urls if _off_site(u)], path
    for path in site.rglob("*.js"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"import\s*\(\s*[\"'](?:https?:)?//", text), path
        assert "fonts.googleapis.com" not in text and "googletagmanager" not in text, path


def test_pages_request_nothing_but_the_site_itself(site: Path, browser) -> None:
    with serve(site) as base:
        page = browser.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        try:
            for path in PAGES.values():
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
            search_for(page, "grofvuil")
        finally:
            page.close()
    assert any(url.endswith("search_index.json") for url in requested)
    assert [url for url in requested if not url.startswith((base, "data:", "blob:"))] == []
