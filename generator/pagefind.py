"""Search at scale: Pagefind answers the queries typed into Material's search box.

Material's built-in search downloads the whole index and builds it in the browser on every
page view (1.6 s and 206 MB of memory at 1,000 briefings, 21 s and 1.9 GB at 10,000). With
``search: pagefind`` the build indexes the written site with Pagefind, which splits the index
into chunks, so a query fetches only the chunks of its words and the text of the pages it
lists. Material's search box and result list stay; what changes is the worker behind them
(``assets/pagefind-search.js``, which speaks Material's worker protocol) and the built-in
index, which keeps its search settings (the landing page's highlighting reads them) and loses
its documents. Pagefind needs a web server: its bundle cannot be imported from ``file://``, so
the built-in search stays the default, and the one for sites opened from disk.

Pagefind indexes the article of each briefing and of each hand-written page, so that every
text is found once, where it stands. The generator's collection pages (home, themes, timeline,
people, glossary, sources, the cleaning audit) repeat the briefings' text and grow with the
collection: at 1,000 briefings the cleaning page alone is a 430 KB fragment, the timeline's
330 KB, which a query listing them would download.
"""

from __future__ import annotations

import json
import logging
import posixpath
import re
import subprocess
from pathlib import Path

import pagefind_bin
from jinja2.utils import htmlsafe_json_dumps
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from generator.markup import BRIEFINGS_DIR
from generator.write import is_generated

log = logging.getLogger("mkdocs.plugins.briefings")

# Material's article: the page's text, without the header, navigation, sidebars and footer
# around it. Pagefind indexes only the elements marked data-pagefind-body once a page has one.
ARTICLE = '<article class="md-content__inner md-typeset">'
INDEXED_ARTICLE = '<article class="md-content__inner md-typeset" data-pagefind-body>'
IGNORED_SELECTOR = ".headerlink"  # the "¶" permalink after every heading

WORKER = Path(__file__).parent / "assets" / "pagefind-search.js"
WORKER_NAME = WORKER.name  # written beside Material's own worker, whose address it replaces
BUILTIN_INDEX = Path("search", "search_index.json")
PAGE_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)',
                         re.DOTALL)


def check_plugins(plugins) -> None:
    """Refuse plugin sets that would leave the search box without an answer, at build start:
    Material's search plugin draws the box; the offline plugin promises a site that searches
    from ``file://``, where Pagefind cannot run."""
    if not _enabled(plugins, "material/search"):
        raise PluginError("briefings: 'search: pagefind' answers queries typed into Material's "
                          "search box: add '- search' to 'plugins' in mkdocs.yml")
    if _enabled(plugins, "material/offline"):
        raise PluginError("briefings: 'search: pagefind' needs a web server, but the offline "
                          "plugin builds a site to open from disk: remove '- offline' from "
                          "'plugins' in mkdocs.yml, or keep 'search: builtin'")


def _enabled(plugins, name: str) -> bool:
    plugin = plugins.get(name)
    return plugin is not None and plugin.config.get("enabled", True)


def prepare_page(html: str, file: File) -> str:
    """A built page for Pagefind: its search box talks to our worker, and its article is
    marked for indexing if it is a briefing's or a hand-written page's."""
    html = use_worker(html)
    if not is_indexed(file):
        return html
    if ARTICLE not in html:
        raise PluginError(f"briefings: {file.src_uri}: no {ARTICLE} in the built page, so "
                          "Pagefind would not index it: has Material changed its page layout?")
    return html.replace(ARTICLE, INDEXED_ARTICLE, 1)


def is_indexed(file: File) -> bool:
    """Briefings and hand-written pages: each text once, where it stands (see above)."""
    return file.src_uri.startswith(f"{BRIEFINGS_DIR}/") or (
        file.abs_src_path is not None and not is_generated(Path(file.abs_src_path)))


def use_worker(html: str) -> str:
    """Name our worker instead of Material's in a page's config, the JSON that Material's
    bundle reads: ``"search": "../assets/javascripts/workers/search.a7633da7.min.js"`` becomes
    ``"../assets/javascripts/workers/pagefind-search.js"``."""
    def replace(match: re.Match) -> str:
        config = json.loads(match[2])
        config["search"] = posixpath.join(posixpath.dirname(config["search"]), WORKER_NAME)
        return f"{match[1]}{htmlsafe_json_dumps(config)}{match[3]}"
    return PAGE_CONFIG.sub(replace, html, count=1)


def index_site(site_dir: Path) -> None:
    """Make the built site search with Pagefind: its index, our worker, and a built-in index
    with no documents, so that no page view downloads them."""
    _run_pagefind(site_dir)
    worker = site_dir / "assets" / "javascripts" / "workers" / WORKER_NAME
    worker.write_bytes(WORKER.read_bytes())
    builtin = site_dir / BUILTIN_INDEX
    settings = json.loads(builtin.read_text(encoding="utf-8"))["config"]
    builtin.write_text(json.dumps({"config": settings, "docs": []}), encoding="utf-8")


def _run_pagefind(site_dir: Path) -> None:
    """Index ``site_dir`` into ``site_dir/pagefind`` with the binary that pagefind-bin ships
    (no download); ``index.html`` stays in result addresses, as in the site's own links."""
    command = [str(pagefind_bin.get_executable()), "--site", str(site_dir),
               "--exclude-selectors", IGNORED_SELECTOR, "--keep-index-url"]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    log.debug("briefings: %s", run.stdout)
    if run.returncode != 0:
        raise PluginError(f"briefings: Pagefind could not index {site_dir} "
                          f"(exit {run.returncode}): {run.stderr.strip() or run.stdout.strip()}")
    log.info("briefings: Pagefind search index written to %s", site_dir / "pagefind")
