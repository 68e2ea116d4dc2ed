"""The people and organisations an article names, and the index of them across briefings.

No model is downloaded: names are capitalised phrases, kept only when a cue says what they
are. The cues are the ones news writing gives every name it introduces (word lists in
``data/entities.yml``):

* a title or role before it: "Ambassador Harlow", "then-President Rafael Ostos";
* an organisation head word: "National Civil Police", "Ministry of Defense";
* a reporting verb or a role in apposition: "Tomás Vidal Quintero, … minister, said";
* a person's shape: a middle initial or a suffix ("Daniel K. Harlow", "… Jr."), or a
  surname the article later uses alone ("Luis Marin" … "Marin").

An uncued phrase is only counted as a short form of a name cued elsewhere in the article
("Marin's", "Calvo"). Everything else capitalised (sentence starts, headline-case
phrases, places, programme names) is left out: on a briefing page a missing name costs
less than an invented one. Judged by hand on 35 pages of shared/extraction-dev not used to
write the rules, 113 of 136 names found were right (83%); the misses of precision are
products ("Google Stadia"), German compounds and Indonesian religious terms.

The index merges the briefings' names (case and accents aside; a name into the one longer
name holding all its words) and keeps those named often: in ``MIN_BRIEFINGS`` briefings,
or ``MIN_MENTIONS_IN_ONE`` times in one.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from generator.glossary import load_built_in
from generator.knowledge import DATA_DIR
from generator.model import Article, Block, BlockKind, Entity, EntityKind, IndexEntry

MIN_BRIEFINGS = 2  # named in two briefings: the collection keeps coming back to it
MIN_MENTIONS_IN_ONE = 3  # or three times in one, as the subject of a briefing is (Luis Marin,
# Ambassador Harlow); on the dev pages half the names are named once, a third three times+
MAX_NAME_TOKENS = 5  # "María Elena Ruiz Soto" is four; longer runs are not names
MAX_RUN_TOKENS = 24  # a longer capitalised run is a title-case line or a table, not names
PLAIN_PARTICLE_USES = 2  # "der" before lower-case words twice: a function word here
MAX_PART_SEARCH = 8  # an uncued phrase this long is searched for a known name inside
SURNAME_CUE_TOKENS = 3  # a first name, a middle initial and a surname; longer need a cue
HEADLINE_CASE_SHARE = 0.6  # a short block with this share of capitalised words is a heading
HEADLINE_MAX_WORDS = 20  # longer blocks are prose, however many names they hold
CONTEXT_CHARS = 60  # how far before and after a phrase its cues are looked for
WORDS_BEFORE = 4  # "Ambassador to the (EU)" is the longest cue before a name
# Connectors that are never a particle in a person's name; the others ("de", "von", "der")
# may be, unless the article uses them as plain words.
ENGLISH_CONNECTORS = frozenset({"of", "the", "and", "for", "against", "on", "&"})

# A word: letters with inner apostrophes or hyphens ("O'Brien", "Vidal-Quintero",
# "Marin's"), a dotted abbreviation ("U.S."), or "&" inside a company name.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’\-][^\W\d_]+)*|&")


def _letters(case: str) -> str:
    """A regex class of the capital or small letters of the scripts that have them (Latin,
    Greek, Cyrillic): ``re`` has no ``\\p{Lu}``, and finding only capitalised words is what
    makes reading an article take a few milliseconds."""
    blocks = (range(0x41, 0x250), range(0x370, 0x530), range(0x1E00, 0x1F00))
    wanted = (lambda c: c.isupper() or c.istitle()) if case == "upper" else str.islower
    return "[" + "".join(re.escape(c) for block in blocks for c in map(chr, block)
                         if wanted(c)) + "]"


_CAPITAL, _SMALL = _letters("upper"), _letters("lower")
# What may be part of a name: capitalised words (with a lower-case prefix such as
# "then-President" or "al-Assad"), dotted abbreviations, "&"; connectors are added per lexicon.
_CANDIDATE = (rf"(?<![\w'’.-])(?:{_CAPITAL}\.(?:[^\W\d_]\.)+"
              rf"|(?:[a-z]+-)?{_CAPITAL}[^\W\d_]*(?:['’\-][^\W\d_]+)*)|&")
_AND = frozenset({"and", "y", "e", "und", "et"})
_ENDS_NAME = frozenset({"of", "for", "from", "at", "on", "against"})  # after a titled name
_POSSESSIVE = re.compile(r"['’]s$")
_OPENERS = "\"“‘'([«"
_CLOSERS = "\"”’')]»"
_SENTENCE_ENDS = ".!?:;…•|–—"
_SENTENCE_STOPS = (".", "!", "?", ".”", ".\"", "…")
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Z&]{1,9})\)")


class _Class(enum.Enum):
    """What a word can be inside a name."""

    WORD = "word"  # capitalised: "Marin", "McDonald", "al-Assad"
    INITIAL = "initial"  # "K" in "Daniel K. Harlow"
    ABBREVIATION = "abbreviation"  # "U.S.", "D.C."
    ACRONYM = "acronym"  # "US", "INL"
    CONNECTOR = "connector"  # "of", "the", "de", "von", "&"


@dataclass(frozen=True, slots=True)
class _Token:
    text: str  # without a possessive "'s": "Marin" for "Marin's"
    fold: str  # lower case without accents: "marin" for "Marín"
    cls: _Class
    start: int
    end: int
    possessive: str = ""  # the "'s" or "’s" it had, if any


@dataclass(frozen=True, slots=True)
class _Mention:
    """One phrase in the text and what its cues say it is (``None``: no cue)."""

    tokens: tuple[_Token, ...]
    kind: EntityKind | None
    acronym: str | None = None  # defined right after it: "National Civil Police (PNC)"
    initial: bool = False  # at a sentence start, where any word is capitalised

    @property
    def name(self) -> str:
        return _join(self.tokens)

    @property
    def key(self) -> str:
        return " ".join(t.fold for t in self.tokens)

    @property
    def words(self) -> frozenset[str]:
        return frozenset(t.fold for t in self.tokens if t.cls is not _Class.CONNECTOR)


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``data/entities.yml``, folded, and the patterns built from them."""

    titles: frozenset[str]
    weak_titles: frozenset[str]
    title_modifiers: frozenset[str]
    candidates: re.Pattern[str]  # capitalised words and connectors: all a name is made of
    particle_before_word: re.Pattern[str]  # "der neuen": a particle used as a plain word
    organisation_heads: frozenset[str]
    heads_first: frozenset[str]  # heads that come first: "Policía Nacional Civil"
    standalone: frozenset[str]  # folded one-word or headless names: "congress", "white house"
    acronyms: dict[str, str]  # well-known acronym → name it is counted under: "FBI" → "Federal…"
    dotted: frozenset[str]  # abbreviations a name goes on after: "Mr.", "Gen.", "St."
    connectors: frozenset[str]
    head_connectors: frozenset[str]
    hyphen_particles: frozenset[str]
    name_suffixes: frozenset[str]
    sentence_starters: frozenset[str]
    calendar: frozenset[str]  # months and days
    days: frozenset[str]
    places: frozenset[str]  # single words and folded phrases
    demonyms: frozenset[str]
    place_heads: frozenset[str]  # "street": "Seventh Street" is a place
    thing_heads: frozenset[str]  # "award": "Philip K. Dick Award" is no person
    articles: frozenset[str]  # "the", "la": after "and", a second name starts
    title_surnames: frozenset[str]  # "king": "Stephen King" may end in a title
    noun_endings: tuple[str, ...]  # "-tion": "Rehabilitation" is a common noun, not a name
    reporting_verbs: frozenset[str]  # "said": the name next to it speaks
    listener_verbs: frozenset[str]  # "told": the name after it listens, and may be a paper
    organisation_cues: frozenset[str]  # "newspaper": the name after it is an organisation
    person_after: re.Pattern[str]  # " said", ", who", ", Peruvian attorney general"


