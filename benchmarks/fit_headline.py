"""Fit the headline model: how much each kind of evidence counts for a line being the title.

    .venv/bin/python benchmarks/fit_headline.py           # fit, cross-check, print
    .venv/bin/python benchmarks/fit_headline.py --write   # … and store it as package data

A text scrape shows the headline among the lines above the article's text, beside menus,
teasers and section labels. ``generator.identity.title.headline_evidence`` describes each
candidate line by what survives a scrape (words shared with the text, nearness, a byline
below it…). This script labels every candidate of the two dev sets (``shared/extraction-
dev`` and ``shared/extraction-dev-segments``, block scrapes with and without their first
line) with the judge of ``shared/tools/score_metadata.py``, fits a logistic regression
(scikit-learn, pairwise: the right line of a page against its other lines) and writes
its weights to ``generator/data/headline_model.yml``.

It first fits on each set alone and scores the other, so the printed figures show how the
model does on sites it was not fitted on, then fits on both for the stored model.
It also prints, per set and variant, on how many pages a right line is among the
candidates at all (what any choice among them can reach) and how often the stored model
picks one.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV_SETS = (SHARED / "extraction-dev", SHARED / "extraction-dev-segments")
VARIANTS = ("blocks", "notitle")
REGULARISATION = 1.0  # scikit-learn's C: the default; the figures barely move from 0.3 to 3


@dataclass
class Page:
    """The candidates of one page: their evidence, and which of them the judge accepts."""

    evidence: list[dict[str, float]]
    right: list[bool]
    variant: str  # "blocks" or "notitle"


def pages_of(dev: Path, scorer) -> list[Page]:
    from benchmarks.identity import read_page, truths
    from generator.clean import clean
    from generator.identity.header import read_header
    from generator.identity.lexicon import load_lexicon
    from generator.identity.title import anchor_lines, headline_candidates, headline_evidence
    from generator.knowledge import load_knowledge

    knowledge, lexicon = load_knowledge(), load_lexicon()
    pages = []
    for page, meta in truths(dev):
        titles = meta.get("titles") or ([meta["title"]] if meta.get("title") else [])
        for variant in VARIANTS:
            header = read_header(clean(read_page(dev, page, variant)), knowledge.stopwords)
            candidates = headline_candidates(header, lexicon, knowledge)
            pages.append(Page(
                headline_evidence(header, candidates, anchor_lines(header, lexicon), lexicon),
                [bool(titles) and scorer.title_right(x.text, titles) for x in candidates],
                variant))
    return pages


def fit(pages: list[Page]):
    """Pairwise: within each page, every right candidate against every wrong one, so the
    weights rank the lines of one page (which is the choice made) rather than judge lines
    of all pages on one scale. No intercept: it cancels within a page; the threshold on the
    likeliest line's score is chosen apart (``best_threshold``)."""
    from sklearn.linear_model import LogisticRegression

    names = sorted(next(p.evidence[0] for p in pages if p.evidence))
    pairs, labels = [], []
    for page in pages:
        rows = [[e[n] for n in names] for e in page.evidence]
        for good in (r for r, right in zip(rows, page.right, strict=True) if right):
            for bad in (r for r, right in zip(rows, page.right, strict=True) if not right):
                difference = [g - b for g, b in zip(good, bad, strict=True)]
                pairs += [difference, [-d for d in difference]]
                labels += [1, 0]
    model = LogisticRegression(C=REGULARISATION, max_iter=1000, fit_intercept=False)
    model.fit(pairs, labels)
    weights = dict(zip(names, (float(w) for w in model.coef_[0]), strict=True))
    return weights, 0.0


def picks(pages: list[Page], weights: dict[str, float], intercept: float,
          threshold: float) -> tuple[int, int, int]:
    """(right, none, wrong): pages whose likeliest candidate is a title, none taken, not."""
    from generator.identity.title import HeadlineModel

    model = HeadlineModel(weights, intercept, threshold)
    tally = [0, 0, 0]
    for page in pages:
        odds = [model.probability(e) for e in page.evidence]
        if not odds or max(odds) < threshold:
            tally[1] += 1
            continue
        best = max(range(len(odds)), key=lambda i: (odds[i], i))
        tally[0 if page.right[best] else 2] += 1
    return tuple(tally)


def best_threshold(pages: list[Page], weights: dict[str, float], intercept: float) -> float:
    """The highest threshold that keeps the most right picks: below it, only wrong ones."""
    return max((t / 100 for t in range(100)),
               key=lambda t: (picks(pages, weights, intercept, t)[0], t))


def shares(tally: tuple[int, int, int]) -> str:
    total = sum(tally) or 1
    return " / ".join(f"{n / total:.2f}" for n in tally) + f" (n={sum(tally)})"


def main(argv: list[str] | None = None) -> int:
    from benchmarks.identity import load_scorer

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score_metadata.py")
    parser.add_argument("--write", action="store_true", help="store the model fitted on both")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.scorer)
    sets = {dev.name: pages_of(dev, scorer) for dev in DEV_SETS}
    print("likeliest candidate: right / none taken / wrong")
    for trained, tested in (tuple(sets), tuple(reversed(sets))):
        weights, intercept = fit(sets[trained])
        threshold = best_threshold(sets[trained], weights, intercept)
        print(f"  fitted on {trained:24} scored on {tested:24} "
              f"{shares(picks(sets[tested], weights, intercept, threshold))}")
    both = [p for pages in sets.values() for p in pages]
    weights, intercept = fit(both)
    threshold = best_threshold(both, weights, intercept)
    print(f"  fitted on both, scored on both: {shares(picks(both, weights, intercept, threshold))}")
    ceiling(sets)
    print(f"threshold {threshold:.2f}, intercept {intercept:+.2f}; weights:")
    for name, weight in sorted(weights.items(), key=lambda item: -abs(item[1])):
        print(f"  {name:22} {weight:+.2f}")
    if args.write:
        write_model(weights, intercept, threshold)
    return 0


def ceiling(sets: dict[str, list[Page]]) -> None:
    """Per set and variant: on how many pages a right line is among the candidates at all
    (the most any choice among them can reach), and how often the stored model picks one."""
    from generator.identity.title import load_headline_model

    model = load_headline_model()
    weights, intercept, threshold = model.weights, model.intercept, model.threshold
    print("pages where a candidate is right / where the stored model picks one, of all:")
    for name, pages in sets.items():
        for variant in VARIANTS:
            chosen = [p for p in pages if p.variant == variant]
            reachable = sum(any(p.right) for p in chosen)
            picked = picks(chosen, weights, intercept, threshold)[0]
            print(f"  {name:24} {variant:8} {reachable} / {picked} of {len(chosen)}")


def write_model(weights: dict[str, float], intercept: float, threshold: float) -> None:
    from generator.identity.title import HEADLINE_MODEL_FILE

    lines = ["# The headline model: weights of the evidence that a line above an article's text",
             "# is its headline (generator/identity/title.py, headline_evidence). Fitted, not",
             "# written by hand: a pairwise logistic regression on the dev sets; run",
             "# `python benchmarks/fit_headline.py --write` to refit after changing the evidence.",
             f"intercept: {intercept:.3f}", f"threshold: {threshold:.2f}", "weights:"]
    lines += [f"  {name}: {weight:.3f}" for name, weight in sorted(weights.items())]
    HEADLINE_MODEL_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {HEADLINE_MODEL_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
