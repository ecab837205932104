"""Long sentences split and enumerations listed without changing a fact; the facts of every demo page survive."""

from __future__ import annotations

import html
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
])
def test_unsafe_splits_are_not_made(sentence: str) -> None:
    assert split_sentence(sentence, "nl") == [sentence]


# Real-looking municipal sentences ending in a relative clause: the clause becomes a main clause with the
# demonstrative first and the finite verb second; nothing else changes.
RELATIVE_SPLITS = [
    pytest.param(
        "U kunt een afspraak maken bij de balie van het Stadhuis aan de Markt 1 in Voorbeeldstad, waarbij u een "
        "formulier moet invullen.",
        ["U kunt een afspraak maken bij de balie van het Stadhuis aan de Markt 1 in Voorbeeldstad.",
         "Daarbij moet u een formulier invullen."], id="waarbij-modal-and-infinitive"),
    pytest.param(
        "U dient de aanvraag voor bijzondere bijstand met alle gevraagde bewijsstukken in bij de gemeente "
        "Voorbeeldstad, waarna de gemeente binnen 8 weken een besluit neemt.",
        ["U dient de aanvraag voor bijzondere bijstand met alle gevraagde bewijsstukken in bij de gemeente "
         "Voorbeeldstad.", "Daarna neemt de gemeente binnen 8 weken een besluit."], id="waarna-single-finite-verb"),
    pytest.param(
        "Na de aanvraag maakt de gemeente binnen vijf werkdagen uw nieuwe parkeervergunning voor de wijk Centrum, "
        "die u bij het loket kunt ophalen.",
        ["Na de aanvraag maakt de gemeente binnen vijf werkdagen uw nieuwe parkeervergunning voor de wijk Centrum.",
         "Die kunt u bij het loket ophalen."], id="die-object-with-subject-u"),
    pytest.param(
        "De gemeente geeft een vergoeding voor de kosten van kinderopvang aan ouders met een laag inkomen, die in "
        "de gemeente Voorbeeldstad wonen.",
        ["De gemeente geeft een vergoeding voor de kosten van kinderopvang aan ouders met een laag inkomen.",
         "Die wonen in de gemeente Voorbeeldstad."], id="die-plural-verb-alone"),
    pytest.param(
        "Het grofvuil wordt opgehaald door de afvaldienst van de gemeente Voorbeeldstad, die op dinsdag en "
        "donderdag in alle wijken van de stad rijdt.",
        ["Het grofvuil wordt opgehaald door de afvaldienst van de gemeente Voorbeeldstad.",
         "Die rijdt op dinsdag en donderdag in alle wijken van de stad."], id="die-en-between-nouns"),
    pytest.param(
        "Binnen acht weken na ontvangst van uw aanvraag stuurt de gemeente u per post het besluit over uw "
        "vergunning, dat u goed moet bewaren.",
        ["Binnen acht weken na ontvangst van uw aanvraag stuurt de gemeente u per post het besluit over uw "
         "vergunning.", "Dat moet u goed bewaren."], id="dat-after-het-noun"),
    pytest.param(
        "Het college heeft voor 2026 een nieuw bedrag vastgesteld voor de bijdrage aan de kosten van de "
        "minicontainer, waarvoor u per jaar € 45,00 betaalt.",
        ["Het college heeft voor 2026 een nieuw bedrag vastgesteld voor de bijdrage aan de kosten van de "
         "minicontainer.", "Daarvoor betaalt u per jaar € 45,00."], id="waarvoor-amount-before-verb"),
    pytest.param(
        "Bewoners kunnen een aanvraag voor een bewonersvergunning doen via de website van de gemeente "
        "Voorbeeldstad, waarbij de gegevens van het kenteken moeten worden ingevuld.",
        ["Bewoners kunnen een aanvraag voor een bewonersvergunning doen via de website van de gemeente "
         "Voorbeeldstad.", "Daarbij moeten de gegevens van het kenteken worden ingevuld."], id="plural-auxiliary"),
    pytest.param(
        "U kunt de aanvraag voor een uittreksel uit de Basisregistratie Personen ook online doen met uw DigiD, "
        "wat voor de meeste mensen sneller gaat.",
        ["U kunt de aanvraag voor een uittreksel uit de Basisregistratie Personen ook online doen met uw DigiD.",
         "Dat gaat voor de meeste mensen sneller."], id="wat-becomes-dat"),
    pytest.param(
        "Grofvuil kunt u op werkdagen van 08.00 tot 16.00 uur gratis brengen naar de milieustraat aan de "
        "Industrieweg 12, waar u ook oude elektrische apparaten kunt inleveren.",
        ["Grofvuil kunt u op werkdagen van 08.00 tot 16.00 uur gratis brengen naar de milieustraat aan de "
         "Industrieweg 12.", "Daar kunt u ook oude elektrische apparaten inleveren."], id="waar-becomes-daar"),
    pytest.param(
        "Na het gesprek met de consulent van het Sociaal Team krijgt u een verslag van het gesprek, waarin de "
        "afspraken over uw ondersteuning staan.",
        ["Na het gesprek met de consulent van het Sociaal Team krijgt u een verslag van het gesprek.",
         "Daarin staan de afspraken over uw ondersteuning."], id="waarin-staan"),
    pytest.param(
        "De gemeente stuurt u na de verhuizing een bevestiging van de nieuwe inschrijving in de Basisregistratie "
        "Personen, die binnen vijf werkdagen verzonden wordt.",
        ["De gemeente stuurt u na de verhuizing een bevestiging van de nieuwe inschrijving in de Basisregistratie "
         "Personen.", "Die wordt binnen vijf werkdagen verzonden."], id="participle-before-auxiliary"),
    pytest.param(
        "Met een Meedoenpas krijgt u korting bij sportclubs, muziekscholen en het zwembad in Voorbeeldstad, "
        "waardoor u voor uw kinderen minder hoeft te betalen.",
        ["Met een Meedoenpas krijgt u korting bij sportclubs, muziekscholen en het zwembad in Voorbeeldstad.",
         "Daardoor hoeft u voor uw kinderen minder te betalen."], id="waardoor-hoeft-te"),
    pytest.param(
        "U kunt bezwaar maken tegen de aanslag gemeentelijke belastingen van 2026, waarover u in februari een "
        "brief van de gemeente heeft gekregen.",
        ["U kunt bezwaar maken tegen de aanslag gemeentelijke belastingen van 2026.",
         "Daarover heeft u in februari een brief van de gemeente gekregen."], id="waarover-perfect"),
    pytest.param(
        "Op basis van de uitkomsten van het onderzoek kan een aanvraag worden ingediend, waarop binnen 2 weken bij "
        "beschikking wordt beslist.",
        ["Op basis van de uitkomsten van het onderzoek kan een aanvraag worden ingediend.",
         "Daarop wordt binnen 2 weken bij beschikking beslist."], id="waarop-passive"),
]


