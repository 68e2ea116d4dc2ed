"""Reads ``seeds/sources.yml``: a user's corrections per article, validated field by field.

    000_84addd0f2f4c2b0d.txt:
      url: https://insightcrime.org/news/brief/…
      date: 2012-01-10
      author: Jane Doe

Every problem names the file, the article and the field, says what was seen and what to do.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from generator.model import Override, Problem

OVERRIDES_FILE = "sources.yml"
FIELDS = ("url", "title", "date", "source", "author", "licence")


def read_overrides(seeds_dir: Path) -> tuple[dict[str, Override], list[Problem]]:
    path = seeds_dir / OVERRIDES_FILE
    if not path.exists():
        return {}, []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        return {}, [Problem(OVERRIDES_FILE, f"is not valid YAML: {error}")]
    if not isinstance(data, dict):
        return {}, [Problem(OVERRIDES_FILE, "must map article file names to their fields")]
    overrides, problems = {}, []
    for name, fields in sorted(data.items(), key=lambda item: str(item[0])):
        override, found = parse_override(str(name), fields)
        problems += found
        if not (seeds_dir / str(name)).exists():
            problems.append(Problem(OVERRIDES_FILE, f"{name!r}: no such file in seeds/"))
        overrides[str(name)] = override
    return overrides, problems


def parse_override(name: str, fields: object) -> tuple[Override, list[Problem]]:
    where = f"{OVERRIDES_FILE}: {name}"
    if not isinstance(fields, dict):
        return Override(), [Problem(where, f"expected fields ({', '.join(FIELDS)}), "
                                           f"got {fields!r}")]
    problems = [Problem(where, f"unknown field {key!r}; use one of {', '.join(FIELDS)}")
                for key in fields if key not in FIELDS]
    values = {}
    for key in FIELDS:
        value = fields.get(key)
        if value is None:
            continue
        if key == "date":
            value = _as_date(value)
            if value is None:
                problems.append(Problem(where, f"date {fields[key]!r} is not YYYY-MM-DD"))
                continue
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(where, f"{key} must be text, got {value!r}"))
            continue
        elif key == "url" and not value.startswith(("https://", "http://")):
            problems.append(Problem(where, f"url {value!r} must start with https:// or http://"))
            continue
        values[key] = value.strip() if isinstance(value, str) else value
    return Override(**values), problems


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None
