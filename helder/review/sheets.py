"""The tables reviewers see, in the workspace language: summary, terms, pages, tasks and candidates.

Both the Excel workbook and the CSV files are written from these tables, so the two always hold the same rows.
Terms and candidates carry the decision columns a reviewer fills in, pre-filled with the decision in force.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pandas as pd

from helder.audit.findability import tasks_not_found
from helder.audit.run import read_table
from helder.config import Workspace
from helder.language.readability import FORMULA_NAMES
from helder.review.apply import latest_per_term
from helder.review.decisions import current, load_decisions
from helder.review.labels import CANDIDATE_KINDS, COLUMNS, DECISION_WORDS, SHEETS, SUMMARY

# Column kinds: how a writer formats the values. "input" columns are the ones a reviewer fills in.
TEXT, INT, FLOAT, SHARE, URL, DATE = "text", "int", "float", "share", "url", "date"
INPUT_COLUMNS = ("decision", "own_plain", "reviewer", "date")
MAX_QUERIES = 10
MAX_MISSING_WORDS = 8


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str

    @property
    def is_input(self) -> bool:
        return self.key in INPUT_COLUMNS


@dataclass(frozen=True)
class Table:
    key: str  # summary, terms, pages, tasks, candidates
    name: str  # the sheet name in the workspace language
    columns: list[Column]
    rows: list[dict[str, Any]]

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


def review_tables(ws: Workspace) -> list[Table]:
    """Every table of the workbook, in sheet order, from the last audit and the stored decisions."""
    language = ws.language
    terms, findings, pages = read_table(ws, "terms"), read_table(ws, "findings"), read_table(ws, "pages")
    tasks, gaps, found = read_table(ws, "tasks"), read_table(ws, "gaps"), read_table(ws, "findability")
    candidates, pq = read_table(ws, "candidates"), read_table(ws, "page_queries")
    decided = current(load_decisions(ws))
    # A decision on a word counts on either sheet: an accepted candidate is a term in the next audit.
    latest = latest_per_term(decided)
    by_term = {t.lower(): r for t, r in zip(latest["term"], latest.to_dict("records"), strict=True)}
    readable = pages["readability"].dropna()
    summary = {
        "municipality": ws.name, "made": datetime.now().replace(microsecond=0),
        "pages": len(pages),
        "median_readability": round(float(readable.median()), 1) if len(readable) else None,
        "worst_readability": round(float(readable.min()), 1) if len(readable) else None,
        "formula": FORMULA_NAMES[language], "terms": len(terms), "occurrences": len(findings),
        "queries": int(pq["query_norm"].nunique()), "tasks": int((tasks["url"] != "").sum()),
        "candidates": len(candidates), "decided": len(decided), "reviewer": "",
    }
    return [
        _summary_table(language, summary),
        _terms_table(language, terms, findings, by_term),
        _pages_table(language, pages),
        _tasks_table(language, tasks, gaps, found),
        _candidates_table(language, candidates, by_term),
    ]


def _columns(language: str, spec: list[tuple[str, str]]) -> list[Column]:
    return [Column(key, COLUMNS[language][key], kind) for key, kind in spec]


def _summary_table(language: str, values: dict[str, Any]) -> Table:
    labels = SUMMARY[language]
    rows = [{"item": labels[key], "value": value} for key, value in values.items()]
    rows.append({"item": labels["how"], "value": labels["how_text"]})
    return Table("summary", SHEETS[language]["summary"],
                 _columns(language, [("item", TEXT), ("value", TEXT)]), rows)


def _decision_cells(language: str, decision: dict[str, Any] | None) -> dict[str, Any]:
    """The input columns pre-filled with the decision in force, or empty."""
    if decision is None:
        return {"decision": "", "own_plain": "", "reviewer": "", "date": None}
    return {
        "decision": DECISION_WORDS[language][decision["decision"]],
        "own_plain": decision["plain"] if decision["decision"] == "aangepast" else "",
        "reviewer": decision["reviewer"],
        "date": _moment(decision["decided_at"]),
    }


def _moment(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _examples(findings: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Per term: a sentence from the page where it occurs most, and that page."""
    if findings.empty:
        return {}
    counts = findings.groupby(["term", "url"]).size().rename("n").reset_index()
    best = counts.sort_values(["term", "n", "url"], ascending=[True, False, True]).drop_duplicates("term")
    first = findings.drop_duplicates(["term", "url"]).set_index(["term", "url"])["sentence"]
    return {term: (str(first.loc[(term, url)]), url) for term, url in zip(best["term"], best["url"], strict=True)}


def _terms_table(language: str, terms: pd.DataFrame, findings: pd.DataFrame,
                 decisions: dict[str, dict[str, Any]]) -> Table:
    columns = _columns(language, [
        ("term", TEXT), ("plain", TEXT), ("decision", TEXT), ("own_plain", TEXT), ("reviewer", TEXT),
        ("date", DATE), ("alternatives", TEXT), ("category", TEXT), ("occurrences", INT), ("pages", INT),
        ("impressions", INT), ("queries", TEXT), ("example", TEXT), ("example_page", URL), ("explanation", TEXT),
        ("source", TEXT)])
    examples = _examples(findings)
    rows = []
    for r in terms.to_dict("records"):
        sentence, page = examples.get(r["term"], ("", ""))
        rows.append({
            "term": r["term"], "plain": r["plain"], **_decision_cells(language, decisions.get(r["term"].lower())),
            "alternatives": r["alternatives"], "category": r["category"], "occurrences": int(r["occurrences"]),
            "pages": int(r["pages"]), "impressions": int(r["query_impressions"]),
            "queries": ", ".join(list(r["queries"])[:MAX_QUERIES]), "example": sentence, "example_page": page,
            "explanation": r["explanation"], "source": r["source"],
        })
    rows += _rejected_rows(language, "term", decisions, set(terms["term"].str.lower()))
    return Table("terms", SHEETS[language]["terms"], columns, rows)


