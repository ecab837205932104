"""Never lose an editor's work: hand-edited pages kept, merged, or given a .md.new — and reruns change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from helder.audit.run import run_audit
from helder.config import Workspace
from helder.publish.generate import base_path, generate
from helder.publish.pagefile import Outcome, PageFile, is_untouched, merge, write_generated
from tests.helpers import HULP_PAGE, SITE, only_test_lexicon, store_pages, store_terms

BODY = "## Wat kost het?\n\nHet kost € 12,50.\n\n## Zo vraagt u het aan\n\n1. Bel ons.\n2. Wij komen langs.\n"


def page(body: str = BODY) -> PageFile:
    return PageFile({"title": "Hulp in huis aanvragen", "helder": {"task": "hulp in huis"}}, body)


@pytest.fixture
def generated(tmp_path: Path) -> tuple[Path, Path]:
    path, base = tmp_path / "content" / "hulp.md", tmp_path / "data" / "generated" / "hulp.md"
    assert write_generated(path, page(), base) is Outcome.WRITTEN
    assert base.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    return path, base


def edit(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8").replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def test_edit_and_no_change_keeps_the_edit_and_writes_nothing_beside(generated: tuple[Path, Path]) -> None:
    path, base = generated
    edited = edit(path, "Bel ons.", "Bel ons op werkdagen.")
    assert write_generated(path, page(), base) is Outcome.KEPT
    assert path.read_text(encoding="utf-8") == edited
    assert not path.with_name("hulp.md.new").exists()


def test_edit_and_a_change_elsewhere_are_merged(generated: tuple[Path, Path]) -> None:
    path, base = generated
    edit(path, "Bel ons.", "Bel ons op werkdagen.")
    new = page(BODY.replace("€ 12,50", "€ 13,00"))
    assert write_generated(path, new, base) is Outcome.MERGED
    merged = path.read_text(encoding="utf-8")
    assert "Bel ons op werkdagen." in merged and "€ 13,00" in merged and "€ 12,50" not in merged
    assert not is_untouched(merged)  # still a person's page: the next run must not overwrite it
    assert base.read_text(encoding="utf-8") == new.render()
    assert write_generated(path, new, base) is Outcome.KEPT  # and merging again changes nothing
    assert path.read_text(encoding="utf-8") == merged


def test_edit_and_a_change_on_the_same_line_go_beside_and_are_reported_until_resolved(
        generated: tuple[Path, Path]) -> None:
    path, base = generated
    edited = edit(path, "Het kost € 12,50.", "Het kost € 12,50 per uur.")
    new = page(BODY.replace("€ 12,50", "€ 13,00"))
    beside = path.with_name("hulp.md.new")
    assert write_generated(path, new, base) is Outcome.EDITED
    assert path.read_text(encoding="utf-8") == edited
    assert beside.read_text(encoding="utf-8") == new.render()
    mtime = beside.stat().st_mtime_ns
    assert write_generated(path, new, base) is Outcome.EDITED  # reported again, nothing rewritten
    assert beside.stat().st_mtime_ns == mtime
    # the editor takes the new amount into the page and deletes the .md.new: resolved
    edit(path, "€ 12,50 per uur", "€ 13,00 per uur")
    beside.unlink()
    assert write_generated(path, new, base) is Outcome.KEPT
    assert not beside.exists() and "€ 13,00 per uur" in path.read_text(encoding="utf-8")
    assert write_generated(path, new, base) is Outcome.KEPT


def test_without_a_base_an_edited_page_gets_a_new_version_beside(tmp_path: Path) -> None:
    path = tmp_path / "hulp.md"
    write_generated(path, page())
    edit(path, "Bel ons.", "Bel ons op werkdagen.")
    assert write_generated(path, page(BODY + "\nMeer.\n")) is Outcome.EDITED
    assert path.with_name("hulp.md.new").exists()


def test_merge_returns_none_on_overlap() -> None:
    assert merge("a\nb\nc\nd\n", "a\nB\nc\nd\n", "a\nb\nc\nD\n") == "a\nB\nc\nD\n"
    assert merge("a\nb\nc\n", "a\nB\nc\n", "a\nX\nc\n") is None
    assert merge("a\nb\nc\n", "a\nB\nc\n", "a\nb\nC\n") is None  # neighbouring lines: like diff3, ask


@pytest.fixture
def workspace_generated(workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    only_test_lexicon(monkeypatch, tmp_path)
    store_pages(workspace, {"/zorg/huishoudelijke-ondersteuning": HULP_PAGE})
    store_terms(workspace, [("hulp in huis", "/zorg/huishoudelijke-ondersteuning", 30, 900)])
    run_audit(workspace, show_progress=False)
    generate(workspace)
    return workspace.content_dir / "zorg" / "hulp-in-huis.md"


def test_generating_twice_is_byte_identical_with_mtimes_unchanged(workspace: Workspace,
                                                                  workspace_generated: Path) -> None:
    files = sorted([*workspace.content_dir.rglob("*"), *(workspace.data_dir / "generated").rglob("*")])
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files if p.is_file()}
    assert base_path(workspace, workspace_generated).is_file()
    result = generate(workspace)
    assert result.count(Outcome.WRITTEN) == 0 and result.count(Outcome.MERGED) == 0
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(
        [*workspace.content_dir.rglob("*"), *(workspace.data_dir / "generated").rglob("*")]) if p.is_file()}
    assert after == before


def recrawl(ws: Workspace, blocks: list[tuple[str, str]]) -> None:
    """A later crawl in which the source page's text changed."""
    import hashlib

    from helder.crawler.store import PageRecord, PageStore

    text = "\n\n".join(t for _, t in blocks)
    url = SITE + "/zorg/huishoudelijke-ondersteuning"
    with PageStore(ws.crawl_db) as store:
        crawl_id = store.begin_crawl([SITE + "/"])
        store.commit_page(crawl_id, PageRecord(
            url=url, fetched_url=url, status=200, content_type="text/html", title=blocks[0][1], h1=blocks[0][1],
            section="zorg", blocks=blocks, text=text, word_count=len(text.split()),
            content_hash=hashlib.sha256(text.encode()).hexdigest(), crawled_at="2026-11-20T10:00:00+00:00"))
        store.finish_crawl(crawl_id, "finished")


