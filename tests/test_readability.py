"""Readability formulas, passive sentences, rare words and syllable counts against hand-checked values."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from helder.language.readability import Readability, dutch_passive, english_passive, measure, measure_paragraphs
from helder.language.syllables import COUNTERS
from helder.language.tokens import words

DATA = Path(__file__).parent / "data"


def _tokens(sentence: str) -> list[str]:
    return [w.text for w in words(sentence)]


# Syllables ---------------------------------------------------------------------------------------------------------

def _syllable_list(language: str) -> list[tuple[str, int]]:
    rows = []
    for line in (DATA / f"syllables-{language}.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, count = line.split("\t")
            rows.append((word, int(count)))
    return rows


@pytest.mark.parametrize("language", ["nl", "en"])
def test_syllable_counter_passes_hand_checked_list(language: str) -> None:
    rows = _syllable_list(language)
    assert len(rows) >= 100
    count = COUNTERS[language]
    misses = [(word, expected, count(word)) for word, expected in rows if count(word) != expected]
    print(f"{language}: {len(rows) - len(misses)}/{len(rows)} right; misses (word, hand, counted): {misses}")
    assert 1 - len(misses) / len(rows) >= 0.95, misses


# Formulas ----------------------------------------------------------------------------------------------------------

def test_dutch_formulas_by_hand() -> None:
    # "De aanvraag wordt beoordeeld door de gemeente." de 1, aan-vraag 2, wordt 1, be-oor-deeld 3, door 1, de 1,
    # ge-meen-te 3 = 7 words, 12 syllables. "De gemeente beoordeelt de aanvraag." 1 + 3 + 3 + 1 + 2 = 5 words, 10.
    # 12 words / 2 sentences = 6; 22 syllables / 12 words = 1.8333
    # Flesch-Douma = 206.835 − 0.93·6 − 77·1.8333 = 206.835 − 5.58 − 141.1667 = 60.088
    # Long words (> 6 letters): aanvraag, beoordeeld, gemeente, gemeente, beoordeelt, aanvraag = 6 of 12
    # LIX = 6 + 100·6/12 = 56.0
    r = measure(["De aanvraag wordt beoordeeld door de gemeente. De gemeente beoordeelt de aanvraag."], "nl")
    assert (r.words, r.sentences, r.syllables, r.long_words) == (12, 2, 22, 6)
    assert r.score == pytest.approx(60.088, abs=0.06)
    assert r.lix == pytest.approx(56.0, abs=0.06)
    assert math.isnan(r.flesch_kincaid_grade)  # English only
    assert (r.avg_sentence_length, r.long_word_share, r.long_sentence_share) == (6.0, 0.5, 0.0)
    assert (r.passive_sentences, r.passive_share) == (1, 0.5)

    # "Het formulier is ingevuld." het 1, for-mu-lier 3, is 1, in-ge-vuld 3 = 4 words, 8 syllables, 1 sentence
    # Flesch-Douma = 206.835 − 0.93·4 − 77·2 = 206.835 − 3.72 − 154 = 49.115
    # Long words: formulier, ingevuld = 2 of 4 → LIX = 4 + 100·2/4 = 54.0
    r = measure(["Het formulier is ingevuld."], "nl")
    assert (r.words, r.syllables, r.long_words) == (4, 8, 2)
    assert r.score == pytest.approx(49.115, abs=0.06)
    assert r.lix == pytest.approx(54.0, abs=0.06)


def test_english_formulas_by_hand() -> None:
    # "The form was submitted." the 1, form 1, was 1, sub-mit-ted 3 = 4 words, 6 syllables
    # "We check the form." 4 words, 4 syllables → 8 words / 2 sentences = 4; 10 syllables / 8 words = 1.25
    # Flesch Reading Ease = 206.835 − 1.015·4 − 84.6·1.25 = 206.835 − 4.06 − 105.75 = 97.025
    # Flesch-Kincaid grade = 0.39·4 + 11.8·1.25 − 15.59 = 1.56 + 14.75 − 15.59 = 0.72
    # Long words: submitted = 1 of 8 → LIX = 4 + 100·1/8 = 16.5
    r = measure(["The form was submitted. We check the form."], "en")
    assert (r.words, r.sentences, r.syllables, r.long_words) == (8, 2, 10, 1)
    assert r.score == pytest.approx(97.025, abs=0.06)
    assert r.flesch_kincaid_grade == pytest.approx(0.72, abs=0.06)
    assert r.lix == pytest.approx(16.5, abs=0.06)
    assert (r.passive_sentences, r.passive_share) == (1, 0.5)

    # "Residents can apply for housing benefit online." res-i-dents 3, can 1, ap-ply 2, for 1, hous-ing 2,
    # ben-e-fit 3, on-line 2 = 7 words, 14 syllables, 1 sentence → 7 words/sentence, 2 syllables/word
    # Flesch Reading Ease = 206.835 − 1.015·7 − 84.6·2 = 206.835 − 7.105 − 169.2 = 30.53
    # Flesch-Kincaid grade = 0.39·7 + 11.8·2 − 15.59 = 2.73 + 23.6 − 15.59 = 10.74
    # Long words: residents, housing, benefit = 3 of 7 → LIX = 7 + 100·3/7 = 49.857
    r = measure(["Residents can apply for housing benefit online."], "en")
    assert (r.words, r.syllables, r.long_words) == (7, 14, 3)
    assert r.score == pytest.approx(30.53, abs=0.06)
    assert r.flesch_kincaid_grade == pytest.approx(10.74, abs=0.06)
    assert r.lix == pytest.approx(49.857, abs=0.06)
    assert r.passive_sentences == 0


def test_empty_text_gives_nan() -> None:
    r = measure(["", "123."], "nl")
    assert r.words == 0
    assert all(math.isnan(v) for v in (r.score, r.lix, r.flesch_kincaid_grade, r.long_word_share,
                                       r.passive_share, r.rare_word_share))


# Passive -----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "passive"), [
    ("De aanvraag wordt beoordeeld door de gemeente.", True),
    ("De gemeente beoordeelt de aanvraag.", False),
    ("Het formulier is ingevuld.", True),
    ("Uw aanvraag is ontvangen.", True),
    ("De subsidie werd toegekend.", True),
    ("Uw bezwaar is afgewezen.", True),
    ("De uitkering wordt elke maand verstrekt.", True),
    ("Hij heeft zijn formulier ingevuld.", False),  # "zijn" is possessive here; perfect with "hebben"
    ("Zij is vorig jaar verhuisd.", False),  # perfect of a verb that takes "zijn"
    ("Het is duidelijk geworden.", False),
    ("Het gebied is groot.", False),
    ("Er zijn vergaderingen.", False),
    ("Ik ben bereid te helpen.", False),
    ("Hij wordt boos.", False),
])
def test_dutch_passive(sentence: str, passive: bool) -> None:
    assert dutch_passive(_tokens(sentence)) is passive


@pytest.mark.parametrize(("sentence", "passive"), [
    ("The form was submitted.", True),
    ("We check the form.", False),
    ("Your bill is paid within ten days.", True),
    ("The bins are collected every week.", True),
    ("Applications were then quickly reviewed.", True),
    ("They were told to wait.", True),
    ("It is a red car.", False),
    ("She was going home.", False),
    ("We submitted the form.", False),
])
def test_english_passive(sentence: str, passive: bool) -> None:
    assert english_passive(_tokens(sentence)) is passive


# Rare words --------------------------------------------------------------------------------------------------------

def test_rare_word_share() -> None:
    # Every word but "maatwerkvoorziening" is among the 5,000 most frequent Dutch words: 1 of 6.
    r = measure(["Wij helpen u met de maatwerkvoorziening."], "nl")
    assert (r.words, r.rare_words) == (6, 1)
    assert r.rare_word_share == pytest.approx(1 / 6)
    # A made-up word is rare; the others are common: 1 of 5.
    r = measure(["We check the blorptastic form."], "en")
    assert (r.words, r.rare_words, r.rare_word_share) == (5, 1, 0.2)


# Per paragraph -----------------------------------------------------------------------------------------------------

def test_measure_paragraphs() -> None:
    blocks = ["Het formulier is ingevuld.", "", "De kat zit op de mat. Hij is blij."]
    first, empty, third = measure_paragraphs(blocks, "nl")
    # First block: see test_dutch_formulas_by_hand → Flesch-Douma 49.115, LIX 54.0, passive 1 of 1.
    assert (first.words, first.sentences, first.passive_sentences) == (4, 1, 1)
    assert first.score == pytest.approx(49.115, abs=0.06)
    assert first.lix == pytest.approx(54.0, abs=0.06)
    assert empty == Readability(0, 0, 0, 0, empty.score) and math.isnan(empty.score)
    # Third block: 9 words, 9 syllables, 2 sentences → 206.835 − 0.93·4.5 − 77·1 = 125.65; no long words, so
    # LIX = 4.5 + 0 = 4.5; "is blij" has no participle, so no passive.
    assert (third.words, third.sentences, third.syllables, third.long_words, third.passive_sentences) == (9, 2, 9, 0, 0)
    assert third.score == pytest.approx(125.65, abs=0.06)
    assert third.lix == pytest.approx(4.5, abs=0.06)
    # The page as a whole adds the blocks up.
    page = measure(blocks, "nl")
    assert (page.words, page.sentences, page.passive_sentences) == (13, 3, 1)
