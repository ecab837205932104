"""Every search-terms file Helder reads, behind one entry point: `read_search_terms`.

Formats, recognised by their header row (never by file name, except Matomo's no-result report, see below):

- Google Search Console: the UI's ZIP, a folder of its CSVs, one of its tables (also a date-comparison export,
  of which the current period's columns are read) — see `search_console.py`. Source "search-console".
- Matomo site search (`Actions.getSiteSearchKeywords`, `Actions.getSiteSearchNoResultKeywords`): columns
  label/Keyword/Zoekwoord and nb_visits/Searches/Zoekopdrachten. The no-result report is told apart by its
  label header ("Keyword with No Search Result"), by a file name mentioning "no result", or by having Matomo's
  exit column without the search-results-pages column. Source "matomo", `searches` = number of searches.
- Google Analytics 4: the "Search terms" report or exploration CSV, "#" comment lines before the header (the
  period is read from "# Start date: 20260801" / "# End date: 20261031"), columns Search term/Zoekterm and
  Event count/Aantal gebeurtenissen, optionally Page path/Paginapad. Source "ga4", `searches` = event count.
- A plain two-column file: a query column (query, zoekterm, term, …) and a count column (count, aantal,
  searches, …). Source "file".
- Any other table through an explicit column mapping (`--columns`). Source "file".

Each format may also come as an XLSX workbook: the first sheet with a recognised header row within its first
20 rows is read. Text files may be UTF-8 (with or without BOM), UTF-16 (Matomo's default) or Windows-1252,
separated by commas, semicolons or tabs.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from helder.errors import HelderError
from helder.terms import search_console
from helder.terms.numbers import parse_float, parse_int
from helder.terms.search_console import _metrics_table, read_export
from helder.terms.tables import decode, is_xlsx, split_rows

FRAME_COLUMNS = ["query", "page", "clicks", "impressions", "ctr", "position", "searches", "no_result",
                 "dimensions", "source", "file"]
MAPPABLE = ("query", "page", "clicks", "impressions", "ctr", "position", "searches")
HEADER_ROWS = 20

ACCEPTED = (
    f"{search_console.ACCEPTED}; Matomo site-search exports (Keyword/Zoekwoord/label with "
    "Searches/Zoekopdrachten/nb_visits, also the no-result keywords report); GA4 'Search terms' CSV "
    "(Search term/Zoekterm with Event count/Aantal gebeurtenissen, optionally Page path/Paginapad); "
    "a two-column file query,count (or zoekterm,aantal, term,searches); any of these as CSV or XLSX; "
    "or any table with --columns query=COLUMN,searches=COLUMN (also page, clicks, impressions)"
)

_MATOMO_QUERY = {"label", "keyword", "keywords", "zoekwoord", "zoekwoorden", "trefwoord", "search keyword",
                 "keyword with no search result", "keywords with no search results", "zoekwoord zonder resultaten",
                 "zoekwoord zonder zoekresultaat", "zoekwoorden zonder zoekresultaten"}
_MATOMO_SEARCHES = {"nb_visits", "searches", "zoekopdrachten", "aantal zoekopdrachten"}
_MATOMO_PAGES = {"nb_pages_per_search", "search results pages", "search result pages", "zoekresultatenpagina's",
                 "zoekresultaatpagina's", "pagina's met zoekresultaten"}
_MATOMO_EXITS = {"exit_nb_visits", "exit_rate", "% search exits", "search exits", "% verlaten na zoeken",
                 "% zoekopdrachten verlaten", "verlaten na zoeken"}
_NO_RESULT_WORDS = ("no result", "no search result", "noresult", "zonder", "geen resultat", "geen zoekresultat")

_GA4_QUERY = {"search term", "zoekterm", "zoekopdracht", "search query"}
_GA4_COUNT = {"event count", "aantal gebeurtenissen", "gebeurtenisaantal", "events"}
_GA4_PAGE = {"page path", "paginapad", "page path and screen class", "paginapad en schermklasse",
             "page location", "paginalocatie", "landing page", "bestemmingspagina"}
_GA4_SKIP = {"", "(not set)", "(niet ingesteld)", "totals", "total", "grand total", "totaal", "eindtotaal"}
_GA4_START = re.compile(r"^#\s*(start date|startdatum|begindatum)\s*:\s*(\S+)", re.IGNORECASE)
_GA4_END = re.compile(r"^#\s*(end date|einddatum)\s*:\s*(\S+)", re.IGNORECASE)

_PLAIN_QUERY = {"query", "queries", "zoekterm", "zoektermen", "term", "terms", "search term", "keyword",
                "zoekwoord", "trefwoord", "zoekopdracht", "zoekvraag", "search", "zoekopdrachten"}
_PLAIN_COUNT = {"count", "aantal", "searches", "zoekopdrachten", "number", "frequency", "frequentie", "hits",
                "volume", "n", "total", "totaal", "aantal zoekopdrachten", "keer gezocht"}


@dataclass
class ParsedTerms:
    """Frames in the store's column names (FRAME_COLUMNS), one source, and the period when the file says it."""

    frames: list[pd.DataFrame] = field(default_factory=list)
    source: str = ""
    period: tuple[date, date] | None = None
    skipped: list[str] = field(default_factory=list)


