"""The facts in a text that a rewrite must never change: numbers, amounts, dates, times, phone numbers, URLs,
e-mail addresses and names. Compared as multisets: a rewrite may move a fact, not lose, add or alter one."""

from __future__ import annotations

import re
from collections import Counter

from helder.language.tokens import sentences

URL = re.compile(r"https?://[^\s)>\]]+|www\.[^\s)>\]]+")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
MONTHS = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december", "january", "february", "march", "may", "june", "july", "august", "october"}
_EDGE = ".,;:!?()[]\"'“”‘’…"


def facts(text: str) -> Counter[str]:
    """Every URL, e-mail address, currency sign, month name and token with a digit (amounts "€ 12,50", dates
    "1 januari 2026", times "07.30", phone numbers "(0123) 45 67 89" by their digit groups), as a multiset."""
    found: Counter[str] = Counter()
    for pattern in (URL, EMAIL):
        for match in pattern.finditer(text):
            found[match.group().rstrip(_EDGE)] += 1
        text = pattern.sub(" ", text)
    for token in text.split():
        token = token.strip(_EDGE)
        if any(c.isdigit() for c in token) or token.lower() in MONTHS:
            found[token.lower()] += 1
        found["€"] += token.count("€")
    return +found


def names(text: str, language: str) -> Counter[str]:
    """Words written with a capital where no sentence starts ("Voorbeeldstad", "DigiD", "CAK"): names."""
    found: Counter[str] = Counter()
    for span in sentences(text, language):
        for index, word in enumerate(re.findall(r"[^\W\d_][\w'-]*", span.text)):
            if index and any(c.isupper() for c in word):
                found[word] += 1
    return found
