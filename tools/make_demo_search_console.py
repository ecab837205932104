#!/usr/bin/env python3
"""Write the fictional Google Search Console export for the demo municipality "Gemeente Voorbeeldstad".

Usage:  python tools/make_demo_search_console.py [--out helder/demo/search-console]

Standard library only and fully deterministic: every number is drawn from a `random.Random` seeded with
SEED plus the page and query, so a rerun writes byte-identical files and editing one query list does not move
the numbers of any other query.

What it writes (period 2026-08-01 .. 2026-10-31, search type Web, Dutch UI export format):
  Queries.csv                    Populairste zoekopdrachten,Klikken,Vertoningen,CTR,Positie
  Pages.csv                      Populairste pagina's,Klikken,Vertoningen,CTR,Positie
  Zoekopdrachten per pagina.csv  Zoekopdracht,Pagina,Klikken,Vertoningen,CTR,Positie   (API: query x page)
  Filters.csv                    Filter,Waarde

The query lists below are hand-written per landing page (URL paths from helder/demo/SITEMAP.md). Each line is

    query | impressions | position [| flag ...]

where impressions is a relative volume (figures under 1,000 are squeezed towards the long tail,
e.g. 500 -> ~380, 200 -> ~110, 50 -> ~15, then jittered a few percent) or "~" for a long-tail query
(10-150 impressions, drawn at random), and position is the approximate average position (jittered). Flags:
    lowctr  popular query with a good position but an unusually low CTR (the answer is in the snippet /
            knowledge panel); a later audit should flag these
    nopage  the site has no page on the subject; Google shows a loosely related page far down
A query listed under two pages is one query whose impressions Google split over two landing pages.

Consistency rules the output obeys (and this script asserts):
  * a Queries.csv row is the sum of that query's rows in "Zoekopdrachten per pagina.csv" (clicks, impressions;
    CTR = clicks / impressions; position = impression-weighted mean of the row positions);
  * a Pages.csv row is larger than the sum of its query rows: Google hides anonymised queries, 15-45 % of the
    page's impressions (a larger share on small pages);
  * on every landing page except home the most-searched query (by impressions) differs from the page's title.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import re
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise
from pathlib import Path

SEED = 20261031
BASE = "https://www.voorbeeldstad.nl"
PERIOD = "2026-08-01 - 2026-10-31"
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "helder" / "demo" / "search-console"

# Official page titles (SITEMAP.md); used for the "top query is not the title" check.
TITLES = {
    "/": "Gemeente Voorbeeldstad",
    "/contact": "Contact",
    "/over-deze-website": "Cookies en privacy",
    "/zorg-en-ondersteuning/": "Zorg en ondersteuning (Wmo)",
    "/zorg-en-ondersteuning/wmo-maatwerkvoorziening-huishoudelijke-ondersteuning":
        "Wmo-maatwerkvoorziening huishoudelijke ondersteuning",
    "/zorg-en-ondersteuning/melding-maatschappelijke-ondersteuning": "Melding maatschappelijke ondersteuning",
    "/zorg-en-ondersteuning/woonvoorziening": "Woonvoorziening (woningaanpassing)",
    "/zorg-en-ondersteuning/vervoersvoorziening": "Vervoersvoorziening en scootmobiel",
    "/zorg-en-ondersteuning/persoonsgebonden-budget": "Persoonsgebonden budget (pgb) Wmo",
    "/zorg-en-ondersteuning/eigen-bijdrage": "Eigen bijdrage Wmo",
    "/mantelzorg/": "Mantelzorg",
    "/mantelzorg/mantelzorgwaardering": "Mantelzorgwaardering",
    "/mantelzorg/respijtzorg": "Respijtzorg en logeeropvang",
    "/mantelzorg/ondersteuning-mantelzorgers": "Ondersteuning mantelzorgers",
    "/mantelzorg/jonge-mantelzorgers": "Jonge mantelzorgers",
    "/werk-en-inkomen/": "Werk en inkomen (bijstand en minimaregelingen)",
    "/werk-en-inkomen/bijzondere-bijstand": "Bijzondere bijstand",
    "/werk-en-inkomen/individuele-inkomenstoeslag": "Individuele inkomenstoeslag",
    "/werk-en-inkomen/meedoenregeling": "Meedoenregeling (participatieregeling)",
    "/werk-en-inkomen/collectieve-zorgverzekering": "Collectieve zorgverzekering voor minima",
    "/werk-en-inkomen/bijstandsuitkering": "Algemene bijstand (Participatiewet)",
    "/werk-en-inkomen/kwijtschelding-gemeentelijke-belastingen": "Kwijtschelding gemeentelijke belastingen",
    "/documenten/aanvraagformulier-bijzondere-bijstand.pdf": "Aanvraagformulier bijzondere bijstand",
    "/schulden/": "Schulden",
    "/schulden/schuldhulpverlening": "Schuldhulpverlening",
    "/schulden/budgetbeheer-en-beschermingsbewind": "Budgetbeheer en beschermingsbewind",
    "/schulden/vroegsignalering": "Vroegsignalering betalingsachterstanden",
    "/schulden/geldzorgen-praat-erover": "Geldzorgen? Praat erover",
    "/paspoort-en-id-kaart/": "Paspoort en ID-kaart",
    "/paspoort-en-id-kaart/paspoort": "Aanvraag nationaal paspoort",
    "/paspoort-en-id-kaart/identiteitskaart": "Aanvraag Nederlandse identiteitskaart",
    "/paspoort-en-id-kaart/vermissing-reisdocument": "Vermissing of diefstal reisdocument",
    "/paspoort-en-id-kaart/spoedaanvraag-reisdocument": "Spoedaanvraag reisdocument",
    "/paspoort-en-id-kaart/rijbewijs": "Rijbewijs aanvragen of verlengen",
    "/paspoort-en-id-kaart/afhalen-reisdocument": "Afhalen paspoort of ID-kaart",
    "/verhuizen-en-brp/": "Verhuizen en uittreksel",
    "/verhuizen-en-brp/verhuizing-doorgeven": "Adreswijziging / verhuizing binnen Nederland",
    "/verhuizen-en-brp/uittreksel-brp": "Uittreksel Basisregistratie Personen (BRP)",
    "/verhuizen-en-brp/vertrek-buitenland": "Aangifte vertrek naar het buitenland (emigratie)",
    "/verhuizen-en-brp/vestiging-uit-buitenland": "Eerste inschrijving vanuit het buitenland",
    "/verhuizen-en-brp/geheimhouding-persoonsgegevens": "Geheimhouding persoonsgegevens",
    "/verhuizen-en-brp/verhuisd-wat-regelen": "Verhuisd? Dit moet u regelen",
    "/afval/": "Afval en grofvuil",
    "/afval/grofvuil": "Ophalen grof huishoudelijk afval",
    "/afval/milieustraat": "Afvalbrengstation (milieustraat)",
    "/afval/afvalstoffenheffing": "Afvalstoffenheffing",
    "/afval/minicontainer": "Minicontainer aanvragen of omruilen",
    "/afval/afvalkalender": "Afvalkalender en inzamelschema",
    "/afval/afval-scheiden": "Afval scheiden: wat hoort waar?",
    "/documenten/afvalkalender-2026.pdf": "Afvalkalender 2026",
    "/parkeren/": "Parkeren",
    "/parkeren/parkeervergunning-bewoners": "Bewonersparkeervergunning",
    "/parkeren/bezoekersparkeren": "Bezoekersparkeervergunning",
    "/parkeren/gehandicaptenparkeerkaart": "Gehandicaptenparkeerkaart",
    "/parkeren/gehandicaptenparkeerplaats": "Gehandicaptenparkeerplaats op kenteken",
    "/parkeren/naheffingsaanslag-parkeerbelasting": "Naheffingsaanslag parkeerbelasting",
    "/bouwen-en-verbouwen/": "Bouwen en verbouwen (omgevingsvergunning)",
    "/bouwen-en-verbouwen/omgevingsvergunning": "Omgevingsvergunning aanvragen",
    "/bouwen-en-verbouwen/vergunningvrij-bouwen": "Vergunningvrij bouwen",
    "/bouwen-en-verbouwen/dakkapel": "Dakkapel plaatsen",
    "/bouwen-en-verbouwen/boom-kappen": "Omgevingsvergunning vellen van houtopstand (kapvergunning)",
    "/bouwen-en-verbouwen/zienswijze-en-bezwaar": "Zienswijze en bezwaar tegen een vergunning",
    "/bouwen-en-verbouwen/verbouwing-melden": "Melding bouwactiviteit (Omgevingswet)",
    "/melding-openbare-ruimte/": "Melding openbare ruimte",
    "/melding-openbare-ruimte/melding-openbare-ruimte": "Melding openbare ruimte (MOR)",
    "/melding-openbare-ruimte/straatverlichting": "Defecte openbare verlichting",
    "/melding-openbare-ruimte/zwerfafval-en-dumpingen": "Illegale dumpingen en zwerfafval",
    "/melding-openbare-ruimte/stoep-en-wegdek": "Schade aan bestrating en wegdek",
    "/melding-openbare-ruimte/overlast": "Overlast melden",
    "/inburgering/": "Statushouders en inburgering",
    "/inburgering/inburgeringsplicht": "Inburgeringsplicht en brede intake (Wi2021)",
    "/inburgering/huisvesting-statushouders": "Huisvesting vergunninghouders",
    "/inburgering/participatieverklaring":
        "Participatieverklaringstraject / Module Arbeidsmarkt en Participatie (MAP)",
    "/inburgering/ontzorgen": "Financieel ontzorgen statushouders",
    "/inburgering/welkom-in-voorbeeldstad": "Welkom in Voorbeeldstad",
    "/18-jaar/": "18 jaar worden",
    "/18-jaar/18-jaar-worden": "18 jaar worden: wat verandert er?",
    "/18-jaar/digid": "DigiD aanvragen",
    "/18-jaar/stemmen": "Kiesrecht en stempas",
    "/18-jaar/jeugdhulp-na-18": "Verlengde jeugdhulp en overgang naar Wmo",
}

# The main product page of each theme (the first page in SITEMAP.md).
MAIN_PAGES = {
    "zorg-en-ondersteuning": "/zorg-en-ondersteuning/wmo-maatwerkvoorziening-huishoudelijke-ondersteuning",
    "mantelzorg": "/mantelzorg/mantelzorgwaardering",
    "werk-en-inkomen": "/werk-en-inkomen/bijzondere-bijstand",
    "schulden": "/schulden/schuldhulpverlening",
    "paspoort-en-id-kaart": "/paspoort-en-id-kaart/paspoort",
    "verhuizen-en-brp": "/verhuizen-en-brp/verhuizing-doorgeven",
    "afval": "/afval/grofvuil",
    "parkeren": "/parkeren/parkeervergunning-bewoners",
    "bouwen-en-verbouwen": "/bouwen-en-verbouwen/omgevingsvergunning",
    "melding-openbare-ruimte": "/melding-openbare-ruimte/melding-openbare-ruimte",
    "inburgering": "/inburgering/inburgeringsplicht",
    "18-jaar": "/18-jaar/18-jaar-worden",
}

# ----------------------------------------------------------------------------------------------------------
# Hand-written queries per landing page.
# ----------------------------------------------------------------------------------------------------------
QUERIES = """
@ /
gemeente voorbeeldstad                          | 9000 | 1.1
voorbeeldstad                                   | 5200 | 1.9
gemeente voorbeeldstad openingstijden           | 1400 | 1.3 | lowctr
gemeentehuis voorbeeldstad                      | 1100 | 1.4
afspraak maken gemeente voorbeeldstad           | 1300 | 1.6
stadhuis voorbeeldstad adres                    |  260 | 1.9
gemeente voorbeeldsatd                          |   90 | 1.5
www voorbeeldstad nl                            |  140 | 1.0
belastingen gemeente voorbeeldstad              |  180 | 3.4
hondenbelasting voorbeeldstad                   |  320 | 14.2 | nopage
trouwen gemeentehuis                            |  210 | 31.5 | nopage
zwembad openingstijden voorbeeldstad            |  480 | 22.8 | nopage
woz waarde opvragen                             |  390 | 27.4 | nopage
sociale huurwoning voorbeeldstad                |  250 | 18.6 | nopage
ozb aanslag bezwaar                             |  150 | 35.1 | nopage
markt voorbeeldstad zaterdag                    |   90 | 19.7 | nopage

