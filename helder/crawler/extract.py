"""Main-content extraction: the page's own text without header, menu, breadcrumbs, cookie notice and footer.

Municipal CMSes mark their content with <main>, role="main", <article> or an id such as "content"; inside it we
still drop navigation, breadcrumbs and cookie notices. The result keeps the page's structure as blocks (headings,
paragraphs, list items) because later stages rebuild pages from it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from helder.crawler.urls import SKIPPED_SCHEMES, clean

_DROP_ALWAYS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "button")
_CHROME_TAGS = ("header", "nav", "footer", "aside")
_CHROME_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "dialog")
# Class/id words that mark page chrome even inside the main container.
_CHROME_INSIDE = re.compile(
    r"cookie|consent|breadcrumb|kruimel|skip-?link|share|social|print-?button|"
    r"last-?modified|laatst-?gewijzigd|page-?meta|datum-?gewijzigd|feedback",
    re.I,
)
# Without a main container we are stricter: headers, menus and sidebars too.
_CHROME_OUTSIDE = re.compile(
    _CHROME_INSIDE.pattern + r"|header|footer|menu|navbar|sidebar|banner|topbar", re.I
)
_MAIN_SELECTORS = ("main", "[role=main]", "#main-content", "#content", "#main", "article", ".content")
_BLOCKS = {"p", "li", "dt", "dd", "td", "th", "blockquote", "pre", "figcaption", "caption",
           "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "table", "tr", "ul", "ol", "dl"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class Block:
    kind: str  # "h1".."h6", "p", "ul" (bulleted item), "ol" (numbered item)
    text: str


@dataclass(frozen=True)
class Link:
    url: str
    text: str
    region: str  # "content" (inside the main text) or "navigation" (menus, header, footer)


@dataclass
class ExtractedPage:
    lang: str = ""
    title: str = ""
    description: str = ""
    canonical: str = ""
    h1: str = ""
    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    @property
    def headings(self) -> list[tuple[int, str]]:
        return [(int(b.kind[1]), b.text) for b in self.blocks if b.kind in _HEADINGS]

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def extract(html: str, url: str) -> ExtractedPage:
    soup = BeautifulSoup(html, "lxml")
    page = ExtractedPage()
    if soup.html is not None:
        page.lang = str(soup.html.get("lang", "")).strip()
    if soup.title is not None:
        page.title = _squash(soup.title.get_text())
    if (meta := soup.find("meta", attrs={"name": "description"})) is not None:
        page.description = _squash(str(meta.get("content", "")))
    base = url
    if (base_tag := soup.find("base", href=True)) is not None:
        base = urljoin(url, str(base_tag["href"]))
    if (canonical := soup.find("link", rel="canonical", href=True)) is not None:
        page.canonical = urljoin(base, str(canonical["href"]))

    for tag in soup.find_all(_DROP_ALWAYS):
        tag.decompose()
    container = _main_container(soup)
    chrome = _chrome(container, inside_main=container is not soup.body)
    page.links = _links(soup, container, chrome, base)
    for tag in chrome:
        if not tag.decomposed:
            tag.decompose()
    page.blocks = _blocks(container)
    page.h1 = next((b.text for b in page.blocks if b.kind == "h1"), "")
    return page


def _main_container(soup: BeautifulSoup) -> Tag:
    for selector in _MAIN_SELECTORS:
        found = soup.select(selector)
        if len(found) == 1:
            return found[0]
    return soup.body or soup


def _links(soup: BeautifulSoup, container: Tag, chrome: list[Tag], base: str) -> list[Link]:
    in_chrome = {id(a) for tag in chrome for a in tag.find_all("a", href=True)}
    in_content = {id(a) for a in container.find_all("a", href=True)} - in_chrome
    seen: set[tuple[str, str]] = set()
    links: list[Link] = []
    for a in soup.find_all("a", href=True):
        href = str(a["href"]).strip()
        if not href or href.lower().startswith(SKIPPED_SCHEMES) or href.startswith("#"):
            continue
        target = clean(urljoin(base, href))
        region = "content" if id(a) in in_content else "navigation"
        if (target, region) in seen:
            continue
        seen.add((target, region))
        links.append(Link(url=target, text=_squash(a.get_text(" ")), region=region))
    return links


def _chrome(container: Tag, inside_main: bool) -> list[Tag]:
    """Menus, breadcrumbs, cookie notices (and without a <main>: header and footer) inside the container."""
    pattern = _CHROME_INSIDE if inside_main else _CHROME_OUTSIDE
    doomed: list[Tag] = []
    for tag in container.find_all(True):
        structural = tag.name in ("nav", "aside") or (not inside_main and tag.name in _CHROME_TAGS)
        if structural or tag.get("role") in _CHROME_ROLES:
            doomed.append(tag)
        else:
            marks = " ".join([str(tag.get("id", "")), *tag.get("class", [])])
            label = str(tag.get("aria-label", ""))
            if (marks.strip() and pattern.search(marks)) or _CHROME_INSIDE.search(label):
                doomed.append(tag)
    return doomed


def _blocks(container: Tag) -> list[Block]:
    blocks: list[Block] = []
    buffer: list[str] = []

    def flush(kind: str) -> None:
        text = _squash("".join(buffer))
        buffer.clear()
        if text:
            blocks.append(Block(kind=kind, text=text))

    def walk(node: Tag, kind: str) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                buffer.append(str(child))
            elif isinstance(child, Tag):
                if child.name == "br":
                    buffer.append(" ")
                elif child.name in _BLOCKS:
                    flush(kind)
                    inner = _block_kind(child, kind)
                    walk(child, inner)
                    flush(inner)
                else:
                    walk(child, kind)

    walk(container, "p")
    flush("p")
    return blocks


def _block_kind(tag: Tag, outer: str) -> str:
    if tag.name in _HEADINGS:
        return tag.name
    if tag.name == "li":
        parent = tag.find_parent(["ol", "ul"])
        return "ol" if parent is not None and parent.name == "ol" else "ul"
    if tag.name in ("p", "dd", "dt", "td", "th", "blockquote", "pre", "figcaption", "caption"):
        return "p"
    return outer


def _squash(text: str) -> str:
    return " ".join(text.split())
