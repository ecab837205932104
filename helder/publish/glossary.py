"""The glossary "Wat betekent dit woord?" and the site-wide abbreviation tooltips.

Helder keeps some official words on purpose (the official name in brackets, abbreviations residents meet on
letters) and leaves others where replacing them would break the sentence. Every lexicon term that still stands in
the generated pages' text gets an entry: its plain words and explanation, alphabetical, each with a stable anchor
(`wat-betekent-dit-woord.md#leges`) so pages can link to it.

Abbreviations get one mechanism for the whole site: `includes/abbreviations.md` in the workspace, lines
`*[WOZ]: waarde van uw huis voor de belasting`, which mkdocs.yml appends to every page (pymdownx.snippets
`auto_append`), so the Markdown `abbr` extension shows the meaning as a tooltip wherever the abbreviation stands.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from helder.atomic import write_text
from helder.config import Workspace
from helder.language.lexicon import Entry, Lexicon
from helder.language.tokens import sentences
from helder.publish.pagefile import PageFile
from helder.publish.plain import ABBREVIATIONS
from helder.publish.site_pages import SitePage, escape

FILE = {"nl": "wat-betekent-dit-woord.md", "en": "what-does-this-word-mean.md"}
SNIPPET = Path("includes") / "abbreviations.md"  # relative to the workspace root, as mkdocs.yml names it
LABELS = {
    "nl": {"title": "Wat betekent dit woord?", "plain": "In gewone woorden",
           "intro": "Op deze website staan soms nog officiële woorden. U komt ze tegen in brieven en formulieren. "
                    "Hier leest u wat ze betekenen.",
           "intro_je": "Op deze website staan soms nog officiële woorden. Je komt ze tegen in brieven en "
                       "formulieren. Hier lees je wat ze betekenen.",
           "other": "Overig"},
    "en": {"title": "What does this word mean?", "plain": "In plain words",
           "intro": "This site still uses some official words, because you will meet them in letters and forms. "
                    "Here is what they mean.",
           "intro_je": "This site still uses some official words, because you will meet them in letters and forms. "
                       "Here is what they mean.",
           "other": "Other"},
}


@dataclass
class Found:
    entry: Entry
    pages: set[str] = field(default_factory=set)  # content-relative paths of the pages it stands on
    surfaces: set[str] = field(default_factory=set)  # how it is written there (for abbreviation tooltips)


def glossary_path(ws: Workspace) -> Path:
    return ws.content_dir / FILE[ws.language]


def snippet_path(ws: Workspace) -> Path:
    return ws.root / SNIPPET


def term_anchor(term: str) -> str:
    """The anchor of a term on the glossary page: "Wmo-voorziening" → "wmo-voorziening", "c.q." → "cq"."""
    ascii_term = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode().lower()
    ascii_term = ascii_term.replace(".", "")
    return re.sub(r"[^a-z0-9]+", "-", ascii_term).strip("-") or "term"


def find_terms(pages: list[SitePage], lexicon: Lexicon,
               known: dict[str, list[list[str]]] | None = None) -> dict[str, Found]:
    """Every lexicon term in the pages' visible text, by term (lower case).

    `known` holds, by `text_digest` of a page's text, the (term, surface) pairs found in it with the same lexicon
    (by an earlier run, or by the worker that built the page): those pages are not read again. It is left holding
    this run's pages, for the next run.
    """
    earlier = dict(known or {})
    known = {} if known is None else known
    known.clear()
    entries = {entry.term.lower(): entry for entry in lexicon.entries}
    found: dict[str, Found] = {}
    seen: dict[str, list[list[str]]] = {}  # sentences repeat across pages (contact lines, sources)
    for page in pages:
        text = page.text()
        digest = text_digest(text)
        if digest not in known:
            known[digest] = earlier[digest] if digest in earlier else terms_in_text(text, lexicon, seen)
        for term, surface in known[digest]:
            entry = entries.get(term.lower())
            if entry is None:
                continue  # a record from another lexicon
            item = found.setdefault(term.lower(), Found(entry))
            item.pages.add(page.rel)
            item.surfaces.add(surface)
    return found


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def terms_in_text(text: str, lexicon: Lexicon, seen: dict[str, list[list[str]]] | None = None) -> list[list[str]]:
    """[term, surface] of every lexicon match in a page's visible text, sentence by sentence (`seen` holds the
    sentences already looked at, which repeat across pages)."""
    seen = {} if seen is None else seen
    pairs: list[list[str]] = []
    for line in text.splitlines():
        for sentence in sentences(line, lexicon.language.code):
            if sentence.text not in seen:
                seen[sentence.text] = [[m.entry.term, m.surface] for m in lexicon.find(sentence.text)]
            pairs += seen[sentence.text]
    return pairs


def _sort_key(term: str) -> str:
    folded = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"[^a-z0-9 ]", "", folded)


def glossary_page(found: dict[str, Found], language: str, address: str) -> PageFile:
    labels = LABELS[language]
    lines = [f"{labels['intro_je' if address == 'je' else 'intro']}\n"]
    anchors: set[str] = set()
    letter = None
    for item in sorted(found.values(), key=lambda f: (_sort_key(f.entry.term), f.entry.term)):
        entry = item.entry
        initial = _sort_key(entry.term)[:1].upper()
        initial = initial if initial.isalpha() else labels["other"]
        if initial != letter:
            letter = initial
            lines.append(f"## {letter}\n")
        anchor = term_anchor(entry.term)
        while anchor in anchors:
            anchor += "-2"
        anchors.add(anchor)
        lines.append(f"### {escape(entry.term)} {{#{anchor}}}\n")
        if entry.plain:
            lines.append(f"{labels['plain']}: {escape(', '.join(entry.plain))}.\n")
        if entry.explanation:
            lines.append(f"{escape(entry.explanation)}\n")
    front = {"title": labels["title"], "helder": {"glossary": True, "terms": len(found)}}
    return PageFile(front, "\n".join(lines))


def abbreviation_lines(found: dict[str, Found]) -> list[str]:
    """`*[WOZ]: meaning` for every abbreviation on the site, in each spelling it has there ("Wmo", "WMO")."""
    lines = set()
    for item in found.values():
        entry = item.entry
        if entry.category not in ABBREVIATIONS:
            continue
        meaning = " ".join((entry.best_plain or entry.explanation).split())
        if not meaning:
            continue
        for surface in item.surfaces:
            if entry.term.endswith(".") and not surface.endswith("."):
                surface += "."  # the matcher reads "c.q." as the words "c" and "q"; the text has the full stop
            # Only the abbreviation itself: inside a compound the tooltip would not match the whole word anyway.
            if surface.lower() == entry.term.lower() and "]" not in surface:
                lines.add(f"*[{surface}]: {meaning}")
    return sorted(lines, key=lambda line: (_sort_key(line.split("]", 1)[0]), line))


def write_abbreviations(ws: Workspace, lines: list[str]) -> bool:
    """Write the snippet when it changed (generating twice changes nothing); True when written."""
    path = snippet_path(ws)
    text = "\n".join(lines) + "\n" if lines else ""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    write_text(path, text)
    return True