@ /contact
gemeente voorbeeldstad telefoonnummer           | 1600 | 1.2 | lowctr
voorbeeldstad gemeente contact                  |  420 | 1.4
gemeente voorbeeldstad email                    |  110 | 1.6
gemeente voorbeeldstad bellen                   |    ~ | 1.9
klacht indienen gemeente voorbeeldstad          |   90 | 4.5
gemeente voorbeeldstad                          |  700 | 2.6

@ /over-deze-website
gemeente voorbeeldstad privacy                  |   40 | 2.6
privacyverklaring gemeente voorbeeldstad        |   30 | 2.1
voorbeeldstad cookies                           |   15 | 3.2

# ---- zorg-en-ondersteuning -------------------------------------------------------------------------------
@ /zorg-en-ondersteuning/
wmo voorbeeldstad                               |  620 | 1.6
wmo loket voorbeeldstad                         |  380 | 1.8
zorg gemeente voorbeeldstad                     |  260 | 2.9
hulp aanvragen gemeente ouderen                 |  310 | 9.7
sociaal wijkteam voorbeeldstad                  |  220 | 3.4
wmo                                             |  700 | 14.8
hulp voor ouderen thuis                         |    ~ | 16.2
huishoudelijke hulp gemeente                    |  240 | 6.9
pgb wmo                                         |   70 | 9.8
hulp in huis                                    |  380 | 12.6
wmo aanvragen                                   |  200 | 6.9
scootmobiel aanvragen                           |  120 | 8.4
traplift aanvragen gemeente                     |   60 | 9.1

@ /zorg-en-ondersteuning/wmo-maatwerkvoorziening-huishoudelijke-ondersteuning
hulp in huis                                    | 4200 | 8.6
huishoudelijke hulp                             | 2600 | 6.9
huishoudelijke hulp gemeente                    |  880 | 3.8
hulp in huis gemeente                           |  850 | 4.2
hulp bij het huishouden                         |  900 | 9.1
huishoudelijke hulp aanvragen                   |  760 | 5.3
schoonmaakhulp aanvragen                        |  640 | 7.4
huishoudelijke hulp via gemeente                |  520 | 3.5
huishoudelijke hulp voorbeeldstad               |  480 | 1.4
thuiszorg schoonmaken                           |  370 | 12.6
huishoudelijke hulp kosten                      |  290 | 7.8
huishoudelijk hulp                              |  210 | 7.2
schoonmaakster via wmo                          |  180 | 5.1
wmo huishoudelijke ondersteuning                |  120 | 2.1
huishoudelijke ondersteuning                    |   90 | 2.6
hulp in de huishouding ouderen                  |    ~ | 10.9
huishoudelijke hulp wmo eigen bijdrage          |   60 | 6.4
iemand die schoonmaakt voor ouderen             |    ~ | 13.8

@ /zorg-en-ondersteuning/melding-maatschappelijke-ondersteuning
wmo aanvragen                                   | 1500 | 3.2
wmo aanvragen voorbeeldstad                     |  420 | 1.3
hulp aanvragen gemeente                         |  380 | 7.7
keukentafelgesprek                              |  310 | 6.4
hoe vraag ik wmo aan                            |  260 | 4.9
keukentafelgesprek wmo wat vragen ze            |  140 | 8.8
hoe lang duurt wmo aanvraag                     |  120 | 5.6
wmo voorbeeldstad                               |  230 | 3.1
wmo melding                                     |   90 | 2.4

@ /zorg-en-ondersteuning/woonvoorziening
traplift aanvragen gemeente                     |  620 | 3.9
traplift vergoeding                             |  540 | 8.3
douche aanpassen ouderen                        |  260 | 11.4
traplift wmo                                    |  230 | 4.4
badkamer aanpassen gemeente                     |  190 | 6.8
drempels weghalen gemeente                      |    ~ | 9.6
woningaanpassing wmo                            |   80 | 2.9
verhuiskosten vergoeding wmo                    |    ~ | 5.2
traplift voorbeeldstad                          |   70 | 1.6

