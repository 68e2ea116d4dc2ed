"""Browser tests: a reader's path through the built site, in Debian's Chromium via Playwright.

In the style of datasette's ``tests/test_playwright.py``: the real site is built once into a
temporary project (the work tree is never touched), served on a free port of 127.0.0.1 and
driven through Playwright's sync API. A missing Chromium is an error, never a skip: CI
installs it, and a skipped browser test would hide a broken setup.

Every page aborts requests that leave the machine (they are still recorded), so the tests
behave the same with or without a network: the site promises to work offline.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Page, expect

from conftest import ROOT, copy_project, mkdocs_build, serve

pytestmark = pytest.mark.browser

TIMEOUT_MS = 10_000  # search builds its index in a worker: results take about a second
LOCAL_SCHEMES = ("data", "blob", "file")  # never leave the machine
DISTINCTIVE_WORD = re.compile(r"\b[A-Za-z]{8,}\b")  # long words are rare across briefings
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", ROOT / "test-artifacts"))  # screenshots

HOSTILE_SEED = "zzz_hostile.txt"
# Title first: the cleaner's headline test wants a capital letter, so a title line that
# *starts* with "<script>" is dropped as "outside-main-text" and never reaches a template.
HOSTILE_TITLE = 'Hostile "title" & <b>bold</b> <script>window.__pwned=1</script>'
HOSTILE_TEXT = (
    'One observer wrote <img src=x onerror="window.__pwned=1"> in her notes after the '
    "committee met on Tuesday to review the security agreement between the two governments, "
    "and its members said the new rules on police training would take effect next year. She "
    "shared a link, [click](javascript:window.__pwned=1), with the press, adding that the plan "
    "was **not bold** but careful. The ministers promised to publish a full report on drug "
    "trafficking cases before the end of the summer."
)


# --- the sites --------------------------------------------------------------------------------


def build_site(project: Path, extra_seeds: dict[str, str] | None = None) -> Path:
    """Copy the project to ``project``, add ``extra_seeds`` and build it; the project dir."""
    copy_project(project)
    for name, text in (extra_seeds or {}).items():
        (project / "seeds" / name).write_text(text, encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stderr}"
    return project


@pytest.fixture(scope="module")
def real_site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("real"))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """A second build, so the hostile seed cannot change counts or themes of the real one."""
    seed = f"{HOSTILE_TITLE}\n\n{HOSTILE_TEXT}\n"
    return build_site(tmp_path_factory.mktemp("hostile"), {HOSTILE_SEED: seed})


@pytest.fixture(scope="module")
def real_url(real_site) -> Iterator[str]:
    with serve(real_site / "site") as url:
        yield url


@pytest.fixture(scope="module")
def hostile_url(hostile_site) -> Iterator[str]:
    with serve(hostile_site / "site") as url:
        yield url


# --- the browser ------------------------------------------------------------------------------


@pytest.fixture
def requested() -> list[str]:
    """Every URL the ``page`` asked for, in order."""
    return []


@pytest.fixture
def page(browser, requested) -> Iterator[Page]:
    """A page in a fresh context (Material keeps state in localStorage) that records its
    requests in ``requested`` and aborts those that would leave the machine."""
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    context.on("request", lambda request: requested.append(request.url))
    context.route("**/*", lambda route: route.continue_() if is_local(route.request.url)
                  else route.abort())
    try:
        yield context.new_page()
    finally:
        context.close()


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname == "127.0.0.1"


# --- reading the built project ----------------------------------------------------------------


def briefing_sources(project: Path) -> list[Path]:
    return sorted((project / "docs" / "briefings").glob("*.md"))


def first_page(project: Path, folder: str) -> str:
    """The first generated page of ``docs/<folder>`` other than its index, as a site path."""
    source = next(p for p in sorted((project / "docs" / folder).glob("*.md"))
                  if p.name != "index.md")
    return html_path(project, source)


def split_front_matter(path: Path) -> tuple[dict, str]:
    """(front matter, body) of a generated page."""
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(head), body


def html_path(project: Path, source: Path) -> str:
    """``docs/briefings/x.md`` → ``briefings/x.html`` (use_directory_urls is false)."""
    return source.relative_to(project / "docs").with_suffix(".html").as_posix()


def article_text(source: Path) -> str:
    """The prose paragraphs of a generated briefing, without what the generator adds around
    them: title, facts, notes, theme links, related briefings (all start with a mark or link)."""
    blocks = split_front_matter(source)[1].split("\n\n")
    return "\n\n".join(b for b in blocks if b[:1].isalpha() and "](" not in b)


def distinctive_word(project: Path) -> tuple[str, str]:
    """A word of the first briefing's article text that no other briefing uses, and that
    briefing's page: a search for it must find that very page, not just any page."""
    first, *others = briefing_sources(project)
    elsewhere = " ".join(p.read_text(encoding="utf-8") for p in others).casefold()
    word = next(w for w in DISTINCTIVE_WORD.findall(article_text(first))
                if not re.search(rf"\b{w.casefold()}\b", elsewhere))
    return word, html_path(project, first)


