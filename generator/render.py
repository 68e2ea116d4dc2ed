"""Stage 6: the whole ``Site`` → Markdown ``Page``s under ``docs/``.

Scraped text is data: every piece of it goes through ``escape_markdown`` (or YAML's own
serialiser for front matter), so no article can inject HTML, script or Markdown markup into
the site. Output depends only on the input records, and lists are sorted with explicit keys,
so the same seeds give byte-identical pages.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from generator.clean import LIST_MARKER_RE
from generator.markup import (
    BRIEFINGS_DIR,
    GLOSSARY_PAGE,
    HANDOUTS_DIR,
    HANDOUTS_PAGE,
    NAMES_PAGE,
    SOURCES_PAGE,
    THEMES_DIR,
    TIMELINE_PAGE,
    escape_markdown,
    front_matter,
    is_safe_url,
    name_anchor,
    template_safe,
)
from generator.model import (
    Article,
    Block,
    BlockKind,
    EntityKind,
    IndexEntry,
    Link,
    Page,
    Site,
    Theme,
)

NEWEST_ON_HOME = 5
DESCRIPTION_CHARS = 160
# A theme page shows each briefing's first figures, so that one long report cannot fill it.
FIGURES_PER_BRIEFING_ON_THEME = 2
MAX_FIGURES_ON_THEME = 12

# "Forensics – Improving the quality…": a short title-case lead-in, a dash, then the sentence.
_RUN_IN_HEADING = re.compile(r"(?P<lead>[A-Z][\w’'(),&/ -]{2,70}?)\s[–—]\s(?=[A-Z“\"])")
_MINOR_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to"})


def render_site(site: Site) -> list[Page]:
    """Every generated page of the site, in a fixed order."""
    by_slug = {a.slug: a for a in site.articles}
    themes = {t.slug: t for t in site.themes}
    members = theme_members(site)
    pages = [render_home(site, members), render_theme_index(site, members)]
    pages += [render_theme(t, members[t.slug], site) for t in site.themes if members[t.slug]]
    named: dict[str, list[IndexEntry]] = defaultdict(list)
    for entry in site.named:
        for slug in entry.slugs:
            named[slug].append(entry)
    for article in sorted(site.articles, key=lambda a: a.slug):
        related = [(by_slug[link.slug], link) for link in site.related.get(article.slug, ())]
        pages.append(render_briefing(article, themes, related, named[article.slug]))
    return pages


def theme_members(site: Site) -> dict[str, list[Article]]:
    """Theme slug → its briefings, newest first, undated last, then by title."""
    members: dict[str, list[Article]] = defaultdict(list)
    for article in site.articles:
        for slug in article.themes:
            members[slug].append(article)
    return {t.slug: newest_first(members[t.slug]) for t in site.themes}


def newest_first(articles: Iterable[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.date is None, -(a.date or dt.date.min).toordinal(),
                                           a.title.casefold(), a.slug))


# --- briefing pages -------------------------------------------------------------------------


def render_briefing(
    article: Article,
    themes: dict[str, Theme],
    related: list[tuple[Article, Link]],
    named: Sequence[IndexEntry] = (),
) -> Page:
    """Title, facts, summary, themes, the clean body, key figures, names, related briefings
    and an attribution footer: what a reader needs to brief someone from one article."""
    parts = [
        front_matter(_briefing_fields(article, themes)),
        f"# {escape_markdown(article.title)}\n",
        _facts_line(article) + "\n{ .briefing-facts }\n",
    ]
    if article.title_derived:
        parts.append(
            '!!! note "Title derived from the text"\n'
            "    The scraped page had no title line; this title is the opening words of the "
            "article.\n"
        )
    if article.facts.summary:
        parts.append('!!! abstract "Summary"\n    '
                     + escape_markdown(" ".join(article.facts.summary)) + "\n")
    parts.append(_theme_line(article, themes) + "\n{ .briefing-themes }\n")
    parts += [render_block(block) for block in article.body]
    parts += _key_figures_section(article)
    parts += _names_section(named)
    parts += _related_section(related)
    parts.append(_attribution(article))
    return Page(f"{BRIEFINGS_DIR}/{article.slug}.md", "\n".join(parts))


def _theme_line(article: Article, themes: dict[str, Theme]) -> str:
    """ "Primary theme: X · also: Y, Z", each linked to its theme page."""
    links = [f"[{themes[s].name}](../{THEMES_DIR}/{s}.md)" for s in article.themes]
    line = f"**Primary theme:** {links[0]}"
    return line + (f" · **Also:** {', '.join(links[1:])}" if links[1:] else "")


def _key_figures_section(article: Article) -> list[str]:
    if not article.facts.figures:
        return []
    return ["## Key figures\n\n" + "\n".join(
        f"- **{escape_markdown(f.figure)}**: {escape_markdown(f.sentence)}"
        for f in article.facts.figures
    ) + "\n"]


def _names_section(named: Sequence[IndexEntry]) -> list[str]:
    """Links to the people and organisations page for the names this briefing shares with it."""
    lines = [
        f"- **{kind.plural}:** " + ", ".join(
            f"[{escape_markdown(e.name)}](../{NAMES_PAGE}#{name_anchor(e)})"
            for e in named if e.kind is kind)
        for kind in EntityKind if any(e.kind is kind for e in named)
    ]
    return ["## Named in this briefing\n\n" + "\n".join(lines) + "\n"] if lines else []


def _related_section(related: list[tuple[Article, Link]]) -> list[str]:
    if not related:
        return []
    items = []
    for other, link in related:
        connection = ", ".join(escape_markdown(s) for s in link.shared)
        items.append(f"- [{escape_markdown(other.title)}]({other.slug}.md){_listing_facts(other)}"
                     + (f"  \n  *In common:* {connection}" if connection else ""))
    return ["## Related briefings\n\n" + "\n".join(items) + "\n"]


def _attribution(article: Article) -> str:
    source = escape_markdown(article.source) if article.source else "an unnamed source"
    text = f"This briefing is the text of an article published by {source}"
    if article.url and is_safe_url(article.url):
        text += f" at <{article.url}>"
    text += ", cleaned for reading; the words and the rights in them are the publisher's."
    if article.licence:
        text += f" Licence: {escape_markdown(article.licence)}."
    return f"---\n\n{text}\n{{ .briefing-attribution }}\n"


def _briefing_fields(article: Article, themes: dict[str, Theme]) -> dict:
    fields: dict = {
        "title": template_safe(article.title),
        "description": template_safe(_description(article)),
        "tags": [themes[s].name for s in article.themes],
    }
    if article.date:
        fields["date"] = article.date.isoformat()
    if article.source:
        fields["source"] = article.source
    if article.author:
        fields["author"] = article.author
    fields["seed"] = article.name
    return fields


def _description(article: Article) -> str:
    text = " ".join(article.facts.summary) or next(
        (b.text for b in article.body if b.kind is BlockKind.PARAGRAPH), "")
    if len(text) <= DESCRIPTION_CHARS:
        return text
    return text[:DESCRIPTION_CHARS].rsplit(" ", 1)[0] + "…"


def _facts_line(article: Article) -> str:
    facts = [
        f"**Source:** {escape_markdown(article.source or 'not stated')}",
        f"**Author:** {escape_markdown(article.author or 'not stated')}",
        f"**Published:** {article.date.isoformat() if article.date else 'date not stated'}",
    ]
    if article.licence:
        facts.append(f"**Licence:** {escape_markdown(article.licence)}")
    if article.url and is_safe_url(article.url):
        facts.append(f"[Original article](<{article.url}>)")
    return " · ".join(facts)


def render_block(block: Block) -> str:
    """One body block as Markdown; run-in headings become bold lead-ins."""
    if block.kind is BlockKind.HEADING:
        return f"## {escape_markdown(block.text)}\n"
    if block.kind is BlockKind.LIST_ITEM:  # the scrape's own marker, if it kept one, goes
        marker = LIST_MARKER_RE.match(block.text)
        item = escape_markdown(block.text[marker.end():] if marker else block.text)
        return f"{marker['number']}. {item}\n" if marker and marker["number"] else f"- {item}\n"
    lead = run_in_heading(block.text)
    if lead:
        return f"**{escape_markdown(lead)}** {escape_markdown(block.text[len(lead) + 1:])}\n"
    return escape_markdown(block.text) + "\n"


def run_in_heading(text: str) -> str | None:
    """The lead-in of a paragraph like "Forensics – Improving the quality…", if it has one:
    a few words, each capitalised except minor ones, before a spaced dash."""
    match = _RUN_IN_HEADING.match(text)
    if not match:
        return None
    words = match["lead"].split()
    capitalised = all(w[0].isupper() or w[0] in "(&" or w.lower() in _MINOR_WORDS for w in words)
    return match["lead"] if len(words) <= 8 and capitalised else None


def _listing_facts(article: Article) -> str:
    facts = [escape_markdown(article.source)] if article.source else []
    facts.append(article.date.isoformat() if article.date else "undated")
    return " — " + ", ".join(facts)


# --- theme and home pages -------------------------------------------------------------------


def render_theme(theme: Theme, members: list[Article], site: Site) -> Page:
    """Description, size and period, the briefings newest first with their summaries, the
    theme's key figures and the themes that share its briefings."""
    themes = {t.slug: t for t in site.themes}
    lines = [
        front_matter({"title": template_safe(theme.name),
                      "description": template_safe(theme.description)}),
        f"# {escape_markdown(theme.name)}\n",
        f"{escape_markdown(theme.description)}\n",
        _coverage(members) + "\n",
        f"[Handout of this theme](../{HANDOUTS_DIR}/{theme.slug}.html): "
        "one file with every briefing below, to print, e-mail or open with no network.\n"
        "{ .briefing-handout }\n",
        "## Briefings\n",
        *(_theme_entry(article) for article in members),
    ]
    figures = [(f, a) for a in members for f in a.facts.figures[:FIGURES_PER_BRIEFING_ON_THEME]]
    if figures:
        lines.append("## Key figures\n")
        lines += [f"- **{escape_markdown(f.figure)}**: {escape_markdown(f.sentence)} "
                  f"([{escape_markdown(a.title)}](../{BRIEFINGS_DIR}/{a.slug}.md))"
                  for f, a in figures[:MAX_FIGURES_ON_THEME]]
    related = [slug for slug in site.related_themes.get(theme.slug, ()) if slug in themes]
    if related:
        lines.append("\n## Related themes\n")
        lines += [f"- [{escape_markdown(themes[s].name)}]({s}.md): "
                  f"{_shared_count(members, s)} briefing(s) in common" for s in related]
    return Page(f"{THEMES_DIR}/{theme.slug}.md", "\n".join(lines) + "\n")


