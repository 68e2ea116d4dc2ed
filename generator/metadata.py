"""Stage 3: ``CleanDoc`` → ``Article``: title, source, author and date, one cascade per field.

Each field is the first answer of a short list of strategies, in the order written in
``extract_metadata``: a user's override (``seeds/sources.yml``) always wins, then what an
HTML page declares about itself, then what the text shows (``generator/identity/``). A
strategy returns ``None`` when the page does not say; nothing is guessed. Only a missing
title is built, from the article's own first sentence, and marked ``title_derived``.
Every answer keeps the rule that chose it and the line it came from (``Article.origins``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from slugify import slugify

from generator.clean import phrase_rule
from generator.dates import (
    date_only,
    dateline_prefix_regex,
    numeric_order,
    parse_date,
)
from generator.identity.author import Byline, find_byline
from generator.identity.header import Header, Line, read_header
from generator.identity.lexicon import Lexicon, load_lexicon
from generator.identity.source import (
    organisation_in_footer,
    site_in_furniture,
    site_in_page_title,
)
from generator.identity.title import (
    MIN_BARE_PAGE_TITLE_WORDS,
    RIGHT_ABOVE_LINES,
    PageTitle,
    headline_above_text,
    headline_like,
    headline_repeating_page_title,
    page_title_line,
    split_page_title,
)
from generator.identity.when import publication_date
from generator.knowledge import Knowledge, load_knowledge
from generator.model import Article, Block, BlockKind, CleanDoc, DeclaredMeta, Origin, Override

T = TypeVar("T")

MAX_DERIVED_TITLE_CHARS = 75  # a derived title is the opening clause, cut to headline length
MIN_DERIVED_TITLE_CHARS = 25  # shorter clauses ("In 2018,") say nothing on their own
MAX_SLUG_CHARS = 60
ZONE_WITHOUT_HEADLINE = 14  # lines above the body searched for a byline and date when no
#                            headline line was found
# A line chosen as the title leaves the body when the cleaner kept it as a heading.
TITLE_LINE_KINDS = frozenset({BlockKind.TITLE, BlockKind.BOILERPLATE, BlockKind.HEADING,
                              BlockKind.PARAGRAPH})
NOT_THE_TITLE = "segment:outside_main_run"  # a headline-like line that is not the title
ZONE_ABOVE_HEADLINE = 1  # a date or kicker can stand just above the headline
ZONE_ABOVE_HEADLINE_FOR_NAMES = 3  # … and the writer's name, above a section label


@dataclass(frozen=True)
class Found(Generic[T]):
    """An answer of a strategy, with the rule that gave it and the line it was read from."""

    value: T
    rule: str
    line: Line | None = None

    def origin(self, field: str) -> Origin:
        line = self.line
        return Origin(field, self.rule, line and line.number, line and line.text)


def given(value: T | None, rule: str) -> Found[T] | None:
    return Found(value, rule) if value else None


def extract_metadata(
    clean: CleanDoc,
    *,
    override: Override | None = None,
    knowledge: Knowledge | None = None,
    site_source: str | None = None,
) -> Article:
    """Build the article record; ``slug`` comes from the title and is made unique later.
    ``site_source`` is the publisher named by the article's site profile, if any."""
    knowledge = knowledge or load_knowledge()
    lexicon = load_lexicon()
    override = override or Override()
    declared = clean.raw.declared or DeclaredMeta()
    header = read_header(clean, knowledge.stopwords)
    page = _page_title(header, lexicon, knowledge)
    headline = headline_above_text(header, lexicon, knowledge)
    title = first_of(given(override.title, "override"), given(declared.title, "declared"),
                     lambda: title_from_text(header, page, headline, lexicon, knowledge))
    zone = _zone(header, title, headline and headline[1])
    date = first_of(
        given(override.date, "override"),
        lambda: _found(publication_date(zone, lexicon, numeric_order(clean.raw.text))),
        lambda: date_from_dateline(clean),
        given(declared.date, "declared"),
    )
    date_lines = {date.line.index} if date and date.line and date.line.index >= 0 else set()
    byline = _found(find_byline(header, _zone(header, title, headline and headline[1],
                                              above=ZONE_ABOVE_HEADLINE_FOR_NAMES),
                                date_lines, lexicon))
    derived = title is None
    if derived:
        title = Found(derive_title(clean, knowledge) or clean.raw.stem,
                      "title:derived_from_first_sentence")
    source = first_of(
        given(override.source, "override"),
        byline and byline.value.outlets and Found(byline.value.outlets[0], "source:byline_outlet",
                                                  byline.line),
        lambda: source_from_dateline(clean, lexicon),
        given(declared.site_name, "declared"),
        given(site_source, "source:site_profile"),
        lambda: page and given(site_in_page_title(page.affixes, lexicon),
                               "source:page_title_affix"),
        lambda: _found(site_in_furniture(header, lexicon,
                                            byline.value.names if byline else ())),
        lambda: _found(organisation_in_footer(header, lexicon,
                                              lambda t: phrase_rule(t, knowledge))),
    )
    author = first_of(given(override.author, "override"), given(declared.author, "declared"),
                      byline and _author(byline))
    fields = {"title": title, "date": date, "author": author, "source": source}
    return Article(
        clean=_with_identity_lines(clean, title, _byline_lines(header, byline, lexicon),
                               byline.rule if byline else ""),
        slug=make_slug(title.value),
        title=title.value,
        title_derived=derived,
        source=source and source.value,
        author=author and author.value,
        date=date and date.value,
        url=first_of(override.url, declared.url),
        licence=override.licence,
        origins=tuple(f.origin(name) for name, f in fields.items() if f),
    )


