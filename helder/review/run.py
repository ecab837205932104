"""`helder review import FILE`: check a filled workbook or review.csv, store its decisions, apply them.

Importing never loses a decision: every decision is kept in the store's history, and the one in force for a
term is the latest by date, so an older workbook imported after a newer one changes nothing that was decided
later. A row that repeats a stored decision (same decision, words and reviewer, at the same minute) is not stored
twice, so re-importing a pre-filled workbook is harmless.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helder.atomic import write_text
from helder.audit.run import read_table
from helder.config import Workspace
from helder.errors import HelderError
from helder.language import get_language
from helder.language.lexicon import read_entries
from helder.review.apply import LexiconUpdate, plan_lexicon
from helder.review.decisions import COLUMNS, current, load_decisions, save_decisions
from helder.review.importer import ImportedDecision, read_decisions_file


@dataclass(frozen=True)
class Conflict:
    term: str
    kind: str
    winner: dict[str, str]  # the decision in force after the import
    losers: list[dict[str, str]]  # other decisions on the same term, older


@dataclass
class ImportResult:
    path: Path
    read: int = 0
    stored: int = 0
    repeated: int = 0  # rows already in the store
    overruled: int = 0  # stored, but an earlier import holds a later decision on the same term
    conflicts: list[Conflict] = field(default_factory=list)
    lexicon: LexiconUpdate = field(default_factory=LexiconUpdate)


def import_review(ws: Workspace, path: Path, reviewer: str | None = None) -> ImportResult:
    imported = read_decisions_file(path, reviewer)
    _check_known(ws, imported)
    stored = load_decisions(ws)
    before = current(stored)
    result = ImportResult(path=path, read=len(imported))
    new_rows = []
    for d in imported:
        record = {c: getattr(d, c) for c in COLUMNS}
        if _repeats(record, stored) or _repeats(record, pd.DataFrame(new_rows, columns=COLUMNS)):
            result.repeated += 1
        else:
            new_rows.append(record)
    merged = pd.concat([stored, pd.DataFrame(new_rows, columns=COLUMNS)], ignore_index=True) if new_rows else stored
    after = current(merged)
    result.stored = len(new_rows)
    result.conflicts = _conflicts(before, new_rows, after)
    in_force = {(r["term"].lower(), r["kind"]): r for r in after.to_dict("records")}
    result.overruled = sum(1 for r in new_rows if in_force[(r["term"].lower(), r["kind"])] != r)
    lexicon_text, result.lexicon = plan_lexicon(ws, after)  # checks lexicon.csv before anything is stored
    if new_rows:
        save_decisions(ws, merged)
    if result.lexicon.changed:  # also when nothing is new: restores Helder's rows if someone deleted them
        write_text(ws.lexicon_overrides, lexicon_text)
    return result


def _repeats(record: dict[str, str], history: pd.DataFrame) -> bool:
    if history.empty:
        return False
    # The same decision on the same word, whichever sheet it was made on: a pre-filled row imported again.
    same = ((history["term"].str.lower() == record["term"].lower())
            & (history["decision"] == record["decision"]) & (history["plain"] == record["plain"])
            & (history["reviewer"] == record["reviewer"])
            & (history["decided_at"].str[:16] == record["decided_at"][:16]))  # Excel keeps minutes, not seconds
    return bool(same.any())


def _conflicts(before: pd.DataFrame, new_rows: list[dict[str, str]], after: pd.DataFrame) -> list[Conflict]:
    """Terms on which the import and the store (or two rows of the import) disagree, with the decision in force."""
    earlier = {(r["term"].lower(), r["kind"]): r for r in before.to_dict("records")}
    in_force = {(r["term"].lower(), r["kind"]): r for r in after.to_dict("records")}
    grouped: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in new_rows:
        grouped.setdefault((row["term"].lower(), row["kind"]), []).append(row)
    conflicts = []
    for key, rows in sorted(grouped.items()):
        others = rows + ([earlier[key]] if key in earlier else [])
        winner = in_force[key]
        losers = [r for r in others if (r["decision"], r["plain"]) != (winner["decision"], winner["plain"])]
        if losers:
            losers.sort(key=lambda r: r["decided_at"], reverse=True)
            conflicts.append(Conflict(term=winner["term"], kind=winner["kind"], winner=winner, losers=losers))
    return conflicts


def _check_known(ws: Workspace, imported: list[ImportedDecision]) -> None:
    """Every decided term must be one Helder knows: in the last audit, the lexicons, or decided before (a term
    rejected earlier is no longer in the audit, and an old workbook may still name it)."""
    if not imported:
        return
    decided = load_decisions(ws)
    known = {kind: {t.lower() for t in decided.loc[decided["kind"] == kind, "term"]} for kind in ("term", "candidate")}
    if any(d.kind == "term" for d in imported):
        language = get_language(ws.language)
        known["term"] |= {t.lower() for t in read_table(ws, "terms")["term"]}
        known["term"] |= {e.term.lower() for e in read_entries(language.lexicon_file, language)}
        if ws.lexicon_overrides.exists():
            known["term"] |= {e.term.lower() for e in read_entries(ws.lexicon_overrides, language)}
    if any(d.kind == "candidate" for d in imported):
        known["candidate"] |= {t.lower() for t in read_table(ws, "candidates")["term"]}
    for d in imported:
        if d.term.lower() not in known[d.kind]:
            what = "jargon term" if d.kind == "term" else "candidate"
            raise HelderError(f"{d.where}: {d.term!r} is not a {what} of the last audit; check the spelling, or "
                              f"run `helder audit` and review the new workbook.")
