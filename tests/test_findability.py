"""Findability: BM25 over the crawled pages, asked with residents' queries."""

from __future__ import annotations

import math
import random
import time

import pandas as pd
import pytest

from helder.audit.findability import (
    K1,
    Analyzer,
    B,
    build_index,
    findability,
    rank,
    tasks_not_found,
)
from helder.audit.pages import AuditPage

BASE = "https://www.gemeente.nl"


def page(path: str, title: str, *paragraphs: str, h1: str | None = None) -> AuditPage:
    return AuditPage(url=BASE + path, title=title, h1=h1 if h1 is not None else title, section="",
                     crawled_at="2026-01-01", blocks=[("p", p) for p in paragraphs])


PAGES = [
    page("/wmo/huishoudelijke-ondersteuning", "Wmo-maatwerkvoorziening huishoudelijke ondersteuning",
         "U kunt een maatwerkvoorziening aanvragen als u het huishouden niet meer zelf kunt doen.",
         "De gemeente beoordeelt uw aanvraag voor huishoudelijke ondersteuning in een keukentafelgesprek."),
    page("/afval/grofvuil", "Grofvuil ophalen",
         "Wij halen uw grofvuil op afspraak op. Grofvuil is afval dat niet in de container past.",
         "Zet het grofvuil op de ophaaldag voor 7.30 uur aan de straat."),
    page("/ondernemen/evenementenvergunning", "Evenementenvergunning",
         "Voor een evenement heeft u een vergunning nodig. Vraag de vergunning 8 weken vooraf aan."),
    page("/wonen/parkeren", "Parkeren in het centrum",
         "In het centrum betaalt u voor parkeren. Bewoners kunnen een parkeervergunning aanvragen."),
    page("/paspoort", "Paspoort aanvragen",
         "Een paspoort vraagt u aan bij de gemeente. Neem een pasfoto mee.",
         "Een paspoort is 10 jaar geldig."),
]


@pytest.fixture(scope="module")
def index():
    return build_index(PAGES, "nl")


def urls(results: list[tuple[str, float]]) -> list[str]:
    return [url.removeprefix(BASE) for url, _ in results]


def test_analyser_lemmatises_folds_and_drops_stopwords():
    analyzer = Analyzer("nl")
    assert analyzer.terms("De vergunningen") == analyzer.terms("vergunning") == ["vergunning"]
    assert analyzer.terms("één") == analyzer.terms("een") or analyzer.terms("één") == []
    assert analyzer.terms("Café") == ["cafe"]
    assert analyzer.terms("grofvuil wordt opgehaald") == analyzer.terms("grofvuil ophalen")
    assert analyzer.terms("Wmo-maatwerkvoorziening") == ["wmo-maatwerkvoorziening", "wmo", "maatwerkvoorziening"]


def test_residents_words_on_the_page_find_it_first(index):
    [results] = rank(index, ["huishoudelijke ondersteuning"])
    assert urls(results)[0] == "/wmo/huishoudelijke-ondersteuning"


def test_words_not_on_the_page_do_not_find_it(index):
    [results] = rank(index, ["hulp in huis"])
    assert "/wmo/huishoudelijke-ondersteuning" not in urls(results)[:3]


def test_inflections_meet(index):
    [results] = rank(index, ["vergunningen"])
    assert urls(results)[0] == "/ondernemen/evenementenvergunning"
    [results] = rank(index, ["grofvuil laten ophalen"])
    assert urls(results)[0] == "/afval/grofvuil"


def test_compound_parts_are_indexed(index):
    [results] = rank(index, ["maatwerkvoorziening"])
    assert urls(results)[0] == "/wmo/huishoudelijke-ondersteuning"


def test_title_counts_more_than_body_text():
    pages = [page("/a", "Parkeren", "Informatie over de gemeente en de stad."),
             page("/b", "Informatie", "Parkeren in de gemeente en de stad.")]
    [results] = rank(build_index(pages, "nl"), ["parkeren"])
    assert urls(results) == ["/a", "/b"]
    assert results[0][1] > results[1][1]


def test_unknown_and_empty_queries_give_no_results(index):
    assert rank(index, ["xyzzy", "", "de het een"]) == [[], [], []]
    assert rank(build_index([], "nl"), ["paspoort"]) == [[]]


