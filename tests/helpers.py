"""Builders for small, exact test inputs: a crawl store with chosen pages, a lexicon, search terms."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helder.config import Workspace
from helder.crawler.store import PageRecord, PageStore
from helder.terms.normalise import normalise_query
from helder.terms.store import COLUMNS

SITE = "https://www.voorbeeldstad.nl"

LEXICON = """term,plain,explanation,category,source
in aanmerking komen voor,recht hebben op,Als u het kunt krijgen.,formeel,test
huishoudelijke ondersteuning,hulp bij het huishouden,Hulp bij schoonmaken.,product,test
maatwerkvoorziening,hulp op maat,Hulp die bij u past.,zorg,test
leges,kosten,Wat u betaalt.,financieel,test
verstrekken,geven,Iets geven.,ambtelijk-werkwoord,test
indien,als,Als.,formeel,test
"""


def store_pages(ws: Workspace, pages: dict[str, list[tuple[str, str]]]) -> None:
    """A finished crawl of the given pages: {path: [(block kind, text), ...]}."""
    store_urls(ws, {SITE + path: blocks for path, blocks in pages.items()})


def store_urls(ws: Workspace, pages: dict[str, list[tuple[str, str]]]) -> None:
    """A finished crawl of the given pages by full address (even one that is not http: a hostile page's)."""
    with PageStore(ws.crawl_db) as store:
        crawl_id = store.begin_crawl([SITE + "/"])
        for url, blocks in pages.items():
            text = "\n\n".join(t for _, t in blocks)
            h1 = next((t for k, t in blocks if k == "h1"), "")
            path = url.removeprefix(SITE)
            section = path.strip("/").split("/")[0] if path.count("/") > 1 else ""
            record = PageRecord(url=url, fetched_url=url, status=200, content_type="text/html",
                                title=h1, h1=h1, section=section, blocks=blocks, text=text,
                                word_count=len(text.split()), crawled_at="2026-11-01T10:00:00+00:00")
            store.commit_page(crawl_id, record)
        store.finish_crawl(crawl_id, "finished")


def only_test_lexicon(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, text: str = LEXICON) -> None:
    """Replace the shipped language data by the small test lexicon, so results are exactly known."""
    import helder.language

    for code in ("nl", "en"):
        folder = tmp_path / "language-data" / code
        folder.mkdir(parents=True)
        (folder / "lexicon.csv").write_text(text, encoding="utf-8")
        (folder / "stopwords.txt").write_text("de\nhet\neen\nthe\n", encoding="utf-8")
    monkeypatch.setattr(helder.language, "DATA", tmp_path / "language-data")


def store_terms(ws: Workspace, rows: list[tuple[str, str, int, int]]) -> None:
    """Search Console query × page rows: (query, path, clicks, impressions)."""
    frame = pd.DataFrame([{
        "query": q, "query_norm": normalise_query(q, ws.own_names), "page": SITE + path, "clicks": c,
        "impressions": i, "ctr": c / i, "position": 3.0, "searches": pd.NA, "no_result": False,
        "dimensions": "query+page", "source": "search-console", "file": "test", "period_start": "",
        "period_end": "", "imported_at": "2026-11-01T00:00:00+00:00"} for q, path, c, i in rows], columns=COLUMNS)
    ws.data_dir.mkdir(parents=True, exist_ok=True)
    frame.to_parquet(ws.terms_path, index=False)


HULP_PAGE = [
    ("h1", "Wmo-maatwerkvoorziening huishoudelijke ondersteuning"),
    ("p", "Inwoners kunnen in aanmerking komen voor huishoudelijke ondersteuning indien zij dat niet zelf kunnen."),
    ("h2", "Voorwaarden"),
    ("ul", "U woont in Voorbeeldstad."),
    ("ul", "U kunt niet zelf schoonmaken."),
    ("h2", "Kosten"),
    ("p", "De leges bedragen € 21,60 per maand vanaf 1 januari 2026."),
    ("h2", "Hoe vraagt u het aan?"),
    ("ol", "Bel (0123) 45 67 89."),
    ("ol", "Wij komen langs."),
]
