#!/usr/bin/env python3
"""Generate the three demo PDFs of the fictional municipality "Gemeente Voorbeeldstad".

Stdlib only: writes minimal but valid PDF 1.4 files (catalog, page tree, pages,
Helvetica / Helvetica-Bold Type1 base fonts with WinAnsiEncoding, one content
stream per page, info dictionary, correct xref table) with real, extractable
Dutch text.

Run from the repository root:

    python3 tools/make_demo_pdfs.py

Output (overwritten on every run, deterministic bytes):

    helder/demo/website/documenten/aanvraagformulier-bijzondere-bijstand.pdf
    helder/demo/website/documenten/afvalkalender-2026.pdf
    helder/demo/website/documenten/beleidsregels-wmo-2026.pdf

Check them, for instance, with pypdf in a throwaway venv:

    python3 -m venv /tmp/pdfcheck && /tmp/pdfcheck/bin/pip install -q pypdf
    /tmp/pdfcheck/bin/python -c "import pypdf,sys; print(pypdf.PdfReader(sys.argv[1]).pages[0].extract_text())" FILE.pdf
"""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path
from typing import ClassVar

OUT_DIR = Path(__file__).resolve().parent.parent / "helder" / "demo" / "website" / "documenten"

# --------------------------------------------------------------------------- #
# Minimal PDF writer
# --------------------------------------------------------------------------- #

PAGE_W, PAGE_H = 595, 842  # A4 in points
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 64, 64, 72, 64
TEXT_W = PAGE_W - MARGIN_L - MARGIN_R

# Glyph widths (1/1000 em) of Helvetica and Helvetica-Bold for printable ASCII
# (from the Adobe core-14 AFM files); used only for word wrapping.
_HELV = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
]
_HELV_BOLD = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
]
# Accented letters take the width of their base letter.
_BASE = str.maketrans("àáâäèéêëìíîïòóôöùúûüçÀÁÂÄÈÉÊËÌÍÎÏÒÓÔÖÙÚÛÜÇ",
                      "aaaaeeeeiiiioooouuuucAAAAEEEEIIIIOOOOUUUUC")
_SPECIAL = {"€": 556, "–": 556, "—": 1000, "‘": 222, "’": 222, "“": 333, "”": 333, "•": 350}


def text_width(s: str, size: float, bold: bool = False) -> float:
    table = _HELV_BOLD if bold else _HELV
    total = 0
    for ch in s:
        if ch in _SPECIAL:
            total += _SPECIAL[ch]
            continue
        c = ord(ch.translate(_BASE))
        total += table[c - 32] if 32 <= c <= 126 else 556
    return total * size / 1000.0


def wrap(s: str, size: float, width: float, bold: bool = False) -> list[str]:
    lines, cur = [], ""
    for word in s.split():
        cand = word if not cur else cur + " " + word
        if text_width(cand, size, bold) <= width or not cur:
            cur = cand
        else:
            lines.append(cur)
            cur = word
    if cur:
        lines.append(cur)
    return lines or [""]


def pdf_string(s: str) -> bytes:
    """A literal PDF string in WinAnsiEncoding (cp1252), with escapes."""
    raw = s.encode("cp1252")
    raw = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + raw + b")"


def info_string(s: str) -> bytes:
    """A text string for the info dictionary: UTF-16BE with BOM, hex-encoded."""
    return b"<FEFF" + s.encode("utf-16-be").hex().upper().encode("ascii") + b">"


