"""Every rule of generator/data/boilerplate.yml against its examples (tests/fixtures/rules.yml):
what it must catch, and article text it must leave alone."""

from __future__ import annotations

import pytest
import yaml

from generator.clean import phrase_rule
from generator.knowledge import DATA_DIR, load_knowledge

from conftest import FIXTURES

KNOWLEDGE = load_knowledge()
EXAMPLES = yaml.safe_load((FIXTURES / "rules.yml").read_text(encoding="utf-8"))
DATA = yaml.safe_load((DATA_DIR / "boilerplate.yml").read_text(encoding="utf-8"))


def cases(section: str, key: str) -> list[tuple[str, str]]:
    return [(name, text) for name, sets in EXAMPLES[section].items() for text in sets[key]]


@pytest.mark.parametrize("section", ["phrase_rules", "section_end_rules", "metadata_rules"])
def test_every_rule_has_examples(section):
    assert {rule["name"] for rule in DATA[section]} <= set(EXAMPLES[section])


@pytest.mark.parametrize(("rule", "text"), cases("phrase_rules", "catches"))
def test_phrase_rule_catches_its_examples(rule, text):
    assert phrase_rule(text, KNOWLEDGE) == rule


@pytest.mark.parametrize(("rule", "text"), cases("phrase_rules", "leaves"))
def test_phrase_rules_leave_article_text_alone(rule, text):
    assert phrase_rule(text, KNOWLEDGE) is None


@pytest.mark.parametrize(("rule", "text"), cases("section_end_rules", "catches"))
def test_section_end_rule_catches_its_examples(rule, text):
    match = KNOWLEDGE.section_end.match(text)
    assert match and match.lastgroup == rule


@pytest.mark.parametrize(("rule", "text"), cases("section_end_rules", "leaves"))
def test_section_end_rules_leave_article_text_alone(rule, text):
    assert KNOWLEDGE.section_end.match(text) is None


@pytest.mark.parametrize(("rule", "text"), cases("metadata_rules", "catches"))
def test_metadata_rule_catches_its_examples(rule, text):
    match = KNOWLEDGE.metadata.match(text)
    assert match and match.lastgroup == rule


@pytest.mark.parametrize(("rule", "text"), cases("metadata_rules", "leaves"))
def test_metadata_rules_leave_article_text_alone(rule, text):
    assert KNOWLEDGE.metadata.match(text) is None
