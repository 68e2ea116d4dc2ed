"""Sentence segmenters against syntok, the one the analysis uses (closing note of issue 7).

    .venv/bin/python benchmarks/segmenters.py    # needs: pip install blingfire sentencex

Splitting sentences is the largest part of the analysis of an article, so a faster
segmenter would speed up a first build most. This prints, on the paragraphs of the
ground-truth bodies of ``shared/extraction-dev`` (121 news pages), how long each segmenter
takes (CPU time, one process) and on how many paragraphs it gives exactly syntok's
sentences. A different split changes summaries, key figures and the timeline, so a switch
needs the hand-judged fact figures redone. The candidates are not project dependencies:
without one, its line says how to install it.
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable
from pathlib import Path

from generator.sentences import split_sentences

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "extraction-dev"
MIN_PARAGRAPH_CHARS = 40  # shorter lines are captions and labels, one sentence at most

Segmenter = Callable[[str], list[str]]


def paragraphs() -> list[str]:
    return [line.strip() for path in sorted(DEV.glob("*.gold.txt"))
            for line in path.read_text(encoding="utf-8").split("\n")
            if len(line.strip()) >= MIN_PARAGRAPH_CHARS]


def blingfire_segmenter() -> Segmenter:
    import blingfire

    return lambda text: [s for s in blingfire.text_to_sentences(text).split("\n") if s]


def sentencex_segmenter() -> Segmenter:
    from sentencex import segment

    return lambda text: [s.strip() for s in segment("en", text) if s.strip()]


CANDIDATES = {"blingfire": blingfire_segmenter, "sentencex": sentencex_segmenter}


def timed(segmenter: Segmenter, texts: list[str]) -> tuple[float, list[tuple[str, ...]]]:
    started = time.process_time()
    split = [tuple(segmenter(text)) for text in texts]
    return time.process_time() - started, split


def main() -> None:
    texts = paragraphs()
    syntok_seconds, reference = timed(split_sentences.__wrapped__, texts)  # not its cache
    print(f"{len(texts)} paragraphs; syntok {syntok_seconds:.2f} s")
    for name, make in CANDIDATES.items():
        if importlib.util.find_spec(name) is None:
            print(f"{name}: not installed (pip install {name})")
            continue
        seconds, split = timed(make(), texts)
        same = sum(a == b for a, b in zip(reference, split, strict=True)) / len(texts)
        print(f"{name}: {seconds:.2f} s ({syntok_seconds / seconds:.0f}x faster), "
              f"the same sentences as syntok on {same:.1%} of the paragraphs")


if __name__ == "__main__":
    main()
