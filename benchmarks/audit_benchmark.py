"""Audit speed: 10,000 pages and 100,000 distinct residents' queries, each audit step timed, peak memory printed.

The pages are the demo municipality's real page texts, repeated under new URLs with words changed so no two are
identical (see `make_pages`); the queries are made from the demo export's query words, each tied to a page (a
quarter to the home page, which leaves them for clustering by their words). Target (issue 5): the whole audit in
under 60 s with peak memory under 4 GB on a 2-core machine.

    .venv/bin/python benchmarks/audit_benchmark.py [--pages 10000] [--queries 100000]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from pathlib import Path

import pandas as pd

from helder.audit.candidates import discover_candidates
from helder.audit.findability import findability, tasks_not_found
from helder.audit.gaps import vocabulary_gaps
from helder.audit.jargon import summarise_terms
from helder.audit.outliers import outliers
from helder.audit.page_pass import read_pages
from helder.audit.pages import AuditPage
from helder.audit.residents import page_queries, tasks
from helder.audit.run import page_scores, page_words
from helder.demo import SEARCH_CONSOLE_EXPORT
from helder.demo.server import DemoSite
from helder.language import get_language
from helder.language.lexicon import load_lexicon
from helder.language.tokens import WORD
from helder.terms.normalise import normalise_query
from helder.terms.store import COLUMNS
from helder.terms.variants import unify_spelling

SITE = "https://www.benchstad.nl"


def demo_blocks() -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(theme, title, blocks) of every demo page, extracted as the crawler would."""
    from helder.crawler.extract import extract

    site = DemoSite()
    result = []
    for page in site.pages.values():
        extracted = extract(site.render(page).decode("utf-8"), "https://www.voorbeeldstad.nl" + page.path)
        result.append((page.theme or "algemeen", page.title, [(b.kind, b.text) for b in extracted.blocks]))
    return [r for r in result if r[2]]


def make_pages(count: int, rng: random.Random) -> list[AuditPage]:
    """Pages shaped like the demo's, each text varied: one word in five swapped for a word of the demo corpus
    (drawn by its corpus frequency), so no two sentences repeat and per-sentence caches cannot flatter a step,
    and one in twenty for a less common Dutch word (wordfreq ranks 5,000–50,000), so the site's vocabulary grows
    with its size as a real site's does (about 45,000 distinct words at 10,000 pages) and per-word work is
    measured too."""
    import wordfreq

    sources = demo_blocks()
    corpus = [w for _, _, blocks in sources for _, text in blocks for w in text.split()]
    rarer = wordfreq.top_n_list("nl", 50_000)[5_000:]
    pages = []
    for i in range(count):
        theme, title, blocks = sources[i % len(sources)]
        varied = [(kind, _vary(text, corpus, rarer, rng) if kind not in ("h1", "h2", "h3") else text)
                  for kind, text in blocks]
        pages.append(AuditPage(url=f"{SITE}/{theme}/{i}", title=f"{title} {i}", h1=f"{title} {i}", section=theme,
                               crawled_at="2026-11-23T10:00:00+00:00", blocks=varied))
    return pages


def _vary(text: str, corpus: list[str], rarer: list[str], rng: random.Random) -> str:
    def swap(word: str) -> str:
        draw = rng.random()
        return rng.choice(rarer) if draw < 0.05 else rng.choice(corpus) if draw < 0.25 else word

    return " ".join(swap(word) for word in text.split())


def make_terms(pages: list[AuditPage], count: int, rng: random.Random) -> pd.DataFrame:
    words = sorted({w for q in pd.read_csv(SEARCH_CONSOLE_EXPORT / "Queries.csv")["Populairste zoekopdrachten"]
                    for w in str(q).split()})
    queries: set[str] = set()
    while len(queries) < count:
        queries.add(" ".join(rng.sample(words, rng.randint(1, 4))))
    rows = []
    for query in queries:
        impressions = int(rng.paretovariate(1.2) * 10)
        clicks = rng.randint(0, max(0, impressions // 5))
        rows.append({"query": query, "query_norm": normalise_query(query, ("benchstad",)),
                     # a quarter lands on the home page: no task page, so clustering must place them by words
                     "page": rng.choice(pages).url if rng.random() < 0.75 else f"{SITE}/",
                     "clicks": clicks, "impressions": impressions,
                     "ctr": clicks / impressions if impressions else 0.0, "position": rng.uniform(1, 30),
                     "searches": pd.NA, "no_result": False, "dimensions": "query+page",
                     "source": "search-console", "file": "bench", "period_start": "2026-08-01",
                     "period_end": "2026-10-31", "imported_at": "2026-11-23T10:00:00+00:00"})
    return pd.DataFrame(rows).reindex(columns=COLUMNS)


def _cpu_seconds() -> float:
    """CPU time of this process and its finished worker processes."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=100_000)
    args = parser.parse_args()
    rng = random.Random(1)
    pages = make_pages(args.pages, rng)
    terms = make_terms(pages, args.queries, rng)
    language = get_language("nl")
    lexicon = load_lexicon(language)
    timings: dict[str, float] = {}

    cpu: dict[str, float] = {}

    def step(name: str, work):
        started, started_cpu = time.perf_counter(), _cpu_seconds()
        result = work()
        timings[name] = time.perf_counter() - started
        cpu[name] = _cpu_seconds() - started_cpu
        print(f"{name:<22} {timings[name]:7.1f} s   (CPU {cpu[name]:6.1f} s)", flush=True)
        return result

    terms = step("spelling variants", lambda: unify_spelling(terms, page_words(pages), language, ("benchstad",)))
    read = step("page pass", lambda: read_pages(pages, lexicon))  # jargon, readability, candidate counts
    findings = read.findings
    pq = step("queries on pages", lambda: page_queries(terms, pages))
    scores = step("page scores", lambda: page_scores(pages, findings, pq, "nl", read.readability))
    step("term summary", lambda: summarise_terms(findings, lexicon, pq))
    task_table = step("tasks", lambda: tasks(pq, pages, terms, "nl", ("benchstad",)))
    step("vocabulary gaps", lambda: vocabulary_gaps(task_table, pages, findings, language, ("benchstad",)))
    step("outliers", lambda: outliers(scores, pq, task_table))
    step("candidates", lambda: discover_candidates(pages, lexicon, terms["query_norm"].unique(), "nl",
                                                   counted=read.counted))
    found = step("findability", lambda: findability(pages, pq, "nl"))
    step("tasks not found", lambda: tasks_not_found(found, task_table[task_table["url"] != ""]))
    total = sum(timings.values())
    print(f"{'CPU, all processes':<22} {sum(cpu.values()):7.1f} s   (wall time above this on a busy machine: "
          f"other work took the cores)")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'total':<22} {total:7.1f} s   (target < 60 s: {'met' if total < 60 else 'NOT met'})")
    print(f"peak memory {peak_mb:,.0f} MB   (target < 4,096 MB: {'met' if peak_mb < 4096 else 'NOT met'})")
    distinct = len({w.lower() for page in pages for _, text in page.blocks for w in WORD.findall(text)})
    print(f"{len(pages):,} pages ({distinct:,} distinct words), {terms['query_norm'].nunique():,} distinct queries, "
          f"{len(findings):,} findings")
    out = Path(tempfile.gettempdir()) / "helder-audit-benchmark.json"
    out.write_text(json.dumps({"timings": timings, "cpu": cpu, "total": total, "peak_mb": peak_mb}, indent=2))


if __name__ == "__main__":
    main()
