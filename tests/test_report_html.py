"""The HTML report folder in headless Chromium: crawled text never runs, filters and sorting work, charts are drawn
from the data, and the generated task pages are linked and measured ("after")."""

from __future__ import annotations

from pathlib import Path

import pytest

from helder.config import Workspace
from helder.report.folder import write_html_folder
from tests.browser import axe_violations
from tests.conftest import make_workspace
from tests.report_fixture import SCRIPT_URL, audited, write_task_page

PAGES = ("index", "terms", "pages", "tasks", "candidates")


@pytest.fixture
def report(workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    audited(workspace, monkeypatch, tmp_path)
    return write_html_folder(workspace).parent


@pytest.fixture
def page(browser):
    tab = browser.new_page()
    yield tab
    tab.close()


def rows(page, table: str) -> list[list[str]]:
    """The visible rows of a table, as the text of their cells (first line of each)."""
    return page.eval_on_selector_all(
        f"#{table} tbody tr:not([hidden])",
        "rows => rows.map(r => Array.from(r.cells).map(c => c.innerText.trim().split('\\n')[0]))")


def test_no_crawled_script_runs_and_the_payload_shows_as_text(report: Path, page) -> None:
    for name in PAGES:
        page.goto((report / f"{name}.html").as_uri())
        page.eval_on_selector_all("details", "all => all.forEach(d => d.open = true)")
        assert page.evaluate("window.__pwned") is None, name
        assert page.title() != "pwned"
        assert page.locator("img").count() == 0  # the <img onerror> is text, not an element
        assert page.locator('a[href^="javascript:"]').count() == 0
        assert page.locator("script").count() == 1  # our own sorting/filtering code only
    page.goto((report / "terms.html").as_uri())
    page.eval_on_selector_all("details", "all => all.forEach(d => d.open = true)")
    text = page.inner_text("main")
    assert "Leges <script>window.__pwned = 'h1'; document.title = 'pwned'</script>" in text
    assert "<img src=x onerror=\"window.__pwned = 'img'\">" in text
    assert "<a href=\"javascript:window.__pwned = 'a'\">klik</a>" in text
    assert "javascript:window.__pwned='tekst'" in text
    # The page whose address is a script is listed by name, as a dead link.
    page.goto((report / "pages.html").as_uri())
    link = page.get_by_role("link", name="Raar adres")
    assert link.get_attribute("href") == "#"
    assert SCRIPT_URL not in (page.eval_on_selector_all("a", "all => all.map(a => a.href).join(' ')"))


def test_term_examples_mark_the_matched_words_at_their_offsets(report: Path, page) -> None:
    page.goto((report / "terms.html").as_uri())
    row = page.locator("#terms-table tbody tr", has=page.locator("strong", has_text="leges"))
    row.locator("summary").click()
    examples = row.locator("ul.examples li")
    texts = examples.all_inner_texts()
    assert len(texts) == 6  # six sentences hold "leges" (the heading, the hostile text and the odd address too)
    marks = row.locator("ul.examples mark").all_inner_texts()
    assert sorted(marks) == ["Leges", "Leges", "leges", "leges", "leges", "leges"]
    hostile = examples.filter(has_text="onerror")
    assert hostile.locator("mark").inner_text() == "Leges"
    assert hostile.inner_text().startswith("Leges <img src=x onerror=")
    assert hostile.locator("a").get_attribute("href") == "https://www.voorbeeldstad.nl/afval/kwaad"


def test_terms_sort_by_clicking_a_column_header(report: Path, page) -> None:
    page.goto((report / "terms.html").as_uri())
    header = page.get_by_role("button", name="Vindplaatsen")
    header.click()
    ascending = [(r[0], int(r[3])) for r in rows(page, "terms-table")]
    assert [n for _, n in ascending] == sorted(n for _, n in ascending)
    assert ascending[-1] == ("leges", 6)
    assert page.locator("th", has=header).get_attribute("aria-sort") == "ascending"
    header.click()
    descending = [(r[0], int(r[3])) for r in rows(page, "terms-table")]
    assert descending[0] == ("leges", 6) and [n for _, n in descending] == sorted((n for _, n in ascending),
                                                                                  reverse=True)
    page.get_by_role("button", name="Term").click()
    assert [r[0] for r in rows(page, "terms-table")] == sorted(r[0] for r in ascending)


def test_terms_filter_by_theme_category_status_and_text(report: Path, page) -> None:
    page.goto((report / "terms.html").as_uri())
    assert len(rows(page, "terms-table")) == 6
    page.select_option("#filter-theme", "zorg")
    assert sorted(r[0] for r in rows(page, "terms-table")) == [
        "huishoudelijke ondersteuning", "in aanmerking komen voor", "indien", "leges", "maatwerkvoorziening"]
    assert page.inner_text(".count") == "5 van 6 zichtbaar"
    page.select_option("#filter-theme", "afval")
    assert sorted(r[0] for r in rows(page, "terms-table")) == ["indien", "leges", "verstrekken"]
    page.select_option("#filter-category", "formeel")
    assert [r[0] for r in rows(page, "terms-table")] == ["indien"]
    page.select_option("#filter-category", "")
    page.select_option("#filter-theme", "")
    page.select_option("#filter-status", "accepted")
    assert [r[0] for r in rows(page, "terms-table")] == ["leges"]
    page.select_option("#filter-status", "")
    page.fill("#filter-text", "maatwerk")
    assert [r[0] for r in rows(page, "terms-table")] == ["maatwerkvoorziening"]


def test_status_follows_the_review_decisions(report: Path, page) -> None:
    page.goto((report / "terms.html").as_uri())
    status = {r[0]: r[6] for r in rows(page, "terms-table")}
    assert status == {"leges": "akkoord", "indien": "aangepast", "verstrekken": "afgewezen",
                      "huishoudelijke ondersteuning": "nieuw", "in aanmerking komen voor": "nieuw",
                      "maatwerkvoorziening": "nieuw"}
    indien = page.locator("#terms-table tbody tr", has=page.locator("strong", has_text="indien"))
    assert "Voorstel van de redactie: als het zo is" in indien.inner_text()
    assert "besloten door Bram, 2026-11-11" in indien.inner_text()


def test_pages_and_tasks_show_scores_queries_and_findability(report: Path, page) -> None:
    page.goto((report / "pages.html").as_uri())
    hulp = page.locator("#pages-table tbody tr", has=page.get_by_role("link", name="Wmo-maatwerkvoorziening"))
    assert "hulp in huis (90; positie 1)" in hulp.inner_text()
    page.get_by_role("button", name="Leesbaarheid").click()
    readability = [float(r[1].replace(",", ".")) for r in rows(page, "pages-table")]
    assert readability == sorted(readability) and len(readability) == 5
    page.select_option("#filter-theme", "afval")
    assert len(rows(page, "pages-table")) == 2
    page.select_option("#filter-theme", label="(overig)")  # pages outside any theme are a choice of their own
    assert [r[0] for r in rows(page, "pages-table")] == ["Raar adres"]
    page.select_option("#filter-theme", "")
    long = page.locator("#pages-table tbody tr", has=page.get_by_role("link", name="Parkeervergunning"))
    long.locator("summary").click()
    assert "Lange zinnen (1)" in long.inner_text()
    assert "U betaalt leges voor een vergunning" in long.locator("ul.sentences").inner_text()
    page.goto((report / "tasks.html").as_uri())
    page.get_by_role("button", name="Vertoningen").click()
    assert [r[0] for r in rows(page, "tasks-table")] == ["b vet b zoeken", "parkeervergunning",
                                                         "grofvuil ophalen", "hulp in huis"]


def test_charts_are_svg_drawn_from_the_data(report: Path, page) -> None:
    page.goto((report / "index.html").as_uri())
    readability = page.locator("#chart-readability svg")
    assert readability.locator("circle.point").count() == 5  # one dot per page with a score
    assert readability.locator("rect.median").count() == 4  # themes: afval, parkeren, zorg and the rest
    jargon = page.locator("#chart-jargon svg")
    bars = jargon.locator("rect.bar")
    assert bars.count() == 4
    # Jargon per 100 words per theme, largest first: the odd address 1 in 4, zorg 6 in 34, afval 6 in 42, ...
    assert [t.text_content() for t in bars.locator("title").all()] == [
        "(overig): 25", "zorg: 17,6", "afval: 14,3", "parkeren: 5"]
    findability = page.locator("#chart-findability svg")
    assert findability.locator("rect.bar.before").count() == 4
    assert findability.locator("rect.bar.after").count() == 0
    assert "nog geen nieuwe taakpagina's" in page.inner_text("#no-after")


def test_generated_task_pages_are_linked_and_measured_after(workspace: Workspace, monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path, page) -> None:
    audited(workspace, monkeypatch, tmp_path)
    markdown = write_task_page(workspace, "afval/grofvuil-ophalen.md", "Grofvuil ophalen", "/afval/grofvuil",
                               "Wilt u grofvuil ophalen laten? Maak een afspraak.\n\n## Kosten\n\nHet is gratis.")
    # The task residents search as "vet zoeken" is not found on the site today; its new page uses their words.
    write_task_page(workspace, "afval/vet-zoeken.md", "Vet zoeken", "/afval/kwaad", "Zo kunt u vet zoeken.")
    folder = write_html_folder(workspace).parent
    page.goto((folder / "tasks.html").as_uri())
    row = page.locator("#tasks-table tbody tr", has=page.locator("strong", has_text="grofvuil ophalen"))
    link = row.get_by_role("link", name="Grofvuil ophalen")
    assert (folder / link.get_attribute("href")).resolve() == markdown.resolve()
    assert "Na: 100%" in row.inner_text()
    page.goto((folder / "index.html").as_uri())
    after = page.locator("#chart-findability rect.bar.after title").all()
    assert [t.text_content() for t in after] == ["grofvuil ophalen — Nieuwe taakpagina's: 100",
                                                 "b vet b zoeken — Nieuwe taakpagina's: 100"]
    assert page.locator("#no-after").count() == 0
    assert page.inner_text("#findability-totals") == (
        "Taken gevonden in de top 3: 3 van 4 nu, 4 met de nieuwe pagina's.")


def test_report_folder_has_no_accessibility_violations(report: Path, page) -> None:
    for name in PAGES:
        page.goto((report / f"{name}.html").as_uri())
        assert axe_violations(page) == [], name


def test_english_workspace_gets_english_labels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page) -> None:
    ws = audited(make_workspace(tmp_path / "en", language="en"), monkeypatch, tmp_path, decisions=False)
    folder = write_html_folder(ws).parent
    page.goto((folder / "terms.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.title() == "Terms · Jargon report — Gemeente Voorbeeldstad"
    page.select_option("#filter-status", "new")
    assert page.inner_text(".count") == "6 of 6 shown"
    page.goto((folder / "index.html").as_uri())
    assert page.get_by_role("heading", name="Stand-outs").count() == 1


def test_demo_produces_the_full_report_folder(demo_run, page) -> None:
    ws, done = demo_run
    assert f"report {ws.reports_dir / 'index.html'}" in done.stdout.replace("\n", "")
    for name in PAGES:
        assert (ws.reports_dir / f"{name}.html").stat().st_size < 3_000_000, name  # capped lists keep pages light
    page.goto((ws.reports_dir / "index.html").as_uri())
    assert page.locator("#chart-readability circle.point").count() >= 60  # every demo page with a score
    assert page.locator("#chart-findability rect.bar.after").count() > 0  # the demo generates, then reports again
    page.goto((ws.reports_dir / "pages.html").as_uri())
    generated = page.locator("#pages-table a[href$='/index.html']")
    assert generated.count() > 20  # task pages linked to the built site
    target = ws.reports_dir / generated.first.get_attribute("href")
    assert target.resolve().is_relative_to(ws.site_dir.resolve()) and target.exists()
