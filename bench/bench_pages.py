"""Time the linked-data pages of kg serve (kg.publish.pages) on a built store, as a query worker renders them.

    python bench/bench_pages.py --store DIR [--n 5] [--related]

Picks the programs with the most sheets, the corporations with the most payee-list rows, the laws cited by most
sheets, a 施策 and the ministries, renders each page three times (first, then best of two more) and prints the
seconds per page and its parts (program: data, related, flows). Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from kg.publish.pages import data, jobs, render
from kg.query.store import open_store, run_query

KG = data.KG


def pick(store, q: str, n: int) -> list[str]:
    _, rows = run_query(store, q.replace("LIMIT_N", str(n)))
    return [r[0] for r in rows]


def timed(fn, *a, **k) -> tuple[float, object]:
    t = time.perf_counter()
    out = fn(*a, **k)
    return time.perf_counter() - t, out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", required=True)
    ap.add_argument("--n", type=int, default=5)
    ap.add_argument("--related", action="store_true",
                    help="also time the related section (kg.query.related, its own document in the page's frame)")
    a = ap.parse_args()
    base = json.loads((Path(a.store) / "report.json").read_text()).get("base", "https://kg.example.org/")
    t0 = time.perf_counter()
    store = open_store(a.store)
    print(f"store {a.store} opened in {time.perf_counter() - t0:.1f} s", flush=True)
    ctx = render.Ctx(base)
    t0 = time.perf_counter()
    picks = {
        # programs with the most sheets: a sample of 3000 sheets, grouped (an unbound GROUP BY would be an export)
        "program": pick(store, f"""PREFIX kg: <{KG}> SELECT ?p (COUNT(?s) AS ?n) WHERE {{
            {{ SELECT ?s WHERE {{ ?s a kg:ReviewSheet }} LIMIT 3000 }} ?s kg:program ?p }}
            GROUP BY ?p ORDER BY DESC(?n) LIMIT LIMIT_N""", a.n),
        "corp": pick(store, f"""PREFIX kg: <{KG}> SELECT ?c (COUNT(?x) AS ?n) WHERE {{
            {{ SELECT ?x WHERE {{ ?x a kg:Payment }} LIMIT 20000 }} ?x kg:payee ?c . ?c a kg:Corporation }}
            GROUP BY ?c ORDER BY DESC(?n) LIMIT LIMIT_N""", a.n),
        "law": pick(store, f"""PREFIX kg: <{KG}> SELECT ?l (COUNT(?s) AS ?n) WHERE {{
            {{ SELECT ?s WHERE {{ ?s a kg:ReviewSheet }} LIMIT 3000 }} ?s kg:legalBasis ?l }}
            GROUP BY ?l ORDER BY DESC(?n) LIMIT LIMIT_N""", a.n),
        "concept": pick(store, f"""PREFIX kg: <{KG}> SELECT ?c WHERE {{
            {{ SELECT ?s WHERE {{ ?s a kg:ReviewSheet }} LIMIT 200 }} ?s kg:measure ?c }} LIMIT LIMIT_N""", a.n),
        "org": pick(store, f"""PREFIX kg: <{KG}> SELECT DISTINCT ?o WHERE {{
            {{ SELECT ?s WHERE {{ ?s a kg:ReviewSheet }} LIMIT 3000 }} ?s kg:ministry ?o }} LIMIT LIMIT_N""", a.n),
    }
    print(f"picked {sum(map(len, picks.values()))} entities in {time.perf_counter() - t0:.1f} s", flush=True)
    print(f"{'kind':8} {'first s':>8} {'warm s':>8} {'KiB':>6}  iri")
    worst = {}
    for kind, iris in picks.items():
        for iri in dict.fromkeys(iris):
            first, (status, _, body) = timed(jobs.entity_page, store, iri, ctx)
            warm = min(timed(jobs.entity_page, store, iri, ctx)[0] for _ in range(2))
            worst[kind] = max(worst.get(kind, 0.0), warm)
            print(f"{kind:8} {first:8.3f} {warm:8.3f} {len(body) / 1024:6.0f}  {iri} ({status})", flush=True)
            if kind == "program":
                td, d = timed(data.program_data, store, iri)
                tr, _ = timed(jobs._related, store, iri) if a.related else (0.0, None)
                tf, _ = timed(jobs._flows, store, d, ctx)
                print(f"{'':8} parts: data {td:.3f} s ({len(d['sheets'])} sheets, {len(d['payments'])} payee rows), "
                      f"related {tr:.3f} s, flows {tf:.3f} s", flush=True)
    print("worst warm seconds by kind: " + ", ".join(f"{k} {v:.3f}" for k, v in worst.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
