"""Key figures: the amounts, quantities and percentages an article states, with their sentences.

A number is a key figure when its neighbours say what it measures: a currency symbol or word
("$100 million", "2 millones de dólares"), a percent sign or word ("223 percent"), a unit
("1,400 metric tons") or a counted noun ("5,000 soldiers"). Its neighbours also rule out what
else a number can be: a year or date ("July 2017", "10 de marzo"), a time ("3 p.m."), an
ordinal ("1st"), part of a name or code ("Tenerife 1", "MS-13", "zone 12"), an age
("43-year-old"), a phone number or a row of a score table. The words are data
(``data/figures.yml``); this module only knows where they stand.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import yaml

from generator.knowledge import load_knowledge
from generator.model import Block, BlockKind, KeyFigure
from generator.sentences import split_sentences

VOCABULARY_FILE = Path(__file__).parent / "data" / "figures.yml"

MAX_FIGURES = 8  # a box read at a glance; beyond this the reader needs the article itself
LETTER_SYMBOL_MIN_DIGITS = 3  # "Q150" is money; "Q2" is a quarter unless a magnitude follows
MAX_COUNTED_WORDS = 3  # "150 new DIPAFRONT recruits"; a longer run is a clause
CONTEXT_CHARS = 40  # how far before a number its symbol, qualifier or label can start
YEAR_LIKE = range(1000, 2100)  # a plain four-digit count in this range is read as a year

FIGURE_BLOCKS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM})  # headings restate

# "1,400", "4.5", "8.000" (es), "12,5" (decimal comma), "40,816.38", ranges "10-15".
NUMBER = re.compile(
    r"(?<![\d.,])\d+(?:[,.\u00a0\u202f]\d{3})*(?:[.,]\d+)?(?:\s?[-–]\s?\d+(?:[.,]\d+)*)?"
)
GLUED_BEFORE = re.compile(r"[\w\-/#+.:@]$")  # "MS-13", "A13", "10/25", "2:55", "#1", "+49"
PREVIOUS_WORD = re.compile(r"(\S+)\s+$")
COUNTED_RUN = re.compile(rf"(?:\s[^\W\d_][\w'’\-.]*){{1,{MAX_COUNTED_WORDS}}}")  # "U.S. troops"


class Kind(enum.Enum):
    MONEY = "money"
    PERCENT = "percent"
    QUANTITY = "quantity"  # with a unit: "1,400 metric tons"
    COUNT = "count"  # of a noun: "5,000 soldiers"


# Which figures stay when an article has more than MAX_FIGURES: lower first.
PRIORITY = {Kind.MONEY: 0, Kind.PERCENT: 0, Kind.QUANTITY: 1, Kind.COUNT: 2}


@dataclass(frozen=True)
class Vocabulary:
    """``figures.yml`` compiled: three patterns around a number and the word sets."""

    symbol: re.Pattern[str]  # a currency symbol right before the number (at the end of a slice)
    qualifier: re.Pattern[str]  # "nearly", "more than" right before the figure
    tail: re.Pattern[str]  # after the number: magnitude, then percent, currency or unit
    letter_symbols: frozenset[str]
    short_magnitudes: frozenset[str]
    labels: frozenset[str]
    not_counted: frozenset[str]
    plurals: frozenset[str]
    modifiers: frozenset[str]
    function_words: frozenset[str]  # stop-words and qualifier words: never part of a name


@dataclass(frozen=True)
class Found:
    """A figure's place in its sentence."""

    kind: Kind
    start: int
    end: int
    core_start: int  # where the figure starts without its qualifier, to find repeats


