"""Acronyms: the ones each article defines, and the collection's glossary of them.

An article defines an acronym with "long form (SF)" or "SF (long form)". The long form is found
by Schwartz & Hearst's algorithm (PSB 2003, "A simple algorithm for identifying abbreviation
definitions in biomedical text"): walking both strings from the end, every character of the
short form must occur in the long form in order, the first one at the start of a word; the
shortest such long form within ``min(|SF| + 5, 2 |SF|)`` words wins. Two extensions for news:

- a translated name keeps the letters of its original language: "National Civil Police (PNC)"
  is the Policía Nacional Civil. When the acronym's letters are exactly the initials of the last
  capitalised words before it, in any order, those words are the long form;
- an agency's acronym often skips its head noun, "Bureau of International Narcotics and Law
  Enforcement Affairs (INL)": a long form right after "Bureau of" takes it in.

The glossary gives each acronym used in the collection one expansion: the one its articles
state most often, or else the built-in list of widely known acronyms (``data/acronyms.yml``),
always marked as such. Expansions end up in HTML tooltips and Markdown pages, so they are
reduced to one line of plain words before they leave this module.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import yaml

from generator.knowledge import DATA_DIR
from generator.model import Acronym, Article, Block, GlossaryEntry

BUILT_IN_FILE = DATA_DIR / "acronyms.yml"
SHORT_MIN, SHORT_MAX = 2, 10  # "UN" … "CAFTA-DR"; longer capitals are words or codes
PAREN_MAX = 160  # longer parentheses are asides, not a name or an acronym
LOOKBACK_CHARS = 300  # room for the widest window (20 words) and a head noun, not the whole text
MIN_PERMUTED = 3  # two swapped initials are too easy to hit by chance: "Paul Anderson (AP)"
# A one-word long form is a compound far longer than its acronym, "Telematikinfrastruktur (TI)";
# a short word with the same letters is a name or a stock ticker: "Lowe’s (LOW)".
MIN_CHARS_PER_LETTER_ONE_WORD = 5
MAX_EXPANSION_CHARS = 100  # a tooltip, not a paragraph; the longest real one seen is ~65
SHOUTING_SHARE = 0.8  # a line with this share of words in capitals is shouted, not acronyms
SHOUTING_MIN_WORDS = 3

# Head nouns an agency's acronym may leave out: "Bureau of … Affairs (INL)", "Bureau of
# Alcohol, Tobacco, Firearms and Explosives (ATF)", "Office of the United Nations High
# Commissioner for Refugees (UNHCR)".
ORGANISATION_HEADS = ("Bureau", "Department", "Ministry", "Office", "Secretariat", "Agency",
                      "Directorate", "Division", "Institute", "Commission", "Council", "Service")
# Words an acronym skips ("Federal Bureau of Investigation"), in the languages of the sources.
FUNCTION_WORDS = frozenset({
    "of", "and", "the", "for", "on", "in", "at", "to",  # English
    "de", "del", "la", "las", "los", "el", "y", "e", "para",  # Spanish
    "des", "du", "le", "les", "et", "pour",  # French
    "der", "die", "das", "und", "für", "von",  # German
    "do", "da", "dos",  # Portuguese
})

_SHORT = re.compile(r"[^\W\d_](?:[^\W_]|[-&](?=[^\W_]))+")  # letters/digits, inner - or &
_PARTY_LABEL = re.compile(r"[DRI]-[A-Z]{2}")  # "Rep. Brian Babin (R-TX)": party and state
_WORDISH = re.compile(r"[^\W_]+(?:[-&][^\W_]+)*")
_PARENS = re.compile(rf"\(([^()\n]{{1,{PAREN_MAX}}})\)")
# Where a long form cannot reach back across: sentence and clause ends, dashes, quotes and
# brackets. A full stop after a single capital is an initial or "U.S.", not a sentence end.
_CLAUSE_END = re.compile(r"[;:!?–—|•“”\"\[\]()]|(?<!\b[A-Z])\.(?=\s)")
_HEAD = re.compile(rf"\b(?:{'|'.join(ORGANISATION_HEADS)}) of (?:the )?$")
_UNSAFE = re.compile(r"[^\w\s.,'’\-–&/()…]|_")  # Markdown, HTML and abbr syntax: * [ ] < > ` …


# --- what one article defines ---------------------------------------------------------------


def defined_acronyms(body: Sequence[Block]) -> tuple[Acronym, ...]:
    """The acronyms ``body`` defines, each with its first definition, in order of appearance.

    >>> defined_acronyms([Block("The Drug Enforcement Administration (DEA) said.", 1, 1)])
    (Acronym(short='DEA', expansion='Drug Enforcement Administration'),)
    """
    first: dict[str, Acronym] = {}
    for block in body:
        for acronym in _definitions(block.text):
            first.setdefault(acronym.short, acronym)
    return tuple(first.values())


def is_acronym(word: str) -> bool:
    """Capitals (two, or one and a digit) at least as many as small letters: "G7", "DoD", "mRNA".

    A party-and-state label ("R-TX") is not an acronym of the words before it.
    """
    upper = sum(c.isupper() for c in word)
    lower = sum(c.islower() for c in word)
    return (
        SHORT_MIN <= len(word) <= SHORT_MAX
        and _SHORT.fullmatch(word) is not None
        and (upper >= 2 or (upper == 1 and any(c.isdigit() for c in word)))
        and upper >= lower
        and _PARTY_LABEL.fullmatch(word) is None
    )


def _definitions(text: str) -> Iterator[Acronym]:
    """Each "long form (SF)" and "SF (long form)" in one block of text."""
    text = " ".join(text.split())  # also turns no-break spaces into plain ones
    for paren in _PARENS.finditer(text):
        inside = paren.group(1).strip()
        first = re.split(r"[,;]", inside, maxsplit=1)[0].strip()  # "(INL, part of State)"
        before = _preceding(text, paren.start()).rstrip("”’\"'")
        if is_acronym(first):
            short, long_form = first, _long_form(first, _clause(before))
        else:  # "SF (long form)": the whole parenthesis must be it, not "PT (07:05 pm ET)"
            short = before.rsplit(" ", 1)[-1]
            whole = is_acronym(short) and _long_form(short, inside) == inside
            long_form = inside if whole else None
        if long_form:
            yield Acronym(short, long_form)


def _preceding(text: str, end: int) -> str:
    """The whole words of the last ``LOOKBACK_CHARS`` before ``end``: a long form is no longer."""
    start = max(0, end - LOOKBACK_CHARS)
    if start:  # begin after the first space: never with the tail of a cut word
        space = text.find(" ", start, end)
        start = space + 1 if space >= 0 else end
    return text[start:end].rstrip()


def _clause(text: str) -> str:
    """The end of ``text`` a long form may come from: back to the last clause boundary."""
    ends = list(_CLAUSE_END.finditer(text))
    return text[ends[-1].end():].strip() if ends else text


def _long_form(short: str, text: str) -> str | None:
    """The words at the end of ``text`` that ``short`` abbreviates, or None if it abbreviates none.

    Exact initials (in any order, for translated names) are the strongest evidence and are
    tried first; then Schwartz & Hearst's character match.
    """
    start = _initials_match(short, text)
    if start is None:
        start = _schwartz_hearst(short, text)
    if start is None:
        return None
    head = _HEAD.search(text[:start])
    long_form = text[head.start() if head else start:]
    words = long_form.split()
    plausible = (
        (len(words) >= 2 or len(long_form) >= MIN_CHARS_PER_LETTER_ONE_WORD * len(short))
        and short.casefold() not in {w.casefold() for w in _words(long_form)}
        and words[0].casefold() not in FUNCTION_WORDS
    )
    return long_form if plausible else None


def _initials_match(short: str, text: str) -> int | None:
    """Where the last capitalised words whose initials are ``short``'s letters begin.

    "National Civil Police" for PNC (Policía Nacional Civil); function words between them are
    skipped ("Ministry of Public Security" for MSP). Fewer than ``MIN_PERMUTED`` letters must
    be in order ("Attorney General" for AG).
    """
    if not (short.isalpha() and short.isupper()):
        return None
    content: list[re.Match[str]] = []
    for word in reversed(list(re.finditer(r"\S+", text))):
        if content and word.group().casefold() in FUNCTION_WORDS:
            continue
        content.append(word)
        if len(content) == len(short):
            break
    initials = "".join(w.group()[0] for w in reversed(content))
    if not all(c.isupper() for c in initials):
        return None
    in_order = initials == short
    if in_order or (len(short) >= MIN_PERMUTED and sorted(initials) == sorted(short)):
        return content[-1].start()
    return None


def _schwartz_hearst(short: str, text: str) -> int | None:
    """Start of the shortest long form of ``short`` at the end of ``text`` (S&H 2003, fig. 2).

    Each character of ``short``, last to first, is found in ``text`` going backwards; the
    first must also start a word. Only the last ``min(|SF| + 5, 2 |SF|)`` words are searched.
    """
    letters = [c.casefold() for c in short if c.isalnum()]
    words = list(re.finditer(r"\S+", text))
    window = min(len(letters) + 5, 2 * len(letters))
    low = words[-window].start() if len(words) >= window else 0
    i = len(text) - 1
    for n, char in reversed(list(enumerate(letters))):
        while i >= low and (text[i].casefold() != char or (n == 0 and i > low
                                                            and text[i - 1].isalnum())):
            i -= 1
        if i < low:
            return None
        i -= 1
    return i + 1


def _words(text: str) -> set[str]:
    """Every word of ``text``, hyphenated ones also by their parts: "DEA-sponsored" has DEA."""
    runs = _WORDISH.findall(text)
    return {*runs, *(part for run in runs if "-" in run for part in run.split("-"))}


# --- the collection's glossary --------------------------------------------------------------


def build_glossary(articles: Sequence[Article]) -> tuple[GlossaryEntry, ...]:
    """One entry per acronym used in the collection that it defines or the built-in list knows.

    Sorted by acronym; the same articles in any order give the same glossary.
    """
    stated = _stated(articles)
    built_in = load_built_in()
    used = _used(articles, stated.keys() | built_in.keys())
    entries = [_entry(short, stated[short], used.get(short, set())) for short in stated]
    entries += [
        GlossaryEntry(short, built_in[short], (), tuple(sorted(slugs)))
        for short, slugs in used.items() if short not in stated
    ]
    return tuple(sorted(entries, key=lambda e: (e.short.casefold(), e.short)))


def _stated(articles: Iterable[Article]) -> dict[str, dict[str, set[str]]]:
    """Acronym → expansion as the articles state it (made safe) → slugs of those articles."""
    stated: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for article in articles:
        for acronym in article.facts.acronyms:
            expansion = safe_expansion(acronym.expansion)
            if is_acronym(acronym.short) and expansion:
                stated[acronym.short][expansion].add(article.slug)
    return stated


def _used(articles: Iterable[Article], known: set[str]) -> dict[str, set[str]]:
    """Acronym → slugs of the articles using it as a whole word in their title or body."""
    used: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        for text in (article.title, *(block.text for block in article.body)):
            found = _words(text) & known
            if found and not _shouting(text):
                for short in found:
                    used[short].add(article.slug)
    return used


def _entry(short: str, expansions: dict[str, set[str]], used: set[str]) -> GlossaryEntry:
    """The expansion most briefings state wins; a tie goes to the first in casefolded order."""
    by_variant: dict[str, set[str]] = defaultdict(set)  # "National Civil Police" = "national …"
    for expansion, slugs in expansions.items():
        by_variant[_variant_key(expansion)] |= slugs
    ranked = sorted(by_variant, key=lambda key: (-len(by_variant[key]), key))
    spelling = {key: _commonest_spelling(key, expansions) for key in ranked}
    best = ranked[0]
    return GlossaryEntry(
        short=short,
        expansion=spelling[best],
        defined_in=tuple(sorted(by_variant[best])),
        used_in=tuple(sorted(used | by_variant[best])),
        alternatives=tuple(spelling[key] for key in ranked[1:]),
    )


def _variant_key(expansion: str) -> str:
    """Spellings of one expansion that differ only in case, hyphens or apostrophes."""
    return re.sub(r"[\s\-–'’]+", " ", expansion.casefold()).strip()


def _commonest_spelling(key: str, expansions: dict[str, set[str]]) -> str:
    spellings = [e for e in expansions if _variant_key(e) == key]
    return min(spellings, key=lambda e: (-len(expansions[e]), e))


def _shouting(text: str) -> bool:
    """An all-capitals headline: its words are not acronyms ("ICE STORM HITS TEXAS")."""
    words = text.split()
    return (len(words) >= SHOUTING_MIN_WORDS
            and sum(map(str.isupper, words)) >= SHOUTING_SHARE * len(words))


@functools.cache
def load_built_in(path: Path = BUILT_IN_FILE) -> dict[str, str]:
    """The built-in list: widely known acronyms and their expansions (read once)."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["acronyms"]
    for short, expansion in entries.items():
        if not is_acronym(short) or safe_expansion(expansion) != expansion:
            raise ValueError(f"{path}: entry {short!r}: the acronym must be 2-10 letters or "
                             f"digits and the expansion one line of plain words; "
                             f"got {expansion!r}")
    return entries


