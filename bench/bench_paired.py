"""Extraction speed of two checkouts, measured in turns: sheets/s of CPU time of each, and their ratio.

usage: .venv/bin/python bench/bench_paired.py --base DIR [--rounds N] FILE...

On a shared machine the CPU-time rate of one process drifts with the load (±30% between two runs minutes apart),
so a checkout measured after another says little about a change. Here one process per checkout (``--base DIR``:
another checkout, e.g. ``git worktree add --detach /tmp/base main``; and this one) reads the documents once,
then both extract them in turns, each turn one pass over every document (kg.normalize.text's caches emptied
before each extraction, as bench_extract.py does), so both see the same load; the ratio is the figure to quote. Both run with the same PYTHONHASHSEED (0 unless set): set and
dict orders change with it, and with them the time of searches that stop at a cap (budget_boxes.solve), by a few
percent between two processes of the same code; quote the ratio over a few seeds.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def worker(files: list[str], root: Path) -> None:
    """Read the documents, extract each once (warm-up), then one timed pass per line read from stdin (kg is
    imported from PYTHONPATH: the checkout being measured)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_extract import fresh

    import kg
    from kg.extract.dispatch import extract_doc

    if not Path(kg.__file__).resolve().is_relative_to(root):
        raise SystemExit(f"kg imported from {kg.__file__}, not from {root}")
    from kg.read import read_document

    docs = [read_document(p) for p in files]
    for d in docs:
        extract_doc(d)
    for _line in sys.stdin:
        c0 = time.process_time()
        for d in docs:
            fresh()
            extract_doc(d)
        print(time.process_time() - c0, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True, help="the other checkout (its kg package is imported from there)")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    files = [str(Path(f).resolve()) for f in a.files]
    if a.worker:
        worker(files, Path(a.base).resolve())
        return
    procs = {}
    for name, root in (("base", Path(a.base).resolve()), ("this", ROOT)):
        env = {**os.environ, "PYTHONPATH": str(root), "PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", "0")}
        procs[name] = subprocess.Popen([sys.executable, __file__, "--worker", "--base", str(root), *files],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
                                       cwd=str(root))
    cpu = {name: 0.0 for name in procs}
    for _ in range(a.rounds):
        for name, p in procs.items():
            p.stdin.write("go\n")
            p.stdin.flush()
            cpu[name] += float(p.stdout.readline())
    for p in procs.values():
        p.stdin.close()
        p.wait()
    n = a.rounds * len(files)
    print(f"{len(files)} documents x {a.rounds} turns (CPU time, one core): base {n / cpu['base']:.1f} sheets/s, "
          f"this checkout {n / cpu['this']:.1f} sheets/s, x{cpu['base'] / cpu['this']:.2f}; "
          f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
