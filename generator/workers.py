"""Per-article work, done once: results come from the cache when their inputs are unchanged;
the rest are computed on every core when there are enough of them to pay for the pool.

Worker processes are started with ``forkserver``: forking the MkDocs process itself (which
runs threads under ``mkdocs serve``) could copy a held lock into a child and hang it. The
pool starts in about a second, so small batches (a one-article change, the test suites'
collections) run in this process. As with any such pool, a script that builds a large
collection must call the pipeline under ``if __name__ == "__main__":``, since each worker
imports the script (``mkdocs`` and ``python -m generator`` do).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from tqdm import tqdm

from generator.cache import Cache

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many articles to compute, a pool costs more than it saves (measured: the
# pool starts in ~1 s; an article takes 5-30 ms).
MIN_PARALLEL_ITEMS = 200
# forkserver where the platform has it (Linux, macOS); spawn elsewhere (Windows).
START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() \
    else "spawn"
# Articles per task: large enough that pickling and scheduling are small beside the work,
# small enough that both cores stay busy to the end and the progress bar moves.
CHUNK_SIZE = 16


def cached_map(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    keys: Sequence[str],
    cache: Cache,
    *,
    description: str,
) -> list[Result]:
    """``[function(item) for item in items]``, taking the result for ``keys[i]`` from the
    cache when it has one, and storing the new ones. ``function`` must be picklable (a
    module-level function, or a ``functools.partial`` of one)."""
    found = cache.get_many(keys)
    missing = [i for i, key in enumerate(keys) if key not in found]
    computed = compute(function, [items[i] for i in missing], description=description)
    fresh = {keys[i]: result for i, result in zip(missing, computed, strict=True)}
    cache.put_many(fresh)
    return [found[key] if key in found else fresh[key] for key in keys]


def compute(function: Callable[[Item], Result], items: Sequence[Item], *,
            description: str) -> list[Result]:
    """``function`` over ``items``, in order, with a progress bar on a terminal (none in CI
    or in a log: ``tqdm`` stays silent when stderr is not a terminal)."""
    workers = min(worker_count(), len(items) // MIN_PARALLEL_ITEMS)
    with tqdm(total=len(items), desc=description, unit="article", disable=None, delay=1,
              leave=False) as progress:
        if workers < 2:
            return [_advance(progress, function(item)) for item in items]
        context = multiprocessing.get_context(START_METHOD)
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            return [_advance(progress, result)
                    for result in pool.map(function, items, chunksize=CHUNK_SIZE)]


def worker_count() -> int:
    """The cores this process may use (a container's CPU set, not the host's)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def _advance(progress: tqdm, result: Any) -> Any:
    progress.update()
    return result
