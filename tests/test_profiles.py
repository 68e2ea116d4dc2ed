"""Site profiles: a site's own rules and publisher name, matched by host or fingerprint."""

from __future__ import annotations

import pytest

from generator import knowledge
from generator.model import Override, RawDoc
from generator.pipeline import article_from

PROSE = ("The council agreed on Monday to expand the programme to three more districts, after "
         "a pilot that reached thousands of households and cut the cost of delivery by half. "
         "Officials said the money would come from the national budget and a new loan.")
PROFILE = """
name: Valley Courier
match:
  hosts: [valleycourier.example]
  fingerprints: ['Valley Courier Network']
source: The Valley Courier
rules:
  - name: courier_member_pitch
    note: the pitch under every Courier article (test fixture)
    scope: short
    triggers: 'members'
    patterns: ['^courier members read first']
"""


@pytest.fixture
def profiles(tmp_path, monkeypatch):
    (tmp_path / "courier.yml").write_text(PROFILE, encoding="utf-8")
    loaded = knowledge.load_profiles.__wrapped__(tmp_path)
    monkeypatch.setattr(knowledge, "load_profiles", lambda: loaded)
    return loaded


def doc(*extra: str) -> RawDoc:
    """The pitch sits inside the article, where phrase rules decide (outside it, position
    alone removes it)."""
    return RawDoc("a.txt", "\n\n".join([PROSE, "Courier members read first: join today!",
                                        PROSE.replace("Monday", "Tuesday"), *extra]))


def test_profile_found_by_fingerprint_adds_its_rules_and_publisher(profiles):
    article = article_from(doc("A Valley Courier Network site"))
    assert article.source == "The Valley Courier"
    pitch = next(b for b in article.clean.blocks if b.text.startswith("Courier members"))
    assert pitch.rule == "phrase:courier_member_pitch"


def test_profile_found_by_the_host_of_the_articles_url(profiles):
    override = Override(url="https://valleycourier.example/news/1")
    assert article_from(doc(), override=override).source == "The Valley Courier"


def test_no_profile_no_site_rules(profiles):
    article = article_from(doc())
    assert article.source is None
    pitch = next(b for b in article.clean.blocks if b.text.startswith("Courier members"))
    assert pitch.rule != "phrase:courier_member_pitch"
