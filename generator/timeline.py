"""Stage 3b, timeline: the sentences of an article that state a dated event.

A date is either written out ("February 3, 2021", "3 de febrero de 2021", "April 2003",
"January of 2003") or a bare year after a lead word ("In 1990, Congress…", "By 2021",
"goals for 2021"); the words are data (``data/timeline.yml``). A year without a lead is a
name or a number more often than an event ("the 2016 MacBook Pro", "1996-98 AccuSoft",
"a score of 2072"), and a wrong row on a chronology costs more than a missing one.

Decisions, each for the page that lists the events by date:

- A span ("from 2017 to 2018", "2019-2021", "from February 2016 through May 2017") is one
  event at its start; ``when`` shows the whole span as written.
- A decade ("the 1990s") is not an event: 1990 would claim a precision the text lacks.
- A day and month without their own year ("on February 3") are not an event: a year is never
  borrowed from elsewhere in the text or from the publication date.
- A sentence gives one event per distinct date ("born in 1889 … annexed in 1938" belongs at
  both points of a chronology), except that a year it also gives with a month or day is left
  to the more precise row.
- Numeric dates ("03/02/2021", "01.01.2019") are not read: day and month may be either way
  round (as in ``dates.py``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.knowledge import DATA_DIR
from generator.model import Block, BlockKind, Event
from generator.sentences import split_sentences

MIN_YEAR = 1800  # below it, four digits in news are mostly counts ("1694 kcal" in the dev set)
MAX_YEAR = 2100  # plans and forecasts ("reach Titan in 2034") are events too
EVENT_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM})  # headings label, not state

_FOUR_DIGITS = re.compile(r"\d{4}")  # a block or sentence without one has no date to read
_TOKEN = re.compile(r"[^\W\d_]+\.?|\d+")  # "Feb." "3rd" → "Feb.", "3", "rd"
_ORDINAL_END = re.compile(r"(?<!\S)\d{1,2}\.$")  # "… trat am 3." (German "3. Februar")


@dataclass(frozen=True)
class Grammar:
    """The date pattern, the month of each month name and the sentences to skip."""

    mention: re.Pattern[str]
    months: dict[str, int]  # "Sept." → 9, "febrero" → 2
    not_event: re.Pattern[str]  # a tweet's signature line: dated, but no event


@functools.cache
def load_grammar(path: Path = DATA_DIR / "timeline.yml") -> Grammar:
    """Read once: building the pattern costs more than reading an article's dates."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    months = {
        name: number
        for spellings in data["months"].values()
        for number, names in enumerate(spellings, start=1)
        for name in names
    }
    not_event = re.compile("|".join(f"(?:{p})" for p in data["not_event"]))
    return Grammar(_mention_pattern(data, months), months, not_event)


def _mention_pattern(data: dict, months: dict[str, int]) -> re.Pattern[str]:
    """One regex for a date mention: an optional lead, the date, an optional span end, and a
    check that no digit, unit or letter follows ("2021 million", "1990s", "2019,5")."""
    month = rf"(?<!\w)(?:{_alternation(months)})(?!\w)"  # case as written: "Mars 2020" is a rover
    day = r"(?<![\w.,/])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|º|°|\.)?"
    year = r"(?<!\d)\d{4}(?!\d)"
    joint = rf",?\s+(?:(?i:{_alternation(data['joiners'])})\s+)?"  # ", " " of " " de "
    written = (
        rf"{month}\s+{day}{joint}{year}"  # February 3, 2021 · febrero 3 de 2021
        rf"|{day}{joint}{month}{joint}{year}"  # 3 February 2021 · 3 de febrero de 2021
        rf"|{month}{joint}{year}"  # April 2003 · January of 2003
    )
    span_end = (
        rf"(?:\s*[–—-]\s*|\s+(?i:{_alternation(data['ranges'])})\s+)(?:{written}|{year})"
        r"|[–/-]\d\d(?!\d)"  # 2019-21 · 2019/20
    )
    qualifier = rf"(?i:{_alternation(data['qualifiers'])})(?:\s+|-)"  # "-": mid-2019
    lead = rf"(?<!\w)(?i:{_alternation(_grouped(data['leads']))})\s+(?:{qualifier})*"
    quantity = _alternation(_grouped(data["not_after"]))
    end = rf"(?![\w%]|['’]s\b|[.,:/]\d|-\w|\s*%|\s+(?i:{quantity})\b)"
    return re.compile(
        rf"(?P<lead>{lead})?(?P<when>(?P<start>{written}|{year})(?:{span_end})?){end}"
    )


