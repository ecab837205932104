"""Text extraction from linked documents: PDF and DOCX files are audited like pages.

Municipal PDFs are where the worst jargon lives (beleidsregels, aanvraagformulieren, verordeningen), so the crawl
reads them too and turns each into the same shape as a web page: a title, a language and a list of blocks
`(kind, text)` with kind "h1".."h6", "p", "ul" (bulleted item) or "ol" (numbered item).

Why these libraries:

* **pypdf** reads PDFs. It is pure Python, actively maintained (the merged successor of PyPDF2/PyPDF4), has no
  system dependencies (no poppler, no Java, no compiler), and its text-extraction visitor reports each text run's
  position, font and size, which is all we need to rebuild paragraphs, lists and headings.
* **python-docx** is the standard reader for Word's .docx format and exposes paragraph styles ("Title",
  "Heading 2", "List Bullet"), numbering, tables and core properties (title, language; when the language is not
  set we fall back to the document's default proofing language) directly.

PDF text comes out one printed line at a time, so `extract_pdf` rebuilds the structure: lines are grouped into
paragraphs on vertical gaps and font changes, hard-wrapped lines are re-joined (and words hyphenated at the end of a
line are repaired), bullets and numbers become list items, short bold or larger lines become headings, and running
headers and footers ("Gemeente X — pagina 2 van 3") are dropped.

Both readers raise one exception type, `DocumentError`, with a one-line reason (encrypted, corrupt, no text,
too large); library exceptions never escape. Input is capped (bytes, pages, characters, unzipped size) and pypdf
(>= 6.6) refuses streams that decompress beyond its limits, so a decompression bomb cannot exhaust memory.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import logging
import math
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph
from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, LimitReachedError

MAX_BYTES = 50_000_000  # larger downloads are refused outright
MAX_PAGES = 500  # PDF pages read; the rest of a longer document is ignored
MAX_CHARS = 2_000_000  # characters of text kept per document
MAX_UNZIPPED = 200_000_000  # total uncompressed size of a DOCX archive
MAX_ZIP_ENTRIES = 10_000

# pypdf logs every oddity it works around ("EOF marker not found", "Advanced encoding not implemented"); real
# municipal PDFs are full of them and the crawl log would drown in them. Failures still surface as DocumentError.
logging.getLogger("pypdf").setLevel(logging.CRITICAL)


class DocumentError(Exception):
    """A document that cannot be read; the message is a one-line reason."""


@dataclass
class DocumentText:
    title: str
    lang: str
    blocks: list[tuple[str, str]]
    truncated: bool = False  # True when a cap cut the document short or unreadable PDF pages were skipped

    @property
    def text(self) -> str:
        return "\n\n".join(text for _, text in self.blocks)


# --------------------------------------------------------------------------- #
# Shared text helpers
# --------------------------------------------------------------------------- #

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\ufffd"), None)


def _clean(text: str) -> str:
    """Drop invisible and control characters, squash whitespace (also non-breaking spaces) to single spaces."""
    text = text.translate(_INVISIBLE)
    text = "".join(ch if unicodedata.category(ch)[0] != "C" or ch in "\t\n\r" else " " for ch in text)
    text = re.sub(r"_{4,}", "___", text)  # form blanks
    text = re.sub(r"(?:\s*\.){5,}", " … ", text)  # dot leaders in tables of contents
    return " ".join(text.split())


def _one_line(exc: BaseException) -> str:
    message = " ".join(str(exc).split())
    message = message[:160] + "…" if len(message) > 160 else message
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _check_size(data: bytes, what: str) -> None:
    if not isinstance(data, bytes | bytearray | memoryview):
        raise DocumentError(f"expected the {what} file's bytes, got {type(data).__name__}")
    if not data:
        raise DocumentError(f"empty file (0 bytes), not a {what}")
    if len(data) > MAX_BYTES:
        raise DocumentError(f"{what} too large ({len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB)")


class _Budget:
    """Counts extracted characters; `take` returns False once the document-wide cap is reached."""

    def __init__(self) -> None:
        self.used = 0
        self.exceeded = False

    def take(self, text: str) -> bool:
        self.used += len(text)
        if self.used > MAX_CHARS:
            self.exceeded = True
        return not self.exceeded


# --------------------------------------------------------------------------- #
# PDF
# --------------------------------------------------------------------------- #

# Bullets that cannot be anything else at the start of a line ( is Symbol's bullet in the private use area).
_STRONG_BULLET = re.compile(r"^(?:[•●○◦▪▫■□☐☑☒‣⁃∙·►▶➢➤✓✔]|\uf0b7|\uf0a7|\uf0d8|\[\s*[xX]?\s*\])\s*(?=\S)")
# Markers that may also be ordinary text at a line start ("- zoals gezegd", "2026. Daarna"): only a list item
# when the previous line closed a sentence or item, or a gap/font change already started a new block.
_WEAK_BULLET = re.compile(r"^[-–—*+]\s+(?=\S)")
_NUMBERED = re.compile(r"^(?:\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|\(?[ivxIVX]{1,5}[.)])\s+(?=\S)")
_SENTENCE_END = re.compile(r"[.:;!?]['\"”’)]*$")
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:(?:pagina|page|blz\.?|p\.)\s*)?\d{1,3}(?:\s*(?:van|of|/)\s*\d{1,3})?(?:\s*[-–—])?$"
    r"|(?-i:^[ivxlc]{1,7}$)"
    r"|(?:pagina|page|blz\.?)\s*\d{1,4}\s*(?:van|of|/)\s*\d{1,4}$",
    re.I,
)
# The page number in a running header or footer: "Beleidsregels 2026 — pagina 2 van 3", "12 | Jaarverslag".
_PAGE_COUNTER = re.compile(r"\d+(?:\s*(?:van|of|/)\s*\d+)?$")
_PAGE_COUNTER_START = re.compile(r"^\d+")
# Words after a suspended hyphen ("bank- en spaarrekeningen", "groente-, fruit- of tuinafval").
_CONJUNCTIONS = {"en", "of", "tot", "dan", "noch", "als", "resp.", "respectievelijk", "and", "or", "to"}
# Mixed-case Dutch acronyms that may end a line before a hyphen ("Wmo-\nconsulent" stays "Wmo-consulent").
_ACRONYMS = {"wmo", "awb", "wlz", "wsw", "bbz", "ioaw", "ioaz", "tozo", "tonk", "wajong", "wozo", "jw", "pw"}
_FUNCTION_WORDS = {
    "de", "het", "een", "en", "of", "van", "voor", "in", "op", "met", "aan", "bij", "naar", "over", "om", "te",
    "tot", "uit", "door", "als", "the", "and", "for", "to", "a", "an",
}  # fmt: skip


@dataclass
class _Line:
    text: str
    page: int
    x: float | None = None
    y: float | None = None
    size: float = 0.0
    bold: bool = False
    chars_by_style: Counter[tuple[float, bool]] = field(default_factory=Counter)


@dataclass
class _Para:
    lines: list[_Line]
    kind: str = "p"  # "p", "ul", "ol"; headings are decided afterwards


class _Stop(Exception):
    """Raised from inside pypdf's visitor when the character budget is spent."""


