"""`helder terms` as an editor uses it: file imports with masking, and the Google API commands end to end."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helder.cli import app
from helder.config import Workspace
from helder.terms.store import import_terms, load_terms
from tests.test_google_apis import EMPTY, ga4, gsc, gsc_rows, ok

runner = CliRunner()


def test_personal_data_is_masked_before_it_is_stored(workspace: Workspace, tmp_path: Path) -> None:
    export = tmp_path / "zoektermen.csv"
    export.write_text("zoekterm,aantal\nbijzondere bijstand jan.jansen@example.nl,3\nbsn 111222333 kwijt,2\n"
                      "bel mij 06-12345678,1\ngrofvuil ophalen,40\n", encoding="utf-8")
    result = import_terms(workspace, export)
    assert result.masked == {"bsn": 1, "email": 1, "phone": 1}
    stored = workspace.terms_path.read_bytes()
    for secret in (b"jan.jansen@example.nl", b"111222333", b"12345678"):
        assert secret not in stored
    queries = set(load_terms(workspace)["query"])
    assert {"bijzondere bijstand [e-mail]", "bsn [bsn] kwijt", "bel mij [telefoon]", "grofvuil ophalen"} == queries


def test_plain_files_without_a_period_are_kept_apart(workspace: Workspace, tmp_path: Path) -> None:
    for name, query in (("a.csv", "paspoort"), ("b.csv", "rijbewijs")):
        (tmp_path / name).write_text(f"query,count\n{query},5\n", encoding="utf-8")
        import_terms(workspace, tmp_path / name)
    import_terms(workspace, tmp_path / "a.csv")  # again: replaces its own rows only
    assert sorted(load_terms(workspace)["query"]) == ["paspoort", "rijbewijs"]


def test_terms_gsc_command_fetches_masks_and_reports_the_anonymised_share(
        workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    responses = [
        ok(gsc_rows(("hulp in huis", "https://www.voorbeeldstad.nl/hulp", 30, 900, 4.2),
                    ("mail piet@example.nl", "https://www.voorbeeldstad.nl/", 1, 10, 9.0))),
        ok(EMPTY),  # the day's rows are all read
        ok(gsc_rows(("https://www.voorbeeldstad.nl/hulp", 40, 1200, 4.0),
                    ("https://www.voorbeeldstad.nl/", 10, 300, 5.0))),
        ok(EMPTY),  # totals without the query dimension, for the anonymised share
    ]
    service, http = gsc(responses)
    monkeypatch.setattr("helder.terms.google_auth.credentials", lambda **kw: (None, "bot@x.iam.gserviceaccount"))
    monkeypatch.setattr("helder.terms.google_auth.build_service", lambda api, creds: service)
    done = runner.invoke(app, ["terms", "gsc", "--site", "sc-domain:voorbeeldstad.nl", "--from", "2026-10-01",
                               "--to", "2026-10-01", "-w", str(workspace.root)])
    assert done.exit_code == 0, done.output
    assert "2 search-console rows" in done.output and "1 × email" in done.output
    assert "38% of clicks and 39% of impressions (19 clicks, 590 impressions)" in done.output  # 1 - 910/1500
    frame = load_terms(workspace)
    assert set(frame["query"]) == {"hulp in huis", "mail [e-mail]"}
    assert set(frame["period_start"]) == {"2026-10-01"}
    assert http.bodies[0]["startDate"] == "2026-10-01" and http.bodies[0]["dimensions"] == ["query", "page"]


def test_terms_ga4_command_stores_site_search_terms(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    report = {"dimensionHeaders": [{"name": "searchTerm"}], "metricHeaders": [{"name": "eventCount"}],
              "rows": [{"dimensionValues": [{"value": "afvalkalender"}], "metricValues": [{"value": "42"}]}],
              "rowCount": 1}
    service, _ = ga4([ok(report)])
    monkeypatch.setattr("helder.terms.google_auth.credentials", lambda **kw: (None, None))
    monkeypatch.setattr("helder.terms.google_auth.build_service", lambda api, creds: service)
    done = runner.invoke(app, ["terms", "ga4", "--property", "123456789", "--last", "28d", "-w",
                               str(workspace.root)])
    assert done.exit_code == 0, done.output
    row = load_terms(workspace).iloc[0]
    assert (row["query"], row["searches"], row["source"]) == ("afvalkalender", 42, "ga4")


def test_a_period_is_required_and_checked(workspace: Workspace) -> None:
    from helder.cli import _required_period
    from helder.errors import HelderError

    start, end = _required_period(None, None, "90d")
    assert (end - start).days == 89
    for args, message in (((None, None, None), "Say which days"), (("2026-01-01", None, "9d"), "either --last"),
                          ((None, None, "3 maanden"), "number of days")):
        with pytest.raises(HelderError, match=message):
            _required_period(*args)


def test_optional_dimensions_become_columns(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    from helder.terms.search_console_api import fetch_search_console

    day_rows = [ok(gsc_rows(("paspoort", "https://www.voorbeeldstad.nl/paspoort", "MOBILE", 8, 100, 3.0),
                            ("paspoort", "https://www.voorbeeldstad.nl/paspoort", "DESKTOP", 2, 50, 5.0))), ok(EMPTY)]
    service, http = gsc(day_rows * 2)  # two days, no anonymised-share request
    frame, _ = fetch_search_console(service, "sc-domain:voorbeeldstad.nl", date(2026, 10, 1),
                                         date(2026, 10, 2), ("query", "page", "device"), anonymised_share=False,
                                         sleep=lambda seconds: None)
    by_device = frame.set_index("device")
    assert by_device.loc["MOBILE", "clicks"] == 16 and by_device.loc["DESKTOP", "impressions"] == 100
    assert set(frame["dimensions"]) == {"query+page+device"}
    assert http.bodies[0]["dimensions"] == ["query", "page", "device"]

    per_day, _ = fetch_search_console(gsc([ok(gsc_rows(("wmo", "https://www.voorbeeldstad.nl/wmo", "2026-10-01",
                                                          1, 10, 2.0))), ok(EMPTY)])[0],
                                      "sc-domain:voorbeeldstad.nl", date(2026, 10, 1), date(2026, 10, 1),
                                      ("query", "page", "date"), anonymised_share=False, sleep=lambda seconds: None)
    assert list(per_day["date"]) == ["2026-10-01"]


def test_unsupported_dimension_is_a_clear_error() -> None:
    from helder.errors import HelderError
    from helder.terms.search_console_api import fetch_search_console

    with pytest.raises(HelderError, match="use query and/or page, optionally with date, device and country"):
        fetch_search_console(None, "sc-domain:x.nl", date(2026, 1, 1), date(2026, 1, 1), ("searchAppearance",))
