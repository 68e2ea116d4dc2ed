"""The timeline reads dated events from the seeds, and nothing that only looks like a date."""

from __future__ import annotations

import pytest

from generator.model import Block, BlockKind
from generator.pipeline import article_from
from generator.read import read_file
from generator.timeline import dated_events

from conftest import SEEDS


def events_of(*paragraphs: str, kind: BlockKind = BlockKind.PARAGRAPH):
    return dated_events([Block(text, n, n, kind) for n, text in enumerate(paragraphs, 1)])


def dates_of(*paragraphs: str) -> list[tuple[int, int | None, int | None, str]]:
    return [(e.year, e.month, e.day, e.when) for e in events_of(*paragraphs)]


# Every event of each seed, in article order: (when, how its sentence starts). Exact lists, so
# "on January 23", "on February 12" (no year) and "the 2003 decertification" (a year naming a
# thing) must stay out.
SEED_EVENTS = {
    "000_84addd0f2f4c2b0d.txt": [
        ("1990", "US Congress halted all military aid to Guatemala in 1990"),
        ("2007", "The US relaxed the restrictions somewhat in 2007"),
    ],
    "001_89050cb29433954a.txt": [
        ("February 3, 2021", "The U.S. Embassy in Guatemala, through the Bureau"),
        ("2019", "During the ceremony, U.S. Ambassador"),
        ("2020", "In 2020, air management authorities"),
        ("2021", "The Guatemalan Office of the Attorney General has set goals for 2021"),
        ("2021", "By 2021, the Ministry of Defense plans"),
    ],
    "002_bfe19822dceacab7.txt": [
        ("April 2003", "The U.S. pressed Guatemalan officials"),
        ("January of 2003", "Guatemala had been decertified"),
    ],
    "003_4ce2c425b9e65af5.txt": [
        ("2018", "In 2018, an estimated 1,400 metric tons"),
        ("2018", "Countering Narcotics"),  # then a no-break space
        ("2018", "Coordination between U.S. and Guatemalan units"),
        ("July 2017", "In July 2017, INL complemented"),
        ("2016", "In 2016, TAG officers"),
        ("2018", "INL-supported Guatemalan police units apprehended 1,494"),
        ("2017 to 2018", "The PBS has seen positive results"),
        ("2016", "In 2016, INL announced a partnership"),
        ("2018", "In early 2018,"),
    ],
    "004_9aafd9f517220319.txt": [
        ("September 2024", "The two nations acknowledged"),
    ],
}


@pytest.mark.parametrize("name", sorted(SEED_EVENTS))
def test_seed_events(name):
    events = dated_events(article_from(read_file(SEEDS / name)).body)
    assert [(e.when, e.sentence[:len(start)]) for e, (_, start) in
            zip(events, SEED_EVENTS[name], strict=False)] == SEED_EVENTS[name]
    assert len(events) == len(SEED_EVENTS[name])


def test_seed_sentences_are_verbatim_and_whole():
    for name in SEED_EVENTS:
        article = article_from(read_file(SEEDS / name))
        body = "\n".join(b.text for b in article.body)
        for event in dated_events(article.body):
            assert event.sentence in body
            assert event.when in event.sentence
            assert event.sentence.endswith((".", ":", "”", '"')), event.sentence


