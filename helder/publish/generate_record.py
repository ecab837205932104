"""Which task pages `helder generate` must build again: a record of every page's inputs at the last run.

Building a task page reads every sentence of its source page (rewriting, splitting, readability): about 20 ms a
page, 20 s of CPU for a site of 1,000 tasks, on every run. Most runs change a few tasks. A page is built again
only when one of its inputs changed since the run that wrote it: the task (its name, queries, figures), the
source page as crawled, the documents it links to, the lexicon with the workspace's reviewed terms, the
language and the form of address, and Helder's own code and data (any file of the package, so an upgrade or
a fix rebuilds everything). Otherwise the text generated last time, kept as the page's base in
`data/generated/`, is used as it is; the rules that protect a person's edits then apply to it as to a new text.

The record is `data/generate-record.json`. A page whose new text was not taken in (edited by a person, new
version written beside it) is left out of it, so it is built and reported again on every run until resolved.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import helder
from helder.atomic import write_text
from helder.audit.pages import AuditPage
from helder.config import Workspace
from helder.language.lexicon import Lexicon
from helder.publish.taskpage import PageContext

RECORD_VERSION = 1
_PACKAGES = ("simplemma", "wordfreq", "pyyaml", "merge3")  # libraries whose behaviour shapes a page's text


def record_path(ws: Workspace) -> Path:
    return ws.data_dir / "generate-record.json"


def load_record(path: Path) -> dict[str, dict[str, str]]:
    """Content path (relative) → {"key": inputs digest, "title": the page's title}; empty when unreadable."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("version") != RECORD_VERSION or not isinstance(raw.get("pages"), dict):
            return {}
        return {rel: page for rel, page in raw["pages"].items()
                if isinstance(page, dict) and isinstance(page.get("key"), str) and isinstance(page.get("title"), str)}
    except (OSError, ValueError, AttributeError):
        return {}


def save_record(path: Path, pages: dict[str, dict[str, str]]) -> None:
    write_text(path, json.dumps({"version": RECORD_VERSION, "pages": dict(sorted(pages.items()))},
                                ensure_ascii=False))


def shared_key(ctx: PageContext) -> str:
    """What every page depends on: Helder's code and data, the libraries, the lexicon, language and address."""
    return _digest([lexicon_key(ctx.lexicon), ctx.language, ctx.address])


@lru_cache(maxsize=4)  # asked for by the page keys and by the glossary record's load and save
def lexicon_key(lexicon: Lexicon) -> str:
    """The lexicon's entries with the code and data that match them."""
    entries = [(e.term, e.plain, e.explanation, e.category, e.source) for e in lexicon.entries]
    return _digest([_package_digest(), *_versions(), lexicon.language.code, entries])


def terms_record_path(ws: Workspace) -> Path:
    return ws.data_dir / "glossary-record.json"


def load_terms_record(ws: Workspace, lexicon: Lexicon) -> dict[str, list[list[str]]]:
    """The glossary's terms per page text at the last run (see glossary.find_terms), if the lexicon is the same."""
    try:
        raw = json.loads(terms_record_path(ws).read_text(encoding="utf-8"))
        if raw.get("version") != RECORD_VERSION or raw.get("lexicon") != lexicon_key(lexicon):
            return {}
        return {digest: pairs for digest, pairs in raw["pages"].items()
                if isinstance(pairs, list) and all(isinstance(p, list) and len(p) == 2 for p in pairs)}
    except (OSError, ValueError, AttributeError, KeyError):
        return {}


def save_terms_record(ws: Workspace, lexicon: Lexicon, known: dict[str, list[list[str]]]) -> None:
    write_text(terms_record_path(ws), json.dumps({"version": RECORD_VERSION, "lexicon": lexicon_key(lexicon),
                                                  "pages": known}, ensure_ascii=False))


def page_key(shared: str, task: dict[str, Any], source: AuditPage, kind: str, ctx: PageContext) -> str:
    documents = [asdict(link) for link in ctx.documents.get(source.url, [])]
    # Every crawl moves crawled_at on; the page cites only the date of the crawl that found its text.
    page = {**asdict(source), "crawled_at": "", "changed_at": source.text_date}
    return _digest([shared, kind, task, page, documents])


def _digest(parts: list[Any]) -> str:
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=_plain)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    """numpy arrays and numbers from the parquet tables as lists and numbers (str() would shorten long arrays)."""
    if hasattr(value, "tolist"):
        return value.tolist()
    return str(value)


def _versions() -> list[str]:
    found = []
    for package in _PACKAGES:
        try:
            found.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            found.append(package)
    return found


@lru_cache(maxsize=1)
def _package_digest() -> str:
    """Every file of the installed Helder package (code, lexicons, language data): about 2 MB, read in ~10 ms."""
    root = Path(helder.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
