"""Real mkdocs-material builds of a generated workspace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helder.audit.run import run_audit
from helder.config import Workspace
from helder.errors import HelderError
from helder.publish.build import build_site
from helder.publish.generate import generate
from tests.browser import axe_violations
from tests.helpers import HULP_PAGE, only_test_lexicon, store_pages, store_terms


@pytest.fixture
def built(workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Workspace:
    only_test_lexicon(monkeypatch, tmp_path)
    store_pages(workspace, {"/zorg/huishoudelijke-ondersteuning": HULP_PAGE})
    store_terms(workspace, [("hulp in huis", "/zorg/huishoudelijke-ondersteuning", 30, 900)])
    run_audit(workspace, show_progress=False)
    generate(workspace)
    build_site(workspace)
    return workspace


def test_site_has_home_and_task_pages_in_dutch(built: Workspace) -> None:
    home = (built.site_dir / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in home
    assert "Hulp in huis" in home
    task = (built.site_dir / "zorg" / "hulp-in-huis" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in task and "Hulp in huis" in task
    assert "hulp bij het huishouden" in task
    search = json.loads((built.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert search["config"]["lang"] == ["nl"]
    assert any(doc["location"].startswith("zorg/hulp-in-huis") for doc in search["docs"])


def test_no_google_fonts_or_other_font_cdn(built: Workspace) -> None:
    for page in built.site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text


def test_failed_build_keeps_the_previous_site(built: Workspace) -> None:
    before = (built.site_dir / "index.html").read_text(encoding="utf-8")
    built.mkdocs_yml.write_text(built.mkdocs_yml.read_text(encoding="utf-8") + "\ntheme: {name: no-such-theme}\n")
    with pytest.raises(HelderError, match=r"mkdocs\.yml: the site did not build"):
        build_site(built)
    assert (built.site_dir / "index.html").read_text(encoding="utf-8") == before
    assert not list(built.root.glob(".site-*"))


def _with_site_settings(ws: Workspace, settings: str) -> Workspace:
    from helder.config import load_workspace

    config = ws.root / "helder.toml"
    config.write_text(config.read_text(encoding="utf-8") + f"\n[site]\n{settings}\n", encoding="utf-8")
    return load_workspace(ws.root)


TASK_PAGE = Path("zorg") / "hulp-in-huis" / "index.html"


def test_feedback_is_off_by_default(built: Workspace) -> None:
    for page in built.site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "md-feedback" not in text and "md-consent" not in text and "__md_analytics" not in text, page


def test_feedback_with_a_ga4_property_asks_consent_first(built: Workspace) -> None:
    ws = _with_site_settings(built, 'analytics_property = "G-TEST12345"')
    build_site(ws)
    task = (ws.site_dir / TASK_PAGE).read_text(encoding="utf-8")
    assert 'class="md-feedback"' in task and "Heeft deze pagina u geholpen?" in task
    assert 'id="__consent"' in task and "Mogen we meten hoe deze site gebruikt wordt?" in task
    assert "G-TEST12345" in task
    # Google's script is only added by __md_analytics(), which Material calls once the resident consented.
    assert 'consent.analytics&&__md_analytics()' in task
    assert 'class="md-feedback"' not in (ws.site_dir / "index.html").read_text(encoding="utf-8")  # tasks only


def test_site_settings_are_checked(built: Workspace) -> None:
    from helder.config import load_workspace

    config = built.root / "helder.toml"
    original = config.read_text(encoding="utf-8")
    for settings, message in (('analytics_property = "UA-1234"', r"helder\.toml: site\.analytics_property"),
                              ('feedback_endpoint = "not a url"', r"helder\.toml: site\.feedback_endpoint"),
                              ("colour = 1", r"unknown setting site\.colour")):
        config.write_text(original + f"\n[site]\n{settings}\n", encoding="utf-8")
        with pytest.raises(HelderError, match=message):
            load_workspace(built.root)


class _Recorder:
    """A feedback endpoint on 127.0.0.1 that keeps what it was sent."""

    def __init__(self) -> None:
        import http.server
        import threading

        self.bodies: list[dict] = []
        recorder = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                recorder.bodies.append(json.loads(self.rfile.read(length)))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/feedback"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.mark.slow
def test_feedback_endpoint_receives_the_answer_after_consent(built: Workspace, browser) -> None:
    from helder.publish.search_check import serve

    recorder = _Recorder()
    try:
        ws = _with_site_settings(built, f'feedback_endpoint = "{recorder.url}"')
        build_site(ws)
        task = (ws.site_dir / TASK_PAGE).read_text(encoding="utf-8")
        assert 'class="md-feedback"' in task and 'id="__consent"' in task
        with serve(ws.site_dir) as base:
            page = browser.new_page()
            try:
                page.goto(f"{base}/zorg/hulp-in-huis/")
                consent = page.locator("#__consent form[name=consent]")
                consent.wait_for(state="visible")
                assert page.locator("form.md-feedback").is_hidden()  # nothing before consent
                assert axe_violations(page) == []  # the consent dialog is accessible
                consent.locator("button.md-button--primary:not([type=reset])").click()
                page.wait_for_load_state("load")
                feedback = page.locator("form.md-feedback")
                feedback.wait_for(state="visible")
                assert feedback.locator("legend").inner_text().strip() == "Heeft deze pagina u geholpen?"
                assert axe_violations(page) == []  # so is the widget
                feedback.locator("button[data-md-value='1']").click()
                page.wait_for_function("() => !document.querySelector('.md-feedback__note [data-md-value=\"1\"]')"
                                       ".hidden")
                for _ in range(100):
                    if recorder.bodies:
                        break
                    page.wait_for_timeout(50)
            finally:
                page.close()
        assert recorder.bodies == [{"event": "feedback", "title": recorder.bodies[0]["title"], "data": "1",
                                    "page": "/zorg/hulp-in-huis/", "language": "nl"}]
        assert "Hulp in huis" in recorder.bodies[0]["title"]
    finally:
        recorder.close()


@pytest.mark.slow
def test_feedback_endpoint_gets_nothing_when_the_resident_refuses(built: Workspace, browser) -> None:
    from helder.publish.search_check import serve

    recorder = _Recorder()
    try:
        ws = _with_site_settings(built, f'feedback_endpoint = "{recorder.url}"')
        build_site(ws)
        with serve(ws.site_dir) as base:
            page = browser.new_page()
            try:
                page.goto(f"{base}/zorg/hulp-in-huis/")
                page.locator("#__consent form[name=consent]").wait_for(state="visible")
                page.locator("#__consent button[type=reset]").click()
                page.wait_for_load_state("load")
                page.wait_for_timeout(500)
                assert page.locator("form.md-feedback").is_hidden()
                assert page.locator("#__consent form[name=consent]").is_hidden()
            finally:
                page.close()
        assert recorder.bodies == []
    finally:
        recorder.close()


def test_english_workspace_gets_english_search_footer_and_feedback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                   ) -> None:
    from tests.conftest import make_workspace

    ws = make_workspace(tmp_path / "en", language="en")
    store_pages(ws, {"/zorg/huishoudelijke-ondersteuning": HULP_PAGE})
    store_terms(ws, [("hulp in huis", "/zorg/huishoudelijke-ondersteuning", 30, 900)])
    run_audit(ws, show_progress=False)
    generate(ws)
    ws = _with_site_settings(ws, 'feedback_endpoint = "https://feedback.example.org/helder"')
    build_site(ws)
    search = json.loads((ws.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert search["config"]["lang"] == ["en"]
    task = next(p for p in ws.site_dir.rglob("index.html") if 'class="md-feedback"' in p.read_text("utf-8"))
    text = task.read_text(encoding="utf-8")
    assert "Was this page helpful?" in text and "May we measure how this site is used?" in text
    assert "Made with" in text and "Gemaakt met" not in text
    assert '"https://feedback.example.org/helder"' in text
