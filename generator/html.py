"""HTML input: a raw page → the article's text, one block per line, plus the metadata the
page declares about itself (JSON-LD, OpenGraph, ``<meta>``).

The page is parsed once with lxml. Metadata is read first, because finding the article
removes the ``<script>`` elements that hold JSON-LD. The article is found as Mozilla's
Readability does, simplified (tuned and measured on ``shared/extraction-dev``, 121 news
pages: token F1 0.968, 0.960 on the half not tuned on):

1. drop what is never article text (scripts, navigation, figures…), hidden elements, and
   page furniture named so by its class or id ("comments", "related", "sidebar"…);
2. score every container by the paragraphs it holds (their length and commas), scaled down
   by its share of link text;
3. take the best container and the siblings that score nearly as well;
4. write their blocks in document order, leaving out link lists and mostly-link blocks;
5. leave out the headline when the article starts with it: the site shows the title apart.

Only what the page declares is read as metadata, never dates seen in its visible text,
so a date cannot come from a teaser or a comment.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

import lxml.html
from lxml import etree

from generator.dates import date_only
from generator.encoding import CONTROL_RE, decode_bytes, repair_text
from generator.model import DeclaredMeta, InputFormat, RawDoc
from generator.read import normalise_text

# --- decoding and parsing -------------------------------------------------------------------

# A page that decodes as UTF-8 is UTF-8 whatever it declares (declarations go stale when a
# site migrates); otherwise its declared charset, looked for near the start as browsers do;
# otherwise a detector's guess.
CHARSET_SNIFF_BYTES = 4096
CHARSET_RE = re.compile(rb"""charset=["']?([\w-]+)""", re.IGNORECASE)
# lxml refuses a str that carries an XML declaration ("Unicode strings with encoding
# declaration are not supported").
XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*>")
# huge_tree: by default libxml2 silently drops ALL text of pages nested deeper than 255.
PARSER = lxml.html.HTMLParser(huge_tree=True)
EMPTY_PAGE = "<html><body></body></html>"

# --- finding the article --------------------------------------------------------------------

# Never article text. Not <form>: some sites (ASP.NET) wrap the whole page in one.
DROP_TAGS = ("script", "style", "svg", "iframe", "button", "select", "input", "textarea",
             "template", "object", "embed", "canvas")
LAYOUT_TAGS = frozenset({"noscript", "nav", "footer", "aside", "figure", "header"})
# Class/id words of page furniture around an article (readability's "unlikely candidates").
FURNITURE_RE = re.compile(
    r"comment|share|sharing|social|related|promo|newsletter|sidebar|footer|\bnav|menu|subscri"
    r"|breadcrumb|byline|author|tags?\b|widget|sponsor|advert|\bads?\b|recommend|popular"
    r"|trending|outbrain|taboola|modal|popup|cookie|signup|caption|credit|masthead|toolbar"
    r"|teaser|more-|read-?more|paywall|hidden|banner|disclaimer",
    re.IGNORECASE,
)
# Class/id words of the article itself; they also save an element from FURNITURE_RE.
ARTICLE_HINT_RE = re.compile(r"article|body|content|entry|main|post|story|text|blog",
                             re.IGNORECASE)
# Elements that are never removed as furniture, whatever their class says.
NEVER_FURNITURE = frozenset({"html", "body", "article", "main"})
BLOCK_TAGS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
                        "blockquote", "pre", "table", "tr", "td", "th", "section", "article",
                        "main", "dl", "dt", "dd", "hr", "figcaption", "address", "form", "body",
                        "html"})
# Blocks that may hold the article's paragraphs directly, so their text scores for themselves.
CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "body", "html", "form", "td"})
LIST_TAGS = frozenset({"ul", "ol", "table"})  # left out when they are menus or link lists
PAGE_TAGS = frozenset({"body", "html"})  # the article is never climbed out into these

