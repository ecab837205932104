"""Readability formulas per language, over sentences that the tokenizer found.

Dutch: Flesch-Douma = 206.835 − 0.93 × words/sentence − 77 × syllables/word (higher is easier; B1 ≈ 60+).
English: Flesch Reading Ease = 206.835 − 1.015 × words/sentence − 84.6 × syllables/word, and Flesch-Kincaid grade
= 0.39 × words/sentence + 11.8 × syllables/word − 15.59 (a US school grade; lower is easier).
Both: LIX = words/sentence + 100 × long words/words (a long word has more than 6 letters; under 40 is easy, over 50
hard), average sentence length, the share of sentences over 20 words, of long words, of passive sentences, and of
words outside the language's 5,000 most frequent words (wordfreq) — a signal for plain vocabulary.

Passive sentences are found with rules, not a parser: Dutch needs a form of "worden" or "zijn" and a past
participle (ge…d/t/en, also after a separable particle: "ingevuld", "aangevraagd"; or with be-/ver-/ont-/her-/er-
and no ge-: "beoordeeld", "verstrekt"), confirmed by simplemma lemmatising it to a verb; verbs that form their
perfect with "zijn" ("is gekomen", "is verhuisd") are not passive. English needs a form of "be" followed within a few
words by a past participle (-ed or an irregular one: "was sent", "is being paid").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import simplemma

from helder.language.syllables import COUNTERS
from helder.language.tokens import WORD, is_number, sentences

LONG_SENTENCE = 20  # words
LONG_WORD = 6  # letters: a word with more letters than this is long (LIX)
FREQUENT_WORDS = 5000  # words outside the language's most frequent ones count as rare


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    long_sentences: int
    score: float  # Flesch-Douma (nl) or Flesch Reading Ease (en); NaN without text
    long_words: int = 0  # more than LONG_WORD letters
    passive_sentences: int = 0
    rare_words: int = 0  # outside the FREQUENT_WORDS most frequent words of the language
    lix: float = math.nan
    flesch_kincaid_grade: float = math.nan  # English only; NaN for Dutch and without text

    @property
    def avg_sentence_length(self) -> float:
        return self.words / self.sentences if self.sentences else float("nan")

    @property
    def long_sentence_share(self) -> float:
        return self.long_sentences / self.sentences if self.sentences else float("nan")

    @property
    def long_word_share(self) -> float:
        return self.long_words / self.words if self.words else float("nan")

    @property
    def passive_share(self) -> float:
        return self.passive_sentences / self.sentences if self.sentences else float("nan")

    @property
    def rare_word_share(self) -> float:
        return self.rare_words / self.words if self.words else float("nan")


FORMULA_NAMES = {"nl": "Flesch-Douma", "en": "Flesch Reading Ease"}


def flesch(language: str, words_per_sentence: float, syllables_per_word: float) -> float:
    if language == "nl":
        return 206.835 - 0.93 * words_per_sentence - 77 * syllables_per_word
    return 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word


def flesch_kincaid(words_per_sentence: float, syllables_per_word: float) -> float:
    """Flesch-Kincaid grade level (English)."""
    return 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59


def lix(words_per_sentence: float, long_word_share: float) -> float:
    """Läsbarhetsindex: words per sentence plus the percentage of long words."""
    return words_per_sentence + 100 * long_word_share


def measure(blocks: Iterable[str], language: str) -> Readability:
    """Readability of running text given as blocks (paragraphs, list items); headings should be left out."""
    return measure_sentences((s.text for block in blocks for s in sentences(block, language)), language)


def measure_sentences(texts: Iterable[str], language: str) -> Readability:
    """`measure` for text already split into sentences (the audit splits each page once for all its steps)."""
    is_passive = PASSIVE[language]
    n_words = n_sentences = n_syllables = n_long = n_long_words = n_passive = n_rare = 0
    for text in texts:
        tokens = [t for t in WORD.findall(text) if not is_number(t)]
        if not tokens:
            continue
        n_sentences += 1
        n_words += len(tokens)
        n_long += len(tokens) > LONG_SENTENCE
        for token in tokens:
            syllables, long_word, rare = _word_stats(token, language)
            n_syllables += syllables
            n_long_words += long_word
            n_rare += rare
        n_passive += is_passive(tokens)
    if not n_words:
        return Readability(0, 0, 0, 0, float("nan"))
    per_sentence, per_word = n_words / n_sentences, n_syllables / n_words
    return Readability(
        n_words, n_sentences, n_syllables, n_long, round(flesch(language, per_sentence, per_word), 1),
        long_words=n_long_words, passive_sentences=n_passive, rare_words=n_rare,
        lix=round(lix(per_sentence, n_long_words / n_words), 1),
        flesch_kincaid_grade=round(flesch_kincaid(per_sentence, per_word), 1) if language == "en" else math.nan,
    )


@lru_cache(maxsize=500_000)
def _word_stats(token: str, language: str) -> tuple[int, bool, bool]:
    """(syllables, long word, rare word) of one word: worked out once per distinct word, as a site repeats them."""
    return COUNTERS[language](token), _letters(token) > LONG_WORD, _is_rare(token, frequent_words(language))


def measure_paragraphs(blocks: Iterable[str], language: str) -> list[Readability]:
    """Readability of each block on its own, in order: one result per block (empty blocks give an empty result)."""
    return [measure([block], language) for block in blocks]


def _letters(token: str) -> int:
    return sum(c.isalpha() for c in token)


@lru_cache(maxsize=8)
def frequent_words(language: str) -> frozenset[str]:
    """The language's FREQUENT_WORDS most frequent words (wordfreq), lower case."""
    import wordfreq  # loaded on first use: reading its word lists takes a moment

    return frozenset(wordfreq.top_n_list(language, FREQUENT_WORDS))


