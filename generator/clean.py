"""Stage 2: ``RawDoc`` → ``CleanDoc``: which units of a scrape are the article.

The algorithm, in the order ``clean()`` runs it (jusText's classes, Body Text Extraction's
densest run, and what news pages need on top):

1. ``split_units``: one unit per line, re-joining paragraphs broken by a hard wrap or an
   inline link;
2. ``page_features`` and ``classify_units``: cheap signals per unit (length, share of
   function words, end punctuation, link-like text, repeats, truncation, corpus evidence)
   give each unit a class (good, near, short, bad) and a value;
3. ``find_run``: the maximum-scoring run of units is the article, anchored after the
   headline; section ends ("Related", comments) stop it, in-article boxes are cut out,
   a trailing teaser list is dropped, a data list after it is added;
4. ``decide``: inside the run, short units become headings or list items from their
   neighbours; phrase rules (``data/boilerplate.yml``) and metadata lines still apply;
5. ``to_blocks``: units become line-numbered ``Block``s, the title, byline and date lines
   above the article are found for the metadata stage, and a "SOURCE, Month D, YYYY:"
   dateline is split off the first paragraph.

Every unit keeps the name of the rule that decided it ("layer:name"), for the audit page.
Per-unit signals live in parallel lists (``Page``), not objects: the cleaner handles about
a thousand pages a second (``benchmarks/extraction.py``).
"""

from __future__ import annotations

import functools
import itertools
import re
import string
from collections import Counter
from dataclasses import replace

from generator.dates import dateline_prefix_regex, is_date_only
from generator.identity.lexicon import load_lexicon
from generator.knowledge import Knowledge, load_knowledge
from generator.model import Block, BlockKind, CleanDoc, InputFormat, RawDoc

# Unit classes.
LONG_CHARS = 100  # "good" needs this many chars: one real sentence
SHORT_CHARS = 30  # below this a unit is "short": never body on its own
STOP_SAMPLE_CHARS = 120  # the share of function words is measured on a unit's first chars
MIN_STOP_DENSITY = 0.20  # prose has at least 20% function words
PAGE_MIN_STOP_DENSITY = 0.08  # a page below this is in a language the list does not cover
NOSPACE_CHARS_PER_WORD = 12  # fewer spaces than this: a CJK-like script, no word test
NOPUNCT_GOOD_CHARS = 150  # shorter "good" text must end like a sentence (headlines do not)
# Main-run scoring.
SHORT_PENALTY = 25.0  # cost of a short unit: about one menu item or widget line
BAD_WEIGHT = 1.0  # a bad unit costs its own length (at least SHORT_PENALTY)
NEAR_WEIGHT = 0.25  # a near-good unit (a short sentence) counts a quarter of its length
# Section ends and teaser boxes.
MIN_BODY_BEFORE_STOP = 150  # good chars the run must hold before a section end counts
SECTION_END_MAX = 160  # section-end markers are short lines
PROSE_RESUME_WINDOW = 16  # a "Related" marker followed within this many units by two body
#                           units in a row opens a box inside the article, not its end
# Context pass.
TAIL_UNITS = 4  # "tail" phrase rules (author bios) only act on the run's last units
LONG_PHRASE_PREFIX = 200  # phrase rules see only this much of a long unit
SHORT_PHRASE_MAX = 200  # "short"-scope phrase rules only fire on units up to this length
HEADING_MAX_CHARS = 120  # a short unit directly followed by body text is a heading
LIST_MAX_ITEMS = 3  # short units between body units within this distance are list items
TITLE_MIN_BODY_AFTER = 0.8  # a headline inside the run precedes at least 80% of its text
LIST_TAIL_MIN = 3  # at least 3 short items with digits right after the run: a data list
TEASER_TAIL_MIN = 4  # at least 4 lone good units ending the run are a teaser list
TITLE_START_WINDOW = 30  # a run anchored at the headline starts within 30 units after it
TITLE_RUN_MIN_SHARE = 0.3  # ... and is used if it scores 30% of the best run elsewhere
TITLE_MIN_SHARE = 0.6  # a title prefix must cover this share of the <title> (site suffix)
METADATA_MAX = 200  # title, byline and date lines are shorter than this
REPEAT_BAD_MAX = 300  # a text repeated verbatim on the page and shorter than this is bad
DUP_PREFIX = 40  # units sharing their first DUP_PREFIX chars are repeats
# Header: the title, byline and date lines above the article.
MAX_TITLE_WORDS = 30
MIN_TITLE_WORDS = 2
TITLE_SEARCH_DISTANCE = 4  # units between a headline and the byline or text it introduces
TITLE_WINDOW = 12  # the headline, byline and date stand among the units just above the text
DATE_WINDOW = 4  # a date line stands this close to the byline or the article's start
# Unit splitting.
WRAP_MAX_WIDTH = 110  # a hard-wrap margin is at most this wide (else lines are paragraphs)
WRAP_MIN_WIDTH = 60  # ... and at least this wide (shorter "margins" are lists)
WRAP_MIN_LINES = 5  # ... and at least this many (and 30% of) continued lines end near it
WRAP_SLACK = 15  # a line within this many chars of the margin was wrapped

