"""`helder report --history` and `helder report --compare A B`: the kept audits and the change between two."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from helder.audit.history import Comparison, list_audits
from helder.config import Workspace
from helder.report.folder import write_comparison


def _num(value: float | None, digits: int = 1, percent: bool = False, signed: bool = False) -> str:
    if value is None:
        return "–"
    sign = "+" if signed else ""
    return f"{100 * value:{sign}.0f}%" if percent else f"{value:{sign}.{digits}f}"


def print_history(ws: Workspace, console: Console) -> None:
    audits = list_audits(ws)
    if not audits:
        console.print(f"no audits kept yet in {ws.data_dir / 'history'}: run `helder audit`")
        return
    table = Table("audit", "date", "pages", "jargon", "median readability", "findability (top 3)")
    table.columns[0].no_wrap = table.columns[1].no_wrap = True
    for audit in audits:
        table.add_row(audit.id, audit.at[:16].replace("T", " "), str(audit.pages), str(audit.occurrences),
                      _num(audit.median_readability), _num(audit.findability, percent=True))
    console.print(table)


def comparison_table(c: Comparison) -> Table:
    table = Table("", c.before.id, c.after.id, "change")
    for label, metric, digits, percent in (("jargon occurrences", "occurrences", 0, False),
                                           ("median readability", "median_readability", 1, False),
                                           ("findability (tasks in top 3)", "findability", 0, True),
                                           ("pages", "pages", 0, False)):
        table.add_row(label, _num(getattr(c.before, metric), digits, percent),
                      _num(getattr(c.after, metric), digits, percent),
                      _num(c.delta(metric), digits, percent, signed=True))
    for label, urls in (("pages fixed", c.fixed), ("pages new", c.new), ("pages worse", c.worse),
                        ("pages gone", c.gone)):
        table.add_row(label, "", "", str(len(urls)))
    return table


def print_comparison(ws: Workspace, first: str, second: str, console: Console) -> Path:
    comparison, path = write_comparison(ws, first, second)
    console.print(comparison_table(comparison))
    console.print(f"[bold]report[/] {path}")
    return path
