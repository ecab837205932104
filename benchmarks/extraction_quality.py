"""Main-text extraction quality on the gold set: token precision and recall per CMS style.

    .venv/bin/python benchmarks/extraction_quality.py            # one line per style
    .venv/bin/python benchmarks/extraction_quality.py --verbose  # and per page, with leaked and missed words

The gold pages and the main text a human keeps of each are in tests/gold/ (see its README.md); the measure is in
tests/extraction_eval.py. Exit status 1 when a style is below the target (0.95 for both figures).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.extraction_eval import leaked_and_missed, score_pages, summarise

TARGET = 0.95


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--style", help="only this style (a folder under tests/gold/)")
    parser.add_argument("--verbose", "-v", action="store_true", help="per-page figures and the words that differ")
    args = parser.parse_args(argv)

    scores = score_pages(args.style)
    summary = summarise(scores)
    print(f"{'style':<16} {'pages':>5} {'precision':>9} {'recall':>7}")
    for style, (precision, recall, pages) in sorted(summary.items()):
        flag = "" if precision >= TARGET and recall >= TARGET else "  < target"
        print(f"{style:<16} {pages:>5} {precision:>9.3f} {recall:>7.3f}{flag}")

    if args.verbose:
        print()
        print(f"{'style':<16} {'page':<32} {'precision':>9} {'recall':>7} {'extracted':>9} {'gold':>5}")
        for s in scores:
            print(f"{s.style:<16} {s.name:<32} {s.precision:>9.3f} {s.recall:>7.3f} "
                  f"{s.extracted_tokens:>9} {s.gold_tokens:>5}")
        below = [s for s in scores if s.precision < TARGET or s.recall < TARGET]
        for s in below:
            leaked, missed = leaked_and_missed(s)
            print(f"\n{s.style}/{s.name}")
            if leaked:
                print(f"  leaked (extracted, not in gold): {' '.join(leaked)}")
            if missed:
                print(f"  missed (in gold, not extracted): {' '.join(missed)}")

    return 0 if all(p >= TARGET and r >= TARGET for p, r, _ in summary.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
