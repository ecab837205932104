"""`helder audit`: read the crawl and the residents' words once, write every audit table to `data/audit/`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from rich.progress import Progress

from helder.atomic import atomic_path
from helder.audit.candidates import discover_candidates
from helder.audit.findability import findability, tasks_not_found
from helder.audit.gaps import vocabulary_gaps
from helder.audit.history import record_audit
from helder.audit.jargon import summarise_terms
from helder.audit.outliers import outliers
from helder.audit.page_pass import read_pages
from helder.audit.pages import AuditPage, load_pages
from helder.audit.residents import page_queries, tasks
from helder.config import Workspace
from helder.errors import HelderError
from helder.language import get_language
from helder.language.lexicon import load_lexicon
from helder.language.readability import FORMULA_NAMES, Readability, measure
from helder.review.apply import rejected_terms
from helder.terms.store import load_terms
from helder.terms.variants import site_words, unify_spelling

TABLES = ("findings", "terms", "pages", "page_queries", "tasks", "gaps", "outliers", "candidates", "findability",
          "tasks_not_found")


@dataclass
class AuditResult:
    pages: int
    findings: int
    terms: int
    tasks: int
    queries_on_pages: int
    median_readability: float
    tables: dict[str, Path]


def run_audit(ws: Workspace, show_progress: bool = True) -> AuditResult:
    language = get_language(ws.language)
    lexicon = load_lexicon(language, ws.lexicon_overrides)
    pages = load_pages(ws)
    terms = unify_spelling(load_terms(ws), page_words(pages), language, ws.own_names)

    with Progress(disable=not show_progress, transient=True) as progress:
        step = progress.add_task("audit", total=4)
        read = read_pages(pages, lexicon)
        findings = read.findings
        progress.advance(step)
        pq = page_queries(terms, pages)
        progress.advance(step)
        scores = page_scores(pages, findings, pq, ws.language, read.readability)
        progress.advance(step)
        task_table = tasks(pq, pages, terms, ws.language, ws.own_names)
        found = findability(pages, pq, ws.language)
        tables = {"findings": findings, "terms": summarise_terms(findings, lexicon, pq), "pages": scores,
                  "page_queries": pq, "tasks": task_table,
                  "gaps": vocabulary_gaps(task_table, pages, findings, language, ws.own_names),
                  "outliers": outliers(scores, pq, task_table),
                  "candidates": discover_candidates(pages, lexicon, terms["query_norm"].dropna().unique(),
                                                    ws.language, rejected=rejected_terms(ws), counted=read.counted),
                  "findability": found,
                  "tasks_not_found": tasks_not_found(found, task_table[task_table["url"] != ""])}
        paths = {name: write_table(ws, name, frame) for name, frame in tables.items()}
        record_audit(ws, tables)  # after the tables, so the history never names an audit that was not stored
        progress.advance(step)
    with_page = int((tables["tasks"]["url"] != "").sum())
    return AuditResult(pages=len(pages), findings=len(findings), terms=len(tables["terms"]), tasks=with_page,
                       queries_on_pages=int(pq["query_norm"].nunique()),
                       median_readability=float(scores["readability"].median()), tables=paths)


def page_scores(pages: list[AuditPage], findings: pd.DataFrame, pq: pd.DataFrame, language: str,
                readability: list[Readability] | None = None) -> pd.DataFrame:
    """One row per page: readability (measured here unless the page pass gives it), jargon and traffic."""
    jargon_counts = findings.groupby("url").size() if not findings.empty else pd.Series(dtype=int)
    traffic = pq.groupby("url").agg(queries=("query_norm", "nunique"), impressions=("impressions", "sum"),
                                    clicks=("clicks", "sum"))
    rows = []
    if readability is None:
        readability = [measure(page.running_text, language) for page in pages]
    for page, score in zip(pages, readability, strict=True):
        jargon = int(jargon_counts.get(page.url, 0))
        rows.append({
            "url": page.url, "title": page.h1 or page.title, "section": page.section,
            "words": score.words, "sentences": score.sentences,
            "readability": score.score, "formula": FORMULA_NAMES[language],
            "avg_sentence_length": round(score.avg_sentence_length, 1),
            "long_sentence_share": round(score.long_sentence_share, 3),
            "lix": score.lix, "flesch_kincaid_grade": score.flesch_kincaid_grade,
            "long_word_share": round(score.long_word_share, 3), "passive_share": round(score.passive_share, 3),
            "rare_word_share": round(score.rare_word_share, 3),
            "jargon": jargon,
            "jargon_per_100_words": round(100 * jargon / score.words, 2) if score.words else 0.0,
        })
    frame = pd.DataFrame(rows).merge(traffic, left_on="url", right_index=True, how="left")
    counts = ["queries", "impressions", "clicks"]
    frame[counts] = frame[counts].fillna(0).astype(int)
    return frame.sort_values("jargon_per_100_words", ascending=False, ignore_index=True)


def page_words(pages: list[AuditPage]) -> set[str]:
    """Every distinct word of the crawled pages: what spelling variants of queries are corrected to."""
    return site_words(text for page in pages for text in (page.title, page.h1, *(t for _, t in page.blocks)) if text)


def write_table(ws: Workspace, name: str, frame: pd.DataFrame) -> Path:
    path = ws.audit_dir / f"{name}.parquet"
    with atomic_path(path) as tmp:
        frame.to_parquet(tmp, index=False)
    return path


def read_table(ws: Workspace, name: str) -> pd.DataFrame:
    path = ws.audit_dir / f"{name}.parquet"
    if not path.exists():
        raise HelderError(f"{path}: no audit yet. Run `helder audit` first.")
    return pd.read_parquet(path)


def export_tables(ws: Workspace, target: Path) -> list[Path]:
    """`helder audit export DIR`: every audit table as CSV (lists joined with " | ") for other tools."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        frame = read_table(ws, name)
        for column in frame.columns:
            if frame[column].map(lambda v: hasattr(v, "__len__") and not isinstance(v, str)).any():
                frame[column] = frame[column].map(lambda v: " | ".join(map(str, v)) if v is not None else "")
        path = target / f"{name}.csv"
        with atomic_path(path) as tmp:
            frame.to_csv(tmp, index=False)
        written.append(path)
    return written
