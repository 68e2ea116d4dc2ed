"""The alternatives the README compares the cleaner with, measured (README: "How well it cleans"
and "Dependencies, and why").

    .venv/bin/python benchmarks/alternatives.py    # about 30 s; each package is optional

Prints, for ``shared/extraction-dev`` (121 real news pages), token F1 by the official scorer
(``shared/tools/score_extraction.py``, batch mode: this script is its adapter) of:
- keeping every line of the ``blocks`` text scrape (the floor any cleaner must beat);
- jusText on the ``blocks`` text, each line made an HTML paragraph, English stop words
  (the classic paragraph classifier, which the text cleaner's first pass follows);
- trafilatura on the raw HTML, with the setting that scored best in our trials
  (``fast=True, include_comments=False, include_tables=False``) and with its defaults
  (what the HTML extractor has to beat to justify not depending on it);
and, for the choice of HTML parser, pages parsed per second in one process by BeautifulSoup
(with lxml underneath) and by ``lxml.html`` alone (parsing only, CPU time, best of 3).

trafilatura, jusText and beautifulsoup4 are not project dependencies: without one, its line
says how to install it and the rest still runs.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import shlex
import subprocess
import sys
from pathlib import Path

from extraction import best_rate, dev_parser  # the sibling script: run as benchmarks/<name>.py

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SPEED_ROUNDS = 3  # the HTML pages are parsed this many times; the best round counts
# What the scorer runs: label, input variant, the adapter's method, the package it needs.
SCORED = (
    ("keep every line", "blocks", "keep", None),
    ("jusText (English)", "blocks", "justext", "justext"),
    ("trafilatura fast, no extras", "html", "trafilatura-best", "trafilatura"),
    ("trafilatura defaults", "html", "trafilatura-default", "trafilatura"),
)
INSTALL = {"justext": "justext", "trafilatura": "trafilatura", "bs4": "beautifulsoup4"}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["adapter"]:  # called back by the scorer: adapter METHOD --outdir DIR PAGE...
        adapter = argparse.ArgumentParser(prog="alternatives.py adapter")
        adapter.add_argument("method", choices=sorted(EXTRACTORS))
        adapter.add_argument("--outdir", type=Path, required=True)
        adapter.add_argument("inputs", nargs="+", type=Path)
        called = adapter.parse_args(argv[1:])
        return write_bodies(EXTRACTORS[called.method], called.inputs, called.outdir)
    args = _parser().parse_args(argv)
    print(f"development set: {args.dev}")
    quality(args)
    parse_speed(args.dev)
    return 0


def _parser() -> argparse.ArgumentParser:
    return dev_parser(__doc__.split("\n")[0])


def keep_everything(page: bytes) -> str:
    return page.decode("utf-8", "replace")


def justext_on_lines(page: bytes) -> str:
    """jusText's paragraphs are block elements; a text scrape has one block per line.

    With its defaults jusText keeps nothing on a page without one "good" paragraph (200
    characters and more, dense in English function words): pages in other languages and news
    pages of short paragraphs come out empty, and the scorer counts them as F1 0."""
    import justext

    lines = page.decode("utf-8", "replace").splitlines()
    markup = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines if line.strip())
    paragraphs = justext.justext(f"<html><body>\n{markup}</body></html>",
                                 justext.get_stoplist("English"))
    return "".join(f"{p.text}\n\n" for p in paragraphs if not p.is_boilerplate)


def trafilatura_best(page: bytes) -> str:
    import trafilatura

    return trafilatura.extract(page, fast=True, include_comments=False,
                               include_tables=False) or ""


def trafilatura_default(page: bytes) -> str:
    import trafilatura

    return trafilatura.extract(page) or ""


EXTRACTORS = {
    "keep": keep_everything,
    "justext": justext_on_lines,
    "trafilatura-best": trafilatura_best,
    "trafilatura-default": trafilatura_default,
}


def write_bodies(extract, inputs: list[Path], outdir: Path) -> int:
    """The scorer's batch adapter: one ``<name>.out`` per input page."""
    for path in inputs:
        (outdir / f"{path.name}.out").write_text(extract(path.read_bytes()), encoding="utf-8")
    return 0


def quality(args: argparse.Namespace) -> None:
    python = shlex.quote(sys.executable)
    adapter = shlex.quote(str(Path(__file__).resolve()))
    header = True
    for label, variant, method, package in SCORED:
        if package and not _installed(package):
            print(f"{label}: skipped, {package} is not installed "
                  f"(pip install {INSTALL[package]})")
            continue
        command = f"{python} {adapter} adapter {method} --outdir {{outdir}} {{inputs}}"
        subprocess.run(
            [sys.executable, str(args.scorer), str(args.dev), "--input", variant,
             "--batch-cmd", command, "--label", label, "--worst", str(args.worst),
             *([] if header else ["--no-header"])],
            cwd=ROOT, check=True,
        )
        header = False


def parse_speed(dev: Path) -> None:
    """HTML pages parsed per second in one process: BeautifulSoup against lxml.html, each
    given the page's bytes as saved (each decodes them its own way)."""
    import lxml.html

    pages = [path.read_bytes() for path in sorted(dev.glob("*.html"))]
    rates = {"lxml.html": _best_rate(lambda: [lxml.html.document_fromstring(page)
                                              for page in pages], len(pages))}
    if _installed("bs4"):
        from bs4 import BeautifulSoup

        rates["BeautifulSoup (lxml)"] = _best_rate(
            lambda: [BeautifulSoup(page, "lxml") for page in pages], len(pages))
    else:
        print(f"BeautifulSoup: skipped, not installed (pip install {INSTALL['bs4']})")
    print(f"\nparsing only, one process (CPU time, best of {SPEED_ROUNDS}, {len(pages)} pages): "
          + "; ".join(f"{name} {rate:,.1f} pages/s" for name, rate in rates.items()))


def _best_rate(work, count: int) -> float:
    return best_rate(work, count, rounds=SPEED_ROUNDS)


def _installed(package: str) -> bool:
    return importlib.util.find_spec(package) is not None


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
