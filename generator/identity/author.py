"""The author, one cascade: a byline ("By X and Y", "Posted by X", "Von X"), a name before
the date ("Paul Renner - Nov 19, 2019"), or a name alone on its line beside the headline
or the date. Roles, e-mail addresses, handles and phone numbers are removed, names in
capitals become proper case, and an agency ("Reuters", "PTI") is an author.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from babel.dates import get_day_names

from generator.dates import date_locales, date_mentions, month_numbers
from generator.identity.header import MAX_METADATA_CHARS, TIME_RE, Header, Line, is_prose
from generator.identity.lexicon import Lexicon

MAX_NAME_TOKENS = 5
MAX_NAME_CHARS = 40
LABELS_BETWEEN_NAME_AND_DATE = 1  # a name alone stands beside the date line, or one label away
MAX_LABEL_WORDS = 2  # a section label between them: "Ideas", "World News"
MAX_DATE_LABEL_WORDS = 3  # "Updated on:" before a date line's date; a caption has more
MAX_TIME_CHARS = 16  # what may follow a byline's date: ", 10:31 pm CST"
MAX_OUTLET_WORDS = 6  # a name alone stands this close to the headline or the date line
NAME_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "della", "di", "van", "von",
                            "der", "den", "la", "le", "du", "bin", "binti", "al", "el", "y",
                            "ter", "ten", "st.", "mac"})
_CONTACT_RE = re.compile(r"\S+@\S+\.\w+|@\w+|https?://\S+|www\.\S+|\+?\d[\d ()./-]{6,}\d")
_NAME_SPLIT_RE = re.compile(r"\s*(?:,|;|\s[-–—]\s|\s(?:and|und|et|e|y|&)\s)\s*|\s{2,}")
_GLUED_WORDS_RE = re.compile(r"[a-z]{4,}[A-Z]")  # "BiographySarah": two words lost a space
_OUTLET_RE = re.compile(r"[A-ZÀ-Þ][\w.&'’-]*(?: (?:[A-ZÀ-Þ][\w.&'’-]*|of|the|and|&|de|for))*")
_OUTLET_SPLIT_RE = re.compile(r"\s*[/|]\s*")
# "Ana RuizBusiness Columnist": the name's last word glued to a role ("Staff Writer").
_GLUED_ROLE_RE = re.compile(r"(?<=[a-z])(?=(?:[A-Z][a-z]+ ?){0,2}(?:Writer|Reporter|Correspondent|"
                            r"Editor|Columnist|Contributor)s?\b)")
_WORD_THEN_SPACE_RE = re.compile(r"\w[\w.-]*\s+")  # "Marlow ", not "ECNET, " or "Stand: "
_CREDIT_AFTER_DATE_RE = re.compile(r"\s[/|]\s*(?P<credit>[^/|]+?)\s*$")
_CREDIT_SLASH_RE = re.compile(r"[^\W\d]/[^\W\d]")  # "Ana Ruiz/AP", not "@ana  /  2 days"
_HANDLE_RE = re.compile(r"(?:^|\s|[a-z])@\w{3,}\b|\S+@\S+\.\w+")  # "@clarawhitfield"
# After an "Author:" line, the writer may be a column or a desk ("The Water Coolest").
# Not a possessive: "Ryan Reed's Most Recent Stories" is a link to the writer's page.
_LABELLED_NAME_RE = re.compile(r"(?!.*['’]s\b)[A-ZÀ-Þ][\w.'’&-]*(?: [\w.'’&-]+){0,4}")
# The word a byline puts before its date: "Posted by X on November 19, 2019".
_BEFORE_DATE_RE = re.compile(r"\s+(?:on|at|am|um|le|el|em|il|pada|op)\s*[|,:-]?\s*$", re.I)
_INITIAL_RE = re.compile(r"[A-ZÀ-Þ]\.(?:[A-ZÀ-Þ]\.)*")
_TOKEN_RE = re.compile(r"(?:[A-ZÀ-ÞĀ-ſА-ЯЁ][\w'’.-]*|[A-ZÀ-Þ]\.)$")


@dataclass(frozen=True)
class Byline:
    """What a byline says: the writers, and the outlets named beside them."""

    names: tuple[str, ...]
    outlets: tuple[str, ...]
    complete: bool = True  # every part of the text before any date was a name

    @property
    def author(self) -> str | None:
        if not self.names:
            return None
        if len(self.names) == 1:
            return self.names[0]
        return ", ".join(self.names[:-1]) + " and " + self.names[-1]


@functools.cache
def calendar_words() -> frozenset[str]:
    """Month and weekday names: "Published Monday" is no name."""
    days = {day.lower() for locale in date_locales() for width in ("wide", "abbreviated")
            for day in get_day_names(width, locale=locale).values()}
    return frozenset({*month_numbers(), *days})


def is_name(text: str, lexicon: Lexicon, stopwords: frozenset[str]) -> bool:
    """ "Clara J. Whitfield", "Owen Marsh", "Ana da Costa": two to five capitalised
    tokens (or particles), none a function word, a section label, a role or an
    organisation's word."""
    tokens = text.split()
    if not 2 <= len(tokens) <= MAX_NAME_TOKENS or len(text) > MAX_NAME_CHARS:
        return False
    lowered = [t.lower().strip(".,") for t in tokens]
    if not _TOKEN_RE.match(tokens[0]) or not _TOKEN_RE.match(tokens[-1]):
        return False
    for token, low in zip(tokens, lowered, strict=True):
        if low in NAME_PARTICLES or _INITIAL_RE.fullmatch(token):
            continue
        if (not _TOKEN_RE.match(token) or _GLUED_WORDS_RE.search(token)
                or low in stopwords or low in lexicon.section_labels or low in calendar_words()
                or low in lexicon.published_labels or low in lexicon.updated_labels
                or low in lexicon.role_words or token in lexicon.organisation_words
                or low in lexicon.owner_words):
            return False
    return lexicon.ui_label(text) is None


