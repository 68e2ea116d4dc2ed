"""Figures for the identity stage: how often title, date, author and source are found right.

    .venv/bin/python benchmarks/identity.py            # blocks, notitle and html
    .venv/bin/python benchmarks/identity.py --misses   # and every miss, with its rule

Scores every page of ``shared/extraction-dev`` with the judging functions of
``shared/tools/score_metadata.py`` itself (imported, so the verdicts are the scorer's), in
one process instead of one process per page. Then the same on the 300 varied pages of
``shared/extraction-dev-segments`` (mostly German blogs, shops and government pages),
which come without a ``meta.json``: there the truth is what each raw page declares
(og:title, JSON-LD, ``<meta>``, ``<title>``), as the HTML reader reads it. Variants, as
the scorer makes them:
``blocks`` (the block scrape), ``notitle`` (the same without its first line, the page's
<title>) and ``html`` (the raw page). For each field: right, null and wrong, as shares of
the pages that declare it. Then the time the identity stage adds per article.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIELDS = ("title", "date", "author", "source")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_metadata", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_page(dev: Path, page: str, variant: str):
    from generator.model import RawDoc
    from generator.read import read_file

    if variant == "html":
        return read_file(dev / f"{page}.html")
    doc = read_file(dev / f"{page}.blocks.txt")
    if variant == "notitle":  # as the scorer makes it: the first line and blank lines go
        rest = doc.text.split("\n", 1)[1:]
        doc = RawDoc(doc.name, (rest[0] if rest else "").lstrip("\n"))
    return doc


def truths(dev: Path) -> list[tuple[str, dict]]:
    """(page, what it declares) for every page of ``dev``: its ``meta.json``, else what its
    raw HTML declares about itself."""
    metas = sorted(dev.glob("*.meta.json"))
    if metas:
        return [(p.name.removesuffix(".meta.json"), json.loads(p.read_text("utf-8")))
                for p in metas]
    from generator.html import declared_meta, parse

    pages = []
    for html in sorted(dev.glob("*.html")):
        declared, titles = declared_meta(parse(html.read_bytes()))
        pages.append((html.stem, {
            "titles": titles, "date": declared.date and declared.date.isoformat(),
            "authors": [declared.author] if declared.author else [],
            "site_names": [declared.site_name] if declared.site_name else []}))
    return [(page, truth) for page, truth in pages if truth]


def checks(meta: dict, scorer) -> list[tuple[str, object, object]]:
    """(field, what the page declares, the scorer's judge) for each field it declares."""
    titles = meta.get("titles") or ([meta["title"]] if meta.get("title") else [])
    found = [("title", titles, scorer.title_right), ("date", meta.get("date"), scorer.date_right),
             ("author", meta.get("authors"), scorer.author_right),
             ("source", meta.get("site_names"), scorer.source_right)]
    return [(field, truth, judge) for field, truth, judge in found if truth]


def score(dev: Path, pages: list[tuple[str, dict]], variant: str, scorer, *,
          misses: bool) -> dict[str, dict[str, int]]:
    from generator.model import Problem
    from generator.pipeline import article_from

    tally = {f: {"right": 0, "null": 0, "wrong": 0} for f in FIELDS}
    for page, meta in pages:
        doc = read_page(dev, page, variant)
        if isinstance(doc, Problem):  # no article read: every field is missing
            got, rules = dict.fromkeys(FIELDS), {}
        else:
            article = article_from(doc)
            got = {"title": article.title, "date": article.date and article.date.isoformat(),
                   "author": article.author, "source": article.source}
            rules = {o.field: o.rule for o in article.origins}
        for field, truth, judge in checks(meta, scorer):
            value = got[field]
            verdict = "right" if value and judge(value, truth) else "null" if not value else "wrong"
            if field == "title" and verdict == "null":
                verdict = "wrong"  # the scorer's rule: every page has a title
            tally[field][verdict] += 1
            if misses and verdict != "right":
                print(f"  {variant:7} {page[:12]} {field:6} {verdict:5} "
                      f"{rules.get(field, ''):34} {str(value)[:50]!r}  declared "
                      f"{str(truth)[:60]!r}")
    return tally


def _cells(tally: dict[str, dict[str, int]]) -> list[str]:
    cells = []
    for field in FIELDS:
        t = tally[field]
        n = sum(t.values()) or 1
        cells.append(f"{field} {t['right'] / n:.2f} / {t['null'] / n:.2f} / "
                     f"{t['wrong'] / n:.2f} (n={sum(t.values())})")
    return cells


def seconds_per_article(dev: Path) -> tuple[float, float]:
    """CPU seconds per text scrape: cleaning alone, and the identity stage on top."""
    from generator.clean import clean
    from generator.dates import forget_read_dates
    from generator.metadata import extract_metadata

    docs = [read_page(dev, page, "blocks") for page, _ in truths(dev)]
    cleaned = [clean(doc) for doc in docs]
    best_clean = best_identity = float("inf")
    for _ in range(10):  # the best round: the machine is shared
        start = time.process_time()
        for doc in docs:
            clean(doc)
        best_clean = min(best_clean, time.process_time() - start)
        forget_read_dates()  # each article is read once in a build
        start = time.process_time()
        for doc in cleaned:
            extract_metadata(doc)
        best_identity = min(best_identity, time.process_time() - start)
    return best_clean / len(docs), best_identity / len(docs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", type=Path, action="append",
                        help="a dev folder (repeatable; default: both dev sets)")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score_metadata.py")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.scorer)
    devs = args.dev or [SHARED / "extraction-dev", SHARED / "extraction-dev-segments"]
    for dev in devs:
        pages = truths(dev)
        print(f"identity on {dev} (judged by {args.scorer.name}): right / null / wrong")
        for variant in ("blocks", "notitle", "html"):
            print(f"{variant:8} " + "; ".join(
                _cells(score(dev, pages, variant, scorer, misses=args.misses))))
    cleaning, identity = seconds_per_article(devs[0])
    print(f"speed, one process (CPU, best of 10): cleaning {1 / cleaning:,.0f} text "
          f"articles/s; the identity stage adds {identity * 1000:.2f} ms an article "
          f"({1 / (cleaning + identity):,.0f} articles/s cleaned and identified)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
