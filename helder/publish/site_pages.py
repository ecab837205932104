"""The generated pages as they stand in `content/`, read back for the pages that are built from them.

Life-event pages, the home page and the glossary are made from the task pages after those are written. They read
the files rather than Helder's own in-memory version, because a page a person edited is published as edited.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: read back 1,000 pages in well under a second
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
# Markdown that is not text a resident reads: link targets, abbreviation definitions, emphasis markers.
_LINK_TARGET = re.compile(r"(?<!\\)\]\([^)]*\)")
_ABBREVIATION_LINE = re.compile(r"^\*\[[^\]]+\]:.*$", re.M)
_MARKUP = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])|[*_`#>\[\]]|\{[#.][^}]*\}")  # group 1: an escaped character


@dataclass(frozen=True)
class SitePage:
    path: Path  # the file
    rel: str  # its path inside content/, with forward slashes: what Markdown links use
    front: dict[str, Any]
    body: str

    @property
    def meta(self) -> dict[str, Any]:
        helder = self.front.get("helder")
        return helder if isinstance(helder, dict) else {}

    @property
    def title(self) -> str:
        return str(self.front.get("title") or "")

    @property
    def is_task(self) -> bool:
        return bool(self.meta.get("task"))

    def text(self) -> str:
        """What a reader sees: the title and body without Markdown syntax or link targets, escaped characters and
        entities as the characters they stand for."""
        body = _ABBREVIATION_LINE.sub("", self.body)
        body = _MARKUP.sub(lambda m: m.group(1) or " ", _LINK_TARGET.sub("]", body))
        return html.unescape(f"{self.title}\n\n{body}")


def read_page(path: Path, content_dir: Path) -> SitePage | None:
    """The page, or None when it is not a Markdown page with front matter (nothing to build from)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    match = _FRONT.match(text)
    if match is None:
        return None
    try:
        front = yaml.load(match.group(1), Loader=_LOADER)
    except yaml.YAMLError:
        return None  # a person broke the front matter; the build reports it, we only skip it here
    if not isinstance(front, dict):
        return None
    return SitePage(path=path, rel=path.relative_to(content_dir).as_posix(), front=front, body=text[match.end():])


def read_pages(paths: list[Path], content_dir: Path) -> list[SitePage]:
    pages = (read_page(p, content_dir) for p in sorted(set(paths)) if p.suffix == ".md")
    return [p for p in pages if p is not None]


def relative_link(from_rel: str, to_rel: str) -> str:
    """A Markdown link from one content page to another ("levensgebeurtenissen/x.md" → "../afval/y.md")."""
    depth = from_rel.count("/")
    return "../" * depth + to_rel


def escape(text: str, line_start: bool = False) -> str:
    """Crawled or edited text as Markdown that shows exactly that text. It never becomes HTML or script (`<` and
    `>` as entities: Python-Markdown has no backslash escape for them), a link or image, emphasis, an attribute
    list (`{: onclick=…}`), an abbreviation definition or a snippet include (`--8<--`); with `line_start`, a
    paragraph's first word never makes it a list or a heading either ("2026. …", "- …")."""
    text = " ".join(text.split()).replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"([\\`*_\[\]{}#|])", r"\\\1", text)
    if line_start:
        text = re.sub(r"^(\d+)\.(?=\s|$)", r"\1\\.", text)
        text = re.sub(r"^([-+=])(?=\s|$)", r"\\\1", text)
    return text


def front_matter_text(text: str) -> str:
    """Text for a front matter field Material writes into the HTML as it is (the title in the menu and heading, the
    description in a `content="…"` attribute): markup characters and quotes as entities."""
    return text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def link_target(url: str) -> str | None:
    """An http(s) address as a Markdown link target (brackets, spaces and quotes percent-encoded so they cannot end
    it), or None for any other scheme: a `javascript:` or `data:` address is never linked."""
    if urlsplit(url.strip()).scheme.lower() not in ("http", "https"):
        return None
    return quote(url.strip(), safe=":/?#@!$&'*+,;=%-._~")
