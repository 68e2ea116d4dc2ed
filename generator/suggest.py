"""Suggest a theme vocabulary for a collection that has none, from the articles themselves.

Four steps: weigh the words of every article (TF-IDF over words and two-word phrases), find
topics in them (NMF; how many follows from the corpus size), give each topic the keywords
that are distinctive for it and literally occur in its articles often enough to clear
``themes.py``'s thresholds, and print the lot as a ``themes.yml`` for a person to edit.

The output depends only on the articles, never on their order: they are sorted by slug,
NMF starts from a deterministic (SVD-based) initialisation and every ranking has a tie-break.
"""

from __future__ import annotations

import math
import re
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import yaml
from slugify import slugify

from generator.model import Article
from generator.themes import MIN_MATCHES, MIN_PER_THOUSAND_WORDS

DEFAULT_MAX_THEMES = 12  # a theme menu longer than a dozen entries no longer summarises
MIN_WORDS = 3  # a shorter body (an empty page, a caption) cannot shape a topic
PRUNE_FROM = 10  # from this many articles on, terms in one article only or in most are dropped
MAX_DOC_SHARE = 0.8  # a term in more articles than this tells no topic from another
MAX_TERMS = 20_000  # the commonest terms are kept: bounds memory for thousands of articles
NMF_TOLERANCE = 1e-3  # rough topics suffice: 1e-4 took 875 iterations for 3,000 articles, this 132
NMF_MAX_ITER = 1000
SEED = 0  # nndsvda needs no randomness; fixed anyway, so no run ever differs
SCORE_DIGITS = 6  # weights are rounded before ranking, so float noise never reorders terms
CANDIDATES = 40  # the most distinctive terms of a topic, which its keywords are picked from
MIN_KEYWORDS = 10  # an editor gets enough to prune, even when fewer would clear the thresholds
MAX_KEYWORDS = 15  # a longer list is one an editor no longer reads
MIN_MEMBER_SHARE = 0.3  # a keyword must occur in this share of its theme's articles
# themes.py's thresholds with a margin, and counted without the extra weight themes.py gives a
# title: an edited keyword list still clears them.
TARGET_MATCHES = MIN_MATCHES + 1
TARGET_PER_THOUSAND_WORDS = MIN_PER_THOUSAND_WORDS * 1.25
MIN_STEM_CHARS = 5  # "vaccine*" for vaccine and vaccines; "wind*" would also match "window"
PLURAL_ENDINGS = ("s", "es")
NAME_TERMS = 3  # "Wind, grid and power": enough to recognise a theme, short enough for a menu
EXAMPLES = 3  # briefings named in a description, so an editor sees what the theme holds
MAX_SLUG_CHARS = 60  # the theme page's URL stays readable
FALLBACK = {
    "slug": "other",
    "name": "Other briefings",
    "description": "Briefings that match none of the themes above.",
    "fallback": True,
}
HEADER = """\
# A suggested theme vocabulary, made by `python -m generator suggest-themes` from {count}.
# Method: TF-IDF over words and two-word phrases (English stop words left out), then NMF
# topics, {wanted} by the rule ceil(sqrt(briefings / 2)), at most {max_themes};
# {found} kept. A theme's keywords are the terms most distinctive for its topic that also
# occur in its briefings often enough to clear the thresholds in generator/themes.py.
#
# To edit: rename each theme and describe it; delete keywords that are names or accidents of
# these briefings; add the words you would search for; merge or drop themes.
# Keywords match whole words, case ignored; a trailing * matches any ending ("vaccine*").
# Keep exactly one entry with fallback: true. Save the file and name it in mkdocs.yml
# (plugins → briefings → themes).

"""


@dataclass(frozen=True)
class Topic:
    """A topic found by NMF: its articles, most typical first; its terms, most distinctive first."""

    members: tuple[Article, ...]
    terms: tuple[str, ...]


