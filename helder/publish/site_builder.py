"""Build the residents' site on all cores, and render again only the pages whose inputs changed.

mkdocs renders one page after another on one core, and all of them on every build: about 22 s for a site of
1,000 task pages, also when nothing changed. This builder follows `mkdocs.commands.build.build` (mkdocs 1.6)
step for step and changes only its two page loops:

- Every page's source is read here (its front matter gives the titles the navigation shows). Converting the
  Markdown and rendering the template happen in forked worker processes, each taking a share of the pages. The
  search index entries a page adds, and its anchors and links for mkdocs' anchor check, come back here, and the
  search index is written in page order as mkdocs writes it: the site is byte for byte the one mkdocs builds.
- A page whose inputs are those of the last build is not rendered again: its HTML is taken from the last built
  site (checked against the digest recorded then) and its search entries from the record. Its inputs are its
  source, the whole navigation (every title and address), the list of files, the configuration with what
  Helder adds to it, the theme files outside Material, the snippets appended to every page, and the versions
  of mkdocs, Material, Python-Markdown, pymdown-extensions, Jinja and Helder's build code.

Only configurations whose plugins keep no state across pages are built this way (search and Helder's own), and
not in strict mode (the warnings of the workers are not counted here): a plugin such as tags or blog gathers
pages while they render, so such a site is built by mkdocs itself.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from helder.atomic import write_text
from helder.parallel import map_chunks

log = logging.getLogger("mkdocs.commands.build")

STATELESS_PLUGINS = frozenset({"search", "material/search", "helder"})
MIN_PAGES = 100  # fewer pages render faster than worker processes start and report back
RECORD_VERSION = 1
_PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2")
_BUILD_CODE = ("site_builder.py", "site_plugin.py", "build.py", "feedback.py")  # what decides a page's HTML here


@dataclass
class RenderedPage:
    """What a page's rendering leaves besides its HTML file: kept in the build record for the next build."""

    key: str  # digest of everything the page's HTML depends on ("" when that cannot be known)
    html_digest: str
    entries: list[dict[str, Any]]  # the search index entries the page added
    anchors: list[str]  # its anchor ids, for other pages' links to them
    links: dict[str, dict[str, str]] = field(default_factory=dict)  # target file → {anchor: link as written}


@dataclass
class BuildStats:
    rendered: int = 0
    record: dict[str, Any] = field(default_factory=dict)  # written by `save_record` once the site is in place


def can_build(config: Any) -> bool:
    return set(config.plugins) <= STATELESS_PLUGINS and not config.strict


def load_record(path: Path) -> dict[str, RenderedPage]:
    """The last build's pages by source path; empty when there is none or it is unreadable (all pages render)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("version") != RECORD_VERSION:
            return {}
        return {src: RenderedPage(**page) for src, page in raw["pages"].items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def save_record(path: Path, stats: BuildStats) -> None:
    write_text(path, json.dumps({"version": RECORD_VERSION, "pages": stats.record}, ensure_ascii=False))


# State for the page renderers: set before the workers fork, so they inherit it instead of a pickled copy.
_state: dict[str, Any] = {}


def build(config: Any, record: dict[str, RenderedPage], previous_site: Path | None) -> BuildStats:
    """`mkdocs.commands.build.build(config)` with the page loops on all cores and unchanged pages reused."""
    from mkdocs.commands.build import _build_extra_template, _build_theme_template
    from mkdocs.exceptions import Abort, BuildError
    from mkdocs.structure.files import get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils import clean_directory

    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        clean_directory(config.site_dir)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)

        doc_files = files.documentation_pages()
        for file in doc_files:
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)
            file.page.read_source(config)  # the titles the navigation needs; the workers read it again
        shared = _shared_key(config, files, nav)
        keys = {file.src_uri: _page_key(shared, file) for file in doc_files}

        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files()
        for template in config.theme.static_templates:
            _build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            _build_extra_template(template, files, config, nav)

        results: dict[str, RenderedPage] = {}
        to_render = []
        for file in doc_files:
            kept = record.get(file.src_uri)
            key = keys[file.src_uri]
            if key and kept is not None and kept.key == key and _reuse(file, kept, previous_site, config.site_dir):
                results[file.src_uri] = kept
            else:
                to_render.append(file.src_uri)
        _state.update(config=config, files=files, nav=nav, env=env, doc_files=doc_files, keys=keys)
        try:
            rendered = map_chunks(_render_pages, to_render, min_items=MIN_PAGES)
        finally:
            _state.clear()
        results.update(zip(to_render, rendered, strict=True))

        _restore_search_index(config, [results[f.src_uri] for f in doc_files])
        _check_anchors(config, files, doc_files, results)
        config.plugins.on_post_build(config=config)
        return BuildStats(rendered=len(to_render),
                          record={src: asdict(page) for src, page in results.items() if page.key})
    except Exception as error:
        config.plugins.on_build_error(error=error)
        if isinstance(error, BuildError):
            log.error(str(error))
            raise Abort("Aborted with a BuildError!") from None
        raise


def _render_pages(src_uris: Sequence[str]) -> list[RenderedPage]:
    """Convert and render pages as mkdocs does, noting what each added to the search index."""
    from mkdocs.commands.build import _build_page, _populate_page

    config, files, nav, env = _state["config"], _state["files"], _state["nav"], _state["env"]
    doc_files, keys = _state["doc_files"], _state["keys"]
    index = _search_entries(config)
    out = []
    for src_uri in src_uris:
        file = files.get_file_from_path(src_uri)
        page = file.page
        _populate_page(page, config, files)
        before = len(index) if index is not None else 0
        _build_page(page, config, doc_files, nav, env, excluded=file.inclusion.is_excluded())
        entries = list(index[before:]) if index is not None else []
        links = {target.src_uri: dict(anchors) for target, anchors in (page.links_to_anchors or {}).items()}
        out.append(RenderedPage(key=keys[src_uri], html_digest=_digest(Path(file.abs_dest_path)), entries=entries,
                                anchors=sorted(page.present_anchor_ids or ()), links=links))
    return out


def _reuse(file: Any, kept: RenderedPage, previous_site: Path | None, site_dir: str) -> bool:
    """Put the last build's HTML of the page into the new site, if it is still there as it was written."""
    if previous_site is None:
        return False
    old = previous_site / file.dest_uri
    try:
        if _digest(old) != kept.html_digest:
            return False
        new = Path(site_dir) / file.dest_uri
        new.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(old, new)  # the old site is removed once the new one is in place: share the file meanwhile
        except OSError:
            shutil.copyfile(old, new)
        return True
    except OSError:
        return False


