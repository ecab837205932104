"""Shorter sentences and lists, without changing a fact.

A sentence over 20 words is split where the split cannot change what it says: at "; ", at ", maar " / ", but "
(the contrast word stays: "Maar …"), at ", en " / ", and " between two clauses, and in English at a closing
", which …" clause. Splits inside brackets or quotes, next to numbers, or that leave a part of fewer than five
words are not made. In Dutch, the part after ", en" must be a clause of its own: a finite verb among its first
eight words, not first (else it shares the subject before it: "…, en kan daarna …") and before any word that opens
a subordinate clause; after the lexicon makes "alsmede" "en", that part is often a phrase ("…, en door inzet van
camera's.", "…, en bankafschriften van de laatste 3 maanden."), which must not stand as a sentence. Only
connectives, punctuation and the first letter of a new sentence change, so every number, amount, date, time,
phone number, URL and name survives.

A Dutch sentence that still has no split may end in a relative clause after a comma ("…, waarbij u een formulier
moet invullen."). That clause becomes a main clause of its own: the relative word becomes the demonstrative
("die" → "Die", "dat"/"wat" → "Dat", "waar" → "Daar", "waarbij" → "Daarbij", "waarna" → "Daarna" …) and the
finite verb moves from the end of the clause to second place ("Daarbij moet u een formulier invullen."). No
other word is added, lost or moved. The split is only made when the finite verb is certain:

- the clause ends in its verb cluster and the finite verb is a known auxiliary form (`FINITE`; a plural form from
  `PLURAL` only when no singular one is there), or the clause's last word is its only verb and the lemmatizer
  (simplemma) makes it a finite form of a verb ("neemt" → "nemen"; "wonen" is a verb because "woont" → "wonen");
- the finite verb is not separable ("doorgeeft" would have to become "geeft … door": that changes a word);
- the clause holds no second clause (no "die", "dat", "als", "omdat", "welke" …; "en"/"of" only when no other
  word in the clause looks like a verb), no comma, colon, bracket left open or quotation;
- "dat" is relative only after a neuter noun phrase ("het formulier, dat …"); after "het is belangrijk" or a verb
  ("zorg ervoor, dat …") it is the conjunction and nothing is split.

Everything else stays as it is: a clause with a phrase after its verb ("…, die u kunt ophalen bij het loket"),
a clause in the middle of a sentence, a clause inside another, or a verb the lemmatizer does not know. Moving a
verb there could change what the sentence says, and an unsplit long sentence is better than a wrong one.

An enumeration after a colon ("U heeft nodig: a, b en c.") becomes a list.
"""

from __future__ import annotations

import re

from helder.language import get_language
from helder.language.tokens import sentences, words

LONG_SENTENCE = 20
MIN_PART = 5
# (separator pattern, what starts the second sentence: the connective to keep, or "" to drop it)
SPLITS = {
    "nl": [(r";\s+", ""), (r",\s+maar\s+", "maar "), (r",\s+en\s+", "")],
    "en": [(r";\s+", ""), (r",\s+but\s+", "but "), (r",\s+and\s+", ""), (r",\s+which\s+", "this ")],
}
AND = {"nl": "en", "en": "and"}
MAIN_VERB_WITHIN = 8  # words of a clause after ", en" in which its finite verb must stand


def _set(words_: str) -> frozenset[str]:
    return frozenset(words_.split())


# Relative clauses as main clauses (Dutch only): relative word → demonstrative that starts the new sentence.
_PREPOSITIONS = ("aan", "bij", "door", "in", "mee", "na", "naar", "onder", "op", "over", "tegen", "toe", "uit",
                 "van", "voor")
DEMONSTRATIVE = {
    "nl": {"die": "Die", "dat": "Dat", "wat": "Dat", "waar": "Daar"}
    | {f"waar{p}": f"Daar{p}" for p in _PREPOSITIONS},
}
# Finite forms only: in a clause-final verb cluster these are the finite verb for certain.
FINITE = {"nl": _set(
    "moet kan kunt mag wil wilt wordt werd werden is was waren ben bent heeft hebt had hadden zal zult zou zouden "
    "gaat ging gingen laat liet lieten hoeft hoefde hoefden blijft bleef bleven dient diende dienden moest moesten "
    "kon konden mocht mochten wilde wilden")}
