"""Text extraction from linked PDF and DOCX documents: structure, clean text, and one clear error for bad input."""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import docx
import docx.enum.style
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from pypdf import PdfReader, PdfWriter

from helder.crawler import documents
from helder.crawler.documents import DocumentError, DocumentText, extract_docx, extract_pdf

DEMO_DOCS = Path(__file__).resolve().parent.parent / "helder" / "demo" / "website" / "documenten"


def demo_pdf(name: str) -> DocumentText:
    return extract_pdf((DEMO_DOCS / name).read_bytes())


def blocks_of(doc: DocumentText, kind: str) -> list[str]:
    return [text for k, text in doc.blocks if k == kind]


# --------------------------------------------------------------------------- #
# The demo PDFs (tools/make_demo_pdfs.py)
# --------------------------------------------------------------------------- #


def test_beleidsregels_structure_title_and_language() -> None:
    doc = demo_pdf("beleidsregels-wmo-2026.pdf")
    title = "Beleidsregels maatschappelijke ondersteuning gemeente Voorbeeldstad 2026"
    assert doc.title == title
    assert doc.lang == "nl-NL"
    assert not doc.truncated
    # The title is printed over two lines; it comes back as one h1.
    assert doc.blocks[0] == ("h1", title)
    assert [kind for kind, _ in doc.blocks] == [
        "h1", "p",
        "h2", "p", "h2", "p", "h2", "p",
        "h2", "p", "ul", "ul", "ul", "ul", "ul", "p",
        "h2", "p", "h2", "p", "h2", "p",
    ]  # fmt: skip
    assert blocks_of(doc, "h2") == [
        "Artikel 1. Begripsbepalingen",
        "Artikel 2. Onderzoek en beschikking",
        "Artikel 3. Afwegingskader",
        "Artikel 4. Normenkader huishoudelijke ondersteuning",
        "Artikel 5. Persoonsgebonden budget",
        "Artikel 6. Eigen bijdrage",
        "Artikel 7. Slotbepalingen",
    ]
    assert all("\n" not in text for _, text in doc.blocks)
    assert doc.text == "\n\n".join(text for _, text in doc.blocks)


def test_beleidsregels_lines_are_rejoined_and_characters_survive() -> None:
    doc = demo_pdf("beleidsregels-wmo-2026.pdf")
    paragraphs = blocks_of(doc, "p")
    # Each of these sentences is printed over two or three lines.
    for sentence in (
        "De cliënt wordt in de gelegenheid gesteld binnen 7 dagen na de melding een persoonlijk plan te overleggen.",
        "Als voorliggende voorziening voor huishoudelijke taken wordt in ieder geval aangemerkt de algemene "
        "voorziening Schoonhulp Voorbeeldstad, waarvoor een bijdrage van € 12,50 per uur verschuldigd is.",
        "De hoogte van het pgb voor huishoudelijke ondersteuning bedraagt € 31,40 per uur bij inzet van een "
        "professionele hulp en € 22,00 per uur bij inzet van een persoon uit het sociaal netwerk.",
        "welke conform artikel 2.1.4a van de wet wordt vastgesteld en geïnd door het CAK.",
    ):
        assert any(sentence in p for p in paragraphs), sentence
    assert "keukentafelgesprek met een Wmo-consulent ten huize van de cliënt" in doc.text
    assert "Per huishouden wordt ten hoogste één indicatie huishoudelijke ondersteuning afgegeven." in doc.text
    assert "€ 21,60 per maand" in doc.text


def test_beleidsregels_bullets_become_list_items_also_across_the_page_break() -> None:
    doc = demo_pdf("beleidsregels-wmo-2026.pdf")
    assert blocks_of(doc, "ul") == [
        "basisindicatie schoonmaken eenpersoonshuishouden: 2,5 uur per week;",
        "basisindicatie schoonmaken meerpersoonshuishouden: 3 uur per week, vermeerderd met 15 minuten per week "
        "per extra inwonend persoon;",
        "wasverzorging: 60 minuten per week voor een eenpersoonshuishouden en 90 minuten per week voor een "
        "meerpersoonshuishouden;",
        "boodschappen voor de dagelijkse levensbehoeften: 30 minuten per week, voor zover bezorging dan wel een "
        "boodschappendienst niet als voorliggende voorziening in aanmerking komt;",
        # The last item is the first line of page 2.
        "regie over het huishouden: ten hoogste 60 minuten per week, gedurende ten hoogste 13 weken.",
    ]
    assert "•" not in doc.text


