"""The collection-wide pages: timeline, people and organisations, glossary and sources.

Each lists facts the briefings state, sorted with explicit keys, and links every fact to the
briefing it comes from, so a reader can check it in context.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from generator.entities import MIN_BRIEFINGS, MIN_MENTIONS_IN_ONE
from generator.markup import (
    ALL_HANDOUT,
    BRIEFINGS_DIR,
    GLOSSARY_PAGE,
    HANDOUTS_DIR,
    HANDOUTS_PAGE,
    NAMES_PAGE,
    SOURCES_PAGE,
    TIMELINE_PAGE,
    anchor,
    escape_markdown,
    front_matter,
    is_safe_url,
    name_anchor,
)
from generator.model import Article, EntityKind, Event, GlossaryEntry, IndexEntry, Page, Site
from generator.render import newest_first, theme_members

NO_SOURCE = "Source not stated"
MAX_LISTED = 10  # briefings linked per name or acronym; the rest are counted


def render_reference_pages(site: Site) -> list[Page]:
    return [
        render_handouts_page(site),
        render_timeline(site.articles),
        render_names(site),
        render_glossary(site),
        render_sources(site.articles),
    ]


def _briefing_link(article: Article) -> str:
    return f"[{escape_markdown(article.title)}]({BRIEFINGS_DIR}/{article.slug}.md)"


def _briefing_links(slugs: Iterable[str], by_slug: dict[str, Article]) -> str:
    """Links to the briefings ``slugs``, newest first, the first ``MAX_LISTED`` of them."""
    articles = newest_first(by_slug[s] for s in slugs if s in by_slug)
    links = ", ".join(_briefing_link(a) for a in articles[:MAX_LISTED])
    more = len(articles) - MAX_LISTED
    return links + (f" and {more} more" if more > 0 else "")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


# --- handouts -------------------------------------------------------------------------------


def render_handouts_page(site: Site) -> Page:
    """The list of handouts; the files themselves are written into the built site."""
    members = theme_members(site)
    lines = [
        front_matter({"title": "Handouts",
                      "description": "Printable single-file handouts of the briefings."}),
        "# Handouts\n",
        "Each handout is one HTML file: every briefing of a theme (or of the whole "
        "collection) with its facts, summary and clean text, and a contents list on its "
        "cover. It needs no network and no other file, so it can be e-mailed, opened from "
        "disk and printed: each briefing starts on a new page, on A4 or US Letter.\n",
        f"- [All briefings]({HANDOUTS_DIR}/{ALL_HANDOUT}.html): "
        f"{_plural(len(site.articles), 'briefing')}",
        *(f"- [{escape_markdown(t.name)}]({HANDOUTS_DIR}/{t.slug}.html): "
          f"{_plural(len(members[t.slug]), 'briefing')}"
          for t in site.themes if members[t.slug]),
    ]
    return Page(HANDOUTS_PAGE, "\n".join(lines) + "\n")


# --- timeline -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    """One line of the timeline: an event an article reports, or its own publication."""

    event: Event
    article: Article
    published: bool  # the briefing's publication date, not an event it reports

    @property
    def sort_key(self) -> tuple:
        return (self.event.sort_key, not self.published, self.article.slug, self.event.sentence)


def render_timeline(articles: Iterable[Article]) -> Page:
    entries = sorted(_timeline_entries(articles), key=lambda e: e.sort_key)
    lines = [
        front_matter({"title": "Timeline",
                      "description": "Dated events reported in the briefings, oldest first."}),
        "# Timeline\n",
        "Events the briefings report, oldest first, each with the sentence that states it. "
        "A year alone means the article gives only the year. Entries marked *Published* are "
        "the briefings' own publication dates.\n",
    ]
    year = None
    for entry in entries:
        if entry.event.year != year:
            year = entry.event.year
            lines.append(f"\n## {year}\n")
        lines.append(_timeline_line(entry))
    if not entries:
        lines.append("No briefing states a date yet.")
    return Page(TIMELINE_PAGE, "\n".join(lines) + "\n")


def _timeline_entries(articles: Iterable[Article]) -> Iterable[_Entry]:
    for article in articles:
        yield from (_Entry(event, article, published=False) for event in article.facts.events)
        if article.date:
            day = article.date
            yield _Entry(Event(day.year, day.month, day.day, day.isoformat(), ""), article,
                         published=True)


def _timeline_line(entry: _Entry) -> str:
    if entry.published:
        source = f" ({escape_markdown(entry.article.source)})" if entry.article.source else ""
        return (f"- **{date_label(entry.event)}** · *Published:* "
                f"{_briefing_link(entry.article)}{source}")
    return (f"- **{escape_markdown(entry.event.when)}**: {escape_markdown(entry.event.sentence)} "
            f"— {_briefing_link(entry.article)}")


def date_label(event: Event) -> str:
    """ "2021", "March 2021" or "9 March 2021": only the parts that are known."""
    if event.month is None:
        return str(event.year)
    month = f"{calendar.month_name[event.month]} {event.year}"
    return f"{event.day} {month}" if event.day else month


# --- people and organisations --------------------------------------------------------------


def render_names(site: Site) -> Page:
    by_slug = {a.slug: a for a in site.articles}
    lines = [
        front_matter({"title": "People and organisations",
                      "description": "Who and what the briefings name, and where."}),
        "# People and organisations\n",
        f"The people and organisations named in at least {MIN_BRIEFINGS} briefings, or at least "
        f"{MIN_MENTIONS_IN_ONE} times in one, with the briefings that name them. Names are "
        "found in the text by their capitals and the words around them (titles such as "
        "*Ambassador*, words such as *Ministry* or *Bureau*); a short form (*Popp*) counts "
        "for the full name (*William W. Popp*).\n",
    ]
    for kind in EntityKind:
        entries = [e for e in site.named if e.kind is kind]
        lines.append(f"## {kind.plural}\n")
        lines += [_name_entry(e, by_slug) for e in entries]
        if not entries:
            lines.append(f"No {kind.value} is named often enough yet.\n")
    return Page(NAMES_PAGE, "\n".join(lines) + "\n")


def _name_entry(entry: IndexEntry, by_slug: dict[str, Article]) -> str:
    count = (f"Named {_plural(entry.mentions, 'time')} in "
             f"{_plural(len(entry.slugs), 'briefing')}: ")
    return (f"### {escape_markdown(entry.name)} {{ #{name_anchor(entry)} }}\n\n"
            f"{count}{_briefing_links(entry.slugs, by_slug)}.\n")


# --- glossary -------------------------------------------------------------------------------


def render_glossary(site: Site) -> Page:
    by_slug = {a.slug: a for a in site.articles}
    lines = [
        front_matter({"title": "Glossary",
                      "description": "The acronyms used in the briefings, spelled out."}),
        "# Glossary\n",
        "The acronyms used in the briefings, with the expansion the briefings themselves "
        "give. An expansion marked *standard* is not stated in any briefing: it comes from the "
        "generator's list of well-known acronyms. Hover over an acronym on any page to see "
        "its expansion.\n",
        *(_glossary_entry(entry, by_slug) for entry in site.glossary),
    ]
    if not site.glossary:
        lines.append("No acronym is used in the briefings yet.")
    return Page(GLOSSARY_PAGE, "\n".join(lines) + "\n")


def _glossary_entry(entry: GlossaryEntry, by_slug: dict[str, Article]) -> str:
    origin = ("*standard*" if entry.built_in
              else "as written in " + _briefing_links(entry.defined_in, by_slug))
    text = f"- **{escape_markdown(entry.short)}**: {escape_markdown(entry.expansion)} ({origin})."
    if entry.alternatives:
        text += " Also given as: " + "; ".join(escape_markdown(a) for a in entry.alternatives) + "."
    return text + f" Used in {_plural(len(entry.used_in), 'briefing')}."


# --- sources --------------------------------------------------------------------------------


def render_sources(articles: Iterable[Article]) -> Page:
    by_source: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_source[article.source or NO_SOURCE].append(article)
    lines = [
        front_matter({"title": "Sources",
                      "description": "Every publication the briefings come from."}),
        "# Sources\n",
        "Every publication these briefings come from, with links to the original articles "
        "where the scrape recorded them. The words of each article belong to its publisher.\n",
    ]
    for source in sorted(by_source, key=lambda s: (s == NO_SOURCE, s.casefold(), s)):
        lines += _source_section(source, by_source[source])
    return Page(SOURCES_PAGE, "\n".join(lines) + "\n")


def _source_section(source: str, articles: list[Article]) -> list[str]:
    lines = [f"## {escape_markdown(source)} {{ #{anchor(source)} }}\n",
             _plural(len(articles), "briefing") + ".\n"]
    licences = sorted({a.licence for a in articles if a.licence})
    lines += [f"Licence: {escape_markdown(licence)}\n" for licence in licences]
    if not licences:
        lines.append("No licence is stated; ask the publisher before republishing.\n")
    for article in newest_first(articles):
        date = article.date.isoformat() if article.date else "undated"
        original = (f" · [original](<{article.url}>)"
                    if article.url and is_safe_url(article.url) else "")
        lines.append(f"- {_briefing_link(article)} — {date}{original}")
    return [*lines, ""]
