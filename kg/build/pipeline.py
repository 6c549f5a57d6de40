"""`kg build`: read -> extract -> link -> emit -> validate -> store, with a report of every input.

Stages are plain functions so each can be tested alone. Output is deterministic: graph.nt holds the
sorted, de-duplicated N-Triples of the union graph; graph.nq the sorted quads (one named graph per source).
This module is the orchestration; emission is kg.build.parallel, sorting kg.build.sort, graph.nt/graph.ttl
kg.build.outputs, the summary kg.build.summary, the progress bar kg.build.progress.
"""
from __future__ import annotations

import json
import logging
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from kg.build.inputs import Input, discover
from kg.build.outputs import finish_outputs
from kg.build.parallel import write_quads
from kg.build.progress import Progress, StageMeter, bytes_of
from kg.build.summary import summarise
from kg.iris import DEFAULT_BASE
from kg.records import Record

log = logging.getLogger("kg.build")


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
    meter = StageMeter(quiet=opts.quiet)  # seconds and peak memory per stage; tickers for the long stages
    inputs = discover(paths)
    log.info("build: %d input(s) -> %s", len(inputs), out)
    bar = Progress("extract", quiet=opts.quiet, unit="input") if len(inputs) > 1 else None
    from kg.build.cache import ExtractCache

    cache = ExtractCache(out) if opts.cache else None
    stages: dict[str, float] = {}
    if bar is None:
        meter.show("extract")

    def stage(name: str, next_label: str | None = None, probe=None) -> None:
        stages[name] = meter.mark(name)
        if next_label:
            meter.show(next_label, probe)

    results = extract_all(inputs, jobs=opts.jobs, progress=bar, cache=cache)
    if cache:
        cache.prune()
    if bar:
        bar.done()
    records = [r for res in results for r in res.records]
    stage("extract", "link")
    records, link_report = link_all(records)
    stage("link", "emit (graph.nq)", bytes_of(out, "graph*"))
    n_quads = write_quads(records, opts.base, out, opts.jobs)
    stage("emit", "sort (graph.nt, graph.ttl)", bytes_of(out, "graph.nt", "graph.ttl", "graph.flat.tmp", "*.run"))
    counts = finish_outputs(out, n_quads)
    stage("sort", "load (store)", bytes_of(out, "store.new/*"))
    load_new_store(out, out / "graph.nq")
    stage("store")
    validation = {"skipped": True}
    if opts.validate:
        from kg.validate.shacl import validate_build

        vbar = Progress("validate (SHACL checks)", quiet=opts.quiet, unit="check")
        validation = validate_build(out, counts["triples"], progress=vbar)
        vbar.done()
    stage("validate")
    resources = meter.close()
    summary = summarise(results, records, counts)
    report = {
        "kg_version": _version(),
        "base": opts.base,
        "inputs": [r.to_report() for r in results],
        "summary": summary,
        "link": link_report,
        "validation": validation,
        "stages": stages,
        "stage_resources": resources["stages"],  # per stage: seconds and peak memory of the process tree
        "peak_memory_mb": resources["peak_memory_mb"],
        "seconds": round(time.perf_counter() - t0, 2),
    }
    (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                     encoding="utf-8")
    return report


def _version() -> str:
    from kg import __version__

    return __version__
