"""Finding dates in scraped text: written out in the languages the cleaner knows, or numeric.

Month names come from the Unicode CLDR through Babel (``date_locales`` in
``data/identity.yml``), so "18 de novembro de 2019", "27. Oktober 2015" and "Maret 30,
2015" are read as well as "Nov. 19, 2019". Numeric dates are read when their order is
certain: ``2019-11-18`` and ``18.11.2019`` always, ``21/06/2014`` because 21 can only be a
day, ``03/04/2021`` only when the page's other dates say which part is the day. An unknown
date stays unknown rather than becoming a guess. A date without a year is not a date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

import yaml
from babel.dates import get_month_names

from generator.knowledge import DATA_DIR

DATA_FILE = DATA_DIR / "identity.yml"  # its date_locales
_YEAR = r"(?:19|20)\d{2}"
_DAY = r"[0-3]?\d"
_MONTH_NUMBER = r"[01]?\d"
_SHORT_YEAR = r"(?:19|20)?\d{2}"


@functools.cache
def date_locales() -> tuple[str, ...]:
    return tuple(yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))["date_locales"].split())


@functools.cache
def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation of the configured locales → its number. A name
    two locales give to different months is left out (it would be a guess)."""
    numbers: dict[str, int] = {}
    clashes: set[str] = set()
    for locale in date_locales():
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale).items():
                    key = name.lower().rstrip(".")
                    if numbers.setdefault(key, number) != number:
                        clashes.add(key)
    numbers.update({"sept": 9, "sep": 9})  # English forms CLDR lacks
    return {name: n for name, n in numbers.items() if name not in clashes and len(name) >= 3}


def _month_alternation() -> str:
    names = sorted(month_numbers(), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(n) for n in names) + ")"


