"""Corpus evidence (layer 3 of the cleaner): a line that recurs across articles of one site is
that site's boilerplate ("We want to sustain…", a newsletter pitch), unless it is long and
substantive (a quote two articles share).

Scrapes rarely say which site they come from, so sites are found from the evidence itself:
two articles that share at least ``MIN_SHARED_LINES`` distinct short lines come from the same
site (the same menus, footers and appeals). Articles so linked form one site, and the short
lines that recur within it become known boilerplate for each of its articles.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from generator.model import RawDoc

MIN_SHARED_LINES = 3  # one or two shared lines ("Advertisement", "Share") say nothing of a site
SUBSTANTIVE_CHARS = 200  # longer lines shared by articles are text they quote, not boilerplate
MIN_LINE_CHARS = 3


def repeated_lines(docs: Iterable[RawDoc]) -> dict[str, frozenset[str]]:
    """Article name → the lines it shares with other articles of its site (may be empty)."""
    lines_of = {doc.name: _short_lines(doc.text) for doc in docs}
    holders: dict[str, set[str]] = defaultdict(set)
    for name, lines in lines_of.items():
        for line in lines:
            holders[line].add(name)
    site_of = _sites(lines_of, holders)
    repeated: dict[str, set[str]] = defaultdict(set)
    for line, names in holders.items():
        by_site: dict[str, list[str]] = defaultdict(list)
        for name in names:
            by_site[site_of[name]].append(name)
        for members in by_site.values():
            if len(members) > 1:
                for name in members:
                    repeated[name].add(line)
    return {name: frozenset(repeated[name]) for name in lines_of}


def _short_lines(text: str) -> frozenset[str]:
    return frozenset(
        line.strip() for line in text.split("\n")
        if MIN_LINE_CHARS <= len(line.strip()) < SUBSTANTIVE_CHARS
    )


def _sites(lines_of: dict[str, frozenset[str]], holders: dict[str, set[str]]) -> dict[str, str]:
    """Article name → its site's key (the first name of the site, in name order)."""
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for names in holders.values():
        ordered = sorted(names)
        for i, first in enumerate(ordered):
            for second in ordered[i + 1:]:
                shared[first, second] += 1
    parent = {name: name for name in lines_of}

    def root(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    for (first, second), count in sorted(shared.items()):
        if count >= MIN_SHARED_LINES:
            low, high = sorted((root(first), root(second)))
            parent[high] = low
    return {name: root(name) for name in lines_of}