@dataclass
class _Table:
    name: str
    rows: list[list[str]]
    comments: list[str]


def read_search_terms(path: Path, columns: dict[str, str] | None = None) -> ParsedTerms:
    """Read any search-terms file Helder knows (see the module docstring) into the store's columns.

    `columns` maps Helder's columns to the file's headers, for a tool Helder does not know. On the command line
    it is written `--columns query=Zoekterm,searches=Aantal` (see `parse_columns`): keys are query, page,
    searches, clicks, impressions, ctr, position; values are header names as the file writes them (case and
    surrounding spaces do not matter). A query or page column is required; rows get source "file".
    """
    if not path.exists():
        raise HelderError(f"{path}: no such file or folder.")
    if path.is_dir() or (zipfile.is_zipfile(path) and not is_xlsx(path)):
        if columns:
            raise HelderError(f"{path}: --columns needs one CSV or XLSX file, not a folder or ZIP.")
        return _from_search_console(read_export(path))
    tables = _xlsx_tables(path) if is_xlsx(path) else [_csv_table(path)]
    if columns:
        return _mapped(tables, columns, path)
    if len(tables) > 1 and (workbook := _search_console_workbook(tables)) is not None:
        return workbook
    for table in tables:
        parsed = _recognise(table)
        if parsed is not None:
            return parsed
    headers = ", ".join(c for c in tables[0].rows[0] if c.strip()) if tables and tables[0].rows else "none"
    raise HelderError(f"{path}: not a search-terms export Helder knows (its columns: {headers}). "
                      f"Helder reads {ACCEPTED}.")


def parse_columns(text: str) -> dict[str, str]:
    """`query=Zoekterm,searches=Aantal` → {"query": "Zoekterm", "searches": "Aantal"}."""
    mapping: dict[str, str] = {}
    for part in (p for p in text.split(",") if p.strip()):
        key, sep, header = part.partition("=")
        key = key.strip().lower()
        if not sep or not header.strip() or key not in MAPPABLE:
            raise HelderError(f"--columns {text!r}: write it as query=COLUMN,searches=COLUMN; "
                              f"the keys Helder knows are {', '.join(MAPPABLE)}.")
        mapping[key] = header.strip()
    if "query" not in mapping and "page" not in mapping:
        raise HelderError(f"--columns {text!r}: name the query column, e.g. query=Zoekterm.")
    return mapping


# --- reading files into tables -------------------------------------------------------------------------------

def _csv_table(path: Path) -> _Table:
    text = decode(path.read_bytes(), str(path))
    lines = text.splitlines(keepends=True)
    comments = []
    while lines and (lines[0].lstrip("\ufeff").startswith("#") or not lines[0].strip()):
        comments.append(lines.pop(0).strip())
    if not "".join(lines).strip() and comments:
        raise HelderError(f"{path}: the file has no table after its comment lines; export it again with data.")
    return _Table(str(path), split_rows("".join(lines) if comments else text, str(path)),
                  [c for c in comments if c])


def _xlsx_tables(path: Path) -> list[_Table]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(path.read_bytes()), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged workbooks
        raise HelderError(f"{path}: not a readable XLSX workbook ({type(exc).__name__}); save it again.") from None
    tables = []
    try:
        for sheet in workbook.worksheets:
            rows = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            rows = [r for r in rows if any(c.strip() for c in r)]
            comments = [r[0] for r in rows if r and r[0].startswith("#")]
            rows = [r for r in rows if not (r and r[0].startswith("#"))] if comments else rows
            if rows:
                tables.append(_Table(f"{path}:{sheet.title}", rows, comments))
    finally:
        workbook.close()
    if not tables:
        raise HelderError(f"{path}: the workbook is empty; export it again with data in it.")
    return tables


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()[:10]
    return str(value)