@ /zorg-en-ondersteuning/vervoersvoorziening
scootmobiel                                     | 1200 | 17.4
scootmobiel aanvragen                           |  980 | 4.6
regiotaxi voorbeeldstad                         |  520 | 2.4
scootmobiel via gemeente                        |  410 | 3.2
regiotaxi pas aanvragen                         |  260 | 3.9
rolstoel aanvragen gemeente                     |  230 | 5.7
taxi voor ouderen gemeente                      |  170 | 9.8
scootmobiel kapot wie betaalt                   |  120 | 7.9
wmo vervoer                                     |   90 | 3.1

@ /zorg-en-ondersteuning/persoonsgebonden-budget
pgb aanvragen                                   |  640 | 6.1
pgb svb                                         |  210 | 19.6
pgb wmo                                         |  190 | 4.2
pgb huishoudelijke hulp                         |  180 | 5.4
zelf zorg inkopen geld gemeente                 |    ~ | 12.3
pgb tarief huishoudelijke hulp                  |    ~ | 8.1
persoonsgebonden budget wmo                     |   70 | 2.2

@ /zorg-en-ondersteuning/eigen-bijdrage
cak rekening                                    |  820 | 11.2
eigen bijdrage wmo                              |  560 | 4.6
wmo kosten per maand                            |  330 | 5.9
huishoudelijke hulp wmo eigen bijdrage          |  150 | 3.7
waarom betaal ik cak                            |    ~ | 14.5
wmo abonnementstarief                           |   90 | 3.4

# ---- mantelzorg ------------------------------------------------------------------------------------------
@ /mantelzorg/
mantelzorg voorbeeldstad                        |  340 | 1.4
mantelzorger gemeente                           |  300 | 4.6
mantelzorg                                      |  240 | 18.9
mantelzorg ondersteuning gemeente               |   90 | 5.8
ik zorg voor mijn moeder hulp                   |    ~ | 21.4
mantelzorgcompliment                            |  160 | 7.6

@ /mantelzorg/mantelzorgwaardering
mantelzorgcompliment                            | 1900 | 3.4
mantelzorger geld                               |  760 | 8.8
mantelzorgcompliment voorbeeldstad              |  640 | 1.3
mantelzorgcompliment 2026                       |  520 | 2.9
mantelzorg vergoeding gemeente                  |  480 | 6.2
mantelzorgcompliment aanvragen                  |  410 | 2.3
mantelzorgwaardering                            |  350 | 2.1
mantelzorg compliment                           |  220 | 3.1
mantelzorgwaardering aanvragen                  |  180 | 1.9
mantelzorgpremie                                |  140 | 9.4
mantelzorgcompliment wanneer uitbetaald         |  130 | 4.1
mantelzorg voorbeeldstad                        |  150 | 2.7
mantelzorg bedankje gemeente                    |    ~ | 7.5

@ /mantelzorg/respijtzorg
vervangende mantelzorg                          |  340 | 4.7
dagbesteding ouderen voorbeeldstad              |  310 | 2.6
logeeropvang dementie                           |  260 | 9.9
mantelzorg overbelast                           |  220 | 12.8
even vrij van zorgen mantelzorg                 |  190 | 5.4
respijtzorg                                     |  170 | 6.1
even weg van de zorg vakantie mantelzorger      |    ~ | 15.3
logeerhuis voorbeeldstad                        |    ~ | 1.8

@ /mantelzorg/ondersteuning-mantelzorgers
steunpunt mantelzorg voorbeeldstad              |  380 | 1.2
hulp voor mantelzorgers                         |  290 | 5.6
mantelzorg ondersteuning gemeente               |  210 | 3.4
mantelzorger hulp nodig                         |    ~ | 8.2
praten met iemand mantelzorg                    |    ~ | 11.7

@ /mantelzorg/jonge-mantelzorgers
ik zorg voor mijn zieke moeder                  |  160 | 17.3
jonge mantelzorger                              |  120 | 5.2
jonge mantelzorgers voorbeeldstad               |   40 | 1.4
mantelzorg naast school                         |    ~ | 9.6
broer gehandicapt hulp                          |    ~ | 22.1

# ---- werk-en-inkomen -------------------------------------------------------------------------------------
@ /werk-en-inkomen/
uitkering gemeente voorbeeldstad                |  380 | 1.8
sociale dienst voorbeeldstad                    |  380 | 1.6
regelingen laag inkomen                         |  420 | 11.8
weinig geld hulp gemeente                       |  350 | 6.9
minimaregelingen voorbeeldstad                  |  160 | 1.5
werk zoeken gemeente                            |    ~ | 14.9
bijstand voorbeeldstad                          |  210 | 2.8
kinderopvangtoeslag aanvragen                   |  260 | 34.2 | nopage
bijstand aanvragen                              |  230 | 8.2

@ /werk-en-inkomen/bijzondere-bijstand
geld tekort wasmachine kapot                    | 1500 | 7.6
bijzondere bijstand                             | 1100 | 5.6
geld voor wasmachine gemeente                   |  980 | 3.6
geld lenen gemeente                             |  760 | 9.8
bijzondere bijstand aanvragen                   |  380 | 2.9
bijzondere bijstand voorbeeldstad               |  340 | 1.3
tandarts niet kunnen betalen                    |  330 | 12.7
eenmalige uitkering gemeente                    |  280 | 6.6
bijzondere bijstand wasmachine                  |  260 | 2.7
vergoeding bril gemeente                        |  210 | 8.4
koelkast kapot geen geld                        |  190 | 10.2
geen geld voor boodschappen                     |  180 | 14.6
aanvraagformulier bijzondere bijstand           |  110 | 2.2
hulp bij onverwachte kosten                     |    ~ | 6.1

@ /documenten/aanvraagformulier-bijzondere-bijstand.pdf
aanvraagformulier bijzondere bijstand           |   90 | 3.8
formulier bijzondere bijstand voorbeeldstad pdf |   40 | 1.6
bijzondere bijstand formulier printen           |    ~ | 4.4

@ /werk-en-inkomen/individuele-inkomenstoeslag
langdurig laag inkomen toeslag                  |  340 | 5.3
individuele inkomenstoeslag                     |  260 | 2.8
langdurigheidstoeslag                           |  210 | 6.3
eenmalige toeslag minima                        |  180 | 8.6
inkomenstoeslag voorbeeldstad                   |  110 | 1.4
extra geld lang laag inkomen                    |    ~ | 9.7

@ /werk-en-inkomen/meedoenregeling
meedoenpas voorbeeldstad                        |  290 | 1.7
zwemles vergoeding gemeente                     |  240 | 7.2
schoolspullen geen geld                         |  220 | 13.4
kindpakket                                      |  190 | 15.6
stadspas voorbeeldstad                          |  170 | 3.3
sportclub betalen kind weinig geld              |  160 | 9.1
meedoenregeling                                 |  130 | 2.6
laptop school gemeente vergoeding               |    ~ | 11.8

@ /werk-en-inkomen/collectieve-zorgverzekering
zorgverzekering gemeente                        |  680 | 4.1
goedkope zorgverzekering laag inkomen           |  520 | 14.2
gemeentepolis                                   |  350 | 7.9
gemeentepolis voorbeeldstad                     |  210 | 1.4
eigen risico betalen hulp                       |  190 | 12.5
zorgverzekering via gemeente minima             |  160 | 3.6
zorgverzekering 18 jaar                         |   90 | 24.3

@ /werk-en-inkomen/bijstandsuitkering
bijstand aanvragen                              | 2100 | 4.4
uitkering aanvragen                             | 1300 | 8.9
hoeveel bijstand krijg ik                       |  640 | 9.2
bijstand voorbeeldstad                          |  560 | 1.3
bijstandsuitkering                              |  480 | 6.7
bijstand aanvragen voorbeeldstad                |  410 | 1.2
wanneer wordt bijstand uitbetaald               |  380 | 7.1
bijstandsuitkering hoogte 2026                  |  350 | 13.7
bijstand en spaargeld                           |  280 | 10.1
geen inkomen wat nu                             |  260 | 11.4
bijstand samenwonen                             |  190 | 12.3
uitkering ww afgelopen wat nu                   |  170 | 15.8
bijstand aanvragen hoe lang duurt het           |  150 | 6.2
uitkering gemeente voorbeeldstad                |  160 | 2.4
participatiewet uitkering                       |   90 | 8.4
bijstand aanvrage                               |   60 | 5.0

