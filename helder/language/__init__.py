"""Everything language-specific, selected by the workspace's `language` setting (nl or en).

Data files ship in `helder/language/data/<code>/` with their provenance in `data/SOURCES.md`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

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


@lru_cache(maxsize=500_000)
def _forms(lower: str, code: str) -> frozenset[str]:
    return FORMS[code](lower) | {_lemma(lower, code)}


@lru_cache(maxsize=500_000)
def _forms_with_parts(lower: str, code: str) -> frozenset[str]:
    from helder.language.compounds import compound_heads

    forms = _forms(lower, code)
    if len(lower) < 8:  # the splitter leaves shorter words whole
        return forms
    parts = compound_heads(lower, code)
    return forms.union(*(_forms(part.lower(), code) for part in parts)) if parts else forms


@lru_cache(maxsize=500_000)
def _lemma(word: str, code: str) -> str:
    return simplemma.lemmatize(word, lang=code).lower()


def get_language(code: str) -> Language:
    return Language(code)
