"""Stage 5: all articles → related briefings. The one stage that sees the whole corpus.

Similarity is the cosine of TF-IDF vectors of title and body (scikit-learn), which rewards
shared distinctive words (names, places, programmes) over common ones. Scores are rounded
before sorting so that the links never depend on the order the files were read in. Each
link says what connects the two briefings: the themes, people, organisations and acronyms
both have, so a reader can judge a link before following it.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.model import Article, Link

MAX_RELATED = 3
MIN_SIMILARITY = 0.08  # below this, two briefings share only common words
SCORE_DIGITS = 6
# Connections named per link: enough to judge it, short enough to scan.
MAX_SHARED_THEMES = 2
MAX_SHARED_NAMES = 3


def related_briefings(
    articles: Sequence[Article], theme_names: dict[str, str]
) -> dict[str, tuple[Link, ...]]:
    """Slug → links to the most similar other briefings, most similar first."""
    ordered = sorted(articles, key=lambda a: a.slug)
    if len(ordered) < 2:
        return {a.slug: () for a in ordered}
    similarity = _similarity_matrix(ordered)
    related = {}
    for i, article in enumerate(ordered):
        scored = sorted(
            (-round(float(similarity[i, k]), SCORE_DIGITS), other.slug, k)
            for k, other in enumerate(ordered)
            if k != i
        )
        related[article.slug] = tuple(
            Link(ordered[k].slug, -score, shared_facets(article, ordered[k], theme_names))
            for score, _, k in scored[:MAX_RELATED]
            if -score >= MIN_SIMILARITY
        )
    return related


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