def proper_case(name: str) -> str:
    """ "OWEN MARSH" → "Owen Marsh"; mixed case is left as written."""
    if not name.isupper() or name in ("AP", "AFP", "PTI") or len(name) <= 4:
        return name
    return " ".join(w.capitalize() if len(w) > 2 or not w.endswith(".") else w
                    for w in name.split())


def read_byline(text: str, lexicon: Lexicon, stopwords: frozenset[str], *,
                led: bool = False) -> Byline:
    """The names and outlets of a byline's text: dates, times, contacts and roles go, each
    part is a name, an agency or an outlet ("OWEN MARSH, SKYLINE"). After a lead
    (``led``: "by Marlow"), a single capitalised word is a name too."""
    cut = next(iter(date_mentions(text)), None)  # before contacts: "25.08.2015 22:30" is
    text = text[:cut.start] if cut else text     # no phone number
    text = _GLUED_ROLE_RE.sub(", ", _CONTACT_RE.sub(" ", text))
    time = TIME_RE.search(text)
    text = _BEFORE_DATE_RE.sub("", text[:time.start()] if time else text)
    writers, *outlets = _OUTLET_SPLIT_RE.split(text.strip(" \t-–—|,:/"))
    names = []
    complete = True
    for part in _NAME_SPLIT_RE.split(writers):
        part = part.strip(" .,:;")
        if not part or any(w in lexicon.role_words for w in part.lower().split()):
            continue
        name = proper_case(part)
        agency = lexicon.agency(part)
        if agency:
            names.append(agency)
        elif is_name(name, lexicon, stopwords) or led and not names and _single_name(
                name, lexicon, stopwords):
            names.append(name)
        elif names and _OUTLET_RE.fullmatch(part) and len(part.split()) <= MAX_OUTLET_WORDS:
            break  # an outlet after the names: often a syndicating one, never the source
        else:
            complete = False
            break  # the byline's text is over ("Paul Renner 0 comments")
    outlets = [o for o in outlets if _OUTLET_RE.fullmatch(o) and len(o.split()) <= MAX_OUTLET_WORDS]
    return Byline(tuple(names), tuple(outlets[:1]), complete)


def _single_name(text: str, lexicon: Lexicon, stopwords: frozenset[str]) -> bool:
    """ "Marlow", "Admin": one capitalised word that is no label or function word."""
    low = text.lower()
    return (_TOKEN_RE.fullmatch(text) is not None and " " not in text and len(text) > 2
            and low not in stopwords and low not in lexicon.section_labels
            and low not in calendar_words() and lexicon.ui_label(text) is None)


def byline_after_lead(line: Line, lexicon: Lexicon, stopwords: frozenset[str]) -> Byline | None:
    """ "By Lena Ortiz/The Harbour Post", "Monday November 18, 2019 7:45 am PST by Ines
    Kovac", "Autor: Hans Müller"."""
    match = lexicon.byline_lead.search(line.text)
    if not match or (match.start() > 0 and not date_mentions(line.text[:match.start()])):
        return None  # a lead mid-line follows a date, or it is a sentence ("…said by …")
    byline = read_byline(line.text[match.end():], lexicon, stopwords, led=True)
    return byline if byline.names else None


def byline_before_date(line: Line, lexicon: Lexicon, stopwords: frozenset[str]) -> Byline | None:
    """ "Paul Renner - Nov 19, 2019, 10:31 pm CST": a name, then the date. One word
    alone before the date is a name too ("Marlow October 06, 2018")."""
    dates = date_mentions(line.text)
    if not dates or dates[0].start == 0:
        return None
    before = line.text[:dates[0].start]
    word = before.strip()
    alone = (" " not in word and _WORD_THEN_SPACE_RE.fullmatch(before) is not None
             and dates[0].end >= len(line.text.rstrip()) - MAX_TIME_CHARS
             and not lexicon.is_date_label(word))  # not "Stand 12.03.2020", "ECNET, Oct 3"
    before = before.strip(" \t-–—|,")
    byline = read_byline(before, lexicon, stopwords, led=alone)
    return byline if byline.names else None


