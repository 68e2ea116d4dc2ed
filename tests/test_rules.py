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


PATTERNS = {"section_end_rules": KNOWLEDGE.section_end, "metadata_rules": KNOWLEDGE.metadata}


def pattern_cases(key: str) -> list[tuple[str, str, str]]:
    return [(section, rule, text) for section in PATTERNS for rule, text in cases(section, key)]


@pytest.mark.parametrize(("section", "rule", "text"), pattern_cases("catches"))
def test_section_end_and_metadata_rules_catch_their_examples(section, rule, text):
    match = PATTERNS[section].match(text)
    assert match and match.lastgroup == rule


@pytest.mark.parametrize(("section", "rule", "text"), pattern_cases("leaves"))
def test_section_end_and_metadata_rules_leave_article_text_alone(section, rule, text):
    assert PATTERNS[section].match(text) is None
