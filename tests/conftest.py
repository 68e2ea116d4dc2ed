"""Shared fixtures: the project root, the seeds and their hand-labelled gold files."""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import settings
from playwright.sync_api import Browser, Playwright, sync_playwright

from generator.read import read_seeds

# CI explores the same examples on every run, so a red build always means a change broke
# something; local runs draw new examples each time and find new edge cases.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD_DIR = Path(__file__).parent / "gold"  # copied from shared/gold, one file per seed
FIXTURES = Path(__file__).parent / "fixtures"


@functools.cache
def seed_docs() -> tuple:
    """The seeds, read once per test session."""
    docs, problems = read_seeds(SEEDS)
    assert not problems
    return tuple(docs)


def growth_ratio(run, make_input, size: int, factor: int = 4) -> float:
    """How much longer ``run`` takes on an input ``factor`` times larger (best of three):
    about ``factor`` when it is linear, ``factor`` squared when quadratic. A ratio within one
    run, because these machines are too noisy for absolute times."""
    def best(n: int) -> float:
        data = make_input(n)
        times = []
        for _ in range(3):
            started = time.perf_counter()
            run(data)
            times.append(time.perf_counter() - started)
        return min(times)
    return best(size * factor) / best(size)


def gold_files() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.json"))


@pytest.fixture(params=gold_files(), ids=lambda p: p.stem)
def gold(request) -> dict:
    return json.loads(request.param.read_text(encoding="utf-8"))


def copy_project(destination: Path) -> Path:
    """A copy of what ``mkdocs build`` reads, so a test build never touches the work tree."""
    for name in ("mkdocs.yml", "seeds", "docs"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy(source, destination / name)
    vocabulary = destination / "generator" / "data" / "themes.yml"
    vocabulary.parent.mkdir(parents=True)
    shutil.copy(ROOT / vocabulary.relative_to(destination), vocabulary)
    return destination


def mkdocs_build(project: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of a project copy into ``project/site``."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(project / "site")],
        capture_output=True, text=True, check=False, env={**os.environ, **(env or {})},
    )


# --- the browser and a local server, for the browser tests ----------------------------------

CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; CI installs it
CHROMIUM_ARGS = [
    "--no-sandbox",  # containers run as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # Chromium's own requests would pollute the log
    "--disable-component-update",
    "--disable-sync",
]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        """No access log: pytest's output is for failures."""


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free port of 127.0.0.1; yields the base URL. The socket
    listens once the server is constructed, so the URL answers before the thread starts."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def browser(playwright) -> Iterator[Browser]:
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: apt-get install chromium"
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                         args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()
