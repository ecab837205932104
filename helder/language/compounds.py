"""Dutch compound splitting, so the jargon matcher can find "vergunning" inside "parkeervergunning".

Dutch writes compounds as one word ("bewonersparkeervergunning"), English writes them apart ("resident parking
permit"), so only Dutch is split; for English `split_compound` returns the word unchanged.

Why frequency-based
-------------------
There is no free, maintained Dutch compound dictionary we could ship, but wordfreq (already a dependency) ships
frequencies for ~310,000 Dutch words. Following Koehn & Knight (2003, "Empirical methods for compound splitting"),
a word is split into known words when its parts are, on average, much more frequent than the word itself:

* every part must be a known word of at least `MIN_PART_LENGTH` letters with a Zipf frequency of at least
  `MIN_PART_ZIPF`, and must not be a function word or separable particle (`_NOT_A_PART`: "aan", "uit", "voor", ...;
  otherwise "aanvraag" would become aan|vraag and "uitkering" uit|kering);
* a segmentation into n >= 2 parts scores ``mean(part scores) - SPLIT_PENALTY - PART_PENALTY * (n - 2)``. A part
  scores its Zipf frequency, capped at `MAX_PART_ZIPF` (so "beste", "ding" cannot outvote a longer part, as in
  "dag|beste|ding") and lowered by `SHORT_PART_PENALTY` for three-letter parts, which match by chance
  ("park|eer|vergunning"). Zipf is log10 of frequency, so the mean Zipf is the log of the geometric mean of the part
  frequencies (Koehn & Knight's criterion); `PART_PENALTY` prefers fewer parts: a third part must raise the mean by
  more than 1.05, i.e. the parts must be over ten times more frequent ("afvalstoffen|heffing", not
  "afval|stoffen|heffing");
* the word itself competes, scoring its own Zipf frequency, so a word whose parts are not clearly (by more than
  `SPLIT_PENALTY`) more frequent than the whole stays whole ("kwijtschelding", "uittreksel", "fietsenstalling");
* words with a Zipf frequency of at least `KEEP_WHOLE_ZIPF` are never split: they are everyday words
  ("vergunning", "gemeente", "belasting") and a matcher has nothing to gain from their parts.

The best segmentation for each number of parts is found by dynamic programming (for a fixed number of parts,
maximising the mean is maximising the sum), so splitting is exact and fast; results are cached.

Linking morphemes
-----------------
Between two parts Dutch may insert a linking morpheme (tussenklank): "s" (omgeving-s-vergunning,
bijstand-s-uitkering) and "e" / "en" (huishoudelijk-e-hulp, gehandicapt-en-parkeerkaart). The rare "er"
(kind-er-opvang) is not handled: it caused more wrong splits than right ones ("acht|er|tuin"). A part may therefore
be followed by one of `LINKERS`, which is then left out of the output. "e"/"en" usually make a word of their own
(plural "leerlingen", "gehandicapten"; adjective "huishoudelijke"); then that word is the part ("leerlingen|vervoer",
"huishoudelijke|hulp") and the linker is only dropped when the form with it is not a word. "s" makes no useful word
("identiteits"), so both readings compete and the more frequent part wins: "omgeving|vergunning",
"identiteit|kaart", but "bewoners|parkeer|vergunning".

Hyphens always separate parts ("Wmo-voorziening" → Wmo|voorziening) and each piece is split further on its own; a
one-letter piece is a prefix, not a part ("e-mailadres" → e-mail|adres).

Parts keep the letters (and case) of the input; only a dropped linker is left out.

Known limits
------------
* Frequency is not morphology: a frequent word that happens to be two frequent words can be split wrongly, and
  a compound whose modifier is rare (a name, an abbreviation without hyphen) stays whole.
* Bound forms are not words in wordfreq: "kinder-" in "kinderopvang" is not found, and verb stems are found only
  when wordfreq lists them ("parkeer", "verhuis"). Words under `MIN_WORD_LENGTH` letters are never split.
* wordfreq's Dutch list contains English and names, so "newcastle" may come out as new|castle.
* Ambiguous boundaries are decided by frequency alone ("bijstands|uitkering" vs "bijstand|s|uitkering").
* `split_compound` returns one flat segmentation; a sub-compound kept whole ("gehandicapten|parkeerkaart") is split
  again by `compound_heads`, which is what a matcher should use.
* The data are wordfreq's web/subtitle frequencies, not a municipal corpus; rare jargon modifiers may be missed.
"""