MIN_BLOCK_CHARS = 25  # shorter blocks (labels, dates, buttons) do not score a container
MAX_LINK_SHARE = 0.5  # a block or list with more link text than this is navigation
# An element named like furniture that holds this share of the page's paragraph text is a
# page-wide wrapper (class="has-sidebar", "page-ad-margins"), not furniture.
WRAPPER_TEXT_SHARE = 0.5
CHARS_PER_POINT = 100  # a paragraph scores 1 + its commas + a point per 100 chars…
MAX_LENGTH_POINTS = 3  # …up to 3, so one huge block cannot outweigh many paragraphs
GRANDPARENT_SHARE = 0.5  # a paragraph's score goes to its parent, half to its grandparent
HINT_POINTS = 25  # a container's class/id naming an article (or furniture) adds (subtracts)
# Readability's sibling merge: a sibling of the best container joins it when it scores this
# share of the best, at least MIN_SIBLING_SCORE, or holds text with few links: a paragraph
# of SIBLING_PARAGRAPH_CHARS, or a box of SIBLING_BOX_CHARS not named like furniture (a
# recipe's ingredient list, a table, the next section), which scores nothing for lack of
# long paragraphs.
SIBLING_SHARE = 0.2
MIN_SIBLING_SCORE = 10
SIBLING_PARAGRAPH_CHARS = 80
SIBLING_BOX_CHARS = 200
SIBLING_TEXT_TAGS = frozenset({"p", "ul", "ol", "table", "dl", "blockquote", "div", "section"})
SIBLING_PARAGRAPH_LINK_SHARE = 0.25

# --- declared metadata ----------------------------------------------------------------------

# JSON-LD types of an article (lowercased); the page's own object is the first of these.
ARTICLE_TYPES = frozenset({
    "newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle",
    "techarticle", "liveblogposting", "report", "socialmediaposting", "posting",
})
# <meta> names and properties that declare the publication date, most specific first.
DATE_KEYS = ("article:published_time", "og:article:published_time", "article:published",
             "og:pubdate", "datepublished", "parsely-pub-date", "sailthru.date", "pubdate",
             "pub_date", "publish-date", "published_at", "published", "article.published",
             "dc.date", "dc.date.issued", "dcterms.created", "date")
AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
               "byl")
TITLE_KEYS = ("og:title", "twitter:title")
# Declared dates outside these years are placeholders (0001-01-01, 1970-01-01 epoch zero).
EARLIEST_YEAR = 1995
LATEST_YEAR = 2100
ISO_DATE_RE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
EPOCH_RE = re.compile(r"\d{10}(?:\d{3})?")  # seconds or milliseconds since 1970
# Broken JSON-LD (trailing commas, bad escapes) is common: the date can still be salvaged.
JSON_LD_DATE_RE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
BY_PREFIX_RE = re.compile(r"^by\s+", re.IGNORECASE)
URL_RE = re.compile(r"https?://", re.IGNORECASE)
# "Headline | Site", "Headline – Site": where a declared title's site suffix begins.
TITLE_SUFFIX_RE = re.compile(r"\s+(?:[|–—-]|::)\s+")
WORD_RE = re.compile(r"\w+")


def page_to_doc(name: str, page: bytes) -> RawDoc:
    """The article's text (without its headline, shown apart) and what the page declares.

    Bytes, not text: the page's encoding is found here. A page with no article gives empty
    text, which the reader reports as a problem naming the file.
    """
    root = parse(page)
    declared, titles = declared_meta(root)  # before article_blocks removes the JSON-LD
    headline, blocks = split_headline(article_blocks(root), titles)
    read_as = InputFormat.HTML
    if not blocks:  # no container holds the article: the whole page, as a text scrape
        scraped = split_headline(page_blocks(parse(page)), titles)
        if scraped[1]:
            (headline, blocks), read_as = scraped, InputFormat.TEXT  # the text cleaner sorts
    text = "\n\n".join(blocks) + "\n" if blocks else ""
    return RawDoc(name=name, text=normalise_text(repair_text(text)), format=read_as,
                  declared=without_site_suffix(declared, headline))


