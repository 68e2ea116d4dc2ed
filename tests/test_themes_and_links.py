from __future__ import annotations

import itertools
import re
from dataclasses import replace

import pytest
import yaml

from generator.links import MAX_RELATED, link_briefings, shared_facets
from generator.metadata import extract_metadata
from generator.model import Acronym, Entity, EntityKind, Facts, ThemeScore
from generator.themes import assign_themes, load_vocabulary, related_themes

from test_clean import cleaned


def test_every_article_gets_a_theme_and_unmatched_ones_the_fallback():
    vocabulary = load_vocabulary()
    article = assign_themes(extract_metadata(cleaned("hard_wrapped_paragraphs")), vocabulary)
    assert article.themes == (vocabulary.fallback.slug,)


def with_text(text: str):
    doc = extract_metadata(cleaned("dateline_prefix"))
    body = replace(doc.clean.body[0], text=text)
    return replace(doc, title="A report", clean=replace(doc.clean, blocks=(body,)))


def test_themes_follow_the_vocabulary_keywords_best_first():
    text = ("Police seized cocaine from drug traffickers; the cartel smuggled drugs. "
            "The police patrol the border. ") * 5
    article = assign_themes(with_text(text), load_vocabulary())
    assert article.themes[:2] == ("counternarcotics", "police-and-borders")
    assert article.theme_scores[0].score > article.theme_scores[1].score > 0


FALLBACK = {"slug": "misc", "name": "Misc", "description": "The rest.", "fallback": True}


def vocabulary_file(tmp_path, *themes: dict):
    """A themes.yml holding ``themes``, written by PyYAML."""
    path = tmp_path / "themes.yml"
    path.write_text(yaml.safe_dump({"themes": list(themes)}), encoding="utf-8")
    return path


def theme(slug: str, *keywords: str) -> dict:
    return {"slug": slug, "name": slug.title(), "description": "A theme.",
            "keywords": list(keywords)}


def test_a_vocabulary_file_of_ones_own_is_used(tmp_path):
    vocabulary = load_vocabulary(vocabulary_file(tmp_path, theme("water", "pipe*", "water"),
                                                 FALLBACK))
    assert assign_themes(with_text("Water pipes and water. " * 10), vocabulary).themes == ("water",)
    assert assign_themes(with_text("Nothing relevant here. " * 10), vocabulary).themes == ("misc",)


@pytest.mark.parametrize(("themes", "message"), [
    ([theme("a", "a")], "exactly one theme must have 'fallback: true'"),
    ([theme("../x", "a"), FALLBACK], "lower-case letters, digits and hyphens"),
    ([theme("all", "a"), FALLBACK], "give that theme another slug"),  # the collection handout
])
def test_a_vocabulary_that_would_break_the_site_is_refused(tmp_path, themes, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        load_vocabulary(vocabulary_file(tmp_path, *themes))


def test_related_themes_are_the_ones_sharing_most_briefings():
    def tagged(*slugs):
        return replace(with_text("x"), theme_scores=tuple(ThemeScore(s, 1.0) for s in slugs))
    related = related_themes([tagged("a", "b"), tagged("a", "b", "c"), tagged("a", "c"),
                              tagged("b", "c"), tagged("a", "b")])
    assert related["a"] == ("b", "c")  # b shares three briefings with a, c two
    assert "d" not in related


def test_a_link_names_the_themes_and_names_both_briefings_share():
    def article(themes, names, acronyms=()):
        facts = Facts(entities=tuple(Entity(n, EntityKind.PERSON, m) for n, m in names),
                      acronyms=tuple(Acronym(a, "x") for a in acronyms))
        return replace(with_text("x"), facts=facts,
                       theme_scores=tuple(ThemeScore(s, 1.0) for s in themes))
    one = article(["drugs", "police"], [("Ana Ruiz", 3), ("Juan Paz", 1)], ["INL"])
    two = article(["police", "drugs"], [("Ana Ruiz", 2), ("Juan Paz", 5), ("Eva Sol", 1)], ["INL"])
    names = {"drugs": "Drugs", "police": "Police"}
    assert shared_facets(one, two, names) == ("Drugs", "Police", "Ana Ruiz", "INL", "Juan Paz")


def test_related_briefings_do_not_depend_on_input_order():
    cases = ["dated_teasers_after_body", "dateline_prefix", "run_in_heading", "list_items_in_body"]
    articles = [replace(extract_metadata(cleaned(c)), slug=c) for c in cases]
    results = {tuple(sorted(link_briefings(list(p), {}).related.items()))
               for p in itertools.permutations(articles)}
    assert len(results) == 1
    related = dict(results.pop())
    assert all(slug not in [link.slug for link in related[slug]] for slug in related)
    assert all(len(links) <= MAX_RELATED for links in related.values())


def test_the_same_article_twice_is_one_briefing_and_a_reported_duplicate():
    original = replace(extract_metadata(cleaned("dateline_prefix")), slug="a")
    copy = replace(original, slug="b", clean=replace(original.clean, raw=replace(
        original.clean.raw, name="zz-copy.txt")))
    last = original.clean.blocks[-1]
    cut = replace(last, text=last.text.rsplit(" ", 3)[0])  # a re-scrape that lost a few words
    shorter = replace(original, slug="c", clean=replace(
        original.clean, raw=replace(original.clean.raw, name="aa-cut.txt"),
        blocks=(*original.clean.blocks[:-1], cut)))
    other = replace(extract_metadata(cleaned("run_in_heading")), slug="d")
    linked = link_briefings([copy, other, shorter, original], {})
    assert [a.slug for a in linked.published] == ["a", "d"]
    assert [(d.name, d.kept_slug, d.exact) for d in linked.duplicates] == [
        ("aa-cut.txt", "a", False), ("zz-copy.txt", "a", True)]
    assert "merged into its page" in str(linked.duplicates[1])
    assert all(link.slug in ("a", "d") for links in linked.related.values() for link in links)
