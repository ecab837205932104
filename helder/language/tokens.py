"""Sentences and words with character offsets, robust to web text.

Web text has abbreviations with full stops ("o.a.", "bijv.", "art. 12"), numbers with separators ("€ 84,60",
"1.250"), hyphenated words ("Wmo-voorziening") and headings without a full stop. Offsets let reports point at the
exact place of a finding.
"""

from __future__ import annotations

import re
from typing import NamedTuple

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,:]\d+)*", re.UNICODE)
# The same words with hyphens and apostrophes splitting them: "Wmo-voorziening" → "Wmo", "voorziening".
WORD_PART = re.compile(r"[^\W\d_]+|\d+(?:[.,:]\d+)*", re.UNICODE)
# A sentence ends at . ! ? (or …) followed by white space and something that can start a sentence.
_END = re.compile(r"[.!?…]+[)\"'”’]*(?=\s+[\"'“‘(]?[A-ZÀ-ÖØ-Þ0-9€])")
_INITIAL = re.compile(r"(?:^|\s)[A-Z]$")

ABBREVIATIONS = {
    "nl": {"o.a", "bijv", "art", "nr", "tel", "m.b.t", "i.v.m", "z.s.m", "e.d", "enz", "etc", "d.w.z", "ca",
           "incl", "excl", "max", "min", "mr", "dr", "mevr", "dhr", "jl", "t.a.v", "t.z.t", "n.a.v", "e.e.a",
           "o.b.v", "i.p.v", "m.u.v", "p.p", "resp", "vs", "zgn", "bv", "evt", "jr", "lid", "blz", "hfdst", "ex"},
    "en": {"e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "st", "no", "vs", "approx", "incl", "excl", "dept",
           "tel", "ref", "para", "sec", "art", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
           "oct", "nov", "dec", "min", "max", "cf"},
}


class Span(NamedTuple):  # a named tuple: millions are made per audit, and tuples are cheap to make
    start: int
    end: int
    text: str


def sentences(text: str, language: str) -> list[Span]:
    """Split one block of text (a paragraph, list item or heading) into sentences."""
    abbreviations = ABBREVIATIONS.get(language, set())
    spans: list[Span] = []
    start = 0
    for match in _END.finditer(text):
        before = text[start:match.start()]
        last_word = before.rsplit(None, 1)[-1].lower() if before.split() else ""
        if match.group().startswith(".") and len(match.group()) == 1 and (
            last_word.rstrip(".") in abbreviations or _INITIAL.search(before)
        ):
            continue
        spans.append(_span(text, start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append(_span(text, start, len(text)))
    return [s for s in spans if s.text]


def _span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def words(text: str) -> list[Span]:
    """Words (hyphenated compounds stay one word) and numbers."""
    return [Span(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def word_parts(text: str) -> list[Span]:
    """Words with hyphenated compounds split into their parts: "Wmo-voorziening" → "Wmo", "voorziening"."""
    return [Span(m.start(), m.end(), m.group()) for m in WORD_PART.finditer(text)]


def is_number(token: str) -> bool:
    return token[:1].isdigit()