# --- what a reader does -----------------------------------------------------------------------


def walk_to_briefing(page: Page) -> tuple[str, str]:
    """From the home page, click the first theme, then its first briefing; returns the theme
    page's URL and the briefing's title as listed there."""
    page.locator(".md-content a[href^='themes/']:not([href='themes/index.html'])").first.click()
    expect(page).to_have_url(re.compile(r"/themes/[^/]+\.html$"))
    theme_url = page.url
    first = page.locator(".md-content a[href^='../briefings/']").first
    title = first.inner_text()
    first.click()
    expect(page).to_have_url(re.compile(r"/briefings/[^/]+\.html$"))
    return theme_url, title


def search(page: Page, query: str) -> list[str]:
    """Type ``query`` into Material's search box; the links of the results, once they show."""
    box = page.locator(".md-search__input")
    expect(box, "Material hides its search box when the search worker cannot start") \
        .to_be_visible()
    box.click()
    box.press_sequentially(query)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=TIMEOUT_MS)
    return page.eval_on_selector_all(".md-search-result__item a", "as => as.map(a => a.href)")


def assert_search_finds_its_briefing(page: Page, project: Path) -> None:
    word, briefing = distinctive_word(project)
    found = search(page, word)
    assert any(f"/{briefing}" in url for url in found), f"{word!r} found {found}, not {briefing}"


def assert_nothing_injected(page: Page) -> None:
    """The hostile seed's markup became no script, no element and no link."""
    assert page.evaluate("typeof window.__pwned") == "undefined", "a scraped script ran"
    assert page.locator("img[src='x']").count() == 0, "a scraped <img> became an element"
    assert page.locator("a[href^='javascript:']").count() == 0, "a scraped javascript: link"


def links_on(page: Page) -> list[str]:
    return page.eval_on_selector_all(".md-content a[href]", "as => as.map(a => a.href)")


def computed_display(page: Page, selector: str) -> str:
    return page.eval_on_selector(selector, "e => getComputedStyle(e).display")


# --- the tests --------------------------------------------------------------------------------


def test_reader_goes_from_the_home_page_through_a_theme_to_a_briefing(page, real_site, real_url):
    count = len(briefing_sources(real_site))
    page.goto(f"{real_url}/index.html")
    expect(page.locator(".md-content")).to_contain_text(re.compile(rf"\b{count} briefings?\b"))
    theme_url, title = walk_to_briefing(page)
    heading = page.locator(".md-content h1")
    assert title.strip(), "the theme page lists a briefing without a title"
    expect(heading).to_contain_text(title)
    assert theme_url in links_on(page), "the briefing does not link back to its theme"


def test_search_finds_a_word_of_a_briefing_on_that_briefing(page, real_site, real_url):
    page.goto(f"{real_url}/index.html")
    assert_search_finds_its_briefing(page, real_site)


def test_no_request_leaves_the_machine(page, requested, real_site, real_url):
    visited = [f"{real_url}/{path}" for path in
               ("index.html", first_page(real_site, "themes"), first_page(real_site, "briefings"))]
    for url in visited:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    search(page, distinctive_word(real_site)[0])
    assert set(visited) <= set(requested), "requests were not recorded"
    assert [url for url in requested if not is_local(url)] == []


def test_site_opened_from_disk_navigates_and_searches(page, real_site):
    page.goto((real_site / "site" / "index.html").as_uri())
    walk_to_briefing(page)
    assert page.url.startswith("file://")
    assert_search_finds_its_briefing(page, real_site)


def test_scraped_markup_is_shown_as_text_never_run(page, hostile_site, hostile_url):
    source = next(p for p in briefing_sources(hostile_site)
                  if split_front_matter(p)[0].get("seed") == HOSTILE_SEED)
    page.goto(f"{hostile_url}/{html_path(hostile_site, source)}")
    assert_nothing_injected(page)
    expect(page.locator(".md-content h1")).to_contain_text("<script>window.__pwned=1</script>")
    expect(page.locator(".md-content")).to_contain_text("**not bold**")
    search(page, "Hostile")  # the results panel shows the title and text once more
    assert_nothing_injected(page)


