"""Forked worker pools that share the parent's memory (used by the terms, link and emit stages).

The workers inherit the parent's module globals (records, texts, year pairs) at fork time, so nothing is pickled
on the way in. While a pool runs, the parent's objects are frozen out of the garbage collector (``gc.freeze``): a
collection in a child writes to every object it visits, which copied the shared records' pages into each child
(copy-on-write); frozen, a page is copied only when a worker really touches an object on it.
"""
from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def fork_pool(processes: int):
    """A ``multiprocessing`` pool of ``processes`` forked workers (see the module docstring)."""
    import gc
    import multiprocessing as mp

    gc.freeze()
    try:
        with mp.get_context("fork").Pool(processes) as pool:
            yield pool
    finally:
        gc.unfreeze()
