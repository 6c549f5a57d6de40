"""Emission of a build's records as sorted, unique N-Quads, in forked worker processes when it pays.

Forked children read the records from a module global set for the duration (``shared_records``), so nothing is
pickled. With GNU sort, each worker writes one unsorted part file and one parallel ``sort -u`` orders them all;
otherwise each worker writes sorted runs that are merged here (kg.build.sort). ``emit_parts`` and ``sort_parts``
are the two steps (`kg build` frees the records between them); ``write_quads`` does both.

Lines about nodes many records describe (corporations, fiscal years, organisations, laws, the datasets'
structure: kg.iris.shared_node_prefixes) are written once per worker while they are remembered (a bounded set):
a third of a national build's lines were such repeats, which sort then removed (bench/README.md).
"""
from __future__ import annotations

import itertools
import pickle
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.build import sort
from kg.build.sort import SORT_CHUNK
from kg.fork import fork_pool
from kg.records import Record

PARALLEL_MIN_RECORDS = 2000  # below this, forking emit workers costs more than it saves
SEEN_MAX = 400_000  # lines about shared nodes remembered per worker (~100 MB); forgotten all at once when full
_EMIT_RECORDS: list[Record] = []  # set while emit workers run: forked children read it without pickling


def emit_bodies(records: Iterable[Record], base: str) -> Iterator[tuple[str, list[str]]]:
    """``(suffix, bodies)`` of each record (kg.emit.out.Out.bodies: its N-Quads lines are each body + suffix), the
    bodies about shared nodes that this worker already gave in the same graph left out (kg.iris.
    shared_node_prefixes; remembered up to SEEN_MAX bodies, then forgotten all at once)."""
    from kg.emit.rdf import emit_out
    from kg.iris import shared_node_prefixes

    shared = tuple("<" + p for p in shared_node_prefixes(base))
    seen: dict[str, set[str]] = {}  # suffix (the graph) -> bodies about shared nodes given in it
    remembered = 0
    for rec in records:
        out = emit_out(rec, base)
        g, bodies = out.suffix(), out.bodies()
        about_shared = [b for b in bodies if b.startswith(shared)]
        if about_shared:
            known = seen.get(g)
            if known is None:
                known = seen[g] = set()
            given = known.intersection(about_shared)
            if given:
                bodies = [b for b in bodies if b not in given]
            known.update(about_shared)
            remembered += len(about_shared) - len(given)
            if remembered >= SEEN_MAX:
                seen.clear()
                remembered = 0
        yield g, bodies


def emit_nquads(records: Iterable[Record], base: str) -> Iterator[str]:
    """The N-Quads lines of every record, formatted from the emitter's triples (kg.emit.rdf.emit_lines: the same
    text as formatting pyoxigraph quads, at about half the cost); a shared node's lines once per worker and graph
    (see emit_bodies)."""
    for g, bodies in emit_bodies(records, base):
        for b in bodies:
            yield b + g


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


def forkable(records: list[Record], jobs: int, min_records: int | None = None) -> bool:
    import multiprocessing as mp

    least = PARALLEL_MIN_RECORDS if min_records is None else min_records
    return jobs > 1 and len(records) >= least and "fork" in mp.get_all_start_methods()


def fork_map(fn, args: list) -> list:
    """``fn`` over ``args`` in forked workers (one per item), which see ``_EMIT_RECORDS`` (see shared_records)."""
    with fork_pool(len(args)) as pool:
        return pool.map(fn, args)


def _emit_share(args: tuple[int, int, str, str, int]) -> list[str]:
    """Worker: emit records [start, stop) into sorted run files; returns their paths."""
    start, stop, base, tmp_dir, chunk = args
    runs, buf = [], []
    for line in emit_nquads(_EMIT_RECORDS[start:stop], base):
        buf.append(line)
        if len(buf) >= chunk:
            runs.append(str(sort.spill(buf, Path(tmp_dir))))
            buf = []
    if buf:
        runs.append(str(sort.spill(buf, Path(tmp_dir))))
    return runs


