"""The embedded demo municipality, Gemeente Voorbeeldstad: its website, its search data, and the `demo` run."""

from importlib.resources import files
from pathlib import Path

DEMO_ROOT = Path(str(files("helder.demo")))
WEBSITE = DEMO_ROOT / "website"
SEARCH_CONSOLE_EXPORT = DEMO_ROOT / "search-console"
PUBLIC_SITE = "https://www.voorbeeldstad.nl/"
NAME = "Gemeente Voorbeeldstad"
