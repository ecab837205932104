"""Main-content extraction: the page's own text without header, menu, breadcrumbs, cookie notice and footer.

One lxml parse per page serves the links, the headings and the main text (parsing is the crawl's bottleneck, not
fetching). Municipal CMSes mark their content with <main>, role="main", <article> or an id such as "content";
inside it we still drop navigation, breadcrumbs, share buttons, "last modified" lines and cookie notices. Pages
without such a container (old table layouts, div soup) lose the elements whose class or id says header, menu,
sidebar or footer, and the blocks that are mostly links. The result keeps the page's structure as blocks
(headings, paragraphs, list items) because later stages rebuild pages from it.

Decoding: servers often declare the wrong charset. `decode_html` tries the declared encoding strictly and falls
back on BeautifulSoup's UnicodeDammit (the document's own meta charset, then UTF-8, then Windows-1252).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from bs4.dammit import UnicodeDammit
from lxml import etree
from lxml import html as lxml_html

from helder.crawler.urls import SKIPPED_SCHEMES, clean

_DROP_ALWAYS = {"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "button", "select",
                "input", "textarea", "head"}
_CHROME_TAGS = {"header", "nav", "footer", "aside"}
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"}
# Class/id words that mark page chrome even inside the main container.
_CHROME_INSIDE = re.compile(
    r"cookie|consent|breadcrumb|kruimel|skip-?link|share|social|deel-?deze|addtoany|a2a_|print-?(button|link)|"
    r"last-?modified|gewijzigd|page-?meta|feedback|webform|sliding-popup|to-?top|naar-?boven",
    re.I,
)
# Blocks that are page furniture whatever element holds them (Dutch and English CMS phrases).
_FURNITURE = re.compile(
    r"^(u bent hier|je bent hier|you are here|laatst gewijzigd|last (updated|modified)|deel deze pagina|"
    r"share this page|was deze (informatie|pagina) nuttig|heeft deze pagina u geholpen|was this page (useful|helpful)|"
    r"print deze pagina|tip een vriend|naar boven|back to top)\b",
    re.I,
)
_SKIP_LINK_TEXT = re.compile(r"inhoud|content|hoofdtekst|main", re.I)
_MIN_CONTAINER_TEXT = 200  # characters: less is a skip-link anchor or an empty wrapper, not the main content
# Without a main container we are stricter: headers, menus and sidebars too.
_CHROME_OUTSIDE = re.compile(
    _CHROME_INSIDE.pattern + r"|header|footer|menu|navbar|navigation|sidebar|banner|topbar|region-(?!content)",
    re.I,
)
_MAIN_XPATHS = ("//main", "//*[@role='main']", "//*[@id='main-content']", "//*[@id='content']", "//*[@id='main']",
                "//article", "//*[contains(concat(' ', normalize-space(@class), ' '), ' content ')]")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = _HEADINGS | {"p", "li", "dt", "dd", "td", "th", "blockquote", "pre", "figcaption", "caption", "div",
                       "section", "table", "tr", "ul", "ol", "dl", "form", "fieldset", "address", "center", "hr"}
_LINK_HEAVY = 0.6  # share of a block's text inside links above which, without a main container, it is a menu


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


def decode_html(body: bytes, declared: str | None) -> tuple[str, str]:
    """(text, charset actually used)."""
    if declared:
        try:
            return body.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    dammit = UnicodeDammit(body, ["utf-8", "windows-1252"], is_html=True)
    if dammit.unicode_markup is None:
        return body.decode("windows-1252", errors="replace"), "windows-1252"
    return dammit.unicode_markup, (dammit.original_encoding or "utf-8").lower()


def extract(html: str, url: str) -> ExtractedPage:
    page = ExtractedPage()
    root = _parse(html)
    if root is None:
        return page
    page.lang = (root.get("lang") or root.get("xml:lang") or "").strip()
    page.title = _squash(" ".join(root.xpath("//title//text()")))
    description = root.xpath("//meta[translate(@name, 'DESCRIPTION', 'description')='description']/@content")
    page.description = _squash(description[0]) if description else ""
    base = url
    if (base_href := root.xpath("//base/@href")):
        base = urljoin(url, str(base_href[0]).strip())
    canonical = root.xpath("//link[translate(@rel, 'CANONICAL', 'canonical')='canonical']/@href")
    page.canonical = clean(urljoin(base, str(canonical[0]).strip())) if canonical else ""

    for element in [e for e in root.iter() if not isinstance(e.tag, str) or e.tag.lower() in _DROP_ALWAYS]:
        element.drop_tree()
    body = root.find("body")
    body = root if body is None else body
    main = _main_container(root)
    container = body if main is None else main
    inside_main = container is not body
    chrome = _chrome(container, inside_main)
    page.links = _links(root, container, chrome, base)
    for element in chrome:
        element.drop_tree()
    page.blocks = _blocks(container, drop_link_lists=not inside_main)
    page.h1 = next((b.text for b in page.blocks if b.kind == "h1"), "")
    return page


def _parse(html: str) -> lxml_html.HtmlElement | None:
    if not html.strip():
        return None
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)  # lxml refuses unicode strings with an encoding declaration
    try:
        return lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _main_container(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The element holding the main content: a semantic container with real text in it, else the target of
    the "skip to content" link, widened until it holds real text."""
    for xpath in _MAIN_XPATHS:
        found = root.xpath(xpath)
        if len(found) == 1 and _text_length(found[0]) >= _MIN_CONTAINER_TEXT:
            return found[0]
    for anchor in root.xpath("//a[starts-with(@href, '#')]"):
        target_id = anchor.get("href", "")[1:]
        if not target_id or not _SKIP_LINK_TEXT.search(anchor.text_content()):
            continue
        targets = root.xpath("//*[@id=$name] | //a[@name=$name]", name=target_id)
        if targets:
            return _widen(targets[0])
    return None