@ /werk-en-inkomen/kwijtschelding-gemeentelijke-belastingen
kwijtschelding aanvragen                        |  780 | 3.6
kwijtschelding                                  |  450 | 9.6
gemeentelijke belasting niet kunnen betalen     |  260 | 5.9
kwijtschelding afvalstoffenheffing              |  190 | 2.9
vrijstelling gemeentelijke belastingen          |  140 | 6.7
kwijtschelding gemeentelijke belastingen voorbeeldstad | 120 | 1.2
aanslag gemeente te hoog geen geld              |    ~ | 13.8

# ---- schulden --------------------------------------------------------------------------------------------
@ /schulden/
schulden wat nu                                 |  420 | 16.7
hulp bij geldproblemen                          |  260 | 8.9
schulden gemeente                               |  230 | 4.1
schulden voorbeeldstad                          |  130 | 1.5
voedselbank voorbeeldstad                       |  540 | 12.1 | nopage
schulden hulp                                   |  180 | 9.7
geldzorgen                                      |  110 | 12.0

@ /schulden/schuldhulpverlening
schulden hulp                                   | 1400 | 6.3
hulp bij schulden                               | 1100 | 5.7
schuldhulpverlening                             |  780 | 4.9
schuldhulp voorbeeldstad                        |  520 | 1.3
hoe kom ik uit de schulden                      |  410 | 14.8
schuldhulpverlening gemeente                    |  360 | 3.2
schuldsanering aanvragen                        |  330 | 7.4
schuldhulp                                      |  260 | 8.2
rood staan hulp                                 |  240 | 13.9
schulden regeling gemeente                      |  190 | 5.1
deurwaarder aan de deur wat nu                  |  180 | 19.6
wsnp aanvragen                                  |  110 | 9.8
schulden voorbeeldstad                          |  110 | 2.2
schuldhulpverlening aanmelden                   |    ~ | 3.3

@ /schulden/budgetbeheer-en-beschermingsbewind
bewindvoerder aanvragen                         |  520 | 7.8
bewindvoering kosten                            |  260 | 11.9
budgetbeheer gemeente                           |  230 | 3.3
beschermingsbewind aanvragen                    |  210 | 6.4
budgetbeheer                                    |  150 | 8.7
budgetcoach voorbeeldstad                       |   90 | 2.2
iemand die mijn geldzaken regelt                |    ~ | 14.2

@ /schulden/vroegsignalering
huurachterstand hulp                            |  310 | 9.3
energierekening niet betalen hulp               |  260 | 12.1
brief gemeente betalingsachterstand             |  140 | 4.6
achterstand zorgverzekering hulp                |  120 | 10.7
waarom komt gemeente langs schulden             |    ~ | 6.8
vroegsignalering                                |   60 | 3.9

@ /schulden/geldzorgen-praat-erover
geldzorgen                                      |  620 | 8.7
geen geld voor boodschappen                     |  380 | 9.8
geen geld eind van de maand                     |  270 | 15.2
geldloket voorbeeldstad                         |  240 | 1.3
gratis hulp geldproblemen                       |  190 | 6.4
geldzorgen praten                               |    ~ | 5.5

# ---- paspoort-en-id-kaart --------------------------------------------------------------------------------
@ /paspoort-en-id-kaart/
afspraak paspoort voorbeeldstad                 |  600 | 1.6
paspoort voorbeeldstad                          |  600 | 2.2
paspoort afspraak                               |  380 | 4.8
id kaart of paspoort                            |  260 | 12.4
paspoort en id kaart tegelijk aanvragen         |  210 | 6.9
reisdocumenten voorbeeldstad                    |   90 | 1.7
id kaart aanvragen                              |  420 | 6.2
paspoort verlengen                              |  300 | 7.4

@ /paspoort-en-id-kaart/paspoort
paspoort aanvragen                              | 8800 | 3.7
paspoort verlengen                              | 2400 | 4.4
wat kost een paspoort                           | 2300 | 4.2 | lowctr
paspoort voorbeeldstad                          | 2100 | 1.3
gemeente voorbeeldstad paspoort                 | 1500 | 1.1
nieuw paspoort                                  | 1400 | 6.8
hoe lang duurt paspoort aanvragen               | 1100 | 5.1
paspoort vernieuwen                             | 1100 | 5.2
paspoort afspraak                               |  820 | 2.9
paspoort kosten 2026                            |  900 | 6.3
paspoort verlopen                               |  760 | 9.7
pasfoto eisen paspoort                          |  700 | 14.3
paspoort aanvragen kind                         |  640 | 5.6
paspoort aanvrage                               |  380 | 4.0
paspoort aanvragen wat meenemen                 |  330 | 3.4
paspoort verlengen voorbeeldstad                |  280 | 1.2
pasport aanvragen                               |  210 | 3.9
afspraak maken gemeente voorbeeldstad           |  260 | 3.3
paspoort kwijt                                  |  190 | 8.1
vingerafdrukken paspoort kind                   |  120 | 8.9
nationaal paspoort aanvragen                    |   40 | 3.3
paspoort spoed                                  |  120 | 6.8

@ /paspoort-en-id-kaart/identiteitskaart
id kaart aanvragen                              | 3400 | 4.1
id kaart verlengen                              | 1100 | 4.3
wat kost een id kaart                           |  950 | 4.9 | lowctr
identiteitskaart aanvragen                      |  900 | 4.6
id kaart kind aanvragen                         |  720 | 3.8
id kaart voorbeeldstad                          |  640 | 1.3
id kaart verlopen                               |  480 | 10.8
id kaart kosten                                 |  380 | 6.2
id kaart baby                                   |  230 | 7.1
id kaart kwijt                                  |  210 | 9.3
idkaart aanvragen                               |  150 | 4.4
paspoort aanvragen kind                         |  150 | 7.9

@ /paspoort-en-id-kaart/vermissing-reisdocument
paspoort kwijt wat nu                           | 1400 | 3.3
id kaart kwijt                                  | 1100 | 4.7
paspoort kwijt                                  |  980 | 4.2
paspoort gestolen                               |  420 | 6.8
id kaart verloren                               |  330 | 5.4
paspoort kwijt op vakantie                      |  310 | 18.1
rijbewijs kwijt                                 |  240 | 9.6
paspoort kwijt voorbeeldstad                    |  160 | 1.2
portemonnee gestolen id kaart                   |  150 | 11.4
verklaring van vermissing                       |  140 | 8.9

@ /paspoort-en-id-kaart/spoedaanvraag-reisdocument
paspoort spoed                                  |  680 | 3.4
paspoort binnen 1 dag                           |  330 | 8.2
snel paspoort nodig vakantie                    |  260 | 7.6
spoedaanvraag paspoort                          |  210 | 4.1
spoed paspoort voorbeeldstad                    |  190 | 1.3
paspoort met spoed aanvragen kosten             |  160 | 5.3

@ /paspoort-en-id-kaart/rijbewijs
rijbewijs verlengen                             | 3100 | 5.2
rijbewijs kwijt                                 |  900 | 6.7
rijbewijs verlengen voorbeeldstad               |  640 | 1.3
rijbewijs verlengen kosten                      |  560 | 7.3
gezondheidsverklaring rijbewijs                 |  450 | 16.8
rijbewijs aanvragen na examen                   |  420 | 5.9
rijbewijs verlengen 75 jaar                     |  380 | 11.4
rijbewijs ophalen                               |  300 | 4.6
rijbewijs verlopen buitenland                   |  170 | 24.6 | nopage
rijbewijs omwisselen buitenlands                |  140 | 28.9 | nopage
rijbewijs verlenge                              |   90 | 5.8

@ /paspoort-en-id-kaart/afhalen-reisdocument
paspoort ophalen                                |  820 | 2.9
id kaart ophalen                                |  410 | 2.6
paspoort ophalen zonder afspraak                |  260 | 2.1
paspoort ophalen iemand anders                  |  180 | 4.8
paspoort klaar wanneer ophalen                  |  140 | 3.7
rijbewijs ophalen                               |  120 | 6.3

# ---- verhuizen-en-brp ------------------------------------------------------------------------------------
@ /verhuizen-en-brp/
verhuizen voorbeeldstad                         |  520 | 1.6
inschrijven gemeente voorbeeldstad              |  180 | 2.6
verhuizen gemeente                              |  240 | 11.7
geboorteaangifte voorbeeldstad                  |  180 | 11.6 | nopage
uittreksel voorbeeldstad                        |   90 | 2.1
uittreksel aanvragen                            |  140 | 9.8

