"""The residents'-words table, `data/terms.parquet`: every source in one normalised shape.

Columns (documented in the README): query, query_norm, page, clicks, impressions, ctr, position, searches,
no_result, dimensions ("query", "page", "query+page", "query+page+device", ... — which dimensions a row is split
by), date, device, country (filled when the row is split by them), source, file, period_start, period_end,
imported_at.

Every source goes through `save_rows`, which masks personal data in the queries before anything is written and
replaces an earlier import of the same source and period instead of adding to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd

from helder.atomic import atomic_path
from helder.config import Workspace
from helder.terms.files import read_search_terms
from helder.terms.normalise import normalise_query
from helder.terms.privacy import mask_all

COLUMNS = ["query", "query_norm", "page", "clicks", "impressions", "ctr", "position", "searches", "no_result",
           "dimensions", "date", "device", "country", "source", "file", "period_start", "period_end", "imported_at"]
REPLACE_KEY = ["source", "dimensions", "period_start", "period_end"]
COUNTS = ["clicks", "impressions", "searches"]


@dataclass
class ImportResult:
    label: str  # the file, or the API and site it came from
    rows: int
    replaced: int
    source: str
    period: tuple[date, date] | None
    tables: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    masked: dict[str, int] = field(default_factory=dict)  # personal data masked, by kind


def load_terms(ws: Workspace) -> pd.DataFrame:
    if not ws.terms_path.exists():
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    return pd.read_parquet(ws.terms_path)


def import_terms(ws: Workspace, path: Path, period: tuple[date, date] | None = None,
                 columns: dict[str, str] | None = None) -> ImportResult:
    """Import a search-terms file (see helder.terms.files for the formats Helder recognises)."""
    parsed = read_search_terms(path, columns)
    frame = pd.concat(parsed.frames, ignore_index=True)
    tables = sorted({str(f).split(":")[-1].rsplit("/", 1)[-1] for f in frame["file"]})
    return save_rows(ws, frame, parsed.source, period or parsed.period, str(path), tables, parsed.skipped)


def stamp_api_rows(frame: pd.DataFrame, source: str, file: str, dimensions: str, start: date,
                   end: date) -> pd.DataFrame:
    """The columns every API fetch fills the same way (what, from where, for which period, when), in table order."""
    frame["no_result"] = False
    frame["dimensions"] = dimensions
    frame["source"] = source
    frame["file"] = file
    frame["period_start"] = start.isoformat()
    frame["period_end"] = end.isoformat()
    frame["imported_at"] = datetime.now(UTC).replace(microsecond=0).isoformat()
    return frame.reindex(columns=COLUMNS)


def save_rows(ws: Workspace, frame: pd.DataFrame, source: str, period: tuple[date, date] | None, label: str,
              tables: list[str] | None = None, skipped: list[str] | None = None) -> ImportResult:
    frame = frame.copy()
    has_query = frame["query"].notna()
    masked_queries, masked = mask_all(frame.loc[has_query, "query"].astype(str))
    frame.loc[has_query, "query"] = masked_queries  # before anything is stored
    frame["query_norm"] = [normalise_query(q, ws.own_names, ws.language) if isinstance(q, str) else None
                           for q in frame["query"]]
    frame["page"] = frame["page"].map(lambda url: str(url).split("#", 1)[0].strip(), na_action="ignore")
    for column, default in (("searches", pd.NA), ("no_result", False), ("file", label), ("date", None),
                            ("device", None), ("country", None)):
        if column not in frame:
            frame[column] = default
    frame["source"] = frame["source"].fillna(source) if "source" in frame else source
    frame["period_start"] = period[0].isoformat() if period else ""
    frame["period_end"] = period[1].isoformat() if period else ""
    frame["imported_at"] = datetime.now(UTC).replace(microsecond=0).isoformat()
    frame = frame[COLUMNS]

    existing = load_terms(ws).reindex(columns=COLUMNS)  # a table from before a column was added
    # Without a period, two exports of one source can only be told apart by their file.
    key = REPLACE_KEY if period else [*REPLACE_KEY, "file"]
    replaced = 0
    if len(existing):
        marked = (existing.merge(frame[key].drop_duplicates(), on=key, how="left", indicator=True)["_merge"]
                  == "both").to_numpy()
        replaced = int(marked.sum())
        existing = existing[~marked]
    combined = pd.concat([existing, frame], ignore_index=True) if len(existing) else frame
    combined[COUNTS] = combined[COUNTS].apply(pd.to_numeric, errors="coerce").astype("Int64")
    with atomic_path(ws.terms_path) as tmp:
        combined.to_parquet(tmp, index=False)
    return ImportResult(label=label, rows=len(frame), replaced=replaced, source=source, period=period,
                        tables=tables or [], skipped=skipped or [], masked={k: v for k, v in masked.items() if v})