def _sorted_runs(records: list[Record], base: str, tmp_dir: Path, n: int, chunk: int) -> list[Path]:
    """Sorted run files of ``records`` (``n`` forked workers when n > 1; inside ``shared_records``) and of the
    derived views."""
    args = [(a, b, base, str(tmp_dir), chunk) for a, b in contiguous_shares(records, n)]
    shares = fork_map(_emit_share, args) if n > 1 else [_emit_share(args[0])]
    return [Path(r) for rs in shares for r in rs] + [sort.spill(derived_lines(records, base), tmp_dir)]


def _emit_raw(args: tuple[int, int, str, str]) -> str:
    """Worker: emit records [start, stop) unsorted into one file; returns its path."""
    start, stop, base, path = args
    return _write_raw(_EMIT_RECORDS[start:stop], base, path)


def _write_raw(records: Iterable[Record], base: str, path: str) -> str:
    """The N-Quads of ``records``, unsorted, into the file ``path``; returns it."""
    with open(path, "w", encoding="utf-8") as f:
        for g, bodies in emit_bodies(records, base):
            if bodies:
                f.write(g.join(bodies) + g)  # one string per record: no per-line concatenation
    return path


def contiguous_shares(records: list[Record], n: int) -> list[tuple[int, int]]:
    """``n`` runs of consecutive records of about equal work (a record weighs 1 + its payee rows).

    Consecutive, not every n-th record: a forked worker copies each memory page whose objects it touches (their
    reference counts change), and records built one after another share pages — with every n-th record each
    worker touched, and so copied, nearly all of them. Consecutive records of one file also share the most nodes
    (fewer repeated lines, see emit_nquads)."""
    weights = [1 + len(r.get("payees") or []) for r in records]
    total, bounds, acc, k = sum(weights), [0], 0, 1
    for i, w in enumerate(weights):
        acc += w
        if k < n and acc * n >= total * k:
            bounds.append(i + 1)
            k += 1
    bounds += [len(records)] * (n + 1 - len(bounds))
    return list(zip(bounds, bounds[1:], strict=False))


def _derive_raw(args: tuple[str, str]) -> str:
    """Worker: the derived views' lines (see derived_lines) into one file; returns its path."""
    base, path = args
    sort.write_lines(Path(path), derived_lines(_EMIT_RECORDS, base))
    return path


def write_quads(records: list[Record], base: str, out: Path, jobs: int = 1) -> int:
    """graph.nq: every quad of ``records``, sorted and unique; returns the count (emit_parts, then sort_parts)."""
    sort_parts(emit_parts(records, base, out, jobs), out)
    return sort.count_lines(out / "graph.nq")


def emit_parts(records: list[Record], base: str, out: Path, jobs: int = 1) -> list[Path]:
    """Emit ``records`` and the derived views into part files in ``out`` (``jobs`` forked workers): unsorted parts
    when GNU sort is there, else sorted runs. ``sort_parts`` makes graph.nq of them. (A `kg build` whose record
    stages run in a child process hands the records over instead: write_shares, emit_shares.)"""
    n = jobs if forkable(records, jobs) else 1
    made: list[Path] = []
    try:
        with shared_records(records):
            if sort.gnu_sort():
                parts = [str(out / f"graph.part{i}.tmp") for i in range(n)]
                derived = out / "graph.derived.tmp"
                made += [Path(p) for p in parts] + [derived]
                args = [(a, b, base, parts[i]) for i, (a, b) in enumerate(contiguous_shares(records, n))]
                fork_map(_emit_raw, args) if n > 1 else _emit_raw(args[0])
                # the corpus-wide views in a child too, after the emitters (it reads every record: beside them it
                # would copy their pages a third time): its working memory is returned when it exits
                fork_map(_derive_raw, [(base, str(derived))]) if n > 1 else _derive_raw((base, str(derived)))
            else:
                made += _sorted_runs(records, base, out, n, SORT_CHUNK)
    except BaseException:
        for p in made:
            p.unlink(missing_ok=True)
        raise
    return made


SHARE_SUFFIX = ".share.pickle"


