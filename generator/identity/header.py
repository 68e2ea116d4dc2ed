"""The page around an article's start, as the identity cascades read it.

A text scrape shows an article's identity in the lines just above its body: the headline,
a byline, a date, perhaps a deck and share bars, and above them the site's menus and
teasers. Its first line is often the page's ``<title>``. ``Header`` holds every line of
the page in order with the cleaner's decision, where the body starts, and the words of
the body's start, which a headline shares and a teaser's headline mostly does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import takewhile

from generator.dates import date_mentions
from generator.model import CleanDoc

BODY_SAMPLE_WORDS = 2000  # a headline's words are found in the article's first pages
AFTER_BODY_LINES = 4  # bylines and dates can stand just inside the body's first lines…
BELOW_DECK_LINES = 9  # … or below its first paragraph, a standfirst the cleaner kept
OPENING_LINES = 4  # short lines the cleaner kept above the prose: a headline, a byline
MIN_PROSE_WORDS = 6  # a line ending in a full stop with this many words is a sentence…
MAX_HEADLINE_WORDS = 20  # … and a longer line is prose however it ends
MAX_METADATA_CHARS = 200  # longer lines are prose, never a title, byline or date line
WORD_RE = re.compile(r"\w+")
_UNSPACED_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+")  # kana and Han
# A headline's parts in a <title>: "Headline - Site", "Section | Headline | Site".
TITLE_SEPARATOR_RE = re.compile(r"\s+[|–—-]\s+|\s*\|\s*|\s+::\s+|\s+[·•»]\s+")
# A time of day ("6:30PM", "18.54", not "11.18.19") or a relative time ("2 hours"): never a
# headline or a name, and a byline's date line often holds one.
TIME_RE = re.compile(
    r"(?<!\d[.:])\b\d{1,2}[:.]\d{2}(?!\d|\.\d)|\b\d+\s+(?:min|minutes?|hours?|days?)\b|\bago\b",
    re.IGNORECASE)
LINK_RE = re.compile(r"https?://|www\.|\S@\S+\.\w|\.(?:com|org|net|gov)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """One line of the page: where it is (1-based, as on the cleaning page) and whether the
    cleaner kept it as body."""

    index: int
    number: int
    text: str
    rule: str
    body: bool


@dataclass(frozen=True)
class Header:
    lines: tuple[Line, ...]
    body_start: int  # index of the first line of prose (see ``text_start``); len(lines)
    #                  when there is no body
    body_words: frozenset[str]  # content words of the body's opening
    stopwords: frozenset[str]

    @property
    def page_title(self) -> Line | None:
        """The first line, when the cleaner did not keep it as body: a scrape's first line
        is often the page's <title>."""
        first = self.lines[0] if self.lines else None
        return first if first and not first.body and len(first.text) <= MAX_METADATA_CHARS \
            else None

    def above_body(self, count: int) -> list[Line]:
        """The ``count`` lines just above the body, nearest last."""
        return list(self.lines[max(0, self.body_start - count):self.body_start])

    def zone(self, start: int) -> list[Line]:
        """Lines from index ``start`` to the body, and the lines that are not prose among
        the body's first few or below its first paragraph: where a byline or date line
        stands."""
        after = self.lines[self.body_start:self.body_start + AFTER_BODY_LINES]
        below_first = takewhile(lambda x: not (x.body and is_prose(x.text)),
                                self.lines[self.body_start + 1:self.body_start + BELOW_DECK_LINES])
        removed = {x.index: x for x in (*after, *below_first) if not (x.body and is_prose(x.text))}
        return [*self.lines[max(0, start):self.body_start], *sorted(
            removed.values(), key=lambda x: x.index)]

    def content_words(self, text: str) -> set[str]:
        return {w for w in words(text) if w not in self.stopwords}

    def overlap(self, text: str) -> float:
        """Share of the content words of ``text`` that the body's opening uses."""
        own = self.content_words(text)
        return len(own & self.body_words) / len(own) if own else 0.0


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased; Chinese and Japanese, written without spaces, as
    pairs of characters ("商標法違反" → "商標", "標法"…), so that a headline and its text
    can share words."""
    if not _UNSPACED_RE.search(text):
        return WORD_RE.findall(text.lower())
    found = []
    for word in WORD_RE.findall(text.lower()):
        runs = _UNSPACED_RE.findall(word)
        if not runs:
            found.append(word)
            continue
        found.extend(_UNSPACED_RE.sub(" ", word).split())
        found.extend(run[i:i + 2] for run in runs for i in range(max(1, len(run) - 1)))
    return found


def read_header(clean: CleanDoc, stopwords: frozenset[str]) -> Header:
    raw = clean.raw.text.split("\n")
    lines: list[Line] = []
    for block in clean.blocks:
        if block.kind.is_body or block.first_line == block.last_line:
            spans = [(block.first_line, block.text)]
        else:  # a run of removed lines: one entry per non-blank line, as the audit lists
            spans = [(n, raw[n - 1].strip()) for n in block.lines if raw[n - 1].strip()]
        base = len(lines)
        lines.extend(Line(base + k, n, text, block.rule, block.kind.is_body)
                     for k, (n, text) in enumerate(spans))
    body_start = text_start(lines)
    sample = words(" ".join(x.text for x in lines[body_start:] if x.body))
    body_words = frozenset(w for w in sample[:BODY_SAMPLE_WORDS] if w not in stopwords)
    return Header(tuple(lines), body_start, body_words, stopwords)


def text_start(lines: list[Line]) -> int:
    """Where the article's prose begins: its first body line, past the few short lines the
    cleaner kept above it (a headline, a byline or date line), which belong to the header."""
    first = next((x.index for x in lines if x.body), len(lines))
    opening = [x for x in lines[first:first + OPENING_LINES] if x.body]
    return next((x.index for x in opening if is_prose(x.text)), first)


def is_prose(text: str) -> bool:
    """A sentence, not a headline or byline: long, or ending in a full stop, and no date or
    time in it ("By Jo Doe on Monday, Nov. 18, 2019 at 11:08 a.m." is a byline)."""
    count = len(text.split())
    sentence = count >= MIN_PROSE_WORDS and text.endswith((".", "。")) \
        and not text.endswith("...")
    return len(text) > MAX_METADATA_CHARS or (count > MAX_HEADLINE_WORDS or sentence) and not (
        TIME_RE.search(text) or date_mentions(text))


def title_parts(text: str) -> list[str]:
    """ "Opinion | Headline - Site" → ["Opinion", "Headline", "Site"]."""
    return [part for part in TITLE_SEPARATOR_RE.split(text.strip()) if part]
