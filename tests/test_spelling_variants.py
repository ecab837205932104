"""Spelling variants of residents' queries become one spelling, so variants count as one query and one task."""

from __future__ import annotations

import pandas as pd
import pytest

from helder.audit.run import read_table, run_audit
from helder.config import Workspace
from helder.language import get_language
from helder.terms.variants import SpellingVariants, site_words, unify_spelling
from tests.helpers import store_pages, store_terms

SITE_TEXT = ["Grofvuil laten ophalen", "Paspoort aanvragen bij de balie.", "Verhuizen doorgeven in uw wijk.",
             "Rijbewijs verlengen en een afvalcontainer bestellen. Stuur een email."]


@pytest.fixture(scope="module")
def dutch() -> SpellingVariants:
    return SpellingVariants(get_language("nl"), site_words(SITE_TEXT))


@pytest.mark.parametrize(("query", "expected"), [
    ("grof vuil ophalen", "grofvuil ophalen"),  # compound written apart
    ("afval container", "afvalcontainer"),
    ("e mail", "email"),  # "e-mail" after normalisation
    ("rybewijs verlengen", "rijbewijs verlengen"),  # y for ij
    ("wyk", "wijk"),
    ("pasport aanvragen", "paspoort aanvragen"),  # one letter missing
    ("verhiuzen", "verhuizen"),  # two letters swapped
    ("paspoort", "paspoort"),  # already right
    ("hulp huis", "hulp huis"),  # two words, no compound on the site
    ("schoonmaakhulp", "schoonmaakhulp"),  # a resident's own word, not a typo of a site word
    ("kapper", "kapper"),  # a known word the site does not use stays
    ("pasprt", "pasprt"),  # two letters away: no guess
    ("grofvuil 2026", "grofvuil 2026"),
])
def test_dutch_spelling_variants(dutch: SpellingVariants, query: str, expected: str) -> None:
    assert dutch.query(query) == expected


def test_english_spelling_variants() -> None:
    variants = SpellingVariants(get_language("en"), site_words(["Council tax", "Bin collection", "Parking permit"]))
    assert [variants.query(q) for q in ["councel tax", "bin colection", "parking permitt", "car park"]] == \
        ["council tax", "bin collection", "parking permit", "car park"]


def test_unify_spelling_rewrites_only_query_norm() -> None:
    terms = pd.DataFrame({"query": ["Pasport aanvragen", "paspoort aanvragen"],
                          "query_norm": ["pasport aanvragen", "paspoort aanvragen"], "impressions": [10, 90]})
    unified = unify_spelling(terms, site_words(SITE_TEXT), get_language("nl"))
    assert unified["query_norm"].tolist() == ["paspoort aanvragen", "paspoort aanvragen"]
    assert unified["query"].tolist() == terms["query"].tolist()  # what residents typed is kept


def test_a_corrected_municipality_name_is_dropped_like_the_right_spelling() -> None:
    terms = pd.DataFrame({"query_norm": ["voorbeeldsatd paspoort"]})
    unified = unify_spelling(terms, site_words([*SITE_TEXT, "Gemeente Voorbeeldstad"]), get_language("nl"),
                             ("voorbeeldstad",))
    assert unified["query_norm"].tolist() == ["paspoort"]


def test_variants_join_one_task_in_the_audit(workspace: Workspace) -> None:
    store_pages(workspace, {"/afval/grofvuil": [("h1", "Grofvuil"), ("p", "Wij halen grofvuil bij u op.")],
                            "/afval/": [("h1", "Afval"), ("p", "Alles over afval.")]})
    store_terms(workspace, [("grofvuil ophalen", "/afval/grofvuil", 40, 400),
                            ("grof vuil ophalen", "/afval/", 5, 60),
                            ("grofvuill ophalen", "/afval/", 1, 20)])
    run_audit(workspace, show_progress=False)
    tasks = read_table(workspace, "tasks")
    task = tasks[tasks["task"] == "grofvuil ophalen"].iloc[0]
    assert list(task["queries"]) == ["grofvuil ophalen"] and task["impressions"] == 480
    assert "grof vuil ophalen" not in set(read_table(workspace, "page_queries")["query_norm"])
