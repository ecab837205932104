"""Search-terms files other than Search Console's ZIP: Matomo, GA4, XLSX, plain counts, --columns."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from helder.errors import HelderError
from helder.terms.files import FRAME_COLUMNS, ParsedTerms, parse_columns, read_search_terms

GA4 = (
    "# ----------------------------------------\n"
    "# Search terms\n"
    "# Account: Gemeente Voorbeeldstad\n"
    "# ----------------------------------------\n"
    "#\n"
    "# Start date: 20260801\n"
    "# End date: 20261031\n"
    "Search term,Page path,Event count\n"
    ",,523\n"
    "paspoort aanvragen,/paspoort,412\n"
    "(not set),/,9\n"
    '"afval, grof",/afval,"1,234"\n'
)


def _one(parsed: ParsedTerms) -> pd.DataFrame:
    assert len(parsed.frames) == 1
    frame = parsed.frames[0]
    assert list(frame.columns) == FRAME_COLUMNS
    return frame


def test_matomo_utf16_tab_export(tmp_path: Path) -> None:
    text = ("label\tnb_visits\tnb_pages_per_search\texit_nb_visits\n"
            "paspoort\t120\t1.2\t10\n"
            "grofvuil ophalen\t1.045\t1\t3\n")
    path = tmp_path / "export.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    parsed = read_search_terms(path)
    frame = _one(parsed)
    assert parsed.source == "matomo" and parsed.period is None
    assert frame["query"].tolist() == ["paspoort", "grofvuil ophalen"]
    assert frame["searches"].tolist() == [120, 1045]
    assert not frame["no_result"].any()
    assert set(frame["source"]) == {"matomo"} and set(frame["dimensions"]) == {"query"}
    assert frame["clicks"].isna().all()


@pytest.mark.parametrize(("name", "text"), [
    ("export.csv", "label,nb_visits,exit_rate\nparkeervergunning kosten,17,80%\n"),
    ("Site search no result keywords.csv", "label,nb_visits\nparkeervergunning kosten,17\n"),
    ("export.csv", "Keyword with No Search Result,Searches\nparkeervergunning kosten,17\n"),
])
def test_matomo_no_result_report(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    frame = _one(read_search_terms(path))
    assert frame["no_result"].tolist() == [True]
    assert (frame["query"].iloc[0], frame["searches"].iloc[0]) == ("parkeervergunning kosten", 17)


def test_matomo_dutch_ui_headers(tmp_path: Path) -> None:
    path = tmp_path / "zoekwoorden.csv"
    path.write_text("Zoekwoord;Zoekopdrachten;Zoekresultatenpagina's;% verlaten na zoeken\nwmo;8;1;12%\n",
                    encoding="utf-8")
    frame = _one(read_search_terms(path))
    assert (frame["query"].iloc[0], frame["searches"].iloc[0], frame["no_result"].iloc[0]) == ("wmo", 8, False)


def test_ga4_csv_with_comments_reads_period_and_skips_totals(tmp_path: Path) -> None:
    path = tmp_path / "ga4.csv"
    path.write_text(GA4, encoding="utf-8")
    parsed = read_search_terms(path)
    frame = _one(parsed)
    assert parsed.source == "ga4" and parsed.period == (date(2026, 8, 1), date(2026, 10, 31))
    assert frame["query"].tolist() == ["paspoort aanvragen", "afval, grof"]
    assert frame["searches"].tolist() == [412, 1234]
    assert frame["page"].tolist() == ["/paspoort", "/afval"]
    assert set(frame["dimensions"]) == {"query+page"}


def test_ga4_dutch_without_period(tmp_path: Path) -> None:
    path = tmp_path / "ga4.csv"
    path.write_text("Zoekterm,Aantal gebeurtenissen\nhondenbelasting,31\n", encoding="utf-8")
    parsed = read_search_terms(path)
    assert parsed.source == "ga4" and parsed.period is None
    assert _one(parsed)["searches"].tolist() == [31]


def _xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def test_xlsx_search_console_queries_on_a_later_sheet(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "Prestaties.xlsx", {
        "Diagram": [["Datum", "Klikken"], ["2026-08-01", 3]],
        "Zoekopdrachten": [["Populairste zoekopdrachten", "Klikken", "Vertoningen", "CTR", "Positie"],
                           ["paspoort kwijt", 12, 1340, 0.009, 7.2]],
    })
    parsed = read_search_terms(path)
    frame = _one(parsed)
    assert parsed.source == "search-console"
    row = frame.iloc[0]
    assert (row["query"], row["clicks"], row["impressions"], row["position"]) == ("paspoort kwijt", 12, 1340, 7.2)
    assert row["ctr"] == pytest.approx(0.009) and row["dimensions"] == "query" and pd.isna(row["searches"])


def test_xlsx_search_console_workbook_reads_queries_pages_and_period(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "Performance.xlsx", {
        "Chart": [["Date", "Clicks", "Impressions", "CTR", "Position"], ["2026-08-01", 3, 40, 0.075, 5.0]],
        "Queries": [["Top queries", "Clicks", "Impressions", "CTR", "Position"], ["wmo", 2, 20, 0.1, 3.0]],
        "Pages": [["Top pages", "Clicks", "Impressions", "CTR", "Position"], ["https://x.nl/wmo", 5, 50, 0.1, 2.5]],
        "Filters": [["Filter", "Value"], ["Date", "2026-08-01 - 2026-10-31"]],
    })
    parsed = read_search_terms(path)
    assert parsed.period == (date(2026, 8, 1), date(2026, 10, 31))
    assert [(f["dimensions"].iloc[0], f["clicks"].iloc[0]) for f in parsed.frames] == [("query", 2), ("page", 5)]
    assert parsed.skipped == [f"{path}:Chart"]


def test_xlsx_ga4_with_comment_rows_and_title_rows(tmp_path: Path) -> None:
    rows: list[list[object]] = [[line] for line in GA4.splitlines()[:7]]
    rows += [["Search term", "Event count"], ["paspoort aanvragen", 412], ["afvalkalender", 77.0]]
    parsed = read_search_terms(_xlsx(tmp_path / "ga4.xlsx", {"Blad1": rows}))
    frame = _one(parsed)
    assert parsed.source == "ga4" and parsed.period == (date(2026, 8, 1), date(2026, 10, 31))
    assert dict(zip(frame["query"], frame["searches"], strict=True)) == {"paspoort aanvragen": 412,
                                                                         "afvalkalender": 77}


def test_plain_query_count_cp1252_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "termen.csv"
    path.write_bytes("zoekterm;aantal\néén keer grofvuil;1.200\ncrèche;5\n".encode("cp1252"))
    parsed = read_search_terms(path)
    frame = _one(parsed)
    assert parsed.source == "file"
    assert frame["query"].tolist() == ["één keer grofvuil", "crèche"]
    assert frame["searches"].tolist() == [1200, 5]


def test_search_console_date_comparison_takes_current_period(tmp_path: Path) -> None:
    path = tmp_path / "Queries.csv"
    path.write_text(
        "Top queries,Clicks (Last 3 months),Clicks (Previous period),Impressions (Last 3 months),"
        "Impressions (Previous period),CTR (Last 3 months),CTR (Previous period),Position (Last 3 months),"
        "Position (Previous period)\nwmo,10,4,200,100,5%,4%,3.1,6.0\n", encoding="utf-8")
    row = _one(read_search_terms(path)).iloc[0]
    assert (row["clicks"], row["impressions"], row["position"]) == (10, 200, 3.1)
    assert row["ctr"] == pytest.approx(0.05)


def test_dutch_date_comparison_with_previous_first(tmp_path: Path) -> None:
    path = tmp_path / "Zoekopdrachten.csv"
    path.write_text("Populairste zoekopdrachten;Klikken (Vorige periode);Klikken (Afgelopen 3 maanden);"
                    "Vertoningen (Vorige periode);Vertoningen (Afgelopen 3 maanden)\nwmo;4;10;100;200\n",
                    encoding="utf-8")
    row = _one(read_search_terms(path)).iloc[0]
    assert (row["clicks"], row["impressions"]) == (10, 200)


def test_columns_mapping(tmp_path: Path) -> None:
    path = tmp_path / "siteimprove.csv"
    path.write_text("Datum,Zoekterm,Aantal,Resultaten\n2026-09-01,rijbewijs verlengen,33,4\n"
                    "2026-09-01,,2,0\n", encoding="utf-8")
    columns = parse_columns("query=Zoekterm, searches=aantal")
    assert columns == {"query": "Zoekterm", "searches": "aantal"}
    parsed = read_search_terms(path, columns)
    frame = _one(parsed)
    assert parsed.source == "file"
    assert frame["query"].tolist() == ["rijbewijs verlengen"] and frame["searches"].tolist() == [33]
    with pytest.raises(HelderError, match="Zoekvraag"):
        read_search_terms(path, {"query": "Zoekvraag"})
    with pytest.raises(HelderError, match="keys Helder knows"):
        parse_columns("vraag=Zoekterm")


def test_frames_of_every_source_store_together(tmp_path: Path) -> None:
    ga4 = tmp_path / "ga4.csv"
    ga4.write_text(GA4, encoding="utf-8")
    console = tmp_path / "Queries.csv"
    console.write_text("Top queries,Clicks,Impressions,CTR,Position\nwmo,1,5,20%,2.0\n", encoding="utf-8")
    frame = pd.concat([*read_search_terms(ga4).frames, *read_search_terms(console).frames], ignore_index=True)
    frame.to_parquet(tmp_path / "terms.parquet", index=False)
    back = pd.read_parquet(tmp_path / "terms.parquet")
    assert back["searches"].tolist()[:2] == [412, 1234] and pd.isna(back["searches"].iloc[2])
    assert back["clicks"].iloc[2] == 1 and back["source"].tolist() == ["ga4", "ga4", "search-console"]


@pytest.mark.parametrize(("content", "message"), [
    (b"naam,leeftijd\nJan,40\n", "not a search-terms export Helder knows \\(its columns: naam, leeftijd\\)"),
    (b"", "the file is empty"),
    (b"# Start date: 20260801\n# End date: 20261031\n", "no table after its comment lines"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text export"),
    (codecs.BOM_UTF16_LE + "label\tnb_visits\nwmo\t3".encode("utf-16-le")[:-1], "UTF-16 text is cut off"),
    (b"zoekterm;aantal\nwmo;veel\n", "row 2"),
])
def test_broken_files_give_one_line_error(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    with pytest.raises(HelderError, match=message) as error:
        read_search_terms(bad)
    assert str(bad) in str(error.value) and "\n" not in str(error.value)


def test_unknown_file_lists_every_accepted_format(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    _xlsx(bad, {"Blad1": [["naam", "leeftijd"], ["Jan", 40]]})
    with pytest.raises(HelderError) as error:
        read_search_terms(bad)
    text = str(error.value)
    for accepted in ("Search Console", "Matomo", "GA4", "query,count", "XLSX", "--columns"):
        assert accepted in text
    assert "\n" not in text
