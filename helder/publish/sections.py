"""Recognise what a source page's heading is about, so every task page has the same predictable sections."""

from __future__ import annotations

import re
from typing import Any

from helder.audit.pages import HEADINGS, AuditPage
from helder.language.tokens import sentences

Blocks = list[tuple[str, str]]

# (section key, pattern on the lower-cased heading), first match wins; order matters: "Bezwaar tegen de aanvraag"
# is about objecting, "Aanvragen en meenemen" about what to bring, "Leges en termijnen" about costs.
RULES = {
    "nl": [
        ("about", r"^wat (?:is|zijn|houdt|betekent)\b|^over (?:de|het|deze)\b|^omschrijving|^inleiding|^algemeen$"),
        ("objection", r"\bbezwaar|\bberoep\b|niet eens|niet tevreden|\bklacht|zienswijze"),
        ("costs", r"\bkost|kosten\b|\btarie|\bleges|\bprijs|\bprijzen|\bbetal|eigen bijdrage|wat betaalt|"
                  r"naheffingsaanslag|\baanslag\b|hoeveel"),
        ("duration", r"hoe lang|\bduur(?:t)?\b|(?:beslis|afhandel|behandel|lever)termijn|^termijn|termijnen\b|"
                     r"wanneer (?:krijg|hoor)|levertijd|^levering|afhandeling|wachtlijst|wachttijd"),
        ("documents", r"meenemen|neemt u mee|mee te nemen|nodig (?:heeft|hebt)|wat (?:heeft|hebt) u nodig|benodigd|"
                      r"documenten|bewijsstukken|\bstukken\b|pasfoto"),
        ("who", r"voorwaarde|wie (?:kan|komt|is|wordt|mag)|voor wie|aanmerking|recht op|doelgroep|plichtig\b"),
        ("apply", r"aanvra|\bvraagt? (?:u |je )?(?:\w+ )?aan\b|aanmeld|\bmeldt? (?:u |je )?(?:\w+ )?aan\b|"
                  r"^hoe (?:doet|dient|wordt|werkt|meldt|regelt|vraagt|geeft)|^(?:\w+ )?melden\b|melden bij|"
                  r"melding (?:doen|maken)|regelen|afspraak|zo (?:doet|werkt|regelt)|werkwijze|^procedure|"
                  r"indienen|^stappen|stappenplan"),
        ("contact", r"^contact|vragen\?|vraag of opmerking|meer informatie|^bel(?:len)?\b|^mail(?:en)?\b|"
                    r"langs(?:komen)?\b|\bloket\b|openingstijden|brief sturen|hulp nodig\?"),
    ],
    "en": [
        ("about", r"^what (?:is|are)\b|^about\b|^overview|^introduction"),
        ("objection", r"appeal|\bobject|complain|challenge|disagree|review (?:of|a) decision"),
        ("costs", r"\bcost|\bfees?\b|\bprices?\b|\bcharges?\b|how much|\bpay(?:ing|ment)?\b|\brates?\b"),
        ("duration", r"how long|when will|timescale|processing time|waiting (?:time|list)|decision time|"
                     r"how quickly"),
        ("documents", r"what you need|what to bring|documents|evidence|proof of|\bbring\b|supporting information"),
        ("who", r"eligib|who can|conditions|who qualifies|who is|criteria|can i get|entitled"),
        ("apply", r"\bapply|application|how to|\bregist|^report|report it|\bbook(?:ing)?\b|next steps|^steps"),
        ("contact", r"^contact|get in touch|more information|^call\b|^e-?mail|opening (?:hours|times)|visit us|"
                    r"^questions\?|^help\b"),
    ],
}

