"""The demo municipality's website, served over real HTTP on 127.0.0.1 like a small CMS.

Pages are YAML front matter plus an HTML fragment (see PAGE-FORMAT.md); the server wraps each in the municipal
template (header, menu, breadcrumbs, cookie notice, footer) and also answers robots.txt, sitemap.xml, a
permanent redirect for an old address, PDF documents, and 404 for anything else.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import jinja2
import yaml

from helder.demo import WEBSITE


@dataclass
class DemoPage:
    path: str  # "/", "/afval/", "/afval/grofvuil"
    title: str
    description: str
    updated: str
    body: str
    theme: str = ""
    crumbs: list[dict[str, str]] = field(default_factory=list)
    children: list[dict[str, str]] = field(default_factory=list)


class DemoSite:
    """The CMS's content, loaded once from the package."""

    def __init__(self, root: Path = WEBSITE) -> None:
        self.root = root
        self.settings: dict[str, Any] = yaml.safe_load((root / "site.yml").read_text(encoding="utf-8"))
        env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
        self.template = env.from_string((root / "template.html").read_text(encoding="utf-8"))
        self.pages: dict[str, DemoPage] = {}
        for file in sorted((root / "pages").rglob("*.html")):
            page = _read_page(file, root / "pages")
            self.pages[page.path] = page
        self._link_pages()

    def _link_pages(self) -> None:
        for page in self.pages.values():
            if page.theme and page.path != f"/{page.theme}/":
                theme = self.pages.get(f"/{page.theme}/")
                if theme is not None:
                    page.crumbs = [{"path": "/", "title": "Home"}, {"path": theme.path, "title": theme.title}]
                    theme.children.append({"path": page.path, "title": page.title})
            elif page.path != "/":
                page.crumbs = [{"path": "/", "title": "Home"}]

    @property
    def menu(self) -> list[dict[str, str]]:
        return [{"path": f"/{t}/", "title": self.pages[f"/{t}/"].title}
                for t in self.settings["themes"] if f"/{t}/" in self.pages]

    def render(self, page: DemoPage) -> bytes:
        site = {**self.settings, "menu": self.menu}
        return self.template.render(page=page, site=site).encode("utf-8")

    def robots_txt(self, base: str) -> bytes:
        lines = ["User-agent: *", *(f"Disallow: {p}" for p in self.settings.get("robots_disallow", [])),
                 "", f"Sitemap: {base}/sitemap.xml", ""]
        return "\n".join(lines).encode()

    def sitemap_xml(self, base: str) -> bytes:
        hidden = tuple(self.settings.get("robots_disallow", []))
        urls = "".join(
            f"<url><loc>{base}{p.path}</loc><lastmod>{p.updated}</lastmod></url>"
            for p in self.pages.values() if not p.path.startswith(hidden))
        return ('<?xml version="1.0" encoding="UTF-8"?>'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>').encode()


def _read_page(file: Path, pages_root: Path) -> DemoPage:
    text = file.read_text(encoding="utf-8")
    _, front, body = text.split("---", 2)
    meta = yaml.safe_load(front)
    relative = file.relative_to(pages_root).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "index":
        parts.pop()
        path = "/" + "".join(f"{p}/" for p in parts)
    else:
        path = "/" + "/".join(parts)
    theme = parts[0] if len(parts) >= 1 and (pages_root / parts[0]).is_dir() else ""
    return DemoPage(path=path, title=str(meta["title"]), description=str(meta.get("description", "")),
                    updated=str(meta.get("updated", "2026-01-01")), body=body.strip(), theme=theme)


def _http_date(day: str) -> str:
    moment = datetime.combine(date.fromisoformat(day), time(9, 0))
    return formatdate(moment.timestamp(), usegmt=True)


class _Handler(BaseHTTPRequestHandler):
    site: DemoSite  # set on the subclass made by serve()
    server_version = "VoorbeeldstadCMS/1.0"

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        base = f"http://{self.headers.get('Host', '127.0.0.1')}"
        redirects: dict[str, str] = self.site.settings.get("redirects", {})
        if path in redirects:
            self._send(301, b"", "text/html", {"Location": base + redirects[path]}, send_body)
        elif path == "/robots.txt":
            self._send(200, self.site.robots_txt(base), "text/plain; charset=utf-8", {}, send_body)
        elif path == "/sitemap.xml":
            self._send(200, self.site.sitemap_xml(base), "application/xml", {}, send_body)
        elif path == "/assets/stijl.css":
            self._send(200, b"body{font-family:sans-serif}", "text/css", {}, send_body)
        elif path.startswith("/documenten/") and (self.site.root / path.lstrip("/")).is_file():
            self._send(200, (self.site.root / path.lstrip("/")).read_bytes(), "application/pdf", {}, send_body)
        elif (page := self.site.pages.get(path)) is not None:
            headers = {"Last-Modified": _http_date(page.updated)}
            self._send(200, self.site.render(page), "text/html; charset=utf-8", headers, send_body)
        else:
            missing = DemoPage(path=path, title="Pagina niet gevonden", description="", updated="2026-01-01",
                               body="<p>Deze pagina bestaat niet (meer). Gebruik de zoekfunctie of het menu.</p>")
            self._send(404, self.site.render(missing), "text/html; charset=utf-8", {}, send_body)

    def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str], send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # a quiet server: the crawl shows progress
        pass


@contextlib.contextmanager
def serve(site: DemoSite | None = None, port: int = 0) -> Iterator[str]:
    """Serve the demo website on 127.0.0.1 (a free port by default); yields its base URL."""
    handler = type("DemoHandler", (_Handler,), {"site": site or DemoSite()})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="demo-site", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
