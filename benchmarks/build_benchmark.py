"""Site build speed: `helder generate` + `helder build` of a site with 1,000 task pages in 12 theme sections.

The source pages are the demo municipality's real page texts, repeated under new URLs with one word in five
varied (as in audit_benchmark.py); each gets a resident task with ten queries, so every page is generated with
its sections, plain-language rewriting, sources, hidden search keywords, and built with Helder's theme, plugin and
search index. Target (issue 7): generate + build ≤ 15 s on this 2-core machine.

    .venv/bin/python benchmarks/build_benchmark.py [--pages 1000] [--profile] [--keep]

Prints the time of each step, for three runs of the same workspace: the first (nothing generated or built
yet), a second with nothing changed, and a third after a new crawl and audit that changed the text of 2% of the
pages and the queries of 5% of the tasks. Then, for comparison on the same pages, mkdocs' own build (one process,
every page) and, when `zensical` is installed, Zensical's first build and rebuild (it reads the same mkdocs.yml).
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import pstats
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.audit_benchmark import SITE, make_pages
from helder.audit.pages import AuditPage
from helder.config import Workspace, load_workspace
from helder.crawler.store import PageRecord, PageStore
from helder.publish import site_builder
from helder.publish.build import BuildResult, build_site
from helder.publish.generate import generate
from helder.workspace import init_workspace

TARGET_SECONDS = 15.0


def make_workspace(root: Path, count: int, seed: int) -> tuple[Workspace, list[AuditPage]]:
    init_workspace(root, name="Gemeente Benchstad", site=SITE + "/", language="nl")
    ws = load_workspace(root)
    rng = random.Random(seed)
    pages = make_pages(count, rng)
    store_crawl(ws, pages)
    ws.audit_dir.mkdir(parents=True, exist_ok=True)
    _tasks(pages, rng).to_parquet(ws.audit_dir / "tasks.parquet", index=False)
    return ws, pages


def store_crawl(ws: Workspace, pages: list[AuditPage], crawled_at: str | None = None) -> None:
    """A finished crawl of the pages, stored as the crawler stores it (with each text's hash, so the store knows
    which pages changed since the last crawl)."""
    with PageStore(ws.crawl_db) as store:
        crawl_id = store.begin_crawl([SITE + "/"])
        for page in pages:
            text = "\n\n".join(t for _, t in page.blocks)
            store.commit_page(crawl_id, PageRecord(
                url=page.url, fetched_url=page.url, status=200, content_type="text/html", title=page.title,
                h1=page.h1, section=page.section, blocks=page.blocks, text=text, word_count=len(text.split()),
                crawled_at=crawled_at or page.crawled_at, content_hash=hashlib.sha256(text.encode()).hexdigest()))
        store.finish_crawl(crawl_id, "finished")


def change_site(ws: Workspace, pages: list[AuditPage], rng: random.Random) -> tuple[int, int]:
    """A new crawl a month later, of every page, in which 2% of the pages say something new, and an audit that gave
    5% of the tasks a new query: what a monthly run of the pipeline brings."""
    changed_pages = rng.sample(range(len(pages)), max(1, len(pages) // 50))
    for index in changed_pages:
        page = pages[index]
        blocks = [*page.blocks, ("p", "Vanaf 1 maart 2027 kunt u dit ook op het stadskantoor regelen.")]
        pages[index] = AuditPage(url=page.url, title=page.title, h1=page.h1, section=page.section,
                                 crawled_at=page.crawled_at, blocks=blocks)
    store_crawl(ws, pages, crawled_at="2026-12-23T09:00:00+00:00")
    tasks = pd.read_parquet(ws.audit_dir / "tasks.parquet")
    changed_tasks = rng.sample(range(len(tasks)), max(1, len(tasks) // 20))
    for index in changed_tasks:
        tasks.at[index, "queries"] = [*tasks.at[index, "queries"], "wat kost het"]
        tasks.at[index, "query_impressions"] = [*tasks.at[index, "query_impressions"], 1]
    tasks.to_parquet(ws.audit_dir / "tasks.parquet", index=False)
    return len(changed_pages), len(changed_tasks)


def _tasks(pages: list[AuditPage], rng: random.Random) -> pd.DataFrame:
    """One resident task per page, named like residents search ("grofvuil ophalen 17"), with ten queries."""
    words = sorted({w.lower() for p in pages[:100] for _, t in p.blocks for w in re.findall(r"[a-zA-Z]{4,}", t)})
    rows = []
    for i, page in enumerate(pages):
        name = " ".join(page.title.lower().split()[:3])
        queries = [name, *(" ".join(rng.sample(words, rng.randint(1, 3))) for _ in range(9))]
        impressions = sorted((int(rng.paretovariate(1.2) * 20) for _ in queries), reverse=True)
        slug = re.sub(r"[^a-z0-9]+", "-", name).strip("-")
        rows.append({"task": name, "slug": f"{slug}-{i}", "url": page.url, "section": page.section,
                     "official_title": page.title, "queries": queries, "query_impressions": impressions,
                     "impressions": sum(impressions), "clicks": sum(impressions) // 5})
    return pd.DataFrame(rows)


def _cpu() -> float:
    """CPU seconds of this process and its finished children: a fairer figure than the clock when the machine's
    two cores are shared."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(label: str, fn, results: dict[str, float]) -> None:
    start, cpu = time.perf_counter(), _cpu()
    fn()
    results[label] = time.perf_counter() - start
    print(f"  {label:<34} {results[label]:6.1f} s   (CPU {_cpu() - cpu:5.1f} s)", flush=True)


