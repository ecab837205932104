"""Shorter sentences and lists, without changing a fact.

A sentence over 20 words is split where the split cannot change what it says: at "; ", at ", maar " / ", but "
(the contrast word stays: "Maar …"), at ", en " / ", and " between two clauses, and in English at a closing
", which …" clause. Splits inside brackets or quotes, next to numbers, or that leave a part of fewer than five
words are not made. Dutch relative clauses ("…, die … staan") are left alone: as a sentence of their own their
verb would have to move, and moving words is how facts get lost. Only connectives, punctuation and the first
letter of a new sentence change, so every number, amount, date, time, phone number, URL and name survives.

An enumeration after a colon ("U heeft nodig: a, b en c.") becomes a list.
"""

from __future__ import annotations

import re

from helder.language.tokens import sentences, words

LONG_SENTENCE = 20
MIN_PART = 5
# (separator pattern, what starts the second sentence: the connective to keep, or "" to drop it)
SPLITS = {
    "nl": [(r";\s+", ""), (r",\s+maar\s+", "maar "), (r",\s+en\s+", "")],
    "en": [(r";\s+", ""), (r",\s+but\s+", "but "), (r",\s+and\s+", ""), (r",\s+which\s+", "this ")],
}
AND = {"nl": "en", "en": "and"}


def split_long_sentences(text: str, language: str) -> str:
    """The block's text with every sentence over 20 words split where a safe split exists."""
    spans = sentences(text, language)
    if not spans:
        return text
    out, last = [], 0
    for span in spans:
        out.append(text[last:span.start])
        out.append(" ".join(split_sentence(span.text, language)))
        last = span.end
    out.append(text[last:])
    return "".join(out)


def split_sentence(sentence: str, language: str) -> list[str]:
    if len(words(sentence)) <= LONG_SENTENCE:
        return [sentence]
    for pattern, keep in SPLITS[language]:
        for found in re.finditer(pattern, sentence):
            left, right = sentence[:found.start()], sentence[found.end():]
            if not _safe(left, right, found.group(), language):
                continue
            first = left.rstrip() + "."
            second = _capital(keep + right) if keep else _capital(right)
            return [*split_sentence(first, language), *split_sentence(second, language)]
    return [sentence]


def _safe(left: str, right: str, separator: str, language: str) -> bool:
    if len(words(left)) < MIN_PART or len(words(right)) < MIN_PART:
        return False
    if left.count("(") != left.count(")") or left.count('"') % 2 or left.count("“") != left.count("”"):
        return False  # inside brackets or a quotation
    if re.match(r"\s*\d", right):
        return False  # "1, en 2": a list of numbers; a new sentence starting with a digit reads badly too
    if separator.strip(" ,").lower() == AND[language]:
        # "a, b, en c" is an enumeration, not two clauses: its left part ends in a comma list
        tail = left.rsplit(".", 1)[-1]
        if tail.count(",") >= 1 and all(len(p.split()) <= 3 for p in tail.split(",")[1:]):
            return False
    return right.rstrip()[-1:] in ".!?"  # the right part ends the sentence, so it can stand alone


def _capital(text: str) -> str:
    """Capitalise a new sentence's first word only when it is an ordinary lower-case word ("iDEAL" stays)."""
    first = text.split(" ", 1)[0]
    if first.islower() and first.isalpha():
        return text[:1].upper() + text[1:]
    return text


ENUMERATION = re.compile(r"^(?P<intro>[^:]{3,120}):\s+(?P<items>[^:;()]+?)\.?$")


def enumeration(sentence: str, language: str) -> tuple[str, list[str]] | None:
    """("U heeft nodig:", ["a", "b", "c"]) for "U heeft nodig: a, b en c." — three or more short items."""
    found = ENUMERATION.match(sentence.strip())
    if not found:
        return None
    items_text = found.group("items")
    if re.search(r"\d,\d", items_text):
        return None  # a decimal comma ("€ 12,50") is not an item separator
    parts = [p.strip() for p in items_text.split(",")]
    last = re.split(rf"\s+{AND[language]}\s+", parts[-1])
    if len(last) != 2:
        return None
    parts = [*parts[:-1], *last]
    if len(parts) < 3 or any(not p or len(p.split()) > 6 for p in parts):
        return None
    return found.group("intro").strip() + ":", parts


def lists_from_enumerations(blocks: list[tuple[str, str]], language: str) -> list[tuple[str, str]]:
    """Paragraph sentences that enumerate become an introducing sentence and a bulleted list."""
    out: list[tuple[str, str]] = []
    for kind, text in blocks:
        if kind != "p":
            out.append((kind, text))
            continue
        spans = sentences(text, language)
        if not any(enumeration(span.text, language) for span in spans):
            out.append((kind, text))
            continue
        pending: list[str] = []
        for span in spans:
            found = enumeration(span.text, language)
            if found is None:
                pending.append(span.text)
                continue
            intro, items = found
            pending.append(intro)
            out.append(("p", " ".join(pending)))
            out.extend(("ul", item) for item in items)
            pending = []
        if pending:
            out.append(("p", " ".join(pending)))
    return out
