"""`helder report` (also run by `helder audit`): turn the audit tables into the reviewers' reports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from helder.audit.run import read_table
from helder.config import Workspace
from helder.language.readability import FORMULA_NAMES
from helder.report.csv_tables import write_csv_tables
from helder.report.html import write_html_report
from helder.report.xlsx import write_xlsx_report
from helder.review.sheets import review_tables


@dataclass
class ReportPaths:
    html: Path
    xlsx: Path
    csv: list[Path]  # the review tables as CSV, review.csv last


def write_reports(ws: Workspace) -> ReportPaths:
    terms, findings, pages = read_table(ws, "terms"), read_table(ws, "findings"), read_table(ws, "pages")
    pq = read_table(ws, "page_queries")
    readable = pages["readability"].dropna()
    summary = {
        "pages": len(pages),
        "median_readability": round(float(readable.median()), 1) if len(readable) else "–",
        "worst_readability": round(float(readable.min()), 1) if len(readable) else "–",
        "formula": FORMULA_NAMES[ws.language],
        "terms": len(terms),
        "occurrences": len(findings),
        "queries": int(pq["query_norm"].nunique()),
    }
    html = write_html_report(ws.reports_dir / "jargon.html", ws.name, ws.language, summary, terms, findings,
                             pages)
    tables = review_tables(ws)
    xlsx = write_xlsx_report(ws.reports_dir / "jargon.xlsx", ws.language, tables)
    csv = write_csv_tables(ws.reports_dir, ws.language, tables)
    return ReportPaths(html=html, xlsx=xlsx, csv=csv)
