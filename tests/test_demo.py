"""`helder demo` end to end: served over HTTP, crawled, imported, audited, reported, generated and built."""

from __future__ import annotations

import sqlite3
import subprocess

import pandas as pd
import pytest
import yaml
from openpyxl import load_workbook

from helder.config import Workspace
from helder.demo.server import DemoSite

Demo = tuple[Workspace, subprocess.CompletedProcess[str]]
TEMPLATE_ONLY_LINES = ["Naar de inhoud", "Zoeken op de website", "U bent hier:", "Deel deze pagina",
                       "Laatst gewijzigd:", "Direct regelen", "Volg ons op sociale media", "© 2026",
                       "functionele en analytische cookies"]


@pytest.fixture(scope="module")
def demo(demo_run: Demo) -> Demo:
    return demo_run


def front_matter(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


def test_prints_where_every_output_is(demo: Demo) -> None:
    ws, done = demo
    for path in (ws.site_dir / "index.html", ws.reports_dir / "index.html", ws.reports_dir / "jargon.xlsx",
                 ws.crawl_db, ws.terms_path):
        assert str(path) in done.stdout.replace("\n", "")
        assert path.exists()


def test_crawled_at_least_60_pages_of_main_text_only(demo: Demo) -> None:
    ws, _ = demo
    db = sqlite3.connect(ws.crawl_db)
    texts = [r[0] for r in db.execute(
        "SELECT text FROM pages WHERE status = 200 AND content_type = 'text/html' AND word_count > 0")]
    assert len(texts) >= 60
    assert not [line for text in texts for line in TEMPLATE_ONLY_LINES if line in text]


def test_disallowed_section_not_crawled(demo: Demo) -> None:
    ws, _ = demo
    db = sqlite3.connect(ws.crawl_db)
    assert db.execute("SELECT count(*) FROM pages WHERE url LIKE '%/archief/%'").fetchone()[0] == 0


def test_every_theme_has_a_page_titled_in_residents_words(demo: Demo) -> None:
    ws, _ = demo
    themes = DemoSite().settings["themes"]
    for theme in themes:
        pages = [p for p in (ws.content_dir / theme).glob("*.md") if p.name != "index.md"]
        titled_by_residents = []
        for page in pages:
            meta = front_matter(page)
            title, helder = meta["title"], meta["helder"]
            if title.lower() in helder["queries"] and title.lower() != helder["official_name"].lower():
                titled_by_residents.append(title)
        assert titled_by_residents, f"no page in {theme} is titled with a resident query"


def test_site_has_home_and_every_task_page(demo: Demo) -> None:
    ws, _ = demo
    assert (ws.site_dir / "index.html").is_file()
    tasks = pd.read_parquet(ws.audit_dir / "tasks.parquet")
    tasks = tasks[tasks["url"] != ""]  # the others are things residents look for that have no page
    assert len(tasks) >= 50
    for task in tasks.itertuples():
        assert (ws.site_dir / task.section / task.slug / "index.html").is_file(), task.slug


def test_audit_finds_the_known_jargon_and_ties_queries_to_it(demo: Demo) -> None:
    ws, _ = demo
    terms = pd.read_parquet(ws.audit_dir / "terms.parquet").set_index("term")
    for term in ("maatwerkvoorziening", "leges", "indicatie", "voorliggende voorziening", "in aanmerking komen"):
        assert term in terms.index, term
    assert "hulp in huis" in list(terms.loc["maatwerkvoorziening", "queries"])
    book = load_workbook(ws.reports_dir / "jargon.xlsx")
    assert book["Termen"].max_row > 100


def test_generated_hulp_in_huis_page_speaks_plainly(demo: Demo) -> None:
    ws, _ = demo
    page = ws.content_dir / "zorg-en-ondersteuning" / "hulp-in-huis.md"
    meta = front_matter(page)
    assert meta["title"] == "Hulp in huis aanvragen"  # the residents' words, led by the source's verb
    assert meta["helder"]["official_name"] == "Wmo-maatwerkvoorziening huishoudelijke ondersteuning"
    assert meta["helder"]["jargon_replaced"] > 5
    assert meta["helder"]["readability_after"] > meta["helder"]["readability_before"]


def test_hulp_in_huis_is_one_task_whose_gap_names_the_official_term(demo: Demo) -> None:
    ws, _ = demo
    tasks = pd.read_parquet(ws.audit_dir / "tasks.parquet").set_index("task")
    queries = list(tasks.loc["hulp in huis", "queries"])
    assert {"hulp in huis", "huishoudelijke hulp", "schoonmaakhulp aanvragen", "thuiszorg schoonmaken"} <= set(queries)
    gap = pd.read_parquet(ws.audit_dir / "gaps.parquet").set_index("task").loc["hulp in huis"]
    assert "huishoudelijke ondersteuning" in gap["site_says"] and "huishoudelijke ondersteuning" in list(gap["jargon"])
    assert {"schoonmaken", "thuiszorg", "huishouding"} <= set(gap["missing_words"])  # the page never says them
