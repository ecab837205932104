"""The reviewers' decisions store: `review/decisions.csv` in the workspace.

Decisions are editorial input, not regenerated output, so they live beside `helder.toml` and `lexicon.csv`
(outside the git-ignored `data/`) as a plain CSV that editors can version and read in a diff. One row per
decision ever imported; the current decision for a term is the latest by `decided_at` (see `current`).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from helder.atomic import write_text
from helder.config import Workspace
from helder.errors import HelderError

COLUMNS = ["term", "kind", "decision", "plain", "reviewer", "decided_at"]
KINDS = ("term", "candidate")
DECISIONS = ("akkoord", "afgewezen", "aangepast")  # stored in Dutch whatever the workspace language


def decisions_path(ws: Workspace) -> Path:
    return ws.root / "review" / "decisions.csv"


def load_decisions(ws: Workspace) -> pd.DataFrame:
    """Every stored decision (history included), oldest first; an empty frame with COLUMNS when none."""
    return read_decisions(decisions_path(ws))


def read_decisions(path: Path) -> pd.DataFrame:
    if not path.exists():
        return pd.DataFrame({c: pd.Series(dtype=str) for c in COLUMNS})
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise HelderError(f"{path}: the header must contain {', '.join(COLUMNS)}; {', '.join(missing)} missing.")
    rows = []
    for number, row in enumerate(reader, start=2):
        record = {c: (row.get(c) or "").strip() for c in COLUMNS}
        if record["kind"] not in KINDS:
            raise HelderError(f"{path}, row {number}: kind {record['kind']!r} must be one of {', '.join(KINDS)}.")
        if record["decision"] not in DECISIONS:
            raise HelderError(
                f"{path}, row {number}: decision {record['decision']!r} must be one of {', '.join(DECISIONS)}.")
        rows.append(record)
    frame = pd.DataFrame(rows, columns=COLUMNS).astype(str)
    return frame.sort_values("decided_at", kind="stable").reset_index(drop=True)


def current(decisions: pd.DataFrame) -> pd.DataFrame:
    """The decision in force per (term, kind): the latest by date; at equal dates the later import wins."""
    if decisions.empty:
        return decisions.copy()
    ordered = decisions.assign(_key=decisions["term"].str.lower()).sort_values("decided_at", kind="stable")
    latest = ordered.drop_duplicates(["_key", "kind"], keep="last").drop(columns="_key")
    return latest.sort_values(["kind", "term"]).reset_index(drop=True)


def save_decisions(ws: Workspace, decisions: pd.DataFrame) -> Path:
    """Write the whole store in one atomic rename, oldest first."""
    path = decisions_path(ws)
    ordered = decisions[COLUMNS].sort_values("decided_at", kind="stable")
    buffer = io.StringIO()
    ordered.to_csv(buffer, index=False, lineterminator="\n")
    write_text(path, buffer.getvalue())
    return path
