"""Everything language-specific, selected by the workspace's `language` setting (nl or en).

Data files ship in `helder/language/data/<code>/` with their provenance in `data/SOURCES.md`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TypeVar

import simplemma

from helder.language.inflection import FORMS

DATA = Path(str(files("helder.language") / "data"))


@dataclass(frozen=True)
class Language:
    code: str

    @property
    def data_dir(self) -> Path:
        return DATA / self.code

    @property
    def lexicon_file(self) -> Path:
        return self.data_dir / "lexicon.csv"

    @property
    def stopwords(self) -> frozenset[str]:
        return _stopwords(self.data_dir / "stopwords.txt")

    def lemma(self, word: str) -> str:
        return _lemma(word.lower(), self.code)

    def forms(self, word: str) -> frozenset[str]:
        """Lower case, lemma, and rule-based base forms: every form under which a lexicon term may match."""
        return _forms(word.lower(), self.code)

    def forms_with_parts(self, word: str) -> frozenset[str]:
        """`forms`, plus the forms of a compound's parts: "parkeervergunningen" also as "vergunning"."""
        return _forms_with_parts(word.lower(), self.code)

    def is_word(self, word: str) -> bool:
        """True for an ordinary word of the language ("om", "map"), as opposed to an abbreviation ("Wmo")."""
        return simplemma.is_known(word.lower(), lang=self.code)


@lru_cache(maxsize=8)
def _stopwords(path: Path) -> frozenset[str]:  # keyed by file: tests point the language data elsewhere
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


# Word analyses, cached per (word, language) in plain dicts rather than lru_cache so that `remember` can fill them
# with analyses made in other processes (the audit analyses a large site's words on all cores first).
_LEMMAS: dict[tuple[str, str], str] = {}
_FORMS: dict[tuple[str, str], frozenset[str]] = {}
_FORMS_WITH_PARTS: dict[tuple[str, str], frozenset[str]] = {}
MAX_CACHED = 2_000_000  # words per cache; beyond this a cache starts afresh (a bound, never reached in practice)

WordAnalysis = tuple[str, str, frozenset[str], frozenset[str]]  # word, lemma, forms, forms with parts
Cached = TypeVar("Cached", str, frozenset[str])


def _forms(lower: str, code: str) -> frozenset[str]:
    found = _FORMS.get((lower, code))
    if found is None:
        found = _store(_FORMS, (lower, code), FORMS[code](lower) | {_lemma(lower, code)})
    return found


def _forms_with_parts(lower: str, code: str) -> frozenset[str]:
    found = _FORMS_WITH_PARTS.get((lower, code))
    if found is None:
        from helder.language.compounds import compound_heads

        forms = _forms(lower, code)
        parts = compound_heads(lower, code) if len(lower) >= 8 else []  # the splitter leaves shorter words whole
        found = forms.union(*(_forms(part.lower(), code) for part in parts)) if parts else forms
        _store(_FORMS_WITH_PARTS, (lower, code), found)
    return found


def _lemma(word: str, code: str) -> str:
    found = _LEMMAS.get((word, code))
    if found is None:
        found = _store(_LEMMAS, (word, code), simplemma.lemmatize(word, lang=code).lower())
    return found


def _store(cache: dict[tuple[str, str], Cached], key: tuple[str, str], value: Cached) -> Cached:
    if len(cache) >= MAX_CACHED:
        cache.clear()
    cache[key] = value
    return value


def analyse_words(words: list[str], code: str) -> list[WordAnalysis]:
    """Lemma, forms and forms with compound parts of lower-case words, for `remember` in another process."""
    return [(w, _lemma(w, code), _forms(w, code), _forms_with_parts(w, code)) for w in words]


def remember(analyses: list[WordAnalysis], code: str) -> None:
    """Fill this process's caches with analyses made elsewhere (see `analyse_words`)."""
    for word, lemma, forms, with_parts in analyses:
        _LEMMAS[(word, code)] = lemma
        _FORMS[(word, code)] = forms
        _FORMS_WITH_PARTS[(word, code)] = with_parts


def get_language(code: str) -> Language:
    return Language(code)
