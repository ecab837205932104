"""Discovery of jargon candidates that no lexicon has yet."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pytest

from helder.audit.candidates import CANDIDATE_COLUMNS, discover_candidates
from helder.audit.jargon import find_jargon
from helder.audit.pages import AuditPage
from helder.language import get_language
from helder.language.lexicon import Lexicon, read_entries

LEXICON = """term,plain,explanation,category,source
leges,kosten,Uitleg.,financieel,test
maatwerkvoorziening,hulp op maat,Uitleg.,zorg,test
voorliggende voorziening,regeling die eerst komt,Uitleg.,zorg,test
OM,Openbaar Ministerie,Uitleg.,afkorting,test
"""
SITE = "https://www.voorbeeldstad.nl"


@pytest.fixture
def lexicon(tmp_path: Path) -> Lexicon:
    path = tmp_path / "lexicon.csv"
    path.write_text(LEXICON, encoding="utf-8")
    nl = get_language("nl")
    return Lexicon(read_entries(path, nl), nl)


def page(path: str, *paragraphs: str, h1: str = "Titel") -> AuditPage:
    return AuditPage(url=SITE + path, title=h1, h1=h1, section=path.strip("/").split("/")[0], crawled_at="",
                     blocks=[("h1", h1), *(("p", p) for p in paragraphs)])


PAGES = [
    page("/wonen/schutting",
         "Voor een schutting op de perceelsgrens vraagt u een ontheffing aan. De aanvraag doet u online.",
         "De ontheffingsverlening duurt acht weken. Na de ontheffingsverlening mag u bouwen.",
         "Bij een geschil over de perceelsgrens helpt de buurtbemiddeling. Betaal de leges bij de aanvraag.",
         "Een boete krijgt u van het CJIB. Met de Wet maatschappelijke ondersteuning (Wmo) krijgt u hulp.",
         "De WMO-consulent belt u.",
         "De voorliggende voorzieningen gaan voor. Een maatwerkvoorziening vraagt u aan.", h1="Schutting plaatsen"),
    page("/wonen/erfafscheiding",
         "Staat de heg op de perceelsgrens? Dan is geen ontheffingsverlening nodig. De aanvraag is gratis.",
         "WMO (Wet maatschappelijke ondersteuning): u krijgt hulp. Het CJIB int de boete.",
         "Geen buurtbemiddeling nodig. Betaal de leges. Voorliggende voorzieningen eerst.",
         "Over de voorliggende voorziening leest u meer. Het OM beslist.", h1="Erfafscheiding"),
    page("/afval/grofvuil", "De aanvraag voor grofvuil doet u online. Wij halen het op.", h1="Grofvuil"),
]
QUERIES = ["buurtbemiddeling voorbeeldstad", "Gemeente Voorbeeldstad schutting", "grofvuil ophalen"]


def candidates(lexicon: Lexicon, pages: list[AuditPage] = PAGES, **options: object) -> pd.DataFrame:
    return discover_candidates(pages, lexicon, QUERIES, "nl", **options)


def test_rare_words_and_unexpanded_abbreviations_are_candidates_with_evidence(lexicon: Lexicon) -> None:
    found = candidates(lexicon)
    assert list(found.columns) == CANDIDATE_COLUMNS
    terms = dict(zip(found["term"], found["kind"], strict=True))
    assert terms.get("ontheffingsverlening") == "rare word"
    assert terms.get("perceelsgrens") == "rare word"
    assert terms.get("CJIB") == "abbreviation"
    row = found.set_index("term").loc["ontheffingsverlening"]
    assert row["occurrences"] == 3 and row["pages"] == 2 and row["in_queries"] == 0
    assert row["urls"] == [f"{SITE}/wonen/schutting", f"{SITE}/wonen/erfafscheiding"]  # most occurrences first
    assert row["zipf"] < 3.0 and row["score"] > 0
    assert "ontheffingsverlening" in row["example"]
    assert found["score"].is_monotonic_decreasing


def test_the_jargon_findings_stand_in_for_matching_the_lexicon_again(lexicon: Lexicon) -> None:
    findings = find_jargon(PAGES, lexicon)
    assert "voorliggende voorzieningen" in set(findings["matched"])  # the multi-word term the findings cover
    pd.testing.assert_frame_equal(candidates(lexicon, findings=findings), candidates(lexicon))
    # without the findings' spans, the words of the multi-word term would be proposed
    uncovered = candidates(lexicon, findings=findings[findings["term"] != "voorliggende voorziening"])
    assert "voorliggende" in set(uncovered["term"])


def test_common_searched_lexicon_and_expanded_words_are_not_candidates(lexicon: Lexicon) -> None:
    terms = set(candidates(lexicon)["term"])
    assert "aanvraag" not in terms  # frequent on the site, but common in general language
    assert "buurtbemiddeling" not in terms  # residents search for it: their own word
    assert "leges" not in terms and "maatwerkvoorziening" not in terms  # already in the lexicon
    assert not {"voorliggend", "voorliggende", "voorziening"} & terms  # part of a multi-word lexicon term
    assert "WMO" not in terms  # expanded on every page that uses it, after or before the expansion
    assert "OM" not in terms  # an abbreviation the lexicon has
    assert "voorbeeldstad" not in terms and "schutting" not in terms


def test_min_pages_limit_and_abbreviation_expanded_on_one_page_only(lexicon: Lexicon) -> None:
    pages = [*PAGES, page("/zorg/hulp", "De WMO regelt hulp. Bel de WMO-consulent.")]
    found = candidates(lexicon, pages)
    assert "WMO" not in set(found["term"])  # unexpanded on one page only: below min_pages
    found = candidates(lexicon, pages, min_pages=1)
    wmo = found.set_index("term").loc["WMO"]
    assert wmo["pages"] == 1 and wmo["urls"] == [f"{SITE}/zorg/hulp"]
    assert len(candidates(lexicon, limit=1)) == 1


def test_proper_nouns_shouting_and_roman_numerals_are_not_candidates(lexicon: Lexicon) -> None:
    pages = [page(f"/nieuws/{i}", "Het Stadskantoor Voorbeeldstad aan de Kerkstraat is dicht. LET OP: VERPLICHT VELD.",
                  "Lees hoofdstuk III van de nota.") for i in range(3)]
    assert candidates(lexicon, pages).empty


def test_ten_thousand_pages_take_seconds(lexicon: Lexicon) -> None:
    many = [page(f"/p/{i}", *(p for _, p in PAGES[i % 2].blocks[1:]), f"Uniekwoord{i} staat hier.")
            for i in range(10_000)]
    started = time.perf_counter()
    found = candidates(lexicon, many)
    assert time.perf_counter() - started < 30
    assert found.set_index("term").loc["ontheffingsverlening", "pages"] == 10_000
