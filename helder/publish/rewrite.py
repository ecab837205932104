"""Optional rephrasing of task-page sections by a language model behind an OpenAI-compatible endpoint.

Off by default; `[rewrite] url` in helder.toml switches it on (a local Ollama or vLLM: Helder POSTs to
`{url}/chat/completions`). The model sees the text of one section at a time and is asked for B1 Dutch (or plain
English) that keeps every fact. Its answer is untrusted and only replaces the rule-based text when:

- every fact of the input survives: numbers, amounts, dates, times, names, URLs, e-mail addresses, phone numbers
  and the official name in brackets (extracted with regular expressions from both texts);
- it reads better (a higher Flesch-Douma / Flesch Reading Ease score) and has no more jargon (lexicon matches);
- it is still plain text in the same shape: no headings, links or HTML, the same number of numbered steps.

Answers are cached by a hash of model, prompt and input in `data/rewrite-cache.json`, so generating twice asks the
model nothing and changes nothing. A network error or timeout keeps the rule-based text, is reported once, and
stops further requests for that run.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from helder.atomic import write_text
from helder.config import Workspace
from helder.errors import HelderError
from helder.language.lexicon import Lexicon
from helder.language.readability import measure
from helder.language.tokens import sentences
from helder.publish.pagefile import PageFile
from helder.publish.sections import TITLES

CACHE_FILE = "rewrite-cache.json"
PROMPT_VERSION = 1  # part of the cache key: a changed prompt asks the model again

PROMPTS = {
    "nl": ("Je bent eindredacteur van de website van een gemeente. Je herschrijft één stuk tekst in eenvoudig "
           "Nederlands op taalniveau B1: korte zinnen, gewone woorden, actieve zinnen. Spreek de lezer aan met "
           "'{address}'. Houd elk feit precies zoals het staat: alle getallen, bedragen, datums, tijden, namen, "
           "webadressen, e-mailadressen en telefoonnummers. Laat een officiële naam tussen haakjes staan, zoals "
           "'(officieel: ...)'. Voeg niets toe en laat niets weg. Houd de vorm: genummerde stappen blijven "
           "genummerde stappen ('1. '), opsommingen blijven opsommingen ('- '). Schrijf geen koppen, geen links en "
           "geen uitleg: geef alleen de herschreven tekst."),
    "en": ("You are the editor of a council website. Rewrite one piece of text in plain English (CEFR B1): short "
           "sentences, everyday words, active verbs. Address the reader as 'you'. Keep every fact exactly as it "
           "is: all numbers, amounts, dates, times, names, web addresses, e-mail addresses and phone numbers. Keep "
           "an official name in brackets, such as '(official name: ...)'. Add nothing and leave nothing out. Keep "
           "the shape: numbered steps stay numbered steps ('1. '), lists stay lists ('- '). Write no headings, no "
           "links and no explanation: return only the rewritten text."),
}
MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december maandag dinsdag "
          "woensdag donderdag vrijdag zaterdag zondag",
    "en": "January February March April May June July August September October November December Monday Tuesday "
          "Wednesday Thursday Friday Saturday Sunday",
}
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+\d{2}|\(?0)[\d\s()-]{7,}\d")
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_BRACKETED = re.compile(r"\((?:officieel|official name): [^)]+\)")
_MARKUP = re.compile(r"<|\]\(|```|\{\s*[:#.]|^\s*(?:#|\||>|\*\[)", re.M)  # {: …} sets HTML attributes
_ORDERED = re.compile(r"^\d+\. ", re.M)
_LIST = re.compile(r"^(?:\d+\.|-)\s+")


def facts(text: str, language: str) -> dict[str, set[str]]:
    """What must survive a rewrite, by kind."""
    urls = {u.rstrip(".,;:!?") for u in _URL.findall(text)}
    emails = set(_EMAIL.findall(text))
    # Cut addresses out but keep a full stop after them: it ends a sentence, and sentence starts matter for names.
    rest = _EMAIL.sub(" ", _URL.sub(lambda m: " " + m.group()[len(m.group().rstrip(".,;:!?")):], text))
    phones = {d for d in (re.sub(r"\D", "", p) for p in _PHONE.findall(rest)) if len(d) >= 9}
    months = {m.lower() for m in MONTHS[language].split()}
    found_months = {w.lower() for w in _WORD.findall(rest) if w.lower() in months}
    return {"url": urls, "e-mail": emails, "phone": phones, "number": set(_NUMBER.findall(_PHONE.sub(" ", rest))),
            "date": found_months, "name": _names(rest, months), "official name": set(_BRACKETED.findall(text))}


def _names(text: str, months: set[str]) -> set[str]:
    """Capitalised words not at the start of a sentence or list item, and words with capitals inside ("DigiD")."""
    names = set()
    for line in text.splitlines():
        line = _LIST.sub("", line.strip())
        for match in _WORD.finditer(line):
            word = match.group()
            inner = any(c.isupper() for c in word[1:])
            before = line[:match.start()].rstrip()
            starts = not before or before[-1] in ".!?:;"
            if (inner or (word[0].isupper() and not starts)) and word.lower() not in months:
                names.add(word)
    return names


def lost_facts(before: str, after: str, language: str) -> list[str]:
    """The facts of `before` that `after` no longer has (empty when all survived)."""
    old, new = facts(before, language), facts(after, language)
    new_words = set(_WORD.findall(after))
    lost = []
    for kind, items in old.items():
        for item in sorted(items):
            present = item in new_words if kind == "name" else item in new[kind] or (
                kind in ("url", "official name") and item in after)
            if not present:
                lost.append(f"{kind} {item}")
    return lost


def _blocks(text: str) -> list[str]:
    return [_LIST.sub("", line.strip()) for line in text.splitlines() if line.strip()]


def readability(text: str, language: str) -> float:
    return measure(_blocks(text), language).score


def jargon(text: str, lexicon: Lexicon) -> int:
    return sum(len(lexicon.find(s.text)) for block in _blocks(text)
               for s in sentences(block, lexicon.language.code))


@dataclass(frozen=True)
class Verdict:
    accepted: bool
    reason: str  # "accepted", or why the rule-based text stays


def judge(before: str, after: str, lexicon: Lexicon) -> Verdict:
    language = lexicon.language.code
    if not after.strip():
        return Verdict(False, "empty answer")
    if _MARKUP.search(after):
        return Verdict(False, "markup in the answer")
    if len(_ORDERED.findall(after)) != len(_ORDERED.findall(before)):
        return Verdict(False, "numbered steps changed")
    lost = lost_facts(before, after, language)
    if lost:
        return Verdict(False, f"lost a fact ({lost[0]})")
    old_score, new_score = readability(before, language), readability(after, language)
    if math.isnan(new_score) or not new_score > old_score:
        return Verdict(False, "not easier to read")
    if jargon(after, lexicon) > jargon(before, lexicon):
        return Verdict(False, "more jargon")
    return Verdict(True, "accepted")


@dataclass
class Rewriter:
    """Rewrites the sections of task pages when `[rewrite]` is configured; otherwise returns pages unchanged."""

    ws: Workspace
    lexicon: Lexicon
    notes: list[str] = field(default_factory=list)  # reported once by `helder generate`
    outcomes: Counter[str] = field(default_factory=Counter)
    _cache: dict[str, str] | None = None
    _dirty: bool = False
    _offline: bool = False

    def __post_init__(self) -> None:
        settings = self.ws.rewrite
        if settings.enabled and settings.api_key_env and not os.environ.get(settings.api_key_env):
            raise HelderError(f"{self.ws.root / 'helder.toml'}: rewrite.api_key_env names {settings.api_key_env}, "
                              "which is not set; set it in the environment or remove api_key_env.")

    @property
    def enabled(self) -> bool:
        return self.ws.rewrite.enabled

    @property
    def cache_path(self) -> Path:
        return self.ws.data_dir / CACHE_FILE

    def page(self, page: PageFile) -> PageFile:
        if not self.enabled:
            return page
        chunks = _chunks(page.body)
        rewritten: list[str] = []
        out = []
        for heading, fixed, text in chunks:
            new = text
            if text.strip() and not _MARKUP.search(text):
                answer = self._answer(text.strip())
                if answer is not None:
                    verdict = judge(text.strip(), answer, self.lexicon)
                    self.outcomes[verdict.reason] += 1
                    if verdict.accepted:
                        new = answer.strip() + "\n"
                        rewritten.append(heading.lstrip("# ").strip() if heading else
                                         TITLES[self.ws.language]["about"])
            out.append(heading + fixed + new)
        meta = dict(page.front_matter.get("helder", {}))
        meta["rewritten_by_model"] = rewritten  # empty: the model was asked, or is off-line, and nothing was kept
        meta["model"] = self.ws.rewrite.model
        if not rewritten:
            return PageFile({**page.front_matter, "helder": meta}, page.body)
        body = "".join(_joined(out))
        if "readability_after" in meta:
            score = measure([line for line in _blocks(body) if not line.startswith(("#", "*", "["))],
                            self.ws.language).score
            meta["readability_after"] = None if math.isnan(score) else round(score, 1)
        return PageFile({**page.front_matter, "helder": meta}, body)

    def _answer(self, text: str) -> str | None:
        """The model's answer for this text: from the cache, else asked once; None when it cannot be had."""
        cache = self._load()
        key = self._key(text)
        if key in cache:
            self.outcomes["from cache"] += 1
            return cache[key]
        if self._offline:
            return None
        try:
            answer = self._ask(text)
        except (requests.RequestException, ValueError, KeyError, IndexError, TypeError) as exc:
            self._offline = True
            reason = " ".join(str(exc).split())[:200] or type(exc).__name__
            self.notes.append(f"rewrite: the model at {self.ws.rewrite.url} did not answer ({reason}); "
                              "the rule-based text stays on every page this run.")
            return None
        cache[key] = answer
        self._dirty = True
        return answer

    def _key(self, text: str) -> str:
        settings = self.ws.rewrite
        raw = json.dumps([PROMPT_VERSION, settings.model, self._prompt(), text], ensure_ascii=False)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()

    def _prompt(self) -> str:
        return PROMPTS[self.ws.language].replace("{address}", self.ws.address)

    def _ask(self, text: str) -> str:
        settings = self.ws.rewrite
        headers = {"Content-Type": "application/json"}
        if settings.api_key_env:
            headers["Authorization"] = f"Bearer {os.environ[settings.api_key_env]}"
        response = requests.post(
            f"{str(settings.url).rstrip('/')}/chat/completions", headers=headers, timeout=settings.timeout,
            json={"model": settings.model, "temperature": 0,
                  "messages": [{"role": "system", "content": self._prompt()}, {"role": "user", "content": text}]})
        response.raise_for_status()
        content = response.json()["choices"][0]["message"]["content"]
        if not isinstance(content, str):
            raise TypeError("the answer has no text")
        return content

    def _load(self) -> dict[str, str]:
        if self._cache is None:
            self._cache = {}
            if self.cache_path.is_file():
                try:
                    loaded: Any = json.loads(self.cache_path.read_text(encoding="utf-8"))
                except (ValueError, UnicodeDecodeError):
                    loaded = {}  # a damaged cache only costs asking the model again
                if isinstance(loaded, dict):
                    self._cache = {k: v for k, v in loaded.items() if isinstance(v, str)}
        return self._cache

    def save(self) -> None:
        """Store new answers (atomically); also summarise what the model's answers came to."""
        if self._dirty and self._cache is not None:
            write_text(self.cache_path, json.dumps(self._cache, ensure_ascii=False, indent=1, sort_keys=True))
            self._dirty = False
        judged = {k: v for k, v in self.outcomes.items() if k != "from cache"}
        if judged:
            parts = ", ".join(f"{count} {reason}" for reason, count in sorted(judged.items(), key=lambda i: -i[1]))
            self.notes.append(f"rewrite: {sum(judged.values())} sections judged: {parts}.")


def _chunks(body: str) -> list[tuple[str, str, str]]:
    """(heading line, lines kept as they are, text to rewrite) per section; the part before the first heading has
    no heading, and its leading emphasised lines ("*Officieel heet dit: …*") stay as they are."""
    parts = re.split(r"(?m)^(?=## )", body)
    chunks = []
    for part in parts:
        heading = ""
        if part.startswith("## "):
            heading, _, part = part.partition("\n")
            heading += "\n"
        fixed_lines = []
        lines = part.splitlines(keepends=True)
        while lines and (not lines[0].strip() or lines[0].startswith("*")):
            fixed_lines.append(lines.pop(0))
        chunks.append((heading, "".join(fixed_lines), "".join(lines)))
    return chunks


def _joined(parts: list[str]) -> list[str]:
    """Sections separated by one blank line, as the rule-based pages are."""
    return [p if p.endswith("\n\n") or i == len(parts) - 1 else p.rstrip("\n") + "\n\n" for i, p in enumerate(parts)]
