"""Many municipalities as a job queue: Helder's spider deployed to a real Scrapyd and scheduled over HTTP."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from helder.crawler.scrapyd import jobs
from helder.crawler.store import PageStore
from tests.conftest import make_workspace
from tests.services import scrapyd


def fast_workspace(root: Path, fetch_from: str, max_pages: int) -> Path:
    make_workspace(root)
    config = root / "helder.toml"
    text = config.read_text(encoding="utf-8").replace("[crawl]", f'[crawl]\nfetch_from = "{fetch_from}"', 1)
    for key, value in {"max_pages": max_pages, "concurrency": 8, "delay": 0, "max_rate": 0,
                       "autothrottle": "false"}.items():
        text = "\n".join(f"{key} = {value}" if line.startswith(f"{key} =") else line for line in text.splitlines())
    config.write_text(text + "\n", encoding="utf-8")
    return root


def helder(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "helder", *args], capture_output=True, text=True, timeout=120)


def test_deploy_and_schedule_two_sites_each_into_its_own_store(tmp_path: Path, demo_url: str) -> None:
    one = fast_workspace(tmp_path / "voorbeeldstad", demo_url, max_pages=1000)
    two = fast_workspace(tmp_path / "kleinstad", demo_url, max_pages=20)
    with scrapyd(tmp_path / "scrapyd") as daemon:
        deployed = helder("scrapyd", "deploy", daemon)
        assert deployed.returncode == 0, deployed.stderr
        assert "deployed project helder" in deployed.stdout
        scheduled = helder("scrapyd", "schedule", daemon, "-w", str(one), "-w", str(two))
        assert scheduled.returncode == 0, scheduled.stderr
        assert scheduled.stdout.count("job ") == 2
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            listing = jobs(daemon)
            if len(listing["finished"]) == 2 and not listing["running"] and not listing["pending"]:
                break
            time.sleep(0.5)
        else:
            pytest.fail(f"Scrapyd jobs did not finish: {jobs(daemon)}")
    counts = []
    for root in (one, two):
        with PageStore(root / "data" / "crawl.sqlite") as store:
            run = store.latest_crawl()
            assert run is not None and run.status == "finished", run  # Scrapyd says "finished" even for a crash
            counts.append(store.count(run.id))
    assert counts[0] >= 80 and counts[1] == 20


def test_scrapyd_that_is_not_there_is_a_one_line_error() -> None:
    done = helder("scrapyd", "deploy", "http://127.0.0.1:9")
    assert done.returncode == 2 and "Scrapyd does not answer" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
