"""The HTML report folder: `reports/index.html` and its pages beside it, opening from disk with no network.

Crawled text is untrusted: the templates autoescape every value, highlights are built from escaped pieces, links
to pages are only ever http(s) URLs, and the only scripts are the report's own (sorting and filtering), which
read row attributes and never turn text into markup.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2

from helder.atomic import write_text
from helder.report.labels import LABELS

TEMPLATES = Path(__file__).parent / "templates"
PAGES = ("index", "terms", "pages", "tasks", "candidates")
NO_THEME = "_"  # the filter value of pages outside any theme


def safe_url(url: Any) -> str:
    """Only http(s) URLs become links; anything else (javascript:, data:) becomes a dead link."""
    return str(url) if urlsplit(str(url)).scheme in ("http", "https") else "#"


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number_filter(language: str) -> Callable[..., str]:
    thousands, decimal = (".", ",") if language == "nl" else (",", ".")

    def number(value: Any, digits: int = 1, signed: bool = False) -> str:
        if _missing(value):
            return "–"
        if isinstance(value, int) or digits == 0:
            text = f"{round(float(value)):{'+' if signed else ''},d}"
        else:
            text = f"{float(value):{'+' if signed else ''},.{digits}f}"
        return text.translate(str.maketrans({",": thousands, ".": decimal}))

    return number


def percent(value: Any, signed: bool = False) -> str:
    if _missing(value):
        return "–"
    return f"{100 * float(value):{'+' if signed else ''}.0f}%"


def environment(language: str) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = safe_url
    env.filters["num"] = number_filter(language)
    env.filters["pct"] = percent
    env.filters["attr_list"] = lambda values: "|".join(str(v or NO_THEME).replace("|", "/") for v in values)
    env.filters["theme_key"] = lambda section: str(section or NO_THEME).replace("|", "/")
    env.globals.update(t=LABELS[language], lang=language)
    return env


def render(language: str, template: str, **context: Any) -> str:
    return environment(language).get_template(template).render(**context)


def write_html_report(folder: Path, language: str, context: dict[str, Any]) -> Path:
    """Write every page of the folder (each atomically) and the old single-file name as a redirect."""
    env = environment(language)
    for page in PAGES:
        write_text(folder / f"{page}.html", env.get_template(f"{page}.html").render(**context, current=page))
    write_text(folder / "jargon.html", env.get_template("redirect.html").render(**context, target="index.html"))
    return folder / "index.html"


def write_compare_page(path: Path, language: str, context: dict[str, Any]) -> Path:
    write_text(path, render(language, "compare.html", **context, current="compare"))
    return path
