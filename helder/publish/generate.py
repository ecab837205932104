"""`helder generate`: one plain-language Markdown page per resident task, plus a home page per theme.

Each page is titled in the residents' most-searched words, built from the source page's own text (nothing
invented: a section without source text is left out), with jargon replaced by plain words, and ends with its
sources. The front matter records the sources, the queries the page serves and the readability before and after.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from rich.progress import track

from helder.audit.pages import HEADINGS, AuditPage, load_pages
from helder.audit.run import read_table
from helder.config import Workspace
from helder.language import get_language
from helder.language.lexicon import Lexicon, load_lexicon
from helder.language.readability import measure
from helder.language.tokens import sentences
from helder.publish.pagefile import Outcome, PageFile, write_generated
from helder.publish.plain import PlainWriter
from helder.publish.sections import ORDER, TITLES, split_sections
from helder.publish.titles import make_title, special_spellings, spell

SUMMARY_LIMIT = 160


@dataclass
class GenerateResult:
    pages: dict[Outcome, list[Path]] = field(default_factory=lambda: defaultdict(list))

    def count(self, outcome: Outcome) -> int:
        return len(self.pages[outcome])


def generate(ws: Workspace, show_progress: bool = False) -> GenerateResult:
    language = get_language(ws.language)
    lexicon = load_lexicon(language, ws.lexicon_overrides)
    tasks = read_table(ws, "tasks")
    pages = {p.url: p for p in load_pages(ws)}
    result = GenerateResult()
    themes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for task in track(tasks.to_dict("records"), description="generate", disable=not show_progress,
                      transient=True):
        source = pages.get(task["url"])  # a task without a page of its own has no source to build from
        if source is None:
            continue
        page = task_page(task, source, lexicon, ws.language)
        path = ws.content_dir / task["section"] / f"{task['slug']}.md"
        result.pages[write_generated(path, page)].append(path)
        themes[task["section"]].append({**task, "title": page.front_matter["title"]})

    theme_titles = {p.section: p.h1 or p.title for p in pages.values() if p.is_overview and p.section}
    for section, section_tasks in themes.items():
        path = ws.content_dir / section / "index.md"
        result.pages[write_generated(path, theme_page(section, theme_titles, section_tasks))].append(path)
    home = home_page(ws, themes, theme_titles, tasks)
    result.pages[write_generated(ws.content_dir / "index.md", home)].append(ws.content_dir / "index.md")
    return result


def task_page(task: dict[str, Any], source: AuditPage, lexicon: Lexicon, language: str) -> PageFile:
    title = make_title(task["task"], task["queries"], [text for kind, text in source.blocks if kind in HEADINGS],
                       [source.title, *source.running_text], language)
    official = task["official_title"]
    spelling = special_spellings([text for _, text in source.blocks])
    resident_name = spell(task["task"].split(), spelling, [t for _, t in source.blocks])  # without the title's verb
    writer = PlainWriter(lexicon, names=dict.fromkeys(official_name_forms(official), resident_name))
    t = TITLES[language]
    sections = split_sections(source, language)
    lines: list[str] = [f"*{t['official']}: {official}*\n"]
    for key in ORDER:
        blocks = sections.get(key, [])
        if not blocks:
            continue  # no source text for this section: leave it out rather than invent it
        if key != "about":
            lines.append(f"## {t[key]}\n")
        lines.extend(render_blocks(blocks, writer))
    for heading, blocks in sections.get("other", []):
        lines.append(f"## {heading}\n")  # headings are short fixed phrases; word swaps break them
        lines.extend(render_blocks(blocks, writer))
    crawled = source.crawled_at[:10]
    lines.append(f"## {t['sources']}\n")
    lines.append(f"- [{official}]({source.url}) ({crawled})\n")
    lines.extend(writer.abbreviation_definitions())

    running = [text for kind, text in source.blocks if kind not in HEADINGS]
    before = measure(running, language).score
    after = measure([line for line in lines if not line.startswith(("#", "*", "- ["))], language).score
    summary = _summary(sections.get("about", []), PlainWriter(lexicon, names=dict(writer.names)), language)
    front = {
        "title": title,
        "description": summary,
        "helder": {
            "task": task["task"],
            "official_name": official,
            "theme": task["section"],
            "sources": [{"url": source.url, "crawled": crawled}],
            "queries": list(task["queries"]),
            "readability_before": _rounded(before),
            "readability_after": _rounded(after),
            "jargon_replaced": writer.replaced,
            "jargon_removed": list(writer.replaced_terms),
        },
        "search_terms": search_terms(task["queries"], writer.replaced_terms),
    }
    return PageFile(front, "\n".join(lines))


def search_terms(queries: list[str], official_terms: list[str]) -> list[str]:
    """What a resident may type to find this page: the task's queries, then the official terms the page no longer
    uses (a resident holding a letter types those). Case-insensitive duplicates dropped, first kept."""
    seen: set[str] = set()
    terms = []
    for term in [*queries, *official_terms]:
        key = " ".join(str(term).lower().split())
        if key and key not in seen:
            seen.add(key)
            terms.append(str(term).strip())
    return terms


def official_name_forms(official: str) -> list[str]:
    """How the text may cite the page's official name: in full, without the part in brackets, without a prefix
    such as "Wmo-" ("Wmo-maatwerkvoorziening huishoudelijke ondersteuning" → "maatwerkvoorziening huishoudelijke
    ondersteuning"). Longest first, so the fullest form wins."""
    forms = {official.strip()}
    forms.add(re.sub(r"\s*\([^)]*\)", "", official).strip())
    for form in list(forms):
        if re.match(r"^[A-Za-z]{2,6}-", form):
            forms.add(form.split("-", 1)[1])
    return sorted((f for f in forms if len(f.split()) >= 2 or len(f) >= 12), key=len, reverse=True)


def render_blocks(blocks: list[tuple[str, str]], writer: PlainWriter) -> list[str]:
    lines: list[str] = []
    number = 0
    for kind, text in blocks:
        text = writer.rewrite(text)
        if kind == "ol":
            number += 1
            lines.append(f"{number}. {text}")
        elif kind == "ul":
            number = 0
            lines.append(f"- {text}")
        else:
            if lines and lines[-1] and lines[-1][0] in "-0123456789":
                lines.append("")
            number = 0
            lines.append(f"{text}\n")
    if lines and lines[-1] and lines[-1][0] in "-0123456789":
        lines.append("")
    return lines


def _summary(about: list[tuple[str, str]], writer: PlainWriter, language: str) -> str:
    for _, text in about:
        first = sentences(writer.rewrite(text), language)
        if first:
            sentence = first[0].text
            return sentence if len(sentence) <= SUMMARY_LIMIT else sentence[:SUMMARY_LIMIT - 1].rsplit(" ", 1)[0] + "…"
    return ""


def _rounded(value: float) -> float | None:
    return None if value != value else round(value, 1)  # NaN (no text) → None


def theme_page(section: str, theme_titles: dict[str, str], tasks: list[dict[str, Any]]) -> PageFile:
    title = theme_titles.get(section, section.replace("-", " ").capitalize())
    links = [f"- [{t['title']}]({t['slug']}.md)" for t in sorted(tasks, key=lambda t: -t["impressions"])]
    return PageFile({"title": title, "helder": {"theme": section}}, "\n".join(links) + "\n")


def home_page(ws: Workspace, themes: dict[str, list[dict[str, Any]]], theme_titles: dict[str, str],
              tasks: pd.DataFrame) -> PageFile:
    t = TITLES[ws.language]
    titles = {task["slug"]: task["title"] for section_tasks in themes.values() for task in section_tasks}
    lines = [f"## {t['popular']}\n"]
    for task in tasks[tasks["slug"].isin(titles)].head(8).to_dict("records"):  # tasks with a page
        lines.append(f"- [{titles[task['slug']]}]({task['section']}/{task['slug']}.md)")
    lines.append("")
    for section in sorted(themes, key=lambda s: theme_titles.get(s, s)):
        lines.append(f"## {theme_titles.get(section, section)}\n")
        for task in sorted(themes[section], key=lambda t: -t["impressions"]):
            lines.append(f"- [{task['title']}]({section}/{task['slug']}.md)")
        lines.append("")
    return PageFile({"title": ws.name, "helder": {"home": True}}, "\n".join(lines))

