"""Generated Markdown files and the rule that protects a person's edits.

Every generated page records, in its front matter, a hash of exactly what Helder wrote, and Helder keeps a copy
of what it last generated (the base, under `data/generated/`). When Helder generates the page again and the file
on disk no longer matches its recorded hash, a person has edited it. Then, with the base, edited and new versions:

- Helder's text did not change since: the edit stands, nothing is written (KEPT);
- the edit and Helder's change touch different lines: a 3-way merge (merge3, the algorithm of `diff3`/Bazaar)
  writes both into the page (MERGED);
- they touch the same lines, or there is no base: the new version goes beside it as `<name>.md.new`, the page
  stays as the person left it, and `helder generate` reports it (EDITED) on every run until it is resolved.
  To resolve it, take what you want from `<name>.md.new` into the page and delete `<name>.md.new`: Helder then
  takes that version as seen (the base moves on) and reports the page no more.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import merge3
import yaml

from helder.atomic import write_text

HASH_KEY = "generated_hash"
_HASH_LINE = re.compile(rf"^\s*{HASH_KEY}: .*\n", re.M)


class Outcome(Enum):
    WRITTEN = "written"
    UNCHANGED = "unchanged"
    KEPT = "edited by a person; Helder's text has not changed since"
    MERGED = "edited by a person; Helder's changes merged in"
    EDITED = "edited by a person: new version written beside it"


# libyaml's emitter when PyYAML has it: the pure-Python one took 8 ms of the 23 ms a task page costs to generate.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class PageFile:
    front_matter: dict[str, Any]
    body: str

    def render(self) -> str:
        """The file text, with the hash of that text (minus the hash line) inside its own front matter."""
        meta = {**self.front_matter, "helder": {**self.front_matter.get("helder", {}), HASH_KEY: "PENDING"}}
        text = "---\n" + yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"
        text += self.body.rstrip() + "\n"
        return text.replace("PENDING", _digest(_HASH_LINE.sub("", text)))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def recorded_hash(text: str) -> str | None:
    match = re.search(rf"^\s*{HASH_KEY}: (\S+)", text, re.M)
    return match.group(1) if match else None


def is_untouched(text: str) -> bool:
    """True when the file is exactly what Helder generated (no person has edited it)."""
    recorded = recorded_hash(text)
    return recorded is not None and recorded == _digest(_HASH_LINE.sub("", text))


def write_generated(path: Path, page: PageFile | str, base: Path | None = None) -> Outcome:
    """Write a generated page (or its rendered text) without ever losing a person's edit; `base` is where the
    last generated text of this page is kept (without it, an edited page always gets a `.md.new`)."""
    text = page if isinstance(page, str) else page.render()
    if not path.exists():
        write_text(path, text)
        _keep(base, text)
        return Outcome.WRITTEN
    current = path.read_text(encoding="utf-8")
    if current == text:
        _keep(base, text)
        return Outcome.UNCHANGED
    if is_untouched(current):
        write_text(path, text)
        _keep(base, text)
        return Outcome.WRITTEN
    beside = path.with_name(path.name + ".new")
    previous = base.read_text(encoding="utf-8") if base is not None and base.exists() else None
    pending = base.with_name(base.name + ".pending") if base is not None else None
    if previous == text or _dismissed(pending, beside, text):
        _resolved(base, pending, beside, text)
        return Outcome.KEPT
    merged = merge(previous, current, text) if previous is not None else None
    if merged is not None:
        write_text(path, merged)
        _resolved(base, pending, beside, text)
        return Outcome.MERGED
    if not beside.exists() or beside.read_text(encoding="utf-8") != text:
        write_text(beside, text)
    if pending is not None and (not pending.exists() or pending.read_text(encoding="utf-8") != text):
        write_text(pending, text)  # remembers which new version the person was shown
    return Outcome.EDITED


def merge(base: str, edited: str, new: str) -> str | None:
    """The 3-way merge of a person's edit and Helder's new text, or None when they change the same lines."""
    merger = merge3.Merge3(base.splitlines(keepends=True), edited.splitlines(keepends=True),
                           new.splitlines(keepends=True))
    lines: list[str] = []
    for group in merger.merge_groups():
        kind = group[0]
        if kind == "conflict":
            return None
        lines.extend(group[1])
    return "".join(lines)


def _dismissed(pending: Path | None, beside: Path, text: str) -> bool:
    """The person was shown this very version as `.md.new` and deleted it: they have taken what they wanted."""
    return (pending is not None and not beside.exists() and pending.exists()
            and pending.read_text(encoding="utf-8") == text)


def _resolved(base: Path | None, pending: Path | None, beside: Path, text: str) -> None:
    _keep(base, text)
    for stale in (pending, beside):
        if stale is not None and stale.exists():
            stale.unlink()  # Helder's own files: the conflict they recorded is over


def _keep(base: Path | None, text: str) -> None:
    if base is not None and (not base.exists() or base.read_text(encoding="utf-8") != text):
        write_text(base, text)
