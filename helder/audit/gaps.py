"""The vocabulary gap: "residents say X — the site says Y", per task, weighted by impressions.

For each task with a page, the residents' content words (stop words and the municipality's own name left out)
that never appear in the page's title, H1 or text — compared by lemma and rule-based base forms, so "kosten"
meets "kost" — and, beside them, what the page says instead: its official name and the jargon on it.
"""

from __future__ import annotations

import pandas as pd

from helder.audit.pages import AuditPage
from helder.language import Language
from helder.language.tokens import WORD_PART

GAP_COLUMNS = ["task", "url", "residents_say", "missing_words", "missing_impressions", "site_says", "jargon",
               "impressions"]


def vocabulary_gaps(tasks: pd.DataFrame, pages: list[AuditPage], findings: pd.DataFrame, language: Language,
                    own_names: tuple[str, ...] = ()) -> pd.DataFrame:
    by_url = {p.url: p for p in pages}
    jargon_by_url = (findings.groupby(["url", "term"]).size().reset_index(name="n")
                     .sort_values("n", ascending=False).groupby("url")["term"].apply(list)
                     if not findings.empty else pd.Series(dtype=object))
    skip = set(language.stopwords) | {n.lower() for n in own_names}
    rows = []
    for task in tasks[tasks["url"] != ""].itertuples():
        page = by_url.get(task.url)
        if page is None:
            continue
        text = " ".join([page.title or "", page.h1 or "", *(t for _, t in page.blocks)]).lower()
        page_forms: set[str] = set().union(*(language.forms(w) for w in set(WORD_PART.findall(text))))
        missing: dict[str, int] = {}
        best_query, best_weight = "", 0
        for query, impressions in zip(task.queries, task.query_impressions, strict=True):
            absent = [w for w in query.split() if w not in skip and len(w) > 2
                      and not (language.forms(w) & page_forms)]
            for word in absent:
                missing[word] = missing.get(word, 0) + int(impressions)
            if absent and impressions > best_weight:
                best_query, best_weight = query, int(impressions)
        if not missing:
            continue
        ranked = sorted(missing, key=lambda w: -missing[w])
        rows.append({"task": task.task, "url": task.url, "residents_say": best_query, "missing_words": ranked,
                     "missing_impressions": sum(missing.values()), "site_says": page.h1 or page.title,
                     "jargon": list(jargon_by_url.get(task.url, []))[:5], "impressions": int(task.impressions)})
    return pd.DataFrame(rows, columns=GAP_COLUMNS).sort_values("missing_impressions", ascending=False,
                                                             ignore_index=True)
