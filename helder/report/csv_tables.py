"""The review tables as CSV files in `reports/`, made for opening in Excel, and `reports/review.csv`.

Excel opens a CSV with the list separator and decimal mark of the computer's regional settings and reads it as
UTF-8 only when the file starts with a byte order mark. So the files are UTF-8 with BOM, and for a Dutch
workspace `;`-separated with decimal commas (what Dutch Excel opens correctly by double-click), for an English one
`,`-separated with decimal points. Text that Excel would take for a formula (starting with = + - @) gets a leading
apostrophe, which Excel hides and `helder review import` removes. For machine use, `helder audit export DIR`
writes the raw audit tables as plain comma-separated UTF-8.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path
from typing import Any

from helder.atomic import write_bytes
from helder.review.labels import COLUMNS, KIND_WORDS
from helder.review.sheets import DATE, Column, Table

FILE_NAMES = {"summary": "summary.csv", "terms": "terms.csv", "pages": "pages.csv", "tasks": "tasks.csv",
              "candidates": "candidates.csv"}
REVIEW_FILE = "review.csv"
REVIEW_COLUMNS = ("term", "kind", "current_plain", "decision", "own_plain", "reviewer", "date")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SEPARATORS = {"nl": ";", "en": ","}
DECIMALS = {"nl": ",", "en": "."}


def write_csv_tables(folder: Path, language: str, tables: list[Table]) -> list[Path]:
    """One CSV per table plus review.csv; returns the paths written."""
    written = []
    for table in tables:
        path = folder / FILE_NAMES[table.key]
        written.append(_write(path, language, table.columns, table.rows))
    written.append(write_review_csv(folder / REVIEW_FILE, language, tables))
    return written


def write_review_csv(path: Path, language: str, tables: list[Table]) -> Path:
    """Every term and candidate with the decision columns: a reviewer may fill this instead of the workbook."""
    columns = [Column(key, COLUMNS[language][key], DATE if key == "date" else "text") for key in REVIEW_COLUMNS]
    rows = []
    for table in tables:
        if table.key not in ("terms", "candidates"):
            continue
        kind = KIND_WORDS[language]["term" if table.key == "terms" else "candidate"]
        plain_key = "plain" if table.key == "terms" else "proposal"
        rows += [{"term": r["term"], "kind": kind, "current_plain": r.get(plain_key, ""), "decision": r["decision"],
                  "own_plain": r["own_plain"], "reviewer": r["reviewer"], "date": r["date"]} for r in table.rows]
    return _write(path, language, columns, rows)


def _write(path: Path, language: str, columns: list[Column], rows: list[dict[str, Any]]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=SEPARATORS[language], lineterminator="\r\n")
    writer.writerow([c.label for c in columns])
    for row in rows:
        writer.writerow([_cell(row.get(c.key), language) for c in columns])
    write_bytes(path, buffer.getvalue().encode("utf-8-sig"))
    return path


def _cell(value: Any, language: str) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return repr(round(value, 3)).replace(".", DECIMALS[language])
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
