"""Read reviewers' decisions from a filled workbook (`jargon.xlsx`) or `review.csv`, checking every row.

Who decided: the row's reviewer cell, else the workbook summary's reviewer cell, else `--reviewer`, else the
workbook's "last modified by" property. When: the row's date if filled, else the workbook's last-modified
property (Excel and LibreOffice set it on save), else the file's modification time. Every row is checked before
anything is stored; a bad row stops the import with one line naming the file, sheet and row.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from openpyxl.utils.datetime import from_excel

from helder.errors import HelderError
from helder.review.labels import COLUMNS, SHEETS, SUMMARY, decision_from_word, header_key, kind_from_word
from helder.terms.tables import decode, is_xlsx

SHEET_KINDS = {name.lower(): ("term" if key == "terms" else "candidate")
               for names in SHEETS.values() for key, name in names.items() if key in ("terms", "candidates")}
SUMMARY_SHEETS = {names["summary"].lower() for names in SHEETS.values()}
REVIEWER_LABELS = {labels["reviewer"].lower() for labels in SUMMARY.values()}
IGNORED_AUTHORS = {"", "helder", "openpyxl"}  # written by tools, not by a person
FORMULA_GUARD = ("'=", "'+", "'-", "'@")  # the apostrophe our CSV files put before formula-like text
_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d",
                 "%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M", "%d-%m-%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y")


@dataclass(frozen=True)
class ImportedDecision:
    term: str
    kind: str  # term | candidate
    decision: str  # akkoord | afgewezen | aangepast
    plain: str  # the proposal accepted, or the reviewer's own words; empty when rejected
    reviewer: str
    decided_at: str  # ISO, seconds
    where: str  # "file, sheet Termen, row 5": for messages


@dataclass(frozen=True)
class _Row:
    kind: str
    cells: dict[str, Any]
    where: str


@dataclass(frozen=True)
class _Source:
    rows: list[_Row]
    reviewer: str  # the file-wide reviewer: the workbook summary's reviewer cell
    author: str  # the workbook's "last modified by", when a person saved it
    modified: datetime  # when the file was last saved


def read_decisions_file(path: Path, reviewer: str | None = None) -> list[ImportedDecision]:
    """The decisions filled in `path` (.xlsx or .csv); rows without a decision are left out."""
    if not path.is_file():
        raise HelderError(f"{path}: no such file; give the path of the filled jargon.xlsx or review.csv.")
    source = _read_workbook(path) if is_xlsx(path) else _read_csv(path)
    decisions = []
    for row in source.rows:
        parsed = _decision(row, source, reviewer)
        if parsed is not None:
            decisions.append(parsed)
    return decisions


def _file_time(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC).replace(tzinfo=None, microsecond=0)


def _read_workbook(path: Path) -> _Source:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise HelderError(f"{path}: not a readable Excel workbook ({exc}); save it again as .xlsx.") from None
    try:
        rows: list[_Row] = []
        sheet_reviewer = ""
        for sheet in book.worksheets:
            name = sheet.title.lower()
            if name in SUMMARY_SHEETS:
                sheet_reviewer = _summary_reviewer(sheet)
            elif name in SHEET_KINDS:
                rows += _sheet_rows(path, sheet, SHEET_KINDS[name])
        if not any(name.lower() in SHEET_KINDS for name in book.sheetnames):
            wanted = ", ".join(sorted(n for names in SHEETS.values() for k, n in names.items()
                                      if k in ("terms", "candidates")))
            raise HelderError(f"{path}: no sheet named {wanted}; import the jargon.xlsx that Helder wrote.")
        author = (book.properties.lastModifiedBy or "").strip()
        modified = book.properties.modified
    finally:
        book.close()
    when = modified.replace(microsecond=0, tzinfo=None) if isinstance(modified, datetime) else _file_time(path)
    return _Source(rows, sheet_reviewer, "" if author.lower() in IGNORED_AUTHORS else author, when)


def _summary_reviewer(sheet: Any) -> str:
    for row in sheet.iter_rows(min_row=1, max_col=2, values_only=True):
        if row and isinstance(row[0], str) and row[0].strip().lower() in REVIEWER_LABELS:
            return _text(row[1] if len(row) > 1 else None)
    return ""


def _sheet_rows(path: Path, sheet: Any, kind: str) -> list[_Row]:
    values = sheet.iter_rows(values_only=True)
    header = next(values, None) or ()
    keys = _header(header, f"{path}, sheet {sheet.title}")
    rows = []
    for number, row in enumerate(values, start=2):
        cells = {key: row[i] for i, key in keys.items() if i < len(row)}
        rows.append(_Row(kind, cells, f"{path}, sheet {sheet.title}, row {number}"))
    return rows


def _header(header: tuple[Any, ...] | list[str], where: str) -> dict[int, str]:
    keys = {i: header_key(str(label)) for i, label in enumerate(header) if label is not None}
    found = {i: k for i, k in keys.items() if k is not None}
    missing = [k for k in ("term", "decision") if k not in found.values()]
    if missing:
        names = " and ".join(f"{COLUMNS['nl'][k]!r}" for k in missing)
        raise HelderError(f"{where}: the header row has no {names} column; import the file Helder wrote.")
    return found


def _read_csv(path: Path) -> _Source:
    text = decode(path.read_bytes(), str(path))
    if not text.strip():
        raise HelderError(f"{path}: the file is empty; fill in reports/review.csv and import that.")
    first_line = text.lstrip("\ufeff").splitlines()[0]
    delimiter = max([",", ";", "\t"], key=first_line.count)
    try:
        table = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise HelderError(f"{path}: not a readable CSV file ({exc}).") from None
    keys = _header(table[0], str(path))
    if "kind" not in keys.values():
        raise HelderError(f"{path}: the header row has no {COLUMNS['nl']['kind']!r} column; "
                          f"fill in reports/review.csv and import that.")
    rows = []
    for number, row in enumerate(table[1:], start=2):
        cells = {key: row[i] for i, key in keys.items() if i < len(row)}
        where = f"{path}, row {number}"
        kind_word = _text(cells.get("kind"))
        if not kind_word and not _text(cells.get("term")):
            continue
        kind = kind_from_word(kind_word)
        if kind is None:
            raise HelderError(f"{where}: kind {kind_word!r} must be term or kandidaat (candidate).")
        rows.append(_Row(kind, cells, where))
    return _Source(rows, "", "", _file_time(path))


def _text(value: Any) -> str:
    if value is None:
        return ""
    text = str(value).strip()
    return text[1:] if text.startswith(FORMULA_GUARD) else text


def _decision(row: _Row, source: _Source, reviewer: str | None) -> ImportedDecision | None:
    term, word = _text(row.cells.get("term")), _text(row.cells.get("decision"))
    if not word:
        return None
    if not term:
        raise HelderError(f"{row.where}: a decision without a term; fill in the term or clear the decision.")
    decision = decision_from_word(word)
    if decision is None:
        raise HelderError(f"{row.where}: {word!r} is not a decision; choose akkoord, afgewezen or aangepast "
                          f"(accepted, rejected, edited).")
    own = _text(row.cells.get("own_plain"))
    proposal = _text(row.cells.get("plain") or row.cells.get("proposal") or row.cells.get("current_plain"))
    if decision == "akkoord" and own:
        decision = "aangepast"  # the reviewer's own words next to "akkoord": they accept their own alternative
    if decision == "aangepast" and not own:
        raise HelderError(f"{row.where}: {term!r} is marked aangepast (edited) without an alternative; write it "
                          f"in the column {COLUMNS['nl']['own_plain']!r} ({COLUMNS['en']['own_plain']!r}).")
    if decision == "akkoord" and row.kind == "candidate" and not proposal:
        raise HelderError(f"{row.where}: candidate {term!r} has no proposed alternative to accept; write one in "
                          f"the column {COLUMNS['nl']['own_plain']!r} ({COLUMNS['en']['own_plain']!r}).")
    plain = {"akkoord": proposal, "aangepast": own, "afgewezen": ""}[decision]
    who = _text(row.cells.get("reviewer")) or source.reviewer or (reviewer or "").strip() or source.author
    if not who:
        raise HelderError(f"{row.where}: who decided? Fill in {COLUMNS['nl']['reviewer']!r} on the row or on the "
                          f"summary sheet, or pass --reviewer NAME.")
    when = _moment(row.cells.get("date"), row.where) or source.modified
    return ImportedDecision(term=term, kind=row.kind, decision=decision, plain=plain, reviewer=who,
                            decided_at=when.isoformat(timespec="seconds"), where=row.where)


def _moment(value: Any, where: str) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.replace(microsecond=0, tzinfo=None)
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 2_958_466:
        return from_excel(value).replace(microsecond=0)  # a date cell Excel kept as its serial number
    text = _text(value)
    if not text:
        return None
    for form in _DATE_FORMATS:
        try:
            return datetime.strptime(text, form)
        except ValueError:
            continue
    raise HelderError(f"{where}: date {text!r} is not a date; write it as 2026-03-01 or 1-3-2026, or leave it empty.")
