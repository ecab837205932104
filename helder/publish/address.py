"""Address the reader as "je" instead of "u" (workspace `address = "je"`), only where the rewrite is reliable.

Dutch changes more than the pronoun: "u heeft" is "je hebt", and after the verb the -t goes ("heeft u" → "heb
je", "woont u" → "woon je"). A sentence is rewritten only when every "u" in it can be: one with "zich" ("u meldt
zich") or with "heeft" away from the "u" ("als u een uitkering heeft") keeps "u", because getting those right needs
a parser. `to_je` says how many sentences it left as they were.
"""

from __future__ import annotations

import re

from helder.language.tokens import sentences

# Verb before "u" → the form before "je" where dropping the final -t is wrong.
INVERTED = {"heeft": "heb", "hebt": "heb", "bent": "ben", "kunt": "kun", "zult": "zul", "wilt": "wil",
            "gaat": "ga", "staat": "sta", "doet": "doe", "ziet": "zie", "komt": "kom", "slaat": "sla"}
T_STEMS = {"moet", "weet", "laat", "zet", "wacht", "praat", "start", "let", "zit", "past", "verwacht", "kost",
           "eet", "meet", "bericht", "richt", "rust"}
NO_T = {"mag", "kan", "zal", "wil", "zou", "kon", "mocht", "moest", "wilde", "ging"}
# Words after which the verb comes before its subject: "Dan stuurt u", "Hoe vraagt u", "Ook krijgt u".
INVERSION = {"dan", "daarna", "daarom", "daarvoor", "daarmee", "daar", "hier", "hiervoor", "hiermee", "ook", "nu",
             "zo", "hoe", "wat", "waar", "wanneer", "welke", "wie", "waarom", "soms", "vaak", "meestal", "eerst",
             "vervolgens", "tot", "verder", "binnenkort", "straks", "vanaf", "na", "bij", "in", "op", "met"}
# Words before "u" that are not verbs, though some end in -t: "dat u", "met u", "wat u".
NOT_VERBS = {"dat", "wat", "met", "niet", "het", "tot", "want", "omdat", "opdat", "mits", "toen", "totdat",
             "voordat", "nadat", "zodat", "aan", "voor", "bij", "naar", "van", "op", "om", "als", "of", "die",
             "waar", "wanneer", "hoe", "dan", "en", "maar", "ook", "nu", "zo", "door", "over", "uit", "tegen",
             "zonder", "onder", "achter", "na", "per", "via", "welke", "wie", "indien", "zoals", "terwijl", "dus"}
PREPOSITION_FIRST = {"met", "bij", "via", "voor", "na", "binnen", "tijdens", "door", "op", "in", "vanaf", "zonder"}
_WORD = re.compile(r"[^\W\d_][\w'-]*")


def to_je(text: str) -> tuple[str, int]:
    """The text addressing the reader as "je", and the number of sentences left with "u" (not reliable)."""
    out, last, kept = [], 0, 0
    for span in sentences(text, "nl"):
        out.append(text[last:span.start])
        converted = sentence_to_je(span.text)
        if converted is None:
            kept += 1
            converted = span.text
        out.append(converted)
        last = span.end
    out.append(text[last:])
    return "".join(out), kept


def sentence_to_je(sentence: str) -> str | None:
    """The sentence with "je", or None when a "u" in it cannot be rewritten reliably."""
    tokens = list(_WORD.finditer(sentence))
    lowered = [t.group().lower() for t in tokens]
    if not any(w in ("u", "uw") for w in lowered):
        return sentence
    if "zich" in lowered:
        return None
    edits: list[tuple[int, int, str]] = []
    handled_heeft: set[int] = set()
    for index, token in enumerate(tokens):
        word, lower = token.group(), lowered[index]
        if lower == "uw":
            edits.append((token.start(), token.end(), _case("je", word)))
        elif lower == "u":
            previous = lowered[index - 1] if index else ""
            following = lowered[index + 1] if index + 1 < len(lowered) else ""
            if previous and _adjacent(sentence, tokens[index - 1], token) and _is_verb(previous):
                stem = _stem(previous)
                if stem is None or (stem != previous and not _inverted(sentence, tokens, lowered, index - 1)):
                    return None  # "De gemeente stuurt u een brief": "u" may be the object; leave it
                before = tokens[index - 1]
                edits.append((before.start(), before.end(), _case(stem, before.group())))
                handled_heeft.add(index - 1)
            elif following in ("heeft", "hebt") and _adjacent(sentence, token, tokens[index + 1]):
                after = tokens[index + 1]
                edits.append((after.start(), after.end(), _case("hebt", after.group())))
                handled_heeft.add(index + 1)
            edits.append((token.start(), token.end(), _case("je", word)))
    if any(w == "heeft" and i not in handled_heeft for i, w in enumerate(lowered)):
        return None  # "als u een uitkering heeft": the verb may belong to "u", far away
    result = sentence
    for start, end, replacement in sorted(edits, reverse=True):
        result = result[:start] + replacement + result[end:]
    return result


def _is_verb(word: str) -> bool:
    if word in NOT_VERBS:
        return False
    return word in INVERTED or word in T_STEMS or word in NO_T or word.endswith("t")


def _inverted(sentence: str, tokens: list[re.Match[str]], lowered: list[str], verb: int) -> bool:
    """Whether "u" after this verb is its subject: the verb opens the sentence or a main clause after a comma,
    or follows a word that puts the verb first ("Dan", "Hoe", "Ook")."""
    if verb == 0:
        return True
    if "," in sentence[tokens[verb - 1].end():tokens[verb].start()]:
        return True
    if lowered[0] in PREPOSITION_FIRST:
        return True  # "Met uw DigiD logt u in": a phrase first, then the verb, then its subject
    return verb == 1 and lowered[0] in INVERSION


def _stem(verb: str) -> str | None:
    if verb in INVERTED:
        return INVERTED[verb]
    if verb in T_STEMS or verb in NO_T:
        return verb
    if verb.endswith("t") and len(verb) > 3:
        return verb[:-1]  # "woont u" → "woon je", "vindt u" → "vind je"
    return None


def _adjacent(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    return text[first.end():second.start()].strip() == ""


def _case(replacement: str, original: str) -> str:
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


def label_to_je(label: str) -> str:
    """Fixed labels ("Zo vraagt u het aan", "Wat heeft u nodig?") in the "je" form."""
    converted = sentence_to_je(label)
    return converted if converted is not None else label
