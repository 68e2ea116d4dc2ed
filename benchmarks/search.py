"""What a search costs a reader of a large collection, built-in search against Pagefind.

    .venv/bin/python benchmarks/search.py                  # 1,000 and 5,000 articles
    .venv/bin/python benchmarks/search.py --sizes 1000

For each size, ``tests/benchmarks/make_corpus.py`` writes a project; it is built once with
Material's built-in search and once with ``search: pagefind`` (without the offline plugin,
which Pagefind refuses), each served on 127.0.0.1 and opened in Debian's Chromium. The
script prints the bytes a reader's browser fetches (response bodies, ``tests/search_probe.py``)
to open the home page and then to answer one query, in a fresh browser each time, as a first
visit: the built-in search downloads its whole index with the page; Pagefind fetches its
script, its page list and the index chunks of the query's words, then the text of the pages
it lists.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "benchmarks")]
import make_corpus  # noqa: E402  (test helpers, not part of the package)
from search_probe import Transfer, configure, query_transfer  # noqa: E402

from conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

SIZES = (1000, 5000)
QUERIES = ("police", "corruption", "migration", "cocaine seizure")
SEARCHES = ("builtin", "pagefind")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="briefings-search-"))
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"{'articles':>8}  {'search':>8}  {'page load KB':>12}  "
          + "  ".join(f"{query!r:>17}" for query in QUERIES))
    try:
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_ARGS)
            for size in args.sizes:
                for search in SEARCHES:
                    site = build(size, search, workdir / f"{size}-{search}")
                    print(f"{size:>8,}  {search:>8}  " + measure(site, browser), flush=True)
            browser.close()
    finally:
        shutil.rmtree(workdir)
    print("KB: response bodies fetched to open the home page, then per query (first visit).")


def build(size: int, search: str, project: Path) -> Path:
    make_corpus.make_project(size, project)
    configure(project, search=search, offline=search == "builtin")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                    str(project / "mkdocs.yml"), "-d", str(project / "site")], check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return project / "site"


def measure(site: Path, browser) -> str:
    """Page-load KB, then per query its KB and results shown; "no answer" when search had
    not answered within ``search_probe.TIMEOUT_MS`` (the built-in index of a large
    collection can take longer to build in the browser)."""
    with serve(site) as url:
        transfers = [_transfer(url, query, browser) for query in QUERIES]
    answered = [t for t in transfers if t is not None]
    page_kb = f"{answered[0].page_bytes / 1000:,.0f}" if answered else "?"
    return f"{page_kb:>12}  " + "  ".join(
        f"{t.query_bytes / 1000:>11,.0f} KB {t.results:>2}" if t else f"{'no answer':>17}"
        for t in transfers)


def _transfer(url: str, query: str, browser) -> Transfer | None:
    try:
        return query_transfer(url, query, browser)
    except PlaywrightTimeoutError:
        return None


if __name__ == "__main__":
    main()
