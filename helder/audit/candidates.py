"""Discovery of jargon no list has: words frequent on the site, rare in general language, absent from residents'
queries, and capital abbreviations the page never expands. Each candidate comes with its evidence (occurrences,
pages, general-language frequency, an example sentence) so that a reviewer can accept it into the lexicon.

Choices, so reviewers know what they are looking at:

- Words are counted in every block, headings included: a rare word in a heading is as hard as in a paragraph.
  Hyphenated compounds are split ("Wmo-voorziening" counts "Wmo" and "voorziening"), as the lexicon matcher does.
- Words are grouped by lemma. Skipped: stop words, numbers, words under 5 letters, words the lexicon already
  matches (its single-word keys, and multi-word terms through `Lexicon.find` on the sentence), words residents type
  in their queries (accent-folded, by lemma), and proper nouns (words never written in lower case, at least once
  in the middle of a sentence: "Voorbeeldstad", street names).
- Dutch compounds are long and rare in wordfreq by nature ("perceelsgrens" has frequency 0 although both parts are
  common). Such a compound is kept: residents still have to parse it, and a reviewer can reject it in one click.
- Abbreviations are tokens of 2–6 capitals (digits allowed: "CO2"), counted only on pages that never expand them,
  written either way: "Wet maatschappelijke ondersteuning (Wmo)" or "Wmo (Wet maatschappelijke ondersteuning)".
  Roman numerals, stop words in capitals and capitals in a shouted run ("LET OP", "VERPLICHT VELD") are skipped,
  as are abbreviations everyone knows: a general-language Zipf frequency of `max_abbreviation_zipf` or more
  ("EU", "PDF", "BTW").
- score = pages × ln(1 + occurrences) × rarity, with rarity = max_zipf − zipf for words and
  1 + max_abbreviation_zipf − zipf for abbreviations (an unexplained abbreviation is a stronger signal than a
  long word, so it never scores near zero).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd
from wordfreq import get_frequency_dict, zipf_frequency

from helder.audit.jargon import SplitBlock, split_page
from helder.audit.pages import HEADINGS, AuditPage
from helder.language.lexicon import Lexicon
from helder.terms.normalise import fold_accents, normalise_query

CANDIDATE_COLUMNS = ["term", "kind", "occurrences", "pages", "urls", "zipf", "in_queries", "example", "score"]
WORD_KIND, ABBREVIATION_KIND = "rare word", "abbreviation"
MIN_LETTERS = 5
MAX_ZIPF = 3.0  # general-language frequency (wordfreq's Zipf scale) from which a word is no candidate
MAX_URLS = 10
MAX_EXAMPLE = 300

_LETTERS = re.compile(r"[^\W\d_]+")  # letter runs: hyphenated compounds and "auto's" come apart
_TOKEN = re.compile(r"[^\W_]+")  # letters and digits, for abbreviations like "CO2"
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9]{1,5}")
_ROMAN = re.compile(r"[IVXLCDM]+")
_PARENTHESES = re.compile(r"\(([^()]{1,120})\)")
_WORD_BEFORE = re.compile(r"([^\W_]+)\W*$")
_ABBREVIATION_LIKE = re.compile(r"[^\W_]{2,8}")
_TWO_CAPITALS = re.compile(r"[A-Z][A-Z0-9]")  # a cheap test before looking for abbreviations


@dataclass
class _Tally:
    occurrences: int = 0
    per_page: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)
    lower_case: int = 0  # occurrences written in lower case
    mid_sentence_capital: int = 0  # capitalised occurrences that do not start the sentence
    example: str = ""
    example_quality: int = -1


Counted = tuple[dict[str, "_Tally"], dict[str, "_Tally"], set[str]]  # words, abbreviations, too-common lemmas


def discover_candidates(pages: list[AuditPage], lexicon: Lexicon, queries: Iterable[str], language: str,
                        min_pages: int = 2, max_zipf: float = MAX_ZIPF, limit: int = 200, max_queries: int = 0,
                        max_abbreviation_zipf: float = 4.0, rejected: Collection[str] = (),
                        findings: pd.DataFrame | None = None, counted: Counted | None = None) -> pd.DataFrame:
    """Jargon candidates, strongest first, with the evidence a reviewer needs (see the module docstring).
    `rejected` holds words (lower case) reviewers said are not jargon: they are never proposed again.
    `findings` (the jargon step's table for the same pages) saves matching the lexicon a second time;
    `counted` (the audit's page pass, see page_pass.py) saves counting the pages."""
    query_counts = _query_counts(queries, lexicon, language)
    if counted is None:
        spans = _spans_by_url(findings) if findings is not None else None
        counter = PageCounter(lexicon, max_zipf)
        for page in pages:
            counter.count(page, spans.get(page.url, ([], [])) if spans is not None else None)
        counted = counter.counted()
    words, abbreviations, too_common = counted

    rows = []
    for lemma, tally in words.items():
        if lemma in too_common or len(tally.per_page) < min_pages or (
                tally.lower_case == 0 and tally.mid_sentence_capital > 0):
            continue
        term = lemma if lemma in tally.surfaces else tally.surfaces.most_common(1)[0][0]
        if lemma in rejected or term.lower() in rejected:
            continue
        zipf = max(zipf_frequency(form, language) for form in {term, *tally.surfaces})
        if zipf >= max_zipf:
            continue
        in_queries = max(query_counts.get(fold_accents(form), 0) for form in {lemma, *tally.surfaces})
        if in_queries > max_queries:
            continue
        rows.append(_row(term, WORD_KIND, tally, zipf, in_queries, max_zipf - zipf))
    for abbreviation, tally in abbreviations.items():
        if len(tally.per_page) < min_pages or abbreviation.lower() in rejected:
            continue
        zipf = zipf_frequency(abbreviation, language)
        if zipf >= max_abbreviation_zipf:
            continue
        in_queries = query_counts.get(fold_accents(abbreviation.lower()), 0)
        if in_queries > max_queries:
            continue
        rows.append(_row(abbreviation, ABBREVIATION_KIND, tally, zipf, in_queries, 1 + max_abbreviation_zipf - zipf))
    if not rows:
        return pd.DataFrame(columns=CANDIDATE_COLUMNS)
    table = pd.DataFrame(rows, columns=CANDIDATE_COLUMNS)
    return table.sort_values(["score", "term"], ascending=[False, True], ignore_index=True).head(limit)


class PageCounter:
    """Counts the candidate words and abbreviations of pages (see the module docstring for what is skipped)."""

    def __init__(self, lexicon: Lexicon, max_zipf: float) -> None:
        self.lexicon = lexicon
        self.language = lexicon.language
        self.stopwords = lexicon.language.stopwords
        self.single_keys, self.capital_terms, self.multi_keys = _lexicon_keys(lexicon)
        self.common = _common_words(lexicon.language.code, max_zipf)
        self.token_info: dict[str, tuple[str, bool, bool]] = {}  # lower → (lemma, known to the lexicon, in a term)
        self.lexicon_spans: dict[str, list[tuple[int, int]]] = {}  # sentence → matches, when no findings are given
        self.too_common: set[str] = set()  # lemmas with a common form: the zipf test would drop them anyway
        self.words: dict[str, _Tally] = defaultdict(_Tally)
        self.abbreviations: dict[str, _Tally] = defaultdict(_Tally)

    def info(self, lower: str) -> tuple[str, bool, bool]:
        found = self.token_info.get(lower)
        if found is None:
            forms = self.language.forms(lower)
            found = (self.language.lemma(lower), bool(forms & self.single_keys), bool(forms & self.multi_keys))
            self.token_info[lower] = found
        return found

    def covered(self, spans: tuple[list[int], list[int]] | None, at: int, sentence: str, position: int) -> bool:
        """Is the word at `at` in the page (`position` in the sentence) inside a lexicon match?"""
        if spans is not None:
            starts, ends = spans
            i = bisect_right(starts, at) - 1  # matches never overlap: only the last one starting before can hold it
            return i >= 0 and at < ends[i]
        found = self.lexicon_spans.get(sentence)
        if found is None:
            found = self.lexicon_spans[sentence] = [(m.start, m.end) for m in self.lexicon.find(sentence)]
        return any(start <= position < end for start, end in found)

    def counted(self) -> Counted:
        return dict(self.words), dict(self.abbreviations), self.too_common

    def count(self, page: AuditPage, spans: tuple[list[int], list[int]] | None,
              blocks: list[SplitBlock] | None = None) -> None:
        """Count one page; `blocks` are its blocks split into sentences when the caller has them already."""
        stopwords, too_common, common = self.stopwords, self.too_common, self.common
        expanded = _expanded(page)
        for offset, kind, block_sentences in blocks if blocks is not None else split_page(page, self.language.code):
            in_heading = kind in HEADINGS
            for sentence in block_sentences:
                for position, match in enumerate(_LETTERS.finditer(sentence.text)):
                    token = match.group()
                    if len(token) < MIN_LETTERS or (len(token) <= 6 and token.isupper()):
                        continue
                    lower = token.lower()
                    if lower in stopwords:
                        continue
                    lemma, known, in_term = self.info(lower)
                    if known or lemma in stopwords or lemma in too_common:
                        continue
                    if lower in common:  # most words of a page: skip them before counting
                        too_common.add(lemma)
                        continue
                    if in_term and self.covered(spans, offset + sentence.start + match.start(), sentence.text,
                                                match.start()):
                        continue  # part of a multi-word term the lexicon matched here
                    tally = self.words[lemma]
                    _count(tally, page.url, lower, sentence.text, in_heading)
                    if token[0].islower():
                        tally.lower_case += 1
                    elif position > 0:
                        tally.mid_sentence_capital += 1
                if not _TWO_CAPITALS.search(sentence.text):
                    continue
                for abbreviation in _abbreviations_in(sentence.text, stopwords):
                    if abbreviation.lower() in expanded or abbreviation in self.capital_terms:
                        continue
                    if self.language.forms(abbreviation) & self.single_keys:
                        continue
                    _count(self.abbreviations[abbreviation], page.url, abbreviation, sentence.text, in_heading)


def merge_counts(parts: list[Counted]) -> Counted:
    """The tallies of consecutive chunks of pages as if one pass had counted them all."""
    if len(parts) == 1:
        return parts[0]
    words: dict[str, _Tally] = {}
    abbreviations: dict[str, _Tally] = {}
    too_common: set[str] = set()
    for part_words, part_abbreviations, part_common in parts:
        too_common |= part_common
        for merged, part in ((words, part_words), (abbreviations, part_abbreviations)):
            for key, tally in part.items():
                into = merged.get(key)
                if into is None:
                    merged[key] = tally
                    continue
                into.occurrences += tally.occurrences
                into.per_page.update(tally.per_page)
                into.surfaces.update(tally.surfaces)
                into.lower_case += tally.lower_case
                into.mid_sentence_capital += tally.mid_sentence_capital
                if tally.example_quality > into.example_quality:  # the first example of the best kind wins
                    into.example, into.example_quality = tally.example, tally.example_quality
    return words, abbreviations, too_common


def _spans_by_url(findings: pd.DataFrame) -> dict[str, tuple[list[int], list[int]]]:
    """The lexicon matches of each page from the jargon findings: sorted starts and their ends."""
    ordered = findings.sort_values(["url", "start"], kind="stable")
    by_url: dict[str, tuple[list[int], list[int]]] = {}
    for url, start, end in zip(ordered["url"].tolist(), ordered["start"].tolist(), ordered["end"].tolist(),
                               strict=True):
        starts, ends = by_url.setdefault(url, ([], []))
        starts.append(start)
        ends.append(end)
    return by_url


@lru_cache(maxsize=4)
def _common_words(language: str, max_zipf: float) -> frozenset[str]:
    """Words with a general-language Zipf frequency of at least `max_zipf` (wordfreq's frequency list): never
    candidates, so they need no counting."""
    least = 10 ** (max_zipf - 9)  # Zipf = log10(frequency per word) + 9
    return frozenset(word for word, frequency in get_frequency_dict(language).items() if frequency >= least)


def _count(tally: _Tally, url: str, surface: str, sentence: str, in_heading: bool) -> None:
    tally.occurrences += 1
    tally.per_page[url] += 1
    tally.surfaces[surface] += 1
    # The first sentence of the best kind: a real sentence of running text, then a short item, then a heading.
    quality = 0 if in_heading else 2 if sentence.count(" ") >= 4 else 1
    if quality > tally.example_quality:
        tally.example = sentence[:MAX_EXAMPLE]
        tally.example_quality = quality


def _row(term: str, kind: str, tally: _Tally, zipf: float, in_queries: int, rarity: float) -> dict[str, object]:
    pages = len(tally.per_page)
    return {
        "term": term, "kind": kind, "occurrences": tally.occurrences, "pages": pages,
        "urls": [url for url, _ in sorted(tally.per_page.items(), key=lambda item: (-item[1], item[0]))][:MAX_URLS],
        "zipf": round(zipf, 2), "in_queries": in_queries, "example": tally.example,
        "score": round(pages * math.log1p(tally.occurrences) * rarity, 3),
    }


def _lexicon_keys(lexicon: Lexicon) -> tuple[set[str], set[str], set[str]]:
    """Keys of single-word terms (matching any case), terms that match only in capitals ("OM", "MAP"), and the
    keys of words that are part of a multi-word term."""
    single, capitals, multi = set(), set(), set()
    for entry in lexicon.entries:
        if len(entry.keys) == 1 and entry.needs_capitals:
            capitals.update({entry.term, entry.term.upper()})
        elif len(entry.keys) == 1:
            single.update(entry.keys[0])
        else:
            for part in entry.keys:
                multi.update(part)
    return single, capitals, multi


def _query_counts(queries: Iterable[str], lexicon: Lexicon, language: str) -> Counter[str]:
    """How many distinct queries hold each word, by accent-folded lower case and lemma."""
    counts: Counter[str] = Counter()
    lemmas: dict[str, str] = {}
    for query in {normalise_query(q, language=language) for q in queries if isinstance(q, str)}:
        forms: set[str] = set()
        for word in _LETTERS.findall(query):
            lemma = lemmas.get(word)
            if lemma is None:
                lemma = lemmas[word] = fold_accents(lexicon.language.lemma(word))
            forms.add(word)
            forms.add(lemma)
        counts.update(forms)
    return counts


def _abbreviations_in(text: str, stopwords: frozenset[str]) -> list[str]:
    tokens = _TOKEN.findall(text)
    found = []
    for i, token in enumerate(tokens):
        if not _is_abbreviation(token) or _ROMAN.fullmatch(token) or token.lower() in stopwords:
            continue
        neighbours = tokens[max(i - 1, 0):i] + tokens[i + 1:i + 2]
        if any(_is_shouted(n, stopwords) for n in neighbours):
            continue
        found.append(token)
    return found


def _is_abbreviation(token: str) -> bool:
    return bool(_ABBREVIATION.fullmatch(token)) and sum(ch.isalpha() for ch in token) >= 2


def _is_shouted(token: str, stopwords: frozenset[str]) -> bool:
    """A neighbour in capitals that is a word, not an abbreviation: "LET OP", "VERPLICHT VELD"."""
    letters = [ch for ch in token if ch.isalpha()]
    return bool(letters) and token.isupper() and (len(letters) > 6 or token.lower() in stopwords)


def _expanded(page: AuditPage) -> set[str]:
    """Abbreviations (lower case) the page explains, with the expansion in parentheses before or after them."""
    expanded = set()
    for _, text in page.blocks:
        if "(" not in text:
            continue
        for match in _PARENTHESES.finditer(text):
            inside = match.group(1).strip()
            if _ABBREVIATION_LIKE.fullmatch(inside) and any(ch.isupper() for ch in inside):
                before = text[:match.start()].split()
                if len(before) >= 2:  # "Wet maatschappelijke ondersteuning (Wmo)"
                    expanded.add(inside.lower())
            elif len(_LETTERS.findall(inside)) >= 2 or len(inside) >= 8:  # "Wmo (Wet maatschappelijke ...)"
                word = _WORD_BEFORE.search(text[:match.start()])
                if word:
                    expanded.add(word.group(1).lower())
    return expanded
