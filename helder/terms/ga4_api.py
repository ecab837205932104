"""On-site search terms and page feedback from the Google Analytics 4 Data API (properties.runReport).

* Site search: dimension `searchTerm`, metric `eventCount`, for the events `view_search_results` (GA4's
  enhanced measurement) and `search` (what mkdocs-material and Google's recommended event send). Paged with
  `limit`/`offset` until all `rowCount` rows are read. Returned in the terms store's columns with source
  "ga4", dimensions "query" and searches = eventCount; the Search Console metrics are left empty.
* Feedback: `feedback` events by `pagePath` and the rating custom dimension (mkdocs-material sends the rating
  as the event parameter `data`; register it as an event-scoped custom dimension and pass its
  "customEvent:<parameter>" name). Returned as page, rating, events.

Same retry policy as Search Console (see helder.terms.google_retry).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd
from googleapiclient.errors import HttpError

from helder.errors import HelderError
from helder.terms.google_retry import CallStats, error_message, execute, generic_error, is_permission_error
from helder.terms.normalise import normalise_query
from helder.terms.store import stamp_api_rows

PAGE_LIMIT = 100_000  # the Data API's maximum rows per runReport response
SEARCH_EVENTS = ["view_search_results", "search"]
NOT_SET = {"(not set)", "(other)", ""}


@dataclass
class Ga4Report:
    property_id: str
    start: date
    end: date
    requests: int = 0
    retries: int = 0
    waits: list[float] = field(default_factory=list)
    row_count: int = 0              # rows GA4 says the report has
    rows_fetched: int = 0
    skipped_not_set: int = 0        # "(not set)" / "(other)" rows, not search terms
    thresholded: bool = False       # GA4 withheld low numbers (Google signals): counts are a lower bound
    other_row: bool = False         # GA4 folded rare values into "(other)": the data is incomplete


def _property(property_id: str) -> str:
    pid = str(property_id).strip().removeprefix("properties/")
    if not pid.isdigit():
        raise HelderError(f"GA4 property id {property_id!r} is not a number: use the numeric id from GA4's "
                          "Admin → Property details (not the G-… measurement id).")
    return f"properties/{pid}"


def _event_filter(names: list[str]) -> dict:
    return {"filter": {"fieldName": "eventName", "inListFilter": {"values": names, "caseSensitive": True}}}


def run_report_rows(service: Any, property_id: str, body: dict, *, sleep: Callable[[float], None],
                    report: Ga4Report, account_email: str | None = None) -> list[list[str]]:
    """All rows of one report as [dimension values..., metric values...], paged until `rowCount` is reached."""
    prop = _property(property_id)
    stats = CallStats()
    rows: list[list[str]] = []
    offset = 0
    while True:
        page_body = {**body, "limit": PAGE_LIMIT, "offset": offset}
        request = service.properties().runReport(property=prop, body=page_body)
        try:
            page = execute(request, sleep=sleep, stats=stats, what=f"Google Analytics ({prop})")
        except HttpError as error:
            raise _explain(error, prop, account_email) from None
        metadata = page.get("metadata") or {}
        report.thresholded |= bool(metadata.get("subjectToThresholding"))
        report.other_row |= bool(metadata.get("dataLossFromOtherRow"))
        report.row_count = int(page.get("rowCount") or 0)
        page_rows = page.get("rows") or []
        for row in page_rows:
            rows.append([v.get("value", "") for v in row.get("dimensionValues", [])]
                        + [v.get("value", "0") for v in row.get("metricValues", [])])
        offset += len(page_rows)
        if not page_rows or offset >= report.row_count:
            break
    report.requests += stats.requests
    report.retries += stats.retries
    report.waits += stats.waits
    report.rows_fetched += len(rows)
    return rows


def _explain(error: HttpError, prop: str, account_email: str | None) -> HelderError:
    if is_permission_error(error):
        who = account_email or "the Google account you signed in with"
        return HelderError(f"Google Analytics does not let {who} read {prop}: add {who} in GA4 under Admin → "
                           "Property access management with the Viewer role, and run again.")
    message = error_message(error)
    if int(error.resp.status) == 400 and "customEvent:" in message:
        return HelderError(f"Google Analytics ({prop}): {message} — register the event parameter as an "
                           "event-scoped custom dimension in GA4 (Admin → Custom definitions) or pass its name.")
    return generic_error(error, f"Google Analytics ({prop})")


def fetch_ga4_site_search(service: Any, property_id: str, start: date, end: date,
                          sleep: Callable[[float], None] = time.sleep, *, account_email: str | None = None,
                          own_names: tuple[str, ...] = (), language: str = "nl",
                          events: list[str] | None = None) -> tuple[pd.DataFrame, Ga4Report]:
    """Site-search terms and how often they were searched, in the terms store's columns."""
    report = Ga4Report(property_id=str(property_id), start=start, end=end)
    body = {
        "dateRanges": [{"startDate": start.isoformat(), "endDate": end.isoformat()}],
        "dimensions": [{"name": "searchTerm"}],
        "metrics": [{"name": "eventCount"}],
        "dimensionFilter": _event_filter(events or SEARCH_EVENTS),
        "orderBys": [{"metric": {"metricName": "eventCount"}, "desc": True}],
        "keepEmptyRows": False,
    }
    rows = run_report_rows(service, property_id, body, sleep=sleep, report=report, account_email=account_email)
    counts: dict[str, int] = {}
    for term, count in rows:
        clean = " ".join(term.split())
        if clean.lower() in NOT_SET:
            report.skipped_not_set += 1
            continue
        counts[clean] = counts.get(clean, 0) + int(float(count))  # terms differing only in spaces are one term
    frame = pd.DataFrame({"query": pd.Series(list(counts), dtype="object"),
                          "searches": pd.Series(list(counts.values()), dtype="int64")})
    frame["query_norm"] = [normalise_query(q, own_names, language) for q in frame["query"]]
    frame["page"] = None
    for column in ("clicks", "impressions"):
        frame[column] = pd.Series([pd.NA] * len(frame), dtype="Int64")
    frame["ctr"] = float("nan")
    frame["position"] = float("nan")
    return stamp_api_rows(frame, "ga4", f"api:{_property(property_id)}", "query", start, end), report


def fetch_ga4_feedback(service: Any, property_id: str, start: date, end: date,
                       rating_dimension: str = "customEvent:rating", sleep: Callable[[float], None] = time.sleep,
                       *, account_email: str | None = None) -> tuple[pd.DataFrame, Ga4Report]:
    """`feedback` events per page and rating: columns page, rating, events, period_start, period_end."""
    report = Ga4Report(property_id=str(property_id), start=start, end=end)
    body = {
        "dateRanges": [{"startDate": start.isoformat(), "endDate": end.isoformat()}],
        "dimensions": [{"name": "pagePath"}, {"name": rating_dimension}],
        "metrics": [{"name": "eventCount"}],
        "dimensionFilter": _event_filter(["feedback"]),
        "keepEmptyRows": False,
    }
    rows = run_report_rows(service, property_id, body, sleep=sleep, report=report, account_email=account_email)
    frame = pd.DataFrame({"page": pd.Series([r[0] for r in rows], dtype="object"),
                          "rating": pd.Series([r[1] for r in rows], dtype="object"),
                          "events": pd.Series([int(float(r[2])) for r in rows], dtype="int64")})
    frame["period_start"] = start.isoformat()
    frame["period_end"] = end.isoformat()
    return frame, report
