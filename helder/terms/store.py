"""The residents'-words table, `data/terms.parquet`: every source in one normalised shape.

Columns (documented in the README): query, query_norm, page, clicks, impressions, ctr, position, searches,
no_result, dimensions ("query", "page" or "query+page" — which Search Console dimensions a row is split by),
source, file, period_start, period_end, imported_at.

Re-importing a source for the same period replaces its earlier rows instead of adding to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd

from helder.atomic import atomic_path
from helder.config import Workspace
from helder.terms.normalise import normalise_query
from helder.terms.search_console import read_export

COLUMNS = ["query", "query_norm", "page", "clicks", "impressions", "ctr", "position", "searches", "no_result",
           "dimensions", "source", "file", "period_start", "period_end", "imported_at"]
REPLACE_KEY = ["source", "dimensions", "period_start", "period_end"]


@dataclass
class ImportResult:
    path: Path
    rows: int
    replaced: int
    tables: list[str]
    skipped: list[str]
    period: tuple[date, date] | None


def load_terms(ws: Workspace) -> pd.DataFrame:
    if not ws.terms_path.exists():
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    return pd.read_parquet(ws.terms_path)


def import_search_console(ws: Workspace, path: Path, period: tuple[date, date] | None = None) -> ImportResult:
    parsed = read_export(path)
    period = period or parsed.period
    frame = pd.concat(parsed.frames, ignore_index=True)
    frame["query_norm"] = [normalise_query(q, ws.own_names, ws.language) if isinstance(q, str) else None
                           for q in frame["query"]]
    frame["page"] = frame["page"].map(_public_page, na_action="ignore")
    frame["searches"] = pd.NA
    frame["no_result"] = False
    frame["source"] = "search-console"
    frame["period_start"] = period[0].isoformat() if period else ""
    frame["period_end"] = period[1].isoformat() if period else ""
    frame["imported_at"] = datetime.now(UTC).replace(microsecond=0).isoformat()
    frame = frame[COLUMNS]

    existing = load_terms(ws)
    keys = frame[REPLACE_KEY].drop_duplicates()
    if len(existing):
        marked = existing.merge(keys, on=REPLACE_KEY, how="left", indicator=True)["_merge"] == "both"
        replaced = int(marked.sum())
        existing = existing[~marked.to_numpy()]
    else:
        replaced = 0
    combined = pd.concat([existing, frame], ignore_index=True) if len(existing) else frame
    with atomic_path(ws.terms_path) as tmp:
        combined.to_parquet(tmp, index=False)
    return ImportResult(path=path, rows=len(frame), replaced=replaced,
                        tables=sorted({f.split(":")[-1].rsplit("/", 1)[-1] for f in frame["file"]}),
                        skipped=parsed.skipped, period=period)


def _public_page(url: str) -> str:
    """Search Console reports pages with their fragment when it shows sitelinks: one page is one page."""
    return url.split("#", 1)[0].strip()
