"""The reviewers' reports as files: one self-contained folder, escaped crawled text, and the pieces it is built from.

Browser behaviour (scripts, filters, sorting, charts) is in test_report_html.py; the workbook in test_report_xlsx.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from helder.config import Workspace
from helder.report.html import safe_url
from helder.report.model import anonymised_share, highlight, statuses
from helder.report.run import write_reports
from tests.report_fixture import audited

PAGES = ("index", "terms", "pages", "tasks", "candidates")


@pytest.fixture
def folder(workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    audited(workspace, monkeypatch, tmp_path)
    paths = write_reports(workspace)
    assert paths.html == workspace.reports_dir / "index.html"
    return paths.html.parent


def test_report_is_one_folder_of_pages_with_the_old_name_redirecting(folder: Path) -> None:
    for name in PAGES:
        html = (folder / f"{name}.html").read_text(encoding="utf-8")
        assert '<html lang="nl">' in html
        assert all(f'href="{other}.html"' in html for other in PAGES)  # every page reaches every other
    assert '<meta http-equiv="refresh" content="0; url=index.html">' in (folder / "jargon.html").read_text()
    terms = (folder / "terms.html").read_text(encoding="utf-8")
    assert "<title>Termen · Jargonrapport — Gemeente Voorbeeldstad</title>" in terms
    row = re.search(r'<tr data-theme="zorg" data-category="product".*?</tr>', terms, re.S).group(0)
    assert "hulp bij het huishouden" in row and "hulp in huis" in row
    assert "<mark>huishoudelijke ondersteuning</mark>" in row


def test_crawled_text_is_escaped_everywhere(folder: Path) -> None:
    for name in PAGES:
        html = (folder / f"{name}.html").read_text(encoding="utf-8")
        assert "<script>window" not in html and "<img" not in html and 'href="javascript:' not in html
        assert "<b>vet" not in html  # queries are normalised to words before they reach a report
        assert html.count("<script>") == 1, name  # the only script is our own sorting/filtering code
    terms = (folder / "terms.html").read_text(encoding="utf-8")
    assert "Leges &lt;script&gt;window.__pwned = &#39;h1&#39;; document.title = &#39;pwned&#39;&lt;/script&gt;" in terms
    assert "&lt;img src=x onerror=&#34;window.__pwned = &#39;img&#39;&#34;&gt;" in terms
    assert "javascript:window.__pwned=&#39;tekst&#39;" in terms


def test_report_is_self_contained(folder: Path) -> None:
    for path in folder.glob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r'<(link|script|img|iframe)[^>]+(href|src)=', html), path.name
        assert "@import" not in html and "url(" not in html and "@font-face" not in html


def test_highlight_marks_every_occurrence_from_offsets_and_escapes_nothing_itself() -> None:
    text = "Kop\n\nDe leges en <b>leges</b> zijn hoog."
    sentence = "De leges en <b>leges</b> zijn hoog."
    at = text.index(sentence)
    spans = [(at + 3, at + 8, "leges"), (at + 15, at + 20, "leges")]
    assert highlight(text, sentence, spans) == [("De ", False), ("leges", True), (" en <b>", False),
                                                ("leges", True), ("</b> zijn hoog.", False)]
    # The page changed since the audit (offsets point elsewhere): the matched form is searched instead.
    assert highlight("", sentence, [(99, 104, "leges")]) == [("De ", False), ("leges", True),
                                                             (" en <b>leges</b> zijn hoog.", False)]


def test_long_context_around_a_mark_is_cut_at_a_word() -> None:
    sentence = "woord " * 60 + "leges " + "ander " * 60
    pieces = highlight(sentence, sentence, [(360, 365, "leges")])
    assert pieces[1] == ("leges", True)
    assert pieces[0][0].startswith("…woord") and len(pieces[0][0]) <= 161
    assert pieces[2][0].endswith("ander …") and len(pieces[2][0]) <= 163


def test_only_http_urls_become_links() -> None:
    assert safe_url("https://www.voorbeeldstad.nl/a") == "https://www.voorbeeldstad.nl/a"
    assert safe_url("javascript:alert(1)") == "#"
    assert safe_url(" JavaScript:alert(1)") == "#"
    assert safe_url("data:text/html,<script>") == "#"


def test_anonymised_share_compares_the_query_table_with_the_page_table() -> None:
    rows = [("query", 600), ("query", 150), ("page", 1000), ("query+page", 400)]
    terms = pd.DataFrame({"dimensions": [d for d, _ in rows], "impressions": [i for _, i in rows],
                          "source": "search-console", "period_start": "2026-08-01", "period_end": "2026-10-31"})
    assert anonymised_share(terms) == pytest.approx(0.25)
    assert anonymised_share(terms[terms["dimensions"] != "page"]) is None  # nothing to compare with


def test_the_latest_decision_per_term_sets_its_status() -> None:
    decisions = pd.DataFrame([
        {"term": "Leges", "kind": "term", "decision": "afgewezen", "plain": "", "reviewer": "Anna",
         "decided_at": "2026-11-01T09:00:00"},
        {"term": "leges", "kind": "term", "decision": "aangepast", "plain": "kosten", "reviewer": "Bram",
         "decided_at": "2026-11-05T09:00:00"},
        {"term": "leges", "kind": "candidate", "decision": "akkoord", "plain": "", "reviewer": "Anna",
         "decided_at": "2026-11-09T09:00:00"},
    ])
    assert statuses(decisions, "term") == {"leges": {"status": "edited", "plain": "kosten", "reviewer": "Bram",
                                                     "decided_at": "2026-11-05T09:00:00"}}
    assert statuses(decisions, "candidate")["leges"]["status"] == "accepted"
    assert statuses(decisions.iloc[0:0], "term") == {}