def _with_identity_lines(clean: CleanDoc, title: Found[str], byline_lines: list[Line],
                     byline_rule: str) -> CleanDoc:
    """The scrape with only the chosen title line marked as the title, by the rule that chose
    it: the cleaner's own guesses above the body are page furniture when not chosen. A
    byline the cleaner kept as body (``byline_lines``) leaves it too."""
    number = title.line.number if title.line else None
    raw = clean.raw.text.split("\n")
    blocks: list[Block] = []
    for block in clean.blocks:
        if block.kind is BlockKind.TITLE:
            block = replace(block, kind=BlockKind.BOILERPLATE, rule=NOT_THE_TITLE)
        if number in block.lines and block.kind in TITLE_LINE_KINDS:
            blocks.extend(_split_at(block, number, BlockKind.TITLE, title.rule, raw))
        else:
            blocks.append(block)
    for line in byline_lines:
        blocks = [part for block in blocks for part in (
            _split_at(block, line.number, BlockKind.BYLINE, byline_rule, raw)
            if line.number in block.lines and block.kind.is_body else [block])]
    return replace(clean, blocks=tuple(blocks))


def _byline_lines(header: Header, byline: Found | None, lexicon: Lexicon) -> list[Line]:
    """The byline's line and a bare "By" above it, where the cleaner kept them as body."""
    if not byline or not byline.line or byline.line.index < 0:
        return []
    line = byline.line
    above = header.lines[line.index - 1] if line.index > 0 else None
    lines = [above] if above and lexicon.is_bare_lead(above.text) else []
    return [x for x in (*lines, line) if x.body]


def _split_at(block: Block, number: int, kind: BlockKind, rule: str,
              raw: list[str]) -> list[Block]:
    """``block`` with line ``number`` taken out of it as a ``kind`` block; the lines before
    and after keep the block's rule."""
    line = Block(raw[number - 1].strip(), number, number, kind, rule)
    if block.first_line == block.last_line:
        return [replace(line, text=block.text)]
    parts = []
    for first, last in ((block.first_line, number - 1), (number + 1, block.last_line)):
        lines = [raw[n - 1].strip() for n in range(first, last + 1) if raw[n - 1].strip()]
        if lines:
            parts.append(Block("\n".join(lines), first, last, block.kind, block.rule))
    before = [p for p in parts if p.first_line < number]
    return [*before, line, *(p for p in parts if p.first_line > number)]


def first_of(*answers: T | Callable[[], T | None] | None) -> T | None:
    """The first answer that is not empty; callables are only asked when reached."""
    for answer in answers:
        value = answer() if callable(answer) else answer
        if value:
            return value
    return None


def _found(answer: tuple | None) -> Found | None:
    """A strategy's ``(value, line, rule)`` as a ``Found``."""
    return Found(answer[0], answer[2], answer[1]) if answer else None


def _author(byline: Found[Byline]) -> Found[str] | None:
    author = byline.value.author
    return Found(author, byline.rule, byline.line) if author else None


def _page_title(header: Header, lexicon: Lexicon, knowledge: Knowledge) -> PageTitle | None:
    """The first line read as the page's <title>, if it reads as one ("Home" does not). A
    <title> the page repeats above the text may end in a full stop ("… They just might
    be.")."""
    line = header.page_title
    if line is None:
        return None
    page = split_page_title(line, lexicon)
    shaped = replace(line, text=page.headline)
    far = header.body_start - line.index > RIGHT_ABOVE_LINES
    if far and not page.affixes and len(page.headline.split()) < MIN_BARE_PAGE_TITLE_WORDS:
        return None  # "Fox News", "Home": a logo or a menu item, not a <title>
    repeated = page.headline.rstrip("\"'”’»)").endswith(".") \
        and headline_repeating_page_title(header, page) is not None  # asked only if needed
    return page if headline_like(shaped, header, lexicon, knowledge,
                                 sentence_ok=repeated) else None


