"""How the build scales: collections of 100, 1,000 and 5,000 generated articles.

    .venv/bin/python benchmarks/scale.py                      # 100, 1,000 and 5,000
    .venv/bin/python benchmarks/scale.py --sizes 100 1000     # other sizes
    .venv/bin/python benchmarks/scale.py --keep /tmp/scale    # keep the projects to look at

For each size, ``tests/benchmarks/make_corpus.py`` writes a project with that many scraped
articles, and the script measures:

- a first ``mkdocs build`` (empty cache): the generator's part of it (the plugin logs it),
  the whole build's time, the peak memory of all its processes together (sampled every
  20 ms: the build and its worker processes), the site's size and the search index's;
- a second ``mkdocs build`` with nothing changed: the generator's part of it and what that
  adds to the rest, and the pages it wrote under ``docs/``;
- the generator after one article changed: its time and the pages it wrote. This runs the
  plugin's ``on_config`` (where the generator runs) through MkDocs' own config loading, not
  a whole ``mkdocs build``: the rest of a build does not depend on the change, and a third
  build of 5,000 pages would not fit the benchmark's ten-minute budget.

Times are wall-clock seconds on whatever else the machine is doing: compare within a run.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
import make_corpus  # noqa: E402  (a test helper, not part of the package)

SIZES = (100, 1000, 5000)
SAMPLE_SECONDS = 0.02
# Runs the plugin's on_config, where the generator runs, as ``mkdocs build`` would.
GENERATOR_ONLY = ("import logging; from mkdocs.config import load_config; "
                  "logging.basicConfig(level=logging.INFO); "
                  "config = load_config({config!r}); config.plugins.on_config(config)")
ENVIRONMENT = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795000000"}
ONE_SENTENCE = ("\n\nOfficials said on Tuesday that the review would be published "
                "before the end of the year.\n")


@dataclass(frozen=True)
class Measured:
    seconds: float
    peak_mb: float
    log: str

    def number(self, pattern: str) -> float:
        """The number ``pattern``'s group finds in the command's log."""
        found = re.search(pattern, self.log)
        if not found:
            raise RuntimeError(f"no {pattern!r} in the log:\n{self.log[-3000:]}")
        return float(found.group(1))

    @property
    def generator_seconds(self) -> float:
        return self.number(r"briefings: .*?; (?:generated|nothing had changed) in ([\d.]+) s")

    @property
    def build_generator_seconds(self) -> float:
        """The generator's whole part of an ``mkdocs build``, tooltips included."""
        return self.number(r"the generator took ([\d.]+) s of this build")

    @property
    def build_seconds(self) -> float:
        return self.number(r"Documentation built in ([\d.]+) s")

    @property
    def adds(self) -> float:
        """What the generator adds to the rest of an ``mkdocs build``."""
        return self.build_generator_seconds / (self.build_seconds - self.build_generator_seconds)

    @property
    def pages_written(self) -> int:
        return int(self.number(r"(\d+) pages written"))


@dataclass(frozen=True)
class Row:
    articles: int
    cold: Measured
    site_mb: float
    index_mb: float
    unchanged: Measured
    one_changed: Measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    parser.add_argument("--keep", type=Path, help="build here and keep the projects")
    parser.add_argument("--json", type=Path, help="also write the table's figures here")
    args = parser.parse_args()
    started = time.perf_counter()
    print(machine())
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}\n")
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="briefings-scale-"))
    try:
        rows = []
        for size in args.sizes:
            rows.append(measure_size(size, workdir / f"{size}-articles"))
            print(table(rows[-1:], header=not rows[:-1]), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(workdir)
    if args.json:
        args.json.write_text(json.dumps([figures(row) for row in rows], indent=1) + "\n",
                             encoding="utf-8")
    print(f"\n{notes(rows)}\nbenchmark: {time.perf_counter() - started:.0f} s in all")


def machine() -> str:
    memory = psutil.virtual_memory().total / 2**30
    return (f"machine: {platform.machine()}, {len(os.sched_getaffinity(0))} cores, "
            f"{memory:.0f} GiB, Python {platform.python_version()}, "
            f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")


def measure_size(size: int, project: Path) -> Row:
    make_corpus.make_project(size, project)
    config = project / "mkdocs.yml"
    build = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d",
             str(project / "site")]
    cold = run(build)
    unchanged = run(build)
    change_one_article(project / "seeds")
    one_changed = run([sys.executable, "-c", GENERATOR_ONLY.format(config=str(config))])
    return Row(
        articles=size,
        cold=cold,
        site_mb=folder_mb(project / "site"),
        index_mb=(project / "site" / "search" / "search_index.json").stat().st_size / 2**20,
        unchanged=unchanged,
        one_changed=one_changed,
    )


def run(command: list[str]) -> Measured:
    """Run ``command``; its wall-clock time, the peak of its processes' summed memory (RSS)
    and its output."""
    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT,
                                   env={**os.environ, **ENVIRONMENT})
        peak = PeakMemory(process.pid)
        peak.start()
        code = process.wait()
        seconds = time.perf_counter() - started
        peak.stop()
        output.seek(0)
        log = output.read()
    if code != 0:
        raise RuntimeError(f"{command} exited {code}:\n{log[-3000:]}")
    return Measured(seconds, peak.megabytes, log)


