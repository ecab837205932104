"""The first use of an official word on a task page links to its meaning on the glossary page.

Helder keeps some official words on purpose (the official name in brackets, which residents meet on letters and
forms) and leaves others where a plain word would break the sentence (see plain.py). Every such word has an entry
in "Wat betekent dit woord?" (glossary.py); a resident who does not know it taps it and reads what it means.

Linked: a lexicon term where it stands as one whole word ("beschikkingen") or exactly as the lexicon writes it
("huishoudelijke ondersteuning"), the first time on the page, in running text and lists. Not linked: part of a
compound ("parkeervergunninghouder"), a term split by word order, headings, the official-name line, the
downloads and the sources; abbreviations, which have a tooltip everywhere instead; and a term whose anchor on the
glossary page another term shares, since which of the two gets it depends on the whole site.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from helder.language import Language
from helder.language.lexicon import Lexicon, Match
from helder.publish.glossary import FILE as GLOSSARY_FILE
from helder.publish.glossary import term_anchor
from helder.publish.plain import ABBREVIATIONS, inside_word
from helder.publish.site_pages import relative_link

_NOT_TEXT = ("#", "*", "- [")  # headings, the official-name line, link lists (downloads, sources)


def link_terms(lines: list[str], lexicon: Lexicon, page_rel: str) -> list[str]:
    """The page's Markdown lines with the first use of every official word linked to its glossary entry."""
    glossary = relative_link(page_rel, GLOSSARY_FILE[lexicon.language.code])
    ambiguous = _shared_anchors(lexicon)
    linked: set[str] = set()
    out = []
    for line in lines:
        if not line.strip() or line.startswith(_NOT_TEXT):
            out.append(line)
            continue
        edits = []
        for match in lexicon.find(line):
            term = match.entry.term.lower()
            anchor = term_anchor(match.entry.term)
            if term in linked or anchor in ambiguous or not _linkable(line, match, lexicon.language):
                continue
            linked.add(term)
            edits.append((match.start, match.end, f"[{match.surface}]({glossary}#{anchor})"))
        for start, end, link in reversed(edits):
            line = line[:start] + link + line[end:]
        out.append(line)
    return out


def _linkable(line: str, match: Match, language: Language) -> bool:
    if match.entry.category in ABBREVIATIONS or inside_word(line, match.start, match.end):
        return False
    if line[:match.start].count("[") > line[:match.start].count("]"):
        return False  # inside a link's text already
    surface, term = match.surface.lower(), match.entry.term.lower()
    if surface == term:
        return True
    # One word inflected ("verstrekt": verstrekken), not one that only shares a form with the term ("indienen"
    # matches "indien", "gehouden" matches "houdende"): its lemma must be the term itself.
    return " " not in term and " " not in surface and language.lemma(surface) == term


@lru_cache(maxsize=8)
def _shared_anchors(lexicon: Lexicon) -> frozenset[str]:
    counts = Counter(term_anchor(entry.term) for entry in lexicon.entries)
    return frozenset(anchor for anchor, count in counts.items() if count > 1)