# --- recognising tables --------------------------------------------------------------------------------------

def _recognise(table: _Table) -> ParsedTerms | None:
    """The first header row within HEADER_ROWS that a format knows."""
    for start in range(min(HEADER_ROWS, len(table.rows))):
        header = [h.strip().lower().lstrip("\ufeff") for h in table.rows[start]]
        rows = table.rows[start + 1:]
        frame = _metrics_table(header, rows, table.name)
        if frame is not None:
            return _from_search_console(search_console.ParsedExport(frames=[frame]))
        for reader in (_matomo, _ga4, _plain):
            parsed = reader(header, rows, table)
            if parsed is not None:
                return parsed
    return None


def _search_console_workbook(tables: list[_Table]) -> ParsedTerms | None:
    """Search Console's Excel export: like its ZIP, every query/page sheet plus the period from its Filters sheet."""
    export = search_console.ParsedExport()
    for table in tables:
        header = [h.strip().lower() for h in table.rows[0]]
        if header and header[0] in search_console._FILTER:
            export.period = search_console._period(table.rows[1:]) or export.period
            continue
        frame = _metrics_table(header, table.rows[1:], table.name)
        if frame is None:
            export.skipped.append(table.name)
        else:
            export.frames.append(frame)
    return _from_search_console(export) if export.frames else None


def _find(header: list[str], names: set[str]) -> int | None:
    return next((i for i, h in enumerate(header) if h in names), None)


def _matomo(header: list[str], rows: list[list[str]], table: _Table) -> ParsedTerms | None:
    query, searches = _find(header, _MATOMO_QUERY), _find(header, _MATOMO_SEARCHES)
    if query is None or searches is None:
        return None
    name = re.sub(r"[\s_\-.]+", " ", Path(table.name).name.lower())
    no_result = (any(w in header[query] for w in _NO_RESULT_WORDS)
                 or any(w in name or w.replace(" ", "") in name.replace(" ", "") for w in _NO_RESULT_WORDS[:3])
                 or (_find(header, _MATOMO_EXITS) is not None and _find(header, _MATOMO_PAGES) is None))
    frame = _counts(rows, table.name, header, query, searches, None)
    frame["no_result"] = no_result
    return _parsed(frame, "matomo", None)


def _ga4(header: list[str], rows: list[list[str]], table: _Table) -> ParsedTerms | None:
    query, count = _find(header, _GA4_QUERY), _find(header, _GA4_COUNT)
    if query is None or count is None:
        return None
    end = next((i for i, r in enumerate(rows) if r[0].startswith("#") and sum(bool(c.strip()) for c in r) == 1),
               len(rows))  # a later "# ----" block starts another table
    rows = [r for r in rows[:end] if r[query].strip().lower() not in _GA4_SKIP]
    frame = _counts(rows, table.name, header, query, count, _find(header, _GA4_PAGE))
    return _parsed(frame, "ga4", _ga4_period(table.comments))


def _plain(header: list[str], rows: list[list[str]], table: _Table) -> ParsedTerms | None:
    named = [i for i, h in enumerate(header) if h]
    if len(named) != 2:
        return None
    query = _find(header, _PLAIN_QUERY)
    count = next((i for i in named if i != query and header[i] in _PLAIN_COUNT), None)
    if query is None or count is None:
        return None
    return _parsed(_counts(rows, table.name, header, query, count, None), "file", None)


def _mapped(tables: list[_Table], columns: dict[str, str], path: Path) -> ParsedTerms:
    wanted = {k: v.strip().lower() for k, v in columns.items()}
    unknown = sorted(set(wanted) - set(MAPPABLE))
    if unknown or ("query" not in wanted and "page" not in wanted):
        raise HelderError(f"{path}: --columns needs query=COLUMN (or page=COLUMN) and only the keys "
                          f"{', '.join(MAPPABLE)}; got {', '.join(columns)}.")
    for table in tables:
        for start in range(min(HEADER_ROWS, len(table.rows))):
            header = [h.strip().lower().lstrip("\ufeff") for h in table.rows[start]]
            if all(v in header for v in wanted.values()):
                return _parsed(_mapped_frame(header, table.rows[start + 1:], table.name, wanted), "file", None)
    first = tables[0].rows[0] if tables and tables[0].rows else []
    missing = ", ".join(v for v in columns.values() if v.strip().lower() not in
                        [h.strip().lower() for h in first])
    raise HelderError(f"{path}: --columns names {missing or ', '.join(columns.values())}, which the file does not "
                      f"have (its columns: {', '.join(c for c in first if c.strip()) or 'none'}).")