class Doc:
    """Lays out blocks of text on A4 pages; `render()` returns the PDF bytes."""

    STYLES: ClassVar[dict[str, tuple[str, float, float, float, bool]]] = {
        # name: (font resource, size, leading, space before, bold?)
        "title": ("F2", 17, 22, 0, True),
        "subtitle": ("F1", 10, 14, 4, False),
        "h2": ("F2", 12.5, 17, 14, True),
        "p": ("F1", 10.5, 14.5, 6, False),
        "li": ("F1", 10.5, 14.5, 3, False),
        "field": ("F1", 10.5, 20, 2, False),
        "small": ("F1", 9, 12, 6, False),
    }

    def __init__(self, title: str, subject: str):
        self.title = title
        self.subject = subject
        self.pages: list[list[bytes]] = [[]]
        self.y = PAGE_H - MARGIN_T

    def _new_page(self):
        self.pages.append([])
        self.y = PAGE_H - MARGIN_T

    def _line(self, font: str, size: float, x: float, text: str):
        self.pages[-1].append(
            b"BT /%s %s Tf %s %s Td %s Tj ET" % (
                font.encode(), _num(size), _num(x), _num(self.y), pdf_string(text)))

    def add(self, style: str, text: str, bullet: str | None = None):
        font, size, leading, before, bold = self.STYLES[style]
        indent = 16 if style == "li" else 0
        lines = wrap(text, size, TEXT_W - indent, bold)
        needed = before + leading * min(len(lines), 3 if style == "h2" else 1)
        if style == "h2":
            needed += 2 * 14.5  # keep a heading together with the next lines
        if self.y - needed < MARGIN_B:
            self._new_page()
        elif self.pages[-1]:
            self.y -= before
        for i, line in enumerate(lines):
            if self.y - leading < MARGIN_B:
                self._new_page()
            self.y -= leading if (i or self.pages[-1]) else size
            if i == 0 and style == "li":
                self._line("F1", size, MARGIN_L + 2, bullet or "•")
            self._line(font, size, MARGIN_L + indent, line)

    def title_block(self, title: str, subtitle: str):
        self.add("title", title)
        self.add("subtitle", subtitle)
        self.y -= 6
        self.pages[-1].append(b"0.6 w %d %s m %d %s l S" % (
            MARGIN_L, _num(self.y), PAGE_W - MARGIN_R, _num(self.y)))
        self.y -= 4

    def render(self) -> bytes:
        n_pages = len(self.pages)
        # Object numbers: 1 catalog, 2 pages, 3 F1, 4 F2, 5 info,
        # then per page i: page object 6+2i, content stream 7+2i.
        objs: dict[int, bytes] = {}
        objs[1] = b"<< /Type /Catalog /Pages 2 0 R /Lang (nl-NL) >>"
        kids = b" ".join(b"%d 0 R" % (6 + 2 * i) for i in range(n_pages))
        objs[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n_pages)
        objs[3] = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica"
                   b" /Encoding /WinAnsiEncoding >>")
        objs[4] = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold"
                   b" /Encoding /WinAnsiEncoding >>")
        objs[5] = (b"<< /Title %s /Subject %s /Author %s /Producer %s"
                   b" /CreationDate (D:20251201090000+01'00') >>" % (
                       info_string(self.title), info_string(self.subject),
                       info_string("Gemeente Voorbeeldstad"),
                       info_string("tools/make_demo_pdfs.py")))
        for i, ops in enumerate(self.pages):
            footer = f"{self.title} — pagina {i + 1} van {n_pages}"
            ops = [*ops, b"BT /F1 8 Tf %d 36 Td %s Tj ET" % (MARGIN_L, pdf_string(footer))]
            stream = b"\n".join(ops) + b"\n"
            objs[6 + 2 * i] = (
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d]"
                b" /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >>"
                b" /Contents %d 0 R >>" % (PAGE_W, PAGE_H, 7 + 2 * i))
            objs[7 + 2 * i] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)

        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        for num in sorted(objs):
            offsets[num] = len(out)
            out += b"%d 0 obj\n%s\nendobj\n" % (num, objs[num])
        xref_pos = len(out)
        size = max(objs) + 1
        out += b"xref\n0 %d\n" % size
        out += b"0000000000 65535 f \n"
        for num in range(1, size):
            out += b"%010d 00000 n \n" % offsets[num]
        out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
            size, xref_pos)
        return bytes(out)


def _num(v: float) -> bytes:
    return ((f"{v:.2f}").rstrip("0").rstrip(".")).encode()


# --------------------------------------------------------------------------- #
# Content
# --------------------------------------------------------------------------- #