# --- decoding and parsing -------------------------------------------------------------------


def decode(page: bytes) -> str:
    """Bytes → text, by the page's declared charset where UTF-8 fails (``encoding.py``)."""
    declared = CHARSET_RE.search(page[:CHARSET_SNIFF_BYTES])
    return decode_bytes(page, declared.group(1).decode("ascii") if declared else None)


def parse(page: bytes) -> etree._Element:
    """Bytes → the page's ``<html>`` element; never raises (empty input gives an empty page)."""
    # Control characters are never text, and lxml would pass them on into the site's pages.
    text = CONTROL_RE.sub("", XML_DECLARATION_RE.sub("", decode(page), count=1))
    try:
        return lxml.html.document_fromstring(text, parser=PARSER)
    except (etree.ParserError, ValueError):  # "Document is empty": blank or whitespace input
        return lxml.html.document_fromstring(EMPTY_PAGE, parser=PARSER)


# --- finding the article --------------------------------------------------------------------


def article_blocks(root: etree._Element) -> list[str]:
    """The article's blocks in document order, each on one line; ``[]`` when none is found.

    Removes furniture from ``root`` in place.
    """
    remove_furniture(root)
    return written(article_parts(root))


def page_blocks(root: etree._Element) -> list[str]:
    """Every block of the page but scripts, navigation, header and footer, each on one line:
    what a text scrape of it holds, for a page whose article no container holds."""
    strip_never_text(root)
    remove_layout(root)
    return written([root])


def written(parts: list[etree._Element]) -> list[str]:
    """The blocks of ``parts`` in document order, each on one line."""
    writer = BlockWriter()
    for part in parts:
        try:
            write_blocks(part, writer)
        except RecursionError:  # nesting deeper than Python's stack: the part as one block
            writer.discard()
            writer.add(part.text_content(), in_link=False)
        writer.close()
    return writer.blocks


@dataclass(slots=True)
class TextStats:
    """The text a block holds directly: its characters, those inside links, its commas."""

    chars: int = 0
    link_chars: int = 0
    commas: int = 0

    @property
    def is_paragraph(self) -> bool:
        """Long enough to count, and not mostly links."""
        return self.chars >= MIN_BLOCK_CHARS and self.link_chars <= MAX_LINK_SHARE * self.chars


def text_blocks(root: etree._Element) -> dict[etree._Element, TextStats]:
    """Every block element holding text, with that text's stats.

    A text node belongs to its nearest block-level ancestor; ``<a>`` on the way marks links.
    """
    stats: dict[etree._Element, TextStats] = {}
    for node in root.xpath("//text()"):
        chars = len(node.strip())
        if not chars:
            continue
        element, in_link = node.getparent(), False
        if node.is_tail:  # the text after an element belongs to that element's parent
            element = element.getparent()
        while element is not None and element.tag not in BLOCK_TAGS:
            in_link |= element.tag == "a"
            element = element.getparent()
        if element is None:
            continue
        block = stats.setdefault(element, TextStats())
        block.chars += chars
        block.link_chars += chars if in_link else 0
        block.commas += node.count(",")
    return stats


def remove_furniture(root: etree._Element) -> None:
    """Drop what is never article text, the page's layout furniture (navigation, header,
    footer…), hidden elements and furniture named by class/id."""
    strip_never_text(root)
    remove_layout(root)
    held = paragraph_text_held(root)
    page_text = max(held.get(root, 0), 1)
    doomed = [element for element in root.iter(etree.Element)
              if is_hidden(element)
              or is_furniture(element, held.get(element, 0) / page_text)]
    _drop(doomed)


def strip_never_text(root: etree._Element) -> None:
    """Comments, scripts, styles, form controls and embedded objects: never article text."""
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *DROP_TAGS,
                         with_tail=False)


