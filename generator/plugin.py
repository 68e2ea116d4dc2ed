"""The MkDocs plugin: regenerate the briefing pages from ``seeds/`` before every build.

Listed first under ``plugins:`` in mkdocs.yml, so ``mkdocs build`` and ``mkdocs serve`` always
show the current seeds, and so the tags plugin, configured after it, only accepts the
vocabulary's theme names as tags. Problems are logged as warnings: ``mkdocs build --strict``
fails on them. Pages are rewritten only when they change, so ``serve`` does not rebuild in a
loop. Every page, hand-written ones included, gets the glossary's abbreviations as tooltips,
and the built site gets a self-contained handout per theme and one for the collection.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import tempfile
import time
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from generator import pagefind
from generator.glossary import abbreviation_definitions, abbreviations
from generator.pipeline import BuildResult, Settings, generate
from generator.themes import DEFAULT_VOCABULARY, load_vocabulary

log = logging.getLogger("mkdocs.plugins.briefings")

# Material's bundle loads two scripts from a CDN when it needs them. Offline means offline,
# so each points at a local file instead: the ResizeObserver polyfill (for browsers older
# than 2020) is vendored from npm (resize-observer-polyfill 1.5.1, MIT) and resolved against
# the site root (``__md_scope``, set on every page); Mermaid draws diagrams, which briefings
# never contain (scraped text cannot make one), so it gets an empty script.
OFFLINE_LOADERS = (
    (re.compile(r'"https://unpkg\.com/resize-observer-polyfill[^"]*"'),
     'new URL("assets/javascripts/resize-observer-polyfill/ResizeObserver.global.js",'
     "__md_scope).href"),
    (re.compile(r'"https://unpkg\.com/mermaid[^"]*"'), '"data:text/javascript,"'),
)


class BriefingsConfig(Config):
    seeds = config_options.Dir(exists=True, default="seeds")
    themes = config_options.File(exists=True, default=str(DEFAULT_VOCABULARY))
    # What earlier builds made, reused for unchanged inputs (generator/cache.py); Material's
    # own plugins keep their caches under .cache/plugin/ too.
    cache = config_options.Type(bool, default=True)
    cache_dir = config_options.Type(str, default=".cache/plugin/briefings")
    # Who answers Material's search box: "builtin" (Material's own index, downloaded whole;
    # works from disk) or "pagefind" (for large collections on a web server; see
    # generator/pagefind.py and the README's "Search at scale").
    search = config_options.Choice(("builtin", "pagefind"), default="builtin")


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    result: BuildResult | None = None
    scratch: tempfile.TemporaryDirectory | None = None  # the handouts' folder with no cache
    abbreviations: dict[str, str] | None = None  # acronym → its definition, for tooltips
    tooltip_seconds = 0.0  # spent adding abbreviations to pages, for the build's timing line

    def on_config(self, config):
        self.tooltip_seconds = 0.0
        if self.config.cache:
            cache = Path(config.config_file_path).parent / self.config.cache_dir
            cache_file, handouts = cache / "cache.db", cache / "handouts"
        else:  # the handouts still need a folder until MkDocs has copied them
            self.scratch = tempfile.TemporaryDirectory(prefix="briefings-handouts-")
            cache_file, handouts = None, Path(self.scratch.name)
        settings = Settings(seeds_dir=Path(self.config.seeds), docs_dir=Path(config.docs_dir),
                            themes_file=Path(self.config.themes), cache_file=cache_file,
                            handouts_dir=handouts, handouts_on=generated_on())
        self.result = generate(settings)
        self.abbreviations = abbreviations(self.result.output.glossary)
        for problem in self.result.problems:
            log.warning("briefings: %s", problem)
        for duplicate in self.result.output.duplicates:
            log.info("briefings: %s", duplicate)
        report = self.result.report
        log.info("briefings: %s; %d pages written, %d unchanged, %d deleted; %s in %.2f s",
                 self.result.summary(), len(report.written), len(report.unchanged),
                 len(report.deleted), "nothing had changed" if self.result.reused
                 else "generated", self.result.seconds)
        _allow_only_theme_tags(config, settings.themes_file)
        return config

    def on_files(self, files, *, config):
        """Add the handouts to the built site: MkDocs copies them from where the generator
        wrote them (the cache), never from docs/."""
        for path, written in self.result.handouts.items():
            files.append(File.generated(config, path, abs_src_path=str(written)))
        return files

    @property
    def uses_pagefind(self) -> bool:
        return self.config.search == "pagefind"

    def on_pre_build(self, *, config):
        """Refuse, before anything is written, a Pagefind build whose search box cannot answer."""
        if self.uses_pagefind:
            pagefind.check_plugins(config.plugins)

    def on_post_page(self, output, *, page, config):
        """With Pagefind, every page's search box talks to our worker, and the briefings and
        hand-written pages are marked for indexing (generator/pagefind.py)."""
        return pagefind.prepare_page(output, page.file) if self.uses_pagefind else output

    def on_post_template(self, output_content, *, template_name, config):
        """The same for the pages built from a template alone: 404.html has a search box too."""
        return pagefind.use_worker(output_content) if self.uses_pagefind else output_content

    # Last, after Material's search plugin has written its index: Pagefind mode replaces it.
    @event_priority(-100)
    def on_post_build(self, *, config):
        """Point Material's on-demand script loaders at local files (see OFFLINE_LOADERS);
        with Pagefind, index the written site.
        Logs what the generator cost this build (``benchmarks/scale.py`` reads the line)."""
        log.info("briefings: the generator took %.2f s of this build (%.2f s generating, "
                 "%.2f s adding tooltips)", self.result.seconds + self.tooltip_seconds,
                 self.result.seconds, self.tooltip_seconds)
        for bundle in Path(config.site_dir, "assets", "javascripts").glob("bundle.*.js"):
            text = bundle.read_text(encoding="utf-8")
            for pattern, replacement in OFFLINE_LOADERS:
                text = pattern.sub(replacement, text)
            bundle.write_text(text, encoding="utf-8")
        if self.uses_pagefind:
            pagefind.index_site(Path(config.site_dir))

    def on_page_markdown(self, markdown, *, page, **kwargs):
        """Tooltips for the hand-written pages: generated pages carry their own."""
        if page.file.src_uri in self.result.output.page_digests:
            return markdown
        started = time.perf_counter()
        definitions = abbreviation_definitions(self.abbreviations, markdown)
        self.tooltip_seconds += time.perf_counter() - started
        return f"{markdown}\n\n{definitions}\n" if definitions else markdown


def generated_on() -> dt.date:
    """The handouts' generation date: ``SOURCE_DATE_EPOCH`` when set (reproducible builds),
    else today, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.date()


def _allow_only_theme_tags(config, themes_file: Path) -> None:
    """Make Material's tags plugin reject any tag that is not a theme of the vocabulary."""
    from material.plugins.tags.structure.tag import Tag

    tags_plugins = [p for name, p in config.plugins.items() if name.endswith("tags")]
    names = {Tag(theme.name) for theme in load_vocabulary(themes_file).themes}
    for plugin in tags_plugins:
        plugin.config.tags_allowed = names