@ /verhuizen-en-brp/verhuizing-doorgeven
verhuizing doorgeven                            | 3900 | 4.3
adres wijzigen                                  | 2100 | 9.6
verhuizen doorgeven gemeente                    |  980 | 4.1
verhuizing doorgeven voorbeeldstad              |  760 | 1.2
inschrijven nieuw adres                         |  720 | 6.7
inschrijven op adres                            |  540 | 7.8
verhuizen gemeente                              |  460 | 8.9
uitschrijven gemeente                           |  380 | 8.6
verhuizing doorgeven digid                      |  410 | 3.7
inschrijven gemeente voorbeeldstad              |  250 | 1.9
inwonen bij ouders inschrijven                  |  330 | 11.9
hoe lang van tevoren verhuizing doorgeven       |  280 | 5.5
adreswijziging doorgeven                        |  260 | 3.2
toestemming hoofdbewoner formulier              |  190 | 4.4
verhuising doorgeven                            |  140 | 4.0
verhuizen wat regelen                           |  110 | 11.3

@ /verhuizen-en-brp/uittreksel-brp
uittreksel gba                                  | 1400 | 3.9
uittreksel brp                                  |  950 | 3.2
uittreksel aanvragen                            |  900 | 7.4
bewijs van inschrijving                         |  880 | 5.6
uittreksel gemeente voorbeeldstad               |  420 | 1.3
uittreksel bevolkingsregister                   |  260 | 6.1
uittreksel voor huurwoning                      |  190 | 8.8
gba uittreksel kosten                           |  160 | 6.5
historisch uittreksel                           |  150 | 4.3
internationaal uittreksel brp                   |  120 | 3.8
uitreksel brp                                   |   80 | 3.4

@ /verhuizen-en-brp/vertrek-buitenland
verhuizen naar buitenland                       |  520 | 11.2
emigreren uitschrijven gemeente                 |  430 | 4.8
uitschrijven nederland                          |  350 | 6.9
naar het buitenland verhuizen wat regelen       |  240 | 13.6
uitschrijven gemeente                           |  200 | 7.1
emigratie doorgeven                             |  110 | 3.5

@ /verhuizen-en-brp/vestiging-uit-buitenland
bsn aanvragen                                   |  820 | 13.8
inschrijven gemeente vanuit buitenland          |  280 | 4.2
terugkeren naar nederland inschrijven           |  230 | 5.6
apostille geboorteakte                          |  170 | 18.4
bsn nummer aanvragen voorbeeldstad              |  110 | 1.9
eerste inschrijving gemeente                    |   80 | 3.1

@ /verhuizen-en-brp/geheimhouding-persoonsgegevens
adres afschermen                                |  120 | 5.2
gegevens geheim houden gemeente                 |   70 | 3.8
adres geheim brp                                |    ~ | 4.7
stalker adres geheim                            |    ~ | 12.6
geheimhouding persoonsgegevens                  |   30 | 2.1

@ /verhuizen-en-brp/verhuisd-wat-regelen
verhuizen checklist                             | 1200 | 12.3
verhuizen wat regelen                           |  640 | 9.4
verhuisd wat moet ik regelen                    |  380 | 4.1
wat moet je regelen bij verhuizen               |  310 | 8.7
verhuizen wat moet je doorgeven                 |  210 | 6.3
adres wijzigen                                  |  300 | 12.4

# ---- afval -----------------------------------------------------------------------------------------------
@ /afval/
afval voorbeeldstad                             |  460 | 1.5
afval                                           |  400 | 21.3
vuilnis voorbeeldstad                           |  210 | 2.3
voorbeeldstad grofvuil                          |  240 | 2.8
kerstbomen ophalen voorbeeldstad                |  130 | 9.2 | nopage
afval scheiden                                  |   90 | 14.0
kliko kapot                                     |   60 | 9.3

@ /afval/grofvuil
grofvuil ophalen                                | 5600 | 3.1
matras weggooien                                | 1400 | 9.7
grofvuil voorbeeldstad                          | 1300 | 1.4
grofvuil aanmelden                              |  980 | 2.7
grofvuil ophalen gratis                         |  880 | 3.8
voorbeeldstad grofvuil                          |  760 | 1.2
bank ophalen gemeente                           |  760 | 6.1
oud ijzer ophalen                               |  620 | 12.4
grof afval ophalen                              |  540 | 3.3
koelkast weggooien                              |  480 | 11.6
grof vuil ophalen                               |  460 | 3.4
grofvuil afspraak maken                         |  420 | 2.4
grofvuil kosten                                 |  390 | 4.6
matras ophalen gemeente                         |  390 | 4.3
wasmachine laten ophalen                        |  350 | 9.1
grofvuil ophaalen                               |  320 | 3.6
bankstel weg laten halen                        |  210 | 10.3
grofvuil wanneer buiten zetten                  |  160 | 4.7
kast laten ophalen gemeente                     |  150 | 5.8
hoeveel grofvuil mag ik aanbieden               |  120 | 3.9
grof huishoudelijk afval                        |   70 | 2.2
tuinafval ophalen                               |    ~ | 8.6

@ /afval/milieustraat
milieustraat openingstijden                     | 2600 | 1.8 | lowctr
milieustraat voorbeeldstad                      | 1500 | 1.2
vuilstort openingstijden                        |  380 | 3.4
bouwafval wegbrengen                            |  310 | 8.9
puin wegbrengen kosten                          |  260 | 7.2
stort voorbeeldstad                             |  210 | 2.6
milieupark                                      |  190 | 9.8
milieustraat zaterdag open                      |  170 | 2.2
asbest inleveren                                |  140 | 17.8
afvalbrengstation                               |  120 | 4.1
milieustraat openingstijde                      |    ~ | 2.0
grofvuil kosten                                 |   80 | 8.6
koelkast weggooien                              |  140 | 10.2

@ /afval/afvalstoffenheffing
vuilnisbelasting                                |  820 | 7.6
afvalstoffenheffing                             |  540 | 3.1
afvalstoffenheffing 2026                        |  260 | 2.8
afvalstoffenheffing alleenstaande               |  190 | 3.9
belastingen gemeente voorbeeldstad              |  160 | 4.1
bezwaar afvalstoffenheffing                     |  130 | 4.4
kwijtschelding                                  |   90 | 14.7
waarom betaal ik afvalstoffenheffing            |    ~ | 11.3

@ /afval/minicontainer
kliko kapot                                     |  640 | 4.8
container kapot gemeente                        |  420 | 3.9
extra container aanvragen                       |  380 | 4.2
kliko aanvragen                                 |  350 | 5.1
vuilnisbak kapot gemeente                       |  290 | 6.1
container gestolen                              |  210 | 6.6
kliko deksel kapot                              |  180 | 4.9
grijze container aanvragen                      |  160 | 5.7
groene bak kapot                                |  140 | 5.3
kliko voorbeeldstad                             |  110 | 1.4
minicontainer aanvragen                         |   60 | 2.4

@ /afval/afvalkalender
afvalkalender voorbeeldstad                     | 3200 | 1.2 | lowctr
afvalkalender                                   | 1500 | 7.9
wanneer wordt vuilnis opgehaald                 | 1300 | 6.2
afvalkalender 2026 voorbeeldstad                |  900 | 1.4
ophaaldagen afval voorbeeldstad                 |  640 | 1.6
welke bak moet buiten                           |  480 | 8.8
afval kalender voorbeeldstad                    |  340 | 1.3
wanneer groene kliko                            |  260 | 7.3
afval app voorbeeldstad                         |  210 | 2.5
afval voorbeeldstad                             |  160 | 3.6
vuilnisophaaldag                                |  190 | 9.4

@ /documenten/afvalkalender-2026.pdf
afvalkalender 2026 voorbeeldstad                |  700 | 2.3
afvalkalender voorbeeldstad pdf                 |  240 | 1.3
afvalkalender printen                           |  150 | 4.8

