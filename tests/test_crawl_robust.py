"""The crawler on the hard cases of real municipal sites, each served by a scripted server on 127.0.0.1."""

from __future__ import annotations

import gzip
import itertools
import json
import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from helder.config import CrawlSettings, Workspace
from helder.crawler.process import run_crawl, start_crawl
from helder.crawler.store import PageStore
from helder.errors import HelderError
from tests.conftest import make_workspace
from tests.sites import ScriptedSite, conditional, html, page, redirect, static


def crawl(tmp_path: Path, site: ScriptedSite, name: str = "ws",
          **changes: object) -> tuple[Workspace, sqlite3.Connection]:
    """A fresh workspace for `site`, crawled with politeness off (it is our own server)."""
    root = tmp_path / name
    ws = make_workspace(root, site=site.url("/")) if not (root / "helder.toml").exists() else _load(root)
    run_crawl(ws, _fast(ws, **changes), show_progress=False)
    db = sqlite3.connect(ws.crawl_db)
    db.row_factory = sqlite3.Row
    return ws, db


def _load(root: Path) -> Workspace:
    from helder.config import load_workspace

    return load_workspace(root)


def _fast(ws: Workspace, **changes: object) -> CrawlSettings:
    from helder.crawler.process import with_overrides

    fast = {"delay": 0.0, "max_rate": 0.0, "concurrency": 4, "autothrottle": False}
    return with_overrides(ws.crawl, **{**fast, **changes})


def urls(db: sqlite3.Connection, where: str = "1") -> set[str]:
    return {r[0] for r in db.execute(f"SELECT url FROM pages WHERE {where}")}


def test_discovers_from_sitemap_index_and_gzipped_sitemaps_and_records_how(tmp_path: Path) -> None:
    with ScriptedSite({}) as site:
        child = (f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                 f"<url><loc>{site.url('/alleen-in-sitemap')}</loc><lastmod>2026-01-01</lastmod></url>"
                 f"</urlset>").encode()
        index = (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                 f"<sitemap><loc>{site.url('/sitemap-1.xml.gz')}</loc></sitemap></sitemapindex>").encode()
        site.routes.update({
            "/robots.txt": static(f"User-agent: *\nSitemap: {site.url('/sitemap-index.xml')}\n".encode(),
                                  "text/plain"),
            "/sitemap-index.xml": static(index, "application/xml"),
            "/sitemap-1.xml.gz": static(gzip.compress(child), "application/gzip"),
            "/": page("Home", links=["/gelinkt"]),
            "/gelinkt": page("Gelinkt"),
            "/alleen-in-sitemap": page("Alleen in de sitemap"),
        })
        _, db = crawl(tmp_path, site)
    rows = {r["url"]: r for r in db.execute("SELECT url, found_how, found_from, depth FROM pages")}
    assert rows[site.url("/alleen-in-sitemap")]["found_how"] == "sitemap"
    assert rows[site.url("/alleen-in-sitemap")]["found_from"] == site.url("/sitemap-1.xml.gz")
    assert (rows[site.url("/gelinkt")]["found_how"], rows[site.url("/gelinkt")]["found_from"]) == (
        "link", site.url("/"))
    assert rows[site.url("/")]["found_how"] == "start"
    assert rows[site.url("/gelinkt")]["depth"] == 1


def test_one_page_per_url_whatever_its_spelling(tmp_path: Path) -> None:
    with ScriptedSite({}) as site:
        site.routes.update({
            "/": page("Home", links=["/a?b=2&a=1", "/a?a=1&b=2#kosten", "/a?a=1&b=2&utm_source=nieuwsbrief",
                                     "/a;jsessionid=XYZ?b=2&a=1", site.url("/a?a=1&b=2")]),
            "/a": page("A"),
        })
        _, db = crawl(tmp_path, site)
    assert urls(db) == {site.url("/"), site.url("/a?a=1&b=2")}
    assert site.paths().count("/a?a=1&b=2") == 1


def test_canonical_and_identical_content_are_marked_duplicates(tmp_path: Path) -> None:
    same = "Hier staat precies dezelfde tekst over de afvalkalender van de gemeente Teststad."
    with ScriptedSite({}) as site:
        site.routes.update({
            "/": page("Home", links=["/print?id=1", "/origineel", "/kopie"]),
            "/print?id=1": page("Artikel", head=f'<link rel="canonical" href="{site.url("/artikel")}">'),
            "/artikel": page("Artikel"),
            "/origineel": page("Afval", text=same),
            "/kopie": page("Afval", text=same),
        })
        ws, db = crawl(tmp_path, site)
    dup = {r["url"]: r["duplicate_of"] for r in db.execute("SELECT url, duplicate_of FROM pages")}
    assert dup[site.url("/print?id=1")] == site.url("/artikel")
    assert dup[site.url("/artikel")] == ""  # found through the canonical, and crawled
    assert {dup[site.url("/origineel")], dup[site.url("/kopie")]} == {"", site.url("/kopie")} or \
        {dup[site.url("/origineel")], dup[site.url("/kopie")]} == {"", site.url("/origineel")}
    with PageStore(ws.crawl_db) as store:
        audited = [r["url"] for r in store.pages()]
    assert site.url("/print?id=1") not in audited
    assert len([u for u in audited if u.endswith(("/origineel", "/kopie"))]) == 1


