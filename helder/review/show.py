"""What `helder review import` and `helder review list` print."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from helder.config import Workspace
from helder.review.decisions import current, decisions_path, load_decisions
from helder.review.run import ImportResult


def _who(decision: dict[str, str]) -> str:
    words = f" ({decision['plain']})" if decision["plain"] else ""
    return f"{decision['decision']}{words} by {decision['reviewer']} on {decision['decided_at'].replace('T', ' ')}"


def print_import(ws: Workspace, result: ImportResult, console: Console) -> None:
    console.print(f"{result.path}: {result.read} decisions read, {result.stored} new, "
                  f"{result.repeated} already stored → {decisions_path(ws)}")
    if result.overruled:
        console.print(f"  {result.overruled} of the new decisions are older than a stored decision on the same term "
                      f"and do not count (the latest decision wins).")
    if result.conflicts:
        console.print(f"[bold]{len(result.conflicts)} conflicts[/bold] (same term, different decisions; the latest "
                      f"wins):", highlight=False)
        for conflict in result.conflicts:
            console.print(f"  {conflict.term} ({conflict.kind}): {_who(conflict.winner)}", highlight=False,
                          markup=False)
            for loser in conflict.losers:
                console.print(f"      over {_who(loser)}", highlight=False, markup=False)
    update = result.lexicon
    console.print(f"{ws.lexicon_overrides}: {len(update.accepted)} accepted, {len(update.edited)} edited, "
                  f"{len(update.silenced)} switched off" + ("" if update.changed else " (unchanged)"))
    if update.hand_written:
        console.print(f"  left to your own rows in lexicon.csv: {', '.join(update.hand_written)}", markup=False)
    console.print("Run `helder audit` and `helder generate` to use them.")


def print_decisions(ws: Workspace, console: Console) -> None:
    decided = current(load_decisions(ws))
    if decided.empty:
        console.print(f"No decisions yet ({decisions_path(ws)}). Fill in reports/jargon.xlsx or reports/review.csv "
                      f"and run `helder review import FILE`.")
        return
    table = Table("term", "kind", "decision", "plain", "reviewer", "decided at")
    for r in decided.to_dict("records"):
        # Text cells: a term or a name with [brackets] is shown as written, never read as markup.
        table.add_row(*(Text(r[c]) for c in ("term", "kind", "decision", "plain", "reviewer", "decided_at")))
    console.print(table)
    console.print(f"{len(decided)} decisions in force, from {decisions_path(ws)}")
