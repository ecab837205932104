"""The review workbook and CSV files: sheets, frozen filterable headers, the decision drop-down, numbers as
numbers, links, and crawled text that never becomes a formula."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from helder.audit.run import run_audit
from helder.config import Workspace
from helder.report.csv_tables import write_csv_tables
from helder.report.run import write_reports
from helder.report.xlsx import write_xlsx_report
from helder.review.sheets import TEXT, URL, Column, Table
from tests.conftest import make_workspace
from tests.helpers import HULP_PAGE, only_test_lexicon, store_pages, store_terms

# Crawled text that spreadsheet programs would run as formulas if it were written as one.
FORMULA_PAGE = [
    ("h1", '=HYPERLINK("https://evil.example/","Klik hier")'),
    ("p", "+31 6 12345678 is geen nummer dat wij gebruiken indien u belt."),
    ("p", "-2+3 keer betaalt u de leges."),
    ("p", "@SUM(A1:A9) staat hier zomaar."),
    ("p", "Neem uw zorgpasje mee."),
]


def _audited(ws: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Workspace:
    only_test_lexicon(monkeypatch, tmp_path)
    store_pages(ws, {"/zorg/hulp": [*HULP_PAGE, ("p", "Neem uw zorgpasje mee.")], "/afval/formule": FORMULA_PAGE})
    store_terms(ws, [("hulp in huis", "/zorg/hulp", 30, 900), ("schoonmaakhulp", "/zorg/hulp", 3, 90),
                     ("afval formule", "/afval/formule", 1, 10)])
    run_audit(ws, show_progress=False)
    write_reports(ws)
    return ws


@pytest.fixture
def dutch(workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Workspace:
    return _audited(workspace, monkeypatch, tmp_path)


def _rows(sheet) -> dict[str, dict[str, object]]:
    header = [c.value for c in sheet[1]]
    return {row[0]: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)}


def test_workbook_has_the_five_sheets_each_with_a_frozen_filterable_header(dutch: Workspace) -> None:
    book = load_workbook(dutch.reports_dir / "jargon.xlsx")
    assert book.sheetnames == ["Samenvatting", "Termen", "Pagina's", "Taken", "Kandidaten"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        last = sheet.cell(row=1, column=sheet.max_column).column_letter
        assert sheet.auto_filter.ref == f"A1:{last}{max(2, sheet.max_row)}", sheet.title
        assert all(sheet.cell(row=1, column=c).font.b for c in range(1, sheet.max_column + 1))
    terms = book["Termen"]
    assert [c.value for c in terms[1]][:6] == ["Term", "Gewoon woord", "Beslissing", "Eigen alternatief",
                                               "Beoordelaar", "Datum"]
    assert terms.auto_filter.ref == f"A1:P{terms.max_row}"
    assert 10 <= terms.column_dimensions["A"].width <= 60
    assert terms.column_dimensions["M"].width == 60  # the example sentence is long: capped, wrapped
    assert set(_rows(terms)) == {"huishoudelijke ondersteuning", "in aanmerking komen voor", "indien", "leges",
                                 "maatwerkvoorziening"}
    candidates = _rows(book["Kandidaten"])
    assert candidates["zorgpasje"]["Pagina's"] == 2 and candidates["zorgpasje"]["Soort"] == "zeldzaam woord"
    assert candidates["zorgpasje"]["Voorbeeldpagina"].startswith("https://www.voorbeeldstad.nl/")


def test_decision_columns_offer_a_drop_down_over_exactly_their_rows(dutch: Workspace) -> None:
    book = load_workbook(dutch.reports_dir / "jargon.xlsx")
    for name, column in (("Termen", "C"), ("Kandidaten", "D")):
        sheet = book[name]
        validations = sheet.data_validations.dataValidation
        assert len(validations) == 1
        validation = validations[0]
        assert validation.type == "list"
        assert validation.formula1 == '"akkoord,afgewezen,aangepast"'
        last = sheet.max_row
        assert last >= 2
        assert str(validation.sqref) == (f"{column}2" if last == 2 else f"{column}2:{column}{last}")
        assert validation.showErrorMessage and validation.allow_blank
        assert sheet[f"{column}1"].value == "Beslissing"


def test_numbers_are_numbers_and_addresses_are_links(dutch: Workspace) -> None:
    book = load_workbook(dutch.reports_dir / "jargon.xlsx")
    leges = _rows(book["Termen"])["leges"]
    assert leges["Vindplaatsen"] == 2 and isinstance(leges["Vindplaatsen"], int)
    assert leges["Pagina's"] == 2
    assert leges["Vertoningen"] == 1000  # both pages' impressions: 900 + 90 + 10
    pages = book["Pagina's"]
    header = [c.value for c in pages[1]]
    for row in pages.iter_rows(min_row=2):
        cells = dict(zip(header, row, strict=True))
        assert isinstance(cells["Leesbaarheid"].value, int | float) and cells["Leesbaarheid"].data_type == "n"
        assert isinstance(cells["Woorden"].value, int)
        assert cells["Lange zinnen"].number_format == "0%" and cells["Lange zinnen"].data_type == "n"
        assert cells["Adres"].hyperlink.target == cells["Adres"].value
        assert cells["Adres"].value.startswith("https://www.voorbeeldstad.nl/")
    tasks = _rows(book["Taken"])
    assert tasks["hulp in huis"]["Vertoningen"] == 990
    assert tasks["hulp in huis"]["Adres"] == "https://www.voorbeeldstad.nl/zorg/hulp"
    summary = {row[0]: row[1] for row in book["Samenvatting"].iter_rows(min_row=2, values_only=True)}
    assert summary["Pagina's onderzocht"] == 2 and summary["Jargontermen gevonden"] == 5
    assert summary["Beoordelaar"] is None  # the one cell on the summary a reviewer fills in


def test_crawled_text_that_looks_like_a_formula_stays_text(dutch: Workspace) -> None:
    path = dutch.reports_dir / "jargon.xlsx"
    book = load_workbook(path)
    title = '=HYPERLINK("https://evil.example/","Klik hier")'
    page = next(r for r in book["Pagina's"].iter_rows(min_row=2) if r[0].value == title)
    assert page[0].data_type == "s"
    # Example sentences come from the first page (by address) among those where the term is most frequent.
    examples = {r[0].value: r[12] for r in book["Termen"].iter_rows(min_row=2)}
    assert examples["indien"].value == "+31 6 12345678 is geen nummer dat wij gebruiken indien u belt."
    assert examples["leges"].value == "-2+3 keer betaalt u de leges."
    assert examples["indien"].data_type == examples["leges"].data_type == "s"
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets
        for name in sheets:
            assert "<f>" not in archive.read(name).decode("utf-8"), name  # no cell holds a formula


def test_formula_safety_and_links_for_every_kind_of_value(tmp_path: Path) -> None:
    table = Table("terms", "Termen", [Column("term", "Term", TEXT), Column("example_page", "Pagina", URL)], [
        {"term": "=1+1", "example_page": "javascript:alert(1)"},
        {"term": "+cmd|' /C calc'!A0", "example_page": "https://www.voorbeeldstad.nl/a"},
        {"term": "-5", "example_page": "ftp://files.example/x"},
        {"term": "@SUM(1)", "example_page": ""},
        {"term": "gewoon\x07woord", "example_page": "http://www.voorbeeldstad.nl/b"},
    ])
    path = write_xlsx_report(tmp_path / "t.xlsx", "nl", [table])
    sheet = load_workbook(path)["Termen"]
    cells = [(r[0], r[1]) for r in sheet.iter_rows(min_row=2)]
    assert [c.value for c, _ in cells] == ["=1+1", "+cmd|' /C calc'!A0", "-5", "@SUM(1)", "gewoonwoord"]
    assert all(c.data_type == "s" for c, _ in cells)
    links = [link.hyperlink.target if link.hyperlink else None for _, link in cells]
    assert links == [None, "https://www.voorbeeldstad.nl/a", None, None, "http://www.voorbeeldstad.nl/b"]


def test_english_workspace_gets_english_sheets_and_decision_words(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    ws = _audited(make_workspace(tmp_path / "en", language="en"), monkeypatch, tmp_path)
    book = load_workbook(ws.reports_dir / "jargon.xlsx")
    assert book.sheetnames == ["Summary", "Terms", "Pages", "Tasks", "Candidates"]
    terms = book["Terms"]
    assert terms["C1"].value == "Decision" and terms["D1"].value == "Own alternative"
    assert terms.data_validations.dataValidation[0].formula1 == '"accepted,rejected,edited"'
    text = (ws.reports_dir / "pages.csv").read_bytes()
    assert text.startswith(b"\xef\xbb\xbfTitle,Address,Theme,Readability,")


def test_csv_files_open_in_dutch_excel(dutch: Workspace) -> None:
    folder = dutch.reports_dir
    for name in ("summary", "terms", "pages", "tasks", "candidates", "review"):
        assert (folder / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf"), name  # UTF-8 with BOM
    pages = (folder / "pages.csv").read_text(encoding="utf-8-sig").splitlines()
    assert pages[0].startswith("Titel;Adres;Thema;Leesbaarheid;Woorden;")
    hulp = next(line.split(";") for line in pages if "/zorg/hulp" in line)
    assert "," in hulp[3] and "." not in hulp[3]  # readability with a decimal comma
    assert float(hulp[3].replace(",", ".")) > 0
    formula = next(line for line in pages if "HYPERLINK" in line)
    assert formula.startswith("\"'=HYPERLINK(") or formula.startswith("'=HYPERLINK(")
    review = (folder / "review.csv").read_text(encoding="utf-8-sig").splitlines()
    assert review[0] == "Term;Soort;Huidig alternatief;Beslissing;Eigen alternatief;Beoordelaar;Datum"
    assert "leges;term;kosten;;;;" in review


def test_csv_numbers_use_the_language_decimal_mark(tmp_path: Path) -> None:
    table = Table("pages", "Pagina's", [Column("title", "Titel", TEXT), Column("readability", "Leesbaarheid", "float")],
                  [{"title": "Één; twee", "readability": 61.25}])
    write_csv_tables(tmp_path / "nl", "nl", [table])
    write_csv_tables(tmp_path / "en", "en", [table])
    dutch = (tmp_path / "nl" / "pages.csv").read_bytes().decode("utf-8-sig")
    english = (tmp_path / "en" / "pages.csv").read_bytes().decode("utf-8-sig")
    assert dutch == 'Titel;Leesbaarheid\r\n"Één; twee";61,25\r\n'
    assert english == "Titel,Leesbaarheid\r\nÉén; twee,61.25\r\n"