def test_crawl_traps_are_cut_off_and_reported(tmp_path: Path) -> None:
    def agenda(headers: dict[str, str], path: str) -> tuple[int, dict[str, str], bytes]:
        day = int(path.split("=")[-1])
        body = html(f'<p>Activiteiten op dag {day}.</p><a href="/agenda?dag={day + 1}">Volgende dag</a>', "Agenda")
        return 200, {"Content-Type": "text/html; charset=utf-8"}, body.encode()

    def deep(headers: dict[str, str], path: str) -> tuple[int, dict[str, str], bytes]:
        level = int(path.rsplit("/", 1)[-1])
        body = html(f'<p>Niveau {level} van de map.</p><a href="/diep/x{level}/{level + 1}">Dieper</a>', "Diep")
        return 200, {"Content-Type": "text/html; charset=utf-8"}, body.encode()

    with ScriptedSite({"/": page("Home", links=["/agenda?dag=1", "/diep/0"])},
                      prefixes={"/agenda": agenda, "/diep/": deep}) as site:
        by_pattern, db = crawl(tmp_path, site, name="pattern", pattern_limit=20, max_depth=100)
        assert len(urls(db, "url LIKE '%/agenda?dag=%'")) == 20
        by_depth, db = crawl(tmp_path, site, name="depth", pattern_limit=1000, max_depth=6)
        assert len(urls(db, "url LIKE '%/diep/%'")) == 6  # depths 1..6 below the home page
    for ws, expected in ((by_pattern, ("/agenda?dag", "pattern")), (by_depth, ("/diep/x{n}/{n}", "depth"))):
        with PageStore(ws.crawl_db) as store:
            cuts = {(c["pattern"], c["limit_kind"]): c["skipped"] for c in store.cuts(store.latest_crawl().id)}
        assert cuts[expected] >= 1


def test_max_pages_is_a_hard_limit(tmp_path: Path) -> None:
    links = [f"/p{i}" for i in range(30)]
    with ScriptedSite({"/": page("Home", links=links), **{p: page(p) for p in links}}) as site:
        _, db = crawl(tmp_path, site, max_pages=10)
    assert len(urls(db)) == 10


def test_encodings_broken_html_and_size_limits_never_crash_the_crawl(tmp_path: Path) -> None:
    cp1252 = html("<p>Één aanvraag per café, ‘zo’ gezegd – 12 €.</p>", "Tekens").replace(
        'charset="utf-8"', 'charset="windows-1252"').encode("cp1252")
    huge = html("<p>" + "Heel lange tekst. " * 20_000 + "</p>", "Groot").encode()
    with ScriptedSite({}) as site:
        site.routes.update({
            "/": page("Home", links=["/cp1252", "/verkeerde-charset", "/kapotte-html", "/leeg", "/groot"]),
            "/cp1252": static(cp1252, "text/html"),
            "/verkeerde-charset": static(cp1252, "text/html; charset=utf-8"),
            "/kapotte-html": static(b"<html><body><main><h1>Kapot<p>Open alinea<ul><li>punt een<li>punt twee"
                                    b"<div><p>Nog een alinea</main></span></body>", "text/html"),
            "/leeg": static(b"", "text/html"),
            "/groot": static(huge, "text/html; charset=utf-8"),
        })
        _, db = crawl(tmp_path, site, max_page_mb=0.1)
    rows = {r["url"].rsplit("/", 1)[1]: r for r in db.execute("SELECT * FROM pages")}
    assert "Één aanvraag per café, ‘zo’ gezegd – 12 €." in rows["cp1252"]["text"]
    assert "Één aanvraag per café" in rows["verkeerde-charset"]["text"]
    assert rows["verkeerde-charset"]["charset"] == "windows-1252"
    assert json.loads(rows["kapotte-html"]["blocks"]) == [
        ["h1", "Kapot"], ["p", "Open alinea"], ["ul", "punt een"], ["ul", "punt twee"], ["p", "Nog een alinea"]]
    assert rows["leeg"]["status"] == 200 and rows["leeg"]["word_count"] == 0
    assert rows["leeg"]["error"] == "empty page: no main text"
    assert rows["groot"]["status"] is None and rows["groot"]["error"].startswith("TooLarge")