def _is_rare(token: str, frequent: frozenset[str]) -> bool:
    word = token.lower().replace("’", "'")
    if word in frequent:
        return False
    return any(part not in frequent for part in re.split(r"[-']", word) if part)


# Dutch passive ---------------------------------------------------------------------------------------------------

_NL_WORDEN = {"word", "wordt", "worden", "werd", "werden"}
_NL_ZIJN = {"ben", "bent", "is", "zijn", "was", "waren"}
_NL_HEBBEN = {"heb", "hebt", "heeft", "hebben", "had", "hadden"}  # "hij heeft zijn formulier ingevuld": no passive
_NL_DETERMINERS = {"de", "het", "een", "dit", "dat", "deze", "die", "zijn", "haar", "uw", "ons", "onze", "hun",
                   "mijn", "je", "jouw", "elk", "elke", "ieder", "iedere", "geen"}
_NL_PARTICLES = ("aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "terug", "toe", "uit", "vast",
                 "voor", "weg", "samen", "vrij", "tegen", "neer", "rond", "binnen", "buiten", "los", "dicht", "open",
                 "kwijt", "achter", "vooraf", "goed", "stop", "klaar")
_NL_PARTICIPLE = re.compile(
    r"^(?:(?:" + "|".join(_NL_PARTICLES) + r")?ge\w{2,}|(?:" + "|".join(_NL_PARTICLES) + r")?"
    r"(?:be|ver|ont|her|er|mis|toe)\w{2,})(?:d|t|en)$"
)
# Verbs whose perfect takes "zijn": "is gekomen", "is verhuisd" are active.
_NL_ZIJN_VERBS = ("komen", "gaan", "blijven", "zijn", "worden", "gebeuren", "vertrekken", "sterven", "vallen",
                  "stijgen", "dalen", "verhuizen", "verdwijnen", "beginnen", "stoppen", "slagen", "groeien",
                  "overlijden", "ontstaan", "veranderen", "lukken", "raken", "blijken", "verschijnen", "lopen",
                  "rijden", "vliegen", "keren", "toenemen", "afnemen", "verlopen", "ontsnappen", "zakken",
                  "verschuiven", "vergeten", "opstaan", "trouwen", "scheiden", "verdwalen", "ontwaken")
