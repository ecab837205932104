"""Plain-language task pages: built only from source text, jargon replaced, edits never overwritten."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd
import pytest
import yaml

from helder.audit.run import run_audit
from helder.config import Workspace
from helder.crawler.store import PageRecord, PageStore
from helder.publish.generate import generate
from helder.publish.generate_record import record_path
from helder.publish.pagefile import Outcome, is_untouched
from tests.helpers import HULP_PAGE, SITE, only_test_lexicon, store_pages, store_terms


@pytest.fixture
def generated(workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    only_test_lexicon(monkeypatch, tmp_path)
    store_pages(workspace, {"/zorg/huishoudelijke-ondersteuning": HULP_PAGE, "/zorg/": [("h1", "Zorg en hulp")],
                            "/afval/grofvuil": [("h1", "Grofvuil"), ("p", "Wij halen het op.")]})
    store_terms(workspace, [("hulp in huis", "/zorg/huishoudelijke-ondersteuning", 30, 900),
                            ("schoonmaakhulp", "/zorg/huishoudelijke-ondersteuning", 3, 90),
                            ("grofvuil ophalen", "/afval/grofvuil", 5, 50)])
    run_audit(workspace, show_progress=False)
    result = generate(workspace)
    written = result.pages[Outcome.WRITTEN]
    content = workspace.content_dir
    assert {content / "zorg" / "hulp-in-huis.md", content / "afval" / "grofvuil-ophalen.md",
            content / "zorg" / "index.md", content / "index.md"} <= set(written)
    return content / "zorg" / "hulp-in-huis.md"


def split(path: Path) -> tuple[dict, str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def test_task_page_is_titled_in_residents_words_with_provenance(generated: Path) -> None:
    front, _ = split(generated)
    assert front["title"] == "Hulp in huis aanvragen"
    meta = front["helder"]
    assert meta["official_name"] == "Wmo-maatwerkvoorziening huishoudelijke ondersteuning"
    assert meta["sources"] == [{"url": f"{SITE}/zorg/huishoudelijke-ondersteuning", "crawled": "2026-11-01"}]
    assert meta["queries"] == ["hulp in huis", "schoonmaakhulp"]
    assert meta["jargon_replaced"] == 4  # in aanmerking komen voor, huishoudelijke ondersteuning, indien, leges
    assert meta["readability_after"] > meta["readability_before"]
    assert is_untouched(generated.read_text(encoding="utf-8"))


def test_body_has_standard_sections_from_source_text_only(generated: Path) -> None:
    _, body = split(generated)
    headings = [line for line in body.splitlines() if line.startswith("## ")]
    assert headings == ["## Wie kan het krijgen?", "## Zo vraagt u het aan", "## Wat kost het?", "## Bronnen"]
    assert "1. Bel (0123) 45 67 89.\n2. Wij komen langs." in body
    assert "- U woont in Voorbeeldstad.\n- U kunt niet zelf schoonmaken." in body
    assert f"- [Wmo-maatwerkvoorziening huishoudelijke ondersteuning]({SITE}/zorg/huishoudelijke-ondersteuning)" \
           " (2026-11-01)" in body


def without_links(body: str) -> str:
    """The body with links (official words link to the glossary) as their text."""
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body)


def test_jargon_replaced_numbers_kept_and_official_name_once(generated: Path) -> None:
    _, body = split(generated)
    assert "(officieel: [huishoudelijke ondersteuning](../wat-betekent-dit-woord.md#huishoudelijke-ondersteuning))" \
        in body  # the official word links to its meaning
    body = without_links(body)
    assert "De kosten bedragen € 21,60 per maand vanaf 1 januari 2026." in body
    assert ("Inwoners kunnen recht hebben op hulp bij het huishouden (officieel: huishoudelijke ondersteuning)"
            " als zij dat niet zelf kunnen.") in body
    assert body.count("officieel: huishoudelijke ondersteuning") == 1


def test_generating_twice_changes_nothing(workspace: Workspace, generated: Path) -> None:
    before = {p: p.read_text(encoding="utf-8") for p in workspace.content_dir.rglob("*.md")}
    result = generate(workspace)
    assert result.count(Outcome.WRITTEN) == 0 and result.count(Outcome.UNCHANGED) == len(before) - 1  # not own
    assert {p: p.read_text(encoding="utf-8") for p in workspace.content_dir.rglob("*.md")} == before


def _content(ws: Workspace) -> dict[str, str]:
    return {p.relative_to(ws.content_dir).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(ws.content_dir.rglob("*.md"))}


def test_only_pages_whose_inputs_changed_are_built_again(workspace: Workspace, generated: Path) -> None:
    before = _content(workspace)
    again = generate(workspace)
    assert (again.built, again.reused) == (0, 2)
    assert _content(workspace) == before
    tasks = pd.read_parquet(workspace.audit_dir / "tasks.parquet")
    hulp = tasks.index[tasks["slug"] == "hulp-in-huis"][0]
    tasks.at[hulp, "queries"] = [*tasks.at[hulp, "queries"], "huishoudelijke hulp"]
    tasks.to_parquet(workspace.audit_dir / "tasks.parquet", index=False)
    changed = generate(workspace)
    assert (changed.built, changed.reused) == (1, 1)
    assert "huishoudelijke hulp" in split(generated)[0]["helder"]["queries"]
    # What the reusing run wrote is what a run from scratch writes.
    reused = _content(workspace)
    record_path(workspace).unlink()
    full = generate(workspace)
    assert (full.built, full.reused) == (2, 0)
    assert _content(workspace) == reused


def _crawl(ws: Workspace, blocks: list[tuple[str, str]], when: str) -> None:
    """A crawl of the Wmo page as the crawler stores it: with its text's hash, so a changed text is seen."""
    text = "\n\n".join(t for _, t in blocks)
    url = f"{SITE}/zorg/huishoudelijke-ondersteuning"
    with PageStore(ws.crawl_db) as store:
        crawl_id = store.begin_crawl([SITE + "/"])
        store.commit_page(crawl_id, PageRecord(
            url=url, fetched_url=url, status=200, content_type="text/html", title=blocks[0][1], h1=blocks[0][1],
            section="zorg", blocks=blocks, text=text, word_count=len(text.split()), crawled_at=when,
            content_hash=hashlib.sha256(text.encode()).hexdigest()))
        store.finish_crawl(crawl_id, "finished")


