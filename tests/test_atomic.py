"""Atomic writes replace a file in one rename and give it the permissions a plain write would."""

from __future__ import annotations

from pathlib import Path

import pytest

from helder import atomic
from helder.atomic import atomic_path, write_text


def test_written_files_are_readable_by_colleagues_and_web_servers(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "index.html"
    write_text(target, "<p>rapport</p>")
    assert target.read_text(encoding="utf-8") == "<p>rapport</p>"
    mode = target.stat().st_mode & 0o777
    assert mode == 0o666 & ~atomic._UMASK  # what open() would give, not mkstemp's private 0600
    if not atomic._UMASK & 0o044:  # the usual umask (022 or 002): others may read it
        assert mode & 0o044 == 0o044


def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "terms.csv"
    write_text(target, "oud")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("crash while writing")
    assert target.read_text(encoding="utf-8") == "oud"
    assert [p.name for p in tmp_path.iterdir()] == ["terms.csv"]
