"""People and organisations: recall and precision on the seeds, the index, edge cases."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.entities import (
    MIN_BRIEFINGS,
    MIN_MENTIONS_IN_ONE,
    IndexEntry,
    build_index,
    named_entities,
)
from generator.model import Article, Block, BlockKind, Entity, EntityKind, Facts
from generator.pipeline import article_from
from generator.read import read_file

from conftest import SEEDS, growth_ratio

PERSON, ORGANISATION = EntityKind.PERSON, EntityKind.ORGANISATION


@functools.cache
def seed_articles() -> tuple[Article, ...]:
    articles = (article_from(read_file(path)) for path in sorted(SEEDS.glob("*.txt")))
    return tuple(replace(a, facts=Facts(entities=named_entities(a.body))) for a in articles)


def seed(prefix: str) -> Article:
    return next(a for a in seed_articles() if a.name.startswith(prefix))


def found(article: Article) -> dict[str, Entity]:
    return {e.name: e for e in article.facts.entities}


def body(*paragraphs: str, kind: BlockKind = BlockKind.PARAGRAPH) -> tuple[Block, ...]:
    return tuple(Block(text, n, n, kind) for n, text in enumerate(paragraphs, start=1))


def names(*paragraphs: str) -> dict[str, tuple[EntityKind, int]]:
    return {e.name: (e.kind, e.mentions) for e in named_entities(body(*paragraphs))}


def test_a_well_known_acronym_counts_for_the_organisation_the_glossary_names():
    """From the glossary's built-in list, organisations only: DNA names no organisation."""
    found = names("Agents of the FBI said the DNA samples matched. The FBI declined to comment.")
    assert found == {"Federal Bureau of Investigation": (EntityKind.ORGANISATION, 2)}


# --- recall and precision on the seeds ------------------------------------------------

EXPECTED = [
    ("000", "Otto Perez", PERSON),
    ("000", "Alvaro Colom", PERSON),
    ("000", "Department of Defense", ORGANISATION),
    ("001", "William W. Popp", PERSON),
    ("001", "María Consuelo Porras Argueta", PERSON),
    ("001", "Gendri Reyes Mazariegos", PERSON),
    ("001", "Bureau of International Narcotics and Law Enforcement Affairs", ORGANISATION),
    ("001", "Ministry of Defense", ORGANISATION),
    ("001", "Ministry of the Interior", ORGANISATION),
    ("001", "U.S. Department of State", ORGANISATION),
    ("001", "Office of the Attorney General", ORGANISATION),
    ("001", "Guatemalan Army", ORGANISATION),
    ("002", "John Hamilton", PERSON),
    ("002", "Alfonso Portillo", PERSON),
    ("003", "Thelma Aldana", PERSON),
    ("003", "Porras", PERSON),
    ("003", "National Civil Police", ORGANISATION),
    ("003", "National Institute of Forensic Science", ORGANISATION),
    ("003", "Department of Justice", ORGANISATION),
    ("004", "National Civil Police", ORGANISATION),
    ("004", "National Commission Against Corruption", ORGANISATION),
]


@pytest.mark.parametrize(("prefix", "name", "kind"), EXPECTED, ids=lambda v: str(v))
def test_the_seeds_names_are_found_under_their_fullest_form(prefix, name, kind):
    assert found(seed(prefix))[name].kind is kind


NOT_NAMES = {
    "Guatemala", "United States", "Washington DC", "Washington", "U.S.", "US", "The U.S.",
    "Four", "During", "Another Perez", "Perez's", "Guatemalan", "Iranian", "Guatemala City",
    "Central America", "Northern Triangle", "Dominican Republic", "El Salvador", "Villa Nueva",
    "La Esperanza", "January", "Ambassador", "President", "Attorney General", "U.S. Ambassador",
    "InSight Crime Analysis", "Good Governance", "Safe Communities", "Alliances",
    "Model Police Precinct", "High-Level Security Dialogue", "Sector Reform",
    "Justice Sector Reform", "Countering Narcotics", "Police Assistance", "Many", "Despite",
    "Guatemalan Office of the Attorney General", "Guatemala Se Transforma",
}


