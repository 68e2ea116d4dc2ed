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
# Connections named per link: enough to judge it, short enough to scan.
MAX_SHARED_THEMES = 2
MAX_SHARED_NAMES = 3


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
    similarity = np.round(_similarity_matrix(ordered), SCORE_DIGITS)
    merged = _merged_duplicates(ordered, similarity)
    kept = [i for i in range(len(ordered)) if i not in merged]
    related = {ordered[i].slug: _links(i, kept, ordered, similarity, theme_names) for i in kept}
    duplicates = sorted((_duplicate(ordered[i], ordered[k], similarity[i, k])
                         for i, k in merged.items()), key=lambda d: d.name)
    return Linked(tuple(ordered[i] for i in kept), tuple(duplicates), related)


def _merged_duplicates(ordered: list[Article], similarity) -> dict[int, int]:
    """Index of each duplicate → index of the article kept for it: the fullest text of each
    group (then the first file name), so a re-scrape that lost a paragraph is the one merged."""
    preference = sorted(range(len(ordered)),
                        key=lambda i: (-_body_chars(ordered[i]), ordered[i].name))
    rank = {i: r for r, i in enumerate(preference)}
    merged: dict[int, int] = {}
    for i in preference:
        if i in merged:
            continue
        for k in map(int, np.flatnonzero(similarity[i] >= NEAR_DUPLICATE)):
            if rank[k] > rank[i] and k not in merged:
                merged[k] = i
    return merged


def _body_chars(article: Article) -> int:
    return sum(len(b.text) for b in article.body)


def _duplicate(article: Article, kept: Article, similarity: float) -> Duplicate:
    exact = [b.text for b in article.body] == [b.text for b in kept.body]
    return Duplicate(article.name, kept.name, kept.slug, float(similarity), exact)


def _links(i: int, kept: list[int], ordered: list[Article], similarity,
           theme_names: dict[str, str]) -> tuple[Link, ...]:
    best = sorted((-similarity[i, k], ordered[k].slug, k) for k in kept if k != i)
    return tuple(
        Link(ordered[k].slug, float(-score),
             shared_facets(ordered[i], ordered[k], theme_names))
        for score, _, k in best[:MAX_RELATED]
        if -score >= MIN_SIMILARITY
    )


def _similarity_matrix(articles: list[Article]):
    # Imported here: scikit-learn takes seconds to import, and only this stage needs it
    # (``python -m generator extract`` runs once per page in the benchmarks).
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import linear_kernel

    texts = [a.title + "\n" + "\n".join(b.text for b in a.body) for a in articles]
    return linear_kernel(TfidfVectorizer(stop_words="english", sublinear_tf=True)
                         .fit_transform(texts))


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
