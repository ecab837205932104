"""Outliers worth a look, not averages: the pages and queries that stand out.

- pages with the most jargon per 100 words, and with the lowest readability;
- queries with many impressions but a low click-through rate for their position: the click-through rate
  expected at a position is the site's own median for that position (rounded), so a query clicked far less
  than its neighbours in the results says the page's title or snippet does not answer it;
- queries for which the site has no page: tasks without a landing page, by impressions.
"""

from __future__ import annotations

import pandas as pd

OUTLIER_COLUMNS = ["kind", "item", "title", "value", "expected", "impressions", "note"]
TOP = 10
MIN_IMPRESSIONS = 100  # fewer is noise for a click-through rate
LOW_CTR = 0.5  # below half the expected rate


def outliers(pages: pd.DataFrame, page_queries: pd.DataFrame, tasks: pd.DataFrame) -> pd.DataFrame:
    rows: list[dict[str, object]] = []
    content = pages[pages["words"] > 0]
    for page in content.nlargest(TOP, "jargon_per_100_words").itertuples():
        rows.append({"kind": "most jargon", "item": page.url, "title": page.title,
                     "value": float(page.jargon_per_100_words), "expected": float(content["jargon_per_100_words"]
                                                                                 .median()),
                     "impressions": int(page.impressions), "note": "jargon words per 100 words"})
    readable = content.dropna(subset=["readability"])
    for page in readable.nsmallest(TOP, "readability").itertuples():
        rows.append({"kind": "hardest to read", "item": page.url, "title": page.title,
                     "value": float(page.readability), "expected": float(readable["readability"].median()),
                     "impressions": int(page.impressions), "note": page.formula})
    rows.extend(_low_ctr(page_queries))
    missing = tasks[tasks["url"] == ""].nlargest(TOP, "impressions")
    for task in missing.itertuples():
        rows.append({"kind": "no page", "item": task.task, "title": "", "value": float(len(task.queries)),
                     "expected": 0.0, "impressions": int(task.impressions),
                     "note": "residents search for this; no page of the site answers it"})
    return pd.DataFrame(rows, columns=OUTLIER_COLUMNS)


def _low_ctr(page_queries: pd.DataFrame) -> list[dict[str, object]]:
    frame = page_queries.dropna(subset=["position", "ctr", "impressions"])
    frame = frame[frame["impressions"] >= MIN_IMPRESSIONS]
    if frame.empty:
        return []
    bucket = frame["position"].round().clip(lower=1)
    frame = frame.assign(expected=frame.groupby(bucket)["ctr"].transform("median"))
    low = frame[frame["ctr"] < LOW_CTR * frame["expected"]]  # (assign before filtering: on an empty frame
    # pandas would otherwise take the assigned column's index and invent rows)
    return [{"kind": "low click-through", "item": row.query_norm, "title": row.url, "value": float(row.ctr),
             "expected": float(row.expected), "impressions": int(row.impressions),
             "note": f"position {row.position:.1f}"}
            for row in low.nlargest(TOP, "impressions").itertuples()]