@ /afval/afval-scheiden
pmd wat mag erin                                |  880 | 9.1
gft wat mag erin                                |  560 | 8.3
pizzadoos bij oud papier                        |  420 | 13.4
afval scheiden                                  |  400 | 12.1
waar moet piepschuim in                         |  390 | 11.8
plastic afval welke bak                         |  360 | 7.4
batterijen inleveren                            |  280 | 22.4
waar moet frituurvet heen                       |  250 | 10.6
luiers weggooien welke bak                      |  210 | 6.7
oud papier ophalen voorbeeldstad                |  170 | 2.9
afval scheiden voorbeeldstad                    |  160 | 1.3

# ---- parkeren --------------------------------------------------------------------------------------------
@ /parkeren/
parkeren voorbeeldstad                          | 1100 | 1.5
parkeren centrum voorbeeldstad                  |  780 | 2.1
parkeergarage voorbeeldstad tarieven            |  520 | 12.7 | nopage
gratis parkeren voorbeeldstad                   |  410 | 13.3 | nopage
blauwe zone voorbeeldstad                       |  180 | 10.9 | nopage
waar kan ik gratis parkeren                     |    ~ | 24.0
parkeervergunning aanvragen                     |  260 | 6.6
parkeerbon betalen                              |   90 | 9.9

@ /parkeren/parkeervergunning-bewoners
parkeervergunning aanvragen                     | 2200 | 3.6
parkeervergunning voorbeeldstad                 |  950 | 1.3
parkeervergunning kosten                        |  720 | 4.7
bewonersvergunning                              |  420 | 5.4
parkeren voorbeeldstad                          |  300 | 4.2
parkeervergunning wachtlijst                    |  260 | 4.4
parkeervergunning 2e auto                       |  230 | 7.6
kenteken wijzigen parkeervergunning             |  210 | 3.8
parkeervergunning nieuwe auto                   |  190 | 6.2
parkeer vergunning aanvragen                    |  180 | 3.5
parkeervergunning leaseauto                     |  120 | 8.1
bezoekersvergunning                             |   90 | 8.7
bewonersparkeervergunning                       |   70 | 2.7
vergunning parkeren voor de deur                |    ~ | 9.9

@ /parkeren/bezoekersparkeren
bezoekers parkeren                              |  680 | 4.3
bezoekersvergunning                             |  520 | 3.9
bezoek aanmelden parkeren app                   |  310 | 5.8
parkeren visite                                 |  240 | 7.9
bezoekersparkeren voorbeeldstad                 |  180 | 1.3
bezoekerskaart parkeren                         |  140 | 4.6
logeerpartij parkeren                           |    ~ | 11.2

@ /parkeren/gehandicaptenparkeerkaart
invalidenkaart                                  | 1100 | 6.6
invalidenkaart aanvragen                        |  820 | 4.1
gehandicaptenparkeerkaart aanvragen             |  540 | 3.2
gehandicaptenkaart                              |  460 | 5.9
invalidenparkeerkaart                           |  420 | 5.4
invalidenkaart verlengen                        |  260 | 5.1
invalidenkaart kosten                           |  190 | 6.3
invaliden kaart                                 |  150 | 6.0
parkeerkaart gehandicapten medische keuring     |  130 | 8.4
gehandicaptenparkeerkaart voorbeeldstad         |  110 | 1.2
invalidenparkeerplaats aanvragen                |   80 | 7.4

@ /parkeren/gehandicaptenparkeerplaats
invalidenparkeerplaats aanvragen                |  430 | 3.7
invalidenparkeerplaats voor de deur             |  250 | 4.9
gehandicaptenparkeerplaats aanvragen            |  230 | 2.9
eigen parkeerplaats gehandicapt                 |  160 | 6.8
parkeerplaats op kenteken                       |  140 | 4.6
invalidenparkeerplaats kenteken                 |  120 | 5.5
invalidenkaart                                  |  140 | 9.8

@ /parkeren/naheffingsaanslag-parkeerbelasting
parkeerbon bezwaar                              | 1300 | 3.9
parkeerboete voorbeeldstad                      |  620 | 1.4
parkeerbon betalen                              |  540 | 4.6
bezwaar parkeerboete                            |  410 | 4.2
naheffingsaanslag                               |  260 | 7.9
naheffingsaanslag parkeerbelasting              |  230 | 2.3
bon gekregen parkeren                           |  180 | 9.3
parkeer boete bezwaar                           |  160 | 4.3
parkeerbon te laat betaald                      |  120 | 11.4

# ---- bouwen-en-verbouwen ---------------------------------------------------------------------------------
@ /bouwen-en-verbouwen/
verbouwen vergunning                            |  880 | 8.1
bestemmingsplan voorbeeldstad                   |  520 | 4.6
verbouwen gemeente                              |  220 | 6.3
evenementenvergunning voorbeeldstad             |  190 | 16.4 | nopage
bouwvergunning voorbeeldstad                    |  150 | 3.2
bouwen voorbeeldstad                            |  130 | 1.7
omgevingsvergunning                             |  220 | 8.8

@ /bouwen-en-verbouwen/omgevingsvergunning
bouwvergunning aanvragen                        | 2100 | 4.6
omgevingsvergunning aanvragen                   | 1400 | 3.8
bouwvergunning                                  | 1300 | 7.2
omgevingsvergunning                             |  900 | 6.4
omgevingsloket                                  |  900 | 16.3
vergunning aanbouw                              |  640 | 6.1
vergunning nodig verbouwing                     |  400 | 8.3
bouwvergunning kosten                           |  480 | 6.9
bouwvergunning voorbeeldstad                    |  420 | 1.3
hoe lang duurt een bouwvergunning               |  360 | 5.6
omgevings vergunning                            |  110 | 4.2
bouwvergunning aanvrage                         |   90 | 4.7

@ /bouwen-en-verbouwen/vergunningvrij-bouwen
hoe hoog mag schutting                          |  880 | 16.2
schuur bouwen zonder vergunning                 |  760 | 6.7
overkapping zonder vergunning                   |  710 | 7.9
tuinhuis vergunning nodig                       |  620 | 8.2
aanbouw zonder vergunning                       |  540 | 6.5
zonder vergunning bouwen                        |  480 | 7.4
mag ik een schutting plaatsen                   |  330 | 12.7
vergunning nodig verbouwing                     |  260 | 9.6
vergunningcheck                                 |  260 | 9.5
vergunningvrij bouwen                           |  210 | 3.1
vergunning schutting voorbeeldstad              |   90 | 1.8
dakkapel vergunning nodig                       |  160 | 9.7

@ /bouwen-en-verbouwen/dakkapel
dakkapel vergunning nodig                       |  980 | 5.2
dakkapel vergunning                             |  720 | 4.9
dakkapel zonder vergunning                      |  430 | 6.8
dakkapel plaatsen                               |  380 | 11.3
dakkapel voorkant vergunning                    |  310 | 6.3
dakkapel regels                                 |  210 | 8.4
dakkapel voorbeeldstad                          |   90 | 1.4

@ /bouwen-en-verbouwen/boom-kappen
boom kappen vergunning                          | 1300 | 3.9
boom kappen                                     |  940 | 9.4
kapvergunning                                   |  640 | 4.8
mag ik een boom kappen in mijn tuin             |  410 | 7.1
boom van buren overlast                         |  260 | 18.8
kapvergunning voorbeeldstad                     |  220 | 1.3
boom weghalen tuin regels                       |  190 | 10.2
boom omzagen vergunning                         |  160 | 5.6
kapvergunning kosten                            |  150 | 4.4
boom kappen vergunnig                           |   60 | 4.9

@ /bouwen-en-verbouwen/zienswijze-en-bezwaar
bezwaar maken bouwvergunning buren              |  420 | 6.8
buren bouwen wat kan ik doen                    |  290 | 11.6
bezwaar aanbouw buren                           |  240 | 5.9
zienswijze indienen                             |  180 | 7.2
bezwaar vergunning                              |  160 | 9.1
vergunning buren inzien                         |  140 | 8.3

@ /bouwen-en-verbouwen/verbouwing-melden
kwaliteitsborger                                |  330 | 14.6
verbouwing melden gemeente                      |  260 | 4.4
gevolgklasse 1                                  |  240 | 12.8
bouwmelding                                     |  210 | 5.3
moet ik verbouwing melden                       |  150 | 5.8
melden voor start bouw                          |   90 | 7.1