def _alternation(words: Sequence[str]) -> str:
    """Longest first, so "metric tons" wins over "tons" and "US$" over "$"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _lower(words: Sequence[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


@functools.cache
def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    """Read and compile ``figures.yml`` (cached: read once per process)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    symbols = [*data["currency_symbols"], *data["letter_symbols"]]
    magnitudes = [*data["magnitudes"], *data["short_magnitudes"]]
    tail = (rf"(?P<magnitude>\s?(?:{_alternation(magnitudes)}))?"
            rf"(?:[\s-]?(?P<percent>{_alternation(data['percent_words'])})"
            rf"|(?:\s(?:of|de|du|del)\s|\s?d['’]|\s?)"
            rf"(?:(?P<currency>{_alternation(data['currency_words'])})"
            rf"|(?P<unit>{_alternation(data['units'])})))?(?![\w/-])")  # not "lb-ft", "km/h"
    return Vocabulary(
        symbol=re.compile(rf"(?<!\w)(?P<symbol>{_alternation(symbols)})\s?$"),
        qualifier=re.compile(rf"(?<!\w)(?:{_alternation(data['qualifiers'])})\s$", re.I),
        tail=re.compile(tail, re.I),
        letter_symbols=frozenset(data["letter_symbols"]),
        short_magnitudes=_lower(data["short_magnitudes"]),
        labels=_lower(data["labels"]),
        not_counted=_lower(data["not_counted"]),
        plurals=_lower(data["plurals"]),
        modifiers=_lower(data["modifiers"]),
        function_words=load_knowledge().stopwords
        | {w for q in data["qualifiers"] for w in q.lower().split()},
    )


def key_figures(body: Sequence[Block]) -> tuple[KeyFigure, ...]:
    """Every figure of the body's paragraphs and list items, once, in order of appearance.

    At most MAX_FIGURES: money and percentages first, then measured quantities, then counts.
    """
    vocabulary = load_vocabulary()
    found: list[tuple[Kind, KeyFigure]] = []
    seen: set[str] = set()
    for sentence in _sentences(body):
        for figure in _figures_in(sentence, vocabulary):
            key = " ".join(sentence[figure.core_start:figure.end].lower().split())
            if key not in seen:
                seen.add(key)
                found.append((figure.kind, KeyFigure(sentence[figure.start:figure.end], sentence)))
    kept = sorted(range(len(found)), key=lambda i: (PRIORITY[found[i][0]], i))[:MAX_FIGURES]
    return tuple(found[i][1] for i in sorted(kept))


def _sentences(body: Sequence[Block]) -> Iterator[str]:
    for block in body:
        if block.kind in FIGURE_BLOCKS and any(c.isdigit() for c in block.text):
            yield from (s for s in split_sentences(block.text) if any(c.isdigit() for c in s))


def _figures_in(sentence: str, vocabulary: Vocabulary) -> Iterator[Found]:
    for number in NUMBER.finditer(sentence):
        found = _figure_at(sentence, number, vocabulary)
        if found is not None:
            yield found


def _figure_at(sentence: str, number: re.Match[str], vocabulary: Vocabulary) -> Found | None:
    """The figure around ``number``, or None when its neighbours say it is not one."""
    before = sentence[max(0, number.start() - CONTEXT_CHARS):number.start()]
    symbol = vocabulary.symbol.search(before)
    if symbol is None and GLUED_BEFORE.search(before):
        return None
    tail = vocabulary.tail.match(sentence, number.end())
    if tail is None:  # glued to letters: "1st", "5G", "1990s"
        return None
    kind = _kind(symbol, tail)
    if not _plausible(kind, number, symbol, tail, vocabulary):
        return None
    if kind in (Kind.QUANTITY, Kind.COUNT) and _is_name_part(before, vocabulary):
        return None
    end = _count_end(sentence, tail, vocabulary) if kind is Kind.COUNT else tail.end()
    if end is None:
        return None
    core_start = number.start() - len(symbol.group()) if symbol else number.start()
    qualifier = vocabulary.qualifier.search(sentence, max(0, core_start - CONTEXT_CHARS),
                                            core_start)
    return Found(kind, qualifier.start() if qualifier else core_start, end, core_start)


def _kind(symbol: re.Match[str] | None, tail: re.Match[str]) -> Kind:
    if tail["percent"]:
        return Kind.PERCENT
    if symbol or tail["currency"]:
        return Kind.MONEY
    return Kind.QUANTITY if tail["unit"] else Kind.COUNT


