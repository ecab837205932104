"""Page-by-page audit work spread over the machine's cores.

Matching the lexicon and measuring readability look at every sentence of every page and need nothing from other
pages, so large sites are cut into chunks that worker processes handle side by side (Python threads would take
turns on one core). Workers are spawned, not forked: the audit may already run threads (the progress bar), and
forking a process with threads can deadlock the child. Small sites stay in one process, where starting workers
would cost more than it saves.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_ITEMS = 1_000  # below this, one process is faster than starting workers (about a second each)
MAX_WORKERS = 4
CHUNKS_PER_WORKER = 4  # a few chunks each, so a worker that drew slow pages does not hold up the rest


def workers_for(count: int) -> int:
    """How many worker processes `count` items deserve: 1 (no workers) for small sites or a single core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 1 if count < MIN_ITEMS else max(1, min(MAX_WORKERS, cores))


def map_chunks(work: Callable[[Sequence[Item]], list[Result]], items: Sequence[Item],
               initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = ()) -> list[Result]:
    """`work` applied to consecutive chunks of `items`, results joined in the items' order.

    `work` and `initializer` must be module-level functions (they are pickled to the workers); `initializer`
    runs once per worker with `initargs`, and in this process when the work stays here.
    """
    workers = workers_for(len(items))
    if workers == 1:
        if initializer is not None:
            initializer(*initargs)
        return work(items)
    size = -(-len(items) // (workers * CHUNKS_PER_WORKER))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"), initializer=initializer,
                             initargs=initargs) as pool:
        return [result for chunk_results in pool.map(work, chunks) for result in chunk_results]
