"""Loads the cleaner's data files once: boilerplate phrases, publisher fingerprints, stop words.

All phrase rules are compiled into two alternations with one named group per rule, so a
block is tested against every rule with two regex calls and the match says which rule won.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class PhraseRule:
    name: str
    note: str
    ends_article: bool  # a section heading after which the page holds only teasers


@dataclass(frozen=True)
class PublisherPattern:
    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Knowledge:
    """Everything the cleaner and the metadata stage know that is not code."""

    rules: tuple[PhraseRule, ...]
    whole: re.Pattern[str]  # one alternation: group ``r<i>`` is rule i's whole-block patterns
    start: re.Pattern[str]  # the same for patterns that match a block's beginning
    publisher_patterns: tuple[PublisherPattern, ...]
    organisation_words: frozenset[str]
    stopwords: frozenset[str]
    entries: tuple[dict, ...] = ()  # the phrase rules as read, for profiles that extend them

    def with_rules(self, entries: list[dict]) -> Knowledge:
        """This knowledge with ``entries`` as its phrase rules (earlier entries win)."""
        return replace(
            self,
            entries=tuple(entries),
            rules=tuple(PhraseRule(e["name"], e.get("note", ""), bool(e.get("ends_article")))
                        for e in entries),
            whole=_alternation(entries, "whole"),
            start=_alternation(entries, "start"),
        )

    def rule_for(self, text: str) -> PhraseRule | None:
        """The phrase rule that matches ``text`` (a stripped block), if any."""
        match = self.whole.fullmatch(text) or self.start.match(text)
        return self.rules[int(match.lastgroup[1:])] if match else None


def _alternation(entries: list[dict], key: str) -> re.Pattern[str]:
    groups = [
        _group(index, "|".join(f"(?:{p})" for p in entry[key]),
               case_sensitive=bool(entry.get("case_sensitive")))
        for index, entry in enumerate(entries)
        if entry.get(key)
    ]
    return re.compile("|".join(groups) or r"(?!)")


def _group(index: int, body: str, *, case_sensitive: bool) -> str:
    """``(?P<r3>(?i:a|b))``: a named group per rule, with case folding scoped to that rule."""
    inner = body if case_sensitive else f"(?i:{body})"
    return f"(?P<r{index}>{inner})"


@functools.cache
def load_knowledge(data_dir: Path = DATA_DIR) -> Knowledge:
    """Read and compile the data files (cached: they are read once per process)."""
    boilerplate = yaml.safe_load((data_dir / "boilerplate.yml").read_text(encoding="utf-8"))
    stopwords = (data_dir / "stopwords-en.txt").read_text(encoding="utf-8").split("\n")
    return Knowledge(
        rules=(),
        whole=re.compile(r"(?!)"),
        start=re.compile(r"(?!)"),
        publisher_patterns=tuple(
            PublisherPattern(p["name"], re.compile(p["pattern"]))
            for p in boilerplate["publisher_patterns"]
        ),
        organisation_words=frozenset(boilerplate["organisation_words"]),
        stopwords=frozenset(w for w in stopwords if w and not w.startswith("#")),
    ).with_rules(boilerplate["rules"])


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
            knowledge=base.with_rules([*entry.get("rules", ()), *base.entries]),
        ))
    return tuple(profiles)


def profile_for(text: str, host: str | None) -> SiteProfile | None:
    return next((p for p in load_profiles() if p.matches(text, host)), None)