@pytest.mark.parametrize(
    ("name", "footer"),
    [
        ("beleidsregels-wmo-2026.pdf", "Beleidsregels maatschappelijke ondersteuning gemeente Voorbeeldstad 2026 —"),
        ("afvalkalender-2026.pdf", "Afvalkalender 2026 —"),
        ("aanvraagformulier-bijzondere-bijstand.pdf", "Aanvraagformulier bijzondere bijstand —"),
    ],
)
def test_repeated_page_footer_is_dropped(name: str, footer: str) -> None:
    data = (DEMO_DOCS / name).read_bytes()
    raw = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert f"{footer} pagina 1 van 2" in raw  # the footer really is printed on every page
    doc = extract_pdf(data)
    assert "pagina" not in doc.text
    assert not any(text.startswith(footer) for _, text in doc.blocks)


def test_aanvraagformulier_numbered_headings_checkboxes_and_form_fields() -> None:
    doc = demo_pdf("aanvraagformulier-bijzondere-bijstand.pdf")
    assert doc.title == "Aanvraagformulier bijzondere bijstand"
    assert doc.blocks[0] == ("h1", "Aanvraagformulier bijzondere bijstand")
    # Bold numbered lines are headings, not numbered list items.
    assert blocks_of(doc, "h2") == [
        "Toelichting",
        "1. Persoonsgegevens aanvrager",
        "2. Gegevens echtgeno(o)t(e) of partner",
        "3. Waarvoor vraagt u bijzondere bijstand aan?",
        "4. Inkomen en vermogen",
        "5. Mee te zenden bewijsstukken",
        "6. Ondertekening",
    ]
    assert blocks_of(doc, "ol") == []
    items = blocks_of(doc, "ul")
    assert items[:2] == [  # "[  ]" check boxes are list markers
        "vervanging van een duurzaam gebruiksgoed (bijvoorbeeld wasmachine of koelkast): € ___",
        "brillenglazen of een montuur: € ___",
    ]
    assert "een kopie van een geldig identiteitsbewijs van de aanvrager en de partner;" in items
    assert len(items) == 10
    assert ("p", "Voorletters en achternaam: ___") in doc.blocks
    # A field whose blank wrapped onto the next line stays one block.
    assert ("p", "Handtekening aanvrager: ___ Handtekening partner: ___") in doc.blocks
    assert "De aanvraag dient te worden ingediend vóórdat de kosten worden gemaakt" in doc.text
    assert "teneinde een volledig beeld van uw financiële situatie te verkrijgen." in doc.text
    assert "het saldo van alle bank- en spaarrekeningen op de datum van ondertekening" in doc.text


def test_afvalkalender_lists_and_headings() -> None:
    doc = demo_pdf("afvalkalender-2026.pdf")
    assert doc.title == "Afvalkalender 2026"
    assert doc.lang == "nl-NL"
    assert doc.blocks[:4] == [
        ("h1", "Afvalkalender 2026"),
        ("p", "Gemeente Voorbeeldstad — wanneer halen we uw afval op? — vragen: (0123) 45 67 89"),
        ("h2", "Zo werkt het"),
        (
            "p",
            "Zoek uw wijk op. Daarachter staan de dagen waarop we uw containers legen. Zet uw container vóór 07.30 "
            "uur aan de straat. Zet hem niet eerder buiten dan de avond ervoor. Haal de lege container dezelfde dag "
            "weer binnen. Hang deze kalender op een plek waar u hem goed ziet, bijvoorbeeld op de koelkast. Hebt u "
            "vragen of ideeën? Laat het ons weten.",
        ),
    ]
    items = blocks_of(doc, "ul")
    assert items[1] == "Groene container: gft (groente-, fruit- en tuinafval), één keer per twee weken."
    assert "Koningsdag, maandag 27 april: wij komen op zaterdag 25 april." in items
    assert sum(item.startswith("Januari: restafval") for item in items) == 4  # one per district
    assert len(items) == 4 + 5 + 4 * 12
    assert "Wijk West (Westrand, Kerkebuurt) — ophaaldag: donderdag" in blocks_of(doc, "h2")
    assert doc.blocks[-1][1].endswith("U kunt het ook zelf naar de milieustraat brengen, Industrieweg 14.")