def _mapped_frame(header: list[str], rows: list[list[str]], name: str, wanted: dict[str, str]) -> pd.DataFrame:
    index = {k: header.index(v) for k, v in wanted.items()}
    parsers = {"clicks": parse_int, "impressions": parse_int, "searches": parse_int, "ctr": parse_float,
               "position": parse_float}
    records = []
    for number, row in enumerate(rows, start=2):
        record: dict[str, object] = {}
        try:
            for key, col in index.items():
                cell = row[col] if col < len(row) else ""
                record[key] = parsers[key](cell) if key in parsers else (cell.strip() or None)
        except ValueError:
            raise HelderError(f"{name}, row {number}: {row!r} does not have a number in each mapped number column "
                              f"({', '.join(wanted.values())}). Fix the row or check --columns.") from None
        if record.get("query") or record.get("page"):
            records.append(record)
    frame = _frame(records, name, "+".join(k for k in ("query", "page") if k in index))
    if "ctr" not in index and "clicks" in index and "impressions" in index:
        frame["ctr"] = (frame["clicks"] / frame["impressions"].replace(0, pd.NA)).astype("float64")
    return frame


def _counts(rows: list[list[str]], name: str, header: list[str], query: int, count: int,
            page: int | None) -> pd.DataFrame:
    records = []
    for number, row in enumerate(rows, start=2):
        try:
            text = row[query].strip()
            searches = parse_int(row[count])
        except (ValueError, IndexError):
            raise HelderError(f"{name}, row {number}: {row!r} does not have a number in the "
                              f"{header[count]!r} column. Fix the row or export the file again.") from None
        if text:
            records.append({"query": text, "searches": searches,
                            "page": row[page].strip() or None if page is not None and page < len(row) else None})
    return _frame(records, name, "query+page" if page is not None else "query")


def _frame(records: list[dict[str, object]], name: str, dimensions: str) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=["query", "page", "clicks", "impressions", "ctr",
                                                        "position", "searches"])
    return _typed(frame, dimensions, name)


def _typed(frame: pd.DataFrame, dimensions: str, name: str) -> pd.DataFrame:
    for column in ("query", "page"):
        frame[column] = frame[column].astype("object").where(frame[column].notna(), None)
    for column in ("clicks", "impressions", "searches"):
        frame[column] = pd.array(frame[column], dtype="Int64") if column in frame else pd.NA
    for column in ("ctr", "position"):
        frame[column] = frame[column].astype("float64")
    if "no_result" not in frame:
        frame["no_result"] = False
    if "dimensions" not in frame:
        frame["dimensions"] = dimensions
    if "file" not in frame:
        frame["file"] = name
    return frame


def _parsed(frame: pd.DataFrame, source: str, period: tuple[date, date] | None) -> ParsedTerms:
    frame["source"] = source
    frame["no_result"] = frame["no_result"].astype("bool")
    return ParsedTerms(frames=[frame[FRAME_COLUMNS]], source=source, period=period)


def _from_search_console(export: search_console.ParsedExport) -> ParsedTerms:
    frames = []
    for frame in export.frames:
        frame = frame.copy()
        frame["searches"] = None
        frame = _typed(frame, str(frame["dimensions"].iloc[0]) if len(frame) else "query", "")
        frame["source"] = "search-console"
        frames.append(frame[FRAME_COLUMNS])
    return ParsedTerms(frames=frames, source="search-console", period=export.period, skipped=export.skipped)


def _ga4_period(comments: list[str]) -> tuple[date, date] | None:
    start = next((m.group(2) for c in comments if (m := _GA4_START.match(c))), None)
    end = next((m.group(2) for c in comments if (m := _GA4_END.match(c))), None)
    try:
        return (_ga4_date(start), _ga4_date(end)) if start and end else None
    except ValueError:
        return None


def _ga4_date(text: str) -> date:
    text = text.strip().replace("-", "")
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
