"""Residents' tasks: the queries clustered into the things residents come to get done.

Evidence, strongest first:
1. Search Console ties a query to the page Google sent residents to: queries whose main landing page is the same
   product page are one task.
2. Other queries (landing on the home page or a theme index, or on no page at all) join the task whose queries
   they resemble: candidates are blocked by shared content lemmas (an inverted index). A query joins a task one
   of whose phrasings it refines (it holds all that phrasing's content lemmas: "hulp in huis aanvragen" refines
   "hulp in huis"), else the task with the closest phrasing by rapidfuzz's token-sort ratio above a cutoff
   (spelling variants: "paspoort aanvrage") — never all pairs, which does not scale.
3. What is left forms tasks of its own, by the same similarity; these are things residents look for that the
   site has no page for.

A task is named by its most-searched phrasing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations

import pandas as pd
from rapidfuzz import fuzz, process

from helder.audit.pages import AuditPage
from helder.audit.residents import unique_slug
from helder.language import Language

TASK_COLUMNS = ["task", "slug", "url", "section", "official_title", "queries", "query_impressions", "impressions",
                "clicks"]
JOIN_SCORE = 80  # token-sort ratio for a query to join a task
MAX_BLOCK = 500  # phrasings per lemma compared with rapidfuzz (see `_Phrasings.blocked`)
MAX_REFINED_LEMMAS = 6  # longer queries look for refinements of at most this many of their lemmas


@dataclass
class _Task:
    url: str = ""
    queries: dict[str, tuple[int, int]] = field(default_factory=dict)  # query_norm → (impressions, clicks)
    impressions: int = 0

    def add(self, query: str, impressions: int, clicks: int) -> None:
        self.queries[query] = (impressions, clicks)
        self.impressions += impressions


class _Phrasings:
    """The queries of the tasks so far, findable by their content lemmas: as a whole set (for refinements) and
    one lemma at a time (to block candidates for fuzzy matching)."""

    def __init__(self) -> None:
        self.by_content: dict[frozenset[str], list[str]] = defaultdict(list)
        self.by_lemma: dict[str, list[str]] = defaultdict(list)
        self.task_of: dict[str, str] = {}

    def add(self, query: str, lemmas: frozenset[str], task: str) -> None:
        self.task_of[query] = task
        if lemmas:
            self.by_content[lemmas].append(query)
        for lemma in lemmas:
            self.by_lemma[lemma].append(query)

    def refined(self, lemmas: frozenset[str], tasks: dict[str, _Task]) -> str | None:
        """The task of the most specific phrasing whose lemmas the query holds all of, the most searched first.
        Queries are short, so trying every subset of the query's lemmas is cheap; a scan of all phrasings is not."""
        best: tuple[int, int, str] | None = None
        ordered = sorted(lemmas)
        for size in range(min(len(ordered), MAX_REFINED_LEMMAS), 0, -1):
            for subset in combinations(ordered, size):
                for phrasing in self.by_content.get(frozenset(subset), ()):
                    candidate = (size, tasks[self.task_of[phrasing]].impressions, phrasing)
                    if best is None or candidate > best:
                        best = candidate
            if best is not None:
                return self.task_of[best[2]]
        return None

    def blocked(self, lemmas: frozenset[str]) -> list[str]:
        """Phrasings sharing a lemma with the query, at most `MAX_BLOCK` per lemma: a lemma in thousands of
        queries ("aanvragen") says little, and its first (most searched) phrasings are the likely matches."""
        found: dict[str, None] = {}
        for lemma in sorted(lemmas, key=lambda lemma: (len(self.by_lemma.get(lemma, ())), lemma)):
            found.update(dict.fromkeys(self.by_lemma.get(lemma, ())[:MAX_BLOCK]))
        return list(found)


def cluster_tasks(query_totals: pd.DataFrame, landing: dict[str, str], pages: list[AuditPage],
                  language: Language) -> pd.DataFrame:
    """`query_totals`: one row per query_norm with impressions and clicks; `landing`: query_norm → the task page
    Search Console sent it to (only product pages)."""
    by_url = {p.url: p for p in pages}
    tasks: dict[str, _Task] = {}
    loose: list[tuple[str, int, int]] = []
    ordered = query_totals.sort_values(["impressions", "query_norm"], ascending=[False, True], kind="stable")
    for query, impressions, clicks in zip(ordered["query_norm"], ordered["impressions"], ordered["clicks"],
                                          strict=True):
        url = landing.get(query)
        if url:
            tasks.setdefault(url, _Task(url=url)).add(query, int(impressions), int(clicks))
        else:
            loose.append((query, int(impressions), int(clicks)))

    stopwords = language.stopwords

    @cache
    def content(query: str) -> frozenset[str]:
        return frozenset(language.lemma(w) for w in query.split() if w not in stopwords and len(w) > 2)

    phrasings = _Phrasings()
    for key, task in tasks.items():
        for query in task.queries:
            phrasings.add(query, content(query), key)
    for query, impressions, clicks in loose:
        lemmas = content(query)
        best = phrasings.refined(lemmas, tasks)
        if best is None:
            found = process.extractOne(query, phrasings.blocked(lemmas), scorer=fuzz.token_sort_ratio,
                                       score_cutoff=JOIN_SCORE)
            best = phrasings.task_of[found[0]] if found else None
        if best is None:  # a task of its own: the site may have no page for it
            best = f"query:{query}"
            tasks[best] = _Task()
        tasks[best].add(query, impressions, clicks)
        phrasings.add(query, lemmas, best)

    rows, slugs = [], set()
    for task in tasks.values():
        ranked = sorted(task.queries.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))
        name = ranked[0][0]
        page = by_url.get(task.url)
        rows.append({
            "task": name, "slug": unique_slug(name, slugs), "url": task.url,
            "section": page.section if page else "", "official_title": (page.h1 or page.title) if page else "",
            "queries": [q for q, _ in ranked], "query_impressions": [i for _, (i, _) in ranked],
            "impressions": task.impressions, "clicks": sum(c for _, c in task.queries.values()),
        })
    if not rows:
        return pd.DataFrame(columns=TASK_COLUMNS)
    return pd.DataFrame(rows, columns=TASK_COLUMNS).sort_values(["impressions", "task"], ascending=[False, True],
                                                                ignore_index=True)