def write_shares(records: list[Record], base: str, out: Path, jobs: int) -> tuple[list[Path], list[tuple[str, str]]]:
    """Emission handed over to processes that do not hold the whole corpus (issue 22, memory): the derived views
    written here (they read every record), then each of ``jobs`` contiguous shares pickled with the terms of its
    texts (kg.normalize.terms) as ``out/graph.part{i}.tmp.share.pickle``. Returns (the derived views' part, [(share
    pickle, part to write)]) for ``emit_shares``, which a small process runs after this one has exited.

    Why: a worker forked from the process holding the linked records shares its pages copy-on-write, and every page
    either process touches while both live is copied (reference counts): on a national build the emit stage held
    ~1.9 GB of records, link leftovers and heap twice over (3.4 GiB). Pickled shares cost a few seconds of CPU and
    let the record process exit before emission: each emitter holds only its share."""
    from kg.build.terms import texts_of
    from kg.normalize import terms as term_layer

    derived = out / "graph.derived.tmp"
    sort.write_lines(derived, derived_lines(records, base))
    shares = []
    try:
        for i, (a, b) in enumerate(contiguous_shares(records, jobs)):
            part = out / f"graph.part{i}.tmp"
            pick = part.with_name(part.name + SHARE_SUFFIX)
            share = records[a:b]
            with pick.open("wb") as f:
                pickle.dump((share, term_layer.known(texts_of(share))), f, protocol=pickle.HIGHEST_PROTOCOL)
            shares.append((str(pick), str(part)))
    except BaseException:
        derived.unlink(missing_ok=True)
        for pick, _ in shares:
            Path(pick).unlink(missing_ok=True)
        raise
    return [derived], shares


def _emit_pickled(args: tuple[str, str, str]) -> str:
    """Worker: emit the share pickled at ``pick`` (write_shares) unsorted into ``part``; the pickle is removed."""
    pick, part, base = args
    from kg.normalize import terms as term_layer

    with open(pick, "rb") as f:
        share, known = pickle.load(f)
    Path(pick).unlink(missing_ok=True)
    term_layer.remember(known)
    del known
    return _write_raw(share, base, part)


def emit_shares(shares: list[tuple[str, str]], base: str) -> list[Path]:
    """The part files of ``write_shares``'s pickled shares, each emitted by a forked worker of this (small)
    process. The pickles are removed, and so are the parts when emission fails."""
    args = [(pick, part, base) for pick, part in shares]
    try:
        with fork_pool(len(args)) as pool:  # even for one share: this process stays small for the store's load
            done = pool.map(_emit_pickled, args)
    except BaseException:
        for pick, part in shares:
            Path(pick).unlink(missing_ok=True)
            Path(part).unlink(missing_ok=True)
        raise
    return [Path(p) for p in done]


def sort_parts(parts: list[Path], out: Path) -> Path:
    """graph.nq from ``emit_parts``'s files (one parallel ``sort -u``, or a merge of the sorted runs); the parts are
    removed; returns graph.nq's path."""
    nq = out / "graph.nq"
    try:
        exe = sort.gnu_sort()
        if exe:
            sort.sort_unique_files(exe, [str(p) for p in parts], nq, out)
        else:
            sort.write_lines(nq, sort.merge_runs(parts))
    finally:
        for p in parts:
            p.unlink(missing_ok=True)
    return nq


def emit_sorted(records: list[Record], base: str, tmp_dir: Path, jobs: int = 1,
                chunk: int = SORT_CHUNK, min_records: int | None = None) -> Iterator[str]:
    """All N-Quads lines of ``records``, sorted and unique. With jobs > 1 and a fork-capable OS, emission runs in
    worker processes (each writes sorted runs to ``tmp_dir``) and the runs are merged here."""
    if not forkable(records, jobs, min_records):
        yield from sort.sorted_unique(itertools.chain(emit_nquads(records, base), derived_lines(records, base)),
                                      tmp_dir, chunk)
        return
    with shared_records(records):
        runs = _sorted_runs(records, base, tmp_dir, jobs, chunk)
    yield from sort.merge_runs(runs)
