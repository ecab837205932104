"""The feedback widget ("Heeft deze pagina u geholpen?") and the consent it needs, as Material's `extra` settings.

Off unless the workspace names a GA4 property or its own endpoint in `[site]`; when on, Material asks for consent
first and only then shows the widget and sends anything.
"""

from __future__ import annotations

from typing import Any

from helder.config import SiteSettings

_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "title_u": "Heeft deze pagina u geholpen?",
        "title_je": "Heeft deze pagina je geholpen?",
        "yes": "Ja, deze pagina heeft geholpen",
        "no": "Nee, deze pagina kan beter",
        "thanks_u": "Bedankt voor uw antwoord.",
        "thanks_je": "Bedankt voor je antwoord.",
        "sorry_u": "Bedankt. Met uw antwoord maken we deze pagina beter.",
        "sorry_je": "Bedankt. Met je antwoord maken we deze pagina beter.",
        "consent_title": "Mogen we meten hoe deze site gebruikt wordt?",
        "consent_u": "Als u dat goed vindt, onthouden we wat u zoekt en of een pagina u heeft geholpen. "
                     "Zo maken we de pagina's beter. U kunt dit later weer uitzetten.",
        "consent_je": "Als je dat goed vindt, onthouden we wat je zoekt en of een pagina je heeft geholpen. "
                      "Zo maken we de pagina's beter. Je kunt dit later weer uitzetten.",
        "cookie": "Zoekwoorden en antwoorden op 'Heeft deze pagina geholpen?'",
    },
    "en": {
        "title_u": "Was this page helpful?",
        "title_je": "Was this page helpful?",
        "yes": "Yes, this page helped",
        "no": "No, this page could be better",
        "thanks_u": "Thank you for your answer.",
        "thanks_je": "Thank you for your answer.",
        "sorry_u": "Thank you. Your answer helps us improve this page.",
        "sorry_je": "Thank you. Your answer helps us improve this page.",
        "consent_title": "May we measure how this site is used?",
        "consent_u": "If you agree, we record what you search for and whether a page helped you, so that we can "
                     "improve the pages. You can switch this off again later.",
        "consent_je": "If you agree, we record what you search for and whether a page helped you, so that we can "
                      "improve the pages. You can switch this off again later.",
        "cookie": "Searches and answers to 'Was this page helpful?'",
    },
}


def feedback_extra(settings: SiteSettings, language: str, address: str = "u") -> dict[str, Any]:
    """Material's `extra.analytics` (with its feedback widget) and `extra.consent`; empty when feedback is off."""
    if not settings.feedback:
        return {}
    t = _LABELS[language]
    analytics: dict[str, Any] = (
        {"provider": "google", "property": settings.analytics_property}
        if settings.analytics_property
        else {"provider": "helder", "endpoint": settings.feedback_endpoint}
    )
    analytics["feedback"] = {
        "title": t[f"title_{address}"],
        "ratings": [
            {"icon": "material/thumb-up-outline", "name": t["yes"], "data": 1, "note": t[f"thanks_{address}"]},
            {"icon": "material/thumb-down-outline", "name": t["no"], "data": 0, "note": t[f"sorry_{address}"]},
        ],
    }
    consent = {
        "title": t["consent_title"],
        "description": t[f"consent_{address}"],
        "cookies": {"analytics": {"name": t["cookie"], "checked": True}},  # Accept and Reject are both one click
        "actions": ["accept", "reject", "manage"],
    }
    return {"analytics": analytics, "consent": consent}