def _zone(header: Header, title: Found[str] | None, headline: Line | None, *,
          above: int = ZONE_ABOVE_HEADLINE) -> list[Line]:
    """Where the byline and date stand: from just above the headline line to the body. The
    headline is the title's line, else the line that reads as one above the text."""
    line = title.line if title and title.line and title.line.index > 0 else headline
    if line is not None:
        return header.zone(line.index - above)
    return header.zone(header.body_start - ZONE_WITHOUT_HEADLINE)


def title_from_text(header: Header, page: PageTitle | None, headline: tuple[str, Line] | None,
                    lexicon: Lexicon, knowledge: Knowledge) -> Found[str] | None:
    """The <title>'s headline as the page repeats it, else the <title> line, else the
    ``headline`` found above the text."""
    if page:
        repeated = headline_repeating_page_title(header, page, headline and headline[1])
        if repeated:
            return Found(repeated[0], "title:headline_repeats_page_title", repeated[1])
        line = page_title_line(header, page, lexicon, knowledge)
        if line:
            return Found(line[0], "title:page_title_line", line[1])
    return Found(headline[0], "title:headline_above_text", headline[1]) if headline else None


# --- title ----------------------------------------------------------------------------------


def make_slug(title: str) -> str:
    """A page name from a title: ASCII letters, digits and hyphens only, so it is safe in a
    path and a URL whatever the title holds; "briefing" when nothing of it is left."""
    return slugify(title, max_length=MAX_SLUG_CHARS, word_boundary=True, save_order=True) \
        or "briefing"


def derive_title(clean: CleanDoc, knowledge: Knowledge) -> str | None:
    """The opening clause of the first paragraph, e.g. "The regional council agreed on Monday
    to expand the water programme…": words of the article, never of the page around it."""
    paragraph = next((b for b in clean.body if b.kind is BlockKind.PARAGRAPH), None)
    if paragraph is None:
        return None
    sentence = first_sentence(paragraph.text)
    if len(sentence) <= MAX_DERIVED_TITLE_CHARS:
        return sentence.rstrip(".")
    cuts = [m.start() for m in re.finditer(r",\s|\s\(|;\s|\s[–—]\s|:\s", sentence)]
    fitting = [c for c in cuts if MIN_DERIVED_TITLE_CHARS <= c <= MAX_DERIVED_TITLE_CHARS]
    if fitting:
        return sentence[: fitting[-1]] + "…"
    words = sentence[:MAX_DERIVED_TITLE_CHARS].split()[:-1]
    while len(words) > 1 and words[-1].lower() in knowledge.stopwords:
        words.pop()  # "…Narcotics and…" reads as a cut; "…Narcotics…" as a title
    return " ".join(words) + "…"


_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "st", "gen", "gov", "sen", "rep",
                            "col", "lt", "sgt", "no", "inc", "co", "ltd", "jr", "sr", "vs"})


def first_sentence(text: str) -> str:
    """Text up to the first full stop that ends a sentence ("U.S.", "Mr." and "W." do not)."""
    for match in re.finditer(r"[.!?](?=\s+[A-Z“\"])", text):
        word = text[: match.start()].rsplit(" ", 1)[-1]
        abbreviation = "." in word or word.lower() in _ABBREVIATIONS or len(word) == 1
        if not abbreviation:
            return text[: match.end()]
    return text


# --- dateline: "ValleyNews, October 3, 2024: …" -------------------------------------------


def source_from_dateline(clean: CleanDoc, lexicon: Lexicon) -> Found[str] | None:
    """ "ValleyNews, October 3, 2024:" names the outlet; "(Reuters)" names the agency; a
    place in capitals ("WASHINGTON, …") names neither."""
    found = _dateline_match(clean)
    if not found:
        return None
    match, block = found
    name = match["agency"] or match["name"]
    place = name.isupper() and " " not in name and match["agency"] is None
    if place or name.lower() in lexicon.published_labels | lexicon.updated_labels:
        return None  # "WASHINGTON, Oct. 3, 2024 —", "Published November 18, 2019 -"
    return Found(name, "source:dateline", _block_line(block))


def date_from_dateline(clean: CleanDoc) -> Found[dt.date] | None:
    """A date line the cleaner found in the header, or a dateline before the first paragraph."""
    for block in _datelines(clean):
        found = date_only(block.text)
        if found:
            return Found(found, "date:date_line", _block_line(block))
    match = _dateline_match(clean)
    date = match and parse_date(match[0]["date"])
    return Found(date, "date:dateline", _block_line(match[1])) if date else None


def _datelines(clean: CleanDoc) -> list:
    return [b for b in clean.blocks if b.kind is BlockKind.DATELINE]


def _dateline_match(clean: CleanDoc) -> tuple[re.Match[str], object] | None:
    for block in _datelines(clean):
        match = dateline_prefix_regex().match(block.text + " x")
        if match:
            return match, block
    return None


def _block_line(block) -> Line:
    return Line(-1, block.first_line, block.text, block.rule, False)