def remove_layout(root: etree._Element) -> None:
    """Drop ``<nav>``, ``<header>``, ``<footer>``, ``<aside>``, ``<figure>``, ``<noscript>``.
    One that holds most of the page's paragraphs is a tag left unclosed (the parser wraps
    the rest of the page in it): its tag goes, what it holds stays."""
    held = paragraph_text_held(root)
    page_text = max(held.get(root, 0), 1)
    layout = list(root.iter(*LAYOUT_TAGS))
    unclosed = [e for e in layout if held.get(e, 0) / page_text >= WRAPPER_TEXT_SHARE]
    _drop([e for e in layout if e not in unclosed])
    for element in unclosed:
        if element.getparent() is not None:
            element.drop_tag()


def _drop(elements: list[etree._Element]) -> None:
    for element in elements:
        if element.getparent() is not None:  # not the root; inside a removed one is harmless
            element.drop_tree()


def paragraph_text_held(root: etree._Element) -> dict[etree._Element, int]:
    """Characters of paragraph text inside each element, for telling wrappers from furniture."""
    held: dict[etree._Element, int] = {}
    for block, stats in text_blocks(root).items():
        if stats.is_paragraph:
            for ancestor in block.iterancestors():
                held[ancestor] = held.get(ancestor, 0) + stats.chars
    return held


def is_hidden(element: etree._Element) -> bool:
    """Hidden from readers: ``hidden``, ``aria-hidden="true"`` or an inline ``display:none``."""
    style = (element.get("style") or "").replace(" ", "").lower()
    return (element.get("hidden") is not None or element.get("aria-hidden") == "true"
            or "display:none" in style)


def is_furniture(element: etree._Element, text_share: float) -> bool:
    """Named like furniture ("related", "comments"…), not like an article, and not a wrapper
    holding most of the page's paragraphs (``text_share`` of them)."""
    if element.tag in NEVER_FURNITURE or text_share >= WRAPPER_TEXT_SHARE:
        return False
    hint = class_and_id(element)
    return bool(hint and FURNITURE_RE.search(hint)) and not ARTICLE_HINT_RE.search(hint)


def class_and_id(element: etree._Element) -> str:
    """``"story-body main"``; ``""`` for most elements, which lets them skip the patterns."""
    return f"{element.get('class') or ''} {element.get('id') or ''}".strip()


@dataclass(frozen=True)
class Candidates:
    """Container scores, and the text and link characters under every element."""

    score: dict[etree._Element, float]
    chars: dict[etree._Element, int]
    link_chars: dict[etree._Element, int]

    def link_share(self, element: etree._Element) -> float:
        return self.link_chars.get(element, 0) / max(self.chars.get(element, 0), 1)


