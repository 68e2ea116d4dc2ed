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

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.clean import phrase_rule
from generator.dates import date_mentions, is_date_only
from generator.identity.author import in_a_list_of_names, is_name
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
from generator.knowledge import DATA_DIR, Knowledge

HEADLINE_MODEL_FILE = DATA_DIR / "headline_model.yml"

MIN_TITLE_WORDS = 2
MAX_TITLE_WORDS = 30
MAX_AFFIX_WORDS = 6  # a site name or section label beside a headline is short
REPEAT_SHARE = 0.8  # a repetition shares this share of its words with the <title> both ways
HEADLINE_WINDOW = 30  # lines above the body where a headline stands
PAGE_TITLE_MIN_OVERLAP = 0.3
BARE_PAGE_TITLE_MIN_OVERLAP = 0.5  # a first line without a site name beside it
MIN_BARE_PAGE_TITLE_WORDS = 4  # … and shorter ones are a logo or a menu item ("Fox News")
RIGHT_ABOVE_LINES = 4  # a first line this close to the text, with nothing but a byline or
#                        date between, is the headline of a page that is only the article
MAX_SHARED_WORDS = 6  # a headline shares several words with the text, a section label one
MAX_BETWEEN = 10  # headline-shaped lines between a candidate and the text, counted up to
MAX_CREDIT_WORDS = 6  # "Harbour Post Editorial Staff": a credit is short
SHORT_HEADLINE_WORDS = 3  # "Black Friday", "All Stocks": section names more often
_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s+[A-Z]")
_COLUMNS_RE = re.compile(r"\S\s{3,}\S")  # "Subscribe   SmartNews   History": a menu
# "Home » Recipes » Focaccia", "Home>Articles>Amazon": a breadcrumb trail, not a headline
# (a German »quote« has no space after its opening mark)
_BREADCRUMB_RE = re.compile(r"\s[»›>→]\s|\w>[\w ]+>\w")
_BYLINE_START_RE = re.compile(r"^(?:by|posted|published|written|von|por|par|oleh)\b", re.I)


@dataclass(frozen=True)
class HeadlineModel:
    """How much each kind of evidence counts for a line being the headline: a logistic
    model fitted on the dev sets by ``benchmarks/fit_headline.py``, stored as data."""

    weights: dict[str, float]
    intercept: float
    threshold: float  # the least probability at which the likeliest line is taken

    def probability(self, evidence: dict[str, float]) -> float:
        score = self.intercept + sum(self.weights[k] * v for k, v in evidence.items())
        return 1 / (1 + math.exp(-score))


@functools.cache
def load_headline_model(path: Path = HEADLINE_MODEL_FILE) -> HeadlineModel:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return HeadlineModel(data["weights"], data["intercept"], data["threshold"])


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


def headline_like(line: Line, header: Header, lexicon: Lexicon, knowledge: Knowledge, *,
                  sentence_ok: bool = False) -> bool:
    """Shaped like a headline, and none of the things that stand near one; with
    ``sentence_ok``, it may end like a sentence."""
    text = line.text
    count = len(text.split())
    first = text.lstrip("\"'“‘«¿¡([ ")[:1]
    unquoted = text.rstrip("\"'”’»)")  # '"$53 million a week…drugs."' is a quote, not a headline
    ends_open = not unquoted.endswith((".", ",", ";", ":")) or unquoted.endswith("...")
    return (
        len(text) <= MAX_METADATA_CHARS
        and MIN_TITLE_WORDS <= count <= MAX_TITLE_WORDS
        and not first.islower()  # scripts without case (Korean, Japanese) pass
        and (ends_open or sentence_ok)
    ) and not (
        line.rule.startswith("corpus:")
        or LINK_RE.search(text)
        or is_date_only(text) or TIME_RE.search(text)
        or _BYLINE_START_RE.match(text)
        or lexicon.ui_label(text)
        or lexicon.is_section_label(text)
        or _COLUMNS_RE.search(text)
        or _BREADCRUMB_RE.search(text)
        or sum(c.isdigit() for c in text) * 2 > len(text)
        or _credits_a_writer(text, header, lexicon)
        or is_name(text, lexicon, header.stopwords) and in_a_list_of_names(header, line, lexicon)
        or phrase_rule(text, knowledge)
    )


def _credits_a_writer(text: str, header: Header, lexicon: Lexicon) -> bool:
    """A writer's credit or box, not a headline: "Harbour Post Editorial Staff" ends in a
    role, "About Ana Ruiz" introduces the writer."""
    tokens = text.split()
    if len(tokens) <= MAX_CREDIT_WORDS and tokens[-1].lower() in lexicon.role_words:
        return True
    about, _, rest = text.partition(" ")
    return about.lower() == "about" and is_name(rest, lexicon, header.stopwords)


def _shares_words(a: str, b: str) -> bool:
    x, y = set(words(a)), set(words(b))
    both = len(x & y)
    return bool(x and y) and both >= REPEAT_SHARE * len(x) and both >= REPEAT_SHARE * len(y)