def test_server_errors_are_retried_and_recorded(tmp_path: Path) -> None:
    attempts = {"flaky": 0}

    def flaky(headers: dict[str, str], path: str) -> tuple[int, dict[str, str], bytes]:
        attempts["flaky"] += 1
        if attempts["flaky"] == 1:
            return 503, {"Content-Type": "text/html"}, b"even niet"
        return 200, {"Content-Type": "text/html; charset=utf-8"}, html("<p>Nu wel.</p>", "Flaky").encode()

    with ScriptedSite({"/": page("Home", links=["/flaky", "/stuk"]), "/flaky": flaky,
                   "/stuk": static(b"kapot", "text/html", status=500)}) as site:
        ws, db = crawl(tmp_path, site)
        stuk_requests = site.paths().count("/stuk")
    rows = {r["url"].rsplit("/", 1)[1]: r for r in db.execute("SELECT url, status FROM pages")}
    assert rows["flaky"]["status"] == 200 and attempts["flaky"] == 2
    assert rows["stuk"]["status"] == 500 and stuk_requests == 3  # the first try and two retries
    with PageStore(ws.crawl_db) as store:
        assert store.broken_links(store.latest_crawl().id) == [(site.url("/stuk"), "500", [site.url("/")])]


def test_tls_failure_of_the_start_url_is_a_one_line_error(tmp_path: Path) -> None:
    with ScriptedSite({"/": page("Home")}) as site:
        ws = make_workspace(tmp_path / "tls", site=site.url("/").replace("http://", "https://"))
        with pytest.raises(HelderError, match="the start URL failed") as error:
            run_crawl(ws, _fast(ws), show_progress=False)
    assert "\n" not in str(error.value)


def test_robots_crawl_delay_is_enforced(tmp_path: Path) -> None:
    links = ["/a", "/b", "/c"]
    with ScriptedSite({"/robots.txt": static(b"User-agent: *\nCrawl-delay: 1\n", "text/plain"),
                   "/": page("Home", links=links), **{p: page(p) for p in links}}) as site:
        crawl(tmp_path, site, concurrency=4, sitemaps=False)
        times = [t for t, _, path, _ in site.requests if path in ("/", *links)]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert len(times) == 4 and min(gaps) >= 0.95, gaps


def test_robots_disallow_is_obeyed_and_recorded(tmp_path: Path) -> None:
    with ScriptedSite({"/robots.txt": static(b"User-agent: *\nDisallow: /intern/\n", "text/plain"),
                   "/": page("Home", links=["/intern/geheim", "/open"]), "/open": page("Open"),
                   "/intern/geheim": page("Geheim")}) as site:
        _, db = crawl(tmp_path, site)
        assert "/intern/geheim" not in site.paths()
    assert urls(db) == {site.url("/"), site.url("/open")}
    reason = db.execute("SELECT reason FROM frontier WHERE url = ?", (site.url("/intern/geheim"),)).fetchone()
    assert reason[0] == "robots.txt"


def test_other_ports_and_hosts_are_other_sites(tmp_path: Path) -> None:
    with ScriptedSite({"/": page("Ander")}) as other, ScriptedSite({}) as site:
        site.routes.update({"/": page("Home", links=[other.url("/"), "http://localhost:1/", "/eigen"]),
                            "/eigen": page("Eigen"), "/weg": redirect(other.url("/"))})
        site.routes["/"] = page("Home", links=[other.url("/"), "/eigen", "/weg"])
        _, db = crawl(tmp_path, site)
        assert other.requests == []
    assert urls(db) == {site.url("/"), site.url("/eigen")}
    reason = db.execute("SELECT reason FROM frontier WHERE url = ?", (site.url("/weg"),)).fetchone()[0]
    assert reason in ("ignored", "redirect off the site") or reason.startswith("redirect off the site")


