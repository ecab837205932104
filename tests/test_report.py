"""The reviewers' reports: escaped HTML that opens offline, and a workbook Excel users can filter."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from helder.audit.run import run_audit
from helder.config import Workspace
from helder.report.run import write_reports
from tests.helpers import HULP_PAGE, only_test_lexicon, store_pages, store_terms

HOSTILE = [
    ("h1", "Leges <script>alert('titel')</script>"),
    ("p", "De leges zijn hoog <img src=x onerror=alert(1)> en <a href=\"javascript:alert(2)\">klik</a>."),
]


@pytest.fixture
def reports(workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[str, Path]:
    only_test_lexicon(monkeypatch, tmp_path)
    store_pages(workspace, {"/zorg/hulp": HULP_PAGE, "/afval/kwaad": HOSTILE})
    store_terms(workspace, [("hulp in huis", "/zorg/hulp", 3, 90), ("<b>vet</b> zoeken", "/afval/kwaad", 1, 10)])
    run_audit(workspace, show_progress=False)
    paths = write_reports(workspace)
    return paths.html.read_text(encoding="utf-8"), paths.xlsx


def test_html_report_lists_terms_with_plain_words_pages_and_queries(reports: tuple[str, Path]) -> None:
    html, _ = reports
    assert "<title>Jargonrapport — Gemeente Voorbeeldstad</title>" in html
    assert '<html lang="nl">' in html
    row = re.search(r'<tr data-filter="huishoudelijke ondersteuning.*?</tr>', html, re.S).group(0)
    assert "hulp bij het huishouden" in row and "hulp in huis" in row
    assert "<mark>huishoudelijke ondersteuning</mark>" in row
    assert row.count('href="https://www.voorbeeldstad.nl/zorg/hulp"') == 3  # two examples and the page list


def test_html_report_escapes_crawled_text(reports: tuple[str, Path]) -> None:
    html, _ = reports
    assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript:' not in html
    assert "&lt;script&gt;alert(&#39;titel&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<b>vet" not in html  # queries are normalised to words before they reach a report
    # The only script is our own sorting/filtering code.
    assert html.count("<script>") == 1


def test_html_report_is_self_contained(reports: tuple[str, Path]) -> None:
    html, _ = reports
    assert not re.search(r'<(link|script|img)[^>]+(href|src)="(https?:)?//', html)
    assert "@import" not in html


def test_workbook_has_filterable_sheets_with_numbers(reports: tuple[str, Path]) -> None:
    _, xlsx = reports
    book = load_workbook(xlsx)
    assert book.sheetnames == ["Termen", "Vindplaatsen", "Pagina's"]
    terms = book["Termen"]
    assert terms.freeze_panes == "A2"
    assert terms.auto_filter.ref.startswith("A1:")
    header = [c.value for c in terms[1]]
    assert header[:6] == ["Term", "Gewoon woord", "Alternatieven", "Soort", "Vindplaatsen", "Pagina's"]
    rows = {r[0]: r for r in terms.iter_rows(min_row=2, values_only=True)}
    assert rows["leges"][1] == "kosten"
    assert rows["leges"][4] == 3 and isinstance(rows["leges"][4], int)
    pages = book["Pagina's"]
    assert all(isinstance(r[2], float) for r in pages.iter_rows(min_row=2, values_only=True))
