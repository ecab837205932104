"""The mkdocs plugin `helder build` adds to every build: Helder's theme overrides, hidden search keywords and
the feedback widget on task pages only.

It is injected by `helder.publish.build` rather than listed in the workspace's `mkdocs.yml`, so that file stays
the user's to edit and a Helder upgrade brings its fixes without touching it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

THEME_DIR = Path(__file__).parent / "theme"
STYLESHEET = "assets/stylesheets/helder.css"

# The search field that holds a page's residents' queries and the official terms it replaced. Material weighs
# titles 1,000 and body text 1; the residents' words weigh as much as the title, because they name the task as
# well as the title does (measured on the demo: 100% of queries in the top 3 at 1,000, 98.5% at 200).
KEYWORDS_FIELD = "keywords"
KEYWORDS_BOOST = 1000.0
LIST_PAGE_BOOST = 0.2  # home and theme pages list every task title; below the task pages they link to


def search_terms(meta: dict[str, Any]) -> list[str]:
    """The page's hidden search keywords: its `search_terms` front matter (the residents' queries and the official
    terms the page replaced), the queries Helder recorded under `helder:`, and the page's official name, which
    residents meet on letters and forms."""
    helder = meta.get("helder") if isinstance(meta.get("helder"), dict) else {}
    listed = meta.get("search_terms") if isinstance(meta.get("search_terms"), list) else []
    terms = [*listed, *(helder.get("queries") or []), helder.get("official_name") or ""]
    seen: dict[str, None] = {}
    for term in terms:
        if isinstance(term, str | int | float) and str(term).strip():
            seen.setdefault(str(term).strip(), None)
    return list(seen)


def is_task_page(meta: dict[str, Any]) -> bool:
    helder = meta.get("helder")
    return isinstance(helder, dict) and bool(helder.get("task"))


def is_list_page(meta: dict[str, Any]) -> bool:
    """The home page and the theme pages: lists of links to task pages."""
    helder = meta.get("helder")
    return isinstance(helder, dict) and not helder.get("task") and bool(helder.get("home") or helder.get("theme"))


class HelderSitePlugin(BasePlugin):
    """Registered in code (see build.py); keeps state only for one build."""

    def __init__(self) -> None:
        super().__init__()
        self._keywords: dict[str, str] = {}

    @event_priority(-100)  # after the search plugin has set up its index
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        dirs = config.theme.dirs
        if str(THEME_DIR) not in dirs:
            # After the user's own custom_dir (theirs wins), before Material's templates.
            user_dir = config.theme.custom_dir
            dirs.insert(1 if user_dir and dirs and dirs[0] == user_dir else 0, str(THEME_DIR))
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)  # a theme file, copied into the site with Material's assets
        search = _search_plugin(config)
        if search is not None:
            search.config.fields.setdefault(KEYWORDS_FIELD, {"boost": KEYWORDS_BOOST})
        return config

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Any) -> str:
        if not is_task_page(page.meta):
            # "Heeft deze pagina u geholpen?" belongs under a task, not under the home page or a theme list.
            hide = page.meta.get("hide") if isinstance(page.meta.get("hide"), list) else []
            page.meta["hide"] = [*hide, "feedback"]
        if is_list_page(page.meta) and "search" not in page.meta:
            # A list of task titles matches every query that names a task; the task page itself should win.
            page.meta["search"] = {"boost": LIST_PAGE_BOOST}
        return markdown

    @event_priority(-100)  # after the search plugin added this page's entries
    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> None:
        terms = search_terms(page.meta) if is_task_page(page.meta) or "search_terms" in page.meta else []
        search = _search_plugin(config)
        if not terms or search is None or not hasattr(search, "search_index"):
            return None
        # The page's first entry (its location is the page URL, no #anchor) carries the keywords, so a match lands
        # on the page itself. Material shows title and text in results, never this field: it does not clutter.
        for entry in reversed(search.search_index.entries):
            if entry["location"] == page.url:
                entry[KEYWORDS_FIELD] = " · ".join(terms)
                break
        return None


def _search_plugin(config: MkDocsConfig) -> Any:
    for name, plugin in config.plugins.items():
        if name.endswith("search") and hasattr(plugin.config, "fields"):
            return plugin
    return None