# Plural present forms, which are also infinitives: the finite verb when first in the cluster and nothing singular.
PLURAL = {"nl": _set("moeten kunnen mogen willen worden zijn hebben zullen gaan laten hoeven blijven dienen")}
# Words that open a second clause (or coordinate two), after which the last verb may not be this clause's verb.
CLAUSE_WORDS = {"nl": _set(
    "die dat wat welke welk wie hoe of als omdat wanneer zodat voordat nadat totdat terwijl indien doordat zoals "
    "want maar tenzij mits zodra zolang ofwel hetgeen om")}
COORDINATORS = {"nl": _set("en wel alsmede")}  # "dan wel" = "of"; "of" itself may also be "whether": above
# A noun (phrase) follows these, so a verb form right after one of them is a noun or an infinitive.
NOT_BEFORE_FINITE = {"nl": _set(
    "de het een te uw mijn jouw je zijn haar hun onze ons deze dit alle elke iedere geen veel weinig enkele "
    "sommige andere aan bij door in met na naar om onder op over per tegen tot tussen uit van via voor vanaf "
    "sinds tijdens zonder binnen buiten volgens")}
# Verb forms the lemmatizer takes for another word ("staat" → the noun "staat").
MISSED_VERBS = {"nl": _set("staat staan")}
# Relative pronouns that are also demonstrative determiners ("die periode"), and what may follow one alone.
PRONOUNS = {"nl": _set("die dat wat")}
ADVERBS = {"nl": _set("ten ter direct meteen later jaarlijks maandelijks gratis persoonlijk schriftelijk digitaal")}
DETERMINER_WORDS = {"nl": _set("ander andere ene beide dezelfde diezelfde zelfde eerste laatste")}
ADJECTIVE_ENDS = ("lijk", "ig", "baar", "isch")  # "belangrijk, dat", "nodig, dat": not a noun before "dat"
# Neuter nouns that take a "dat" clause saying what they hold ("het bericht, dat …"): "dat" may be the conjunction.
CONTENT_NOUNS = {"nl": _set(
    "bericht besluit verzoek advies feit gevolg idee risico signaal vermoeden uitgangspunt doel principe nadeel "
    "voordeel probleem punt antwoord oordeel standpunt teken bewijs gevoel argument")}
NEUTER = {"nl": _set("het dit een elk ieder")}  # "dat" refers back only to a neuter noun
# Particles that split off a finite main verb ("aanvraagt" → "vraagt … aan"); "onder", "over", "voor" also
# start verbs that keep them ("ondersteunt"), which are then left alone too.
PARTICLES = {"nl": _set(
    "aan af bij binnen buiten door in langs mee na neer om onder op over plaats rond samen tegen terug thuis toe "
    "tussen uit vast voor voorbij vrij weg los deel kennis bekend")}
INSEPARABLE = ("be", "ge", "ver", "ont", "her", "er", "mis")  # participles without ge-: "betaald", "verstuurd"

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def split_long_sentences(text: str, language: str) -> str:
    """The block's text with every sentence over 20 words split where a safe split exists."""
    spans = sentences(text, language)
    if not spans:
        return text
    out, last = [], 0
    for span in spans:
        out.append(text[last:span.start])
        out.append(" ".join(split_sentence(span.text, language)))
        last = span.end
    out.append(text[last:])
    return "".join(out)


def split_sentence(sentence: str, language: str) -> list[str]:
    if len(words(sentence)) <= LONG_SENTENCE:
        return [sentence]
    for pattern, keep in SPLITS[language]:
        for found in re.finditer(pattern, sentence):
            left, right = sentence[:found.start()], sentence[found.end():]
            if not _safe(left, right, found.group(), language):
                continue
            first = left.rstrip() + "."
            second = _capital(keep + right) if keep else _capital(right)
            return [*split_sentence(first, language), *split_sentence(second, language)]
    split = _relative_split(sentence, language)
    if split:
        return [*split_sentence(split[0], language), split[1]]
    return [sentence]


