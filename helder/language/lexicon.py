"""The jargon lexicon and the matcher that finds its terms in running text.

A lexicon is a CSV (term, plain, explanation, category, source); `plain` holds alternatives separated by "|".
The workspace's own `lexicon.csv` adds entries and overrides shipped ones by term; an override with an empty
`plain` silences the term.

Matching compares lemmas, so inflections match ("voorzieningen" finds "voorziening"), in any case, with
hyphenated compounds split ("Wmo-voorziening" and "wmo voorziening" find "Wmo"), and inside Dutch compounds
("parkeervergunningen" finds "vergunning": see compounds.py). Multi-word terms also match
with their words in another order or with a few words between them, as Dutch word order demands
("komt u in aanmerking" finds "in aanmerking komen"), when they have a content word; a term of function words
only ("dan wel") must stand as written. An abbreviation that is also an ordinary word ("OM",
"MAP") only matches when written with capitals, so it never matches the ordinary words "om" and "map".
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from helder.errors import HelderError
from helder.language import Language
from helder.language.tokens import WORD_PART, word_parts

FIELDS = ["term", "plain", "explanation", "category", "source"]
_GAP = 3  # extra words allowed inside a multi-word term that is split by Dutch word order


@dataclass(frozen=True)
class Entry:
    term: str
    plain: tuple[str, ...]
    explanation: str
    category: str
    source: str
    keys: tuple[frozenset[str], ...] = field(default=(), compare=False)
    needs_capitals: bool = False
    reorderable: bool = False  # may match with its words in another order (see the module docstring)

    @property
    def best_plain(self) -> str:
        return self.plain[0] if self.plain else ""


@dataclass(frozen=True)
class Match:
    entry: Entry
    start: int
    end: int
    surface: str


@dataclass(frozen=True)
class _Word:
    """What the matcher needs to know about one (lower-cased) word, worked out once per distinct word."""
    keys: frozenset[str]  # its forms, and its compound parts' forms
    starts: tuple[Entry, ...]  # entries whose first word it may be, in the order they are tried
    reorderable: tuple[Entry, ...]  # entries that may match out of order, anchored on this word


class Lexicon:
    def __init__(self, entries: list[Entry], language: Language) -> None:
        self.language = language
        self.entries = entries
        self._by_key: dict[str, list[Entry]] = defaultdict(list)
        # Out-of-order terms are looked up by a content word, not by a first word such as "in" that every
        # sentence has ("in aanmerking komen" by "aanmerking").
        self._by_anchor: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            for key in entry.keys[0]:
                self._by_key[key].append(entry)
            if entry.reorderable:
                for key in entry.keys[_anchor(entry, language.stopwords)]:
                    self._by_anchor[key].append(entry)
        self._words: dict[str, _Word] = {}  # the audit meets each word thousands of times: look it up once

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches in one sentence (or short block), longest term first."""
        tokens = list(WORD_PART.finditer(text))  # match objects: no Span per word on the audit's hot path
        known = self._words
        info = [known.get(lower) or self._word(lower) for lower in (t.group().lower() for t in tokens)]
        taken = [False] * len(tokens)
        matches: list[Match] = []
        reorderable: dict[int, Entry] = {}
        for i, word in enumerate(info):
            for entry in word.reorderable:
                reorderable[id(entry)] = entry
            if taken[i]:
                continue
            for entry in word.starts:
                # Most tries fail on the second word: test it before the full check.
                if len(entry.keys) > 1 and (i + 1 == len(info) or entry.keys[1].isdisjoint(info[i + 1].keys)):
                    continue
                end = self._ordered(entry, tokens, info, taken, i)
                if end is not None:
                    matches.append(self._match(entry, tokens, text, range(i, end)))
                    break
        positions: dict[str, list[int]] = defaultdict(list)  # key → where it stands in the sentence
        if reorderable:
            for i, word in enumerate(info):
                for key in word.keys:
                    positions[key].append(i)
        for entry in reorderable.values():
            places = [sorted({p for key in part for p in positions.get(key, ())}) for part in entry.keys]
            if all(places):  # every word of the term is somewhere in the sentence
                chosen = self._unordered(entry, tokens, info, taken, places)
                if chosen is not None:
                    matches.append(self._match(entry, tokens, text, chosen))
        return sorted(matches, key=lambda m: m.start)

    def _word(self, lower: str) -> _Word:
        word = self._words.get(lower)
        if word is None:
            keys = self.language.forms_with_parts(lower)
            exact = self.language.forms(lower)
            found = {id(e): e for key in keys for e in self._by_key.get(key, ())}
            # The longest first, then those matching the word itself before those matching only a part of a
            # compound, then by term (a stable order).
            starts = tuple(sorted(found.values(), key=lambda e: (-len(e.keys), not (e.keys[0] & exact), e.term)))
            anchored = {id(e): e for key in keys for e in self._by_anchor.get(key, ())}
            word = self._words[lower] = _Word(keys, starts, tuple(sorted(anchored.values(), key=lambda e: e.term)))
        return word

    @staticmethod
    def _fits(entry: Entry, token: re.Match[str], word: _Word, part: int) -> bool:
        if entry.needs_capitals and token.group() not in (entry.term, entry.term.upper()):
            return False
        return not entry.keys[part].isdisjoint(word.keys)

    def _ordered(self, entry: Entry, tokens: list[re.Match[str]], info: list[_Word], taken: list[bool],
                 start: int) -> int | None:
        end = start + len(entry.keys)
        if end > len(tokens) or any(taken[start:end]):
            return None
        if all(self._fits(entry, tokens[start + j], info[start + j], j) for j in range(len(entry.keys))):
            for j in range(start, end):
                taken[j] = True
            return end
        return None

    def _unordered(self, entry: Entry, tokens: list[re.Match[str]], info: list[_Word], taken: list[bool],
                   places: list[list[int]]) -> list[int] | None:
        """All words of a multi-word term inside a window a few words wider than the term, in any order."""
        width = len(entry.keys) + _GAP
        starts = sorted({p for part in places for p in part})
        for first in starts:
            chosen: list[int] = []
            for part, candidates in enumerate(places):
                pos = next((p for p in candidates if first <= p < first + width and p not in chosen and not taken[p]
                            and self._fits(entry, tokens[p], info[p], part)), None)
                if pos is None:
                    break
                chosen.append(pos)
            else:
                if min(chosen) == first:
                    for p in chosen:
                        taken[p] = True
                    return sorted(chosen)
        return None

    @staticmethod
    def _match(entry: Entry, tokens: list[re.Match[str]], text: str, positions: range | list[int]) -> Match:
        start, end = tokens[min(positions)].start(), tokens[max(positions)].end()
        return Match(entry=entry, start=start, end=end, surface=text[start:end])


