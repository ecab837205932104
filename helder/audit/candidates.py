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

import pandas as pd
from wordfreq import zipf_frequency

from helder.audit.pages import HEADINGS, AuditPage
from helder.language.lexicon import Lexicon
from helder.language.tokens import sentences
from helder.terms.normalise import fold_accents, normalise_query

CANDIDATE_COLUMNS = ["term", "kind", "occurrences", "pages", "urls", "zipf", "in_queries", "example", "score"]
WORD_KIND, ABBREVIATION_KIND = "rare word", "abbreviation"
MIN_LETTERS = 5
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


def discover_candidates(pages: list[AuditPage], lexicon: Lexicon, queries: Iterable[str], language: str,
                        min_pages: int = 2, max_zipf: float = 3.0, limit: int = 200, max_queries: int = 0,
                        max_abbreviation_zipf: float = 4.0, rejected: Collection[str] = (),
                        findings: pd.DataFrame | None = None) -> pd.DataFrame:
    """Jargon candidates, strongest first, with the evidence a reviewer needs (see the module docstring).
    `rejected` holds words (lower case) reviewers said are not jargon: they are never proposed again.
    `findings` (the jargon step's table for the same pages) saves matching the lexicon a second time."""
    lang = lexicon.language
    stopwords = lang.stopwords
    query_counts = _query_counts(queries, lexicon, language)
    single_keys, capital_terms, multi_keys = _lexicon_keys(lexicon)

    token_info: dict[str, tuple[str, bool, bool]] = {}  # lower case → (lemma, known to the lexicon, part of a term)

    def info(lower: str) -> tuple[str, bool, bool]:
        found = token_info.get(lower)
        if found is None:
            forms = lang.forms(lower)
            found = (lang.lemma(lower), bool(forms & single_keys), bool(forms & multi_keys))
            token_info[lower] = found
        return found

    covered_by_lexicon = _Coverage(lexicon, findings)
    words: dict[str, _Tally] = defaultdict(_Tally)
    abbreviations: dict[str, _Tally] = defaultdict(_Tally)
    for page in pages:
        expanded = _expanded(page)
        for offset, kind, text in page.blocks_with_offsets():
            in_heading = kind in HEADINGS
            for sentence in sentences(text, language):
                for position, match in enumerate(_LETTERS.finditer(sentence.text)):
                    token = match.group()
                    if len(token) < MIN_LETTERS or (len(token) <= 6 and token.isupper()):
                        continue
                    lower = token.lower()
                    if lower in stopwords:
                        continue
                    lemma, known, in_term = info(lower)
                    if known or lemma in stopwords:
                        continue
                    if in_term and covered_by_lexicon(page.url, offset + sentence.start, sentence.text,
                                                      match.start()):
                        continue  # part of a multi-word term the lexicon matched here
                    tally = words[lemma]
                    _count(tally, page.url, lower, sentence.text, in_heading)
                    if token[0].islower():
                        tally.lower_case += 1
                    elif position > 0:
                        tally.mid_sentence_capital += 1
                if not _TWO_CAPITALS.search(sentence.text):
                    continue
                for abbreviation in _abbreviations_in(sentence.text, stopwords):
                    if abbreviation.lower() in expanded or abbreviation in capital_terms:
                        continue
                    if lang.forms(abbreviation) & single_keys:
                        continue
                    _count(abbreviations[abbreviation], page.url, abbreviation, sentence.text, in_heading)

    rows = []
    for lemma, tally in words.items():
        if len(tally.per_page) < min_pages or (tally.lower_case == 0 and tally.mid_sentence_capital > 0):
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


class _Coverage:
    """Is a word inside a lexicon match? From the jargon findings when given (offsets in the page's text),
    else by matching the sentence (once per distinct sentence: boilerplate repeats)."""

    def __init__(self, lexicon: Lexicon, findings: pd.DataFrame | None) -> None:
        self.lexicon = lexicon
        self.by_sentence: dict[str, list[tuple[int, int]]] = {}
        self.by_url: dict[str, tuple[list[int], list[int]]] | None = None
        if findings is not None:
            ordered = findings.sort_values(["url", "start"], kind="stable")
            self.by_url = {url: (group["start"].tolist(), group["end"].tolist())
                           for url, group in ordered.groupby("url", sort=False)}

    def __call__(self, url: str, sentence_offset: int, sentence: str, position: int) -> bool:
        if self.by_url is not None:
            starts, ends = self.by_url.get(url, ((), ()))
            at = sentence_offset + position
            i = bisect_right(starts, at) - 1  # matches never overlap: only the last one starting before can hold it
            return i >= 0 and at < ends[i]
        spans = self.by_sentence.get(sentence)
        if spans is None:
            spans = self.by_sentence[sentence] = [(m.start, m.end) for m in self.lexicon.find(sentence)]
        return any(start <= position < end for start, end in spans)


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
    for query in {normalise_query(q, language=language) for q in queries if isinstance(q, str)}:
        forms: set[str] = set()
        for word in _LETTERS.findall(query):
            forms.add(word)
            forms.add(fold_accents(lexicon.language.lemma(word)))
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
