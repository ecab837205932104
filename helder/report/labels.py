"""Report wording per workspace language."""

LABELS = {
    "nl": {
        "title": "Jargonrapport", "generated": "Gemaakt op", "summary": "Samenvatting",
        "pages_audited": "Pagina's onderzocht", "median_readability": "Mediane leesbaarheid",
        "worst_readability": "Slechtste leesbaarheid", "terms_found": "Jargontermen gevonden",
        "occurrences": "Vindplaatsen", "queries_on_pages": "Zoekopdrachten van inwoners gekoppeld aan pagina's",
        "terms": "Termen", "term": "Term", "plain": "Gewoon woord", "category": "Soort", "pages": "Pagina's",
        "residents_queries": "Wat inwoners zoeken", "examples": "Voorbeelden", "page": "Pagina",
        "readability": "Leesbaarheid", "jargon_per_100": "Jargon per 100 woorden", "words": "Woorden",
        "long_sentences": "Lange zinnen", "filter": "Filter op term, woord of soort",
        "explanation": "Uitleg", "sentence": "Zin", "matched": "Gevonden vorm", "source": "Bron",
        "alternatives": "Alternatieven", "page_urls": "Pagina-adressen", "findings_sheet": "Vindplaatsen",
        "sort_hint": "Klik op een kolomkop om te sorteren.",
        "higher_is_easier": "hoger is makkelijker; taalniveau B1 is ongeveer 60 of hoger",
    },
    "en": {
        "title": "Jargon report", "generated": "Generated on", "summary": "Summary",
        "pages_audited": "Pages audited", "median_readability": "Median readability",
        "worst_readability": "Worst readability", "terms_found": "Jargon terms found",
        "occurrences": "Occurrences", "queries_on_pages": "Residents' queries tied to pages",
        "terms": "Terms", "term": "Term", "plain": "Plain word", "category": "Category", "pages": "Pages",
        "residents_queries": "What residents search for", "examples": "Examples", "page": "Page",
        "readability": "Readability", "jargon_per_100": "Jargon per 100 words", "words": "Words",
        "long_sentences": "Long sentences", "filter": "Filter by term, word or category",
        "explanation": "Explanation", "sentence": "Sentence", "matched": "Matched form", "source": "Source",
        "alternatives": "Alternatives", "page_urls": "Page addresses", "findings_sheet": "Occurrences",
        "sort_hint": "Click a column header to sort.",
        "higher_is_easier": "higher is easier; plain English is about 60 or more",
    },
}
