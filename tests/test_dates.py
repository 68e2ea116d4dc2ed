import datetime as dt

import pytest

from generator.dates import date_only, dateline_prefix_regex, find_date, is_date_only


@pytest.mark.parametrize(("text", "expected"), [
    ("March 09, 2021", dt.date(2021, 3, 9)),
    ("29 DEC 2022", dt.date(2022, 12, 29)),
    ("Nov. 19, 2019 5:50 PM ET", dt.date(2019, 11, 19)),
    ("Published on 3 October 2024", dt.date(2024, 10, 3)),
    ("Monday, June 5, 2023", dt.date(2023, 6, 5)),
    ("2024-10-03", dt.date(2024, 10, 3)),
])
def test_written_out_dates_are_read(text, expected):
    assert date_only(text) == expected


@pytest.mark.parametrize("text", ["Updated March 3, 2020", "Feb 30, 2021", "03/04/2021",
                                  "March 2021", "In March 3, 2021 the council met"])
def test_updates_impossible_ambiguous_and_partial_dates_are_not_publication_dates(text):
    assert date_only(text) is None


def test_a_sentence_with_a_date_is_not_a_date_line():
    assert not is_date_only("On March 3, 2021 the council met.")


def test_dateline_prefix_needs_outlet_date_and_separator():
    assert dateline_prefix_regex().match("ECNET, October 3, 2024: The text")["name"] == "ECNET"
    assert dateline_prefix_regex().match("On October 3, 2024 the council met") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("By Kashmira Gander On 11/13/19 at 4:00 PM EST", dt.date(2019, 11, 13)),
    ("Posted 13/11/2019", dt.date(2019, 11, 13)),
    ("On 03/04/2021", None),  # March 4 or 3 April: not read
    ("18.11.2019", dt.date(2019, 11, 18)),
    ("11.14.2019 09:00 AM", dt.date(2019, 11, 14)),  # dotted, month first: only one reading
])
def test_numeric_dates_are_read_only_when_unambiguous(text, expected):
    assert find_date(text) == expected


def test_a_date_after_a_byline_separator_is_a_date_line():
    assert date_only("| November 18, 2019 12:26 PM") == dt.date(2019, 11, 18)
