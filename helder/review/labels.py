"""Wording of the review workbook and CSV files per workspace language, and the decision words both accept."""

from __future__ import annotations

# Stored decision → the word a reviewer picks, per language. Import accepts the words of either language.
DECISION_WORDS = {
    "nl": {"akkoord": "akkoord", "afgewezen": "afgewezen", "aangepast": "aangepast"},
    "en": {"akkoord": "accepted", "afgewezen": "rejected", "aangepast": "edited"},
}
KIND_WORDS = {"nl": {"term": "term", "candidate": "kandidaat"}, "en": {"term": "term", "candidate": "candidate"}}

SHEETS = {
    "nl": {"summary": "Samenvatting", "terms": "Termen", "pages": "Pagina's", "tasks": "Taken",
           "candidates": "Kandidaten"},
    "en": {"summary": "Summary", "terms": "Terms", "pages": "Pages", "tasks": "Tasks", "candidates": "Candidates"},
}

COLUMNS = {
    "nl": {
        "term": "Term", "plain": "Gewoon woord", "proposal": "Voorstel", "decision": "Beslissing",
        "own_plain": "Eigen alternatief", "reviewer": "Beoordelaar", "date": "Datum", "kind": "Soort",
        "alternatives": "Alternatieven", "category": "Categorie", "occurrences": "Vindplaatsen",
        "pages": "Pagina's", "impressions": "Vertoningen", "queries": "Wat inwoners zoeken",
        "example": "Voorbeeldzin", "example_page": "Voorbeeldpagina", "explanation": "Uitleg", "source": "Bron",
        "title": "Titel", "url": "Adres", "section": "Thema", "readability": "Leesbaarheid", "words": "Woorden",
        "sentences": "Zinnen", "avg_sentence_length": "Woorden per zin", "long_sentence_share": "Lange zinnen",
        "long_word_share": "Lange woorden", "jargon": "Jargon", "jargon_per_100_words": "Jargon per 100 woorden",
        "query_count": "Zoekopdrachten", "clicks": "Klikken", "task": "Taak", "official_title": "Officiële naam",
        "residents_say": "Inwoners zeggen", "missing_words": "Woorden die de pagina mist",
        "found_share": "Gevonden in top 3", "rank": "Plaats in zoekresultaat", "zipf": "Zipf-frequentie",
        "in_queries": "In zoekopdrachten", "score": "Score", "item": "Onderdeel", "value": "Waarde",
        "current_plain": "Huidig alternatief",
    },
    "en": {
        "term": "Term", "plain": "Plain word", "proposal": "Proposal", "decision": "Decision",
        "own_plain": "Own alternative", "reviewer": "Reviewer", "date": "Date", "kind": "Kind",
        "alternatives": "Alternatives", "category": "Category", "occurrences": "Occurrences", "pages": "Pages",
        "impressions": "Impressions", "queries": "What residents search for", "example": "Example sentence",
        "example_page": "Example page", "explanation": "Explanation", "source": "Source", "title": "Title",
        "url": "Address", "section": "Theme", "readability": "Readability", "words": "Words",
        "sentences": "Sentences", "avg_sentence_length": "Words per sentence",
        "long_sentence_share": "Long sentences", "long_word_share": "Long words", "jargon": "Jargon",
        "jargon_per_100_words": "Jargon per 100 words", "query_count": "Queries", "clicks": "Clicks",
        "task": "Task", "official_title": "Official name", "residents_say": "Residents say",
        "missing_words": "Words the page lacks", "found_share": "Found in top 3", "rank": "Search result rank",
        "zipf": "Zipf frequency", "in_queries": "In queries", "score": "Score", "item": "Item", "value": "Value",
        "current_plain": "Current alternative",
    },
}

CANDIDATE_KINDS = {"nl": {"rare word": "zeldzaam woord", "abbreviation": "afkorting"},
                   "en": {"rare word": "rare word", "abbreviation": "abbreviation"}}
# The lexicon category an accepted candidate gets: categories the shipped lexicons already use.
CANDIDATE_CATEGORIES = {"nl": {"rare word": "formeel", "abbreviation": "afkorting"},
                        "en": {"rare word": "formal", "abbreviation": "abbreviation"}}

SUMMARY = {
    "nl": {
        "municipality": "Gemeente", "made": "Gemaakt op", "pages": "Pagina's onderzocht",
        "median_readability": "Mediane leesbaarheid", "worst_readability": "Slechtste leesbaarheid",
        "formula": "Leesbaarheidsformule", "terms": "Jargontermen gevonden", "occurrences": "Vindplaatsen",
        "queries": "Zoekopdrachten van inwoners gekoppeld aan pagina's", "tasks": "Taken van inwoners",
        "candidates": "Kandidaten (mogelijk jargon)", "decided": "Termen en kandidaten met een beslissing",
        "reviewer": "Beoordelaar",
        "how": "Zo werkt het",
        "how_text": ("Kies per term of kandidaat een beslissing (akkoord, afgewezen of aangepast). Bij aangepast "
                     "schrijft u uw eigen woord in de kolom Eigen alternatief. Vul hierboven uw naam in, of per "
                     "rij in de kolom Beoordelaar. Laat Datum leeg: dan geldt de datum waarop u het bestand "
                     "opslaat. Lees het bestand daarna in met: helder review import jargon.xlsx"),
    },
    "en": {
        "municipality": "Municipality", "made": "Generated on", "pages": "Pages audited",
        "median_readability": "Median readability", "worst_readability": "Worst readability",
        "formula": "Readability formula", "terms": "Jargon terms found", "occurrences": "Occurrences",
        "queries": "Residents' queries tied to pages", "tasks": "Residents' tasks",
        "candidates": "Candidates (possible jargon)", "decided": "Terms and candidates with a decision",
        "reviewer": "Reviewer",
        "how": "How it works",
        "how_text": ("Choose a decision per term or candidate (accepted, rejected or edited). For edited, write your "
                     "own words in the Own alternative column. Fill in your name above, or per row in the Reviewer "
                     "column. Leave Date empty: the date you save the file counts. Then read the file back with: "
                     "helder review import jargon.xlsx"),
    },
}


def decision_from_word(word: str) -> str | None:
    """The stored decision for a reviewer's word in either language (any case); None when it is not one."""
    return _stored_key(word, DECISION_WORDS)


def kind_from_word(word: str) -> str | None:
    return _stored_key(word, KIND_WORDS)


def header_key(label: str) -> str | None:
    """The column key for a header in either language (any case), so a Dutch workbook imports in English too."""
    return _stored_key(label, COLUMNS)


def _stored_key(shown: str, labels: dict[str, dict[str, str]]) -> str | None:
    """The key whose label, in any language, is `shown` (any case and surrounding space)."""
    wanted = shown.strip().lower()
    return next((key for language in ("nl", "en") for key, label in labels[language].items()
                 if label.lower() == wanted), None)

