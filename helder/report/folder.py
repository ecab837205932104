"""`reports/index.html` and the pages beside it: gather the audit, the review decisions, the generated pages and
the audit history, then render the folder (see `helder.report.html`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from helder.audit.history import Comparison, compare, list_audits, resolve
from helder.audit.pages import AuditPage, load_pages
from helder.audit.run import read_table
from helder.config import Workspace
from helder.errors import HelderError
from helder.language.readability import FORMULA_NAMES
from helder.report import figures, model
from helder.report.generated import findability_after, generated_pages
from helder.report.html import NO_THEME, write_compare_page, write_html_report
from helder.report.labels import LABELS
from helder.review.decisions import load_decisions
from helder.terms.store import load_terms


def load_tables(ws: Workspace) -> model.AuditTables:
    return model.AuditTables(**{name: read_table(ws, name) for name in model.AuditTables.__dataclass_fields__})


def crawled_pages(ws: Workspace) -> dict[str, AuditPage]:
    """The crawled pages, for sentences in context; a report still renders (without them) when the crawl store
    is gone, with highlights found by the matched form instead of the offsets."""
    try:
        return {p.url: p for p in load_pages(ws)}
    except HelderError:
        return {}


def progress(ws: Workspace, t: dict[str, Any]) -> tuple[str | None, list[tuple[str, Comparison]]]:
    """The change since the previous audit and since the first (when that is another one)."""
    audits = list_audits(ws)
    if not audits:
        return None, []
    latest = audits[-1]
    result = []
    if len(audits) >= 2:
        result.append((t["since_previous"], compare(ws, audits[-2], latest)))
    if len(audits) >= 3:
        result.append((t["since_first"], compare(ws, audits[0], latest)))
    return latest.id, result


def _filters(terms: list[dict[str, Any]], pages: dict[str, Any], tasks: dict[str, Any],
             candidates: dict[str, Any], t: dict[str, Any]) -> dict[str, Any]:
    # Pages outside any theme get the key NO_THEME: an empty option value would mean "all".
    themes = sorted({theme or NO_THEME for term in terms for theme in term["themes"]})
    page_themes = sorted({p["section"] or NO_THEME for p in pages["rows"]})
    task_themes = sorted({r["section"] or NO_THEME for r in tasks["rows"]})
    return {
        "themes": themes, "page_themes": page_themes, "task_themes": task_themes,
        "theme_labels": {NO_THEME: t["no_theme"]},
        "categories": sorted({term["category"] for term in terms}),
        "statuses": [s for s in ("new", "accepted", "rejected", "edited")
                     if any(term["decision"]["status"] == s for term in terms)],
        "candidate_kinds": sorted({c["kind"] for c in candidates["rows"]}),
        "candidate_statuses": [s for s in ("new", "accepted", "rejected", "edited")
                               if any(c["decision"]["status"] == s for c in candidates["rows"])],
    }


def build_context(ws: Workspace) -> dict[str, Any]:
    t = LABELS[ws.language]
    decimal = "," if ws.language == "nl" else "."
    tables = load_tables(ws)
    crawled = crawled_pages(ws)
    texts = {url: "\n\n".join(text for _, text in page.blocks) for url, page in crawled.items()}
    decisions = load_decisions(ws)
    generated = generated_pages(ws)
    by_source = {url: g for g in generated for url in g.source_urls}
    after = findability_after(generated, tables.findability, ws.language)
    terms = model.term_rows(tables, texts, decisions)
    pages = model.page_rows(tables, crawled, by_source, ws.language)
    tasks = model.task_rows(tables, by_source, after)
    candidates = model.candidate_rows(tables.candidates, decisions)
    audit_id, changes = progress(ws, t)
    return {
        "name": ws.name, "today": date.today().isoformat(), "formula": FORMULA_NAMES[ws.language],
        "audit_id": audit_id, "progress": changes,
        "summary": model.summary(tables, load_terms(ws)),
        "terms": terms, "pages": pages, "tasks": tasks, "candidates": candidates,
        "filters": _filters(terms, pages, tasks, candidates, t),
        "charts": {"readability": figures.readability_chart(tables.pages, t, decimal),
                   "jargon": figures.jargon_chart(tables.pages, t, decimal),
                   "findability": figures.findability_chart(tasks["rows"], t, decimal)},
    }


def write_html_folder(ws: Workspace) -> Path:
    return write_html_report(ws.reports_dir, ws.language, build_context(ws))


def write_comparison(ws: Workspace, first: str, second: str) -> tuple[Comparison, Path]:
    """`helder report --compare A B`: the comparison of two kept audits, written as reports/compare-A-B.html."""
    audits = list_audits(ws)
    a, b = resolve(ws, first, audits), resolve(ws, second, audits)
    comparison = compare(ws, a, b)
    path = ws.reports_dir / f"compare-{a.id}-{b.id}.html"
    context = {"name": ws.name, "today": date.today().isoformat(), "audit_id": None, "comparison": comparison}
    return comparison, write_compare_page(path, ws.language, context)