_NL_NOT_PARTICIPLE = {"bereid", "bekend", "benieuwd", "gewend", "geschikt", "gezond", "gewoon", "gerust", "gelijk",
                      "bezorgd", "verliefd", "verkouden", "tevreden", "geleden", "gemiddeld", "genoeg", "gedurende"}


def _nl_participle(word: str, previous: str) -> bool:
    return previous not in _NL_DETERMINERS and _nl_participle_form(word)


@lru_cache(maxsize=200_000)
def _nl_participle_form(word: str) -> bool:
    if word in _NL_NOT_PARTICIPLE or not _NL_PARTICIPLE.match(word):
        return False
    lemma = simplemma.lemmatize(word, lang="nl").lower().replace("_", "")
    if lemma == word:
        # Participles that look like the infinitive: "ontvangen", "vergeten"; nouns such as "gebied" end in d/t.
        return word.endswith("en") and not word.startswith("ge")
    return lemma.endswith("en") and not lemma.endswith(_NL_ZIJN_VERBS)


def dutch_passive(tokens: list[str]) -> bool:
    """A sentence with a form of "worden"/"zijn" and a past participle: "De aanvraag wordt beoordeeld"."""
    lower = [t.lower() for t in tokens]
    has_worden = any(t in _NL_WORDEN for t in lower)
    has_zijn = any(t in _NL_ZIJN for t in lower) and not any(t in _NL_HEBBEN for t in lower)
    if not (has_worden or has_zijn):
        return False
    return any(_nl_participle(word, lower[i - 1] if i else "") for i, word in enumerate(lower))


# English passive -------------------------------------------------------------------------------------------------

_EN_BE = {"am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't"}
_EN_IRREGULAR_TEXT = """
arisen awoken beaten begun bent bitten blown born borne bought bound broken brought built burnt cast caught
chosen cost cut dealt done drawn dreamt driven drunk dug eaten fallen fed felt fought found flown forbidden
forgiven forgotten frozen given gotten ground grown hung heard hidden held hit hurt kept knelt known laid
led lent let lit lost made meant met mistaken overcome overseen overtaken overthrown paid proven put quit read
rebuilt redone rewritten rid ridden risen run said seen sought sold sent set sewn shaken shed shone shot shown shut
slain slept slid sown spent spilt split spoken spread sprung stolen stood struck stuck stung sung sunk swept sworn
swum taken taught thrown thought told torn understood undertaken undone upheld upset withdrawn withheld won worn
woven wound written
"""
_EN_IRREGULAR = frozenset(_EN_IRREGULAR_TEXT.split())
_EN_NOT_PARTICIPLE = {"bed", "red", "shed", "need", "feed", "speed", "seed", "breed", "greed", "hundred", "indeed",
                      "naked", "wicked", "sacred", "kindred", "rugged", "ragged", "crooked", "wretched", "embed",
                      "proceed", "exceed", "succeed", "weed", "deed", "reed", "bleed", "freed", "agreed", "united"}
_EN_WINDOW = 4  # a participle at most this many words after the form of "be": "was then quickly sent"


def _en_participle(word: str) -> bool:
    if word in _EN_IRREGULAR:
        return True
    return word.endswith("ed") and len(word) > 4 and word not in _EN_NOT_PARTICIPLE and not word.endswith("eed")


def english_passive(tokens: list[str]) -> bool:
    """A sentence with a form of "be" followed by a past participle: "The form was submitted"."""
    lower = [t.lower().replace("’", "'") for t in tokens]
    for i, word in enumerate(lower):
        if (word in _EN_BE or word.endswith("'re")) and any(
            _en_participle(w) for w in lower[i + 1:i + 1 + _EN_WINDOW]
        ):
            return True
    return False


PASSIVE = {"nl": dutch_passive, "en": english_passive}
