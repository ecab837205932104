"""Optional rewriting by a language model: tested against a fake OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import http.server
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from helder.audit.run import run_audit
from helder.config import Workspace, load_workspace
from helder.errors import HelderError
from helder.language import get_language
from helder.language.lexicon import load_lexicon
from helder.publish.generate import generate
from helder.publish.pagefile import Outcome
from helder.publish.rewrite import CACHE_FILE, facts, judge, lost_facts
from tests.helpers import only_test_lexicon, store_pages, store_terms

GOOD = "U kunt grofvuil op afspraak laten ophalen. Het is hoogstens 2 m3 per keer."
DROPS_NUMBER = "U betaalt een klein bedrag per keer."
HARDER = ("Subsequent aan de registratie van uw aanmelding zal de inzameling van het grofvuil geschieden binnen een "
          "termijn van 5 werkdagen, conform de geldende beleidsregels inzake afvalinzameling en gemeentelijke "
          "verordeningen.")


@dataclass
class FakeModel:
    url: str
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    mode: str = "answers"  # or "slow" (longer than the client's timeout), "error" (HTTP 500)

    def answer(self, text: str) -> str:
        """Answers chosen by what the section says, so each section tests one rule."""
        if "m3" in text:
            return GOOD
        if "21,60" in text:
            return DROPS_NUMBER
        if "werkdagen" in text:
            return HARDER
        return text  # not easier to read: the rule-based text stays


@pytest.fixture
def fake_model() -> Iterator[FakeModel]:
    model = FakeModel(url="")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            model.requests.append({"path": self.path, **body})
            model.headers.append(dict(self.headers))
            if model.mode == "slow":
                time.sleep(2)
            if model.mode == "error":
                self.send_response(500)
                self.end_headers()
                return
            text = body["messages"][-1]["content"]
            payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": model.answer(text)}}]})
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            with contextlib.suppress(OSError):  # the client may have given up (timeout test)
                self.wfile.write(payload.encode())

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.block_on_close = False
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    model.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    yield model
    server.shutdown()
    server.server_close()


BULKY = [
    ("h1", "Grofvuil"),
    ("p", "Indien u grofvuil heeft, kunt u dit op afspraak laten ophalen door de gemeente, waarbij het maximum "
          "2 m3 per keer bedraagt."),
    ("h2", "Kosten"),
    ("p", "De leges bedragen € 21,60 per keer."),
    ("h2", "Hoe lang duurt het?"),
    ("p", "Na uw aanmelding wordt het grofvuil binnen 5 werkdagen opgehaald."),
    ("h2", "Contact"),
    ("p", "Bel (0123) 45 67 89."),
]


def with_rewrite(ws: Workspace, **settings: object) -> Workspace:
    lines = "".join(f"{key} = {json.dumps(value)}\n" for key, value in settings.items())
    config = ws.root / "helder.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n[rewrite]\n" + lines, encoding="utf-8")
    return load_workspace(ws.root)


@pytest.fixture
def site(workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Workspace:
    only_test_lexicon(monkeypatch, tmp_path)
    store_pages(workspace, {"/afval/grofvuil": BULKY, "/afval/": [("h1", "Afval")]})
    store_terms(workspace, [("grofvuil ophalen", "/afval/grofvuil", 5, 50)])
    run_audit(workspace, show_progress=False)
    return workspace


def task_file(ws: Workspace) -> tuple[dict[str, Any], str]:
    [path] = [p for p in (ws.content_dir / "afval").glob("*.md") if p.name != "index.md"]
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def test_off_by_default_asks_nothing(site: Workspace, fake_model: FakeModel) -> None:
    assert not site.rewrite.enabled
    generate(site)
    front, _ = task_file(site)
    assert "rewritten_by_model" not in front["helder"]
    assert fake_model.requests == []
    assert not (site.data_dir / CACHE_FILE).exists()


def test_good_rewrite_accepted_dropped_number_and_harder_text_rejected(site: Workspace,
                                                                       fake_model: FakeModel) -> None:
    ws = with_rewrite(site, url=fake_model.url, model="test-model", timeout=10)
    result = generate(ws)
    front, body = task_file(ws)
    assert front["helder"]["rewritten_by_model"] == ["Wat is het?"]
    assert front["helder"]["model"] == "test-model"
    assert GOOD in body  # accepted: every fact kept, easier, no more jargon
    assert "€ 21,60 per keer" in body and DROPS_NUMBER not in body  # rejected: lost the amount
    assert "binnen 5 werkdagen opgehaald" in body and "Subsequent" not in body  # rejected: harder to read
    assert "1 accepted" in result.notes[-1] and "1 lost a fact (number 21,60)" in result.notes[-1]
    assert "1 not easier to read" in result.notes[-1] or "2 not easier to read" in result.notes[-1]

    # One section per request, in B1 Dutch with "u", on the OpenAI chat-completions path.
    assert {r["path"] for r in fake_model.requests} == {"/v1/chat/completions"}
    for request in fake_model.requests:
        assert request["model"] == "test-model"
        system, user = request["messages"]
        assert system["role"] == "system" and "B1" in system["content"] and "'u'" in system["content"]
        assert "## " not in user["content"] and "](" not in user["content"]
        assert sum(word in user["content"] for word in ("m3", "21,60", "werkdagen", "45 67 89")) == 1


def test_answers_are_cached_so_generating_again_asks_nothing_and_changes_nothing(site: Workspace,
                                                                                 fake_model: FakeModel) -> None:
    ws = with_rewrite(site, url=fake_model.url, model="test-model")
    generate(ws)
    asked = len(fake_model.requests)
    assert asked >= 3
    cache = json.loads((ws.data_dir / CACHE_FILE).read_text(encoding="utf-8"))
    assert GOOD in cache.values()
    result = generate(ws)
    assert len(fake_model.requests) == asked
    assert result.count(Outcome.WRITTEN) == 0


@pytest.mark.parametrize("mode", ["slow", "error"])
def test_timeout_or_server_error_keeps_rule_based_text_and_is_reported_once(site: Workspace, fake_model: FakeModel,
                                                                            mode: str) -> None:
    fake_model.mode = mode
    ws = with_rewrite(site, url=fake_model.url, model="test-model", timeout=0.5)
    result = generate(ws)
    front, body = task_file(ws)
    assert front["helder"]["rewritten_by_model"] == [] and front["helder"]["model"] == "test-model"
    assert "€ 21,60 per keer" in body and GOOD not in body
    assert len(fake_model.requests) == 1  # after the first failure Helder stops asking for this run
    assert len(result.notes) == 1 and "did not answer" in result.notes[0] and fake_model.url in result.notes[0]
    assert not (ws.data_dir / CACHE_FILE).exists()  # failures are not cached: the next run asks again


def test_api_key_is_read_from_the_named_environment_variable(site: Workspace, fake_model: FakeModel,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HELDER_TEST_KEY", "sekrit-123")
    ws = with_rewrite(site, url=fake_model.url, model="m", api_key_env="HELDER_TEST_KEY")
    generate(ws)
    assert fake_model.headers and all(h["Authorization"] == "Bearer sekrit-123" for h in fake_model.headers)
    monkeypatch.delenv("HELDER_TEST_KEY")
    with pytest.raises(HelderError, match="HELDER_TEST_KEY, which is not set"):
        generate(ws)


@pytest.mark.parametrize(("settings", "message"), [
    ({"url": "http://127.0.0.1:1/v1"}, "needs `model"),
    ({"url": "ollama", "model": "x"}, "rewrite.url"),
    ({"url": "http://127.0.0.1:1/v1", "model": "x", "timeout": 0}, "rewrite.timeout"),
    ({"url": "http://127.0.0.1:1/v1", "model": "x", "api_key_env": "sk-abc 123"}, "never put the key itself"),
    ({"url": "http://127.0.0.1:1/v1", "model": "x", "temperature": 1}, "unknown setting rewrite.temperature"),
])
def test_bad_rewrite_settings_are_one_line(workspace: Workspace, settings: dict[str, object], message: str) -> None:
    with pytest.raises(HelderError, match=message.replace("(", r"\(")) as caught:
        with_rewrite(workspace, **settings)
    assert "helder.toml" in str(caught.value) and "\n" not in str(caught.value)


# ---------------------------------------------------------------- the checks themselves


def test_facts_cover_numbers_amounts_dates_times_names_urls_emails_phones() -> None:
    found = facts("Kom op 3 maart 2026 om 9.30 uur naar het Stadskantoor in Voorbeeldstad. Het kost € 84,60. "
                  "Bel 0123-456 789, mail info@voorbeeldstad.nl of kijk op https://www.voorbeeldstad.nl/paspoort. "
                  "Log in met DigiD (officieel: elektronische identiteit).", "nl")
    assert found["number"] == {"3", "2026", "9.30", "84,60"}
    assert found["date"] == {"maart"}
    assert found["name"] == {"Stadskantoor", "Voorbeeldstad", "DigiD"}
    assert found["url"] == {"https://www.voorbeeldstad.nl/paspoort"}
    assert found["e-mail"] == {"info@voorbeeldstad.nl"}
    assert found["phone"] == {"0123456789"}
    assert found["official name"] == {"(officieel: elektronische identiteit)"}


def test_a_fact_written_differently_counts_as_kept_only_where_it_is_the_same_fact() -> None:
    before = "Bel (0123) 45 67 89 voor 1 april of mail info@voorbeeldstad.nl."
    assert lost_facts(before, "Mail info@voorbeeldstad.nl of bel 0123 456789. Doe dat voor 1 april.", "nl") == []
    assert lost_facts(before, "Bel (0123) 45 67 89 voor 1 mei of mail info@voorbeeldstad.nl.", "nl") == [
        "date april"]
    assert lost_facts(before, "Bel (0123) 45 67 89 voor 1 april.", "nl") == ["e-mail info@voorbeeldstad.nl"]


@pytest.fixture
def lexicon(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    only_test_lexicon(monkeypatch, tmp_path)
    return load_lexicon(get_language("nl"))


def test_judge(lexicon) -> None:
    before = ("De kosten bedragen € 21,60 per maand vanaf 1 januari 2026, tenzij u op grond van uw inkomen "
              "vrijgesteld bent.")
    easier = "U betaalt € 21,60 per maand. Dat is vanaf 1 januari 2026. Heeft u een laag inkomen? Dan betaalt u niet."
    assert judge(before, easier, lexicon).accepted
    assert judge(before, easier.replace("2026", "2025"), lexicon).reason == "lost a fact (number 2026)"
    assert judge(before, easier + " Indien u wilt, belt u ons.", lexicon).reason == "more jargon"
    assert judge(before, before, lexicon).reason == "not easier to read"
    assert judge(before, easier + " <script>alert(1)</script>", lexicon).reason == "markup in the answer"
    assert judge(before, "## Kosten\n" + easier, lexicon).reason == "markup in the answer"
    assert judge(before, f"[Kosten](https://evil.example) {easier}", lexicon).reason == "markup in the answer"
    assert judge("1. Bel ons.\n2. Wij komen langs.", "Bel ons. Wij komen langs.", lexicon).reason == \
        "numbered steps changed"
    assert judge(before, "  ", lexicon).reason == "empty answer"
