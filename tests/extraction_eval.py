"""Token precision and recall of the main-text extractor against the gold set in tests/gold/.

Each gold page is `tests/gold/<style>/<name>.html` with the main text a careful human would keep beside it in
`<name>.txt` (see tests/gold/README.md). Scores are bag-of-words overlaps of lower-cased word tokens: the tokens
two texts share are counted with their multiplicity (the sum over words of the smaller count), so
precision = shared / extracted tokens and recall = shared / gold tokens. A style's figures are micro-averaged:
token counts are summed over its pages before dividing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from helder.crawler.extract import extract

GOLD_DIR = Path(__file__).parent / "gold"
STYLES = ("voorbeeldstad", "drupal-like", "legacy-table")
_WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens: runs of Unicode word characters (letters, digits, underscore)."""
    return _WORD.findall(text.lower())


def _overlap(extracted: list[str], gold: list[str]) -> int:
    return sum((Counter(extracted) & Counter(gold)).values())


def precision_recall(extracted: str, gold: str) -> tuple[float, float]:
    """Bag-of-words precision and recall of `extracted` against `gold` (1.0 where a side has no tokens)."""
    got, want = tokens(extracted), tokens(gold)
    common = _overlap(got, want)
    precision = common / len(got) if got else (1.0 if not want else 0.0)
    recall = common / len(want) if want else 1.0
    return precision, recall


@dataclass(frozen=True)
class GoldPage:
    style: str
    name: str
    html_path: Path
    gold_text: str

    @property
    def url(self) -> str:
        return f"https://www.example.nl/{self.name}"

    def html(self) -> str:
        return self.html_path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class PageScore:
    style: str
    name: str
    extracted_tokens: int
    gold_tokens: int
    common_tokens: int
    extracted_text: str
    gold_text: str

    @property
    def precision(self) -> float:
        if self.extracted_tokens == 0:
            return 1.0 if self.gold_tokens == 0 else 0.0
        return self.common_tokens / self.extracted_tokens

    @property
    def recall(self) -> float:
        return self.common_tokens / self.gold_tokens if self.gold_tokens else 1.0


def gold_pages(style: str | None = None) -> list[GoldPage]:
    """The gold pages of one style (or of all styles), sorted by style and name."""
    styles = [style] if style is not None else sorted(p.name for p in GOLD_DIR.iterdir() if p.is_dir())
    pages = []
    for name in styles:
        folder = GOLD_DIR / name
        if not folder.is_dir():
            raise ValueError(f"no gold style {name!r} in {GOLD_DIR}")
        for html_path in sorted(folder.glob("*.html")):
            txt = html_path.with_suffix(".txt")
            pages.append(GoldPage(name, html_path.stem, html_path, txt.read_text(encoding="utf-8")))
    return pages


def score_page(page: GoldPage) -> PageScore:
    extracted = extract(page.html(), page.url).text
    got, want = tokens(extracted), tokens(page.gold_text)
    return PageScore(page.style, page.name, len(got), len(want), _overlap(got, want), extracted, page.gold_text)


def score_pages(style: str | None = None) -> list[PageScore]:
    return [score_page(page) for page in gold_pages(style)]


def _micro(scores: list[PageScore]) -> tuple[float, float]:
    extracted = sum(s.extracted_tokens for s in scores)
    gold = sum(s.gold_tokens for s in scores)
    common = sum(s.common_tokens for s in scores)
    precision = common / extracted if extracted else (1.0 if not gold else 0.0)
    recall = common / gold if gold else 1.0
    return precision, recall


def summarise(scores: list[PageScore]) -> dict[str, tuple[float, float, int]]:
    """{style: (precision, recall, number of pages)}, micro-averaged over each style's pages."""
    by_style: dict[str, list[PageScore]] = {}
    for score in scores:
        by_style.setdefault(score.style, []).append(score)
    return {style: (*_micro(group), len(group)) for style, group in by_style.items()}


def evaluate(style: str | None = None) -> dict[str, tuple[float, float, int]]:
    """Run extract() on every gold page (of one style, or all) and return {style: (precision, recall, n_pages)}."""
    return summarise(score_pages(style))


def leaked_and_missed(score: PageScore, limit: int = 15) -> tuple[list[str], list[str]]:
    """The most frequent surplus tokens (boilerplate that leaked in) and missing tokens (content dropped)."""
    got, want = Counter(tokens(score.extracted_text)), Counter(tokens(score.gold_text))
    leaked = [f"{word}×{n}" if n > 1 else word for word, n in (got - want).most_common(limit)]
    missed = [f"{word}×{n}" if n > 1 else word for word, n in (want - got).most_common(limit)]
    return leaked, missed


def page_report(scores: list[PageScore]) -> str:
    """One line per page: style, name, precision, recall, token counts."""
    lines = [f"{'style':<14} {'page':<34} {'precision':>9} {'recall':>7} {'extracted':>9} {'gold':>5}"]
    for s in scores:
        lines.append(f"{s.style:<14} {s.name:<34} {s.precision:>9.3f} {s.recall:>7.3f} "
                     f"{s.extracted_tokens:>9} {s.gold_tokens:>5}")
    return "\n".join(lines)
