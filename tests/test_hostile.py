"""A site built from hostile and malformed seeds: every file is accounted for, nothing leaves
docs/ and site/, and no scraped payload runs in a browser.

The corpus is ``fixtures/hostile/seeds`` (written by ``make_corpus.py``, one case per file,
named after the case) and ``expected.yml`` says what must become of each file. The ~25 MB
case is written into the test's copy of the project at run time, never committed.

The browser part launches Debian's Chromium through test_browser's fixtures, serves the built
site on 127.0.0.1 and visits every page and every handout in one tab, watching for dialogs,
the canaries the payloads set and requests that would leave the machine; a tampered copy of
the site shows that each of those checks fails when escaping does.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
import yaml
from playwright.sync_api import Page
from test_browser import TIMEOUT_MS, search

from conftest import FIXTURES, copy_project, serve

HOSTILE = FIXTURES / "hostile"
MERGED = re.compile(r"\bmerged\b|\bduplicate", re.IGNORECASE)  # how the page says "duplicate"
EXPECTED = yaml.safe_load((HOSTILE / "expected.yml").read_text(encoding="utf-8"))
BUILD_SECONDS = 120  # the builds take ~10 s each; a regex that backtracks takes minutes
BUILD_TIMEOUT = 600  # give up well before CI's limit, with a message instead of a hang
OUTPUTS = ("docs", "site", ".cache")  # the only folders a build may write to (and its cache)
# Files that the corpus's shell and YAML payloads would create if anything ran them.
CANARY_FILES = [Path("/tmp/blns.fail"), Path("/tmp/blns.shellshock1.fail"),
                Path("/tmp/blns.shellshock2.fail"), Path("/tmp/hostile-yaml.fail")]



def load_make_corpus():
    """``fixtures/hostile/make_corpus.py`` as a module: it knows how to write the huge case."""
    spec = importlib.util.spec_from_file_location("make_corpus", HOSTILE / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


make_corpus = load_make_corpus()


# --- the build ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Build:
    project: Path
    seconds: dict[str, float]  # command → wall-clock time
    stray: list[str]  # files created or changed outside docs/ and site/
    docs_changed_by_cli: list[str]  # pages the command line rewrote after mkdocs had built

    @property
    def site(self) -> Path:
        return self.project / "site"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Build:
    """The project, copied, with the corpus as its seeds, built by ``mkdocs build`` and then
    by ``python -m generator build`` into the same docs/."""
    root = tmp_path_factory.mktemp("hostile")
    (root / "project").mkdir()
    project = copy_project(root / "project")
    shutil.rmtree(project / "seeds")
    shutil.copytree(HOSTILE / "seeds", project / "seeds")
    make_corpus.write_huge_file(project / "seeds")
    canaries_before = {path for path in CANARY_FILES if path.exists()}
    before = snapshot(root)
    seconds = {"mkdocs build": run([sys.executable, "-m", "mkdocs", "build", "-f",
                                    str(project / "mkdocs.yml"), "-d", str(project / "site")])}
    built = snapshot(project / "docs")
    seconds["generator build"] = run([
        sys.executable, "-m", "generator", "build", "--seeds", str(project / "seeds"),
        "--docs", str(project / "docs"),
        "--themes", str(project / "generator" / "data" / "themes.yml")],
        exit_codes=(0, 1))  # 1: some file was not published, as the corpus wants
    after = snapshot(root)
    stray = sorted(path for path in set(before) | set(after)
                   if before.get(path) != after.get(path)
                   and Path(path).parts[:2] not in {("project", folder) for folder in OUTPUTS})
    stray += [str(path) for path in CANARY_FILES if path.exists() and path not in
              canaries_before]
    rebuilt = snapshot(project / "docs")
    changed = sorted(p for p in set(built) | set(rebuilt) if built.get(p) != rebuilt.get(p))
    return Build(project, seconds, stray, changed)


def run(command: list[str], *, exit_codes: tuple[int, ...] = (0,)) -> float:
    """Run a build command; its wall-clock seconds. A crash or a hang fails the tests."""
    start = time.monotonic()
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False,
                                timeout=BUILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{command[2]} build did not finish within {BUILD_TIMEOUT} s")
    assert result.returncode in exit_codes and "Traceback" not in result.stderr, \
        f"{command[2:4]} exited {result.returncode}:\n{result.stderr[-5000:]}"
    return time.monotonic() - start


def snapshot(folder: Path) -> dict[str, str]:
    """Relative path → SHA-256 of every file under ``folder``."""
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in folder.rglob("*") if path.is_file()}


# --- what the cleaning page says -----------------------------------------------------------------


@dataclass(frozen=True)
class CleaningPage:
    """The built "How these briefings were cleaned" page, as a reader sees it."""

    sections: list[str]  # the briefing page each section's heading links to
    section_sources: dict[str, str]  # file name → its briefing page (the section names it first)
    texts: list[str]  # every paragraph and list item, whitespace collapsed


def read_cleaning_page(site: Path, names: list[str]) -> CleaningPage:
    content = lxml.html.parse(str(site / "cleaning.html")).xpath(
        "//*[contains(concat(' ', normalize-space(@class), ' '), ' md-content ')]")[0]
    sources: dict[str, str] = {}
    sections: list[str] = []
    for heading in content.iter("h2"):
        links = [a.get("href") for a in heading.iter("a") if "briefings/" in a.get("href", "")]
        if not links:
            continue
        sections.append(links[0])
        first = heading.getnext()
        source = text_of(first) if first is not None else ""
        # The longest matching name: "a.txt" must not claim the section of "a.txt.txt".
        for name in sorted(names, key=len, reverse=True):
            if source.startswith(f"{name}:") or source.startswith(f"{name} "):
                sources[name] = links[0]
                break
    texts = [text_of(element) for element in content.iter("p", "li")]
    return CleaningPage(sections, sources, texts)


def text_of(element) -> str:
    return " ".join(element.text_content().split())


@pytest.fixture(scope="module")
def cleaning(hostile) -> CleaningPage:
    return read_cleaning_page(hostile.site, list(EXPECTED))


def reported(cleaning: CleaningPage, name: str) -> list[str]:
    """The lines of the page that report something about ``name`` (its problem, its merge)."""
    return [text for text in cleaning.texts if text.startswith(f"{name}:")
            and not re.search(r": \d+ lines? kept", text)]


# --- the tests: the build ----------------------------------------------------------------------

site_test = pytest.mark.site


@site_test
def test_corpus_and_expectations_list_the_same_files():
    committed = {path.name for path in (HOSTILE / "seeds").iterdir()}
    assert committed | {make_corpus.HUGE_NAME} == set(EXPECTED)
    assert len(EXPECTED) >= 100


@site_test
def test_the_corpus_is_what_make_corpus_writes():
    """The committed seeds are the script's output, byte for byte (run it after editing it)."""
    written = {case.name: case.data for case in make_corpus.all_cases()}
    committed = {path.name: path.read_bytes() for path in (HOSTILE / "seeds").iterdir()}
    assert sorted(written) == sorted(committed)
    assert [name for name in written if written[name] != committed[name]] == []


