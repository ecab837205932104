"""The first use of an official word on a task page links to its meaning on the glossary page."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helder.config import Workspace
from helder.language import get_language
from helder.language.lexicon import load_lexicon
from helder.publish.term_links import link_terms
from tests.helpers import LEXICON, only_test_lexicon

LINK_LEXICON = LEXICON + """\
beschikking,besluit,Een brief met een besluit.,formeel,test
vergunning,toestemming,Toestemming van de gemeente.,product,test
CAK,organisatie die de eigen bijdrage int,Het CAK rekent uit wat u betaalt.,afkorting,test
"""
GLOSSARY = "../wat-betekent-dit-woord.md"


@pytest.fixture
def lexicon(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    only_test_lexicon(monkeypatch, tmp_path, LINK_LEXICON)
    return load_lexicon(get_language("nl"))


def test_the_first_use_links_to_the_glossary_entry(lexicon) -> None:
    lines = ["U krijgt een beschikking. Bewaar de beschikking goed.\n", "- Ook de beschikkingen van vorig jaar."]
    assert link_terms(lines, lexicon, "zorg/hulp-in-huis.md") == [
        f"U krijgt een [beschikking]({GLOSSARY}#beschikking). Bewaar de beschikking goed.\n",
        "- Ook de beschikkingen van vorig jaar.",
    ]


def test_an_inflected_word_links_when_its_lemma_is_the_term(lexicon) -> None:
    [line] = link_terms(["De gemeente verstrekt de pas."], lexicon, "a/b.md")
    assert line == f"De gemeente [verstrekt]({GLOSSARY}#verstrekken) de pas."
    # "indienen" shares a form with "indien" (als), but is another word: linking it would mislead.
    assert link_terms(["U kunt een aanvraag indienen."], lexicon, "a/b.md") == ["U kunt een aanvraag indienen."]


def test_multi_word_terms_link_only_as_written(lexicon) -> None:
    [line] = link_terms(["Hulp bij het huishouden (officieel: huishoudelijke ondersteuning)."], lexicon, "a/b.md")
    assert f"[huishoudelijke ondersteuning]({GLOSSARY}#huishoudelijke-ondersteuning)" in line
    split = ["Komt u in aanmerking voor hulp?"]  # split by word order: no single place to link
    assert link_terms(split, lexicon, "a/b.md") == split


@pytest.mark.parametrize("line", [
    "## Wat is een beschikking?\n",  # a heading
    "*Officieel heet dit: Beschikking huishoudelijke ondersteuning*\n",  # the official-name line
    "- [Beschikking (pdf, 9 kB)](https://www.voorbeeldstad.nl/beschikking.pdf)",  # a download or a source
    "De parkeervergunninghouder betaalt.",  # part of a compound
    "Het CAK stuurt de rekening.",  # an abbreviation: it has a tooltip
])
def test_what_is_not_linked(lexicon, line: str) -> None:
    assert link_terms([line], lexicon, "a/b.md") == [line]


def test_every_glossary_link_on_the_demo_site_lands_on_an_entry(
        demo_run: tuple[Workspace, subprocess.CompletedProcess[str]]) -> None:
    ws, _ = demo_run
    glossary = BeautifulSoup((ws.site_dir / "wat-betekent-dit-woord" / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
    anchors = {element["id"] for element in glossary.find_all(id=True)}
    links = 0
    for page in ws.site_dir.glob("*/*/index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("article a[href*='wat-betekent-dit-woord/#']"):
            links += 1
            assert link["href"].split("#")[1] in anchors, (page, link)
            assert link.get_text().strip() and "\n" not in link.get_text()
    assert links > 100  # the demo's pages keep many official words, each linked once per page
