"""The collection-wide pages: timeline order and marking, sources and their links."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from generator.metadata import extract_metadata
from generator.model import Event, Facts
from generator.reference import date_label, render_sources, render_timeline

from test_clean import cleaned

EVENTS = (
    Event(2021, 2, 3, "February 3, 2021", "The deal was signed on February 3, 2021."),
    Event(1990, None, None, "1990", "In 1990, Congress halted all military aid."),
)


def article(slug, **changes):
    return replace(extract_metadata(cleaned("dated_teasers_after_body")), slug=slug, **changes)


def test_timeline_is_oldest_first_with_publication_dates_marked():
    dated = article("dated", date=dt.date(2021, 3, 9), facts=Facts(events=EVENTS))
    text = render_timeline([dated]).text
    halted = text.index("In 1990, Congress halted")
    signed = text.index("signed on February 3, 2021")
    published = text.index("*Published:*")
    assert halted < signed < published
    assert "## 1990" in text and "## 2021" in text
    assert "**9 March 2021** · *Published:* [" in text


def test_an_undated_article_with_no_events_leaves_the_timeline_empty_but_valid():
    text = render_timeline([article("plain", date=None)]).text
    assert "No briefing states a date yet." in text


def test_date_labels_show_only_the_parts_stated():
    assert [date_label(e) for e in EVENTS] == ["3 February 2021", "1990"]
    assert date_label(Event(2003, 4, None, "April 2003", "")) == "April 2003"


def test_sources_group_briefings_and_link_only_web_addresses():
    one = article("one", source="InSight Crime", url="https://insightcrime.org/a")
    two = article("two", source="InSight Crime", url="javascript:alert(1)")
    none = article("none", source=None, licence=None)
    text = render_sources([two, none, one]).text
    assert text.index("## InSight Crime") < text.index("## Source not stated")
    assert "2 briefings." in text
    assert "[original](<https://insightcrime.org/a>)" in text
    assert "javascript" not in text
