"""The `helder` command line. Each stage is a command; `run` runs them all, `demo` runs them on the demo."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from helder import pipeline
from helder.config import load_workspace
from helder.errors import HelderError

app = typer.Typer(
    help="Helder: make a municipal website speak its residents' language.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
terms_app = typer.Typer(help="Residents' words: import and list search terms.", no_args_is_help=True)
app.add_typer(terms_app, name="terms")
pages_app = typer.Typer(help="The crawled pages: export them for other tools.", no_args_is_help=True)
app.add_typer(pages_app, name="pages")
scrapyd_app = typer.Typer(help="Crawl many municipalities through Scrapyd, the Scrapy daemon.", no_args_is_help=True)
app.add_typer(scrapyd_app, name="scrapyd")

console = Console(highlight=False, soft_wrap=True)  # paths stay whole, for copy and paste
WorkspaceOption = Annotated[Path, typer.Option("--workspace", "-w", help="The workspace folder (has helder.toml).")]


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder for the new workspace.")],
    site: Annotated[str, typer.Option(help="The municipality's website, e.g. https://www.example.nl/")],
    name: Annotated[str, typer.Option(help='The municipality\'s name, e.g. "Gemeente Example".')],
    language: Annotated[str, typer.Option(help="nl or en.")] = "nl",
) -> None:
    """Create a workspace for a municipality: helder.toml, mkdocs.yml and content/."""
    from helder.workspace import init_workspace

    written = init_workspace(directory, name=name, site=site, language=language)
    for path in written:
        console.print(f"created {path}")
    console.print(f"Next: `cd {directory}` and `helder crawl`.")


@app.command()
def crawl(
    url: Annotated[str | None, typer.Argument(help="Start URL (default: crawl.start_urls or the site).")] = None,
    max_pages: Annotated[int | None, typer.Option(help="Stop after this many URLs.")] = None,
    fetch_from: Annotated[str | None, typer.Option(help="Fetch from this base URL (staging, mirror) but "
                                                          "store the public URLs.")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Go on with an interrupted crawl.")] = False,
    shared: Annotated[str, typer.Option(help="Crawl one large site with several processes or machines that "
                                             "share this Redis queue, e.g. redis://10.0.0.5:6379/0; each keeps "
                                             "its share in its own store.")] = "",
    workspace: WorkspaceOption = Path("."),
) -> None:
    """Crawl the site into data/crawl.sqlite: polite, resumable, and cheap for pages that did not change."""
    from helder.crawler.process import with_overrides

    ws = load_workspace(workspace)
    settings = with_overrides(ws.crawl, start_urls=(url,) if url else None, max_pages=max_pages,
                              fetch_from=fetch_from)
    pipeline.crawl(ws, console, settings, resume=resume, shared=shared)


@pages_app.command("export")
def pages_export(
    file: Annotated[Path, typer.Argument(help="pages.csv, pages.jsonl or pages.parquet")],
    workspace: WorkspaceOption = Path("."),
) -> None:
    """Write the latest crawl's pages (every stored field, with their links) as CSV, JSON Lines or Parquet."""
    from helder.crawler.export import export_pages

    count = export_pages(load_workspace(workspace), file)
    console.print(f"{count} pages → {file}")


@terms_app.command("import")
def terms_import(
    paths: Annotated[list[Path], typer.Argument(help="Search-terms exports: Search Console (ZIP, folder, CSV or "
                                                     "XLSX), Matomo site search, GA4, or a query,count file.")],
    date_from: Annotated[str | None, typer.Option("--from", help="Period start (YYYY-MM-DD) if the export "
                                                                 "does not say.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Period end (YYYY-MM-DD).")] = None,
    columns: Annotated[str | None, typer.Option("--columns", help="Another tool's table: query=COLUMN,"
                                                "searches=COLUMN (also page, clicks, impressions, ctr, "
                                                "position).")] = None,
    workspace: WorkspaceOption = Path("."),
) -> None:
    """Import residents' search terms into data/terms.parquet (re-importing a period replaces it)."""
    from helder.terms.files import parse_columns

    ws = load_workspace(workspace)
    pipeline.import_terms(ws, console, paths, _period(date_from, date_to), parse_columns(columns) if columns else None)


KeyOption = Annotated[Path | None, typer.Option("--key", help="A Google service account's JSON key file.")]
ClientOption = Annotated[Path | None, typer.Option("--client-secrets", help="An OAuth client (desktop app) JSON: "
                                                   "sign in in the browser; the sign-in is kept in .helder/.")]


