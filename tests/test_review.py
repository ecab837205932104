"""The review loop: the decisions store, importing a filled workbook or review.csv, and its effects."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helder.config import Workspace
from helder.errors import HelderError
from helder.review.decisions import COLUMNS, current, decisions_path, load_decisions, save_decisions


def _ws(root: Path, language: str = "nl") -> Workspace:
    return Workspace(root=root, name="Gemeente Test", site="https://www.test.nl/", language=language)


def test_no_decisions_is_an_empty_frame_with_the_columns(tmp_path: Path) -> None:
    frame = load_decisions(_ws(tmp_path))
    assert list(frame.columns) == COLUMNS
    assert frame.empty


def test_stored_decisions_round_trip_and_the_latest_wins(tmp_path: Path) -> None:
    ws = _ws(tmp_path)
    rows = [
        {"term": "leges", "kind": "term", "decision": "afgewezen", "plain": "", "reviewer": "Bo",
         "decided_at": "2026-03-01T09:00:00"},
        {"term": "leges", "kind": "term", "decision": "aangepast", "plain": "kosten", "reviewer": "An",
         "decided_at": "2026-02-01T09:00:00"},
        {"term": "BRP", "kind": "candidate", "decision": "akkoord", "plain": "", "reviewer": "An",
         "decided_at": "2026-02-01T09:00:00"},
    ]
    save_decisions(ws, pd.DataFrame(rows))
    stored = load_decisions(ws)
    assert stored["decided_at"].tolist() == ["2026-02-01T09:00:00", "2026-02-01T09:00:00", "2026-03-01T09:00:00"]
    now = current(stored).set_index("term")
    assert now.loc["leges", "decision"] == "afgewezen"
    assert now.loc["leges", "reviewer"] == "Bo"
    assert now.loc["BRP", "kind"] == "candidate"


def test_a_damaged_store_names_file_and_row(tmp_path: Path) -> None:
    ws = _ws(tmp_path)
    decisions_path(ws).parent.mkdir(parents=True)
    decisions_path(ws).write_text(",".join(COLUMNS) + "\nleges,term,misschien,,An,2026-01-01\n", encoding="utf-8")
    with pytest.raises(HelderError, match=r"decisions\.csv, row 2: decision 'misschien'"):
        load_decisions(ws)
