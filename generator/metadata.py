"""Stage 3: ``CleanDoc`` → ``Article``: title, source, author and date, one cascade per field.

Each field is the first answer of a short list of strategies, in the order written in
``extract_metadata``. A strategy returns ``None`` when the text does not say; nothing is
guessed. Only a missing title is built, from the article's own first sentence, and marked
``title_derived``. A user's override (``seeds/sources.yml``) always wins.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from slugify import slugify

from generator.clean import BYLINE_LEADS, phrase_rule
from generator.dates import DATE_RE, DATELINE_PREFIX_RE, date_only, find_date, parse_date
from generator.knowledge import Knowledge, load_knowledge
from generator.model import Article, BlockKind, CleanDoc, Override

T = TypeVar("T")

MAX_DERIVED_TITLE_CHARS = 75  # a derived title is the opening clause, cut to headline length
MIN_DERIVED_TITLE_CHARS = 25  # shorter clauses ("In 2018,") say nothing on their own
MAX_SLUG_CHARS = 60
MAX_SOURCE_WORDS = 6  # longer "names" in a footer are sentences, not organisations
# The words of a byline after the names that describe a role, not an outlet.
_ROLES = re.compile(
    r"(?i)^(?:staff|senior|contributing|special|chief|guest)?\s*(?:writer|reporter|correspondent|"
    r"editor|columnist|contributor|analyst|producer)s?$"
)
_BYLINE_PARTS = re.compile(r"\s*(?:/|\||,|\s[-–—]\s)\s*")
# "Meg JamesStaff Writer": a role glued to the name by a scrape that lost the line break.
_GLUED_ROLE = re.compile(
    r"(?<=[a-z])(?:Staff|Senior|Contributing|Special|Chief|Guest)?\s?"
    r"(?:Writer|Reporter|Correspondent|Editor|Columnist|Contributor)s?$"
)
_BY = re.compile(rf"(?i)^(?:{'|'.join(BYLINE_LEADS)})\s*:?\s+")


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
    override = override or Override()
    declared = clean.raw.declared
    # What a page declares (HTML only) is its own statement and beats a headline found by
    # position; a byline's date beats a declared timestamp, which is often in UTC.
    title = first_of(override.title, declared and declared.title, title_from_text(clean))
    derived = title is None
    if derived:
        title = derive_title(clean, knowledge) or clean.raw.stem
    return Article(
        clean=clean,
        slug=make_slug(title),
        title=title,
        title_derived=derived,
        source=first_of(
            override.source,
            source_from_byline(clean),
            source_from_dateline(clean),
            declared and declared.site_name,
            site_source,
            lambda: source_from_fingerprints(clean, knowledge),
        ),
        author=first_of(override.author, declared and declared.author, author_from_byline(clean)),
        date=first_of(
            override.date, date_from_byline(clean), date_from_dateline(clean),
            declared and declared.date,
        ),
        url=first_of(override.url, declared and declared.url),
        licence=override.licence,
    )


def first_of(*answers: T | Callable[[], T | None] | None) -> T | None:
    """The first answer that is not empty; callables are only asked when reached."""
    for answer in answers:
        value = answer() if callable(answer) else answer
        if value:
            return value
    return None


# --- title ----------------------------------------------------------------------------------


def make_slug(title: str) -> str:
    """A page name from a title: ASCII letters, digits and hyphens only, so it is safe in a
    path and a URL whatever the title holds; "briefing" when nothing of it is left."""
    return slugify(title, max_length=MAX_SLUG_CHARS, word_boundary=True, save_order=True) \
        or "briefing"


def title_from_text(clean: CleanDoc) -> str | None:
    block = clean.first(BlockKind.TITLE)
    return block.text if block else None


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


# --- source and author ----------------------------------------------------------------------


def _byline_parts(clean: CleanDoc) -> list[str]:
    """ "By Ana Ruiz/The Valley Courier" → ["Ana Ruiz", "The Valley Courier"]."""
    block = clean.first(BlockKind.BYLINE)
    if block is None:
        return []
    parts = (_GLUED_ROLE.sub("", p).strip() for p in _BYLINE_PARTS.split(_BY.sub("", block.text)))
    return [p for p in parts if p and not _ROLES.match(p)]


def author_from_byline(clean: CleanDoc) -> str | None:
    parts = _byline_parts(clean)
    return parts[0] if parts and not DATE_RE.search(parts[0]) else None


def source_from_byline(clean: CleanDoc) -> str | None:
    outlets = [p for p in _byline_parts(clean)[1:] if not DATE_RE.search(p)]
    return outlets[0] if outlets else None


def source_from_dateline(clean: CleanDoc) -> str | None:
    """ "ValleyNews, October 3, 2024:" names the outlet; "(Reuters)" names the agency."""
    match = _dateline_match(clean)
    if not match:
        return None
    name = match["agency"] or match["name"]
    return None if name.isupper() and " " not in name and match["agency"] is None else name


def source_from_fingerprints(clean: CleanDoc, knowledge: Knowledge) -> str | None:
    """The publisher as the page's own boilerplate names it: "About The Valley Courier",
    "© 2019 Los Angeles Times", or an organisation's name alone in the footer."""
    removed = [r.text for r in clean.removed_lines()]
    for fingerprint in knowledge.publisher_patterns:
        for text in removed:
            match = fingerprint.pattern.search(text)
            if match:
                return match["name"].strip()
    return _organisation_in_footer(clean, knowledge)


# Removed for where they stand, not for what they say: a footer name may be among them.
_POSITIONAL_RULES = frozenset({"segment:outside_main_run", "context:short_in_run"})


def _organisation_in_footer(clean: CleanDoc, knowledge: Knowledge) -> str | None:
    last_body = max((b.last_line for b in clean.body), default=0)
    for line in clean.removed_lines():
        words = line.text.split()
        if (
            line.line > last_body
            and line.rule in _POSITIONAL_RULES
            and len(words) <= MAX_SOURCE_WORDS
            and knowledge.organisation_words.intersection(words)
            and all(w[0].isupper() or w in {"of", "the", "and", "for", "&"} for w in words)
            and not line.text.endswith((".", ":", "?"))
            and phrase_rule(line.text, knowledge) is None  # "Terms of Service" is a link
        ):
            return line.text
    return None


# --- date -----------------------------------------------------------------------------------


def date_from_byline(clean: CleanDoc) -> dt.date | None:
    block = clean.first(BlockKind.BYLINE)
    return find_date(block.text) if block else None


def date_from_dateline(clean: CleanDoc) -> dt.date | None:
    """A date line in the header ("March 09, 2021") or a dateline prefix of the first paragraph.
    Dates anywhere else (teasers, archive banners, the story itself) are never taken."""
    for block in _datelines(clean):
        found = date_only(block.text)
        if found:
            return found
    match = _dateline_match(clean)
    return parse_date(match["date"]) if match else None


def _datelines(clean: CleanDoc) -> Iterable:
    return (b for b in clean.blocks if b.kind is BlockKind.DATELINE)


def _dateline_match(clean: CleanDoc) -> re.Match[str] | None:
    for block in _datelines(clean):
        match = DATELINE_PREFIX_RE.match(block.text + " x")
        if match:
            return match
    return None
