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

import pandas as pd
from rapidfuzz import fuzz, process

from helder.audit.pages import AuditPage
from helder.audit.residents import unique_slug
from helder.language import Language

TASK_COLUMNS = ["task", "slug", "url", "section", "official_title", "queries", "query_impressions", "impressions",
                "clicks"]
JOIN_SCORE = 80  # token-sort ratio for a query to join a task


@dataclass
class _Task:
    url: str = ""
    queries: dict[str, tuple[int, int]] = field(default_factory=dict)  # query_norm → (impressions, clicks)

    @property
    def impressions(self) -> int:
        return sum(i for i, _ in self.queries.values())


def cluster_tasks(query_totals: pd.DataFrame, landing: dict[str, str], pages: list[AuditPage],
                  language: Language) -> pd.DataFrame:
    """`query_totals`: one row per query_norm with impressions and clicks; `landing`: query_norm → the task page
    Search Console sent it to (only product pages)."""
    by_url = {p.url: p for p in pages}
    tasks: dict[str, _Task] = {}
    loose: list[tuple[str, int, int]] = []
    for row in query_totals.sort_values("impressions", ascending=False).itertuples():
        url = landing.get(row.query_norm)
        if url:
            tasks.setdefault(url, _Task(url=url)).queries[row.query_norm] = (int(row.impressions), int(row.clicks))
        else:
            loose.append((row.query_norm, int(row.impressions), int(row.clicks)))

    index: dict[str, set[str]] = defaultdict(set)  # content lemma → task keys

    @cache
    def content(query: str) -> frozenset[str]:
        return frozenset(language.lemma(w) for w in query.split() if w not in language.stopwords and len(w) > 2)

    for key, task in tasks.items():
        for query in task.queries:
            for lemma in content(query):
                index[lemma].add(key)
    for query, impressions, clicks in loose:
        lemmas = content(query)
        choices = {other: key for lemma in lemmas for key in index.get(lemma, ()) for other in tasks[key].queries}
        refined = [(len(content(other)), tasks[key].impressions, other) for other, key in choices.items()
                   if content(other) and content(other) <= lemmas]
        if refined:  # the most specific phrasing it refines, of the most searched task
            best = choices[max(refined)[2]]
        else:
            found = process.extractOne(query, list(choices), scorer=fuzz.token_sort_ratio, score_cutoff=JOIN_SCORE)
            best = choices[found[0]] if found else None
        if best is None:  # a task of its own: the site may have no page for it
            best = f"query:{query}"
            tasks[best] = _Task()
        tasks[best].queries[query] = (impressions, clicks)
        for lemma in lemmas:
            index[lemma].add(best)

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
