"""Does the site's own search find the right page from the residents' words? Measured as a resident would:
in headless Chromium, typing each query into the site's search box and reading the first three results.

Used by tests/test_site_search.py and benchmarks/site_search.py. Two sites are measured with the same queries:
- the built residents' site, where each query should find the task page generated for its task;
- the old site, rebuilt as a throwaway mkdocs-material site from the crawled pages' text (same theme, same
  search), where each query should find the page residents landed on (the task's `url`).
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from helder.config import Workspace
from helder.publish.site_pages import escape

TOP = 3
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@dataclass(frozen=True)
class SearchCase:
    query: str
    expected: str  # the site path that should be among the first results, e.g. "/afval/grofvuil-ophalen/"
    kind: str = "query"  # "query" (a resident's search) or "official" (the official term a page replaced)


@dataclass
class SearchScore:
    hits: int = 0
    cases: list[tuple[SearchCase, list[str]]] = field(default_factory=list)  # every case with its top results

    @property
    def total(self) -> int:
        return len(self.cases)

    @property
    def share(self) -> float:
        return self.hits / self.total if self.total else 0.0

    @property
    def misses(self) -> list[tuple[SearchCase, list[str]]]:
        return [(case, top) for case, top in self.cases if case.expected not in top]

    def summary(self, label: str) -> str:
        return f"{label}: {self.hits}/{self.total} = {self.share:.1%} found in the top {TOP}"


def task_pages(ws: Workspace) -> dict[str, tuple[str, dict[str, Any]]]:
    """Generated task pages by task name: (site path, front matter)."""
    pages: dict[str, tuple[str, dict[str, Any]]] = {}
    for path in sorted(ws.content_dir.rglob("*.md")):
        meta = _front_matter(path)
        helder = meta.get("helder") if isinstance(meta.get("helder"), dict) else {}
        if helder.get("task"):
            rel = path.relative_to(ws.content_dir).with_suffix("")
            site_path = "/" + ("/".join(rel.parts[:-1]) + "/" if rel.name == "index" else rel.as_posix() + "/")
            pages[str(helder["task"])] = (site_path.replace("//", "/"), meta)
    return pages


def site_cases(ws: Workspace) -> list[SearchCase]:
    """Every resident query of every task that has a page (from the audit's tasks table, not from the page), and
    every page's official name."""
    from helder.audit.run import read_table

    pages = task_pages(ws)
    cases: list[SearchCase] = []
    for task in read_table(ws, "tasks").to_dict("records"):
        if task["task"] not in pages:
            continue
        path, meta = pages[task["task"]]
        cases.extend(SearchCase(str(q), path) for q in task["queries"])
        official = (meta.get("helder") or {}).get("official_name")
        if official:
            cases.append(SearchCase(str(official), path, "official"))
    return cases


def old_site_cases(ws: Workspace, cases: list[SearchCase]) -> list[SearchCase]:
    """The same queries, each expecting the old site's landing page of its task."""
    from helder.audit.run import read_table

    pages = task_pages(ws)
    landing = {pages[t["task"]][0]: old_path(t["url"]) for t in read_table(ws, "tasks").to_dict("records")
               if t["task"] in pages and t["url"]}
    return [SearchCase(c.query, landing[c.expected], c.kind) for c in cases if c.expected in landing]


def old_path(url: str) -> str:
    """Where a crawled URL's page lands in the throwaway old site."""
    parts = [re.sub(r"[^a-z0-9_-]+", "-", p.lower()) for p in urlsplit(url).path.split("/") if p]
    return "/" + "".join(f"{p}/" for p in parts)


def build_old_site(ws: Workspace, dest: Path) -> Path:
    """A throwaway mkdocs-material site with one page per crawled HTML page (its title, headings and text), built
    with the residents' site's search settings but without Helder's keywords. Returns the built site folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from helder.audit.pages import HEADINGS, load_pages

    docs = dest / "docs"
    shutil.rmtree(dest, ignore_errors=True)
    for page in load_pages(ws):
        if page.is_document:
            continue
        target = docs / old_path(page.url).strip("/") / "index.md"
        lines = [f"# {escape(page.h1 or page.title)}", ""]
        for kind, text in page.blocks:
            if kind == "h1":
                continue
            # Crawled text is untrusted: escaped, so it stays text in the throwaway site too.
            prefix = "## " if kind in HEADINGS else "- " if kind in ("ul", "ol") else ""
            lines += [prefix + escape(text, line_start=not prefix), ""]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(lines), encoding="utf-8")
    config_file = dest / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump({
        "site_name": f"{ws.name} (old site)", "docs_dir": "docs", "site_dir": "site",
        "theme": {"name": "material", "language": ws.language, "font": False},
        "plugins": [{"search": {"lang": ws.language}}],
    }, allow_unicode=True), encoding="utf-8")
    build(load_config(str(config_file)))
    return dest / "site"


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1 (Material's search runs in a web worker, which file:// forbids)."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(Quiet, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's headless Chromium through Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("chromium is not installed: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def measure(browser: Any, site_dir: Path, cases: list[SearchCase]) -> SearchScore:
    """Type every case's query into the site's search box; a hit when its page is among the first TOP results."""
    score = SearchScore()
    with serve(site_dir) as base:
        page = browser.new_page()
        try:
            page.add_init_script(_WORKER_SPY)
            page.goto(base + "/")
            page.locator("input.md-search__input").click()  # opens the search overlay, as a resident would
            for case in cases:
                top = search(page, case.query)
                score.hits += case.expected in top
                score.cases.append((case, top))
        finally:
            page.close()
    return score


# Material shows the same placeholder for "no results" as for "nothing typed", so the measure listens to the search
# worker's answers instead: every result message (type 3) is counted, with how many pages it found.
_WORKER_SPY = """(() => {
  const Native = window.Worker;
  window.__helderAnswers = 0;
  window.__helderFound = 0;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', ev => {
        if (ev.data && ev.data.type === 3) {
          window.__helderFound = ev.data.data.items.length;
          window.__helderAnswers += 1;
        }
      });
    }
  };
})();"""

# One round trip per query: clear the box, type the query, wait for the worker's answer and for the first items to
# be rendered, return the items' links (each item is one page).
_SEARCH_JS = """async ([query, want]) => {
  const box = document.querySelector('input.md-search__input');
  const items = () => document.querySelectorAll('.md-search-result__item');
  const until = async (ready) => {
    for (let waited = 0; !ready(); waited += 5) {
      if (waited > 15000) throw new Error('no search results for ' + query);
      await new Promise(r => setTimeout(r, 5));
    }
  };
  const type = (value) => {
    box.value = value;
    box.dispatchEvent(new Event('input', {bubbles: true}));
    box.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
  };
  type('');
  await until(() => items().length === 0);
  const before = window.__helderAnswers;
  type(query);
  let typed = Date.now();
  await until(() => {
    if (window.__helderAnswers === before) {
      // Typed while the search index was still loading: type again, as a resident would.
      if (Date.now() - typed > 1000) { type(''); type(query); typed = Date.now(); }
      return false;
    }
    return items().length >= Math.min(window.__helderFound, want);
  });
  if (window.__helderFound === 0) return [];
  return Array.from(items()).slice(0, want).map(item => item.querySelector('a').href);
}"""


def search(page: Any, query: str) -> list[str]:
    """The paths of the first TOP result pages for `query`, as the search overlay shows them."""
    links = page.evaluate(_SEARCH_JS, [query, TOP])
    paths: list[str] = []
    for href in links:
        path = urlsplit(href).path
        paths.append(path if path.endswith("/") else path + "/")
    return paths


def _front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    end = text.find("\n---", 4)
    try:
        meta = yaml.safe_load(text[4:end]) if end > 0 else {}
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}