def suggest_vocabulary(
    articles: Sequence[Article], *, max_themes: int = DEFAULT_MAX_THEMES
) -> str:
    """The text of a ``themes.yml`` proposing up to ``max_themes`` themes for ``articles``."""
    usable = sorted((a for a in articles if body_words(a) >= MIN_WORDS),
                    key=lambda a: (a.slug, text_of(a)))
    wanted = theme_count(len(usable), max_themes)
    topics = sorted(find_topics(usable, wanted), key=lambda t: (-len(t.members), t.terms))
    themes = unique_slugs([entry for topic in topics if (entry := theme_entry(topic))])
    header = HEADER.format(count=plural(len(usable), "briefing"), max_themes=max_themes,
                           wanted=plural(wanted, "theme"), found=len(themes))
    return header + yaml.safe_dump({"themes": [*themes, FALLBACK]}, sort_keys=False,
                                   allow_unicode=True, width=96)


def theme_count(articles: int, max_themes: int) -> int:
    """How many themes to look for: the rule of thumb k = ceil(sqrt(n / 2)), capped.

    1 or 2 articles → 1 theme, 5 → 2, 12 → 3, 50 → 5, 200 → 10.
    """
    return max(0, min(max_themes, math.ceil(math.sqrt(articles / 2))))


def find_topics(articles: list[Article], count: int) -> list[Topic]:
    """NMF topics of the articles' TF-IDF vectors; each article joins its strongest topic."""
    if count == 0:
        return []
    # Imported here: scikit-learn takes seconds to import, and only this command needs it.
    import numpy as np
    from sklearn.decomposition import NMF
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.feature_extraction.text import TfidfVectorizer

    pruned = len(articles) >= PRUNE_FROM
    vectoriser = TfidfVectorizer(
        stop_words="english", ngram_range=(1, 2), sublinear_tf=True, dtype=np.float32,
        token_pattern=r"(?u)\b[^\W\d_]{2,}\b",  # words of letters only: no years, no amounts
        min_df=2 if pruned else 1, max_df=MAX_DOC_SHARE if pruned else 1.0,
        max_features=MAX_TERMS,
    )
    try:
        vectors = vectoriser.fit_transform([text_of(a) for a in articles])
    except ValueError:  # how scikit-learn says that no term is left, e.g. only stop words
        return []
    model = NMF(n_components=min(count, vectors.shape[1]), init="nndsvda", random_state=SEED,
                tol=NMF_TOLERANCE, max_iter=NMF_MAX_ITER)
    with warnings.catch_warnings():
        # A few near-identical articles make NMF stop early or warn about its own error
        # estimate; the topics it has found are still the ones to suggest.
        warnings.simplefilter("ignore", ConvergenceWarning)
        warnings.simplefilter("ignore", RuntimeWarning)
        weights = np.round(model.fit_transform(vectors), SCORE_DIGITS)
    loadings = model.components_
    totals = loadings.sum(axis=0)
    share = np.divide(loadings, totals, out=np.zeros_like(loadings), where=totals > 0)
    distinctive = np.round(loadings * share, SCORE_DIGITS)  # weight in the topic × share there
    terms = vectoriser.get_feature_names_out()
    strongest = weights.argmax(axis=1)
    topics = []
    for k in range(loadings.shape[0]):
        rows = sorted((i for i in range(len(articles)) if strongest[i] == k and weights[i, k] > 0),
                      key=lambda i: (-weights[i, k], articles[i].slug))
        ranked = sorted(np.flatnonzero(distinctive[k]), key=lambda t: (-distinctive[k, t],
                                                                        terms[t]))
        if rows:
            topics.append(Topic(tuple(articles[i] for i in rows),
                                tuple(str(terms[t]) for t in ranked[:CANDIDATES])))
    return topics


def theme_entry(topic: Topic) -> dict | None:
    """A vocabulary entry for a topic, or None when none of its terms occurs often enough."""
    keywords = pick_keywords(topic)
    if not keywords:
        return None
    name = theme_name([written_as(k.rstrip("*"), topic.members) for k in keywords[:NAME_TERMS]])
    examples = ", ".join(f"“{a.title}”" for a in topic.members[:EXAMPLES])
    return {
        "slug": slugify(name, max_length=MAX_SLUG_CHARS, word_boundary=True),
        "name": name,
        "description": f"Generated from {plural(len(topic.members), 'briefing')} such as "
                       f"{examples}. Describe this theme in a sentence.",
        "keywords": keywords,
    }


