"""Findability: can residents find the page they wanted with their own words?

Every crawled page is indexed with BM25; every resident query from Search Console is asked of that index, and the
rank of the page Search Console tied the query to is recorded. A task whose page is not in the top 3 for its
residents' words is hard to find with the site's own search (and is a sign the page does not use those words).

Choice of implementation: the maintained `bm25s` package builds the index (pure numpy, sparse eager index: the
BM25 weight of every (term, page) pair is computed once at index time, so a query is a sum of posting lists and a
top-k selection). It is given our own pre-analysed tokens, so its English tokenizer and stemmer are not used.
Queries are scored from that index in batches (see `rank`), because bm25s's own `retrieve` is too slow here.
Scoring is the Lucene variant with k1=1.5 and b=0.75:

    score(q, d) = sum over terms t of q of  idf(t) * tf(t, d) / (tf(t, d) + k1 * (1 - b + b * len(d) / avglen))
    idf(t) = log(1 + (N - df(t) + 0.5) / (df(t) + 0.5))

`tests/test_findability.py` checks a score against this formula computed by hand.

Analysis (the same for pages and queries): words as `helder.language.tokens.words` finds them (its `WORD`
pattern); lower case; stop words removed; each word mapped to its lemma (so "vergunningen" meets "vergunning",
"opgehaald" meets "ophalen"); accents folded ("één" → "een"). A hyphenated compound ("Wmo-maatwerkvoorziening")
yields the whole compound and its parts, so the query "maatwerkvoorziening" finds it. Title and H1 count
`TITLE_WEIGHT` times (field boosting by repetition).
"""

from __future__ import annotations

import logging
import os
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import bm25s
import numpy as np
import pandas as pd

from helder.audit.pages import AuditPage
from helder.language import get_language
from helder.language.tokens import WORD

K1 = 1.5
B = 0.75
TITLE_WEIGHT = 3
TOP_K = 10
FOUND_WITHIN = 3
BATCH_CELLS = 1_000_000  # queries x pages scored at once (8 MB of float64 per worker)
MAX_WORKERS = 4

FINDABILITY_COLUMNS = ["query_norm", "url", "impressions", "rank", "top_url", "found_top3", "indexed"]
TASK_FINDABILITY_COLUMNS = ["task", "url", "queries", "impressions", "found_share", "worst_queries"]


