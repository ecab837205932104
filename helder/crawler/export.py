"""`helder pages export FILE`: the stored pages of the latest crawl as CSV, JSON Lines or Parquet."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from helder.atomic import atomic_path
from helder.config import Workspace
from helder.crawler.store import PageStore
from helder.errors import HelderError

FORMATS = {".csv": "CSV", ".jsonl": "JSON Lines", ".parquet": "Parquet"}
JSON_COLUMNS = ("redirected_from", "headings", "blocks")


def export_pages(ws: Workspace, target: Path, include_links: bool = True) -> int:
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(f"{ext} ({name})" for ext, name in FORMATS.items())
        raise HelderError(f"{target}: Helder writes {known}; give the file one of those endings.")
    if not ws.crawl_db.exists():
        raise HelderError(f"{ws.crawl_db}: no crawl yet. Run `helder crawl` first.")
    with PageStore(ws.crawl_db) as store:
        latest = store.latest_crawl()
        if latest is None:
            raise HelderError(f"{ws.crawl_db}: no crawl yet. Run `helder crawl` first.")
        frame = pd.read_sql_query("SELECT * FROM pages WHERE crawl_id = ? ORDER BY url", store.db,
                                  params=(latest.id,))
        if include_links:
            links = pd.read_sql_query("SELECT source_url, target_url, text, region FROM links", store.db)
            grouped = {url: g[["target_url", "text", "region"]].to_dict("records")
                       for url, g in links.groupby("source_url")}
            frame["links"] = [json.dumps(grouped.get(url, []), ensure_ascii=False) for url in frame["url"]]
    with atomic_path(target) as tmp:
        if suffix == ".csv":
            frame.to_csv(tmp, index=False)
        elif suffix == ".jsonl":
            for column in (*JSON_COLUMNS, "links"):
                if column in frame:
                    frame[column] = frame[column].map(json.loads)
            frame.to_json(tmp, orient="records", lines=True, force_ascii=False)
        else:
            frame.to_parquet(tmp, index=False)
    return len(frame)
