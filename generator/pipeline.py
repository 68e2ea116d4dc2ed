"""The pipeline, top to bottom: read → clean → metadata → analyse → themes → links → render → write.

Every file is read and cleaned first; links are made once all articles are known; only then
is anything written, so every page sees a consistent whole (as Pelican and MkDocs do).

Builds are incremental: what a build makes is cached (``cache.py``) under a hash of all its
inputs, so an unchanged collection costs a hash of its files; each article's reading and
analysis is cached under the hash of what it depends on, so a one-article change analyses
one article (and any whose site evidence it changed). The per-article stages run on every
core for large collections (``workers.py``). Whatever the route, the output is the same.
"""

from __future__ import annotations

import datetime as dt
import functools
import shutil
import time
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from generator.analyse import analyse
from generator.audit import render_audit
from generator.cache import Cache, code_fingerprint, digest
from generator.clean import clean
from generator.corpus import repeated_lines
from generator.entities import build_index
from generator.glossary import abbreviation_definitions, abbreviations, build_glossary
from generator.handouts import handout_bodies, write_handouts
from generator.knowledge import load_knowledge, profile_for
from generator.links import link_briefings
from generator.metadata import extract_metadata
from generator.model import (
    Article,
    Duplicate,
    GlossaryEntry,
    Override,
    Page,
    Problem,
    RawDoc,
    Site,
)
from generator.overrides import OVERRIDES_FILE, read_overrides
from generator.read import article_files, decode_file, load_file
from generator.reference import render_reference_pages
from generator.render import render_site
from generator.themes import (
    DEFAULT_VOCABULARY,
    Vocabulary,
    assign_themes,
    load_vocabulary,
    related_themes,
)
from generator.workers import cached_map
from generator.write import WriteReport, page_digest, pages_in_place, write_pages

HANDOUT_FOLDER_CHARS = 16  # of the build's key: enough that two builds never share one


@dataclass(frozen=True)
class Settings:
    seeds_dir: Path
    docs_dir: Path
    themes_file: Path = DEFAULT_VOCABULARY
    cache_file: Path | None = None  # None: nothing is kept between builds
    handouts_dir: Path | None = None  # where handouts are written; None: no handouts
    handouts_on: dt.date = dt.date(1970, 1, 1)  # the date they carry


@dataclass(frozen=True)
class BuildOutput:
    """What a build made besides its pages and handouts: small, so a rebuild with nothing
    changed loads it and checks ``docs/`` against ``page_digests`` instead of loading pages."""

    page_digests: dict[str, str]  # page path → digest of its text
    handouts: tuple[str, ...]  # their paths in the built site (and in their folder)
    glossary: tuple[GlossaryEntry, ...]
    duplicates: tuple[Duplicate, ...]
    problems: tuple[Problem, ...]
    summary: str


@dataclass(frozen=True)
class BuildResult:
    output: BuildOutput
    handouts: dict[str, Path]  # path in the built site → the file written for it
    report: WriteReport
    seconds: float
    reused: bool  # nothing had changed since the cached build: its output was reused

    @property
    def problems(self) -> list[Problem]:
        return [*self.output.problems, *self.report.problems]

    def summary(self) -> str:
        """ "5 briefings published, 1 file merged as a duplicate, 2 problems" """
        return self.output.summary + (
            f" ({len(self.report.problems)} with docs/)" if self.report.problems else "")


def generate(settings: Settings) -> BuildResult:
    """Read ``seeds/``, build the site, write its Markdown under ``docs/`` and its handouts
    under ``settings.handouts_dir``.

    The whole build is cached as two entries, its ``BuildOutput`` and its pages. With nothing
    changed, the pages are not even loaded when ``docs/`` holds them, nor the handouts when
    their folder does: MkDocs copies them from there.
    """
    started = time.perf_counter()
    with Cache(settings.cache_file) as cache:
        code = code_fingerprint()
        files = {path.name: load_file(path) for path in article_files(settings.seeds_dir)}
        key = digest("build", code, settings.handouts_on, settings.handouts_dir is None,
                     _read_bytes(settings.themes_file),
                     _read_bytes(settings.seeds_dir / OVERRIDES_FILE), sorted(files.items()))
        handouts = _handouts_folder(settings, key)
        output = cache.get(key)
        reused = output is not None and all((handouts / path).is_file()
                                            for path in output.handouts)
        if reused and pages_in_place(output.page_digests, settings.docs_dir):
            report = WriteReport(unchanged=sorted(output.page_digests))
        else:
            pages = cache.get(f"{key}:pages") if reused else None
            if pages is None:
                reused = False
                output, pages = _build(files, settings, cache, code, handouts)
                cache.put_many({key: output, f"{key}:pages": pages})
                cache.drop_unused()  # not after a reuse: article entries serve the next change
            report = write_pages(list(pages), settings.docs_dir)
    return BuildResult(output, {path: handouts / path for path in output.handouts}, report,
                       time.perf_counter() - started, reused)


