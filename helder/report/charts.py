"""Inline SVG charts for the HTML report: no chart library, no script, no network.

Every label is escaped here (theme names and task names come from crawled pages and residents' queries), and each
chart carries a <title> and <desc> for screen readers. Marks carry classes (`point`, `bar`, `bar before`,
`bar after`) so tests and styles can find them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from statistics import median

from markupsafe import Markup, escape

WIDTH = 760
LABEL_WIDTH = 230
ROW = 26
TOP = 34
BOTTOM = 30
LABEL_CHARS = 34

_ids = count(1)


@dataclass(frozen=True)
class PairedItem:
    label: str
    before: float
    after: float | None


def _label(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"


def _fmt(value: float, decimal: str) -> str:
    text = f"{value:.1f}" if abs(value - round(value)) > 1e-9 else f"{round(value)}"
    return text.replace(".", decimal)


def _frame(title: str, desc: str, rows: int, body: list[str], legend: str = "") -> Markup:
    chart_id = f"chart-{next(_ids)}"
    height = TOP + rows * ROW + BOTTOM
    return Markup(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-t">{escape(title)}</title><desc id="{chart_id}-d">{escape(desc)}</desc>'
        f'{legend}{"".join(body)}</svg>')


def _axis(low: float, high: float, rows: int, ticks: list[float],
          decimal: str) -> tuple[list[str], Callable[[float], float]]:
    plot = WIDTH - LABEL_WIDTH - 20
    span = (high - low) or 1.0

    def x(value: float) -> float:
        return round(LABEL_WIDTH + (min(max(value, low), high) - low) / span * plot, 1)

    bottom = TOP + rows * ROW
    parts = [f'<line class="axis" x1="{LABEL_WIDTH}" y1="{bottom}" x2="{WIDTH - 20}" y2="{bottom}" '
             f'stroke="#57606a"/>']
    for tick in ticks:
        parts.append(f'<line x1="{x(tick)}" y1="{TOP - 4}" x2="{x(tick)}" y2="{bottom}" stroke="#d0d7de"/>'
                     f'<text x="{x(tick)}" y="{bottom + 18}" text-anchor="middle" font-size="12" fill="#24292f">'
                     f'{_fmt(tick, decimal)}</text>')
    return parts, x


def _row_label(index: int, text: str) -> str:
    y = TOP + index * ROW + ROW / 2 + 4
    return (f'<text x="{LABEL_WIDTH - 8}" y="{y}" text-anchor="end" font-size="13" fill="#24292f">'
            f'<title>{escape(text)}</title>{escape(_label(text))}</text>')


def strip_chart(groups: dict[str, list[float]], title: str, desc: str, reference: float | None = None,
                decimal: str = ".") -> Markup:
    """One row per group, one dot per value and a bar at the median: readability of every page per theme."""
    values = [v for vs in groups.values() for v in vs]
    low = min([0.0, *values])
    high = max([100.0, *values])
    ticks = [t for t in range(int(low // 20) * 20, int(high) + 1, 20) if low <= t <= high]
    body, x = _axis(low, high, len(groups), ticks, decimal)
    if reference is not None:
        body.append(f'<line class="reference" x1="{x(reference)}" y1="{TOP - 8}" x2="{x(reference)}" '
                    f'y2="{TOP + len(groups) * ROW}" stroke="#1a7f37" stroke-width="2" stroke-dasharray="5 3"/>'
                    f'<text x="{x(reference)}" y="{TOP - 12}" text-anchor="middle" font-size="12" fill="#1a7f37">'
                    f'{_fmt(reference, decimal)}</text>')
    for i, (group, group_values) in enumerate(groups.items()):
        body.append(_row_label(i, group))
        y = TOP + i * ROW + ROW / 2
        for value in group_values:
            body.append(f'<circle class="point" cx="{x(value)}" cy="{y}" r="4.5" fill="#0969da" '
                        f'fill-opacity="0.55"><title>{escape(group)}: {_fmt(value, decimal)}</title></circle>')
        if group_values:
            middle = median(group_values)
            body.append(f'<rect class="median" x="{x(middle) - 1.5}" y="{y - 10}" width="3" height="20" '
                        f'fill="#24292f"><title>{escape(group)}: {_fmt(middle, decimal)}</title></rect>')
    return _frame(title, desc, len(groups), body)


def bar_chart(items: list[tuple[str, float]], title: str, desc: str, decimal: str = ".") -> Markup:
    """Horizontal bars, one per item, value printed at the end: jargon per theme."""
    high = max([v for _, v in items] + [1.0])
    body, x = _axis(0.0, high, len(items), _nice_ticks(high), decimal)
    for i, (label, value) in enumerate(items):
        y = TOP + i * ROW + 4
        body.append(_row_label(i, label))
        body.append(f'<rect class="bar" x="{LABEL_WIDTH}" y="{y}" width="{x(value) - LABEL_WIDTH}" '
                    f'height="{ROW - 8}" fill="#cf222e"><title>{escape(label)}: {_fmt(value, decimal)}</title></rect>'
                    f'<text x="{x(value) + 4}" y="{y + ROW / 2}" font-size="12" fill="#24292f">'
                    f'{_fmt(value, decimal)}</text>')
    return _frame(title, desc, len(items), body)


def paired_chart(items: list[PairedItem], title: str, desc: str, before_label: str, after_label: str,
                 high: float = 100.0, decimal: str = ".") -> Markup:
    """Two bars per item, before and after (after left out when unknown): findability of tasks in %."""
    body, x = _axis(0.0, high, len(items), _nice_ticks(high), decimal)
    half = (ROW - 6) / 2
    for i, item in enumerate(items):
        y = TOP + i * ROW + 3
        body.append(_row_label(i, item.label))
        body.append(f'<rect class="bar before" x="{LABEL_WIDTH}" y="{y}" width="{x(item.before) - LABEL_WIDTH}" '
                    f'height="{half}" fill="#8c959f"><title>{escape(item.label)} — {escape(before_label)}: '
                    f'{_fmt(item.before, decimal)}</title></rect>')
        if item.after is not None:
            body.append(f'<rect class="bar after" x="{LABEL_WIDTH}" y="{y + half}" '
                        f'width="{x(item.after) - LABEL_WIDTH}" height="{half}" fill="#1a7f37"><title>'
                        f'{escape(item.label)} — {escape(after_label)}: {_fmt(item.after, decimal)}</title></rect>')
    legend = (f'<rect x="{LABEL_WIDTH}" y="6" width="14" height="12" fill="#8c959f"/>'
              f'<text x="{LABEL_WIDTH + 20}" y="16" font-size="12" fill="#24292f">{escape(before_label)}</text>'
              f'<rect x="{LABEL_WIDTH + 200}" y="6" width="14" height="12" fill="#1a7f37"/>'
              f'<text x="{LABEL_WIDTH + 220}" y="16" font-size="12" fill="#24292f">{escape(after_label)}</text>')
    return _frame(title, desc, len(items), body, legend)


def _nice_ticks(high: float) -> list[float]:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000):
        if high / step <= 6:
            return [float(step * i) for i in range(int(high // step) + 1)]
    return [0.0, high]