@site_test
def test_builds_finish_in_reasonable_time(hostile):
    slow = {command: round(seconds) for command, seconds in hostile.seconds.items()
            if seconds > BUILD_SECONDS}
    assert slow == {}, f"over {BUILD_SECONDS} s"


@site_test
def test_builds_write_only_inside_docs_and_site(hostile):
    assert hostile.stray == []


@site_test
def test_every_generated_page_name_is_a_plain_slug(hostile):
    """Page names come from slugs, never from scraped text: no hidden files, no traversal."""
    names = [path.name for path in (hostile.project / "docs" / "briefings").iterdir()]
    assert names
    assert [name for name in names if not re.fullmatch(r"[a-z0-9][a-z0-9-]*\.md", name)] == []


@site_test
def test_the_command_line_build_rewrites_no_page_of_the_plugins_build(hostile):
    assert hostile.docs_changed_by_cli == []


def outcome_cases() -> list:
    """One test per file of expected.yml."""
    return [pytest.param(name, expected, id=name) for name, expected in EXPECTED.items()]


@site_test
@pytest.mark.parametrize(("name", "expected"), outcome_cases())
def test_every_file_is_accounted_for(cleaning, name, expected):
    """The cleaning page publishes, merges or reports each file, as expected.yml says."""
    outcome, lines = expected["outcome"], reported(cleaning, name)
    if outcome == "published":
        assert name in cleaning.section_sources, f"{name} has no section of its own"
        assert lines == [], f"{name} is published and reported: {lines}"
        if "slug" in expected:
            assert cleaning.section_sources[name] == f"briefings/{expected['slug']}.html"
    elif outcome == "problem":
        assert name not in cleaning.section_sources, f"{name} was published"
        keyword = expected["reason"]
        assert any(keyword in line.casefold() for line in lines), \
            f"no report of {name} says {keyword!r}: {lines}"
    else:
        kept = expected["of"]
        assert name not in cleaning.section_sources, f"{name} was published"
        assert kept in cleaning.section_sources, f"{kept} (the one kept) was not published"
        merged = [line for line in lines if kept in line and MERGED.search(line)]
        assert merged, f"the page does not say {name} was merged into {kept}: {lines}"


