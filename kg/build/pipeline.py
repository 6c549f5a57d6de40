"""`kg build`: read -> extract -> link -> emit -> validate -> store, with a report of every input.

Stages are plain functions so each can be tested alone. Output is deterministic: graph.nt holds the
sorted, de-duplicated N-Triples of the union graph; graph.nq the sorted quads (one named graph per source).
This module is the orchestration; emission is kg.build.parallel, sorting kg.build.sort, graph.nt/graph.ttl
kg.build.outputs, the summary kg.build.summary, the progress bar kg.build.progress.
"""
from __future__ import annotations

import json
import logging
import pickle
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from kg.build import sort
from kg.build.inputs import Input, discover
from kg.build.outputs import BackgroundOutputs
from kg.build.parallel import emit_parts, emit_shares, forkable, sort_parts, write_shares
from kg.build.progress import Progress, StageMeter, bytes_of
from kg.build.summary import summarise
from kg.iris import DEFAULT_BASE
from kg.records import Record

log = logging.getLogger("kg.build")


@dataclass
class InputResult:
    input: Input
    records: list[Record] = field(default_factory=list)
    status: str = "ok"  # ok | warnings | failed | skipped | duplicate (kg.build.duplicates)
    reasons: list[str] = field(default_factory=list)
    seconds: float = 0.0
    cached: bool = False
    warnings: list[dict] = field(default_factory=list)  # about the input as a whole (e.g. JUDGIT lines not read)

    def to_report(self) -> dict:
        from kg.build.inputs import display_path

        warnings = [dict(w, source=display_path(self.input.path)) for w in self.warnings]
        warnings += [dict(w, source=r.get("source")) for r in self.records for w in r.get("warnings", [])]
        return {
            "input": display_path(self.input.path),
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
    """Read and extract one input within its time limit; never raises (errors become a failed status with the
    reason). Records come out writable and bounded (kg.build.guard.make_safe)."""
    from kg.build.guard import clean_text, limit_seconds, make_safe, time_limit
    from kg.extract.dispatch import ExtractError, extract_path
    from kg.read.base import ReadError

    t0 = time.perf_counter()
    res = InputResult(inp)
    try:
        with time_limit(limit_seconds(inp.kind), inp.path):
            if inp.kind == "note":
                res.status, res.reasons = "skipped", ["data-set note, not a document"]
            elif inp.kind == "skip":
                res.status, res.reasons = "skipped", [inp.reason]
            elif inp.kind == "document":
                res.records = [extract_path(inp.path)]
            elif inp.kind == "judgit":
                res.records, res.warnings = read_judgit(inp.path)
            elif inp.kind == "rs":
                from kg.sources.rs import iter_rs

                res.records = list(iter_rs(inp.path))
            for rec in res.records:
                make_safe(rec)
    except (ReadError, ExtractError) as e:
        res.records, res.status, res.reasons = [], "failed", [clean_text(str(e))]
    except Exception as e:  # noqa: BLE001 - a bug in one extractor must not stop the build
        res.records, res.status = [], "failed"
        res.reasons = [clean_text(f"{inp.path}: internal error {type(e).__name__}: {e}")]
    if res.status == "ok" and inp.kind == "document":
        _refuse_unestablished(res)
    if res.status == "ok" and (res.warnings or any(r.get("warnings") for r in res.records)):
        res.status = "warnings"
    res.seconds = time.perf_counter() - t0
    return res


def read_judgit(path: str) -> tuple[list[Record], list[dict]]:
    """The sheets of one JUDGIT file and a warning per line that could not be read (with its line number) or for a
    file cut off midway; the readable sheets are always kept."""
    from kg.sources.judgit import JudgitReader

    reader = JudgitReader(path)
    records = list(reader)
    warnings = []
    for i, (line, reason) in enumerate(reader.errors):
        cut = reader.truncated and i == len(reader.errors) - 1
        warnings.append({"code": "judgit_file_truncated" if cut else "judgit_line_unreadable", "line": line,
                         "message": f"line {line}: {reason}" + ("; the sheets before it are kept" if cut
                                                                else "; this line is not in the graph")})
    return records, warnings


def _refuse_unestablished(res: InputResult) -> None:
    """A review sheet whose 事業名 or fiscal year could not be established is not a document of the graph:
    the input is failed (reasons name the file), its record is not emitted (issue 17)."""
    from kg.extract.checks import unestablished

    why = [w for r in res.records for w in unestablished(r)]
    if why:
        res.status, res.reasons, res.records = "failed", [f"{res.input.path}: {w}" for w in why], []


def extract_all(inputs: list[Input], jobs: int = 1, progress=None, cache=None) -> list[InputResult]:
    """Extract inputs (parallel processes when jobs > 1), reusing cached results of unchanged inputs.

    Results keep the input order; ``InputResult.cached`` tells which came from the cache. With a cache and parallel
    jobs, each worker writes the entry of the input it extracted and the records come back through that file
    (kg.build.cache: pickled once, read back with the garbage collector paused), not through the pool's pipe.
    """
    import functools

    results: list[InputResult | None] = [None] * len(inputs)
    todo: list[int] = []
    fps: dict[int, str | None] = {}
    for i, inp in enumerate(inputs):
        hit = None
        if cache and inp.kind not in ("skip", "note"):
            fps[i] = _input_fingerprint(inp)
            hit = _cache_get(cache, inp, fps[i])
        if hit is not None:
            results[i] = InputResult(inp, hit["records"], hit["status"], hit["reasons"], 0.0, cached=True,
                                     warnings=hit.get("warnings") or [])
            if progress:  # reading a national build's cache takes a while too: the bar moves with it
                progress(i + 1 - len(todo), len(inputs))
        else:
            todo.append(i)
    done = len(inputs) - len(todo)

    def finish(i: int, res: InputResult) -> None:
        nonlocal done
        results[i] = res
        done += 1
        if progress:
            progress(done, len(inputs))

    jobs_args = [(inputs[i], fps.get(i)) for i in todo]
    if jobs <= 1 or len(todo) < 2:
        for i, args in zip(todo, jobs_args, strict=True):
            finish(i, _extract_job(cache, args, keep_records=True)[0])
    else:
        with ProcessPoolExecutor(max_workers=jobs) as ex:
            for i, (res, entry) in zip(todo, ex.map(functools.partial(_extract_job, cache), jobs_args, chunksize=1),
                                       strict=True):
                if entry is not None:
                    from kg.build.cache import load

                    data = load(entry)
                    if data is None:  # the entry vanished or broke since the worker wrote it: extract again
                        res = _extract_job(cache, (res.input, fps.get(i)), keep_records=True)[0]
                    else:
                        res.records = data["records"]
                finish(i, res)
    return [r for r in results if r is not None]


def _extract_job(cache, args: tuple[Input, str | None], keep_records: bool = False) -> tuple[InputResult, object]:
    """Worker: extract one input and, with a cache, write its entry. Returns (result, entry path); when the entry
    was written and ``keep_records`` is false, the result comes without its records (read them from the entry)."""
    inp, fp = args
    res = process_input(inp)
    entry = _cache_put(cache, res, fp) if cache and res.status not in ("failed", "skipped") else None
    if entry is not None and not keep_records:
        res.records = []
        return res, entry
    return res, None


def _input_fingerprint(inp: Input) -> str | None:
    from kg.build.cache import input_fingerprint

    return input_fingerprint(inp)


def _cache_get(cache, inp: Input, fp: str | None = None) -> dict | None:
    try:
        return cache.get(inp, fp)
    except (OSError, UnicodeError, ValueError):
        return None  # the cache only saves time: an unreadable entry is a miss


def _cache_put(cache, res: InputResult, fp: str | None = None):
    try:
        return cache.put(res.input, {"records": res.records, "status": res.status, "reasons": res.reasons,
                                     "warnings": res.warnings}, fp)
    except (OSError, UnicodeError, ValueError, pickle.PicklingError, RecursionError, TypeError):
        return None  # e.g. a full disk: the build goes on without caching this input


# ---------------------------------------------------------------- build


@dataclass
class BuildOptions:
    base: str = DEFAULT_BASE
    jobs: int = 1
    validate: bool = True
    quiet: bool = False
    cache: bool = True
    isolate: bool = True  # extract .. emit in a child process (see _record_stages_isolated)


def build(paths: list[str], out_dir: str | Path, opts: BuildOptions | None = None) -> dict:
    """Run the whole build; write DIR/graph.nt, graph.nq, graph.ttl, report.json and DIR/store.

    One writer per DIR (kg.query.atomic: a second build gets BusyError); every output is written into the staging
    folder and published together when complete, so a failed or killed build leaves the previous outputs whole."""
    from kg.normalize.terms import forget
    from kg.query.atomic import staged

    with staged(out_dir, "kg build") as tx:
        try:
            return _build(paths, Path(out_dir), tx.dir, opts or BuildOptions(), tx)
        finally:
            forget()  # the texts' terms known for this build (kg.build.terms)


def _build(paths: list[str], out: Path, stage_dir: Path, opts: BuildOptions, tx) -> dict:
    from kg.emit.rankings import PAYEE_CELLS, cells_stamp
    from kg.query.store import build_store

    t0 = time.perf_counter()
    meter = StageMeter(quiet=opts.quiet)  # seconds and peak memory per stage; tickers for the long stages
    stages: dict[str, float] = {}

    def stage(name: str, next_label: str | None = None, probe: tuple[str, ...] = ()) -> None:
        stages[name] = meter.mark(name)
        if next_label:
            meter.show(next_label, bytes_of(stage_dir, *probe) if probe else None)

    for name in ("graph.nq", "graph.nt", "graph.ttl", PAYEE_CELLS):
        tx.path(name)  # written by the record stages (in a child process: registered here)
    took = _record_stages_isolated(paths, out, stage_dir, opts, stage, meter)
    parts = [Path(p) for p in took["parts"]]
    if took["shares"]:  # the record process handed its records over in pickled shares and has exited
        try:
            parts += emit_shares(took["shares"], opts.base)
        except BaseException:
            for p in parts:
                p.unlink(missing_ok=True)
            raise
        stage("emit", "sort (graph.nq)", ("graph.nq",))
    sort_parts(parts, stage_dir)
    stage("sort", "load (store)", ("store/*",))
    # graph.nt and graph.ttl are written by a child process from graph.nq while the store loads (Oxigraph's loader,
    # native threads) and the graph is validated: each used to wait for the one before (bench/README.md)
    outputs = BackgroundOutputs(stage_dir)
    try:
        build_store(tx.store_path(), stage_dir / "graph.nq")
        stage("store")
        validation = {"skipped": True}
        if opts.validate:
            from kg.validate.shacl import validate_build

            vbar = Progress("validate (SHACL checks)", quiet=opts.quiet, unit="check")
            validation = validate_build(stage_dir, None, progress=vbar)
            vbar.done()
        stage("validate", "outputs (graph.nt, graph.ttl)", ("graph.nt", "graph.ttl"))
        counts = outputs.result()
    except BaseException:
        outputs.cancel()  # the staging folder is cleaned up next: not while the child still writes into it
        raise
    stage("outputs")
    if "triples_validated" in validation:
        validation["triples_validated"] = counts["triples"]
    summary = took["summary"]
    summary.update(triples=counts["triples"], quads=counts["quads"])
    resources = meter.close()
    report = {
        "kg_version": _version(),
        "base": opts.base,
        "inputs": took["inputs"],
        "summary": summary,
        "link": took["link"],
        "terms": took["terms"],  # texts tokenised once for link and emit (kg.build.terms), and how many came from cache
        "validation": validation,
        "stages": stages,
        "stage_resources": resources["stages"],  # per stage: seconds and peak memory of the process tree
        "peak_memory_mb": resources["peak_memory_mb"],
        "seconds": round(time.perf_counter() - t0, 2),
        "truncated_values": took["truncated"],
        "exit_code": exit_code(took["inputs_failed"], validation),
    }
    report["payee_cells"] = cells_stamp(stage_dir / PAYEE_CELLS)  # checked by kg add (kg.emit.rankings)
    if not report["truncated_values"]:
        del report["truncated_values"]
    if took["duplicates"]:
        report["duplicate_sheets"] = took["duplicates"]
    tx.write_text("report.json", json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return report


def _record_stages(paths: list[str], out: Path, stage_dir: Path, opts: BuildOptions, stage, meter,
                   release: bool = True, hand_over: bool = False) -> dict:
    """extract -> terms -> link -> emit: the stages that hold the records. Writes the emitted part files into
    ``stage_dir`` and DIR/payee-cells.sqlite; returns what the rest of the build and the report need
    ({parts, shares, summary, inputs, link, terms, truncated, duplicates, inputs_failed}). ``stage(name,
    next_label, probe globs)`` marks the end of each stage. ``release``: free the records' memory before returning
    (kg.build.pipeline._release_records; a child process that exits next need not). ``hand_over`` (that child):
    the records are not emitted here but pickled in shares (kg.build.parallel.write_shares) for the caller's
    ``emit_shares`` once this process has exited, which then marks the end of the emit stage."""
    from kg.build.inputs import display_path
    from kg.emit.rankings import PAYEE_CELLS, cells_to
    from kg.link import link_all

    inputs = discover(paths)
    log.info("build: %d input(s) -> %s", len(inputs), out)
    bar = Progress("extract", quiet=opts.quiet, unit="input") if len(inputs) > 1 else None
    from kg.build.cache import ExtractCache

    cache = ExtractCache(out) if opts.cache else None
    if bar is None:
        meter.show("extract")
    results = extract_all(inputs, jobs=opts.jobs, progress=bar, cache=cache)
    if cache:
        cache.prune()
    if bar:
        bar.done()
    from kg.build.duplicates import mark_duplicates

    duplicates = mark_duplicates(results)  # issue 17: the same sheet given twice: one kept, the others reported
    records = [r for res in results for r in res.records]
    stage("extract", "terms (Sudachi)")
    from kg.build.terms import precompute

    term_stats = precompute(records, opts.jobs, cache.dir if cache else None)
    stage("terms", "link")
    records, link_report = link_all(records)
    stage("link", "emit (graph.nq)", ("graph.part*", "graph.derived.tmp", "*.run"))
    shares: list[tuple[str, str]] = []
    with cells_to(stage_dir / PAYEE_CELLS):  # the rankings' per-payee cells, kept for kg add (kg.emit.rankings)
        if hand_over and sort.gnu_sort() and forkable(records, opts.jobs):
            parts, shares = write_shares(records, opts.base, stage_dir, opts.jobs)  # emitted by the parent
        else:
            parts = emit_parts(records, opts.base, stage_dir, opts.jobs)
    took = {"parts": parts, "shares": shares, "summary": summarise(results, records, {"quads": 0, "triples": 0}),
            "inputs": [r.to_report() for r in results],
            "truncated": [dict(t, input=display_path(r.input.path), source=rec.get("source")) for r in results
                          for rec in r.records for t in rec.get("truncated_values") or []],
            "link": link_report, "terms": term_stats, "duplicates": duplicates,
            "inputs_failed": any(r.status == "failed" for r in results)}
    del records
    if release:
        _release_records(results)
    if not shares:
        stage("emit", "sort (graph.nq)", ("graph.nq", "*.run"))
    return took


def _record_stages_isolated(paths: list[str], out: Path, stage_dir: Path, opts: BuildOptions, stage, meter) -> dict:
    """``_record_stages`` in a forked child process when the OS can fork (issue 22, memory): the records, the link
    stage's working memory and the heap they fragment (~1.5 GiB the parent kept after freeing the records of a
    national build: pymalloc arenas hold on to a page while any object in it lives) go back to the system when the
    child exits, so sorting, the store's load and validation run in a small process. The child reports each stage
    as it ends (the parent's meter measures the whole process tree) and then what the report needs, pickled; an
    exception in it is raised here."""
    import multiprocessing as mp

    if not opts.isolate or "fork" not in mp.get_all_start_methods():
        return _record_stages(paths, out, stage_dir, opts, stage, meter)
    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_record_stages_child, args=(paths, out, stage_dir, opts, send), name="kg-records")
    proc.start()
    send.close()
    try:
        while True:
            try:
                kind, *msg = recv.recv()
            except EOFError:
                proc.join()
                raise RuntimeError(f"kg build: the record stages' process ended without a result (exit code "
                                   f"{proc.exitcode})") from None
            if kind == "stage":
                stage(*msg)
            elif kind == "show":
                meter.show(*msg)
            elif kind == "error":
                raise msg[0]
            else:
                proc.join()
                return msg[0]
    except BaseException:
        if proc.is_alive():
            proc.kill()
        proc.join()
        raise
    finally:
        recv.close()


class _Relay:
    """The child's stand-in for the parent's StageMeter (only ``show`` is called on it)."""

    def __init__(self, send):
        self.send = send

    def show(self, label: str, probe=None) -> None:
        self.send.send(("show", label))


def _record_stages_child(paths: list[str], out: Path, stage_dir: Path, opts: BuildOptions, send) -> None:
    try:
        took = _record_stages(paths, out, stage_dir, opts, lambda *a: send.send(("stage", *a)), _Relay(send),
                              release=False, hand_over=True)
        took["parts"] = [str(p) for p in took["parts"]]
        send.send(("done", took))
    except BaseException as e:  # noqa: BLE001 - every failure goes to the parent, which raises it
        import traceback

        e.add_note("in the record stages' process:\n" + "".join(traceback.format_exception(e)))
        try:
            pickle.dumps(e)
        except Exception:  # noqa: BLE001 - an exception that cannot be pickled is sent as its text
            e = RuntimeError(f"{type(e).__name__}: {e}")
        send.send(("error", e))
    finally:
        send.close()


def _release_records(results: list[InputResult]) -> None:
    """Drop the records (the report has what it needs of them) and give their memory back to the system."""
    import gc

    from kg.fork import trim
    from kg.normalize.terms import forget

    for res in results:
        res.records = []
    forget()  # the texts' terms (kg.build.terms): emission was their last user
    gc.collect()
    trim()  # glibc keeps freed heap pages otherwise (not glibc: the memory is reused by this process instead)


def exit_code(inputs_failed: bool, validation: dict) -> int:
    """What `kg build` exits with: 1 SHACL violations, 3 some inputs failed (the rest built), else 0."""
    if not validation.get("skipped") and not validation.get("conforms"):
        return 1
    return 3 if inputs_failed else 0


def _version() -> str:
    from kg import __version__

    return __version__