def _alternation(words: Iterable[str]) -> str:
    """Words as one alternation, longest first ("as of" before "as"); "'" also matches "’"."""
    longest_first = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace("'", "['’]") for w in longest_first)


def _grouped(groups: dict[str, list[str]]) -> list[str]:
    """The words of a data entry grouped by language or by kind, as one list."""
    return [word for group in groups.values() for word in group]


def dated_events(body: Sequence[Block]) -> tuple[Event, ...]:
    """The events an article's paragraphs and list items date, in article order.

    >>> [e.when for e in dated_events([Block("In 1990, aid stopped. In 2007, it resumed.", 1, 1)])]
    ['1990', '2007']
    """
    grammar = load_grammar()
    events = (
        event
        for block in body
        if block.kind in EVENT_KINDS and _FOUR_DIGITS.search(block.text)
        for sentence in _sentences(block.text, grammar.months)
        for event in _sentence_events(sentence, grammar)
    )
    return _unique(events)


def _sentences(paragraph: str, months: dict[str, int]) -> list[str]:
    """The paragraph's sentences, with German dates made whole again: syntok ends a sentence
    at the ordinal day of "am 3. Februar 2021" (a fix in ``sentences.py`` would make this go)."""
    sentences: list[str] = []
    for sentence in split_sentences(paragraph):
        if sentences and _ORDINAL_END.search(sentences[-1]) and sentence.split()[0] in months:
            sentences[-1] = f"{sentences[-1]} {sentence}"
        else:
            sentences.append(sentence)
    return sentences


def _sentence_events(sentence: str, grammar: Grammar) -> tuple[Event, ...]:
    """One event per distinct date the sentence states, the vaguer of two same-year dates
    left out: "In 2021 … on February 3, 2021" → only February 3, 2021."""
    if not _FOUR_DIGITS.search(sentence) or grammar.not_event.search(sentence):
        return ()
    found = [
        event
        for match in grammar.mention.finditer(sentence)
        if (event := _event(match, sentence, grammar.months))
    ]
    return tuple(e for e in found if not any(_refines(other, e) for other in found))


def _event(match: re.Match[str], sentence: str, months: dict[str, int]) -> Event | None:
    """The event a mention dates, or ``None`` for a bare year with no lead or an impossible
    date ("the 2016 model", "February 30, 2021", "in 1500")."""
    start = match["start"]
    if start.isdigit() and not match["lead"]:
        return None
    tokens = _TOKEN.findall(start)
    year = int(next(t for t in tokens if len(t) == 4 and t.isdigit()))
    month = next((months[t] for t in tokens if t in months), None)
    day = next((int(t) for t in tokens if len(t) <= 2 and t.isdigit()), None)
    if not MIN_YEAR <= year <= MAX_YEAR or not _exists(year, month, day):
        return None
    return Event(year, month, day, match["when"], sentence)


def _exists(year: int, month: int | None, day: int | None) -> bool:
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return False
    return True


def _refines(precise: Event, vague: Event) -> bool:
    """True when ``precise`` is ``vague`` told more exactly: a month for a year, a day for a
    month ("February 3, 2021" refines "2021" and "February 2021", not "March 2021")."""
    if precise.year != vague.year:
        return False
    if vague.month is None:
        return precise.month is not None
    return precise.month == vague.month and vague.day is None and precise.day is not None


def _unique(events: Iterable[Event]) -> tuple[Event, ...]:
    """Events without repeats of a (date, sentence): a sentence quoted twice is one row."""
    first: dict[tuple[tuple[int, int, int], str], Event] = {}
    for event in events:
        first.setdefault((event.sort_key, event.sentence), event)
    return tuple(first.values())
