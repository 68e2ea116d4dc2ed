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
from collections.abc import Callable, Iterable

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from generator.model import RawDoc

MIN_SHARED_LINES = 3  # one or two shared lines ("Advertisement", "Share") say nothing of a site
SUBSTANTIVE_CHARS = 200  # longer lines shared by articles are text they quote, not boilerplate
MIN_LINE_CHARS = 3
# Two files sharing this share of their sentences (lines of COPY_LINE_CHARS or more; a
# site's articles share menus and appeals, not their text) are the same article twice.
COPY_SHARE = 0.6
COPY_LINE_CHARS = 80
# Pairs of articles are counted a block of rows at a time: a site of thousands of articles
# shares its menu lines among millions of pairs, and only the counts of one block are held.
BLOCK_CELLS = 4_000_000

# Which pairs of articles belong together, from the shared count and the two articles' sizes.
PairTest = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]


def repeated_lines(docs: Iterable[RawDoc]) -> dict[str, frozenset[str]]:
    """Article name → the lines it shares with other articles of its site (may be empty)."""
    docs = list(docs)
    lines_of = [_lines(doc.text, MIN_LINE_CHARS, SUBSTANTIVE_CHARS) for doc in docs]
    holders, shared = _holders(lines_of)
    site_of = _groups(shared, lambda count, _, __: count >= MIN_SHARED_LINES)
    sentences_of = [_lines(doc.text, COPY_LINE_CHARS, None) for doc in docs]
    _, shared_sentences = _holders(sentences_of)
    sizes = np.array([len(sentences) for sentences in sentences_of])
    copy_of = _groups(shared_sentences, lambda count, first, second:
                      count >= COPY_SHARE * np.minimum(sizes[first], sizes[second]))
    repeated: list[set[str]] = [set() for _ in docs]
    for line, holding in holders.items():
        by_site: dict[int, list[int]] = defaultdict(list)
        for index in holding:
            by_site[site_of[index]].append(index)
        for members in by_site.values():
            if len({copy_of[index] for index in members}) > 1:
                for index in members:
                    repeated[index].add(line)
    return {doc.name: frozenset(lines) for doc, lines in zip(docs, repeated, strict=True)}


def _lines(text: str, shortest: int, longest: int | None) -> frozenset[str]:
    """The distinct stripped lines of ``text`` from ``shortest`` chars to below ``longest``."""
    stripped = (line.strip() for line in text.split("\n"))
    return frozenset(line for line in stripped
                     if len(line) >= shortest and (longest is None or len(line) < longest))


def _holders(lines_of: list[frozenset[str]]) -> tuple[dict[str, list[int]], csr_matrix]:
    """Each line held by two articles or more → their indexes; and the same as a matrix
    (one row per article, one column per such line)."""
    holding: dict[str, list[int]] = defaultdict(list)
    for index, lines in enumerate(lines_of):
        for line in lines:
            holding[line].append(index)
    holders = {line: indexes for line, indexes in holding.items() if len(indexes) > 1}
    rows = [index for indexes in holders.values() for index in indexes]
    columns = [column for column, indexes in enumerate(holders.values()) for _ in indexes]
    matrix = csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, columns)),
                        shape=(len(lines_of), len(holders)))
    return holders, matrix


def _groups(shared: csr_matrix, belong: PairTest) -> np.ndarray:
    """Article index → its group's label, where ``belong`` links pairs of articles by the
    number of lines they share (a group is linked through any chain of pairs)."""
    count = shared.shape[0]
    rows = max(1, BLOCK_CELLS // max(count, 1))
    firsts, seconds = [np.empty(0, dtype=np.int32)], [np.empty(0, dtype=np.int32)]
    for start in range(0, count, rows):
        counts = (shared[start:start + rows] @ shared.T).tocoo()
        first, second = counts.row + start, counts.col
        linked = (first < second) & belong(counts.data, first, second)
        firsts.append(first[linked])
        seconds.append(second[linked])
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    graph = csr_matrix((np.ones(len(first)), (first, second)), shape=(count, count))
    return connected_components(graph, directed=False)[1]
