"""The report's content, built from the audit tables: plain dicts and lists the templates only have to show.

Nothing here makes markup: crawled text stays text, and the templates escape it. Highlights are returned as
pieces (text, marked) so the template escapes each piece before wrapping the marked ones in <mark>.
Per-item lists are capped (examples per term, long sentences and queries per page, rows per table) so that a
10,000-page site still gives pages a browser opens quickly; each cap says how many more there are.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import pandas as pd

from helder.audit.history import task_found_shares
from helder.audit.pages import AuditPage
from helder.language.readability import LONG_SENTENCE
from helder.language.tokens import is_number, sentences, words
from helder.report.generated import GeneratedPage
from helder.review.decisions import current

EXAMPLES_PER_TERM = 10
PAGES_PER_TERM = 5
CONTEXT_CHARS = 160  # characters of a sentence kept before and after its marked term
LONG_SENTENCES_PER_PAGE = 3
QUERIES_PER_ROW = 5
ROW_LIMIT = 1000  # rows per table in the HTML; the workbook and CSV files have them all
TOP_ITEMS = 10
STATUS_BY_DECISION = {"akkoord": "accepted", "afgewezen": "rejected", "aangepast": "edited"}
UNDECIDED = {"status": "new", "plain": "", "reviewer": "", "decided_at": ""}


@dataclass(frozen=True)
class AuditTables:
    terms: pd.DataFrame
    findings: pd.DataFrame
    pages: pd.DataFrame
    page_queries: pd.DataFrame
    tasks: pd.DataFrame
    gaps: pd.DataFrame
    outliers: pd.DataFrame
    candidates: pd.DataFrame
    findability: pd.DataFrame


def capped(items: list[Any], limit: int) -> dict[str, Any]:
    return {"items": items[:limit], "more": max(0, len(items) - limit), "total": len(items)}


def statuses(decisions: pd.DataFrame, kind: str) -> dict[str, dict[str, str]]:
    """term (lower case) → {status, plain, reviewer, decided_at}, from the decision in force per term (the review
    store's own rule: the latest by date wins)."""
    if decisions.empty:
        return {}
    rows = current(decisions)
    rows = rows[rows["kind"] == kind]
    return {str(row.term).lower(): {"status": STATUS_BY_DECISION.get(row.decision, "new"), "plain": row.plain,
                                    "reviewer": row.reviewer, "decided_at": row.decided_at}
            for row in rows.itertuples(index=False)}


def anonymised_share(terms: pd.DataFrame) -> float | None:
    """Search Console's hidden share: 1 − impressions of the listed queries / impressions of all pages, for
    periods where both a query table and a page table were imported (they count the same impressions)."""
    if terms.empty or "dimensions" not in terms:
        return None
    sc = terms[terms["source"] == "search-console"]
    shares = []
    for _, period in sc.groupby(["period_start", "period_end"], dropna=False):
        by_query = pd.to_numeric(period.loc[period["dimensions"] == "query", "impressions"], errors="coerce").sum()
        by_page = pd.to_numeric(period.loc[period["dimensions"] == "page", "impressions"], errors="coerce").sum()
        if by_query > 0 and by_page > 0:
            shares.append((by_page, max(0.0, 1 - by_query / by_page)))
    if not shares:
        return None
    weight = sum(w for w, _ in shares)
    return sum(w * s for w, s in shares) / weight


def highlight(text: str, sentence: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, bool]]:
    """The sentence as (piece, marked) pieces, marked where the findings' offsets (in the page text) point.

    The sentence is located in the page text just before the first finding; a span whose text does not match
    (the page changed since the audit) falls back to searching the matched form in the sentence."""
    first = min(s for s, _, _ in spans)
    at = text.rfind(sentence, 0, first + len(sentence)) if text else -1  # the last start at or before it
    local = []
    for start, end, matched in spans:
        a, b = start - at, end - at
        if at < 0 or not (0 <= a < b <= len(sentence)) or sentence[a:b] != matched:
            a = sentence.find(matched)
            b = a + len(matched)
        if a >= 0 and matched:
            local.append((a, b))
    pieces: list[tuple[str, bool]] = []
    position = 0
    for a, b in sorted(set(local)):
        if a < position:
            continue  # overlapping matches: the first one is marked
        if a > position:
            pieces.append((sentence[position:a], False))
        pieces.append((sentence[a:b], True))
        position = b
    if position < len(sentence):
        pieces.append((sentence[position:], False))
    return _trimmed(pieces)