def _restore_search_index(config: Any, pages: list[RenderedPage]) -> None:
    """The search plugin's entries in page order, as if it had seen every page render in this process."""
    index = _search_entries(config)
    if index is not None:
        index[:] = [entry for page in pages for entry in page.entries]


def _search_entries(config: Any) -> list[dict[str, Any]] | None:
    for name, plugin in config.plugins.items():
        if name.endswith("search") and hasattr(plugin, "search_index"):
            return plugin.search_index.entries
    return None


def _check_anchors(config: Any, files: Any, doc_files: Any, results: dict[str, RenderedPage]) -> None:
    """mkdocs' check of links to anchors on other pages, from what the workers and the record noted."""
    for file in doc_files:
        page, result = file.page, results[file.src_uri]
        page.present_anchor_ids = set(result.anchors)
        page.links_to_anchors = {target: anchors for src, anchors in result.links.items()
                                 if (target := files.get_file_from_path(src)) is not None}
    for file in doc_files:
        file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)


# ---------------------------------------------------------------- what a page's HTML depends on


def _page_key(shared: str, file: Any) -> str:
    """"" for a page whose inputs cannot all be known: one a plugin made, or one that includes snippets."""
    page = file.page
    if not file.abs_src_path or page.markdown is None or "--8<--" in page.markdown:
        return ""
    meta = json.dumps(page.meta, sort_keys=True, default=repr)  # as read_source split it from the Markdown
    return hashlib.sha256("\0".join([shared, file.src_uri, meta, page.markdown]).encode()).hexdigest()


def _shared_key(config: Any, files: Any, nav: Any) -> str:
    """What every page's HTML depends on: configuration, navigation, files, theme, snippets and versions."""
    digest = hashlib.sha256()
    for part in _shared_parts(config, files, nav):
        digest.update(part if isinstance(part, bytes) else str(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _shared_parts(config: Any, files: Any, nav: Any) -> Iterator[bytes | str]:
    yield str(RECORD_VERSION)
    for package in _PACKAGES:
        try:
            yield f"{package} {version(package)}"
        except PackageNotFoundError:
            yield package
    here = Path(__file__).parent
    for name in _BUILD_CODE:
        yield (here / name).read_bytes()
    if config.config_file_path:
        yield Path(config.config_file_path).read_bytes()
    # What the configuration holds after Helder's additions (feedback settings, stylesheet, theme directories).
    yield json.dumps([config.extra, config.extra_css, config.extra_javascript, config.theme.dirs,
                      dict(config.theme.items())], sort_keys=True, default=repr)
    yield from _theme_files(config)
    yield from _appended_snippets(config)
    yield "\n".join(sorted(f.src_uri for f in files))
    yield json.dumps(list(_nav_outline(nav.items)))


def _nav_outline(items: Sequence[Any]) -> Iterator[Any]:
    for item in items:
        children = list(_nav_outline(item.children)) if getattr(item, "children", None) else []
        yield [type(item).__name__, item.title, getattr(item, "url", None), children]


def _theme_files(config: Any) -> Iterator[bytes | str]:
    """The files of theme directories that are not an installed package's (Helder's overrides, a custom_dir)."""
    packaged = [Path(p).resolve() for p in _package_template_dirs()]
    for directory in config.theme.dirs:
        root = Path(directory).resolve()
        if any(root == p or p in root.parents for p in packaged):
            continue  # Material's and mkdocs' own templates: covered by their versions
        for path in sorted(root.rglob("*")):
            if path.is_file():
                yield path.relative_to(root).as_posix()
                yield path.read_bytes()


def _package_template_dirs() -> list[str]:
    import material
    import mkdocs

    return [os.path.dirname(material.__file__), os.path.dirname(mkdocs.__file__)]


def _appended_snippets(config: Any) -> Iterator[bytes | str]:
    """pymdownx.snippets' auto_append files, which end every page (the abbreviation tooltips)."""
    settings = (config.mdx_configs or {}).get("pymdownx.snippets") or {}
    bases = settings.get("base_path") or ["."]
    bases = bases if isinstance(bases, list) else [bases]
    for name in settings.get("auto_append") or []:
        for base in bases:
            path = Path(str(base)) / name
            if path.is_file():
                yield name
                yield path.read_bytes()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
