"""Masking personal data in residents' search terms (helder.terms.privacy)."""

from __future__ import annotations

import pytest

from helder.terms.privacy import KINDS, Masked, bsn_is_valid, iban_is_valid, mask, mask_all


def only(**counts: int) -> dict[str, int]:
    """The full counts dict: the given kinds, every other kind 0."""
    return {kind: counts.get(kind, 0) for kind in KINDS}


# --- e-mail --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("jan@example.nl", "[e-mail]"),
        ("bijstand aanvragen jan.de-vries@gemeente.example.nl", "bijstand aanvragen [e-mail]"),
        ("mail naar P.Jansen+wmo@mail.co.uk graag", "mail naar [e-mail] graag"),
        ("contact: info_2@voorbeeldstad.nl.", "contact: [e-mail]."),
    ],
)
def test_email_is_masked(query: str, expected: str) -> None:
    assert mask(query) == Masked(expected, only(email=1))


@pytest.mark.parametrize("query", ["e-mail adres wijzigen", "jan@", "@gemeente", "jan at example dot nl"])
def test_not_an_email_is_left_alone(query: str) -> None:
    assert mask(query) == Masked(query, only())


# --- IBAN ----------------------------------------------------------------------------------------------------------

VALID_IBANS = [
    "NL91 ABNA 0417 1643 00",
    "nl91abna0417164300",
    "NL91ABNA0417164300",
    "DE89370400440532013000",
    "GB82 WEST 1234 5698 7654 32",
    "BE68539007547034",
    "FR1420041010050500013M02606",
]


@pytest.mark.parametrize("iban", VALID_IBANS)
def test_valid_iban_is_masked(iban: str) -> None:
    assert iban_is_valid(iban)
    assert mask(f"terugbetaling op {iban} graag") == Masked("terugbetaling op [iban] graag", only(iban=1))


@pytest.mark.parametrize(
    "iban",
    [
        "NL91ABNA0417164301",  # last digit flipped
        "DE89370400440532013001",  # last digit flipped
        "GB82 WEST 1234 5698 7654 33",  # last digit flipped
        "NL92 ABNA 0417 1643 00",  # check digit flipped
        "NL91ABNA04171643",  # too short for NL
        "XX91ABNA0417164300",  # not a country
    ],
)
def test_invalid_iban_is_left_alone(iban: str) -> None:
    assert not iban_is_valid(iban)
    query = f"rekening {iban}"
    assert mask(query) == Masked(query, only())


def test_iban_followed_by_more_words_keeps_them() -> None:
    assert mask("NL91 ABNA 0417 1643 00 betalen 2026").text == "[iban] betalen 2026"


def test_two_ibans_are_both_counted() -> None:
    assert mask("NL91ABNA0417164300 of DE89370400440532013000") == Masked("[iban] of [iban]", only(iban=2))


# --- BSN -----------------------------------------------------------------------------------------------------------
# Elfproef by hand: 9×d1 + 8×d2 + 7×d3 + 6×d4 + 5×d5 + 4×d6 + 3×d7 + 2×d8 − 1×d9
#   111222333: 9+8+7+12+10+8+9+6−3 = 66 = 6×11           valid
#   123456782: 9+16+21+24+25+24+21+16−2 = 154 = 14×11    valid
#   100000009: 9−9 = 0 = 0×11 (not all zeros)            valid
#   999999990: 9×(9+8+7+6+5+4+3+2) − 0 = 396 = 36×11     valid
#   010000008: 8−8 = 0                                   valid
#   123456789: 154 − 2 + 2 − 9 = 147 = 13×11 + 4         invalid
#   111222334: 66 − 1 = 65 = 5×11 + 10                   invalid
#   100000008: 9−8 = 1                                   invalid
#   000000000: all zeros                                  invalid

VALID_BSNS = ["111222333", "123456782", "100000009", "999999990", "010000008"]
INVALID_BSNS = ["123456789", "111222334", "100000008", "000000000"]


@pytest.mark.parametrize("bsn", VALID_BSNS)
def test_elfproef_accepts(bsn: str) -> None:
    assert bsn_is_valid(bsn)


@pytest.mark.parametrize("bsn", INVALID_BSNS)
def test_elfproef_rejects(bsn: str) -> None:
    assert not bsn_is_valid(bsn)


@pytest.mark.parametrize(
    "query",
    [f"mijn bsn {bsn} uittreksel" for bsn in VALID_BSNS]
    + ["mijn bsn 123.456.782 uittreksel", "mijn bsn 111 222 333 uittreksel", "mijn bsn 1234.56.782 uittreksel"],
)
def test_valid_bsn_is_masked(query: str) -> None:
    assert mask(query) == Masked("mijn bsn [bsn] uittreksel", only(bsn=1))


