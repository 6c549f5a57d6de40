"""`kg build`: read -> extract -> link -> emit -> validate -> store, with a report of every input.

Stages are plain functions so each can be tested alone. Output is deterministic: graph.nt holds the
sorted, de-duplicated N-Triples of the union graph; graph.nq the sorted quads (one named graph per source).
"""
from __future__ import annotations

import itertools
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.build.inputs import Input, discover
from kg.iris import DEFAULT_BASE
from kg.records import Record



@dataclass
class InputResult:
    input: Input
    records: list[Record] = field(default_factory=list)
    status: str = "ok"  # ok | warnings | failed | skipped
    reasons: list[str] = field(default_factory=list)
    seconds: float = 0.0
    cached: bool = False

    def to_report(self) -> dict:
        warnings = [dict(w, source=r.get("source")) for r in self.records for w in r.get("warnings", [])]
        return {
            "input": self.input.path,
            "kind": self.input.kind,
            "status": self.status,
            "reasons": self.reasons,
            "records": len(self.records),
            "warnings": warnings[:200],
            "warning_count": len(warnings),
            "sha256": sorted({r.get("provenance", {}).get("sha256") or "" for r in self.records} - {""}),
            "seconds": round(self.seconds, 3),
            "cached": self.cached,
        }


# ---------------------------------------------------------------- read + extract


def process_input(inp: Input) -> InputResult:
    """Read and extract one input; never raises (errors become a failed status with the reason)."""
    from kg.extract.dispatch import ExtractError, extract_path
    from kg.read.base import ReadError

    t0 = time.perf_counter()
    res = InputResult(inp)
    try:
        if inp.kind == "note":
            res.status, res.reasons = "skipped", ["data-set note, not a document"]
        elif inp.kind == "document":
            res.records = [extract_path(inp.path)]
        elif inp.kind == "judgit":
            from kg.sources.judgit import iter_judgit

            res.records = list(iter_judgit(inp.path))
        elif inp.kind == "rs":
            from kg.sources.rs import iter_rs

            res.records = list(iter_rs(inp.path))
    except (ReadError, ExtractError) as e:
        res.status, res.reasons = "failed", [str(e)]
    except Exception as e:  # noqa: BLE001 - a bug in one extractor must not stop the build
        res.status, res.reasons = "failed", [f"{inp.path}: internal error {type(e).__name__}: {e}"]
    if res.status == "ok" and any(r.get("warnings") for r in res.records):
        res.status = "warnings"
    res.seconds = time.perf_counter() - t0
    return res


def extract_all(inputs: list[Input], jobs: int = 1, progress=None, cache=None) -> list[InputResult]:
    """Extract inputs (parallel processes when jobs > 1), reusing cached results of unchanged inputs.

    Results keep the input order; ``InputResult.cached`` tells which came from the cache.
    """
    results: list[InputResult | None] = [None] * len(inputs)
    todo: list[int] = []
    for i, inp in enumerate(inputs):
        hit = cache.get(inp) if cache else None
        if hit is not None:
            results[i] = InputResult(inp, hit["records"], hit["status"], hit["reasons"], 0.0, cached=True)
        else:
            todo.append(i)
    done = len(inputs) - len(todo)

    def finish(i: int, res: InputResult) -> None:
        nonlocal done
        results[i] = res
        if cache and res.status != "failed":
            cache.put(res.input, {"records": res.records, "status": res.status, "reasons": res.reasons})
        done += 1
        if progress:
            progress(done, len(inputs))

    if jobs <= 1 or len(todo) < 2:
        for i in todo:
            finish(i, process_input(inputs[i]))
    else:
        with ProcessPoolExecutor(max_workers=jobs) as ex:
            for i, res in zip(todo, ex.map(process_input, [inputs[i] for i in todo], chunksize=1), strict=True):
                finish(i, res)
    return [r for r in results if r is not None]


# ---------------------------------------------------------------- emit


def emit_nquads(records: Iterable[Record], base: str) -> Iterator[str]:
    from kg.emit.rdf import emit, to_nq_line

    for rec in records:
        for q in emit(rec, base):
            yield to_nq_line(q)


def derived_lines(records: list[Record], base: str) -> list[str]:
    """N-Quads of the views derived from the whole corpus at build time (payee rankings, kg.emit.rankings)."""
    from kg.emit.findings import finding_lines
    from kg.emit.rankings import ranking_lines

    return ranking_lines(records, base) + finding_lines(records, base)


SORT_CHUNK = 1_000_000
PARALLEL_MIN_RECORDS = 2000  # below this, forking emit workers costs more than it saves
_EMIT_RECORDS: list[Record] = []  # set while emit workers run: forked children read it without pickling