def bijzondere_bijstand() -> Doc:
    d = Doc("Aanvraagformulier bijzondere bijstand",
            "Aanvraag bijzondere bijstand ingevolge artikel 35 van de Participatiewet")
    d.title_block("Aanvraagformulier bijzondere bijstand",
                  "Gemeente Voorbeeldstad — Team Werk en Inkomen — Stadhuisplein 1, 1234 AB Voorbeeldstad — "
                  "(0123) 45 67 89 — info@voorbeeldstad.nl")
    d.add("h2", "Toelichting")
    d.add("p", "Ingevolge artikel 35 van de Participatiewet kan door het college van burgemeester en wethouders "
               "bijzondere bijstand worden verstrekt ter voorziening in de noodzakelijke kosten van het bestaan die "
               "voortvloeien uit bijzondere omstandigheden, voor zover de belanghebbende daarin niet kan voorzien uit "
               "de aanwezige draagkracht en de kosten niet kunnen worden vergoed uit een voorliggende voorziening, "
               "zoals de zorgverzekering, de Wet kinderopvang dan wel de Wmo 2015.")
    d.add("p", "Bij de vaststelling van de draagkracht wordt uitgegaan van het inkomen in de maand waarin de kosten "
               "zijn gemaakt en de elf daaropvolgende maanden. Belanghebbenden met een inkomen tot 120% van de "
               "toepasselijke bijstandsnorm hebben in beginsel geen draagkracht; van het inkomen boven deze grens "
               "wordt 35% als draagkracht in aanmerking genomen. Vermogen boven de vermogensgrens als bedoeld in "
               "artikel 34 van de Participatiewet wordt volledig als draagkracht aangemerkt.")
    d.add("p", "De aanvraag dient te worden ingediend vóórdat de kosten worden gemaakt dan wel uiterlijk binnen "
               "drie maanden na de datum van de factuur. Op de aanvraag wordt binnen 8 weken na ontvangst van de "
               "volledige aanvraag bij beschikking beslist. Een onvolledig ingevulde aanvraag dan wel een aanvraag "
               "zonder de vereiste bewijsstukken kan buiten behandeling worden gesteld.")
    d.add("h2", "1. Persoonsgegevens aanvrager")
    for f in ("Voorletters en achternaam: ______________________________________________",
              "Burgerservicenummer (BSN): ______________________  Geboortedatum: ____-____-________",
              "Adres, postcode en woonplaats: ___________________________________________",
              "Telefoonnummer: ______________________  E-mailadres: _________________________",
              "IBAN-rekeningnummer: ___________________________________________________"):
        d.add("field", f)
    d.add("h2", "2. Gegevens echtgeno(o)t(e) of partner")
    for f in ("Voorletters en achternaam: ______________________________________________",
              "Burgerservicenummer (BSN): ______________________  Geboortedatum: ____-____-________"):
        d.add("field", f)
    d.add("h2", "3. Waarvoor vraagt u bijzondere bijstand aan?")
    d.add("p", "Kruis aan waarvoor de aanvraag wordt ingediend en vermeld het bedrag van de kosten:")
    for item in ("vervanging van een duurzaam gebruiksgoed (bijvoorbeeld wasmachine of koelkast): € ____________",
                 "brillenglazen of een montuur: € ____________",
                 "tandartskosten die niet door de zorgverzekering worden vergoed: € ____________",
                 "eigen bijdrage rechtsbijstand of griffierecht: € ____________",
                 "overige kosten, te weten: ___________________________ € ____________"):
        d.add("li", item, bullet="[  ]")
    d.add("h2", "4. Inkomen en vermogen")
    d.add("p", "Vermeld alle inkomsten van u en uw partner, waaronder loon, uitkeringen, alimentatie, toeslagen en "
               "inkomsten uit verhuur, alsmede het saldo van alle bank- en spaarrekeningen op de datum van "
               "ondertekening. Indien u een bijstandsuitkering van de gemeente Voorbeeldstad ontvangt, kunt u "
               "volstaan met het vermelden van overige inkomsten en het saldo van uw rekeningen. Indien u over meer "
               "dan één rekening beschikt, dienen de saldi van alle rekeningen te worden vermeld, teneinde een "
               "volledig beeld van uw financiële situatie te verkrijgen.")
    for f in ("Netto inkomen per maand aanvrager: € ______________  partner: € ______________",
              "Saldo bank- en spaarrekeningen totaal: € ______________",
              "Waarde auto, motor of caravan (indien van toepassing): € ______________"):
        d.add("field", f)
    d.add("h2", "5. Mee te zenden bewijsstukken")
    for item in ("een kopie van een geldig identiteitsbewijs van de aanvrager en de partner;",
                 "bankafschriften van alle rekeningen over de laatste drie maanden;",
                 "loonstroken dan wel uitkeringsspecificaties van de laatste drie maanden;",
                 "een offerte of factuur van de kosten waarvoor bijzondere bijstand wordt aangevraagd;",
                 "een afwijzing van de zorgverzekeraar dan wel een polisoverzicht, indien van toepassing."):
        d.add("li", item)
    d.add("h2", "6. Ondertekening")
    d.add("p", "Ondergetekende verklaart dit formulier naar waarheid te hebben ingevuld en is ermee bekend dat "
               "ingevolge artikel 17 van de Participatiewet alle feiten en omstandigheden die van invloed kunnen "
               "zijn op het recht op bijstand onverwijld uit eigen beweging dienen te worden gemeld. Het niet "
               "nakomen van de inlichtingenplicht kan leiden tot terugvordering van ten onrechte verstrekte bijstand "
               "en het opleggen van een bestuurlijke boete. Ten behoeve van de beoordeling van de aanvraag worden "
               "gegevens opgevraagd bij onder meer de Belastingdienst, het UWV, de RDW en het Inlichtingenbureau.")
    for f in ("Plaats: ______________________  Datum: ____-____-________",
              "Handtekening aanvrager: ______________________  Handtekening partner: ______________________"):
        d.add("field", f)
    d.add("small", "Het ingevulde formulier met bijlagen kunt u zenden aan: Gemeente Voorbeeldstad, Team Werk en "
                   "Inkomen, Postbus 100, 1234 AB Voorbeeldstad, dan wel afgeven bij de publieksbalie in het Stadhuis.")
    return d


