"""Crawled text and residents' queries are untrusted: on the published site they are text, never markup or
script. A hostile source page and a hostile query go through audit, generate and build; the built HTML is read
element by element."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helder.audit.run import run_audit
from helder.config import Workspace
from helder.publish.build import build_site
from helder.publish.generate import generate
from helder.publish.site_pages import SitePage, escape, link_target
from tests.helpers import HULP_PAGE, only_test_lexicon, store_pages, store_terms

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[klik](javascript:alert(3))",
    '<a href="javascript:alert(4)">a</a>',
    "![beeld](http://evil.example/x.png)",
    '{: onclick="alert(5)" }',
    '--8<-- "helder.toml"',
    "*[WOZ]: alert(6)",
    '" onmouseover="alert(7)',
]
HOSTILE_PAGE = [
    ("h1", "Wmo-maatwerkvoorziening huishoudelijke ondersteuning <b onclick=alert(8)>"),
    ("p", 'Inwoners kunnen hulp krijgen "<b onmouseover="alert(11)">" als zij dat niet zelf kunnen.'),
    *HULP_PAGE[2:],
    ("h2", "Meer <script>alert(9)</script>"),
    *[("p", f"Let op: {payload} en verder niets.") for payload in PAYLOADS],
    ("p", '2026. Dit is geen lijst, en "dit" geen attribuut: {#anker}'),
]


@pytest.fixture
def site(workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Workspace:
    only_test_lexicon(monkeypatch, tmp_path)
    # A product page no task covers is titled by its own heading: crawled text in the title, menu and <title>.
    product = [("h1", 'Scootmobiel <img src=x onerror=alert(12)> "x"'),
               ("p", "Met een scootmobiel kunt u zelf boodschappen doen en op bezoek gaan bij familie. " * 8)]
    store_pages(workspace, {"/zorg/huishoudelijke-ondersteuning": HOSTILE_PAGE, "/zorg/scootmobiel": product,
                            "/zorg/": [("h1", "Zorg <script>alert(13)</script>")]})  # the theme page's title
    store_terms(workspace, [('hulp in huis "><script>alert(10)</script>', "/zorg/huishoudelijke-ondersteuning",
                             30, 900)])
    run_audit(workspace, show_progress=False)
    generate(workspace)
    build_site(workspace)
    return workspace


def _task_html(ws: Workspace, name: str = "hulp-in-huis") -> BeautifulSoup:
    [page] = [p for p in ws.site_dir.glob(f"zorg/{name}*/index.html")]
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def test_no_hostile_text_becomes_markup_or_script_on_any_page(site: Workspace) -> None:
    for path in site.site_dir.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(True):
            assert element.name not in ("img", "iframe", "object", "embed", "b") or "evil" not in str(element)
            for name, value in element.attrs.items():
                assert not name.lower().startswith("on") and "alert" not in name, (path, element)
                if name in ("href", "src", "action", "formaction", "srcset", "data"):
                    assert not str(value).strip().lower().startswith(("javascript:", "data:")), (path, value)
                    assert "evil.example" not in str(value) or element.name == "a", (path, element)
            if element.name == "script":
                assert "alert(" not in element.get_text(), path


def test_hostile_text_shows_as_the_text_it_is(site: Workspace) -> None:
    text = _task_html(site).get_text(" ")
    for payload in ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "[klik](javascript:alert(3))",
                    "![beeld](http://evil.example/x.png)", '--8<-- "helder.toml"', "*[WOZ]: alert(6)",
                    "2026. Dit is geen lijst", "{#anker}"]:
        assert payload in text
    assert "[site]" not in text and "language =" not in text  # the snippet marker included no file
    soup = _task_html(site)
    assert not soup.select("article ol li:-soup-contains('Dit is geen lijst')")


def test_title_and_description_cannot_leave_their_html_context(site: Workspace) -> None:
    description = _task_html(site).find("meta", attrs={"name": "description"})
    assert list(description.attrs) == ["name", "content"]
    assert '"<b onmouseover="alert(11)">"' in description["content"]
    product = _task_html(site, "scootmobiel")
    name = 'Scootmobiel <img src=x onerror=alert> "x"'  # the product's heading, its "(12)" dropped as a bracket
    assert product.find("h1").get_text(strip=True) == name
    assert name in product.title.get_text()
    assert any(name in a.get_text(" ", strip=True) for a in product.select("nav a"))
    theme = BeautifulSoup((site.site_dir / "zorg" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert theme.find("h1").get_text(strip=True) == "Zorg <script>alert(13)</script>"


@pytest.mark.parametrize("text", ["<b>x</b>", "[a](b)", "*x* _y_ `z`", "{: .c}", "# kop", "a | b", "\\*", "&lt;"])
def test_escaped_text_reads_back_as_itself(text: str) -> None:
    page = SitePage(Path("a.md"), "a.md", {"title": ""}, escape(text, line_start=True))
    assert page.text().strip() == text if text != "&lt;" else page.text().strip() == "<"


def test_only_web_addresses_become_link_targets() -> None:
    assert link_target("https://www.voorbeeldstad.nl/a b(c)") == "https://www.voorbeeldstad.nl/a%20b%28c%29"
    for url in ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc"]:
        assert link_target(url) is None