def _safe(left: str, right: str, separator: str, language: str) -> bool:
    if len(words(left)) < MIN_PART or len(words(right)) < MIN_PART:
        return False
    if left.count("(") != left.count(")") or left.count('"') % 2 or left.count("“") != left.count("”"):
        return False  # inside brackets or a quotation
    if re.match(r"\s*\d", right):
        return False  # "1, en 2": a list of numbers; a new sentence starting with a digit reads badly too
    if separator.strip(" ,").lower() == AND[language]:
        # "a, b, en c" is an enumeration, not two clauses: its left part ends in a comma list
        tail = left.rsplit(".", 1)[-1]
        if tail.count(",") >= 1 and all(len(p.split()) <= 3 for p in tail.split(",")[1:]):
            return False
    if separator.strip(" ,").lower() == AND[language] and not _main_clause(right, language):
        return False  # "…, en door inzet van camera's op plekken waar dumpingen voorkomen." has no verb of its own
    return right.rstrip()[-1:] in ".!?"  # the right part ends the sentence, so it can stand alone


def _main_clause(text: str, language: str) -> bool:
    """Whether a Dutch clause after ", en" can stand as a sentence: a finite verb among its first words (a main
    clause has it second, after a first phrase of a few words), before a word that opens a subordinate clause."""
    if language not in FINITE:
        return True  # English "and" joins clauses and lists alike, and its splits keep the subject: left as it was
    lowered = [w.lower() for w in _WORD.findall(text)]
    for index, word in enumerate(lowered[:MAIN_VERB_WITHIN]):
        if index and (word in CLAUSE_WORDS[language] or word in DEMONSTRATIVE[language]):
            return False  # the verbs from here on are the subordinate clause's
        if _main_clause_verb(word, lowered[index - 1] if index else "", language):
            return index > 0  # first, it shares the subject of the clause before: "…, en kan daarna …"
    return False


def _main_clause_verb(word: str, previous: str, language: str) -> bool:
    """A finite verb that can stand second in a main clause: not after an article or preposition ("de kosten",
    "te leggen"), not ending in -s ("gegevens"), not separable ("inzet" stands as "zet … in")."""
    if word in FINITE[language] or word in MISSED_VERBS[language]:
        return True
    if previous in NOT_BEFORE_FINITE[language]:
        return False
    if word in PLURAL[language]:
        return True
    return not word.endswith("s") and _finite_main_verb(word, language) and not _separable(word, language)


def _relative_split(sentence: str, language: str) -> tuple[str, str] | None:
    """("Main clause.", "Demonstrative finite-verb rest.") for a sentence ending in ", <relative word> … <verb>."."""
    demonstratives = DEMONSTRATIVE.get(language)
    commas = list(re.finditer(r",\s+", sentence))
    if not demonstratives or not commas:
        return None
    left, right = sentence[:commas[-1].start()], sentence[commas[-1].end():]  # the last comma: nothing after it
    pronoun, _, body = right.partition(" ")
    if pronoun not in demonstratives or not _safe(left, right, ", ", language) or body[-1:] not in (".", "!", "?"):
        return None
    if pronoun == "dat" and not _after_neuter_noun(left, language):
        return None  # "zorg ervoor, dat …", "het is belangrijk, dat …": the conjunction, not a relative pronoun
    if pronoun in PRONOUNS[language] and not _pronoun_alone(body.split(" ", 1)[0], language):
        return None  # "…, die periode … kan worden verdaagd": "die" goes with a noun, which would have to move too
    tokens, end = body[:-1].split(), body[-1]
    finite = _finite_verb(tokens, language)
    if finite is None:
        return None
    rest = tokens[:finite] + tokens[finite + 1:]
    return left.rstrip() + ".", " ".join([demonstratives[pronoun], tokens[finite], *rest]) + end


def _pronoun_alone(following: str, language: str) -> bool:
    """ "die u …", "die in …", "die wordt …": the pronoun stands alone; not so in "die periode …", where the verb
    would have to come after the noun. Without word classes, only a function word or verb form after it is sure."""
    word = following.lower()
    if word in ADVERBS[language] or _in_cluster(word, language):
        return True
    return word in get_language(language).stopwords and word not in DETERMINER_WORDS[language]