def _widen(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """From a skip-link target (often an empty anchor) up to the first ancestor with real text."""
    for candidate in [element, *element.iterancestors()]:
        if isinstance(candidate.tag, str) and candidate.tag.lower() in ("body", "html"):
            return None
        if _text_length(candidate) >= _MIN_CONTAINER_TEXT:
            return candidate
    return None


def _text_length(element: lxml_html.HtmlElement) -> int:
    return len(" ".join(element.text_content().split()))


def _chrome(container: lxml_html.HtmlElement, inside_main: bool) -> list[lxml_html.HtmlElement]:
    """Menus, breadcrumbs, cookie notices (and without a <main>: header and footer) inside the container."""
    pattern = _CHROME_INSIDE if inside_main else _CHROME_OUTSIDE
    doomed: list[lxml_html.HtmlElement] = []
    stack = list(container)
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        structural = tag in ("nav", "aside") or (not inside_main and tag in _CHROME_TAGS)
        marks = f"{element.get('id', '')} {element.get('class', '')}"
        if (structural or element.get("role") in _CHROME_ROLES or (marks.strip() and pattern.search(marks))
                or _CHROME_INSIDE.search(element.get("aria-label", ""))):
            doomed.append(element)  # and not its descendants: they go with it
        else:
            stack.extend(element)
    return doomed


def _links(root: lxml_html.HtmlElement, container: lxml_html.HtmlElement, chrome: list[lxml_html.HtmlElement],
           base: str) -> list[Link]:
    # Sets of the elements themselves (not ids): they keep lxml's proxies alive, so identity stays meaningful.
    in_container = set(container.iter("a"))
    in_chrome = {anchor for element in chrome for anchor in element.iter("a")}
    base_origin = urlsplit(base)._replace(path="", query="", fragment="").geturl()
    seen: set[tuple[str, str]] = set()
    links: list[Link] = []
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith("#") or href.lower().startswith(SKIPPED_SCHEMES):
            continue
        region = "content" if anchor in in_container and anchor not in in_chrome else "navigation"
        target = _absolute(href, base, base_origin).split("#", 1)[0]
        if (target, region) not in seen:
            seen.add((target, region))
            links.append(Link(url=target, text=_squash(anchor.text_content()), region=region))
    return links


def _absolute(href: str, base: str, base_origin: str) -> str:
    """urljoin, with the two cases of nearly every link taken without parsing."""
    if href.startswith(("http://", "https://")):
        return href
    if href.startswith("/") and not href.startswith("//"):
        return base_origin + href
    return urljoin(base, href)


def _blocks(container: lxml_html.HtmlElement, drop_link_lists: bool) -> list[Block]:
    blocks: list[Block] = []
    buffer: list[str] = []
    linked: list[int] = [0]  # characters inside links in the current buffer

    def flush(kind: str) -> None:
        text = _squash("".join(buffer))
        link_share = linked[0] / len(text) if text else 0
        buffer.clear()
        linked[0] = 0
        if text and not (drop_link_lists and link_share > _LINK_HEAVY) and not _FURNITURE.match(text):
            blocks.append(Block(kind=kind, text=text))

    def walk(node: lxml_html.HtmlElement, kind: str) -> None:
        if node.text:
            buffer.append(node.text)
        previous_br = False
        for child in node:
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if tag == "br":
                if previous_br:  # <br><br> separates paragraphs on old sites without <p>
                    flush(kind)
                buffer.append(" ")
            elif tag in _BLOCKS:
                flush(kind)
                inner = _block_kind(child, tag, kind)
                walk(child, inner)
                flush(inner)
            elif tag == "a":
                walk(child, kind)
                linked[0] += len(_squash(child.text_content())) + 1
            else:
                walk(child, kind)
            previous_br = tag == "br" and not (child.tail or "").strip()
            if child.tail:
                buffer.append(child.tail)

    walk(container, "p")
    flush("p")
    return blocks


def _block_kind(element: lxml_html.HtmlElement, tag: str, outer: str) -> str:
    if tag in _HEADINGS:
        return tag
    if tag == "li":
        for ancestor in element.iterancestors():
            if isinstance(ancestor.tag, str) and ancestor.tag.lower() in ("ol", "ul"):
                return "ol" if ancestor.tag.lower() == "ol" else "ul"
        return "ul"
    if tag in ("p", "dd", "dt", "td", "th", "blockquote", "pre", "figcaption", "caption", "address"):
        return "p"
    return outer


def _squash(text: str) -> str:
    return " ".join(text.split())
