"""Headless Chromium for tests: Debian's `chromium` driven through Playwright (no browser download), and axe-core.

`.ci/run` installs both: the Debian package and the npm package `axe-core` under `tests/.node/`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

# The flags every headless start uses: nothing may reach the network beyond 127.0.0.1.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

AXE_SCRIPT = Path(__file__).parent / ".node" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("Debian's chromium is not installed: run .ci/run, or apt-get install chromium")
    return path


def axe_violations(page) -> list[dict]:
    """Run axe-core in a loaded Playwright page; returns the violations (id, impact, nodes' targets)."""
    if not AXE_SCRIPT.exists():
        raise RuntimeError(f"{AXE_SCRIPT} is missing: run .ci/run, or npm install --prefix tests/.node axe-core")
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "targets": [n["target"] for n in v["nodes"]]} for v in result["violations"]]