def _trimmed(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Long context before the first and after the last mark is cut at a word, with an ellipsis."""
    if len(pieces) > 1 and not pieces[0][1] and len(pieces[0][0]) > CONTEXT_CHARS:
        text = pieces[0][0][-CONTEXT_CHARS:]
        pieces[0] = ("…" + text[text.find(" ") + 1:] if " " in text else "…" + text, False)
    if len(pieces) > 1 and not pieces[-1][1] and len(pieces[-1][0]) > CONTEXT_CHARS:
        text = pieces[-1][0][:CONTEXT_CHARS]
        pieces[-1] = ((text[:text.rfind(" ")] if " " in text else text) + " …", False)
    return pieces


def term_examples(findings: pd.DataFrame, texts: dict[str, str],
                  titles: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Per term: the (page, sentence) pairs it stands in, each with all its occurrences marked; capped.

    One pass over the findings in plain Python: a pandas group per term took seconds on a 10,000-page site."""
    kept: dict[str, dict[tuple[str, str], list[tuple[int, int, str]]]] = {}
    columns = [findings[c].tolist() for c in ("term", "url", "sentence", "start", "end", "matched")]
    for term, url, sentence, start, end, matched in zip(*columns, strict=True):
        groups = kept.setdefault(term, {})
        spans = groups.get((url, sentence))
        if spans is not None:
            spans.append((int(start), int(end), matched))
        elif len(groups) < EXAMPLES_PER_TERM:
            groups[(url, sentence)] = [(int(start), int(end), matched)]
    totals = findings.drop_duplicates(["term", "url", "sentence"]).groupby("term").size()
    result = {}
    for term, groups in kept.items():
        total = int(totals[term])
        items = [{"url": url, "title": titles.get(url) or url, "pieces": highlight(texts.get(url, ""), sentence, spans)}
                 for (url, sentence), spans in groups.items()]
        result[term] = {"items": items, "more": max(0, total - len(items)), "total": total}
    return result


def query_impressions(page_queries: pd.DataFrame) -> dict[tuple[str, str], int]:
    sums = page_queries.groupby(["url", "query_norm"])["impressions"].sum()
    return {key: int(value) for key, value in sums.items()}


def term_rows(t: AuditTables, texts: dict[str, str], decisions: pd.DataFrame) -> list[dict[str, Any]]:
    sections = dict(zip(t.pages["url"], t.pages["section"], strict=True))
    titles = dict(zip(t.pages["url"], t.pages["title"], strict=True))
    examples = term_examples(t.findings, texts, titles)
    per_query = query_impressions(t.page_queries)
    status = statuses(decisions, "term")
    rows = []
    for row in t.terms.to_dict("records"):
        urls = list(row["urls"])
        queries = [{"query": q, "impressions": sum(per_query.get((u, q), 0) for u in urls)}
                   for q in list(row["queries"])[:QUERIES_PER_ROW]]
        decided = status.get(str(row["term"]).lower(), UNDECIDED)
        rows.append({
            **{k: row[k] for k in ("term", "plain", "alternatives", "category", "explanation")},
            "occurrences": int(row["occurrences"]), "pages": int(row["pages"]),
            "themes": sorted({sections.get(u) or "" for u in urls}), "queries": queries,
            "query_impressions": int(row["query_impressions"]), "decision": decided,
            "examples": examples.get(row["term"], {"items": [], "more": 0, "total": 0}),
            "urls": capped([{"url": u, "title": titles.get(u) or u} for u in urls], PAGES_PER_TERM),
        })
    return rows


def long_sentences(page: AuditPage | None, language: str) -> dict[str, Any]:
    found = []
    for text in page.running_text if page else []:
        for sentence in sentences(text, language):
            count = sum(1 for w in words(sentence.text) if not is_number(w.text))
            if count > LONG_SENTENCE:
                found.append({"text": sentence.text, "words": count})
    return capped(found, LONG_SENTENCES_PER_PAGE)


def page_rows(t: AuditTables, pages: dict[str, AuditPage], generated: dict[str, GeneratedPage],
              language: str) -> dict[str, Any]:
    ordered = t.pages.sort_values(["jargon_per_100_words", "readability"], ascending=[False, True],
                                  na_position="last").head(ROW_LIMIT)
    shown = t.findability[t.findability["url"].isin(set(ordered["url"]))]
    shown = shown.sort_values("impressions", ascending=False, kind="stable")
    by_url: dict[str, list[tuple[str, int, Any, bool]]] = {}
    for url, query, impressions, rank, found in zip(shown["url"], shown["query_norm"], shown["impressions"],
                                                    shown["rank"], shown["found_top3"], strict=True):
        by_url.setdefault(url, []).append((query, int(impressions), rank, bool(found)))
    rows = []
    for row in ordered.to_dict("records"):
        found = by_url.get(row["url"], [])
        queries = [{"query": q, "impressions": i, "rank": None if pd.isna(r) else int(r)} for q, i, r, _ in found]
        share = None
        if found:
            total = sum(i for _, i, _, _ in found)
            hit = sum(i for _, i, _, f in found if f)
            share = hit / total if total else sum(f for *_, f in found) / len(found)
        rows.append({**{k: row[k] for k in ("url", "title", "section", "words", "readability", "lix",
                                            "long_sentence_share", "jargon", "jargon_per_100_words")},
                     "long": long_sentences(pages.get(row["url"]), language),
                     "queries": capped(queries, QUERIES_PER_ROW), "found_share": share,
                     "generated": generated.get(row["url"])})
    return {"rows": rows, "total": len(t.pages)}


def task_rows(t: AuditTables, generated: dict[str, GeneratedPage], after: pd.DataFrame) -> dict[str, Any]:
    shares = task_found_shares(t.findability, t.tasks)
    gaps = {g["task"]: g for g in t.gaps.to_dict("records")}
    ranks = {(q, u): (None if pd.isna(r) else int(r))
             for q, u, r in zip(t.findability["query_norm"], t.findability["url"], t.findability["rank"],
                                strict=True)}
    after_shares = after_task_shares(t.tasks, after)
    rows = []
    for task in t.tasks.sort_values("impressions", ascending=False).head(ROW_LIMIT).to_dict("records"):
        queries = [{"query": q, "impressions": int(i)}
                   for q, i in zip(task["queries"], task["query_impressions"], strict=True)]
        main_query = queries[0]["query"] if queries else task["task"]
        gap = gaps.get(task["task"])
        rows.append({
            "task": task["task"], "url": task["url"], "section": task["section"],
            "official_title": task["official_title"], "impressions": int(task["impressions"]),
            "queries": capped(queries, QUERIES_PER_ROW),
            "gap": {"residents_say": gap["residents_say"], "missing": list(gap["missing_words"])[:QUERIES_PER_ROW]}
            if gap else None,
            "rank": ranks.get((main_query, task["url"])), "main_query": main_query,
            "found_share": float(shares[task["task"]]) if task["task"] in shares else None,
            "after_share": after_shares.get(task["task"]),
            "generated": generated.get(task["url"]),
        })
    return {"rows": rows, "total": len(t.tasks)}


def after_task_shares(tasks: pd.DataFrame, after: pd.DataFrame) -> dict[str, float]:
    """The same per-task share as before, computed on the generated pages' ranks."""
    if after.empty:
        return {}
    renamed = after.rename(columns={"found_top3_after": "found_top3"})
    return {k: float(v) for k, v in task_found_shares(renamed, tasks).items()}


def candidate_rows(candidates: pd.DataFrame, decisions: pd.DataFrame) -> dict[str, Any]:
    status = statuses(decisions, "candidate")
    rows = []
    for row in candidates.sort_values("score", ascending=False).head(ROW_LIMIT).to_dict("records"):
        rows.append({**{k: row[k] for k in ("term", "kind", "example")},
                     "occurrences": int(row["occurrences"]), "pages": int(row["pages"]),
                     "in_queries": int(row["in_queries"]), "score": float(row["score"]),
                     "urls": capped(list(row["urls"]), 3),
                     "decision": status.get(str(row["term"]).lower(), UNDECIDED)})
    return {"rows": rows, "total": len(candidates)}


def summary(t: AuditTables, terms_table: pd.DataFrame) -> dict[str, Any]:
    readable = t.pages.dropna(subset=["readability"])
    worst = readable.loc[readable["readability"].idxmin()] if len(readable) else None
    all_queries = terms_table["query_norm"].dropna().nunique() if "query_norm" in terms_table else 0
    outliers: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in t.outliers.to_dict("records"):
        if len(outliers[row["kind"]]) < 5:
            outliers[row["kind"]].append(row)
    gaps = t.gaps.sort_values("impressions", ascending=False).head(TOP_ITEMS)
    return {
        "pages": len(t.pages), "words": int(t.pages["words"].sum()),
        "median_readability": float(readable["readability"].median()) if len(readable) else None,
        "worst": {"value": float(worst["readability"]), "url": worst["url"], "title": worst["title"]}
        if worst is not None else None,
        "terms": len(t.terms), "occurrences": len(t.findings),
        "queries": int(t.page_queries["query_norm"].nunique()), "all_queries": int(all_queries),
        "anonymised": anonymised_share(terms_table),
        "outliers": dict(outliers),
        "most_jargon": t.pages[t.pages["jargon"] > 0].sort_values("jargon_per_100_words", ascending=False)
        .head(TOP_ITEMS).to_dict("records"),
        "pairs": [{"residents_say": g["residents_say"], "we_say": g["site_says"], "url": g["url"],
                   "missing": list(g["missing_words"])[:QUERIES_PER_ROW], "impressions": int(g["impressions"])}
                  for g in gaps.to_dict("records")],
    }
