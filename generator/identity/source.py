"""The source: the publication's own name, as the page calls itself.

After a byline's outlet and a dateline (read with the author and date), the cascade is:
1. ``site_in_page_title``: the name beside the headline in the <title> ("… - SlashGear");
2. ``site_in_furniture``: a form of the page's furniture that names the site ("Follow RT
   on", "About The Valley Courier", "© 2019 The Hill"). A copyright holder that is a
   company owning publications ("Dow Jones & Company") is not the source, though its
   initials are when the page uses them ("Cable News Network" → "CNN");
3. ``organisation_in_footer``: an organisation's name alone in the footer ("U.S.
   Department of State"), for pages that name themselves nowhere else.
"""

from __future__ import annotations

import re

from generator.identity.header import Header, Line, words
from generator.identity.lexicon import Lexicon

MAX_SOURCE_WORDS = 6  # longer "names" in a footer are sentences, not organisations
_FOOTER_JOINERS = frozenset({"of", "the", "and", "for", "&"})


def site_in_page_title(affixes: tuple[str, ...], lexicon: Lexicon) -> str | None:
    """The first affix of the <title> that is no section label, date or number."""
    for affix in affixes:
        if (not lexicon.is_section_label(affix) and any(c.isalpha() for c in affix)
                and lexicon.ui_label(affix) is None):
            return affix.strip()
    return None


def publication_name(name: str, lexicon: Lexicon) -> str:
    """ "ScienceAlert Pty Ltd." → "ScienceAlert": legal forms are not part of the name."""
    tokens = name.rstrip(" .,").split()
    while len(tokens) > 1 and tokens[-1].lower().rstrip(",") in lexicon.legal_forms:
        tokens.pop()
    return " ".join(tokens).rstrip(",")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def site_in_furniture(header: Header, lexicon: Lexicon,
                      writers: tuple[str, ...] = ()) -> tuple[str, Line, str] | None:
    """The first name a form of ``site_name_patterns`` finds in the page's removed lines
    that is no agency (a photo credit), owning company, or one of the article's
    ``writers``."""
    removed = [x for x in header.lines if not x.body]
    page_words = {w for x in header.lines for w in x.text.split()}
    for form in lexicon.site_name_patterns:
        for line in removed:
            match = form.pattern.search(line.text)
            if not match:
                continue
            name = publication_name(match["name"], lexicon)
            if name in lexicon.agencies or form.writers_too and name in writers:
                continue  # a photo credit, or the writer's "Follow" button
            if any(w in lexicon.owner_words for w in words(name)):
                initials = _initials(name)
                if form.owner and len(initials) >= 2 and initials in page_words:
                    return initials, line, f"source:{form.name}_initials"
            elif not form.owner or _named_elsewhere(name, line, header):
                return name, line, f"source:{form.name}"
    return None


def _named_elsewhere(name: str, line: Line, header: Header) -> bool:
    """A copyright holder is the publication when the page also names it elsewhere (its
    masthead, "About …", a title) or its domain spells it ("valleycourier.com"); an owner,
    a photographer or a designer it does not."""
    key = re.sub(r"\W+", "", name.lower())
    return any(name in x.text for x in header.lines if x.index != line.index
               and "©" not in x.text and "copyright" not in x.text.lower()) or (
        len(key) >= 3 and any(key in domain.replace(".", "").replace("-", "")
                              for x in header.lines for domain in _DOMAIN_RE.findall(x.text)))


_DOMAIN_RE = re.compile(r"\b((?:www\.)?[\w-]+)\.(?:com|org|net|co\.uk|de|fr|es|it|in|ca|info)\b",
                        re.IGNORECASE)


# Removed for where they stand, not for what they say: a footer name may be among them.
_POSITIONAL_RULES = frozenset({"segment:outside_main_run", "context:short_in_run"})
_SENTENCE_END_RE = re.compile(r"[.:?]$")


def organisation_in_footer(header: Header, lexicon: Lexicon,
                           is_phrase) -> tuple[str, Line, str] | None:
    last_body = max((x.index for x in header.lines if x.body), default=len(header.lines))
    for line in header.lines[last_body + 1:]:
        tokens = line.text.split()
        if (
            line.rule in _POSITIONAL_RULES
            and len(tokens) <= MAX_SOURCE_WORDS
            and lexicon.organisation_words.intersection(tokens)
            and all(w[0].isupper() or w in _FOOTER_JOINERS for w in tokens)
            and not _SENTENCE_END_RE.search(line.text)
            and not is_phrase(line.text)  # "Terms of Service" is a link
        ):
            return line.text, line, "source:organisation_in_footer"
    return None