@terms_app.command("gsc")
def terms_gsc(
    site: Annotated[str, typer.Option("--site", help="The Search Console property: sc-domain:example.nl or "
                                                     "https://www.example.nl/")],
    date_from: Annotated[str | None, typer.Option("--from", help="First day (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last day (YYYY-MM-DD).")] = None,
    last: Annotated[str | None, typer.Option("--last", help="The last N days up to yesterday, e.g. 90d.")] = None,
    key: KeyOption = None,
    client_secrets: ClientOption = None,
    dimensions: Annotated[str, typer.Option(help="query,page (add date, device or country)")] = "query,page",
    fresh: Annotated[bool, typer.Option("--fresh", help="Include the last days' provisional data.")] = False,
    workspace: WorkspaceOption = Path("."),
) -> None:
    """Fetch every query × page row from the Search Console API, day by day, with the anonymised share."""
    ws = load_workspace(workspace)
    pipeline.search_console(ws, console, site, _required_period(date_from, date_to, last), key, client_secrets,
                            tuple(d.strip() for d in dimensions.split(",") if d.strip()),
                            "all" if fresh else "final")


@terms_app.command("ga4")
def terms_ga4(
    property_id: Annotated[str, typer.Option("--property", help="The GA4 property id (a number, from Admin → "
                                                                "Property details).")],
    date_from: Annotated[str | None, typer.Option("--from", help="First day (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last day (YYYY-MM-DD).")] = None,
    last: Annotated[str | None, typer.Option("--last", help="The last N days up to yesterday, e.g. 90d.")] = None,
    key: KeyOption = None,
    client_secrets: ClientOption = None,
    feedback: Annotated[bool, typer.Option("--feedback", help="Also fetch page feedback (\"Heeft deze pagina u "
                                                             "geholpen?\") into data/feedback.parquet.")] = False,
    rating_dimension: Annotated[str, typer.Option(help="The custom dimension holding the feedback rating "
                                                       "(mkdocs-material sends it as the event's data).")]
    = "customEvent:data",
    workspace: WorkspaceOption = Path("."),
) -> None:
    """Fetch site-search terms (events view_search_results and search) from the GA4 Data API."""
    ws = load_workspace(workspace)
    pipeline.ga4(ws, console, property_id, _required_period(date_from, date_to, last), key, client_secrets,
                 feedback, rating_dimension)


@terms_app.command("list")
def terms_list(workspace: WorkspaceOption = Path(".")) -> None:
    """Show what is loaded: rows, queries, clicks and impressions per source and period."""
    from rich.table import Table

    from helder.terms.store import load_terms

    frame = load_terms(load_workspace(workspace))
    table = Table("source", "table", "period", "rows", "queries", "clicks", "impressions", "searches",
                  "no result")
    for (source, dims, start, end), group in frame.groupby(["source", "dimensions", "period_start", "period_end"]):
        table.add_row(source, dims, f"{start} – {end}" if start else "unknown", str(len(group)),
                      str(group["query_norm"].nunique()), str(int(group["clicks"].fillna(0).sum())),
                      str(int(group["impressions"].fillna(0).sum())), str(int(group["searches"].fillna(0).sum())),
                      str(int(group["no_result"].fillna(False).astype(bool).sum())))
    console.print(table if len(frame) else "No search terms loaded yet: `helder terms import FILE`.")


@scrapyd_app.command("deploy")
def scrapyd_deploy(
    scrapyd: Annotated[str, typer.Argument(help="Scrapyd's address, e.g. http://127.0.0.1:6800")],
) -> None:
    """Deploy Helder's spider to Scrapyd (Helder must be installed where Scrapyd runs)."""
    from helder.crawler.scrapyd import deploy

    answer = deploy(scrapyd)
    console.print(f"deployed project helder version {answer.get('version')} ({answer.get('spiders')} spider)")


@scrapyd_app.command("schedule")
def scrapyd_schedule(
    scrapyd: Annotated[str, typer.Argument(help="Scrapyd's address, e.g. http://127.0.0.1:6800")],
    workspaces: Annotated[list[Path], typer.Option("--workspace", "-w", help="A municipality's workspace; "
                                                   "repeat for more.")],
) -> None:
    """Schedule one crawl per workspace; each goes into that workspace's own data/crawl.sqlite."""
    from helder.crawler.scrapyd import schedule

    for folder in workspaces:
        ws = load_workspace(folder)
        console.print(f"{ws.name}: job {schedule(scrapyd, ws)} → {ws.crawl_db}")


audit_app = typer.Typer(help="Find jargon, score readability, put residents' words next to the site's.",
                        invoke_without_command=True)
app.add_typer(audit_app, name="audit")


@audit_app.callback()
def audit(ctx: typer.Context, workspace: WorkspaceOption = Path(".")) -> None:
    """Find jargon, score readability, find residents' tasks, gaps and outliers; write data/audit/ and reports/."""
    if ctx.invoked_subcommand is None:
        pipeline.audit(load_workspace(workspace), console)


@audit_app.command("export")
def audit_export(
    directory: Annotated[Path, typer.Argument(help="Folder for the CSV files.")],
    workspace: WorkspaceOption = Path("."),
) -> None:
    """Write every audit table as CSV: findings, terms, pages, page_queries, tasks, gaps, outliers."""
    from helder.audit.run import export_tables

    for path in export_tables(load_workspace(workspace), directory):
        console.print(f"wrote {path}")


