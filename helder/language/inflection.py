"""Rule-based de-inflection: the base forms a word may have, for words the lemmatizer does not know.

simplemma knows common words but not municipal compounds ("maatwerkvoorzieningen", "parkeervergunningen"). These
rules propose candidate base forms; matching only needs one of them to equal a lexicon term's form, so a wrong
extra candidate ("aanvrag") is harmless.
"""

from __future__ import annotations

from functools import lru_cache

_VOWELS = set("aeiou")


@lru_cache(maxsize=500_000)
def dutch_forms(word: str) -> frozenset[str]:
    forms = {word}
    if word.endswith("'s") or word.endswith("’s"):
        forms.add(word[:-2])
    elif word.endswith("en") and len(word) > 4:
        stem = word[:-2]
        forms.update(_dutch_stem_variants(stem))
    elif word.endswith("s") and len(word) > 3 and word[-2] not in "s":
        forms.add(word[:-1])
    if word.endswith("e") and len(word) > 4:  # adjectives: "voorliggende" → "voorliggend"
        forms.add(word[:-1])
    return frozenset(forms)


def _dutch_stem_variants(stem: str) -> set[str]:
    variants = {stem}
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:  # bussen → bus
        variants.add(stem[:-1])
    if stem[-1:] == "v":  # brieven → brief
        variants.add(stem[:-1] + "f")
    if stem[-1:] == "z":  # huizen → huis
        variants.add(stem[:-1] + "s")
    for form in list(variants):  # aanvragen → aanvraag, kosten → kost
        if len(form) >= 3 and form[-1] not in _VOWELS and form[-2] in "aeou" and form[-3] not in _VOWELS:
            variants.add(form[:-1] + form[-2] + form[-1])
    return variants


@lru_cache(maxsize=500_000)
def english_forms(word: str) -> frozenset[str]:
    forms = {word}
    if word.endswith("'s") or word.endswith("’s"):
        forms.add(word[:-2])
    elif word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")
    elif word.endswith("es") and len(word) > 4:
        forms.update({word[:-2], word[:-1]})
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.add(word[:-1])
    return frozenset(forms)


FORMS = {"nl": dutch_forms, "en": english_forms}
