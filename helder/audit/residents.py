"""Residents' words against the site: which queries reach which page, and the tasks residents come for."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pandas as pd

from helder.audit.pages import AuditPage
from helder.terms.normalise import fold_accents

PAGE_QUERY_COLUMNS = ["url", "query", "query_norm", "clicks", "impressions", "ctr", "position"]
TASK_COLUMNS = ["task", "slug", "url", "section", "official_title", "queries", "impressions", "clicks"]


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


def tasks(pq: pd.DataFrame, pages: list[AuditPage]) -> pd.DataFrame:
    """One task per page that residents land on for something to get done, named in their words.

    A query that reaches several pages belongs to the one with most impressions. Overview pages (home, theme
    indexes) are not tasks: residents land there when the site has no better page; nor are pages outside
    the themes (contact, privacy), nor documents (a task page is built from a web page).
    """
    task_pages = {p.url: p for p in pages if not p.is_overview and p.section and not p.is_document}
    candidates = pq[pq["url"].isin(task_pages)]
    if candidates.empty:
        return pd.DataFrame(columns=TASK_COLUMNS)
    primary = candidates.sort_values("impressions", ascending=False).drop_duplicates("query_norm")
    rows, slugs = [], set()
    for url, group in primary.groupby("url"):
        group = group.sort_values(["impressions", "clicks"], ascending=False)
        name = group["query_norm"].iloc[0]
        slug = unique_slug(name, slugs)
        page = task_pages[url]
        rows.append({"task": name, "slug": slug, "url": url, "section": page.section,
                     "official_title": page.h1 or page.title, "queries": list(group["query_norm"]),
                     "impressions": int(group["impressions"].sum()), "clicks": int(group["clicks"].sum())})
    return pd.DataFrame(rows, columns=TASK_COLUMNS).sort_values("impressions", ascending=False,
                                                                ignore_index=True)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold_accents(text.lower())).strip("-") or "pagina"


def unique_slug(text: str, taken: set[str]) -> str:
    base = slug = slugify(text)
    number = 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug
