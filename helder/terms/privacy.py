"""Mask personal data in search terms before they are stored.

Residents sometimes type personal data into a search box: an e-mail address, a bank account, their citizen
service number (BSN), a phone number, or their postcode with house number. Under the AVG (the Dutch name of the
GDPR) a search term that contains such data is itself personal data, and the BSN is moreover a number whose use
is restricted by law. Helder has no need for any of it: it counts *what* residents look for, not *who* they are.

So every imported query goes through :func:`mask` (or :func:`mask_all` for a whole column) *before* anything is
stored or written to disk. Each find is replaced by a fixed placeholder and counted, so the import summary can
report how much was masked without keeping what was masked:

======== ================ ==============================================================
kind     placeholder      what
======== ================ ==============================================================
email    ``[e-mail]``     e-mail addresses
iban     ``[iban]``       IBANs of any country, with or without spaces; only those that pass
                          the ISO 13616 mod-97 check
bsn      ``[bsn]``        9-digit numbers that pass the elfproef (others may be case or invoice
                          numbers and are left alone)
phone    ``[telefoon]``   Dutch phone numbers (mobile, landline, +31 / 0031)
address  ``[adres]``      postcode + house number; a postcode alone or a house number alone is
                          not personal enough and is left alone
======== ================ ==============================================================

The kinds are masked in that order, so one thing is never counted twice (the digits of an IBAN are not also a
phone number). Everything else in the query is kept exactly as it was, spacing included. Short service numbers
("112", "14 010"), years, amounts ("€ 84,60") and house numbers on their own are not touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

KINDS = ("email", "iban", "bsn", "phone", "address")
PLACEHOLDERS = {
    "email": "[e-mail]",
    "iban": "[iban]",
    "bsn": "[bsn]",
    "phone": "[telefoon]",
    "address": "[adres]",
}


@dataclass
class Masked:
    """A query with its personal data replaced, and how many of each kind were replaced."""

    text: str
    counts: dict[str, int] = field(default_factory=dict)


# --- e-mail --------------------------------------------------------------------------------------------------------
# "jan.de-vries+gemeente@example.nl", "j@mail.co.uk"; a trailing full stop ("… jan@example.nl.") stays outside.
_EMAIL = re.compile(
    r"(?<![\w.%+-])"
    r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"
    r"(?![\w-])"
)

# --- IBAN ----------------------------------------------------------------------------------------------------------
# "NL91 ABNA 0417 1643 00", "nl91abna0417164300", "DE89370400440532013000": country code, two check digits, then
# the account (BBAN), written compactly or in groups separated by single spaces. The pattern is deliberately broad
# (it may run on into the next words); _iban_replace cuts it to the country's IBAN length and checks mod 97.
_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])")

# IBAN length per country (ISO 13616 registry). A code that is not listed is not an IBAN country.
IBAN_LENGTHS = {
    **dict.fromkeys(["NO"], 15),
    **dict.fromkeys(["BE"], 16),
    **dict.fromkeys(["DK", "FI", "FK", "FO", "GL", "NL", "SD"], 18),
    **dict.fromkeys(["MK", "SI"], 19),
    **dict.fromkeys(["AT", "BA", "EE", "KZ", "LT", "LU", "MN", "XK"], 20),
    **dict.fromkeys(["CH", "HR", "LI", "LV"], 21),
    **dict.fromkeys(["BG", "BH", "CR", "DE", "GB", "GE", "IE", "ME", "RS", "VA"], 22),
    **dict.fromkeys(["AE", "GI", "IL", "IQ", "OM", "SO", "TL"], 23),
    **dict.fromkeys(["AD", "CZ", "ES", "MD", "PK", "RO", "SA", "SE", "SK", "TN", "VG"], 24),
    **dict.fromkeys(["LY", "PT", "ST"], 25),
    **dict.fromkeys(["IS", "TR"], 26),
    **dict.fromkeys(["BI", "DJ", "FR", "GR", "IT", "MC", "MR", "SM"], 27),
    **dict.fromkeys(["AL", "AZ", "BY", "CY", "DO", "GT", "HN", "HU", "LB", "NI", "PL", "SV"], 28),
    **dict.fromkeys(["BR", "EG", "PS", "QA", "UA"], 29),
    **dict.fromkeys(["JO", "KW", "MU", "YE"], 30),
    **dict.fromkeys(["MT", "SC"], 31),
    **dict.fromkeys(["LC"], 32),
    **dict.fromkeys(["RU"], 33),
}

# --- BSN -----------------------------------------------------------------------------------------------------------
# "111222333", "123.456.782", "123 456 782", "1234.56.782" (the way the BSN is printed on a passport). Not part of a
# longer number or amount ("€ 123.456.789,00", "€123456789"), nor the national part of a +31 phone number
# ("+31 612345678", "0031 612345678").
_BSN = re.compile(
    r"(?<![\d+€])(?<!\d[.,])(?<!€ )(?<!\+31[ -])(?<!0031[ -])"
    r"(?:\d{9}|\d{3}([. ])\d{3}\1\d{3}|\d{4}([. ])\d{2}\2\d{3})"
    r"(?!\d|[.,]\d)"
)


def _digits(n: int) -> str:
    """n digits, optionally with single spaces between them: "1234567", "123 45 67"."""
    return rf"\d(?: ?\d){{{n - 1}}}"


# --- phone ---------------------------------------------------------------------------------------------------------
# A Dutch number is 10 digits: 0 + area code + subscriber number, 9 digits after the 0 (or after +31 / 0031).
# The area code has 1 ("06", mobile), 2 ("010", "020") or 3 ("0229") digits after the 0, and may be followed by one
# separator: "06-12345678", "010 - 1234567", "0229/123456". The subscriber number may only contain single spaces
# ("06 1234 5678", "(010) 123 45 67"), so dates such as "06-05-2026 14:30" are not taken for phone numbers.
# "0201234567", "(010) 123 45 67", "+31 6 12345678", "+31 (0)20 123 4567", "0031612345678".
_SEP = r"(?: ?[-/.] ?| )?"
_AREAS = ((r"6", 8), (r"[1-9]\d", 7), (r"[1-9]\d{2}", 6))  # area code after the 0, subscriber digits
_NATIONAL = "|".join(rf"0{area}{_SEP}{_digits(n)}|\(0{area}\){_SEP}{_digits(n)}" for area, n in _AREAS)
_INTERNATIONAL = "|".join(rf"(?:\+|00)31{_SEP}(?:\(0\) ?)?{area}{_SEP}{_digits(n)}" for area, n in _AREAS)
# Not the digits of a spaced IBAN that failed its check ("NL91 ABNA 0417 1643 01"): that is no phone number.
_AFTER_IBAN_GROUPS = r"(?<![A-Za-z]{2}\d{2} [A-Za-z0-9]{4} )(?<![A-Za-z]{2}\d{2} [A-Za-z0-9]{4} [A-Za-z0-9]{4} )"
_PHONE = re.compile(rf"(?<![\w+]){_AFTER_IBAN_GROUPS}(?:{_INTERNATIONAL}|{_NATIONAL})(?!\w)")

# --- postcode + house number ---------------------------------------------------------------------------------------
# "1234 AB 12", "1234AB 12a", "1234ab12", "1234 AB, 12-3", "1234 AB 12 B", "1234 AB 7/2". Postcode: four digits
# (no leading zero) and two letters; house number: 1-4 digits, with an optional addition (a letter, or -/ and a
# short number or code). A 4-digit year after the postcode ("afvalkalender 1234 AB 2026") is not a house number,
# and a lower-case Dutch two-letter word after a number is not a postcode ("paspoort 2026 in 3 dagen").
_ADDRESS = re.compile(
    r"(?<![\w])"
    r"[1-9]\d{3}(?: (?!(?:al|de|en|er|in|is|je|na|nu|of|om|op|te|we|ze|zo)\b))?[A-Za-z]{2}"  # postcode
    r"(?: ?, ?| )?"  # separator: nothing, a space, or a comma
    r"(?!(?:19|20)\d{2}(?!\w))"  # not a year
    r"[1-9]\d{0,3}"  # house number
    r"(?:[A-Za-z](?![A-Za-z])|[-/][A-Za-z0-9]{1,4}(?!\w)| [A-Z](?!\w))?"  # addition: "12a", "12-3", "12 B"
    r"(?![\w])"
)


def iban_is_valid(iban: str) -> bool:
    """ISO 13616 check: the right length for the country, and mod 97 == 1 with the first four characters moved
    to the end and letters read as 10 (A) to 35 (Z)."""
    compact = re.sub(r"\s", "", iban).upper()
    if not compact.isascii() or not compact.isalnum() or IBAN_LENGTHS.get(compact[:2]) != len(compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def bsn_is_valid(number: str) -> bool:
    """The elfproef: 9×d1 + 8×d2 + … + 2×d8 − 1×d9 is divisible by 11, and the number is not all zeros."""
    digits = [int(char) for char in number if char.isdigit()]
    if len(digits) != 9 or not any(digits):
        return False
    total = sum(weight * digit for weight, digit in zip(range(9, 1, -1), digits[:8], strict=True)) - digits[8]
    return total % 11 == 0


def _counting(kind: str, counts: dict[str, int]) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        counts[kind] += 1
        return PLACEHOLDERS[kind]

    return replace


def _iban_replace(counts: dict[str, int]) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        found = match.group()
        length = IBAN_LENGTHS.get(found[:2].upper())
        if length is None:
            return found
        # Cut the candidate after `length` letters and digits; that must be the end of a word.
        ends = [i + 1 for i, char in enumerate(found) if char != " "]  # the end of each letter or digit
        if len(ends) < length:
            return found
        end = ends[length - 1]
        if end < len(found) and found[end] != " ":
            return found
        if not iban_is_valid(found[:end]):
            return found
        counts["iban"] += 1
        # What the broad pattern took after the IBAN goes back through it: it may hold a second IBAN.
        return PLACEHOLDERS["iban"] + _IBAN.sub(replace, found[end:])

    return replace


def _bsn_replace(counts: dict[str, int]) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        if not bsn_is_valid(match.group()):
            return match.group()  # a case or invoice number
        counts["bsn"] += 1
        return PLACEHOLDERS["bsn"]

    return replace


def mask(query: str) -> Masked:
    """Replace personal data in one search query by placeholders, and count them by kind (all kinds present)."""
    counts = dict.fromkeys(KINDS, 0)
    text = _EMAIL.sub(_counting("email", counts), query)
    text = _IBAN.sub(_iban_replace(counts), text)
    text = _BSN.sub(_bsn_replace(counts), text)
    text = _PHONE.sub(_counting("phone", counts), text)
    text = _ADDRESS.sub(_counting("address", counts), text)
    return Masked(text, counts)


def mask_all(queries: Iterable[str]) -> tuple[list[str], dict[str, int]]:
    """Mask a whole column of queries; the counts are summed over all of them (every kind present, maybe 0)."""
    texts: list[str] = []
    totals = dict.fromkeys(KINDS, 0)
    for query in queries:
        masked = mask(query)
        texts.append(masked.text)
        for kind, count in masked.counts.items():
            totals[kind] += count
    return texts, totals