def test_the_seeds_list_no_places_fragments_or_headings():
    listed = {e.name for a in seed_articles() for e in a.facts.entities}
    assert not listed & NOT_NAMES
    assert not [n for n in listed if n.startswith(("The ", "the ")) or n.endswith(("'s", "’s"))]


def test_short_forms_count_for_the_full_name():
    perez = seed("000")
    said = sum(len(re.findall(r"\bPerez\b", b.text)) for b in perez.body)
    assert found(perez)["Otto Perez"].mentions == said  # "Otto Perez", "Perez's", "Perez"
    assert found(seed("001"))["William W. Popp"].mentions == 3  # + "Ambassador Popp" twice
    assert found(seed("002"))["John Hamilton"].mentions == 2  # "John Hamilton's", "Hamilton"


def test_a_defined_acronym_counts_for_its_organisation():
    inl = found(seed("003"))["Bureau of International Narcotics and Law Enforcement Affairs"]
    text = " ".join(b.text for b in seed("003").body)
    assert inl.mentions == len(re.findall(r"\bINL\b", text))  # the long form once, "(INL)" not


# --- one article, small cases ---------------------------------------------------------


def test_titles_roles_and_reporting_verbs_mark_people():
    found_here = names(
        "Iranian President Mahmoud Ahmadinejad arrived, said spokesman John Smith.",
        "Ana María López, the economy minister, told reporters the plan would work.",
        "“We will act,” Carlos de la Vega said on Monday.",
    )
    assert found_here == {
        "Mahmoud Ahmadinejad": (PERSON, 1), "John Smith": (PERSON, 1),
        "Ana María López": (PERSON, 1), "Carlos de la Vega": (PERSON, 1),
    }


def test_a_title_to_a_place_is_not_part_of_the_name():
    assert names("U.S. Ambassador to Guatemala William W. Popp spoke. Popp left.") == {
        "William W. Popp": (PERSON, 2)}


def test_organisations_keep_their_inner_words_and_lose_owners_and_leading_the():
    found_here = names(
        "Guatemala's National Institute of Forensic Science (INACIF) works with INACIF staff.",
        "The Guatemalan Ministry of the Interior and the U.S. Embassy signed it.",
    )
    assert found_here == {
        "National Institute of Forensic Science": (ORGANISATION, 2),
        "Ministry of the Interior": (ORGANISATION, 1),
        "U.S. Embassy": (ORGANISATION, 1),
    }


def test_a_list_of_places_joined_by_and_is_no_name():
    assert names("The United States and Guatemala signed an agreement in Washington DC.") == {}


def test_a_surname_used_alone_marks_a_person_but_a_brand_used_alone_does_not():
    found_here = names(
        "The vote went to Otto Perez. Observers expect Perez to act.",
        "Apple AirPods are popular, and Apple sells AirPods at Apple stores.",
    )
    assert found_here == {"Otto Perez": (PERSON, 2)}


def test_headline_case_paragraphs_give_no_names_of_their_own():
    assert named_entities(body("Justice Sector Reform Moves Ahead")) == ()


def test_headings_give_no_names_of_their_own():
    assert named_entities(body("President Obama Visits Cuba", kind=BlockKind.HEADING)) == ()


def test_a_heading_still_counts_a_name_the_text_introduced():
    blocks = (*body("President Alvaro Colom met them."),
              *body("Colom Returns", kind=BlockKind.HEADING))
    assert named_entities(blocks) == (Entity("Alvaro Colom", PERSON, 2),)


@pytest.mark.parametrize("text", [
    "",
    "the cat sat on the mat. it was happy.",
    "THE PRESIDENT SAID THE MINISTRY OF DEFENSE WOULD ACT ON MONDAY.",
    "During the meeting, Many officials spoke. Four goals were set. Despite this, nothing.",
    "엘제이의 리벤지인가, 류화영의 코스프레인가",
    "((((( [INL) ))) ** __ -- …… ‘’ “” (A) (AB) & & of the and de la",
])
def test_text_without_names_gives_none(text):
    assert named_entities(body(text)) == ()