# --------------------------------------------------------------------------- #
# Small hand-made PDFs for the line-joining rules
# --------------------------------------------------------------------------- #

Text = tuple[str, float, float, float, str]  # (font "R" or "B", size, x, y, text)


def make_pdf(pages: list[list[Text] | bytes], title: str | None = None) -> bytes:
    """A minimal PDF with Helvetica text at the given positions (WinAnsi, so é, ë and € work); a page given as
    bytes is a ready-made FlateDecode content stream."""
    objs: dict[int, bytes] = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    kids = b" ".join(b"%d 0 R" % (6 + 2 * i) for i in range(len(pages)))
    objs[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages))
    objs[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objs[4] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    objs[5] = b"<< /Title (%s) >>" % title.encode("cp1252") if title else b"<< >>"
    for i, texts in enumerate(pages):
        if isinstance(texts, bytes):
            stream, filters = texts, b" /Filter /FlateDecode"
        else:
            ops = []
            for font, size, x, y, text in texts:
                escaped = text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
                ops.append(b"BT /F%s %g Tf %g %g Td (%s) Tj ET" % (font.encode(), size, x, y, escaped))
            stream, filters = b"\n".join(ops), b""
        objs[6 + 2 * i] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /FR 3 0 R /FB 4 0 R >> >>"
            b" /Contents %d 0 R >>" % (7 + 2 * i)
        )
        objs[7 + 2 * i] = b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(stream), filters, stream)
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (num, objs[num])
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for num in sorted(objs):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def column(lines: list[str | tuple[str, str]], top: float = 780, size: float = 10, leading: float = 14) -> list[Text]:
    """Lines at x=72 going down the page; "" leaves a blank line; ("B", text) is bold."""
    texts, y = [], top
    for line in lines:
        font, text = line if isinstance(line, tuple) else ("R", line)
        if text:
            texts.append((font, size, 72, y, text))
        y -= leading
    return texts


def test_hyphenated_line_ends_are_repaired_but_real_hyphens_kept() -> None:
    data = make_pdf([column([
        "Wie een voor-",
        "ziening aanvraagt, spreekt met een Wmo-",
        "consulent. Vermeld uw bank-",
        "en spaarrekeningen, het AOW-",
        "pensioen, de gft-",
        "container, uw e-",
        "mail en de Noord-",
        "Hollandse gemeente.",
    ])])  # fmt: skip
    doc = extract_pdf(data)
    assert doc.blocks == [
        (
            "p",
            "Wie een voorziening aanvraagt, spreekt met een Wmo-consulent. Vermeld uw bank- en spaarrekeningen, het "
            "AOW-pensioen, de gft-container, uw e-mail en de Noord-Hollandse gemeente.",
        )
    ]
    assert doc.title == "Wie een voor-"  # no metadata title and no heading: the first line


