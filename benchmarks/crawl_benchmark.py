"""Crawl benchmark: how fast Helder crawls a realistic municipal site, against the network and against Scrapy.

What it does, in one run:

1. Generates (or reuses) a deterministic static site of `--pages` Dutch municipal pages (~35 KB each, a CMS
   template around the main text, 20–40 links in the main text, robots.txt, sitemap.xml with <lastmod>); see
   sitegen.py.
2. Serves it with its own nginx instance (Debian's nginx, not the system service) on 127.0.0.1 and a free port:
   a real static server, so the server is never the bottleneck.
3. Crawls it with, one after the other:
   - `wget --mirror`: the fetching limit (one connection, no parsing beyond finding links);
   - a bare Scrapy spider that only follows links with Scrapy's LinkExtractor (bare_spider.py): what Scrapy
     itself costs per page, before any extraction;
   - `helder crawl` with full extraction and politeness limits off (concurrency 16, no delay, no AutoThrottle,
     no rate limit): the number that matters;
   - `helder crawl` again on the unchanged site: the recrawl, which should cost a small fraction of the first.
4. Prints a table (pages, seconds, pages/s, CPU ms per page, peak RSS) and the ratios against the targets:
   Helder must crawl at least as fast as the bare spider and should reach twice its rate; an unchanged recrawl
   should take at most 5 % of the first crawl's time. It prints, it does not assert.

How it measures: every tool runs as a child process in a new session. Wall time is from start to exit. CPU time is
user + system of the child and every descendant it waited for, from os.wait4's resource usage (so Helder's crawl
child process counts). Peak memory is the largest sum of VmRSS over the whole process tree, sampled from /proc
every 50 ms (so Helder's CLI process and its crawl child count together). Python start-up is included for every
tool: it is part of what a user waits for.

Run: `.venv/bin/python benchmarks/crawl_benchmark.py` (5,000 pages, a few minutes on 2 cores, of which the first
site generation is about 20 s) or `--pages 300` for a check in under a minute. Linux only (nginx, /proc).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sitegen import SiteInfo, ensure_site

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
SAMPLE_EVERY = 0.05  # seconds between memory samples
RATE_REQUIRED = 1.0  # Helder's rate / the bare spider's rate
RATE_GOAL = 2.0
RECRAWL_TARGET = 0.05  # unchanged recrawl time / first crawl time


@dataclass
class Measurement:
    """One child process run: wall seconds, CPU seconds (user + sys, with waited-for descendants), peak RSS."""

    seconds: float
    cpu_seconds: float
    peak_rss: int  # bytes, summed over the process tree
    returncode: int
    log: Path
    timed_out: bool = False

    @property
    def failure(self) -> str:
        if self.timed_out:
            return "killed after --timeout"
        return f"exit status {self.returncode}" if self.returncode else ""


@dataclass
class Result:
    tool: str
    pages: int
    run: Measurement
    note: str = ""

    @property
    def rate(self) -> float:
        return self.pages / self.run.seconds if self.run.seconds else 0.0

    @property
    def cpu_ms_per_page(self) -> float:
        return 1000 * self.run.cpu_seconds / self.pages if self.pages else float("nan")


# --- measuring a process tree ----------------------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    kids: list[int] = []
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            with contextlib.suppress(OSError), open(f"/proc/{pid}/task/{task}/children") as f:
                kids.extend(int(k) for k in f.read().split())
    return kids


def _rss(pid: int) -> int:
    with contextlib.suppress(OSError), open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def tree_rss(root: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _rss(pid)
        todo.extend(_children(pid))
    return total


def measure(cmd: list[str], log: Path, timeout: float, cwd: Path | None = None) -> Measurement:
    """Run `cmd` to its end, with stdout and stderr to `log`; kill its whole session after `timeout` seconds."""
    with log.open("wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=cwd, start_new_session=True)
        peak, timed_out = 0, False
        try:
            while True:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                if time.perf_counter() - started > timeout:
                    timed_out = True
                    os.killpg(proc.pid, signal.SIGKILL)
                peak = max(peak, tree_rss(proc.pid))
                time.sleep(SAMPLE_EVERY)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # stragglers of the session, if any
        seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak = max(peak, usage.ru_maxrss * 1024)  # a tree shorter than one sample still has a peak
    return Measurement(seconds, usage.ru_utime + usage.ru_stime, peak, proc.returncode, log, timed_out)


def tail(path: Path, lines: int = 15) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


# --- nginx ----------------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def nginx_conf(prefix: Path, site: Path, port: int) -> str:
    temp = "\n".join(f"    {kind}_temp_path {prefix}/temp/{kind};"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the site wherever it is
    return f"""{user}daemon off;