@site_test
def test_each_briefing_section_names_its_own_file(cleaning):
    assert sorted(cleaning.section_sources.values()) == sorted(cleaning.sections)
    published = [name for name, expected in EXPECTED.items()
                 if expected["outcome"] == "published"]
    assert len(cleaning.sections) == len(published)


def text_cases() -> list:
    """Published files with text their page must show or characters it must not hold."""
    return [pytest.param(name, expected, id=name)
            for name, expected in EXPECTED.items()
            if expected["outcome"] == "published" and {"contains", "lacks"} & set(expected)]


@pytest.fixture(scope="module")
def pages_by_seed(hostile) -> dict[str, str]:
    """Seed file name → the Markdown of its briefing page, front matter included."""
    pages = {}
    for path in (hostile.project / "docs" / "briefings").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---\n", 2)[1])
        pages[meta["seed"]] = text
    return pages


@site_test
@pytest.mark.parametrize(("name", "expected"), text_cases())
def test_published_text_is_decoded_and_cleaned(pages_by_seed, name, expected):
    page_text = pages_by_seed[name]
    missing = [text for text in expected.get("contains", []) if text not in page_text]
    held = [code for code in expected.get("lacks", []) if character(code) in page_text]
    assert (missing, held) == ([], [])


def character(code: str) -> str:
    """ "U+200B" → the character; any other string is itself."""
    match = re.fullmatch(r"U\+([0-9A-F]{4,6})", code)
    return chr(int(match.group(1), 16)) if match else code


@site_test
def test_script_payloads_reach_their_pages_as_text(hostile):
    """Every payload with markup is shown on its briefing page, as text: the browser test
    below is only worth something if the payloads get that far."""
    shown = " ".join(
        text_of(lxml.html.parse(str(path)).getroot())
        for path in (hostile.site / "briefings").glob("*.html"))
    payloads = [p for p in make_corpus.read_payloads() if "<" in p and p.isprintable()]
    assert len(payloads) > 200
    assert [p for p in payloads if " ".join(p.split()) not in shown] == []


# --- the tests: the browser --------------------------------------------------------------------

# What would show that a payload ran or became markup: the canaries set (window.__pwned,
# "PWNED" in the title) and, inside the page's content (Material's .md-content, a handout's
# body), elements that scraped markup would make. The site's own content has none of these:
# Material's scripts and handlers live outside .md-content, and a handout has no script.
SUSPECT = ("img[src='x'], svg[onload], [onerror], [onclick], script:not([src]):not([type]), "
           "iframe, object, embed, frame, base, meta, link, a[href^='javascript:' i], "
           "[src^='javascript:' i], [src^='data:' i]")
FINDINGS = """([scope, suspect]) => new Promise(resolve => requestAnimationFrame(() =>
    setTimeout(() => {
        const found = [];
        if (typeof window.__pwned !== "undefined") found.push(`window.__pwned is set`);
        if (document.title.includes("PWNED")) found.push(`title: ${document.title}`);
        for (const root of document.querySelectorAll(scope)) {
            for (const el of root.querySelectorAll("*")) {
                const handlers = [...el.attributes].filter(a => /^on/i.test(a.name));
                if (el.matches(suspect) || handlers.length) {
                    found.push(`element: ${el.outerHTML.slice(0, 160)}`);
                }
            }
        }
        resolve(found);
    }, 0)))"""  # after a frame: autofocus and load handlers have had their turn
CONTENT = ".md-content"
HANDOUT_BODY = "body"
# Requests that would leave the machine: aborted and recorded. A pattern, not a handler for
# every request, so that local requests never wait for Python (that halves the sweep's time).
NOT_LOCAL = re.compile(r"^(?!(?:data|blob|file):|https?://127\.0\.0\.1[:/])")
# Material's search worker indexes the whole site on every page load; the sweep does not
# need it (the search results are checked once, at the end).
SEARCH_INDEX = "**/search/search_index.json"