def _coverage(members: list[Article]) -> str:
    """ "3 briefings, published from 2021-03-09 to 2024-10-03 (1 undated). The events they
    report run from 1990 to 2024." """
    count = f"{len(members)} briefing{'s' if len(members) != 1 else ''}"
    dates = sorted(a.date for a in members if a.date)
    undated = len(members) - len(dates)
    if not dates:
        text = f"{count}; none states its publication date."
    else:
        period = (f"published on {dates[0].isoformat()}" if dates[0] == dates[-1]
                  else f"published from {dates[0].isoformat()} to {dates[-1].isoformat()}")
        text = f"{count}, {period}" + (f" ({undated} undated)." if undated else ".")
    years = sorted(e.year for a in members for e in a.facts.events)
    if years:
        text += (f" The events they report are from {years[0]}." if years[0] == years[-1]
                 else f" The events they report run from {years[0]} to {years[-1]}.")
    return text


def _theme_entry(article: Article) -> str:
    entry = (f"### [{escape_markdown(article.title)}](../{BRIEFINGS_DIR}/{article.slug}.md)\n\n"
             f"{_listing_facts(article).removeprefix(' — ')}\n{{ .briefing-facts }}\n")
    if article.facts.summary:
        entry += "\n" + escape_markdown(" ".join(article.facts.summary)) + "\n"
    return entry


