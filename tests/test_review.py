"""The review loop: the decisions store, importing a filled workbook or review.csv, and its effects."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helder.config import Workspace
from helder.errors import HelderError
from helder.review.decisions import COLUMNS, current, decisions_path, load_decisions, save_decisions


def _ws(root: Path, language: str = "nl") -> Workspace:
    return Workspace(root=root, name="Gemeente Test", site="https://www.test.nl/", language=language)


def test_no_decisions_is_an_empty_frame_with_the_columns(tmp_path: Path) -> None:
    frame = load_decisions(_ws(tmp_path))
    assert list(frame.columns) == COLUMNS
    assert frame.empty


def test_stored_decisions_round_trip_and_the_latest_wins(tmp_path: Path) -> None:
    ws = _ws(tmp_path)
    rows = [
        {"term": "leges", "kind": "term", "decision": "afgewezen", "plain": "", "reviewer": "Bo",
         "decided_at": "2026-03-01T09:00:00"},
        {"term": "leges", "kind": "term", "decision": "aangepast", "plain": "kosten", "reviewer": "An",
         "decided_at": "2026-02-01T09:00:00"},
        {"term": "BRP", "kind": "candidate", "decision": "akkoord", "plain": "", "reviewer": "An",
         "decided_at": "2026-02-01T09:00:00"},
    ]
    save_decisions(ws, pd.DataFrame(rows))
    stored = load_decisions(ws)
    assert stored["decided_at"].tolist() == ["2026-02-01T09:00:00", "2026-02-01T09:00:00", "2026-03-01T09:00:00"]
    now = current(stored).set_index("term")
    assert now.loc["leges", "decision"] == "afgewezen"
    assert now.loc["leges", "reviewer"] == "Bo"
    assert now.loc["BRP", "kind"] == "candidate"


def test_a_damaged_store_names_file_and_row(tmp_path: Path) -> None:
    ws = _ws(tmp_path)
    decisions_path(ws).parent.mkdir(parents=True)
    decisions_path(ws).write_text(",".join(COLUMNS) + "\nleges,term,misschien,,An,2026-01-01\n", encoding="utf-8")
    with pytest.raises(HelderError, match=r"decisions\.csv, row 2: decision 'misschien'"):
        load_decisions(ws)


# --- importing a filled workbook or review.csv, and what the next audit and generate make of it ---------------

from datetime import datetime  # noqa: E402

import yaml  # noqa: E402
from openpyxl import load_workbook  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from helder.audit.run import read_table, run_audit  # noqa: E402
from helder.cli import app  # noqa: E402
from helder.publish.generate import generate  # noqa: E402
from helder.report.run import write_reports  # noqa: E402
from helder.review.run import import_review  # noqa: E402
from tests.helpers import HULP_PAGE, only_test_lexicon, store_pages, store_terms  # noqa: E402

VERVOER_PAGE = [
    ("h1", "Vervoer met de regiotaxi"),
    ("p", "Neem uw zorgpasje mee naar het stadsloket."),
    ("p", "U betaalt geen leges voor de pas."),
]


@pytest.fixture
def audited(workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Workspace:
    only_test_lexicon(monkeypatch, tmp_path)
    hulp = [*HULP_PAGE, ("p", "Neem uw zorgpasje mee naar het stadsloket.")]
    store_pages(workspace, {"/zorg/huishoudelijke-ondersteuning": hulp, "/zorg/regiotaxi": VERVOER_PAGE})
    store_terms(workspace, [("hulp in huis", "/zorg/huishoudelijke-ondersteuning", 30, 900),
                            ("taxi voor ouderen", "/zorg/regiotaxi", 5, 50)])
    run_audit(workspace, show_progress=False)
    write_reports(workspace)
    return workspace


def _fill(book_path: Path, target: Path, sheet: str, decisions: dict[str, tuple[str, ...]],
          reviewer: str | None = None) -> Path:
    """Fill decision cells as a reviewer would: {term: (decision, own alternative, reviewer, date)}."""
    book = load_workbook(book_path)
    rows = book[sheet]
    header = [c.value for c in rows[1]]
    for row in rows.iter_rows(min_row=2):
        values = decisions.get(row[0].value)
        for label, value in zip(("Beslissing", "Eigen alternatief", "Beoordelaar", "Datum"), values or (),
                                strict=False):
            row[header.index(label)].value = value
    if reviewer:
        summary = book["Samenvatting"]
        cell = next(r[1] for r in summary.iter_rows(min_row=2) if r[0].value == "Beoordelaar")
        cell.value = reviewer
    book.save(target)
    return target


def _page(ws: Workspace, relative: str) -> tuple[dict, str]:
    _, front, body = (ws.content_dir / relative).read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def test_round_trip_workbook_decisions_reach_the_next_audit_and_the_generated_page(audited: Workspace,
                                                                                   tmp_path: Path) -> None:
    ws = audited
    candidates = set(read_table(ws, "candidates")["term"])
    assert {"zorgpasje", "stadsloket"} <= candidates
    generate(ws)
    _, before = _page(ws, "zorg/hulp-in-huis.md")
    assert "indien" not in before and "uw zorgpasje mee" in before
    assert "U betaalt geen kosten voor de pas." in _page(ws, "zorg/taxi-voor-ouderen.md")[1]

    book = ws.reports_dir / "jargon.xlsx"
    _fill(book, tmp_path / "step1.xlsx", "Termen", {
        "leges": ("aangepast", "eigen bijdrage"),
        "indien": ("afgewezen",),
        "in aanmerking komen voor": ("akkoord",),
    }, reviewer="An de Vries")
    _fill(tmp_path / "step1.xlsx", tmp_path / "filled.xlsx", "Kandidaten", {
        "zorgpasje": ("akkoord", "zorgpas"),  # accepted with the reviewer's own words: edited
        "stadsloket": ("afgewezen",),
    })
    result = import_review(ws, tmp_path / "filled.xlsx")
    assert (result.read, result.stored, result.repeated, result.conflicts) == (5, 5, 0, [])
    stored = load_decisions(ws).set_index("term")
    assert stored.loc["leges", "decision"] == "aangepast" and stored.loc["leges", "plain"] == "eigen bijdrage"
    assert stored.loc["zorgpasje", "decision"] == "aangepast" and stored.loc["zorgpasje", "kind"] == "candidate"
    assert stored.loc["in aanmerking komen voor", "plain"] == "recht hebben op"
    assert set(stored["reviewer"]) == {"An de Vries"}
    saved = load_workbook(tmp_path / "filled.xlsx").properties.modified
    assert set(stored["decided_at"]) == {saved.isoformat(timespec="seconds")}  # no row date: the workbook's

    lexicon = ws.lexicon_overrides.read_text(encoding="utf-8").splitlines()
    source = f"review {saved.date().isoformat()} An de Vries"
    assert lexicon[0] == "term,plain,explanation,category,source"
    assert f"indien,,Als.,formeel,{source}" in lexicon
    assert f"leges,eigen bijdrage,Wat u betaalt.,financieel,{source}" in lexicon
    assert f"zorgpasje,zorgpas,,formeel,{source}" in lexicon
    assert not any(line.startswith("stadsloket") for line in lexicon)

    run_audit(ws, show_progress=False)
    terms = read_table(ws, "terms").set_index("term")
    assert "indien" not in terms.index
    assert terms.loc["leges", "plain"] == "eigen bijdrage" and terms.loc["zorgpasje", "plain"] == "zorgpas"
    assert not {"zorgpasje", "stadsloket"} & set(read_table(ws, "candidates")["term"])
    generate(ws)
    _, after = _page(ws, "zorg/hulp-in-huis.md")
    assert "indien zij dat niet zelf kunnen" in after  # switched off: no longer replaced
    assert "Neem uw zorgpas mee naar het stadsloket." in after and "zorgpasje" not in after
    assert "Inwoners kunnen recht hebben op hulp bij het huishouden" in after
    _, taxi = _page(ws, "zorg/taxi-voor-ouderen.md")
    assert "U betaalt geen eigen bijdrage voor de pas." in taxi  # the reviewer's words

    # The next workbook shows the decisions in force, and importing it again stores nothing twice.
    write_reports(ws)
    rows = {r[0]: r for r in load_workbook(ws.reports_dir / "jargon.xlsx")["Termen"].iter_rows(
        min_row=2, values_only=True)}
    assert rows["leges"][2:5] == ("aangepast", "eigen bijdrage", "An de Vries")
    assert rows["zorgpasje"][2:5] == ("aangepast", "zorgpas", "An de Vries")
    assert isinstance(rows["leges"][5], datetime)
    assert rows["indien"][2:5] == ("afgewezen", None, "An de Vries")  # switched off, still shown: can be undone
    kandidaten = {r[0]: r for r in load_workbook(ws.reports_dir / "jargon.xlsx")["Kandidaten"].iter_rows(
        min_row=2, values_only=True)}
    assert kandidaten["stadsloket"][3] == "afgewezen" and kandidaten["stadsloket"][7] is None
    again = import_review(ws, ws.reports_dir / "jargon.xlsx")
    assert (again.stored, again.repeated) == (0, 5)
    assert len(load_decisions(ws)) == 5


def test_an_older_workbook_imported_later_does_not_undo_newer_decisions(audited: Workspace, tmp_path: Path) -> None:
    ws = audited
    book = ws.reports_dir / "jargon.xlsx"
    newer = _fill(book, tmp_path / "newer.xlsx", "Termen", {
        "leges": ("afgewezen", None, "Bo Jansen", datetime(2026, 3, 1, 9, 30)),
        "indien": ("akkoord", None, "Bo Jansen", datetime(2026, 3, 1, 9, 30)),
    })
    older = _fill(book, tmp_path / "older.xlsx", "Termen", {
        "leges": ("aangepast", "eigen bijdrage", "An de Vries", datetime(2026, 2, 1, 14, 0)),
        "indien": ("akkoord", None, "An de Vries", datetime(2026, 2, 1, 14, 0)),
        "maatwerkvoorziening": ("aangepast", "hulp die bij u past", "An de Vries", datetime(2026, 2, 1, 14, 0)),
    })
    import_review(ws, newer)
    result = import_review(ws, older)
    assert result.stored == 3 and result.overruled == 2
    in_force = current(load_decisions(ws)).set_index("term")
    assert in_force.loc["leges", "decision"] == "afgewezen" and in_force.loc["leges", "reviewer"] == "Bo Jansen"
    assert in_force.loc["indien", "reviewer"] == "Bo Jansen"
    assert in_force.loc["maatwerkvoorziening", "plain"] == "hulp die bij u past"  # nothing newer: the older counts
    assert len(load_decisions(ws)) == 5  # the history keeps every decision
    [conflict] = result.conflicts  # indien: the same decision twice is no conflict
    assert conflict.term == "leges" and conflict.winner["reviewer"] == "Bo Jansen"
    assert [(c["decision"], c["reviewer"]) for c in conflict.losers] == [("aangepast", "An de Vries")]
    lexicon = ws.lexicon_overrides.read_text(encoding="utf-8")
    assert "leges,,Wat u betaalt.,financieel,review 2026-03-01 Bo Jansen" in lexicon

    out = CliRunner().invoke(app, ["review", "import", str(older), "-w", str(ws.root)])
    assert out.exit_code == 0, out.output
    assert "0 new, 3 already stored" in out.output


def test_cli_lists_conflicts_with_who_and_when(audited: Workspace, tmp_path: Path) -> None:
    ws = audited
    book = ws.reports_dir / "jargon.xlsx"
    first = _fill(book, tmp_path / "a.xlsx", "Termen", {"leges": ("akkoord", None, "An", datetime(2026, 2, 1))})
    second = _fill(book, tmp_path / "b.xlsx", "Termen", {"leges": ("afgewezen", None, "Bo", datetime(2026, 3, 1))})
    runner = CliRunner()
    assert runner.invoke(app, ["review", "import", str(first), "-w", str(ws.root)]).exit_code == 0
    out = runner.invoke(app, ["review", "import", str(second), "-w", str(ws.root)])
    assert out.exit_code == 0, out.output
    assert "1 conflicts" in out.output
    assert "leges (term): afgewezen by Bo on 2026-03-01 00:00:00" in out.output
    assert "over akkoord (kosten) by An on 2026-02-01 00:00:00" in out.output
    listed = runner.invoke(app, ["review", "list", "-w", str(ws.root)])
    assert "afgewezen" in listed.output and "1 decisions in force" in listed.output


def test_review_csv_filled_in_dutch_excel_imports(audited: Workspace, tmp_path: Path) -> None:
    ws = audited
    lines = (ws.reports_dir / "review.csv").read_text(encoding="utf-8-sig").splitlines()
    filled = []
    for line in lines:
        if line.startswith("leges;term;"):
            line = "leges;term;kosten;Aangepast;'=eigen bijdrage;Cem Yilmaz;1-3-2026 10:15"
        elif line.startswith("stadsloket;kandidaat;"):
            line = "stadsloket;kandidaat;;afgewezen;;;"
        filled.append(line)
    path = tmp_path / "review.csv"
    path.write_bytes(("\r\n".join(filled) + "\r\n").encode("cp1252"))  # Excel may save it as Windows-1252
    result = import_review(ws, path, reviewer="Dee")
    assert result.stored == 2
    in_force = current(load_decisions(ws)).set_index("term")
    assert in_force.loc["leges", "plain"] == "=eigen bijdrage"  # our formula guard removed, the text kept
    assert in_force.loc["leges", "decided_at"] == "2026-03-01T10:15:00"
    assert in_force.loc["leges", "reviewer"] == "Cem Yilmaz"
    assert in_force.loc["stadsloket", "reviewer"] == "Dee"  # no name on the row: --reviewer
    assert in_force.loc["stadsloket", "kind"] == "candidate"


@pytest.mark.parametrize(("decisions", "message"), [
    ({"leges": ("misschien", None, "An")}, r"filled\.xlsx, sheet Termen, row \d+: 'misschien' is not a decision"),
    ({"leges": ("aangepast", None, "An")},
     r"sheet Termen, row \d+: 'leges' is marked aangepast \(edited\) without an alternative"),
    ({"leges": ("akkoord", None, "An", "morgen")}, r"row \d+: date 'morgen' is not a date"),
    ({"leges": ("akkoord",)}, r"row \d+: who decided\? Fill in 'Beoordelaar'"),
])
def test_bad_rows_stop_the_import_with_one_line_naming_the_row(audited: Workspace, tmp_path: Path,
                                                               decisions: dict, message: str) -> None:
    filled = _fill(audited.reports_dir / "jargon.xlsx", tmp_path / "filled.xlsx", "Termen", decisions)
    with pytest.raises(HelderError, match=message):
        import_review(audited, filled)
    assert not decisions_path(audited).exists() and not audited.lexicon_overrides.exists()


def test_unknown_terms_and_candidates_without_alternative_are_refused(audited: Workspace, tmp_path: Path) -> None:
    book = load_workbook(audited.reports_dir / "jargon.xlsx")
    sheet = book["Termen"]
    sheet.append(["bestemmingsplan", "", "akkoord", "", "An"])
    book.save(tmp_path / "unknown.xlsx")
    with pytest.raises(HelderError, match=r"sheet Termen, row \d+: 'bestemmingsplan' is not a jargon term of the "
                                          r"last audit"):
        import_review(audited, tmp_path / "unknown.xlsx")
    candidate = _fill(audited.reports_dir / "jargon.xlsx", tmp_path / "c.xlsx", "Kandidaten",
                      {"zorgpasje": ("akkoord", None, "An")})
    with pytest.raises(HelderError, match=r"sheet Kandidaten, row \d+: candidate 'zorgpasje' has no proposed "
                                          r"alternative to accept"):
        import_review(audited, candidate)
    out = CliRunner().invoke(app, ["review", "import", str(candidate), "-w", str(audited.root)])
    assert out.exit_code != 0 and "Traceback" not in out.output
    assert load_decisions(audited).empty


def test_hand_written_lexicon_rows_are_never_changed(audited: Workspace, tmp_path: Path) -> None:
    ws = audited
    own = "term,plain,explanation,category,source\nleges,tarief,Ons eigen woord.,financieel,redactie\n"
    ws.lexicon_overrides.write_text(own, encoding="utf-8")
    filled = _fill(ws.reports_dir / "jargon.xlsx", tmp_path / "f.xlsx", "Termen", {
        "leges": ("afgewezen", None, "An"), "indien": ("aangepast", "als het zo is", "An")})
    result = import_review(ws, filled)
    assert result.lexicon.hand_written == ["leges"] and result.lexicon.edited == ["indien"]
    lines = ws.lexicon_overrides.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == own.splitlines()
    assert len(lines) == 3 and lines[2].startswith("indien,als het zo is,Als.,formeel,review ")


def test_english_workbook_decisions_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import make_workspace

    ws = make_workspace(tmp_path / "en", language="en")
    only_test_lexicon(monkeypatch, tmp_path)
    store_pages(ws, {"/care/help": HULP_PAGE, "/care/taxi": VERVOER_PAGE})
    store_terms(ws, [("help at home", "/care/help", 30, 900)])
    run_audit(ws, show_progress=False)
    write_reports(ws)
    book = load_workbook(ws.reports_dir / "jargon.xlsx")
    sheet = book["Terms"]
    header = [c.value for c in sheet[1]]
    assert header[2:6] == ["Decision", "Own alternative", "Reviewer", "Date"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == "leges":
            row[2].value, row[3].value, row[4].value = "Edited", "fee", "Sam"
            row[5].value = 46082.5  # a date Excel kept as its serial number: 2026-03-01 12:00
        elif row[0].value == "indien":
            row[2].value, row[4].value = "rejected", "Sam"
    book.save(tmp_path / "filled.xlsx")
    import_review(ws, tmp_path / "filled.xlsx")
    in_force = current(load_decisions(ws)).set_index("term")
    assert in_force.loc["leges", "decision"] == "aangepast" and in_force.loc["leges", "plain"] == "fee"
    assert in_force.loc["leges", "decided_at"] == "2026-03-01T12:00:00"
    assert in_force.loc["indien", "decision"] == "afgewezen"
    write_reports(ws)
    rows = {r[0]: r for r in load_workbook(ws.reports_dir / "jargon.xlsx")["Terms"].iter_rows(
        min_row=2, values_only=True)}
    assert rows["leges"][2:5] == ("edited", "fee", "Sam")


def test_a_damaged_lexicon_csv_stops_the_import_before_anything_is_stored(audited: Workspace,
                                                                           tmp_path: Path) -> None:
    audited.lexicon_overrides.write_text("woord,uitleg\nleges,kosten\n", encoding="utf-8")
    filled = _fill(audited.reports_dir / "jargon.xlsx", tmp_path / "f.xlsx", "Termen",
                   {"leges": ("afgewezen", None, "An")})
    with pytest.raises(HelderError, match=r"lexicon\.csv: the header must contain term, plain"):
        import_review(audited, filled)
    assert not decisions_path(audited).exists()
    assert audited.lexicon_overrides.read_text(encoding="utf-8") == "woord,uitleg\nleges,kosten\n"


def test_who_falls_back_to_reviewer_option_then_to_the_workbook_author(audited: Workspace, tmp_path: Path) -> None:
    book = load_workbook(_fill(audited.reports_dir / "jargon.xlsx", tmp_path / "f.xlsx", "Termen",
                               {"leges": ("afgewezen",)}))
    book.properties.lastModifiedBy = "Fatima El Amrani"  # what Excel records when a person saves
    book.save(tmp_path / "saved.xlsx")
    import_review(audited, tmp_path / "saved.xlsx", reviewer="Gijs")
    assert current(load_decisions(audited)).set_index("term").loc["leges", "reviewer"] == "Gijs"
    other = _fill(tmp_path / "saved.xlsx", tmp_path / "later.xlsx", "Termen",
                  {"leges": ("akkoord", None, None, datetime(2030, 1, 1))})
    book = load_workbook(other)
    book.properties.lastModifiedBy = "Fatima El Amrani"
    book.save(other)
    import_review(audited, other)
    assert current(load_decisions(audited)).set_index("term").loc["leges", "reviewer"] == "Fatima El Amrani"