from __future__ import annotations

import math
from functools import lru_cache

import simplemma

MIN_PART_LENGTH = 3
MIN_PART_ZIPF = 2.0  # a part must be at least this common (≈ 1 in 10 million words)
KEEP_WHOLE_ZIPF = 4.0  # words at least this common are never split
SPLIT_PENALTY = 0.6  # a split's mean Zipf must beat the whole word's Zipf by this much
PART_PENALTY = 1.05  # and pays this much more for every part beyond two
MAX_PART_ZIPF = 5.0  # very common words ("beste", "ding") count no more than this, so they cannot outvote longer parts
SHORT_PART_LENGTH = 3  # parts this short match by chance ("park|eer|vergunning") ...
SHORT_PART_PENALTY = 0.5  # ... so their Zipf counts this much less
MAX_PARTS = 5
MIN_WORD_LENGTH = 8  # shorter words are left whole: their "splits" are nearly all chance ("for|maat", "ken|merk")
LINKERS = ("s", "e", "en")
DROPPED_LINKERS = ("s",)  # always droppable; "e"/"en" only when the part with them is no word (see docstring)
HEAD_VERB_ZIPF = 3.0  # "parkeer" + "en" is offered as a match form only when "parkeren" is at least this common

# Function words, separable particles, prefixes and inflectional endings that wordfreq also lists as words (Dutch
# "den", "ken"; English "for", "new"): frequent and short, and almost never a meaningful compound part.
_NOT_A_PART_TEXT = """
    aan achter af al als bij dan dat der des die dit door een eens elk en er heb het hem hen hier hij hoe hun ik in
    ing jan je kan los maar mee men met mij mijn na naar net niet nog nou of om onder ons ook op over per sen ten ter
    te tegen toe tot tus uit van ver voor wat weg wel wie wij zal ze zich zij zijn zo zou
    ont her and all for the new get with end ende ene ere ers den ken nen ingen tje tjes lijk lijke lijkt
    eraan erachter erbij erdoor erin ermee erna erom erop erover ertoe eruit ervan ervoor
    daar daaraan daarbij daardoor daarin daarmee daarna daarom daarop daarover daartoe daaruit daarvan daarvoor
    hieraan hierbij hierdoor hierin hiermee hierna hierom hierop hierover hiertoe hieruit hiervan hiervoor
"""
_NOT_A_PART = frozenset(_NOT_A_PART_TEXT.split())


@lru_cache(maxsize=1)
def _zipf_table() -> dict[str, float]:
    """wordfreq's Dutch list as word → Zipf frequency (one dict lookup instead of wordfreq's per-call tokenising)."""
    import wordfreq

    return {w: math.log10(f) + 9 for w, f in wordfreq.get_frequency_dict("nl").items() if f > 0}


def zipf(word: str) -> float:
    """Zipf frequency of a lower-case Dutch word (0.0 when unknown)."""
    return _zipf_table().get(word, 0.0)


@lru_cache(maxsize=1)
def _part_table() -> dict[str, float]:
    """Every word that may be a compound part, with its part score (see the module docstring)."""
    table = {}
    for word, z in _zipf_table().items():
        if len(word) < MIN_PART_LENGTH or z < MIN_PART_ZIPF or word in _NOT_A_PART or not word.isalpha():
            continue
        z = min(z, MAX_PART_ZIPF)
        table[word] = z - SHORT_PART_PENALTY if len(word) <= SHORT_PART_LENGTH else z
    return table


