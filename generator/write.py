"""Stage 7: ``Page``s → files under ``docs/``. The only stage that writes.

A page is written only when its content changed, so ``mkdocs serve`` (which watches
``docs/``) sees no change on a second run and does not loop. Generated files carry
``GENERATED_MARKER``; a file without it is hand-written and is never overwritten or deleted.
Generated files whose page no longer exists (a seed was removed) are deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.markup import BRIEFINGS_DIR, GENERATED_MARKER, THEMES_DIR
from generator.model import Page, Problem

# Folders of docs/ that hold only generated pages: stale generated files there are removed.
GENERATED_DIRS = (BRIEFINGS_DIR, THEMES_DIR)


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def is_generated(path: Path) -> bool:
    with path.open(encoding="utf-8", errors="replace") as handle:
        head = handle.read(len(GENERATED_MARKER) + 8)
    return GENERATED_MARKER in head


def write_pages(pages: list[Page], docs_dir: Path) -> WriteReport:
    report = WriteReport()
    for page in pages:
        _write_page(page, docs_dir, report)
    wanted = {page.path for page in pages}
    for folder in GENERATED_DIRS:
        for path in sorted((docs_dir / folder).glob("*.md")):
            relative = path.relative_to(docs_dir).as_posix()
            if relative not in wanted and is_generated(path):
                path.unlink()
                report.deleted.append(relative)
    return report


def _write_page(page: Page, docs_dir: Path, report: WriteReport) -> None:
    path = docs_dir / page.path
    if path.exists():
        if not is_generated(path):
            report.problems.append(Problem(
                f"docs/{page.path}",
                "is a hand-written page (no generator marker): not overwritten; "
                "rename it so the generated page can be written",
            ))
            return
        if path.read_text(encoding="utf-8") == page.text:
            report.unchanged.append(page.path)
            return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page.text, encoding="utf-8")
    report.written.append(page.path)
