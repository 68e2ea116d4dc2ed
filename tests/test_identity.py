"""The identity cascades (generator/identity/): one fixture per failure shape, named after
it (tests/fixtures/identity/), and every data-file rule against its examples."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
import yaml

from generator.clean import clean
from generator.identity import RULES
from generator.identity.header import read_header, words
from generator.identity.lexicon import load_lexicon
from generator.identity.title import (
    anchor_lines,
    headline_candidates,
    headline_evidence,
    headline_like,
    load_headline_model,
)
from generator.knowledge import load_knowledge
from generator.metadata import extract_metadata
from generator.model import Article
from generator.pipeline import article_from
from generator.read import read_file

from conftest import FIXTURES

CASES = FIXTURES / "identity"
EXPECTED = yaml.safe_load((CASES / "expected.yml").read_text(encoding="utf-8"))
EXAMPLES = yaml.safe_load((FIXTURES / "identity.yml").read_text(encoding="utf-8"))
LEXICON = load_lexicon()


def identify(case: str) -> Article:
    return article_from(read_file(CASES / f"{case}.txt"))


@pytest.mark.parametrize(("case", "field"), [(c, f) for c, fields in EXPECTED.items()
                                             for f in fields])
def test_each_failure_shape_reads_the_right_field(case, field):
    article = identify(case)
    expected = EXPECTED[case][field]
    if field == "title" and expected is None:  # no line of the page is its title
        assert article.title_derived
        return
    assert getattr(article, field) == expected
    if field == "title":
        assert not article.title_derived


def test_every_field_names_its_rule_and_line():
    article = identify("page_title_with_site_suffix_and_section")
    origins = {o.field: o for o in article.origins}
    assert set(origins) == {"title", "date", "author", "source"}
    assert all(o.rule in RULES for o in origins.values())
    assert origins["title"].text == "Water Programme Reaches Three More Districts"
    assert origins["title"].line == 7  # the headline, not the <title> with its suffix
    assert origins["date"].text == "21/06/2014"


def test_the_title_line_leaves_the_page_and_the_cleaners_guess_is_furniture():
    article = identify("author_name_alone_is_not_the_title")
    removed = {r.text: r.rule for r in article.clean.removed_lines()}
    assert removed["Water Programme Reaches Three More Districts"].startswith("title:")
    assert not any(rule.startswith(("header:title", "title:"))
                   for text, rule in removed.items() if "Whitfield" in text)


def test_a_page_without_a_headline_derives_its_title_and_says_so():
    article = identify("owner_in_copyright_is_not_the_source")
    assert not article.title_derived  # its first line is the headline, right above the text
    bare = article_from(read_file(CASES / "owner_in_copyright_is_not_the_source.txt"))
    assert bare.title == "Water Programme Reaches Three More Districts"


def test_an_override_wins_and_says_so():
    from generator.model import Override

    article = extract_metadata(identify("agency_byline").clean,
                               override=Override(author="Desk", date=dt.date(2020, 1, 2)))
    origins = {o.field: o.rule for o in article.origins}
    assert (article.author, origins["author"], origins["date"]) == ("Desk", "override",
                                                                    "override")


@pytest.mark.parametrize(("rule", "text"), [(r, t) for r, sets in EXAMPLES["ui_labels"].items()
                                            for t in sets["catches"]])
def test_ui_labels_catch_their_examples(rule, text):
    assert LEXICON.ui_label(text) == rule


@pytest.mark.parametrize("text", [t for sets in EXAMPLES["ui_labels"].values()
                                  for t in sets["leaves"]])
def test_ui_labels_leave_headlines_alone(text):
    assert LEXICON.ui_label(text) is None


SITE_FORMS = {p.name: p for p in LEXICON.site_name_patterns}


@pytest.mark.parametrize(("rule", "text", "name"), [
    (r, t, n) for r, sets in EXAMPLES["site_name_patterns"].items()
    for t, n in sets["catches"].items()])
def test_site_name_forms_catch_their_examples(rule, text, name):
    assert SITE_FORMS[rule].pattern.search(text)["name"] == name


@pytest.mark.parametrize(("rule", "text"), [(r, t) for r, sets in
                                            EXAMPLES["site_name_patterns"].items()
                                            for t in sets["leaves"]])
def test_site_name_forms_leave_other_lines_alone(rule, text):
    assert SITE_FORMS[rule].pattern.search(text) is None


def test_every_data_rule_has_examples():
    assert {p.name for p in LEXICON.ui_labels} <= set(EXAMPLES["ui_labels"])
    assert set(SITE_FORMS) <= set(EXAMPLES["site_name_patterns"])


def test_the_cleaning_page_says_which_line_gave_each_field():
    from generator.audit import render_audit
    from generator.knowledge import load_knowledge
    from generator.model import Site

    article = identify("page_title_with_site_suffix_and_section")
    page = render_audit(Site(articles=(article,), themes=()), load_knowledge()).text
    assert "- **Title**: line 7, “Water Programme Reaches Three More Districts”" in page
    assert "- **Date**: line 11, “21/06/2014”" in page
    assert "(`source:page_title_affix`)" in page


def test_the_headline_model_weighs_every_kind_of_evidence_it_is_given():
    """The stored weights and the evidence the code measures name the same things: a feature
    added or renamed without refitting (benchmarks/fit_headline.py --write) fails here."""
    knowledge, lexicon = load_knowledge(), load_lexicon()
    doc = read_file(CASES / "teaser_headline_is_not_the_title.txt")
    header = read_header(clean(doc, knowledge=knowledge), knowledge.stopwords)
    candidates = headline_candidates(header, lexicon, knowledge)
    evidence = headline_evidence(header, candidates, anchor_lines(header, lexicon), lexicon)
    assert evidence and all(set(e) == set(load_headline_model().weights) for e in evidence)
    assert all(0.0 <= value <= 1.0 for e in evidence for value in e.values())


def test_chinese_and_japanese_words_are_pairs_of_characters():
    """A headline written without spaces shares words with its text only as pairs."""
    assert words("商標法違反 iPhone") == ["商標", "標法", "法違", "違反", "iphone"]


@pytest.mark.parametrize(("text", "headline"), [
    ("Valley Courier Editorial Staff", False),  # a writer's credit
    ("About Ana Ruiz", False),  # the writer's box
    ("About Bugs and the People Who Study Them", True),
    ("Meet the Editor Who Saved the Valley Courier", True),
])
def test_a_writers_credit_or_box_is_not_a_headline(text, headline):
    knowledge, lexicon = load_knowledge(), load_lexicon()
    doc = read_file(CASES / "teaser_headline_is_not_the_title.txt")
    header = read_header(clean(doc, knowledge=knowledge), knowledge.stopwords)
    line = replace(header.lines[1], text=text)
    assert headline_like(line, header, lexicon, knowledge) is headline
