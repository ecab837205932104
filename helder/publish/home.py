"""The pages that lead to the task pages: theme pages, life events, the glossary, and the home page.

The home page is short enough for a phone: the life events first (what residents come with), then the most-searched
tasks, then the themes, each a list of links; headings go h1 (the title) → h2 without gaps. Everything here is
built after the task pages are written, from the files as they stand (see site_pages.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from helder.audit.pages import AuditPage
from helder.config import Workspace
from helder.language.lexicon import Lexicon
from helder.publish.generate_record import load_terms_record, save_terms_record
from helder.publish.glossary import FILE as GLOSSARY_FILE
from helder.publish.glossary import LABELS as GLOSSARY_LABELS
from helder.publish.glossary import (
    abbreviation_lines,
    find_terms,
    glossary_page,
    glossary_path,
    write_abbreviations,
)
from helder.publish.life_events import LABELS as EVENT_LABELS
from helder.publish.life_events import MatchedEvent, folder, life_event_pages
from helder.publish.pagefile import PageFile
from helder.publish.site_pages import SitePage, escape, front_matter_text, read_pages

POPULAR = 6  # most-searched tasks on the home page: a phone screen, not the whole site
LABELS = {
    "nl": {"popular": "Veel gezocht", "themes": "Onderwerpen",
           "glossary": "Staat er een moeilijk woord op een pagina? Hier leest u wat het betekent:",
           "glossary_je": "Staat er een moeilijk woord op een pagina? Hier lees je wat het betekent:"},
    "en": {"popular": "Most searched", "themes": "Topics",
           "glossary": "Found a difficult word on a page? Here is what it means:",
           "glossary_je": "Found a difficult word on a page? Here is what it means:"},
}

Record = Callable[[Path, PageFile], None]  # writes a generated page (never over a person's edit) and records it


def theme_page(section: str, theme_titles: dict[str, str], tasks: list[dict[str, Any]]) -> PageFile:
    title = theme_titles.get(section, section.replace("-", " ").capitalize())
    links = [f"- [{escape(t['title'])}]({t['slug']}.md)" for t in sorted(tasks, key=lambda t: -t["impressions"])]
    return PageFile({"title": front_matter_text(title), "helder": {"theme": section}}, "\n".join(links) + "\n")


def home_page(ws: Workspace, events: list[MatchedEvent], tasks: list[SitePage], themes: list[SitePage],
              impressions: dict[str, float], glossary: bool) -> PageFile:
    labels = LABELS[ws.language]
    je = "_je" if ws.address == "je" else ""
    lines: list[str] = []
    if events:
        lines.append(f"## {EVENT_LABELS[ws.language]['index' + je]}\n")
        lines += [f"- [{escape(m.event.title)}]({folder(ws.language)}/{m.event.slug}.md)" for m in events]
        lines.append("")
    popular = sorted(tasks, key=lambda p: (-impressions.get(str(p.meta["task"]), 0.0), p.rel))[:POPULAR]
    if popular:
        lines.append(f"## {labels['popular']}\n")
        lines += [f"- [{escape(p.title)}]({p.rel})" for p in popular]
        lines.append("")
    if themes:
        lines.append(f"## {labels['themes']}\n")
        lines += [f"- [{escape(p.title)}]({p.rel})" for p in sorted(themes, key=lambda p: p.title.casefold())]
        lines.append("")
    if glossary:
        title = GLOSSARY_LABELS[ws.language]["title"]
        # The link on its own line: a link inside a sentence is told apart by colour only (axe link-in-text-block).
        lines.append(f"{labels['glossary' + je]}\n\n- [{title}]({GLOSSARY_FILE[ws.language]})")
    return PageFile({"title": ws.name, "helder": {"home": True}}, "\n".join(lines) + "\n")


def write_site_pages(ws: Workspace, tasks: pd.DataFrame, old_pages: list[AuditPage], lexicon: Lexicon,
                     generated: list[Path], record: Record) -> None:
    """After the task and theme pages: life events, the glossary, the abbreviation tooltips, the home page."""
    impressions = {str(t): float(i) for t, i in zip(tasks["task"], tasks["impressions"], strict=True)}
    pages = read_pages(generated, ws.content_dir)
    events, event_files = life_event_pages(ws, pages, impressions, old_pages)
    for path, page in event_files.items():
        record(path, page)
    pages += read_pages(list(event_files), ws.content_dir)

    known = load_terms_record(ws, lexicon)  # pages whose text did not change are not read again
    found = find_terms(pages, lexicon, known)
    save_terms_record(ws, lexicon, known)
    if found:
        record(glossary_path(ws), glossary_page(found, ws.language, ws.address))
    write_abbreviations(ws, abbreviation_lines(found))

    task_pages = [p for p in pages if p.is_task]
    themes = [p for p in pages if not p.is_task and p.meta.get("theme") and p.rel.endswith("/index.md")]
    record(ws.content_dir / "index.md", home_page(ws, events, task_pages, themes, impressions, bool(found)))
