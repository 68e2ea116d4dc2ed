"""Stage 1: ``seeds/*`` → ``RawDoc``. The only stage that opens input files.

Text scrapes are decoded whatever their encoding (``encoding.py``); HTML pages are turned
into the same one-block-per-line text (``html.py``) with the metadata the page declares
about itself. A file that cannot be read (unreadable, binary, far too large, empty) becomes
a ``Problem`` naming the file, the reason and what to do, and the other files go on.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from generator.encoding import NotTextError, decode_text
from generator.model import InputFormat, Problem, RawDoc

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
# Files in seeds/ that are not articles: the overrides file and notes for maintainers.
NOT_ARTICLES = frozenset({"sources.yml", "sources.yaml", "README.md", ".gitkeep"})
# A saved article is 10-500 KB, a whole page with its scripts a few MB; a bigger file is a
# dump of many pages or not an article at all, and reading it would stall the build.
MAX_INPUT_BYTES = 10 * 1024 * 1024


def read_seeds(seeds_dir: Path) -> tuple[list[RawDoc], list[Problem]]:
    """Read every article file in ``seeds_dir``, sorted by name so output is deterministic."""
    docs: list[RawDoc] = []
    problems: list[Problem] = []
    for path in article_files(seeds_dir):
        doc_or_problem = read_file(path)
        (docs if isinstance(doc_or_problem, RawDoc) else problems).append(doc_or_problem)
    return docs, problems


def article_files(seeds_dir: Path) -> list[Path]:
    """The files of ``seeds_dir`` that should hold articles, by name."""
    return [path for path in sorted(seeds_dir.iterdir(), key=lambda p: p.name)
            if path.name not in NOT_ARTICLES and not path.name.startswith(".")
            and not path.is_dir()]


def read_file(path: Path) -> RawDoc | Problem:
    """Read one input file, or say why it cannot be used."""
    loaded = load_file(path)
    return loaded if isinstance(loaded, Problem) else decode_file(path.name, loaded)


def load_file(path: Path) -> bytes | Problem:
    """The bytes of one input file, or why they are not worth reading. Cheap: the build
    hashes them to know which articles changed."""
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        return Problem(
            path.name,
            f"unsupported file type {suffix or '(none)'!r}: "
            "save articles as .txt (a text scrape) or .html (the raw page)",
        )
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            return Problem(path.name, f"too large ({size / 2**20:.0f} MB, the limit is "
                           f"{MAX_INPUT_BYTES // 2**20} MB): save only the article's page")
        return path.read_bytes()
    except OSError as error:
        return Problem(path.name, f"cannot be read ({error.strerror}): check its permissions")


def decode_file(name: str, data: bytes) -> RawDoc | Problem:
    """The article text of one file's bytes (decoded, or extracted from HTML)."""
    try:
        doc = _read_doc(name, data)
    except NotTextError as error:
        suffix = Path(name).suffix.lower()
        return Problem(name, f"{error}: is it really a {suffix} file? "
                       "Save the article as text or HTML")
    if not doc.text.strip():
        return Problem(name, "no text found in the file (it is empty or blank): "
                       "save the article again, or remove the file")
    return doc


def _read_doc(name: str, data: bytes) -> RawDoc:
    if Path(name).suffix.lower() in HTML_SUFFIXES:
        from generator.html import page_to_doc  # lxml is only loaded for HTML input

        return page_to_doc(name, data)  # a page declares its own encoding
    return RawDoc(name=name, text=normalise_text(decode_text(data)),
                  format=InputFormat.TEXT)


def normalise_text(text: str) -> str:
    """Unify line endings, Unicode composition and trailing spaces; keep every line in place.

    Line numbers must stay those of the input file, so no line is added or dropped here.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(line.rstrip() for line in text.split("\n"))
