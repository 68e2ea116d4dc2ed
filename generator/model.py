"""The frozen records passed between pipeline stages.

read → RawDoc → clean → CleanDoc → metadata → Article → themes/links → Page → write.
Every stage returns new records (``dataclasses.replace``); nothing is mutated in place.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field


class InputFormat(enum.Enum):
    TEXT = "text"
    HTML = "html"


class BlockKind(enum.Enum):
    """What the cleaner decided a block of the scrape is."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list-item"
    TITLE = "title"  # the article's own title line (shown as the page title, not in the body)
    BYLINE = "byline"  # "By Name/Outlet": feeds author and source
    DATELINE = "dateline"  # a publication date line or an "OUTLET, Month D, YYYY:" prefix
    BOILERPLATE = "boilerplate"

    @property
    def is_body(self) -> bool:
        return self in BODY_KINDS


BODY_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM})


@dataclass(frozen=True)
class RawDoc:
    """One input file as read from ``seeds/``: its name, its text and declared metadata."""

    name: str  # file name inside seeds/, e.g. "000_84addd0f2f4c2b0d.txt"
    text: str  # for HTML: the text of its blocks, one block per line, blank line between
    format: InputFormat = InputFormat.TEXT
    declared: DeclaredMeta | None = None  # what an HTML page's own metadata says

    @property
    def stem(self) -> str:
        return self.name.rsplit(".", 1)[0]


@dataclass(frozen=True)
class DeclaredMeta:
    """Metadata a page declares about itself (JSON-LD, OpenGraph, ``<meta>``), never guessed."""

    title: str | None = None
    site_name: str | None = None
    author: str | None = None
    date: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)  # slots: pages have hundreds of blocks
class Block:
    """A unit of the scrape (a paragraph, heading, menu item…) and the rule that classified it.

    ``first_line``/``last_line`` are 1-based line numbers in the input file, so a reader can
    find every decision in the original scrape.
    """

    text: str
    first_line: int
    last_line: int
    kind: BlockKind = BlockKind.PARAGRAPH
    rule: str = "unclassified"

    @property
    def lines(self) -> range:
        return range(self.first_line, self.last_line + 1)


@dataclass(frozen=True)
class CleanDoc:
    """The scrape split into classified blocks, in input order; nothing is dropped here."""

    raw: RawDoc
    blocks: tuple[Block, ...]

    @property
    def body(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind.is_body)

    @property
    def removed(self) -> tuple[Block, ...]:
        """Blocks kept out of the body: boilerplate and the metadata lines (title, byline…)."""
        return tuple(b for b in self.blocks if not b.kind.is_body)

    def first(self, kind: BlockKind) -> Block | None:
        return next((b for b in self.blocks if b.kind is kind), None)

    def removed_lines(self) -> list[Removal]:
        """Every input line kept out of the body, with the rule that kept it out.

        A block spanning several lines (a wrapped paragraph, or a run of lines removed by one
        rule) gives one entry per non-blank line, with that line's own text.
        """
        lines = self.raw.text.split("\n")
        return [
            Removal(n, block.text if block.first_line == block.last_line else lines[n - 1].strip(),
                    block.rule)
            for block in self.removed
            for n in block.lines
            if block.first_line == block.last_line or lines[n - 1].strip()
        ]


@dataclass(frozen=True)
class Removal:
    line: int
    text: str
    rule: str


@dataclass(frozen=True)
class Override:
    """A user's correction for one article, from ``seeds/sources.yml``; it wins over the text."""

    url: str | None = None
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    author: str | None = None
    licence: str | None = None


@dataclass(frozen=True)
class KeyFigure:
    """An amount, quantity or percentage an article states, with the sentence stating it."""

    figure: str  # as written: "$100 million", "223 percent", "1,400 metric tons"
    sentence: str


@dataclass(frozen=True)
class Event:
    """A dated statement in an article: "In 1990, Congress halted all military aid…"."""

    year: int
    month: int | None
    day: int | None
    when: str  # the date as written: "1990", "April 2003", "February 3, 2021"
    sentence: str

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)


@dataclass(frozen=True)
class Acronym:
    """An acronym an article defines: "Bureau of International … Affairs (INL)"."""

    short: str  # "INL"
    expansion: str  # "Bureau of International Narcotics and Law Enforcement Affairs"


class EntityKind(enum.Enum):
    PERSON = "person"
    ORGANISATION = "organisation"

    @property
    def plural(self) -> str:
        return {"person": "People", "organisation": "Organisations"}[self.value]


@dataclass(frozen=True)
class Entity:
    """A person or organisation an article names, under its fullest name in that article."""

    name: str  # "William W. Popp", "Ministry of Defense"
    kind: EntityKind
    mentions: int  # times named in the article, short forms ("Popp") included


