"""The generated pages as they stand in `content/`, read back for the pages that are built from them.

Life-event pages, the home page and the glossary are made from the task pages after those are written. They read
the files rather than Helder's own in-memory version, because a page a person edited is published as edited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: read back 1,000 pages in well under a second
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
# Markdown that is not text a resident reads: link targets, abbreviation definitions, emphasis markers.
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_ABBREVIATION_LINE = re.compile(r"^\*\[[^\]]+\]:.*$", re.M)
_MARKUP = re.compile(r"[*_`#>\[\]]|\{[#.][^}]*\}")


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
        """What a reader sees: the title and body without Markdown syntax or link targets."""
        body = _ABBREVIATION_LINE.sub("", self.body)
        body = _MARKUP.sub(" ", _LINK_TARGET.sub("]", body))
        return f"{self.title}\n\n{body}"


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


def escape(text: str) -> str:
    """Crawled or edited text as plain Markdown text: it never becomes a link, emphasis or HTML."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", " ".join(text.split()))
