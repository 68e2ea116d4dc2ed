"""Stage 6b: the ``Site`` → self-contained HTML handouts, one per theme and one for all.

A handout is read in a meeting, printed, or sent as an e-mail attachment, so it needs
nothing but itself: its style sheet is inlined (a short print-first sheet, not the site's
theme), it has no script and no image, links between the briefings it holds are in-file
anchors, links to original articles are absolute, and anything else is plain text.
Scraped text goes through the site's own Markdown escaping and Jinja2's autoescape, so it
stays text. The generation date is the only varying part, and ``generated_on`` pins it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jinja2
import markdown

from generator.cache import Cache, digest
from generator.glossary import abbreviation_definitions, abbreviations
from generator.knowledge import DATA_DIR
from generator.markup import ALL_HANDOUT, HANDOUTS_DIR, is_safe_url
from generator.model import Article, Site
from generator.render import newest_first, render_block, theme_members
from generator.workers import cached_map

TEMPLATE_DIR = DATA_DIR.parent / "templates"


@dataclass(frozen=True)
class Handout:
    """One handout file: its path in the built site, what it covers, and its HTML."""

    path: str  # "handouts/counternarcotics.html"
    title: str
    count: int
    html: str


def write_handouts(site: Site, generated_on: dt.date, folder: Path,
                   bodies: dict[str, str]) -> tuple[str, ...]:
    """Write the handouts under ``folder``, one at a time (the collection's can be tens of
    MB); their paths, relative to ``folder`` as in the built site."""
    paths = []
    for handout in iter_handouts(site, generated_on, bodies):
        path = folder / handout.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(handout.html, encoding="utf-8")
        paths.append(handout.path)
    return tuple(paths)


def render_handouts(site: Site, generated_on: dt.date) -> list[Handout]:
    """The handouts, in memory (for tests and small collections)."""
    return list(iter_handouts(site, generated_on, handout_bodies(site)))


def handout_bodies(site: Site, *, cache: Cache | None = None,
                   context: str = "") -> dict[str, str]:
    """Slug → the briefing's body as handout HTML. Rendering the Markdown is the slow part
    of a handout, so it runs on every core and is cached by its Markdown (text and
    tooltips) and ``context`` (the generator's code fingerprint)."""
    definitions = abbreviations(site.glossary)
    sources = [body_markdown(article, definitions) for article in site.articles]
    bodies = cached_map(body_html, sources, [digest("handout", context, s) for s in sources],
                        cache or Cache(), description="Handouts")
    return {article.slug: body for article, body in zip(site.articles, bodies, strict=True)}


def iter_handouts(site: Site, generated_on: dt.date,
                  bodies: dict[str, str]) -> Iterator[Handout]:
    """A handout for every theme that has briefings, then one for the whole collection.
    ``bodies`` are the briefings' bodies as HTML (``body_html``), by slug: a briefing is in
    several handouts (its themes and the collection's) but rendered once."""
    members = theme_members(site)
    themes = {t.slug: t.name for t in site.themes}
    briefings = {a.slug: _briefing(a, bodies[a.slug], themes) for a in site.articles}
    for theme in site.themes:
        if members[theme.slug]:
            yield _handout(theme.slug, theme.name, theme.description, members[theme.slug], site,
                           briefings, generated_on)
    yield _handout(ALL_HANDOUT, "All briefings", "Every briefing of the collection.",
                   newest_first(site.articles), site, briefings, generated_on)


def handout_path(slug: str) -> str:
    return f"{HANDOUTS_DIR}/{slug}.html"


def _handout(slug: str, title: str, description: str, articles: list[Article], site: Site,
             briefings: dict[str, dict], generated_on: dt.date) -> Handout:
    inside = {a.slug for a in articles}
    by_slug = {a.slug: a for a in site.articles}
    html = _template().render(
        title=title,
        description=description,
        generated_on=generated_on.isoformat(),
        style=_style(),
        briefings=[briefings[a.slug] for a in articles],
        related={a.slug: [(by_slug[link.slug], link.slug in inside)
                          for link in site.related.get(a.slug, ())] for a in articles},
    )
    return Handout(handout_path(slug), title, len(articles), html)


def _briefing(article: Article, body: str, themes: dict[str, str]) -> dict:
    """What the template shows of one briefing."""
    return {
        "article": article,
        "anchor": f"briefing-{article.slug}",
        "url": article.url if article.url and is_safe_url(article.url) else None,
        "themes": [themes[s] for s in article.themes if s in themes],
        "body": body,
    }


def body_markdown(article: Article, definitions: dict[str, str]) -> str:
    """The clean body through the site's own escaping Markdown, with the abbreviations it
    uses (``glossary.abbreviations``)."""
    text = "\n".join(render_block(block) for block in article.body)
    return text + "\n\n" + abbreviation_definitions(definitions, text)


def body_html(text: str) -> str:
    """``body_markdown`` as HTML: acronyms as ``<abbr>``, headings one level down (the
    briefing's title is the ``<h2>``)."""
    html = markdown.markdown(text, extensions=["abbr"])
    # Escaped scraped text cannot contain a literal "<h2": these are the body's own headings.
    return html.replace("<h2>", "<h3>").replace("</h2>", "</h3>")


@functools.cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return environment.get_template("handout.html")


@functools.cache
def _style() -> str:
    return (TEMPLATE_DIR / "handout.css").read_text(encoding="utf-8")