def print_build(result: BuildResult) -> None:
    print(f"    {result.rendered} of {result.pages} pages rendered, the others unchanged since the last build")


def mkdocs_own_build(ws: Workspace) -> None:
    """mkdocs' build loop, one page after another in one process, with the same configuration and plugin."""
    original = site_builder.can_build
    site_builder.can_build = lambda config: False
    try:
        build_site(ws)
    finally:
        site_builder.can_build = original


def profile_build(ws: Workspace, top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    build_site(ws)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    print(out.getvalue())


def zensical_config(ws: Workspace) -> Path:
    """The workspace's mkdocs.yml for Zensical, which reads the same file but not mkdocs' `!relative` tag and runs
    no mkdocs plugins (so Helder's plugin, keywords and feedback are not part of its figure)."""
    text = ws.mkdocs_yml.read_text(encoding="utf-8").replace("!relative $config_dir", str(ws.root))
    path = ws.root / "zensical.yml"
    path.write_text(text.replace("site_dir: site", "site_dir: site-zensical"), encoding="utf-8")
    return path


def zensical_command() -> str | None:
    beside = Path(sys.executable).parent / "zensical"  # installed in the same venv, which may not be on PATH
    return str(beside) if beside.exists() else shutil.which("zensical")


def zensical_build(config: Path) -> None:
    subprocess.run([zensical_command() or "zensical", "build", "--config-file", str(config)], cwd=config.parent,
                   check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", action="store_true", help="print the mkdocs build's cProfile (top 40)")
    parser.add_argument("--keep", action="store_true", help="keep the workspace and print where it is")
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="helder-build-bench-")) / "ws"
    print(f"{args.pages} task pages: preparing the workspace (crawl store and tasks table) …", flush=True)
    ws, pages = make_workspace(root, args.pages, args.seed)
    results: dict[str, float] = {}
    print("first run: nothing generated or built yet")
    timed("helder generate", lambda: generate(ws), results)
    timed("helder build (2 cores)", lambda: print_build(build_site(ws)), results)
    first = results["helder generate"] + results["helder build (2 cores)"]
    built = sum(1 for _ in ws.site_dir.rglob("index.html"))
    size = sum(p.stat().st_size for p in ws.site_dir.rglob("*.html")) / len(list(ws.site_dir.rglob("*.html")))
    print(f"  {built} pages built, {size / 1024:.0f} KB of HTML per page on average")
    print("second run: nothing changed")
    timed("helder generate again", lambda: generate(ws), results)
    timed("helder build again", lambda: print_build(build_site(ws)), results)
    second = results["helder generate again"] + results["helder build again"]
    changed_pages, changed_tasks = change_site(ws, pages, random.Random(args.seed + 1))
    print(f"third run: a month later, a new crawl of every page found {changed_pages} changed, "
          f"the audit gave {changed_tasks} tasks a new query")
    timed("helder generate after changes", lambda: generate(ws), results)
    timed("helder build after changes", lambda: print_build(build_site(ws)), results)
    third = results["helder generate after changes"] + results["helder build after changes"]
    print("for comparison, the same pages:")
    timed("mkdocs' own build (1 process)", lambda: mkdocs_own_build(ws), results)
    for label, seconds in [("first run", first), ("nothing changed", second),
                           (f"{changed_pages} pages and {changed_tasks} tasks changed", third)]:
        verdict = "met" if seconds <= TARGET_SECONDS else "NOT met"
        print(f"generate + build, {label}: {seconds:.1f} s (target ≤ {TARGET_SECONDS:.0f} s: {verdict})")
    if zensical_command():
        config = zensical_config(ws)
        timed("zensical build", lambda: zensical_build(config), results)
        timed("zensical build again (no changes)", lambda: zensical_build(config), results)
        total = results["helder generate"] + results["zensical build"]
        print(f"generate + build with Zensical, first run: {total:.1f} s")
    else:
        print("Zensical is not installed (pip install zensical): no figure for it")
    if args.profile:
        profile_build(ws, 40)
    if args.keep:
        print(f"workspace kept: {root}")
    else:
        shutil.rmtree(root.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
