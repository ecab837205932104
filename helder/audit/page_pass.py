"""One pass over every page's text for the steps that read sentences: jargon findings, readability and the
counts behind jargon candidates.

Each page is split into sentences once and read once by all three (issue 5: "read each page's text once");
large sites are spread over worker processes (helder/parallel.py), after the site's distinct words have been analysed
on all cores once (`analyse_site_words`), so no worker analyses the same words again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from helder.audit.candidates import MAX_ZIPF, Counted, PageCounter, merge_counts
from helder.audit.jargon import FINDING_COLUMNS, find_in_page, split_page
from helder.audit.pages import HEADINGS, AuditPage
from helder.language import WordAnalysis, analyse_words, remember
from helder.language.lexicon import Lexicon
from helder.language.readability import Readability, measure_sentences
from helder.language.tokens import WORD_PART
from helder.parallel import map_chunks, workers_for


@dataclass
class PagePass:
    findings: pd.DataFrame  # FINDING_COLUMNS
    readability: list[Readability]  # one per page, in the pages' order
    counted: Counted  # the candidate-word tallies for `discover_candidates(counted=...)`


def read_pages(pages: list[AuditPage], lexicon: Lexicon, max_zipf: float = MAX_ZIPF) -> PagePass:
    if workers_for(len(pages)) > 1:
        analyse_site_words(pages, lexicon.language.code)
    parts = map_chunks(_read_chunk, pages, initializer=_use, initargs=(lexicon, max_zipf))
    rows = [row for chunk_rows, _, _ in parts for row in chunk_rows]
    readability = [score for _, chunk_scores, _ in parts for score in chunk_scores]
    return PagePass(findings=pd.DataFrame(rows, columns=FINDING_COLUMNS), readability=readability,
                    counted=merge_counts([counted for _, _, counted in parts]))


def analyse_site_words(pages: list[AuditPage], language: str) -> None:
    """Work out every distinct word's lemma and forms on all cores, once, into this process's caches: workers
    forked later inherit them, instead of each analysing the same 45,000 words of a 10,000-page site again."""
    remember(map_chunks(_analyse_chunk, pages, initializer=_use_language, initargs=(language,)), language)


_language = ""


def _use_language(language: str) -> None:
    global _language
    _language = language


def _analyse_chunk(pages: Sequence[AuditPage]) -> list[WordAnalysis]:
    words: set[str] = set()
    for page in pages:
        for _, text in page.blocks:
            words.update(WORD_PART.findall(text.lower()))
    return analyse_words(sorted(words), _language)


_settings: tuple[Lexicon, float] | None = None  # set once per (worker) process by `_use`


def _use(lexicon: Lexicon, max_zipf: float) -> None:
    global _settings
    _settings = (lexicon, max_zipf)


def _read_chunk(pages: Sequence[AuditPage]) -> list[tuple[list[tuple], list[Readability], Counted]]:
    assert _settings is not None, "_use runs first"
    lexicon, max_zipf = _settings
    language = lexicon.language.code
    counter = PageCounter(lexicon, max_zipf)
    rows: list[tuple] = []
    scores: list[Readability] = []
    for page in pages:
        blocks = split_page(page, language)
        found = find_in_page(page, blocks, lexicon)
        rows += found
        scores.append(measure_sentences((s.text for _, kind, block in blocks if kind not in HEADINGS
                                         for s in block), language))
        spans = sorted((row[4], row[5]) for row in found)  # start, end: where the lexicon matched
        counter.count(page, ([start for start, _ in spans], [end for _, end in spans]), blocks)
    return [(rows, scores, counter.counted())]