def _words_except_first(parts: list[str]) -> Counter[str]:
    return Counter(w.strip(".,").lower() for part in parts for w in part.split()[1:])


@pytest.mark.parametrize(("sentence", "expected"), RELATIVE_SPLITS)
def test_dutch_relative_clauses_become_main_clauses(sentence: str, expected: list[str]) -> None:
    parts = split_sentence(sentence, "nl")
    assert parts == expected
    assert facts(" ".join(parts)) == facts(sentence)
    assert names(" ".join(parts), "nl") == names(sentence, "nl")
    # no word lost, added or changed but the relative word: the rest of the clause is the same words, moved
    pronoun = sentence.rsplit(", ", 1)[1].split()[0]
    before = Counter(w.strip(".,").lower() for w in sentence.split()) - Counter([pronoun])
    after = Counter(w.strip(".,").lower() for w in " ".join(parts).split()) - Counter([parts[-1].split()[0].lower()])
    assert before == after


@pytest.mark.parametrize("sentence", [
    pytest.param("Na de aanvraag maakt de gemeente binnen vijf werkdagen uw nieuwe parkeervergunning voor de wijk "
                 "Centrum, die u kunt ophalen bij het loket van het Stadhuis.", id="phrase-after-the-verb"),
    pytest.param("De MAP wordt afgerond als de begeleider heeft vastgesteld dat alle onderdelen zijn doorlopen, "
                 "waarna de gemeente de afronding binnen 4 weken aan DUO doorgeeft.",
                 id="separable-verb-would-change-a-word"),
    pytest.param("Als u verhuist naar een andere gemeente in Nederland, moet u er zelf voor zorgen, dat uw nieuwe "
                 "adres binnen vijf dagen bekend is.", id="dat-after-a-verb-is-the-conjunction"),
    pytest.param("Voor iedereen die een uitkering van de gemeente krijgt, is het erg belangrijk, dat u wijzigingen "
                 "in uw inkomen op tijd moet melden.", id="het-is-belangrijk-dat-is-the-conjunction"),
    pytest.param("U krijgt de hulp van een zorgaanbieder (die de gemeente voor u kiest, die u zelf niet kunt kiezen) "
                 "binnen zes weken na het gesprek.", id="inside-brackets"),
    pytest.param("Na het gesprek met de consulent van het Sociaal Team krijgt u een brief van de gemeente, waarin "
                 "staat welke documenten u moet meenemen.", id="a-clause-inside-the-clause"),
    pytest.param("De gemeente geeft een vergoeding voor de kosten van kinderopvang aan ouders met een laag "
                 "inkomen, die in de gemeente wonen en werken.", id="two-verbs-joined-by-en"),
    pytest.param("Na de aanvraag maakt de gemeente binnen vijf werkdagen uw nieuwe parkeervergunning voor de wijk "
                 "Centrum en de wijk Oost, die u moet ophalen.", id="fewer-than-five-words"),
    pytest.param("Op het bezwaar wordt binnen 12 weken na afloop van de bezwaartermijn door de gemeente beslist, "
                 "die periode met ten hoogste 6 weken kan worden verdaagd.", id="die-with-a-noun-is-a-determiner"),
    pytest.param("Als u een brief van de gemeente krijgt over uw aanvraag voor bijzondere bijstand, die moet u "
                 "goed bewaren tot het einde van het jaar.", id="already-a-main-clause"),
    pytest.param("U krijgt binnen twee weken na het indienen van uw aanvraag bericht van de gemeente, dat uw "
                 "aanvraag in behandeling is genomen.", id="dat-after-a-de-noun-is-the-conjunction"),
    pytest.param("U krijgt binnen twee weken na het indienen van uw aanvraag een bericht, dat uw aanvraag door "
                 "de gemeente in behandeling is genomen.", id="dat-after-bericht-says-what-it-holds"),
    pytest.param("U kunt de aanvraag voor een uittreksel uit de Basisregistratie Personen ook online doen met uw "
                 "DigiD, waarbij u het uittreksel in uw \"Berichtenbox\" krijgt.", id="ends-in-a-quotation"),
])
def test_unsafe_relative_splits_are_not_made(sentence: str) -> None:
    assert split_sentence(sentence, "nl") == [sentence]


