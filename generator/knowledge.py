"""Loads the cleaner's data once: boilerplate phrases, section ends, metadata lines,
function words and site profiles (``generator/data/``).

Phrase rules are indexed by trigger words, so a unit is only tested against the few rules
whose trigger words it contains: most units cost one set intersection, not a regex.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class PhraseRule:
    order: int  # position in the data file: the first matching rule names the removal
    name: str
    patterns: tuple[re.Pattern[str], ...]
    short_only: bool  # only units of at most SHORT_PHRASE_MAX chars
    tail_only: bool  # only the last units of the article (an author bio)


@dataclass(frozen=True)
class Knowledge:
    """Everything the cleaner and the metadata stage know that is not code."""

    phrase_rules: tuple[PhraseRule, ...]
    by_trigger: dict[str, tuple[PhraseRule, ...]]
    section_end: re.Pattern[str]  # one named group per section-end rule
    teaser_sections: frozenset[str]  # section ends that may open a box inside the article
    metadata: re.Pattern[str]  # byline and date-only lines; one named group per rule
    stopwords: frozenset[str]
    notes: dict[str, str] = field(default_factory=dict)  # rule name → what it catches
    phrase_entries: tuple[dict, ...] = ()  # as read, for profiles that extend them

    @functools.cached_property
    def triggers(self) -> frozenset[str]:
        return frozenset(self.by_trigger)

    def with_phrase_rules(self, entries: list[dict]) -> Knowledge:
        """This knowledge with ``entries`` as its phrase rules (earlier entries win)."""
        rules = tuple(_phrase_rule(i, e) for i, e in enumerate(entries))
        by_trigger: dict[str, list[PhraseRule]] = {}
        for rule, entry in zip(rules, entries, strict=True):
            for word in entry["triggers"].split():
                by_trigger.setdefault(word, []).append(rule)
        notes = {**self.notes, **{e["name"]: e.get("note", "") for e in entries}}
        return replace(self, phrase_rules=rules, phrase_entries=tuple(entries), notes=notes,
                       by_trigger={w: tuple(r) for w, r in by_trigger.items()})


def _phrase_rule(order: int, entry: dict) -> PhraseRule:
    return PhraseRule(order, entry["name"], tuple(re.compile(p) for p in entry["patterns"]),
                      short_only=entry.get("scope") == "short",
                      tail_only=entry.get("position") == "tail")


def _combine(entries: list[dict]) -> re.Pattern[str]:
    """One case-insensitive regex with a named group per rule (``case: sensitive`` rules keep
    their case): a single match says which rule matched."""
    groups = []
    for entry in entries:
        body = "|".join(f"(?:{p})" for p in entry["patterns"])
        if entry.get("case") == "sensitive":
            body = f"(?-i:{body})"
        groups.append(f"(?P<{entry['name']}>{body})")
    return re.compile("|".join(groups), re.IGNORECASE)


@functools.cache
def load_knowledge(data_dir: Path = DATA_DIR) -> Knowledge:
    """Read and compile ``boilerplate.yml`` (cached: read once per process)."""
    data = yaml.safe_load((data_dir / "boilerplate.yml").read_text(encoding="utf-8"))
    sections, metadata = data["section_end_rules"], data["metadata_rules"]
    base = Knowledge(
        phrase_rules=(),
        by_trigger={},
        section_end=_combine(sections),
        teaser_sections=frozenset(s["name"] for s in sections if s.get("policy") == "teaser"),
        metadata=_combine(metadata),
        stopwords=frozenset(data["stopwords"].split()),
        notes={e["name"]: e.get("note", "") for e in [*sections, *metadata]},
    )
    return base.with_phrase_rules(data["phrase_rules"])


@dataclass(frozen=True)
class SiteProfile:
    """What the generic rules cannot know about one site (``data/sites/*.yml``)."""

    name: str
    hosts: frozenset[str]  # matched against the article's url (sources.yml or the page's own)
    fingerprints: tuple[re.Pattern[str], ...]  # matched against the scrape's text
    source: str | None  # the publisher's name, for pages that never state it
    knowledge: Knowledge  # the generic knowledge with this site's phrase rules first

    def matches(self, text: str, host: str | None) -> bool:
        return host in self.hosts or any(f.search(text) for f in self.fingerprints)


@functools.cache
def load_profiles(sites_dir: Path = DATA_DIR / "sites") -> tuple[SiteProfile, ...]:
    """Every site profile, in file-name order (the first that matches an article wins)."""
    base = load_knowledge()
    profiles = []
    for path in sorted(sites_dir.glob("*.yml")):
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        match = entry.get("match", {})
        profiles.append(SiteProfile(
            name=entry["name"],
            hosts=frozenset(match.get("hosts", ())),
            fingerprints=tuple(re.compile(f) for f in match.get("fingerprints", ())),
            source=entry.get("source"),
            knowledge=base.with_phrase_rules([*entry.get("rules", ()), *base.phrase_entries]),
        ))
    return tuple(profiles)


def profile_for(text: str, host: str | None) -> SiteProfile | None:
    return next((p for p in load_profiles() if p.matches(text, host)), None)
