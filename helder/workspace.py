"""`helder init`: scaffold a municipality's workspace (configuration, mkdocs.yml, content/)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from string import Template

from helder.atomic import write_text
from helder.config import CONFIG_NAME, LANGUAGES, _url
from helder.errors import HelderError

TEMPLATE = Path(str(files("helder") / "workspace_template"))


def init_workspace(root: Path, name: str, site: str, language: str = "nl", overwrite: bool = False) -> list[Path]:
    """Write the workspace files; never overwrite an existing workspace unless asked."""
    if language not in LANGUAGES:
        raise HelderError(f"--language {language}: Helder speaks {', '.join(LANGUAGES)}.")
    site = _url(site, Path("--site"), "--site")
    if (root / CONFIG_NAME).exists() and not overwrite:
        raise HelderError(f"{root / CONFIG_NAME}: a workspace already exists here; choose another folder.")
    values = {"name": name.replace('"', "'"), "site": site, "language": language}
    written = []
    sources = [TEMPLATE / CONFIG_NAME, TEMPLATE / "mkdocs.yml", TEMPLATE / "gitignore",
               *sorted((TEMPLATE / f"content-{language}").glob("*"))]
    for source in sources:
        relative = source.name if source.parent == TEMPLATE else f"content/{source.name}"
        relative = ".gitignore" if relative == "gitignore" else relative
        target = root / relative
        if target.exists() and not overwrite:
            continue
        write_text(target, Template(source.read_text(encoding="utf-8")).safe_substitute(values))
        written.append(target)
    return written
