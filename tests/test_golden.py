"""Golden tests: every seed against its hand-labelled truth in tests/gold (from shared/gold)."""

from __future__ import annotations

import re

import pytest

from generator.clean import clean
from generator.markup import escape_markdown
from generator.metadata import extract_metadata
from generator.read import read_file
from generator.render import render_briefing
from generator.themes import assign_themes, load_vocabulary

from conftest import SEEDS

THEMES = {t.slug: t for t in load_vocabulary().themes}


def article_for(gold: dict):
    return assign_themes(extract_metadata(clean(read_file(SEEDS / gold["file"]))),
                         load_vocabulary())


def test_body_blocks_are_exactly_the_gold_paragraphs_and_headings_in_order(gold):
    body = [(b.first_line, b.kind.value, b.text) for b in article_for(gold).body]
    assert body == [(b["line"], b["kind"], b["text"]) for b in gold["body"]]


def test_no_boilerplate_line_appears_anywhere_on_the_briefing_page(gold):
    article = article_for(gold)
    page = render_briefing(article, THEMES, related=[])
    page_lines = {re.sub(r"^(?:#+|-)\s+", "", line.strip()) for line in page.text.split("\n")}
    for line in gold["boilerplate"]:
        assert escape_markdown(line["text"].strip()) not in page_lines, line


def test_every_boilerplate_line_is_recorded_as_removed_with_a_rule(gold):
    removed = {r.line: r for r in article_for(gold).clean.removed_lines()}
    for line in gold["boilerplate"]:
        assert line["line"] in removed, line
        assert removed[line["line"]].rule


@pytest.mark.parametrize("field", ["source", "author", "date"])
def test_metadata_equals_gold(gold, field):
    value = getattr(article_for(gold), field)
    expected = gold[field]
    assert (value.isoformat() if field == "date" and value else value) == expected


def test_title_is_the_gold_title_or_derived_from_the_body(gold):
    article = article_for(gold)
    if gold["title"] is not None:
        assert (article.title, article.title_derived) == (gold["title"], False)
        return
    assert article.title_derived
    assert len(article.title) <= 80
    opening = article.body[0].text
    assert opening.startswith(article.title.rstrip("…").rstrip())
    boilerplate = " ".join(line["text"] for line in gold["boilerplate"])
    assert article.title.rstrip("…") not in boilerplate