worker_processes auto;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    charset utf-8;
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 100000;
{temp}
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {site};
        location / {{ try_files $uri $uri/index.html $uri.html =404; }}
    }}
}}
"""


@contextlib.contextmanager
def nginx(site: Path, prefix: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 with a private nginx; yields the base URL and always stops the server."""
    exe = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(exe).exists():
        raise SystemExit("nginx not found: apt-get install -y nginx")
    port = free_port()
    (prefix / "temp").mkdir(parents=True, exist_ok=True)
    (prefix / "nginx.conf").write_text(nginx_conf(prefix, site, port))
    cmd = [exe, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(prefix / "error.log")]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for_port(port, proc, prefix / "error.log")
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()  # SIGTERM: fast shutdown of master and workers
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_for_port(port: int, proc: subprocess.Popen[bytes], error_log: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            errors = error_log.read_text() if error_log.exists() else ""
            raise SystemExit(f"nginx stopped at start:\n{errors}{proc.stderr.read().decode() if proc.stderr else ''}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.05)
    raise SystemExit(f"nginx did not listen on 127.0.0.1:{port} within 10 s")


# --- the crawlers -----------------------------------------------------------------------------------------------

def run_wget(base: str, work: Path, timeout: float) -> Result:
    target = work / "wget"
    cmd = ["wget", "--mirror", "--no-parent", "-q", "-e", "robots=off", "-P", str(target), base]
    run = measure(cmd, work / "logs" / "wget.log", timeout)
    pages = sum(len(files) for _, _, files in os.walk(target))
    return Result("wget --mirror", pages, run, run.failure)


def run_bare_spider(base: str, work: Path, timeout: float) -> Result:
    out = work / "bare_spider.json"
    settings = {
        "CONCURRENT_REQUESTS": 16, "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False, "ROBOTSTXT_OBEY": False, "LOG_LEVEL": "WARNING",
        "TELNETCONSOLE_ENABLED": False,
    }
    cmd = [sys.executable, "-m", "scrapy", "runspider", str(HERE / "bare_spider.py"),
           "-a", f"start={base}", "-a", f"out={out}"]
    for key, value in settings.items():
        cmd += ["-s", f"{key}={value}"]
    run = measure(cmd, work / "logs" / "bare_spider.log", timeout, cwd=work)
    pages = json.loads(out.read_text())["pages"] if out.exists() else 0
    return Result("Scrapy bare spider", pages, run, run.failure)


def helder_crawl_section(base: str) -> str:
    """[crawl] for the benchmark: fetch from the local nginx, politeness off (a local server, not a town's)."""
    from helder.config import CrawlSettings

    known = {f.name for f in dataclasses.fields(CrawlSettings)}
    lines = ["[crawl]", "# crawl benchmark: politeness limits off for a local nginx; the site name is a label",
             f'fetch_from = "{base}"', "max_pages = 100000", "concurrency = 16", "delay = 0", "autothrottle = false"]
    if "max_rate" in known:
        lines.append("max_rate = 0   # no requests-per-second limit")
    return "\n".join(lines) + "\n\n"


def make_workspace(base: str, work: Path) -> Path:
    ws = work / "workspace"
    subprocess.run([str(BIN / "helder"), "init", str(ws), "--site", "http://bench.example/", "--name", "Bench"],
                   check=True, stdout=subprocess.DEVNULL)
    config = ws / "helder.toml"
    text = config.read_text(encoding="utf-8")
    text, found = re.subn(r"^\[crawl\]\n.*?(?=^\[|\Z)", helder_crawl_section(base), text, flags=re.S | re.M)
    if not found:
        text += "\n" + helder_crawl_section(base)
    config.write_text(text, encoding="utf-8")
    return ws


def stored_pages(ws: Path) -> int:
    db = ws / "data" / "crawl.sqlite"
    if not db.exists():
        return 0
    with contextlib.closing(sqlite3.connect(db)) as con:
        return con.execute("SELECT count(*) FROM pages WHERE status = 200").fetchone()[0]


def run_helder(ws: Path, label: str, work: Path, timeout: float) -> Result:
    log = work / "logs" / f"{label.replace(' ', '_')}.log"
    run = measure([str(BIN / "helder"), "crawl", "-w", str(ws)], log, timeout)
    crawl_log = ws / "data" / "crawl.log"
    errors = crawl_log.read_text(errors="replace").count(" ERROR: ") if crawl_log.exists() else 0
    if errors:  # put the crawl's own first error where the failure report and --keep find it
        with log.open("a") as f:
            f.write(f"\nfirst of {errors} errors in {crawl_log}:\n{first_error(crawl_log)}\n")
    notes = [run.failure] if run.failure else []
    if errors:
        notes.append(f"{errors} ERROR line(s) in crawl.log: {first_error(crawl_log).splitlines()[-1][:100]}")
    return Result(label, stored_pages(ws), run, "; ".join(notes))


def first_error(crawl_log: Path) -> str:
    """The first ERROR of the crawl's Scrapy log with the exception line that ends its traceback."""
    if not crawl_log.exists():
        return "(no crawl.log)"
    lines = crawl_log.read_text(errors="replace").splitlines()
    for i, line in enumerate(lines):
        if " ERROR: " in line:
            end = next((j for j in range(i + 1, len(lines)) if re.match(r"^\S", lines[j])
                        and not lines[j].startswith("Traceback")), len(lines))
            return "\n".join([line, *lines[end:end + 1]]) if end < len(lines) else line
    return "(no ERROR in crawl.log)"


# --- report -----------------------------------------------------------------------------------------------------

def print_table(results: list[Result]) -> None:
    header = f"{'tool':<22} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'CPU ms/page':>12} {'peak RSS MB':>12}"
    print(header)
    print("-" * len(header))
    for r in results:
        print(f"{r.tool:<22} {r.pages:>6} {r.run.seconds:>8.2f} {r.rate:>8.1f} {r.cpu_ms_per_page:>12.2f} "
              f"{r.run.peak_rss / 2**20:>12.0f}" + (f"  {r.note}" if r.note else ""))


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def print_ratios(by_tool: dict[str, Result]) -> None:
    """Ratios between runs that finished; a skipped or failed run gives n/a."""
    ok = {tool: r for tool, r in by_tool.items() if not r.run.failure and r.pages}
    helder, recrawl = ok.get("Helder crawl"), ok.get("Helder recrawl")
    bare, wget = ok.get("Scrapy bare spider"), ok.get("wget --mirror")
    print("\nratios")
    if helder and bare:
        ratio = helder.rate / bare.rate
        print(f"  Helder / bare spider rate   {ratio:7.3f}×  required ≥ {RATE_REQUIRED:.1f}×: "
              f"{verdict(ratio >= RATE_REQUIRED)}; goal ≥ {RATE_GOAL:.1f}×: {verdict(ratio >= RATE_GOAL)}")
    else:
        print("  Helder / bare spider rate       n/a (skipped or failed)")
    if helder and wget:
        print(f"  Helder / wget rate          {helder.rate / wget.rate:7.3f}×  (wget is the fetching limit)")
    else:
        print("  Helder / wget rate              n/a (skipped or failed)")
    if helder and recrawl:
        ratio = recrawl.run.seconds / helder.run.seconds
        print(f"  recrawl / first crawl time  {ratio:7.3f}   target ≤ {RECRAWL_TARGET}: "
              f"{verdict(ratio <= RECRAWL_TARGET)}")
    else:
        print("  recrawl / first crawl time      n/a (failed)")


def check_counts(results: list[Result], expected: int) -> None:
    for r in results:
        if r.pages != expected:
            print(f"  note: {r.tool} has {r.pages} pages of the site's {expected}")


def print_header(site: SiteInfo, base: str) -> None:
    version = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip()
    print(f"site: {site.pages} pages, {site.bytes / site.pages / 1024:.1f} KB a page on average, "
          f"{'reused' if site.reused else 'generated'} in {site.root}")
    print(f"server: {version} on {base} · {os.cpu_count()} CPUs · Python {sys.version.split()[0]}")
    print("memory: peak of the summed RSS of each tool's process tree (/proc, every 50 ms); "
          "CPU: user+sys incl. waited-for children (wait4)\n")


# --- main -------------------------------------------------------------------------------------------------------

def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=5000, help="pages in the generated site (default 5000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the site generator (default 1)")
    parser.add_argument("--site-dir", type=Path, help="where the site is generated or reused "
                        "(default: a folder in the system temp dir named after pages and seed)")
    parser.add_argument("--keep", action="store_true", help="keep the work dir (workspace, mirror, logs)")
    parser.add_argument("--skip-wget", action="store_true")
    parser.add_argument("--skip-scrapy", action="store_true")
    parser.add_argument("--timeout", type=float, default=900, help="seconds one tool may run (default 900)")
    return parser.parse_args(argv)


def run_all(args: argparse.Namespace, base: str, work: Path) -> list[Result]:
    results = []
    if not args.skip_wget:
        results.append(run_wget(base, work, args.timeout))
    if not args.skip_scrapy:
        results.append(run_bare_spider(base, work, args.timeout))
    ws = make_workspace(base, work)
    first = run_helder(ws, "Helder crawl", work, args.timeout)
    results.append(first)
    if not first.run.failure:
        results.append(run_helder(ws, "Helder recrawl", work, args.timeout))
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    site_dir = args.site_dir or Path(tempfile.gettempdir()) / f"helder-bench-site-{args.pages}-s{args.seed}"
    site = ensure_site(site_dir.resolve(), args.pages, args.seed)
    work = Path(tempfile.mkdtemp(prefix="helder-crawl-bench-"))
    (work / "logs").mkdir()
    try:
        with nginx(site.root, work / "nginx") as base:
            print_header(site, base)
            results = run_all(args, base, work)
        print_table(results)
        check_counts(results, site.pages)
        print_ratios({r.tool: r for r in results})
        failed = [r for r in results if r.run.failure]
        for r in failed:
            print(f"\n{r.tool} failed ({r.run.failure}); the end of its output:\n{tail(r.run.log)}")
        return 1 if failed else 0
    finally:
        if args.keep:
            print(f"\nkept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