# ---- melding-openbare-ruimte -----------------------------------------------------------------------------
@ /melding-openbare-ruimte/
iets melden gemeente                            |  420 | 6.2
melding gemeente voorbeeldstad                  |  240 | 2.9
rat gezien melden                               |  190 | 11.7 | nopage
hondenpoep melden                               |  150 | 9.4  | nopage
melding openbare ruimte voorbeeldstad           |  140 | 1.2
speeltuin kapot                                 |  110 | 12.9 | nopage
fixi voorbeeldstad                              |   80 | 3.1
melding maken gemeente                          |  260 | 7.9

@ /melding-openbare-ruimte/melding-openbare-ruimte
melding maken gemeente                          | 1600 | 4.7
melding gemeente voorbeeldstad                  |  780 | 1.3
gemeente melding doen                           |  540 | 4.1
klacht gemeente straat                          |  320 | 7.4
afval naast container melden                    |  120 | 6.9
overlast melden gemeente                        |  110 | 7.7
melding openbare ruimte                         |  120 | 2.1
kapotte bank in park melden                     |    ~ | 6.8
melding status bekijken                         |    ~ | 5.9
mor melding                                     |   40 | 3.4
lantaarnpaal kapot                              |   80 | 8.3
gat in de stoep                                 |   50 | 9.6

@ /melding-openbare-ruimte/straatverlichting
lantaarnpaal kapot                              |  880 | 3.4
straatverlichting kapot                         |  420 | 3.7
straatlantaarn kapot melden                     |  340 | 2.8
lantaarnpaal kapot voorbeeldstad                |  160 | 1.2
lamp straat doet het niet                       |  130 | 6.9
lantarenpaal kapot                              |   90 | 3.6
lantaarnpaal brandt overdag                     |    ~ | 8.4

@ /melding-openbare-ruimte/zwerfafval-en-dumpingen
vuilniszak naast container                      |  620 | 5.7
afval naast container melden                    |  410 | 3.3
boete afval naast container                     |  340 | 6.2
volle container melden                          |  280 | 4.5
zwerfvuil melden                                |  260 | 3.9
ondergrondse container vol                      |  230 | 5.1
dumping melden                                  |  190 | 4.4
iemand dumpt afval                              |  120 | 9.8

@ /melding-openbare-ruimte/stoep-en-wegdek
gat in de stoep                                 |  420 | 4.6
losse stoeptegel melden                         |  310 | 3.2
gat in de weg melden                            |  260 | 3.9
schade auto gat in weg gemeente                 |  210 | 7.6
gevallen over stoeptegel schadevergoeding       |  180 | 8.7
kapotte stoep                                   |  160 | 5.4
boomwortels stoep                               |  140 | 9.2

@ /melding-openbare-ruimte/overlast
geluidsoverlast buren                           | 1600 | 11.8
overlast buren wat te doen                      |  980 | 9.6
overlast melden gemeente                        |  430 | 3.9
blaffende hond buren                            |  310 | 17.4
overlast melden                                 |  300 | 6.2
buurtbemiddeling voorbeeldstad                  |  260 | 1.4
burenruzie hulp                                 |  220 | 8.7
hangjongeren overlast melden                    |  180 | 5.2

# ---- inburgering -----------------------------------------------------------------------------------------
@ /inburgering/
naturalisatie aanvragen                         |  310 | 19.4 | nopage
inburgering voorbeeldstad                       |  160 | 1.3
statushouders voorbeeldstad                     |  150 | 1.7
nederlandse nationaliteit aanvragen             |  140 | 23.8 | nopage
vluchtelingenwerk voorbeeldstad                 |  120 | 4.6
inburgeren                                      |  150 | 11.2

@ /inburgering/inburgeringsplicht
inburgeren                                      |  880 | 9.4
inburgeringsexamen                              |  640 | 16.7
nederlands leren gratis                         |  410 | 12.8
inburgeren taalles gemeente                     |  320 | 5.1
inburgeringscursus                              |  290 | 7.9
inburgering gemeente                            |  260 | 4.8
moet ik inburgeren                              |  210 | 6.4
duo inburgering lening                          |  190 | 18.2
taalcursus gemeente voorbeeldstad               |  140 | 2.3
inburgeringsplicht                              |  110 | 5.3
inburgering voorbeeldstad                       |   90 | 2.4
inburgering cursus                              |   80 | 8.1
brede intake inburgering                        |   50 | 3.6

@ /inburgering/huisvesting-statushouders
vluchteling huis                                |  220 | 7.8
huis voor statushouder                          |  190 | 4.6
statushouder woning krijgen                     |  160 | 5.2
statushouders huisvesting                       |  120 | 3.8
inrichtingskrediet statushouder                 |   90 | 6.7
wanneer krijgt statushouder woning              |    ~ | 8.9
statushouders voorbeeldstad                     |   70 | 3.9

@ /inburgering/participatieverklaring
participatieverklaring                          |  210 | 4.2
map module inburgering                          |  110 | 6.8
module arbeidsmarkt en participatie             |   80 | 3.2
participatieverklaring tekenen                  |   60 | 3.9
workshop participatie inburgering               |    ~ | 9.1

@ /inburgering/ontzorgen
gemeente betaalt huur statushouder              |   70 | 6.1
vaste lasten betalen statushouder               |   50 | 4.8
ontzorgen statushouders                         |   40 | 2.7
statushouder geld eerste maanden                |    ~ | 9.4
rekeningen betalen nieuwkomer                   |    ~ | 12.6

@ /inburgering/welkom-in-voorbeeldstad
wonen in voorbeeldstad                          |  380 | 3.9
nieuw in voorbeeldstad                          |  260 | 1.4
voorbeeldstad nieuwkomers                       |   70 | 1.6
welkom in voorbeeldstad                         |   40 | 1.0
net verhuisd naar voorbeeldstad                 |    ~ | 2.4

# ---- 18-jaar ---------------------------------------------------------------------------------------------
@ /18-jaar/
18 jaar gemeente                                |  120 | 4.6
18 jaar regelen                                 |  180 | 8.9
18 jaar worden voorbeeldstad                    |    ~ | 1.3
jongeren voorbeeldstad                          |    ~ | 6.2

@ /18-jaar/18-jaar-worden
18 worden wat moet ik regelen                   | 1300 | 5.4
zorgverzekering 18 jaar                         | 1000 | 19.3
18 jaar regelen                                 |  560 | 6.1
18 jaar wat moet je regelen                     |  640 | 4.8
18 jaar worden                                  |  410 | 3.1
wat verandert er als je 18 wordt               |  390 | 7.2
18 jaar toeslagen aanvragen                     |  340 | 16.9
digid aanvragen 18 jaar                         |   90 | 6.6
digid aanvragen                                 |  120 | 14.1

@ /18-jaar/digid
digid activeringscode niet ontvangen            | 2100 | 17.4
digid aanvragen                                 | 1700 | 11.8
digid kwijt                                     |  480 | 15.3
digid balie gemeente                            |  260 | 3.8
digid aanvragen 18 jaar                         |  220 | 4.1
digid activeren balie                           |  180 | 4.6
digid voorbeeldstad                             |  130 | 1.4

@ /18-jaar/stemmen
waar kan ik stemmen                             |  210 | 9.8
stempas kwijt                                   |  160 | 2.8
stembureau voorbeeldstad                        |  150 | 2.2
stemmen voorbeeldstad                           |  140 | 1.6
volmacht stemmen                                |  110 | 5.7
stempas niet ontvangen                          |   90 | 3.1
iemand anders laten stemmen                     |   80 | 6.4
stemmen zonder stempas                          |   50 | 4.9
kiezerspas aanvragen                            |   30 | 3.7
stem pas kwijt                                  |   20 | 3.0

