"""``search: pagefind``: Material's search box answered by Pagefind, in Chromium against the
built site served on 127.0.0.1; and the default build, which keeps Material's own search.

The Pagefind site is the seeds plus test_browser's hostile seed, built without Material's
offline plugin: the build refuses the two together, since Pagefind cannot search from disk.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from search_probe import configure, local_context, query_transfer
from test_browser import (
    HOSTILE_SEED,
    HOSTILE_TEXT,
    HOSTILE_TITLE,
    assert_nothing_injected,
    briefing_sources,
    build_site,
    html_path,
    search,
    split_front_matter,
)

from generator.pagefind import check_plugins
from generator.write import is_generated

from conftest import copy_project, mkdocs_build, serve

QUERY = "INL"  # an acronym that some briefings use and others do not
# The budget, "a few hundred KB at most". A first query fetches Pagefind's script and
# WebAssembly (~120 KB), an index chunk per word and a fragment per listed page (~145 KB here).
MAX_QUERY_BYTES = 300_000
MAX_STUB_BYTES = 1_000  # Material's search settings, no documents
WORKER = "pagefind-search.js"
RENDER_MS = 1_000  # Material renders more results within a frame of the scroll


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("pagefind"))
    configure(project, search="pagefind", offline=False)
    (project / "seeds" / HOSTILE_SEED).write_text(f"{HOSTILE_TITLE}\n\n{HOSTILE_TEXT}\n",
                                                  encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stderr}"
    return project


@pytest.fixture(scope="module")
def builtin_site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("builtin"))  # the project as it is


@pytest.fixture(scope="module")
def pagefind_url(pagefind_site) -> Iterator[str]:
    with serve(pagefind_site / "site") as url:
        yield url


@pytest.fixture
def page(browser) -> Iterator[Page]:
    with local_context(browser) as (context, refused):
        yield context.new_page()
    assert refused == [], "a request left 127.0.0.1"


def briefings_using(project: Path, word: str) -> dict[str, str]:
    """Site path → title of each briefing whose page mentions ``word``."""
    found = {}
    for source in briefing_sources(project):
        meta, body = split_front_matter(source)
        if re.search(rf"\b{word}\b", body):
            found[html_path(project, source)] = meta["title"]
    return found


def listed_results(page: Page) -> dict[str, str]:
    """Site path (no query, no fragment) → title of each page in Material's result list, which
    renders the first 10 and 4 more each time it is scrolled to its end."""
    items = page.locator(".md-search-result__item")
    shown = 0
    while items.count() > shown:
        shown = items.count()
        items.last.scroll_into_view_if_needed()
        with contextlib.suppress(PlaywrightTimeoutError):
            page.wait_for_function("n => document.querySelectorAll('.md-search-result__item')"
                                   ".length > n", arg=shown, timeout=RENDER_MS)
    return dict(page.eval_on_selector_all(
        ".md-search-result__item > a:first-child",
        "as => as.map(a => [new URL(a.href).pathname.slice(1), a.querySelector('h1').innerText])"))


# --- the configuration and the builds -----------------------------------------------------------


def plugin(*, enabled: bool = True) -> SimpleNamespace:
    """A stand-in for a configured MkDocs plugin: what check_plugins reads of one."""
    return SimpleNamespace(config={"enabled": enabled})


@pytest.mark.parametrize(("plugins", "advice"), [
    ({"material/offline": plugin(enabled=False)}, "add '- search'"),
    ({"material/search": plugin(enabled=False)}, "add '- search'"),
    ({"material/search": plugin(), "material/offline": plugin()}, "remove '- offline'"),
], ids=["no search plugin", "search plugin disabled", "offline plugin"])
def test_plugins_that_leave_the_search_box_unanswered_are_refused(plugins, advice):
    with pytest.raises(PluginError, match=re.escape(advice)):
        check_plugins(plugins)


def test_a_disabled_offline_plugin_is_no_obstacle():
    check_plugins({"material/search": plugin(), "material/offline": plugin(enabled=False)})


@pytest.mark.site
def test_default_build_keeps_materials_own_search(builtin_site):
    site = builtin_site / "site"
    assert not (site / "pagefind").exists()
    assert not list(site.rglob(WORKER))
    assert json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


@pytest.mark.site
def test_pagefind_build_names_its_worker_on_every_page_and_stubs_the_builtin_index(
        pagefind_site):
    site = pagefind_site / "site"
    assert (site / "pagefind" / "pagefind.js").is_file()
    pages = [p for p in site.rglob("*.html") if 'id="__config"' in p.read_text(encoding="utf-8")]
    assert "404.html" in {p.name for p in pages}
    for path in pages:
        assert f'/workers/{WORKER}"' in path.read_text(encoding="utf-8"), path
    stub = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [] and stub["config"]["lang"] == ["en"]


@pytest.mark.site
def test_pagefind_with_the_offline_plugin_is_refused_by_the_build(tmp_path):
    project = copy_project(tmp_path)
    configure(project, search="pagefind", offline=True)
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "remove '- offline'" in result.stderr


# --- in the browser -----------------------------------------------------------------------------


@pytest.mark.browser
def test_search_box_lists_the_briefings_pagefind_finds_and_leads_to_them(page, pagefind_site,
                                                                          pagefind_url):
    expected = briefings_using(pagefind_site, QUERY)
    assert expected, f"no briefing mentions {QUERY}"
    page.goto(f"{pagefind_url}/index.html")
    search(page, QUERY)
    listed = listed_results(page)
    assert {path: title for path, title in listed.items() if path in expected} == expected
    collection_pages = [path for path in listed if not path.startswith("briefings/")
                        and is_generated(pagefind_site / "docs" / Path(path).with_suffix(".md"))]
    assert collection_pages == [], "Pagefind indexes only briefings and hand-written pages"
    path, title = next(iter(expected.items()))
    page.locator(f".md-search-result__item > a[href*='/{path}']").first.click()
    expect(page).to_have_url(re.compile(rf"/{re.escape(path)}"))
    expect(page.locator(".md-content h1")).to_contain_text(title)


@pytest.mark.browser
def test_a_query_fetches_a_few_hundred_kb_and_never_the_whole_index(browser, pagefind_url):
    transfer = query_transfer(pagefind_url, QUERY, browser)
    assert transfer.results > 0
    assert transfer.refused == ()
    index = [size for url, size in transfer.page_load + transfer.query
             if url.endswith("/search/search_index.json")]
    assert index and max(index) < MAX_STUB_BYTES, "the page downloaded the built-in index"
    assert any("/pagefind/fragment/" in url for url, _ in transfer.query), transfer.query
    assert transfer.query_bytes < MAX_QUERY_BYTES, transfer.query


@pytest.mark.browser
def test_scraped_markup_shows_as_text_in_pagefind_results(page, pagefind_url):
    page.goto(f"{pagefind_url}/index.html")
    search(page, "Hostile")
    result = page.locator(".md-search-result__article", has_text="Hostile").first
    expect(result.locator("h1")).to_contain_text("<script>window.__pwned=1</script>")
    expect(result).to_contain_text('<img src=x onerror="window.__pwned=1">')
    expect(result.locator("mark").first).to_have_text("Hostile")
    assert_nothing_injected(page)
