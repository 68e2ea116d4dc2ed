"""The build cache: what a stage made from the same inputs before is not made again.

Each entry is keyed by a hash of everything its value depends on: the stage's inputs and
``code_fingerprint()``, the hash of the generator's own code and data files, so a new
version of a rule or a template never reuses an old result. Keys are content hashes, never
file times, so a checkout, a copy or ``touch`` costs nothing and a same-size edit is seen.

Entries live in one SQLite file (``.cache/plugin/briefings/cache.db`` beside mkdocs.yml,
where Material's own plugins keep theirs). After a build, entries it did not use are
dropped, so the cache holds one collection's worth, not its history. Values are pickles: a
cache is as trusted as the project folder it sits in, like ``__pycache__``. Deleting the
folder is always safe; the next build is then a full one.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).parent
# SQLite caps the number of parameters of one statement; look keys up in slices.
LOOKUP_SLICE = 500


def digest(*parts: Any) -> str:
    """A stable hash of ``parts`` (strings, bytes, numbers, tuples of them, or None)."""
    hasher = hashlib.blake2b(digest_size=20)
    for part in parts:
        hasher.update(pickle.dumps(part, protocol=5))
    return hasher.hexdigest()


def code_fingerprint() -> str:
    """The hash of the generator's code, data and templates: a change to any of them means
    every cached result may be stale."""
    files = sorted(p for p in PACKAGE_DIR.rglob("*") if p.is_file()
                   and "__pycache__" not in p.parts)
    return digest(*((p.relative_to(PACKAGE_DIR).as_posix(), p.read_bytes()) for p in files))


class Cache:
    """A key → value store in one SQLite file (or in memory when ``path`` is None)."""

    def __init__(self, path: Path | None = None):
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(":memory:" if path is None else path)
        self._db.execute("CREATE TABLE IF NOT EXISTS entry (key TEXT PRIMARY KEY, value BLOB)")
        self._used: set[str] = set()

    def get(self, key: str) -> Any | None:
        return self.get_many([key]).get(key)

    def get_many(self, keys: Iterable[str]) -> dict[str, Any]:
        """The values stored for those of ``keys`` that have one."""
        found = {}
        for group in _slices(list(dict.fromkeys(keys)), LOOKUP_SLICE):
            marks = ",".join("?" * len(group))
            rows = self._db.execute(f"SELECT key, value FROM entry WHERE key IN ({marks})", group)
            found.update((key, pickle.loads(value)) for key, value in rows)
        self._used.update(found)
        return found

    def put_many(self, items: dict[str, Any]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO entry VALUES (?, ?)",
                ((key, pickle.dumps(value, protocol=5)) for key, value in items.items()))
        self._used.update(items)

    def drop_unused(self) -> None:
        """Forget every entry this run neither read nor wrote."""
        with self._db:
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
            self._db.execute("DELETE FROM used")
            self._db.executemany("INSERT INTO used VALUES (?)", ((k,) for k in self._used))
            self._db.execute("DELETE FROM entry WHERE key NOT IN (SELECT key FROM used)")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def _slices(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
