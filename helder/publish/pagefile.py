"""Generated Markdown files and the rule that protects a person's edits.

Every generated page records, in its front matter, a hash of exactly what Helder wrote. When Helder generates
the page again it compares: if the file on disk no longer matches its recorded hash, a person has edited it, and
Helder writes its new version beside it (`<name>.md.new`) instead of overwriting, and reports the conflict.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import yaml

from helder.atomic import write_text

HASH_KEY = "generated_hash"
_HASH_LINE = re.compile(rf"^\s*{HASH_KEY}: .*\n", re.M)


class Outcome(Enum):
    WRITTEN = "written"
    UNCHANGED = "unchanged"
    EDITED = "edited by a person: new version written beside it"


@dataclass(frozen=True)
class PageFile:
    front_matter: dict[str, Any]
    body: str

    def render(self) -> str:
        """The file text, with the hash of that text (minus the hash line) inside its own front matter."""
        meta = {**self.front_matter, "helder": {**self.front_matter.get("helder", {}), HASH_KEY: "PENDING"}}
        text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"
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


def write_generated(path: Path, page: PageFile) -> Outcome:
    text = page.render()
    if path.exists():
        current = path.read_text(encoding="utf-8")
        if current == text:
            return Outcome.UNCHANGED
        if not is_untouched(current):
            beside = path.with_name(path.name + ".new")
            if not beside.exists() or beside.read_text(encoding="utf-8") != text:
                write_text(beside, text)
            return Outcome.EDITED
    write_text(path, text)
    return Outcome.WRITTEN
