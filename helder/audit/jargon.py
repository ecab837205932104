"""Jargon findings: every lexicon term on every page, with its sentence and character offsets."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd
from scipy import sparse

from helder.audit.pages import AuditPage
from helder.language import Language
from helder.language.lexicon import Entry, Lexicon
from helder.language.tokens import Span, sentences

FINDING_COLUMNS = ["url", "term", "matched", "sentence", "start", "end", "plain", "category", "block_kind"]


def find_jargon(pages: list[AuditPage], lexicon: Lexicon) -> pd.DataFrame:
    """Every match of the lexicon on every page, in page order. The audit gets these from its page pass
    (page_pass.py), which also spreads large sites over all cores."""
    code = lexicon.language.code
    rows = [row for page in pages for row in find_in_page(page, split_page(page, code), lexicon)]
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


SplitBlock = tuple[int, str, list[Span]]  # offset in the page's text, block kind, the block's sentences


def split_page(page: AuditPage, language: str) -> list[SplitBlock]:
    """The page's blocks with their sentences: split once, used by every step that reads sentences."""
    return [(offset, kind, sentences(text, language)) for offset, kind, text in page.blocks_with_offsets()]


def find_in_page(page: AuditPage, blocks: list[SplitBlock], lexicon: Lexicon) -> list[tuple]:
    """The finding rows (FINDING_COLUMNS) of one page."""
    rows = []
    for offset, kind, block_sentences in blocks:
        for sentence in block_sentences:
            for match in lexicon.find(sentence.text):
                start = offset + sentence.start + match.start
                rows.append((page.url, match.entry.term, match.surface, sentence.text, start,
                             start + len(match.surface), match.entry.best_plain, match.entry.category, kind))
    return rows


def summarise_terms(findings: pd.DataFrame, lexicon: Lexicon, page_queries: pd.DataFrame,
                    limit: int = 10) -> pd.DataFrame:
    """One row per term found: occurrences, pages, and the residents' queries that relate to it.

    Related queries are those that reach the term's pages: the ones sharing a word with the term or its plain
    words first, then by impressions × the term's occurrences on the page, summed over its pages — what residents
    call the thing the term names. Weights for all terms and queries at once are one sparse matrix product
    (terms × pages occurrences) · (pages × queries impressions); a loop per term and page took minutes on 10,000
    pages.
    """
    columns = ["term", "plain", "alternatives", "category", "explanation", "source", "occurrences", "pages",
               "urls", "queries", "query_impressions"]
    if findings.empty:
        return pd.DataFrame(columns=columns)
    entries = {e.term: e for e in lexicon.entries}
    per_page = findings.groupby(["term", "url"], sort=True).size()
    term_codes, terms = pd.factorize(per_page.index.get_level_values("term"))
    url_codes, urls = pd.factorize(per_page.index.get_level_values("url"))
    occurrences = sparse.csr_matrix((per_page.to_numpy(dtype=np.float64), (term_codes, url_codes)),
                                    shape=(len(terms), len(urls)))
    pq = page_queries[page_queries["url"].isin(urls)]
    pq = pq.groupby(["url", "query_norm"], as_index=False, sort=False)["impressions"].sum()
    query_codes, queries = pd.factorize(pq["query_norm"])
    impressions = sparse.csr_matrix((pq["impressions"].to_numpy(dtype=np.float64),
                                     (urls.get_indexer(pq["url"]), query_codes)), shape=(len(urls), len(queries)))
    weights = (occurrences @ impressions).tocsr()  # terms × queries
    reaching = (occurrences > 0).astype(np.float64) @ impressions  # terms × queries, occurrences counted once
    totals = np.asarray(reaching.sum(axis=1)).ravel()
    counts = np.asarray(occurrences.sum(axis=1)).ravel()
    shares = _sharing(terms, entries, queries, lexicon)
    query_names, url_names = np.asarray(queries, dtype=object), np.asarray(urls, dtype=object)

    rows = []
    for t, term in enumerate(terms):
        entry = entries[term]
        start, end = weights.indptr[t], weights.indptr[t + 1]
        found, weight = weights.indices[start:end], weights.data[start:end]
        shared = np.isin(found, shares[t]) if t in shares else np.zeros(len(found), dtype=bool)
        names = query_names[found]
        order = np.lexsort((names, -weight, ~shared))[:limit]
        term_urls = sorted(url_names[occurrences.indices[occurrences.indptr[t]:occurrences.indptr[t + 1]]])
        rows.append({
            "term": term, "plain": entry.best_plain, "alternatives": " | ".join(entry.plain),
            "category": entry.category, "explanation": entry.explanation, "source": entry.source,
            "occurrences": int(counts[t]), "pages": len(term_urls), "urls": term_urls,
            "queries": names[order].tolist(), "query_impressions": int(totals[t]),
        })
    return (pd.DataFrame(rows, columns=columns)
            .sort_values(["occurrences", "pages", "term"], ascending=[False, False, True], ignore_index=True))


def _sharing(terms: pd.Index, entries: dict[str, Entry], queries: pd.Index,
             lexicon: Lexicon) -> dict[int, np.ndarray]:
    """Term position → positions of the queries that share a content word with the term or its plain words."""
    language = lexicon.language
    stopwords = language.stopwords
    by_form: dict[str, list[int]] = defaultdict(list)
    for q, query in enumerate(queries):
        for form in _content_forms(query, language, stopwords):
            by_form[form].append(q)
    sharing: dict[int, np.ndarray] = {}
    for t, term in enumerate(terms):
        entry = entries[term]
        words = _content_forms(" ".join([entry.term, *entry.plain]), language, stopwords)
        found = {q for form in words for q in by_form.get(form, ())}
        if found:
            sharing[t] = np.fromiter(found, dtype=np.int64, count=len(found))
    return sharing


def _content_forms(text: str, language: Language, stopwords: frozenset[str]) -> set[str]:
    return {form for word in text.lower().split() if word not in stopwords for form in language.forms(word)}
