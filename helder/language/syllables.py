"""Syllable counting by vowel groups, per language.

Hyphenation dictionaries (pyphen) undercount Dutch syllables ("over", "idee", "via", "energie"), so we count vowel
groups instead: a run of vowels is split into the units the language pronounces as one vowel (Dutch "ij", "ui",
"oe", "eu", "ou", "ei", "aa", "ee", "oo", "uu", "ie", ...), and each unit is a syllable.

English uses vowel groups too, corrected for silent endings ("make", "baked", "makes"), syllabic endings ("table",
"handled", "theatre") and vowels that meet without merging ("idea", "radio", "being", "employee"). textstat is not
used: its English path downloads a pronunciation dictionary.

Both counters are checked against hand-counted lists in tests/data/syllables-{nl,en}.tsv.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Longest first: the tokenizer below takes the longest unit that matches.
_DUTCH_UNITS = ("eeuw", "ieuw", "ieu", "aai", "ooi", "oei", "eau", "uw", "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui",
                "ou", "au", "ei", "ij", "y")
_DUTCH_VOWELS = set("aeiouyáéíóúàèëïöüâêîôû")
_DIAERESIS = set("ëïöü")  # marks the start of a new syllable: ideeën, België, coöperatie
# Loanwords spelled the way Dutch speakers say them, so that compounds ("websitebeheer") count right too.
_DUTCH_LOANS = ((re.compile(r"(?<=[^aeiou])site"), "sajt"), (re.compile(r"mail"), "meel"),
                (re.compile(r"load"), "lood"), (re.compile(r"online"), "onlajn"), (re.compile(r"team"), "tiem"),
                (re.compile(r"update"), "updeet"), (re.compile(r"cookie"), "koekie"),
                (re.compile(r"service"), "surfis"), (re.compile(r"computer"), "kompjoeter"),
                (re.compile(r"container"), "konteener"))
# "i" after c/t before a vowel is a glide, not a syllable: sociaal (so-sjaal), officieel, speciale, potentieel.
_DUTCH_GLIDE_I = re.compile(r"(?<=[ct])i(?=aa|ee|eu|a[^aeiou]|a$)")
# "eu" in Latin -eum is two syllables: museum, jubileum, museumkaart (not reuma); "eau" after the prefix ge-/be- is not
# French: geautomatiseerd.
_DUTCH_SPLIT_EU = re.compile(r"eum(?![aeiou])")


@lru_cache(maxsize=200_000)
def dutch(word: str) -> int:
    word = word.lower()
    for pattern, spoken in _DUTCH_LOANS:
        word = pattern.sub(spoken, word)
    word = _DUTCH_GLIDE_I.sub("", word)
    split_eu = {m.start() for m in _DUTCH_SPLIT_EU.finditer(word)}
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
        unit = next((u for u in _DUTCH_UNITS
                     if plain.startswith(u) and not _split_by_diaeresis(word, i, len(u))
                     and not (u == "eu" and i in split_eu)
                     and not (u == "eau" and i == 1 and word[0] in "bg")), ch)
        count += 1
        i += len(unit)
    return max(count, 1)


def _split_by_diaeresis(word: str, start: int, length: int) -> bool:
    return any(c in _DIAERESIS for c in word[start + 1:start + length])


def _strip_accent(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_EN_VOWELS = "aeiouy"
_EN_VOWEL_GROUP = re.compile(r"[aeiouy]+")
# Places inside a vowel group where one syllable ends and the next begins.
_EN_HIATUS = re.compile("|".join((
    r"(?<=[^tcsxglnq]i)(?=[aou])(?!age)",  # radio, piano, stadium, serious; not -tion, -cial, -gion, million, union
    r"(?<=[^tsxgq]i)(?=e(?:ty|t$|ts$))",  # quiet, diet, society, variety
    r"(?<=sci)(?=en)",  # science
    r"(?<=[lr]i)(?=ent)",  # client, orient
    r"(?<=[^gp]e)(?=o)|(?<=^ge)(?=o)",  # video, theory, geography; not people, gorgeous
    r"(?<=e)(?=a$)|(?<=e)(?=as$)",  # idea, area
    r"(?<=^(?:re|de|pr)e)(?=a(?:ct|ff|pp|ss|l[il]|dj|dm|w))|(?<=^re)(?=a(?:ct|ff|pp|ss|l[il]|dj|dm|w))",  # react
    r"(?<=^cre)(?=at(?!ur))|(?<=^the)(?=a)",  # create, theatre
    r"(?<=^co)(?=o[pr])",  # cooperation, coordinate
    r"(?<=^re)(?=u)|(?<=e)(?=um$)|(?<=e)(?=ums$)",  # reuse, museum
    r"(?<=o)(?=e[mt])",  # poem, poet
    r"(?<=[^qg]u)(?=a)|(?<=[^qg]u)(?=e[lnt])",  # January, actual, fuel, fluent; not quality, queue
    r"(?<=i)(?=i)",  # skiing
    r"(?<=[aeiou]y)(?=[aeiou])",  # employee, player, mayor, beyond
    r"(?<=[aeou])(?=ing)",  # being, seeing, going
)))
# Silent e inside a word, before a suffix or second part: statement, lately, therefore, somewhere, hopeful.
_EN_INNER_SILENT_E = re.compile(
    r"(?:(?<=\w[aeiouy][bcdfgklmnprstvz])|(?<=^us))e(?=(?:ment|ly|ful|less|ness|fore|where|time|way|work)s?$)"
)
_EN_EXCEPTIONS = {"people": 2, "peoples": 2, "business": 2, "businesses": 3, "eye": 1, "eyes": 1, "every": 3,
                  "fire": 1, "fires": 1, "hour": 1, "hours": 1, "our": 1, "ours": 1}


@lru_cache(maxsize=200_000)
def english(word: str) -> int:
    word = re.sub(r"[^a-z]", "", word.lower())
    if not word:
        return 1
    if word in _EN_EXCEPTIONS:
        return _EN_EXCEPTIONS[word]
    if len(word) <= 3:
        return 1
    if word[0] == "y" and word[1] in _EN_VOWELS:
        word = "j" + word[1:]  # "y" before a vowel is a consonant: you, year
    word = _EN_INNER_SILENT_E.sub("", word.replace("qu", "kw"))  # the u of "qu" is a consonant: unique, queue
    count = len(_EN_VOWEL_GROUP.findall(word))
    count += sum(1 for m in _EN_HIATUS.finditer(word)
                 if 0 < m.start() < len(word) and word[m.start() - 1] in _EN_VOWELS and word[m.start()] in _EN_VOWELS)
    count -= _silent_ending(word)
    return max(count, 1)


def _silent_ending(word: str) -> int:
    """1 when the last vowel group is an e that is not spoken: make, baked, makes; not table, needed, houses."""
    if word.endswith("e"):
        if word[-2] in _EN_VOWELS or re.search(r"[bcdfgkptz]le$|[^aeiou]re$", word):
            return 0
        return 1
    if word[-3] in _EN_VOWELS:
        return 0
    if word.endswith("ed"):
        if word[-3] in "td" or re.search(r"[bcdfgkptz]led$|[^aeiou]red$", word):
            return 0
        return 1
    if word.endswith("es"):
        if re.search(r"(?:[sxz]|[cs]h|[cg])es$|[bcdfgkptz]les$|[^aeiou]res$", word):
            return 0
        return 1
    return 0


COUNTERS = {"nl": dutch, "en": english}