def test_score_matches_bm25_formula_by_hand():
    # Three pages, no title, no stop words, each word its own lemma: lengths 2, 1 and 3, average 2.
    pages = [page("/1", "", "fiets fiets"), page("/2", "", "fiets"), page("/3", "", "auto boot trein")]
    index = build_index(pages, "nl")
    [results] = rank(index, ["fiets"], top_k=3)
    idf = math.log(1 + (3 - 2 + 0.5) / (2 + 0.5))

    def expected(tf: int, length: int) -> float:
        return idf * tf / (tf + K1 * (1 - B + B * length / 2))

    assert urls(results) == ["/1", "/2"]
    assert results[0][1] == pytest.approx(expected(2, 2), rel=1e-5)
    assert results[1][1] == pytest.approx(expected(1, 1), rel=1e-5)
    # The same as the library's own scoring.
    scores = index.retriever.get_scores(index.analyzer.terms("fiets"))
    assert [results[0][1], results[1][1]] == pytest.approx([scores[0], scores[1]], rel=1e-5)


def test_repeated_queries_are_answered_alike(index):
    results = rank(index, ["paspoort", "grofvuil", "paspoort"], top_k=2)
    assert results[0] == results[2]
    assert urls(results[0])[0] == "/paspoort"
    assert all(len(r) <= 2 for r in results)


def test_findability_frame_and_tasks(index):
    wanted = BASE + "/wmo/huishoudelijke-ondersteuning"
    page_queries = pd.DataFrame([
        {"url": wanted, "query_norm": "huishoudelijke ondersteuning", "impressions": 100},
        {"url": wanted, "query_norm": "hulp in huis", "impressions": 300},
        {"url": BASE + "/afval/grofvuil", "query_norm": "grofvuil", "impressions": 50},
        {"url": BASE + "/niet-gecrawld", "query_norm": "paspoort", "impressions": 5},
    ])
    frame = findability(PAGES, page_queries, "nl")
    assert list(frame.columns)[:6] == ["query_norm", "url", "impressions", "rank", "top_url", "found_top3"]
    rows = frame.set_index("query_norm")
    assert rows.loc["huishoudelijke ondersteuning", "rank"] == 1
    assert bool(rows.loc["huishoudelijke ondersteuning", "found_top3"])
    assert not bool(rows.loc["hulp in huis", "found_top3"])
    assert pd.isna(rows.loc["paspoort", "rank"]) and not bool(rows.loc["paspoort", "indexed"])
    assert rows.loc["paspoort", "top_url"] == BASE + "/paspoort"

    tasks = pd.DataFrame([
        {"task": "hulp in huis", "url": wanted, "queries": ["hulp in huis", "huishoudelijke ondersteuning"]},
        {"task": "grofvuil", "url": BASE + "/afval/grofvuil", "queries": ["grofvuil"]},
    ])
    missed = tasks_not_found(frame, tasks)
    assert list(missed["task"]) == ["hulp in huis"]
    assert missed.loc[0, "found_share"] == pytest.approx(0.25)
    assert missed.loc[0, "worst_queries"][0].startswith("hulp in huis (not in the top 10; first: ")
    assert tasks_not_found(frame, tasks, min_share=0.2).empty


def test_many_pages_and_queries_are_all_answered():
    """Not a timing assertion: checks completeness at scale and prints the time taken."""
    rng = random.Random(3)
    vocabulary = [f"{a}{b}{c}" for a in ("ver", "aan", "be", "ont", "ge", "over", "in", "uit")
                  for b in ("gun", "vraag", "woon", "werk", "park", "zorg", "afval", "belast", "school", "sport")
                  for c in ("ing", "en", "er", "plaats", "dienst", "geld", "huis", "tijd", "")]
    pages = [page(f"/p{i}", " ".join(rng.sample(vocabulary, 3)), " ".join(rng.choices(vocabulary, k=150)))
             for i in range(2_000)]
    queries = [" ".join(rng.sample(vocabulary, rng.randint(1, 3))) for _ in range(20_000)]
    started = time.perf_counter()
    index = build_index(pages, "nl")
    built = time.perf_counter() - started
    results = rank(index, queries)
    ranked = time.perf_counter() - started - built
    print(f"\nfindability: built 2,000 pages in {built:.2f} s, ranked 20,000 queries in {ranked:.2f} s")
    assert len(results) == len(queries)
    assert all(0 < len(r) <= 10 for r in results)
    assert all(r[i][1] >= r[i + 1][1] for r in results for i in range(len(r) - 1))
