"""Replace jargon with plain words, only where the replacement is grammatically safe.

A term is replaced only where it stands in its dictionary form ("leges" → "kosten"); an inflected verb
("verstrekt") or a term split by word order ("komt ... in aanmerking") stays, because swapping in an infinitive
would break the sentence. Official names that residents meet on letters and forms keep a pointer on first use:
"hulp bij het huishouden (officieel: huishoudelijke ondersteuning)".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from helder.language.lexicon import Lexicon, Match

# Categories whose official wording residents will see on letters and forms.
KEEP_OFFICIAL = {"product", "wet", "afkorting", "legal", "abbreviation"}
OFFICIAL_LABEL = {"nl": "officieel", "en": "official name"}


@dataclass
class PlainWriter:
    lexicon: Lexicon
    mentioned: set[str] = field(default_factory=set)  # official terms already explained on this page
    replaced: int = 0

    def rewrite(self, text: str) -> str:
        out, last = [], 0
        for match in self.lexicon.find(text):
            inside_word = text[match.start - 1:match.start].isalnum() or text[match.end:match.end + 1].isalnum()
            glued = text[match.start - 1:match.start] == "-" or text[match.end:match.end + 1] == "-"
            if inside_word or glued:  # part of a compound ("Wmo-consulent"): a phrase cannot replace it
                continue
            replacement = self._replacement(match)
            if replacement is None:
                continue
            out.append(text[last:match.start])
            out.append(replacement)
            last = match.end
            self.replaced += 1
        out.append(text[last:])
        return "".join(out)

    def _replacement(self, match: Match) -> str | None:
        entry = match.entry
        if not entry.plain or match.surface.lower() != entry.term.lower():
            return None
        plain = entry.best_plain
        if match.surface[:1].isupper() and not entry.term[:1].isupper():
            plain = plain[:1].upper() + plain[1:]
        if entry.category in KEEP_OFFICIAL and entry.term.lower() not in self.mentioned:
            self.mentioned.add(entry.term.lower())
            label = OFFICIAL_LABEL.get(self.lexicon.language.code, "official")
            return f"{plain} ({label}: {match.surface})"
        return plain
