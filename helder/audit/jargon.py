"""Jargon findings: every lexicon term on every page, with its sentence and character offsets."""

from __future__ import annotations

import pandas as pd

from helder.audit.pages import AuditPage
from helder.language.lexicon import Entry, Lexicon
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
    """One row per term found: occurrences, pages, and the residents' queries that relate to it."""
    columns = ["term", "plain", "alternatives", "category", "explanation", "source", "occurrences", "pages",
               "urls", "queries", "query_impressions"]
    if findings.empty:
        return pd.DataFrame(columns=columns)
    entries = {e.term: e for e in lexicon.entries}
    by_url = {url: list(zip(g["query_norm"], g["impressions"], strict=True))
              for url, g in page_queries.groupby("url")}
    query_forms = {q: _content_forms(q, lexicon) for q in page_queries["query_norm"].unique()}
    rows = []
    for term, group in findings.groupby("term", sort=False):
        entry = entries[term]
        per_page = group.groupby("url").size()
        urls = sorted(per_page.index)
        rows.append({
            "term": term, "plain": entry.best_plain, "alternatives": " | ".join(entry.plain),
            "category": entry.category, "explanation": entry.explanation, "source": entry.source,
            "occurrences": len(group), "pages": len(urls), "urls": urls,
            **related_queries(entry, per_page, by_url, query_forms, lexicon),
        })
    return (pd.DataFrame(rows, columns=columns)
            .sort_values(["occurrences", "pages", "term"], ascending=[False, False, True], ignore_index=True))


def related_queries(entry: Entry, occurrences_per_page: pd.Series, by_url: dict[str, list[tuple[str, int]]],
                    query_forms: dict[str, set[str]], lexicon: Lexicon, limit: int = 10) -> dict[str, object]:
    """Queries that reach the term's pages, those sharing a word with the term or its plain words first, then
    those of the pages where the term is most frequent: what residents call the thing the term names."""
    words = _content_forms(" ".join([entry.term, *entry.plain]), lexicon)
    scored: dict[str, tuple[int, float]] = {}
    total = 0
    for url, count in occurrences_per_page.items():
        for query, impressions in by_url.get(url, []):
            total += int(impressions)
            shares = bool(query_forms[query] & words)
            weight = impressions * count
            best = scored.get(query, (0, 0.0))
            scored[query] = (max(best[0], int(shares)), best[1] + weight)
    ranked = sorted(scored, key=lambda q: (-scored[q][0], -scored[q][1], q))
    return {"queries": ranked[:limit], "query_impressions": total}


def _content_forms(text: str, lexicon: Lexicon) -> set[str]:
    language = lexicon.language
    return {form for word in text.lower().split() if word not in language.stopwords
            for form in language.forms(word)}
