"""Tokens, sentences, syllables, readability and the lexicon matcher."""

from __future__ import annotations

from pathlib import Path

import pytest

from helder.language import Language, get_language
from helder.language.lexicon import Lexicon, load_lexicon, read_entries
from helder.language.readability import measure
from helder.language.syllables import dutch, english
from helder.language.tokens import sentences, word_parts

LEXICON = """term,plain,explanation,category,source
in aanmerking komen,recht hebben op,Uitleg.,formeel,test
maatwerkvoorziening,hulp op maat,Uitleg.,zorg,test
Wmo,wet voor hulp thuis,Uitleg.,afkorting,test
OM,Openbaar Ministerie,Uitleg.,afkorting,test
leges,kosten,Uitleg.,financieel,test
verstrekken,geven,Uitleg.,ambtelijk-werkwoord,test
voorliggende voorziening,regeling die eerst komt,Uitleg.,zorg,test
"""


@pytest.fixture
def lexicon(tmp_path: Path) -> Lexicon:
    path = tmp_path / "lexicon.csv"
    path.write_text(LEXICON, encoding="utf-8")
    return _lexicon_from(path)


def _lexicon_from(path: Path) -> Lexicon:
    nl = get_language("nl")
    return Lexicon(read_entries(path, nl), nl)


def found(lexicon: Lexicon, text: str) -> list[tuple[str, str, int, int]]:
    return [(m.entry.term, m.surface, m.start, m.end) for m in lexicon.find(text)]


def test_matches_inflection_case_hyphenation_and_word_order(lexicon: Lexicon) -> None:
    text = "Om in aanmerking te komen worden maatwerkvoorzieningen verstrekt via de WMO-balie."
    assert found(lexicon, text) == [
        ("in aanmerking komen", "in aanmerking te komen", 3, 25),
        ("maatwerkvoorziening", "maatwerkvoorzieningen", 33, 54),
        ("verstrekken", "verstrekt", 55, 64),
        ("Wmo", "WMO", 72, 75),
    ]
    assert found(lexicon, "U komt in aanmerking.")[0][:2] == ("in aanmerking komen", "komt in aanmerking")
    assert found(lexicon, "geen voorliggende voorzieningen")[0][1] == "voorliggende voorzieningen"
    assert found(lexicon, "een wmo voorziening")[0][:2] == ("Wmo", "wmo")


def test_abbreviation_that_is_also_a_word_needs_capitals(lexicon: Lexicon) -> None:
    assert found(lexicon, "Om te beginnen gaan we om tien uur.") == []
    assert found(lexicon, "Het OM beslist.") == [("OM", "OM", 4, 6)]


def test_workspace_overrides_add_replace_and_silence(tmp_path: Path) -> None:
    overrides = tmp_path / "lexicon.csv"
    overrides.write_text("term,plain,explanation,category,source\nleges,kosten|prijs,Eigen uitleg.,financieel,wij\n"
                         "dakkapel,,,,wij\nmilieustraat,afvalbrengpunt,Plek voor afval.,product,wij\n",
                         encoding="utf-8")
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    (shipped / "lexicon.csv").write_text(LEXICON + "dakkapel,raam in het dak,Uitleg.,product,test\n", encoding="utf-8")
    class Shipped(Language):
        @property
        def lexicon_file(self) -> Path:
            return shipped / "lexicon.csv"

    lex = load_lexicon(Shipped("nl"), overrides)
    terms = {e.term: e for e in lex.entries}
    assert terms["leges"].plain == ("kosten", "prijs") and terms["leges"].source == "wij"
    assert "dakkapel" not in terms
    assert terms["milieustraat"].best_plain == "afvalbrengpunt"


def test_bad_lexicon_row_names_file_and_row(tmp_path: Path) -> None:
    from helder.errors import HelderError

    bad = tmp_path / "lexicon.csv"
    bad.write_text("term,plain,explanation,category,source\nleges,kosten,x,y,z\n,leeg,x,y,z\n", encoding="utf-8")
    with pytest.raises(HelderError, match=r"lexicon.csv, row 3: the term is empty"):
        _lexicon_from(bad)