@pytest.mark.parametrize(
    "query",
    [f"factuur {number}" for number in INVALID_BSNS]
    + ["zaaknummer 1234567820", "subsidie € 123.456.782", "bedrag 123.456.782,00"],
)
def test_not_a_bsn_is_left_alone(query: str) -> None:
    assert mask(query) == Masked(query, only())


# --- phone ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    [
        "06-12345678",
        "06 1234 5678",
        "0612345678",
        "+31 6 12345678",
        "+31612345678",
        "0031612345678",
        "010-1234567",
        "(010) 123 45 67",
        "0201234567",
        "020 - 123 45 67",
        "0229-123456",
        "+31 (0)20 123 4567",
    ],
)
def test_phone_is_masked(phone: str) -> None:
    assert mask(f"bel mij terug {phone} aub") == Masked("bel mij terug [telefoon] aub", only(phone=1))


def test_phone_in_brackets() -> None:
    assert mask("terugbellen (0612345678)") == Masked("terugbellen ([telefoon])", only(phone=1))


@pytest.mark.parametrize(
    "query",
    [
        "112",
        "14 010",
        "bel 14 010 voor een afspraak",
        "0800-1234",
        "061234567",  # one digit short
        "06123456789",  # one digit too many
        "afspraak 06-05-2026 14:30",
        "paspoort aanvragen 2026",
        "wat kost een paspoort € 84,60",
    ],
)
def test_not_a_phone_is_left_alone(query: str) -> None:
    assert mask(query) == Masked(query, only())


def test_digits_of_a_failed_iban_are_not_a_phone() -> None:
    query = "NL91 ABNA 0417 1643 01"  # last digit flipped
    assert mask(query) == Masked(query, only())


# --- postcode + house number ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "1234 AB 12",
        "1234AB 12a",
        "1234ab12",
        "1234 AB, 12-3",
        "1234 ab 7",
        "9999ZZ 1234",
        "1234 AB 12 B",
        "1234 AB 7/2",
    ],
)
def test_postcode_with_house_number_is_masked(address: str) -> None:
    assert mask(f"grofvuil ophalen {address} morgen") == Masked("grofvuil ophalen [adres] morgen", only(address=1))


@pytest.mark.parametrize(
    "query",
    [
        "afvalkalender 1234 AB",
        "huisnummer 12",
        "afvalkalender 1234 AB 2026",  # a year, not a house number
        "paspoort 2026 in 3 dagen",
        "0123 AB 12",  # postcodes do not start with 0
        "1234 ABC 12",
    ],
)
def test_not_an_address_is_left_alone(query: str) -> None:
    assert mask(query) == Masked(query, only())


# --- together ------------------------------------------------------------------------------------------------------


def test_combined_query() -> None:
    result = mask("bijzondere bijstand jan@example.nl 0612345678")
    assert result.text == "bijzondere bijstand [e-mail] [telefoon]"
    assert result.counts == only(email=1, phone=1)


def test_every_kind_in_one_query_counted_once() -> None:
    query = "jan@example.nl NL91ABNA0417164300 111222333 06-12345678 1234 AB 12"
    assert mask(query) == Masked("[e-mail] [iban] [bsn] [telefoon] [adres]", only(**dict.fromkeys(KINDS, 1)))


def test_spacing_is_kept_exactly() -> None:
    assert mask("  bsn   111222333\tbellen  0612345678 ").text == "  bsn   [bsn]\tbellen  [telefoon] "


@pytest.mark.parametrize(
    "query",
    [
        "paspoort aanvragen 2026",
        "wat kost een paspoort € 84,60",
        "112",
        "afvalkalender 1234 AB",
        "huisnummer 12",
        "rijbewijs verlopen 14 dagen",
        "Gemeente Voorbeeldstad  openingstijden",
        "",
    ],
)
def test_ordinary_queries_are_untouched(query: str) -> None:
    assert mask(query) == Masked(query, only())


def test_mask_all_sums_counts() -> None:
    texts, counts = mask_all(
        [
            "paspoort aanvragen 2026",
            "bijzondere bijstand jan@example.nl 0612345678",
            "bsn 111222333 en 123456782",
            "factuur 123456789",
            "1234ab12",
        ]
    )
    assert texts == [
        "paspoort aanvragen 2026",
        "bijzondere bijstand [e-mail] [telefoon]",
        "bsn [bsn] en [bsn]",
        "factuur 123456789",
        "[adres]",
    ]
    assert counts == only(email=1, phone=1, bsn=2, address=1)


def test_mask_all_empty() -> None:
    assert mask_all([]) == ([], only())