# Collection days per district (weekday 0 = Monday) in 2026. Streams:
# restafval and gft in alternating weeks, pmd in the same weeks as gft,
# papier every fourth week.
DISTRICTS = [
    ("Noord (Bloemenbuurt, Molenwijk)", 0),
    ("Oost (Oosterpark, Havenkwartier)", 1),
    ("Zuid (Zuiderhout, Beekdal)", 2),
    ("West (Westrand, Kerkebuurt)", 3),
]
# Public holidays 2026 that fall on a collection day (Monday-Thursday):
# date -> (name, replacement day).
HOLIDAYS = {
    _dt.date(2026, 1, 1): ("Nieuwjaarsdag", _dt.date(2026, 1, 3)),
    _dt.date(2026, 4, 6): ("Tweede Paasdag", _dt.date(2026, 4, 4)),
    _dt.date(2026, 4, 27): ("Koningsdag", _dt.date(2026, 4, 25)),
    _dt.date(2026, 5, 14): ("Hemelvaartsdag", _dt.date(2026, 5, 16)),
    _dt.date(2026, 5, 25): ("Tweede Pinksterdag", _dt.date(2026, 5, 23)),
}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


def _collection_dates(weekday: int):
    """Return {month: {stream: [dates]}} for 2026."""
    res = {m: {"rest": [], "gft": [], "papier": []} for m in range(1, 13)}
    d = _dt.date(2026, 1, 1)
    d += _dt.timedelta(days=(weekday - d.weekday()) % 7)
    while d.year == 2026:
        week = d.isocalendar()[1]
        day = HOLIDAYS[d][1] if d in HOLIDAYS else d
        res[day.month]["rest" if week % 2 else "gft"].append(day)
        if week % 4 == 2:
            res[day.month]["papier"].append(day)
        d += _dt.timedelta(days=7)
    return res