review_app = typer.Typer(help="The review loop: reviewers' decisions on jargon terms and candidates.",
                         no_args_is_help=True)
app.add_typer(review_app, name="review")


@review_app.command("import")
def review_import(
    file: Annotated[Path, typer.Argument(help="The filled reports/jargon.xlsx or reports/review.csv.")],
    reviewer: Annotated[str | None, typer.Option(help="Who decided, for rows and files that do not say.")] = None,
    workspace: WorkspaceOption = Path("."),
) -> None:
    """Store the decisions filled in a workbook or review.csv and apply them to the workspace lexicon.csv."""
    from helder.review.run import import_review
    from helder.review.show import print_import

    ws = load_workspace(workspace)
    print_import(ws, import_review(ws, file, reviewer), console)


@review_app.command("list")
def review_list(workspace: WorkspaceOption = Path(".")) -> None:
    """Show the decisions in force: per term the latest, with who and when."""
    from helder.review.show import print_decisions

    print_decisions(load_workspace(workspace), console)


@app.command()
def report(
    workspace: WorkspaceOption = Path("."),
    history: Annotated[bool, typer.Option("--history", help="List the kept audits (data/history/).")] = False,
    compare: Annotated[tuple[str, str] | None, typer.Option(
        "--compare", metavar="A B",
        help="Compare two audits (ids or dates from --history, or first/previous/latest): writes "
             "reports/compare-A-B.html and prints the change.")] = None,
) -> None:
    """Write the report folder (reports/index.html and pages beside it) and reports/jargon.xlsx from the last
    audit; or list the kept audits, or compare two of them."""
    ws = load_workspace(workspace)
    if history or compare:
        from helder.report.compare import print_comparison, print_history

        if history:
            print_history(ws, console)
        if compare:
            print_comparison(ws, compare[0], compare[1], console)
        return
    pipeline.report(ws, console)


@app.command()
def generate(workspace: WorkspaceOption = Path(".")) -> None:
    """Write one plain-language page per resident task into content/ (never over a person's edits)."""
    pipeline.generate_pages(load_workspace(workspace), console)


@app.command()
def build(workspace: WorkspaceOption = Path(".")) -> None:
    """Build the residents' site from content/ into site/ with mkdocs-material."""
    pipeline.build(load_workspace(workspace), console)


@app.command()
def run(workspace: WorkspaceOption = Path(".")) -> None:
    """Run every stage on the workspace's configuration: crawl, terms, audit, report, generate, build."""
    pipeline.run_all(load_workspace(workspace), console)


@app.command()
def demo(
    directory: Annotated[Path, typer.Argument(help="Workspace folder for the demo.")] = Path("."),
) -> None:
    """Run everything on the embedded demo municipality, Gemeente Voorbeeldstad."""
    from helder.demo.run import run_demo

    ws = run_demo(directory, console)
    console.print()
    console.print("[bold green]Done.[/] Open these:")
    console.print(f"  residents' site   {ws.site_dir / 'index.html'}")
    console.print(f"  jargon report     {ws.reports_dir / 'index.html'}  (Excel: {ws.reports_dir / 'jargon.xlsx'})")
    console.print(f"  crawl store       {ws.crawl_db}")
    console.print(f"  search terms      {ws.terms_path}")
    console.print(f"  audit tables      {ws.audit_dir}/")


def _required_period(start: str | None, end: str | None, last: str | None) -> tuple[date, date]:
    """--from/--to, or --last Nd (the N days up to yesterday: today's data is never complete)."""
    if last is not None:
        if start or end:
            raise HelderError("Give either --last or --from/--to, not both.")
        if not last.endswith("d") or not last[:-1].isdigit() or int(last[:-1]) < 1:
            raise HelderError(f"--last {last}: write a number of days, such as --last 90d.")
        end_day = date.today() - timedelta(days=1)
        return end_day - timedelta(days=int(last[:-1]) - 1), end_day
    period = _period(start, end)
    if period is None:
        raise HelderError("Say which days: --from YYYY-MM-DD --to YYYY-MM-DD, or --last 90d.")
    return period


def _period(start: str | None, end: str | None) -> tuple[date, date] | None:
    if start is None and end is None:
        return None
    try:
        period = (date.fromisoformat(start or ""), date.fromisoformat(end or ""))
    except ValueError:
        raise HelderError("--from and --to take dates as YYYY-MM-DD, and need each other.") from None
    if period[0] > period[1]:
        raise HelderError(f"--from {period[0]} is after --to {period[1]}.")
    return period


def main() -> None:
    try:
        app()
    except HelderError as exc:
        Console(stderr=True, highlight=False).print(f"[red]helder: error:[/] {exc}", soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        Console(stderr=True).print("helder: interrupted; what was stored so far is kept.")
        sys.exit(130)
