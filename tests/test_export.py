"""`helder pages export`: the store as CSV, JSON Lines or Parquet."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from helder.config import Workspace
from helder.crawler.export import export_pages
from helder.crawler.store import PAGE_FIELDS
from helder.errors import HelderError
from tests.helpers import HULP_PAGE, SITE, store_pages


@pytest.fixture
def stored(workspace: Workspace) -> Workspace:
    store_pages(workspace, {"/zorg/hulp": HULP_PAGE, "/afval/": [("h1", "Afval"), ("p", "Over afval.")]})
    return workspace


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_every_field_round_trips(stored: Workspace, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"pages{suffix}"
    assert export_pages(stored, target) == 2
    frame = {".csv": pd.read_csv, ".parquet": pd.read_parquet,
             ".jsonl": lambda p: pd.read_json(p, lines=True)}[suffix](target)
    assert set(PAGE_FIELDS) <= set(frame.columns)
    row = frame[frame["url"] == f"{SITE}/zorg/hulp"].iloc[0]
    blocks = row["blocks"] if suffix == ".jsonl" else json.loads(row["blocks"])
    assert [list(b) for b in blocks][:2] == [list(b) for b in HULP_PAGE[:2]]
    assert row["h1"] == "Wmo-maatwerkvoorziening huishoudelijke ondersteuning"


def test_unknown_format_is_a_clear_error(stored: Workspace, tmp_path: Path) -> None:
    with pytest.raises(HelderError, match=r"pages\.xml: Helder writes \.csv \(CSV\), \.jsonl"):
        export_pages(stored, tmp_path / "pages.xml")
    assert not (tmp_path / "pages.xml").exists()
