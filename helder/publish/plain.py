"""Replace jargon with plain words, only where the replacement is grammatically safe.

Rules, each because the alternative produced broken Dutch on real municipal text:
- The page's own official name ("Wmo-maatwerkvoorziening huishoudelijke ondersteuning") becomes the residents'
  name for the task ("hulp in huis"), with the official name once in brackets for letters and forms.
- A term is replaced only where it stands in its dictionary form ("leges" → "kosten"); an inflected verb
  ("verstrekt") or a term split by word order ("komt ... in aanmerking") stays.
- Noun terms standing right next to each other form an official phrase ("maatwerkvoorziening huishoudelijke
  ondersteuning"); replacing each stacks phrases into nonsense, so the run stays as it is.
- Abbreviations stay and get an explanation as a site-wide tooltip (glossary.py), because their expansions are
  long and residents meet the abbreviation itself on letters.
- A noun after a definite article ("de", "het", "deze", "dit") stays: the plain word may need the other
  article ("de beschikking" is "het besluit"), and the lexicon does not record gender. Plurals are the
  exception: they all take "de" ("de leges" → "de kosten").
- Official names that residents meet on letters keep a pointer on first use: "hulp bij het huishouden
  (officieel: huishoudelijke ondersteuning)", unless a bracket already follows.
- A term inside brackets stays: the bracket usually is the official name ("zelfredzaamheidsroute (Z-route)").
- A plain alternative that brings a number of its own ("kind onder de 18") is not used: every fact on the page
  must come from the source.
- A plain verb phrase ending in a preposition ("recht hebben op") replaces only a term that ends in one too
  ("in aanmerking komen voor"), or the sentence is left with a dangling "op".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from helder.language.lexicon import Lexicon, Match
from helder.publish.facts import facts

KEEP_OFFICIAL = {"product", "wet", "legal"}
ABBREVIATIONS = {"afkorting", "abbreviation"}
VERBS = {"ambtelijk-werkwoord", "office-verb"}
NOUNS = {"product", "zorg", "wet", "financieel", "proces", "legal", "care", "financial", "process"}
OFFICIAL_LABEL = {"nl": "officieel", "en": "official name"}
# Languages where a definite article depends on the noun's gender, and the articles plurals take.
PREPOSITIONS = {"nl": {"op", "voor", "aan", "van", "met", "om", "over", "naar", "in", "bij", "tot", "uit"},
                "en": {"for", "to", "on", "of", "with", "about", "in", "at", "from"}}
GENDERED_ARTICLES = {"nl": {"de", "het", "deze", "dit", "die", "dat"}}
DETERMINERS = {"nl": {"de", "het", "een", "uw", "je", "jouw", "deze", "dit", "die", "dat", "zijn", "haar", "hun"},
               "en": {"the", "a", "an", "your", "this", "that", "these", "those", "his", "her", "their"}}
PASSIVE = {"nl": {"worden", "wordt", "werd", "werden"}, "en": {"be", "been", "is", "are", "was", "were"}}
PLURAL_ARTICLES = {"nl": {"de", "deze", "die"}}


@dataclass
class PlainWriter:
    lexicon: Lexicon
    names: dict[str, str] = field(default_factory=dict)  # official name → residents' name, for this page
    mentioned: set[str] = field(default_factory=set)  # official terms already explained on this page
    address: str = "u"  # how the page addresses the reader: plain words in the other form are not used
    replaced: int = 0
    replaced_terms: list[str] = field(default_factory=list)  # official wording replaced, first seen first

    @property
    def language(self) -> str:
        return self.lexicon.language.code

    def rewrite(self, text: str) -> str:
        out, last = [], 0
        for start, end, replacement in self._edits(text):
            out.append(text[last:start])
            out.append(replacement)
            last = end
        out.append(text[last:])
        return "".join(out)

    def _edits(self, text: str) -> list[tuple[int, int, str]]:
        edits = list(self._name_edits(text))
        claimed = [(s, e) for s, e, _ in edits]
        matches = [m for m in self.lexicon.find(text)
                   if not any(s < m.end and m.start < e for s, e in claimed)]
        for index, match in enumerate(matches):
            if match.entry.category in ABBREVIATIONS:
                continue  # kept: the site-wide tooltip snippet explains it (see glossary.py)
            if _touches(text, match, matches[index - 1] if index else None, matches[index + 1:index + 2]):
                continue
            replacement = self._replacement(text, match)
            if replacement is not None:
                edits.append((match.start, match.end, replacement))
                self._count(match.entry.term)
        return sorted(edits)

    def _name_edits(self, text: str) -> list[tuple[int, int, str]]:
        edits = []
        for official, resident in self.names.items():
            for found in re.finditer(re.escape(official), text, re.IGNORECASE):
                replacement = resident
                if official.lower() not in self.mentioned and not _bracket_follows(text, found.end()):
                    self.mentioned.add(official.lower())
                    replacement = f"{resident} ({OFFICIAL_LABEL[self.language]}: {found.group()})"
                edits.append((found.start(), found.end(), replacement))
                self._count(found.group())
        return edits

    def _count(self, official: str) -> None:
        self.replaced += 1
        if official.lower() not in {t.lower() for t in self.replaced_terms}:
            self.replaced_terms.append(official)

    def _replacement(self, text: str, match: Match) -> str | None:
        entry = match.entry
        if not entry.plain or match.surface.lower() != entry.term.lower():
            return None
        if inside_word(text, match.start, match.end) or _inside_brackets(text, match.start):
            return None
        if facts(entry.best_plain) - facts(match.surface):
            return None  # the plain words would add a number the source never gave
        prepositions = PREPOSITIONS.get(self.language, set())
        if entry.best_plain.split()[-1].lower() in prepositions and entry.term.split()[-1].lower() not in prepositions:
            return None
        article = _word_before(text, match.start)
        determiners = DETERMINERS.get(self.language, set())
        if article in determiners and entry.best_plain.split()[0].lower() in determiners:
            return None  # "een persoonlijk plan" → "een uw eigen plan"
        if entry.category in VERBS and article in PASSIVE.get(self.language, set()) and " " in entry.best_plain:
            return None  # "kan worden volstaan" → "kan worden genoeg zijn": a passive takes no verb phrase
        if entry.category not in VERBS and article in GENDERED_ARTICLES.get(self.language, set()):
            plurals = _looks_plural(entry.term) and _looks_plural(entry.best_plain)
            if not (plurals and article in PLURAL_ARTICLES.get(self.language, set())):
                return None
        plain = entry.best_plain
        if self.address == "u" and re.search(r"\b(?:je|jij|jou|jouw)\b", plain, re.IGNORECASE):
            return None  # "jeugdhulp na je 18e" on a page that says "u"
        if _starts_sentence(text, match.start):  # not mid-sentence names: "You receive Housing Benefit"
            plain = plain[:1].upper() + plain[1:]
        if (entry.category in KEEP_OFFICIAL and entry.term.lower() not in self.mentioned
                and not _bracket_follows(text, match.end)):
            self.mentioned.add(entry.term.lower())
            return f"{plain} ({OFFICIAL_LABEL[self.language]}: {match.surface})"
        return plain


def inside_word(text: str, start: int, end: int) -> bool:
    """Part of a compound ("Wmo-consulent", "parkeervergunninghouder"): a phrase cannot replace a part."""
    before, after = text[start - 1:start], text[end:end + 1]
    return before.isalnum() or after.isalnum() or before == "-" or after == "-"


def _inside_brackets(text: str, start: int) -> bool:
    before = text[:start]
    return before.count("(") > before.count(")")


def _touches(text: str, match: Match, previous: Match | None, following: list[Match]) -> bool:
    """Whether a noun term stands right next to another noun term (only spaces or a hyphen between)."""
    if match.entry.category not in NOUNS:
        return False
    neighbours = [(previous, text[previous.end:match.start])] if previous is not None else []
    if following:
        neighbours.append((following[0], text[match.end:following[0].start]))
    return any(other.entry.category in NOUNS and not between.strip(" -") for other, between in neighbours)


def _looks_plural(phrase: str) -> bool:
    last = phrase.split()[-1].lower() if phrase.split() else ""
    # "kosten", "regels", "leges", "auto's" — not "prijs", "huis" or "pas", which end in -s as singulars
    return len(last) > 3 and last.endswith(("en", "els", "ers", "ens", "ems", "es", "'s"))


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:"


def _bracket_follows(text: str, end: int) -> bool:
    return re.match(r"[\s\d]*\(", text[end:]) is not None


def _word_before(text: str, start: int) -> str:
    words = text[:start].split()
    return words[-1].lower() if words else ""
