"""Large audits spread page work over worker processes; the results must be exactly those of one process."""

from __future__ import annotations

import pandas as pd
import pytest

from helder import parallel
from helder.audit.candidates import discover_candidates
from helder.audit.jargon import find_jargon
from helder.audit.page_pass import read_pages
from helder.audit.pages import AuditPage
from helder.audit.run import page_scores
from helder.language import get_language
from helder.language.lexicon import load_lexicon
from helder.language.readability import measure
from tests.helpers import HULP_PAGE

SITE = "https://www.voorbeeldstad.nl"


def pages() -> list[AuditPage]:
    grofvuil = [("h1", "Grofvuil"), ("p", "Wij halen grofvuil op. U betaalt geen leges."), ("li", "Meubels")]
    return [AuditPage(url=f"{SITE}/p/{i}", title=f"Pagina {i}", h1=f"Pagina {i}", section="p", crawled_at="",
                      blocks=[*(HULP_PAGE if i % 2 else grofvuil), ("p", f"Dossier {i} is in behandeling genomen.")])
            for i in range(40)]


def test_worker_processes_give_the_same_findings_and_scores_as_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon = load_lexicon(get_language("nl"))
    no_queries = pd.DataFrame(columns=["url", "query_norm", "impressions", "clicks"])
    alone = find_jargon(pages(), lexicon)
    alone_scores = page_scores(pages(), alone, no_queries, "nl")
    monkeypatch.setattr(parallel, "MIN_ITEMS", 10)
    monkeypatch.setattr(parallel, "MAX_WORKERS", 2)
    assert parallel.workers_for(40) == min(2, parallel.workers_for(10**6))
    read = read_pages(pages(), lexicon)  # the audit's page pass, on worker processes
    shared = read.findings
    assert len(alone) > 100 and set(alone["term"]) >= {"maatwerkvoorziening", "leges"}
    pd.testing.assert_frame_equal(shared, alone)
    pd.testing.assert_frame_equal(page_scores(pages(), shared, no_queries, "nl", read.readability), alone_scores)


def test_worker_processes_count_the_same_candidates_as_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon = load_lexicon(get_language("nl"))
    site = [AuditPage(url=f"{SITE}/p/{i}", title="Erfgrens", h1="Erfgrens", section="p", crawled_at="",
                      blocks=[("h1", "Erfgrens"), ("p", f"De erfgrensbemiddelaar komt op dag {i}. Het VRZL int."),
                              ("p", "Een perceelsgrens of erfgrensbemiddelaar? Vraag het VRZL." if i % 3 else "")])
            for i in range(40)]
    alone = discover_candidates(site, lexicon, [], "nl", findings=find_jargon(site, lexicon))
    monkeypatch.setattr(parallel, "MIN_ITEMS", 10)
    shared = discover_candidates(site, lexicon, [], "nl", counted=read_pages(site, lexicon).counted)
    assert {"erfgrensbemiddelaar", "perceelsgrens", "VRZL"} <= set(alone["term"])
    pd.testing.assert_frame_equal(shared, alone)


def test_small_sites_stay_in_one_process() -> None:
    assert parallel.workers_for(parallel.MIN_ITEMS - 1) == 1


@pytest.mark.parametrize("min_items", [10**9, 10])  # one process, then worker processes
def test_the_page_pass_gives_what_the_separate_steps_give(monkeypatch: pytest.MonkeyPatch, min_items: int) -> None:
    lexicon = load_lexicon(get_language("nl"))
    site = pages()
    findings = find_jargon(site, lexicon)
    monkeypatch.setattr(parallel, "MIN_ITEMS", min_items)
    read = read_pages(site, lexicon)
    pd.testing.assert_frame_equal(read.findings, findings)
    assert [repr(r) for r in read.readability] == [repr(measure(page.running_text, "nl")) for page in site]  # NaN-safe
    pd.testing.assert_frame_equal(discover_candidates(site, lexicon, [], "nl", counted=read.counted, min_pages=1),
                                  discover_candidates(site, lexicon, [], "nl", findings=findings, min_pages=1))
    assert len(discover_candidates(site, lexicon, [], "nl", counted=read.counted, min_pages=1)) > 0


def test_generate_on_worker_processes_writes_the_same_pages(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from helder.audit.run import run_audit
    from helder.publish.generate import generate
    from tests.conftest import make_workspace
    from tests.helpers import store_pages, store_terms

    def site(root):
        ws = make_workspace(root)
        grofvuil = [("h1", "Grofvuil"), ("h2", "Kosten"), ("p", "Het ophalen kost € 25,00 per keer.")]
        store_pages(ws, {"/zorg/hulp": HULP_PAGE, "/afval/grofvuil": grofvuil,
                         **{f"/afval/p{i}": [("h1", f"Afval {i}"), ("p", f"Container {i} legen kost € {i},00.")]
                            for i in range(12)}})
        store_terms(ws, [("hulp in huis", "/zorg/hulp", 30, 900), ("grofvuil ophalen", "/afval/grofvuil", 9, 300),
                         *((f"container {i}", f"/afval/p{i}", 1, 10 + i) for i in range(12))])
        run_audit(ws, show_progress=False)
        generate(ws)
        return {p.relative_to(ws.content_dir): p.read_text(encoding="utf-8")
                for p in sorted(ws.content_dir.rglob("*.md"))}

    alone = site(tmp_path / "alone")
    monkeypatch.setattr(parallel, "MIN_ITEMS", 5)
    shared = site(tmp_path / "shared")
    assert len(alone) >= 14 and any("Hulp" in text for text in alone.values())
    assert shared == alone
