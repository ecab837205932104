"""The report's three charts, from the audit tables: readability and jargon per theme, findability before/after."""

from __future__ import annotations

from typing import Any

import pandas as pd
from markupsafe import Markup

from helder.audit.history import FOUND_SHARE, LOW_READABILITY
from helder.report.charts import PairedItem, bar_chart, paired_chart, strip_chart

THEMES_SHOWN = 20
POINTS_PER_THEME = 100  # dots per theme; a larger theme shows evenly spaced quantiles of its pages
TASKS_SHOWN = 20


def _theme(section: str, t: dict[str, Any]) -> str:
    return section or t["no_theme"]


def _spread(values: list[float], limit: int) -> list[float]:
    """At most `limit` values that keep the distribution's shape: evenly spaced order statistics."""
    ordered = sorted(values)
    if len(ordered) <= limit:
        return ordered
    step = (len(ordered) - 1) / (limit - 1)
    return [ordered[round(i * step)] for i in range(limit)]


def readability_chart(pages: pd.DataFrame, t: dict[str, Any], decimal: str) -> Markup:
    readable = pages.dropna(subset=["readability"])
    sizes = readable.groupby("section").size().sort_values(ascending=False, kind="stable").head(THEMES_SHOWN)
    groups = {_theme(s, t): _spread(readable.loc[readable["section"] == s, "readability"].tolist(),
                                    POINTS_PER_THEME) for s in sorted(sizes.index)}
    desc = t["chart_readability_desc"]
    if int(sizes.max() if len(sizes) else 0) > POINTS_PER_THEME:
        desc += " " + t["chart_points_capped"].format(n=POINTS_PER_THEME)
    return strip_chart(groups, t["chart_readability"], desc, reference=LOW_READABILITY, decimal=decimal)


def jargon_chart(pages: pd.DataFrame, t: dict[str, Any], decimal: str) -> Markup:
    per_theme = pages.groupby("section")[["jargon", "words"]].sum()
    per_theme = per_theme[per_theme["words"] > 0]
    density = (100 * per_theme["jargon"] / per_theme["words"]).round(1)
    top = density.sort_values(ascending=False, kind="stable").head(THEMES_SHOWN)
    return bar_chart([(_theme(s, t), float(v)) for s, v in top.items()], t["chart_jargon"], t["chart_jargon_desc"],
                     decimal=decimal)


def findability_chart(tasks: list[dict[str, Any]], t: dict[str, Any], decimal: str) -> dict[str, Any]:
    """The paired chart over the most searched tasks, and the counts of tasks found before and after."""
    judged = [r for r in tasks if r["found_share"] is not None]
    has_after = any(r["after_share"] is not None for r in judged)
    items = [PairedItem(r["task"], round(100 * r["found_share"], 1),
                        None if r["after_share"] is None else round(100 * r["after_share"], 1))
             for r in judged[:TASKS_SHOWN]]
    svg = paired_chart(items, t["chart_findability"], t["chart_findability_desc"], t["before_site"],
                       t["after_site"], decimal=decimal) if items else None
    before = sum(r["found_share"] >= FOUND_SHARE for r in judged)
    after = sum((r["after_share"] if r["after_share"] is not None else r["found_share"]) >= FOUND_SHARE
                for r in judged)
    return {"svg": svg, "has_after": has_after, "total": len(judged), "before": before, "after": after}
