"""Reader speed: JUDGIT NDJSON (every year file) and the RS-system CSV download, in sheets per second.

usage: .venv/bin/python bench/bench_readers.py [--judgit DIR] [--rs DIR]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.sources.judgit import JudgitReader
from kg.sources.rs import RsReader

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--judgit", default=str(SHARED / "judgit"))
    ap.add_argument("--rs", default=str(SHARED / "rs2024-soumu"))
    a = ap.parse_args()
    sheets = payees = 0
    malformed: dict[str, int] = {}
    t0 = time.perf_counter()
    for f in sorted(Path(a.judgit).glob("*.ndjson*")):
        t1 = time.perf_counter()
        reader = JudgitReader(f)
        n = sum(1 for _ in reader)
        dt = time.perf_counter() - t1
        sheets += n
        payees += reader.stats["payees"]
        for k, v in reader.stats["malformed_houjin"].items():
            malformed[k] = malformed.get(k, 0) + v
        print(f"  {f.name}: {n} sheets in {dt:.2f} s ({n / dt:,.0f} sheets/s), bad lines {len(reader.errors)}")
    dt = time.perf_counter() - t0
    print(f"JUDGIT: {sheets} sheets, {payees} payees in {dt:.2f} s = {sheets / max(dt, 1e-9):,.0f} sheets/s; "
          f"malformed 法人番号 {malformed}")
    t0 = time.perf_counter()
    reader = RsReader(a.rs)
    n = len(reader.read())
    dt = time.perf_counter() - t0
    print(f"RS: {n} programs from {len(reader.sources)} files in {dt:.2f} s = {n / max(dt, 1e-9):,.0f} sheets/s; "
          f"rows not joined {len(reader.errors)}")


if __name__ == "__main__":
    main()
