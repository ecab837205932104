"""The command line as an editor meets it: scaffolding, and one-line errors instead of tracebacks."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path


def helder(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "helder", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300)


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def test_help_lists_every_stage() -> None:
    done = helder("--help")
    for command in ("init", "crawl", "terms", "audit", "report", "generate", "build", "run", "demo"):
        assert command in done.stdout


def test_init_scaffolds_a_workspace_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "example"
    done = helder("init", str(target), "--site", "https://www.example.nl", "--name", "Gemeente Example")
    assert done.returncode == 0, done.stderr
    config = tomllib.loads((target / "helder.toml").read_text(encoding="utf-8"))
    assert config["workspace"] == {"name": "Gemeente Example", "site": "https://www.example.nl/", "language": "nl",
                                   "address": "u"}
    mkdocs = (target / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "Gemeente Example"' in mkdocs and "language: nl" in mkdocs and "font: false" in mkdocs
    assert (target / "content" / "over-deze-site.md").is_file()
    assert ".helder/" in (target / ".gitignore").read_text(encoding="utf-8")
    again = helder("init", str(target), "--site", "https://www.example.nl", "--name", "X")
    assert "a workspace already exists here" in one_line_error(again)


def test_init_in_english(tmp_path: Path) -> None:
    done = helder("init", str(tmp_path / "uk"), "--site", "https://www.example.gov.uk/", "--name", "Example Council",
                  "--language", "en")
    assert done.returncode == 0, done.stderr
    assert "language: en" in (tmp_path / "uk" / "mkdocs.yml").read_text(encoding="utf-8")
    assert (tmp_path / "uk" / "content" / "about-this-site.md").is_file()


def test_stage_outside_a_workspace_is_a_one_line_error(tmp_path: Path) -> None:
    line = one_line_error(helder("audit", "-w", str(tmp_path)))
    assert "no Helder workspace here" in line and str(tmp_path) in line


def test_unknown_setting_names_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "helder.toml").write_text('[workspace]\nname = "X"\nsite = "https://x.nl/"\n[crawl]\nspeed = 3\n')
    line = one_line_error(helder("audit", "-w", str(tmp_path)))
    assert "helder.toml: unknown setting crawl.speed" in line


def test_audit_before_crawl_says_what_to_run(tmp_path: Path) -> None:
    helder("init", str(tmp_path / "ws"), "--site", "https://www.example.nl", "--name", "X")
    line = one_line_error(helder("audit", "-w", str(tmp_path / "ws")))
    assert "crawl.sqlite: no crawl yet. Run `helder crawl` first." in line


def test_terms_import_of_a_wrong_file_lists_what_is_accepted(tmp_path: Path) -> None:
    helder("init", str(tmp_path / "ws"), "--site", "https://www.example.nl", "--name", "X")
    wrong = tmp_path / "adressen.csv"
    wrong.write_text("naam,straat\nJan,Dorpsstraat\n", encoding="utf-8")
    line = one_line_error(helder("terms", "import", str(wrong), "-w", str(tmp_path / "ws")))
    assert str(wrong) in line and "Search Console exports" in line
    assert not (tmp_path / "ws" / "data" / "terms.parquet").exists()
