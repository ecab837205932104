"""Main-content extraction measured against the gold set (tests/gold/): token precision and recall ≥ 0.95 per style.

The gold texts are what a careful human keeps of each page (see tests/gold/README.md); the scores are bag-of-words
overlaps micro-averaged over a style's pages (tests/extraction_eval.py). `python benchmarks/extraction_quality.py
--verbose` prints the same figures as a table.
"""

from __future__ import annotations

from collections import Counter

import lxml.html
import pytest

from tests.extraction_eval import (
    STYLES,
    gold_pages,
    leaked_and_missed,
    page_report,
    precision_recall,
    score_pages,
    summarise,
    tokens,
)

TARGET = 0.95


def test_precision_recall_by_hand() -> None:
    # extracted: the×2 cat sat on mat menu = 7 tokens; gold: the cat sat on a mat = 6 tokens
    # shared: the (min(2, 1) = 1) + cat + sat + on + mat = 5  →  precision 5/7, recall 5/6
    precision, recall = precision_recall("The cat sat on the mat. Menu!", "the cat sat on a mat")
    assert precision == pytest.approx(5 / 7)
    assert recall == pytest.approx(5 / 6)
    # multiplicity counts: "de" twice in the extract but once in the gold is one surplus token
    assert precision_recall("de de kat", "de kat") == pytest.approx((2 / 3, 1.0))
    assert precision_recall("", "") == (1.0, 1.0)
    assert precision_recall("iets", "") == (0.0, 1.0)
    assert tokens("Eén wasmachine, € 450,-") == ["eén", "wasmachine", "450"]


def test_precision_recall_empty_extract_scores_zero() -> None:
    assert precision_recall("", "iets") == (0.0, 0.0)


@pytest.mark.parametrize("style", STYLES)
def test_gold_set_is_complete(style: str) -> None:
    pages = gold_pages(style)
    assert len(pages) >= 6
    for page in pages:
        assert page.gold_text.strip(), page.name


@pytest.mark.parametrize("style", STYLES)
def test_gold_text_occurs_on_its_page(style: str) -> None:
    """Every gold token is in the page's visible text: the gold is a selection of the page, not a paraphrase."""
    for page in gold_pages(style):
        root = lxml.html.document_fromstring(page.html())
        for element in root.xpath("//script | //style | //head"):
            element.drop_tree()
        missing = Counter(tokens(page.gold_text)) - Counter(tokens(" ".join(root.itertext())))
        assert not missing, f"{style}/{page.name}: gold tokens not on the page: {dict(missing)}"


@pytest.mark.parametrize("style", STYLES)
def test_extraction_matches_gold(style: str) -> None:
    scores = score_pages(style)
    precision, recall, pages = summarise(scores)[style]
    details = [page_report(scores)]
    for score in scores:
        if score.precision < TARGET or score.recall < TARGET:
            leaked, missed = leaked_and_missed(score, limit=10)
            details.append(f"  {score.name}: leaked {leaked}; missed {missed}")
    message = (f"{style}: precision {precision:.3f}, recall {recall:.3f} over {pages} pages "
               f"(target ≥ {TARGET})\n" + "\n".join(details))
    assert precision >= TARGET and recall >= TARGET, message
