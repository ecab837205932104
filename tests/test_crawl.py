"""Real Scrapy crawls of the demo website over HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from helder.config import Workspace
from helder.crawler.process import run_crawl
from helder.errors import HelderError
from tests.conftest import fast_local

SITE = "https://www.voorbeeldstad.nl"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory, demo_url: str) -> tuple[Workspace, sqlite3.Connection]:
    from tests.conftest import make_workspace

    ws = make_workspace(tmp_path_factory.mktemp("crawl") / "ws")
    summary = run_crawl(ws, fast_local(ws.crawl, demo_url), show_progress=False)
    assert summary.pages > 60
    db = sqlite3.connect(ws.crawl_db)
    db.row_factory = sqlite3.Row
    return ws, db


def test_stores_public_urls_with_title_headings_and_main_text(crawled: tuple[Workspace, sqlite3.Connection]) -> None:
    _, db = crawled
    row = db.execute("SELECT * FROM pages WHERE url = ?", (f"{SITE}/afval/grofvuil",)).fetchone()
    assert row["status"] == 200
    assert row["content_type"] == "text/html"
    assert row["lang"] == "nl"
    assert row["title"] == "Ophalen grof huishoudelijk afval | Gemeente Voorbeeldstad"
    assert row["h1"] == "Ophalen grof huishoudelijk afval"
    assert row["section"] == "afval"
    assert row["fetched_url"].startswith("http://127.0.0.1:")
    assert [level for level, _ in json.loads(row["headings"])][:2] == [1, 2]
    assert row["text"].startswith("Ophalen grof huishoudelijk afval\n\n")
    assert row["word_count"] > 200
    assert len(row["content_hash"]) == 64


def test_no_header_menu_cookie_or_footer_text_in_any_main_text(crawled: tuple[Workspace, sqlite3.Connection]) -> None:
    _, db = crawled
    # Lines only the CMS template has (header, menu, breadcrumbs, sidebar, footer, cookie notice).
    chrome = ["Naar de inhoud", "Zoeken op de website", "Waar bent u naar op zoek", "U bent hier:",
              "Deel deze pagina", "Laatst gewijzigd:", "Direct regelen", "17.00 uur) · E-mail",
              "Volg ons op sociale media", "© 2026", "functionele en analytische cookies"]
    texts = [r[0] for r in db.execute("SELECT text FROM pages WHERE status = 200 AND content_type = 'text/html'")]
    assert len(texts) > 60
    for text in texts:
        for line in chrome:
            assert line not in text


def test_obeys_robots_txt(crawled: tuple[Workspace, sqlite3.Connection]) -> None:
    _, db = crawled
    assert db.execute("SELECT count(*) FROM pages WHERE url LIKE ?", (f"{SITE}/archief/%",)).fetchone()[0] == 0


def test_follows_and_records_redirects(crawled: tuple[Workspace, sqlite3.Connection]) -> None:
    _, db = crawled
    row = db.execute("SELECT redirected_from FROM pages WHERE url = ?", (f"{SITE}/afval/grofvuil",)).fetchone()
    assert json.loads(row[0]) == [f"{SITE}/afval/grofvuil-aanmelden"]
    old = db.execute("SELECT count(*) FROM pages WHERE url = ?", (f"{SITE}/afval/grofvuil-aanmelden",)).fetchone()
    assert old[0] == 0


def test_records_broken_links_with_the_pages_that_link_to_them(crawled: tuple[Workspace, sqlite3.Connection]) -> None:
    ws, _ = crawled
    from helder.crawler.store import PageStore

    with PageStore(ws.crawl_db) as store:
        broken = store.broken_links(store.latest_crawl().id)
    assert broken == [(f"{SITE}/paspoort-en-id-kaart/reisdocument-kwijt-formulier", "404",
                       [f"{SITE}/paspoort-en-id-kaart/vermissing-reisdocument"])]


def test_documents_are_read_as_documents_not_as_html(crawled: tuple[Workspace, sqlite3.Connection]) -> None:
    _, db = crawled
    rows = db.execute("SELECT url, status, content_type, text, word_count FROM pages WHERE url LIKE '%.pdf'").fetchall()
    assert {r["url"].rsplit("/", 1)[1] for r in rows} == {
        "aanvraagformulier-bijzondere-bijstand.pdf", "afvalkalender-2026.pdf", "beleidsregels-wmo-2026.pdf"}
    assert all(r["status"] == 200 and r["content_type"] == "application/pdf" and r["word_count"] > 300 for r in rows)
    wmo = next(r["text"] for r in rows if r["url"].endswith("beleidsregels-wmo-2026.pdf"))
    assert "€ 12,50" in wmo and "<" not in wmo


def test_stays_on_the_site(crawled: tuple[Workspace, sqlite3.Connection]) -> None:
    _, db = crawled
    hosts = {r[0].split("/")[2] for r in db.execute("SELECT url FROM pages")}
    assert hosts == {"www.voorbeeldstad.nl"}


def test_max_pages_bounds_the_crawl(workspace: Workspace, demo_url: str) -> None:
    summary = run_crawl(workspace, fast_local(workspace.crawl, demo_url, max_pages=5), show_progress=False)
    assert summary.pages == 5


def test_failing_start_url_is_an_error_with_the_reason(workspace: Workspace, demo_url: str) -> None:
    settings = fast_local(workspace.crawl, demo_url, start_urls=(f"{SITE}/bestaat-niet",))
    with pytest.raises(HelderError, match=r"bestaat-niet: the server answered HTTP 404"):
        run_crawl(workspace, settings, show_progress=False)


def test_cli_start_url_failure_exits_non_zero_with_one_line(workspace: Workspace) -> None:
    # Port 9 on 127.0.0.1 (discard) has no server: the connection is refused at once.
    done = subprocess.run([sys.executable, "-m", "helder", "crawl", "http://127.0.0.1:9/", "-w", str(workspace.root)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "helder: error:" in lines[0] and "http://127.0.0.1:9/" in lines[0]
    assert "Traceback" not in done.stderr
    assert Path(workspace.crawl_db).exists()  # the store stays, with the failed run recorded
