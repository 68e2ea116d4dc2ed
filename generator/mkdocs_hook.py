"""MkDocs hook: regenerate the briefing pages from ``seeds/`` before every build.

Listed under ``hooks:`` in mkdocs.yml, so ``mkdocs build`` and ``mkdocs serve`` always show
the current seeds. Problems are logged as warnings: ``mkdocs build --strict`` fails on them.
Pages are rewritten only when they change, so ``serve`` does not rebuild in a loop.
"""

from __future__ import annotations

import logging
from pathlib import Path

from generator.pipeline import Settings, generate

log = logging.getLogger("mkdocs.plugins.briefings")


def on_config(config):
    root = Path(config.config_file_path).parent
    result = generate(Settings(seeds_dir=root / "seeds", docs_dir=Path(config.docs_dir)))
    for problem in result.problems:
        log.warning("briefings: %s", problem)
    report = result.report
    log.info("briefings: %d articles; %d pages written, %d unchanged, %d deleted",
             len(result.site.articles), len(report.written), len(report.unchanged),
             len(report.deleted))
    return config
