"""Life-event pages ("klantreizen"): the task pages residents need for one event in their life, in order.

Events are data (`data/life_events.<language>.yml`, plus the workspace's own `life_events.yml`): ordered steps,
each described by the words that identify its task — residents' words, words of the official name, themes. A step
is matched against the generated task pages (by lemma, so "verhuizing" finds "verhuizingen"); a step no task page
answers links to the old site's page when one clearly fits, and is otherwise left out. Nothing is invented: the
page is the event's one- or two-sentence introduction and the numbered steps, each a link titled as its page.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from helder.audit.pages import AuditPage
from helder.config import Workspace
from helder.errors import HelderError
from helder.language import Language, get_language
from helder.language.tokens import words
from helder.publish.pagefile import PageFile
from helder.publish.site_pages import SitePage, escape, front_matter_text, link_target, relative_link

DATA = Path(str(files("helder.publish") / "data"))
WORKSPACE_FILE = "life_events.yml"
FOLDER = {"nl": "levensgebeurtenissen", "en": "life-events"}
LABELS = {
    "nl": {"index": "Als er iets verandert in uw leven", "index_je": "Als er iets verandert in je leven",
           "index_intro": "Bij sommige momenten in uw leven moet u meer dingen regelen. Hier staan ze op volgorde.",
           "index_intro_je": "Bij sommige momenten in je leven moet je meer dingen regelen. Hier staan ze op volgorde.",
           "steps": "Dit regelt u", "steps_je": "Dit regel je", "old_site": "op de huidige website van de gemeente"},
    "en": {"index": "When something changes in your life", "index_je": "When something changes in your life",
           "index_intro": "Some moments in life mean arranging several things. Here they are, in order.",
           "index_intro_je": "Some moments in life mean arranging several things. Here they are, in order.",
           "steps": "What to arrange", "steps_je": "What to arrange", "old_site": "on the council's current website"},
}
# How much a match counts per word of the phrase: the task's own name and its official name say more than one of
# the many queries that reach it.
NAME_WEIGHT, QUERY_WEIGHT, THEME_BONUS = 3, 1, 1
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Step:
    words: tuple[str, ...] = ()
    official: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class LifeEvent:
    slug: str
    title: str
    intro: str
    steps: tuple[Step, ...]
    intro_je: str = ""

    def intro_for(self, address: str) -> str:
        return self.intro_je if address == "je" and self.intro_je else self.intro


@dataclass(frozen=True)
class Candidate:
    """A page a step may link to: a generated task page, or a page of the old site that no task page covers."""

    target: str  # content-relative path ("afval/grofvuil-ophalen.md") or the old site's URL
    title: str
    theme: str
    impressions: float
    names: tuple[frozenset[str], ...]  # word forms of the task's name and title
    officials: tuple[frozenset[str], ...]  # of its official name
    queries: tuple[frozenset[str], ...] = ()
    old_site: bool = False
    task: str = ""


@dataclass
class MatchedEvent:
    event: LifeEvent
    steps: list[Candidate] = field(default_factory=list)


# ---------------------------------------------------------------- loading the events


def load_life_events(ws: Workspace) -> list[LifeEvent]:
    """The shipped events for the workspace's language, with the workspace's own added or replacing them by slug."""
    events = {e.slug: e for e in _read_events(DATA / f"life_events.{ws.language}.yml")}
    own = ws.root / WORKSPACE_FILE
    if own.is_file():
        raw = _load_yaml(own)
        for item in raw:
            if isinstance(item, dict) and item.get("enabled") is False:
                events.pop(str(item.get("slug", "")), None)
        for event in _parse_events([i for i in raw if not (isinstance(i, dict) and i.get("enabled") is False)], own):
            events[event.slug] = event
    return list(events.values())


@lru_cache(maxsize=4)
def _read_events(path: Path) -> tuple[LifeEvent, ...]:
    return tuple(_parse_events(_load_yaml(path), path))


def _load_yaml(path: Path) -> list[Any]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise HelderError(f"{path}: not valid YAML ({' '.join(str(exc).split())}). Fix the file and run again.") \
            from None
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise HelderError(f"{path}: must be a list of life events (lines starting with `- slug: ...`).")
    return raw


def _parse_events(raw: list[Any], path: Path) -> list[LifeEvent]:
    events = []
    for number, item in enumerate(raw, start=1):
        where = f"{path}, life event {number}"
        if not isinstance(item, dict):
            raise HelderError(f"{where}: must be a mapping with slug, title, intro and steps.")
        unknown = set(item) - {"slug", "title", "intro", "intro_je", "steps", "enabled"}
        if unknown:
            raise HelderError(f"{where}: unknown key {', '.join(sorted(unknown))}; "
                              "known: slug, title, intro, intro_je, steps, enabled.")
        slug = item.get("slug")
        if not isinstance(slug, str) or not _SLUG.match(slug):
            raise HelderError(f"{where}: slug must be lower-case letters, digits and hyphens, such as verhuizen.")
        where = f"{path}, life event {slug!r}"
        for key in ("title", "intro"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise HelderError(f"{where}: `{key}` is missing; write it as one line of text.")
        steps = item.get("steps")
        if not isinstance(steps, list) or not steps:
            raise HelderError(f"{where}: `steps` must be a list of steps, each with words, official or themes.")
        events.append(LifeEvent(slug=slug, title=item["title"].strip(), intro=" ".join(item["intro"].split()),
                                intro_je=" ".join(str(item.get("intro_je") or "").split()),
                                steps=tuple(_parse_step(s, f"{where}, step {i}") for i, s in enumerate(steps, 1))))
    return events


def _parse_step(raw: Any, where: str) -> Step:
    if not isinstance(raw, dict):
        raise HelderError(f"{where}: must be a mapping such as `{{words: [verhuizing doorgeven]}}`.")
    unknown = set(raw) - {"words", "official", "themes"}
    if unknown:
        raise HelderError(f"{where}: unknown key {', '.join(sorted(unknown))}; known: words, official, themes.")
    parts: dict[str, tuple[str, ...]] = {}
    for key in ("words", "official", "themes"):
        value = raw.get(key, [])
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
            raise HelderError(f"{where}: `{key}` must be a list of words or phrases.")
        parts[key] = tuple(str(v).strip() for v in value if str(v).strip())
    if not parts["words"] and not parts["official"]:
        raise HelderError(f"{where}: give `words` or `official` so the step can find its task page.")
    return Step(**parts)


# ---------------------------------------------------------------- matching


def _forms(text: str, language: Language) -> frozenset[str]:
    """Every form a word of the text may be looked up by: lower case, lemma, compound parts."""
    found: set[str] = set()
    for word in words(text):
        found |= language.forms_with_parts(word.text)
    return frozenset(found)


def _phrase(text: str, language: Language) -> list[frozenset[str]]:
    return [language.forms(w.text) | {w.text.lower()} for w in words(text)]


def _matches(phrase: list[frozenset[str]], texts: tuple[frozenset[str], ...]) -> bool:
    """All the phrase's words in one of the texts (one query, the name, the official name)."""
    return bool(phrase) and any(all(word & text for word in phrase) for text in texts)