@functools.cache
def load_lexicon(path: Path = DATA_DIR / "entities.yml") -> Lexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def words(field: str) -> frozenset[str]:
        return frozenset(fold(w) for w in data[field].split())

    titles, roles, verbs = words("titles"), words("appositive_roles"), words("reporting_verbs")
    heads = words("organisation_heads") | words("organisation_heads_first")
    standalone = frozenset(fold(n) for n in data["standalone_organisations"])
    head_connectors = words("head_connectors")
    return Lexicon(
        titles=titles,
        weak_titles=words("weak_titles"),
        title_modifiers=words("title_modifiers"),
        candidates=re.compile(rf"{_CANDIDATE}|\b(?:{_alternation(words('connectors'))})\b"),
        particle_before_word=re.compile(
            rf"\b({_alternation(words('connectors') - ENGLISH_CONNECTORS)})(?= {_SMALL})"),
        organisation_heads=heads,
        heads_first=words("organisation_heads_first"),
        standalone=standalone,
        acronyms={short: name for short, name in load_built_in().items()
                  if _names_organisation(name, heads | standalone, head_connectors)},
        dotted=words("dotted_abbreviations"),
        connectors=words("connectors"),
        head_connectors=head_connectors,
        hyphen_particles=words("hyphen_particles"),
        name_suffixes=words("name_suffixes"),
        sentence_starters=words("sentence_starters"),
        calendar=words("months") | words("days"),
        days=words("days"),
        places=words("places") | {fold(p) for p in data["place_phrases"]},
        demonyms=words("demonyms"),
        place_heads=words("place_heads"),
        thing_heads=words("thing_heads"),
        articles=words("articles"),
        title_surnames=words("title_surnames"),
        noun_endings=tuple(sorted(words("noun_endings"))),
        reporting_verbs=verbs,
        listener_verbs=words("listener_verbs"),
        organisation_cues=words("organisation_cues"),
        person_after=re.compile(
            rf"^(?:\s+(?:{_alternation(verbs)})\b|,\s+who\b|,\s+\d{{1,3}},"
            rf"|,\s+(?:[\w’'-]+\s+){{0,5}}?(?:{_alternation(roles)})\b)"),
    )


