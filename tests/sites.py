"""A scriptable web server on 127.0.0.1 for crawler tests: routes are Python functions, every request is logged.

    with ScriptedSite({"/": page("Home", links=["/a"]), "/a": page("A")}) as site:
        site.url("/a")   # http://127.0.0.1:PORT/a
        site.requests    # [(monotonic time, method, path, headers), ...]
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Response = tuple[int, dict[str, str], bytes]
Route = Callable[[dict[str, str], str], Response]  # (request headers, full path with query) -> response


def html(body: str, title: str = "Pagina", lang: str = "nl", head: str = "") -> str:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
            f"<body><header><nav><a href=\"/\">Home</a></nav></header><main><h1>{title}</h1>{body}</main>"
            f"<footer>Gemeente Teststad</footer></body></html>")


def page(title: str, text: str = "", links: list[str] = (), head: str = "", **headers: str) -> Route:
    """A page whose main text is `text` (or a sentence naming it) with content links."""
    anchors = "".join(f'<p><a href="{href}">Lees meer over {href}</a></p>' for href in links)
    body = f"<p>{text or f'Dit is de pagina {title} van de gemeente Teststad.'}</p>{anchors}"
    data = html(body, title, head=head).encode("utf-8")
    return static(data, "text/html; charset=utf-8", **headers)


def static(data: bytes, content_type: str, status: int = 200, **headers: str) -> Route:
    extra = {k.replace("_", "-"): v for k, v in headers.items()}
    return lambda request_headers, path: (status, {"Content-Type": content_type, **extra}, data)


def redirect(location: str, status: int = 301) -> Route:
    return lambda request_headers, path: (status, {"Location": location, "Content-Type": "text/html"}, b"")


def conditional(data: bytes, etag: str, last_modified: str = "Mon, 02 Nov 2026 09:00:00 GMT") -> Route:
    """Answers 304 Not Modified to a request that names the current ETag."""
    def route(request_headers: dict[str, str], path: str) -> Response:
        if request_headers.get("if-none-match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"Content-Type": "text/html; charset=utf-8", "ETag": etag, "Last-Modified": last_modified}, data
    return route


@dataclass
class ScriptedSite:
    routes: dict[str, Route]
    prefixes: dict[str, Route] = field(default_factory=dict)  # path prefix → route, for endless URL families
    delay: float = 0.0  # seconds per response, to make a crawl slow enough to interrupt
    requests: list[tuple[float, str, str, dict[str, str]]] = field(default_factory=list)

    def __enter__(self) -> ScriptedSite:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                site.requests.append((time.monotonic(), "GET", self.path, headers))
                # The full path with its query first, then the path alone, then the prefix families.
                route = site.routes.get(self.path) or site.routes.get(self.path.split("?")[0])
                if route is None:
                    route = next((r for prefix, r in site.prefixes.items() if self.path.startswith(prefix)), None)
                if site.delay:
                    time.sleep(site.delay)
                status, response_headers, body = route(headers, self.path) if route else (
                    404, {"Content-Type": "text/html"}, b"<html><body><main>Niet gevonden</main></body></html>")
                self.send_response(status)
                for name, value in response_headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str = "/") -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [path for _, _, path, _ in self.requests]