def afvalkalender() -> Doc:
    d = Doc("Afvalkalender 2026", "Inzamelschema huishoudelijk afval gemeente Voorbeeldstad 2026")
    d.title_block("Afvalkalender 2026",
                  "Gemeente Voorbeeldstad — wanneer halen we uw afval op? — vragen: (0123) 45 67 89")
    d.add("h2", "Zo werkt het")
    d.add("p", "Zoek uw wijk op. Daarachter staan de dagen waarop we uw containers legen. Zet uw container vóór "
               "07.30 uur aan de straat. Zet hem niet eerder buiten dan de avond ervoor. Haal de lege container "
               "dezelfde dag weer binnen. Hang deze kalender op een plek waar u hem goed ziet, bijvoorbeeld op "
               "de koelkast. Hebt u vragen of ideeën? Laat het ons weten.")
    d.add("li", "Grijze container: restafval, één keer per twee weken.")
    d.add("li", "Groene container: gft (groente-, fruit- en tuinafval), één keer per twee weken.")
    d.add("li", "Oranje container: pmd (plastic, metaal en drinkpakken), op dezelfde dag als gft.")
    d.add("li", "Blauwe container: papier en karton, één keer per vier weken.")
    d.add("h2", "Feestdagen")
    d.add("p", "Op een feestdag halen we geen afval op. We komen dan op een andere dag. Die dag staat al in het "
               "schema hieronder.")
    for hol, (hname, repl) in HOLIDAYS.items():
        d.add("li", f"{hname}, {DAYS[hol.weekday()]} {hol.day} {MONTHS[hol.month - 1]}: "
                    f"wij komen op {DAYS[repl.weekday()]} {repl.day} {MONTHS[repl.month - 1]}.")
    for name, weekday in DISTRICTS:
        d.add("h2", f"Wijk {name} — ophaaldag: {DAYS[weekday]}")
        dates = _collection_dates(weekday)
        for m in range(1, 13):
            s = dates[m]
            def fmt(lst):
                return ", ".join(str(x.day) for x in lst) or "–"
            d.add("li", "{}: restafval {} | gft en pmd {} | papier {}".format(
                MONTHS[m - 1].capitalize(), fmt(s["rest"]), fmt(s["gft"]), fmt(s["papier"])))
    d.add("h2", "Container niet geleegd?")
    d.add("p", "Bel dezelfde dag vóór 17.00 uur naar (0123) 45 67 89 of mail naar info@voorbeeldstad.nl. "
               "Dan komen we de volgende werkdag terug. Grof afval, zoals een kast of een bank, halen we op "
               "afspraak op. Vier keer per jaar is dat gratis. U kunt het ook zelf naar de milieustraat brengen, "
               "Industrieweg 14.")
    return d


