"""Jargon findings: every lexicon term on every page, with its sentence and character offsets."""

from __future__ import annotations

import pandas as pd

from helder.audit.pages import AuditPage
from helder.language.lexicon import Lexicon
from helder.language.tokens import sentences

FINDING_COLUMNS = ["url", "term", "matched", "sentence", "start", "end", "plain", "category", "block_kind"]


def find_jargon(pages: list[AuditPage], lexicon: Lexicon) -> pd.DataFrame:
    rows = []
    for page in pages:
        for offset, kind, text in page.blocks_with_offsets():
            for sentence in sentences(text, lexicon.language.code):
                for match in lexicon.find(sentence.text):
                    start = offset + sentence.start + match.start
                    rows.append((page.url, match.entry.term, match.surface, sentence.text, start,
                                 start + len(match.surface), match.entry.best_plain, match.entry.category, kind))
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def summarise_terms(findings: pd.DataFrame, lexicon: Lexicon, page_queries: pd.DataFrame) -> pd.DataFrame:
    """One row per term found: occurrences, pages, and the residents' queries that reach those pages."""
    columns = ["term", "plain", "alternatives", "category", "explanation", "source", "occurrences", "pages",
               "urls", "queries", "query_impressions"]
    if findings.empty:
        return pd.DataFrame(columns=columns)
    entries = {e.term: e for e in lexicon.entries}
    per_url_queries = (page_queries.sort_values("impressions", ascending=False)
                       .groupby("url")[["query_norm", "impressions"]])
    query_lists = {url: list(zip(g["query_norm"], g["impressions"], strict=True)) for url, g in per_url_queries}
    rows = []
    for term, group in findings.groupby("term", sort=False):
        entry = entries[term]
        urls = sorted(group["url"].unique())
        impressions: dict[str, int] = {}
        for url in urls:
            for query, count in query_lists.get(url, []):
                impressions[query] = impressions.get(query, 0) + int(count)
        top = sorted(impressions.items(), key=lambda kv: -kv[1])[:10]
        rows.append({
            "term": term, "plain": entry.best_plain, "alternatives": " | ".join(entry.plain),
            "category": entry.category, "explanation": entry.explanation, "source": entry.source,
            "occurrences": len(group), "pages": len(urls), "urls": urls,
            "queries": [q for q, _ in top], "query_impressions": sum(impressions.values()),
        })
    return (pd.DataFrame(rows, columns=columns)
            .sort_values(["occurrences", "pages", "term"], ascending=[False, False, True], ignore_index=True))