def fold(text: str) -> str:
    """Remove accents: "één" → "een", "geïnteresseerd" → "geinteresseerd"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Analyzer:
    """Text → index terms for one language. Caches the analysis of every distinct surface word."""

    def __init__(self, language: str):
        self.language = get_language(language)
        stop = self.language.stopwords
        self._stopwords = frozenset(stop) | {fold(w) for w in stop}
        self._cache: dict[str, tuple[str, ...]] = {}

    def terms(self, text: str) -> list[str]:
        out: list[str] = []
        cache = self._cache
        # The pattern of `helder.language.tokens.words`, without building a Span per word (3x faster on 3M words).
        for word in WORD.findall(text):
            analysed = cache.get(word)
            if analysed is None:
                analysed = cache[word] = self._analyse(word)
            if analysed:
                out += analysed
        return out

    def _analyse(self, word: str) -> tuple[str, ...]:
        lower = word.lower()
        pieces = [lower]
        if "-" in lower:
            pieces += [p for p in lower.split("-") if p]
        terms = []
        for piece in pieces:
            if piece in self._stopwords or fold(piece) in self._stopwords:
                continue
            # simplemma writes separable verbs with an underscore ("ophalen" → "op_halen", but "opgehaald" →
            # "ophalen"): drop it so both meet.
            lemma = fold(self.language.lemma(piece).replace("_", ""))
            if lemma and lemma not in self._stopwords:
                terms.append(lemma)
        return tuple(terms)


@dataclass
class Index:
    retriever: bm25s.BM25 | None
    urls: list[str]
    analyzer: Analyzer
    url_set: frozenset[str] = field(default_factory=frozenset)


def page_terms(page: AuditPage, analyzer: Analyzer) -> list[str]:
    """Title and H1 `TITLE_WEIGHT` times (the H1 only when it differs from the title), then all blocks once."""
    heads = [page.title or ""]
    if page.h1 and page.h1.strip().lower() != (page.title or "").strip().lower():
        heads.append(page.h1)
    terms: list[str] = []
    for head in heads:
        terms += analyzer.terms(head) * TITLE_WEIGHT
    for _kind, text in page.blocks:
        terms += analyzer.terms(text)
    return terms


def build_index(pages: list[AuditPage], language: str) -> Index:
    analyzer = Analyzer(language)
    urls = [p.url for p in pages]
    corpus = [page_terms(p, analyzer) for p in pages]
    retriever = None
    if any(corpus):
        retriever = bm25s.BM25(k1=K1, b=B, method="lucene")
        _quiet_bm25s()
        retriever.index(corpus, show_progress=False)
    return Index(retriever=retriever, urls=urls, analyzer=analyzer, url_set=frozenset(urls))


def rank(index: Index, queries: list[str], top_k: int = TOP_K) -> list[list[tuple[str, float]]]:
    """For every query the best pages, best first, as (url, score); pages scoring 0 (no shared term) are left out.

    Each distinct query is scored once; equal scores are ordered by position in the page list. Scores come from
    the bm25s index (`retriever.scores`: per term, the pages containing it and their BM25 weight), summed for
    a batch of queries at once with one `np.bincount`, then the top k taken with `np.argpartition`. This is what
    `BM25.get_scores` computes, but bm25s's own `retrieve` loops over queries with `np.add.at` and a top-k that
    degenerates when most scores are 0: 41 s instead of a few seconds for 100,000 queries on 10,000 pages.
    """
    results: list[list[tuple[str, float]]] = [[] for _ in queries]
    if index.retriever is None or not queries:
        return results
    vocab = index.retriever.vocab_dict
    positions: dict[str, list[int]] = {}
    for i, query in enumerate(queries):
        positions.setdefault(query if isinstance(query, str) else "", []).append(i)
    distinct, token_ids = [], []
    for query in positions:
        ids = [vocab[t] for t in index.analyzer.terms(query) if t in vocab]
        if ids:
            distinct.append(query)
            token_ids.append(ids)
    n_docs = len(index.urls)
    k = min(top_k, n_docs)
    if not distinct or k <= 0:
        return results
    chunk = max(1, BATCH_CELLS // n_docs)
    batches = [(distinct[i:i + chunk], token_ids[i:i + chunk]) for i in range(0, len(distinct), chunk)]
    # numpy releases the GIL in bincount and argpartition, so threads use both cores.
    workers = min(MAX_WORKERS, os.cpu_count() or 1, len(batches))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        answered = pool.map(lambda batch: _top_k(index, batch[1], k), batches)
        for (batch_queries, _), ranked_batch in zip(batches, answered, strict=True):
            for query, ranked in zip(batch_queries, ranked_batch, strict=True):
                for i in positions[query]:
                    results[i] = ranked
    return results


def _top_k(index: Index, batch: list[list[int]], k: int) -> list[list[tuple[str, float]]]:
    """The k best pages for each query of a batch (lists of term ids)."""
    scores = index.retriever.scores
    data, indices, indptr = scores["data"], scores["indices"], scores["indptr"]
    n_docs = len(index.urls)
    terms = np.fromiter((t for ids in batch for t in ids), dtype=np.int64)
    rows = np.repeat(np.arange(len(batch)), [len(ids) for ids in batch])
    starts, lengths = indptr[terms].astype(np.int64), (indptr[terms + 1] - indptr[terms]).astype(np.int64)
    total = int(lengths.sum())
    # Positions of every posting of every query term: start of its term's run plus its offset within the run.
    run_offsets = np.cumsum(lengths) - lengths
    postings = np.repeat(starts - run_offsets, lengths) + np.arange(total)
    cells = np.repeat(rows, lengths) * n_docs + indices[postings]
    matrix = np.bincount(cells, weights=data[postings], minlength=len(batch) * n_docs).reshape(len(batch), n_docs)
    # Negated scores: partitioning for the k smallest keeps the many zeros beyond kth, which keeps it fast.
    np.negative(matrix, out=matrix)
    top = np.argpartition(matrix, k - 1, axis=1)[:, :k]
    negated = np.take_along_axis(matrix, top, axis=1)
    order = np.lexsort((top, negated), axis=1)
    top = np.take_along_axis(top, order, axis=1)
    negated = np.take_along_axis(negated, order, axis=1)
    urls = index.urls
    return [[(urls[d], -s) for d, s in zip(docs, row, strict=True) if s < 0]
            for docs, row in zip(top.tolist(), negated.tolist(), strict=True)]


def findability(pages: list[AuditPage], page_queries: pd.DataFrame, language: str,
                top_k: int = TOP_K, index: Index | None = None) -> pd.DataFrame:
    """One row per (query, wanted page) from Search Console, with the wanted page's BM25 rank.

    `rank` is 1-based among the top `top_k`, None when the page is not among them (or was not crawled:
    `indexed` is then False). `top_url` is the page BM25 ranks first for the query. Rows with the same query and
    page are summed; rows without a query or page are dropped. Pass `index` to reuse one built from `pages`.
    """
    if page_queries.empty:
        return pd.DataFrame(columns=FINDABILITY_COLUMNS)
    wanted = (page_queries.groupby(["query_norm", "url"], as_index=False)["impressions"].sum()
              .sort_values(["impressions", "query_norm"], ascending=[False, True], kind="stable"))
    index = index if index is not None else build_index(pages, language)
    queries = wanted["query_norm"].astype(str).unique().tolist()
    results = dict(zip(queries, rank(index, queries, top_k=top_k), strict=True))
    ranks, tops = [], []
    for query, url in zip(wanted["query_norm"].astype(str), wanted["url"], strict=True):
        ranked = results[query]
        position = next((i + 1 for i, (u, _) in enumerate(ranked) if u == url), None)
        ranks.append(position)
        tops.append(ranked[0][0] if ranked else None)
    frame = wanted.reset_index(drop=True)
    frame["rank"] = pd.array(ranks, dtype="Int64")
    frame["top_url"] = tops
    frame["found_top3"] = frame["rank"].fillna(FOUND_WITHIN + 1).astype(int) <= FOUND_WITHIN
    frame["indexed"] = frame["url"].isin(index.url_set)
    return frame[FINDABILITY_COLUMNS]


def tasks_not_found(findability_frame: pd.DataFrame, tasks: pd.DataFrame, min_share: float = 0.5,
                    worst: int = 3) -> pd.DataFrame:
    """Tasks whose page residents' words do not find: impression-weighted share of the task's queries that rank
    the task's page in the top 3, below `min_share`.

    A task's queries are its `queries` list matched against the findability rows for the task's url (all rows for
    the url when the list is empty). `worst_queries` lists up to `worst` missed queries, most impressions first, as
    readable text: "query (rank N or not in the top 10; first: url)", so the table stores as Parquet. Tasks with no
    matching rows are left out (nothing to judge). Sorted by the impressions that miss their page, most first.
    All tasks are joined to their rows at once (a filter per task took half a minute for 10,000 tasks).
    """
    if tasks.empty or findability_frame.empty:
        return pd.DataFrame(columns=TASK_FINDABILITY_COLUMNS)
    listed = pd.DataFrame({"_task": np.arange(len(tasks)), "url": tasks["url"].to_numpy(),
                           "query_norm": [_as_list(q) for q in tasks["queries"]] if "queries" in tasks
                           else [[] for _ in range(len(tasks))]})
    has_list = listed["query_norm"].map(len) > 0
    by_query = (listed[has_list].explode("query_norm").drop_duplicates(["_task", "query_norm"])
                .merge(findability_frame, on=["url", "query_norm"]))
    by_url = listed[~has_list].drop(columns="query_norm").merge(findability_frame, on="url")
    rows = pd.concat([by_query, by_url], ignore_index=True)
    if rows.empty:
        return pd.DataFrame(columns=TASK_FINDABILITY_COLUMNS)
    rows["weight"] = rows["impressions"].astype(float)
    rows["found_weight"] = rows["weight"].where(rows["found_top3"], 0.0)
    per_task = rows.groupby("_task").agg(queries=("query_norm", "size"), total=("weight", "sum"),
                                         found=("found_weight", "sum"), found_mean=("found_top3", "mean"))
    per_task["found_share"] = np.where(per_task["total"] > 0, per_task["found"] / per_task["total"].where(
        per_task["total"] > 0, 1.0), per_task["found_mean"])
    failing = per_task[per_task["found_share"] < min_share]
    if failing.empty:
        return pd.DataFrame(columns=TASK_FINDABILITY_COLUMNS)
    missed = (rows[rows["_task"].isin(failing.index) & ~rows["found_top3"]]
              .sort_values(["_task", "impressions"], ascending=[True, False], kind="stable")
              .groupby("_task").head(worst))
    worst_queries: dict[int, list[str]] = defaultdict(list)
    for task, q, r, t in zip(missed["_task"], missed["query_norm"], missed["rank"], missed["top_url"], strict=True):
        worst_queries[task].append(f"{q} ({'not in the top 10' if pd.isna(r) else f'rank {int(r)}'}; "
                                   f"first: {t or '–'})")
    frame = pd.DataFrame({
        "task": tasks["task"].to_numpy()[failing.index], "url": tasks["url"].to_numpy()[failing.index],
        "queries": failing["queries"].to_numpy(), "impressions": failing["total"].astype(int).to_numpy(),
        "found_share": failing["found_share"].round(3).to_numpy(),
        "worst_queries": [worst_queries[i] for i in failing.index],
        "_missed": (failing["total"] - failing["found"]).to_numpy(),
    })
    frame = frame.sort_values(["_missed", "task"], ascending=[False, True], kind="stable")
    return frame[TASK_FINDABILITY_COLUMNS].reset_index(drop=True)


def _as_list(value: object) -> list[str]:
    if value is None or isinstance(value, float):
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    return []


def _quiet_bm25s() -> None:
    """bm25s logs at INFO for empty queries and such; the audit has its own reporting."""
    logging.getLogger("bm25s").setLevel(logging.WARNING)
