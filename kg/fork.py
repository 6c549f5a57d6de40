"""Forked worker pools that share the parent's memory (used by the terms, link and emit stages).

The workers inherit the parent's module globals (records, texts, year pairs) at fork time, so nothing is pickled
on the way in. While a pool runs, the parent's objects are frozen out of the garbage collector (``gc.freeze``): a
collection in a child writes to every object it visits, which copied the shared records' pages into each child
(copy-on-write); frozen, a page is copied only when a worker really touches an object on it.

Before the fork the parent's free heap memory is given back to the system (``trim``, glibc's malloc_trim): a page of
freed memory still resident in the parent is shared with the children like any other, and a child's allocation reusing
it copied it (the parent keeping a page of garbage); released, the child gets a fresh page instead (issue 22,
bench/README.md "Link memory, eighth round").
"""
from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def fork_pool(processes: int, maxtasksperchild: int | None = None):
    """A ``multiprocessing`` pool of ``processes`` forked workers (see the module docstring). ``maxtasksperchild=1``:
    a worker exits after one task (a new one is forked for the next), so what it copied and allocated is given back
    when its task ends, not when the pool's last task does."""
    import gc
    import multiprocessing as mp

    gc.freeze()
    trim()
    try:
        with mp.get_context("fork").Pool(processes, maxtasksperchild=maxtasksperchild) as pool:
            yield pool
    finally:
        gc.unfreeze()


def trim() -> None:
    """Give the free memory of the heap back to the system (glibc's ``malloc_trim(0)``; nothing where there is none).
    Freed memory stays resident until then: in a forked worker, between units of work, so what one unit freed is not
    held (or copied from the parent) while the next runs."""
    global _TRIM
    if _TRIM is None:
        import ctypes
        import ctypes.util

        try:
            _TRIM = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _TRIM = False
    if _TRIM:
        _TRIM(0)


_TRIM = None
