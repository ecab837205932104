"""The HTML jargon report: one file that opens from disk, with no network.

Crawled text is untrusted: the template autoescapes every value, highlights are built from escaped pieces, and
links are only ever http(s) URLs.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import pandas as pd

from helder.atomic import write_text
from helder.report.labels import LABELS

TEMPLATES = Path(__file__).parent / "templates"
EXAMPLES_PER_TERM = 5


def safe_url(url: str) -> str:
    """Only http(s) URLs become links; anything else (javascript:, data:) becomes a dead link."""
    return url if urlsplit(str(url)).scheme in ("http", "https") else "#"


def render_html(context: dict[str, Any], language: str) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["safe_url"] = safe_url
    return env.get_template("jargon.html").render(**context, t=LABELS[language], lang=language)


def examples(findings: pd.DataFrame, term: str) -> list[dict[str, str]]:
    """The first sentences a term stands in, split around it so the template can mark it safely."""
    rows = findings[findings["term"] == term].drop_duplicates(["url", "sentence"]).head(EXAMPLES_PER_TERM)
    result = []
    for row in rows.itertuples():
        at = row.sentence.find(row.matched)
        before, after = (row.sentence[:at], row.sentence[at + len(row.matched):]) if at >= 0 else (row.sentence, "")
        result.append({"url": row.url, "before": before, "matched": row.matched if at >= 0 else "", "after": after})
    return result


def write_html_report(path: Path, name: str, language: str, summary: dict[str, Any], terms: pd.DataFrame,
                      findings: pd.DataFrame, pages: pd.DataFrame) -> Path:
    context = {
        "name": name,
        "today": date.today().isoformat(),
        "summary": summary,
        "terms": [
            {**row, "examples": examples(findings, row["term"])}
            for row in terms.to_dict("records")
        ],
        "pages": pages.sort_values("jargon_per_100_words", ascending=False).to_dict("records"),
    }
    write_text(path, render_html(context, language))
    return path
