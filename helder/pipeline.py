"""The stages in order, each printing a short summary: shared by the single-stage commands, `run` and `demo`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.console import Console
from rich.markup import escape

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


def import_terms(ws: Workspace, console: Console, paths: list[Path], period: tuple[date, date] | None = None,
                 columns: dict[str, str] | None = None) -> None:
    from helder.terms.store import import_terms as import_file

    if not paths:
        console.print("[bold]terms[/]  no search-terms files configured ([terms] imports in helder.toml)")
    for path in paths:
        _report_import(ws, console, import_file(ws, path, period, columns))


def search_console(ws: Workspace, console: Console, site: str, period: tuple[date, date], key: Path | None,
                   client_secrets: Path | None, dimensions: tuple[str, ...], data_state: str) -> None:
    from helder.terms.google_auth import build_service, credentials
    from helder.terms.search_console_api import fetch_search_console
    from helder.terms.store import save_rows

    creds, email = credentials(key_file=key, client_secrets=client_secrets, token_file=_token_file(ws))
    frame, report = fetch_search_console(build_service("searchconsole", creds), site, period[0], period[1],
                                         dimensions, data_state, account_email=email, own_names=ws.own_names,
                                         language=ws.language)
    _report_import(ws, console, save_rows(ws, frame, "search-console", period, f"Search Console {site}"))
    console.print(f"        {report.requests} requests ({report.retries} retried) over {report.days} days, "
                  f"{report.rows_fetched} rows fetched")
    if report.hidden_click_share is not None:
        console.print(f"        [yellow]anonymised[/]: queries Google does not show carry "
                      f"{report.hidden_click_share:.0%} of clicks and {report.hidden_impression_share:.0%} of "
                      f"impressions ({report.hidden_clicks} clicks, {report.hidden_impressions} impressions)")
    for day in report.days_at_ceiling:
        console.print(f"        [yellow]{day}[/] reached Search Console's daily row limit: some rows are missing")


def ga4(ws: Workspace, console: Console, property_id: str, period: tuple[date, date], key: Path | None,
        client_secrets: Path | None, feedback: bool, rating_dimension: str) -> None:
    from helder.atomic import atomic_path
    from helder.terms.ga4_api import fetch_ga4_feedback, fetch_ga4_site_search
    from helder.terms.google_auth import build_service, credentials
    from helder.terms.store import save_rows

    creds, email = credentials(key_file=key, client_secrets=client_secrets, token_file=_token_file(ws))
    service = build_service("analyticsdata", creds)
    frame, report = fetch_ga4_site_search(service, property_id, period[0], period[1], account_email=email,
                                          own_names=ws.own_names, language=ws.language)
    _report_import(ws, console, save_rows(ws, frame, "ga4", period, f"GA4 property {property_id}"))
    if report.thresholded or report.other_row:
        console.print("        [yellow]GA4 withheld or grouped rare search terms[/]: the counts are a lower bound")
    if feedback:
        rows, _ = fetch_ga4_feedback(service, property_id, period[0], period[1], rating_dimension,
                                     account_email=email)
        with atomic_path(ws.data_dir / "feedback.parquet") as tmp:
            rows.to_parquet(tmp, index=False)
        console.print(f"[bold]terms[/]  {len(rows)} page-feedback rows → {ws.data_dir / 'feedback.parquet'}")


def _token_file(ws: Workspace) -> Path:
    """Where a Google sign-in (OAuth) is kept: inside the workspace, never in data or reports."""
    return ws.root / ".helder" / "google-token.json"


def _report_import(ws: Workspace, console: Console, result: object) -> None:
    from helder.terms.store import ImportResult

    assert isinstance(result, ImportResult)
    when = f"{result.period[0]} – {result.period[1]}" if result.period else "period unknown"
    replaced = f", replacing {result.replaced} rows of an earlier import" if result.replaced else ""
    masked = ", ".join(f"{count} × {kind}" for kind, count in sorted(result.masked.items())) or "none"
    tables = f" ({', '.join(result.tables)})" if result.tables else ""
    console.print(f"[bold]terms[/]  {result.rows} {result.source} rows from {result.label}{tables} ({when})"
                  f"{replaced}; personal data masked: {masked} → {ws.terms_path}")


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
                  f"{result.count(Outcome.UNCHANGED)} unchanged → {ws.content_dir} "
                  f"({result.built} task pages built, {result.reused} with the same inputs as last time)")
    for path in result.pages[Outcome.MERGED]:
        console.print(f"        [green]merged[/] {path}: your edit kept, Helder's changes elsewhere added")
    if result.count(Outcome.KEPT):
        console.print(f"        {result.count(Outcome.KEPT)} page(s) edited by hand and kept as they are")
    for path in result.pages[Outcome.EDITED]:
        console.print(f"        [yellow]conflict[/] {path}: your edit and Helder's change touch the same lines. "
                      f"Take what you want from {path}.new into the page, then delete {path}.new")
    for note in result.notes:
        console.print(f"        [yellow]{escape(note)}[/]")


def build(ws: Workspace, console: Console) -> None:
    from helder.publish.build import build_site

    result = build_site(ws)
    console.print(f"[bold]build[/]  {result.pages} pages → {result.site_dir}/index.html "
                  f"({result.rendered} rendered, {result.pages - result.rendered} unchanged since the last build)")


def run_all(ws: Workspace, console: Console, settings: CrawlSettings | None = None,
            term_files: list[Path] | None = None) -> None:
    crawl(ws, console, settings)
    import_terms(ws, console, list(ws.term_imports) if term_files is None else term_files)
    audit(ws, console)
    generate_pages(ws, console)
    build(ws, console)
    report(ws, console)  # again, now that the task pages exist: it links them and shows findability after