@pytest.mark.parametrize(("text", "expected"), [
    ("In 1990, Congress halted all military aid.", (1990, None, None, "1990")),
    ("The cable was sent in April 2003.", (2003, 4, None, "April 2003")),
    ("It was decertified in January of 2003.", (2003, 1, None, "January of 2003")),
    ("The aid arrived on February 3, 2021.", (2021, 2, 3, "February 3, 2021")),
    ("The aid arrived on Feb. 3, 2021.", (2021, 2, 3, "Feb. 3, 2021")),
    ("The aid arrived on 3 February 2021.", (2021, 2, 3, "3 February 2021")),
    ("The aid arrived on the 3rd of February, 2021.", (2021, 2, 3, "3rd of February, 2021")),
    ("Sales will recover in mid-2019.", (2019, None, None, "2019")),
    ("The contract ends at the end of 2021.", (2021, None, None, "2021")),
])
def test_english_dates(text, expected):
    assert dates_of(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("El acuerdo se firmó el 3 de febrero de 2021.", (2021, 2, 3, "3 de febrero de 2021")),
    ("La ayuda militar se suspendió en 1990.", (1990, None, None, "1990")),
    ("La cifra se publicó en febrero del 2021.", (2021, 2, None, "febrero del 2021")),
    ("Foi assinado em 1º de março de 2021.", (2021, 3, 1, "1º de março de 2021")),
    ("Le texte a été adopté le 1er février 2021.", (2021, 2, 1, "1er février 2021")),
    ("Le programme durera jusqu’en 2020.", (2020, None, None, "2020")),
    ("Das Gesetz trat am 3. Februar 2021 in Kraft.", (2021, 2, 3, "3. Februar 2021")),
    ("Am 1. März 2021 kam die Wende.", (2021, 3, 1, "1. März 2021")),
    ("Die Klinik bietet seit 2014 eine Patientenakte an.", (2014, None, None, "2014")),
    ("Il servizio è arrivato nel 2015.", (2015, None, None, "2015")),
])
def test_other_languages(text, expected):
    assert dates_of(text) == [expected]


@pytest.mark.parametrize("text", [
    "Nothing dated happens here.",
    "The force grew to 2,000 officers.",  # a thousands separator
    "A $2021 million budget was approved.",  # money
    "Police counted 1999 people at the march.",  # a count with no lead
    "The march drew support from 2000 people.",  # a lead, but a count follows
    "Its budget rose by 2020 percent.",
    "The fund grew by 2021 million euros.",
    "The 2016 MacBook Pro keyboard failed.",  # a year naming a thing
    "The data covers the mid-2019 refresh.",
    "Crime fell sharply in the 1990s.",  # a decade
    "Call 555-2019 or see page 2021.",
    "The ceremony was held on February 3.",  # a day and month without a year
    "The Mars 2020 rover landed.",  # "mars" is French only in lower case
    "The fort was built in 1500.",  # before MIN_YEAR
    "The deal was signed on February 30, 2021.",  # no such day
    "Der Termin ist am 01.01.2019.",  # numeric: day and month could be either way round
    "1a etapa: 10 de março – Interlagos",
    "— Cooper Lund (@cooperlund) November 18, 2019",  # an embedded tweet's signature
])
def test_not_events(text):
    assert dates_of(text) == []


def test_a_year_is_never_borrowed_from_another_sentence():
    text = "The plan was approved in 2021. The first shipment arrived on February 3."
    assert dates_of(text) == [(2021, None, None, "2021")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Homicides fell from 2017 to 2018.", (2017, None, None, "2017 to 2018")),
    ("The strategy runs in 2019-2021.", (2019, None, None, "2019-2021")),
    ("The season ends in 2022/23.", (2022, None, None, "2022/23")),
    ("There were 3,248 cases between 2010 and 2015.", (2010, None, None, "2010 and 2015")),
    ("They observed Europa from February 2016 through May 2017.",
     (2016, 2, None, "February 2016 through May 2017")),
])
def test_a_span_is_one_event_at_its_start(text, expected):
    assert dates_of(text) == [expected]


def test_a_sentence_gives_one_event_per_distinct_date():
    text = "Hitler was born in Braunau in 1889 and Austria was annexed in 1938."
    events = events_of(text)
    assert [e.when for e in events] == ["1889", "1938"]
    assert {e.sentence for e in events} == {text}


def test_a_year_restated_with_its_day_gives_one_event():
    assert dates_of("In 2021, the deal was signed on February 3, 2021.") == [
        (2021, 2, 3, "February 3, 2021")]


def test_a_repeated_sentence_is_one_event():
    text = "Since 2008, revenue has fallen."
    assert len(events_of(text, text)) == 1


def test_events_keep_article_order():
    assert [e.year for e in events_of("In 2007, aid resumed.", "In 1990, aid stopped.")] == [
        2007, 1990]


def test_list_items_count_and_headings_do_not():
    assert dates_of("In 2016, TAG officers arrested leaders.") == [(2016, None, None, "2016")]
    assert len(events_of("In 2016, TAG officers arrested leaders.",
                         kind=BlockKind.LIST_ITEM)) == 1
    assert events_of("Results in 2018", kind=BlockKind.HEADING) == ()
