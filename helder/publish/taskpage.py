"""One plain-language task page from one source page: the fixed sections, plain words, short sentences, the
documents the source links to, and front matter that records where every fact came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from helder.audit.pages import HEADINGS, AuditPage
from helder.language.lexicon import Lexicon
from helder.language.readability import measure
from helder.language.tokens import sentences
from helder.publish.address import label_to_je, to_je
from helder.publish.documents import DocumentLink
from helder.publish.pagefile import PageFile
from helder.publish.plain import PlainWriter
from helder.publish.sections import ORDER, TITLES, split_sections
from helder.publish.site_pages import escape, front_matter_text, link_target
from helder.publish.splitting import lists_from_enumerations, split_long_sentences
from helder.publish.term_links import link_terms
from helder.publish.titles import is_noun_phrase, make_title, special_spellings, spell

SUMMARY_LIMIT = 160
DOWNLOADS = {"nl": "Formulieren en documenten", "en": "Forms and documents"}
# Product pages no task covers: inside a theme folder, with this much running text, and not a site page.
PRODUCT_MIN_WORDS = 80
SITE_PAGES = {"contact", "privacy", "cookies", "zoeken", "search", "sitemap", "disclaimer", "proclaimer",
              "toegankelijkheid", "accessibility", "nieuws", "news", "over-deze-website", "about", "colofon"}


@dataclass
class PageContext:
    """What every page of one run shares."""
    lexicon: Lexicon
    language: str
    address: str = "u"
    documents: dict[str, list[DocumentLink]] = field(default_factory=dict)

    @property
    def labels(self) -> dict[str, str]:
        labels = {**TITLES[self.language], "downloads": DOWNLOADS[self.language]}
        if self.language == "nl" and self.address == "je":
            labels = {key: label_to_je(value) for key, value in labels.items()}
        return labels


def task_page(task: dict[str, Any], source: AuditPage, ctx: PageContext, kind: str = "task") -> PageFile:
    language = ctx.language
    headings = [text for block, text in source.blocks if block in HEADINGS]
    title = make_title(task["task"], task["queries"], headings, [source.title, *source.running_text], language)
    official = task["official_title"]
    spelling = special_spellings([text for _, text in source.blocks])
    resident_name = spell(task["task"].split(), spelling, [t for _, t in source.blocks])  # without the title's verb
    names = {}
    if kind == "task" and is_noun_phrase(task["task"], language):  # "kliko kapot" cannot stand in a sentence
        names = dict.fromkeys(official_name_forms(official), resident_name)
    writer = PlainWriter(ctx.lexicon, names=names, address=ctx.address)
    labels = ctx.labels
    sections = split_sections(source, language)
    lines: list[str] = [f"*{labels['official']}: {escape(official)}*\n"]
    for key in ORDER:
        blocks = sections.get(key, [])
        if not blocks:
            continue  # no source text for this section: leave it out rather than invent it
        if key != "about":
            lines.append(f"## {labels[key]}\n")
        lines.extend(render_blocks(blocks, writer))
    for heading, blocks in sections.get("other", []):
        lines.append(f"## {escape(heading)}\n")  # headings are short fixed phrases; word swaps break them
        lines.extend(render_blocks(blocks, writer))
    documents = ctx.documents.get(source.url, [])
    if documents:
        lines.append(f"## {labels['downloads']}\n")
        lines.extend(_document_line(doc, language) for doc in documents)
        lines.append("")
    kept_u = 0
    if language == "nl" and ctx.address == "je":
        lines, kept_u = _address_je(lines)
    crawled = source.text_date  # not the last crawl's date: a page re-crawled unchanged stays as it was
    lines.append(f"## {labels['sources']}\n")
    target = link_target(source.url)
    lines.append(f"- [{escape(official)}]({target}) ({crawled})\n" if target else f"- {escape(official)} ({crawled})\n")

    before = measure(source.running_text, language).score
    after = measure([line for line in lines if not line.startswith(("#", "*", "- ["))], language).score
    lines = link_terms(lines, ctx.lexicon, f"{task['section']}/{task['slug']}.md")  # after measuring: not text
    summary_writer = PlainWriter(ctx.lexicon, names=dict(writer.names), address=ctx.address)
    summary = summarise(sections.get("about", []), summary_writer, language, ctx.address)
    meta: dict[str, Any] = {
        "task": task["task"],
        "official_name": official,
        "theme": task["section"],
        "sources": [{"url": source.url, "crawled": crawled}],
        "queries": list(task["queries"]),
        "readability_before": _rounded(before),
        "readability_after": _rounded(after),
        "jargon_replaced": writer.replaced,
        "jargon_removed": list(writer.replaced_terms),
    }
    if kind != "task":
        meta["kind"] = kind  # a product page of the old site that no resident task covers
    if documents:
        meta["documents"] = [{"url": d.url, "type": d.kind, "bytes": d.size} for d in documents]
    if kept_u:
        meta["sentences_left_with_u"] = kept_u  # not reliably rewritable to "je": a person should look
    # Crawled text and residents' queries: Material writes title and description into the HTML as they are.
    front = {"title": front_matter_text(title), "description": front_matter_text(summary), "helder": meta,
             "search_terms": search_terms(task["queries"], writer.replaced_terms)}
    return PageFile(front, "\n".join(lines))


def _document_line(doc: DocumentLink, language: str) -> str:
    label = escape(doc.text[:1].upper() + doc.text[1:])
    target = link_target(doc.url)
    return f"- [{label}]({target}) ({doc.label(language)})" if target else f"- {label} ({doc.label(language)})"


def _address_je(lines: list[str]) -> tuple[list[str], int]:
    out, kept = [], 0
    for line in lines:
        if line.startswith(("*", "- [")):
            out.append(line)  # the official name and link texts are the source's words
            continue
        converted, left = to_je(line)
        out.append(converted)
        kept += left
    return out, kept


def is_product_page(page: AuditPage) -> bool:
    """A page about one product or service: inside a theme folder (/theme/page), not an overview, not a document,
    not a site page (contact, privacy, …), with at least 80 words of running text."""
    if page.is_document or page.is_overview:
        return False
    parts = [p for p in urlsplit(page.url).path.split("/") if p]
    if len(parts) < 2 or PurePosixPath(parts[-1]).stem.lower() in SITE_PAGES:
        return False
    return sum(len(text.split()) for text in page.running_text) >= PRODUCT_MIN_WORDS


def product_task(page: AuditPage, queries: list[str], lexicon: Lexicon) -> dict[str, Any]:
    """A task record for a product page no resident task covers: named by its most-searched query, or else by
    its own heading in plain words."""
    official = page.h1 or page.title
    name = queries[0] if queries else _plain_name(official, lexicon)
    slug = PurePosixPath(urlsplit(page.url).path.rstrip("/")).name or "pagina"
    return {"task": name, "official_title": official, "section": page.section, "slug": slug, "url": page.url,
            "queries": queries, "impressions": 0, "clicks": 0}


def _plain_name(official: str, lexicon: Lexicon) -> str:
    plain = PlainWriter(lexicon).rewrite(official)
    plain = re.sub(r"\s*\([^)]*\)", "", plain).strip()  # "(officieel: …)" belongs in the text, not in a name
    return plain[:1].lower() + plain[1:] if plain[1:2].islower() else plain


def search_terms(queries: list[str], official_terms: list[str]) -> list[str]:
    """What a resident may type to find this page: the task's queries, then the official terms the page no longer
    uses (a resident holding a letter types those). Case-insensitive duplicates dropped, first kept."""
    seen: set[str] = set()
    terms = []
    for term in [*queries, *official_terms]:
        key = " ".join(str(term).lower().split())
        if key and key not in seen:
            seen.add(key)
            terms.append(str(term).strip())
    return terms


def official_name_forms(official: str) -> list[str]:
    """How the text may cite the page's official name: in full, without the part in brackets, without a prefix
    such as "Wmo-" ("Wmo-maatwerkvoorziening huishoudelijke ondersteuning" → "maatwerkvoorziening huishoudelijke
    ondersteuning"). Longest first, so the fullest form wins."""
    forms = {official.strip()}
    forms.add(re.sub(r"\s*\([^)]*\)", "", official).strip())
    for form in list(forms):
        if re.match(r"^[A-Za-z]{2,6}-", form):
            forms.add(form.split("-", 1)[1])
    return sorted((f for f in forms if len(f.split()) >= 2 or len(f) >= 12), key=len, reverse=True)


def render_blocks(blocks: list[tuple[str, str]], writer: PlainWriter) -> list[str]:
    """Markdown lines: plain words first, then long sentences split; enumerations become lists."""
    lines: list[str] = []
    number = 0
    for kind, text in lists_from_enumerations(blocks, writer.language):
        text = split_long_sentences(writer.rewrite(text), writer.language)
        if kind == "ol":
            number += 1
            lines.append(f"{number}. {escape(text)}")
        elif kind == "ul":
            number = 0
            lines.append(f"- {escape(text)}")
        else:
            if lines and lines[-1] and lines[-1][0] in "-0123456789":
                lines.append("")
            number = 0
            lines.append(f"{escape(text, line_start=True)}\n")
    if lines and lines[-1] and lines[-1][0] in "-0123456789":
        lines.append("")
    return lines


def summarise(about: list[tuple[str, str]], writer: PlainWriter, language: str, address: str = "u") -> str:
    """At most 160 characters from the page's first plain sentences: whole sentences while they fit, else the
    first cut at a word boundary with an ellipsis."""
    text = " ".join(split_long_sentences(writer.rewrite(t), language) for kind, t in about if kind == "p")
    if language == "nl" and address == "je":
        text = to_je(text)[0]
    parts = [s.text for s in sentences(text, language)]
    summary = ""
    for part in parts:
        candidate = f"{summary} {part}".strip()
        if len(candidate) > SUMMARY_LIMIT:
            break
        summary = candidate
    if summary or not parts:
        return summary
    return parts[0][:SUMMARY_LIMIT - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _rounded(value: float) -> float | None:
    return None if value != value else round(value, 1)  # NaN (no text) → None
