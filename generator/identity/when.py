"""The publication date, one cascade over the lines between the headline and the body
(and the removed lines among the body's first): a date labelled as the publication
("Published 18 November 2019", "Posted on …"), else the first unlabelled date nearest the
headline, else a date labelled as an update (the page says nothing earlier). Never a date
in prose or a caption (an event the article reports), in a teaser list above the headline,
or a relative time ("2 hours ago").
"""

from __future__ import annotations

import datetime as dt
import re

from generator.dates import date_mentions, date_regex
from generator.identity.header import MAX_METADATA_CHARS, Line, words
from generator.identity.lexicon import Lexicon

LABEL_WORDS = 4  # a label stands among the few words before its date
MIN_SENTENCE_WORDS = 10  # a line with this many words besides its dates is prose
_CLOCK_RE = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\b\.?)?", re.IGNORECASE)  # "3:27 am"


def _label(before: str, lexicon: Lexicon) -> str | None:
    """ "published", "updated" or None, from the words just before a date; a time's "am"
    is not the German "am" of "erschienen am"."""
    near = words(_CLOCK_RE.sub(" ", before))[-LABEL_WORDS:]
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
    """The labelled publication date in ``zone``, else its first unlabelled date, else
    (a page that only says when it was last changed) its first update."""
    unlabelled = updated = None
    for line in zone:
        if len(line.text) > MAX_METADATA_CHARS or line.body or line.rule.startswith("phrase:") \
                or _is_sentence(line.text):
            continue  # a notice's or caption's dates ("archived from January 20, 2017")
        for date, label in dates_in(line, lexicon, day_first):
            if label == "published":
                return date, line, "date:labelled_published"
            if label is None and unlabelled is None:
                unlabelled = (date, line, "date:near_headline")
            if label == "updated" and updated is None:
                updated = (date, line, "date:labelled_updated")
    return unlabelled or updated


def _is_sentence(text: str) -> bool:
    """A caption or a sentence of prose: many words besides its dates and times, ending in
    a full stop ("… speaks at a rally, Sunday, Nov. 17, 2019, in Las Vegas.")."""
    rest = _CLOCK_RE.sub(" ", date_regex().sub(" ", text))
    return text.rstrip().endswith(".") and len(rest.split()) >= MIN_SENTENCE_WORDS
