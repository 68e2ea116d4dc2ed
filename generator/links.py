"""Stage 5: all articles → duplicates merged, related briefings linked.

Similarity is the cosine of TF-IDF vectors of title and body (scikit-learn), which rewards
shared distinctive words (names, places, programmes) over common ones. Two articles this
similar are the same article saved twice (a re-scrape, another URL, a changed menu line):
one page stands for both. Scores are rounded before sorting so that nothing depends on the
order the files were read in. Each link says what connects the two briefings: the themes,
people, organisations and acronyms both have, so a reader can judge it before following it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from generator.model import Article, Duplicate, Link

NEAR_DUPLICATE = 0.9  # re-scrapes of one article score 0.95-1.0; related articles below 0.6
MAX_RELATED = 3
MIN_SIMILARITY = 0.08  # below this, two briefings share only common words
SCORE_DIGITS = 6
# Neighbours kept per article before duplicates are merged: enough that merging rarely
# leaves fewer than MAX_RELATED (when it does, that article's row is scored again).
CANDIDATES = MAX_RELATED + 5
BLOCK_CELLS = 4_000_000  # similarity scores held at once: 32 MB
# Connections named per link: enough to judge it, short enough to scan.
MAX_SHARED_THEMES = 2
MAX_SHARED_NAMES = 3


Neighbours = list[tuple[float, int]]  # (similarity, article index), best first


@dataclass(frozen=True)
class Linked:
    published: tuple[Article, ...]
    duplicates: tuple[Duplicate, ...]
    related: dict[str, tuple[Link, ...]]  # slug → links to the most similar, best first


def link_briefings(articles: Sequence[Article], theme_names: dict[str, str]) -> Linked:
    """Merge duplicates, then link every remaining briefing to its most similar others."""
    ordered = sorted(articles, key=lambda a: a.slug)
    if len(ordered) < 2:
        return Linked(tuple(ordered), (), {a.slug: () for a in ordered})
    vectors = _tfidf_vectors(ordered)
    neighbours = _nearest(vectors)
    merged = _merged_duplicates(ordered, neighbours)
    kept = [i for i in range(len(ordered)) if i not in merged]
    related = {ordered[i].slug: _links(i, merged, ordered, neighbours[i], vectors, theme_names)
               for i in kept}
    duplicates = sorted((_duplicate(ordered[i], ordered[k], _score(neighbours[i], k))
                         for i, k in merged.items()), key=lambda d: d.name)
    return Linked(tuple(ordered[i] for i in kept), tuple(duplicates), related)


def _tfidf_vectors(articles: list[Article]):
    """One L2-normalised TF-IDF row per article: the dot product of two rows is their cosine."""
    # Imported here: scikit-learn takes seconds to import, and only this stage needs it
    # (``python -m generator extract`` and unchanged rebuilds never get here).
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [a.title + "\n" + "\n".join(b.text for b in a.body) for a in articles]
    return TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)


def _nearest(vectors) -> list[Neighbours]:
    """Each article's likeliest neighbours, best first: every near-duplicate and the
    ``CANDIDATES`` most similar others (with ties). Rows are scored a block at a time, so
    memory stays at ``BLOCK_CELLS`` scores whatever the collection's size, not n²."""
    count = vectors.shape[0]
    rows = max(1, BLOCK_CELLS // count)
    neighbours = []
    for start in range(0, count, rows):
        block = _rounded((vectors[start:start + rows] @ vectors.T).toarray())
        neighbours += [_best(scores, start + offset) for offset, scores in enumerate(block)]
    return neighbours


def _best(scores: np.ndarray, own: int, wanted: int | None = None) -> Neighbours:
    """``(score, index)`` of the ``wanted`` best scores (all of them when None, and every
    score tied with the last), and of every near-duplicate, without ``own``, best first."""
    scores[own] = -1.0
    wanted = min(wanted or CANDIDATES, len(scores) - 1)
    cutoff = min(np.partition(scores, -wanted)[-wanted], NEAR_DUPLICATE)
    chosen = np.flatnonzero(scores >= cutoff)
    return sorted(((float(scores[k]), int(k)) for k in chosen), key=lambda p: (-p[0], p[1]))


def _rounded(scores: np.ndarray) -> np.ndarray:
    return np.round(scores, SCORE_DIGITS)


def _score(neighbours: Neighbours, index: int) -> float:
    return next(score for score, k in neighbours if k == index)


def _merged_duplicates(ordered: list[Article], neighbours: list[Neighbours]) -> dict[int, int]:
    """Index of each duplicate → index of the article kept for it: the fullest text of each
    group (then the first file name), so a re-scrape that lost a paragraph is the one merged."""
    preference = sorted(range(len(ordered)),
                        key=lambda i: (-_body_chars(ordered[i]), ordered[i].name))
    rank = {i: r for r, i in enumerate(preference)}
    merged: dict[int, int] = {}
    for i in preference:
        if i in merged:
            continue
        for score, k in neighbours[i]:
            if score >= NEAR_DUPLICATE and rank[k] > rank[i] and k not in merged:
                merged[k] = i
    return merged


def _body_chars(article: Article) -> int:
    return sum(len(b.text) for b in article.body)


def _duplicate(article: Article, kept: Article, similarity: float) -> Duplicate:
    exact = [b.text for b in article.body] == [b.text for b in kept.body]
    return Duplicate(article.name, kept.name, kept.slug, float(similarity), exact)


def _links(i: int, merged: dict[int, int], ordered: list[Article], neighbours: Neighbours,
           vectors, theme_names: dict[str, str]) -> tuple[Link, ...]:
    """The ``MAX_RELATED`` most similar briefings still published. When merged duplicates
    took too many of the candidates, the whole row is scored again."""
    candidates = [(score, k) for score, k in neighbours if k not in merged]
    if len(candidates) < MAX_RELATED < len(neighbours):
        row = _rounded((vectors[i] @ vectors.T).toarray()[0])
        row[list(merged)] = -1.0
        candidates = _best(row, i, wanted=MAX_RELATED)
    best = sorted(candidates, key=lambda p: (-p[0], ordered[p[1]].slug))
    return tuple(
        Link(ordered[k].slug, score, shared_facets(ordered[i], ordered[k], theme_names))
        for score, k in best[:MAX_RELATED]
        if score >= MIN_SIMILARITY
    )


def shared_facets(article: Article, other: Article, theme_names: dict[str, str]) -> tuple[str, ...]:
    """What both briefings have: common themes first, then the names both mention most."""
    themes = [theme_names[s] for s in article.themes if s in other.themes and s in theme_names]
    mine, theirs = _names(article), _names(other)
    names = sorted(mine.keys() & theirs.keys(), key=lambda n: (-min(mine[n], theirs[n]), n))
    return (*themes[:MAX_SHARED_THEMES], *names[:MAX_SHARED_NAMES])


def _names(article: Article) -> dict[str, int]:
    """Name → mentions, for the people and organisations an article names, and the acronyms
    it defines (an acronym whose expansion is one of the names is that name already)."""
    names = {e.name: e.mentions for e in article.facts.entities}
    spelled_out = {name.casefold() for name in names}
    names.update((a.short, 1) for a in article.facts.acronyms
                 if a.short not in names and a.expansion.casefold() not in spelled_out)
    return names
