"""Page-by-page work (the audit's page pass, building task pages) spread over the machine's cores.

Matching the lexicon, measuring readability and counting candidate words look at every sentence of every page
and need nothing from other pages, so large sites are cut into chunks that worker processes handle side by side
(Python threads would take turns on one core). Workers are forked: they start in milliseconds with this
process's memory — the pages, the lexicon, the loaded language data — where spawned workers re-import everything
and receive the pages pickled, which cost about 4 s per audit step on 2 cores. The audit's only other thread is
the progress bar's, whose locks the workers never touch. Where fork does not exist (Windows), and for small
sites, where starting workers would cost more than it saves, the work stays in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

MIN_ITEMS = 1_000  # below this, one process is about as fast
MAX_WORKERS = 4
CHUNKS_PER_WORKER = 4  # a few chunks each, so a worker that drew slow pages does not hold up the rest

_shared: tuple[Callable[[Sequence[Any]], list[Any]], Sequence[Any]] | None = None  # inherited by forked workers


def workers_for(count: int, min_items: int | None = None) -> int:
    """How many worker processes `count` items deserve: 1 (no workers) for small sites or a single core."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 1 if count < (MIN_ITEMS if min_items is None else min_items) else max(1, min(MAX_WORKERS, cores))


def map_chunks(work: Callable[[Sequence[Any]], list[Any]], items: Sequence[Any],
               initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = (),
               progress: Callable[[int], None] | None = None, chunk_size: int | None = None,
               min_items: int | None = None) -> list[Any]:
    """`work` applied to consecutive chunks of `items`, results joined in the items' order.

    `initializer` runs once per worker with `initargs` (and in this process when the work stays here): it sets
    what `work` needs besides its items. `work` must be a module-level function. `progress`, when given, is
    called with the number of items of every finished chunk (chunks of `chunk_size` when the work stays here).
    `min_items` is the fewest items worth workers (MIN_ITEMS when None): lower it for work that costs more per item.
    """
    global _shared
    workers = workers_for(len(items), min_items)
    if workers == 1:
        if initializer is not None:
            initializer(*initargs)
        if progress is None or not items:
            return work(items)
        size = chunk_size or len(items)
        results: list[Any] = []
        for start in range(0, len(items), size):
            results += work(items[start:start + size])
            progress(len(items[start:start + size]))
        return results
    size = -(-len(items) // (workers * CHUNKS_PER_WORKER))
    bounds = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    _shared = (work, items)  # set before the pool forks its workers, so they inherit it instead of a pickled copy
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=initializer, initargs=initargs) as pool:
            joined: list[Any] = []
            for (start, end), chunk in zip(bounds, pool.map(_run_chunk, bounds), strict=True):
                joined += chunk
                if progress is not None:
                    progress(end - start)
            return joined
    finally:
        _shared = None


def _run_chunk(bounds: tuple[int, int]) -> list[Any]:
    assert _shared is not None, "map_chunks sets the work before the workers fork"
    work, items = _shared
    return work(items[bounds[0]:bounds[1]])
