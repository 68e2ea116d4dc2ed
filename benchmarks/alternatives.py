"""The alternatives the README compares the cleaner with, measured (README: "How well it cleans"
and "Dependencies, and why").

    .venv/bin/python benchmarks/alternatives.py    # a few minutes; each package is optional

Prints, for ``shared/extraction-dev`` (121 real news pages), token F1 by the official scorer
(``shared/tools/score_extraction.py``, batch mode: this script is its adapter) of:
- keeping every line of the ``blocks`` text scrape (the floor any cleaner must beat);
- jusText on the ``blocks`` text, each line made an HTML paragraph, English stop words
  (the classic paragraph classifier, which the text cleaner's first pass follows);
- this project on the raw HTML, as ``python -m generator extract`` reads it;
- trafilatura on the raw HTML: with the setting that scored best on the news pages
  (``fast=True, include_comments=False, include_tables=False``), with its defaults, without
  comments only, and without comments followed by this project's boilerplate phrase rules
  (a combination: trafilatura finds the article, the phrase rules drop the donation
  appeals and share prompts it keeps); and a per-page choice between this project and
  that combination;
then the same HTML extractors on the 300 varied pages of ``shared/extraction-dev-segments``,
scored in one process by the judging function of ``shared/tools/score_segments.py``
(segments that must and must not appear); and, for the choice of HTML parser, pages parsed
per second in one process by BeautifulSoup (with lxml underneath) and by ``lxml.html``
alone (parsing only, CPU time, best of 3).

trafilatura, jusText and beautifulsoup4 are not project dependencies: without one, its line
says how to install it and the rest still runs.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import json
import shlex
import subprocess
import sys
from pathlib import Path

# the sibling script (run as benchmarks/<name>.py)
from extraction import best_rate, dev_parser, extract_text

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SPEED_ROUNDS = 3  # the HTML pages are parsed this many times; the best round counts
# What the scorer runs: label, input variant, the adapter's method, the package it needs.
SCORED = (
    ("keep every line", "blocks", "keep", None),
    ("jusText (English)", "blocks", "justext", "justext"),
    ("this project, HTML", "html", "ours", None),
    ("trafilatura fast, no extras", "html", "trafilatura-best", "trafilatura"),
    ("trafilatura defaults", "html", "trafilatura-default", "trafilatura"),
    ("trafilatura, no comments", "html", "trafilatura-no-comments", "trafilatura"),
    ("trafilatura + our phrase rules", "html", "trafilatura-phrases", "trafilatura"),
    ("ours, else trafilatura", "html", "ours-or-trafilatura", "trafilatura"),
)
SEGMENTS = SHARED / "extraction-dev-segments"
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
    segments(args.segments)
    parse_speed(args.dev)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = dev_parser(__doc__.split("\n")[0])
    parser.add_argument("--segments", type=Path, default=SEGMENTS,
                        help="the segment development set")
    return parser


def keep_everything(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "replace")


def justext_on_lines(path: Path) -> str:
    """jusText's paragraphs are block elements; a text scrape has one block per line.

    With its defaults jusText keeps nothing on a page without one "good" paragraph (200
    characters and more, dense in English function words): pages in other languages and news
    pages of short paragraphs come out empty, and the scorer counts them as F1 0."""
    import justext

    lines = keep_everything(path).splitlines()
    markup = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines if line.strip())
    paragraphs = justext.justext(f"<html><body>\n{markup}</body></html>",
                                 justext.get_stoplist("English"))
    return "".join(f"{p.text}\n\n" for p in paragraphs if not p.is_boilerplate)


def trafilatura_best(path: Path) -> str:
    import trafilatura

    return trafilatura.extract(path.read_bytes(), fast=True, include_comments=False,
                               include_tables=False) or ""


def trafilatura_default(path: Path) -> str:
    import trafilatura

    return trafilatura.extract(path.read_bytes()) or ""


def trafilatura_without_comments(path: Path) -> str:
    import trafilatura

    return trafilatura.extract(path.read_bytes(), include_comments=False) or ""


def trafilatura_then_phrase_rules(path: Path) -> str:
    """trafilatura's lines, less those a boilerplate phrase rule of this project removes."""
    from generator.clean import phrase_rule
    from generator.knowledge import load_knowledge

    knowledge = load_knowledge()
    return "".join(f"{line}\n" for line in trafilatura_without_comments(path).splitlines()
                   if not phrase_rule(line, knowledge))


def ours_unless_trafilatura_finds_twice_as_much(path: Path) -> str:
    """A per-page choice: this project's body, unless trafilatura (then the phrase rules)
    finds more than twice its words, a sign that the project lost the article's parts."""
    ours, theirs = extract_text(path), trafilatura_then_phrase_rules(path)
    return theirs if len(ours.split()) * 2 < len(theirs.split()) else ours


EXTRACTORS = {
    "keep": keep_everything,
    "justext": justext_on_lines,
    "ours": extract_text,
    "trafilatura-best": trafilatura_best,
    "trafilatura-default": trafilatura_default,
    "trafilatura-no-comments": trafilatura_without_comments,
    "trafilatura-phrases": trafilatura_then_phrase_rules,
    "ours-or-trafilatura": ours_unless_trafilatura_finds_twice_as_much,
}


def write_bodies(extract, inputs: list[Path], outdir: Path) -> int:
    """The scorer's batch adapter: one ``<name>.out`` per input page."""
    for path in inputs:
        (outdir / f"{path.name}.out").write_text(extract(path), encoding="utf-8")
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


def segments(dev: Path) -> None:
    """Segment precision, recall and F1 of each HTML extractor on the varied pages, judged
    by ``score_segments.py``'s own folding and counting (micro average over all segments),
    in one process."""
    fold = _load(SHARED / "tools" / "score_segments.py").fold
    truth = json.loads((dev / "segments.json").read_text(encoding="utf-8"))
    print(f"\nsegments of {dev} (HTML, {len(truth)} pages): P / R / F1, empty pages")
    for label, variant, method, package in SCORED:
        if variant != "html" or package and not _installed(package):
            continue
        found = missed = leaked = empty = 0
        for page, wanted in sorted(truth.items()):
            text = fold(EXTRACTORS[method](dev / f"{page}.html"))
            empty += not text
            hits = sum(fold(s) in text for s in wanted["with"])
            found, missed = found + hits, missed + len(wanted["with"]) - hits
            leaked += sum(fold(s) in text for s in wanted["without"])
        precision, recall = found / max(found + leaked, 1), found / max(found + missed, 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        print(f"  {label:32} {precision:.3f} / {recall:.3f} / {f1:.3f}, {empty} empty")


def _load(script: Path):
    spec = importlib.util.spec_from_file_location(script.stem, script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
