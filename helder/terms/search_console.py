"""Google Search Console exports: the UI's ZIP/CSV tables (any UI language) and query × page tables.

A table is recognised by its header row, never by its file name, because the UI names files in the user's
language. Tables of other dimensions in the ZIP (countries, devices, dates) are skipped.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from helder.errors import HelderError
from helder.terms.numbers import parse_float, parse_int
from helder.terms.tables import read_rows

_QUERY = {"populairste zoekopdrachten", "top queries", "query", "queries", "zoekopdracht", "zoekopdrachten"}
_PAGE = {"populairste pagina's", "top pages", "page", "pages", "pagina", "pagina's", "landing page",
         "landingspagina"}
_CLICKS = {"klikken", "clicks"}
_IMPRESSIONS = {"vertoningen", "impressions"}
_CTR = {"ctr"}
_POSITION = {"positie", "position", "gemiddelde positie", "average position"}
_FILTER = {"filter"}
_PREVIOUS = ("previous", "vorige", "prior", "eerdere")

ACCEPTED = (
    "Search Console exports (the ZIP, or its Queries/Pages CSV in English or Dutch: "
    "'Top queries'/'Populairste zoekopdrachten', 'Top pages'/'Populairste pagina's' with Clicks/Klikken, "
    "Impressions/Vertoningen, CTR, Position/Positie), or a query × page table with columns Query/Zoekopdracht "
    "and Page/Pagina plus those metrics"
)


@dataclass
class ParsedExport:
    frames: list[pd.DataFrame] = field(default_factory=list)
    period: tuple[date, date] | None = None
    skipped: list[str] = field(default_factory=list)


def read_export(path: Path) -> ParsedExport:
    """All recognised tables in a file, a folder of CSVs, or the UI's ZIP."""
    if not path.exists():
        raise HelderError(f"{path}: no such file or folder.")
    members: list[tuple[str, bytes]]
    if path.is_dir():
        members = [(str(p), p.read_bytes()) for p in sorted(path.glob("*.csv"))]
    elif zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [(f"{path}:{n}", archive.read(n)) for n in sorted(archive.namelist()) if n.endswith(".csv")]
    else:
        members = [(str(path), path.read_bytes())]
    if not members:
        raise HelderError(f"{path}: no CSV files in it. Helder reads {ACCEPTED}.")

    parsed = ParsedExport()
    for name, data in members:
        rows = read_rows(data, name)
        header = [h.strip().lower() for h in rows[0]]
        if header and header[0] in _FILTER:
            parsed.period = _period(rows[1:]) or parsed.period
            continue
        frame = _metrics_table(header, rows[1:], name)
        if frame is None:
            parsed.skipped.append(name)
        else:
            parsed.frames.append(frame)
    if not parsed.frames:
        only = members[0][0] if len(members) == 1 else str(path)
        raise HelderError(f"{only}: not a search-terms export Helder knows. Helder reads {ACCEPTED}.")
    return parsed


def _column(header: list[str], names: set[str]) -> int | None:
    return next((i for i, h in enumerate(header) if h in names), None)


def _metric_column(header: list[str], names: set[str]) -> int | None:
    """A metric's column; in a date-comparison export ("Clicks (Last 3 months)", "Klikken (Vorige periode)",
    "Last 28 days Clicks") the current period's column, which the UI writes first."""
    exact = _column(header, names)
    if exact is not None:
        return exact
    doubled = [i for i, h in enumerate(header)
               if any(h.startswith(f"{n} (") or h.endswith(f" {n}") for n in names)]
    current = [i for i in doubled if not any(word in header[i] for word in _PREVIOUS)]
    return (current or doubled or [None])[0]


def _metrics_table(header: list[str], rows: list[list[str]], name: str) -> pd.DataFrame | None:
    query_col, page_col = _column(header, _QUERY), _column(header, _PAGE)
    metrics = {m: _metric_column(header, names) for m, names in
               (("clicks", _CLICKS), ("impressions", _IMPRESSIONS), ("ctr", _CTR), ("position", _POSITION))}
    if (query_col is None and page_col is None) or metrics["clicks"] is None or metrics["impressions"] is None:
        return None
    records = []
    for number, row in enumerate(rows, start=2):
        try:
            record = {
                "query": row[query_col].strip() if query_col is not None else None,
                "page": row[page_col].strip() if page_col is not None else None,
                "clicks": parse_int(row[metrics["clicks"]]),
                "impressions": parse_int(row[metrics["impressions"]]),
                "ctr": parse_float(row[metrics["ctr"]]) if metrics["ctr"] is not None else float("nan"),
                "position": parse_float(row[metrics["position"]]) if metrics["position"] is not None
                else float("nan"),
            }
        except (ValueError, IndexError):
            raise HelderError(
                f"{name}, row {number}: {row!r} does not have a number in each metric column "
                f"({', '.join(h for h in header if h)}). Fix the row or export the file again."
            ) from None
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=["query", "page", "clicks", "impressions", "ctr",
                                                        "position"])
    dims = "+".join(d for d, col in (("query", query_col), ("page", page_col)) if col is not None)
    frame["dimensions"] = dims
    frame["file"] = name
    return frame


def _period(rows: list[list[str]]) -> tuple[date, date] | None:
    """The date filter, when the export names one as 'YYYY-MM-DD - YYYY-MM-DD'."""
    for row in rows:
        if len(row) >= 2 and row[0].strip().lower() in {"datum", "date"}:
            parts = [p.strip() for p in row[1].split(" - ")]
            try:
                return date.fromisoformat(parts[0]), date.fromisoformat(parts[1])
            except (ValueError, IndexError):
                return None
    return None
