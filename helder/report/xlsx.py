"""The Excel jargon report: the same tables as sheets, ready to filter and sort."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from helder.atomic import atomic_path
from helder.report.labels import LABELS

_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
_MAX_WIDTH = 60


def write_xlsx_report(path: Path, language: str, terms: pd.DataFrame, findings: pd.DataFrame,
                      pages: pd.DataFrame) -> Path:
    t = LABELS[language]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = t["terms"]
    _fill(sheet, [t["term"], t["plain"], t["alternatives"], t["category"], t["occurrences"], t["pages"],
                  t["residents_queries"], t["explanation"], t["source"], t["page_urls"]],
          [[r["term"], r["plain"], r["alternatives"], r["category"], int(r["occurrences"]), int(r["pages"]),
            ", ".join(r["queries"]), r["explanation"], r["source"], "\n".join(r["urls"])]
           for r in terms.to_dict("records")])
    _fill(workbook.create_sheet(t["findings_sheet"]),
          [t["term"], t["matched"], t["plain"], t["sentence"], t["page"]],
          [[r.term, r.matched, r.plain, r.sentence, r.url] for r in findings.itertuples()])
    _fill(workbook.create_sheet(t["pages"]),
          [t["page"], "URL", t["readability"], t["jargon_per_100"], t["words"], t["long_sentences"]],
          [[r.title, r.url, _number(r.readability), float(r.jargon_per_100_words), int(r.words),
            float(r.long_sentence_share)] for r in pages.itertuples()])
    with atomic_path(path) as tmp:
        workbook.save(tmp)
    return path


def _number(value: Any) -> float | None:
    return None if pd.isna(value) else float(value)


def _fill(sheet: Any, header: list[str], rows: list[list[Any]]) -> None:
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, column in enumerate(sheet.iter_cols(min_row=1, max_row=min(sheet.max_row, 200)), start=1):
        longest = max((len(str(c.value).split("\n")[0]) for c in column if c.value is not None), default=8)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(10, longest + 2), _MAX_WIDTH)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and len(cell.value) > _MAX_WIDTH:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
