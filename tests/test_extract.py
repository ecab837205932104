from helder.crawler.extract import extract

CMS_PAGE = """<!DOCTYPE html><html lang="nl"><head><title>Grofvuil | Gemeente X</title>
<meta name="description" content="Grofvuil laten ophalen."><link rel="canonical" href="/afval/grofvuil"></head>
<body>
<a class="skiplink" href="#inhoud">Naar de inhoud</a>
<header><div class="logo"><a href="/">Gemeente X</a></div>
  <nav aria-label="Hoofdmenu"><ul><li><a href="/afval/">Afval</a></li>
  <li><a href="/parkeren/">Parkeren</a></li></ul></nav>
</header>
<main id="inhoud">
  <nav class="breadcrumb" aria-label="Kruimelpad"><span>U bent hier:</span><ol><li><a href="/">Home</a></li></ol></nav>
  <article>
    <h1>Ophalen grof huishoudelijk afval</h1>
    <p>Grof afval wordt <strong>op afspraak</strong> opgehaald.<br>Maximaal 2 m3.</p>
    <h2>Kosten</h2>
    <ul><li>De eerste 4 keer gratis.</li><li>Daarna € 25,00 per keer.</li></ul>
    <ol><li>Maak een afspraak.</li><li>Zet het afval buiten.</li></ol>
    <p>Zie ook de <a href="/afval/milieustraat#open">milieustraat</a> en <a href="mailto:info@x.nl">mail</a>.</p>
  </article>
  <div class="share-buttons">Deel deze pagina: <a href="https://www.linkedin.com/share">LinkedIn</a></div>
  <p class="laatst-gewijzigd">Laatst gewijzigd: 2026-01-01</p>
</main>
<aside><h2>Direct regelen</h2><a href="/afspraak">Afspraak maken</a></aside>
<footer><p>Stadhuisplein 1, 1234 AB Voorbeeldstad</p><a href="/contact">Contact</a></footer>
<div class="cookie-notice" role="dialog"><p>Wij gebruiken cookies.</p><button>Akkoord</button></div>
<script>var tracking = "niet in de tekst";</script>
</body></html>"""


def test_main_text_keeps_content_and_structure_without_chrome() -> None:
    page = extract(CMS_PAGE, "https://www.x.nl/afval/grofvuil")
    assert page.lang == "nl"
    assert page.title == "Grofvuil | Gemeente X"
    assert page.description == "Grofvuil laten ophalen."
    assert page.canonical == "https://www.x.nl/afval/grofvuil"
    assert page.h1 == "Ophalen grof huishoudelijk afval"
    assert [(b.kind, b.text) for b in page.blocks] == [
        ("h1", "Ophalen grof huishoudelijk afval"),
        ("p", "Grof afval wordt op afspraak opgehaald. Maximaal 2 m3."),
        ("h2", "Kosten"),
        ("ul", "De eerste 4 keer gratis."),
        ("ul", "Daarna € 25,00 per keer."),
        ("ol", "Maak een afspraak."),
        ("ol", "Zet het afval buiten."),
        ("p", "Zie ook de milieustraat en mail."),
    ]
    for chrome in ("Naar de inhoud", "Hoofdmenu", "U bent hier", "Deel deze pagina", "Laatst gewijzigd",
                   "Direct regelen", "Stadhuisplein", "cookies", "tracking"):
        assert chrome not in page.text
    assert page.headings == [(1, "Ophalen grof huishoudelijk afval"), (2, "Kosten")]


def test_links_are_absolute_without_fragments_and_split_by_region() -> None:
    page = extract(CMS_PAGE, "https://www.x.nl/afval/grofvuil")
    regions = {link.url: link.region for link in page.links}
    assert regions["https://www.x.nl/afval/milieustraat"] == "content"
    assert regions["https://www.x.nl/parkeren/"] == "navigation"
    assert regions["https://www.x.nl/contact"] == "navigation"
    assert regions["https://www.x.nl/afspraak"] == "navigation"
    assert not any(url.startswith("mailto:") for url in regions)


def test_page_without_main_container_drops_header_menu_and_footer() -> None:
    html = """<html><body><div id="header">Logo Gemeente</div><div class="menu"><a href="/a">Menu A</a></div>
    <div class="wrapper"><h1>Titel</h1><p>De echte tekst.</p></div>
    <div id="footer">Adres van de gemeente</div></body></html>"""
    page = extract(html, "https://x.nl/p")
    assert page.text == "Titel\n\nDe echte tekst."
    assert page.links[0].region == "navigation"


def test_content_hash_changes_with_text_only() -> None:
    one = extract("<main><p>Tekst één.</p></main><footer>1</footer>", "https://x.nl/")
    two = extract("<main><p>Tekst één.</p></main><footer>2</footer>", "https://x.nl/")
    three = extract("<main><p>Tekst twee.</p></main>", "https://x.nl/")
    assert one.content_hash == two.content_hash != three.content_hash
