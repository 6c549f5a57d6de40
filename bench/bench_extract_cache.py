"""Extraction and its cache (issue 22): extract the national inputs as `kg build` does, then read the cache back.

usage: .venv/bin/python bench/bench_extract_cache.py [--jobs 2] [--out DIR] [--years 2015-2023] [--no-rs]
       [--no-seeds] [--legacy]

Prints, each as wall and CPU seconds (CPU: this process and its workers):
- a fresh extraction (kg.build.pipeline.extract_all, a cold cache: the workers write the entries);
- a rebuild's extraction (every input a cache hit: the entries read back), with the cache's size on disk;
- ``--legacy``: the same records written and read back as the gzip JSON entries kg used before (level 3,
  ``json.load``), for comparison.
"""
from __future__ import annotations

import argparse
import gzip
import json
import resource
import shutil
import tempfile
import time
from pathlib import Path

from kg.build.cache import ExtractCache
from kg.build.inputs import discover
from kg.build.pipeline import extract_all

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def cpu() -> float:
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def timed(label: str, fn):
    c0, t0 = cpu(), time.perf_counter()
    out = fn()
    print(f"{label:<44} {time.perf_counter() - t0:8.1f} s wall {cpu() - c0:8.1f} s CPU", flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", help="build folder whose cache/ is used (default: a temporary folder)")
    ap.add_argument("--years", default="2015-2023")
    ap.add_argument("--no-rs", action="store_true")
    ap.add_argument("--no-seeds", action="store_true")
    ap.add_argument("--legacy", action="store_true", help="also time the gzip JSON entries of older kg")
    a = ap.parse_args()
    y0, y1 = (int(x) for x in a.years.split("-"))
    paths = [str(SHARED / "data" / "judgit" / f"judgit-{y}.ndjson.gz") for y in range(y0, y1 + 1)]
    paths += [] if a.no_rs else [str(SHARED / "data" / "rs2024")]
    paths += [] if a.no_seeds else [str(ROOT / "seeds")]
    out = Path(a.out) if a.out else Path(tempfile.mkdtemp(prefix="kg-xcache-"))
    try:
        inputs = discover(paths)
        cache = ExtractCache(out)
        for p in cache.dir.glob("*"):
            p.unlink()
        first = timed(f"extract, cold cache ({a.jobs} jobs)", lambda: extract_all(inputs, jobs=a.jobs, cache=cache))
        n = sum(len(r.records) for r in first)
        again = timed("extract, every input from the cache", lambda: extract_all(inputs, jobs=a.jobs, cache=cache))
        assert all(r.cached for r in again if r.input.kind not in ("note", "skip"))
        assert sum(len(r.records) for r in again) == n
        size = sum(p.stat().st_size for p in cache.dir.iterdir())
        print(f"{n:,} records; cache {size / 2**20:,.0f} MiB in {len(list(cache.dir.iterdir()))} entries")
        if a.legacy:
            legacy = out / "legacy"
            legacy.mkdir(exist_ok=True)

            def write():
                for i, r in enumerate(first):
                    with gzip.open(legacy / f"{i}.json.gz", "wt", encoding="utf-8", errors="surrogateescape",
                                   compresslevel=3) as f:
                        json.dump({"records": r.records, "status": r.status, "reasons": r.reasons,
                                   "warnings": r.warnings, "input": r.input.path}, f, ensure_ascii=False)

            def read():
                for p in sorted(legacy.glob("*.json.gz")):
                    with gzip.open(p, "rt", encoding="utf-8", errors="surrogateescape") as f:
                        json.load(f)

            timed("legacy gzip JSON: write (was: in the parent)", write)
            timed("legacy gzip JSON: read every entry", read)
            size = sum(p.stat().st_size for p in legacy.iterdir())
            print(f"legacy cache {size / 2**20:,.0f} MiB")
    finally:
        if not a.out:
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