def _shared_count(members: list[Article], other_theme: str) -> int:
    return sum(other_theme in a.themes for a in members)


def render_theme_index(site: Site, members: dict[str, list[Article]]) -> Page:
    rows = [
        f"- [{escape_markdown(t.name)}]({t.slug}.md) ({len(members[t.slug])}): "
        f"{escape_markdown(t.description)}"
        for t in site.themes if members[t.slug]
    ]
    lines = [
        front_matter({"title": "Themes", "description": "Briefings grouped by theme."}),
        "# Themes\n",
        "Every briefing belongs to at least one theme; the theme pages list them newest first.\n",
        *rows,
        "\n## All briefings by theme\n",
        "<!-- material/tags -->",
    ]
    return Page(f"{THEMES_DIR}/index.md", "\n".join(lines) + "\n")


# The collection-wide pages, as the home page and the navigation list them.
REFERENCE_PAGES = (
    (HANDOUTS_PAGE, "Handouts", "printable single-file handouts, by theme or of everything"),
    (TIMELINE_PAGE, "Timeline", "dated events the briefings report, oldest first"),
    (NAMES_PAGE, "People and organisations", "who and what the briefings name, and where"),
    (GLOSSARY_PAGE, "Glossary", "the acronyms used in the briefings, spelled out"),
    (SOURCES_PAGE, "Sources", "every publication, its briefings, links and licences"),
)


def render_home(site: Site, members: dict[str, list[Article]]) -> Page:
    count = len(site.articles)
    newest = [a for a in newest_first(site.articles) if a.date][:NEWEST_ON_HOME]
    lines = [
        front_matter({"title": "Briefings", "description": "Cleaned, themed briefings."}),
        "# Briefings\n",
        f"This collection holds **{count} briefing{'s' if count != 1 else ''}**: articles "
        "gathered from many sites, cleaned of menus, share buttons, appeals and teasers, with "
        "their title, source, author and date, grouped by theme and linked to related "
        "briefings. Search finds any word in them. "
        "[About these briefings](about.md) says where they come from and how they were made.\n",
        "## Themes\n",
        *(f"- [{escape_markdown(t.name)}]({THEMES_DIR}/{t.slug}.md): {len(members[t.slug])}"
          for t in site.themes if members[t.slug]),
        "\n## Across the collection\n",
        *(f"- [{title}]({path}): {what}" for path, title, what in REFERENCE_PAGES),
        "\n## Newest briefings\n",
        *(f"- {a.date.isoformat()}: [{escape_markdown(a.title)}]({BRIEFINGS_DIR}/{a.slug}.md)"
          + (f" ({escape_markdown(a.source)})" if a.source else "") for a in newest),
    ]
    if not newest:
        lines.append("No briefing states its date yet.")
    return Page("index.md", "\n".join(lines) + "\n")