@contextmanager
def _shared_records(records: list[Record]):
    global _EMIT_RECORDS
    _EMIT_RECORDS = records
    try:
        yield
    finally:
        _EMIT_RECORDS = []


def _forkable(records: list[Record], jobs: int, min_records: int = PARALLEL_MIN_RECORDS) -> bool:
    import multiprocessing as mp

    return jobs > 1 and len(records) >= min_records and "fork" in mp.get_all_start_methods()


def _fork_map(fn, args: list) -> list:
    """``fn`` over ``args`` in forked workers (one per item), which see ``_EMIT_RECORDS`` (see _shared_records)."""
    import multiprocessing as mp

    with mp.get_context("fork").Pool(len(args)) as pool:
        return pool.map(fn, args)


def _spill(lines: list[str], tmp_dir: Path) -> Path:
    import tempfile

    f = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=tmp_dir, suffix=".run", delete=False)
    with f:
        f.writelines(sorted(set(lines)))
    return Path(f.name)


def _emit_share(args: tuple[int, int, str, str, int]) -> list[str]:
    """Worker: emit records i, i+n, i+2n, ... into sorted run files; returns their paths."""
    i, n, base, tmp_dir, chunk = args
    runs, buf = [], []
    for line in emit_nquads(_EMIT_RECORDS[i::n], base):
        buf.append(line)
        if len(buf) >= chunk:
            runs.append(str(_spill(buf, Path(tmp_dir))))
            buf = []
    if buf:
        runs.append(str(_spill(buf, Path(tmp_dir))))
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
    _write_lines(Path(path), derived_lines(_EMIT_RECORDS, base))
    return path


def write_quads(records: list[Record], base: str, out: Path, jobs: int = 1) -> int:
    """graph.nq: every quad of ``records``, sorted and unique; returns the count. With GNU sort, emission writes
    unsorted files (in ``jobs`` forked workers) that one parallel ``sort -u`` orders; else the Python external sort."""
    nq = out / "graph.nq"
    exe = _gnu_sort()
    if not exe:
        return _write_lines(nq, emit_sorted(records, base, out, jobs))
    n = jobs if _forkable(records, jobs) else 1
    parts = [str(out / f"graph.part{i}.tmp") for i in range(n)]
    derived = out / "graph.derived.tmp"
    try:
        with _shared_records(records):
            args = [(i, n, base, parts[i]) for i in range(n)]
            _fork_map(_emit_raw, args) if n > 1 else _emit_raw(args[0])
            # the corpus-wide views in a child too: their working memory is returned when it exits
            _fork_map(_derive_raw, [(base, str(derived))]) if n > 1 else _derive_raw((base, str(derived)))
        _sort_unique_files(exe, [*parts, str(derived)], nq, out)
    finally:
        for p in [*parts, derived]:
            Path(p).unlink(missing_ok=True)
    return _count_lines(nq)


def emit_sorted(records: list[Record], base: str, tmp_dir: Path, jobs: int = 1,
                chunk: int = SORT_CHUNK, min_records: int = PARALLEL_MIN_RECORDS) -> Iterator[str]:
    """All N-Quads lines of ``records``, sorted and unique. With jobs > 1 and a fork-capable OS, emission runs in
    worker processes (each writes sorted runs to ``tmp_dir``) and the runs are merged here."""
    if not _forkable(records, jobs, min_records):
        yield from sorted_unique(itertools.chain(emit_nquads(records, base), derived_lines(records, base)),
                                 tmp_dir, chunk)
        return
    with _shared_records(records):
        shares = _fork_map(_emit_share, [(i, jobs, base, str(tmp_dir), chunk) for i in range(jobs)])
    runs = [Path(r) for rs in shares for r in rs]
    yield from _merge_runs([*runs, _spill(derived_lines(records, base), tmp_dir)])


def _merge_runs(runs: list[Path]) -> Iterator[str]:
    import heapq

    files = [r.open(encoding="utf-8") for r in runs]
    try:
        last = None
        for line in heapq.merge(*files):
            if line != last:
                yield line
                last = line
    finally:
        for f in files:
            f.close()
        for r in runs:
            r.unlink()


def sorted_unique(lines: Iterable[str], tmp_dir: Path, chunk: int = SORT_CHUNK) -> Iterator[str]:
    """Sort and de-duplicate a stream of lines with bounded memory (sorted runs on disk, k-way merge)."""
    runs: list[Path] = []
    buf: list[str] = []
    for line in lines:
        buf.append(line)
        if len(buf) >= chunk:
            runs.append(_spill(buf, tmp_dir))
            buf = []
    if not runs:
        yield from sorted(set(buf))
        return
    if buf:
        runs.append(_spill(buf, tmp_dir))
    yield from _merge_runs(runs)


