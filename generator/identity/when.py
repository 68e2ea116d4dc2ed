"""The publication date, one cascade over the lines between the headline and the body
(and the removed lines among the body's first): a date labelled as the publication
("Published 18 November 2019", "Posted on …"), else the first unlabelled date nearest the
headline. A date labelled as an update is never taken; nor a date in prose (an event the
article reports), in a teaser list above the headline, or a relative time ("2 hours ago").
"""

from __future__ import annotations

import datetime as dt

from generator.dates import date_mentions
from generator.identity.header import MAX_METADATA_CHARS, Line, words
from generator.identity.lexicon import Lexicon

LABEL_WORDS = 4  # a label stands among the few words before its date


def _label(before: str, lexicon: Lexicon) -> str | None:
    """ "published", "updated" or None, from the words just before a date."""
    near = words(before)[-LABEL_WORDS:]
    if any(w in lexicon.updated_labels for w in near):
        return "updated"
    if any(w in lexicon.published_labels for w in near):
        return "published"
    return None


def dates_in(line: Line, lexicon: Lexicon, day_first: bool | None) -> list[tuple[dt.date, str]]:
    """The readable dates of a line, each with its label; a label holds up to the next date
    ("Updated Nov 19, 2019; Posted Nov 18, 2019")."""
    found = []
    previous = 0
    for mention in date_mentions(line.text, day_first=day_first):
        label = _label(line.text[previous:mention.start], lexicon)
        previous = mention.end
        if mention.date:
            found.append((mention.date, label))
    return found


def publication_date(zone: list[Line], lexicon: Lexicon,
                     day_first: bool | None) -> tuple[dt.date, Line, str] | None:
    """The labelled publication date in ``zone``, else its first unlabelled date."""
    unlabelled = None
    for line in zone:
        if len(line.text) > MAX_METADATA_CHARS or line.body or line.rule.startswith("phrase:"):
            continue  # a notice's dates ("archived from January 20, 2017") are not the article's
        for date, label in dates_in(line, lexicon, day_first):
            if label == "published":
                return date, line, "date:labelled_published"
            if label is None and unlabelled is None:
                unlabelled = (date, line, "date:near_headline")
    return unlabelled