@dataclass(frozen=True)
class Tab:
    """One page, reused for every visit, with what it saw that it should not have."""

    page: Page
    left: list[str]  # requests that would have left the machine
    dialogs: list[str]  # alert(), confirm() and prompt() calls

    def findings(self, scope: str) -> list[str]:
        """Signs, on the page shown, that a payload ran or became an element in ``scope``."""
        return self.page.evaluate(FINDINGS, [scope, SUSPECT])


@pytest.fixture
def tab(browser) -> Iterator[Tab]:
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    left: list[str] = []
    dialogs: list[str] = []

    def abort(route):
        left.append(route.request.url)
        route.abort()

    def dismiss(dialog):
        dialogs.append(f"{dialog.type}({dialog.message!r}) on {page.url}")
        dialog.dismiss()

    context.route(NOT_LOCAL, abort)
    page = context.new_page()
    page.on("dialog", dismiss)
    try:
        yield Tab(page, left, dialogs)
    finally:
        context.close()


def site_pages(site: Path) -> list[str]:
    """Every HTML page of the built site (briefings, themes, reference pages, handouts)."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html")
                  if "assets" not in path.relative_to(site).parts)


def scope_of(path: str) -> str:
    return HANDOUT_BODY if path.startswith("handouts/") else CONTENT


@pytest.mark.browser
def test_no_payload_runs_on_any_page_or_handout(tab, hostile):
    paths = site_pages(hostile.site)
    assert {"index.html", "cleaning.html", "handouts/all.html"} <= set(paths)
    assert sum(path.startswith("briefings/") for path in paths) > 100
    found = {}
    with serve(hostile.site) as url:
        tab.page.route(SEARCH_INDEX, lambda route: route.abort())
        for path in paths:
            tab.page.goto(f"{url}/{path}")
            found[path] = tab.findings(scope_of(path))
        tab.page.unroute(SEARCH_INDEX)
        tab.page.goto(f"{url}/index.html")
        search(tab.page, "script")  # the results show titles and text once more
        found["search results"] = tab.findings(".md-search-result")
    assert {path: signs for path, signs in found.items() if signs} == {}
    assert tab.dialogs == []
    assert tab.left == []


# Each unescaped payload, and the sign of it that each check must see.
INJECTIONS = {
    "dialog": ("<script>alert('injected')</script>", "dialog"),
    "global": ("<img src=x onerror=\"window.__pwned=1\">", "window.__pwned is set"),
    "title": ("<script>document.title='PWNED'</script>", "title: "),
    "element": ("<p onmouseover=\"window.__pwned=1\">never hovered</p>", "element: <p"),
    "request": ("<img src=\"http://evil.example/x.png\" alt=\"\">", "request"),
}


@pytest.fixture(scope="module")
def tampered_site(hostile, tmp_path_factory) -> Path:
    """A scratch copy of the built site with each injection written, unescaped, into a
    briefing page and into a handout: what the check must catch if escaping ever breaks."""
    site = tmp_path_factory.mktemp("tampered") / "site"
    shutil.copytree(hostile.site, site)
    briefing = sorted((site / "briefings").glob("*.html"))[0].read_text(encoding="utf-8")
    handout = (site / "handouts" / "all.html").read_text(encoding="utf-8")
    for kind, (payload, _) in INJECTIONS.items():
        (site / "briefings" / f"tampered-{kind}.html").write_text(
            inject(briefing, '<article class="md-content__inner md-typeset">', payload),
            encoding="utf-8")
        (site / "handouts" / f"tampered-{kind}.html").write_text(
            inject(handout, "<main>", payload), encoding="utf-8")
    return site


def inject(html: str, marker: str, payload: str) -> str:
    assert marker in html, f"{marker} is not on the page: update the tampering"
    return html.replace(marker, marker + payload, 1)


@pytest.mark.browser
@pytest.mark.parametrize("folder", ["briefings", "handouts"])
def test_the_check_catches_an_injected_payload(tab, tampered_site, folder):
    """The checks above, on pages where escaping failed on purpose: each injection is seen."""
    seen = {}
    with serve(tampered_site) as url:
        for kind, (_, sign) in INJECTIONS.items():
            dialogs, left = len(tab.dialogs), len(tab.left)
            tab.page.goto(f"{url}/{folder}/tampered-{kind}.html")
            signs = tab.findings(scope_of(f"{folder}/"))
            signs += ["dialog"] * (len(tab.dialogs) - dialogs) + ["request"] * (
                len(tab.left) - left)
            seen[kind] = any(found.startswith(sign) for found in signs)
    assert seen == dict.fromkeys(INJECTIONS, True)
