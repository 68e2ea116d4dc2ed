"""Stage 7: ``Page``s → files under ``docs/``. The only stage that writes.

A page is written only when its content changed, so ``mkdocs serve`` (which watches
``docs/``) sees no change on a second run and does not loop. Generated files carry
``GENERATED_MARKER``; a file without it is hand-written and is never overwritten or deleted.
Generated files whose page no longer exists (a seed was removed) are deleted.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from generator.markup import GENERATED_MARKER
from generator.model import Page, Problem


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
    """Write ``pages`` under ``docs_dir``; delete generated pages no longer made (a seed was
    removed); never touch a hand-written page. Two pages for one path are a bug: refused."""
    twice = sorted(path for path, count in Counter(p.path for p in pages).items() if count > 1)
    if twice:
        raise ValueError(f"the generator made two pages for the same path: {twice}")
    outside = _outside(docs_dir, [page.path for page in pages])
    if outside:
        raise ValueError(f"a generated page would be written outside docs/: {outside[0]!r}")
    report = WriteReport()
    for page in pages:
        _write_page(page, docs_dir, report)
    wanted = {page.path for page in pages}
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir).as_posix()
        if relative not in wanted and is_generated(path):
            path.unlink()
            report.deleted.append(relative)
    return report


def pages_in_place(page_digests: dict[str, str], docs_dir: Path) -> bool:
    """Whether ``docs_dir`` holds exactly these generated pages, each with the text whose
    digest is given: then a build would write nothing, and need not load its pages."""
    found = {}
    for path in docs_dir.rglob("*.md"):
        relative = path.relative_to(docs_dir).as_posix()
        if relative in page_digests:
            found[relative] = _digest(path.read_bytes())
        elif is_generated(path):
            return False  # a stale page to delete
    return found == page_digests


def page_digest(text: str) -> str:
    """The digest of a page as ``_write_page`` writes it (the bytes, not the text, so that
    checking a page on disk needs no decoding)."""
    return _digest(text.encode("utf-8"))


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _outside(docs_dir: Path, paths: list[str]) -> list[str]:
    """The paths that would leave ``docs_dir``, symbolic links followed. Pages share a few
    folders, so each folder is resolved once (resolving costs a system call per part)."""
    root = docs_dir.resolve()
    folders = {folder: (root / folder).resolve().is_relative_to(root)
               for folder in {path.rpartition("/")[0] for path in paths}}
    return [path for path in paths if path.rpartition("/")[2] in ("", ".", "..")
            or not folders[path.rpartition("/")[0]]]


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
        if path.read_text(encoding="utf-8", errors="replace") == page.text:
            report.unchanged.append(page.path)
            return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page.text, encoding="utf-8")
    report.written.append(page.path)