def _names_organisation(name: str, heads: frozenset[str], connectors: frozenset[str]) -> bool:
    """Whether an expansion of the glossary's built-in list names an organisation ("Federal
    Bureau of Investigation") rather than a thing ("deoxyribonucleic acid", "Global
    Positioning System"): a proper name whose head word (before "of", else the last) is an
    organisation's, or a name known on its own ("United Nations")."""
    words = fold(name).replace(",", "").split()
    head = next((words[i - 1] for i, w in enumerate(words) if i and w in connectors), words[-1])
    return name[:1].isupper() and (head in heads or words[0] in heads or fold(name) in heads)


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so "vice-president" is tried before "president"."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@functools.lru_cache(maxsize=1 << 16)  # the same words recur in every article
def fold(text: str) -> str:
    """``"Marín"`` → ``"perez"``: the form names are compared in."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def _join(tokens: Sequence[_Token]) -> str:
    """The phrase as written, with an initial's dot (``Daniel K. Harlow``) and an inner
    possessive (``People's Liberation Army``), but not a final one."""
    last = len(tokens) - 1
    return " ".join(
        t.text + ("." if t.cls is _Class.INITIAL else t.possessive if i < last else "")
        for i, t in enumerate(tokens))


# --- one article ----------------------------------------------------------------------


def named_entities(body: Sequence[Block]) -> tuple[Entity, ...]:
    """The people and organisations ``body`` names, each under its fullest name there.

    ``"U.S. Ambassador … Daniel K. Harlow … Ambassador Harlow said"`` →
    ``Entity("Daniel K. Harlow", PERSON, 2)``.
    """
    lexicon = load_lexicon()
    lower = _lowercase_words(body)
    plain = _plain_connectors(body, lexicon)
    mentions = [m for block in body for m in _block_mentions(block, lexicon, lower)]
    mentions = _cue_surnames([_drop_ordinary(m, lower, plain) for m in mentions], lexicon, lower,
                             plain)
    return _resolve(mentions, body, lexicon)


def _lowercase_words(body: Sequence[Block]) -> frozenset[str]:
    """Words the article writes in lower case: capitalised at a sentence start, not names."""
    words = {w for block in body for w in _TOKEN.findall(block.text) if w.islower()}
    return frozenset(map(fold, words))


def _plain_connectors(body: Sequence[Block], lexicon: Lexicon) -> frozenset[str]:
    """Name particles this article uses as ordinary words ("der" in German: "Daten der
    Akte" is no "Ursula von der Leyen"): seen before a lower-case word at least twice."""
    seen = Counter(m.group(1) for block in body
                   for m in lexicon.particle_before_word.finditer(block.text))
    return frozenset(w for w, n in seen.items() if n >= PLAIN_PARTICLE_USES)


def _block_mentions(block: Block, lexicon: Lexicon, lower: frozenset[str]) -> Iterator[_Mention]:
    """Headings and headline-case or all-caps blocks give no cues, only short forms."""
    text = block.text
    tokens = _tokens(text, lexicon)
    cued = block.kind is not BlockKind.HEADING and not _headline_case(text) \
        and not text.isupper()
    for run in _runs(tokens, text, lexicon, lower):
        for mention in _read_run(run, text, lexicon, lower):
            yield mention if cued else replace(mention, kind=None, acronym=None)


def _headline_case(text: str) -> bool:
    """A short block written like a headline ("Justice Sector Reform Moves Ahead"): mostly
    capitals and no full stop. "President Andrés Calvo met them." is a sentence."""
    if len(text.split()) > HEADLINE_MAX_WORDS or text.rstrip().endswith(_SENTENCE_STOPS):
        return False
    words = [w for w in _TOKEN.findall(text) if len(w) > 3]
    if not words:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= HEADLINE_CASE_SHARE


def _tokens(text: str, lexicon: Lexicon) -> list[_Token | None]:
    """The words of ``text`` that may be part of a name; ``None`` where one turned out not
    to be. Other words are left out: the text between two tokens then breaks a run."""
    return [_token(match, text, lexicon) for match in lexicon.candidates.finditer(text)]


def _token(match: re.Match[str], text: str, lexicon: Lexicon) -> _Token | None:
    word, start, end = match.group(), match.start(), match.end()
    if word.islower() and "-" not in word:  # most words: ruled out or a connector, quickly
        return _Token(word, word, _Class.CONNECTOR, start, end) \
            if word in lexicon.connectors else None
    if word == "&":
        return _Token(word, word, _Class.CONNECTOR, start, end)
    prefix, _, rest = word.partition("-")
    if prefix.islower() and rest[:1].isupper() and prefix not in lexicon.hyphen_particles:
        word, start = rest, start + len(prefix) + 1  # "then-President" → "President"
    if "-" in word and word.rsplit("-", 1)[1].islower() and not word.islower():
        return None  # "INL-supported", "Spanish-language": an adjective
    possessive = word[-2:] if _POSSESSIVE.search(word) else ""
    if not possessive and word.endswith("s") and text[end:end + 1] in ("'", "’") \
            and not text[end + 1:end + 2].isalpha():
        possessive = text[end]  # "Ruiz’ stewardship"
    word = word.removesuffix(possessive) if len(possessive) == 2 else word
    folded = fold(word)
    if folded in lexicon.days:
        return None  # "the US Senate on Monday": a day is never part of a name
    if word.islower():
        return _Token(word, folded, _Class.CONNECTOR, start, end) \
            if folded in lexicon.connectors else None
    dotted = text[end:end + 1] == "."
    if "." in word:
        cls = _Class.ABBREVIATION
    elif len(word) == 1:
        cls = _Class.INITIAL if dotted else None
    elif word.isupper():
        cls = _Class.ACRONYM
    elif word[0].isupper() or folded.split("-")[0] in lexicon.hyphen_particles:
        cls = _Class.WORD
    else:
        cls = None  # "iPhone": a product, not a name
    return cls and _Token(word, folded, cls, start, end, possessive)


def _runs(tokens: list[_Token | None], text: str, lexicon: Lexicon,
          lower: frozenset[str]) -> Iterator[list[_Token]]:
    """Maximal runs of name words, joined only by spaces (or an initial's dot)."""
    run: list[_Token] = []
    for token in [*tokens, None]:
        if token is not None and run and _joins(run[-1], token, text, lexicon, lower):
            run.append(token)
            continue
        if run:
            yield _trim(run)
        run = [token] if token is not None and token.cls is not _Class.CONNECTOR else []


def _joins(previous: _Token, token: _Token, text: str, lexicon: Lexicon,
           lower: frozenset[str]) -> bool:
    """A possessive ends a name ("Peru's | National Institute…") unless it is an
    ordinary word the article also writes in lower case ("People's Liberation Army")."""
    if previous.possessive and previous.fold not in lower:
        return False
    gap = text[previous.end:token.start].removeprefix(previous.possessive[-1:])
    if previous.cls is _Class.INITIAL or previous.fold in lexicon.dotted:
        gap = gap.removeprefix(".")  # "W. Harlow", "Mr. Smith", but not "Harlow. The"
    return gap.isspace()


def _trim(run: list[_Token]) -> list[_Token]:
    while run and run[-1].cls is _Class.CONNECTOR:
        run = run[:-1]
    return run


def _read_run(run: list[_Token], text: str, lexicon: Lexicon,
              lower: frozenset[str]) -> list[_Mention]:
    """What one run of capitalised words names, from its words and their surroundings."""
    run = _drop_sentence_start(run, text, lexicon, lower)
    if not run or len(run) > MAX_RUN_TOKENS:
        return []
    if len(run) > 2 and run[-1].fold in lexicon.calendar and run[-2].cls is _Class.CONNECTOR:
        run = run[:-2]  # "Blossom Music Center on July", but "Theresa May"
    after = text[run[-1].end:run[-1].end + CONTEXT_CHARS]
    acronym = _ACRONYM_AFTER.match(after)
    parts = [part for piece in _split_after_person(run, lexicon)
             for part in _split_at_and(piece, after, lexicon, lower, defined=acronym is not None)]
    mentions = [_read_part(part, text, lexicon) for part in parts]
    if mentions and mentions[0] and _starts_sentence(text, mentions[0].tokens[0].start):
        mentions[0] = replace(mentions[0], initial=True)
    if acronym and mentions and mentions[-1] and mentions[-1].kind is EntityKind.ORGANISATION:
        mentions[-1] = replace(mentions[-1], acronym=acronym.group(1))
    return [m for m in mentions if m is not None]


def _drop_sentence_start(run: list[_Token], text: str, lexicon: Lexicon,
                         lower: frozenset[str]) -> list[_Token]:
    """``"Another Marin"`` → ``"Marin"``; ``"The U.S."`` → ``"U.S."``."""
    start = 0
    while start < len(run) and (run[start].fold == "the" or (
        run[start].cls is _Class.WORD and _starts_sentence(text, run[start].start)
        and (run[start].fold in lexicon.sentence_starters or run[start].fold in lower)
    )):
        start += 1
        while start < len(run) and (run[start].cls is _Class.CONNECTOR
                                    or run[start].fold == "the"):
            start += 1
    return run[start:]


def _trim_front(run: list[_Token]) -> list[_Token]:
    start = 0  # one slice at the end: slicing per token is quadratic on "The The The…"
    while start < len(run) and (run[start].cls is _Class.CONNECTOR or run[start].fold == "the"):
        start += 1
    return run[start:]


def _starts_sentence(text: str, start: int) -> bool:
    """At the start of the block, after ". ", ": ", "– ", or an opening quote."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    if i >= 0 and text[i] in _OPENERS:
        return True
    while i >= 0 and text[i] in _CLOSERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_ENDS


def _split_after_person(run: list[_Token], lexicon: Lexicon) -> list[list[_Token]]:
    """``Dr. Joneigh Khaldun | of the Michigan Department of Health``, ``President Xi
    Jinping | of China``: a titled name ends at "of", unless the "of" says what the title is
    of ("Minister of the Interior Tomás Vidal")."""
    i = 0
    while i < len(run) and _is_title_word(run[i], lexicon):
        i += 1
    if i == 0 or not any(t.fold in lexicon.titles for t in run[:i]):
        return [run]
    cut = next((j for j in range(i + 1, len(run)) if run[j].fold in _ENDS_NAME), None)
    if cut is None:
        return [run]
    return [run[:cut], _trim_front(run[cut:])]



def _split_at_and(run: list[_Token], after: str, lexicon: Lexicon, lower: frozenset[str], *,
                  defined: bool) -> list[list[_Token]]:
    """ "United States and Peru" are two names; "Bureau of International Narcotics and
    Law Enforcement Affairs", "Rehabilitation and Reintegration Center" and, when an acronym
    follows, "Customs and Border Protection (CBP)" are one."""
    parts: list[list[_Token]] = [[]]
    for i, token in enumerate(run):
        right = run[i + 1:]
        if token.fold in _AND and (
                _starts_name(right, lexicon) or _speaks(right, after, lexicon)
                or not (defined or _and_joins(parts[-1], right, lexicon, lower))):
            parts.append([])
        else:
            parts[-1].append(token)
    return [part for part in (_trim(_trim_front(p)) for p in parts) if part]


def _speaks(right: list[_Token], after: str, lexicon: Lexicon) -> bool:
    """"… Department of Homeland Security and Alex Azar, the … secretary": a person."""
    return _is_name_shaped(right, lexicon) and bool(lexicon.person_after.match(after))


def _starts_name(right: list[_Token], lexicon: Lexicon) -> bool:
    """After "and": "the U.S. Department of …", "la Policía…", "Peru", "Ministry of …"
    begin a name."""
    return not right or right[0].fold in lexicon.articles or right[0].cls is _Class.ABBREVIATION \
        or right[0].fold in lexicon.places or right[0].fold in lexicon.organisation_heads


def _and_joins(left: list[_Token], right: list[_Token], lexicon: Lexicon,
               lower: frozenset[str]) -> bool:
    """Inside an organisation's "of" part, or after one common noun before a head word."""
    head = _head_index(left, lexicon)
    after_of = head is not None and head + 1 < len(left) and \
        left[head].fold in lexicon.organisation_heads
    one_word = len(left) == 1 and (left[0].fold in lower or left[0].fold.endswith(
        lexicon.noun_endings))  # "Rehabilitation and Reintegration Center", not "Wistron and…"
    return after_of or (one_word and any(t.fold in lexicon.organisation_heads for t in right))


def _head_index(run: Sequence[_Token], lexicon: Lexicon) -> int | None:
    """The word an organisation's name hangs on: before its first "of", else its last;
    in Spanish, Portuguese, French or Italian its first ("Policía Nacional Civil")."""
    if run and run[0].fold in lexicon.heads_first:
        return 0
    for i, token in enumerate(run):
        if i and token.fold in lexicon.head_connectors:
            return i - 1
    return len(run) - 1 if run else None


def _read_part(run: list[_Token], text: str, lexicon: Lexicon) -> _Mention | None:
    if not any(t.cls is _Class.WORD for t in run):
        return None  # "PRESIDENT SAID THE MINISTRY": shouting, or acronyms alone
    before = _words_before(text, run[0].start, lexicon)
    after = text[run[-1].end:run[-1].end + CONTEXT_CHARS]
    return (_as_organisation(run, before, lexicon)
            or _after_title(run, lexicon)
            or _after_title_before(run, before, lexicon)
            or _as_person(run, before, after, lexicon)
            or _as_uncued(run, lexicon))


def _words_before(text: str, start: int, lexicon: Lexicon) -> list[str]:
    """The words right before a name, as written, nearest last: ``["Ambassador", "to"]``.

    Only words the name directly follows count: ``"Ambassador, Harlow"`` and ``"Group. Wait"``
    give ``[]``. An acronym in brackets is skipped: "Attorney General (AG) Inés Paredes".
    """
    before = text[max(0, start - CONTEXT_CHARS):start]
    if not before[-1:].isspace():
        return []
    words = before.split()[-WORDS_BEFORE:]
    if words and words[-1].startswith("(") and words[-1].endswith(")"):
        words.pop()
    kept: list[str] = []
    for word in reversed(words):
        bare = word.removesuffix(".")
        if not bare.replace("-", "").replace("’", "").replace("'", "").isalpha() or (
                bare != word and fold(bare) not in lexicon.dotted):
            break
        kept.append(bare.rsplit("-", 1)[-1])  # "then-President" → "President"
    return kept[::-1]


def _as_organisation(run: list[_Token], before: list[str], lexicon: Lexicon) -> _Mention | None:
    """An organisation by its head word, a name the lexicon knows, or a cue before it."""
    key = " ".join(t.fold for t in run)
    head = _head_index(run, lexicon)
    headed = head is not None and run[head].fold in lexicon.organisation_heads and len(run) > 1
    cued = before[-1:] and fold(before[-1]) in lexicon.organisation_cues and \
        _is_name_shaped(run, lexicon)
    if not (headed or key in lexicon.standalone or cued):
        return None
    run = _drop_role_tail(_drop_demonym(run, lexicon), lexicon)
    if _is_place_or_role(run, lexicon):
        return None
    return _Mention(tuple(run), EntityKind.ORGANISATION)


def _drop_demonym(run: list[_Token], lexicon: Lexicon) -> list[_Token]:
    """``Peruvian Office of the Attorney General`` → ``Office of the Attorney General``."""
    rest = run[1:]
    if (run[0].fold in lexicon.demonyms and len(rest) > 1
            and rest[0].fold in lexicon.organisation_heads):
        return rest
    return run


def _drop_role_tail(run: list[_Token], lexicon: Lexicon) -> list[_Token]:
    """``Department of Justice Resident Legal Advisor`` → ``Department of Justice``, but
    ``Office of the Attorney General`` and ``Office of Inspector General`` stay whole: there
    the role is what the office is of."""
    k = len(run)
    while k > 1 and (run[k - 1].fold in lexicon.titles
                     or run[k - 1].fold in lexicon.title_modifiers):
        k -= 1
    if run[-1].fold not in lexicon.titles or run[k - 1].fold == "the":
        return run
    if run[k - 1].cls is not _Class.CONNECTOR:
        return run[:k]
    modified = any(t.fold in lexicon.title_modifiers for t in run[k:])
    return run[:k + 1] if modified else run


def _after_title(run: list[_Token], lexicon: Lexicon) -> _Mention | None:
    """``Iranian President Mahmoud Ahmadinejad`` → the words after the title."""
    titles = []
    i = 0
    while i < len(run) and _is_title_word(run[i], lexicon):
        if run[i].fold in lexicon.titles:
            titles.append(run[i].fold)
        i += 1
    if not titles:
        return None
    if i < len(run) and run[i].fold in {"of", "to", "for"}:
        i += _complement_length(run[i + 1:], lexicon)[0] + 1
    return _person_after(run[i:], titles[-1], lexicon)


def _is_title_word(token: _Token, lexicon: Lexicon) -> bool:
    return token.fold in lexicon.titles or token.fold in lexicon.title_modifiers or \
        token.fold in lexicon.demonyms or token.fold in lexicon.places


def _after_title_before(run: list[_Token], before: list[str], lexicon: Lexicon
                        ) -> _Mention | None:
    """``Ambassador to Peru Daniel K. Harlow``, ``Attorney General (AG) Inés Paredes``.

    Before "to/of/for" a title in lower case counts only with a place ("ambassador to
    Ukraine Marie Yovanovitch"): in "…, chairman of the Joint Chiefs of Staff" and "vice
    president of the Trade Partnership" the name is what the role is of, not who holds it.
    """
    words = [fold(w) for w in before]
    words = words[:-1] if words[-1:] == ["the"] else words
    complement = words[-1:] in (["to"], ["of"], ["for"])
    words = words[:-1] if complement else words
    if not words or words[-1] not in lexicon.titles:
        return None
    if not complement:
        return _person_after(run, words[-1], lexicon)
    skip, what = _complement_length(run, lexicon)
    if what is _Complement.GUESS and len(run) - skip < 2:
        return None
    if what is not _Complement.PLACE and not before[len(words) - 1][0].isupper():
        return None  # "…, chairman of the Joint Chiefs of Staff": a role, not a title
    return _person_after(run[skip:], words[-1], lexicon)


class _Complement(enum.Enum):
    """What the words after "Ambassador to", "Minister of" are."""

    PLACE = "place"  # "Peru"
    BODY = "body"  # "the European Commission"
    PORTFOLIO = "portfolio"  # "the Interior", "State"
    GUESS = "guess"  # none of those: taken to be one word


def _complement_length(run: Sequence[_Token], lexicon: Lexicon) -> tuple[int, _Complement]:
    """How many words of ``run`` say what a title is of, and what they are."""
    keys = [" ".join(t.fold for t in run[:n]) for n in range(len(run), 0, -1)]
    place = next((len(k.split()) for k in keys if k in lexicon.places), 0)
    if place:
        return place, _Complement.PLACE
    heads = [i for i, t in enumerate(run) if t.fold in lexicon.organisation_heads]
    if heads:
        return heads[-1] + 1, _Complement.BODY
    portfolio = 0
    while portfolio < len(run) and (run[portfolio].fold in lexicon.title_modifiers
                                    or run[portfolio].cls is _Class.CONNECTOR):
        portfolio += 1
    return (portfolio, _Complement.PORTFOLIO) if portfolio else (1, _Complement.GUESS)


def _person_after(name: list[_Token], title: str, lexicon: Lexicon) -> _Mention | None:
    name = _strip_name(name, lexicon)
    if not name or not _is_name_shaped(name, lexicon) or _is_place_or_role(name, lexicon):
        return None
    if title in lexicon.weak_titles and len(name) < 2:
        return None  # "General Motors" is not a general
    return _Mention(tuple(name), EntityKind.PERSON)


def _strip_name(name: list[_Token], lexicon: Lexicon) -> list[_Token]:
    """``Ukraine Marie Yovanovitch`` → ``Marie Yovanovitch``; ``Carla Babb on Nov`` →
    ``Carla Babb``."""
    while len(name) > 2 and (name[0].fold in lexicon.places or name[0].fold in lexicon.demonyms):
        name = name[1:]
    name = _trim(_trim_front(name))
    while name and name[-1].fold in lexicon.calendar:
        name = _trim(name[:-1])
    return name


def _as_person(run: list[_Token], before: list[str], after: str, lexicon: Lexicon
               ) -> _Mention | None:
    """Two or more name words that speak, are described by a role, or look like a person."""
    run = _strip_name(run, lexicon)
    if len(run) < 2 or not _is_name_shaped(run, lexicon) or _is_place_or_role(run, lexicon):
        return None
    shaped = any(t.cls is _Class.INITIAL for t in run[1:-1]) or \
        run[-1].fold in lexicon.name_suffixes
    last = [fold(w) for w in before[-2:]]
    speaks = last[-1:] and last[-1] in lexicon.reporting_verbs - lexicon.listener_verbs or \
        last == ["according", "to"]
    if shaped or speaks or lexicon.person_after.match(after):
        return _Mention(tuple(run), EntityKind.PERSON)
    return None


def _as_uncued(run: list[_Token], lexicon: Lexicon) -> _Mention | None:
    if _is_place_or_role(run, lexicon) or all(t.cls is _Class.ACRONYM for t in run):
        return None
    return _Mention(tuple(run), None)


def _is_name_shaped(run: Sequence[_Token], lexicon: Lexicon) -> bool:
    """Capitalised words and initials (particles inside), no organisation head word."""
    return (
        0 < len(run) <= MAX_NAME_TOKENS
        and run[0].cls is _Class.WORD
        and all(t.cls in (_Class.WORD, _Class.INITIAL, _Class.CONNECTOR) for t in run)
        and not any(t.fold in lexicon.organisation_heads for t in run)
        and run[0].fold not in lexicon.demonyms  # "Afghan Taliban"
        and not any(" ".join(t.fold for t in run[:n]) in lexicon.places
                    for n in range(1, min(len(run), 3)))  # "Oklahoma City Thunder"
        and run[-1].fold not in lexicon.demonyms  # "House Democrats"
        and run[-1].fold not in lexicon.place_heads  # "Seventh Street"
        and run[-1].fold not in lexicon.thing_heads  # "Philip K. Dick Award"
        and (run[-1].fold not in lexicon.titles or run[-1].fold in lexicon.title_surnames)
    )


def _is_place_or_role(run: Sequence[_Token], lexicon: Lexicon) -> bool:
    """A place, a date word or titles alone: capitalised, but nobody."""
    key = " ".join(t.fold for t in run)
    if key in lexicon.places or key in lexicon.demonyms:
        return True
    content = [t for t in run if t.cls is not _Class.CONNECTOR]
    return all(t.fold not in lexicon.organisation_heads and (
        t.fold in lexicon.calendar or t.fold in lexicon.titles or t.fold in lexicon.title_modifiers
        or t.fold in lexicon.demonyms or t.fold in lexicon.places) for t in content)


def _drop_ordinary(mention: _Mention, lower: frozenset[str], plain: frozenset[str]
                   ) -> _Mention:
    """A "person" whose every word the article also writes in lower case is ordinary words
    ("Justice Sector Reform" is no Justice called Sector Reform); so is one joined by a
    particle this article uses as a plain word ("Versorgung des Patienten")."""
    if mention.kind is EntityKind.PERSON and _is_ordinary(mention, lower, plain):
        return replace(mention, kind=None)
    return mention


def _is_ordinary(mention: _Mention, lower: frozenset[str], plain: frozenset[str]) -> bool:
    words = [t.fold for t in mention.tokens if t.cls is _Class.WORD]
    return all(w in lower for w in words) or any(t.fold in plain for t in mention.tokens)


def _cue_surnames(mentions: list[_Mention], lexicon: Lexicon, lower: frozenset[str],
                  plain: frozenset[str]) -> list[_Mention]:
    """``Luis Marin`` is a person when the article also says ``Marin`` alone, more often than
    ``Luis`` alone: a product is the other way round ("Apple AirPods" … "Apple").

    Not from a sentence start alone ("Getting Disney…" is a verb and a company), nor when
    the last word is an ordinary one here ("Sonos Move"), a particle a plain word ("Daten
    der Akte"), or the words part of an organisation's name ("Big Machine" of "Big Machine
    Records").
    """
    alone = Counter(m.key for m in mentions if len(m.tokens) == 1)
    inside = {m.key for m in mentions if not m.initial}
    bodies = [m.words for m in mentions if m.kind is EntityKind.ORGANISATION]

    def is_surname_cued(m: _Mention) -> bool:
        first, last = m.tokens[0].fold, m.tokens[-1].fold
        return (m.kind is None and 2 <= len(m.tokens) <= SURNAME_CUE_TOKENS
                and m.key in inside and alone[last] > alone[first] and last not in lower
                and _is_name_shaped(m.tokens, lexicon) and not _is_place_or_role(m.tokens, lexicon)
                and not any(m.words <= b for b in bodies)
                and not any(t.fold in plain for t in m.tokens))

    return [replace(m, kind=EntityKind.PERSON) if is_surname_cued(m) else m for m in mentions]


@dataclass
class _Cluster:
    """The mentions of one entity in one article, gathered while reading it."""

    kind: EntityKind
    words: frozenset[str]
    heads: frozenset[str]  # an organisation's short forms keep one: "Fort Worth Police"
    names: Counter[str]
    acronyms: set[str]


def _resolve(mentions: list[_Mention], body: Sequence[Block], lexicon: Lexicon
             ) -> tuple[Entity, ...]:
    """Group the mentions into entities: cued names first (longest first), then short forms."""
    clusters: list[_Cluster] = []
    cued = [m for m in mentions if m.kind is not None]
    for mention in sorted(cued, key=lambda m: -len(m.words)):
        cluster = _cluster_for(mention, clusters, kinds=(mention.kind,))
        if cluster is None:
            heads = mention.words & lexicon.organisation_heads
            cluster = _Cluster(mention.kind, mention.words, heads, Counter(), set())
            clusters.append(cluster)
        if mention.acronym:
            cluster.acronyms.add(mention.acronym)
    for mention in mentions:
        found = _named_part(mention, clusters)
        if found is not None:
            cluster, part = found
            cluster.names[part.name] += 1
    _count_acronyms(clusters, body, lexicon)
    entities = (_entity(c) for c in clusters if c.names)
    return tuple(sorted(entities, key=lambda e: (_KIND_ORDER[e.kind], -e.mentions, fold(e.name))))


def _named_part(mention: _Mention, clusters: list[_Cluster]
                ) -> tuple[_Cluster, _Mention] | None:
    """The longest part of an uncued phrase that is a known name, and that name's cluster:
    "Calvo Returns" in a heading names Calvo, "Another Marin advisor" Marin."""
    tokens = mention.tokens
    longest = len(tokens) if mention.kind is None and len(tokens) <= MAX_PART_SEARCH else 0
    parts = [mention, *(
        _Mention(tokens[i:i + n], None)
        for n in range(longest - 1, 0, -1) for i in range(len(tokens) - n + 1)
        if tokens[i].cls is _Class.WORD and tokens[i + n - 1].cls is _Class.WORD)]
    for part in parts:
        cluster = _cluster_for(part, clusters, kinds=tuple(EntityKind))
        if cluster is not None:
            return cluster, part
    return None


def _cluster_for(mention: _Mention, clusters: list[_Cluster],
                 kinds: tuple[EntityKind, ...]) -> _Cluster | None:
    """The first cluster this mention is a short (or the same) form of."""
    words = mention.words
    for cluster in clusters:
        if cluster.kind not in kinds:
            continue
        short_form = words <= cluster.words and (
            cluster.kind is EntityKind.PERSON or words == cluster.words
            or (len(words) > 1 and bool(words & cluster.heads)))  # not "Correctional Model"
        if short_form:
            return cluster
    return None


def _count_acronyms(clusters: list[_Cluster], body: Sequence[Block], lexicon: Lexicon) -> None:
    """``PNC`` counts for ``National Civil Police`` once the article defined it, and ``FBI``
    for the ``Federal Bureau of Investigation`` the lexicon knows it stands for."""
    defined = {a: c for c in clusters for a in c.acronyms}
    known = [a for a in lexicon.acronyms if a not in defined]
    if not defined and not known:
        return
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted([*defined, *known]))) + r")\b")
    for block in body:
        for match in pattern.finditer(block.text):
            acronym = match.group(1)
            if block.text[match.start() - 1:match.start()] == "(" and acronym in defined:
                continue  # the definition itself: its long form is already counted
            cluster = defined.get(acronym) or _known_cluster(lexicon.acronyms[acronym], clusters)
            cluster.names[acronym if acronym in defined else lexicon.acronyms[acronym]] += 1


