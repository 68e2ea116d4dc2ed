"""Finding publication dates in scraped text: only written-out dates, parsed by dateutil.

Numeric dates such as ``03/04/2021`` are ambiguous (March or April?) and are never read:
an unknown date stays unknown rather than becoming a guess.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as dateutil_parser

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
DATE = (
    rf"(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}"  # March 09, 2021 · Nov. 19, 2019
    rf"|{_DAY}\s+{_MONTH},?\s+{_YEAR}"  # 3 October 2024 · 29 DEC 2022
    rf"|{_YEAR}-\d{{2}}-\d{{2}})"  # 2024-10-03
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
_TIME = (  # "5:50 PM ET", "10:00:00 GMT" (RFC 822, common in <meta>), "10:00 +0100"
    r"(?:(?:at|,|-|–|\|)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:[A-Z]{2,5}|UTC[+-]?\d*|[+-]\d{2}:?\d{2})?)"
)
PUBLISHED_LABEL = r"(?:published|posted|first published|date|dated)(?:\s+on)?\s*:?"
UPDATED_LABEL = r"(?:updated|last updated|modified|last modified)(?:\s+on)?\s*:?"

DATE_RE = re.compile(DATE, re.IGNORECASE)
# A block that is only a date, perhaps with a weekday, a time, a "Published" label, or the
# separator left where a byline stood before it ("| November 18, 2019 12:26 PM").
DATE_ONLY_RE = re.compile(
    rf"(?:[|·•–—-]\s*)?(?:(?P<label>{PUBLISHED_LABEL}|{UPDATED_LABEL})\s*)?(?:{_WEEKDAY}\s+)?"
    rf"(?P<date>{DATE})\s*{_TIME}?\.?",
    re.IGNORECASE,
)
# "11/13/19": read only when unambiguous (a part above 12 can only be the day).
NUMERIC_DATE_RE = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)?\d{2})\b")
_UPDATED_RE = re.compile(UPDATED_LABEL, re.IGNORECASE)


def parse_date(text: str) -> dt.date | None:
    """Parse one written-out date (``"March 09, 2021"``); ``None`` if it is not a real date."""
    try:
        return dateutil_parser.parse(text.replace(".", " "), fuzzy=False).date()
    except (ValueError, OverflowError):
        return None


def find_date(text: str) -> dt.date | None:
    """The first date written in ``text``: written out, or numeric when unambiguous."""
    match = DATE_RE.search(text)
    if match:
        return parse_date(match.group())
    numeric = NUMERIC_DATE_RE.search(text)
    return _unambiguous(numeric) if numeric else None


def _unambiguous(match: re.Match[str]) -> dt.date | None:
    a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
    if (a > 12) == (b > 12):  # both could be the month, or neither is a valid day-month pair
        return None
    month, day = (b, a) if a > 12 else (a, b)
    try:
        return dt.date(year + 2000 if year < 100 else year, month, day)
    except ValueError:
        return None


def date_only(text: str) -> dt.date | None:
    """The publication date if ``text`` is nothing but a date (updates are not publications)."""
    match = DATE_ONLY_RE.fullmatch(text)
    if not match or (match["label"] and _UPDATED_RE.fullmatch(match["label"])):
        return None
    return parse_date(match["date"])


def is_date_only(text: str) -> bool:
    """True for a block that only carries a date (published, updated, or a teaser's date)."""
    return DATE_ONLY_RE.fullmatch(text) is not None

# "ValleyNews, October 3, 2024: The council…" · "WASHINGTON, Oct. 3, 2024 (Reuters) — …":
# a dateline glued to the first paragraph. The outlet (or place) comes first, the date next.
DATELINE_PREFIX_RE = re.compile(
    rf"(?P<prefix>(?P<name>[A-Z][\w&.'’ -]{{1,40}}?),?\s+(?P<date>(?i:{DATE}))"
    rf"(?:\s*\((?P<agency>[A-Z][\w&.' ]{{1,30}})\))?\s*[:–—-]+)\s+(?=\S)"
)
