"""A deterministic static website that looks like a Dutch municipality's, for the crawl benchmark.

Every page has the CMS template of a real municipal site (skip link, search form, a main menu of ~15 links,
breadcrumbs, a cookie notice, a footer of ~10 links, inline style and script) around a <main> with an <h1>,
several <h2> sections, paragraphs and lists, and 20–40 links in the main text to other pages. Pages are ~35 KB.

The link graph is a tree (home → themes → pages, at most eight children a node) so every page is reachable from
the home page, plus random cross links (mostly within the theme). URLs are clean slugs made from the titles:
`/afval-en-recycling/` for a theme, `/afval-en-recycling/grofvuil-aanvragen` for a page, served from
`.html` files. robots.txt allows everything; sitemap.xml lists every page with its <lastmod>, and each file's
modification time is that date, so the server's Last-Modified header agrees with the sitemap.

The same (pages, seed, GENERATOR_VERSION) always gives byte-identical files; a folder holding a site with those
parameters (see MARKER) is reused as it is.
"""

from __future__ import annotations

import html
import json
import math
import os
import random
import shutil
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

GENERATOR_VERSION = 2
MARKER = ".benchsite.json"
PUBLIC_BASE = "http://bench.example"  # the site's own address in robots.txt and sitemap.xml
SITE_NAME = "Gemeente Benchdam"
BRANCHING = 8  # tree children per node at most
MENU_THEMES = 13  # the main menu: home, 13 themes, contact

