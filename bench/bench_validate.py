"""SHACL validation benchmark (issue 16): pySHACL (rdflib, in memory) against the shapes compiled to SPARQL on
the Oxigraph store (kg.validate.compiled), on the seeds; then the compiled checks alone on a bigger build
(JUDGIT 2017 + seeds, about 1.6 M triples), where pySHACL is not run (hours). Prints seconds, triples, the
number of checks and results, the slowest checks, and whether both engines agree on the seeds.

usage: .venv/bin/python bench/bench_validate.py [--big ../shared/data/judgit/judgit-2017.ndjson.gz] [--no-big]
                                                [--out /tmp/kg-bench-validate]
       .venv/bin/python bench/bench_validate.py --store /tmp/kg-nat3/store [--jobs 2] [--top 30]

--store: only the compiled checks on an existing store (opened read-only, e.g. a national build's): every check's
wall and CPU seconds (its thread's), whether its precheck settled it, and the totals (wall, CPU of the process).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.build.pipeline import BuildOptions, build
from kg.query.store import open_store
from kg.validate.compiled import validate_store as compiled
from kg.validate.shacl import validate_store as validate_any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def keys(report: dict) -> set:
    return {(r["focus"], r["path"], r["constraint"], r["severity"], r["value"]) for r in report["results"]}


def timed(fn, *args, **kw):
    """(result, wall seconds); the CPU seconds of this process go to res["cpu_seconds"] (the wall time depends on
    what else the machine runs, the CPU time much less)."""
    t, c = time.perf_counter(), time.process_time()
    res = fn(*args, **kw)
    res["cpu_seconds"] = time.process_time() - c
    return res, time.perf_counter() - t


def build_once(inputs: list[str], out: Path) -> int:
    if not (out / "store" / "CURRENT").exists():
        t = time.perf_counter()
        build(inputs, out, BuildOptions(validate=False, quiet=True, jobs=1))
        print(f"  (built {out} in {time.perf_counter() - t:.0f} s)")
    return sum(1 for _ in open_store(out))


def store_only(path: str, jobs: int | None, top: int) -> None:
    import pyoxigraph as ox

    store = ox.Store.read_only(path)
    res, t = timed(compiled, store, jobs=jobs)
    print(f"{path}: {res['checks']} checks on {res['jobs']} threads, {res['prechecked']} settled by their precheck")
    print(f"  total     {t:8.2f} s wall  {res['cpu_seconds']:8.2f} s CPU   {res['result_count']} results, "
          f"{res['violations']} violations, conforms={res['conforms']}")
    per = res["per_check"]
    print(f"  {res['queries']} queries (the minCount checks on one path share one); sum of their CPU seconds "
          f"{sum(c['cpu_seconds'] / c['query_shared_by'] for c in per):.2f}")
    print("  every check (slowest first; wall, thread CPU of its query, results, p: settled by its precheck):")
    for c in sorted(per, key=lambda c: -c["cpu_seconds"])[:top]:
        print(f"    {c['seconds']:7.2f} {c['cpu_seconds']:7.2f} {c['results']:6d} {'p' if c['prechecked'] else ' '} "
              f"{c['shape'][-40:]} {c['constraint']} {c['path']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--big", default=str(SHARED / "data" / "judgit" / "judgit-2017.ndjson.gz"))
    ap.add_argument("--no-big", action="store_true")
    ap.add_argument("--out", default="/tmp/kg-bench-validate")
    ap.add_argument("--store", help="only the compiled checks on this existing store (read-only)")
    ap.add_argument("--jobs", type=int, default=None, help="threads for the checks (default: one per core)")
    ap.add_argument("--top", type=int, default=1000, help="--store: print this many checks")
    a = ap.parse_args()
    if a.store:
        store_only(a.store, a.jobs, a.top)
        return
    seeds = str(SHARED / "seeds")
    out = Path(a.out)

    print("seeds:")
    n = build_once([seeds], out / "seeds")
    store = open_store(out / "seeds")
    comp, t_comp = timed(compiled, store, max_results=100_000)
    py, t_py = timed(validate_any, store, engine="pyshacl")
    py_keys = keys(py) if py["result_count"] <= len(py["results"]) else None
    print(f"  {n:,} triples, {comp['checks']} compiled checks")
    print(f"  pySHACL            {t_py:8.2f} s ({py['cpu_seconds']:.2f} s CPU)   {py['result_count']} results, "
          f"conforms={py['conforms']}")
    print(f"  compiled SPARQL    {t_comp:8.2f} s ({comp['cpu_seconds']:.2f} s CPU)   {comp['result_count']} results, "
          f"conforms={comp['conforms']}")
    print(f"  speed-up           {t_py / t_comp:8.1f} x")
    if py_keys is not None:
        print(f"  same results       {keys(comp) == py_keys}")

    if a.no_big:
        return
    print(f"seeds + {Path(a.big).name}:")
    n = build_once([seeds, a.big], out / "big")
    res, t = timed(compiled, open_store(out / "big"))
    print(f"  {n:,} triples, {res['checks']} checks")
    print(f"  compiled SPARQL    {t:8.2f} s ({res['cpu_seconds']:.1f} s CPU, {n / t:,.0f} triples/s) "
          f"{res['result_count']} results, "
          f"{res['violations']} violations, conforms={res['conforms']}")
    for c in res["slowest_checks"][:3]:
        print(f"    slowest: {c['shape']} {c['constraint']} {c['path']}: {c['seconds']} s")
    for c in sorted(res.get("failing_checks", []), key=lambda c: -c["results"])[:5]:
        print(f"    failing: {c['shape']} {c['constraint']} {c['path']}: {c['results']}")


if __name__ == "__main__":
    main()
