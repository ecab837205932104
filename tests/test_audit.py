"""The audit tables on a small, exactly known site."""

from __future__ import annotations

import pandas as pd
import pytest

from helder.audit.run import TABLES, read_table, run_audit
from helder.config import Workspace
from tests.helpers import HULP_PAGE, SITE, only_test_lexicon, store_pages, store_terms


@pytest.fixture(autouse=True)
def _test_lexicon(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    only_test_lexicon(monkeypatch, tmp_path)


def audited(ws: Workspace) -> dict[str, pd.DataFrame]:
    store_pages(ws, {
        "/zorg/huishoudelijke-ondersteuning": HULP_PAGE,
        "/zorg/": [("h1", "Zorg"), ("p", "Alles over zorg.")],
        "/afval/grofvuil": [("h1", "Grofvuil"), ("p", "Grofvuil halen wij op. Dat is gratis.")],
    })
    store_terms(ws, [
        ("hulp in huis", "/zorg/huishoudelijke-ondersteuning", 30, 900),
        ("gemeente voorbeeldstad hulp in huis", "/zorg/huishoudelijke-ondersteuning", 5, 100),
        ("schoonmaakhulp", "/zorg/huishoudelijke-ondersteuning", 10, 300),
        ("schoonmaakhulp", "/zorg/", 1, 50),
        ("zorg", "/zorg/", 10, 100),
        ("grofvuil ophalen", "/afval/grofvuil", 50, 400),
    ])
    run_audit(ws, show_progress=False)
    return {name: read_table(ws, name) for name in TABLES}


def test_findings_have_exact_offsets_into_the_stored_text(workspace: Workspace) -> None:
    tables = audited(workspace)
    findings = tables["findings"]
    page = findings[findings["url"] == f"{SITE}/zorg/huishoudelijke-ondersteuning"]
    assert sorted(page["term"]) == sorted(["maatwerkvoorziening", "huishoudelijke ondersteuning",
                                           "in aanmerking komen voor", "huishoudelijke ondersteuning", "indien",
                                           "leges"])
    text = "\n\n".join(t for _, t in HULP_PAGE)
    for row in findings.itertuples():
        if row.url.endswith("huishoudelijke-ondersteuning"):
            assert text[row.start:row.end] == row.matched
            assert row.matched in row.sentence
    leges = page[page["term"] == "leges"].iloc[0]
    assert (leges["plain"], leges["category"], leges["sentence"]) == (
        "kosten", "financieel", "De leges bedragen € 21,60 per maand vanaf 1 januari 2026.")
    assert findings[findings["url"].str.endswith("grofvuil")].empty


def test_terms_summary_counts_and_related_queries(workspace: Workspace) -> None:
    terms = audited(workspace)["terms"].set_index("term")
    row = terms.loc["huishoudelijke ondersteuning"]
    assert (row["occurrences"], row["pages"], row["plain"]) == (2, 1, "hulp bij het huishouden")
    assert list(row["queries"]) == ["hulp in huis", "schoonmaakhulp"]
    assert row["query_impressions"] == 1300


def test_page_scores_and_jargon_density(workspace: Workspace) -> None:
    pages = audited(workspace)["pages"].set_index("url")
    hulp = pages.loc[f"{SITE}/zorg/huishoudelijke-ondersteuning"]
    assert hulp["jargon"] == 6
    assert hulp["jargon_per_100_words"] == round(100 * 6 / hulp["words"], 2)
    assert hulp["queries"] == 2 and hulp["impressions"] == 1300
    assert pages.loc[f"{SITE}/afval/grofvuil"]["readability"] > hulp["readability"]


def test_tasks_are_named_in_residents_words_and_skip_overview_pages(workspace: Workspace) -> None:
    tasks = audited(workspace)["tasks"]
    assert list(tasks[tasks["url"] != ""]["task"]) == ["hulp in huis", "grofvuil ophalen"]
    # "zorg" only ever lands on the theme's index page: a task the site has no page for
    assert tasks[tasks["url"] == ""]["task"].tolist() == ["zorg"]
    hulp = tasks.iloc[0]
    assert hulp["official_title"] == "Wmo-maatwerkvoorziening huishoudelijke ondersteuning"
    # "schoonmaakhulp" reaches two pages; it belongs to the one with most impressions.
    assert list(hulp["queries"]) == ["hulp in huis", "schoonmaakhulp"]
    # a query counts with all its impressions: "schoonmaakhulp" also reaches the theme page (50)
    assert hulp["impressions"] == 1350 and hulp["section"] == "zorg"


def test_similar_queries_without_a_page_of_their_own_join_the_task(workspace: Workspace) -> None:
    store_pages(workspace, {"/zorg/hulp": HULP_PAGE, "/zorg/": [("h1", "Zorg"), ("p", "Alles over zorg.")]})
    store_terms(workspace, [("hulp in huis", "/zorg/hulp", 30, 900),
                            ("hulp in huis aanvragen", "/zorg/", 2, 80),  # lands on the theme page only
                            ("voedselbank openingstijden", "/zorg/", 0, 60)])  # nothing on the site answers it
    run_audit(workspace, show_progress=False)
    tasks = read_table(workspace, "tasks").set_index("task")
    assert list(tasks.loc["hulp in huis", "queries"]) == ["hulp in huis", "hulp in huis aanvragen"]
    assert list(tasks.loc["hulp in huis", "query_impressions"]) == [900, 80]
    assert tasks.loc["voedselbank openingstijden", "url"] == ""


def test_vocabulary_gap_says_what_residents_say_and_what_the_site_says(workspace: Workspace) -> None:
    gaps = audited(workspace)["gaps"].set_index("task")
    hulp = gaps.loc["hulp in huis"]
    # the page never says "hulp" or "huis": residents' words, weighted by the impressions of their queries
    assert list(hulp["missing_words"]) == ["hulp", "huis", "schoonmaakhulp"]
    assert hulp["residents_say"] == "hulp in huis"
    assert hulp["site_says"] == "Wmo-maatwerkvoorziening huishoudelijke ondersteuning"
    assert "huishoudelijke ondersteuning" in list(hulp["jargon"])
    assert hulp["missing_impressions"] == (900 + 100) * 2 + 350


def test_outliers_name_the_worst_pages_and_queries(workspace: Workspace) -> None:
    outliers = audited(workspace)["outliers"]
    jargon = outliers[outliers["kind"] == "most jargon"]
    assert jargon.iloc[0]["item"] == f"{SITE}/zorg/huishoudelijke-ondersteuning"
    assert set(outliers["kind"]) >= {"most jargon", "hardest to read", "no page"}
    assert "zorg" in set(outliers[outliers["kind"] == "no page"]["item"])


def test_audit_export_writes_every_table_as_csv(workspace: Workspace, tmp_path) -> None:
    from helder.audit.run import TABLES, export_tables

    audited(workspace)
    written = export_tables(workspace, tmp_path / "csv")
    assert sorted(p.stem for p in written) == sorted(TABLES)
    tasks = pd.read_csv(tmp_path / "csv" / "tasks.csv")
    assert tasks.loc[0, "queries"] == "hulp in huis | schoonmaakhulp"