def test_a_recrawl_that_finds_the_same_text_changes_no_page(workspace: Workspace, monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    """A page cites the crawl that found its text, not the last crawl: else every monthly crawl would change,
    build and render every page."""
    only_test_lexicon(monkeypatch, tmp_path)
    store_terms(workspace, [("hulp in huis", "/zorg/huishoudelijke-ondersteuning", 30, 900)])
    page = workspace.content_dir / "zorg" / "hulp-in-huis.md"
    _crawl(workspace, HULP_PAGE, "2026-11-01T10:00:00+00:00")
    run_audit(workspace, show_progress=False)
    generate(workspace)
    assert "(2026-11-01)" in page.read_text(encoding="utf-8")
    _crawl(workspace, HULP_PAGE, "2026-12-01T10:00:00+00:00")  # a month later, nothing changed
    run_audit(workspace, show_progress=False)
    again = generate(workspace)
    assert (again.built, again.count(Outcome.WRITTEN)) == (0, 0)
    assert "(2026-11-01)" in page.read_text(encoding="utf-8")
    _crawl(workspace, [*HULP_PAGE, ("p", "Vanaf 1 maart 2027 ook via de website.")], "2027-01-05T10:00:00+00:00")
    run_audit(workspace, show_progress=False)
    assert generate(workspace).built == 1
    text = page.read_text(encoding="utf-8")
    assert "(2027-01-05)" in text and "Vanaf 1 maart 2027" in text


def test_a_new_lexicon_or_a_broken_record_builds_every_page(workspace: Workspace, generated: Path) -> None:
    workspace.lexicon_overrides.write_text("term,plain,explanation,category,source\n"
                                           "indien,wanneer,Als.,formeel,redactie\n", encoding="utf-8")
    assert generate(workspace).built == 2
    assert "wanneer zij dat niet zelf kunnen" in split(generated)[1]
    record_path(workspace).write_text("{not json", encoding="utf-8")
    assert generate(workspace).built == 2


def test_a_page_edited_by_a_person_is_never_overwritten(workspace: Workspace, generated: Path) -> None:
    edited = generated.read_text(encoding="utf-8").replace("Wij komen langs.", "Wij komen binnen een week langs.")
    generated.write_text(edited, encoding="utf-8")
    result = generate(workspace)
    assert result.pages[Outcome.KEPT] == [generated]  # same inputs: nothing new to offer (tests/test_pagefile.py)
    assert generated.read_text(encoding="utf-8") == edited
    assert not generated.with_name("hulp-in-huis.md.new").exists()
    (workspace.data_dir / "generated" / "zorg" / "hulp-in-huis.md").unlink()  # no base: cannot merge
    result = generate(workspace)
    assert result.pages[Outcome.EDITED] == [generated]
    assert generated.read_text(encoding="utf-8") == edited
    again = generate(workspace)  # reported on every run until resolved, though its inputs did not change
    assert again.pages[Outcome.EDITED] == [generated] and again.built == 1
    beside = generated.with_name("hulp-in-huis.md.new")
    assert "Wij komen langs." in beside.read_text(encoding="utf-8")
    assert is_untouched(beside.read_text(encoding="utf-8"))


def test_hand_written_pages_are_left_alone(workspace: Workspace, generated: Path) -> None:
    own = workspace.content_dir / "over-deze-site.md"
    text = own.read_text(encoding="utf-8")
    generate(workspace)
    assert own.read_text(encoding="utf-8") == text


def test_plain_words_are_capitalised_only_at_the_start_of_a_sentence(tmp_path: Path) -> None:
    from helder.language import get_language
    from helder.language.lexicon import Lexicon, read_entries
    from helder.publish.plain import PlainWriter

    path = tmp_path / "lexicon.csv"
    path.write_text("term,plain,explanation,category,source\nleges,kosten,x,financieel,t\n", encoding="utf-8")
    nl = get_language("nl")
    writer = PlainWriter(Lexicon(read_entries(path, nl), nl))
    assert writer.rewrite("Leges betaalt u vooraf. U betaalt Leges bij de balie.") == (
        "Kosten betaalt u vooraf. U betaalt kosten bij de balie.")


def test_search_terms_hold_residents_queries_and_the_official_terms_replaced(generated: Path) -> None:
    front, _ = split(generated)
    terms = front["search_terms"]
    assert terms[:2] == ["hulp in huis", "schoonmaakhulp"]
    assert "leges" in terms and "huishoudelijke ondersteuning" in terms
    assert front["helder"]["jargon_removed"] == terms[2:]


def _store_with_links(ws: Workspace, pages: dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]],
                      documents: dict[str, tuple[int, int]]) -> None:
    """A crawl of pages with content links ({path: (blocks, [(target path, link text)])}) and documents
    ({path: (status, bytes)})."""
    from helder.crawler.store import PageRecord, PageStore

    with PageStore(ws.crawl_db) as store:
        crawl_id = store.begin_crawl([SITE + "/"])
        for path, (blocks, links) in pages.items():
            text = "\n\n".join(t for _, t in blocks)
            h1 = next((t for k, t in blocks if k == "h1"), "")
            store.commit_page(crawl_id, PageRecord(
                url=SITE + path, fetched_url=SITE + path, status=200, content_type="text/html", title=h1, h1=h1,
                section=path.strip("/").split("/")[0] if path.count("/") > 1 else "", blocks=blocks, text=text,
                word_count=len(text.split()), crawled_at="2026-11-01T10:00:00+00:00",
                links=[(SITE + target, label, "content") for target, label in links]))
        for path, (status, size) in documents.items():
            store.commit_page(crawl_id, PageRecord(
                url=SITE + path, fetched_url=SITE + path, status=status, content_type="application/pdf",
                bytes=size, title="Formulier", blocks=[("p", "Formulier tekst.")], text="Formulier tekst.",
                word_count=2, crawled_at="2026-11-01T10:00:00+00:00"))
        store.finish_crawl(crawl_id, "finished")


