"""Stage 5: all articles → related briefings. The one stage that sees the whole corpus.

Similarity is the cosine of TF-IDF vectors of title and body (scikit-learn), which rewards
shared distinctive words (names, places, programmes) over common ones. Scores are rounded
before sorting so that the links never depend on the order the files were read in.
"""

from __future__ import annotations

from generator.model import Article

MAX_RELATED = 4
MIN_SIMILARITY = 0.08  # below this, two briefings share only common words
SCORE_DIGITS = 6


def related_briefings(articles: list[Article]) -> dict[str, tuple[str, ...]]:
    """Slug → the slugs of the most similar other briefings, most similar first."""
    # Imported here: scikit-learn takes seconds to import, and only this stage needs it
    # (``python -m generator extract`` runs once per page in the benchmarks).
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import linear_kernel

    ordered = sorted(articles, key=lambda a: a.slug)
    if len(ordered) < 2:
        return {a.slug: () for a in ordered}
    texts = [a.title + "\n" + "\n".join(b.text for b in a.body) for a in ordered]
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    similarity = linear_kernel(vectors)
    related = {}
    for i, article in enumerate(ordered):
        scored = [
            (round(float(similarity[i, k]), SCORE_DIGITS), other.slug)
            for k, other in enumerate(ordered)
            if k != i
        ]
        best = sorted((s for s in scored if s[0] >= MIN_SIMILARITY), key=lambda s: (-s[0], s[1]))
        related[article.slug] = tuple(slug for _, slug in best[:MAX_RELATED])
    return related
