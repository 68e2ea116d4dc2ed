"""What a search costs a reader: the bytes a browser fetches to open a page of a served site,
and then to answer one query typed into Material's search box.

Built-in search fetches its whole index with every page (and answers queries from memory);
``search: pagefind`` fetches a stub index, then, per query, Pagefind's index chunks for the
query's words and the text of the pages it lists. tests/test_pagefind.py holds Pagefind to a
budget with it; a benchmark can report both numbers for larger collections:

    with serve(site_dir) as url:
        transfer = query_transfer(url, "security", browser)
        print(transfer.results, transfer.page_bytes, transfer.query_bytes)

Requests for anything but 127.0.0.1 are aborted and listed, so a measurement never depends on
the network and says when the site tried to use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Browser, BrowserContext, Page, Response

TIMEOUT_MS = 20_000  # built-in search on a large collection takes seconds to build its index
QUIET_MS = 500  # no response for this long after the results show: the query's fetches are done
LOCAL_SCHEMES = ("data", "blob")  # in the browser, never fetched
RESULTS_SHOWN = "matching document"  # in each of Material's English result counts


@dataclass(frozen=True)
class Transfer:
    """Bytes (response bodies) a reader's browser fetched, one ``(url, bytes)`` per response."""
    results: int  # result items Material rendered (the first 10, more as the reader scrolls)
    page_load: tuple[tuple[str, int], ...]  # opening the page, until the network is idle
    query: tuple[tuple[str, int], ...]  # from the first key typed until the results are shown
    refused: tuple[str, ...]  # requests for another host than 127.0.0.1, aborted

    @property
    def page_bytes(self) -> int:
        return sum(size for _, size in self.page_load)

    @property
    def query_bytes(self) -> int:
        return sum(size for _, size in self.query)


def query_transfer(base_url: str, query: str, browser: Browser, *,
                   page_path: str = "index.html") -> Transfer:
    """Open ``base_url/page_path`` in a fresh context, type ``query`` into the search box and
    measure what each step fetched (a search worker's requests included)."""
    with local_context(browser) as (context, refused):
        responses: list[Response] = []
        context.on("response", lambda response: responses.append(response))
        page = context.new_page()
        page.goto(f"{base_url}/{page_path}")
        page.wait_for_load_state("networkidle")
        opened = len(responses)
        type_query(page, query)
        page.wait_for_function("text => document.querySelector('.md-search-result__meta')"
                               ".textContent.includes(text)", arg=RESULTS_SHOWN)
        wait_until_quiet(page, responses)
        return Transfer(results=page.locator(".md-search-result__item").count(),
                        page_load=_sizes(responses[:opened]), query=_sizes(responses[opened:]),
                        refused=tuple(refused))


@contextmanager
def local_context(browser: Browser) -> Iterator[tuple[BrowserContext, list[str]]]:
    """A fresh browser context (Material keeps state in localStorage) that aborts every request
    leaving 127.0.0.1, and the list of those requests' URLs."""
    refused: list[str] = []
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)

    def only_local(route) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    try:
        yield context, refused
    finally:
        context.close()


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname == "127.0.0.1"


def type_query(page: Page, query: str) -> None:
    """Type into Material's search box as a reader does, one key at a time."""
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially(query)


def wait_until_quiet(page: Page, responses: list[Response]) -> None:
    """Wait until no response has come for ``QUIET_MS``: late fetches count too."""
    seen = -1
    while seen != len(responses):
        seen = len(responses)
        page.wait_for_timeout(QUIET_MS)


def _sizes(responses: list[Response]) -> tuple[tuple[str, int], ...]:
    return tuple((response.url, len(response.body())) for response in responses)


def configure(project: Path, *, search: str, offline: bool) -> None:
    """Set the briefings plugin's ``search`` option in the copy's mkdocs.yml, with or without
    Material's offline plugin."""
    path = project / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    plugins = [p for p in config["plugins"] if offline or p != "offline"]
    next(p for p in plugins if "briefings" in p)["briefings"]["search"] = search
    config["plugins"] = plugins
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