def test_paragraphs_split_on_blank_lines_and_lists_and_uppercase_headings() -> None:
    data = make_pdf(
        [
            column([
                "KOSTEN EN BETALING",
                "Voor een paspoort betaalt u leges. Het bedrag staat in de",
                "legesverordening.",
                "",
                "U betaalt op een van deze manieren:",
                "- met uw pinpas aan de balie;",
                "- via een betaalverzoek dat wij u",
                "  sturen.",
                "1. Maak een afspraak.",
                "2. Neem uw oude paspoort mee.",
                "a) geldig identiteitsbewijs",
                "Daarna volgt een nieuwe alinea zonder witregel.",
            ]),
        ],
        title="Paspoort aanvragen",
    )  # fmt: skip
    doc = extract_pdf(data)
    assert doc.title == "Paspoort aanvragen"
    assert doc.blocks == [
        ("h2", "KOSTEN EN BETALING"),
        ("p", "Voor een paspoort betaalt u leges. Het bedrag staat in de legesverordening."),
        ("p", "U betaalt op een van deze manieren:"),
        ("ul", "met uw pinpas aan de balie;"),
        ("ul", "via een betaalverzoek dat wij u sturen."),
        ("ol", "Maak een afspraak."),
        ("ol", "Neem uw oude paspoort mee."),
        ("ol", "geldig identiteitsbewijs"),
        ("p", "Daarna volgt een nieuwe alinea zonder witregel."),
    ]


def test_running_header_page_numbers_and_paragraph_over_page_break() -> None:
    header = ("R", 8, 72, 810, "Gemeente Voorbeeldstad | Jaarverslag 2025")
    pages = [
        [header, ("B", 16, 72, 760, "Jaarverslag 2025"), *column(["Dit jaar hebben wij veel", "bereikt en de"], 730),
         ("R", 8, 290, 30, "1")],
        [header, *column(["lasten zijn gedaald.", "", "Tot slot danken wij iedereen."], 780), ("R", 8, 290, 30, "2")],
        [header, *column(["Bijlage: cijfers."], 780), ("R", 8, 290, 30, "3")],
    ]  # fmt: skip
    doc = extract_pdf(make_pdf(pages))
    assert doc.blocks == [
        ("h1", "Jaarverslag 2025"),
        ("p", "Dit jaar hebben wij veel bereikt en de lasten zijn gedaald."),
        ("p", "Tot slot danken wij iedereen."),
        ("p", "Bijlage: cijfers."),
    ]
    assert doc.title == "Jaarverslag 2025"


# --------------------------------------------------------------------------- #
# DOCX
# --------------------------------------------------------------------------- #


def docx_bytes(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def sample_docx() -> docx.document.Document:
    document = docx.Document()
    document.core_properties.title = "Afval scheiden"
    document.core_properties.language = "nl-NL"
    document.add_paragraph("Afval scheiden in Voorbeeldstad", style="Title")
    document.add_heading("Wat kunt u scheiden?", level=1)
    document.add_paragraph("Wij halen vier soorten afval   aan huis op.\tDe rest brengt u naar de milieustraat.")
    document.add_paragraph("Grijze container: restafval", style="List Bullet")
    document.add_paragraph("Groene container: gft (groente-, fruit- en tuinafval)", style="List Bullet")
    document.add_heading("Grof afval laten ophalen", level=2)
    document.add_paragraph("Maak een afspraak.", style="List Number")
    document.add_paragraph("Zet het afval vóór 07.30 uur buiten.", style="List Number")
    document.add_paragraph("")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("Soort", "Keer per jaar", "Kosten"), ("Grof afval", "4", "gratis"),
                             ("Extra ophaling", "", "€ 12,50")]):  # fmt: skip
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_heading("Vragen?", level=3)
    document.add_paragraph("Bel (0123) 45 67 89. Wij zijn één keer per week ’s avonds open.")
    return document


def test_docx_blocks_title_and_language() -> None:
    doc = extract_docx(docx_bytes(sample_docx()))
    assert doc.title == "Afval scheiden"
    assert doc.lang == "nl-NL"
    assert doc.blocks == [
        ("h1", "Afval scheiden in Voorbeeldstad"),
        ("h1", "Wat kunt u scheiden?"),
        ("p", "Wij halen vier soorten afval aan huis op. De rest brengt u naar de milieustraat."),
        ("ul", "Grijze container: restafval"),
        ("ul", "Groene container: gft (groente-, fruit- en tuinafval)"),
        ("h2", "Grof afval laten ophalen"),
        ("ol", "Maak een afspraak."),
        ("ol", "Zet het afval vóór 07.30 uur buiten."),
        ("p", "Soort | Keer per jaar | Kosten"),
        ("p", "Grof afval | 4 | gratis"),
        ("p", "Extra ophaling | € 12,50"),
        ("h3", "Vragen?"),
        ("p", "Bel (0123) 45 67 89. Wij zijn één keer per week ’s avonds open."),
    ]
    assert doc.text.startswith("Afval scheiden in Voorbeeldstad\n\nWat kunt u scheiden?\n\nWij halen")


