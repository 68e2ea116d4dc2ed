import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.figures import MAX_FIGURES, key_figures
from generator.model import Block, BlockKind, KeyFigure

from conftest import GOLD_DIR

SEED_FIGURES = {
    "000_84addd0f2f4c2b0d.txt": [],  # years and dates only
    "001_89050cb29433954a.txt": ["About 90 percent"],
    "002_bfe19822dceacab7.txt": [],  # years and dates only
    "003_4ce2c425b9e65af5.txt": [  # not "zone 12", "Villa Lobos I", "MS-13" nor "2,500 over"
        "an estimated 1,400 metric tons",
        "over 8,000 kilograms",
        "over 150 new DIPAFRONT recruits",
        "1,494 illegal migrants",
        "approximately $5,000,000",
        "up to 250 additional officers",
        "26 percent",
    ],
    "004_9aafd9f517220319.txt": [  # not the "Fraijanes 1" centre
        "approximately $100 million", "nearly 11,000 kilograms", "223 percent"],
}


def gold_body(gold: dict) -> list[Block]:
    """A seed's hand-labelled body, so these tests do not depend on the cleaner."""
    return [Block(b["text"], b["line"], b["line"], BlockKind(b["kind"])) for b in gold["body"]]


def seed_body(stem: str) -> list[Block]:
    return gold_body(json.loads((GOLD_DIR / f"{stem}.json").read_text(encoding="utf-8")))


def figures_of(*paragraphs: str) -> list[str]:
    return [f.figure for f in key_figures([Block(p, 1, 1) for p in paragraphs])]


def test_seed_figures_are_all_found_and_nothing_else(gold):
    assert [f.figure for f in key_figures(gold_body(gold))] == SEED_FIGURES[gold["file"]]


def test_a_figure_comes_with_the_sentence_stating_it():
    figures = key_figures(seed_body("003_4ce2c425b9e65af5"))
    assert figures[0] == KeyFigure(
        "an estimated 1,400 metric tons",
        "In 2018, an estimated 1,400 metric tons of cocaine were smuggled through Guatemala, "
        "the majority of it destined for the U.S. market.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Congress approved US$4.5m for the programme.", ["US$4.5m"]),
    ("The EU pledged €20 billion.", ["€20 billion"]),
    ("The ministry received Q2 million quetzales.", ["Q2 million quetzales"]),
    ("The fine was Q150 per day of delay.", ["Q150"]),
    ("They lost 2 million dollars in a week.", ["2 million dollars"]),
    ("Chelsea paid the £71.6million fee.", ["£71.6million"]),
    ("He spent Rs 24 lakh on agents.", ["Rs 24 lakh"]),
    ("Prices rose 12% last month.", ["12%"]),
    ("Prices rose 12 per cent last month.", ["12 per cent"]),
    ("The army sent 5,000 soldiers to the border.", ["5,000 soldiers"]),
    ("Police seized more than 300 kilos of cocaine.", ["more than 300 kilos"]),
    ("The storm displaced 3 million people overnight.", ["3 million people"]),
    ("It affected nearly 2.5 million, officials said.", ["nearly 2.5 million"]),
    ("Some 200 U.S. military personnel remain at the base.", ["Some 200 U.S. military personnel"]),
])
def test_amounts_quantities_and_percentages_are_taken_as_written(text, expected):
    assert figures_of(text) == expected


@pytest.mark.parametrize("text", [
    "In 2018, the programme began.",  # a year
    "The 2016 elections were contested.",  # a year before a plural noun
    "The 1990s were violent.",  # a decade
    "It was signed on February 3, 2021.",  # a date
    "El acuerdo se firmó el 3 de febrero de 2021.",  # a date, in Spanish
    "The forms are dated 10/25/2019 and 2021-03-09.",  # numeric dates
    "They met at 10:30 and again at 3 p.m.",  # times
    "She finished 1st and he came 2nd.",  # ordinals
    "Call +502 2326 4000 or (502) 2326-4000.",  # phone numbers
    "Smith, 43, said so; a 43-year-old man was held; he is 43 years old.",  # ages
    "Un hombre de 43 años fue detenido.",  # an age, in Spanish
    "See page 12, section 3 and Article 5.",  # page and section numbers
    "Police patrol zone 12 of Villa Nueva.",  # a zone number
    "The Fraijanes 1 Rehabilitation Center opened.",  # a number inside a name
    "Windows 10 users and iPhone 11 owners were told.",  # product names
    "MS-13 leaders and COVID-19 cases were counted.",  # codes
    "He waited 20 minutes for 3 days.",  # durations
    "The force grew to 540 with a goal of 2,500 over five years.",  # numbers counting nothing
    "A 5G network and a 400m race.",  # glued letters without a currency
    "Results for Q2 2019 were flat.",  # a quarter, not quetzales
])
def test_years_dates_times_ordinals_phones_ages_labels_and_names_are_not_figures(text):
    assert figures_of(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("El gobierno destinó 2 millones de dólares a más de 300 personas.",
     ["2 millones de dólares", "más de 300 personas"]),
    ("Le budget atteint 10 milliards d'euros, soit 5 pour cent du total.",
     ["10 milliards d'euros", "5 pour cent"]),
    ("O desemprego caiu para 12,5 % em 2020.", ["12,5 %"]),
])
def test_figures_in_other_languages(text, expected):
    assert figures_of(text) == expected


def test_a_figure_repeated_later_is_listed_once_where_it_first_appears():
    assert figures_of("Seizures rose 223 percent.", "A 223 percent rise was welcomed.") == [
        "223 percent"]


def test_headings_are_not_read_for_figures():
    assert key_figures([Block("$5 million for police", 1, 1, BlockKind.HEADING)]) == ()


def test_list_items_are_read_for_figures():
    body = [Block("Training for 500 officers", 1, 1, BlockKind.LIST_ITEM)]
    assert [f.figure for f in key_figures(body)] == ["500 officers"]


def test_empty_body_has_no_figures():
    assert key_figures([]) == ()


def test_too_many_figures_keep_money_and_percentages_in_article_order():
    counts = [f"The town sent {n} volunteers." for n in range(11, 11 + MAX_FIGURES)]
    money = ["The grant was $3 million.", "Turnout was 40 percent."]
    figures = figures_of(counts[0], money[0], *counts[1:], money[1])
    assert len(figures) == MAX_FIGURES
    assert figures[:2] == ["11 volunteers", "$3 million"]
    assert figures[-1] == "40 percent"


words = st.sampled_from(["5,000", "12", "2018", "$", "€4.5m", "million", "percent", "%", "tons",
                         "soldiers", "people", "in", "of", "zone", "nearly", "Q2", "the", ",",
                         "-", "March", "3", "years", "Rs", "lakh", "."])


@given(st.lists(st.lists(words, min_size=1, max_size=12).map(" ".join), max_size=4))
def test_figures_are_the_articles_own_text(paragraphs):
    body = [Block(p, 1, 1) for p in paragraphs]
    for figure in key_figures(body):
        assert figure.figure in figure.sentence
        assert any(figure.sentence in block.text for block in body)
