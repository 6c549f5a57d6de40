"""PDF-text speed on real-form variants: sheets/s of CPU time on one core, per text format (issue 17 asks ≥ 50).

usage: .venv/bin/python bench/bench_text_real.py [--rounds N] DIR...

Each DIR holds the texts of tests/fixtures/real_variants.py's sheets (rvNNN.{lo,rl}.{pdfminer,pdftotext,
pdfplumber}.txt, e.g. /tmp/me/rv). Per format (tool and producer), every text is read once, extracted once (warm-up),
then timed over ``--rounds`` passes, each extraction a first pass over its sheet (kg.normalize.text's and the
per-document caches emptied before it, as bench_extract.py does). Printed: sheets/s of CPU time (process_time) for
extraction alone and for read + extraction, the median and slowest sheets' ms. CPU time on a loaded machine runs
high (shared caches): compare two checkouts with bench_paired.py.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import fresh  # noqa: E402

from kg.extract.dispatch import extract_doc  # noqa: E402
from kg.read import read_document  # noqa: E402

TOOLS = ("pdfminer", "pdftotext", "pdfplumber")
PRODUCERS = ("lo", "rl")


def timed(files: list[Path], rounds: int) -> tuple[float, float, list[tuple[float, Path]]]:
    """(CPU s of ``rounds`` extraction passes, CPU s of one read pass, [(CPU s of one extraction, file)])."""
    c0 = time.process_time()
    docs = [read_document(p) for p in files]
    read_s = time.process_time() - c0
    for d in docs:
        extract_doc(d)
    per = [0.0] * len(docs)
    for _ in range(rounds):
        for k, d in enumerate(docs):
            fresh()
            c = time.process_time()
            extract_doc(d)
            per[k] += time.process_time() - c
    return sum(per), read_s, sorted(((t / rounds, p) for t, p in zip(per, files, strict=True)), reverse=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--slowest", type=int, default=3, help="list the N slowest sheets per format")
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    print(f"{'format':<16} {'sheets':>6} {'extract/s':>10} {'read+extract/s':>15} {'median ms':>10} {'max ms':>8}")
    for tool in a.tools.split(","):
        both = []
        for prod in PRODUCERS:
            files = [p for d in a.dirs for p in sorted(Path(d).glob(f"*.{prod}.{tool}.txt"))]
            if not files:
                continue
            ext, rd, per = timed(files, a.rounds)
            both.append((len(files), ext, rd))
            n = len(files)
            print(f"{prod + '.' + tool:<16} {n:>6} {n * a.rounds / ext:>10.1f} {n / (ext / a.rounds + rd):>15.1f} "
                  f"{1000 * statistics.median(t for t, _ in per):>10.1f} {1000 * per[0][0]:>8.1f}")
            for t, p in per[:a.slowest]:
                print(f"{'':<18}{1000 * t:7.1f} ms  {p}")
        if len(both) == 2:
            n, ext, rd = (sum(x[k] for x in both) for k in range(3))
            print(f"{tool:<16} {n:>6} {n * a.rounds / ext:>10.1f} {n / (ext / a.rounds + rd):>15.1f}")


if __name__ == "__main__":
    main()