THEMES = [
    "Afval en recycling", "Paspoort en identiteitskaart", "Parkeren", "Wonen en verbouwen", "Zorg en ondersteuning",
    "Werk en inkomen", "Belastingen", "Verhuizen", "Geboorte en overlijden", "Trouwen en partnerschap",
    "Onderwijs en jeugd", "Ondernemen", "Verkeer en wegen", "Groen en water", "Veiligheid", "Sport en cultuur",
    "Subsidies", "Evenementen", "Meldingen openbare ruimte", "Bestemmingsplannen", "Duurzaamheid",
    "Gemeenteraad", "Nieuws", "Vergunningen", "Burgerzaken",
]
SERVICE_PAGES = [
    "Contact", "Privacyverklaring", "Cookieverklaring", "Toegankelijkheid", "Proclaimer", "Over deze website",
    "Vacatures", "English",
]
SUBJECTS = [
    "grofvuil", "gft-container", "restafval", "oud papier", "glasbak", "milieustraat", "afvalpas", "kerstboom",
    "paspoort", "identiteitskaart", "rijbewijs", "uittreksel", "verklaring omtrent gedrag", "naamswijziging",
    "bewonersvergunning", "bezoekersvergunning", "gehandicaptenparkeerkaart", "parkeerplaats", "laadpaal",
    "omgevingsvergunning", "dakkapel", "schuur", "boomkap", "sloopmelding", "uitrit", "zonnepanelen", "isolatie",
    "huurtoeslag", "huishoudelijke hulp", "scootmobiel", "woningaanpassing", "mantelzorgwaardering",
    "dagbesteding", "jeugdhulp", "leerlingenvervoer", "kinderopvangtoeslag", "bijstandsuitkering",
    "schuldhulpverlening", "energietoeslag", "kwijtschelding", "ozb-aanslag", "hondenbelasting",
    "afvalstoffenheffing", "rioolheffing", "toeristenbelasting", "WOZ-waarde", "bezwaarschrift", "verhuizing",
    "adreswijziging", "briefadres", "geboorteaangifte", "erkenning", "overlijdensakte", "begraafplaats",
    "huwelijk", "trouwlocatie", "geregistreerd partnerschap", "naturalisatie", "inburgering", "evenementenvergunning",
    "horecavergunning", "terrasvergunning", "exploitatievergunning", "marktplaats", "standplaats",
    "bedrijfsafval", "reclamebord", "ligplaats", "stoeptegel", "straatverlichting", "zwerfafval", "speeltuin",
    "hondenuitlaatplaats", "bomenkap", "wateroverlast", "riolering", "snoeiafval", "bestemmingsplan",
    "omgevingsplan", "inspraakavond", "raadsvergadering", "commissievergadering", "burgerinitiatief",
    "klacht", "schadeclaim", "subsidieaanvraag", "sportsubsidie", "cultuursubsidie", "buurtbudget",
    "vrijwilligerswerk", "bibliotheek", "zwembad", "sporthal", "ID-bewijs", "stemmen", "stempas",
    "volmacht", "gehandicaptenparkeerplaats", "vuurwerk", "cameratoezicht", "woonoverlast", "huisnummer",
]
ACTIONS = [
    "aanvragen", "aanmelden", "afmelden", "wijzigen", "opzeggen", "verlengen", "betalen", "melden",
    "ophalen", "inleveren", "regelen", "vergelijken", "bekijken", "bezwaar maken", "kosten", "voorwaarden",
    "openingstijden", "veelgestelde vragen", "spoedaanvraag", "machtigen", "terugbetalen", "inschrijven",
    "uitschrijven", "controleren", "plannen",
]
AUDIENCES = [
    "", "", "", "voor ondernemers", "voor inwoners", "voor jongeren", "voor ouderen", "in het centrum",
    "in de buitenwijken", "voor verenigingen", "met voorrang", "online", "bij de balie",
]
_WORDS_TEXT = (
    "de het een en van in op te dat die voor met is zijn niet aan er om ook als bij of door naar uit over dan "
    "nog wel maar al kan wordt worden heeft hebben moet moeten mag mogen u uw wij we ons onze gemeente inwoners "
    "aanvraag aanvragen formulier afspraak balie loket digitaal online DigiD eHerkenning betalen kosten tarief "
    "leges termijn weken werkdagen binnen na voor tot vanaf datum voorwaarden regels besluit beschikking bezwaar "
    "beroep vergunning melding ontheffing subsidie toeslag uitkering ondersteuning maatwerkvoorziening Wmo "
    "Participatiewet indicatie keukentafelgesprek consulent wijkteam zorgaanbieder eigen bijdrage CAK "
    "persoonsgebonden budget zorg in natura mantelzorger huishouden woning adres straat wijk buurt centrum "
    "parkeren vergunninghouder kenteken zone tijden maandag dinsdag woensdag donderdag vrijdag zaterdag "
    "openingstijden telefonisch bereikbaar e-mail brief post identiteitsbewijs paspoort rijbewijs pasfoto "
    "handtekening machtiging bewijsstukken documenten bijlagen uploaden downloaden invullen ondertekenen "
    "versturen ontvangen beoordelen behandelen beslissen informeren contact opnemen vragen antwoord meer "
    "informatie lees hier bekijk zie ook belangrijk let op houd rekening met in aanmerking komen conform "
    "ingevolge overeenkomstig ten behoeve van in het kader van met betrekking tot teneinde alsmede dienen "
    "verstrekken aanleveren overleggen opvragen inzien afgeven uitreiken verkrijgen verlenen intrekken "
    "weigeren toekennen vaststellen bepalen beleid verordening raad college burgemeester wethouders ambtenaar "
    "medewerker afdeling team organisatie project plan uitvoering onderhoud werkzaamheden afval container "
    "inzameling ophaaldag milieustraat grondstoffen recycling groen water riool weg fietspad stoep verlichting "
    "speelplaats park bomen snoeien veilig schoon heel leefbaar duurzaam energie isolatie warmtepomp "
    "zonnepanelen lening regeling budget aanvrager eigenaar huurder bewoner ondernemer vereniging school kind "
    "ouders jongeren ouderen gezin partner huwelijk geboorte overlijden verhuizen inschrijven uitschrijven "
    "basisregistratie personen BRP gegevens privacy AVG bewaartermijn verwerken persoonsgegevens"
)
WORDS = _WORDS_TEXT.split()


