"""Documents a source page links to (PDF, Word, spreadsheets), listed on its task page with file type and size:
"Aanvraagformulier bijzondere bijstand (pdf, 9 kB)" — residents on a phone want to know before they tap."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from helder.config import Workspace
from helder.crawler.store import PageStore

EXTENSIONS = {"pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "rtf", "ppt", "pptx", "zip"}
CONTENT_TYPES = {"application/pdf": "pdf", "application/msword": "doc",
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
                 "application/vnd.oasis.opendocument.text": "odt", "application/vnd.ms-excel": "xls",
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx"}
_TYPE_SUFFIX = re.compile(r"\s*[\(\[]\s*(?:" + "|".join(sorted(EXTENSIONS)) + r")[^)\]]*[\)\]]\s*$", re.I)


@dataclass(frozen=True)
class DocumentLink:
    url: str
    text: str  # the link text without a "(pdf)" the site already added
    kind: str  # pdf, docx, …
    size: int | None  # bytes, when the crawl fetched the document

    def label(self, language: str) -> str:
        """"pdf, 9 kB" / "pdf, 1,2 MB" — or just "pdf" when the size is unknown."""
        if self.size is None:
            return self.kind
        return f"{self.kind}, {file_size(self.size, language)}"


def file_size(size: int, language: str) -> str:
    if size < 1000 * 1000:
        return f"{max(1, round(size / 1000))} kB"
    text = f"{size / 1000 / 1000:.1f}"
    return f"{text.replace('.', ',') if language == 'nl' else text} MB"


def document_kind(url: str, content_type: str = "") -> str | None:
    """The file type a resident recognises, from the response's content type or else the URL's extension."""
    kind = CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())
    if kind:
        return kind
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower().lstrip(".")
    return suffix if suffix in EXTENSIONS else None


def document_links(ws: Workspace) -> dict[str, list[DocumentLink]]:
    """Per source page, the documents its main text links to, in link order, each once."""
    found: dict[str, list[DocumentLink]] = {}
    with PageStore(ws.crawl_db) as store:
        rows = store.db.execute(
            "SELECT l.source_url, l.target_url, l.text, p.content_type, p.bytes, p.status, p.title "
            "FROM links l LEFT JOIN pages p ON p.url = l.target_url "
            "WHERE l.region = 'content' ORDER BY l.source_url, l.rowid").fetchall()
    for source, target, text, content_type, size, status, title in rows:
        kind = document_kind(target, content_type or "")
        if kind is None or (status is not None and status != 200):
            continue  # not a document, or a broken link: never offer a download that fails
        links = found.setdefault(source, [])
        if any(link.url == target for link in links):
            continue
        label = _TYPE_SUFFIX.sub("", text or "").strip() or (title or "").strip() or PurePosixPath(target).name
        links.append(DocumentLink(target, label, kind, int(size) if size else None))
    return found