def test_a_hand_edit_survives_regeneration_with_new_source_text(workspace: Workspace,
                                                                workspace_generated: Path) -> None:
    path = workspace_generated
    edit(path, "2. Wij komen langs.", "2. Wij komen langs, meestal binnen een week.")
    recrawl(workspace, [(k, t.replace("21,60", "22,00")) for k, t in HULP_PAGE])
    result = generate(workspace)
    assert result.pages[Outcome.MERGED] == [path]
    text = path.read_text(encoding="utf-8")
    assert "meestal binnen een week" in text and "€ 22,00" in text and "(2026-11-20)" in text
    front = yaml.safe_load(text.split("---\n", 2)[1])
    assert front["title"] == "Hulp in huis aanvragen"


def test_helder_generate_names_the_conflicting_page_and_what_to_do(workspace: Workspace,
                                                                   workspace_generated: Path) -> None:
    import io

    from rich.console import Console

    from helder.pipeline import generate_pages

    path = workspace_generated
    edit(path, "€ 21,60 per maand", "€ 21,60 per maand (ook voor stellen)")
    recrawl(workspace, [(k, t.replace("21,60", "22,00")) for k, t in HULP_PAGE])  # the same line changed
    out = io.StringIO()
    generate_pages(workspace, Console(file=out, width=400, color_system=None))
    said = " ".join(out.getvalue().split())  # rich may wrap long paths
    assert f"conflict {path}: your edit and Helder's change touch the same lines." in said
    assert f"Take what you want from {path}.new into the page, then delete {path}.new" in said
    assert "(ook voor stellen)" in path.read_text(encoding="utf-8")
    assert "€ 22,00 per maand" in path.with_name("hulp-in-huis.md.new").read_text(encoding="utf-8")