def score(step: Step, candidate: Candidate, language: Language) -> int:
    total = 0
    for phrase in _step_phrases(step.words, language.code):
        if _matches(phrase, candidate.names):
            total += NAME_WEIGHT * len(phrase)
        elif _matches(phrase, candidate.queries):
            total += QUERY_WEIGHT * len(phrase)
    for phrase in _step_phrases(step.official, language.code):
        if _matches(phrase, candidate.officials):
            total += NAME_WEIGHT * len(phrase)
    if total and candidate.theme in step.themes:
        total += THEME_BONUS
    return total


@lru_cache(maxsize=4096)
def _step_phrases(texts: tuple[str, ...], code: str) -> tuple[list[frozenset[str]], ...]:
    return tuple(_phrase(text, get_language(code)) for text in texts)


def best_match(step: Step, candidates: list[Candidate], used: set[str], language: Language) -> Candidate | None:
    scored = [(score(step, c, language), c.impressions, c) for c in candidates if c.target not in used]
    scored = [s for s in scored if s[0] > 0]
    if not scored:
        return None
    return max(scored, key=lambda s: (s[0], s[1]))[2]


class CandidateIndex:
    """The candidates by every word form they carry, so a step is scored only against those that have all the
    words of one of its phrases: 40 steps × 1,000 task pages took 3 s when every pair was scored."""

    def __init__(self, candidates: list[Candidate]) -> None:
        self.candidates = candidates
        self._by_form: dict[str, set[int]] = defaultdict(set)
        for number, candidate in enumerate(candidates):
            for forms in (*candidate.names, *candidate.officials, *candidate.queries):
                for form in forms:
                    self._by_form[form].add(number)

    def possible(self, step: Step, language: Language) -> list[Candidate]:
        """The candidates that may score above zero for the step, in their original order (ties keep it)."""
        found: set[int] = set()
        for phrase in (*_step_phrases(step.words, language.code), *_step_phrases(step.official, language.code)):
            having: set[int] | None = None
            for word in phrase:
                with_word = set().union(*(self._by_form.get(form, ()) for form in word))
                having = with_word if having is None else having & with_word
                if not having:
                    break
            found |= having or set()
        return [self.candidates[number] for number in sorted(found)]


