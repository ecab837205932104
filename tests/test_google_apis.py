"""The Search Console and GA4 Data API sources, fully offline: services built from the bundled discovery
documents, answered by a recorded-style HTTP mock that also keeps every request body."""

from __future__ import annotations

import itertools
import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest
from googleapiclient.discovery import build
from googleapiclient.http import HttpMockSequence

from helder.errors import HelderError
from helder.terms import google_auth, google_retry
from helder.terms.ga4_api import fetch_ga4_feedback, fetch_ga4_site_search
from helder.terms.search_console_api import ROW_LIMIT, fetch_search_console
from helder.terms.store import COLUMNS

SITE = "https://www.voorbeeldstad.nl/"
EMAIL = "helder-import@helder-project.iam.gserviceaccount.com"
OK = {"status": "200", "content-type": "application/json; charset=UTF-8"}


class RecordingHttp(HttpMockSequence):
    """HttpMockSequence that keeps each request's method, URI and decoded JSON body."""

    def __init__(self, responses: list[tuple[dict, str]]) -> None:
        super().__init__(list(responses))
        self.calls: list[dict] = []

    def request(self, uri, method="GET", body=None, headers=None, redirections=1, connection_type=None):
        self.calls.append({"uri": uri, "method": method, "body": json.loads(body) if body else None})
        return super().request(uri, method, body, headers, redirections, connection_type)

    @property
    def bodies(self) -> list[dict]:
        return [c["body"] for c in self.calls]

    @property
    def unused(self) -> int:
        return len(self._iterable)


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def ok(payload: dict) -> tuple[dict, str]:
    return OK, json.dumps(payload)


def error(status: int, message: str, reason: str, domain: str = "global", rpc_status: str = "") -> tuple[dict, str]:
    body = {"error": {"code": status, "message": message,
                      "errors": [{"message": message, "domain": domain, "reason": reason}]}}
    if rpc_status:
        body["error"]["status"] = rpc_status
    return {"status": str(status), "content-type": "application/json; charset=UTF-8"}, json.dumps(body)


def gsc_rows(*rows: tuple) -> dict:
    return {"rows": [{"keys": list(keys), "clicks": c, "impressions": i, "ctr": c / i if i else 0, "position": p}
                     for *keys, c, i, p in rows],
            "responseAggregationType": "byPage"}


EMPTY = {"responseAggregationType": "byPage"}  # what the API sends when there are no (more) rows


def gsc(responses: list[tuple[dict, str]]) -> tuple[object, RecordingHttp]:
    http = RecordingHttp(responses)
    return build("searchconsole", "v1", http=http, static_discovery=True, cache_discovery=False), http


def ga4(responses: list[tuple[dict, str]]) -> tuple[object, RecordingHttp]:
    http = RecordingHttp(responses)
    return build("analyticsdata", "v1beta", http=http, static_discovery=True, cache_discovery=False), http


# --- Search Console -------------------------------------------------------------------------------------------