def extract_pdf(data: bytes) -> DocumentText:
    """Title, language and blocks of a PDF; raises DocumentError when there is no readable text."""
    _check_size(data, "PDF")
    if b"%PDF-" not in bytes(data[:1024]):
        raise DocumentError("not a PDF file (no %PDF- header)")
    try:
        return _extract_pdf(bytes(data))
    except DocumentError:
        raise
    except LimitReachedError as exc:
        raise DocumentError("PDF too large when decompressed (possible decompression bomb)") from exc
    except RecursionError as exc:
        raise DocumentError("corrupt PDF (nesting too deep)") from exc
    except MemoryError as exc:
        raise DocumentError("PDF too large to read into memory") from exc
    except Exception as exc:
        raise DocumentError(f"corrupt or truncated PDF ({_one_line(exc)})") from exc


def _extract_pdf(data: bytes) -> DocumentText:
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        # Many PDFs are "encrypted" only with an owner password (no printing/copying) and open with an empty one.
        try:
            opened = reader.decrypt("")
        except DependencyError as exc:
            raise DocumentError(f"encrypted PDF that needs an extra library to decrypt ({_one_line(exc)})") from exc
        if opened == PasswordType.NOT_DECRYPTED:
            raise DocumentError("encrypted PDF (password required)")

    budget = _Budget()
    lines: list[_Line] = []
    n_pages = len(reader.pages)
    read_pages = min(n_pages, MAX_PAGES)
    failures: list[Exception] = []
    for number in range(read_pages):
        # One damaged page should not cost the rest of the document.
        try:
            lines.extend(_page_lines(reader.pages[number], number, budget))
        except Exception as exc:
            failures.append(exc)
        if budget.exceeded:
            break
    if failures and not lines:
        raise failures[0]
    if any(isinstance(exc, LimitReachedError) for exc in failures):
        raise next(exc for exc in failures if isinstance(exc, LimitReachedError))
    truncated = budget.exceeded or n_pages > MAX_PAGES or bool(failures)

    lines = _drop_running_lines(lines, read_pages)
    lines = [line for line in lines if line.text]
    if not any(any(ch.isalnum() for ch in line.text) for line in lines):
        raise DocumentError("no text layer (scanned document?)")

    paras = _paragraphs(lines)
    meta_title = _pdf_meta_title(reader)
    blocks, cut = _cap_blocks(_pdf_blocks(paras, lines, meta_title))
    if not blocks:
        raise DocumentError("no text layer (scanned document?)")
    title = meta_title or (blocks[0][1] if blocks[0][0].startswith("h") else lines[0].text)
    return DocumentText(title=title[:300], lang=_pdf_lang(reader), blocks=blocks, truncated=truncated or cut)