@dataclass
class Page:
    index: int
    path: str
    title: str
    kind: str  # home | theme | page | service
    theme: int = -1  # index into the themes, -1 for home and service pages
    parent: int = -1
    children: list[int] = field(default_factory=list)
    lastmod: date = date(2025, 1, 1)

    @property
    def file(self) -> str:
        """Where nginx finds the page: `try_files $uri $uri/index.html $uri.html`."""
        if self.path.endswith("/"):
            return self.path.lstrip("/") + "index.html"
        return self.path.lstrip("/") + ".html"


def slug(text: str) -> str:
    kept = "".join(c if c.isalnum() else "-" for c in text.lower())
    return "-".join(part for part in kept.split("-") if part)


def build_pages(total: int, seed: int) -> list[Page]:
    """The site map: home, service pages, themes and their pages, each with a tree parent and a lastmod date."""
    rng = random.Random(seed)
    theme_count = min(len(THEMES), max(3, (total - 1 - len(SERVICE_PAGES)) // 40))
    pages = [Page(0, "/", "Home", "home")]
    pages += [Page(len(pages) + i, f"/{slug(t)}", t, "service", parent=0) for i, t in enumerate(SERVICE_PAGES)]
    theme_pages = []
    for t in range(theme_count):
        theme_pages.append(len(pages))
        pages.append(Page(len(pages), f"/{slug(THEMES[t])}/", THEMES[t], "theme", theme=t, parent=0))
    if total < len(pages) + theme_count:
        raise ValueError(f"--pages must be at least {len(pages) + theme_count}")
    members: list[list[int]] = [[p] for p in theme_pages]  # per theme: its index page, then its pages
    used: set[str] = {p.path for p in pages}
    while len(pages) < total:
        t = (len(pages) - theme_pages[-1] - 1) % theme_count
        title, path = _unique_title(rng, THEMES[t], used)
        local = len(members[t])
        parent = members[t][(local - 1) // BRANCHING]
        pages.append(Page(len(pages), path, title, "page", theme=t, parent=parent))
        members[t].append(len(pages) - 1)
    for page in pages:
        if page.parent >= 0:
            pages[page.parent].children.append(page.index)
        page.lastmod = date(2023, 1, 2) + timedelta(days=rng.randrange(1400))
    return pages


def _unique_title(rng: random.Random, theme: str, used: set[str]) -> tuple[str, str]:
    while True:
        words = [rng.choice(SUBJECTS), rng.choice(ACTIONS), rng.choice(AUDIENCES)]
        title = " ".join(w for w in words if w)
        title = title[0].upper() + title[1:]
        path = f"/{slug(theme)}/{slug(title)}"
        if path not in used:
            used.add(path)
            return title, path


def link_targets(page: Page, by_theme: dict[int, list[int]], total: int, rng: random.Random) -> list[int]:
    """20–40 distinct pages that the main text links to: tree children and parent first, then cross links (70 %
    within the page's own theme)."""
    wanted = rng.randint(20, 40)
    targets = list(dict.fromkeys(page.children + ([page.parent] if page.parent >= 0 else [])))
    same = by_theme.get(page.theme, [])
    chosen = set(targets) | {page.index}
    while len(targets) < wanted:
        candidate = rng.choice(same) if same and rng.random() < 0.7 else rng.randrange(total)
        if candidate not in chosen:
            chosen.add(candidate)
            targets.append(candidate)
    return targets


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 22))
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice(".....?")


def paragraph(rng: random.Random, links: list[str]) -> str:
    parts = [html.escape(sentence(rng)) for _ in range(rng.randint(3, 7))]
    for link in links:
        parts.insert(rng.randrange(len(parts) + 1), f"Zie {link}.")
    return f'<p class="tekst">{" ".join(parts)}</p>'


def anchor(target: Page) -> str:
    return f'<a href="{target.path}">{html.escape(target.title)}</a>'


def main_content(page: Page, pages: list[Page], by_theme: dict[int, list[int]], rng: random.Random,
                 budget: int) -> str:
    """<h1>, an introduction, <h2> sections of paragraphs and lists until the page is ~`budget` bytes."""
    targets = [anchor(pages[i]) for i in link_targets(page, by_theme, len(pages), rng)]
    rng.shuffle(targets)
    children = {anchor(pages[i]) for i in page.children}
    overview = [t for t in targets if t in children]
    inline = [t for t in targets if t not in children]
    out = [f"<h1>{html.escape(page.title)}</h1>", f'<p class="intro">{html.escape(sentence(rng))}</p>']
    if overview:
        items = "".join(f"<li>{a}</li>" for a in overview)
        out.append(f'<h2>Onderwerpen</h2><ul class="overzicht">{items}</ul>')
    size = sum(map(len, out))
    section = 0
    while size < budget or inline:
        section += 1
        block = [f'<h2 id="sectie-{section}">{html.escape(sentence(rng).rstrip(".?"))}</h2>']
        for _ in range(rng.randint(2, 4)):
            share = math.ceil(len(inline) / max(1, (budget - size) // 800))  # spread the links over the page
            block.append(paragraph(rng, [inline.pop() for _ in range(min(share, len(inline)))]))
            size += len(block[-1])
        if rng.random() < 0.6:
            items = [html.escape(sentence(rng)) for _ in range(rng.randint(3, 6))]
            items += [inline.pop() for _ in range(min(len(inline), rng.randint(0, 2)))]
            block.append('<ul class="opsomming">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
            size += len(block[-1])
        out.extend(block)
        size += len(block[0])
    return "\n".join(out)


def breadcrumbs(page: Page, pages: list[Page]) -> str:
    trail = []
    node = page.parent
    while node >= 0:
        trail.append(pages[node])
        node = pages[node].parent
    if not trail:
        return ""
    items = "".join(f"<li>{anchor(p)}</li>" for p in reversed(trail))
    return (f'<nav class="breadcrumb" aria-label="Kruimelpad"><span>U bent hier:</span><ol>{items}'
            f'<li aria-current="page">{html.escape(page.title)}</li></ol></nav>')


def _critical_css(size: int = 9_000) -> str:
    """Inline "critical" CSS as CMS themes ship it: BEM-style rules for the template's components."""
    rng = random.Random("css")
    blocks = ["header", "menu", "search", "crumbs", "card", "button", "form", "footer", "cookie", "alert",
              "accordion", "table", "tiles", "news", "hero", "sidebar", "share", "pagination", "icon", "logo"]
    elements = ["", "__inner", "__title", "__link", "__item", "__list", "__icon", "__text", "--active", "--open"]
    props = ["display:flex", "display:block", "margin:0 auto", "padding:1rem 1.5rem", "color:#00457c",
             "background:#f3f6f9", "border-bottom:2px solid #e0e6ed", "font-size:1.125rem", "line-height:1.5",
             "font-weight:700", "gap:.75rem", "max-width:76rem", "text-decoration:underline", "position:relative",
             "border-radius:4px", "transition:color .2s ease-in-out", "flex-wrap:wrap", "align-items:center"]
    rules = []
    while sum(map(len, rules)) < size:
        selector = f".c-{rng.choice(blocks)}{rng.choice(elements)}"
        rules.append(selector + "{" + ";".join(rng.sample(props, rng.randint(2, 5))) + "}")
    return "".join(rules)


def _icon_sprite(icons: int = 14) -> str:
    """A hidden SVG sprite with the template's icons, inlined in every page as many CMSes do."""
    rng = random.Random("svg")
    symbols = []
    for i in range(icons):
        points = " ".join(f"{rng.choice('MLCQ')}{rng.uniform(0, 24):.2f} {rng.uniform(0, 24):.2f}"
                          for _ in range(24))
        symbols.append(f'<symbol id="icon-{i}" viewBox="0 0 24 24"><path d="M12 12 {points}Z"/></symbol>')
    return f'<svg xmlns="http://www.w3.org/2000/svg" style="display:none">{"".join(symbols)}</svg>'


def _consent_script() -> str:
    """The cookie-consent configuration and analytics snippet, inline at the end of every page."""
    categories = {
        name: {"label": label, "description": " ".join(WORDS[i * 7:i * 7 + 40]), "required": i == 0}
        for i, (name, label) in enumerate([("functional", "Functionele cookies"), ("analytics", "Analytische cookies"),
                                           ("media", "Cookies van ingesloten media"), ("survey", "Enquêtes")])
    }
    config = json.dumps({"cookieName": "cookie-akkoord", "version": 3, "categories": categories,
                         "texts": {"accept": "Akkoord", "reject": "Alleen noodzakelijke", "more": "Instellingen"}},
                        ensure_ascii=False)
    return (
        f"window.cookieConsentConfig={config};"
        "(function(){var c=window.cookieConsentConfig,k=c.cookieName,n=document.querySelector('.c-cookie');"
        "if(localStorage.getItem(k)){n.hidden=true}n.querySelector('button').addEventListener('click',function(){"
        "localStorage.setItem(k,c.version);n.hidden=true});window.dataLayer=window.dataLayer||[];"
        "function gtag(){dataLayer.push(arguments)}gtag('js',new Date());"
        "gtag('config','G-BENCH0000',{anonymize_ip:true,cookie_flags:'SameSite=None;Secure'});})();"
    )


STYLE = _critical_css()
SPRITE = _icon_sprite()
SCRIPT = _consent_script()


def _json_ld(page: Page, pages: list[Page]) -> str:
    trail = []
    node = page.index
    while node >= 0:
        trail.append(pages[node])
        node = pages[node].parent
    items = [{"@type": "ListItem", "position": i + 1, "name": p.title, "item": PUBLIC_BASE + p.path}
             for i, p in enumerate(reversed(trail))]
    data = {"@context": "https://schema.org", "@graph": [
        {"@type": "GovernmentOrganization", "name": SITE_NAME, "url": PUBLIC_BASE + "/",
         "address": {"@type": "PostalAddress", "streetAddress": "Stadhuisplein 1", "postalCode": "1234 AB",
                     "addressLocality": "Benchdam"}},
        {"@type": "WebPage", "name": page.title, "dateModified": page.lastmod.isoformat()},
        {"@type": "BreadcrumbList", "itemListElement": items}]}
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def render(page: Page, pages: list[Page], by_theme: dict[int, list[int]], chrome: tuple[str, str],
           rng: random.Random) -> str:
    """The whole page: ~20 KB of CMS template (head, inline CSS, icons, menu, footer, scripts) around ~15 KB of
    main content, 30–40 KB in all."""
    menu, footer = chrome
    title, description = html.escape(page.title), html.escape(sentence(rng))
    head = (
        f'<!DOCTYPE html>\n<html lang="nl" class="no-js">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title} | {SITE_NAME}</title>\n"
        f'<meta name="description" content="{description}">\n<meta name="robots" content="index, follow">\n'
        f'<meta property="og:type" content="website">\n<meta property="og:title" content="{title}">\n'
        f'<meta property="og:description" content="{description}">\n'
        f'<meta property="og:url" content="{PUBLIC_BASE}{page.path}">\n<meta name="twitter:card" content="summary">\n'
        f'<link rel="canonical" href="{page.path}">\n<style>{STYLE}</style>\n{_json_ld(page, pages)}\n</head>\n'
        f'<body class="cms-page c-page c-page--{page.kind}">\n{SPRITE}\n'
        f'<a class="skiplink" href="#inhoud">Naar de inhoud</a>\n'
        f'<header class="site-header c-header"><div class="c-header__inner"><div class="logo c-logo">'
        f'<a href="/" title="Naar de homepage"><svg class="c-icon" aria-hidden="true"><use href="#icon-0"></use>'
        f"</svg>{SITE_NAME}</a></div>\n"
        f'<form class="zoekformulier c-search" action="/zoeken" method="get" role="search"><label for="q">Zoeken'
        f'</label><input id="q" name="q" type="search" placeholder="Waar bent u naar op zoek?"><button '
        f'class="c-button">Zoek</button></form>\n{menu}</div></header>\n'
    )
    tail = (
        f'<p class="laatst-gewijzigd">Laatst gewijzigd: {page.lastmod:%d-%m-%Y}</p>\n'
        f'<div class="share-buttons c-share">Deel deze pagina: <a href="mailto:?subject={title}">E-mail</a></div>\n'
        f"</main>\n{footer}\n"
        f'<div class="cookie-notice c-cookie" role="dialog" aria-label="Cookiemelding"><p>Wij gebruiken alleen '
        f"functionele en analytische cookies om deze website te verbeteren.</p><button>Akkoord</button></div>\n"
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )
    crumbs = breadcrumbs(page, pages)
    budget = rng.randint(30_000, 40_000) - len(head) - len(tail) - len(crumbs)
    body = main_content(page, pages, by_theme, rng, budget)
    return f'{head}<main id="inhoud">\n{crumbs}\n<article class="content-body">\n{body}\n</article>\n{tail}'


def template_parts(pages: list[Page]) -> tuple[str, str]:
    """The main menu (home, themes, contact) and the footer (service pages and a few themes)."""
    themes = [p for p in pages if p.kind == "theme"]
    services = [p for p in pages if p.kind == "service"]
    menu_items = [pages[0], *themes[:MENU_THEMES], services[0]]
    menu = ('<nav class="hoofdmenu" aria-label="Hoofdmenu"><ul>'
            + "".join(f"<li>{anchor(p)}</li>" for p in menu_items) + "</ul></nav>\n")
    footer_items = services + themes[:2]
    footer = ('<footer class="site-footer"><h2>Contact</h2><p>Stadhuisplein 1, 1234 AB Benchdam · telefoon 14 0123'
              '</p><ul>' + "".join(f"<li>{anchor(p)}</li>" for p in footer_items) + "</ul></footer>")
    return menu, footer


def robots_txt() -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {PUBLIC_BASE}/sitemap.xml\n"


def sitemap_xml(pages: list[Page]) -> str:
    urls = "\n".join(f"<url><loc>{PUBLIC_BASE}{p.path}</loc><lastmod>{p.lastmod.isoformat()}</lastmod></url>"
                     for p in pages)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}\n</urlset>\n')


def write_file(root: Path, relative: str, text: str, when: date) -> int:
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    target.write_bytes(data)
    stamp = datetime(when.year, when.month, when.day, 12, tzinfo=UTC).timestamp()
    os.utime(target, (stamp, stamp))
    return len(data)


@dataclass(frozen=True)
class SiteInfo:
    root: Path
    pages: int
    bytes: int
    reused: bool


def ensure_site(root: Path, pages: int, seed: int) -> SiteInfo:
    """Generate the site into `root`, or reuse it when it already holds a site with these parameters."""
    params = {"pages": pages, "seed": seed, "version": GENERATOR_VERSION}
    marker = root / MARKER
    if marker.is_file():
        info = json.loads(marker.read_text())
        if info.get("params") == params:
            return SiteInfo(root, pages, info["bytes"], reused=True)
        shutil.rmtree(root)  # our own site with other parameters
    elif root.exists() and any(root.iterdir()):
        raise SystemExit(f"{root}: exists, is not empty and holds no benchmark site; choose another --site-dir")
    site = build_pages(pages, seed)
    chrome = template_parts(site)
    by_theme: dict[int, list[int]] = {}
    for page in site:
        if page.theme >= 0:
            by_theme.setdefault(page.theme, []).append(page.index)
    newest = max(p.lastmod for p in site)
    total = 0
    for page in site:
        rng = random.Random(f"{seed}-{page.index}")
        total += write_file(root, page.file, render(page, site, by_theme, chrome, rng), page.lastmod)
    write_file(root, "robots.txt", robots_txt(), newest)
    write_file(root, "sitemap.xml", sitemap_xml(site), newest)
    marker.write_text(json.dumps({"params": params, "bytes": total}))
    return SiteInfo(root, pages, total, reused=False)
