"""The glossary of official words left on the site, and one abbreviation snippet for the whole site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helder.audit.run import run_audit
from helder.config import Workspace
from helder.language import get_language
from helder.language.lexicon import load_lexicon
from helder.publish.generate import generate
from helder.publish.glossary import (
    abbreviation_lines,
    find_terms,
    glossary_page,
    snippet_path,
    term_anchor,
)
from helder.publish.pagefile import Outcome
from helder.publish.site_pages import SitePage
from tests.helpers import HULP_PAGE, LEXICON, only_test_lexicon, store_pages, store_terms

GLOSSARY_LEXICON = LEXICON + """\
CAK,organisatie die de eigen bijdrage int,Het CAK rekent uit wat u betaalt.,afkorting,test
Wmo,wet voor hulp thuis,De Wmo is de wet voor hulp thuis.,afkorting,test
c.q.,of,C.q. betekent: of.,afkorting,test
beschikking,besluit,Een brief met een besluit.,formeel,test
"""


def page(rel: str, body: str, title: str = "Pagina") -> SitePage:
    return SitePage(path=Path(rel), rel=rel, front={"title": title}, body=body)


@pytest.fixture
def lexicon(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    only_test_lexicon(monkeypatch, tmp_path, GLOSSARY_LEXICON)
    return load_lexicon(get_language("nl"))


def test_terms_found_in_visible_text_only(lexicon) -> None:
    pages = [
        page("zorg/a.md", "U krijgt een beschikking. Het CAK stuurt de rekening c.q. een brief.\n\n"
                          "*[CAK]: definitions are not text*\n\n- [Leges](https://example.nl/leges-indien)\n"),
        page("zorg/b.md", "De WMO en de Wmo-consulent helpen.", title="Hulp bij het huishouden (officieel: Wmo)"),
    ]
    found = find_terms(pages, lexicon)
    assert sorted(found) == ["beschikking", "c.q.", "cak", "leges", "wmo"]  # link text counts, its target does not
    assert found["wmo"].pages == {"zorg/b.md"}
    assert found["wmo"].surfaces == {"WMO", "Wmo"}
    assert found["cak"].pages == {"zorg/a.md"}


def test_pages_whose_text_is_known_are_not_read_again(lexicon) -> None:
    pages = [page("a.md", "U krijgt een beschikking."), page("b.md", "Het CAK stuurt de rekening.")]
    known: dict[str, list[list[str]]] = {}
    assert sorted(find_terms(pages, lexicon, known)) == ["beschikking", "cak"]
    assert len(known) == 2
    # What the record says of a page's text is taken as it is: here it claims "leges" for a.md's text.
    digest_a = next(d for d, pairs in known.items() if pairs == [["beschikking", "beschikking"]])
    known[digest_a] = [["leges", "leges"]]
    known["stale digest of a page that is gone"] = [["Wmo", "Wmo"]]
    pages[1] = page("b.md", "Het CAK stuurt de rekening c.q. een brief.")  # changed: read again
    found = find_terms(pages, lexicon, known)
    assert sorted(found) == ["c.q.", "cak", "leges"]
    assert len(known) == 2  # this run's pages only


def test_glossary_is_alphabetical_with_anchors_and_plain_meanings(lexicon) -> None:
    found = find_terms([page("a.md", "Leges, een beschikking, het CAK c.q. de Wmo.")], lexicon)
    rendered = glossary_page(found, "nl", "u")
    assert rendered.front_matter["title"] == "Wat betekent dit woord?"
    assert rendered.front_matter["helder"] == {"glossary": True, "terms": 5}
    headings = re.findall(r"^(#+) (.*)$", rendered.body, re.M)
    assert headings == [("##", "B"), ("###", "beschikking {#beschikking}"), ("##", "C"), ("###", "CAK {#cak}"),
                        ("###", "c.q. {#cq}"), ("##", "L"), ("###", "leges {#leges}"), ("##", "W"),
                        ("###", "Wmo {#wmo}")]
    assert "### leges {#leges}\n\nIn gewone woorden: kosten.\n\nWat u betaalt.\n" in rendered.body
    assert rendered.body.startswith("Op deze website staan soms nog officiële woorden.")


def test_anchors_are_stable_ascii() -> None:
    assert term_anchor("Wmo-maatwerkvoorziening") == "wmo-maatwerkvoorziening"
    assert term_anchor("in aanmerking komen voor") == "in-aanmerking-komen-voor"
    assert term_anchor("d.m.v.") == "dmv"
    assert term_anchor("financiële tegemoetkoming") == "financiele-tegemoetkoming"


def test_abbreviation_snippet_has_every_spelling_on_the_site(lexicon) -> None:
    found = find_terms([page("a.md", "De WMO, de Wmo en het CAK c.q. de gemeente. Leges."),
                        page("b.md", "Een Wmo-consulent.")], lexicon)
    assert abbreviation_lines(found) == ["*[CAK]: organisatie die de eigen bijdrage int", "*[c.q.]: of",
                                         "*[WMO]: wet voor hulp thuis", "*[Wmo]: wet voor hulp thuis"]


# ---------------------------------------------------------------- through `helder generate`


@pytest.fixture
def generated(workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Workspace:
    only_test_lexicon(monkeypatch, tmp_path, GLOSSARY_LEXICON)
    store_pages(workspace, {
        "/zorg/huishoudelijke-ondersteuning": [*HULP_PAGE, ("p", "Het CAK stuurt u een rekening.")],
        "/zorg/": [("h1", "Zorg en hulp")],
        "/afval/grofvuil": [("h1", "Grofvuil"), ("p", "Wij halen het op.")],
    })
    store_terms(workspace, [("hulp in huis", "/zorg/huishoudelijke-ondersteuning", 30, 900),
                            ("grofvuil ophalen", "/afval/grofvuil", 5, 50)])
    run_audit(workspace, show_progress=False)
    generate(workspace)
    return workspace


def glossary_terms(ws: Workspace) -> list[str]:
    text = (ws.content_dir / "wat-betekent-dit-woord.md").read_text(encoding="utf-8")
    return [t for t, _ in re.findall(r"^### (.*) \{#(.*)\}$", text, re.M)]


def test_generate_writes_the_glossary_of_words_left_on_the_site(generated: Workspace) -> None:
    terms = glossary_terms(generated)
    assert "CAK" in terms and "huishoudelijke ondersteuning" in terms  # kept: an abbreviation, an official name
    assert "leges" not in terms and "indien" not in terms  # replaced on every page, so not on the site
    assert terms == sorted(terms, key=lambda t: re.sub(r"[^a-z ]", "", t.lower()))
    home = (generated.content_dir / "index.md").read_text(encoding="utf-8")
    assert "[Wat betekent dit woord?](wat-betekent-dit-woord.md)" in home


def test_one_abbreviation_snippet_instead_of_definitions_per_page(generated: Workspace) -> None:
    assert snippet_path(generated) == generated.root / "includes" / "abbreviations.md"
    assert snippet_path(generated).read_text(encoding="utf-8") == (
        "*[CAK]: organisatie die de eigen bijdrage int\n*[Wmo]: wet voor hulp thuis\n")
    for path in generated.content_dir.rglob("*.md"):
        assert not re.search(r"^\*\[", path.read_text(encoding="utf-8"), re.M), path


def test_a_word_a_person_added_to_a_page_gets_into_the_glossary(generated: Workspace) -> None:
    task_page = next(p for p in generated.content_dir.rglob("*.md")
                     if "Wij halen het op." in p.read_text(encoding="utf-8"))
    task_page.write_text(task_page.read_text(encoding="utf-8").replace(
        "Wij halen het op.", "Wij halen het op, indien u belt."), encoding="utf-8")
    generate(generated)
    assert "Wij halen het op, indien u belt." in task_page.read_text(encoding="utf-8")  # the edit is kept
    assert "indien" in glossary_terms(generated)


def test_generating_twice_leaves_glossary_and_snippet_alone(generated: Workspace) -> None:
    snippet = snippet_path(generated)
    before = snippet.stat().st_mtime_ns
    result = generate(generated)
    assert result.count(Outcome.WRITTEN) == 0
    assert generated.content_dir / "wat-betekent-dit-woord.md" in result.pages[Outcome.UNCHANGED]
    assert snippet.stat().st_mtime_ns == before


def test_built_site_shows_abbreviations_as_tooltips_on_every_page(generated: Workspace,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The workspace's mkdocs.yml appends the snippet to every page (pymdownx.snippets), whatever the current folder."""
    from helder.publish.build import build_site

    monkeypatch.chdir(generated.root.parent)
    build_site(generated)
    task = next(p for p in (generated.site_dir / "zorg").rglob("index.html") if "rekening" in p.read_text("utf-8"))
    assert '<abbr title="organisatie die de eigen bijdrage int">CAK</abbr>' in task.read_text(encoding="utf-8")
    glossary = (generated.site_dir / "wat-betekent-dit-woord" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h3 id="cak">.*CAK.*</h3>', glossary)


def test_english_glossary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import make_workspace

    only_test_lexicon(monkeypatch, tmp_path, "term,plain,explanation,category,source\n"
                                             "council tax,local tax,What you pay the council.,financial,test\n"
                                             "DWP,benefits department,The government department.,abbreviation,test\n")
    ws = make_workspace(tmp_path / "en", site="https://www.example.gov.uk/", name="Example Council", language="en")
    store_pages(ws, {"/benefits/help": [("h1", "Help"), ("p", "The DWP pays some of it.")],
                     "/benefits/": [("h1", "Benefits")]})
    store_terms(ws, [("benefits help", "/benefits/help", 20, 400)])
    run_audit(ws, show_progress=False)
    generate(ws)
    text = (ws.content_dir / "what-does-this-word-mean.md").read_text(encoding="utf-8")
    assert "title: What does this word mean?" in text
    assert "### DWP {#dwp}\n\nIn plain words: benefits department.\n" in text
    assert snippet_path(ws).read_text(encoding="utf-8") == "*[DWP]: benefits department\n"