def test_sentences_survive_abbreviations_and_amounts() -> None:
    text = "U betaalt o.a. leges, bijv. € 84,60 per stuk. Zie art. 12 van de wet. Klaar!"
    assert [s.text for s in sentences(text, "nl")] == [
        "U betaalt o.a. leges, bijv. € 84,60 per stuk.", "Zie art. 12 van de wet.", "Klaar!"]
    assert [s.text for s in sentences("Call us, e.g. today. Then apply.", "en")] == [
        "Call us, e.g. today.", "Then apply."]


def test_word_parts_split_hyphenated_compounds_with_offsets() -> None:
    parts = word_parts("de Wmo-voorziening")
    assert [(p.text, p.start, p.end) for p in parts] == [("de", 0, 2), ("Wmo", 3, 6), ("voorziening", 7, 18)]


@pytest.mark.parametrize(("word", "count"), [
    ("over", 2), ("idee", 2), ("via", 2), ("energie", 3), ("ideeën", 3), ("maatwerkvoorziening", 5),
    ("huishoudelijke", 5), ("gemeente", 3), ("paspoort", 2), ("situatie", 4), ("België", 3), ("leeuw", 1),
    ("aanvragen", 3), ("bijzondere", 4), ("mooi", 1), ("koeien", 2), ("duur", 1), ("radio", 3), ("uw", 1),
])
def test_dutch_syllables(word: str, count: int) -> None:
    assert dutch(word) == count


@pytest.mark.parametrize(("word", "count"), [
    ("make", 1), ("council", 2), ("application", 4), ("the", 1), ("baked", 1), ("idea", 3), ("every", 3),
    ("housing", 2), ("benefit", 3), ("reduction", 3), ("payments", 2), ("area", 3),
])
def test_english_syllables(word: str, count: int) -> None:
    assert english(word) == count


def test_flesch_douma_by_hand() -> None:
    # "De kat zit op de mat." 6 words, 6 syllables; "Hij is blij." 3 words, 3 syllables.
    # 9 words / 2 sentences = 4.5; 9 syllables / 9 words = 1.0 → 206.835 − 0.93·4.5 − 77·1.0 = 125.65
    score = measure(["De kat zit op de mat. Hij is blij."], "nl")
    assert (score.words, score.sentences, score.syllables) == (9, 2, 9)
    assert score.score == pytest.approx(125.65, abs=0.06)
    # "Gemeentelijke voorzieningen worden verstrekt." 4 words; ge-meen-te-lij-ke 5, voor-zie-nin-gen 4,
    # wor-den 2, ver-strekt 2 = 13 syllables → 206.835 − 0.93·4 − 77·3.25 = −47.135
    assert measure(["Gemeentelijke voorzieningen worden verstrekt."], "nl").score == pytest.approx(-47.1, abs=0.06)


def test_flesch_reading_ease_english_by_hand() -> None:
    # "The cat sat on the mat." 6 words, 6 syllables → 206.835 − 1.015·6 − 84.6·1 = 116.145
    assert measure(["The cat sat on the mat."], "en").score == pytest.approx(116.1, abs=0.06)


def test_long_sentences_are_counted() -> None:
    long = " ".join(["woord"] * 21) + "."
    score = measure([long, "Kort."], "nl")
    assert (score.long_sentences, score.long_sentence_share) == (1, 0.5)


def test_terms_are_found_inside_dutch_compounds(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.csv"
    path.write_text("term,plain,explanation,category,source\nvergunning,toestemming,x,product,t\n"
                    "omgevingsvergunning,bouwvergunning,x,product,t\nheffing,belasting,x,financieel,t\n",
                    encoding="utf-8")
    lexicon = _lexicon_from(path)
    assert found(lexicon, "Vraag een bewonersparkeervergunning aan.") == [
        ("vergunning", "bewonersparkeervergunning", 10, 35)]
    assert found(lexicon, "De afvalstoffenheffing") == [("heffing", "afvalstoffenheffing", 3, 22)]
    # the whole word wins over its part
    assert found(lexicon, "een omgevingsvergunning")[0][0] == "omgevingsvergunning"
