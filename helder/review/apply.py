"""Decisions take effect: the workspace lexicon (`lexicon.csv`) gets the accepted and edited terms and silences
the rejected ones, and rejected words are never proposed again as jargon candidates.

Helder manages only the rows whose `source` starts with "review " ("review 2026-03-01 An de Vries"); rows a
person wrote are never changed, and a decision on a term that has such a row is left to that row.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helder.config import Workspace
from helder.errors import HelderError
from helder.language import get_language
from helder.language.lexicon import FIELDS, Entry, read_entries
from helder.review.decisions import current, load_decisions
from helder.review.labels import CANDIDATE_CATEGORIES

MANAGED = "review "  # the source prefix of the rows Helder writes
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9]{1,5}")


@dataclass
class LexiconUpdate:
    accepted: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)
    silenced: list[str] = field(default_factory=list)
    hand_written: list[str] = field(default_factory=list)  # decided, but lexicon.csv has a person's row for it
    changed: bool = False


def latest_per_term(decided: pd.DataFrame) -> pd.DataFrame:
    """One decision per word, whichever sheet it was made on: a candidate accepted into the lexicon is a term the
    next time, and a later decision on it there overrides the earlier one."""
    if decided.empty:
        return decided
    ordered = decided.assign(_key=decided["term"].str.lower()).sort_values("decided_at", kind="stable")
    return ordered.drop_duplicates("_key", keep="last").drop(columns="_key").reset_index(drop=True)


def rejected_terms(ws: Workspace) -> set[str]:
    """Words (lower case) whose decision in force is afgewezen: the candidates step never proposes them again."""
    latest = latest_per_term(current(load_decisions(ws)))
    return {t.lower() for t in latest.loc[latest["decision"] == "afgewezen", "term"]} if len(latest) else set()


def plan_lexicon(ws: Workspace, decided: pd.DataFrame) -> tuple[str, LexiconUpdate]:
    """lexicon.csv with Helder's rows rebuilt from the decisions in force (`current(...)`) and every other row as
    it was, and what changed. Nothing is written here, so a damaged lexicon.csv stops an import before anything
    is stored; the caller replaces the file in one atomic write, only when it changed."""
    path = ws.lexicon_overrides
    language = get_language(ws.language)
    header, rows = _read_rows(path)
    hand = [r for r in rows if not (r.get("source") or "").startswith(MANAGED)]
    hand_terms = {(r.get("term") or "").strip().lower() for r in hand}
    shipped = {e.term.lower(): e for e in read_entries(language.lexicon_file, language)}
    update = LexiconUpdate()
    managed = []
    for d in latest_per_term(decided).sort_values("term").to_dict("records"):
        key = d["term"].lower()
        if key in hand_terms:
            update.hand_written.append(d["term"])
            continue
        row = _managed_row(d, shipped.get(key), ws.language)
        if row is None:
            continue
        managed.append(row)
        {"akkoord": update.accepted, "aangepast": update.edited, "afgewezen": update.silenced}[d["decision"]].append(
            d["term"])
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(hand + managed)
    text = buffer.getvalue()
    old = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    update.changed = text != old and bool(managed or path.exists())
    return text, update


def _managed_row(d: dict[str, str], shipped: Entry | None, language: str) -> dict[str, str] | None:
    source = f"{MANAGED}{d['decided_at'][:10]} {d['reviewer']}"
    term = shipped.term if shipped else d["term"]
    explanation = shipped.explanation if shipped else ""
    if shipped:
        category = shipped.category
    else:
        kind = "abbreviation" if _ABBREVIATION.fullmatch(d["term"]) else "rare word"
        category = CANDIDATE_CATEGORIES[language][kind]
    if d["decision"] == "afgewezen":
        if d["kind"] == "candidate" and shipped is None:
            return None  # nothing to switch off: the candidates step leaves it out (rejected_terms)
        plain = ""
    elif d["decision"] == "akkoord" and shipped and (not d["plain"] or d["plain"] in shipped.plain):
        plain = "|".join(shipped.plain)  # accepting the proposal keeps its other alternatives too
    elif not d["plain"]:
        return None  # accepted, but there are no words to use (a row typed by hand): nothing to add
    else:
        plain = d["plain"]
    return {"term": term, "plain": plain, "explanation": explanation, "category": category, "source": source}


def _read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    if not path.exists():
        return list(FIELDS), []
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    header = list(reader.fieldnames or [])
    missing = [f for f in ("term", "plain") if f not in header]
    if missing:
        raise HelderError(f"{path}: the header must contain {', '.join(FIELDS)}; {', '.join(missing)} missing.")
    header += [f for f in FIELDS if f not in header]
    return header, list(reader)
