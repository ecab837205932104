"""The site's own search finds task pages from the residents' words and the official terms, measured in headless
Chromium against the built demo site over HTTP (Material's search runs in a web worker)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helder.publish.search_check import build_old_site, measure, old_site_cases, site_cases, task_pages
from helder.publish.site_plugin import search_terms

pytestmark = pytest.mark.slow


def test_residents_queries_and_official_names_find_their_task_page(demo_run, browser, tmp_path: Path) -> None:
    ws, _ = demo_run
    cases = site_cases(ws)
    queries = [c for c in cases if c.kind == "query"]
    official = [c for c in cases if c.kind == "official"]
    assert len(queries) > 400 and len(official) > 40  # every demo task with a page, not a sample

    new_queries = measure(browser, ws.site_dir, queries)
    new_official = measure(browser, ws.site_dir, official)
    old_site = build_old_site(ws, tmp_path / "old")
    old_queries = measure(browser, old_site, old_site_cases(ws, queries))
    print()
    print(new_queries.summary("new site, residents' queries"))
    print(new_official.summary("new site, official names"))
    print(old_queries.summary("old site, residents' queries"))
    assert new_queries.share >= 0.95, new_queries.misses[:10]
    assert new_official.share >= 0.95, new_official.misses[:10]
    assert new_queries.share > old_queries.share


def test_keywords_are_in_the_search_index_not_on_the_page(demo_run) -> None:
    ws, _ = demo_run
    index = json.loads((ws.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    assert index["config"]["fields"]["keywords"]["boost"] >= index["config"]["fields"]["text"]["boost"]
    path, meta = task_pages(ws)["hulp in huis"]
    entry = next(d for d in index["docs"] if "/" + d["location"] == path)
    for term in ("schoonmaakhulp aanvragen", "huishoudelijke hulp", "Wmo-maatwerkvoorziening"):
        assert term in entry["keywords"]
        assert term in " ".join(search_terms(meta))
    html = (ws.site_dir / path.strip("/") / "index.html").read_text(encoding="utf-8")
    assert "schoonmaakhulp aanvragen" not in html  # residents' queries do not clutter the page
    # Home and theme pages rank below the task pages they list.
    home = next(d for d in index["docs"] if d["location"] == "")
    assert home["boost"] < 1


def test_search_terms_prefer_the_front_matter_list() -> None:
    meta = {"search_terms": ["hulp in huis", "huishoudelijke ondersteuning", "hulp in huis", ""],
            "helder": {"task": "hulp in huis", "queries": ["hulp in huis", "thuiszorg"], "official_name": "Wmo"}}
    assert search_terms(meta) == ["hulp in huis", "huishoudelijke ondersteuning", "thuiszorg", "Wmo"]
    fallback = {"helder": {"task": "x", "queries": ["a b", "c"], "official_name": "Officiële naam"}}
    assert search_terms(fallback) == ["a b", "c", "Officiële naam"]