# Sentences of a page without headings, by what they say. A sentence goes to a section only when exactly one of
# these matches it; anything ambiguous stays in "Wat is het".
SENTENCE_RULES = {
    "nl": [
        ("costs", r"€\s?\d|\beuro\b|\bkost(?:en|t)?\b|\bleges\b|\btarief|\beigen bijdrage\b|\bgratis\b"),
        ("duration", r"\bbinnen \d+ (?:werk)?(?:dagen|weken|maanden)\b|\bduurt\b|\bbeslistermijn|\blevertijd"),
        ("documents", r"\bmeenemen\b|\bneemt? (?:u |je )?(?:\w+ ){0,4}mee\b|\bnodig (?:heeft|hebt)\b"),
        ("objection", r"\bbezwaar\b|\bberoep\b"),
        ("who", r"\bvoorwaarde|\bin aanmerking\b|\brecht op\b|\bu moet (?:\w+ ){0,4}(?:zijn|wonen|hebben)\b"),
        ("apply", r"\baanvra(?:ag|gen)\w*|\bvraagt? (?:u |je )?(?:\w+ ){0,4}aan\b|\bmeld(?:t|en)\b|"
                  r"\baanmeld\w*|\bmaakt? (?:u |je )?(?:\w+ ){0,4}afspraak\b"),
        ("contact", r"\(0\d{2,3}\)|\b0\d{2,3}[ -]\d|\bbel\b|\bmail\b|@"),
    ],
    "en": [
        ("costs", r"[£€$]\s?\d|\bcosts?\b|\bfees?\b|\bfree of charge\b"),
        ("duration", r"\bwithin \d+ (?:working )?(?:days|weeks|months)\b|\btakes? (?:up to )?\d+"),
        ("documents", r"\bbring\b|\byou(?:'ll| will) need\b|\bproof of\b"),
        ("objection", r"\bappeal\b|\bobject(?:ion)?\b"),
        ("who", r"\beligib|\byou must (?:\w+ ){0,4}(?:be|live|have)\b|\bentitled\b"),
        ("apply", r"\bapply\b|\bapplication\b|\breport it\b|\bbook an?\b|\bregister\b"),
        ("contact", r"\bcall\b|\bphone\b|\bemail\b|@|\b0\d{3,4} ?\d"),
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
    """The standard section a source heading belongs to, or None when it is about something else."""
    text = " ".join(heading.lower().split())
    for key, pattern in RULES[language]:
        if re.search(pattern, text):
            return key
    return None


def classify_sentence(sentence: str, language: str) -> str | None:
    """The section one sentence clearly belongs to: exactly one rule matches, else None (stays in "about")."""
    text = sentence.lower()
    keys = {key for key, pattern in SENTENCE_RULES[language] if re.search(pattern, text)}
    return keys.pop() if len(keys) == 1 else None


def split_sections(page: AuditPage, language: str) -> dict[str, Any]:
    """Group the source blocks under the standard sections; unrecognised headings keep their own name (under
    "other", as (heading, blocks) pairs). A page without headings is sorted sentence by sentence where safe."""
    sections: dict[str, Any] = {"other": []}
    current: Blocks = sections.setdefault("about", [])
    has_headings = any(kind in HEADINGS and kind != "h1" for kind, _ in page.blocks)
    for kind, text in page.blocks:
        if kind == "h1":
            continue
        if kind in HEADINGS:
            key = classify(text, language)
            if key is None:
                current = []
                sections["other"].append((text, current))
            else:
                current = sections.setdefault(key, [])
            continue
        current.append((kind, text))
    if not has_headings:
        sections.update(sort_sentences(sections.pop("about"), language))
    if "apply" in sections:
        sections["apply"] = as_steps(sections["apply"], language)
    return sections


def sort_sentences(blocks: Blocks, language: str) -> dict[str, Blocks]:
    """Paragraph sentences to the section each clearly belongs to, in their order. The first sentence stays in
    "about" (it says what the page is about), and a list stays with the sentence that introduces it."""
    sorted_: dict[str, Blocks] = {"about": []}
    target = "about"
    for kind, text in blocks:
        if kind != "p":
            sorted_.setdefault(target, []).append((kind, text))  # a list follows its introducing sentence
            continue
        kept: dict[str, list[str]] = {}
        for span in sentences(text, language):
            key = classify_sentence(span.text, language) if sorted_["about"] or kept else None
            target = key or "about"
            kept.setdefault(target, []).append(span.text)
        for key, parts in kept.items():
            sorted_.setdefault(key, []).append(("p", " ".join(parts)))
    return {key: value for key, value in sorted_.items() if value}


def as_steps(blocks: Blocks, language: str) -> Blocks:
    """"Zo vraagt u het aan" as numbered steps: the source's own ordered list when it has one, else each sentence
    of its paragraphs a step. A section with a bulleted list keeps its form: its sentences may not be steps."""
    if any(kind in ("ol", "ul") for kind, _ in blocks):
        return blocks
    steps = [("ol", span.text) for _, text in blocks for span in sentences(text, language)]
    return steps if len(steps) >= 2 else blocks
