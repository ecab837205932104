"""Task page titles: residents' words, a verb only where the source or the queries give one, at most 65 chars."""

from __future__ import annotations

import pytest

from helder.publish.titles import make_title, shorten

HUIS_TEXT = ["Een aanvraag voor huishoudelijke ondersteuning dient u in bij het Wmo-loket.",
             "U vraagt de hulp aan via het formulier."]


def test_verb_from_the_source_headings_and_queries_goes_last_in_dutch() -> None:
    title = make_title("hulp in huis", ["hulp in huis", "huishoudelijke hulp aanvragen"], ["Aanvragen"],
                       HUIS_TEXT, "nl")
    assert title == "Hulp in huis aanvragen"


def test_a_verb_the_query_already_has_is_never_added() -> None:
    assert make_title("paspoort aanvragen", [], ["Aanvragen", "Betalen"], ["U betaalt bij de balie."],
                      "nl") == "Paspoort aanvragen"
    assert make_title("betaalt huur statushouder", [], ["Betalen"], ["Wij betalen de huur."],
                      "nl") == "Betaalt huur statushouder"


def test_collection_by_the_municipality_reads_laten_ophalen() -> None:
    assert make_title("grofvuil ophalen", ["grofvuil ophalen", "kast laten ophalen"], ["Aanmelden"],
                      ["U meldt het grofvuil aan."], "nl") == "Grofvuil laten ophalen"
    # the resident collects the passport personally: no "laten"
    assert make_title("paspoort ophalen", ["paspoort ophalen"], ["Afhalen"],
                      ["U haalt uw paspoort zelf op bij de balie."], "nl") == "Paspoort ophalen"


@pytest.mark.parametrize("task", ["kliko kapot", "paspoort kwijt wat nu", "verhuizen", "18 jaar worden"])
def test_tasks_that_read_as_a_sentence_keep_their_words(task: str) -> None:
    title = make_title(task, [f"{task} aanvragen"], ["Aanvragen"], ["U vraagt het aan."], "nl")
    assert title == task[:1].upper() + task[1:]


def test_no_verb_without_enough_evidence() -> None:
    assert make_title("afvalkalender", ["afvalkalender 2026"], ["Ophaaldagen"],
                      ["De afvalkalender staat online."], "nl") == "Afvalkalender"


def test_questions_get_a_question_mark_and_names_keep_the_source_spelling() -> None:
    assert make_title("waar kan ik stemmen", [], [], ["U stemt met uw stempas."], "nl") == "Waar kan ik stemmen?"
    assert make_title("digid aanvragen", [], [], ["Met uw DigiD logt u in bij de gemeente."],
                      "nl") == "DigiD aanvragen"
    assert make_title("id kaart aanvragen", [], [], ["Een ID-kaart is 10 jaar geldig."], "nl") == "ID-kaart aanvragen"


def test_english_verb_leads_with_the_article_the_source_uses() -> None:
    title = make_title("parking permit", ["parking permit", "apply parking permit"], ["How to apply"],
                       ["You can apply for a parking permit online."], "en")
    assert title == "Apply for a parking permit"
    assert make_title("housing benefit", ["housing benefit application"], ["Apply"],
                      ["Apply for housing benefit online."], "en") == "Apply for housing benefit"
    assert make_title("report a pothole", [], ["Report it"], ["Report it online."], "en") == "Report a pothole"


def test_titles_are_cut_at_a_word_boundary_within_65_characters() -> None:
    long = "Tegemoetkoming in de kosten van leerlingenvervoer voor kinderen met een beperking aanvragen"
    cut = shorten(long)
    assert len(cut) <= 65 and long.startswith(cut) and long[len(cut)] == " "
    assert cut == "Tegemoetkoming in de kosten van leerlingenvervoer voor kinderen"
    assert shorten("Parkeervergunning") == "Parkeervergunning"
    title = make_title(long.removesuffix(" aanvragen"), [], ["Aanvragen"], ["U vraagt het aan."], "nl")
    assert len(title) <= 65 and not title.endswith(("met", "een", "de"))


def test_only_headings_about_applying_count_as_evidence() -> None:
    # "Welke partijen melden achterstanden?" is about others reporting, not what the resident does
    assert make_title("huurachterstand hulp", ["huurachterstand"], ["Welke partijen melden achterstanden?"],
                      ["Verhuurders melden een achterstand bij de gemeente."], "nl") == "Huurachterstand hulp"
    assert make_title("traplift", ["traplift"], ["Aanvragen"], ["U vraagt een traplift aan bij het Wmo-loket."],
                      "nl") == "Traplift aanvragen"
