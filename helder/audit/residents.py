"""Residents' words against the site: which queries reach which page, and the tasks residents come for."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pandas as pd

from helder.audit.pages import AuditPage
from helder.terms.normalise import fold_accents

PAGE_QUERY_COLUMNS = ["url", "query", "query_norm", "clicks", "impressions", "ctr", "position"]


def url_key(url: str) -> str:
    """Search Console and the crawl may disagree on www, scheme and a trailing slash; the page is the same."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def page_queries(terms: pd.DataFrame, pages: list[AuditPage]) -> pd.DataFrame:
    """The residents' queries that Search Console ties to each crawled page."""
    split_by = terms["dimensions"].fillna("").str.split("+")
    rows = terms[split_by.map(lambda dims: "query" in dims and "page" in dims)]  # device etc. are summed away
    if rows.empty:
        return pd.DataFrame(columns=PAGE_QUERY_COLUMNS)
    by_key = {url_key(p.url): p.url for p in pages}
    joined = rows.assign(url=rows["page"].map(lambda u: by_key.get(url_key(u))))
    joined = joined[joined["url"].notna()]
    grouped = (joined.groupby(["url", "query_norm"], as_index=False)
               .agg(query=("query", "first"), clicks=("clicks", "sum"), impressions=("impressions", "sum"),
                    position=("position", "mean")))
    grouped["ctr"] = grouped["clicks"] / grouped["impressions"].where(grouped["impressions"] > 0)
    return grouped[PAGE_QUERY_COLUMNS].sort_values(["url", "impressions"], ascending=[True, False],
                                                   ignore_index=True)


def query_totals(terms: pd.DataFrame) -> pd.DataFrame:
    """One row per normalised query: impressions and clicks (or, for site search, the number of searches)."""
    if terms.empty:
        return pd.DataFrame(columns=["query_norm", "impressions", "clicks"])
    frame = terms[terms["query_norm"].notna()].copy()
    weight = frame["impressions"].astype("Float64").fillna(frame["searches"].astype("Float64")).fillna(0)
    frame = frame.assign(impressions=weight, clicks=frame["clicks"].astype("Float64").fillna(0))
    # Search Console's query table holds every query once; its query × page table splits them by page.
    per_source = []
    for _, group in frame.groupby("source"):
        whole = group[group["dimensions"] == "query"]
        per_source.append(whole if len(whole) else group)
    merged = pd.concat(per_source, ignore_index=True)
    return (merged.groupby("query_norm", as_index=False)[["impressions", "clicks"]].sum()
            .astype({"impressions": int, "clicks": int}))


def landing_pages(pq: pd.DataFrame, pages: list[AuditPage]) -> dict[str, str]:
    """query_norm → the task page Search Console sends it to most (product pages only: not home, theme indexes,
    pages outside the themes, or documents)."""
    task_pages = {p.url for p in pages if not p.is_overview and p.section and not p.is_document}
    primary = pq.sort_values("impressions", ascending=False).drop_duplicates("query_norm")
    return {q: u for q, u in zip(primary["query_norm"], primary["url"], strict=True) if u in task_pages}


def tasks(pq: pd.DataFrame, pages: list[AuditPage], terms: pd.DataFrame | None = None, language: str = "nl",
          own_names: tuple[str, ...] = ()) -> pd.DataFrame:
    """Residents' tasks (see helder.audit.tasks); without a terms table, from the page-tied queries alone.
    Queries that only name the municipality are left out: they look for the site, not a task."""
    from helder.audit.tasks import cluster_tasks
    from helder.language import get_language
    from helder.terms.normalise import is_navigational

    totals = query_totals(terms) if terms is not None else (
        pq.groupby("query_norm", as_index=False)[["impressions", "clicks"]].sum())
    totals = totals[~totals["query_norm"].map(lambda q: is_navigational(q, own_names, language))]
    return cluster_tasks(totals, landing_pages(pq, pages), pages, get_language(language))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold_accents(text.lower())).strip("-") or "pagina"


def unique_slug(text: str, taken: set[str]) -> str:
    base = slug = slugify(text)
    number = 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug
