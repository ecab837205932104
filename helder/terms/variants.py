"""Spelling variants among residents' queries: one spelling per word, so variants count as one query.

`normalise_query` already folds case, accents, punctuation and the municipality's name; this step needs the
site's own words to decide, so the audit runs it on the whole query set:

1. A compound written apart is joined when the joined word is on the site: "grof vuil" →
   "grofvuil", "e mail" → "email" (the hyphen of "e-mail" became a space).
2. Dutch "y" for "ij" ("rybewijs", "wyk") becomes "ij" when only the "ij" spelling is a word.
3. A typo — a word the language does not know, found nowhere on the site — becomes the site's word one letter
   away or with two letters swapped ("pasport" → "paspoort", "verhiuzen" → "verhuizen"), when exactly one such
   site word exists and the word has at least `MIN_TYPO_LETTERS` letters (short words have too many neighbours).

Residents' own words that the site does not use ("schoonmaakhulp") stay as they are: they are words of the
language, or no site word is one letter away from them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pandas as pd
from rapidfuzz.distance import OSA

from helder.language import Language
from helder.terms.normalise import fold_accents, normalise_query

MIN_TYPO_LETTERS = 5
_WORD_CHARS = str.maketrans({c: " " for c in ".,;:!?()[]\"'’/"})


class SpellingVariants:
    """The spelling rules above for one site: `site_words` is every word of its pages' text."""

    def __init__(self, language: Language, site_words: Iterable[str]) -> None:
        self.language = language
        self.site = {fold_accents(w.lower()) for w in site_words if w.isalpha()}
        self._by_shape: dict[tuple[str, int], list[str]] = defaultdict(list)  # (first letter, length) → site words
        for word in self.site:
            if len(word) >= MIN_TYPO_LETTERS - 1:
                self._by_shape[(word[0], len(word))].append(word)
        self._fixed: dict[str, str] = {}

    def query(self, query: str) -> str:
        words = query.split()
        joined: list[str] = []
        i = 0
        while i < len(words):
            if i + 1 < len(words) and self._is_compound(words[i], words[i + 1]):
                joined.append(words[i] + words[i + 1])
                i += 2
            else:
                joined.append(self.word(words[i]))
                i += 1
        return " ".join(joined)

    def word(self, word: str) -> str:
        fixed = self._fixed.get(word)
        if fixed is None:
            fixed = self._fixed[word] = self._fix(word)
        return fixed

    def _is_compound(self, first: str, second: str) -> bool:
        both = first + second
        return first.isalpha() and second.isalpha() and both in self.site and not self._is_phrase(first, second)

    def _is_phrase(self, first: str, second: str) -> bool:
        """Two words that are each a word of their own and both on the site are more likely a phrase ("hulp huis"),
        unless one is too short to stand alone in a compound written apart ("e mail")."""
        return min(len(first), len(second)) > 2 and first in self.site and second in self.site and \
            self.language.is_word(first) and self.language.is_word(second) and \
            not self.language.is_word(first + second)

    def _fix(self, word: str) -> str:
        if not word.isalpha() or word in self.site or self.language.is_word(word):
            return word
        if self.language.code == "nl" and "y" in word:
            ij = word.replace("y", "ij")
            if ij in self.site or self.language.is_word(ij):
                return ij
        if len(word) < MIN_TYPO_LETTERS:
            return word
        near = {candidate for length in (len(word) - 1, len(word), len(word) + 1)
                for candidate in self._by_shape.get((word[0], length), ())
                if OSA.distance(word, candidate, score_cutoff=1) <= 1}
        return near.pop() if len(near) == 1 else word


def unify_spelling(terms: pd.DataFrame, site_words: Iterable[str], language: Language,
                   own_names: tuple[str, ...] = ()) -> pd.DataFrame:
    """`terms` with `query_norm` rewritten to one spelling per word (see the module docstring); a corrected query
    is normalised again, so a misspelt municipality name ("voorbeeldsatd paspoort") is dropped as well."""
    if terms.empty or "query_norm" not in terms:
        return terms
    distinct = terms["query_norm"].dropna().unique()
    variants = SpellingVariants(language, site_words)
    mapping = {q: variants.query(str(q)) for q in distinct}
    mapping = {q: v if v == q else normalise_query(v, own_names, language.code) for q, v in mapping.items()}
    changed = {q: v for q, v in mapping.items() if q != v}
    if not changed:
        return terms
    return terms.assign(query_norm=terms["query_norm"].map(lambda q: changed.get(q, q)))


def site_words(texts: Iterable[str]) -> set[str]:
    """The distinct lower-case words of the site's text."""
    words: set[str] = set()
    for text in texts:
        words.update(text.lower().translate(_WORD_CHARS).split())
    return words