def _write_lines(path: Path, lines: Iterable[str]) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for line in lines:
            f.write(line)
            n += 1
    return n


def _count_lines(path: Path) -> int:
    with path.open("rb") as f:
        return sum(1 for _ in f)


def write_outputs(lines: Iterable[str], out: Path) -> dict:
    """Write sorted graph.nq (from unsorted ``lines``), then graph.nt and graph.ttl from it; return counts."""
    return finish_outputs(out, _write_lines(out / "graph.nq", sorted_unique(lines, out)))


def finish_outputs(out: Path, n_quads: int) -> dict:
    """graph.nt (the union of out/graph.nq's graphs, sorted and unique) and graph.ttl; returns the counts."""
    nt = out / "graph.nt"
    n_triples = _union_triples(out / "graph.nq", nt, out)
    _write_turtle(nt, out / "graph.ttl")
    return {"quads": n_quads, "triples": n_triples}


@lru_cache(maxsize=1)
def _gnu_sort() -> str | None:
    import shutil
    import subprocess

    exe = shutil.which("sort")
    if not exe:
        return None
    try:
        ver = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return exe if "GNU" in ver else None


def _sort_unique_files(exe: str, inputs: list[str], output: Path, tmp_dir: Path) -> None:
    """``sort -u`` in the C locale (byte order = code-point order for UTF-8), in parallel, bounded buffer."""
    import subprocess

    subprocess.run([exe, "-u", "-S", "1G", f"--parallel={max(1, os.cpu_count() or 1)}", "-T", str(tmp_dir),
                    "-o", str(output), *inputs], check=True, env=dict(os.environ, LC_ALL="C"))


def _union_triples(nq: Path, nt: Path, tmp_dir: Path) -> int:
    """graph.nt: the quads without their graph, sorted and unique. GNU sort in the C locale orders UTF-8 lines
    by code point exactly as Python does (N-Triples lines hold no character below '\\n'), in parallel and much
    faster; without it, the same order comes from the Python external sort."""
    exe = _gnu_sort()
    if not exe:
        with nq.open(encoding="utf-8") as src:
            return _write_lines(nt, sorted_unique((_drop_graph(q) for q in src), tmp_dir))
    flat = tmp_dir / "graph.flat.tmp"
    try:
        with nq.open(encoding="utf-8") as src, flat.open("w", encoding="utf-8") as f:
            f.writelines(_drop_graph(q) for q in src)
        _sort_unique_files(exe, [str(flat)], nt, tmp_dir)
    finally:
        flat.unlink(missing_ok=True)
    return _count_lines(nt)


def _drop_graph(nq_line: str) -> str:
    # an N-Quads line ends with " <graph> .\n"; the graph IRI never contains '> <'.
    body = nq_line.rstrip()[:-1].rstrip()
    if body.endswith(">"):
        cut = body.rfind(" <")
        if cut > 0:
            return body[:cut] + " .\n"
    return nq_line


def _write_turtle(nt: Path, ttl: Path) -> None:
    import pyoxigraph as ox

    from kg.namespaces import PREFIXES

    with nt.open("rb") as f, ttl.open("wb") as g:
        ox.serialize(ox.parse(f, format=ox.RdfFormat.N_TRIPLES), g, format=ox.RdfFormat.TURTLE,
                     prefixes=PREFIXES)


# ---------------------------------------------------------------- build


@dataclass
class BuildOptions:
    base: str = DEFAULT_BASE
    jobs: int = 1
    validate: bool = True
    quiet: bool = False
    cache: bool = True


def build(paths: list[str], out_dir: str | Path, opts: BuildOptions | None = None) -> dict:
    """Run the whole build; write DIR/graph.nt, graph.nq, graph.ttl, report.json and DIR/store."""
    from kg.link import link_all
    from kg.query.store import load_new_store

    opts = opts or BuildOptions()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    inputs = discover(paths)
    bar = _Progress("extract", quiet=opts.quiet) if len(inputs) > 1 else None
    from kg.build.cache import ExtractCache

    cache = ExtractCache(out) if opts.cache else None
    stages: dict[str, float] = {}
    tick = time.perf_counter()

    def stage(name: str) -> None:
        nonlocal tick
        now = time.perf_counter()
        stages[name] = round(now - tick, 2)
        tick = now

    results = extract_all(inputs, jobs=opts.jobs, progress=bar, cache=cache)
    if cache:
        cache.prune()
    if bar:
        bar.done()
    records = [r for res in results for r in res.records]
    stage("extract")
    records, link_report = link_all(records)
    stage("link")
    counts = finish_outputs(out, write_quads(records, opts.base, out, opts.jobs))
    stage("emit")
    load_new_store(out, out / "graph.nq")
    stage("store")
    validation = {"skipped": True}
    if opts.validate:
        from kg.validate.shacl import validate_build

        validation = validate_build(out, counts["triples"])
    stage("validate")
    summary = summarise(results, records, counts)
    report = {
        "kg_version": _version(),
        "base": opts.base,
        "inputs": [r.to_report() for r in results],
        "summary": summary,
        "link": link_report,
        "validation": validation,
        "stages": stages,
        "seconds": round(time.perf_counter() - t0, 2),
    }
    (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                     encoding="utf-8")
    return report