def test_recrawl_uses_conditional_requests_and_sitemap_dates_and_keeps_versions(tmp_path: Path) -> None:
    texts = {"veranderd": "De oude tekst van deze pagina."}

    def changing(headers: dict[str, str], path: str) -> tuple[int, dict[str, str], bytes]:
        return 200, {"Content-Type": "text/html; charset=utf-8"}, html(f"<p>{texts['veranderd']}</p>", "V").encode()

    with ScriptedSite({}) as site:
        sitemap = (f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                   f"<url><loc>{site.url('/in-sitemap')}</loc><lastmod>2020-01-01</lastmod></url></urlset>").encode()
        site.routes.update({
            "/": page("Home", links=["/met-etag", "/veranderd", "/in-sitemap"]),
            "/met-etag": conditional(html("<p>Deze pagina verandert nooit.</p>", "Vast").encode(), etag='"v1"'),
            "/veranderd": changing,
            "/in-sitemap": page("Sitemap"),
            "/sitemap.xml": static(sitemap, "application/xml"),
        })
        crawl(tmp_path, site)
        first_requests = len(site.requests)
        texts["veranderd"] = "De nieuwe tekst van deze pagina."
        site.requests.clear()
        ws, db = crawl(tmp_path, site)
        second = site.requests
    etag_request = next(h for _, _, path, h in second if path == "/met-etag")
    assert etag_request.get("if-none-match") == '"v1"'
    assert "/in-sitemap" not in [path for _, _, path, _ in second]  # the sitemap says it has not changed
    fetch = {r["url"].rsplit("/", 1)[1]: r["last_fetch"] for r in db.execute("SELECT url, last_fetch FROM pages")}
    assert (fetch["met-etag"], fetch["in-sitemap"], fetch["veranderd"]) == (
        "not-modified", "sitemap-unchanged", "full")
    latest = db.execute("SELECT max(id) FROM crawls").fetchone()[0]
    assert db.execute("SELECT count(*) FROM pages WHERE crawl_id = ?", (latest,)).fetchone()[0] == 4
    with PageStore(ws.crawl_db) as store:
        history = store.history(site.url("/veranderd"))
        assert [text.split("\n\n")[1] for _, _, text in history] == ["De oude tekst van deze pagina.",
                                                                     "De nieuwe tekst van deze pagina."]
        assert history[0][0] < history[1][0]  # each version with its date
        assert len(store.history(site.url("/met-etag"))) == 1
    assert len(second) < first_requests


def _site_of(n: int) -> dict[str, object]:
    """n pages in a tree with cross links: every page reachable, several ways."""
    routes: dict[str, object] = {}
    for i in range(n):
        children = [f"/p{j}" for j in (2 * i + 1, 2 * i + 2, (7 * i + 3) % n) if 0 < j < n]
        routes["/" if i == 0 else f"/p{i}"] = page(f"Pagina {i}", text=f"Tekst van pagina nummer {i}.",
                                                   links=children)
    return routes


def _stored(ws: Workspace) -> list[str]:
    with PageStore(ws.crawl_db) as store:
        return [r[0] for r in store.db.execute("SELECT url FROM pages ORDER BY url")]


@pytest.mark.parametrize("kill_after", [1, 40, 120])
def test_a_crawl_killed_with_sigkill_resumes_to_the_same_pages(tmp_path: Path, kill_after: int) -> None:
    with ScriptedSite(_site_of(200), delay=0.005) as site:
        reference, _ = crawl(tmp_path, site, name="reference")
        ws = make_workspace(tmp_path / "killed", site=site.url("/"))
        child, crawl_id = start_crawl(ws, _fast(ws))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if ws.crawl_db.exists():
                with PageStore(ws.crawl_db) as store:
                    if store.count(crawl_id) >= kill_after:
                        break
            time.sleep(0.01)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        with PageStore(ws.crawl_db) as store:
            assert store.count(crawl_id) < 201
            assert store.crawl(crawl_id).status == "running"
        run_crawl(ws, _fast(ws), show_progress=False, resume=True)
    assert _stored(ws) == _stored(reference)
    assert len(_stored(ws)) == 200
    with PageStore(ws.crawl_db) as store:
        assert store.crawl(crawl_id).status == "finished"
        assert store.frontier_counts(crawl_id).get("queued", 0) == 0
        assert store.db.execute("SELECT count(*) FROM versions").fetchone()[0] == 0  # one crawl: no earlier texts
        assert store.db.execute("SELECT count(*) FROM frontier WHERE crawl_id = ?", (crawl_id,)).fetchone()[0] == 200


def test_resume_without_an_interrupted_crawl_says_so(tmp_path: Path) -> None:
    with ScriptedSite({"/": page("Home")}) as site:
        ws, _ = crawl(tmp_path, site)
        with pytest.raises(HelderError, match="no interrupted crawl to resume"):
            run_crawl(ws, _fast(ws), show_progress=False, resume=True)


def test_links_are_split_into_content_and_navigation(tmp_path: Path) -> None:
    with ScriptedSite({"/": page("Home", links=["/inhoud"]), "/inhoud": page("Inhoud")}) as site:
        _, db = crawl(tmp_path, site)
    regions = {(r["target_url"], r["region"]) for r in db.execute("SELECT * FROM links WHERE source_url = ?",
                                                                  (site.url("/"),))}
    assert (site.url("/inhoud"), "content") in regions and (site.url("/"), "navigation") in regions
