"""Search Console exports into the one normalised table."""

from __future__ import annotations

import codecs
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from helder.config import Workspace
from helder.demo import SEARCH_CONSOLE_EXPORT
from helder.errors import HelderError
from helder.terms.normalise import normalise_query
from helder.terms.numbers import parse_float, parse_int
from helder.terms.store import import_terms, load_terms


def test_demo_export_imports_every_table_with_its_period(workspace: Workspace) -> None:
    result = import_terms(workspace, SEARCH_CONSOLE_EXPORT)
    assert result.period == (date(2026, 8, 1), date(2026, 10, 31))
    frame = load_terms(workspace)
    assert set(frame["dimensions"]) == {"query", "page", "query+page"}
    assert frame[frame["dimensions"] == "query"]["query"].nunique() >= 300
    row = frame[(frame["dimensions"] == "query+page") & (frame["query"] == "hulp in huis")].iloc[0]
    assert row["page"].endswith("/wmo-maatwerkvoorziening-huishoudelijke-ondersteuning")
    assert row["clicks"] <= row["impressions"]
    assert 0 <= row["ctr"] <= 1
    assert row["period_start"] == "2026-08-01" and row["source"] == "search-console"


def test_reimport_of_the_same_period_does_not_double_count(workspace: Workspace) -> None:
    import_terms(workspace, SEARCH_CONSOLE_EXPORT)
    first = load_terms(workspace)["impressions"].sum()
    again = import_terms(workspace, SEARCH_CONSOLE_EXPORT)
    assert again.replaced == again.rows
    assert load_terms(workspace)["impressions"].sum() == first


def test_another_period_stays_separate(workspace: Workspace, tmp_path: Path) -> None:
    export = tmp_path / "Queries.csv"
    export.write_text("Top queries,Clicks,Impressions,CTR,Position\nbulky waste,3,100,3%,4.5\n", encoding="utf-8")
    import_terms(workspace, export, (date(2026, 1, 1), date(2026, 1, 31)))
    import_terms(workspace, export, (date(2026, 2, 1), date(2026, 2, 28)))
    frame = load_terms(workspace)
    assert sorted(frame["period_start"]) == ["2026-01-01", "2026-02-01"]


def test_dutch_numbers_and_english_headers(workspace: Workspace, tmp_path: Path) -> None:
    nl = tmp_path / "nl.csv"
    nl.write_text('Populairste zoekopdrachten,Klikken,Vertoningen,CTR,Positie\n'
                  '"paspoort kwijt",12,"1.340","0,9%","7,2"\n', encoding="utf-8")
    import_terms(workspace, nl)
    row = load_terms(workspace).iloc[0]
    assert (row["clicks"], row["impressions"], row["ctr"], row["position"]) == (12, 1340, pytest.approx(0.009), 7.2)


def test_semicolon_utf16_and_zip_exports(workspace: Workspace, tmp_path: Path) -> None:
    text = "Zoekopdracht;Pagina;Klikken;Vertoningen;CTR;Positie\nhulp in huis;https://www.voorbeeldstad.nl/a#x;1;10;10%;3,0\n"
    utf16 = tmp_path / "export.csv"
    utf16.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("Queries.csv", "\ufeffTop queries,Clicks,Impressions,CTR,Position\nwmo,1,5,20%,2.0\n")
        zf.writestr("Devices.csv", "Device,Clicks,Impressions,CTR,Position\nMobile,1,5,20%,2.0\n")
    import_terms(workspace, utf16)
    result = import_terms(workspace, archive)
    frame = load_terms(workspace)
    assert frame[frame["dimensions"] == "query+page"]["page"].tolist() == ["https://www.voorbeeldstad.nl/a"]
    assert frame[frame["dimensions"] == "query"]["query"].tolist() == ["wmo"]
    assert result.skipped == [f"{archive}:Devices.csv"]


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the file is empty"),
    (b"naam,leeftijd\nJan,40\n", "not a search-terms export Helder knows"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text export"),
    (codecs.BOM_UTF16_LE + "Top queries,Clicks".encode("utf-16-le")[:-1], "UTF-16 text is cut off"),
    (b"Top queries,Clicks,Impressions,CTR,Position\nwmo,veel,5,20%,2.0\n", "row 2"),
])
def test_bad_files_give_one_line_error_and_store_nothing(workspace: Workspace, tmp_path: Path, content: bytes,
                                                        message: str) -> None:
    import_terms(workspace, SEARCH_CONSOLE_EXPORT)
    before = load_terms(workspace)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    with pytest.raises(HelderError, match=message) as error:
        import_terms(workspace, bad)
    assert str(bad) in str(error.value) and "\n" not in str(error.value)
    pd.testing.assert_frame_equal(load_terms(workspace), before)


@pytest.mark.parametrize(("query", "expected"), [
    ("Gemeente Voorbeeldstad paspoort", "paspoort"),
    ("paspoort voorbeeldstad", "paspoort"),
    ("  Paspoort!  ", "paspoort"),
    ("wonen in voorbeeldstad", "wonen"),
    ("uittreksel  BRP gemeente", "uittreksel brp"),
    ("één keer grofvuil", "een keer grofvuil"),
    ("gemeente voorbeeldstad", "gemeente voorbeeldstad"),  # nothing left but the name: keep it
])
def test_query_normalisation(query: str, expected: str) -> None:
    assert normalise_query(query, ("voorbeeldstad",), "nl") == expected


def test_locale_numbers() -> None:
    assert parse_int("1.234") == 1234 and parse_int("1,234") == 1234 and parse_int("17") == 17
    assert parse_float("3,4%") == pytest.approx(0.034) and parse_float("2.7%") == pytest.approx(0.027)
    assert parse_float("1.234,5") == 1234.5 and parse_float("7,2") == 7.2