def _known_cluster(name: str, clusters: list[_Cluster]) -> _Cluster:
    """The article's cluster for an organisation the lexicon names, made if it has none."""
    words = frozenset(fold(name).split())
    found = next((c for c in clusters if c.words == words), None)
    if found is None:
        found = _Cluster(EntityKind.ORGANISATION, words, frozenset(), Counter(), set())
        clusters.append(found)
    return found


def _entity(cluster: _Cluster) -> Entity:
    name = min(cluster.names, key=lambda n: (-len(n.split()), -cluster.names[n], n))
    return Entity(name, cluster.kind, sum(cluster.names.values()))


_KIND_ORDER = {kind: i for i, kind in enumerate(EntityKind)}


# --- all articles ---------------------------------------------------------------------


def build_index(articles: Sequence[Article]) -> tuple[IndexEntry, ...]:
    """Everyone and everything named frequently, merged across briefings, by kind and name."""
    found: dict[str, dict[str, list[Entity]]] = defaultdict(lambda: defaultdict(list))
    for article in articles:
        for entity in article.facts.entities:
            found[_index_key(entity.name)][article.slug].append(entity)
    groups = _merge_short_names(found)
    entries = [_index_entry(keys, found) for keys in groups]
    return tuple(sorted((e for e in entries if e is not None),
                        key=lambda e: (_KIND_ORDER[e.kind], fold(e.name), e.name)))


