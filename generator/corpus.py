"""Corpus evidence (layer 3 of the cleaner): a line that recurs across articles of one site is
that site's boilerplate ("We want to sustain…", a newsletter pitch), unless it is long and
substantive (a quote two articles share).

Scrapes rarely say which site they come from, so sites are found from the evidence itself:
two articles that share at least ``MIN_SHARED_LINES`` distinct short lines come from the same
site (the same menus, footers and appeals). Articles so linked form one site, and the short
lines that recur within it become known boilerplate for each of its articles. Two files that
share most of their lines are copies of one article (a re-scrape): their title and byline
are not boilerplate, so copies count as one article here (the links stage merges them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from generator.model import RawDoc

MIN_SHARED_LINES = 3  # one or two shared lines ("Advertisement", "Share") say nothing of a site
SUBSTANTIVE_CHARS = 200  # longer lines shared by articles are text they quote, not boilerplate
MIN_LINE_CHARS = 3
# Two files sharing this share of their sentences (lines of COPY_LINE_CHARS or more; a
# site's articles share menus and appeals, not their text) are the same article twice.
COPY_SHARE = 0.6
COPY_LINE_CHARS = 80


def repeated_lines(docs: Iterable[RawDoc]) -> dict[str, frozenset[str]]:
    """Article name → the lines it shares with other articles of its site (may be empty)."""
    docs = list(docs)
    lines_of = {doc.name: _lines(doc.text, MIN_LINE_CHARS, SUBSTANTIVE_CHARS) for doc in docs}
    sentences_of = {doc.name: _lines(doc.text, COPY_LINE_CHARS, None) for doc in docs}
    holders = _holders(lines_of)
    site_of = _groups(lines_of, [pair for pair, count in _shared_counts(holders)
                                 if count >= MIN_SHARED_LINES])
    copy_of = _groups(lines_of, [
        (first, second) for (first, second), count in _shared_counts(_holders(sentences_of))
        if count >= COPY_SHARE * min(len(sentences_of[first]), len(sentences_of[second]))
    ])
    repeated: dict[str, set[str]] = defaultdict(set)
    for line, names in holders.items():
        by_site: dict[str, list[str]] = defaultdict(list)
        for name in names:
            by_site[site_of[name]].append(name)
        for members in by_site.values():
            if len({copy_of[name] for name in members}) > 1:
                for name in members:
                    repeated[name].add(line)
    return {name: frozenset(repeated[name]) for name in lines_of}


def _lines(text: str, shortest: int, longest: int | None) -> frozenset[str]:
    """The distinct stripped lines of ``text`` from ``shortest`` chars to below ``longest``."""
    stripped = (line.strip() for line in text.split("\n"))
    return frozenset(line for line in stripped
                     if len(line) >= shortest and (longest is None or len(line) < longest))


def _holders(lines_of: dict[str, frozenset[str]]) -> dict[str, set[str]]:
    """Line → the names of the articles holding it."""
    holders: dict[str, set[str]] = defaultdict(set)
    for name, lines in lines_of.items():
        for line in lines:
            holders[line].add(name)
    return holders


def _shared_counts(holders: dict[str, set[str]]) -> list[tuple[tuple[str, str], int]]:
    """Every pair of articles sharing a line, with how many lines they share, in name order."""
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for names in holders.values():
        ordered = sorted(names)
        for i, first in enumerate(ordered):
            for second in ordered[i + 1:]:
                shared[first, second] += 1
    return sorted(shared.items())


def _groups(lines_of: dict[str, frozenset[str]], pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Article name → its group's key (the first name of the group, in name order), where
    ``pairs`` link articles into groups."""
    parent = {name: name for name in lines_of}

    def root(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    for first, second in pairs:
        low, high = sorted((root(first), root(second)))
        parent[high] = low
    return {name: root(name) for name in lines_of}