def _pdf_meta_title(reader: Any) -> str:
    try:
        raw = reader.metadata.title if reader.metadata else None
    except Exception:
        return ""
    title = _clean(str(raw or ""))
    title = re.sub(r"^Microsoft (?:Word|PowerPoint|Excel) - ", "", title)
    # Producers often fill in a file name or a placeholder instead of a title.
    if re.search(r"\.(?:docx?|pdf|odt|rtf|xlsx?|pptx?|indd|tmp)$", title, re.I) or title.lower() in {
        "untitled", "naamloos", "titel", "title", "document", "microsoft word", "powerpoint presentation",
    }:  # fmt: skip
        return ""
    return title


def _pdf_lang(reader: Any) -> str:
    try:
        lang = reader.trailer["/Root"].get("/Lang")
    except Exception:
        return ""
    if isinstance(lang, bytes):
        lang = lang.decode("latin-1", "replace")
    return _clean(str(lang or ""))[:35]


def _page_lines(page: Any, number: int, budget: _Budget) -> list[_Line]:
    """One `_Line` per printed line, with the position, size and weight of its text."""
    lines: list[_Line] = [_Line("", number)]

    def visit(text: str, cm: list[float], tm: list[float], font: Any, font_size: float) -> None:
        if not text:
            return
        if not budget.take(text):
            raise _Stop
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                lines.append(_Line("", number))
            line = lines[-1]
            line.text += piece
            if not piece.strip():
                continue
            # Only the first piece of a fragment starts at the fragment's position; later pieces (several lines
            # flushed at once) keep an unknown position rather than a wrong one.
            if i == 0 and line.y is None and _positioned(tm, cm):
                line.x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                line.y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            size = abs(font_size) * math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            line.chars_by_style[(round(size * 2) / 2, _is_bold(font))] += len(piece.strip())

    with contextlib.suppress(_Stop):
        page.extract_text(visitor_text=visit)
    result = []
    for line in lines:
        line.text = _clean(line.text)
        if not line.text:
            continue
        if line.chars_by_style:
            (line.size, line.bold), _ = line.chars_by_style.most_common(1)[0]
        result.append(line)
    return result


