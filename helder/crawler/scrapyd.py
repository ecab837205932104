"""Crawls for many municipalities as a job queue: Helder's spider under Scrapyd, the maintained Scrapy daemon.

Scrapyd runs each job with its own Python, so Helder must be installed where Scrapyd runs (`pip install
'helder[scale]'`). The project is then deployed as a code-less egg: only the metadata and the `scrapy` entry point
that names Helder's settings module; the code comes from the installed package. Each scheduled job crawls one
workspace's site into that workspace's own store, with the workspace's politeness settings.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

import requests

from helder import __version__
from helder.config import Workspace
from helder.crawler.settings import BASE_SETTINGS, scrapy_settings, spider_arguments
from helder.errors import HelderError

PROJECT = "helder"
SETTINGS_MODULE = "helder.crawler.scrapy_project"
TIMEOUT = 30


def code_less_egg(version: str = __version__) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as egg:
        egg.writestr("EGG-INFO/PKG-INFO", f"Metadata-Version: 2.1\nName: {PROJECT}\nVersion: {version}\n")
        egg.writestr("EGG-INFO/entry_points.txt", f"[scrapy]\nsettings = {SETTINGS_MODULE}\n")
        egg.writestr("EGG-INFO/zip-safe", "\n")
    return buffer.getvalue()


def deploy(scrapyd: str, project: str = PROJECT, version: str = __version__) -> dict[str, Any]:
    """Upload the project to Scrapyd (addversion.json)."""
    return _call("post", scrapyd, "addversion.json", data={"project": project, "version": version},
                 files={"egg": ("helder.egg", code_less_egg(version))})


def schedule(scrapyd: str, ws: Workspace, project: str = PROJECT, job: str | None = None) -> str:
    """Schedule a crawl of the workspace's site into its own store; returns the job id."""
    ws.data_dir.mkdir(parents=True, exist_ok=True)
    arguments = spider_arguments(ws.crawl, ws.crawl_db, ws.site, resume=False)
    arguments["start_urls"] = ",".join(arguments["start_urls"])  # Scrapyd passes every argument as one string
    overrides = {k: v for k, v in scrapy_settings(ws.crawl).items() if k not in BASE_SETTINGS}
    data: list[tuple[str, str]] = [("project", project), ("spider", "helder")]
    data += [(k, str(v)) for k, v in arguments.items() if v != ""]
    data += [("setting", f"{k}={v}") for k, v in overrides.items()]
    if job:
        data.append(("jobid", job))
    return str(_call("post", scrapyd, "schedule.json", data=data)["jobid"])


def jobs(scrapyd: str, project: str = PROJECT) -> dict[str, Any]:
    return _call("get", scrapyd, "listjobs.json", params={"project": project})


def _call(method: str, scrapyd: str, endpoint: str, **kwargs: Any) -> dict[str, Any]:
    url = scrapyd.rstrip("/") + "/" + endpoint
    try:
        response = requests.request(method, url, timeout=TIMEOUT, **kwargs)
    except requests.RequestException as exc:
        raise HelderError(f"{scrapyd}: Scrapyd does not answer ({type(exc).__name__}); is it running there?") from None
    try:
        answer = response.json()
    except ValueError:
        raise HelderError(f"{url}: not a Scrapyd answer (HTTP {response.status_code}).") from None
    if answer.get("status") != "ok":
        raise HelderError(f"{url}: Scrapyd says: {answer.get('message', answer)}".replace("\n", " "))
    return answer
