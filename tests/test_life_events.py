"""Life-event pages and the home page: steps matched to real task pages, never invented; the home page's order."""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from helder.audit.pages import AuditPage
from helder.audit.run import run_audit
from helder.config import Workspace, load_workspace
from helder.errors import HelderError
from helder.language import get_language
from helder.publish.generate import generate
from helder.publish.life_events import (
    Candidate,
    LifeEvent,
    Step,
    load_life_events,
    match_events,
    old_site_candidates,
)
from tests.conftest import make_workspace
from tests.helpers import SITE, only_test_lexicon, store_pages, store_terms

LINK = re.compile(r"^(\d+)\. \[([^\]]+)\]\(([^)]+)\)$", re.M)


def front_and_body(path: Path) -> tuple[dict, str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


# ---------------------------------------------------------------- on the demo municipality


@pytest.fixture(scope="module")
def demo_content(demo_run: tuple[Workspace, subprocess.CompletedProcess[str]]) -> Path:
    return demo_run[0].content_dir


def test_demo_has_every_life_event_with_numbered_steps_linking_to_existing_pages(demo_content: Path) -> None:
    folder = demo_content / "levensgebeurtenissen"
    slugs = sorted(p.stem for p in folder.glob("*.md"))
    assert slugs == ["18-jaar-worden", "geldzorgen", "hulp-nodig-thuis", "index", "nieuw-in-nederland", "verhuizen"]
    for path in folder.glob("*.md"):
        if path.name == "index.md":
            continue
        front, body = front_and_body(path)
        steps = LINK.findall(body)
        assert len(steps) >= 4, path
        assert [int(n) for n, _, _ in steps] == list(range(1, len(steps) + 1))
        for _, _, target in steps:
            assert (path.parent / target).resolve().is_file(), (path, target)  # a real page, never invented
        assert [s["page"] for s in front["helder"]["steps"]] == [
            (path.parent / t).resolve().relative_to(demo_content.resolve()).as_posix() for _, _, t in steps]
        # One or two plain sentences say what the event involves, before the steps.
        intro = body.split("\n## ")[0].strip()
        assert 1 <= len(re.findall(r"[.?!](?:\s|$)", intro)) <= 3, intro


def test_demo_moving_house_starts_with_reporting_the_move_then_parking_and_waste(demo_content: Path) -> None:
    front, body = front_and_body(demo_content / "levensgebeurtenissen" / "verhuizen.md")
    assert front["title"] == "Verhuizen"
    pages = [s["page"] for s in front["helder"]["steps"]]
    assert pages[0] == "verhuizen-en-brp/verhuizing-doorgeven.md"
    assert "parkeren/parkeervergunning-aanvragen.md" in pages
    assert {"afval/grofvuil-ophalen.md", "afval/kliko-kapot.md", "afval/afvalkalender.md"} <= set(pages)
    assert pages.index("verhuizen-en-brp/verhuizing-doorgeven.md") < pages.index("afval/grofvuil-ophalen.md")
    assert "1. [Verhuizing doorgeven](../verhuizen-en-brp/verhuizing-doorgeven.md)" in body
    # The welcome page for newcomers is reached by the query "verhuizen" but is not about moving house.
    assert "inburgering/verhuizen.md" not in pages


def test_demo_events_pick_the_tasks_they_are_about(demo_content: Path) -> None:
    def pages(slug: str) -> list[str]:
        return [s["page"] for s in front_and_body(demo_content / "levensgebeurtenissen" / f"{slug}.md")[0]
                ["helder"]["steps"]]

    assert pages("18-jaar-worden")[:2] == ["18-jaar/18-worden-wat-moet-ik-regelen.md",
                                           "18-jaar/digid-activeringscode-niet-ontvangen.md"]
    assert pages("geldzorgen")[:2] == ["schulden/geldzorgen.md", "schulden/schulden-hulp.md"]
    assert pages("hulp-nodig-thuis")[:2] == ["zorg-en-ondersteuning/wmo-aanvragen.md",
                                             "zorg-en-ondersteuning/hulp-in-huis.md"]
    newcomers = pages("nieuw-in-nederland")
    assert {"inburgering/inburgeren.md", "inburgering/wanneer-krijgt-statushouder-woning.md",
            "verhuizen-en-brp/bsn-aanvragen.md"} <= set(newcomers)


def test_demo_home_page_life_events_first_then_most_searched_then_themes(demo_content: Path) -> None:
    front, body = front_and_body(demo_content / "index.md")
    assert front["title"] == "Gemeente Voorbeeldstad"
    headings = re.findall(r"^(#+) (.*)$", body, re.M)
    assert headings == [("##", "Als er iets verandert in uw leven"), ("##", "Veel gezocht"), ("##", "Onderwerpen")]
    sections = body.split("\n## ")[1:]
    assert "[Verhuizen](levensgebeurtenissen/verhuizen.md)" in sections[0]
    popular = re.findall(r"\]\(([^)]+)\)", sections[1])
    assert popular[0] == "paspoort-en-id-kaart/paspoort-aanvragen.md"  # the most searched task of the demo
    assert len(popular) == 6
    themes = re.findall(r"^- \[[^\]]+\]\(([^)]+)\)$", sections[2], re.M)
    assert sections[2].rstrip().endswith("Hier leest u wat het betekent:\n\n- [Wat betekent dit woord?]"
                                         "(wat-betekent-dit-woord.md)")
    assert len(themes) == 13 and themes[-1] == "wat-betekent-dit-woord.md"
    themes = themes[:-1]
    assert len(themes) == 12 and all(t.endswith("/index.md") for t in themes)
    for target in re.findall(r"\]\(([^)]+)\)", body):
        assert (demo_content / target).is_file(), target
    assert len(body.splitlines()) < 45  # a phone screen or three, not the whole site


def test_demo_built_life_event_page_has_gapless_headings(demo_run: tuple[Workspace, object]) -> None:
    html = (demo_run[0].site_dir / "levensgebeurtenissen" / "verhuizen" / "index.html").read_text(encoding="utf-8")
    article = html.split('<article', 1)[1].split("</article>", 1)[0]
    levels = [int(n) for n in re.findall(r"<h([1-6])[\s>]", article)]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    assert re.search(r'<ol>\s*<li><a href="\.\./\.\./verhuizen-en-brp/verhuizing-doorgeven/">Verhuizing doorgeven</a>',
                     article)


# ---------------------------------------------------------------- small, exact workspaces

MOVE = [("h1", "Adreswijziging"), ("p", "U geeft uw nieuwe adres door.")]
PERMIT = [("h1", "Bewonersparkeervergunning"), ("p", "U vraagt een vergunning aan.")]
BULKY = [("h1", "Grofvuil"), ("p", "Wij halen het op.")]


@pytest.fixture
def small(workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Workspace:
    only_test_lexicon(monkeypatch, tmp_path)
    store_pages(workspace, {"/verhuizen/adreswijziging": MOVE, "/verhuizen/": [("h1", "Verhuizen")],
                            "/parkeren/bewonersvergunning": PERMIT, "/parkeren/": [("h1", "Parkeren")],
                            "/afval/grofvuil": BULKY, "/afval/": [("h1", "Afval")]})
    store_terms(workspace, [("verhuizing doorgeven", "/verhuizen/adreswijziging", 30, 900),
                            ("adres wijzigen", "/verhuizen/adreswijziging", 5, 100),
                            ("parkeervergunning aanvragen", "/parkeren/bewonersvergunning", 10, 300),
                            ("grofvuil ophalen", "/afval/grofvuil", 5, 50)])
    run_audit(workspace, show_progress=False)
    return workspace


def test_steps_without_a_task_page_are_left_out(small: Workspace) -> None:
    generate(small)
    front, body = front_and_body(small.content_dir / "levensgebeurtenissen" / "verhuizen.md")
    assert [s["page"] for s in front["helder"]["steps"]] == [
        "verhuizen/verhuizing-doorgeven.md", "parkeren/parkeervergunning-aanvragen.md", "afval/grofvuil-ophalen.md"]
    assert [n for n, _, _ in LINK.findall(body)] == ["1", "2", "3"]
    # Events none of whose steps has a page are not written at all.
    assert sorted(p.name for p in (small.content_dir / "levensgebeurtenissen").iterdir()) == ["index.md",
                                                                                            "verhuizen.md"]
    index_front, index_body = front_and_body(small.content_dir / "levensgebeurtenissen" / "index.md")
    assert index_front["title"] == "Als er iets verandert in uw leven"
    assert "- [Verhuizen](verhuizen.md)" in index_body


def test_workspace_adds_replaces_and_switches_off_life_events(small: Workspace) -> None:
    (small.root / "life_events.yml").write_text(yaml.safe_dump([
        {"slug": "verhuizen", "enabled": False},
        {"slug": "auto-kopen", "title": "Een auto kopen", "intro": "U koopt een auto. Regel dan ook parkeren.",
         "steps": [{"words": ["parkeervergunning"], "themes": ["parkeren"]}, {"words": ["taxi bestellen"]}]},
    ], allow_unicode=True), encoding="utf-8")
    generate(small)
    folder = small.content_dir / "levensgebeurtenissen"
    assert sorted(p.name for p in folder.iterdir()) == ["auto-kopen.md", "index.md"]
    front, body = front_and_body(folder / "auto-kopen.md")
    assert front["title"] == "Een auto kopen"
    assert body.startswith("\nU koopt een auto. Regel dan ook parkeren.\n")
    assert LINK.findall(body) == [("1", "Parkeervergunning aanvragen", "../parkeren/parkeervergunning-aanvragen.md")]
    home = (small.content_dir / "index.md").read_text(encoding="utf-8")
    assert "[Een auto kopen](levensgebeurtenissen/auto-kopen.md)" in home and "verhuizen.md" not in home


@pytest.mark.parametrize(("content", "message"), [
    ("- slug: Verhuizen!\n  title: x\n  intro: y\n  steps: [{words: [a]}]\n", "slug must be lower-case"),
    ("- slug: x\n  title: x\n  steps: [{words: [a]}]\n", "`intro` is missing"),
    ("- slug: x\n  title: x\n  intro: y\n  steps: [{themes: [afval]}]\n", "give `words` or `official`"),
    ("- slug: x\n  title: x\n  intro: y\n  stappen: []\n", "unknown key stappen"),
    ("slug: x\n", "must be a list of life events"),
    ("- slug: [x\n", "not valid YAML"),
])
def test_a_broken_workspace_file_is_one_line_naming_it(workspace: Workspace, content: str, message: str) -> None:
    path = workspace.root / "life_events.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(HelderError, match=re.escape(message)) as caught:
        load_life_events(workspace)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_a_step_no_task_answers_links_to_the_old_site_page_that_fits() -> None:
    language = get_language("nl")
    old = old_site_candidates([
        AuditPage(url=f"{SITE}/afval/afvalkalender", title="Afvalkalender en inzamelschema", h1="", section="afval",
                  crawled_at="2026-11-01", blocks=[]),
        AuditPage(url=f"{SITE}/afval/", title="Afval", h1="", section="afval", crawled_at="2026-11-01", blocks=[]),
        AuditPage(url=f"{SITE}/afval/grofvuil", title="Grofvuil", h1="", section="afval", crawled_at="2026-11-01",
                  blocks=[]),
    ], covered={f"{SITE}/afval/grofvuil"}, language=language)
    assert [c.target for c in old] == [f"{SITE}/afval/afvalkalender"]  # overview and covered pages are no steps
    grofvuil = Candidate(target="afval/grofvuil.md", title="Grofvuil laten ophalen", theme="afval", impressions=5,
                         names=(frozenset({"grofvuil", "ophalen"}),), officials=(frozenset({"grofvuil"}),))
    event = LifeEvent(slug="verhuizen", title="Verhuizen", intro="U verhuist.", steps=(
        Step(words=("afvalkalender",)), Step(words=("grofvuil",)), Step(words=("kliko",))))
    [matched] = match_events([event], [grofvuil], old, language)
    assert [(s.target, s.old_site) for s in matched.steps] == [
        (f"{SITE}/afval/afvalkalender", True), ("afval/grofvuil.md", False)]


def test_english_workspace_writes_life_events_in_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    only_test_lexicon(monkeypatch, tmp_path)
    ws = make_workspace(tmp_path / "en", site="https://www.example.gov.uk/", name="Example Council", language="en")
    store_pages(ws, {"/housing/change-of-address": [("h1", "Change of address"), ("p", "Tell us where you live.")],
                     "/housing/": [("h1", "Housing")]})
    store_terms(ws, [("change of address", "/housing/change-of-address", 20, 400)])
    run_audit(ws, show_progress=False)
    generate(ws)
    front, body = front_and_body(ws.content_dir / "life-events" / "moving-house.md")
    assert front["title"] == "Moving house"
    assert LINK.findall(body)[0][2] == "../housing/change-of-address.md"
    home = (ws.content_dir / "index.md").read_text(encoding="utf-8")
    assert "## When something changes in your life" in home and "(life-events/moving-house.md)" in home


def test_demo_home_life_event_and_glossary_pages_pass_axe(demo_run: tuple[Workspace, object], browser) -> None:
    """axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa) in headless Chromium: no violations on the pages built here."""
    import functools
    import http.server
    import threading

    from tests.browser import axe_violations

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(demo_run[0].site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for path in ("/", "/levensgebeurtenissen/verhuizen/", "/levensgebeurtenissen/", "/wat-betekent-dit-woord/"):
            page = browser.new_page()
            try:
                page.goto(f"http://127.0.0.1:{server.server_address[1]}{path}")
                assert page.locator("h1").count() == 1, path
                assert axe_violations(page) == [], path
            finally:
                page.close()
    finally:
        server.shutdown()
        server.server_close()


def test_je_address_gives_the_je_introduction_and_headings(small: Workspace) -> None:
    config = small.root / "helder.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('address = "u"', 'address = "je"'), encoding="utf-8")
    ws = load_workspace(small.root)
    assert ws.address == "je"
    generate(ws)
    front, body = front_and_body(ws.content_dir / "levensgebeurtenissen" / "verhuizen.md")
    assert front["description"].startswith("Ga je verhuizen?")
    assert body.startswith("\nGa je verhuizen? Geef je nieuwe adres op tijd door aan de gemeente.")
    assert "## Dit regel je\n" in body
    home = (ws.content_dir / "index.md").read_text(encoding="utf-8")
    assert "## Als er iets verandert in je leven" in home
