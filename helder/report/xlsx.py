"""The Excel jargon report (`reports/jargon.xlsx`): the review tables as sheets, ready to filter, sort and decide.

Every sheet has a frozen, filterable header row; numbers are numbers, addresses are links (http and https only),
and the decision column offers the decision words in a drop-down. Crawled text is written as text: a value
starting with = + - @ is stored as a string, never as a formula.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from helder.atomic import atomic_path
from helder.review.labels import DECISION_WORDS, SUMMARY
from helder.review.sheets import DATE, FLOAT, INT, SHARE, URL, Table

WRITER = "Helder"  # the workbook's author; import never takes it for a reviewer's name
FORMULA_STARTS = ("=", "+", "-", "@")
MAX_CELL = 32_000  # Excel holds at most 32,767 characters in a cell
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
_INPUT_FILL = PatternFill("solid", fgColor="FFF4CC")  # the cells a reviewer fills in
_MIN_WIDTH, _MAX_WIDTH = 8, 60
_FORMATS = {INT: "#,##0", FLOAT: "0.0", SHARE: "0%", DATE: "yyyy-mm-dd hh:mm"}
_ERROR = {"nl": ("Kies een beslissing", "Kies akkoord, afgewezen of aangepast."),
          "en": ("Choose a decision", "Choose accepted, rejected or edited.")}
_PROMPT = {"nl": "Bij aangepast: schrijf uw eigen woord in Eigen alternatief.",
           "en": "For edited: write your own words in Own alternative."}


def write_xlsx_report(path: Path, language: str, tables: list[Table]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.creator = WRITER
    workbook.properties.lastModifiedBy = WRITER
    for table in tables:
        sheet = workbook.create_sheet(table.name)
        _fill(sheet, table)
        if table.key == "summary":
            _mark_reviewer_cell(sheet, language)
        decision = table.column("decision")
        if decision is not None:
            _add_decision_list(sheet, table.columns.index(decision) + 1, len(table.rows), language)
    with atomic_path(path) as tmp:
        workbook.save(tmp)
    return path


def set_text(cell: Any, value: str) -> None:
    """Write crawled or typed text as text: control characters Excel refuses are dropped, and a value that looks
    like a formula is stored as a string (data type "s"), so it is shown, never calculated."""
    text = ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL]
    cell.value = text
    if text.startswith(FORMULA_STARTS):
        cell.data_type = "s"


def _fill(sheet: Worksheet, table: Table) -> None:
    sheet.append([c.label for c in table.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    for number, row in enumerate(table.rows, start=2):
        for index, column in enumerate(table.columns, start=1):
            cell = sheet.cell(row=number, column=index)
            _write(cell, row.get(column.key), column.kind)
            if column.is_input:
                cell.fill = _INPUT_FILL
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(table.columns))
    sheet.auto_filter.ref = f"A1:{last}{max(2, len(table.rows) + 1)}"
    _widths(sheet, table)


def _write(cell: Any, value: Any, kind: str) -> None:
    if value is None or value == "":
        return
    if isinstance(value, (datetime, int, float)):  # numbers and dates stay numbers, never text
        cell.value = value
    else:
        set_text(cell, str(value))
        if kind == URL and urlsplit(str(value)).scheme in ("http", "https"):
            cell.hyperlink = str(value)
            cell.style = "Hyperlink"
    if kind in _FORMATS and not isinstance(cell.value, str):
        cell.number_format = _FORMATS[kind]
    if isinstance(cell.value, str) and len(cell.value) > _MAX_WIDTH:
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _widths(sheet: Worksheet, table: Table) -> None:
    """Wide enough for the header and typical values (the first 200 rows), never wider than _MAX_WIDTH."""
    for index, column in enumerate(table.columns, start=1):
        values = [column.label] + [str(r.get(column.key) or "") for r in table.rows[:200]]
        if column.kind == DATE:
            values.append("2026-01-01 00:00")
        longest = max(len(v.split("\n")[0]) for v in values)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(_MIN_WIDTH, longest + 2), _MAX_WIDTH)


def _mark_reviewer_cell(sheet: Worksheet, language: str) -> None:
    """The summary's reviewer value cell is the one input on that sheet: highlight it."""
    for row in sheet.iter_rows(min_row=2, max_col=2):
        if row[0].value == SUMMARY[language]["reviewer"]:
            row[1].fill = _INPUT_FILL


def _add_decision_list(sheet: Worksheet, column: int, rows: int, language: str) -> None:
    words = ",".join(DECISION_WORDS[language].values())
    title, message = _ERROR[language]
    validation = DataValidation(type="list", formula1=f'"{words}"', allow_blank=True, showErrorMessage=True,
                                errorTitle=title, error=message, showInputMessage=True, promptTitle=title,
                                prompt=_PROMPT[language])
    letter = get_column_letter(column)
    validation.add(f"{letter}2:{letter}{max(2, rows + 1)}")
    sheet.add_data_validation(validation)
