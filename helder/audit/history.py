"""Audit history, `data/history/`: every `helder audit` keeps a small summary so progress can be shown over time.

One audit is two files named by its id (the UTC time it ran, `20261123T165130`): `<id>-pages.parquet` with the
per-page scores that "pages fixed / new / worse" are computed from, then `<id>.json` with the summary. The JSON is
written last, so an audit is only listed once both files are complete.

Definitions (also in the README):
- a page is *fixed* when it had jargon or low readability (below `LOW_READABILITY`) and now has neither;
- *worse* when its jargon per 100 words rose by more than `DENSITY_TOLERANCE` or its readability fell by more
  than `READABILITY_TOLERANCE` points;
- *new* when the earlier audit did not have it, *gone* when the later one does not;
- findability is the share of residents' tasks (with a page) whose page ranks in the top 3 for at least half of
  their queries' impressions — the complement of `tasks_not_found`.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from helder.atomic import atomic_path, write_text
from helder.config import Workspace
from helder.errors import HelderError

LOW_READABILITY = 60.0  # Flesch-Douma / Flesch Reading Ease: B1 and plain English start about here
READABILITY_TOLERANCE = 2.0
DENSITY_TOLERANCE = 0.5
FOUND_SHARE = 0.5
PAGE_COLUMNS = ["url", "title", "section", "words", "readability", "jargon", "jargon_per_100_words"]
METRICS = ("pages", "words", "occurrences", "terms", "median_readability", "findability", "tasks")
_ID = re.compile(r"^\d{8}T\d{6}(-\d+)?$")


@dataclass
class AuditSummary:
    id: str
    at: str  # ISO time in UTC
    pages: int
    words: int
    occurrences: int
    terms: int
    median_readability: float | None
    findability: float | None  # share of tasks found in the top 3
    tasks: int  # tasks judged for findability

    @property
    def date(self) -> str:
        return self.at[:10]


@dataclass
class Comparison:
    before: AuditSummary
    after: AuditSummary
    fixed: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    worse: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)

    def delta(self, metric: str) -> float | None:
        a, b = getattr(self.before, metric), getattr(self.after, metric)
        return None if a is None or b is None else round(b - a, 3)


def history_dir(ws: Workspace) -> Path:
    return ws.data_dir / "history"


def task_found_shares(findability: pd.DataFrame, tasks: pd.DataFrame) -> pd.Series:
    """Per task with a page (indexed by task name): the impression-weighted share of its queries that find its page
    in the top 3.

    A task's queries are matched against the findability rows of its page (all its page's rows when it lists no
    queries); tasks without matching rows are left out. One join for all tasks, not a filter per task."""
    if findability.empty or tasks.empty:
        return pd.Series(dtype=float)
    with_page = tasks[tasks["url"] != ""]
    listed = pd.DataFrame({"task": with_page["task"].to_numpy(), "url": with_page["url"].to_numpy(),
                           "query_norm": [list(q) if q is not None and not isinstance(q, float) else []
                                          for q in with_page["queries"]]})
    found = findability[["url", "query_norm", "impressions", "found_top3"]]
    has_list = listed["query_norm"].map(len) > 0
    rows = pd.concat([
        listed[has_list].explode("query_norm").drop_duplicates(["task", "query_norm"])
        .merge(found, on=["url", "query_norm"]),
        listed[~has_list].drop(columns="query_norm").merge(found, on="url"),
    ], ignore_index=True)
    if rows.empty:
        return pd.Series(dtype=float)
    rows["weight"] = rows["impressions"].astype(float)
    rows["hit"] = rows["found_top3"].astype(bool)
    rows["found"] = rows["weight"].where(rows["hit"], 0.0)
    per_task = rows.groupby("task", sort=False).agg(total=("weight", "sum"), found=("found", "sum"),
                                                    mean=("hit", "mean"))
    safe_total = per_task["total"].where(per_task["total"] > 0, 1.0)
    shares = (per_task["found"] / safe_total).where(per_task["total"] > 0, per_task["mean"])
    return shares.astype(float)


def summarise(audit_id: str, at: str, tables: dict[str, pd.DataFrame]) -> AuditSummary:
    pages, findings = tables["pages"], tables["findings"]
    readable = pages["readability"].dropna()
    shares = task_found_shares(tables["findability"], tables["tasks"])
    return AuditSummary(
        id=audit_id, at=at, pages=len(pages), words=int(pages["words"].sum()), occurrences=len(findings),
        terms=len(tables["terms"]),
        median_readability=round(float(readable.median()), 1) if len(readable) else None,
        findability=round(float((shares >= FOUND_SHARE).mean()), 3) if len(shares) else None,
        tasks=len(shares))


def record_audit(ws: Workspace, tables: dict[str, pd.DataFrame], now: datetime | None = None) -> AuditSummary:
    """Keep this audit's summary and page scores in `data/history/`; returns the summary."""
    now = now or datetime.now(UTC)
    folder = history_dir(ws)
    folder.mkdir(parents=True, exist_ok=True)
    audit_id = base = now.strftime("%Y%m%dT%H%M%S")
    number = 1
    while (folder / f"{audit_id}.json").exists():  # two audits in one second: both are kept
        number += 1
        audit_id = f"{base}-{number}"
    summary = summarise(audit_id, now.isoformat(timespec="microseconds"), tables)
    with atomic_path(folder / f"{audit_id}-pages.parquet") as tmp:
        tables["pages"][PAGE_COLUMNS].to_parquet(tmp, index=False)
    write_text(folder / f"{audit_id}.json", json.dumps(asdict(summary), indent=2, ensure_ascii=False) + "\n")
    return summary


