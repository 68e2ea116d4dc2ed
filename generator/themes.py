"""Stage 4: articles → themes, from a vocabulary file (``data/themes.yml`` by default).

A theme's score is how often its keywords occur per thousand words (title words count
``TITLE_WEIGHT`` times, as a headline states what an article is about). An article joins the
themes that clear both thresholds, best first, at most ``MAX_THEMES``; the best is its
primary theme. One that joins none goes to the fallback theme (score 0), so every briefing
can be reached from a theme page.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import permutations
from pathlib import Path

import yaml

from generator.knowledge import DATA_DIR
from generator.markup import ALL_HANDOUT
from generator.model import Article, Theme, ThemeScore

DEFAULT_VOCABULARY = DATA_DIR / "themes.yml"
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
TITLE_WEIGHT = 3
MIN_MATCHES = 3  # a theme named once or twice in passing is not what the article is about
MIN_PER_THOUSAND_WORDS = 8.0
MAX_THEMES = 5  # more than five tags stop telling a reader what the article is about


@dataclass(frozen=True)
class Vocabulary:
    themes: tuple[Theme, ...]
    patterns: dict[str, re.Pattern[str]]  # theme slug → its keywords as one alternation
    fallback: Theme


@functools.cache
def load_vocabulary(path: Path = DEFAULT_VOCABULARY) -> Vocabulary:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["themes"]
    themes = tuple(
        Theme(e["slug"], e["name"], e["description"], tuple(e.get("keywords", ())))
        for e in entries
    )
    fallbacks = [t for t, e in zip(themes, entries, strict=True) if e.get("fallback")]
    if len(fallbacks) != 1:
        raise ValueError(f"{path}: exactly one theme must have 'fallback: true'")
    unsafe = [t.slug for t in themes if not SLUG_RE.fullmatch(t.slug)]
    if unsafe:
        raise ValueError(f"{path}: theme slugs name files, so they may hold only lower-case "
                         f"letters, digits and hyphens: {unsafe}")
    if any(t.slug == ALL_HANDOUT for t in themes):
        raise ValueError(f"{path}: the slug {ALL_HANDOUT!r} is the whole collection's handout; "
                         "give that theme another slug")
    return Vocabulary(
        themes=themes,
        patterns={t.slug: _keyword_pattern(t.keywords) for t in themes if t.keywords},
        fallback=fallbacks[0],
    )


def _keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = (
        re.escape(k[:-1]) + r"[\w-]*" if k.endswith("*") else re.escape(k) for k in keywords
    )
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


def assign_themes(article: Article, vocabulary: Vocabulary) -> Article:
    """Return ``article`` with its themes and their scores, the primary theme first."""
    scores = theme_scores(article, vocabulary)
    chosen = sorted(
        (ThemeScore(slug, round(density, 1)) for slug, (matches, density) in scores.items()
         if matches >= MIN_MATCHES and density >= MIN_PER_THOUSAND_WORDS),
        key=lambda theme: (-theme.score, theme.slug),
    )[:MAX_THEMES]
    fallback = (ThemeScore(vocabulary.fallback.slug, 0.0),)
    return replace(article, theme_scores=tuple(chosen) or fallback)


def theme_scores(article: Article, vocabulary: Vocabulary) -> dict[str, tuple[int, float]]:
    """Theme slug → (keyword matches, matches per thousand words)."""
    body = " ".join(block.text for block in article.body)
    words = max(len(body.split()), 1)
    scores = {}
    for slug, pattern in vocabulary.patterns.items():
        matches = len(pattern.findall(body)) + TITLE_WEIGHT * len(pattern.findall(article.title))
        scores[slug] = (matches, 1000 * matches / words)
    return scores


def related_themes(articles: Iterable[Article]) -> dict[str, tuple[str, ...]]:
    """Theme slug → the other themes its briefings also belong to, most shared first."""
    shared: Counter[tuple[str, str]] = Counter(
        pair for article in articles for pair in permutations(article.themes, 2)
    )
    related: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for (theme, other), count in shared.items():
        related[theme].append((-count, other))
    return {theme: tuple(other for _, other in sorted(pairs)) for theme, pairs in related.items()}
