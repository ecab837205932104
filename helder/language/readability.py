"""Readability formulas per language, over sentences that the tokenizer found.

Dutch: Flesch-Douma = 206.835 − 0.93 × words/sentence − 77 × syllables/word (higher is easier; B1 ≈ 60+).
English: Flesch Reading Ease = 206.835 − 1.015 × words/sentence − 84.6 × syllables/word.
Both: average sentence length and the share of sentences over 20 words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from helder.language.syllables import COUNTERS
from helder.language.tokens import is_number, sentences, words

LONG_SENTENCE = 20  # words


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int
    long_sentences: int
    score: float  # Flesch-Douma (nl) or Flesch Reading Ease (en); NaN without text

    @property
    def avg_sentence_length(self) -> float:
        return self.words / self.sentences if self.sentences else float("nan")

    @property
    def long_sentence_share(self) -> float:
        return self.long_sentences / self.sentences if self.sentences else float("nan")


FORMULA_NAMES = {"nl": "Flesch-Douma", "en": "Flesch Reading Ease"}


def flesch(language: str, words_per_sentence: float, syllables_per_word: float) -> float:
    if language == "nl":
        return 206.835 - 0.93 * words_per_sentence - 77 * syllables_per_word
    return 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word


def measure(blocks: Iterable[str], language: str) -> Readability:
    """Readability of running text given as blocks (paragraphs, list items); headings should be left out."""
    count_syllables = COUNTERS[language]
    n_words = n_sentences = n_syllables = n_long = 0
    for block in blocks:
        for sentence in sentences(block, language):
            tokens = [w.text for w in words(sentence.text) if not is_number(w.text)]
            if not tokens:
                continue
            n_sentences += 1
            n_words += len(tokens)
            n_syllables += sum(count_syllables(t) for t in tokens)
            n_long += len(tokens) > LONG_SENTENCE
    if not n_words:
        return Readability(0, 0, 0, 0, float("nan"))
    score = flesch(language, n_words / n_sentences, n_syllables / n_words)
    return Readability(n_words, n_sentences, n_syllables, n_long, round(score, 1))