def summarise(results: list[InputResult], records: list[Record], counts: dict) -> dict:
    from kg.normalize.houjin import error_kind, is_valid, validate

    sheets = [r for r in records if r.get("document_type") == "review_sheet"]
    payees = [p for r in sheets for p in r.get("payees") or []]
    corps = {p["corporate_number"] for p in payees if p.get("corporate_number") and is_valid(p["corporate_number"])}
    laws = {lb.get("law_id") or lb.get("law") for r in records for lb in r.get("legal_bases") or []}
    programs = {tuple(r["program_key"]) if r.get("program_key") else id(r) for r in sheets}
    malformed: dict[str, int] = {}
    for p in payees:
        raw = p.get("corporate_number_raw")
        if raw and not p.get("corporate_number"):
            kind = error_kind(validate(raw).error)
            if kind:
                malformed[kind] = malformed.get(kind, 0) + 1
    status = {}
    for res in results:
        status[res.status] = status.get(res.status, 0) + 1
    return {
        "inputs": len(results),
        "inputs_by_status": status,
        "documents": sum(1 for res in results if res.input.kind == "document" and res.status != "failed"),
        "records": len(records),
        "sheets": len(sheets),
        "policy_evaluations": sum(1 for r in records if r.get("document_type") == "policy_evaluation"),
        "programs": len(programs),
        "payees": len(payees),
        "corporations": len(corps),
        "laws": len(laws),
        "triples": counts["triples"],
        "quads": counts["quads"],
        "warnings": sum(len(r.get("warnings") or []) for r in records),
        "malformed_corporate_numbers": dict(sorted(malformed.items())),
    }


def format_summary(report: dict) -> str:
    s = report["summary"]
    rows = [
        ("inputs", s["inputs"]), ("documents", s["documents"]), ("sheets", s["sheets"]),
        ("policy evaluations", s["policy_evaluations"]), ("programs", s["programs"]), ("payees", s["payees"]),
        ("corporations", s["corporations"]), ("laws", s["laws"]), ("triples", s["triples"]),
        ("warnings", s["warnings"]),
    ]
    bad = s.get("malformed_corporate_numbers") or {}
    if bad:
        rows.append(("malformed 法人番号", sum(bad.values())))
    pay = report.get("link", {}).get("payees", {})
    if pay.get("corporations_across_ministries"):
        rows.append(("corps across ministries", pay["corporations_across_ministries"]))
    found = report.get("link", {}).get("findings") or {}
    if found.get("total"):
        rows.append(("findings (kg findings)", found["total"]))
    failed = [i for i in report["inputs"] if i["status"] == "failed"]
    w = max(len(k) for k, _ in rows)
    lines = ["kg build summary", "-" * (w + 12)]
    lines += [f"{k:<{w}}  {v:>9,}" for k, v in rows]
    lines.append("-" * (w + 12))
    lines.append("inputs by status: " + ", ".join(f"{k} {v}" for k, v in sorted(s["inputs_by_status"].items())))
    v = report.get("validation", {})
    if not v.get("skipped"):
        lines.append(f"SHACL: {'conforms' if v.get('conforms') else 'VIOLATIONS: ' + str(v.get('violations'))}")
    for f in failed:
        lines.append(f"FAILED {f['input']}: {'; '.join(f['reasons'])}")
    return "\n".join(lines)


def _version() -> str:
    from kg import __version__

    return __version__


class _Progress:
    """A one-line progress bar on stderr (only when stderr is a terminal and the run is long)."""

    def __init__(self, label: str, quiet: bool = False):
        self.label, self.t0 = label, time.perf_counter()
        self.enabled = not quiet and sys.stderr.isatty() and not os.environ.get("CI")
        self.shown = False

    def __call__(self, i: int, n: int) -> None:
        if not self.enabled or (time.perf_counter() - self.t0 < 0.5 and i < n):
            return
        width = 30
        fill = int(width * i / n)
        sys.stderr.write(f"\r{self.label} [{'#' * fill}{'.' * (width - fill)}] {i}/{n}")
        sys.stderr.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
