"""Real services for tests, started on free ports on 127.0.0.1 and stopped afterwards: Scrapyd and Redis."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


@contextlib.contextmanager
def scrapyd(folder: Path) -> Iterator[str]:
    pytest.importorskip("scrapyd")
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    (folder / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = {folder / 'eggs'}\n"
        f"logs_dir = {folder / 'logs'}\ndbs_dir = {folder / 'dbs'}\nitems_dir =\njobs_to_keep = 5\nmax_proc = 2\n"
        f"poll_interval = 0.5\n")
    daemon = subprocess.Popen([sys.executable, "-m", "scrapyd", "--pidfile", str(folder / "scrapyd.pid"), "-l",
                               str(folder / "scrapyd.log")], cwd=folder, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_port(port)
        yield url
    finally:
        _cancel_jobs(url)  # Scrapyd's jobs outlive Scrapyd itself
        daemon.terminate()
        daemon.wait(timeout=30)


def _cancel_jobs(url: str, seconds: float = 30) -> None:
    import requests

    with contextlib.suppress(requests.RequestException):
        listing = requests.get(f"{url}/listjobs.json", params={"project": "helder"}, timeout=5).json()
        for job in listing.get("pending", []) + listing.get("running", []):
            requests.post(f"{url}/cancel.json", data={"project": "helder", "job": job["id"]}, timeout=5)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and requests.get(
                f"{url}/listjobs.json", params={"project": "helder"}, timeout=5).json().get("running"):
            time.sleep(0.5)


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (Debian package redis-server; .ci/run installs it)")
    port = free_port()
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no"], stdout=subprocess.DEVNULL)
    try:
        wait_for_port(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=30)
