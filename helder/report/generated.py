"""The generated task pages in `content/`, as the report needs them: which source page each was made from, where
it can be opened, and how findable it is for the residents' queries ("after" generation).

"After" uses the audit's own BM25 code (`helder.audit.findability`) over the generated task pages — the residents'
new site — with the same queries as the audit's "before" over the crawled pages.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from helder.audit.findability import FOUND_WITHIN, build_index, rank
from helder.audit.pages import AuditPage
from helder.config import Workspace

_FRONT = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"^(#{1,6}\s+|[-*]\s+|\d+\.\s+)|[*_`]")


@dataclass(frozen=True)
class GeneratedPage:
    path: Path  # the Markdown file
    href: str  # relative to reports/: the built page when the site is built, else the Markdown file
    title: str
    source_urls: tuple[str, ...]
    readability_after: float | None
    page: AuditPage  # its text, for the search index


def generated_pages(ws: Workspace) -> list[GeneratedPage]:
    """Every generated task page (front matter with `helder.sources`); pages a person wrote are left out."""
    if not ws.content_dir.is_dir():
        return []
    pages = []
    for path in sorted(ws.content_dir.rglob("*.md")):
        match = _FRONT.match(path.read_text(encoding="utf-8"))
        if not match:
            continue
        try:
            front = yaml.safe_load(match.group(1)) or {}
        except yaml.YAMLError:
            continue  # a hand-edited page with broken front matter is not ours to judge
        helder = front.get("helder") if isinstance(front, dict) else None
        sources = helder.get("sources") if isinstance(helder, dict) else None
        if not sources:
            continue
        urls = tuple(str(s.get("url", "")) for s in sources if isinstance(s, dict) and s.get("url"))
        title = str(front.get("title", path.stem))
        blocks = [("h1", title), *_blocks(match.group(2))]
        key = path.relative_to(ws.content_dir).as_posix()
        pages.append(GeneratedPage(
            path=path, href=_href(ws, path), title=title, source_urls=urls,
            readability_after=helder.get("readability_after"),
            page=AuditPage(url=key, title=title, h1=title, section=str(helder.get("theme", "")), crawled_at="",
                           blocks=blocks)))
    return pages


def _blocks(body: str) -> list[tuple[str, str]]:
    blocks = []
    for line in body.splitlines():
        if not line.strip() or line.startswith("*["):  # abbreviation definitions are not page text
            continue
        kind = "h2" if line.startswith("#") else "p"
        text = _MARKUP.sub("", _LINK.sub(r"\1", line)).strip()
        if text:
            blocks.append((kind, text))
    return blocks


def _href(ws: Workspace, path: Path) -> str:
    """The built page (mkdocs `use_directory_urls`) when it exists, else the Markdown file itself."""
    relative = path.relative_to(ws.content_dir).with_suffix("")
    built = ws.site_dir / (relative.parent if relative.name == "index" else relative) / "index.html"
    target = built if built.exists() else path
    return Path(os.path.relpath(target, ws.reports_dir)).as_posix()


def findability_after(generated: list[GeneratedPage], findability: pd.DataFrame, language: str) -> pd.DataFrame:
    """For every findability row whose page has a generated page: that generated page's rank among all generated
    pages for the same query (1-based, empty beyond the top 10) and whether it is in the top 3."""
    columns = ["query_norm", "url", "impressions", "rank_after", "found_top3_after"]
    by_source = {url: g for g in generated for url in g.source_urls}
    rows = findability[findability["url"].isin(by_source)]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    index = build_index([g.page for g in generated], language)
    queries = rows["query_norm"].astype(str).tolist()
    ranked = rank(index, queries)
    ranks = []
    for url, found in zip(rows["url"], ranked, strict=True):
        wanted = by_source[url].page.url
        ranks.append(next((i + 1 for i, (u, _) in enumerate(found) if u == wanted), None))
    frame = rows[["query_norm", "url", "impressions"]].reset_index(drop=True)
    frame["rank_after"] = pd.array(ranks, dtype="Int64")
    frame["found_top3_after"] = frame["rank_after"].fillna(FOUND_WITHIN + 1).astype(int) <= FOUND_WITHIN
    return frame[columns]
