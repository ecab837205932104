"""The stages in order, each printing a short summary: shared by the single-stage commands, `run` and `demo`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.console import Console

from helder.config import CrawlSettings, Workspace

# Each stage imports its own modules when it runs: `helder crawl` should not pay for pandas or mkdocs.


def crawl(ws: Workspace, console: Console, settings: CrawlSettings | None = None, resume: bool = False,
          shared: str = "") -> None:
    from helder.crawler.process import run_crawl

    summary = run_crawl(ws, settings, show_progress=console.is_terminal, resume=resume, shared=shared)
    errors = ", ".join(f"{count} × {kind}" for kind, count in sorted(summary.errors.items())) or "none"
    skipped = ", ".join(f"{count} × {why}" for why, count in sorted(summary.skipped.items())) or "none"
    console.print(f"[bold]crawl[/]  {summary.pages} URLs: {summary.html_pages} HTML pages, {summary.documents}"
                  f" documents, {summary.unchanged} unchanged since the last crawl; in {summary.seconds:.1f} s;"
                  f" errors: {errors}; not fetched: {skipped} → {ws.crawl_db}")
    for pattern, limit, count, example in summary.cuts[:10]:
        console.print(f"        [yellow]cut off[/] {count} URLs like {pattern} ({limit} limit), e.g. {example}")
    for target, reason, sources in summary.broken_links[:10]:
        console.print(f"        broken link {target} ({reason}) on {len(sources)} page(s), e.g. {sources[0]}")
    if len(summary.broken_links) > 10:
        console.print(f"        … and {len(summary.broken_links) - 10} more broken links")


def import_terms(ws: Workspace, console: Console, paths: list[Path],
                 period: tuple[date, date] | None = None) -> None:
    from helder.terms.store import import_search_console

    if not paths:
        console.print("[bold]terms[/]  no search-terms files configured ([terms] imports in helder.toml)")
    for path in paths:
        result = import_search_console(ws, path, period)
        when = f"{result.period[0]} – {result.period[1]}" if result.period else "period unknown"
        replaced = f", replacing {result.replaced} rows of an earlier import" if result.replaced else ""
        console.print(f"[bold]terms[/]  {result.rows} rows from {', '.join(result.tables)} ({when}){replaced}"
                      f" → {ws.terms_path}")


def audit(ws: Workspace, console: Console) -> None:
    from helder.audit.run import run_audit

    result = run_audit(ws, show_progress=console.is_terminal)
    console.print(f"[bold]audit[/]  {result.pages} pages: {result.findings} jargon occurrences of {result.terms}"
                  f" terms; median readability {result.median_readability:.1f}; {result.tasks} resident tasks"
                  f" from {result.queries_on_pages} queries → {ws.audit_dir}")
    report(ws, console)


def report(ws: Workspace, console: Console) -> None:
    from helder.report.run import write_reports

    paths = write_reports(ws)
    console.print(f"[bold]report[/] {paths.html}  ·  {paths.xlsx}")


def generate_pages(ws: Workspace, console: Console) -> None:
    from helder.publish.generate import generate
    from helder.publish.pagefile import Outcome

    result = generate(ws, show_progress=console.is_terminal)
    console.print(f"[bold]generate[/] {result.count(Outcome.WRITTEN)} pages written, "
                  f"{result.count(Outcome.UNCHANGED)} unchanged → {ws.content_dir}")
    for path in result.pages[Outcome.EDITED]:
        console.print(f"        [yellow]kept your edit[/] {path}; Helder's new version is in {path}.new")


def build(ws: Workspace, console: Console) -> None:
    from helder.publish.build import build_site

    result = build_site(ws)
    console.print(f"[bold]build[/]  {result.pages} pages → {result.site_dir}/index.html")


def run_all(ws: Workspace, console: Console, settings: CrawlSettings | None = None,
            term_files: list[Path] | None = None) -> None:
    crawl(ws, console, settings)
    import_terms(ws, console, list(ws.term_imports) if term_files is None else term_files)
    audit(ws, console)
    generate_pages(ws, console)
    build(ws, console)