def _positioned(tm: list[float], cm: list[float]) -> bool:
    # pypdf reports separator fragments ("\n") with identity matrices: no real position.
    return not (tm[4] == 0 and tm[5] == 0 and cm[4] == 0 and cm[5] == 0)


def _is_bold(font: Any) -> bool:
    try:
        name = str(font.get("/BaseFont", "")) if font is not None else ""
    except Exception:
        return False
    return bool(re.search(r"bold|black|heavy|semibold|demi|[-,]bd\b|extrabold", name, re.I))


def _drop_running_lines(lines: list[_Line], n_pages: int) -> list[_Line]:
    """Remove page headers and footers: page numbers, and lines at the top or bottom of the page that recur at the
    same height on at least half of the pages (the page number in them may differ)."""
    by_page: dict[int, list[_Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    edges: dict[int, _Line] = {}
    for page_lines in by_page.values():
        ordered = sorted((line for line in page_lines if line.y is not None), key=lambda line: -(line.y or 0))
        for line in [*ordered[:2], *ordered[-2:], *page_lines[:2], *page_lines[-2:]]:
            edges[id(line)] = line

    def key(line: _Line) -> str:
        text = _PAGE_COUNTER.sub("#", line.text.lower())
        return _PAGE_COUNTER_START.sub("#", text)

    occurrences: dict[str, list[_Line]] = {}
    for line in edges.values():
        occurrences.setdefault(key(line), []).append(line)
    threshold = max(2, math.ceil(n_pages * 0.5))
    drop: set[int] = set()
    for found in occurrences.values():
        ys = sorted(line.y for line in found if line.y is not None)
        usual = ys[len(ys) // 2] if ys else None
        # A header keeps its place; the same words elsewhere (the title on the cover page) are content.
        steady = [line for line in found if line.y is None or usual is None or abs(line.y - usual) <= 8]
        if len({line.page for line in steady}) >= threshold:
            drop.update(id(line) for line in steady)
    for line in edges.values():
        if len(line.text) <= 150 and _PAGE_NUMBER.search(line.text):
            drop.add(id(line))
    return [line for line in lines if id(line) not in drop]


def _list_marker(text: str) -> tuple[str, str, bool] | None:
    """(kind, text without marker, strong?) when the line starts with a bullet or number."""
    if match := _STRONG_BULLET.match(text):
        return "ul", text[match.end() :], True
    if match := _WEAK_BULLET.match(text):
        return "ul", text[match.end() :], False
    if match := _NUMBERED.match(text):
        return "ol", text[match.end() :], False
    return None


def _paragraphs(lines: list[_Line]) -> list[_Para]:
    """Group printed lines into paragraphs and list items."""
    body_size, leading = _body_metrics(lines)
    body_bold = _body_bold(lines, body_size)
    paras: list[_Para] = []
    prev: _Line | None = None
    for line in lines:
        current = paras[-1] if paras else None
        marker = _list_marker(line.text)
        if marker and not marker[2] and _heading_font(line, body_size, body_bold):
            marker = None  # "3. Inkomen en vermogen" in bold is a numbered heading, not a list item
        new_block = current is None or prev is None or _breaks(prev, line, current, body_size, leading)
        if marker and (
            marker[2]
            or new_block
            or _SENTENCE_END.search(prev.text if prev else "")
            or (current is not None and current.kind != "p")
        ):
            kind, rest, _ = marker
            paras.append(_Para([_Line(rest, line.page, line.x, line.y, line.size, line.bold)], kind=kind))
        elif new_block or current is None:
            paras.append(_Para([line]))
        else:
            current.lines.append(line)
        prev = line
    return paras


def _body_metrics(lines: list[_Line]) -> tuple[float, float]:
    """The most common font size and the most common distance between consecutive lines of that size."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    body = body or 10.0
    gaps: Counter[float] = Counter()
    for a, b in itertools.pairwise(lines):
        if a.page == b.page and a.size == b.size == body and a.y is not None and b.y is not None:
            gap = round(a.y - b.y, 1)
            if 0.8 * body <= gap <= 2.5 * body:
                gaps[gap] += 1
    leading = gaps.most_common(1)[0][0] if gaps else 1.2 * body
    return body, leading


def _breaks(prev: _Line, line: _Line, current: _Para, body_size: float, leading: float) -> bool:
    """Does `line` start a new block after `prev`?"""
    if abs(prev.size - line.size) > 0.6 or prev.bold != line.bold:
        return True
    if prev.page != line.page:
        # A paragraph that runs over a page break continues mid-sentence.
        return bool(_SENTENCE_END.search(prev.text)) or not line.text[:1].islower()
    if _is_caps(prev.text) and not _is_caps(line.text):
        return True  # "KOSTEN EN BETALING" printed right above its paragraph
    if prev.y is None or line.y is None:
        return False
    gap = prev.y - line.y
    expected = leading * max(prev.size, line.size, 1.0) / body_size
    if gap <= 0.3 * expected or gap > 1.3 * expected:
        return True  # a blank line, a new column, or text placed elsewhere on the page
    if prev.x is not None and line.x is not None:
        if current.kind != "p":
            # A list item continues on indented lines; a line back at the bullet's position is something new,
            # unless it carries on the item's unfinished sentence (lists without a hanging indent).
            marker_x = current.lines[0].x
            if marker_x is not None and line.x <= marker_x + 2:
                return bool(_SENTENCE_END.search(prev.text)) or not line.text[:1].islower()
        else:
            left = min((ln.x for ln in current.lines if ln.x is not None), default=line.x)
            # First-line indent after a finished sentence: a new paragraph in a book-style layout.
            if line.x - left > 0.8 * line.size and _SENTENCE_END.search(prev.text) and len(current.lines) > 1:
                return True
    return False


def _join_lines(texts: list[str]) -> str:
    """Re-join hard-wrapped lines, repairing words hyphenated at a line end."""
    out = ""
    for text in texts:
        if not out:
            out = text
            continue
        if out.endswith("-") and len(out) >= 2 and out[-2].isalnum():
            left = re.search(r"([\w'’.]+)-$", out)
            fragment = left.group(1) if left else ""
            first_word = text.split(" ", 1)[0]
            if first_word.lower().rstrip(",;:") in _CONJUNCTIONS:
                out += " " + text  # suspended hyphen: "bank- en spaarrekeningen"
            elif text[:1].islower() and not _keeps_hyphen(fragment):
                out = out[:-1] + text  # "voor-\nziening" -> "voorziening"
            else:
                out += text  # "Wmo-\nconsulent", "Noord-\nBrabant": a real hyphen
        else:
            out += " " + text
    return out


def _keeps_hyphen(fragment: str) -> bool:
    """Is the part before a line-end hyphen an abbreviation or code, so the hyphen belongs to the word?"""
    letters = [ch for ch in fragment if ch.isalpha()]
    return (
        len(letters) <= 1  # e-mail, x-as
        or any(ch.isdigit() for ch in fragment)  # 2015-regeling
        or sum(ch.isupper() for ch in letters) >= 2  # AOW-leeftijd, IBAN-nummer
        or not any(ch in "aeiouyáéíóúàèëïöüâêîôû" for ch in fragment.lower())  # pgb-houder, gft-container
        or fragment.lower() in _ACRONYMS  # Wmo-consulent
    )


def _pdf_blocks(paras: list[_Para], lines: list[_Line], meta_title: str) -> list[tuple[str, str]]:
    body_size, _ = _body_metrics(lines)
    body_bold = _body_bold(lines, body_size)
    # A line without letters or digits (a wrapped form blank "___", a lone bullet) belongs to the block before it.
    merged: list[_Para] = []
    for para in paras:
        if merged and not any(ch.isalnum() for line in para.lines for ch in line.text):
            merged[-1].lines.extend(para.lines)
        else:
            merged.append(para)
    paras = merged
    texts = [_join_lines([line.text for line in para.lines]) for para in paras]
    kinds: list[str] = []
    for i, para in enumerate(paras):
        text = texts[i]
        if para.kind != "p":
            kinds.append(para.kind)
            continue
        followed = i + 1 < len(paras) and paras[i + 1].lines[0].size <= para.lines[0].size
        kinds.append("h2" if _is_heading(para, text, body_size, body_bold, followed) else "p")
    # The document's own title, printed on the first page, is its h1.
    wanted = _norm(meta_title)
    top_size = max((line.size for line in lines), default=0)
    for i, kind in enumerate(kinds[:5]):
        if kind == "h2" and (
            (wanted and _norm(texts[i]) == wanted) or (i == 0 and paras[i].lines[0].size >= top_size > body_size)
        ):
            kinds[i] = "h1"
            break
    return [(kind, text) for kind, text in zip(kinds, texts, strict=True) if text]


def _heading_font(line: _Line, body_size: float, body_bold: bool) -> bool:
    return line.size >= body_size * 1.12 or (line.bold and not body_bold)


def _body_bold(lines: list[_Line], body_size: float) -> bool:
    weights: Counter[bool] = Counter()
    for line in lines:
        if line.size == body_size:
            weights[line.bold] += len(line.text)
    return bool(weights) and weights.most_common(1)[0][0]


def _is_heading(para: _Para, text: str, body_size: float, body_bold: bool, followed: bool) -> bool:
    first = para.lines[0]
    if len(para.lines) > 3 or len(text) > 200 or not any(ch.isalpha() for ch in text):
        return False
    if re.search(r"[.,;:]$", text) and not re.search(r"\b(?:art|nr|blz)\.$", text, re.I):
        return False
    if "___" in text:
        return False  # a form field, not a heading
    if _heading_font(first, body_size, body_bold):
        return True
    # Same font as the body: only a short line in CAPITALS or Title Case followed by more text.
    if len(para.lines) > 1 or len(text) > 80 or not followed:
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if not words or len(words) > 10:
        return False
    if _is_caps(text):
        return True
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    return bool(content) and all(w[0].isupper() for w in content) and words[0][0].isupper()


def _is_caps(text: str) -> bool:
    """A short line in capitals without closing punctuation: "KOSTEN EN BETALING"."""
    letters = [ch for ch in text if ch.isalpha()]
    return (
        len(letters) >= 3
        and len(text) <= 80
        and all(ch.isupper() for ch in letters)
        and not re.search(r"[.,;:]$", text)
    )


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _cap_blocks(blocks: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], bool]:
    """The blocks that fit in MAX_CHARS (the last one shortened), and whether anything was cut."""
    kept: list[tuple[str, str]] = []
    used = 0
    for kind, text in blocks:
        room = MAX_CHARS - used - 2 * len(kept)  # the blank lines between blocks count too
        if len(text) > room:
            if room > 0:
                kept.append((kind, text[:room].rstrip()))
            return kept, True
        kept.append((kind, text))
        used += len(text)
    return kept, False


# --------------------------------------------------------------------------- #
# DOCX
# --------------------------------------------------------------------------- #

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.I)
_TOC_STYLE = re.compile(r"^(?:toc|inhopg|inhoudsopgave)\b", re.I)
# Text that is not part of the paragraph as read: deleted or moved-away revisions, text boxes, and the fallback
# copy of drawings (mc:Fallback repeats what mc:Choice holds).
_HIDDEN = {
    _W + "del", _W + "moveFrom", _W + "txbxContent",
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
}  # fmt: skip


def extract_docx(data: bytes) -> DocumentText:
    """Title, language and blocks of a Word .docx file; raises DocumentError when it cannot be read."""
    _check_size(data, "DOCX")
    data = bytes(data)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        # An OLE compound file: either a password-protected Office file or a legacy binary .doc.
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise DocumentError("encrypted Word document (password required)")
        raise DocumentError("legacy Word .doc format (not .docx); save it as .docx to audit it")
    _check_zip(data)
    try:
        return _extract_docx(data)
    except DocumentError:
        raise
    except RecursionError as exc:
        raise DocumentError("corrupt DOCX (nesting too deep)") from exc
    except MemoryError as exc:
        raise DocumentError("DOCX too large to read into memory") from exc
    except Exception as exc:
        raise DocumentError(f"corrupt DOCX ({_one_line(exc)})") from exc


def _check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except Exception as exc:  # BadZipFile, but also NotImplementedError, ValueError, OSError on odd headers
        raise DocumentError(f"not a DOCX file (not a valid ZIP archive: {_one_line(exc)})") from exc
    if len(infos) > MAX_ZIP_ENTRIES:
        raise DocumentError(f"DOCX archive has too many entries ({len(infos)})")
    unzipped = sum(info.file_size for info in infos)
    if unzipped > MAX_UNZIPPED:
        raise DocumentError(f"DOCX too large when unpacked ({unzipped / 1e6:.0f} MB; possible zip bomb)")
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or not any(name.startswith("word/") for name in names):
        raise DocumentError("not a Word document (ZIP archive without word/document.xml)")
    if any(info.flag_bits & 0x1 for info in infos):
        raise DocumentError("encrypted DOCX archive (password required)")


def _extract_docx(data: bytes) -> DocumentText:
    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as exc:  # python-docx: "file ... is not a Word file, content type is ..."
        found = re.search(r"content type is '([^']*)'", str(exc))
        reason = f"content type {found.group(1)}" if found else _one_line(exc)
        raise DocumentError(f"not a Word .docx document ({reason})") from exc
    except KeyError as exc:  # a part named in the package relationships is missing
        raise DocumentError(f"corrupt DOCX (missing part {exc})") from exc

    budget = _Budget()
    numbering = _numbering_formats(document)
    blocks: list[tuple[str, str]] = []
    for element in _body_items(document.element.body):
        before = len(blocks)
        if element.tag == _W + "p":
            paragraph = Paragraph(element, document)
            text = _clean(_paragraph_text(element))
            kind = _docx_kind(paragraph, numbering) if text else ""
            if kind:
                blocks.append((kind, text))
        else:
            for row in Table(element, document).rows:
                cells = [_cell_text(tc) for tc in row._tr.tc_lst]
                text = " | ".join(cell for cell in cells if cell)
                if text:
                    blocks.append(("p", text))
        if not budget.take("".join(text for _, text in blocks[before:])):
            break
    blocks, cut = _cap_blocks(blocks)
    if not blocks:
        raise DocumentError("no text (empty Word document)")

    props = document.core_properties
    title = _clean(props.title or "")
    if not title:
        title = next((text for kind, text in blocks if kind.startswith("h")), blocks[0][1])
    lang = _clean(props.language or "") or _docx_default_lang(document)
    return DocumentText(title=title[:300], lang=lang[:35], blocks=blocks, truncated=budget.exceeded or cut)


def _body_items(container: Any) -> Iterator[Any]:
    """Paragraphs and tables in reading order, including those inside content controls (w:sdt)."""
    for child in container.iterchildren():
        if child.tag in (_W + "p", _W + "tbl"):
            yield child
        elif child.tag in (_W + "sdt", _W + "customXml", _W + "sdtContent", _W + "ins", _W + "smartTag"):
            yield from _body_items(child)


def _cell_text(tc: Any) -> str:
    """All text in a table cell, nested tables included, on one line."""
    return _clean(" ".join(_paragraph_text(p) for p in tc.iter(_W + "p")))


def _paragraph_text(p: Any) -> str:
    """The visible text of a w:p, also inside tracked insertions, content controls, fields and hyperlinks (which
    python-docx's `Paragraph.text` skips), but without deleted text and text boxes anchored in the paragraph."""
    parts = []
    for node in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr", _W + "noBreakHyphen"):
        ancestor = node.getparent()
        while ancestor is not None and ancestor is not p and ancestor.tag not in _HIDDEN:
            ancestor = ancestor.getparent()
        if ancestor is not None and ancestor is not p:
            continue
        if node.tag == _W + "t":
            parts.append(node.text or "")
        else:
            parts.append("-" if node.tag == _W + "noBreakHyphen" else " ")
    return "".join(parts)


def _docx_kind(paragraph: Any, numbering: dict[tuple[str, str], str]) -> str:
    """The block kind of a paragraph, or "" for a table-of-contents entry (it repeats the headings)."""
    style = paragraph.style
    name = (style.name or "") if style is not None else ""
    lowered = name.lower()
    if _TOC_STYLE.match(name):
        return ""
    if lowered in {"title", "titel"}:
        return "h1"
    if match := _HEADING_STYLE.match(name):
        return f"h{min(max(int(match.group(1)), 1), 6)}"
    level = _outline_level(paragraph._p, style)
    if level is not None and level < 9:
        return f"h{min(level + 1, 6)}"
    num_id, ilvl = _numbering_of(paragraph._p, style)
    if num_id not in (None, "0"):
        fmt = numbering.get((num_id, ilvl or "0"))
        if fmt is not None:
            return "ul" if fmt in {"bullet", "none"} else "ol"
    if num_id not in (None, "0") or "list" in lowered or "lijst" in lowered:
        return "ol" if re.search(r"number|nummer|numbering", lowered) else "ul"
    return "p"


def _style_chain(style: Any) -> Iterator[Any]:
    seen = 0
    while style is not None and seen < 20:
        yield style
        style = style.base_style
        seen += 1


def _outline_level(p: Any, style: Any) -> int | None:
    for element in [p, *(s.element for s in _style_chain(style))]:
        values = element.xpath("./w:pPr/w:outlineLvl/@w:val")
        if values:
            try:
                return int(values[0])
            except ValueError:
                return None
    return None


def _numbering_of(p: Any, style: Any) -> tuple[str | None, str | None]:
    for element in [p, *(s.element for s in _style_chain(style))]:
        num_ids = element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
        if num_ids:
            levels = element.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
            return str(num_ids[0]), str(levels[0]) if levels else None
    return None, None


def _numbering_formats(document: Any) -> dict[tuple[str, str], str]:
    """(numId, level) -> numFmt ("bullet", "decimal", "lowerLetter", …) from the numbering part."""
    try:
        root = document.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        return {}
    abstract: dict[str, dict[str, str]] = {}
    for node in root.iterchildren(_W + "abstractNum"):
        levels = {}
        for lvl in node.iterchildren(_W + "lvl"):
            fmt = lvl.find(_W + "numFmt")
            levels[lvl.get(_W + "ilvl", "0")] = fmt.get(_W + "val", "decimal") if fmt is not None else "decimal"
        abstract[node.get(_W + "abstractNumId", "")] = levels
    formats: dict[tuple[str, str], str] = {}
    for num in root.iterchildren(_W + "num"):
        ref = num.find(_W + "abstractNumId")
        if ref is None:
            continue
        for level, fmt in abstract.get(ref.get(_W + "val", ""), {}).items():
            formats[(num.get(_W + "numId", ""), level)] = fmt
        for override in num.iterchildren(_W + "lvlOverride"):
            lvl = override.find(_W + "lvl")
            fmt = lvl.find(_W + "numFmt") if lvl is not None else None
            if fmt is not None:
                formats[(num.get(_W + "numId", ""), override.get(_W + "ilvl", "0"))] = fmt.get(_W + "val", "decimal")
    return formats


def _docx_default_lang(document: Any) -> str:
    try:
        values = document.styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")
    except Exception:
        return ""
    return _clean(str(values[0])) if values else ""
