"""A held-out estimate for the text cleaner's hand-set thresholds (README: "How well it cleans").

    .venv/bin/python benchmarks/cross_validation.py     # about a minute on a 2-core machine

The thresholds at the top of ``generator/clean.py`` were set by hand while looking at
``shared/extraction-dev``, so the in-sample F1 on those pages may flatter the cleaner. Here
the 121 pages are grouped by site (the URL's host name in ``manifest.json``, without
"www.") into 5 folds (scikit-learn's ``GroupKFold``): a site is never both tuned on and
scored. For each fold a few of the main thresholds are re-tuned by coordinate descent over a
small grid, on the training pages only, and the chosen values are scored on the held-out
pages. Scores are the official scorer's token F1 (``shared/tools/score_extraction.py``,
imported) on the ``blocks`` text scrapes, of the text that
``python -m generator extract FILE --format text`` prints.

The thresholds are module constants read when the cleaner runs, so they are set with
``setattr`` on ``generator.clean`` and restored afterwards. Each setting is run once on all
pages and remembered; a fold's choice only ever looks at its training pages' scores.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FOLDS = 5
MAX_SWEEPS = 3  # coordinate descent stops earlier once a sweep changes nothing
# The thresholds re-tuned, each with its grid (the committed value is always tried too).
GRID: dict[str, tuple[float, ...]] = {
    "LONG_CHARS": (70, 85, 100, 120, 140),
    "SHORT_CHARS": (20, 25, 30, 40, 50),
    "MIN_STOP_DENSITY": (0.10, 0.15, 0.20, 0.25, 0.30),
    "SHORT_PENALTY": (10.0, 15.0, 25.0, 40.0, 60.0),
    "NEAR_WEIGHT": (0.0, 0.125, 0.25, 0.5, 1.0),
    "PROSE_RESUME_WINDOW": (4, 8, 16, 24, 32),
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    from sklearn.model_selection import GroupKFold

    from generator import clean

    started = time.perf_counter()
    scorer = _import_scorer(args.scorer)
    pages, golds, sites = _load(args.dev)
    committed = {name: getattr(clean, name) for name in GRID}
    evaluate = _Evaluator(clean, pages, golds, scorer)
    print(f"development set: {args.dev} ({len(pages)} pages, {len(set(sites))} sites); "
          f"re-tuned: {', '.join(GRID)}")

    held_out, pooled = [], []
    splits = GroupKFold(n_splits=FOLDS).split(pages, groups=sites)
    for fold, (train, test) in enumerate(splits, start=1):
        chosen = tune(evaluate, committed, list(train))
        score = evaluate.mean(chosen, list(test))
        held_out.append(score)
        pooled.extend(evaluate.mean(chosen, [i]) for i in test)
        changed = ", ".join(f"{k}={v:g}" for k, v in chosen.items() if v != committed[k])
        print(f"fold {fold}: held-out F1 {score:.3f} on {len(test)} pages "
              f"({len({sites[i] for i in test})} sites); train F1 "
              f"{evaluate.mean(chosen, list(train)):.3f} with {changed or 'the committed values'}")

    everything = list(range(len(pages)))
    print(f"\nmean held-out F1 {statistics.fmean(held_out):.3f} (grouped {FOLDS}-fold, "
          f"re-tuned per fold; over the {len(pooled)} held-out pages "
          f"{statistics.fmean(pooled):.3f})")
    print(f"in-sample F1 {evaluate.mean(committed, everything):.3f} with the committed "
          f"thresholds ({', '.join(f'{k}={v:g}' for k, v in committed.items())})")
    print(f"{evaluate.runs} settings run, {time.perf_counter() - started:.0f} s")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", type=Path, default=SHARED / "extraction-dev")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score_extraction.py")
    return parser


def tune(evaluate: _Evaluator, start: dict[str, float], train: list[int]) -> dict[str, float]:
    """Coordinate descent: each threshold in turn takes its best grid value on ``train``,
    the others held; a value replaces the current one only if it scores strictly higher."""
    best = dict(start)
    best_score = evaluate.mean(best, train)
    for _ in range(MAX_SWEEPS):
        moved = False
        for name, values in GRID.items():
            for value in values:
                trial = {**best, name: value}
                score = evaluate.mean(trial, train)
                if score > best_score + 1e-12:
                    best, best_score, moved = trial, score, True
        if not moved:
            break
    return best


class _Evaluator:
    """Per-page F1 of one setting of the thresholds, run once on all pages and remembered."""

    def __init__(self, module, pages: list[Path], golds: list[str], scorer) -> None:
        self.module, self.pages, self.golds, self.scorer = module, pages, golds, scorer
        self.extract = _extractor()
        self.seen: dict[tuple[float, ...], list[float]] = {}
        self.runs = 0

    def mean(self, setting: dict[str, float], indices: list[int]) -> float:
        key = tuple(setting[name] for name in GRID)
        if key not in self.seen:
            with _patched(self.module, setting):
                texts = [self.extract(page) for page in self.pages]
            self.seen[key] = [self.scorer.score_text(gold, text)["F1"]
                              for gold, text in zip(self.golds, texts, strict=True)]
            self.runs += 1
        return statistics.fmean(self.seen[key][i] for i in indices)


@contextmanager
def _patched(module, setting: dict[str, float]) -> Iterator[None]:
    saved = {name: getattr(module, name) for name in setting}
    try:
        for name, value in setting.items():
            setattr(module, name, value)
        yield
    finally:
        for name, value in saved.items():
            setattr(module, name, value)


def _extractor():
    """``benchmarks/extraction.py``'s ``extract_text`` (what the CLI prints), or the same
    two calls if that script cannot be imported."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        from extraction import extract_text
    except ImportError:
        from generator.cli import as_text
        from generator.pipeline import article_from
        from generator.read import read_file

        def extract_text(path: Path) -> str:
            doc = read_file(path)
            return "" if not hasattr(doc, "text") else as_text(article_from(doc))
    return extract_text


def _import_scorer(path: Path):
    sys.path.insert(0, str(path.resolve().parent))
    import score_extraction

    return score_extraction


def _load(dev: Path) -> tuple[list[Path], list[str], list[str]]:
    """The ``blocks`` scrapes, their gold bodies and their sites, in id order."""
    manifest = json.loads((dev / "manifest.json").read_text(encoding="utf-8"))
    urls = {item["id"]: item["url"] for item in manifest["items"]}
    ids = sorted(path.name.removesuffix(".gold.txt") for path in dev.glob("*.gold.txt"))
    pages = [dev / f"{page_id}.blocks.txt" for page_id in ids]
    golds = [(dev / f"{page_id}.gold.txt").read_text(encoding="utf-8") for page_id in ids]
    sites = [(urlsplit(urls[page_id]).hostname or "").removeprefix("www.") for page_id in ids]
    return pages, golds, sites


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
