from __future__ import annotations

import itertools
from dataclasses import replace

from generator.links import related_briefings
from generator.metadata import extract_metadata
from generator.themes import assign_themes, load_vocabulary

from test_clean import cleaned


def test_every_article_gets_a_theme_and_unmatched_ones_the_fallback():
    vocabulary = load_vocabulary()
    article = assign_themes(extract_metadata(cleaned("hard_wrapped_paragraphs")), vocabulary)
    assert article.themes == (vocabulary.fallback.slug,)


def test_themes_follow_the_vocabulary_keywords():
    vocabulary = load_vocabulary()
    doc = extract_metadata(cleaned("dateline_prefix"))
    text = "Police seized cocaine from drug traffickers; the cartel smuggled drugs. " * 5
    body = replace(doc.clean.body[0], text=text)
    drugs = replace(doc, clean=replace(doc.clean, blocks=(body,)))
    assert assign_themes(drugs, vocabulary).themes[0] == "drugs-and-organised-crime"


def test_related_briefings_do_not_depend_on_input_order():
    cases = ["dated_teasers_after_body", "dateline_prefix", "run_in_heading", "list_items_in_body"]
    articles = [replace(extract_metadata(cleaned(c)), slug=c) for c in cases]
    results = {tuple(sorted(related_briefings(list(p)).items()))
               for p in itertools.permutations(articles)}
    assert len(results) == 1
    related = dict(results.pop())
    assert all(slug not in related[slug] for slug in related)