def test_docx_numbering_properties_merged_cells_and_fallback_title() -> None:
    document = docx.Document()
    bullet = document.add_paragraph("Opsomming via nummering zonder lijststijl")
    numbered = document.add_paragraph("Genummerd via nummering zonder lijststijl")
    for paragraph, num_id in ((bullet, "1"), (numbered, "5")):  # in the default template 1 = bullet, 5 = decimal
        num_pr = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", "0"), ("w:numId", num_id)):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            num_pr.append(child)
        paragraph._p.get_or_add_pPr().append(num_pr)
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Samengevoegd"
    table.cell(0, 2).text = "Los"
    doc = extract_docx(docx_bytes(document))
    assert doc.blocks == [
        ("ul", "Opsomming via nummering zonder lijststijl"),
        ("ol", "Genummerd via nummering zonder lijststijl"),
        ("p", "Samengevoegd | Los"),
    ]
    assert doc.title == "Opsomming via nummering zonder lijststijl"


def test_docx_tracked_changes_and_table_of_contents() -> None:
    document = docx.Document()
    toc_style = document.styles.add_style("toc 1", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Inleiding\t3", style=toc_style)
    paragraph = document.add_paragraph("U krijgt ")
    for tag, text in (("w:del", "geen "), ("w:ins", "binnen 8 weken ")):
        revision = OxmlElement(tag)
        revision.set(qn("w:id"), "1" if tag == "w:del" else "2")
        revision.set(qn("w:author"), "Redactie")
        run = OxmlElement("w:r")
        node = OxmlElement("w:delText" if tag == "w:del" else "w:t")
        node.text = text
        node.set(qn("xml:space"), "preserve")
        run.append(node)
        revision.append(run)
        paragraph._p.append(revision)
    paragraph.add_run("antwoord.")
    doc = extract_docx(docx_bytes(document))
    assert doc.blocks == [("p", "U krijgt binnen 8 weken antwoord.")]


# --------------------------------------------------------------------------- #
# Broken, hostile and oversized input
# --------------------------------------------------------------------------- #


def blank_pdf(password: str | None = None, owner: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if password is not None:
        writer.encrypt(user_password=password, owner_password=owner)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def error_of(extract: Callable[[bytes], DocumentText], data: bytes) -> str:
    with pytest.raises(DocumentError) as caught:
        extract(data)
    message = str(caught.value)
    assert message and "\n" not in message
    return message


def test_random_bytes() -> None:
    noise = random.Random(7).randbytes(4096)
    assert error_of(extract_pdf, noise) == "not a PDF file (no %PDF- header)"
    assert "not a valid ZIP archive" in error_of(extract_docx, noise)
    assert "empty file" in error_of(extract_pdf, b"")
    assert "empty file" in error_of(extract_docx, b"")


def test_truncated_pdf() -> None:
    data = (DEMO_DOCS / "beleidsregels-wmo-2026.pdf").read_bytes()
    assert error_of(extract_pdf, data[: len(data) // 2]).startswith("corrupt or truncated PDF")


def test_pdf_without_text_layer() -> None:
    assert error_of(extract_pdf, blank_pdf()) == "no text layer (scanned document?)"


def test_encrypted_pdf() -> None:
    assert error_of(extract_pdf, blank_pdf(password="geheim")) == "encrypted PDF (password required)"


def test_pdf_with_only_an_owner_password_is_read() -> None:
    data = (DEMO_DOCS / "afvalkalender-2026.pdf").read_bytes()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password="", owner_password="alleen-voor-de-gemeente")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert PdfReader(io.BytesIO(buffer.getvalue())).is_encrypted
    assert extract_pdf(buffer.getvalue()).blocks == extract_pdf(data).blocks


def test_zip_that_is_not_a_docx() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("foto.jpg", b"\xff\xd8\xff\xe0 niet echt")
    assert error_of(extract_docx, buffer.getvalue()) == "not a Word document (ZIP archive without word/document.xml)"


def test_docx_with_wrong_content_type_and_legacy_doc() -> None:
    good = docx_bytes(sample_docx())
    source = zipfile.ZipFile(io.BytesIO(good))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                content = content[: len(content) // 2]  # broken XML
            archive.writestr(item, content)
    assert error_of(extract_docx, buffer.getvalue()).startswith("corrupt DOCX")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)
    assert "legacy Word .doc" in error_of(extract_docx, ole)
    encrypted = ole + "EncryptionInfo".encode("utf-16-le")
    assert error_of(extract_docx, encrypted) == "encrypted Word document (password required)"


def test_empty_docx() -> None:
    assert error_of(extract_docx, docx_bytes(docx.Document())) == "no text (empty Word document)"


def test_oversized_input_and_zip_bomb(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (DEMO_DOCS / "afvalkalender-2026.pdf").read_bytes()
    monkeypatch.setattr(documents, "MAX_BYTES", len(data) - 1)
    assert error_of(extract_pdf, data).startswith("PDF too large")
    monkeypatch.undo()
    monkeypatch.setattr(documents, "MAX_UNZIPPED", 5_000_000)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b" " * 5_000_001)
    assert len(bomb.getvalue()) < 10_000
    assert "possible zip bomb" in error_of(extract_docx, bomb.getvalue())


def test_pdf_decompression_bomb() -> None:
    # A page content stream that inflates from under 100 kB to 80 MB of spaces.
    packer = zlib.compressobj(9)
    stream = packer.compress(b"BT /FR 10 Tf 72 700 Td (Bom) Tj ET\n")
    for _ in range(80):
        stream += packer.compress(b" " * 1_000_000)
    stream += packer.flush()
    assert len(stream) < 100_000
    assert error_of(extract_pdf, make_pdf([stream])) == "PDF too large when decompressed (possible decompression bomb)"


def test_page_and_character_caps_truncate(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (DEMO_DOCS / "beleidsregels-wmo-2026.pdf").read_bytes()
    monkeypatch.setattr(documents, "MAX_PAGES", 1)
    one_page = extract_pdf(data)
    assert one_page.truncated
    assert "Artikel 4. Normenkader huishoudelijke ondersteuning" in one_page.text
    assert "Artikel 5" not in one_page.text
    monkeypatch.setattr(documents, "MAX_PAGES", 500)
    monkeypatch.setattr(documents, "MAX_CHARS", 1000)
    capped = extract_pdf(data)
    assert capped.truncated
    assert 0 < len(capped.text) <= 1000
    capped_docx = extract_docx(docx_bytes(sample_docx()))
    assert not capped_docx.truncated
    monkeypatch.setattr(documents, "MAX_CHARS", 100)
    capped_docx = extract_docx(docx_bytes(sample_docx()))
    assert capped_docx.truncated
    assert len(capped_docx.text) <= 100


def test_damaged_files_raise_only_document_error() -> None:
    rng = random.Random(2026)
    sources = [
        (extract_pdf, (DEMO_DOCS / "beleidsregels-wmo-2026.pdf").read_bytes()),
        (extract_docx, docx_bytes(sample_docx())),
    ]
    outcomes = {"read": 0, "refused": 0}
    for n in range(200):
        extract, source = sources[n % 2]
        data = bytearray(source)
        for _ in range(rng.randint(1, 12)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if n % 5 == 0:
            data = data[: rng.randrange(len(data))]
        try:
            doc = extract(bytes(data))
        except DocumentError as exc:
            assert str(exc) and "\n" not in str(exc)
            outcomes["refused"] += 1
        else:
            assert doc.blocks and all(text for _, text in doc.blocks)
            outcomes["read"] += 1
    assert outcomes["read"] and outcomes["refused"]
