"""Task page titles: the residents' most-searched words, led by the verb of what they want to get done.

The verb comes from evidence, never from a guess: the task's own queries ("schoonmaakhulp aanvragen") and the
source page's headings and sentences ("Een aanvraag indienen", "Hoe meldt u het?"). A task that already has a
verb, asks a question or describes a state ("kliko kapot") keeps its own words. Names keep the source's spelling
("DigiD", "CAK"), and a title longer than 65 characters is cut at a word boundary.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from helder.publish.sections import classify

TITLE_LIMIT = 65


@dataclass(frozen=True)
class Verb:
    phrase: str  # as it goes into the title
    evidence: str  # regex over lower-cased source text and queries: the verb in any of its forms
    words: tuple[str, ...]  # the forms that mean the task already carries this verb


NL_VERBS = [
    Verb("aanvragen", r"\baanvra(?:ag|gen|agt)\w*|\bvraa?g(?:t|en)?\b(?:\s+\w+){0,5}\s+aan\b",
         ("aanvragen", "aanvraag", "vraag", "vragen")),
    Verb("melden", r"(?<!aan)\bmeld(?:en|t|ing\w*)?\b", ("melden", "melding", "meld", "doorgeven")),
    Verb("aanmelden", r"\baanmeld\w*|\bmeld(?:t|en)?\b(?:\s+\w+){0,5}\s+aan\b", ("aanmelden", "aanmelding")),
    Verb("ophalen", r"\bophalen\b|\bopgehaald\b|\bha(?:a)?l(?:t|en)?\b(?:\s+\w+){0,5}\s+op\b",
         ("ophalen", "afhalen", "halen", "weghalen")),
    Verb("betalen", r"\bbetal(?:en|ing)\b|\bbetaa(?:l|lt|ld)\b", ("betalen", "betaal", "betaling", "terugbetalen")),
    Verb("doorgeven", r"\bdoorge(?:ven|geven)\b|\bgeeft?\b(?:\s+\w+){0,5}\s+door\b", ("doorgeven",)),
    Verb("aangeven", r"\baangifte\b|\baangeven\b", ("aangeven", "aangifte")),
    Verb("verlengen", r"\bverleng\w*", ("verlengen", "verlenging")),
    Verb("omruilen", r"\bomruil\w*|\bruil(?:t|en)?\b(?:\s+\w+){0,5}\s+om\b", ("omruilen", "ruilen")),
    Verb("opzeggen", r"\bopzeg\w*|\bzeg(?:t|gen)?\b(?:\s+\w+){0,5}\s+op\b", ("opzeggen",)),
]
EN_VERBS = [
    Verb("apply for", r"\bappl(?:y|ies|ying|ication)\b", ("apply", "application", "applying")),
    Verb("report", r"\breport(?:s|ing)?\b", ("report", "reporting")),
    Verb("pay", r"\bpa(?:y|ys|ying|yment|id)\b", ("pay", "payment", "paying")),
    Verb("renew", r"\brenew\w*", ("renew", "renewal", "renewing")),
    Verb("register", r"\bregist(?:er|ers|ering|ration)\b", ("register", "registration")),
    Verb("book", r"\bbook(?:s|ing)?\b", ("book", "booking")),
]
VERBS = {"nl": NL_VERBS, "en": EN_VERBS}

# Words that mean the task already reads as a sentence: a verb, a question, a state. Adding a verb would break it.
NOT_A_NOUN_PHRASE = {
    "nl": {"hoe", "wat", "waar", "wanneer", "wie", "welke", "waarom", "ik", "mijn", "kan", "mag", "moet", "kapot",
           "kwijt", "nodig", "niet", "tekort", "nu", "maken", "regelen", "worden", "krijgen", "zoeken", "kappen",
           "verhuizen", "inburgeren", "trouwen", "stemmen", "parkeren", "bouwen", "verbouwen", "opvragen",
           "openingstijden", "checklist", "indienen", "laten", "bezwaar", "wmo"},
    "en": {"how", "what", "where", "when", "who", "which", "why", "i", "my", "can", "must", "broken", "lost",
           "need", "not", "get", "find", "make", "move", "moving", "opening", "times"},
}
QUESTION_WORDS = {"nl": {"hoe", "wat", "waar", "wanneer", "wie", "welke", "waarom"},
                  "en": {"how", "what", "where", "when", "who", "which", "why", "can"}}
# The municipality collects, the resident has it collected: "grofvuil ophalen" → "grofvuil laten ophalen".
LET_QUERIES = r"\blaten\s+(?:op|weg)\s?halen\b|\bweg\s+laten\s+halen\b"
LET_TEXT = (r"\b(?:wij|we|gemeente)\s+(?:halen|haalt)\b|\bhalen\s+wij\b"
            r"|\b(?:door|namens)\s+de\s+gemeente\b[^.]*\bingezameld")
MIN_EVIDENCE = 3


def make_title(task: str, queries: Iterable[str], headings: Iterable[str], text: Iterable[str],
               language: str) -> str:
    """The page title: the task's words with a verb where the evidence gives one, names spelt as the source."""
    headings, text, queries = list(headings), list(text), [q for q in queries if q]
    words = task.split()
    spelling = special_spellings([*headings, *text])
    lowered = [w.lower() for w in words]
    if lowered and lowered[0] in QUESTION_WORDS[language]:
        title = spell(words, spelling, [*headings, *text]) + "?"
        return shorten(_capital(title))
    verb = choose_verb(lowered, queries, headings, text, language)
    phrase = spell(words, spelling, [*headings, *text])
    if verb is not None:
        phrase = _with_verb(phrase, verb, [*headings, *text], language)
    elif language == "nl" and lowered and lowered[-1] == "ophalen" and _lets_collect(queries, text):
        phrase = " ".join([*phrase.split()[:-1], "laten ophalen"])
    return shorten(_capital(phrase))


