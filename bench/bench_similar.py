"""`kg similar` before and after weighting the query by tf·idf within the program's own text (issue 19).

Prints, for one program of a built store, the programs of other ministries ranked by the earlier query (the 30
rarest terms of the program, each counting once) and by the weighted one (kg.query.search.query_weights), as
Markdown tables with the shared terms, and the time each took.

usage: .venv/bin/python bench/bench_similar.py --store DIR PROGRAM [--limit 5] [--all-ministries]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.query.search import similar  # noqa: E402
from kg.query.store import open_store  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("program")
    ap.add_argument("--store", required=True)
    ap.add_argument("--limit", type=int, default=5)
    ap.add_argument("--all-ministries", action="store_true", help="keep programs of the program's own ministry")
    a = ap.parse_args()
    st = open_store(a.store)
    for label, weighted in (("rarest 30 terms, unweighted (before)", False), ("tf·idf within the program", True)):
        t0 = time.perf_counter()
        me, res = similar(st, a.program, limit=a.limit * (1 if a.all_ministries else 5), weighted=weighted)
        dt = time.perf_counter() - t0
        if not a.all_ministries:
            res = [d for d in res if d["ministry"] != me["ministry"]][: a.limit]
        print(f"\n{label}: {me['label']} ({me['ministry']}, {me['year']}, {me['number']}) — {dt:.2f} s\n")
        print("| rank | program | ministry | year | shared terms |")
        print("|---|---|---|---|---|")
        for i, d in enumerate(res, 1):
            print(f"| {i} | {d['label']} | {d['ministry']} | {d['year']} | {' '.join(d['matched'])} |")


if __name__ == "__main__":
    main()
