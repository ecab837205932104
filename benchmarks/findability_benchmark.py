"""Findability benchmark: BM25 over 10,000 synthetic pages, 100,000 synthetic resident queries.

Pages have ~300 words drawn (Zipf-like) from the 20,000 most frequent Dutch words (wordfreq), so the lemmatiser
and stop-word list see real Dutch; queries are 1-4 words, mostly taken from one page, some from the whole vocabulary.

    python benchmarks/findability_benchmark.py [--pages 10000] [--queries 100000]

Prints build and rank seconds and peak resident memory (ru_maxrss).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wordfreq import top_n_list

from helder.audit.findability import build_index, rank
from helder.audit.pages import AuditPage


def synthetic_pages(n: int, rng: random.Random, vocabulary: list[str]) -> list[AuditPage]:
    weights = [1 / (i + 10) for i in range(len(vocabulary))]
    pages = []
    for i in range(n):
        body = rng.choices(vocabulary, weights=weights, k=300)
        topic = rng.sample(vocabulary[500:], 3)
        blocks = [("p", " ".join(body[j:j + 30]).capitalize() + ".") for j in range(0, 300, 30)]
        pages.append(AuditPage(url=f"https://www.gemeente.nl/pagina-{i}", title=" ".join(topic).capitalize(),
                               h1=" ".join(topic), section="", crawled_at="2026-01-01",
                               blocks=[("h1", " ".join(topic)), *blocks]))
    return pages


def synthetic_queries(n: int, rng: random.Random, pages: list[AuditPage], vocabulary: list[str]) -> list[str]:
    queries: set[str] = set()
    while len(queries) < n:
        page = rng.choice(pages)
        pool = (page.title + " " + page.blocks[1][1]).lower().rstrip(".").split()
        k = rng.randint(1, 4)
        words = rng.sample(pool, min(k, len(pool))) if rng.random() < 0.8 else rng.sample(vocabulary, k)
        queries.add(" ".join(words))
    return list(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    vocabulary = [w for w in top_n_list("nl", 20_000) if w.isalpha()]
    started = time.perf_counter()
    pages = synthetic_pages(args.pages, rng, vocabulary)
    queries = synthetic_queries(args.queries, rng, pages, vocabulary)
    generated = time.perf_counter() - started
    before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux

    started = time.perf_counter()
    index = build_index(pages, "nl")
    built = time.perf_counter() - started

    started = time.perf_counter()
    results = rank(index, queries, top_k=10)
    ranked = time.perf_counter() - started

    assert len(results) == len(queries)
    answered = sum(1 for r in results if r)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    print(f"pages {len(pages):,}  queries {len(queries):,}  (generated in {generated:.1f} s)")
    print(f"build index  {built:6.2f} s  ({len(index.retriever.vocab_dict):,} terms)")
    print(f"rank queries {ranked:6.2f} s  ({answered:,} with at least one result)")
    print(f"peak memory  {peak_mb:6.0f} MB  ({before_mb:.0f} MB with the synthetic data, before indexing)")


if __name__ == "__main__":
    main()
