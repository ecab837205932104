"""Search terms straight from the Search Console API (searchanalytics.query), in the store's columns.

How the numbers are fetched, and why:

* One request series **per day**. The API returns at most 50,000 query × page rows per day and search type and
  drops the rest without saying so; asking day by day keeps that ceiling per day instead of per period. Each
  day is paged with `rowLimit` 25,000 and `startRow` 0, 25,000, ... until a page comes back empty.
* The per-day rows are **summed per query + page over the period** (clicks and impressions added, CTR
  recomputed, position averaged weighted by impressions), so a row means the same as a row of the UI export
  for that period. The optional dimensions `device` and `country` stay columns of their own; with `date` the
  rows stay per day. Fragments (`#…`, sitelinks) are dropped from page URLs first: one page is one page.
* The **anonymised share**: Google leaves out rare queries to protect privacy. One extra request series
  without the query dimension (by page when pages are asked for, otherwise the site total) gives the real
  totals; totals minus the sum over query rows is what residents searched that the data will never show.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pandas as pd
from googleapiclient.errors import HttpError

from helder.errors import HelderError
from helder.terms.google_retry import CallStats, execute, generic_error, is_permission_error
from helder.terms.normalise import normalise_query
from helder.terms.store import stamp_api_rows

ROW_LIMIT = 25_000
DAILY_CEILING = 50_000  # the API's documented maximum of rows per day and search type
EXTRA_DIMENSIONS = ("date", "device", "country")


@dataclass
class SearchConsoleReport:
    site: str
    start: date
    end: date
    dimensions: tuple[str, ...]
    data_state: str
    days: int = 0
    requests: int = 0
    retries: int = 0
    waits: list[float] = field(default_factory=list)
    rows_fetched: int = 0          # per-day rows as the API returned them
    rows: int = 0                  # rows after summing over the period
    days_at_ceiling: list[date] = field(default_factory=list)  # days that may have lost rows to the ceiling
    total_clicks: int | None = None
    total_impressions: int | None = None
    query_clicks: int = 0
    query_impressions: int = 0

    @property
    def hidden_clicks(self) -> int | None:
        return None if self.total_clicks is None else max(0, self.total_clicks - self.query_clicks)

    @property
    def hidden_impressions(self) -> int | None:
        return None if self.total_impressions is None else max(0, self.total_impressions - self.query_impressions)

    @property
    def hidden_click_share(self) -> float | None:
        return _share(self.hidden_clicks, self.total_clicks)

    @property
    def hidden_impression_share(self) -> float | None:
        return _share(self.hidden_impressions, self.total_impressions)


def _share(part: int | None, whole: int | None) -> float | None:
    if part is None or not whole:
        return None
    return part / whole


def days_between(start: date, end: date) -> list[date]:
    if end < start:
        raise HelderError(f"The period {start.isoformat()} – {end.isoformat()} ends before it starts; "
                          "swap the dates.")
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def fetch_search_console(service: Any, site: str, start: date, end: date,
                         dimensions: Sequence[str] = ("query", "page"), data_state: str = "final",
                         sleep: Callable[[float], None] = time.sleep, *, account_email: str | None = None,
                         own_names: tuple[str, ...] = (), language: str = "nl",
                         anonymised_share: bool = True) -> tuple[pd.DataFrame, SearchConsoleReport]:
    """Fetch web-search rows for `site` ("https://example.nl/" or "sc-domain:example.nl") from `start` to
    `end` inclusive. Returns the rows in the terms store's columns and a report (requests, retries, rows,
    anonymised share). `account_email` names the account in the permission error message."""
    dims = tuple(dimensions)
    if not set(dims) & {"query", "page"} or set(dims) - {"query", "page", *EXTRA_DIMENSIONS}:
        raise HelderError(f"Search Console dimensions {list(dims)}: use query and/or page, optionally with date, "
                          "device and country.")
    if data_state not in {"final", "all"}:
        raise HelderError(f"Search Console data state {data_state!r} is not known; use 'final' or 'all'.")
    report = SearchConsoleReport(site=site, start=start, end=end, dimensions=dims, data_state=data_state)
    stats = CallStats()
    fetch = _Fetcher(service, site, data_state, sleep, stats, account_email)

    records: list[dict] = []
    for day in days_between(start, end):
        report.days += 1
        day_rows = fetch.rows(day, day, list(dims))
        if len(day_rows) >= DAILY_CEILING:
            report.days_at_ceiling.append(day)
        for row in day_rows:
            keys = dict(zip(dims, row.get("keys", []), strict=False))
            records.append({"query": keys.get("query"), "page": _public_page(keys["page"]) if "page" in keys else None,
                            **{extra: keys.get(extra) for extra in EXTRA_DIMENSIONS},
                            "clicks": int(row.get("clicks", 0)), "impressions": int(row.get("impressions", 0)),
                            "position": float(row.get("position", 0.0))})
    report.rows_fetched = len(records)

    frame = _sum_over_days(records, dims)
    report.rows = len(frame)
    report.query_clicks = int(frame["clicks"].sum()) if "query" in dims else 0
    report.query_impressions = int(frame["impressions"].sum()) if "query" in dims else 0

    if anonymised_share and "query" in dims:
        totals = fetch.rows(start, end, ["page"] if "page" in dims else [])
        report.total_clicks = int(sum(r.get("clicks", 0) for r in totals))
        report.total_impressions = int(sum(r.get("impressions", 0) for r in totals))

    report.requests, report.retries, report.waits = stats.requests, stats.retries, stats.waits
    frame["query_norm"] = [normalise_query(q, own_names, language) if isinstance(q, str) else None
                           for q in frame["query"]]
    frame["searches"] = pd.NA
    return stamp_api_rows(frame, "search-console", f"api:{site}", "+".join(dims), start, end), report


class _Fetcher:
    def __init__(self, service: Any, site: str, data_state: str, sleep: Callable[[float], None], stats: CallStats,
                 account_email: str | None) -> None:
        self.service, self.site, self.data_state = service, site, data_state
        self.sleep, self.stats, self.account_email = sleep, stats, account_email

    def rows(self, start: date, end: date, dims: list[str]) -> list[dict]:
        """All rows for one date range and dimension list, paged until an empty page."""
        rows: list[dict] = []
        start_row = 0
        while True:
            body = {"startDate": start.isoformat(), "endDate": end.isoformat(), "dimensions": dims, "type": "web",
                    "dataState": self.data_state, "rowLimit": ROW_LIMIT, "startRow": start_row}
            request = self.service.searchanalytics().query(siteUrl=self.site, body=body)
            try:
                page = execute(request, sleep=self.sleep, stats=self.stats, what=f"Search Console ({self.site})")
            except HttpError as error:
                raise self._explain(error) from None
            page_rows = page.get("rows") or []
            if not page_rows:
                return rows
            rows.extend(page_rows)
            start_row += len(page_rows)

    def _explain(self, error: HttpError) -> HelderError:
        if is_permission_error(error):
            who = self.account_email or "the Google account you signed in with"
            return HelderError(
                f"Search Console does not let {who} read {self.site}: add {who} as a user of that property in "
                "Search Console (Settings → Users and permissions; 'Restricted' is enough) and run again — and "
                "check the site is written exactly as the property (https://…/ or sc-domain:…)."
            )
        return generic_error(error, f"Search Console ({self.site})")


def _sum_over_days(records: list[dict], dims: tuple[str, ...]) -> pd.DataFrame:
    columns = ["query", "page", *EXTRA_DIMENSIONS, "clicks", "impressions", "ctr", "position"]
    if not records:
        return pd.DataFrame({c: pd.Series(dtype="float64" if c in {"ctr", "position"} else
                                          "int64" if c in {"clicks", "impressions"} else "object")
                             for c in columns})
    frame = pd.DataFrame.from_records(records)
    frame["weighted"] = frame["position"] * frame["impressions"]
    keys = list(dims)
    summed = frame.groupby(keys, sort=False, dropna=False)[["clicks", "impressions", "weighted"]].sum().reset_index()
    for missing in {"query", "page", *EXTRA_DIMENSIONS} - set(keys):
        summed[missing] = None
    impressions = summed["impressions"].where(summed["impressions"] > 0)
    summed["ctr"] = (summed["clicks"] / impressions).fillna(0.0)
    summed["position"] = summed["weighted"] / impressions
    summed = summed.sort_values(["clicks", "impressions"], ascending=False, kind="stable").reset_index(drop=True)
    return summed[columns]


def _public_page(url: str) -> str:
    return url.split("#", 1)[0].strip()
