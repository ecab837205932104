"""Audit history: every audit keeps its summary; the report and `helder report --compare` show what changed."""

from __future__ import annotations

import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

from helder.audit.history import compare, history_dir, list_audits, resolve
from helder.audit.run import run_audit
from helder.config import Workspace
from helder.errors import HelderError
from helder.report.folder import write_html_folder
from tests.helpers import SITE, only_test_lexicon, store_pages, store_terms

SIMPLE = [("p", "U zet de bak aan de straat."), ("p", "Wij halen hem op.")]
JARGON = [("p", "Indien u de leges betaalt, kunnen wij de vergunning verstrekken aan de aanvrager van het stuk.")]
FIRST = {"/zorg/a": [("h1", "A"), *JARGON], "/zorg/b": [("h1", "B"), *SIMPLE], "/afval/c": [("h1", "C"), *SIMPLE],
         "/afval/e": [("h1", "E"), *JARGON]}
# A is rewritten plainly (fixed), B gets jargon (worse), C is removed (gone), D is added (new), E stays.
SECOND = {"/zorg/a": [("h1", "A"), *SIMPLE], "/zorg/b": [("h1", "B"), *SIMPLE, *JARGON],
          "/afval/d": [("h1", "D"), *JARGON], "/afval/e": [("h1", "E"), *JARGON]}


def audit(ws: Workspace, pages: dict[str, list[tuple[str, str]]]) -> None:
    ws.crawl_db.unlink(missing_ok=True)  # a fresh crawl of the changed site
    store_pages(ws, pages)
    store_terms(ws, [("bak buiten zetten", "/zorg/b", 2, 20), ("vergunning leges", "/zorg/a", 1, 30)])
    run_audit(ws, show_progress=False)


@pytest.fixture
def two_audits(workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Workspace:
    only_test_lexicon(monkeypatch, tmp_path)
    audit(workspace, FIRST)
    audit(workspace, SECOND)
    return workspace


def helder(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "helder", *args], capture_output=True, text=True, timeout=120)


def test_every_audit_keeps_a_summary_and_its_page_scores(two_audits: Workspace) -> None:
    audits = list_audits(two_audits)
    assert len(audits) == 2
    first, second = audits
    assert first.at < second.at
    assert (first.pages, second.pages) == (4, 4)
    # FIRST: A and E hold indien, leges, verstrekken; SECOND: B, D and E do.
    assert (first.occurrences, second.occurrences) == (6, 9)
    for summary in audits:
        assert (history_dir(two_audits) / f"{summary.id}.json").exists()
        assert (history_dir(two_audits) / f"{summary.id}-pages.parquet").exists()


def test_compare_finds_pages_fixed_new_worse_and_gone(two_audits: Workspace) -> None:
    first, second = list_audits(two_audits)
    change = compare(two_audits, first, second)
    assert change.fixed == [f"{SITE}/zorg/a"]
    assert change.worse == [f"{SITE}/zorg/b"]
    assert change.new == [f"{SITE}/afval/d"]
    assert change.gone == [f"{SITE}/afval/c"]
    assert change.delta("occurrences") == 3
    assert change.delta("pages") == 0


def test_audits_are_found_by_id_prefix_date_or_position(two_audits: Workspace) -> None:
    first, second = list_audits(two_audits)
    assert resolve(two_audits, "first") == first
    assert resolve(two_audits, "latest") == second and resolve(two_audits, "previous") == first
    assert resolve(two_audits, first.id) == first
    assert resolve(two_audits, first.date) == second  # a date means the last audit that day
    with pytest.raises(HelderError, match=r"'1999-01-01' is not an audit id or date; `helder report --history`"):
        resolve(two_audits, "1999-01-01")


def test_report_shows_the_change_since_the_previous_audit(two_audits: Workspace) -> None:
    html = write_html_folder(two_audits).read_text(encoding="utf-8")
    table = re.search(r"<caption>Sinds de vorige audit</caption>.*?</table>", html, re.S).group(0)
    cells = [unescape(re.sub(r"<[^>]+>|\s+", " ", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", table, re.S)]
    assert cells[:4] == ["Jargon (vindplaatsen)", "6", "9", "+3"]
    assert cells[cells.index("Pagina's verbeterd") + 3] == "1"
    assert cells[cells.index("Nieuwe pagina's") + 3] == "1"
    assert cells[cells.index("Pagina's verslechterd") + 3] == "1"
    assert f'href="{SITE}/zorg/a"' in html  # the fixed page is listed
    assert "Sinds de eerste audit" not in html  # the first audit is the previous one


def test_cli_lists_audits_and_compares_two(two_audits: Workspace) -> None:
    first, second = list_audits(two_audits)
    listed = helder("report", "--history", "-w", str(two_audits.root))
    assert listed.returncode == 0, listed.stderr
    assert first.id in listed.stdout and second.id in listed.stdout
    done = helder("report", "--compare", first.id, "latest", "-w", str(two_audits.root))
    assert done.returncode == 0, done.stderr
    assert re.search(r"jargon occurrences\s*│\s*6\s*│\s*9\s*│\s*\+3", done.stdout)
    assert re.search(r"pages fixed\s*│\s*│\s*│\s*1", done.stdout)
    page = two_audits.reports_dir / f"compare-{first.id}-{second.id}.html"
    assert str(page) in done.stdout.replace("\n", "")
    assert "Audit " + first.id + " vergeleken met audit " + second.id in page.read_text(encoding="utf-8")
    wrong = helder("report", "--compare", "nope", "latest", "-w", str(two_audits.root))
    assert wrong.returncode != 0
    assert wrong.stderr.strip().splitlines()[-1].startswith("helder: error: 'nope' is not an audit id or date")