class PeakMemory(threading.Thread):
    """The largest total resident memory of a process and all its descendants, sampled."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(SAMPLE_SECONDS):
            self.peak = max(self.peak, self._total())

    def _total(self) -> int:
        total = 0
        try:
            processes = [self.root, *self.root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return 0
        for process in processes:
            with contextlib.suppress(psutil.NoSuchProcess):  # ended since it was listed
                total += process.memory_info().rss
        return total

    def stop(self) -> None:
        self.done.set()
        self.join()

    @property
    def megabytes(self) -> float:
        return self.peak / 2**20


def change_one_article(seeds: Path) -> None:
    """Add a sentence to the middle text article, as a re-scrape of an updated story would."""
    texts = sorted(seeds.glob("*.txt"))
    article = texts[len(texts) // 2]
    article.write_text(article.read_text(encoding="utf-8") + ONE_SENTENCE, encoding="utf-8")


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


COLUMNS = (  # heading, format (its width is the heading's), value
    ("articles", "{:,}", lambda r: r.articles),
    ("generator s", "{:.1f}", lambda r: r.cold.build_generator_seconds),
    ("build s", "{:.1f}", lambda r: r.cold.build_seconds),
    ("adds", "{:.0%}", lambda r: r.cold.adds),
    ("peak MB", "{:.0f}", lambda r: r.cold.peak_mb),
    ("site MB", "{:.1f}", lambda r: r.site_mb),
    ("index MB", "{:.1f}", lambda r: r.index_mb),
    ("rebuild gen. s", "{:.2f}", lambda r: r.unchanged.build_generator_seconds),
    ("rebuild s", "{:.1f}", lambda r: r.unchanged.build_seconds),
    ("rebuild adds", "{:.0%}", lambda r: r.unchanged.adds),
    ("rebuild written", "{}", lambda r: r.unchanged.pages_written),
    ("one-change s", "{:.2f}", lambda r: r.one_changed.generator_seconds),
    ("one-change written", "{}", lambda r: r.one_changed.pages_written),
)


def figures(row: Row) -> dict[str, float]:
    """The table's row as heading → value."""
    return {heading: value(row) for heading, _, value in COLUMNS}


def table(rows: list[Row], *, header: bool) -> str:
    lines = ["  ".join(heading for heading, _, _ in COLUMNS)] if header else []
    lines += ["  ".join(f"{fmt.format(value(row)):>{len(heading)}}"
                        for heading, fmt, value in COLUMNS) for row in rows]
    return "\n".join(lines)


def notes(rows: list[Row]) -> str:
    return "\n".join([
        "generator s: the generator's part of a first `mkdocs build` (empty cache), tooltips",
        "  included; build s: the whole build, as MkDocs reports it; adds: what the generator",
        "  adds to the rest of the build (generator s / (build s - generator s));",
        "peak MB: all the build's processes together; index MB: Material's search_index.json;",
        "rebuild: a second `mkdocs build`, nothing changed (the generator's part, the whole,",
        "  what the first adds to the rest); one-change s: the generator after one article",
        "  changed; written: the pages the generator wrote under docs/.",
        *(f"{row.articles:,} articles: first build {row.cold.seconds:.0f} s wall-clock"
          for row in rows),
    ])


if __name__ == "__main__":
    main()
