"""Long sentences split and enumerations listed without changing a fact; the facts of every demo page survive."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import yaml

from helder.audit.pages import HEADINGS, load_pages
from helder.config import Workspace
from helder.publish.facts import facts, names
from helder.publish.splitting import enumeration, lists_from_enumerations, split_long_sentences, split_sentence

LONG_EN = ("U betaalt € 12,50 per uur voor de hulp die u via de gemeente krijgt vanaf 1 januari 2026, en u krijgt "
           "daarover op 15 februari om 09.30 uur een brief van het CAK in Voorbeeldstad.")


def test_a_long_sentence_is_split_at_comma_en_and_every_fact_survives() -> None:
    parts = split_sentence(LONG_EN, "nl")
    assert parts == ["U betaalt € 12,50 per uur voor de hulp die u via de gemeente krijgt vanaf 1 januari 2026.",
                     "U krijgt daarover op 15 februari om 09.30 uur een brief van het CAK in Voorbeeldstad."]
    assert facts(" ".join(parts)) == facts(LONG_EN)
    assert names(" ".join(parts), "nl") == names(LONG_EN, "nl")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("U kunt de aanvraag online doen met uw DigiD op www.voorbeeldstad.nl/aanvragen; de gemeente neemt daarna "
     "binnen 8 weken een besluit over uw aanvraag voor bijzondere bijstand.",
     ["U kunt de aanvraag online doen met uw DigiD op www.voorbeeldstad.nl/aanvragen.",
      "De gemeente neemt daarna binnen 8 weken een besluit over uw aanvraag voor bijzondere bijstand."]),
    ("De gemeente betaalt de kosten van de verhuizing naar uw nieuwe woning in Voorbeeldstad, maar de kosten van "
     "nieuwe meubels en vloerbedekking betaalt u zelf van uw eigen geld.",
     ["De gemeente betaalt de kosten van de verhuizing naar uw nieuwe woning in Voorbeeldstad.",
      "Maar de kosten van nieuwe meubels en vloerbedekking betaalt u zelf van uw eigen geld."]),
])
def test_splits_at_semicolon_and_maar_keep_the_contrast(sentence: str, expected: list[str]) -> None:
    assert split_sentence(sentence, "nl") == expected
    assert facts(" ".join(expected)) == facts(sentence)


@pytest.mark.parametrize("sentence", [
    # short: left alone
    "U betaalt € 12,50, en u krijgt een brief.",
    # an enumeration, not two clauses
    "Neem mee naar de balie in het Stadhuis aan de Markt 1 in Voorbeeldstad: uw paspoort, uw rijbewijs, en "
    "een recente pasfoto van uzelf.",
    # inside brackets
    "U krijgt de hulp van een zorgaanbieder (die de gemeente kiest, en die u niet zelf kunt kiezen) binnen "
    "zes weken na het gesprek met de consulent van de gemeente.",
    # a Dutch relative clause: its verb would have to move
    "Het grofvuil wordt opgehaald door de afvaldienst van de gemeente Voorbeeldstad, die op dinsdag en donderdag "
    "in alle wijken van de stad rijdt.",
])
def test_unsafe_splits_are_not_made(sentence: str) -> None:
    assert split_sentence(sentence, "nl") == [sentence]


def test_english_splits_at_and_but_and_which() -> None:
    sentence = ("You can apply for a parking permit online with your council account at any time of the day, "
                "which costs £ 45.00 a year and is valid from 1 April 2026.")
    assert split_sentence(sentence, "en") == [
        "You can apply for a parking permit online with your council account at any time of the day.",
        "This costs £ 45.00 a year and is valid from 1 April 2026."]


def test_split_long_sentences_keeps_the_other_sentences_as_they_are() -> None:
    text = f"Kort. {LONG_EN} Ook kort."
    assert split_long_sentences(text, "nl").startswith("Kort. U betaalt € 12,50")
    assert split_long_sentences(text, "nl").endswith("in Voorbeeldstad. Ook kort.")


def test_enumerations_become_lists() -> None:
    assert enumeration("U heeft nodig: een geldig paspoort, een pasfoto en uw DigiD.", "nl") == (
        "U heeft nodig:", ["een geldig paspoort", "een pasfoto", "uw DigiD"])
    assert enumeration("Let op: u betaalt € 12,50, € 20,00 en € 30,00.", "nl") is None  # decimal commas
    assert enumeration("Let op: dit is een zin en geen lijst.", "nl") is None
    blocks = lists_from_enumerations([("p", "Kom langs. U heeft nodig: een paspoort, een pasfoto en uw DigiD. "
                                            "Dan gaat het snel.")], "nl")
    assert blocks == [("p", "Kom langs. U heeft nodig:"), ("ul", "een paspoort"), ("ul", "een pasfoto"),
                      ("ul", "uw DigiD"), ("p", "Dan gaat het snel.")]


def test_facts_are_counted_as_a_multiset() -> None:
    found = facts("Bel (0123) 45 67 89 of mail info@voorbeeldstad.nl. Kosten: € 12,50 op 1 januari 2026 om 07.30 "
                  "uur, zie https://www.voorbeeldstad.nl/kosten.")
    assert found == Counter({"0123": 1, "45": 1, "67": 1, "89": 1, "info@voorbeeldstad.nl": 1, "€": 1,
                             "12,50": 1, "1": 1, "januari": 1, "2026": 1, "07.30": 1,
                             "https://www.voorbeeldstad.nl/kosten": 1})


def _body_without_added_parts(body: str) -> str:
    """The page text that comes from the source: not headings, the official-name line, list markers, the
    documents list or the sources list."""
    text = re.split(r"\n## (?:Formulieren en documenten|Bronnen)\n", body)[0]
    lines = [line for line in text.splitlines() if not line.startswith(("#", "*Officieel"))]
    return "\n".join(re.sub(r"^(?:\d+\.|-) ", "", line) for line in lines)


def test_every_fact_of_every_demo_page_survives_rewriting_and_splitting(demo_run: tuple[Workspace, object]) -> None:
    """Property over all demo task pages: numbers, amounts, dates, times, phone numbers, URLs and e-mail
    addresses in the source page == in the generated page, as multisets; names all still there."""
    ws, _ = demo_run
    sources = {p.url: p for p in load_pages(ws)}
    checked = 0
    for path in sorted(ws.content_dir.rglob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front).get("helder") or {}
        if "task" not in meta:
            continue
        source = sources[meta["sources"][0]["url"]]
        source_text = "\n".join(text for kind, text in source.blocks if kind not in HEADINGS)
        output = _body_without_added_parts(body)
        assert facts(output) == facts(source_text), path.name
        replaced = {t.lower() for t in meta["jargon_removed"]}  # jargon the page deliberately replaced
        replaced |= {w.lower() for term in meta["jargon_removed"] for w in re.findall(r"\w+", term)}
        lost = {n for n in names(source_text, "nl") if n not in output and n.lower() not in replaced}
        assert not lost, (path.name, lost)
        checked += 1
    assert checked >= 50