def _anchor(entry: Entry, stopwords: frozenset[str]) -> int:
    """The part of a multi-word term to look it up by: its first content word."""
    return next((i for i, keys in enumerate(entry.keys) if keys.isdisjoint(stopwords)), 0)


def load_lexicon(language: Language, overrides: Path | None = None) -> Lexicon:
    entries = {e.term.lower(): e for e in read_entries(language.lexicon_file, language)}
    if overrides is not None and overrides.exists():
        for entry in read_entries(overrides, language):
            if entry.plain:
                entries[entry.term.lower()] = entry
            else:
                entries.pop(entry.term.lower(), None)
    return Lexicon(list(entries.values()), language)


def read_entries(path: Path, language: Language) -> list[Entry]:
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    missing = [f for f in ("term", "plain") if f not in (reader.fieldnames or [])]
    if missing:
        raise HelderError(f"{path}: the header must contain {', '.join(FIELDS)}; {', '.join(missing)} missing.")
    entries = []
    for number, row in enumerate(reader, start=2):
        term = (row.get("term") or "").strip()
        if not term:
            raise HelderError(f"{path}, row {number}: the term is empty; fill it in or delete the row.")
        parts = word_parts(term)
        if not parts:
            raise HelderError(f"{path}, row {number}: {term!r} has no letters to match.")
        keys = tuple(frozenset({p.text.lower(), language.lemma(p.text)}) for p in parts)
        entries.append(Entry(
            term=term,
            plain=tuple(p.strip() for p in (row.get("plain") or "").split("|") if p.strip()),
            explanation=(row.get("explanation") or "").strip(),
            category=(row.get("category") or "").strip(),
            source=(row.get("source") or "").strip(),
            keys=keys,
            needs_capitals=len(parts) == 1 and term != term.lower() and language.is_word(term),
            # Only terms with a content word: "dan wel" or "onder meer" scattered over a sentence is not jargon.
            reorderable=len(parts) > 1 and any(p.text.lower() not in language.stopwords for p in parts),
        ))
    return entries