def pick_keywords(topic: Topic) -> list[str]:
    """Distinctive terms, in rank order, until every article of the topic clears the targets.

    A term is taken only if it occurs in enough of the topic's articles and shares no word
    with a term already taken, so that matches never overlap and can simply be added up.
    """
    counts = [term_counts(text_of(a), topic.terms) for a in topic.members]
    words = [body_words(a) for a in topic.members]
    needed = math.ceil(MIN_MEMBER_SHARE * len(topic.members))
    keywords: list[str] = []
    totals = [0] * len(counts)
    for term in topic.terms:
        done = all(map(clears, totals, words))
        if len(keywords) == MAX_KEYWORDS or (done and len(keywords) >= MIN_KEYWORDS):
            break
        keyword = starred(term, counts)
        found = [occurrences(keyword, c) for c in counts]
        if sum(map(bool, found)) >= needed and not shares_word(keyword, keywords):
            keywords.append(keyword)
            totals = [t + f for t, f in zip(totals, found, strict=True)]
    return keywords


def clears(matches: int, words: int) -> bool:
    """Whether a body of ``words`` words with ``matches`` hits joins a theme, with margin."""
    return matches >= TARGET_MATCHES and 1000 * matches / max(words, 1) >= TARGET_PER_THOUSAND_WORDS


def term_counts(text: str, terms: Sequence[str]) -> Counter[str]:
    """How often each term, and each one-word term's plurals, occurs as themes.py counts it.

    themes.py matches ``\\bterm\\b`` case ignored: a word is a maximal run of word characters,
    a two-word phrase two runs with exactly one space between them.
    """
    lowered = text.lower()
    found = Counter(re.findall(r"\w+", lowered))
    found.update(re.findall(r"\b(?=(\w+ \w+))", lowered))  # every pair, overlapping
    wanted = {*terms, *(t + e for t in terms if " " not in t for e in PLURAL_ENDINGS)}
    return Counter({term: found[term] for term in wanted if term in found})


def occurrences(keyword: str, counts: Counter[str]) -> int:
    """Matches of a keyword; for ``word*`` only its plural forms are counted, to stay low."""
    if keyword.endswith("*"):
        stem = keyword[:-1]
        return counts[stem] + sum(counts[stem + ending] for ending in PLURAL_ENDINGS)
    return counts[keyword]


def starred(term: str, counts: list[Counter[str]]) -> str:
    """``term*`` for a word also seen in the plural ("vaccine" → "vaccine*"), else ``term``."""
    if " " in term or len(term) < MIN_STEM_CHARS:
        return term
    plural_seen = any(c[term + ending] for c in counts for ending in PLURAL_ENDINGS)
    return term + "*" if plural_seen else term


def shares_word(term: str, keywords: list[str]) -> bool:
    """Whether ``term`` could match a word that one of ``keywords`` already matches."""
    taken = {w.rstrip("*") for k in keywords for w in k.split()}
    return any(w.startswith(t) or t.startswith(w) for w in term.rstrip("*").split() for t in taken)


def written_as(term: str, articles: Sequence[Article]) -> str:
    """The commonest spelling of ``term`` in the articles: "inl" → "INL", "perez" → "Perez"."""
    pattern = re.compile(rf"\b{re.escape(term)}\b", re.IGNORECASE)
    forms = Counter(form for a in articles for form in pattern.findall(text_of(a)))
    return min(forms, key=lambda form: (-forms[form], form), default=term)


def theme_name(terms: list[str]) -> str:
    """Terms joined as a name: ["vaccine", "measles", "doses"] → "Vaccine, measles and doses"."""
    name = terms[0] if len(terms) == 1 else ", ".join(terms[:-1]) + " and " + terms[-1]
    return name[0].upper() + name[1:]


def unique_slugs(entries: list[dict]) -> list[dict]:
    """Entries with repeated slugs (or the fallback's) given a numbered suffix, in order."""
    seen: Counter[str] = Counter({FALLBACK["slug"]: 1})
    result = []
    for entry in entries:
        seen[entry["slug"]] += 1
        count = seen[entry["slug"]]
        result.append(entry if count == 1 else {**entry, "slug": f"{entry['slug']}-{count}"})
    return result


def body_words(article: Article) -> int:
    """Words of the body, as themes.py counts them for its density threshold."""
    return sum(len(block.text.split()) for block in article.body)


def text_of(article: Article) -> str:
    return "\n".join([article.title, *(block.text for block in article.body)])


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