@lru_cache(maxsize=200_000)
def split_compound(word: str, language: str = "nl") -> list[str]:
    """Split a Dutch compound into its parts ("parkeervergunning" → ["parkeer", "vergunning"]).

    Returns ``[word]`` when no good split exists, for frequent words, and for any language other than Dutch.
    Callers must not mutate the returned list (it is cached).
    """
    if language != "nl" or not word:
        return [word]
    if "-" in word:
        pieces = [p for p in word.split("-") if p]
        if len(pieces) > 1 and len(pieces[0]) == 1:  # "e-mailadres": "e-" is a prefix, not a part → e-mail|adres
            rest = split_compound("-".join(pieces[1:]), language)
            return [f"{pieces[0]}-{rest[0]}", *rest[1:]]
        parts = [part for piece in pieces for part in split_compound(piece, language)]
        return parts or [word]
    return _split_simple(word)


def _split_simple(word: str) -> list[str]:
    lower = word.lower()
    n = len(lower)
    if n < MIN_WORD_LENGTH or not lower.isalpha() or zipf(lower) >= KEEP_WHOLE_ZIPF:
        return [word]

    # parts[i]: the known parts starting at i, as (end, score, next start after an optional linker).
    table = _part_table()
    score = {(i, j): table.get(lower[i:j], 0.0) for i in range(n) for j in range(i + MIN_PART_LENGTH, n + 1)}
    parts: list[list[tuple[int, float, int]]] = [[] for _ in range(n + 1)]
    for (i, j), z in score.items():
        if not z:
            continue
        parts[i].append((j, z, j))
        for lk in LINKERS:
            end = j + len(lk)
            if lower.startswith(lk, j) and (lk in DROPPED_LINKERS or not score.get((i, end))):
                parts[i].append((j, z, end))

    # best[k][i]: (sum of part scores, spans) for splitting lower[i:] into exactly k parts.
    best: list[dict[int, tuple[float, list[tuple[int, int]]]]] = [{} for _ in range(MAX_PARTS + 1)]
    for i in range(n):
        if score.get((i, n)):
            best[1][i] = (score[i, n], [(i, n)])
    for k in range(2, MAX_PARTS + 1):
        for i in range(n):
            top: tuple[float, list[tuple[int, int]]] | None = None
            for j, z, nxt in parts[i]:
                rest = best[k - 1].get(nxt)
                if rest and (top is None or z + rest[0] > top[0]):
                    top = (z + rest[0], [(i, j), *rest[1]])
            if top:
                best[k][i] = top
        if not best[k]:
            break

    chosen: list[tuple[int, int]] = [(0, n)]
    chosen_score = zipf(lower)
    for k in range(2, MAX_PARTS + 1):
        if 0 in best[k]:
            total, spans = best[k][0]
            split_score = total / k - SPLIT_PENALTY - PART_PENALTY * (k - 2)
            if split_score > chosen_score:
                chosen, chosen_score = spans, split_score
    return [word[a:b] for a, b in chosen]


def compound_heads(word: str, language: str = "nl") -> list[str]:
    """Extra forms a matcher should try for a compound, most useful first; [] when the word does not split.

    1. the head (last part), which carries the meaning, and the heads of that head when it splits again:
       "gehandicaptenparkeerkaart" → "parkeerkaart", "kaart";
    2. the other parts, lower-cased: "gehandicapten";
    3. for a modifier that is a verb stem, its infinitive: "parkeer" → "parkeren". This is simplemma's lemma when
       that is longer and ends in "-en" (so "verhuis" → "verhuizen"), else the part + "en" when that is a common
       word. It may also yield a plural ("omgeving" → "omgevingen"), which is harmless for matching.
    """
    parts = [p.lower() for p in split_compound(word, language)]
    if len(parts) < 2:
        return []
    out: list[str] = []
    head = parts[-1]
    while True:
        out.append(head)
        sub = split_compound(head, language)
        if len(sub) < 2:
            break
        parts[-1:-1] = [p.lower() for p in sub[:-1]]
        head = sub[-1].lower()
    modifiers = parts[:-1]
    out.extend(modifiers)
    for part in modifiers:
        lemma = simplemma.lemmatize(part, lang="nl")
        if len(lemma) > len(part) and lemma.endswith("en") and zipf(lemma) >= HEAD_VERB_ZIPF:
            out.append(lemma)
        elif zipf(part + "en") >= HEAD_VERB_ZIPF:
            out.append(part + "en")
    return list(dict.fromkeys(out))