END_PUNCT = frozenset(".!?\"”’…:)»」。！？'")
SENTENCE_END = (".", "”", '"', "’")  # a short unit ending so is a sentence, not a heading
TRUNCATION_MARKS = ("…", "...", "[…]", "[...]")
LINKLIKE_RE = re.compile(r"https?://|www\.|\S@\S+\.\w|\.(com|org|net|gov|html?)\b", re.I)
KEY_RE = re.compile(r"\W+")
DIGIT_AND_LETTER_RE = re.compile(r"\d.*[^\W\d_]|[^\W\d_].*\d")
LIST_MARKER_RE = re.compile(r"(?:[-•*·▪–]|(?P<number>\d{1,2})[.)])\s+(?=\S)")
WORD_STRIP = string.punctuation + "“”‘’«»…–—·•"  # stripped from words for trigger lookup


# What the rules that are code, not data, decide: shown on the audit page.
STRUCTURAL_RULES = {
    "segment:outside_main_run": "outside the article's densest run of text: menus, sidebars, "
                                "teasers and footers",
    "segment:before_headline": "above the article's headline, inside the run of text",
    "section_end:teaser_list": "a list of teasers (headline, summary) ending the page",
    "class:bad": "link-like, repeated on the page, or a teaser cut off with “…”",
    "corpus:repeated_on_site": "a line this site repeats in its other articles",
    "context:short_in_run": "a short fragment in the article that is no heading or list item",
    "dedup:repeat": "a repeat of a line already kept",
    "header:title": "the article's title: the page shows it as the title",
    "header:title_repeated": "a second copy of the title",
    "header:breadcrumb_glued_to_title": "a breadcrumb trail glued to the title",
    "header:title_with_site_name": "the title followed by the site's name",
    "header:byline": "the byline: it gives the author and source",
    "header:date_line": "the date line: it gives the publication date",
    "metadata:dateline_prefix": "the dateline before the first paragraph: source and date",
}

# A unit of classification: a line, or lines re-joined into one paragraph, as
# (text, first line, last line). A plain tuple: pages have hundreds of units, and this
# machine builds a tuple ten times faster than a named record.
Unit = tuple[str, int, int]


class Page:
    """A page as parallel lists over its units (a struct of arrays, for speed).

    Signals: ``text``, ``chars``, ``stop``, ``end``, ``dup``, ``rep``, ``trunc``, ``link``,
    ``nospace``, ``known`` (a line this site repeats in other articles).
    Decisions: ``cls`` (good, near, short, bad), ``val`` (main-run value), ``keep``, ``rule``.
    """

    __slots__ = ("text", "chars", "stop", "end", "dup", "rep", "trunc", "link", "nospace",
                 "known", "cls", "val", "keep", "rule")


def clean(
    doc: RawDoc, *, knowledge: Knowledge | None = None, repeated: frozenset[str] = frozenset()
) -> CleanDoc:
    """Classify every unit of ``doc``; the body is what is kept as paragraphs and headings.

    ``repeated`` holds the lines this article shares with others of its site (``corpus.py``).
    """
    knowledge = knowledge or load_knowledge()
    units = split_units(doc.text)
    page = page_features([u[0] for u in units], knowledge, repeated)
    # An HTML page's reader has already found the article (html.py): all of it is the run.
    start = decide(page, knowledge, extracted=doc.format is InputFormat.HTML)
    header = find_header(page, start, knowledge)
    return CleanDoc(raw=doc, blocks=split_dateline_prefix(to_blocks(units, page, header)))


# --- 1. units -------------------------------------------------------------------------------


