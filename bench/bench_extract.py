"""Extraction speed: sheets/second on one core over the seed documents (read + detect + extract).

usage: .venv/bin/python bench/bench_extract.py [--rounds N]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.extract.dispatch import extract_doc
from kg.read import read_document

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=50)
    a = ap.parse_args()
    docs = [read_document(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for d in docs:  # warm up (Sudachi dictionary, regex compilation)
        extract_doc(d)
    print(f"{'document':<32} {'layout':<22} {'sheets/s':>9}")
    total_n, total_t = 0, 0.0
    for d in docs:
        t0 = time.perf_counter()
        for _ in range(a.rounds):
            rec = extract_doc(d)
        dt = time.perf_counter() - t0
        total_n, total_t = total_n + a.rounds, total_t + dt
        layout = f"{rec['document_type']}/{rec['provenance'].get('layout')}"
        print(f"{d.name:<32} {layout:<22} {a.rounds / dt:>9.1f}")
    read_t0 = time.perf_counter()
    for _ in range(a.rounds):
        for p in sorted((ROOT / "seeds").glob("*.txt")):
            read_document(p)
    read_dt = time.perf_counter() - read_t0
    print(f"{'all (extract only)':<55} {total_n / total_t:>9.1f}")
    print(f"{'all (read + extract)':<55} {total_n / (total_t + read_dt):>9.1f}")


if __name__ == "__main__":
    main()
