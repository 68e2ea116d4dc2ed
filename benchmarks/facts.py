"""What the analysis stage finds on the ground-truth bodies of the extraction dev set.

    .venv/bin/python benchmarks/facts.py           # counts and time per article
    .venv/bin/python benchmarks/facts.py --list    # every item, to judge by hand

Each ``*.gold.txt`` of ``shared/extraction-dev`` (121 news pages, many sites and languages,
none used to write the rules) is split into paragraphs and analysed as a briefing body. The
counts are the "found" column of the README's "How well it reads facts"; whether each item
is right was judged by reading the ``--list`` output, which no script can do.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from generator.entities import named_entities
from generator.figures import key_figures
from generator.glossary import defined_acronyms
from generator.model import Block
from generator.summary import summarise
from generator.timeline import dated_events

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "extraction-dev"
ROUNDS = 5  # best of five: the machine is shared

READERS = {
    "dated events": lambda body: [f"{e.when}: {e.sentence}" for e in dated_events(body)],
    "acronyms defined": lambda body: [f"{a.short} = {a.expansion}" for a in defined_acronyms(body)],
    "key figures": lambda body: [f"{f.figure}: {f.sentence}" for f in key_figures(body)],
    "people and organisations": lambda body: [
        f"{e.kind.value}: {e.name} ({e.mentions})" for e in named_entities(body)],
    "summaries": lambda body: [" ".join(summary)] if (summary := summarise(body)) else [],
}


def bodies() -> dict[str, tuple[Block, ...]]:
    """Page → its ground-truth paragraphs as body blocks."""
    pages = {}
    for path in sorted(DEV.glob("*.gold.txt")):
        paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n")]
        pages[path.name.split(".")[0][:12]] = tuple(
            Block(text, n, n) for n, text in enumerate((p for p in paragraphs if p), start=1))
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", action="store_true", help="print every item found")
    args = parser.parse_args(argv)
    pages = bodies()
    for fact, read in READERS.items():
        found = {page: read(body) for page, body in pages.items()}
        total = sum(map(len, found.values()))
        with_any = sum(1 for items in found.values() if items)
        print(f"{fact}: {total} on {with_any} of {len(pages)} pages")
        if args.list:
            for page, items in found.items():
                for item in items:
                    print(f"    {page}  {item}")
    print(f"analysis time: {1000 * _seconds_per_article(pages):.1f} ms per article "
          f"(CPU time, best of {ROUNDS}, sentence cache cleared each round)")
    return 0


def _seconds_per_article(pages: dict[str, tuple[Block, ...]]) -> float:
    from generator.sentences import split_sentences

    best = float("inf")
    for _ in range(ROUNDS):
        split_sentences.cache_clear()
        started = time.process_time()
        for body in pages.values():
            summarise(body), key_figures(body), dated_events(body)
            defined_acronyms(body), named_entities(body)
        best = min(best, time.process_time() - started)
    return best / len(pages)


if __name__ == "__main__":
    sys.exit(main())
