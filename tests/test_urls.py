"""URL normalisation, scope and crawl-trap patterns."""

import pytest

from helder.crawler.urls import UrlMap, normalise, section_of, trap_pattern


@pytest.mark.parametrize(("url", "expected"), [
    ("https://WWW.Example.NL:443/a#kosten", "https://www.example.nl/a"),
    ("http://example.nl:80/a?b=2&a=1", "http://example.nl/a?a=1&b=2"),
    ("https://example.nl/a?utm_source=nieuwsbrief&utm_medium=mail&id=4", "https://example.nl/a?id=4"),
    ("https://example.nl/a?gclid=abc&fbclid=def", "https://example.nl/a"),
    ("https://example.nl/a;jsessionid=0A1B2C?x=1", "https://example.nl/a?x=1"),
    ("https://example.nl/a?PHPSESSID=123&page=2", "https://example.nl/a?page=2"),
    ("https://example.nl", "https://example.nl/"),
    ("https://example.nl/caf%C3%A9", "https://example.nl/caf%C3%A9"),
    ("https://example.nl:8080/a", "https://example.nl:8080/a"),
])
def test_normalise(url: str, expected: str) -> None:
    assert normalise(url) == expected


def test_trap_pattern_ignores_numbers_and_parameter_values() -> None:
    assert trap_pattern("https://x.nl/agenda?datum=2026-11-23&p=4") == trap_pattern(
        "https://x.nl/agenda?p=9&datum=2031-01-02") == "/agenda?datum&p"
    assert trap_pattern("https://x.nl/nieuws/2026/11/artikel-12") == "/nieuws/{n}/{n}/artikel-{n}"
    assert trap_pattern("https://x.nl/zoeken?q=a") != trap_pattern("https://x.nl/zoeken?q=a&type=b")


def test_scope_includes_the_port() -> None:
    staging = UrlMap(public_base="https://www.example.nl/", fetch_base="http://staging.example.nl:8080/")
    assert staging.in_scope("http://staging.example.nl:8080/afval")
    assert staging.in_scope("https://www.example.nl/afval")
    assert not staging.in_scope("http://staging.example.nl:8081/afval")
    assert not staging.in_scope("https://staging.example.nl:8080/afval")
    assert not staging.in_scope("https://www.example.com/")
    assert staging.to_public("http://staging.example.nl:8080/afval?x=1") == "https://www.example.nl/afval?x=1"
    assert staging.to_fetch("https://www.example.nl/afval") == "http://staging.example.nl:8080/afval"


def test_scope_within_a_site_folder() -> None:
    folder = UrlMap(public_base="https://www.example.nl/gemeente/")
    assert folder.in_scope("https://www.example.nl/gemeente/afval")
    assert not folder.in_scope("https://www.example.nl/provincie/")


def test_sections() -> None:
    assert section_of("https://x.nl/afval/grofvuil") == section_of("https://x.nl/afval/") == "afval"
    assert section_of("https://x.nl/contact") == section_of("https://x.nl/") == ""