def _plausible(
    kind: Kind, number: re.Match[str], symbol: re.Match[str] | None, tail: re.Match[str],
    vocabulary: Vocabulary,
) -> bool:
    """Rules on the figure's own form: "400m" is metres (a short magnitude needs a currency),
    "Q2" a quarter (a letter currency needs a magnitude or LETTER_SYMBOL_MIN_DIGITS digits)
    and a bare "2018" a year."""
    text = number.group()
    magnitude = (tail["magnitude"] or "").strip().lower()
    if magnitude in vocabulary.short_magnitudes:
        return symbol is not None
    if symbol and symbol["symbol"] in vocabulary.letter_symbols and not magnitude:
        return sum(map(str.isdigit, text)) >= LETTER_SYMBOL_MIN_DIGITS
    year = text.isdigit() and int(text) in YEAR_LIKE
    return not (kind is Kind.COUNT and not magnitude and year)


def _is_name_part(before: str, vocabulary: Vocabulary) -> bool:
    """True after a label ("zone 12", "No. 1"), a name ("Tenerife 1", "Windows 10") or
    another number."""
    match = PREVIOUS_WORD.search(before)
    if match is None:
        return False
    word = match.group(1).rstrip(".")
    if word.replace(",", "").isdigit():  # "400 737 Max jets", "+49 40 890": a code or table row
        return True
    if not word[-1:].isalpha():  # "Peru, 5,000 soldiers": a comma ends the name
        return False
    lower = word.lower()
    if lower in vocabulary.labels or f"{lower}." in vocabulary.labels:
        return True
    return not word.islower() and lower not in vocabulary.function_words


def _count_end(sentence: str, tail: re.Match[str], vocabulary: Vocabulary) -> int | None:
    """The end of a count: after the noun it counts ("1,494 illegal migrants"), or after its
    magnitude ("2 million": a magnitude makes a number a quantity) unless a date or duration
    follows ("2 million years"); None when it counts nothing ("540 with a goal")."""
    words = _words_after(sentence, tail.end())
    length = _counted_length([w.text for w in words], vocabulary)
    if length:
        return words[length - 1].end
    if not tail["magnitude"] or (words and words[0].text.lower() in vocabulary.not_counted):
        return None
    return tail.end()


class Word(NamedTuple):
    text: str  # without a sentence's final dot: "people." → "people", but "U.S." stays
    end: int


def _words_after(sentence: str, start: int) -> list[Word]:
    """Up to MAX_COUNTED_WORDS words right after ``start``, up to the first punctuation."""
    run = COUNTED_RUN.match(sentence, start)
    if run is None:
        return []
    words = []
    for match in re.finditer(r"\S+", run.group()):
        text = match.group()
        if text.endswith(".") and text.count(".") == 1:
            text = text[:-1]
        words.append(Word(text, start + match.start() + len(text)))
    return words


def _counted_length(words: Sequence[str], vocabulary: Vocabulary) -> int:
    """How many of ``words`` name the counted thing: up to the first plural noun ("6 people",
    "150 new recruits"); 0 when none comes before a function word ("540 with a goal")."""
    for i, word in enumerate(words):
        lower = word.lower()
        if lower in vocabulary.not_counted:
            return 0  # "5 March", "20 años", "3 p.m."
        if lower in vocabulary.function_words and lower not in vocabulary.modifiers:
            return 0
        if _is_plural(word, first=i == 0, vocabulary=vocabulary):
            return i + 1
    return 0


def _is_plural(word: str, *, first: bool, vocabulary: Vocabulary) -> bool:
    """"migrants", "personas", "people"; a capitalised one only right after the number
    ("150 Indians"), since "United States" after a number is a name."""
    lower = word.lower()
    if lower in vocabulary.plurals:
        return True
    regular = len(word) > 3 and lower.endswith("s") and word[1:].islower()
    return regular and (word[0].islower() or first)
