"""Addressing the reader as "je": pronouns and verb forms rewritten only where reliable."""

from __future__ import annotations

import pytest

from helder.publish.address import label_to_je, to_je


@pytest.mark.parametrize(("u", "je"), [
    ("U bent 18 jaar.", "Je bent 18 jaar."),
    ("U heeft een DigiD nodig.", "Je hebt een DigiD nodig."),
    ("U kunt het online aanvragen.", "Je kunt het online aanvragen."),
    ("Heeft u een uitkering?", "Heb je een uitkering?"),
    ("Bent u 18 jaar?", "Ben je 18 jaar?"),
    ("Als u verhuist, geeft u dat door.", "Als je verhuist, geef je dat door."),
    ("Dan woont u in Voorbeeldstad.", "Dan woon je in Voorbeeldstad."),
    ("Neem uw paspoort mee.", "Neem je paspoort mee."),
    ("Uw aanvraag is binnen.", "Je aanvraag is binnen."),
    ("Wij helpen u graag.", "Wij helpen je graag."),
    ("Moet u betalen?", "Moet je betalen?"),
    ("Met uw DigiD logt u in.", "Met je DigiD log je in."),
    ("Dat kost u € 12,50.", "Dat kost je € 12,50."),
])
def test_reliable_rewrites(u: str, je: str) -> None:
    assert to_je(u) == (je, 0)


@pytest.mark.parametrize("sentence", [
    "Als u een uitkering heeft, betaalt u minder.",  # "heeft" far from its "u"
    "U meldt zich aan bij de balie.",  # "zich" would have to become "je"
    "De gemeente stuurt u een brief.",  # "u" is the object here, not the subject
])
def test_unreliable_sentences_keep_u_and_are_counted(sentence: str) -> None:
    assert to_je(sentence) == (sentence, 1)


def test_only_the_unreliable_sentence_of_a_paragraph_keeps_u() -> None:
    assert to_je("U heeft een pas nodig. U meldt zich aan. Uw pas is 5 jaar geldig.") == (
        "Je hebt een pas nodig. U meldt zich aan. Je pas is 5 jaar geldig.", 1)


def test_section_labels() -> None:
    assert label_to_je("Zo vraagt u het aan") == "Zo vraag je het aan"
    assert label_to_je("Wat heeft u nodig?") == "Wat heb je nodig?"
    assert label_to_je("Wie kan het krijgen?") == "Wie kan het krijgen?"
