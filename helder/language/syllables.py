"""Syllable counting by vowel groups, per language.

Hyphenation dictionaries (pyphen) undercount Dutch syllables ("over", "idee", "via", "energie"), so we count vowel
groups instead: a run of vowels is split into the units the language pronounces as one vowel (Dutch "ij", "ui",
"oe", "eu", "ou", "ei", "aa", "ee", "oo", "uu", "ie", ...), and each unit is a syllable.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Longest first: the tokenizer below takes the longest unit that matches.
_DUTCH_UNITS = ("aai", "ooi", "oei", "eeuw", "ieuw", "uw", "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui",
                "ou", "au", "ei", "ij", "y")
_DUTCH_VOWELS = set("aeiouyáéíóúàèëïöüâêîôû")
_DIAERESIS = set("ëïöü")  # marks the start of a new syllable: ideeën, België, coöperatie


@lru_cache(maxsize=200_000)
def dutch(word: str) -> int:
    word = word.lower()
    count, i = 0, 0
    while i < len(word):
        ch = word[i]
        if ch == "i" and word[i:i + 2] == "ij":
            count += 1
            i += 2
            continue
        if ch not in _DUTCH_VOWELS:
            i += 1
            continue
        plain = _strip_accent(word[i:i + 4])
        unit = next((u for u in _DUTCH_UNITS if plain.startswith(u) and not _split_by_diaeresis(word, i, len(u))),
                    ch)
        count += 1
        i += len(unit)
    return max(count, 1)


def _split_by_diaeresis(word: str, start: int, length: int) -> bool:
    return any(c in _DIAERESIS for c in word[start + 1:start + length])


def _strip_accent(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_EN_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_EN_SUBTRACT = re.compile(r"(?:[^aeiouy]es|[^aeiouytd]ed|[^aeiouyl]e)$")  # silent endings: "makes", "baked", "make"
_EN_ADD = re.compile(r"(?:[^aeiou]le|ia|io[^n]|ii|ua|uo|[^aeiou]yo|ism|ea)$|^(?:co[aeo]|re[aeiou]|pre[aeiou])")


@lru_cache(maxsize=200_000)
def english(word: str) -> int:
    word = re.sub(r"[^a-z]", "", word.lower())
    if not word:
        return 1
    if len(word) <= 3:
        return 1
    count = len(_EN_VOWEL_GROUP.findall(word))
    if _EN_SUBTRACT.search(word):
        count -= 1
    count += len(_EN_ADD.findall(word))
    return max(count, 1)


COUNTERS = {"nl": dutch, "en": english}
