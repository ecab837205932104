"""`helder generate`: one plain-language Markdown page per resident task, plus a home page per theme.

Each page is titled in the residents' most-searched words, built from the source page's own text (nothing
invented: a section without source text is left out), with jargon replaced by plain words, and ends with its
sources. The front matter records the sources, the queries the page serves and the readability before and after.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from rich.progress import Progress

from helder.audit.page_pass import analyse_site_words
from helder.audit.pages import AuditPage, load_pages
from helder.audit.run import read_table
from helder.config import Workspace
from helder.language import get_language
from helder.language.lexicon import Lexicon, load_lexicon
from helder.parallel import map_chunks
from helder.publish.documents import document_links
from helder.publish.generate_record import load_record, page_key, record_path, save_record, shared_key
from helder.publish.home import theme_page, write_site_pages
from helder.publish.pagefile import Outcome, PageFile, write_generated
from helder.publish.rewrite import Rewriter
from helder.publish.taskpage import PageContext, is_product_page, product_task, task_page


@dataclass
class GenerateResult:
    pages: dict[Outcome, list[Path]] = field(default_factory=lambda: defaultdict(list))
    notes: list[str] = field(default_factory=list)  # said once at the end, e.g. the model did not answer
    built: int = 0  # task pages built this run
    reused: int = 0  # task pages whose inputs were those of the last run: their last text was used

    def count(self, outcome: Outcome) -> int:
        return len(self.pages[outcome])

    def write(self, ws: Workspace, path: Path, page: PageFile | str) -> Outcome:
        """Write one page, keeping its generated text as the base for merging a person's later edits."""
        outcome = write_generated(path, page, base_path(ws, path))
        self.pages[outcome].append(path)
        return outcome


_context: PageContext | None = None  # set once per (worker) process by `_use_context`


def _use_context(ctx: PageContext) -> None:
    global _context
    _context = ctx


def _build_pages(jobs: Sequence[tuple[dict[str, Any], AuditPage, str]]) -> list[PageFile]:
    assert _context is not None, "_use_context runs first"
    return [task_page(task, source, _context, kind=kind) for task, source, kind in jobs]


def _rel(task: dict[str, Any]) -> str:
    """The task's page in content/ ("afval/grofvuil-laten-ophalen.md")."""
    return f"{task['section']}/{task['slug']}.md"


def _unchanged(ws: Workspace, jobs: list[tuple[dict[str, Any], AuditPage, str]],
               keys: list[str]) -> dict[str, tuple[str, str]]:
    """Content path → (last generated text, its title) of every page whose inputs are those of the last run."""
    record = load_record(record_path(ws))
    kept = {}
    for (task, _, _), key in zip(jobs, keys, strict=True):
        known, base = record.get(_rel(task)), base_path(ws, ws.content_dir / _rel(task))
        if known is not None and known["key"] == key and base.is_file():
            kept[_rel(task)] = (base.read_text(encoding="utf-8"), known["title"])
    return kept


def base_path(ws: Workspace, path: Path) -> Path:
    """Where the last generated text of a content page is kept: data/generated/<same path>, out of content/ so
    mkdocs never publishes it and editors never edit it."""
    return ws.data_dir / "generated" / path.relative_to(ws.content_dir)


def product_tasks(ws: Workspace, tasks: pd.DataFrame, pages: dict[str, AuditPage],
                  lexicon: Lexicon) -> list[tuple[dict[str, Any], AuditPage]]:
    """Product pages of the old site that no resident task covers, each as a task named in the residents' words
    where Search Console has any for it, with a slug no task page uses."""
    covered = set(tasks["url"])
    taken = {(t["section"], t["slug"]) for t in tasks.to_dict("records")}
    queries = _page_queries(ws)
    found = []
    for url, page in sorted(pages.items()):
        if url in covered or not is_product_page(page):
            continue
        task = product_task(page, queries.get(url, []), lexicon)
        if (task["section"], task["slug"]) in taken:
            task["slug"] = f"{task['slug']}-{len(found) + 1}"
        taken.add((task["section"], task["slug"]))
        found.append((task, page))
    return found


def _page_queries(ws: Workspace) -> dict[str, list[str]]:
    if not (ws.audit_dir / "page_queries.parquet").exists():
        return {}
    frame = read_table(ws, "page_queries").sort_values("impressions", ascending=False, kind="stable")
    return {url: list(dict.fromkeys(group["query_norm"])) for url, group in frame.groupby("url", sort=False)}


def generate(ws: Workspace, show_progress: bool = False) -> GenerateResult:
    language = get_language(ws.language)
    lexicon = load_lexicon(language, ws.lexicon_overrides)
    tasks = read_table(ws, "tasks")
    pages = {p.url: p for p in load_pages(ws)}
    ctx = PageContext(lexicon, ws.language, ws.address, document_links(ws))
    rewriter = Rewriter(ws, lexicon)  # the optional language model; returns pages unchanged when it is off
    result = GenerateResult()
    themes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    # A task without a page of its own has no source to build from; a PDF is a source to link, not to rewrite.
    jobs = [(task, pages[task["url"]], "task") for task in tasks.to_dict("records")
            if task["url"] in pages and not pages[task["url"]].is_document]
    jobs += [(task, source, "product") for task, source in product_tasks(ws, tasks, pages, lexicon)]
    # Pages whose inputs are those of the last run are not built again (see generate_record.py). A language
    # model's answers can differ from run to run, so with rewriting on every page is built.
    shared = shared_key(ctx)
    keys = [page_key(shared, task, source, kind, ctx) for task, source, kind in jobs]
    kept = {} if rewriter.enabled else _unchanged(ws, jobs, keys)
    to_build = [job for job in jobs if _rel(job[0]) not in kept]
    # Every word's lemma and compound parts, once and on all cores, before the page builders fork: else each
    # worker works them out for its own pages, and this process again for the glossary and the life events.
    analyse_site_words([source for _, source, _ in to_build], ws.language)
    with Progress(disable=not show_progress, transient=True) as progress:
        step = progress.add_task("generate", total=len(to_build))
        # Building pages reads every source sentence: large sites use all cores (pages are written here).
        built = iter(map_chunks(_build_pages, to_build, initializer=_use_context, initargs=(ctx,),
                                progress=lambda done: progress.advance(step, done), chunk_size=25))
    result.built, result.reused = len(to_build), len(kept)
    new_record: dict[str, dict[str, str]] = {}
    for (task, _, _), key in zip(jobs, keys, strict=True):
        rel = _rel(task)
        if rel in kept:
            text, title = kept[rel]
            outcome = result.write(ws, ws.content_dir / rel, text)
        else:
            page = rewriter.page(next(built))  # the optional language model: one request at a time, from here
            title = page.front_matter["title"]
            outcome = result.write(ws, ws.content_dir / rel, page)
        if outcome is not Outcome.EDITED:  # else its base is not this text: build and report it again next time
            new_record[rel] = {"key": key, "title": title}
        themes[task["section"]].append({**task, "title": title})
    save_record(record_path(ws), new_record)

    theme_titles = {p.section: p.h1 or p.title for p in pages.values() if p.is_overview and p.section}
    for section, section_tasks in themes.items():
        path = ws.content_dir / section / "index.md"
        result.write(ws, path, theme_page(section, theme_titles, section_tasks))
    generated = [path for paths in result.pages.values() for path in paths]
    write_site_pages(ws, tasks, list(pages.values()), lexicon, generated,
                     lambda path, page: result.write(ws, path, page))
    rewriter.save()
    result.notes.extend(rewriter.notes)
    return result
