"""Site search in residents' words: how often the site's own search (Material for MkDocs, in headless Chromium)
puts the right page among the first three results, for every demo query and every official name, on the
generated site and on the old site's pages.

    .venv/bin/python benchmarks/site_search.py [WORKSPACE]

Without WORKSPACE it runs `helder demo` into a temporary folder first (about 30 s). Prints both figures and
the queries each site misses.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from helder.config import load_workspace
from helder.publish.search_check import build_old_site, chromium, measure, old_site_cases, site_cases


def main() -> None:
    if len(sys.argv) > 1:
        root = Path(sys.argv[1])
    else:
        root = Path(tempfile.mkdtemp(prefix="helder-search-")) / "demo"
        subprocess.run([sys.executable, "-m", "helder", "demo", str(root)], check=True, capture_output=True)
    ws = load_workspace(root)
    cases = site_cases(ws)
    old_cases = old_site_cases(ws, cases)
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        old_site = build_old_site(ws, Path(tmp) / "old")
        for label, site, wanted in (("new site", ws.site_dir, cases), ("old site", old_site, old_cases)):
            for kind in ("query", "official"):
                chosen = [c for c in wanted if c.kind == kind]
                score = measure(browser, site, chosen)
                what = "residents' queries" if kind == "query" else "official names"
                print(score.summary(f"{label}, {what}"))
                for case, top in score.misses[:15]:
                    print(f"    miss: {case.query!r} → want {case.expected}, got {top}")


if __name__ == "__main__":
    main()