def test_gsc_pages_each_day_until_an_empty_page_and_sums_days(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("helder.terms.search_console_api.ROW_LIMIT", 2)  # small pages, same logic as 25,000
    page = f"{SITE}paspoort-aanvragen"
    service, http = gsc([
        # 2026-03-01: two full pages, one short page, then the empty page that ends the day
        ok(gsc_rows(("paspoort aanvragen", page, 10, 100, 2.0), ("Gemeente Voorbeeldstad afval", f"{SITE}afval", 4,
                                                                 40, 3.0))),
        ok(gsc_rows(("parkeervergunning", f"{SITE}parkeren", 3, 30, 5.0),
                    ("paspoort aanvragen", f"{SITE}paspoort-aanvragen#kosten", 1, 10, 4.0))),
        ok(gsc_rows(("grofvuil ophalen", f"{SITE}afval", 0, 12, 8.0))),
        ok(EMPTY),
        # 2026-03-02: one page, then empty
        ok(gsc_rows(("paspoort aanvragen", page, 6, 50, 1.0))),
        ok(EMPTY),
        # site totals by page over the whole period, for the anonymised share
        ok(gsc_rows((page, 25, 220, 2.0), (f"{SITE}afval", 9, 90, 3.0))),
        ok(gsc_rows((f"{SITE}parkeren", 6, 60, 5.0))),
        ok(EMPTY),
    ])
    frame, report = fetch_search_console(service, SITE, date(2026, 3, 1), date(2026, 3, 2), sleep=Sleeps(),
                                         own_names=("Voorbeeldstad",))

    assert http.unused == 0
    assert all(c["method"] == "POST" for c in http.calls)
    assert all(c["uri"].startswith("https://searchconsole.googleapis.com/webmasters/v3/sites/https%3A%2F%2Fwww."
                                   "voorbeeldstad.nl%2F/searchAnalytics/query") for c in http.calls)
    day_bodies = http.bodies[:6]
    assert [(b["startDate"], b["endDate"], b["startRow"]) for b in day_bodies] == [
        ("2026-03-01", "2026-03-01", 0), ("2026-03-01", "2026-03-01", 2), ("2026-03-01", "2026-03-01", 4),
        ("2026-03-01", "2026-03-01", 5), ("2026-03-02", "2026-03-02", 0), ("2026-03-02", "2026-03-02", 1)]
    for body in day_bodies:
        assert body["dimensions"] == ["query", "page"]
        assert (body["type"], body["dataState"], body["rowLimit"]) == ("web", "final", 2)
    totals = http.bodies[6:]
    assert [(b["startDate"], b["endDate"], b["dimensions"], b["startRow"]) for b in totals] == [
        ("2026-03-01", "2026-03-02", ["page"], 0), ("2026-03-01", "2026-03-02", ["page"], 2),
        ("2026-03-01", "2026-03-02", ["page"], 3)]

    assert list(frame.columns) == COLUMNS
    assert report.rows_fetched == 6 and report.rows == 4 and report.days == 2 and report.requests == 9
    pas = frame[frame["query"] == "paspoort aanvragen"].iloc[0]
    assert pas["page"] == page  # the #kosten sitelink row is the same page
    assert (pas["clicks"], pas["impressions"]) == (17, 160)
    assert pas["ctr"] == pytest.approx(17 / 160)
    assert pas["position"] == pytest.approx((2.0 * 100 + 4.0 * 10 + 1.0 * 50) / 160)
    assert frame["query"].iloc[0] == "paspoort aanvragen"  # most clicks first
    afval = frame[frame["page"] == f"{SITE}afval"].set_index("query")
    assert afval.loc["Gemeente Voorbeeldstad afval", "query_norm"] == "afval"
    assert set(frame["dimensions"]) == {"query+page"} and set(frame["source"]) == {"search-console"}
    assert set(frame["file"]) == {f"api:{SITE}"}
    assert set(frame["period_start"]) == {"2026-03-01"} and set(frame["period_end"]) == {"2026-03-02"}
    assert not frame["no_result"].any()

    # Anonymised share: totals 40 clicks / 370 impressions, query rows 24 clicks / 242 impressions.
    assert (report.total_clicks, report.total_impressions) == (40, 370)
    assert (report.query_clicks, report.query_impressions) == (24, 242)
    assert (report.hidden_clicks, report.hidden_impressions) == (16, 128)
    assert report.hidden_click_share == pytest.approx(16 / 40)
    assert report.hidden_impression_share == pytest.approx(128 / 370)


def test_gsc_uses_the_real_row_limit_and_data_state() -> None:
    service, http = gsc([ok(EMPTY), ok(EMPTY)])
    fetch_search_console(service, "sc-domain:voorbeeldstad.nl", date(2026, 3, 1), date(2026, 3, 1),
                         dimensions=("query",), data_state="all", sleep=Sleeps())
    assert http.bodies[0] == {"startDate": "2026-03-01", "endDate": "2026-03-01", "dimensions": ["query"],
                              "type": "web", "dataState": "all", "rowLimit": ROW_LIMIT, "startRow": 0}
    assert ROW_LIMIT == 25_000
    assert http.bodies[1]["dimensions"] == []  # query-only rows are compared with the site total
    assert "sc-domain%3Avoorbeeldstad.nl" in http.calls[0]["uri"]


def test_gsc_empty_result_is_an_empty_frame_with_the_store_columns() -> None:
    service, http = gsc([ok(EMPTY), ok(EMPTY), ok(EMPTY), ok(EMPTY)])
    frame, report = fetch_search_console(service, SITE, date(2026, 3, 1), date(2026, 3, 3), sleep=Sleeps())
    assert http.unused == 0 and len(http.calls) == 4
    assert frame.empty and list(frame.columns) == COLUMNS
    assert (report.rows_fetched, report.rows, report.total_clicks, report.hidden_clicks) == (0, 0, 0, 0)
    assert report.hidden_click_share is None


def one_day(responses: list[tuple[dict, str]]) -> list[tuple[dict, str]]:
    return [*responses, ok(EMPTY)]  # the empty page that ends the day; no site totals asked


@pytest.mark.parametrize("failure", [
    error(429, "Quota exceeded for quota metric 'Queries'.", "rateLimitExceeded", "usageLimits",
          "RESOURCE_EXHAUSTED"),
    error(403, "Search Analytics load quota exceeded.", "quotaExceeded", "usageLimits"),
    error(403, "User Rate Limit Exceeded.", "userRateLimitExceeded", "usageLimits"),
    error(500, "Internal error encountered.", "backendError", rpc_status="INTERNAL"),
    error(503, "The service is currently unavailable.", "backendError", rpc_status="UNAVAILABLE"),
], ids=["429", "403-quotaExceeded", "403-userRateLimitExceeded", "500", "503"])
def test_gsc_retries_transient_errors_with_backoff(failure: tuple[dict, str]) -> None:
    service, http = gsc(one_day([failure, failure, ok(gsc_rows(("afval", f"{SITE}afval", 1, 5, 2.0)))]))
    sleeps = Sleeps()
    frame, report = fetch_search_console(service, SITE, date(2026, 3, 1), date(2026, 3, 1), sleep=sleeps,
                                         anonymised_share=False)
    assert http.unused == 0
    assert http.bodies[0] == http.bodies[1] == http.bodies[2]  # the same request again
    assert len(frame) == 1 and report.retries == 2 and report.requests == 4
    assert len(sleeps) == 2 and sleeps == report.waits
    assert google_retry.FIRST_WAIT <= sleeps[0] <= google_retry.FIRST_WAIT + google_retry.JITTER
    assert sleeps[1] > sleeps[0] and sleeps[1] >= 2 * google_retry.FIRST_WAIT


def test_gsc_gives_up_after_the_last_retry_with_one_line() -> None:
    failure = error(429, "Quota exceeded.", "rateLimitExceeded", "usageLimits")
    service, _http = gsc([failure] * google_retry.ATTEMPTS)
    sleeps = Sleeps()
    with pytest.raises(HelderError) as caught:
        fetch_search_console(service, SITE, date(2026, 3, 1), date(2026, 3, 1), sleep=sleeps)
    message = str(caught.value)
    assert "\n" not in message and SITE in message and "429" in message and "again later" in message
    assert len(sleeps) == google_retry.ATTEMPTS - 1
    assert all(later > earlier for earlier, later in itertools.pairwise(sleeps))
    assert max(sleeps) <= google_retry.MAX_WAIT + google_retry.JITTER


@pytest.mark.parametrize("failure", [
    error(403, f"User does not have sufficient permission for site '{SITE}'. See also: "
          "https://support.google.com/webmasters/answer/2451999.", "forbidden", rpc_status="PERMISSION_DENIED"),
    error(403, "Request had insufficient authentication scopes.", "insufficientPermissions"),
], ids=["forbidden", "insufficientPermissions"])
def test_gsc_permission_error_names_site_and_email_and_does_not_retry(failure: tuple[dict, str]) -> None:
    service, http = gsc([failure])
    sleeps = Sleeps()
    with pytest.raises(HelderError) as caught:
        fetch_search_console(service, SITE, date(2026, 3, 1), date(2026, 3, 1), sleep=sleeps, account_email=EMAIL)
    message = str(caught.value)
    assert "\n" not in message
    assert SITE in message and EMAIL in message and "as a user" in message and "Search Console" in message
    assert sleeps == [] and len(http.calls) == 1


def test_gsc_other_errors_are_one_line_without_retry() -> None:
    service, http = gsc([error(400, "'siteUrl' is not a valid URL.", "invalidParameter")])
    with pytest.raises(HelderError, match=r"HTTP 400: 'siteUrl' is not a valid URL\.") as caught:
        fetch_search_console(service, SITE, date(2026, 3, 1), date(2026, 3, 1), sleep=Sleeps())
    assert "\n" not in str(caught.value) and len(http.calls) == 1


def test_gsc_rejects_a_reversed_period() -> None:
    service, http = gsc([])
    with pytest.raises(HelderError, match="ends before it starts"):
        fetch_search_console(service, SITE, date(2026, 3, 2), date(2026, 3, 1), sleep=Sleeps())
    assert http.calls == []


def test_connection_errors_are_retried() -> None:
    class Flaky:
        def __init__(self) -> None:
            self.calls = 0

        def execute(self) -> dict:
            self.calls += 1
            if self.calls < 3:
                raise ConnectionResetError("reset by peer")
            return {"rows": []}

    sleeps = Sleeps()
    assert google_retry.execute(Flaky(), sleep=sleeps) == {"rows": []}
    assert len(sleeps) == 2 and sleeps[1] > sleeps[0]


# --- GA4 ------------------------------------------------------------------------------------------------------


def ga4_page(rows: list[tuple[str, ...]], row_count: int, **metadata: object) -> dict:
    return {"dimensionHeaders": [{"name": "searchTerm"}],
            "metricHeaders": [{"name": "eventCount", "type": "TYPE_INTEGER"}],
            "rows": [{"dimensionValues": [{"value": v} for v in row[:-1]], "metricValues": [{"value": row[-1]}]}
                     for row in rows],
            "rowCount": row_count, "metadata": {"currencyCode": "EUR", "timeZone": "Europe/Amsterdam", **metadata},
            "kind": "analyticsData#runReport"}


def test_ga4_site_search_pages_until_row_count_with_the_event_filter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("helder.terms.ga4_api.PAGE_LIMIT", 2)
    service, http = ga4([
        ok(ga4_page([("paspoort", "42"), ("afvalkalender", "17")], 5)),
        ok(ga4_page([("(not set)", "9"), ("Parkeervergunning  aanvragen", "6")], 5, subjectToThresholding=True)),
        ok(ga4_page([("Gemeente Voorbeeldstad paspoort", "3")], 5)),
    ])
    frame, report = fetch_ga4_site_search(service, "123456789", date(2026, 3, 1), date(2026, 3, 31),
                                          sleep=Sleeps(), own_names=("Voorbeeldstad",))
    assert http.unused == 0
    assert all(c["uri"].startswith("https://analyticsdata.googleapis.com/v1beta/properties/123456789:runReport")
               for c in http.calls)
    assert [(b["offset"], b["limit"]) for b in http.bodies] == [(0, 2), (2, 2), (4, 2)]
    body = http.bodies[0]
    assert body["dateRanges"] == [{"startDate": "2026-03-01", "endDate": "2026-03-31"}]
    assert body["dimensions"] == [{"name": "searchTerm"}] and body["metrics"] == [{"name": "eventCount"}]
    assert body["dimensionFilter"] == {"filter": {"fieldName": "eventName", "inListFilter": {
        "values": ["view_search_results", "search"], "caseSensitive": True}}}

    assert list(frame.columns) == COLUMNS
    assert dict(zip(frame["query"], frame["searches"], strict=True)) == {
        "paspoort": 42, "afvalkalender": 17, "Parkeervergunning aanvragen": 6, "Gemeente Voorbeeldstad paspoort": 3}
    assert frame.set_index("query").loc["Gemeente Voorbeeldstad paspoort", "query_norm"] == "paspoort"
    assert set(frame["source"]) == {"ga4"} and set(frame["dimensions"]) == {"query"}
    assert set(frame["file"]) == {"api:properties/123456789"}
    assert frame["clicks"].isna().all() and frame["page"].isna().all()
    assert (report.row_count, report.rows_fetched, report.skipped_not_set) == (5, 5, 1)
    assert report.thresholded and report.requests == 3


def test_ga4_empty_report_has_no_rows_key() -> None:
    service, http = ga4([ok({"metadata": {"currencyCode": "EUR"}, "kind": "analyticsData#runReport"})])
    frame, report = fetch_ga4_site_search(service, "properties/123456789", date(2026, 3, 1), date(2026, 3, 31),
                                          sleep=Sleeps())
    assert frame.empty and list(frame.columns) == COLUMNS and report.row_count == 0 and len(http.calls) == 1


def test_ga4_retries_and_explains_permission() -> None:
    exhausted = error(429, "Exhausted property tokens per day.", "rateLimitExceeded", rpc_status="RESOURCE_EXHAUSTED")
    service, http = ga4([exhausted, ok(ga4_page([("paspoort", "4")], 1))])
    sleeps = Sleeps()
    frame, report = fetch_ga4_site_search(service, "123", date(2026, 3, 1), date(2026, 3, 2), sleep=sleeps)
    assert len(frame) == 1 and report.retries == 1 and len(sleeps) == 1 and http.unused == 0

    denied = error(403, "User does not have sufficient permissions for this property.", "forbidden",
                   rpc_status="PERMISSION_DENIED")
    service, http = ga4([denied])
    with pytest.raises(HelderError) as caught:
        fetch_ga4_site_search(service, "123", date(2026, 3, 1), date(2026, 3, 2), sleep=Sleeps(), account_email=EMAIL)
    message = str(caught.value)
    assert "\n" not in message and EMAIL in message and "properties/123" in message and len(http.calls) == 1


def test_ga4_rejects_a_measurement_id() -> None:
    service, _http = ga4([])
    with pytest.raises(HelderError, match="numeric id"):
        fetch_ga4_site_search(service, "G-ABC123", date(2026, 3, 1), date(2026, 3, 2), sleep=Sleeps())


def test_ga4_feedback_by_page_and_rating() -> None:
    page = {"dimensionHeaders": [{"name": "pagePath"}, {"name": "customEvent:rating"}],
            "metricHeaders": [{"name": "eventCount", "type": "TYPE_INTEGER"}],
            "rows": [{"dimensionValues": [{"value": "/paspoort/"}, {"value": "1"}], "metricValues": [{"value": "8"}]},
                     {"dimensionValues": [{"value": "/paspoort/"}, {"value": "0"}], "metricValues": [{"value": "3"}]}],
            "rowCount": 2}
    service, http = ga4([ok(page)])
    frame, report = fetch_ga4_feedback(service, "123", date(2026, 3, 1), date(2026, 3, 31), sleep=Sleeps())
    body = http.bodies[0]
    assert body["dimensions"] == [{"name": "pagePath"}, {"name": "customEvent:rating"}]
    assert body["dimensionFilter"]["filter"]["inListFilter"]["values"] == ["feedback"]
    assert frame[["page", "rating", "events"]].values.tolist() == [["/paspoort/", "1", 8], ["/paspoort/", "0", 3]]
    assert report.rows_fetched == 2


def test_ga4_unregistered_custom_dimension_says_what_to_do() -> None:
    service, _http = ga4([error(400, "Field customEvent:rating is not a valid dimension. For a list of valid "
                                     "dimensions and metrics, see https://developers.google.com/analytics/...",
                                "badRequest", rpc_status="INVALID_ARGUMENT")])
    with pytest.raises(HelderError, match="custom dimension") as caught:
        fetch_ga4_feedback(service, "123", date(2026, 3, 1), date(2026, 3, 31), sleep=Sleeps())
    assert "\n" not in str(caught.value)


# --- Credentials ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def private_key_pem() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def write_key(path: Path, pem: str, **changes: object) -> Path:
    info = {"type": "service_account", "project_id": "helder-project", "private_key_id": "abc123",
            "private_key": pem, "client_email": EMAIL, "client_id": "1234567890",
            "token_uri": "https://oauth2.googleapis.com/token", **changes}
    path.write_text(json.dumps(info), encoding="utf-8")
    return path


def test_service_account_credentials_and_email(tmp_path: Path, private_key_pem: str) -> None:
    key = write_key(tmp_path / "key.json", private_key_pem)
    assert google_auth.service_account_email(key) == EMAIL
    creds = google_auth.service_account_credentials(key)
    assert creds.service_account_email == EMAIL
    assert set(creds.scopes) == set(google_auth.SCOPES)
    creds, email = google_auth.credentials(key_file=key)
    assert email == EMAIL
    service = google_auth.build_service("searchconsole", creds)
    assert hasattr(service, "searchanalytics")


def test_bad_key_files_give_one_line_errors_without_secrets(tmp_path: Path, private_key_pem: str) -> None:
    missing = tmp_path / "nowhere.json"
    with pytest.raises(HelderError, match="does not exist"):
        google_auth.service_account_email(missing)
    (tmp_path / "junk.json").write_text("not json", encoding="utf-8")
    with pytest.raises(HelderError, match="not a readable JSON"):
        google_auth.service_account_credentials(tmp_path / "junk.json")
    client = tmp_path / "client.json"
    client.write_text(json.dumps({"installed": {"client_id": "x", "client_secret": "SECRET-XYZ"}}), encoding="utf-8")
    with pytest.raises(HelderError, match="OAuth client file, not a service-account key") as caught:
        google_auth.service_account_credentials(client)
    assert "SECRET-XYZ" not in str(caught.value)
    broken = write_key(tmp_path / "broken.json", "-----BEGIN PRIVATE KEY-----\nSECRETKEYMATERIAL\n-----END PRIVATE "
                                                 "KEY-----\n")
    with pytest.raises(HelderError, match="could not be loaded") as caught:
        google_auth.service_account_credentials(broken)
    assert "SECRETKEYMATERIAL" not in str(caught.value) and "\n" not in str(caught.value)
    for problem in (missing, tmp_path / "junk.json", client, broken):
        try:
            google_auth.service_account_credentials(problem)
        except HelderError as raised:
            assert str(problem) in str(raised)


class FakeCreds:
    def __init__(self, token: str = "ya29.SECRET-ACCESS") -> None:
        self.token = token

    def to_json(self) -> str:
        return json.dumps({"token": self.token, "refresh_token": "1//SECRET-REFRESH", "client_id": "cid",
                           "client_secret": "csecret", "token_uri": "https://oauth2.googleapis.com/token",
                           "scopes": google_auth.SCOPES, "expiry": "2000-01-01T00:00:00Z"})


def test_oauth_flow_caches_the_token_with_mode_600_and_refreshes_it(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    client = tmp_path / "client.json"
    client.write_text(json.dumps({"installed": {"client_id": "cid", "client_secret": "csecret",
                                                "auth_uri": "https://accounts.google.com/o/oauth2/auth",
                                                "token_uri": "https://oauth2.googleapis.com/token"}}),
                      encoding="utf-8")
    token = tmp_path / "tokens" / "google-token.json"
    flows: list[Path] = []

    def run_flow(path: Path) -> FakeCreds:
        flows.append(path)
        return FakeCreds()

    first = google_auth.oauth_credentials(client, token, run_flow=run_flow)
    assert isinstance(first, FakeCreds) and flows == [client]
    assert stat.S_IMODE(os.stat(token).st_mode) == 0o600
    assert json.loads(token.read_text())["refresh_token"] == "1//SECRET-REFRESH"
    assert [p.name for p in token.parent.iterdir()] == ["google-token.json"]  # no temporary file left

    # The cached token has expired (expiry 2000): it is refreshed, not signed in again, and saved again.
    from google.oauth2.credentials import Credentials

    def fake_refresh(self: Credentials, request: object) -> None:
        self.token = "ya29.NEW"
        self.expiry = None

    monkeypatch.setattr(Credentials, "refresh", fake_refresh)
    second = google_auth.oauth_credentials(client, token, run_flow=run_flow, refresh_request=lambda: None)
    assert second.token == "ya29.NEW" and flows == [client]
    assert json.loads(token.read_text())["token"] == "ya29.NEW"
    assert stat.S_IMODE(os.stat(token).st_mode) == 0o600

    # Still valid now (no expiry): used as is.
    third = google_auth.oauth_credentials(client, token, run_flow=run_flow)
    assert third.token == "ya29.NEW" and flows == [client]


def test_oauth_revoked_refresh_token_signs_in_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from google.auth.exceptions import RefreshError
    from google.oauth2.credentials import Credentials

    client = tmp_path / "client.json"
    client.write_text(json.dumps({"installed": {"client_id": "cid", "client_secret": "csecret"}}), encoding="utf-8")
    token = tmp_path / "token.json"
    token.write_text(FakeCreds().to_json(), encoding="utf-8")

    def refused(self: Credentials, request: object) -> None:
        raise RefreshError("invalid_grant: Token has been expired or revoked.")

    monkeypatch.setattr(Credentials, "refresh", refused)
    fresh = google_auth.oauth_credentials(client, token, run_flow=lambda _p: FakeCreds("ya29.FRESH"),
                                          refresh_request=lambda: None)
    assert fresh.token == "ya29.FRESH" and json.loads(token.read_text())["token"] == "ya29.FRESH"


def test_oauth_with_a_service_account_file_as_client_secrets(tmp_path: Path, private_key_pem: str) -> None:
    key = write_key(tmp_path / "key.json", private_key_pem)
    with pytest.raises(HelderError, match="service-account key, not an OAuth client file"):
        google_auth.oauth_credentials(key, tmp_path / "token.json", run_flow=lambda _p: FakeCreds())
    assert not (tmp_path / "token.json").exists()


def test_no_credentials_at_all() -> None:
    with pytest.raises(HelderError, match="No Google credentials"):
        google_auth.credentials()


def test_api_frames_fit_the_store_table_together(tmp_path: Path) -> None:
    import pandas as pd

    service, _http = gsc([ok(gsc_rows(("afval", f"{SITE}afval", 1, 5, 2.0))), ok(EMPTY)])
    gsc_frame, _ = fetch_search_console(service, SITE, date(2026, 3, 1), date(2026, 3, 1), sleep=Sleeps(),
                                        anonymised_share=False)
    service, _http = ga4([ok(ga4_page([("paspoort", "4")], 1))])
    ga4_frame, _ = fetch_ga4_site_search(service, "123", date(2026, 3, 1), date(2026, 3, 1), sleep=Sleeps())
    combined = pd.concat([gsc_frame, ga4_frame], ignore_index=True)
    combined.to_parquet(tmp_path / "terms.parquet", index=False)
    back = pd.read_parquet(tmp_path / "terms.parquet")
    assert list(back.columns) == COLUMNS and list(back["source"]) == ["search-console", "ga4"]
    assert back["searches"].tolist()[1] == 4 and back["clicks"].tolist()[0] == 1
