"""Recognise what a source page's heading is about, so every task page has the same predictable sections."""

from __future__ import annotations

import re

# (section key, pattern on the lower-cased heading), first match wins; order matters ("bezwaar" before "aanvragen").
RULES = {
    "nl": [
        ("objection", r"bezwaar|beroep|niet eens"),
        ("costs", r"kost|tarie|leges|prijs|betal|eigen bijdrage"),
        ("duration", r"hoe lang|duur|termijn|wanneer krijg|levertijd|afhandel"),
        ("documents", r"meenemen|nodig|documenten|bewijs|stukken"),
        ("who", r"voorwaarde|wie kan|wie komt|aanmerking|recht op|voor wie"),
        ("apply", r"aanvra|vraagt? (u |je )?(het |dit )?aan|aanmeld|hoe werkt|regelen|melden|afspraak|zo doet u|"
                  r"werkwijze|procedure|aanpak"),
        ("contact", r"contact|vragen\?|meer informatie"),
    ],
    "en": [
        ("objection", r"appeal|object|complain|challenge"),
        ("costs", r"cost|fee|price|charge|pay"),
        ("duration", r"how long|when will|timescale|processing time"),
        ("documents", r"what you need|documents|evidence|bring"),
        ("who", r"eligib|who can|conditions|who qualifies"),
        ("apply", r"apply|how to|register|report|book"),
        ("contact", r"contact|help|more information"),
    ],
}

TITLES = {
    "nl": {"about": "Wat is het?", "who": "Wie kan het krijgen?", "apply": "Zo vraagt u het aan",
           "costs": "Wat kost het?", "duration": "Hoe lang duurt het?", "documents": "Wat heeft u nodig?",
           "objection": "Bezwaar maken", "contact": "Contact", "sources": "Bronnen", "official": "Officieel heet dit",
           "more": "Meer over dit onderwerp", "popular": "Veel gezocht"},
    "en": {"about": "What it is", "who": "Who can get it", "apply": "How to apply", "costs": "What it costs",
           "duration": "How long it takes", "documents": "What you need", "objection": "If you disagree",
           "contact": "Contact", "sources": "Sources", "official": "Official name",
           "more": "More on this topic", "popular": "Most searched"},
}
ORDER = ["about", "who", "apply", "costs", "duration", "documents", "objection", "contact"]


def classify(heading: str, language: str) -> str | None:
    text = heading.lower()
    for key, pattern in RULES[language]:
        if re.search(pattern, text):
            return key
    return None
