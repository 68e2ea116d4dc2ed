"""HTML input: a raw page → the one-block-per-line text the cleaner reads, plus the metadata
the page declares about itself (JSON-LD, OpenGraph, ``<meta>``).

The page's visible text is taken block by block (each paragraph, heading, list item… on its
own line, blank lines between), so HTML and text scrapes go through the same cleaner.
Script, style and form elements are dropped: they are never text of the article.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from bs4 import BeautifulSoup, Tag

from generator.dates import parse_date
from generator.model import DeclaredMeta, InputFormat, RawDoc
from generator.read import normalise_text

# Never article text. Not <form>: some sites (ASP.NET) wrap the whole page in one.
NEVER_TEXT = ("script", "style", "noscript", "template", "svg", "button", "select", "textarea",
              "iframe", "head")
BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre",
                        "td", "th", "dt", "dd", "figcaption", "caption", "div", "section",
                        "article", "header", "footer", "aside", "nav", "main", "ul", "ol",
                        "table", "tr", "br", "hr", "address", "time"})


def page_to_doc(name: str, page: bytes) -> RawDoc:
    """Bytes, not text: BeautifulSoup honours the page's declared charset (``<meta charset>``,
    a byte-order mark) and falls back to detection, as browsers do."""
    soup = BeautifulSoup(page, "lxml")
    declared = declared_meta(soup)
    for element in soup.find_all(NEVER_TEXT):
        element.decompose()
    return RawDoc(name=name, text=normalise_text(block_text(soup.body or soup)),
                  format=InputFormat.HTML, declared=declared)


def block_text(root: Tag) -> str:
    """The visible text, one block element per line, blank lines between blocks."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            lines.append(text)
        current.clear()

    for node in root.descendants:
        if isinstance(node, Tag):
            if node.name in BLOCK_TAGS:
                flush()
        elif node.parent is not None and node.parent.name not in NEVER_TEXT:
            current.append(str(node))
            if node.next_sibling is None and node.parent.name in BLOCK_TAGS:
                flush()
    flush()
    return "\n\n".join(lines) + "\n"


def declared_meta(soup: BeautifulSoup) -> DeclaredMeta:
    """What the page says about itself; every field stays ``None`` when it says nothing."""
    meta = {(m.get("property") or m.get("name") or "").lower(): m.get("content", "").strip()
            for m in soup.find_all("meta") if m.get("content")}
    ld = _json_ld_article(soup)
    return DeclaredMeta(
        title=_text(ld.get("headline")) or meta.get("og:title") or None,
        site_name=meta.get("og:site_name") or _name(ld.get("publisher")) or None,
        author=_name(ld.get("author")) or meta.get("author") or None,
        date=_date(ld.get("datePublished") or meta.get("article:published_time")
                   or meta.get("date") or meta.get("dc.date")),
        url=meta.get("og:url") or None,
    )


def _json_ld_article(soup: BeautifulSoup) -> dict:
    """The first JSON-LD object that describes an article (NewsArticle, BlogPosting…)."""
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        for item in _items(data):
            kind = item.get("@type", "")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(re.search(r"Article|Posting|Report", str(k)) for k in kinds):
                return item
    return {}


def _items(data: object) -> list[dict]:
    if isinstance(data, list):
        return [i for d in data for i in _items(d)]
    if isinstance(data, dict):
        return [data, *_items(data.get("@graph", []))]
    return []


def _name(value: object) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(names) or None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _text(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _date(value: str | None) -> dt.date | None:
    """ISO dates as declared ("2019-11-20T01:50:00Z" → 2019-11-20); nothing else is read."""
    match = re.match(r"\d{4}-\d{2}-\d{2}", value or "")
    return parse_date(match.group()) if match else None