def _rejected_rows(language: str, kind: str, decisions: dict[str, dict[str, Any]],
                   present: set[str]) -> list[dict[str, Any]]:
    """Rejected words the audit no longer reports, so that a reviewer sees them and can change their mind."""
    return [{"term": d["term"], **_decision_cells(language, d)} for key, d in sorted(decisions.items())
            if d["kind"] == kind and d["decision"] == "afgewezen" and key not in present]


def _number(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _pages_table(language: str, pages: pd.DataFrame) -> Table:
    columns = _columns(language, [
        ("title", TEXT), ("url", URL), ("section", TEXT), ("readability", FLOAT), ("words", INT),
        ("sentences", INT), ("avg_sentence_length", FLOAT), ("long_sentence_share", SHARE),
        ("long_word_share", SHARE), ("jargon", INT), ("jargon_per_100_words", FLOAT), ("query_count", INT),
        ("impressions", INT), ("clicks", INT)])
    rows = [{
        "title": r["title"], "url": r["url"], "section": r["section"], "readability": _number(r["readability"]),
        "words": int(r["words"]), "sentences": int(r["sentences"]),
        "avg_sentence_length": _number(r["avg_sentence_length"]),
        "long_sentence_share": _number(r["long_sentence_share"]), "long_word_share": _number(r["long_word_share"]),
        "jargon": int(r["jargon"]), "jargon_per_100_words": _number(r["jargon_per_100_words"]),
        "query_count": int(r["queries"]), "impressions": int(r["impressions"]), "clicks": int(r["clicks"]),
    } for r in pages.to_dict("records")]
    return Table("pages", SHEETS[language]["pages"], columns, rows)


def _tasks_table(language: str, tasks: pd.DataFrame, gaps: pd.DataFrame, found: pd.DataFrame) -> Table:
    columns = _columns(language, [
        ("task", TEXT), ("url", URL), ("section", TEXT), ("official_title", TEXT), ("impressions", INT),
        ("clicks", INT), ("found_share", SHARE), ("rank", INT), ("residents_say", TEXT), ("missing_words", TEXT),
        ("queries", TEXT)])
    with_page = tasks[tasks["url"] != ""]
    # Every task's share of found queries: tasks_not_found with a threshold no share reaches keeps them all.
    shares = tasks_not_found(found, with_page, min_share=1.01) if not with_page.empty and not found.empty else None
    share_of = {} if shares is None else dict(zip(zip(shares["task"], shares["url"], strict=True),
                                                  shares["found_share"], strict=True))
    rank_of = {(q, u): r for q, u, r in zip(found["query_norm"], found["url"], found["rank"], strict=True)}
    gap_of = {(g["task"], g["url"]): g for g in gaps.to_dict("records")}
    rows = []
    for r in tasks.to_dict("records"):
        key = (r["task"], r["url"])
        gap = gap_of.get(key, {})
        rank = rank_of.get(key)
        rows.append({
            "task": r["task"], "url": r["url"], "section": r["section"], "official_title": r["official_title"],
            "impressions": int(r["impressions"]), "clicks": int(r["clicks"]),
            "found_share": _number(share_of.get(key)), "rank": None if rank is None or pd.isna(rank) else int(rank),
            "residents_say": gap.get("residents_say", ""),
            "missing_words": ", ".join(list(gap.get("missing_words", []))[:MAX_MISSING_WORDS]),
            "queries": ", ".join(list(r["queries"])[:MAX_QUERIES]),
        })
    return Table("tasks", SHEETS[language]["tasks"], columns, rows)


def _candidates_table(language: str, candidates: pd.DataFrame, decisions: dict[str, dict[str, Any]]) -> Table:
    columns = _columns(language, [
        ("term", TEXT), ("kind", TEXT), ("proposal", TEXT), ("decision", TEXT), ("own_plain", TEXT),
        ("reviewer", TEXT), ("date", DATE), ("occurrences", INT), ("pages", INT), ("zipf", FLOAT),
        ("in_queries", INT), ("score", FLOAT), ("example", TEXT), ("example_page", URL)])
    rows = []
    for r in candidates.to_dict("records"):
        urls = list(r["urls"])
        rows.append({
            "term": r["term"], "kind": CANDIDATE_KINDS[language].get(r["kind"], r["kind"]),
            "proposal": str(r.get("plain") or ""), **_decision_cells(language, decisions.get(r["term"].lower())),
            "occurrences": int(r["occurrences"]), "pages": int(r["pages"]), "zipf": _number(r["zipf"]),
            "in_queries": int(r["in_queries"]), "score": _number(r["score"]), "example": r["example"],
            "example_page": urls[0] if urls else "",
        })
    rows += _rejected_rows(language, "candidate", decisions, set(candidates["term"].str.lower()))
    return Table("candidates", SHEETS[language]["candidates"], columns, rows)