def test_relative_clauses_are_split_only_in_dutch() -> None:
    sentence = RELATIVE_SPLITS[0].values[0]
    assert split_sentence(sentence, "en") == [sentence]


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
    return "\n".join(_as_read(re.sub(r"^(?:\d+\.|-) ", "", line)) for line in lines)


def _as_read(line: str) -> str:
    """A Markdown line as the reader sees it: links (to the glossary) as their text, escapes and entities as the
    characters they stand for."""
    line = re.sub(r"(?<!\\)\[((?:\\.|[^\]\\])*)\]\([^)]*\)", r"\1", line)
    return html.unescape(re.sub(r"\\(.)", r"\1", line))


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


@pytest.mark.parametrize("sentence", [
    # After the lexicon made "alsmede" "en", the part after ", en" was a phrase without a verb of its own.
    "Door de boa's van de gemeente wordt actief toezicht gehouden op de naleving van de afvalregels met "
    "afvalonderzoek, en door inzet van mobiele camera's op locaties waar dumpingen veelvuldig voorkomen.",
    "U neemt de volgende stukken mee naar de afspraak op het stadskantoor in de binnenstad, en bankafschriften "
    "van alle rekeningen over de laatste 3 maanden.",
    "De aanvraag wordt door de gemeente binnen acht weken na ontvangst beoordeeld en afgehandeld, en kan daarna "
    "niet meer worden gewijzigd door de aanvrager.",  # no subject of its own: it shares the first clause's
    "U levert bij de aanvraag voor de vergunning een aantal stukken in bij de gemeente, en een overzicht van de "
    "over te leggen gegevens.",
])
def test_no_split_leaves_a_part_without_its_own_verb(sentence: str) -> None:
    assert split_sentence(sentence, "nl") == [sentence]


def test_a_clause_with_its_own_subject_and_verb_is_split_at_en() -> None:
    sentence = ("De gemeente stuurt u binnen twee weken na uw aanvraag een brief met het besluit, en daarna "
                "ontvangt u het geld binnen vijf werkdagen op uw rekening.")
    assert split_sentence(sentence, "nl") == [
        "De gemeente stuurt u binnen twee weken na uw aanvraag een brief met het besluit.",
        "Daarna ontvangt u het geld binnen vijf werkdagen op uw rekening."]