def name_line(line: Line, lexicon: Lexicon, stopwords: frozenset[str]) -> Byline | None:
    """A line that is only names, perhaps with roles, handles and an outlet ("Hana
    Okafor@HanaOkafor", "Tom Avery, Staff Writer")."""
    if date_mentions(line.text) or line.text.endswith(":") or _CREDIT_SLASH_RE.search(line.text):
        return None  # "Online Multiplayer:" labels a value; "Ana Ruiz/AP" credits a photo
    byline = read_byline(line.text, lexicon, stopwords)
    return byline if byline.names and byline.complete else None


def _beside_date(header: Header, line: Line, dates: set[int], lexicon: Lexicon) -> bool:
    """Right beside the date line, or with only a short label between them ("Molly Ames /
    Ideas / 11.14.2019 09:00 AM")."""
    for d in dates:
        between = header.lines[min(line.index, d) + 1:max(line.index, d)]
        if len(between) <= LABELS_BETWEEN_NAME_AND_DATE and all(
                len(x.text.split()) <= MAX_LABEL_WORDS and lexicon.ui_label(x.text) is None
                for x in between):  # after "Tags" comes a tag, not a name
            return True
    return False


def in_a_list_of_names(header: Header, line: Line, lexicon: Lexicon) -> bool:
    """A name with another name on the line above or below is one of a list (a team, the
    people in a photo), not the writer; "Ana Ruiz" twice is one writer."""
    around = (header.lines[i] for i in (line.index - 1, line.index + 1)
              if 0 <= i < len(header.lines))
    return any(x.text != line.text and is_name(x.text, lexicon, header.stopwords)
               for x in around)


def credit_after_date(line: Line, lexicon: Lexicon) -> Byline | None:
    """ "Updated on: November 19, 2019 / 10:07 AM / CBS News": the desk or agency the date
    line credits, when no writer is named."""
    dates = date_mentions(line.text)
    if not dates or len(line.text[:dates[0].start].split()) > MAX_DATE_LABEL_WORDS:
        return None  # a caption: "A cyclist rides …, November 19, 2019. © Reuters / Ana Ruiz"
    match = _CREDIT_AFTER_DATE_RE.search(line.text, dates[-1].end)
    credit = match and match["credit"]
    if not credit or not lexicon.agency(credit) and len(credit.split()) < 2:
        return None  # one word is a category more often ("2021-10-16 | Botschaft")
    if (TIME_RE.search(credit) or not _OUTLET_RE.fullmatch(credit)
            or len(credit.split()) > MAX_OUTLET_WORDS or lexicon.ui_label(credit)
            or lexicon.is_section_label(credit) or lexicon.is_date_label(credit)):
        return None
    return Byline((lexicon.agency(credit) or credit,), ())


BYLINE_FORMS = (("author:byline", byline_after_lead), ("author:name_before_date",
                                                       byline_before_date))


def find_byline(header: Header, zone: list[Line], dates: set[int],
                lexicon: Lexicon) -> tuple[Byline, Line, str] | None:
    """The byline nearest the body in ``zone``, in the order of ``BYLINE_FORMS``, else a
    name alone on a line after a bare "By", next to the date line (indexes ``dates``), just
    above a time ("Monday 6:30PM"), with a role ("Senior Contributor"), or with the writer's
    handle or e-mail address on it or just below it; else the desk a date line credits."""
    short = [x for x in zone if len(x.text) <= MAX_METADATA_CHARS
             and not (x.body and is_prose(x.text))]  # a byline the cleaner kept counts
    for rule, form in BYLINE_FORMS:
        for line in reversed(short):
            byline = form(line, lexicon, header.stopwords)
            if byline:
                return byline, line, rule
    for line in reversed(short):
        after_lead = line.index > 0 and lexicon.is_bare_lead(header.lines[line.index - 1].text)
        handle = any(_HANDLE_RE.search(x.text) for x in header.lines[line.index:line.index + 3])
        role = any(w in lexicon.role_words for w in line.text.lower().split())
        timed = any(TIME_RE.search(x.text) for x in header.lines[line.index + 1:line.index + 2])
        near = after_lead or handle or role or timed or _beside_date(header, line, dates, lexicon)
        byline = near and not in_a_list_of_names(header, line, lexicon) \
            and name_line(line, lexicon, header.stopwords)
        if byline:
            return byline, line, "author:name_beside_headline"
        if after_lead and _LABELLED_NAME_RE.fullmatch(line.text) \
                and lexicon.ui_label(line.text) is None:
            return Byline((line.text,), ()), line, "author:after_label"
    for line in reversed(short):
        credit = credit_after_date(line, lexicon)
        if credit:
            return credit, line, "author:credit_after_date"
    return None