def is_noun_phrase(task: str, language: str) -> bool:
    """Whether the task names a thing ("hulp in huis") rather than a sentence, question or action ("kliko kapot",
    "paspoort aanvragen"): only a thing can stand in for the official name inside the page's sentences."""
    lowered = task.lower().split()
    if any(w in NOT_A_NOUN_PHRASE[language] or w in QUESTION_WORDS[language] for w in lowered):
        return False
    return not any(w in verb.words or re.search(verb.evidence, task.lower()) for verb in VERBS[language]
                   for w in lowered)


def choose_verb(task_words: list[str], queries: list[str], headings: list[str], text: list[str],
                language: str) -> Verb | None:
    """The verb with the most evidence in the task's queries (×2), the page's headings about applying (×3) and
    sentences (×1); none when the task already reads as a sentence or nothing reaches the threshold."""
    verbs = VERBS[language]
    if any(w in NOT_A_NOUN_PHRASE[language] for w in task_words):
        return None
    joined = " ".join(task_words)
    if any(w in verb.words for w in task_words for verb in verbs) or any(
            re.search(verb.evidence, joined) for verb in verbs):
        return None  # never add a verb the query already has
    headings = [h for h in headings if classify(h, language) == "apply"]  # not "Welke partijen melden …?"
    scores: Counter[str] = Counter()
    strong: Counter[str] = Counter()  # evidence from the residents and the headings, not body text alone
    for verb in verbs:
        pattern = re.compile(verb.evidence)
        strong[verb.phrase] += 2 * sum(1 for q in queries if pattern.search(q.lower()) and _shares_word(q, task_words))
        strong[verb.phrase] += 3 * sum(len(pattern.findall(h.lower())) for h in headings)
        scores[verb.phrase] = strong[verb.phrase] + sum(len(pattern.findall(t.lower())) for t in text)
    best = max(verbs, key=lambda v: scores[v.phrase])  # ties: the earlier, more common verb
    return best if scores[best.phrase] >= MIN_EVIDENCE and strong[best.phrase] >= 2 else None


def _shares_word(query: str, task_words: list[str]) -> bool:
    """A query about the same thing: it shares a word, or a word's first four letters, with the task."""
    stems = {w[:4] for w in task_words if len(w) >= 4}
    return any(w in task_words or w[:4] in stems for w in query.lower().split())


def _with_verb(phrase: str, verb: Verb, source: list[str], language: str) -> str:
    if language == "nl":
        return f"{phrase} {verb.phrase}"  # Dutch puts the infinitive last: "Paspoort aanvragen"
    lowered = phrase.lower()
    joined = " ".join(source).lower()
    article = next((a for a in ("a", "an") if re.search(rf"\b{a} {re.escape(lowered)}\b", joined)), "")
    return " ".join(p for p in (verb.phrase.capitalize(), article, phrase) if p)


def _lets_collect(queries: list[str], text: list[str]) -> bool:
    return (any(re.search(LET_QUERIES, q.lower()) for q in queries)
            or any(re.search(LET_TEXT, t.lower()) for t in text))


def spell(words: list[str], spelling: dict[str, str], source: list[str]) -> str:
    """The task's words as the source spells them: capitals ("DigiD"), and two words the source writes as one
    hyphenated name ("id kaart" → "ID-kaart")."""
    joined = " ".join(source)
    out: list[str] = []
    index = 0
    while index < len(words):
        if index + 1 < len(words):
            pair = re.search(rf"\b{re.escape(words[index])}-{re.escape(words[index + 1])}\b", joined, re.IGNORECASE)
            if pair:
                out.append(pair.group())
                index += 2
                continue
        out.append(spelling.get(words[index].lower(), words[index]))
        index += 1
    return " ".join(out)


def special_spellings(texts: Iterable[str]) -> dict[str, str]:
    """Words the source writes with capitals when not starting a sentence ("DigiD", "CAK", "Nederlandse"), by
    their lower case; a word the source also writes in lower case there keeps lower case."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        previous_end = 0
        for found in re.finditer(r"[\w][\w'-]*", text):
            word = found.group()
            # The last character before the word that is not a space (looking back only to the previous word).
            before = text[previous_end:found.start()].rstrip() or text[previous_end - 1:previous_end]
            previous_end = found.end()
            if not before or before[-1] in ".!?:":
                continue  # a capital at a sentence start says nothing about the word
            forms[word.lower()][word] += 1
    spelling = {}
    for lower, seen in forms.items():
        if lower not in seen:
            spelling[lower] = seen.most_common(1)[0][0]
    return spelling


def shorten(title: str, limit: int = TITLE_LIMIT) -> str:
    """At most `limit` characters, cut at a word boundary, never mid-word, without a dangling small word."""
    if len(title) <= limit:
        return title
    cut = title[:limit + 1].rsplit(" ", 1)[0] if " " in title[:limit + 1] else title[:limit]
    words = cut.rstrip(" ,;:-–").split()
    while len(words) > 1 and ((len(words[-1]) <= 3 and words[-1].islower()) or words[-1][-1] in ",;:-–("):
        words.pop()  # "Paspoort aanvragen voor de" → "Paspoort aanvragen voor" → …
    return " ".join(words)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