def _index_key(name: str) -> str:
    """``"U.S. Department of State"`` → ``"u s department of state"``."""
    return " ".join(fold(name).replace(".", " ").split())


def _merge_short_names(found: dict[str, dict[str, list[Entity]]]) -> list[list[str]]:
    """Put each name with the one longer name that contains all its words, if just one does:
    "Luis Marin" goes with "Luis Marín Ocampo", but "Marin" stays alone beside "Carlos Marin"."""
    kinds = {key: _majority_kind(by_slug) for key, by_slug in found.items()}
    connectors = load_lexicon().connectors
    words = {key: frozenset(key.split()) - connectors or frozenset(key.split()) for key in found}
    having: dict[str, set[str]] = defaultdict(set)  # word → the names that have it
    for key, key_words in words.items():
        for word in key_words:
            having[word].add(key)
    groups: dict[str, list[str]] = defaultdict(list)
    for key in sorted(found):
        containing = set.intersection(*(having[w] for w in words[key]))
        longer = [k for k in containing if kinds[k] is kinds[key] and words[key] < words[k]]
        longest = max(longer, key=lambda k: (len(words[k]), k), default=key)
        # one longest name holding all the others: else two different people share the words
        unique = all(words[k] <= words[longest] for k in longer)
        groups[longest if unique else key].append(key)
    return [groups[k] for k in sorted(groups)]


