"""The MkDocs plugin: regenerate the briefing pages from ``seeds/`` before every build.

Listed first under ``plugins:`` in mkdocs.yml, so ``mkdocs build`` and ``mkdocs serve`` always
show the current seeds, and so the tags plugin, configured after it, only accepts the
vocabulary's theme names as tags. Problems are logged as warnings: ``mkdocs build --strict``
fails on them. Pages are rewritten only when they change, so ``serve`` does not rebuild in a
loop. Every page, hand-written ones included, gets the glossary's abbreviations as tooltips.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin

from generator.glossary import abbreviation_definitions
from generator.pipeline import BuildResult, Settings, generate
from generator.themes import DEFAULT_VOCABULARY, load_vocabulary

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsConfig(Config):
    seeds = config_options.Dir(exists=True, default="seeds")
    themes = config_options.File(exists=True, default=str(DEFAULT_VOCABULARY))


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    result: BuildResult | None = None

    def on_config(self, config):
        settings = Settings(seeds_dir=Path(self.config.seeds), docs_dir=Path(config.docs_dir),
                            themes_file=Path(self.config.themes))
        self.result = generate(settings)
        for problem in self.result.problems:
            log.warning("briefings: %s", problem)
        report = self.result.report
        log.info("briefings: %d articles; %d pages written, %d unchanged, %d deleted",
                 len(self.result.site.articles), len(report.written), len(report.unchanged),
                 len(report.deleted))
        _allow_only_theme_tags(config, settings.themes_file)
        return config

    def on_page_markdown(self, markdown, **kwargs):
        definitions = abbreviation_definitions(self.result.site.glossary, markdown)
        return f"{markdown}\n\n{definitions}\n" if definitions else markdown


def _allow_only_theme_tags(config, themes_file: Path) -> None:
    """Make Material's tags plugin reject any tag that is not a theme of the vocabulary."""
    from material.plugins.tags.structure.tag import Tag

    tags_plugins = [p for name, p in config.plugins.items() if name.endswith("tags")]
    names = {Tag(theme.name) for theme in load_vocabulary(themes_file).themes}
    for plugin in tags_plugins:
        plugin.config.tags_allowed = names