def _finite_verb(tokens: list[str], language: str) -> int | None:
    """The index of the clause's finite verb, when the clause ends in it (alone or in a cluster) for certain."""
    lowered = [t.lower() for t in tokens]
    if not lowered or not _WORD.fullmatch(lowered[-1]):
        return None  # the clause ends in a number, bracket or quotation, not in its verb
    if any(w.strip("()\"'“”‘’") in CLAUSE_WORDS[language] or w.startswith("waar") for w in lowered):
        return None  # a clause inside the clause: its verb may be the last one
    if any(c in t for t in tokens for c in ":;\"“”") or _brackets_open(tokens):
        return None
    start = _cluster_start(lowered, language)
    if any(w in FINITE[language] or w in PLURAL[language] for w in lowered[:start]):
        return None  # a finite verb before the end: a phrase follows the verb, or the clause is a main clause
    finite = _auxiliary(lowered, start, language)
    if finite is None:
        finite = _single_verb(lowered, language)
        others = lowered[:-1]
    else:
        coordinated = any(w in COORDINATORS[language] for w in lowered)
        others = [w for i, w in enumerate(lowered) if i < start] if coordinated else []
    if finite is None or any(_verbal(w, language) for w in others):
        return None  # another verb: two clauses joined by "en" or "of", or not the verb we think it is
    return finite


def _brackets_open(tokens: list[str]) -> bool:
    text = " ".join(tokens)
    return text.count("(") != text.count(")")


def _cluster_start(lowered: list[str], language: str) -> int:
    """Where the clause-final run of verb forms ("ingevuld moet worden", "moet invullen", "te betalen") starts."""
    start = len(lowered)
    while start and _in_cluster(lowered[start - 1], language):
        start -= 1
    return start


def _in_cluster(word: str, language: str) -> bool:
    if word in FINITE[language] or word in PLURAL[language] or word == "te":
        return True
    return word.isalpha() and (word.endswith("en") or _participle(word, language))


def _participle(word: str, language: str) -> bool:
    """ "ingevuld", "aangevraagd", "verstuurd": a verb form ending in -d/-t with ge- or an inseparable prefix."""
    lemma = get_language(language).lemma(word)
    if lemma == word or not lemma.endswith("en") or word[-1:] not in "dt":
        return False
    return word.startswith(INSEPARABLE) or "ge" in word[2:-2]


def _auxiliary(lowered: list[str], start: int, language: str) -> int | None:
    """The finite auxiliary in the final cluster: the one singular (or past) form, else the first plural form
    that does not follow "te" ("hoeven te betalen": "hoeven"; "wensen te laten zien" is not found)."""
    singular = [i for i in range(start, len(lowered)) if lowered[i] in FINITE[language]]
    if singular:
        return singular[0] if len(singular) == 1 else None
    for i in range(start, len(lowered)):
        if lowered[i] == "te":
            return None
        if lowered[i] in PLURAL[language]:
            return i
    return None


def _single_verb(lowered: list[str], language: str) -> int | None:
    """The last word, when it is the clause's one finite verb: "…, die in de gemeente wonen." / "… neemt."."""
    word = lowered[-1]
    if len(lowered) > 1 and lowered[-2] in NOT_BEFORE_FINITE[language]:
        return None  # "de kosten", "te betalen", "voor wonen": a noun or an infinitive, not a finite verb
    if not _finite_main_verb(word, language) or _separable(word, language):
        return None
    return len(lowered) - 1


def _finite_main_verb(word: str, language: str) -> bool:
    """ "neemt", "woont", "geldt", "woonde" (lemma is another, verb, form) or "wonen" (a plural: "woont" → it)."""
    if word in MISSED_VERBS[language]:
        return True
    lemma = get_language(language).lemma(word)
    if word.endswith("en"):
        return lemma == word and _is_infinitive(word, language)
    if lemma == word or not lemma.endswith("en") or "_" in lemma:
        return False
    return not word.endswith("d") and not (word.startswith("ge") and not lemma.startswith("ge"))


def _is_infinitive(word: str, language: str) -> bool:
    """A verb's infinitive (= its plural): its third person lemmatizes back to it ("wonen" ← "woont")."""
    stem = word[:-2]
    if len(stem) < 2:
        return False
    if stem[-1] == stem[-2] and stem[-1] not in "aeiou":
        stem = stem[:-1]  # zetten → zet
    stem = stem[:-1] + {"v": "f", "z": "s"}.get(stem[-1], stem[-1])  # leven → leef, reizen → reis
    if len(stem) >= 3 and stem[-1] not in "aeiou" and stem[-2] in "aeou" and stem[-3] not in "aeiou" \
            and word[len(stem) - 1] not in "aeiou" and word[len(stem):len(stem) + 1] in "aeiou":
        stem = stem[:-1] + stem[-2] + stem[-1]  # wonen → woon
    third = stem if stem.endswith("t") else stem + "t"
    return get_language(language).lemma(third) == word


