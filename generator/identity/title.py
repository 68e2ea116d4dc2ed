"""The title, one cascade:

1. ``headline_repeating_page_title``: the line above the body that repeats the page's
   <title> (the scrape's first line) without its site name, nearest the body;
2. ``page_title_line``: that first line itself, without the site's name and section;
3. ``headline_above_text``: among the lines just above the body, the one shaped like a
   headline that shares most words with the article's opening, nearest the byline and
   the text. Many scrapers save no <title>, so this must work alone.

A candidate is never a date or byline line, a person's name, an interface label, a
boilerplate phrase or a link.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from generator.clean import phrase_rule
from generator.dates import date_mentions
from generator.identity.author import is_name
from generator.identity.header import (
    LINK_RE,
    MAX_METADATA_CHARS,
    TIME_RE,
    Header,
    Line,
    title_parts,
    words,
)
from generator.identity.lexicon import Lexicon
from generator.knowledge import Knowledge

MIN_TITLE_WORDS = 2
MAX_TITLE_WORDS = 30
MAX_AFFIX_WORDS = 6  # a site name or section label beside a headline is short
REPEAT_SHARE = 0.8  # a repetition shares this share of its words with the <title> both ways
HEADLINE_WINDOW = 30  # lines above the body where a headline stands
MIN_OVERLAP = 0.34  # a headline shares at least a third of its content words with the text
PAGE_TITLE_MIN_OVERLAP = 0.3
BARE_PAGE_TITLE_MIN_OVERLAP = 0.5  # a first line without a site name beside it
MIN_BARE_PAGE_TITLE_WORDS = 4  # … and shorter ones are a logo or a menu item ("Fox News")
RIGHT_ABOVE_LINES = 4  # a first line this close to the text, with nothing but a byline or
#                        date between, is the headline of a page that is only the article
SHARED_WORD_BONUS = 0.05  # each word shared with the text (up to MAX_SHARED_BONUS): a
MAX_SHARED_BONUS = 6  # headline shares several, a section label ("Local News") one or two
SHORT_HEADLINE_WORDS = 3  # "Black Friday", "All Stocks": section names more often
SHORT_COST = 0.2
DECK_MIN_CHARS = 80  # a longer line with a sentence break in it is a deck or a summary
_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s+[A-Z]")
_COLUMNS_RE = re.compile(r"\S\s{3,}\S")  # "Subscribe   SmartNews   History": a menu
DISTANCE_COST = 0.08  # each headline-like line between a candidate and the text
ANCHOR_BONUS = 0.15  # a byline or date line follows the candidate
REPEAT_COST = 0.1  # a line repeated on the page: a teaser more likely than the headline
_BYLINE_START_RE = re.compile(r"^(?:by|posted|published|written|von|por|par|oleh)\b", re.I)


@dataclass(frozen=True)
class PageTitle:
    """The first line read as a <title>: the headline and what stands beside it."""

    line: Line
    headline: str
    affixes: tuple[str, ...]  # site names and section labels, the last one first


def split_page_title(line: Line, lexicon: Lexicon) -> PageTitle:
    """ "Opinion | Headline - The Site" → headline "Headline", affixes ("The Site",
    "Opinion"): short parts at either end go when a longer part remains."""
    parts = title_parts(line.text)
    affixes: list[str] = []
    while len(parts) > 1:
        longest = max(len(p.split()) for p in parts)
        if len(parts[-1].split()) <= MAX_AFFIX_WORDS and len(parts[-1].split()) < longest:
            affixes.append(parts.pop())
        elif lexicon.is_section_label(parts[0]):
            affixes.append(parts.pop(0))
        else:
            break
    return PageTitle(line, " - ".join(parts), tuple(affixes))


def headline_like(line: Line, header: Header, lexicon: Lexicon, knowledge: Knowledge) -> bool:
    """Shaped like a headline, and none of the things that stand near one."""
    text = line.text
    count = len(text.split())
    first = text.lstrip("\"'“‘«¿¡([ ")[:1]
    ends_open = not text.endswith((".", ",", ";", ":")) or text.endswith("...")
    return (
        len(text) <= MAX_METADATA_CHARS
        and MIN_TITLE_WORDS <= count <= MAX_TITLE_WORDS
        and not first.islower()  # scripts without case (Korean, Japanese) pass
        and ends_open
    ) and not (
        line.rule.startswith("corpus:")
        or LINK_RE.search(text)
        or date_mentions(text) or TIME_RE.search(text)
        or _BYLINE_START_RE.match(text)
        or lexicon.ui_label(text)
        or lexicon.is_section_label(text)
        or _COLUMNS_RE.search(text)
        or len(text) > DECK_MIN_CHARS and _SENTENCE_BREAK_RE.search(text)
        or sum(c.isdigit() for c in text) * 2 > len(text)
        or phrase_rule(text, knowledge)
    )


def _shares_words(a: str, b: str) -> bool:
    x, y = set(words(a)), set(words(b))
    both = len(x & y)
    return bool(x and y) and both >= REPEAT_SHARE * len(x) and both >= REPEAT_SHARE * len(y)


def headline_repeating_page_title(header: Header, page: PageTitle) -> tuple[str, Line] | None:
    """The repetition of the <title>'s headline nearest the body, as the page prints it:
    the whole line without the <title>'s site name, or the part of a breadcrumb trail or
    "Headline | Site" line that is the headline."""
    last = min(len(header.lines), header.body_start + 2)
    for line in reversed(header.lines[1:last]):
        if len(line.text) > MAX_METADATA_CHARS:
            continue
        if _shares_words(line.text, page.headline) or _shares_words(line.text, page.line.text):
            return _without_affixes(line.text, page.affixes), line
        parts = title_parts(line.text)
        matching = [p for p in parts if len(parts) > 1 and _shares_words(p, page.headline)]
        if matching:
            return matching[-1], line
    return None


def _without_affixes(text: str, affixes: tuple[str, ...]) -> str:
    """ "Headline - The Site" → "Headline", when "The Site" stands beside the <title> too."""
    for affix in affixes:
        parts = title_parts(text)
        if len(parts) > 1 and parts[-1] == affix:
            text = text[:text.rindex(affix)].rstrip(" |–—-:·•»")
        elif len(parts) > 1 and parts[0] == affix:
            text = text[len(affix):].lstrip(" |–—-:·•»")
    return text


def page_title_line(header: Header, page: PageTitle, lexicon: Lexicon,
                    knowledge: Knowledge) -> tuple[str, Line] | None:
    """The <title>'s headline, when it reads as one and shares words with the text. A first
    line with no site name beside it may be a menu item or a banner: it must be longer and
    share more."""
    right_above = header.body_start - page.line.index <= RIGHT_ABOVE_LINES
    needed = PAGE_TITLE_MIN_OVERLAP if page.affixes else BARE_PAGE_TITLE_MIN_OVERLAP
    if not right_above and header.overlap(page.headline) < needed:
        return None
    return None if phrase_rule(page.line.text, knowledge) else (page.headline, page.line)


def _deck_of(headline: Line | None, line: Line) -> bool:
    """``line`` is the deck below ``headline``: longer than it, and the headline no section
    label ("Company Town", "U.S. news")."""
    return (headline is not None and len(headline.text.split()) > SHORT_HEADLINE_WORDS
            and len(line.text) > len(headline.text))


def headline_above_text(header: Header, lexicon: Lexicon, knowledge: Knowledge,
                        anchors: set[int]) -> tuple[str, Line] | None:
    """The best-scoring headline among the lines above the body (see the module doc). A
    line right above a byline or date line (``anchors``) need not share many words."""
    lines = header.above_body(HEADLINE_WINDOW)
    repeats = Counter(x.text for x in header.lines)
    candidates = [x for x in lines if x.index > 0 and headline_like(x, header, lexicon, knowledge)
                  and not is_name(x.text, lexicon, header.stopwords)]
    sharing = {x.index: x for x in candidates if header.overlap(x.text) >= MIN_OVERLAP
               or {x.index + 1, x.index + 2} & anchors and header.overlap(x.text) > 0
               or x.index + 1 in anchors}
    best, best_score = None, 0.0
    for place, line in enumerate(candidates):
        if line.index not in sharing:
            continue
        between = len(candidates) - place - 1
        shared = len(header.content_words(line.text) & header.body_words)
        score = (header.overlap(line.text) + SHARED_WORD_BONUS * min(shared, MAX_SHARED_BONUS)
                 - DISTANCE_COST * between
                 + ANCHOR_BONUS * any(a in (line.index + 1, line.index + 2) for a in anchors)
                 - REPEAT_COST * (repeats[line.text] > 1)
                 - SHORT_COST * (len(line.text.split()) <= SHORT_HEADLINE_WORDS))
        if score > best_score:
            best, best_score = line, score
    while best and _deck_of(sharing.get(best.index - 1), best):
        best = sharing[best.index - 1]
    return (best.text, best) if best else None
