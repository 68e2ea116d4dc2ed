import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_figures import gold_body, seed_body

from generator.model import Block, BlockKind
from generator.summary import summarise

LEAD = "The city council approved a new water plan for the river valley on Monday."
CENTRAL = ("The water plan gives the river valley a new reservoir, new pipes and water meters "
           "for every farm in the valley.")
FILLER = [
    "Farmers in the valley had asked the council for water meters since the drought.",
    "The reservoir will be built north of the city, near the old mill on the river.",
    "The council will vote on the budget for the plan next month.",
    "Work on the pipes is expected to start in the spring.",
]


def paragraphs(*texts: str) -> list[Block]:
    return [Block(t, 1, 1) for t in texts]


def with_second(sentence: str) -> list[Block]:
    """An article whose second sentence is ``sentence``, where the most central one would be."""
    return paragraphs(f"{LEAD} {sentence}", *FILLER)


def test_seed_summaries_are_two_or_three_of_the_articles_sentences_in_order(gold):
    body = gold_body(gold)
    text = "\n".join(b.text for b in body if b.kind is BlockKind.PARAGRAPH)
    summary = summarise(body)
    assert 2 <= len(summary) <= 3
    positions = [text.find(sentence) for sentence in summary]
    assert -1 not in positions
    assert positions == sorted(positions)


def test_state_department_summary_opens_with_its_lead():
    summary = summarise(seed_body("003_4ce2c425b9e65af5"))
    assert summary[0].startswith("The U.S. Department of State’s Bureau of International")


def test_a_central_sentence_is_chosen():
    assert CENTRAL in summarise(with_second(CENTRAL))


@pytest.mark.parametrize("opening", ["However, t", "He said t", "In it, t", "Sin embargo, t"])
def test_a_sentence_pointing_back_is_not_chosen(opening):
    sentence = opening + CENTRAL[1:]
    assert sentence not in summarise(with_second(sentence))


@pytest.mark.parametrize("sentence", [
    CENTRAL[:-1] + "?",  # a question
    f"“{CENTRAL}” the mayor said.",  # a quotation
    f"{CENTRAL[:-1]}, said the mayor, “and pipes.",  # a quotation left open
    CENTRAL[:-1] + ":",  # introduces a list
    "Valley farms need water meters.",  # too short to say much
    CENTRAL[:-1] + ", " + ", ".join(["and new water pipes for the river valley"] * 8) + ".",
])
def test_questions_quotations_fragments_and_extreme_lengths_are_not_chosen(sentence):
    assert sentence not in summarise(with_second(sentence))


def test_the_lead_may_point_back_since_nothing_comes_before_it():
    lead = "This week the city council approved a new water plan for the river valley."
    assert summarise(paragraphs(f"{lead} {CENTRAL}", *FILLER))[0] == lead


def test_a_sentence_repeating_a_chosen_one_is_skipped():
    repeat = CENTRAL.replace("gives", "will give")
    summary = summarise(paragraphs(f"{LEAD} {CENTRAL} {repeat}", *FILLER, *FILLER))
    assert len(summary) == 3
    assert CENTRAL in summary
    assert repeat not in summary


def test_a_very_short_article_gets_one_sentence():
    assert summarise(paragraphs(LEAD, CENTRAL)) == (LEAD,)


def test_a_long_article_gets_three_sentences():
    assert len(summarise(paragraphs(LEAD, CENTRAL, *FILLER, *FILLER, *FILLER))) == 3


def test_without_a_sentence_that_stands_alone_the_lead_is_kept():
    assert summarise(paragraphs("Hong Kong is burning.", "It is.")) == ("Hong Kong is burning.",)


@pytest.mark.parametrize("body", [
    [],
    [Block("Water plan approved for the river valley", 1, 1, BlockKind.HEADING)],
    [Block(CENTRAL, 1, 1, BlockKind.LIST_ITEM)],
], ids=["empty", "headings-only", "list-items-only"])
def test_no_paragraphs_no_summary(body):
    assert summarise(body) == ()


def test_summaries_of_other_languages_are_their_own_sentences():
    body = paragraphs(
        "El Congreso de Guatemala aprobó el lunes una nueva ley contra el lavado de dinero.",
        "La ley obliga a los bancos a informar de toda transferencia sospechosa a la fiscalía.",
        "Sin embargo, la oposición criticó la ley por considerar que llega demasiado tarde.",
        "Los bancos tendrán seis meses para adaptar sus sistemas a la nueva ley.",
    )
    summary = summarise(body)
    assert len(summary) == 2
    assert summary[0].startswith("El Congreso de Guatemala aprobó")
    assert not any(s.startswith("Sin embargo") for s in summary)


sentences = st.lists(st.sampled_from([LEAD, CENTRAL, *FILLER, "Why?", "He agreed.",
                                      "“Never,” she said."]), min_size=1, max_size=6)


@given(st.lists(sentences.map(" ".join), max_size=5))
def test_summaries_are_verbatim_ordered_and_short(texts):
    body = paragraphs(*texts)
    summary = summarise(body)
    assert len(summary) <= 3
    assert bool(summary) == bool(texts)
    assert all(any(s in block.text for block in body) for s in summary)
    assert summarise(body) == summary  # deterministic
