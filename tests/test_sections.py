"""The section classifier on varied municipal headings (nl + en), sentence sorting and steps."""

from __future__ import annotations

import pytest

from helder.audit.pages import AuditPage
from helder.publish.sections import as_steps, classify, classify_sentence, split_sections

NL = {
    "Wie kan het krijgen?": "who", "Voorwaarden": "who", "Komt u in aanmerking?": "who",
    "Wie komt ervoor in aanmerking?": "who", "Toegang en voorwaarden": "who", "Wie is inburgeringsplichtig?": "who",
    "Aanvragen": "apply", "Hoe vraagt u het aan?": "apply", "Aanvraagprocedure": "apply",
    "Hoe meldt u grofvuil aan?": "apply", "Hoe doet u aangifte?": "apply", "Overlast melden bij de gemeente": "apply",
    "Indienen van de aanvraag": "apply", "Zo werkt het": "apply",
    "Kosten": "costs", "Tarieven": "costs", "Tarieven 2026": "costs", "Leges": "costs", "Wat kost het?": "costs",
    "Hoogte van de eigen bijdrage": "costs", "Leges en termijnen": "costs", "Betaling": "costs",
    "Hoe lang duurt het?": "duration", "Beslistermijn": "duration", "Levertijd": "duration",
    "Afhandeltermijn": "duration", "Wachtlijst": "duration",
    "Meenemen": "documents", "Wat neemt u mee?": "documents", "Benodigde documenten": "documents",
    "Wat heeft u nodig?": "documents", "Eisen aan de pasfoto": "documents",
    "Bezwaar": "objection", "Bezwaar en beroep": "objection", "Niet tevreden?": "objection",
    "Zienswijze bij de uitgebreide procedure": "objection",
    "Contact": "contact", "Vragen?": "contact", "Bellen": "contact", "Openingstijden": "contact",
    "Wat houdt de voorziening in?": "about", "Wat is een omgevingsvergunning?": "about",
}
NL_OTHER = ["Goed om te weten", "Rijbewijs kwijt of gestolen", "Geldigheidsduur",
            "Welke partijen melden achterstanden?", "Verhuiskostenvergoeding", "Uitbetaling via de SVB",
            "Wanneer is een kapvergunning nodig?"]
EN = {
    "Who can apply": "who", "Eligibility": "who", "Can I get it?": "who",
    "How to apply": "apply", "Apply online": "apply", "Report it": "apply", "Book an appointment": "apply",
    "Fees": "costs", "How much it costs": "costs", "Charges for 2026": "costs",
    "How long it takes": "duration", "Processing times": "duration",
    "What you need": "documents", "Documents to bring": "documents",
    "Appeal a decision": "objection", "If you disagree": "objection", "Make a complaint": "objection",
    "Contact us": "contact", "Opening hours": "contact", "What is council tax?": "about",
}


@pytest.mark.parametrize(("heading", "key"), NL.items())
def test_dutch_headings(heading: str, key: str) -> None:
    assert classify(heading, "nl") == key


@pytest.mark.parametrize("heading", NL_OTHER)
def test_dutch_headings_that_are_about_something_else_keep_their_own_name(heading: str) -> None:
    assert classify(heading, "nl") is None


@pytest.mark.parametrize(("heading", "key"), EN.items())
def test_english_headings(heading: str, key: str) -> None:
    assert classify(heading, "en") == key


def test_at_least_forty_headings_are_covered() -> None:
    assert len(NL) + len(NL_OTHER) + len(EN) >= 60 and len(NL) >= 40


@pytest.mark.parametrize(("sentence", "key"), [
    ("Een paspoort kost € 75,60.", "costs"), ("U krijgt binnen 2 weken een besluit.", "duration"),
    ("Neem uw oude paspoort mee.", "documents"), ("Bent u het niet eens, dan kunt u bezwaar maken.", "objection"),
    ("U vraagt het paspoort aan bij de balie.", "apply"), ("Bel (0123) 45 67 89.", "contact"),
    ("Het paspoort is 10 jaar geldig.", None),
    ("U vraagt het aan en betaalt € 12,50.", None),  # two sections at once: ambiguous, stays in "about"
])
def test_sentences_are_sorted_only_when_one_section_is_clear(sentence: str, key: str | None) -> None:
    assert classify_sentence(sentence, "nl") == key


def page(blocks: list[tuple[str, str]]) -> AuditPage:
    return AuditPage(url="https://x.nl/a/b", title="T", h1="T", section="a", crawled_at="2026-11-01", blocks=blocks)


def test_a_page_without_headings_is_sorted_by_sentence_and_keeps_every_sentence() -> None:
    text = ("Met een paspoort reist u buiten Europa. Een paspoort kost € 75,60. "
            "U vraagt het paspoort aan bij de balie. Neem uw oude paspoort mee. Het paspoort is 10 jaar geldig.")
    sections = split_sections(page([("h1", "Paspoort"), ("p", text)]), "nl")
    assert sections["about"] == [("p", "Met een paspoort reist u buiten Europa. Het paspoort is 10 jaar geldig.")]
    assert sections["costs"] == [("p", "Een paspoort kost € 75,60.")]
    assert sections["documents"] == [("p", "Neem uw oude paspoort mee.")]
    assert sections["apply"] == [("p", "U vraagt het paspoort aan bij de balie.")]


def test_a_page_with_headings_is_not_sorted_by_sentence() -> None:
    sections = split_sections(page([("p", "Een paspoort kost € 75,60."), ("h2", "Goed om te weten"),
                                    ("p", "Neem uw oude paspoort mee.")]), "nl")
    assert sections["about"] == [("p", "Een paspoort kost € 75,60.")]
    assert sections["other"] == [("Goed om te weten", [("p", "Neem uw oude paspoort mee.")])]


def test_apply_sentences_become_numbered_steps_unless_the_source_has_a_list() -> None:
    assert as_steps([("p", "Vul het formulier in. Stuur het op.")], "nl") == [
        ("ol", "Vul het formulier in."), ("ol", "Stuur het op.")]
    listed = [("p", "U kunt kiezen:"), ("ul", "online"), ("ul", "aan de balie")]
    assert as_steps(listed, "nl") == listed
    assert as_steps([("p", "Bel ons.")], "nl") == [("p", "Bel ons.")]