@ /18-jaar/jeugdhulp-na-18
jeugdhulp na 18                                 |  190 | 4.2
jeugdzorg stopt bij 18                          |  160 | 6.7
hulp na 18 jaar jeugdzorg                       |  120 | 5.9
pleegzorg na 18                                 |  110 | 13.2
verlengde jeugdhulp                             |   90 | 3.4
18 jaar geen jeugdzorg meer wat nu              |    ~ | 8.8
"""

# Expected click-through rate by average position (piecewise linear between these points).
CTR_CURVE = [
    (1.0, 0.40), (2.0, 0.32), (3.0, 0.25), (4.0, 0.15), (5.0, 0.10), (6.0, 0.075), (7.0, 0.06), (8.0, 0.045),
    (10.0, 0.032), (12.0, 0.022), (15.0, 0.014), (20.0, 0.008), (30.0, 0.004), (40.0, 0.002), (100.0, 0.0005),
]


def expected_ctr(position: float) -> float:
    if position <= CTR_CURVE[0][0]:
        return CTR_CURVE[0][1]
    for (p0, c0), (p1, c1) in pairwise(CTR_CURVE):
        if position <= p1:
            return c0 + (c1 - c0) * (position - p0) / (p1 - p0)
    return CTR_CURVE[-1][1]


def rng_for(*parts: str) -> random.Random:
    # A str seed is hashed with SHA-512 by random.seed (version 2): stable across runs and PYTHONHASHSEED.
    return random.Random(f"{SEED}|" + "|".join(parts))


def round1(x: float) -> float:
    return float(Decimal(repr(x)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def stochastic_round(x: float, rng: random.Random) -> int:
    base = math.floor(x)
    return base + (1 if rng.random() < x - base else 0)


def parse_queries(text: str) -> list[dict]:
    """Parse QUERIES into rows {page, query, imps_hint, pos_hint, flags}."""
    rows: list[dict] = []
    page = None
    seen: set[tuple[str, str]] = set()
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            page = line[1:].strip()
            if page not in TITLES:
                raise SystemExit(f"line {lineno}: unknown page {page!r}")
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) < 3 or page is None:
            raise SystemExit(f"line {lineno}: bad query line {raw!r}")
        query, imps, pos, *flags = parts
        if query != query.lower() or re.search(r"[^\w ]", query):
            raise SystemExit(f"line {lineno}: queries are lower case without punctuation: {query!r}")
        if (query, page) in seen:
            raise SystemExit(f"line {lineno}: duplicate {query!r} on {page}")
        seen.add((query, page))
        rows.append({
            "page": page, "query": query,
            "imps_hint": None if imps == "~" else int(imps),
            "pos_hint": float(pos), "flags": set(flags),
        })
    return rows


def simulate_row(row: dict) -> dict:
    """Impressions, clicks and position for one query x page row."""
    rng = rng_for("row", row["page"], row["query"])
    if row["imps_hint"] is None:
        imps = round(math.exp(rng.uniform(math.log(10), math.log(150))))
    else:
        # Hints are written on a readable scale; squeeze everything under 1,000 towards the long tail
        # (monotonic, so the order of the hand-written figures is kept).
        hint = row["imps_hint"] * min(1.0, (row["imps_hint"] / 1000) ** 0.4)
        imps = max(8, round(hint * rng.uniform(0.95, 1.05)))
    hint = row["pos_hint"]
    pos = max(1.0, round1(hint * rng.uniform(0.94, 1.06)))
    if hint <= 1.05:
        pos = 1.0 if rng.random() < 0.5 else 1.1
    ctr = expected_ctr(pos) * rng.uniform(0.85, 1.12)
    if "lowctr" in row["flags"]:
        ctr = expected_ctr(pos) * rng.uniform(0.18, 0.28)
    clicks = min(imps, stochastic_round(imps * ctr, rng))
    return {**row, "impressions": imps, "clicks": clicks, "position": pos}


def weighted_position(items: list[tuple[float, int]]) -> float:
    total = sum(w for _, w in items)
    return round1(sum(p * w for p, w in items) / total)


def ctr_text(clicks: int, imps: int) -> str:
    pct = Decimal(clicks * 100) / Decimal(imps) if imps else Decimal(0)
    return f"{pct.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}".replace(".", ",") + "%"


def pos_text(pos: float) -> str:
    return f"{pos:.1f}".replace(".", ",")


def url(path: str) -> str:
    return BASE + path


def build() -> tuple[list[dict], list[dict], list[dict]]:
    rows = [simulate_row(r) for r in parse_queries(QUERIES)]

    # Queries.csv: per query, the sum over its landing pages.
    by_query: dict[str, list[dict]] = {}
    for r in rows:
        by_query.setdefault(r["query"], []).append(r)
    queries = []
    for q, rs in by_query.items():
        imps = sum(r["impressions"] for r in rs)
        clicks = sum(r["clicks"] for r in rs)
        queries.append({"query": q, "clicks": clicks, "impressions": imps,
                        "position": weighted_position([(r["position"], r["impressions"]) for r in rs])})

    # Pages.csv: per page, the listed queries plus the anonymised ones Google does not show.
    by_page: dict[str, list[dict]] = {}
    for r in rows:
        by_page.setdefault(r["page"], []).append(r)
    pages = []
    for page, rs in by_page.items():
        rng = rng_for("page", page)
        q_imps = sum(r["impressions"] for r in rs)
        q_clicks = sum(r["clicks"] for r in rs)
        q_pos = sum(r["position"] * r["impressions"] for r in rs) / q_imps
        share = 0.45 - (math.log10(q_imps) - 2.0) * 0.11 + rng.uniform(-0.03, 0.03)
        share = min(0.44, max(0.16, share))
        h_imps = max(1, round(q_imps * share / (1.0 - share)))
        h_pos = q_pos * rng.uniform(1.15, 1.6) + 1.0  # the long tail ranks worse
        h_clicks = max(1, stochastic_round(h_imps * expected_ctr(h_pos) * rng.uniform(0.7, 1.0), rng))
        imps = q_imps + h_imps
        pages.append({
            "page": page, "clicks": q_clicks + h_clicks, "impressions": imps,
            "position": round1((q_pos * q_imps + h_pos * h_imps) / imps),
            "hidden_share": h_imps / imps,
        })

    def order(d: dict, name: str):
        return (-d["clicks"], -d["impressions"], d[name])

    rows.sort(key=lambda d: (-d["clicks"], -d["impressions"], d["query"], d["page"]))
    queries.sort(key=lambda d: order(d, "query"))
    pages.sort(key=lambda d: order(d, "page"))
    return rows, queries, pages


def check(rows: list[dict], queries: list[dict], pages: list[dict]) -> None:
    """Assert the rules described in the module docstring; a failure means the query lists need editing."""
    norm = lambda s: " ".join(re.sub(r"[^\w ]", " ", s.lower()).split())  # noqa: E731
    by_page: dict[str, list[dict]] = {}
    for r in rows:
        by_page.setdefault(r["page"], []).append(r)
    for page, rs in by_page.items():
        if page == "/":
            continue  # the home page is found by its name, as it should be
        top = max(rs, key=lambda r: (r["impressions"], r["clicks"]))
        title = norm(TITLES[page])
        no_paren = norm(re.sub(r"\(.*?\)", "", TITLES[page]))
        assert top["query"] not in (title, no_paren), f"{page}: top query {top['query']!r} equals the title"
    for p in pages:
        assert 0.15 <= p["hidden_share"] <= 0.45, p
    for r in rows:
        assert 0 <= r["clicks"] <= r["impressions"], r
    assert len(queries) >= 320, len(queries)


def write_csv(path: Path, header: list[str], body: list[list]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(body)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    args = ap.parse_args()
    rows, queries, pages = build()
    check(rows, queries, pages)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / "Queries.csv", ["Populairste zoekopdrachten", "Klikken", "Vertoningen", "CTR", "Positie"],
              [[q["query"], q["clicks"], q["impressions"], ctr_text(q["clicks"], q["impressions"]),
                pos_text(q["position"])] for q in queries])
    write_csv(out / "Pages.csv", ["Populairste pagina's", "Klikken", "Vertoningen", "CTR", "Positie"],
              [[url(p["page"]), p["clicks"], p["impressions"], ctr_text(p["clicks"], p["impressions"]),
                pos_text(p["position"])] for p in pages])
    write_csv(out / "Zoekopdrachten per pagina.csv",
              ["Zoekopdracht", "Pagina", "Klikken", "Vertoningen", "CTR", "Positie"],
              [[r["query"], url(r["page"]), r["clicks"], r["impressions"],
                ctr_text(r["clicks"], r["impressions"]), pos_text(r["position"])] for r in rows])
    write_csv(out / "Filters.csv", ["Filter", "Waarde"], [["Zoektype", "Web"], ["Datum", PERIOD]])
    print(f"wrote {len(queries)} queries, {len(rows)} query x page rows, {len(pages)} pages to {out}")


if __name__ == "__main__":
    main()
