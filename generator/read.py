"""Stage 1: ``seeds/*`` → ``RawDoc``. The only stage that opens input files.

Text scrapes are read as they are; HTML pages are turned into the same one-block-per-line
text (see ``html.py``) with the metadata the page declares about itself. A file that cannot
be read becomes a ``Problem`` naming the file and the reason, and the other files go on.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from generator.model import InputFormat, Problem, RawDoc

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
# Files in seeds/ that are not articles: the overrides file and notes for maintainers.
NOT_ARTICLES = frozenset({"sources.yml", "sources.yaml", "README.md", ".gitkeep"})


def read_seeds(seeds_dir: Path) -> tuple[list[RawDoc], list[Problem]]:
    """Read every article file in ``seeds_dir``, sorted by name so output is deterministic."""
    docs: list[RawDoc] = []
    problems: list[Problem] = []
    for path in sorted(seeds_dir.iterdir(), key=lambda p: p.name):
        if path.name in NOT_ARTICLES or path.name.startswith(".") or path.is_dir():
            continue
        doc_or_problem = read_file(path)
        (docs if isinstance(doc_or_problem, RawDoc) else problems).append(doc_or_problem)
    return docs, problems


def read_file(path: Path) -> RawDoc | Problem:
    """Read one input file, or say why it cannot be used."""
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        return Problem(
            path.name,
            f"unsupported file type {suffix or '(none)'!r}: "
            "save articles as .txt (a text scrape) or .html (the raw page)",
        )
    data = path.read_bytes()
    if suffix in HTML_SUFFIXES:
        from generator.html import page_to_doc  # lxml is only loaded for HTML input

        doc = page_to_doc(path.name, data)  # a page declares its own encoding
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            return Problem(
                path.name,
                f"not valid UTF-8 (byte {error.object[error.start]:#04x} at offset "
                f"{error.start}): re-save the file as UTF-8",
            )
        doc = RawDoc(name=path.name, text=normalise_text(text), format=InputFormat.TEXT)
    if not doc.text.strip():
        return Problem(path.name, "no text found in the file: nothing to publish")
    return doc


def normalise_text(text: str) -> str:
    """Unify line endings, Unicode composition and trailing spaces; keep every line in place.

    Line numbers must stay those of the input file, so no line is added or dropped here.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(line.rstrip() for line in text.split("\n"))
