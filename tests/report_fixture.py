"""A small audited workspace for the report tests: known pages (one hostile), search terms and review decisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from helder.audit.run import run_audit
from helder.config import Workspace
from tests.helpers import HULP_PAGE, SITE, only_test_lexicon, store_terms, store_urls

# Crawled text that tries to run script in the report: every attempt sets window.__pwned or the title.
HOSTILE = [
    ("h1", "Leges <script>window.__pwned = 'h1'; document.title = 'pwned'</script>"),
    ("p", "Leges <img src=x onerror=\"window.__pwned = 'img'\"> <a href=\"javascript:window.__pwned = 'a'\">"
          "klik</a> javascript:window.__pwned='tekst'."),
    ("p", "Indien u bezwaar maakt dan betaalt u geen leges."),
]
GROFVUIL = [
    ("h1", "Grofvuil laten ophalen"),
    ("p", "Wij verstrekken een afspraak indien u grofvuil heeft."),
    ("p", "U zet het grofvuil buiten."),
]
PARKEREN = [
    ("h1", "Parkeervergunning"),
    ("p", "U betaalt leges voor een vergunning en wij verstrekken de vergunning binnen een week nadat u die bij "
          "het loket van de gemeente in het stadhuis of via de website met uw DigiD heeft aangevraagd en betaald."),
    ("p", "Dat gaat snel."),
]
# A page whose address itself is a script: only http(s) addresses may ever become a link.
SCRIPT_URL = "javascript:window.__pwned='url'"
DECISIONS = """term,kind,decision,plain,reviewer,decided_at
leges,term,akkoord,,Anna,2026-11-10T09:00:00
indien,term,aangepast,als het zo is,Bram,2026-11-11T09:00:00
verstrekken,term,afgewezen,,Anna,2026-11-12T09:00:00
"""


def audited(ws: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, decisions: bool = True) -> Workspace:
    only_test_lexicon(monkeypatch, tmp_path)
    store_urls(ws, {SITE + "/zorg/hulp": HULP_PAGE, SITE + "/afval/kwaad": HOSTILE,
                    SITE + "/afval/grofvuil": GROFVUIL, SITE + "/parkeren/vergunning": PARKEREN,
                    SCRIPT_URL: [("h1", "Raar adres"), ("p", "Hier betaalt u leges.")]})
    store_terms(ws, [("hulp in huis", "/zorg/hulp", 3, 90), ("<b>vet</b> zoeken", "/afval/kwaad", 1, 10),
                     ("grofvuil ophalen", "/afval/grofvuil", 5, 50), ("grofvuil", "/afval/grofvuil", 2, 20),
                     ("parkeervergunning", "/parkeren/vergunning", 4, 40)])
    if decisions:
        (ws.root / "review").mkdir(exist_ok=True)
        (ws.root / "review" / "decisions.csv").write_text(DECISIONS, encoding="utf-8")
    run_audit(ws, show_progress=False)
    return ws


def write_task_page(ws: Workspace, path: str, title: str, source: str, body: str) -> Path:
    """A generated task page as `helder generate` writes it: front matter naming its source page."""
    file = ws.content_dir / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"---\ntitle: {title}\nhelder:\n  task: {title.lower()}\n  theme: {path.split('/')[0]}\n"
                    f"  sources:\n  - url: {SITE}{source}\n    crawled: '2026-11-01'\n  readability_after: 71.5\n"
                    f"---\n\n{body}\n", encoding="utf-8")
    return file
