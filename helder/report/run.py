"""`helder report` (also run by `helder audit`): turn the audit tables into the reviewers' reports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from helder.config import Workspace
from helder.report.csv_tables import write_csv_tables
from helder.report.folder import write_html_folder
from helder.report.xlsx import write_xlsx_report
from helder.review.sheets import review_tables


@dataclass
class ReportPaths:
    html: Path  # reports/index.html, with the other pages beside it
    xlsx: Path
    csv: list[Path]  # the review tables as CSV, review.csv last


def write_reports(ws: Workspace) -> ReportPaths:
    html = write_html_folder(ws)
    tables = review_tables(ws)
    xlsx = write_xlsx_report(ws.reports_dir / "jargon.xlsx", ws.language, tables)
    csv = write_csv_tables(ws.reports_dir, ws.language, tables)
    return ReportPaths(html=html, xlsx=xlsx, csv=csv)
