"""Query normalisation: one form for the many ways residents type the same search.

"Gemeente Voorbeeldstad paspoort", "paspoort voorbeeldstad" and "Paspoort!" all become "paspoort": lower case,
accents folded, punctuation dropped, and the words that only name the municipality removed.
"""

from __future__ import annotations

import re
import unicodedata

# Words residents add to say *where* they search, not *what*; per language.
PLACE_WORDS = {
    "nl": {"gemeente", "gem", "gemeentehuis", "stadhuis"},
    "en": {"council", "city", "borough", "county"},
}
# Left dangling at either end once the place name is gone: "wonen in voorbeeldstad" → "wonen".
DANGLING = {
    "nl": {"in", "te", "van", "bij", "de", "het", "voor", "uit"},
    "en": {"in", "at", "of", "the", "near", "for"},
}
_NON_WORD = re.compile(r"[^\w\s]+")


def fold_accents(text: str) -> str:
    if text.isascii():  # most queries: nothing to fold
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise_query(query: str, own_names: tuple[str, ...] = (), language: str = "nl") -> str:
    text = _NON_WORD.sub(" ", fold_accents(query.lower()).replace("_", " "))
    drop = PLACE_WORDS.get(language, set()) | {fold_accents(n.lower()) for n in own_names}
    original = text.split()
    words = [w for w in original if w not in drop]
    if len(words) < len(original):
        dangling = DANGLING.get(language, set())
        while words and words[-1] in dangling:
            words.pop()
        while words and words[0] in dangling:
            words.pop(0)
    return " ".join(words) if words else " ".join(original)


def is_navigational(query_norm: str, own_names: tuple[str, ...] = (), language: str = "nl") -> bool:
    """A query that only names the municipality ("gemeente voorbeeldstad"): residents looking for the site
    itself, not for something to get done."""
    names = PLACE_WORDS.get(language, set()) | {fold_accents(n.lower()) for n in own_names}
    return all(word in names for word in query_norm.split())