LONG_TEXT = ("De milieustraat aan de Industrieweg 4 is open op dinsdag tot en met zaterdag van 09.00 tot 16.00 uur. "
             "U brengt er grof afval, snoeiafval, elektrische apparaten en klein chemisch afval. Per bezoek mag u "
             "ten hoogste 2 kubieke meter afval brengen. Neem uw afvalpas mee, want zonder pas kunt u niet naar "
             "binnen. Bedrijven kunnen hier geen afval brengen. Asbest neemt de milieustraat alleen verpakt aan, "
             "tot 35 vierkante meter per jaar per adres in Voorbeeldstad. Kijk voor de tarieven van bouw- en "
             "sloopafval op de pagina over de tarieven van de milieustraat.")


def test_documents_listed_with_type_and_size_and_uncovered_product_pages_get_a_page(
        workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    only_test_lexicon(monkeypatch, tmp_path)
    _store_with_links(workspace, {
        "/zorg/huishoudelijke-ondersteuning": (HULP_PAGE, [
            ("/documenten/aanvraagformulier.pdf", "Aanvraagformulier (pdf)"),
            ("/documenten/beleid.docx", "Beleidsregels"), ("/documenten/weg.pdf", "Oud formulier"),
            ("/zorg/", "Zorg")]),
        "/zorg/": ([("h1", "Zorg en hulp"), ("p", LONG_TEXT)], []),
        "/afval/milieustraat": ([("h1", "Afvalbrengstation"), ("p", LONG_TEXT)], []),
        "/afval/kort": ([("h1", "Kort"), ("p", "Een korte pagina.")], []),
        "/contact": ([("h1", "Contact"), ("p", LONG_TEXT)], []),
    }, {"/documenten/aanvraagformulier.pdf": (200, 123_456), "/documenten/weg.pdf": (404, 0)})
    store_terms(workspace, [("hulp in huis", "/zorg/huishoudelijke-ondersteuning", 30, 900)])
    run_audit(workspace, show_progress=False)
    generate(workspace)

    front, body = split(workspace.content_dir / "zorg" / "hulp-in-huis.md")
    assert ("## Formulieren en documenten\n\n"
            f"- [Aanvraagformulier]({SITE}/documenten/aanvraagformulier.pdf) (pdf, 123 kB)\n"
            f"- [Beleidsregels]({SITE}/documenten/beleid.docx) (docx)\n") in body
    assert "weg.pdf" not in body  # a broken link is never offered
    assert front["helder"]["documents"][0] == {"url": f"{SITE}/documenten/aanvraagformulier.pdf", "type": "pdf",
                                               "bytes": 123_456}

    product = workspace.content_dir / "afval" / "milieustraat.md"
    front, body = split(product)
    assert front["helder"]["kind"] == "product" and front["helder"]["official_name"] == "Afvalbrengstation"
    assert "Industrieweg 4" in body and f"({SITE}/afval/milieustraat) (2026-11-01)" in body
    assert "milieustraat" in (workspace.content_dir / "afval" / "index.md").read_text(encoding="utf-8")
    for not_a_product in ("afval/kort.md", "contact.md", "zorg/index-1.md"):
        assert not (workspace.content_dir / not_a_product).exists()


def test_a_je_workspace_gets_je_pages(workspace: Workspace, monkeypatch: pytest.MonkeyPatch,
                                      tmp_path: Path) -> None:
    import dataclasses

    only_test_lexicon(monkeypatch, tmp_path)
    store_pages(workspace, {"/zorg/huishoudelijke-ondersteuning": [
        *HULP_PAGE, ("h2", "Meenemen"), ("p", "Neem uw DigiD mee. U meldt zich bij de balie.")]})
    store_terms(workspace, [("hulp in huis", "/zorg/huishoudelijke-ondersteuning", 30, 900)])
    run_audit(workspace, show_progress=False)
    generate(dataclasses.replace(workspace, address="je"))
    front, body = split(workspace.content_dir / "zorg" / "hulp-in-huis.md")
    assert "## Zo vraag je het aan" in body and "## Wat heb je nodig?" in body
    assert "- Je woont in Voorbeeldstad.\n- Je kunt niet zelf schoonmaken." in body
    assert "Neem je DigiD mee. U meldt zich bij de balie." in body  # "zich": not reliable, stays
    assert front["helder"]["sentences_left_with_u"] == 1


def test_summary_is_whole_plain_sentences_within_160_characters(generated: Path) -> None:
    front, _ = split(generated)
    assert front["description"] == ("Inwoners kunnen recht hebben op hulp bij het huishouden (officieel: "
                                    "huishoudelijke ondersteuning) als zij dat niet zelf kunnen.")
    from helder.language import get_language
    from helder.language.lexicon import Lexicon
    from helder.publish.plain import PlainWriter
    from helder.publish.taskpage import summarise

    writer = PlainWriter(Lexicon([], get_language("nl")))
    long = [("p", "Dit is de eerste zin over de hulp. " + "Een heel lange tweede zin " * 8 + "eindigt hier.")]
    assert summarise(long, writer, "nl") == "Dit is de eerste zin over de hulp."
    one = [("p", "Woord " * 60 + "einde.")]
    summary = summarise(one, writer, "nl")
    assert len(summary) <= 160 and summary.endswith("Woord…") and "  " not in summary


def test_the_workspace_lexicon_wins_over_the_shipped_one(workspace: Workspace, monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    only_test_lexicon(monkeypatch, tmp_path)
    workspace.lexicon_overrides.write_text("term,plain,explanation,category,source\n"
                                           "indien,wanneer,Als.,formeel,redactie\n"
                                           "leges,prijs,Wat u betaalt.,financieel,redactie\n", encoding="utf-8")
    store_pages(workspace, {"/zorg/huishoudelijke-ondersteuning": HULP_PAGE})
    store_terms(workspace, [("hulp in huis", "/zorg/huishoudelijke-ondersteuning", 30, 900)])
    run_audit(workspace, show_progress=False)
    generate(workspace)
    body = without_links(split(workspace.content_dir / "zorg" / "hulp-in-huis.md")[1])
    assert "wanneer zij dat niet zelf kunnen" in body  # the reviewed word, not the shipped "als"
    assert "De leges bedragen € 21,60" in body  # "de prijs" would need "bedraagt": a singular stays out


def test_plain_words_never_break_a_sentence_or_add_a_fact(tmp_path: Path) -> None:
    from helder.language import get_language
    from helder.language.lexicon import Lexicon, read_entries
    from helder.publish.plain import PlainWriter

    path = tmp_path / "lexicon.csv"
    path.write_text("term,plain,explanation,category,source\n"
                    "volstaan,genoeg zijn,x,ambtelijk-werkwoord,t\n"
                    "minderjarige,kind onder de 18,x,formeel,t\n"
                    "z-route,leerroute voor wie langzaam leert,x,product,t\n"
                    "in aanmerking komen,recht hebben op,x,ambtelijk-werkwoord,t\n"
                    "verlengde jeugdhulp,jeugdhulp na je 18e,x,zorg,t\n"
                    "persoonlijk plan,uw eigen plan,x,proces,t\n", encoding="utf-8")
    nl = get_language("nl")
    writer = PlainWriter(Lexicon(read_entries(path, nl), nl))
    for sentence in ("Hier kan worden volstaan met een ID-kaart.",  # passive: no verb phrase after "worden"
                     "Ook een minderjarige kan het krijgen.",  # "18" is not in the source
                     "Kies de zelfredzaamheidsroute (Z-route).",  # inside brackets: the official name itself
                     "Ook jongeren kunnen in aanmerking komen.",  # "recht hebben op" would dangle
                     "U krijgt verlengde jeugdhulp.",  # a "je" phrase on a page that says "u"
                     "U maakt een persoonlijk plan."):  # "een uw eigen plan"
        assert writer.rewrite(sentence) == sentence
    assert writer.replaced == 0


def test_an_english_workspace_gets_english_task_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import make_workspace

    only_test_lexicon(monkeypatch, tmp_path)
    ws = make_workspace(tmp_path / "en", language="en")
    store_pages(ws, {"/parking/residents-parking-permit": [
        ("h1", "Residents' parking permit"),
        ("p", "A residents' parking permit lets you park in your own zone."),
        ("h2", "Fees"), ("p", "A permit costs £ 45.00 a year."),
        ("h2", "How to apply"), ("p", "Fill in the form. You can apply for a parking permit online."),
    ]})
    store_terms(ws, [("parking permit", "/parking/residents-parking-permit", 20, 400),
                     ("apply parking permit", "/parking/residents-parking-permit", 5, 80)])
    run_audit(ws, show_progress=False)
    generate(ws)
    front, body = split(ws.content_dir / "parking" / "parking-permit.md")
    assert front["title"] == "Apply for a parking permit"
    assert front["description"] == ("A parking permit (official name: residents' parking permit) lets you park in "
                                    "your own zone.")
    assert "## How to apply\n\n1. Fill in the form.\n2. You can apply for a parking permit online." in body
    assert "## What it costs\n\nA permit costs £ 45.00 a year." in body
    assert "## Sources" in body