def headline_repeating_page_title(header: Header, page: PageTitle,
                                  headline: Line | None = None) -> tuple[str, Line] | None:
    """The repetition of the <title>'s headline, as the page prints it: the whole line
    without the <title>'s site name, or the part of a breadcrumb trail or "Headline | Site"
    line that is the headline. The ``headline`` found above the text, when it is one;
    else the repetition nearest the body (a gallery or a "Most recent stories" list may
    repeat it again lower down)."""
    if headline is not None and headline.index > 0:
        chosen = _repetition(headline.text, page)
        if chosen:
            return chosen, headline
    last = min(len(header.lines), header.body_start + 2)
    for line in reversed(header.lines[1:last]):
        chosen = _repetition(line.text, page)
        if chosen:
            return chosen, line
    return None


def _repetition(text: str, page: PageTitle) -> str | None:
    """The part of ``text`` that repeats the <title>'s headline, if it does."""
    if len(text) > MAX_METADATA_CHARS:
        return None
    if _shares_words(text, page.headline) or _shares_words(text, page.line.text):
        return _without_affixes(text, page.affixes)
    parts = title_parts(text)
    matching = [p for p in parts if len(parts) > 1 and _shares_words(p, page.headline)]
    return matching[-1] if matching else None


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


def headline_candidates(header: Header, lexicon: Lexicon, knowledge: Knowledge) -> list[Line]:
    """The lines above the text that are shaped like a headline."""
    return [x for x in header.above_body(HEADLINE_WINDOW)
            if x.index > 0 and headline_like(x, header, lexicon, knowledge)]


def anchor_lines(header: Header, lexicon: Lexicon) -> set[int]:
    """Lines just above the text that hold a date or a time, or begin like a byline (or are
    a bare "By"): a headline stands right before them."""
    return {x.index for x in header.above_body(HEADLINE_WINDOW)
            if len(x.text) <= MAX_METADATA_CHARS and (
                date_mentions(x.text) or TIME_RE.search(x.text)
                or lexicon.byline_lead.match(x.text) or lexicon.is_bare_lead(x.text))}


def headline_evidence(header: Header, candidates: list[Line], anchors: set[int],
                      lexicon: Lexicon) -> list[dict[str, float]]:
    """For each candidate, what a text scrape shows of a headline, each scaled to 0…1: the
    words it shares with the article's opening, how near the text it stands, a byline or
    date below it, a longer deck below it, and the marks of a teaser or a section label
    (repeated far from the header, or a few words only)."""
    placed = Counter(x.text for x in header.lines)
    near = Counter(x.text for x in header.above_body(HEADLINE_WINDOW))
    by_index = {x.index: x for x in candidates}
    shared = [len(header.content_words(x.text) & header.body_words) for x in candidates]
    found = []
    for place, line in enumerate(candidates):
        count = len(line.text.split())
        capitalised = sum(w[:1].isupper() for w in line.text.split()) / count
        below = by_index.get(line.index + 1)
        above = by_index.get(line.index - 1)
        found.append({
            "overlap": header.overlap(line.text),
            "shared_words": min(shared[place], MAX_SHARED_WORDS) / MAX_SHARED_WORDS,
            "most_shared_words": float(shared[place] == max(shared)),
            "headlines_between": min(len(candidates) - place - 1, MAX_BETWEEN) / MAX_BETWEEN,
            "nearest_headline": float(place == len(candidates) - 1),
            "lines_to_text": (header.body_start - line.index) / HEADLINE_WINDOW,
            "byline_or_date_below": float(bool({line.index + 1, line.index + 2} & anchors)),
            "date_above": float(line.index - 1 in anchors),
            "repeated_in_header": float(near[line.text] > 1),
            "repeated_elsewhere": float(placed[line.text] > near[line.text]),
            "few_words": float(count <= SHORT_HEADLINE_WORDS),
            "length": min(count, MAX_TITLE_WORDS) / MAX_TITLE_WORDS,
            "longer_line_below": float(bool(below and len(below.text) > len(line.text))),
            "shorter_line_above": float(bool(above and len(above.text) < len(line.text))),
            "in_capitals": float(line.text.isupper()),
            "capitalised_words": capitalised,
            "site_name_beside": float(len(title_parts(line.text)) > 1),
            "sentence_break": float(bool(_SENTENCE_BREAK_RE.search(line.text))),
            "mentions_date": float(bool(date_mentions(line.text))),
            "reads_as_name": float(is_name(line.text, lexicon, header.stopwords)),
            "ends_with_question": float(line.text.rstrip("\"'”’").endswith(("?", "!"))),
            "kept_as_body": float(line.body),
            "cleaner_title": float(line.rule.startswith("header:title")),
        })
    return found


def headline_above_text(header: Header, lexicon: Lexicon, knowledge: Knowledge,
                        model: HeadlineModel | None = None) -> tuple[str, Line] | None:
    """The candidate the headline model finds likeliest, when it is likely enough."""
    model = model or load_headline_model()
    candidates = headline_candidates(header, lexicon, knowledge)
    if not candidates:
        return None
    evidence = headline_evidence(header, candidates, anchor_lines(header, lexicon), lexicon)
    odds = [model.probability(e) for e in evidence]
    best = max(range(len(candidates)), key=lambda i: (odds[i], i))  # a tie: the nearer
    line = candidates[best]
    return (line.text, line) if odds[best] >= model.threshold else None
