"""Emission of a build's records as sorted, unique N-Quads, in forked worker processes when it pays.

Forked children read the records from a module global set for the duration (``shared_records``), so nothing is
pickled. With GNU sort, each worker writes one unsorted part file and one parallel ``sort -u`` orders them all;
otherwise each worker writes sorted runs that are merged here (kg.build.sort).
"""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.build import sort
from kg.build.sort import SORT_CHUNK
from kg.records import Record

PARALLEL_MIN_RECORDS = 2000  # below this, forking emit workers costs more than it saves
_EMIT_RECORDS: list[Record] = []  # set while emit workers run: forked children read it without pickling


def emit_nquads(records: Iterable[Record], base: str) -> Iterator[str]:
    """The N-Quads lines of every record, formatted from the emitter's triples (kg.emit.rdf.emit_lines: the same
    text as formatting pyoxigraph quads, at about half the cost)."""
    from kg.emit.rdf import emit_lines

    for rec in records:
        yield from emit_lines(rec, base)


def derived_lines(records: list[Record], base: str) -> list[str]:
    """N-Quads of the views derived from the whole corpus at build time (payee rankings, kg.emit.rankings)."""
    from kg.emit.findings import finding_lines
    from kg.emit.rankings import ranking_lines

    return ranking_lines(records, base) + finding_lines(records, base)


@contextmanager
def shared_records(records: list[Record]):
    global _EMIT_RECORDS
    _EMIT_RECORDS = records
    try:
        yield
    finally:
        _EMIT_RECORDS = []


def forkable(records: list[Record], jobs: int, min_records: int = PARALLEL_MIN_RECORDS) -> bool:
    import multiprocessing as mp

    return jobs > 1 and len(records) >= min_records and "fork" in mp.get_all_start_methods()


def fork_map(fn, args: list) -> list:
    """``fn`` over ``args`` in forked workers (one per item), which see ``_EMIT_RECORDS`` (see shared_records)."""
    import multiprocessing as mp

    with mp.get_context("fork").Pool(len(args)) as pool:
        return pool.map(fn, args)


def _emit_share(args: tuple[int, int, str, str, int]) -> list[str]:
    """Worker: emit records i, i+n, i+2n, ... into sorted run files; returns their paths."""
    i, n, base, tmp_dir, chunk = args
    runs, buf = [], []
    for line in emit_nquads(_EMIT_RECORDS[i::n], base):
        buf.append(line)
        if len(buf) >= chunk:
            runs.append(str(sort.spill(buf, Path(tmp_dir))))
            buf = []
    if buf:
        runs.append(str(sort.spill(buf, Path(tmp_dir))))
    return runs


def _emit_raw(args: tuple[int, int, str, str]) -> str:
    """Worker: emit records i, i+n, ... unsorted into one file; returns its path."""
    i, n, base, path = args
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(emit_nquads(_EMIT_RECORDS[i::n], base))
    return path


def _derive_raw(args: tuple[str, str]) -> str:
    """Worker: the derived views' lines (see derived_lines) into one file; returns its path."""
    base, path = args
    sort.write_lines(Path(path), derived_lines(_EMIT_RECORDS, base))
    return path


def write_quads(records: list[Record], base: str, out: Path, jobs: int = 1) -> int:
    """graph.nq: every quad of ``records``, sorted and unique; returns the count. With GNU sort, emission writes
    unsorted files (in ``jobs`` forked workers) that one parallel ``sort -u`` orders; else the Python external sort."""
    nq = out / "graph.nq"
    exe = sort.gnu_sort()
    if not exe:
        return sort.write_lines(nq, emit_sorted(records, base, out, jobs))
    n = jobs if forkable(records, jobs) else 1
    parts = [str(out / f"graph.part{i}.tmp") for i in range(n)]
    derived = out / "graph.derived.tmp"
    try:
        with shared_records(records):
            args = [(i, n, base, parts[i]) for i in range(n)]
            fork_map(_emit_raw, args) if n > 1 else _emit_raw(args[0])
            # the corpus-wide views in a child too: their working memory is returned when it exits
            fork_map(_derive_raw, [(base, str(derived))]) if n > 1 else _derive_raw((base, str(derived)))
        sort.sort_unique_files(exe, [*parts, str(derived)], nq, out)
    finally:
        for p in [*parts, derived]:
            Path(p).unlink(missing_ok=True)
    return sort.count_lines(nq)


def emit_sorted(records: list[Record], base: str, tmp_dir: Path, jobs: int = 1,
                chunk: int = SORT_CHUNK, min_records: int = PARALLEL_MIN_RECORDS) -> Iterator[str]:
    """All N-Quads lines of ``records``, sorted and unique. With jobs > 1 and a fork-capable OS, emission runs in
    worker processes (each writes sorted runs to ``tmp_dir``) and the runs are merged here."""
    if not forkable(records, jobs, min_records):
        yield from sort.sorted_unique(itertools.chain(emit_nquads(records, base), derived_lines(records, base)),
                                      tmp_dir, chunk)
        return
    with shared_records(records):
        shares = fork_map(_emit_share, [(i, jobs, base, str(tmp_dir), chunk) for i in range(jobs)])
    runs = [Path(r) for rs in shares for r in rs]
    yield from sort.merge_runs([*runs, sort.spill(derived_lines(records, base), tmp_dir)])
