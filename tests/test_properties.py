"""Property tests (hypothesis): the cleaner never invents or reorders text and is
idempotent; rendering keeps any text literal; front matter round-trips through MkDocs; the
order files are read in never changes the site."""

from __future__ import annotations

import functools
import html
import re
from dataclasses import replace

import markdown
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html
from mkdocs.utils.meta import get_data

from generator.clean import clean
from generator.markup import escape_markdown, front_matter, template_safe
from generator.metadata import make_slug
from generator.model import BlockKind, Facts, RawDoc
from generator.pipeline import build_site, render_pages, unique_slugs
from generator.render import render_briefing
from generator.themes import load_vocabulary

from conftest import seed_docs

WORDS = ["the", "council", "of", "and", "said", "water", "a", "to", "in", "Share", "By",
         "Related", "Content", "2021", "March", "3,", "—", "“quoted”", "it", "was", "that"]
line = st.lists(st.sampled_from(WORDS), min_size=1, max_size=60).map(" ".join)
scrape = st.lists(st.one_of(line, st.just("")), max_size=40).map("\n".join)


def normalised(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=200, deadline=None)
@given(scrape)
def test_cleaner_never_invents_text_and_keeps_order(text):
    """Every body block is made of input lines, in input order, unchanged."""
    lines = text.split("\n")
    doc = clean(RawDoc("x.txt", text))
    previous = 0
    for block in doc.body:
        source = " ".join(lines[n - 1].strip() for n in block.lines)
        assert normalised(block.text) == normalised(source)
        assert block.first_line > previous
        previous = block.last_line


@settings(max_examples=200, deadline=None)
@given(scrape)
def test_every_input_line_is_kept_or_recorded_as_removed(text):
    doc = clean(RawDoc("x.txt", text))
    kept = {n for b in doc.body for n in b.lines}
    removed = {r.line for r in doc.removed_lines()}
    assert not kept & removed
    assert kept | removed == {n for n, line in enumerate(text.split("\n"), 1) if line.strip()}


def without_removed(text: str, doc) -> str:
    """The scrape with every line the cleaner removed blanked: the rest stays in place."""
    lines = text.split("\n")
    for removal in doc.removed_lines():
        lines[removal.line - 1] = ""
    return "\n".join(lines)


@settings(max_examples=200, deadline=None)
@given(scrape)
def test_cleaning_the_cleaned_body_changes_nothing(text):
    once = clean(RawDoc("x.txt", text))
    twice = clean(RawDoc("x.txt", without_removed(text, once)))
    assert [(b.kind, b.text) for b in twice.body] == [(b.kind, b.text) for b in once.body]


EXTENSIONS = ["abbr", "admonition", "attr_list", "pymdownx.details", "toc"]
any_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).map(str.strip)


@settings(max_examples=300, deadline=None)
@given(any_text.filter(bool))
def test_escaped_text_renders_as_exactly_that_text_and_no_markup(text):
    rendered = markdown.markdown(escape_markdown(text), extensions=EXTENSIONS)
    inner = re.fullmatch(r"<p>(.*)</p>", rendered, re.DOTALL)
    assert inner, rendered
    assert "<" not in inner[1]
    assert normalised(html.unescape(inner[1])) == normalised(text)


@settings(max_examples=300, deadline=None)
@given(any_text.filter(bool))
def test_front_matter_round_trips_through_mkdocs_for_any_title(text):
    page = front_matter({"title": text, "tags": [text]}) + "\nbody\n"
    body, meta = get_data(page)
    assert meta["title"] == text
    assert meta["tags"] == [text]
    assert body.strip() == "body"


@given(any_text)
def test_template_safe_text_has_no_angle_brackets_or_raw_quotes(text):
    assert not set(template_safe(text)) & set("<>\"'")


def test_lone_punctuation_paragraphs_render_literally():
    for text in ("=", "---", "***", "+", "#", "1.", "> quote"):
        rendered = markdown.markdown(escape_markdown(text), extensions=EXTENSIONS)
        assert html.unescape(rendered) == f"<p>{text}</p>", text


@functools.cache
def site_pages(order: tuple[str, ...]) -> tuple:
    docs = {doc.name: doc for doc in seed_docs()}
    return tuple(render_pages(build_site([docs[name] for name in order], {})))


@settings(max_examples=6, deadline=None)
@given(st.permutations([doc.name for doc in seed_docs()]))
def test_the_order_files_are_read_in_changes_no_byte_of_the_site(order):
    """Themes, links, glossary, names and timeline are all sorted with explicit keys."""
    assert site_pages(tuple(order)) == site_pages(tuple(sorted(order)))


SAFE_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:-\d+)?")
# Any character, but mostly the ones Markdown, HTML, YAML and Jinja give a meaning to.
MEANINGFUL = list("<>&*_[](){}#`\\!|:-'\"/=;.%~+") + ["javascript:", "<script>", "{{", "{%", "---"]
plain_line = st.lists(
    st.one_of(st.sampled_from(MEANINGFUL), st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp")), st.just(" "), st.just("a")),
    min_size=1, max_size=60,
).map("".join).map(str.strip).filter(bool)


@functools.cache
def sample_article():
    return build_site([seed_docs()[1]], {}).articles[0]


@settings(max_examples=150, deadline=None)
@given(plain_line, plain_line, plain_line)
def test_any_title_author_and_text_show_on_the_page_as_that_text(title, author, text):
    """Through the front matter, the Markdown and the HTML, scraped text stays itself."""
    article = sample_article()
    block = replace(article.body[0], text=text, kind=BlockKind.PARAGRAPH)
    article = replace(article, title=title, author=author, source=None,
                      clean=replace(article.clean, blocks=(block,)),
                      facts=Facts(summary=(text,)))
    page = render_briefing(article, {t.slug: t for t in load_vocabulary().themes}, [])
    body, meta = get_data(page.text)
    assert meta["author"] == author
    assert html.unescape(meta["title"]) == title.replace("<", "‹").replace(">", "›")
    tree = lxml_html.fromstring(markdown.markdown(body, extensions=EXTENSIONS))
    assert normalised(tree.xpath("string(//h1)")) == normalised(title)
    assert normalised(text) in {normalised(p.text_content()) for p in tree.iter("p")}
    assert f"Author: {normalised(author)}" in normalised(tree.text_content())
    assert not tree.xpath("//script|//img|//iframe|//a[starts-with(@href, 'javascript')]")


@settings(max_examples=200, deadline=None)
@given(st.lists(plain_line, min_size=1, max_size=12))
@example(["A", "A", "A 2"])  # a numbered suffix must not take a slug a title gives
def test_slugs_are_unique_and_safe_for_any_titles(titles):
    article = sample_article()
    articles = [replace(article, slug=make_slug(title),
                        clean=replace(article.clean, raw=replace(article.clean.raw,
                                                                 name=f"{i:03}.txt")))
                for i, title in enumerate(titles)]
    slugs = [a.slug for a in unique_slugs(articles)]
    assert len(set(slugs)) == len(slugs)
    assert all(SAFE_SLUG.fullmatch(slug) for slug in slugs), slugs