def split_units(text: str) -> list[Unit]:
    """One unit per non-blank line, except that a line continues into the next line of its
    block (no blank line between) when it does not end a sentence and the next starts in
    lower case (a paragraph broken by a hard wrap or an inline link), or when the page is
    hard-wrapped and the line reaches the margin (or half of it, mid-sentence)."""
    blocks: list[tuple[int, list[str]]] = []  # (number of the first line, the lines)
    run: list[str] = []
    number = 0
    for line in text.split("\n"):
        number += 1
        line = line.strip()
        if line:
            run.append(line)
        elif run:
            blocks.append((number - len(run), run))
            run = []
    if run:
        blocks.append((number + 1 - len(run), run))
    width = _wrap_width(blocks)
    units: list[Unit] = []
    for first, lines in blocks:
        if len(lines) == 1:  # most blocks are one line: nothing to join
            units.append((lines[0], first, first))
        else:
            units.extend(_units_of_block(first, lines, width))
    return units


def _units_of_block(first: int, lines: list[str], width: int) -> list[Unit]:
    units: list[Unit] = []
    start, text = first, lines[0]
    previous = text
    for offset, line in enumerate(lines[1:], start=1):
        ended = previous[-1] in END_PUNCT
        wrapped = width and (len(previous) >= width - WRAP_SLACK
                             or len(previous) >= width // 2 and not ended)
        if (line[0].islower() and not ended or wrapped) and not LIST_MARKER_RE.match(line):
            # a wrap after a hyphen ("High-" / "Level") keeps the compound together
            hyphen = text[-1] == "-" and text[-2:-1].isalpha()
            text = f"{text}{line}" if hyphen else f"{text} {line}"
        else:
            units.append((text, start, first + offset - 1))
            start, text = first + offset, line
        previous = line
    units.append((text, start, first + len(lines) - 1))
    return units


def _wrap_width(blocks: list[tuple[int, list[str]]]) -> int:
    """The margin of a hard-wrapped page, else 0: most lines followed by another line of
    their block end close to one width between WRAP_MIN_WIDTH and WRAP_MAX_WIDTH."""
    continued = sorted(len(line) for _, lines in blocks if len(lines) > 1 for line in lines[:-1])
    if len(continued) < WRAP_MIN_LINES:
        return 0
    width = continued[int(len(continued) * 0.95) - 1]
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return 0
    near = sum(1 for n in continued if width - WRAP_SLACK <= n <= width)
    return width if near >= WRAP_MIN_LINES and near >= 0.3 * len(continued) else 0


# --- 2. signals and classes -----------------------------------------------------------------


def page_features(texts: list[str], knowledge: Knowledge, repeated: frozenset[str]) -> Page:
    """The cheap per-unit signals, about two microseconds a unit."""
    page = Page()
    count = len(texts)
    page.text = texts
    page.chars = chars = [len(t) for t in texts]
    page.end = [t[-1] in END_PUNCT for t in texts]
    exact = Counter(texts)
    page.rep = [exact[t] > 1 for t in texts]
    prefixes = [t[:DUP_PREFIX] for t in texts]
    prefix_counts = Counter(prefixes)
    page.dup = [prefix_counts[p] > 1 for p in prefixes]
    page.trunc = [t.endswith(TRUNCATION_MARKS) for t in texts]
    page.known = [t in repeated for t in texts] if repeated else [False] * count
    page.link = _link_like(texts, chars)
    page.stop, page.nospace = _stop_densities(texts, chars, page.end, knowledge.stopwords)
    page.keep = [False] * count
    page.rule = [""] * count
    return page


def _link_like(texts: list[str], chars: list[int]) -> list[bool]:
    """Short units holding an address, e-mail or domain name; plain substring tests first,
    as the regex is slower than they are."""
    link = [False] * len(texts)
    for i, text in enumerate(texts):
        if chars[i] < 200 and ("www." in text or "://" in text or "@" in text or ".com" in text
                               or ".org" in text or ".net" in text or ".gov" in text
                               or ".htm" in text):
            link[i] = LINKLIKE_RE.search(text) is not None
    return link


def _stop_densities(
    texts: list[str], chars: list[int], ends: list[bool], stopwords: frozenset[str]
) -> tuple[list[float], list[bool]]:
    """Share of function words in each unit's first words, and which units have too few
    spaces for words (CJK-like). On a page whose language the list does not cover, the
    shares carry no information and every unit passes the test. Only units that could be
    prose are measured: long ones, and shorter ones that end like a sentence."""
    is_stopword = stopwords.__contains__
    stop, nospace = [0.0] * len(texts), [False] * len(texts)
    words_total = stopwords_total = 0
    for i, text in enumerate(texts):
        if chars[i] >= LONG_CHARS or chars[i] >= SHORT_CHARS and ends[i]:
            words = text[:STOP_SAMPLE_CHARS].lower().split()
            found = sum(map(is_stopword, words))
            stop[i] = found / len(words)
            words_total += len(words)
            stopwords_total += found
            nospace[i] = (text.count(" ") + 1) * NOSPACE_CHARS_PER_WORD < chars[i]
    if words_total and stopwords_total < PAGE_MIN_STOP_DENSITY * words_total:
        stop = [1.0] * len(texts)
    return stop, nospace


def classify_units(page: Page) -> None:
    """The context-free class of every unit (jusText-like) and its main-run value.

    bad    link-like, corpus-known, a short text repeated on the page, or a teaser cut off
           with "…"; costs its length (a cut-off teaser costs SHORT_PENALTY)
    short  under SHORT_CHARS, or not sentence-like; costs SHORT_PENALTY
    good   LONG_CHARS or more, dense in function words, ends like a sentence (or is
           NOPUNCT_GOOD_CHARS long); scores its length
    near   a shorter sentence with some function words; scores NEAR_WEIGHT of its length
    """
    count = len(page.text)
    classes, values = [""] * count, [0.0] * count
    signals = zip(page.chars, page.end, page.stop, page.nospace, page.link, page.trunc,
                  page.known, page.rep, page.dup, strict=True)
    for i, (chars, end, stop, nospace, link, trunc, known, rep, dup) in enumerate(signals):
        if link or trunc or known or (rep or dup and not end) and chars < REPEAT_BAD_MAX:
            classes[i] = "bad"
            values[i] = -SHORT_PENALTY if trunc else -max(SHORT_PENALTY, BAD_WEIGHT * chars)
        elif chars < SHORT_CHARS:
            classes[i], values[i] = "short", -SHORT_PENALTY
        elif (chars >= LONG_CHARS and (nospace or stop >= MIN_STOP_DENSITY)
              and (end or chars >= NOPUNCT_GOOD_CHARS)):
            classes[i], values[i] = "good", float(chars)
        elif end and (nospace or stop >= MIN_STOP_DENSITY / 2):
            classes[i], values[i] = "near", NEAR_WEIGHT * chars
        else:
            classes[i], values[i] = "short", -SHORT_PENALTY
    page.cls, page.val = classes, values


# --- 3. the article's run -------------------------------------------------------------------


def main_segment(
    page: Page, limit: int | None = None, starts: range | None = None
) -> tuple[int, int, float]:
    """The maximum-sum run of unit values within ``units[:limit]`` (Kadane), as
    ``(start, end, score)``, end exclusive; ``(0, 0, 0.0)`` if no run scores above zero.
    With ``starts``, only runs starting at one of those indexes count (to anchor the run
    right after the headline)."""
    values = page.val[:limit]
    if starts is None:
        best, span, total, start = 0.0, (0, 0), 0.0, 0
        for i, value in enumerate(values):
            if total <= 0:
                total, start = value, i
            else:
                total += value
            if total > best:
                best, span = total, (start, i + 1)
        return span[0], span[1], best
    return _anchored_segment(values, starts)


def _anchored_segment(values: list[float], starts: range) -> tuple[int, int, float]:
    """Best prefix-sum difference over a start in ``starts`` and any end after it (the last
    end, if several score the same). Prefix sums and suffix maxima run in C (accumulate)."""
    count = len(values)
    prefix = [0.0, *itertools.accumulate(values)]
    best_after = list(itertools.accumulate(reversed(prefix), max))[::-1]  # max(prefix[i:])
    best, best_start = 0.0, None
    for start in starts:
        if start >= count:
            break
        score = best_after[start + 1] - prefix[start]
        if score > best:
            best, best_start = score, start
    if best_start is None:
        return 0, 0, 0.0
    target = best_after[best_start + 1]
    end = next(j for j in range(count, best_start, -1) if prefix[j] == target)
    return best_start, end, best


def _is_body(cls: str) -> bool:
    return cls in ("good", "near")


def teaser_tail(page: Page, start: int, end: int) -> int:
    """Start of a trailing teaser list inside the run, else ``end``: a tail in which every
    good unit stands alone (headline, summary, date…), at least TEASER_TAIL_MIN of them,
    after MIN_BODY_BEFORE_STOP chars of ordinary body."""
    cls = page.cls

    def alone(j: int) -> bool:
        return ((j == start or not _is_body(cls[j - 1]))
                and (j + 1 >= end or not _is_body(cls[j + 1])))

    goods = [j for j in range(start, end) if cls[j] == "good"]
    k = len(goods)
    while k > 0 and alone(goods[k - 1]):
        k -= 1
    if len(goods) - k < TEASER_TAIL_MIN or k == 0:
        return end
    if sum(page.chars[j] for j in goods[:k]) < MIN_BODY_BEFORE_STOP:
        return end
    j = goods[k]  # the first lone summary; its headline stands just before it
    while j > goods[k - 1] + 1 and cls[j - 1] != "good":
        j -= 1
    return j


def list_tail(page: Page, end: int, stop: int, knowledge: Knowledge) -> int:
    """The new end of the run after a data list that follows it (tour dates, results):
    at least LIST_TAIL_MIN short unrepeated units holding a digit and a letter, none of them
    boilerplate, perhaps led by one heading that is not a section end."""
    if end >= stop or knowledge.section_end.match(page.text[end]):
        return end
    first = end + 1 if page.cls[end] == "short" else end
    k, items = first, 0
    while (k < stop and page.cls[k] == "short" and not page.rep[k]
           and DIGIT_AND_LETTER_RE.search(page.text[k])):
        # A share line among the items ("Share 2021") is dropped later: it does not make
        # a list, or the list would vanish when the cleaned text is cleaned again.
        items += not phrase_rule(page.text[k], knowledge)
        k += 1
    if items < LIST_TAIL_MIN:
        return end
    for i in range(end, k):
        page.rule[i] = "context:data_list"
    return k


def _prose_resumes(page: Page, index: int, end: int) -> bool:
    """Two body units in a row start within PROSE_RESUME_WINDOW units: the article goes on
    after a box. A teaser list has single summaries between headlines instead."""
    cls = page.cls
    return any(cls[j] == "good" and _is_body(cls[j + 1])
               for j in range(index, min(end - 1, index + PROSE_RESUME_WINDOW)))


def section_end(page: Page, start: int, end: int, knowledge: Knowledge) -> tuple[int, str]:
    """Where the article ends inside the run, and the section-end rule that says so.

    A marker counts once the run holds MIN_BODY_BEFORE_STOP chars of good text. Comment and
    feedback markers end the article. Teaser markers ("Related") end it unless prose resumes;
    then they open a box inside the article whose units, up to the next good unit, are
    dropped. Returns ``(end, "")`` if the run has no end marker."""
    box = None
    body = 0
    for i in range(start, end):
        if page.cls[i] == "good":
            body += page.chars[i]
            box = None
            continue
        if page.chars[i] <= SECTION_END_MAX and body >= MIN_BODY_BEFORE_STOP:
            match = knowledge.section_end.match(page.text[i])
            if match:
                name = match.lastgroup
                if name not in knowledge.teaser_sections or (
                        box is None and not _prose_resumes(page, i + 1, end)):
                    return i, name
                box = box or name
        if box:
            page.rule[i] = f"section_end:{box}_box"
    return end, ""


def _key(text: str) -> str:
    return KEY_RE.sub(" ", text.lower()).strip()


def is_title(text: str, title_key: str) -> bool:
    """The unit repeats the page's <title> (a scrape's first line): the same words, the title
    without a site suffix (at least TITLE_MIN_SHARE of it), or the title plus a suffix."""
    if not title_key or text.lstrip(WORD_STRIP)[:2].lower() != title_key[:2]:
        return False
    key = _key(text)
    if len(key) < 10:
        return key == title_key
    return key == title_key or key.startswith(title_key) or (
        title_key.startswith(key) and len(key) >= TITLE_MIN_SHARE * len(title_key))


def first_title(page: Page, title_key: str) -> int | None:
    """Index of the first repetition of the <title> on the page (the headline)."""
    if not title_key:
        return None
    head = page.text[0][:2].lower()  # a cheap test before the full comparison
    return next((i for i in range(1, len(page.text))
                 if page.text[i][:2].lower() == head and page.chars[i] <= METADATA_MAX
                 and page.cls[i] != "good" and is_title(page.text[i], title_key)), None)


def title_in_run(page: Page, start: int, end: int, title_key: str) -> int | None:
    """The headline inside the run, if at least TITLE_MIN_BODY_AFTER of the run's good text
    follows it."""
    if not title_key:
        return None
    total = sum(page.chars[i] for i in range(start, end) if page.cls[i] == "good")
    before = 0
    for i in range(start, end):
        if page.cls[i] == "good":
            before += page.chars[i]
        elif (page.chars[i] <= METADATA_MAX and total - before >= TITLE_MIN_BODY_AFTER * total
              and is_title(page.text[i], title_key)):
            return i
    return None


def find_run(page: Page, title_key: str, knowledge: Knowledge) -> tuple[int, int, int, str]:
    """The article's run ``[start, end)``, where the article part of the page stops, and the
    rule that stopped it.

    1. the best run; if it lies away from the headline, a run anchored right after the
       headline wins when it scores TITLE_RUN_MIN_SHARE of the best;
    2. section ends or a trailing teaser list shorten it;
    3. a paragraph cut off by a paywall and a data list after it extend it;
    4. units up to a headline inside the run are dropped."""
    start, end, best = main_segment(page)
    headline = first_title(page, title_key)
    if headline is not None and not (start <= headline + TITLE_START_WINDOW and end > headline + 1):
        anchored = range(headline + 1, headline + 1 + TITLE_START_WINDOW)
        start2, end2, score = main_segment(page, starts=anchored)
        if score >= TITLE_RUN_MIN_SHARE * best:
            start, end = start2, end2
    stop, stop_rule = section_end(page, start, end, knowledge)
    if stop == end:
        stop, stop_rule = teaser_tail(page, start, end), "teaser_list"
    if stop < end:
        start, end, _ = main_segment(page, stop, range(start, stop))
    else:
        stop = len(page.text)
    if end < stop and page.trunc[end] and end > 0 and page.cls[end - 1] == "good":
        end += 1  # a body cut off by a paywall ends with a truncated paragraph
    if end > start:  # a data list extends an article, it is not one
        end = list_tail(page, end, stop, knowledge)
    headline = title_in_run(page, start, end, title_key)
    if headline is not None:  # the article starts after its headline
        for i in range(start, headline):
            page.rule[i] = "segment:before_headline"
        page.rule[headline] = "metadata:title"
    return start, end, stop, stop_rule


# --- 4. context pass ------------------------------------------------------------------------


def phrase_rule(text: str, knowledge: Knowledge, *, tail: bool = True) -> str | None:
    """The boilerplate phrase rule matching a unit, if any: only the rules whose trigger words
    the unit contains are tried, in data-file order. Long units are read up to
    LONG_PHRASE_PREFIX chars (notices and bios say what they are early) and only by rules
    without ``scope: short``. ``tail`` says whether the unit is among the article's last
    units, where author bios stand."""
    short = len(text) <= SHORT_PHRASE_MAX
    low = text.lower() if short else text[:LONG_PHRASE_PREFIX].lower()
    words = {w.strip(WORD_STRIP) for w in low.split()}  # faster here than translate or a regex
    if "©" in low:
        words.add("©")
    hits = words & knowledge.triggers
    if not hits:
        return None
    candidates = sorted({r for w in hits for r in knowledge.by_trigger[w]
                         if short or not r.short_only}, key=lambda r: r.order)
    for rule in candidates:
        if (tail or not rule.tail_only) and any(p.search(low) for p in rule.patterns):
            return rule.name
    return None


def metadata_rule(text: str, title_key: str, knowledge: Knowledge) -> str | None:
    """Title, byline and date-only lines are page metadata, not body."""
    if len(text) > METADATA_MAX:
        return None
    if is_title(text, title_key):
        return "title"
    match = knowledge.metadata.match(text) if _maybe_metadata(text) else None
    return match.lastgroup if match else None


def _between_body(page: Page, index: int, start: int, end: int) -> bool:
    """The unit sits among short units (a list) with body text on both sides within
    LIST_MAX_ITEMS units."""
    cls = page.cls
    j = index - 1
    while j >= max(start, index - LIST_MAX_ITEMS) and cls[j] == "short":
        j -= 1
    if j < start or not _is_body(cls[j]) or index - j > LIST_MAX_ITEMS:
        return False
    k = index + 1
    while k < min(end, index + LIST_MAX_ITEMS + 1) and cls[k] == "short":
        k += 1
    return k < end and _is_body(cls[k])


def decide(page: Page, knowledge: Knowledge, *, extracted: bool = False) -> int:
    """Set ``keep`` and ``rule`` on every unit; returns where the article's run starts.
    ``extracted``: the text is an article already taken out of its page, so the run is
    all of it."""
    count = len(page.text)
    if not count:
        return 0
    classify_units(page)
    # A scrape's first line is the page's <title>, unless it is prose: then the page starts
    # with its text (and cleaning a cleaned body changes nothing).
    title_key = "" if _is_body(page.cls[0]) or extracted else _key(page.text[0])
    if extracted:
        start, end, stop, stop_rule = 0, count, count, ""
    else:
        start, end, stop, stop_rule = find_run(page, title_key, knowledge)
    rule = page.rule
    rule[:start] = ["segment:outside_main_run"] * start
    rule[end:stop] = ["segment:outside_main_run"] * (stop - end)
    rule[stop:] = ["section_end:" + stop_rule] * (count - stop)
    kept_prefixes: set[str] = set()
    for i in range(start, end):
        if rule[i] and rule[i] != "context:data_list":
            continue  # settled already: a box, or before the headline
        keep, rule[i] = _decide_in_run(page, i, start, end, kept_prefixes)
        if extracted and not keep:  # the page reader found it in the article: trust it
            keep, rule[i] = True, "body:extracted"
        if keep:
            found = metadata_rule(page.text[i], title_key, knowledge)
            if found:
                keep, rule[i] = False, "metadata:" + found
            else:
                found = phrase_rule(page.text[i], knowledge, tail=i >= end - TAIL_UNITS)
                if found:
                    keep, rule[i] = False, "phrase:" + found
        if keep:
            kept_prefixes.add(page.text[i][:DUP_PREFIX])
        page.keep[i] = keep
    return start


def _decide_in_run(
    page: Page, i: int, start: int, end: int, kept_prefixes: set[str]
) -> tuple[bool, str]:
    """Keep or drop one unit of the run from its class and its neighbours."""
    cls = page.cls[i]
    if page.rule[i] == "context:data_list":
        return True, "context:data_list"
    if (page.trunc[i] and page.chars[i] >= SHORT_CHARS and i > start and page.keep[i - 1]
            and page.cls[i - 1] == "good" and not page.dup[i]):
        return True, "context:truncated_after_body"  # cut by a paywall
    if page.dup[i] and page.text[i][:DUP_PREFIX] in kept_prefixes:
        return False, "dedup:repeat"
    if cls == "good":
        return True, "body:good"
    if cls == "near":
        return True, "context:near_in_run"
    heading = i + 1 < end and _is_body(page.cls[i + 1]) and page.chars[i] <= HEADING_MAX_CHARS
    if cls == "bad":
        if page.known[i] and heading:  # a section heading all the site's articles share
            return True, "context:heading_before_body"
        return False, "corpus:repeated_on_site" if page.known[i] else "class:bad"
    if heading:
        return True, "context:heading_before_body"
    if _between_body(page, i, start, end):
        return True, "context:list_between_body"
    return False, "context:short_in_run"


# --- 5. blocks, header and dateline ---------------------------------------------------------

_KIND_OF_RULE = {
    "metadata:title": BlockKind.TITLE,
    "header:title": BlockKind.TITLE,
    "metadata:byline": BlockKind.BYLINE,
    "header:byline": BlockKind.BYLINE,
    "metadata:dateline_only": BlockKind.DATELINE,
    "header:date_line": BlockKind.DATELINE,
}


def to_blocks(units: list[Unit], page: Page, header: dict[int, str]) -> list[Block]:
    """One block per kept unit; consecutive units removed by the same rule make one block
    (a menu of 200 lines is one decision), whose lines the audit still lists one by one."""
    rules = list(page.rule)
    for i, rule in header.items():
        rules[i] = rule
    blocks: list[Block] = []
    decisions = zip(page.keep, rules, strict=True)
    index = 0
    for (keep, rule), group in itertools.groupby(decisions):
        size = len(list(group))
        kind = None if keep else _KIND_OF_RULE.get(rule, BlockKind.BOILERPLATE)
        if kind is BlockKind.BOILERPLATE:
            blocks.append(_removed_block(units[index:index + size], rule))
        else:
            blocks.extend(Block(*unit, kind or _kind(unit[0], rule), rule)
                          for unit in units[index:index + size])
        index += size
    return blocks


def _removed_block(run: list[Unit], rule: str) -> Block:
    text = "\n".join([u[0] for u in run])
    return Block(text, run[0][1], run[-1][2], BlockKind.BOILERPLATE, rule)


def _kind(text: str, rule: str) -> BlockKind:
    """A kept unit's kind. Between body text, a short unit is a list item unless it reads as
    a sentence or a lead-in ("The plan has three parts:")."""
    listed = (rule in ("context:list_between_body", "context:data_list")
              and len(text) < LONG_CHARS and not text.endswith((":", *SENTENCE_END)))
    if LIST_MARKER_RE.match(text) or listed:
        return BlockKind.LIST_ITEM
    if rule == "context:heading_before_body" and not text.endswith(SENTENCE_END):
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def find_header(page: Page, start: int, knowledge: Knowledge) -> dict[int, str]:
    """The title, byline and date lines among the units just above the article's run, for
    the metadata stage (unit index → rule): the byline nearest the article, the date line
    nearest it (a date far above is the site's "today" banner), and the title: a headline
    repeated above (once perhaps glued to a breadcrumb or a site name), else the headline
    right above the byline, date or text."""
    window = range(max(0, start - TITLE_WINDOW), start)
    metadata = {i: knowledge.metadata.fullmatch(page.text[i]) for i in window
                if page.chars[i] <= METADATA_MAX and _maybe_metadata(page.text[i])}
    bylines = [i for i, m in metadata.items() if m and m.lastgroup == "byline"]
    near = {*range(start - DATE_WINDOW, start),
            *(k for i in bylines[-1:] for k in range(i - DATE_WINDOW, i + DATE_WINDOW + 1))}
    dates = [i for i, m in metadata.items() if i in near and (
             m and m.lastgroup == "dateline_only" or is_date_only(page.text[i]))]
    header = dict.fromkeys(bylines[-1:], "header:byline")
    header.update(dict.fromkeys(dates[-1:], "header:date_line"))
    if "metadata:title" not in page.rule:
        header.update(_find_title(page, [i for i in window if i not in header], knowledge))
    return header


_HAS_DIGIT = re.compile(r"\d").search


@functools.cache
def _byline_first_words() -> frozenset[str]:
    """The first words of the byline leads the identity stage knows ("by", "geschrieben")."""
    firsts = {lead.split()[0].lower() for lead in load_lexicon().byline_leads}
    return frozenset({*firsts, *(w + ":" for w in firsts)})


def _maybe_metadata(text: str) -> bool:
    """Cheap test before the metadata patterns: bylines start with a known word, date
    lines hold a digit."""
    return text.split(" ", 1)[0].lower() in _byline_first_words() or _HAS_DIGIT(text) is not None


def _find_title(page: Page, window: list[int], knowledge: Knowledge) -> dict[int, str]:
    plain = functools.cache(lambda i: phrase_rule(page.text[i], knowledge) is None)
    candidates = [i for i in window if _headline_like(page, i) and plain(i)]
    for i in candidates:
        for k in candidates:
            rule = _title_copy_rule(page.text[k], page.text[i]) if k != i else None
            if rule:
                return {i: "header:title", k: rule}
    for i in reversed(candidates):
        # units between the headline and the text, not counting share bars or credits
        between = sum(1 for k in window if k > i and plain(k))
        if between < TITLE_SEARCH_DISTANCE:
            return {i: "header:title"}
    return {}


def _headline_like(page: Page, i: int) -> bool:
    """Could be a headline: not prose, not link-like, not a cut-off teaser, not a line the
    site repeats elsewhere (repeated on its own page is fine), and shaped like a title."""
    text = page.text[i]
    return (  # cheapest tests first
        page.cls[i] != "good"
        and page.chars[i] <= METADATA_MAX
        and not (page.link[i] or page.trunc[i] or page.known[i])
        and not text.endswith((".", ",", ";", ":"))
        and _starts_like_a_name(text)
        and MIN_TITLE_WORDS <= text.count(" ") + 1 <= MAX_TITLE_WORDS
    )


def _starts_like_a_name(text: str) -> bool:
    """First letter or digit is a capital or a digit, after any opening quote or mark
    ("“Total Peace” Plan", "¿Qué pasa?")."""
    first = text.lstrip("\"'“‘«¿¡([ ")[:1]
    return first.isupper() or first.isdigit()


def _title_copy_rule(copy: str, title: str) -> str | None:
    """The rule by which ``copy`` repeats ``title``: exactly, glued after a breadcrumb
    ("HomeNewsBriefTitle"), or followed by a site name ("Title - Site"); else ``None``."""
    if copy == title:
        return "header:title_repeated"
    if copy.endswith(title) and copy[-len(title) - 1].isalpha():
        return "header:breadcrumb_glued_to_title"
    if copy.startswith(title) and copy[len(title):].lstrip()[:1] in ("-", "|", "–", "—", ":"):
        return "header:title_with_site_name"
    return None


def split_dateline_prefix(blocks: list[Block]) -> tuple[Block, ...]:
    """Split "OUTLET, Month D, YYYY: " off the first paragraph into a dateline block of its
    own, so the paragraph is the writer's text and the dateline feeds source and date."""
    first = next((i for i, b in enumerate(blocks) if b.kind.is_body), None)
    if first is None or blocks[first].kind is not BlockKind.PARAGRAPH:
        return tuple(blocks)
    paragraph = blocks[first]
    match = dateline_prefix_regex().match(paragraph.text)
    if not match:
        return tuple(blocks)
    dateline = replace(paragraph, text=match["prefix"], kind=BlockKind.DATELINE,
                       rule="metadata:dateline_prefix")
    rest = replace(paragraph, text=paragraph.text[match.end():])
    return (*blocks[:first], dateline, rest, *blocks[first + 1:])