def test_spanish_text():
    found_here = names("El presidente Alejandro Giammattei dijo que el Ministerio de "
                       "Gobernación y la Policía Nacional Civil trabajan juntos.")
    assert found_here == {
        "Alejandro Giammattei": (PERSON, 1),
        "Ministerio de Gobernación": (ORGANISATION, 1),
        "Policía Nacional Civil": (ORGANISATION, 1),
    }


def test_german_nouns_joined_by_articles_are_no_people():
    text = ("Die Versorgung des Patienten hängt von der digitalen Akte ab. Die Daten der Akte "
            "werden in der neuen Praxis geteilt. Die Akte ist wichtig, die Daten der Akte auch.")
    assert named_entities(body(text)) == ()


HOSTILE_TEXTS = [
    lambda n: "Capital " * n + "said.",
    lambda n: "The " * n + "end.",
    lambda n: "Ministry of " * (n // 4) + "Defense.",
    lambda n: "\x00\u200b\ufeff" * (n // 20),
    lambda n: "President " * (n // 4),
]


@pytest.mark.parametrize("make_text", HOSTILE_TEXTS)
def test_hostile_text_invents_nothing_and_takes_linear_time(make_text):
    assert named_entities(body(make_text(20_000))) == ()
    assert growth_ratio(lambda text: named_entities(body(text)), make_text, 5_000) < 8


# --- the index ------------------------------------------------------------------------


def article(slug: str, *entities: Entity) -> Article:
    base = seed_articles()[0]
    return replace(base, slug=slug, facts=Facts(entities=entities))


def test_the_seed_index_merges_short_and_long_names_across_briefings():
    index = {e.name: e for e in build_index(seed_articles())}
    porras = index["María Consuelo Porras Argueta"]
    assert porras.kind is PERSON and len(porras.slugs) == 2 and porras.mentions == 3
    assert "Porras" not in index
    assert len(index["Bureau of International Narcotics and Law Enforcement Affairs"].slugs) == 3
    assert {"Otto Perez", "William W. Popp", "National Civil Police"} <= index.keys()
    assert "Alvaro Colom" not in index  # twice in one briefing: not named often
    assert not index.keys() & NOT_NAMES


def test_the_index_is_sorted_by_kind_then_name():
    index = build_index(seed_articles())
    kinds = list(EntityKind)
    keys = [(kinds.index(e.kind), e.name.casefold()) for e in index]
    assert keys == sorted(keys) and index[0].kind is PERSON


def test_a_shorter_name_merges_into_the_one_longer_name_containing_it():
    index = build_index([
        article("a", Entity("Otto Perez", PERSON, 2)),
        article("b", Entity("Otto Pérez Molina", PERSON, 1)),
    ])
    assert index == (IndexEntry("Otto Pérez Molina", PERSON, ("a", "b"), 3),)


def test_an_ambiguous_short_name_stays_apart():
    index = build_index([
        article("a", Entity("Otto Perez", PERSON, 3), Entity("Perez", PERSON, 3)),
        article("b", Entity("Carlos Perez", PERSON, 3)),
    ])
    assert [e.name for e in index] == ["Carlos Perez", "Otto Perez", "Perez"]


def test_spellings_differing_in_case_and_accents_are_one_entry_under_the_accented_one():
    index = build_index([
        article("a", Entity("Alvaro Colom", PERSON, 1)),
        article("b", Entity("Álvaro Colom", PERSON, 1)),
    ])
    assert index == (IndexEntry("Álvaro Colom", PERSON, ("a", "b"), 2),)


@pytest.mark.parametrize(("mentions", "listed"), [
    ([1], False),
    ([MIN_MENTIONS_IN_ONE - 1], False),
    ([MIN_MENTIONS_IN_ONE], True),
    ([1] * MIN_BRIEFINGS, True),
])
def test_only_names_named_often_are_listed(mentions, listed):
    articles = [article(f"s{i}", Entity("Thelma Aldana", PERSON, n))
                for i, n in enumerate(mentions)]
    assert bool(build_index(articles)) is listed


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(5)))
def test_the_index_does_not_depend_on_input_order(order):
    articles = seed_articles()
    assert build_index([articles[i] for i in order]) == build_index(articles)