def _separable(word: str, language: str) -> bool:
    """ "doorgeeft", "plaatsvindt", "aflost": as a main verb the particle would split off ("geeft … door")."""
    lang = get_language(language)
    lemma = lang.lemma(word)
    if "_" in lemma:
        return True
    return any(form.startswith(particle) and lang.is_word(form[len(particle):])
               for form in (word, lemma) for particle in PARTICLES[language] if len(form) > len(particle) + 2)


def _verbal(word: str, language: str) -> bool:
    """A word that may be a verb form: then the clause may hold a second verb, and the last one may not be its."""
    if word in FINITE[language] or word in PLURAL[language] or word in MISSED_VERBS[language]:
        return True
    if not word.isalpha():
        return False
    lemma = get_language(language).lemma(word)
    if word.endswith("en"):
        return lemma == word and _is_infinitive(word, language)
    return lemma != word and lemma.endswith("en")


def _after_neuter_noun(left: str, language: str) -> bool:
    """ "het formulier, dat": a noun right before the comma, with the article "het", "dit" or "een" at most three
    words back and no verb in or right before that phrase ("is het belangrijk, dat" is the conjunction)."""
    tail = [w.text.lower() for w in words(re.split(r"[,;:()]", left)[-1])]
    noun = tail[-1] if tail else ""
    if _verbal(noun, language) or noun in get_language(language).stopwords or noun.endswith(ADJECTIVE_ENDS):
        return False
    if noun.endswith(tuple(CONTENT_NOUNS[language])):
        return False  # "een bericht, dat uw aanvraag is ontvangen": what the message says, not a relative clause
    for back in range(2, min(5, len(tail)) + 1):
        word = tail[-back]
        if word in NEUTER[language]:
            return back == len(tail) or not _verbal(tail[-back - 1], language)
        if _verbal(word, language):
            return False
    return False


def _capital(text: str) -> str:
    """Capitalise a new sentence's first word only when it is an ordinary lower-case word ("iDEAL" stays)."""
    first = text.split(" ", 1)[0]
    if first.islower() and first.isalpha():
        return text[:1].upper() + text[1:]
    return text


ENUMERATION = re.compile(r"^(?P<intro>[^:]{3,120}):\s+(?P<items>[^:;()]+?)\.?$")


def enumeration(sentence: str, language: str) -> tuple[str, list[str]] | None:
    """("U heeft nodig:", ["a", "b", "c"]) for "U heeft nodig: a, b en c." — three or more short items."""
    found = ENUMERATION.match(sentence.strip())
    if not found:
        return None
    items_text = found.group("items")
    if re.search(r"\d,\d", items_text):
        return None  # a decimal comma ("€ 12,50") is not an item separator
    parts = [p.strip() for p in items_text.split(",")]
    last = re.split(rf"\s+{AND[language]}\s+", parts[-1])
    if len(last) != 2:
        return None
    parts = [*parts[:-1], *last]
    if len(parts) < 3 or any(not p or len(p.split()) > 6 for p in parts):
        return None
    return found.group("intro").strip() + ":", parts


def lists_from_enumerations(blocks: list[tuple[str, str]], language: str) -> list[tuple[str, str]]:
    """Paragraph sentences that enumerate become an introducing sentence and a bulleted list."""
    out: list[tuple[str, str]] = []
    for kind, text in blocks:
        if kind != "p":
            out.append((kind, text))
            continue
        spans = sentences(text, language)
        if not any(enumeration(span.text, language) for span in spans):
            out.append((kind, text))
            continue
        pending: list[str] = []
        for span in spans:
            found = enumeration(span.text, language)
            if found is None:
                pending.append(span.text)
                continue
            intro, items = found
            pending.append(intro)
            out.append(("p", " ".join(pending)))
            out.extend(("ul", item) for item in items)
            pending = []
        if pending:
            out.append(("p", " ".join(pending)))
    return out