def _date_pattern(*, named: bool) -> str:
    """The written-out and numeric date forms, as one alternation; with ``named``, each
    part is a named group (``month1``, ``day1``…) so a match can be turned into a date."""
    def group(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if named else f"(?:{body})"

    month = _month_alternation()
    return "|".join((
        # Nov. 19, 2019 · Maret 30, 2015 · November 18th 2019
        rf"\b{group('month1', month)}\.?\s+{group('day1', _DAY)}(?:st|nd|rd|th)?\.?,?\s+"
        rf"{group('year1', _YEAR)}\b",
        # 18 November 2019 · 27. Oktober 2015 · 18 de novembro de 2019 · 29 DEC 2022
        rf"\b{group('day2', _DAY)}(?:st|nd|rd|th|\.|º)?\s+(?:de\s+)?{group('month2', month)}"
        rf"\b\.?,?\s+(?:de\s+)?{group('year2', _YEAR)}\b",
        # 2019-11-18 · 2019/11/18
        rf"\b{group('year3', _YEAR)}[-/]{group('month3', _MONTH_NUMBER)}[-/]"
        rf"{group('day3', _DAY)}(?!\d)",
        # 18.11.2019
        rf"\b{group('day4', _DAY)}\.{group('month4', _MONTH_NUMBER)}\.{group('year4', _YEAR)}\b",
        # 21/06/2014 · 11/19/2019 · 11/13/19: the order is decided by the caller
        rf"\b{group('first5', _DAY)}/{group('second5', _DAY)}/"
        rf"{group('year5', _SHORT_YEAR)}\b",
    ))


@functools.cache
def date_regex() -> re.Pattern[str]:
    return re.compile(_date_pattern(named=True), re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """A date written in a line, where it stands in it, and whether it was read from an
    ambiguous numeric form (then ``date`` is None unless the page settled the order)."""

    date: dt.date | None
    start: int
    end: int


def date_mentions(text: str, *, day_first: bool | None = None) -> list[DateMention]:
    """Every date in ``text``; ``day_first`` settles "03/04/2021" (None: unread)."""
    return list(_date_mentions(text, day_first))


@functools.lru_cache(maxsize=8192)  # the identity stage asks about the same lines many times
def _date_mentions(text: str, day_first: bool | None) -> tuple[DateMention, ...]:
    return tuple(DateMention(_to_date(m, day_first), m.start(), m.end())
                 for m in date_regex().finditer(text))


def forget_read_dates() -> None:
    """Empty the cache of dates read, so a benchmark times a first reading."""
    _date_mentions.cache_clear()


def _to_date(match: re.Match[str], day_first: bool | None) -> dt.date | None:
    parts = match.groupdict()
    if parts["year5"]:
        first, second, year = int(parts["first5"]), int(parts["second5"]), int(parts["year5"])
        year += 2000 if year < 100 else 0
        if first > 12 or (day_first and second <= 12):
            return _date(year, second, first)
        if second > 12 or day_first is False:
            return _date(year, first, second)
        return None
    for form in "1234":
        if parts[f"year{form}"]:
            month = parts[f"month{form}"]
            number = int(month) if month.isdigit() else month_numbers()[month.lower()]
            day = int(parts[f"day{form}"])
            if number > 12 >= day:  # "11.14.2019": a dotted date written month first
                number, day = day, number
            return _date(int(parts[f"year{form}"]), number, day)
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_SLASH_DATE_RE = re.compile(rf"\b(?P<first>{_DAY})/(?P<second>{_DAY})/{_SHORT_YEAR}\b")


def numeric_order(text: str) -> bool | None:
    """Whether the page writes numeric dates day first (True), month first (False), or
    does not say (None): "21/06/2014" can only be day first, "11/19/2019" month first."""
    orders = set()
    for match in _SLASH_DATE_RE.finditer(text):
        first, second = int(match["first"]), int(match["second"])
        if (first > 12) != (second > 12):
            orders.add(first > 12)
    return orders.pop() if len(orders) == 1 else None


def parse_date(text: str) -> dt.date | None:
    """The one date ``text`` is (``"March 09, 2021"``); ``None`` if it is not a real date."""
    match = date_regex().fullmatch(text.strip())
    return _to_date(match, None) if match else None


def find_date(text: str) -> dt.date | None:
    """The first date written in ``text`` that can be read without a guess."""
    return next((m.date for m in date_mentions(text) if m.date), None)


_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
_TIME = (  # "5:50 PM ET", "10:00:00 GMT" (RFC 822, common in <meta>), "10:00 +0100"
    r"(?:(?:at|,|-|–|\|)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:[A-Z]{2,5}|UTC[+-]?\d*|[+-]\d{2}:?\d{2})?)"
)
PUBLISHED_LABEL = r"(?:published|posted|first published|date|dated)(?:\s+on)?\s*:?"
UPDATED_LABEL = r"(?:updated|last updated|modified|last modified)(?:\s+on)?\s*:?"


@functools.cache
def _date_only_regex() -> re.Pattern[str]:
    """A line that is only a date, perhaps with a weekday, a time, a "Published" label, or
    the separator left where a byline stood before it ("| November 18, 2019 12:26 PM")."""
    return re.compile(
        rf"(?:[|·•–—-]\s*)?(?:(?P<label>{PUBLISHED_LABEL}|{UPDATED_LABEL})\s*)?"
        rf"(?:{_WEEKDAY}\s+)?(?P<date>{_date_pattern(named=False)})\s*{_TIME}?\.?",
        re.IGNORECASE,
    )


_UPDATED_RE = re.compile(UPDATED_LABEL, re.IGNORECASE)


def date_only(text: str) -> dt.date | None:
    """The publication date if ``text`` is nothing but a date (updates are not publications)."""
    match = _date_only_regex().fullmatch(text)
    if not match or (match["label"] and _UPDATED_RE.fullmatch(match["label"])):
        return None
    return parse_date(match["date"])


def is_date_only(text: str) -> bool:
    """True for a block that only carries a date (published, updated, or a teaser's date)."""
    return _date_only_regex().fullmatch(text) is not None


@functools.cache
def dateline_prefix_regex() -> re.Pattern[str]:
    """ "ValleyNews, October 3, 2024: The council…" · "WASHINGTON, Oct. 3, 2024 (Reuters) —":
    a dateline glued to the first paragraph. The outlet (or place) comes first, the date
    next."""
    return re.compile(
        rf"(?P<prefix>(?P<name>[A-Z][\w&.'’ -]{{1,40}}?),?\s+"
        rf"(?P<date>(?i:{_date_pattern(named=False)}))"
        rf"(?:\s*\((?P<agency>[A-Z][\w&.' ]{{1,30}})\))?\s*[:–—-]+)\s+(?=\S)"
    )