def _handouts_folder(settings: Settings, key: str) -> Path | None:
    """One folder per build, so a cached build's handouts are found by its key."""
    return settings.handouts_dir / key[:HANDOUT_FOLDER_CHARS] if settings.handouts_dir else None


def _build(files: dict[str, bytes | Problem], settings: Settings, cache: Cache, code: str,
           handouts: Path | None) -> tuple[BuildOutput, tuple[Page, ...]]:
    loaded = {name: data for name, data in files.items() if isinstance(data, bytes)}
    decoded = cached_map(_decode, list(loaded.items()),
                         [digest("read", code, name, data) for name, data in loaded.items()],
                         cache, description="Reading")
    docs = [d for d in decoded if isinstance(d, RawDoc)]
    problems = [*(p for p in files.values() if isinstance(p, Problem)),
                *(d for d in decoded if isinstance(d, Problem))]
    overrides, override_problems = read_overrides(settings.seeds_dir)
    vocabulary = load_vocabulary(settings.themes_file)
    articles = analysed_articles(docs, overrides, vocabulary, cache=cache,
                                 context=(code, _read_bytes(settings.themes_file)))
    site = assemble_site(articles, vocabulary, [*sorted(problems, key=lambda p: p.file),
                                                *override_problems])
    pages = tuple(render_pages(site))
    written = ()
    if handouts:
        _remove_folders(handouts.parent)  # earlier builds' handouts
        written = write_handouts(site, settings.handouts_on, handouts,
                                 handout_bodies(site, cache=cache, context=code))
    output = BuildOutput({page.path: page_digest(page.text) for page in pages}, written,
                         site.glossary, site.duplicates, site.problems, site.summary())
    return output, pages


def _remove_folders(parent: Path) -> None:
    if parent.is_dir():
        for folder in parent.iterdir():
            shutil.rmtree(folder)


def _decode(named_data: tuple[str, bytes]) -> RawDoc | Problem:
    return decode_file(*named_data)


def _read_bytes(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


def build_site(
    docs: list[RawDoc],
    overrides: dict[str, Override],
    *,
    problems: list[Problem] = (),
    vocabulary: Vocabulary | None = None,
) -> Site:
    """The whole site from documents already read, with no cache."""
    vocabulary = vocabulary or load_vocabulary()
    return assemble_site(analysed_articles(docs, overrides, vocabulary), vocabulary, problems)


def analysed_articles(
    docs: list[RawDoc],
    overrides: dict[str, Override],
    vocabulary: Vocabulary,
    *,
    cache: Cache | None = None,
    context: tuple = (),
) -> list[Article]:
    """Every document cleaned, analysed and themed, in file-name order. An article's cache
    key holds its site evidence, so it is redone when that evidence changes."""
    tasks = cleaning_tasks(docs, overrides)
    keys = [digest("article", context, doc, override, sorted(evidence))
            for doc, override, evidence in tasks]
    return cached_map(functools.partial(_analysed_article, vocabulary=vocabulary), tasks, keys,
                      cache or Cache(), description="Analysing")


def _analysed_article(task: CleaningTask, *, vocabulary: Vocabulary) -> Article:
    return assign_themes(analyse(_cleaned_article(task)), vocabulary)


def assemble_site(articles: list[Article], vocabulary: Vocabulary,
                  problems: list[Problem] = ()) -> Site:
    """The collection-wide stages: unique page names, duplicates merged, related briefings,
    theme neighbours and the shared indexes."""
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
    """Clean every document and read its metadata, in file-name order."""
    return [_cleaned_article(task) for task in cleaning_tasks(docs, overrides)]


# A document, the user's override for it, and the lines its site repeats.
CleaningTask = tuple[RawDoc, Override | None, frozenset[str]]


def cleaning_tasks(docs: list[RawDoc], overrides: dict[str, Override]) -> list[CleaningTask]:
    """What cleaning each document needs, in file-name order: the lines a site repeats
    across its articles are found first, as evidence for the cleaner."""
    docs = sorted(docs, key=lambda d: d.name)
    repeated = repeated_lines(docs)
    return [(doc, overrides.get(doc.name), repeated[doc.name]) for doc in docs]


def _cleaned_article(task: CleaningTask) -> Article:
    doc, override, evidence = task
    return article_from(doc, override=override, repeated=evidence)


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
    """Every generated page, with the ``abbr`` definitions of the acronyms it uses, so their
    tooltips are part of the page (and an unchanged rebuild has nothing left to add)."""
    definitions = abbreviations(site.glossary)
    pages = [*render_site(site), *render_reference_pages(site),
             render_audit(site, load_knowledge())]
    return [with_tooltips(page, definitions) for page in pages]


def with_tooltips(page: Page, definitions: dict[str, str]) -> Page:
    used = abbreviation_definitions(definitions, page.text)
    return replace(page, text=f"{page.text.rstrip()}\n\n{used}\n") if used else page


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