# --- tooltips -------------------------------------------------------------------------------


def abbreviations(entries: Iterable[GlossaryEntry]) -> dict[str, str]:
    """Acronym → its Markdown ``abbr`` definition (``*[SF]: expansion``), for the entries that
    can have one: valid acronyms with safe expansions, so a scraped page can neither end the
    definition nor inject markup. Made once per build; every page then looks its words up."""
    return {entry.short: f"*[{entry.short}]: {expansion}" for entry in entries
            if is_acronym(entry.short) and (expansion := safe_expansion(entry.expansion))}


def abbreviation_definitions(definitions: dict[str, str], text: str) -> str:
    """The ``definitions`` of the acronyms used in ``text``, sorted; empty when none is."""
    return "\n".join(sorted(definitions[short] for short in _words(text) & definitions.keys()))


def safe_expansion(text: str) -> str:
    """``text`` as one line of words and plain punctuation, at most ``MAX_EXPANSION_CHARS``.

    Drops what Markdown, HTML or the ``abbr`` syntax could act on (``* [ ] < > ` \\ {} # |``,
    line breaks, control characters); "" when no letter is left.

    >>> safe_expansion("Bureau <b>of</b> ]: Affairs")
    'Bureau b of /b Affairs'
    """
    plain = " ".join(_UNSAFE.sub(" ", unicodedata.normalize("NFC", text)).split())
    if len(plain) > MAX_EXPANSION_CHARS:
        plain = plain[:MAX_EXPANSION_CHARS - 1].rsplit(" ", 1)[0].rstrip(" ,.-–/(&") + "…"
    return plain if any(c.isalpha() for c in plain) else ""