def test_printing_a_briefing_prints_the_article_without_the_site_around_it(page, real_site,
                                                                             real_url):
    page.goto(f"{real_url}/{first_page(real_site, 'briefings')}")
    chrome = (".md-header", ".md-sidebar--primary")
    assert "none" not in [computed_display(page, selector) for selector in chrome], "on screen"
    page.emulate_media(media="print")
    assert [computed_display(page, selector) for selector in chrome] == ["none", "none"]
    expect(page.locator(".md-content article p").first).to_be_visible()


def test_hovering_an_acronym_shows_its_expansion(page, real_site, real_url):
    glossary = (real_site / "docs" / "glossary.md").read_text(encoding="utf-8")
    acronym, expansion = re.search(r"^- \*\*(\w+)\*\*: ([^(]+?) \(", glossary, re.M).groups()
    briefing = next(p for p in briefing_sources(real_site)
                    if re.search(rf"\b{acronym}\b", split_front_matter(p)[1]))
    page.goto(f"{real_url}/{html_path(real_site, briefing)}")
    abbr = page.locator(f'.md-content article abbr[title="{expansion}"]').first
    abbr.hover()
    # Material's content.tooltips replaces the title with its own tooltip element.
    expect(page.locator(".md-tooltip2--active, .md-tooltip--active").first
           ).to_contain_text(expansion, timeout=TIMEOUT_MS)


# --- offline: the site and the handouts opened from disk ----------------------------------------


def save_artefact(page: Page, name: str) -> None:
    """A screenshot for people to look at, kept by CI with the test report."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def left_the_disk(requested: list[str]) -> list[str]:
    return [url for url in requested if urlsplit(url).scheme not in LOCAL_SCHEMES]


def test_offline_site_from_disk_searches_and_follows_links_with_no_request(page, requested,
                                                                            real_site):
    home = (real_site / "site" / "index.html").as_uri()
    page.goto(home)
    save_artefact(page, "home-from-disk")
    found = search(page, "INL")
    assert any("/briefings/" in url for url in found), found
    page.goto(home)
    walk_to_briefing(page)
    related = page.locator(".md-content h2#related-briefings + ul a").first
    title = related.inner_text()
    related.click()
    expect(page).to_have_url(re.compile(r"/briefings/[^/]+\.html$"))
    expect(page.locator(".md-content h1")).to_contain_text(title)
    assert left_the_disk(requested) == []


def test_each_handout_opens_from_disk_whole_and_on_its_own(page, requested, real_site):
    handouts = sorted((real_site / "site" / "handouts").glob("*.html"))
    assert [h.stem for h in handouts].count("all") == 1
    for handout in handouts:
        requested.clear()
        page.goto(handout.as_uri())
        page.wait_for_load_state("load")
        shown = page.eval_on_selector_all("article.briefing", "as => as.map(a => a.id)")
        assert shown == [f"briefing-{slug}" for slug in handout_members(real_site, handout.stem)]
        dangling = page.eval_on_selector_all(
            "a[href^='#']", "as => as.map(a => a.getAttribute('href'))"
            ".filter(h => !document.getElementById(h.slice(1)))")
        assert dangling == [], handout.name
        hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
        assert all(h.startswith(("#", "https://", "http://")) for h in hrefs), hrefs
        assert requested == [handout.as_uri()], "a handout asked for something besides itself"
    save_artefact(page, "handout-all")


def handout_members(project: Path, slug: str) -> list[str]:
    """The slugs a handout must hold, in order: its theme's briefings, newest first, as the
    theme page lists them (all briefings for "all", as the sources of the site say)."""
    if slug == "all":
        return sorted_newest_first(project, briefing_sources(project))
    theme = split_front_matter(project / "docs" / "themes" / f"{slug}.md")[0]["title"]
    members = [p for p in briefing_sources(project) if theme in split_front_matter(p)[0]["tags"]]
    return sorted_newest_first(project, members)


def sorted_newest_first(project: Path, sources: list[Path]) -> list[str]:
    def key(source: Path):
        meta = split_front_matter(source)[0]
        date = meta.get("date", "")
        return (not date, "".join(chr(255 - ord(c)) for c in date), meta["title"].casefold(),
                source.stem)
    return [source.stem for source in sorted(sources, key=key)]


def test_a_browser_without_resize_observer_gets_the_polyfill_from_disk(page, requested,
                                                                       real_site):
    """Material would fetch this polyfill from a CDN; the site serves its own copy."""
    page.add_init_script("delete window.ResizeObserver")
    page.goto((real_site / "site" / "index.html").as_uri())
    page.wait_for_function("typeof window.ResizeObserver === 'function'")
    assert any(url.endswith("/ResizeObserver.global.js") for url in requested), requested
    assert left_the_disk(requested) == []