def score_candidates(root: etree._Element) -> Candidates:
    """Each paragraph's points go to its container (a text-holding container is its own)
    and half to the one above; a container's total is scaled by its share of non-links."""
    candidates = Candidates({}, {}, {})
    for block, stats in text_blocks(root).items():
        for element in (block, *block.iterancestors()):
            candidates.chars[element] = candidates.chars.get(element, 0) + stats.chars
            candidates.link_chars[element] = (candidates.link_chars.get(element, 0)
                                              + stats.link_chars)
        if not stats.is_paragraph:
            continue
        points = 1 + stats.commas + min(stats.chars // CHARS_PER_POINT, MAX_LENGTH_POINTS)
        parent = block if block.tag in CONTAINER_TAGS else block.getparent()
        grandparent = parent.getparent() if parent is not None else None
        for container, share in ((parent, 1.0), (grandparent, GRANDPARENT_SHARE)):
            if container is not None:
                if container not in candidates.score:
                    candidates.score[container] = hint_points(container)
                candidates.score[container] += points * share
    for container in candidates.score:
        candidates.score[container] *= 1 - candidates.link_share(container)
    return candidates


def hint_points(container: etree._Element) -> int:
    """A container's starting score from its class/id: an article name up, furniture down."""
    hint = class_and_id(container)
    if not hint:
        return 0
    return ((HINT_POINTS if ARTICLE_HINT_RE.search(hint) else 0)
            - (HINT_POINTS if FURNITURE_RE.search(hint) else 0))


def article_parts(root: etree._Element) -> list[etree._Element]:
    """The best-scoring container, out of its single-child wrappers and out of a part among
    like parts (an article built of "paragraph" components), with the siblings that score
    nearly as well (an article split around an ad or a pull quote)."""
    candidates = score_candidates(root)
    if not candidates.score:
        return []
    best = max(candidates.score, key=candidates.score.__getitem__)
    cut = max(MIN_SIBLING_SCORE, candidates.score[best] * SIBLING_SHARE)
    while (best.getparent() is not None and best.getparent().tag not in PAGE_TAGS
           and (len(best.getparent()) == 1 or _one_of_like_parts(best.getparent(), candidates))):
        best = best.getparent()
    parent = best.getparent()
    if parent is None:
        return [best]
    return [sibling for sibling in parent
            if sibling is best or candidates.score.get(sibling, 0) >= cut
            or is_sibling_text(sibling, candidates)]


def _one_of_like_parts(element: etree._Element, candidates: Candidates) -> bool:
    """``element`` and a sibling of the same kind (tag and first class) both hold text: an
    article built of repeated parts ("paragraph" components)."""
    kind = _kind(element)
    parent = element.getparent()
    return parent is not None and kind[1] is not None and sum(
        _kind(sibling) == kind and candidates.chars.get(sibling, 0) > SIBLING_PARAGRAPH_CHARS
        for sibling in parent) >= 2


def _kind(element: etree._Element) -> tuple[str, str | None]:
    classes = (element.get("class") or "").split()
    return element.tag, classes[0] if classes else None


def is_sibling_text(element: etree._Element, candidates: Candidates) -> bool:
    limit = SIBLING_PARAGRAPH_CHARS if element.tag == "p" else SIBLING_BOX_CHARS
    return (element.tag in SIBLING_TEXT_TAGS and candidates.chars.get(element, 0) > limit
            and candidates.link_share(element) < SIBLING_PARAGRAPH_LINK_SHARE
            and not FURNITURE_RE.search(class_and_id(element)))


class BlockWriter:
    """Gathers the text runs of the current block; closing it keeps it unless mostly links."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self._runs: list[tuple[str, bool]] = []

    def add(self, text: str, *, in_link: bool) -> None:
        self._runs.append((text, in_link))

    def discard(self) -> None:
        self._runs.clear()

    def close(self) -> None:
        text = " ".join("".join(run for run, _ in self._runs).split())
        links = sum(len(run.strip()) for run, in_link in self._runs if in_link)
        self._runs.clear()
        if text and links <= MAX_LINK_SHARE * len(text):
            self.blocks.append(text)


def write_blocks(element: etree._Element, writer: BlockWriter, *, in_link: bool = False) -> None:
    """Write the text under ``element``, closing a block at every block element and ``<br>``."""
    in_link = in_link or element.tag == "a"
    if element.text:
        writer.add(element.text, in_link=in_link)
    for child in element:
        if not isinstance(child.tag, str):  # an entity or comment left by the parser
            pass
        elif child.tag in BLOCK_TAGS or child.tag == "br":
            writer.close()
            if child.tag not in LIST_TAGS or not is_link_list(child):
                write_blocks(child, writer, in_link=in_link)
            writer.close()
        else:
            write_blocks(child, writer, in_link=in_link)
        if child.tail:
            writer.add(child.tail, in_link=in_link)


def is_link_list(element: etree._Element) -> bool:
    """A list or table that is a menu or a list of links: short, or mostly link text."""
    chars = len(element.text_content().strip())
    link_chars = sum(len(link.text_content()) for link in element.iter("a"))
    return chars < MIN_BLOCK_CHARS or link_chars > MAX_LINK_SHARE * chars


def split_headline(blocks: list[str], titles: list[str]) -> tuple[str | None, list[str]]:
    """``(headline, the other blocks)`` when the first block is a declared title, or the part
    of one before a site suffix; else ``(None, blocks)``. The site shows the title apart.

    ``["Rain Due", "It will rain."]``, title ``"Rain Due | The Courier"`` →
    ``("Rain Due", ["It will rain."])``.
    """
    first = words(blocks[0]) if blocks else ()
    if first and any(first in (words(title), words(before_suffix(title))) for title in titles):
        return blocks[0], blocks[1:]
    return None, blocks


def without_site_suffix(declared: DeclaredMeta, headline: str | None) -> DeclaredMeta:
    """The page's headline as its title when the declared title is that headline with the
    site's name after it (``<title>Rain Due | The Courier</title>`` above ``<h1>Rain Due``)."""
    title = declared.title
    if (headline is None or title is None or words(headline) == words(title)
            or words(headline) != words(before_suffix(title))):
        return declared
    return replace(declared, title=headline)


def before_suffix(title: str) -> str:
    """``"Rain Due | The Courier"`` → ``"Rain Due"``; a title without a separator is kept."""
    return TITLE_SUFFIX_RE.split(title, maxsplit=1)[0]


def words(text: str) -> tuple[str, ...]:
    """The words of ``text``, case folded: a headline matches its title however punctuated."""
    return tuple(WORD_RE.findall(text.casefold()))


# --- declared metadata ----------------------------------------------------------------------


def declared_meta(root: etree._Element) -> tuple[DeclaredMeta, list[str]]:
    """What the page says about itself, and every title it declares (best first).

    A field the page does not declare stays ``None``.
    """
    json_ld = json_ld_article(root)
    meta = meta_tags(root)
    titles = declared_titles(root, json_ld, meta)
    declared = DeclaredMeta(
        title=titles[0] if titles else None,
        site_name=declared_site_name(json_ld, meta),
        author=declared_author(json_ld, meta),
        date=declared_date(root, json_ld, meta),
        url=declared_url(root, meta),
    )
    return declared, titles


def json_ld_article(root: etree._Element) -> dict:
    """The page's own JSON-LD object: the first of an article type, else the first object
    carrying ``datePublished`` (a WebPage, a ClaimReview…); ``{}`` when there is none."""
    fallback: dict | None = None
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        objects = list(json_ld_objects(load_json_ld(script.text or "")))
        article = next((o for o in objects if json_ld_types(o) & ARTICLE_TYPES), None)
        if article is not None:
            return article
        fallback = fallback or next((o for o in objects if "datePublished" in o), None)
    return fallback or {}


def load_json_ld(source: str) -> object:
    """Parse a JSON-LD script leniently: raw newlines in strings and a trailing ``;`` are
    accepted; from broken JSON only ``datePublished`` is salvaged."""
    try:
        return json.loads(source.strip().rstrip(";"), strict=False)
    except ValueError:
        match = JSON_LD_DATE_RE.search(source)
        return {"datePublished": match.group(1)} if match else []


def json_ld_objects(data: object) -> Iterator[dict]:
    """Every object of a JSON-LD document, in order, looking into lists and ``@graph``."""
    if isinstance(data, list):
        for item in data:
            yield from json_ld_objects(item)
    elif isinstance(data, dict):
        yield data
        yield from json_ld_objects(data.get("@graph", []))


def json_ld_types(item: dict) -> set[str]:
    kinds = item.get("@type", "")
    return {k.lower() for k in (kinds if isinstance(kinds, list) else [kinds])
            if isinstance(k, str)}


def meta_tags(root: etree._Element) -> dict[str, str]:
    """``<meta>`` tags: lowercased property, name or itemprop → the first non-empty content."""
    found: dict[str, str] = {}
    for tag in root.iter("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip()
        content = " ".join((tag.get("content") or "").split())
        if key and content:
            found.setdefault(key.lower(), content)
    return found


def declared_titles(root: etree._Element, json_ld: dict, meta: dict[str, str]) -> list[str]:
    """og:title, the JSON-LD headline, twitter:title, ``<title>``: the order they are trusted
    in (``<title>`` often carries the site's name after the headline)."""
    title_element = root.find(".//title")
    candidates = (meta.get("og:title"), name_of(json_ld.get("headline")),
                  meta.get("twitter:title"),
                  title_element.text_content() if title_element is not None else None)
    titles = (" ".join(t.split()) for t in candidates if t)
    return list(dict.fromkeys(t for t in titles if t))


def declared_site_name(json_ld: dict, meta: dict[str, str]) -> str | None:
    """og:site_name, else the JSON-LD publisher, else application-name; never a URL."""
    names = (meta.get("og:site_name"), name_of(json_ld.get("publisher")),
             meta.get("application-name"))
    return next((n for n in names if n and not URL_RE.match(n)), None)


def declared_author(json_ld: dict, meta: dict[str, str]) -> str | None:
    """The JSON-LD author(s), else the first author ``<meta>``; never a URL, no "By "."""
    authors = (name_of(json_ld.get("author")), *(meta.get(key) for key in AUTHOR_KEYS))
    author = next((a for a in authors if a and not URL_RE.match(a)), None)
    if author is None:
        return None
    return BY_PREFIX_RE.sub("", author) or None


def name_of(value: object) -> str | None:
    """A JSON-LD name: ``"A"``, ``{"name": "A"}`` or a list of them (→ ``"A, B"``).

    JSON-LD strings often carry HTML entities (``&amp;``); they are unescaped.
    """
    if isinstance(value, list):
        return ", ".join(n for n in map(name_of, value) if n) or None
    if isinstance(value, dict):
        return name_of(value.get("name"))
    if isinstance(value, str):
        return " ".join(html.unescape(value).split()) or None
    return None


def declared_date(root: etree._Element, json_ld: dict, meta: dict[str, str]) -> dt.date | None:
    """JSON-LD datePublished, else the first date ``<meta>``, else the FIRST
    ``<time itemprop=datePublished>`` (later ones are often comments or teasers)."""
    date = to_date(json_ld.get("datePublished"))
    if date is None:
        date = next(filter(None, (to_date(meta.get(key)) for key in DATE_KEYS)), None)
    if date is None:
        times = root.xpath('//time[@itemprop="datePublished"][@datetime]')
        date = to_date(times[0].get("datetime")) if times else None
    return date


def to_date(value: object) -> dt.date | None:
    """The calendar date as declared: ``"2019-11-19T03:27:00-05:00"`` → 2019-11-19 (not
    moved to UTC), ``"Nov 19, 2019"``, epoch seconds; placeholders such as 0001-01-01 → None."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    if EPOCH_RE.fullmatch(text):
        date = dt.datetime.fromtimestamp(int(text[:10]), dt.UTC).date()
    elif match := ISO_DATE_RE.match(text):
        try:
            date = dt.date(*map(int, match.groups()))
        except ValueError:
            return None
    else:  # a complete date in words; "November 2019" or "Tuesday" is no date
        date = date_only(text)
    return date if date and EARLIEST_YEAR <= date.year <= LATEST_YEAR else None


def declared_url(root: etree._Element, meta: dict[str, str]) -> str | None:
    """og:url, else ``<link rel=canonical>``: only an absolute http(s) address."""
    links = root.xpath('//link[translate(@rel, "CANOIL", "canoil")="canonical"]/@href')
    urls = (meta.get("og:url"), *(str(link).strip() for link in links[:1]))
    return next((url for url in urls if url and URL_RE.match(url)), None)