def task_candidates(pages: list[SitePage], impressions: dict[str, float], language: Language) -> list[Candidate]:
    """The generated task pages, as their files say (a person's edits to a title or summary count)."""
    found = []
    for page in pages:
        meta = page.meta
        if not page.is_task:
            continue
        task = str(meta["task"])
        queries = [str(q) for q in meta.get("queries") or []]
        found.append(Candidate(
            target=page.rel, title=page.title or task, theme=str(meta.get("theme") or ""),
            impressions=float(impressions.get(task, 0.0)),
            names=(_forms(task, language), _forms(page.title, language)),
            officials=(_forms(str(meta.get("official_name") or ""), language),),
            queries=tuple(_forms(q, language) for q in queries), task=task))
    return found


def old_site_candidates(pages: list[AuditPage], covered: set[str], language: Language) -> list[Candidate]:
    """Pages of the old site that no task page is built from: a step may point there rather than nowhere."""
    found = []
    for page in pages:
        if page.url in covered or page.is_overview or page.is_document:
            continue
        title = page.h1 or page.title
        if not title:
            continue
        forms = _forms(f"{page.title} {page.h1}", language)
        found.append(Candidate(target=page.url, title=title, theme=page.section, impressions=0.0,
                               names=(forms,), officials=(forms,), old_site=True))
    return found


def match_events(events: list[LifeEvent], tasks: list[Candidate], old: list[Candidate],
                 language: Language) -> list[MatchedEvent]:
    """Each step's best task page (a task once per event); else the old site's page; else the step is left out."""
    matched = []
    task_index, old_index = CandidateIndex(tasks), CandidateIndex(old)
    for event in events:
        used: set[str] = set()
        result = MatchedEvent(event)
        for step in event.steps:
            choice = (best_match(step, task_index.possible(step, language), used, language)
                      or best_match(step, old_index.possible(step, language), used, language))
            if choice is not None:
                used.add(choice.target)
                result.steps.append(choice)
        matched.append(result)
    return matched


# ---------------------------------------------------------------- pages


def folder(language: str) -> str:
    return FOLDER[language]


def event_page(matched: MatchedEvent, language: str, address: str) -> PageFile:
    event = matched.event
    rel = f"{folder(language)}/{event.slug}.md"
    labels = LABELS[language]
    lines = [f"{escape(event.intro_for(address))}\n", f"## {labels['steps_je' if address == 'je' else 'steps']}\n"]
    for number, step in enumerate(matched.steps, start=1):
        if step.old_site:
            target = link_target(step.target)  # the old site's address, as crawled
            link = f"[{escape(step.title)}]({target})" if target else escape(step.title)
            lines.append(f"{number}. {link} ({labels['old_site']})")
            continue
        lines.append(f"{number}. [{escape(step.title)}]({relative_link(rel, step.target)})")
    front = {"title": front_matter_text(event.title), "description": front_matter_text(event.intro_for(address)),
             "helder": {"life_event": event.slug,
                        "steps": [{"page": s.target, **({"task": s.task} if s.task else {})} for s in matched.steps]}}
    return PageFile(front, "\n".join(lines) + "\n")


def index_page(events: list[MatchedEvent], language: str, address: str) -> PageFile:
    labels = LABELS[language]
    suffix = "_je" if address == "je" else ""
    lines = [f"{labels['index_intro' + suffix]}\n"]
    lines += [f"- [{escape(m.event.title)}]({m.event.slug}.md)" for m in events]
    return PageFile({"title": labels["index" + suffix], "helder": {"life_events": True}}, "\n".join(lines) + "\n")


def life_event_pages(ws: Workspace, pages: list[SitePage], impressions: dict[str, float],
                     old_pages: list[AuditPage]) -> tuple[list[MatchedEvent], dict[Path, PageFile]]:
    """The events with at least one step, and their pages (plus an index) by path."""
    language = get_language(ws.language)
    tasks = task_candidates(pages, impressions, language)
    covered = {str(s.get("url")) for p in pages for s in p.meta.get("sources") or [] if isinstance(s, dict)}
    old = old_site_candidates(old_pages, covered, language)
    matched = [m for m in match_events(load_life_events(ws), tasks, old, language) if m.steps]
    base = ws.content_dir / folder(ws.language)
    files = {base / f"{m.event.slug}.md": event_page(m, ws.language, ws.address) for m in matched}
    if matched:
        files[base / "index.md"] = index_page(matched, ws.language, ws.address)
    return matched, files
