"""The pipeline, top to bottom: read → clean → metadata → analyse → themes → links → render → write.

Every file is read and cleaned first; links are made once all articles are known; only then
is anything written, so every page sees a consistent whole (as Pelican and MkDocs do).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from generator.analyse import analyse
from generator.audit import render_audit
from generator.clean import clean
from generator.corpus import repeated_lines
from generator.entities import build_index
from generator.glossary import build_glossary
from generator.knowledge import load_knowledge, profile_for
from generator.links import link_briefings
from generator.metadata import extract_metadata
from generator.model import Article, Override, Page, Problem, RawDoc, Site
from generator.overrides import read_overrides
from generator.read import read_seeds
from generator.reference import render_reference_pages
from generator.render import render_site
from generator.themes import (
    DEFAULT_VOCABULARY,
    Vocabulary,
    assign_themes,
    load_vocabulary,
    related_themes,
)
from generator.write import WriteReport, write_pages


@dataclass(frozen=True)
class Settings:
    seeds_dir: Path
    docs_dir: Path
    themes_file: Path = DEFAULT_VOCABULARY


@dataclass(frozen=True)
class BuildResult:
    site: Site
    report: WriteReport

    @property
    def problems(self) -> list[Problem]:
        return [*self.site.problems, *self.report.problems]

    def summary(self) -> str:
        """ "5 briefings published, 1 file merged as a duplicate, 2 problems" """
        return self.site.summary() + (
            f" ({len(self.report.problems)} with docs/)" if self.report.problems else "")


def generate(settings: Settings) -> BuildResult:
    """Read ``seeds/``, build the site and write its Markdown under ``docs/``."""
    docs, problems = read_seeds(settings.seeds_dir)
    overrides, override_problems = read_overrides(settings.seeds_dir)
    site = build_site(docs, overrides, problems=[*problems, *override_problems],
                      vocabulary=load_vocabulary(settings.themes_file))
    report = write_pages(render_pages(site), settings.docs_dir)
    return BuildResult(site, report)


def build_site(
    docs: list[RawDoc],
    overrides: dict[str, Override],
    *,
    problems: list[Problem] = (),
    vocabulary: Vocabulary | None = None,
) -> Site:
    vocabulary = vocabulary or load_vocabulary()
    articles = [assign_themes(analyse(a), vocabulary) for a in clean_articles(docs, overrides)]
    published, empty = [], []
    for article in unique_slugs(articles):
        (published if article.body else empty).append(article)
    problems = [*problems, *(Problem(a.name, "no article text found: every line was judged "
                                     "boilerplate (menus, share lines, appeals); if it holds "
                                     "an article, save the page as .html instead")
                             for a in empty)]
    theme_names = {theme.slug: theme.name for theme in vocabulary.themes}
    linked = link_briefings(published, theme_names)
    return Site(
        articles=linked.published,
        themes=vocabulary.themes,
        related=linked.related,
        related_themes=related_themes(linked.published),
        glossary=build_glossary(linked.published),
        named=build_index(linked.published),
        duplicates=linked.duplicates,
        problems=tuple(problems),
    )


def clean_articles(docs: list[RawDoc], overrides: dict[str, Override]) -> list[Article]:
    """Clean every document and read its metadata, in file-name order; the lines a site
    repeats across its articles are found first, as evidence for the cleaner."""
    repeated = repeated_lines(docs)
    return [article_from(doc, override=overrides.get(doc.name), repeated=repeated[doc.name])
            for doc in sorted(docs, key=lambda d: d.name)]


def article_from(
    doc: RawDoc, *, override: Override | None = None, repeated: frozenset[str] = frozenset()
) -> Article:
    """Clean one document and read its metadata, with its site's profile if one matches."""
    override = override or Override()
    url = override.url or (doc.declared and doc.declared.url)
    profile = profile_for(doc.text, urlsplit(url).hostname if url else None)
    knowledge = profile.knowledge if profile else load_knowledge()
    return extract_metadata(clean(doc, knowledge=knowledge, repeated=repeated),
                            override=override, knowledge=knowledge,
                            site_source=profile and profile.source)


def render_pages(site: Site) -> list[Page]:
    return [*render_site(site), *render_reference_pages(site),
            render_audit(site, load_knowledge())]


def unique_slugs(articles: list[Article]) -> list[Article]:
    """Give repeated slugs a numbered suffix, in file-name order so it never changes. A suffix
    never takes a slug another title gives naturally ("A", "A", "A 2" → a, a-3, a-2)."""
    ordered = sorted(articles, key=lambda a: a.name)
    used = {article.slug for article in ordered}
    first_holder = {}
    for article in ordered:
        first_holder.setdefault(article.slug, article.name)
    unique = []
    for article in ordered:
        if first_holder[article.slug] == article.name:
            unique.append(article)
            continue
        number = 2
        while f"{article.slug}-{number}" in used:
            number += 1
        used.add(f"{article.slug}-{number}")
        unique.append(replace(article, slug=f"{article.slug}-{number}"))
    return unique