@dataclass(frozen=True)
class Facts:
    """What the analysis stage reads out of a clean body; every item is the article's text."""

    summary: tuple[str, ...] = ()  # two or three of its sentences, in article order
    figures: tuple[KeyFigure, ...] = ()
    events: tuple[Event, ...] = ()
    acronyms: tuple[Acronym, ...] = ()
    entities: tuple[Entity, ...] = ()


@dataclass(frozen=True)
class ThemeScore:
    """How strongly an article matches a theme: keyword matches per thousand words."""

    slug: str
    score: float


@dataclass(frozen=True)
class Origin:
    """Where one of an article's identity fields came from: the rule that chose it and the
    input line it was read from (none for an override, a page's declaration or a profile)."""

    field: str  # "title", "date", "author" or "source"
    rule: str  # "title:headline_repeats_page_title", "override", "declared"…
    line: int | None = None
    text: str | None = None


@dataclass(frozen=True)
class Article:
    """A cleaned article with its metadata; the unit the site is made of."""

    clean: CleanDoc
    slug: str
    title: str
    title_derived: bool  # True when the scrape had no title line and it was built from the body
    source: str | None = None
    author: str | None = None
    date: dt.date | None = None
    url: str | None = None
    licence: str | None = None
    theme_scores: tuple[ThemeScore, ...] = ()  # best first; the first is the primary theme
    facts: Facts = Facts()
    origins: tuple[Origin, ...] = ()  # where title, date, author and source came from

    @property
    def name(self) -> str:
        return self.clean.raw.name

    @property
    def body(self) -> tuple[Block, ...]:
        return self.clean.body

    @property
    def themes(self) -> tuple[str, ...]:
        """Theme slugs, the primary theme first."""
        return tuple(t.slug for t in self.theme_scores)


@dataclass(frozen=True)
class Theme:
    """One entry of the theme vocabulary (``generator/data/themes.yml``)."""

    slug: str
    name: str
    description: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    """A related briefing, and what connects it to the one linking to it."""

    slug: str
    similarity: float  # cosine of the two briefings' TF-IDF vectors
    shared: tuple[str, ...] = ()  # theme names, then people, organisations and acronyms


@dataclass(frozen=True)
class Duplicate:
    """An input merged into another briefing because it is the same article."""

    name: str  # the merged file, in seeds/
    kept_name: str  # the file whose page stands for both
    kept_slug: str
    similarity: float  # 1.0 for the same text
    exact: bool

    def __str__(self) -> str:
        what = ("the same text as" if self.exact
                else f"nearly the same text ({self.similarity:.0%} similar) as")
        return (f"{self.name}: {what} {self.kept_name}, merged into its page; remove one of "
                "the two files if that is not what you want")


@dataclass(frozen=True)
class Page:
    """A file to write under ``docs/``: its path relative to ``docs/`` and its full text."""

    path: str
    text: str


@dataclass(frozen=True)
class Problem:
    """A data problem with one input file: shown in the build log and on the audit page."""

    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


@dataclass(frozen=True)
class GlossaryEntry:
    """One acronym of the collection, its expansion and where that expansion comes from."""

    short: str  # "INL"
    expansion: str  # one line of plain words, safe in a tooltip and in Markdown
    defined_in: tuple[str, ...]  # slugs of the briefings stating this expansion; () if built in
    used_in: tuple[str, ...]  # slugs of every briefing using the acronym as a word
    alternatives: tuple[str, ...] = ()  # other expansions stated in the collection, commonest first

    @property
    def built_in(self) -> bool:
        """True when no briefing defines the acronym and the expansion is the built-in list's."""
        return not self.defined_in


@dataclass(frozen=True)
class IndexEntry:
    """A person or organisation on the index page: who, and which briefings name them."""

    name: str
    kind: EntityKind
    slugs: tuple[str, ...]  # sorted
    mentions: int  # across all those briefings


@dataclass(frozen=True)
class Site:
    """Everything the renderer needs: the articles, their themes, links and shared indexes."""

    articles: tuple[Article, ...]
    themes: tuple[Theme, ...]
    related: dict[str, tuple[Link, ...]] = field(default_factory=dict)  # slug → its links
    related_themes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # most shared first
    glossary: tuple[GlossaryEntry, ...] = ()
    named: tuple[IndexEntry, ...] = ()  # people and organisations named across briefings
    duplicates: tuple[Duplicate, ...] = ()  # inputs merged into another briefing
    problems: tuple[Problem, ...] = ()  # inputs not published, with the reason

    def summary(self) -> str:
        """What became of the inputs: "5 briefings published, 1 file merged as duplicates,
        2 problems"."""
        published, merged, problems = len(self.articles), len(self.duplicates), len(self.problems)
        return (f"{published} briefing{'s' if published != 1 else ''} published, "
                f"{merged} file{'s' if merged != 1 else ''} merged as duplicates, "
                f"{problems} problem{'s' if problems != 1 else ''}")
