"""What the identity stage knows that is not code, read from ``data/identity.yml``."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.identity.header import words
from generator.knowledge import DATA_DIR

DATA_FILE = DATA_DIR / "identity.yml"


@dataclass(frozen=True)
class NamedPattern:
    name: str
    pattern: re.Pattern[str]
    owner: bool = False  # the form often names a publication's owner, not the publication
    writers_too: bool = False  # the form names writers as well ("Follow Ana Ruiz")


@dataclass(frozen=True)
class Lexicon:
    """Labels, roles, agencies and site-name forms: see the comments of the data file."""

    ui_labels: tuple[NamedPattern, ...]
    section_labels: frozenset[str]
    published_labels: frozenset[str]
    updated_labels: frozenset[str]
    byline_leads: tuple[str, ...]  # longest first
    byline_lead: re.Pattern[str]  # a lead at the start of a line or after a date, then a name
    role_words: frozenset[str]
    agencies: frozenset[str]
    site_name_patterns: tuple[NamedPattern, ...]
    owner_words: frozenset[str]
    legal_forms: frozenset[str]
    organisation_words: frozenset[str]
    notes: dict[str, str]  # rule name → what it recognises

    def agency(self, text: str) -> str | None:
        """The agency's own spelling of ``text`` ("REUTERS" → "Reuters", "The Associated
        Press" as it is), if it is one."""
        article, _, rest = text.partition(" ")
        if article.lower() == "the" and rest.lower() in self._agencies_by_case:
            return f"{article} {self._agencies_by_case[rest.lower()]}"
        return self._agencies_by_case.get(text.lower())

    @functools.cached_property
    def _agencies_by_case(self) -> dict[str, str]:
        return {a.lower(): a for a in self.agencies}

    def is_section_label(self, text: str) -> bool:
        """ "Opinion", "Fact Check", "Tech News": a section of a site, not its name."""
        found = words(text)
        return bool(found) and all(w in self.section_labels for w in found)

    def is_date_label(self, word: str) -> bool:
        """ "Published", "Updated", "Aktualisiert": a word that says what a date is."""
        low = word.lower()
        return low in self.published_labels or low in self.updated_labels

    def is_bare_lead(self, text: str) -> bool:
        """A line that is only a byline's lead ("By", "Author:"): the name is on the next."""
        return text.lower().rstrip(": ") in self._lead_words

    @functools.cached_property
    def _lead_words(self) -> frozenset[str]:
        return frozenset(lead.lower() for lead in self.byline_leads)

    def ui_label(self, text: str) -> str | None:
        """The name of the interface label ``text`` is ("Back to Gallery": navigation)."""
        bare = text.strip(" \t.:!?|>»›-–—•·*#\"'“”‘’()[]").lower()
        return next((p.name for p in self.ui_labels if p.pattern.fullmatch(bare)), None)


def _patterns(entries: list[dict]) -> tuple[NamedPattern, ...]:
    return tuple(
        NamedPattern(e["name"], re.compile("|".join(f"(?:{p})" for p in e["patterns"]),
                                           re.IGNORECASE))
        for e in entries)


@functools.cache
def load_lexicon(path: Path = DATA_FILE) -> Lexicon:
    """Read and compile the data file (package data, not a file users edit)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    words = {key: frozenset(data[key].lower().split()) for key in (
        "section_labels", "published_labels", "updated_labels", "role_words", "owner_words",
        "legal_forms")}
    leads = tuple(sorted(data["byline_leads"], key=len, reverse=True))
    lead_alternation = "|".join(re.escape(lead) for lead in leads)
    return Lexicon(
        ui_labels=_patterns(data["ui_labels"]),
        byline_leads=leads,
        byline_lead=re.compile(rf"(?:^|\s)(?i:{lead_alternation})\s*:?\s+(?=[A-ZÀ-ÞА-ЯЁ])"),
        agencies=frozenset(data["agencies"]),
        site_name_patterns=tuple(
            NamedPattern(e["name"], re.compile(e["pattern"]), owner=e.get("owner", False),
                         writers_too=e.get("writers_too", False))
            for e in data["site_name_patterns"]),
        organisation_words=frozenset(data["organisation_words"].split()),
        notes={e["name"]: e["note"] for e in [*data["ui_labels"], *data["site_name_patterns"]]},
        **words,
    )