def beleidsregels_wmo() -> Doc:
    d = Doc("Beleidsregels maatschappelijke ondersteuning gemeente Voorbeeldstad 2026",
            "Beleidsregels Wmo 2026, waaronder het normenkader huishoudelijke ondersteuning")
    d.title_block("Beleidsregels maatschappelijke ondersteuning gemeente Voorbeeldstad 2026",
                  "Vastgesteld bij besluit van het college van burgemeester en wethouders van 9 december 2025, "
                  "kenmerk 2025/11842; in werking getreden op 1 januari 2026")
    d.add("h2", "Artikel 1. Begripsbepalingen")
    d.add("p", "In deze beleidsregels wordt verstaan onder: a. wet: de Wet maatschappelijke ondersteuning 2015 (Wmo); "
               "b. verordening: de Verordening maatschappelijke ondersteuning gemeente Voorbeeldstad 2020; "
               "c. cliënt: de ingezetene die een melding heeft gedaan dan wel namens wie een melding is gedaan; "
               "d. gebruikelijke hulp: hulp die naar algemeen aanvaarde opvattingen in redelijkheid mag worden "
               "verwacht van de echtgenoot, ouders, inwonende kinderen of andere huisgenoten; "
               "e. voorliggende voorziening: een voorziening op grond van een andere wettelijke regeling dan wel "
               "een algemene voorziening die in de ondersteuningsbehoefte van de cliënt kan voorzien.")
    d.add("h2", "Artikel 2. Onderzoek en beschikking")
    d.add("p", "Na ontvangst van de melding wordt door het college binnen 6 weken een onderzoek uitgevoerd als "
               "bedoeld in artikel 2.3.2 van de wet, hetgeen in de regel geschiedt in de vorm van een "
               "keukentafelgesprek met een Wmo-consulent ten huize van de cliënt. De cliënt wordt in de "
               "gelegenheid gesteld binnen 7 dagen na de melding een persoonlijk plan te overleggen. Op een "
               "aanvraag om een maatwerkvoorziening wordt binnen 2 weken na ontvangst bij beschikking beslist. "
               "Een maatwerkvoorziening huishoudelijke ondersteuning wordt toegekend voor een periode van ten "
               "hoogste 3 jaar, waarna een herindicatie plaatsvindt.")
    d.add("h2", "Artikel 3. Afwegingskader")
    d.add("p", "Een maatwerkvoorziening wordt uitsluitend verstrekt voor zover de cliënt de beperkingen in de "
               "zelfredzaamheid niet op eigen kracht, met gebruikelijke hulp, met mantelzorg dan wel met hulp van "
               "andere personen uit het sociaal netwerk, of met gebruikmaking van een voorliggende voorziening kan "
               "verminderen of wegnemen. Als voorliggende voorziening voor huishoudelijke taken wordt in ieder "
               "geval aangemerkt de algemene voorziening Schoonhulp Voorbeeldstad, waarvoor een bijdrage van "
               "€ 12,50 per uur verschuldigd is. Indien meerdere voorzieningen als adequaat worden aangemerkt, "
               "wordt de goedkoopst adequate voorziening verstrekt.")
    d.add("h2", "Artikel 4. Normenkader huishoudelijke ondersteuning")
    d.add("p", "De omvang van de maatwerkvoorziening huishoudelijke ondersteuning wordt vastgesteld aan de hand "
               "van het resultaat 'een schoon en leefbaar huis' en uitgedrukt in uren per week. Daarbij worden de "
               "navolgende normtijden gehanteerd, welke gemotiveerd kunnen worden verhoogd dan wel verlaagd indien "
               "de individuele situatie daartoe aanleiding geeft:")
    for item in ("basisindicatie schoonmaken eenpersoonshuishouden: 2,5 uur per week;",
                 "basisindicatie schoonmaken meerpersoonshuishouden: 3 uur per week, vermeerderd met 15 minuten per "
                 "week per extra inwonend persoon;",
                 "wasverzorging: 60 minuten per week voor een eenpersoonshuishouden en 90 minuten per week voor een "
                 "meerpersoonshuishouden;",
                 "boodschappen voor de dagelijkse levensbehoeften: 30 minuten per week, voor zover bezorging dan "
                 "wel een boodschappendienst niet als voorliggende voorziening in aanmerking komt;",
                 "regie over het huishouden: ten hoogste 60 minuten per week, gedurende ten hoogste 13 weken."):
        d.add("li", item)
    d.add("p", "Een toeslag van ten hoogste 30 minuten per week kan worden toegekend bij extra vervuiling als "
               "gevolg van incontinentie, ernstige allergie (CARA) dan wel het houden van een "
               "assistentiehond, mits dit blijkt uit het onderzoek. Per huishouden wordt ten hoogste één "
               "indicatie huishoudelijke ondersteuning afgegeven.")
    d.add("h2", "Artikel 5. Persoonsgebonden budget")
    d.add("p", "Een persoonsgebonden budget (pgb) wordt uitsluitend verstrekt indien de cliënt naar het oordeel van "
               "het college in staat is de aan het pgb verbonden taken op verantwoorde wijze uit te voeren en "
               "gemotiveerd aangeeft waarom de maatwerkvoorziening in natura niet passend wordt geacht. Het pgb "
               "wordt uitbetaald via het trekkingsrecht van de Sociale Verzekeringsbank (SVB). De hoogte van het "
               "pgb voor huishoudelijke ondersteuning bedraagt € 31,40 per uur bij inzet van een professionele "
               "hulp en € 22,00 per uur bij inzet van een persoon uit het sociaal netwerk.")
    d.add("h2", "Artikel 6. Eigen bijdrage")
    d.add("p", "Voor een maatwerkvoorziening dan wel een pgb is een eigen bijdrage verschuldigd, welke conform "
               "artikel 2.1.4a van de wet wordt vastgesteld en geïnd door het CAK. De eigen bijdrage bedraagt in "
               "2026 ten hoogste € 21,60 per maand per huishouden (abonnementstarief). Cliënten met een inkomen tot "
               "120% van het sociaal minimum die deelnemen aan de collectieve zorgverzekering voor minima, komen "
               "in aanmerking voor een vergoeding van de eigen bijdrage via de aanvullende verzekering.")
    d.add("h2", "Artikel 7. Slotbepalingen")
    d.add("p", "Deze beleidsregels treden in werking met ingang van 1 januari 2026 en worden aangehaald als: "
               "Beleidsregels Wmo Voorbeeldstad 2026. De Beleidsregels maatschappelijke ondersteuning gemeente "
               "Voorbeeldstad 2023 worden met ingang van dezelfde datum ingetrokken, met dien verstande dat "
               "beschikkingen die voor die datum zijn afgegeven, van kracht blijven tot het einde van de daarin "
               "vermelde looptijd.")
    return d


def main() -> int:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for filename, build in (
        ("aanvraagformulier-bijzondere-bijstand.pdf", bijzondere_bijstand),
        ("afvalkalender-2026.pdf", afvalkalender),
        ("beleidsregels-wmo-2026.pdf", beleidsregels_wmo),
    ):
        data = build().render()
        (OUT_DIR / filename).write_bytes(data)
        print(f"{OUT_DIR / filename}: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
