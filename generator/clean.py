"""Stage 2: ``RawDoc`` → ``CleanDoc``: which blocks of a scrape are the article.

The algorithm, in the order ``clean()`` runs it (jusText's shape, plus what news pages need):

1. split the scrape into blocks, re-joining hard-wrapped paragraphs;
2. judge each block alone: boilerplate phrases from ``data/boilerplate.yml``, date-only lines,
   truncated teasers, then length and stop-word density (prose is dense in stop words);
3. revise short and uncertain blocks from their neighbours;
4. find the header: the title (repeated, or glued to a breadcrumb), byline and date lines;
5. drop teaser sections: everything after a "Related Content"-style heading that follows text;
6. keep the densest run of text (the maximum-scoring segment) and drop what lies outside it;
7. inside it, tell headings, list items and short paragraphs from stray fragments.

Every block keeps the name of the rule that decided it, for the audit page.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, replace

from generator.dates import DATELINE_PREFIX_RE, is_date_only
from generator.knowledge import Knowledge, load_knowledge
from generator.model import Block, BlockKind, CleanDoc, RawDoc

# Lengths in characters, stop-word densities as shares of words (jusText's defaults).
LENGTH_LOW = 70  # shorter blocks are decided by their neighbours
LENGTH_HIGH = 200  # longer blocks dense in stop words are prose on their own
STOPWORDS_LOW = 0.30  # below this a long block is a list of names, tags or links
STOPWORDS_HIGH = 0.32
MAX_HEADING_WORDS = 14  # a heading is a short phrase, not a sentence
MAX_TITLE_WORDS = 30
MIN_TITLE_WORDS = 2
TITLE_SEARCH_DISTANCE = 4  # blocks between a headline and the byline or text it introduces
DATE_WINDOW = 4  # a date line stands this close to the byline or the article's first paragraph
# Hard-wrapped prose: a run of lines at least this wide whose full lines reach the same width.
WRAP_MIN_WIDTH = 50
WRAP_FULL_SHARE = 0.75
# Densest-run scoring: prose adds its length; a rejected block costs its length, within bounds,
# so a long menu outweighs a heading but one stray label cannot split an article in two.
BAD_COST_MIN = 20
BAD_COST_MAX = 150
SENTENCE_END = (".", "!", "?", "…", "”", '"', "’", "'", ")", ":")
_LIST_MARKER = re.compile(r"(?:[-•*·▪–]|\d{1,2}[.)])\s+\S")
_WORD = re.compile(r"[\w’'-]+")


class Quality(enum.Enum):
    """How a block looks before structure is known (jusText's classes)."""

    GOOD = "good"
    NEAR_GOOD = "near-good"
    SHORT = "short"
    BAD = "bad"


@dataclass(frozen=True)
class Judged:
    """A block with its provisional quality; ``alone`` is the quality before context."""

    block: Block
    quality: Quality
    alone: Quality
    ends_article: bool = False

    @property
    def text(self) -> str:
        return self.block.text

    def decide(self, kind: BlockKind, rule: str) -> Judged:
        return replace(self, block=replace(self.block, kind=kind, rule=rule))

    @property
    def decided(self) -> bool:
        return self.block.rule != "unclassified"


def clean(
    doc: RawDoc, *, knowledge: Knowledge | None = None, repeated: frozenset[str] = frozenset()
) -> CleanDoc:
    """Classify every block of ``doc``; the body is what is left as paragraphs and headings.

    ``repeated`` holds the lines this article shares with others of its site (``corpus.py``).
    """
    knowledge = knowledge or load_knowledge()
    judged = [judge_alone(block, knowledge, repeated) for block in split_blocks(doc.text)]
    judged = revise_from_context(judged)
    judged = mark_header(judged)
    judged = drop_teaser_sections(judged)
    judged = keep_densest_run(judged)
    judged = settle_structure(judged)
    return CleanDoc(raw=doc, blocks=split_dateline_prefix([j.block for j in judged]))


# --- 1. blocks ------------------------------------------------------------------------------


def split_blocks(text: str) -> list[Block]:
    """Blocks are runs of non-blank lines; each line is a block unless the run is wrapped prose.

    Scrapes separate paragraphs by blank lines, by single newlines, or hard-wrap them: a run
    whose lines are all wide and whose full lines reach one width is joined line by line.
    """
    blocks: list[Block] = []
    run: list[tuple[int, str]] = []
    for number, line in enumerate([*text.split("\n"), ""], start=1):
        if line.strip():
            run.append((number, line.strip()))
        elif run:
            blocks.extend(_blocks_of_run(run))
            run = []
    return blocks


def _blocks_of_run(run: list[tuple[int, str]]) -> list[Block]:
    width = max(len(line) for _, line in run)
    wrapped = len(run) > 1 and width >= WRAP_MIN_WIDTH and width <= 100
    blocks: list[Block] = []
    for number, line in run:
        previous = blocks[-1] if blocks else None
        if wrapped and previous and _continues(previous.text, line, width):
            blocks[-1] = replace(previous, text=f"{previous.text} {line}", last_line=number)
        else:
            blocks.append(Block(line, number, number))
    return blocks


def _continues(previous_line: str, line: str, width: int) -> bool:
    """A wrapped line: the one before it was full, or it goes on mid-sentence."""
    full = len(previous_line.rsplit(" ", 1)[-1]) + len(previous_line) >= WRAP_FULL_SHARE * width
    return not _LIST_MARKER.match(line) and (full or line[0].islower())


# --- 2. each block alone -------------------------------------------------------------------


def judge_alone(
    block: Block, knowledge: Knowledge, repeated: frozenset[str] = frozenset()
) -> Judged:
    """Quality of a block from its own text; a matched phrase rule decides it at once."""
    text = block.text
    rule = knowledge.rule_for(text)
    if rule:
        return _rejected(block, rule.name, ends_article=rule.ends_article)
    if text in repeated:
        return _rejected(block, "repeated-on-site")
    if is_date_only(text):
        return _rejected(block, "date-only")
    if text.endswith(("…", "...")) and not text.startswith(("“", '"')):
        return _rejected(block, "truncated-teaser")
    if len(text) < LENGTH_LOW:
        return Judged(block, Quality.SHORT, Quality.SHORT)
    quality = _prose_quality(text, knowledge.stopwords)
    return Judged(block, quality, quality)


def _rejected(block: Block, rule: str, *, ends_article: bool = False) -> Judged:
    block = replace(block, kind=BlockKind.BOILERPLATE, rule=rule)
    return Judged(block, Quality.BAD, Quality.BAD, ends_article=ends_article)


def _prose_quality(text: str, stopwords: frozenset[str]) -> Quality:
    words = _WORD.findall(text.lower())
    density = sum(word in stopwords for word in words) / max(len(words), 1)
    if density >= STOPWORDS_HIGH:
        return Quality.GOOD if len(text) > LENGTH_HIGH else Quality.NEAR_GOOD
    return Quality.NEAR_GOOD if density >= STOPWORDS_LOW else Quality.BAD


# --- 3. context -----------------------------------------------------------------------------


def revise_from_context(judged: list[Judged]) -> list[Judged]:
    """jusText's context pass: short blocks take their neighbours' side, near-good ones join
    the text unless bad blocks surround them. The page edge counts as bad for short blocks
    (menus sit there) but not for near-good text, so a page of one paragraph keeps it."""
    before, after = _nearest_decided([j.quality for j in judged])
    revised = [
        replace(j, quality=Quality.GOOD if (before[i], after[i]) == (Quality.GOOD, Quality.GOOD)
                else Quality.BAD) if j.quality is Quality.SHORT else j
        for i, j in enumerate(judged)
    ]
    if not any(j.quality is Quality.GOOD for j in revised):
        # No block is prose on its own: the page is a brief, and its near-good blocks are it.
        return [replace(j, quality=Quality.GOOD) if j.quality is Quality.NEAR_GOOD else j
                for j in revised]
    before, after = _nearest_decided([j.quality for j in revised])
    return [
        replace(j, quality=Quality.BAD if Quality.BAD in (before[i], after[i])
                and Quality.GOOD not in (before[i], after[i]) else Quality.GOOD)
        if j.quality is Quality.NEAR_GOOD else j
        for i, j in enumerate(revised)
    ]


def _nearest_decided(qualities: list[Quality]) -> tuple[list[Quality | None], list[Quality | None]]:
    """For each block, the nearest good-or-bad quality before it and after it (``None`` at
    the page edge), in two linear passes."""
    decided = (Quality.GOOD, Quality.BAD)
    before: list[Quality | None] = []
    last = None
    for quality in qualities:
        before.append(last)
        last = quality if quality in decided else last
    after: list[Quality | None] = []
    last = None
    for quality in reversed(qualities):
        after.append(last)
        last = quality if quality in decided else last
    return before, after[::-1]


# --- 4. header ------------------------------------------------------------------------------

_BYLINE = re.compile(r"(?:by|written by|words by|text by)\s+[A-Z\u00C0-\u024F]", re.IGNORECASE)


def mark_header(judged: list[Judged]) -> list[Judged]:
    """Mark the title, byline and date lines that stand before the article's first paragraph."""
    first_text = next((i for i, j in enumerate(judged) if j.quality is Quality.GOOD
                       and j.alone is not Quality.SHORT), len(judged))
    header = list(judged)
    bylines = [i for i in range(first_text)
               if judged[i].alone is Quality.SHORT and _BYLINE.match(judged[i].text)]
    for i in bylines[-1:]:
        header[i] = judged[i].decide(BlockKind.BYLINE, "byline")
    # The date line nearest the article's start: a date at the top of the page, far from
    # the byline and the text, is the site's "today" banner or a teaser, not this article's.
    near = {*range(first_text - DATE_WINDOW, first_text),
            *(k for i in bylines[-1:] for k in range(i - DATE_WINDOW, i + DATE_WINDOW + 1))}
    dates = [i for i in range(first_text)
             if i in near and judged[i].block.rule == "date-only"]
    for i in dates[-1:]:
        header[i] = judged[i].decide(BlockKind.DATELINE, "date-line")
    return _mark_title(header, first_text)


def _mark_title(judged: list[Judged], first_text: int) -> list[Judged]:
    """The title is a headline repeated in the header (once perhaps glued to a breadcrumb or a
    site name), else the headline right above the byline, date or first paragraph."""
    candidates = [i for i in range(first_text) if _headline_like(judged[i])]
    for i in candidates:
        for k in candidates:
            rule = _title_copy_rule(judged[k].text, judged[i].text) if k != i else None
            if rule:
                return _with_title(judged, title=i, copies={k: rule})
    for i in reversed(candidates):
        if _introduces_text(judged, i, first_text):
            return _with_title(judged, title=i, copies={})
    return judged


def _headline_like(item: Judged) -> bool:
    words = item.text.split()
    return (
        not item.decided
        and MIN_TITLE_WORDS <= len(words) <= MAX_TITLE_WORDS
        and not item.text.endswith((".", ",", ";", ":"))
        and _starts_like_a_name(item.text)
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
        return "title-repeated"
    if copy.endswith(title) and copy[-len(title) - 1].isalpha():
        return "breadcrumb-glued-to-title"
    if copy.startswith(title) and copy[len(title):].lstrip()[:1] in ("-", "|", "–", "—", ":"):
        return "title-with-site-name"
    return None


def _introduces_text(judged: list[Judged], index: int, first_text: int) -> bool:
    """The block stands just above a byline, a date line or the first paragraph: at most
    ``TITLE_SEARCH_DISTANCE`` blocks away, not counting share bars and photo credits."""
    between = [j for j in judged[index + 1:first_text] if not j.decided or j.block.kind.is_metadata]
    return len(between) < TITLE_SEARCH_DISTANCE


def _with_title(judged: list[Judged], *, title: int, copies: dict[int, str]) -> list[Judged]:
    marked = list(judged)
    marked[title] = judged[title].decide(BlockKind.TITLE, "title")
    for k, rule in copies.items():
        marked[k] = judged[k].decide(BlockKind.BOILERPLATE, rule)
    return marked


# --- 5. teaser sections ---------------------------------------------------------------------


def drop_teaser_sections(judged: list[Judged]) -> list[Judged]:
    """After a "Related Content"-style heading that follows the article's text, the rest of
    the page is teasers and promotion: drop it under that heading's rule."""
    seen_text = False
    for i, item in enumerate(judged):
        if item.ends_article and seen_text:
            rule = item.block.rule
            return judged[:i] + [j.decide(BlockKind.BOILERPLATE, rule) for j in judged[i:]]
        seen_text = seen_text or (item.quality is Quality.GOOD and item.alone is not Quality.SHORT)
    return judged


# --- 6. densest run -------------------------------------------------------------------------


def keep_densest_run(judged: list[Judged]) -> list[Judged]:
    """Keep the maximum-scoring contiguous run of blocks (Body Text Extraction's idea): the
    article is where text is dense; menus, teasers and footers lie outside it."""
    start, end = _best_segment([_score(j) for j in judged])
    return [
        j if start <= i < end or j.block.kind.is_metadata or j.decided
        else j.decide(BlockKind.BOILERPLATE, "outside-main-text")
        for i, j in enumerate(judged)
    ]


def _score(item: Judged) -> int:
    if item.block.kind.is_metadata:
        return 0
    if item.quality is Quality.GOOD:
        return len(item.text)
    return -min(max(len(item.text), BAD_COST_MIN), BAD_COST_MAX)


def _best_segment(scores: list[int]) -> tuple[int, int]:
    """Kadane's maximum-sum subarray, as a half-open ``(start, end)``; ``(0, 0)`` if none."""
    best, best_span = 0, (0, 0)
    total, start = 0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0, i
        total += score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


# --- 7. structure ---------------------------------------------------------------------------


def settle_structure(judged: list[Judged]) -> list[Judged]:
    """Name every undecided block inside the text: paragraph, heading, list item or fragment."""
    settled = list(judged)
    for i, item in enumerate(judged):
        if not item.decided:
            settled[i] = item.decide(*_structure_of(judged, i))
    return settled


def _structure_of(judged: list[Judged], index: int) -> tuple[BlockKind, str]:
    item = judged[index]
    text = item.text
    if _LIST_MARKER.match(text):
        return BlockKind.LIST_ITEM, "list-item"
    if item.alone is not Quality.SHORT:
        if item.quality is Quality.GOOD:
            rule = "prose" if item.alone is Quality.GOOD else "prose-in-context"
            return BlockKind.PARAGRAPH, rule
        rule = "few-stop-words" if item.alone is Quality.BAD else "isolated-text"
        return BlockKind.BOILERPLATE, rule
    if _heading_like(text) and _text_follows(judged, index):
        return BlockKind.HEADING, "heading-before-text"
    if item.quality is Quality.GOOD and text.endswith(SENTENCE_END):
        return BlockKind.PARAGRAPH, "short-sentence-in-text"
    return BlockKind.BOILERPLATE, "short-fragment"


def _heading_like(text: str) -> bool:
    return (
        len(text.split()) <= MAX_HEADING_WORDS
        and _starts_like_a_name(text)
        and not text.endswith((".", ",", ";", "…"))
    )


def _text_follows(judged: list[Judged], index: int) -> bool:
    following = next((j for j in judged[index + 1:] if not j.decided), None)
    return (following is not None and following.alone is not Quality.SHORT
            and following.quality is Quality.GOOD)


def split_dateline_prefix(blocks: list[Block]) -> tuple[Block, ...]:
    """Split "OUTLET, Month D, YYYY: " off the first paragraph into a dateline block of its own,
    so the paragraph is the writer's text and the dateline feeds source and date."""
    first = next((i for i, b in enumerate(blocks) if b.kind.is_body), None)
    if first is None or blocks[first].kind is not BlockKind.PARAGRAPH:
        return tuple(blocks)
    paragraph = blocks[first]
    match = DATELINE_PREFIX_RE.match(paragraph.text)
    if not match:
        return tuple(blocks)
    dateline = replace(paragraph, text=match["prefix"], kind=BlockKind.DATELINE,
                       rule="dateline-prefix")
    rest = replace(paragraph, text=paragraph.text[match.end():])
    return (*blocks[:first], dateline, rest, *blocks[first + 1:])
