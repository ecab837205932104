"""Numbers as spreadsheet exports write them in any locale: "3,4%", "7,2", "1.234", "2.7%"."""

from __future__ import annotations

import math
import re

_THOUSANDS = re.compile(r"^\d{1,3}([.,\s\u00a0]\d{3})+$")


def parse_int(text: str) -> int:
    text = text.strip().replace("\u00a0", " ")
    if not text:
        return 0
    if _THOUSANDS.match(text):
        text = re.sub(r"[.,\s]", "", text)
    return int(float(text.replace(",", ".")))


def parse_float(text: str) -> float:
    """Decimal comma or point; a trailing % divides by 100."""
    text = text.strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return math.nan
    percent = text.endswith("%")
    text = text.rstrip("%")
    if "," in text and "." in text:  # "1.234,5" or "1,234.5": the last separator is the decimal one
        text = text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") else text.replace(",", "")
    else:
        text = text.replace(",", ".")
    value = float(text)
    return value / 100 if percent else value