def _majority_kind(by_slug: dict[str, list[Entity]]) -> EntityKind:
    counts = Counter(e.kind for entities in by_slug.values() for e in entities)
    return min(counts, key=lambda k: (-counts[k], _KIND_ORDER[k]))


def _index_entry(keys: list[str], found: dict[str, dict[str, list[Entity]]]) -> IndexEntry | None:
    """One merged name, or ``None`` if it is not named often. It is shown as most briefings
    spell it, then in its fullest form: "National Security Council", not "Obama National
    Security Council" from one article; "Luis Marín Ocampo" over "Luis Marin"."""
    per_slug: Counter[str] = Counter()
    names: Counter[str] = Counter()
    briefings: dict[str, set[str]] = defaultdict(set)
    kinds: Counter[EntityKind] = Counter()
    for key in keys:
        for slug, entities in found[key].items():
            for entity in entities:
                per_slug[slug] += entity.mentions
                names[entity.name] += entity.mentions
                briefings[entity.name].add(slug)
                kinds[entity.kind] += entity.mentions
    if len(per_slug) < MIN_BRIEFINGS and max(per_slug.values()) < MIN_MENTIONS_IN_ONE:
        return None
    name = min(names, key=lambda n: (-len(briefings[n]), -len(_index_key(n).split()),
                                     -names[n], -_accents(n), n))
    kind = min(kinds, key=lambda k: (-kinds[k], _KIND_ORDER[k]))
    return IndexEntry(name, kind, tuple(sorted(per_slug)), sum(per_slug.values()))


def _accents(name: str) -> int:
    """``Marín`` is preferred to ``Marin``: the accented spelling is the careful one."""
    return sum(1 for c in unicodedata.normalize("NFKD", name) if unicodedata.combining(c))
