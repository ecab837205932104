"""The site builder: pages on all cores, unchanged pages from the last build, and the same site mkdocs builds."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from helder.config import Workspace, load_workspace
from helder.publish import site_builder
from helder.publish.build import build_site, record_path


@pytest.fixture
def demo_copy(demo_run: tuple[Workspace, subprocess.CompletedProcess[str]], tmp_path: Path,
              monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """The demo workspace (generated pages, no site yet), with pages rendered in worker processes even though
    the demo has fewer pages than make workers worth it."""
    source, _ = demo_run
    root = tmp_path / "ws"
    shutil.copytree(source.root, root, ignore=shutil.ignore_patterns("site", "build-record.json"))
    monkeypatch.setattr(site_builder, "MIN_PAGES", 2)
    return load_workspace(root)


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _mkdocs_build(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    with monkeypatch.context() as patch:
        patch.setattr(site_builder, "can_build", lambda config: False)
        build_site(ws)
    return _files(ws.site_dir)


def _search_docs(ws: Workspace) -> list[dict[str, str]]:
    return json.loads((ws.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_the_site_is_byte_for_byte_the_one_mkdocs_builds(demo_copy: Workspace,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    result = build_site(demo_copy)
    ours = _files(demo_copy.site_dir)
    assert result.rendered == result.pages > 50
    theirs = _mkdocs_build(demo_copy, monkeypatch)
    assert ours.keys() == theirs.keys()
    assert [name for name in ours if ours[name] != theirs[name]] == []
    # The hidden keywords of Helder's plugin came back from the workers into the one search index.
    assert any("keywords" in doc for doc in _search_docs(demo_copy))


def test_a_second_build_renders_nothing_and_gives_the_same_site(demo_copy: Workspace) -> None:
    build_site(demo_copy)
    first = _files(demo_copy.site_dir)
    again = build_site(demo_copy)
    assert again.rendered == 0
    assert _files(demo_copy.site_dir) == first


def _task_page(ws: Workspace) -> Path:
    return next(p for p in sorted(ws.content_dir.glob("*/*.md")) if p.name != "index.md")


def test_an_edited_page_is_the_only_one_rendered_again(demo_copy: Workspace) -> None:
    build_site(demo_copy)
    before = _files(demo_copy.site_dir)
    page = _task_page(demo_copy)
    page.write_text(page.read_text(encoding="utf-8") + "\nEen zin die een redacteur toevoegde.\n", encoding="utf-8")
    result = build_site(demo_copy)
    assert result.rendered == 1
    after = _files(demo_copy.site_dir)
    changed = [name for name in after if after[name] != before.get(name)]
    html = f"{page.parent.name}/{page.stem}/index.html"
    assert {html, "search/search_index.json"} <= set(changed) <= {html, "search/search_index.json", "sitemap.xml",
                                                               "sitemap.xml.gz"}
    assert "Een zin die een redacteur toevoegde." in after[html].decode()
    assert any("Een zin die een redacteur toevoegde." in doc["text"] for doc in _search_docs(demo_copy))


def test_a_changed_title_renders_every_page_again(demo_copy: Workspace) -> None:
    """Every page's menu shows the titles, so one new title changes every page."""
    build_site(demo_copy)
    page = _task_page(demo_copy)
    text = page.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    page.write_text(text.replace(title, "title: Een nieuwe titel", 1), encoding="utf-8")
    result = build_site(demo_copy)
    assert result.rendered == result.pages


def test_new_abbreviations_render_every_page_again(demo_copy: Workspace) -> None:
    build_site(demo_copy)
    snippet = demo_copy.root / "includes" / "abbreviations.md"
    snippet.write_text(snippet.read_text(encoding="utf-8") + "*[XYZ]: een nieuwe afkorting\n", encoding="utf-8")
    result = build_site(demo_copy)
    assert result.rendered == result.pages
    assert build_site(demo_copy).rendered == 0


def test_a_page_changed_in_the_built_site_is_rendered_again(demo_copy: Workspace) -> None:
    build_site(demo_copy)
    page = _task_page(demo_copy)
    html = demo_copy.site_dir / page.parent.name / page.stem / "index.html"
    good = html.read_bytes()
    html.write_bytes(good.replace(b"</body>", b"<script>alert(1)</script></body>"))
    result = build_site(demo_copy)
    assert result.rendered == 1
    assert html.read_bytes() == good


def test_a_lost_or_broken_record_renders_every_page(demo_copy: Workspace) -> None:
    build_site(demo_copy)
    record_path(demo_copy).write_text("{not json", encoding="utf-8")
    result = build_site(demo_copy)
    assert result.rendered == result.pages
    assert json.loads(record_path(demo_copy).read_text(encoding="utf-8"))["version"] == site_builder.RECORD_VERSION


def test_a_plugin_that_gathers_pages_gets_mkdocs_own_build(demo_copy: Workspace) -> None:
    build_site(demo_copy)
    assert record_path(demo_copy).is_file()
    config = demo_copy.mkdocs_yml.read_text(encoding="utf-8")
    demo_copy.mkdocs_yml.write_text(config.replace("  - search:\n", "  - tags\n  - search:\n"), encoding="utf-8")
    result = build_site(demo_copy)
    assert result.rendered == result.pages
    assert not record_path(demo_copy).exists()  # it would describe a site that is no longer there