def list_audits(ws: Workspace) -> list[AuditSummary]:
    """Every kept audit, oldest first."""
    folder = history_dir(ws)
    if not folder.is_dir():
        return []
    audits = []
    for path in folder.glob("*.json"):
        if not _ID.match(path.stem):
            continue
        try:
            audits.append(AuditSummary(**json.loads(path.read_text(encoding="utf-8"))))
        except (ValueError, TypeError) as exc:
            raise HelderError(f"{path}: not an audit summary ({exc}). Move the file out of {folder}.") from None
    return sorted(audits, key=lambda a: (a.at, a.id))


def resolve(ws: Workspace, key: str, audits: list[AuditSummary] | None = None) -> AuditSummary:
    """An audit by id, unique id prefix, date (YYYY-MM-DD: the last audit that day), `first` or `latest`."""
    audits = list_audits(ws) if audits is None else audits
    if not audits:
        raise HelderError(f"{history_dir(ws)}: no audits kept yet. Run `helder audit` first.")
    if key in ("first", "eerste"):
        return audits[0]
    if key in ("latest", "last", "laatste"):
        return audits[-1]
    if key in ("previous", "vorige"):
        if len(audits) < 2:
            raise HelderError(f"{history_dir(ws)}: only one audit kept, so there is no previous one.")
        return audits[-2]
    exact = [a for a in audits if a.id == key]
    if exact:
        return exact[0]
    on_date = [a for a in audits if a.date == key]
    if on_date:
        return on_date[-1]
    prefixed = [a for a in audits if a.id.startswith(key)]
    if len(prefixed) == 1:
        return prefixed[0]
    known = ", ".join(a.id for a in audits[-5:])
    why = "matches several audits" if prefixed else "is not an audit id or date"
    raise HelderError(f"{key!r} {why}; `helder report --history` lists them (latest: {known}).")


def page_scores(ws: Workspace, audit: AuditSummary) -> pd.DataFrame:
    path = history_dir(ws) / f"{audit.id}-pages.parquet"
    if not path.exists():
        raise HelderError(f"{path}: the page scores of audit {audit.id} are missing; compare other audits.")
    return pd.read_parquet(path)


def compare(ws: Workspace, before: AuditSummary, after: AuditSummary) -> Comparison:
    return compare_pages(before, after, page_scores(ws, before), page_scores(ws, after))


def compare_pages(before: AuditSummary, after: AuditSummary, old: pd.DataFrame, new: pd.DataFrame) -> Comparison:
    both = old.merge(new, on="url", how="outer", suffixes=("_a", "_b"), indicator=True)
    result = Comparison(before=before, after=after)
    result.new = sorted(both.loc[both["_merge"] == "right_only", "url"])
    result.gone = sorted(both.loc[both["_merge"] == "left_only", "url"])
    kept = both[both["_merge"] == "both"]
    for row in kept.itertuples(index=False):
        had_problem = _has_problem(row.jargon_a, row.readability_a)
        if had_problem and not _has_problem(row.jargon_b, row.readability_b):
            result.fixed.append(row.url)
        elif (row.jargon_per_100_words_b - row.jargon_per_100_words_a > DENSITY_TOLERANCE
              or _fell(row.readability_a, row.readability_b)):
            result.worse.append(row.url)
    result.fixed.sort()
    result.worse.sort()
    return result


def _has_problem(jargon: Any, readability: Any) -> bool:
    return int(jargon) > 0 or (not pd.isna(readability) and float(readability) < LOW_READABILITY)


def _fell(before: Any, after: Any) -> bool:
    if pd.isna(before) or pd.isna(after):
        return False
    return float(before) - float(after) > READABILITY_TOLERANCE
