"""`kg related` and the merged `policy-tree` on a built store (issue 20): seconds per key, rows, and the time of
each relation for the programs. Prints figures; asserts nothing.

Keys when none are given: the sheet with the most payee-list rows, the program of 2017 総務省 0048 when present,
the most-paid corporation of the payee ranking (a 法人番号), the law cited by the most sheets (法令ID), the 施策
with the most sheets; then policy-tree for 総務省 by name and by IRI (the README's binding).

usage: .venv/bin/python bench/bench_related.py --store /tmp/kg-national [--runs 2] [KEY ...]
"""
from __future__ import annotations

import argparse
import time

import kg.query.related as R
from kg.namespaces import KG_NS
from kg.query.store import named_queries, open_store, run_query

P = f"PREFIX kg: <{KG_NS}>\nPREFIX eli: <http://data.europa.eu/eli/ontology#>\n"


def first(store, q: str) -> str | None:
    _, rows = run_query(store, P + q)
    return rows[0][0] if rows else None


def default_keys(store) -> list[str]:
    keys = [
        first(store, "SELECT ?s WHERE { ?s a kg:ReviewSheet ; kg:payment ?p } GROUP BY ?s ORDER BY DESC(COUNT(?p)) ?s LIMIT 1"),
        first(store, "SELECT ?s WHERE { ?s a kg:ReviewSheet ; kg:reviewYear 2017 ; kg:projectNumber \"0048\" ; "
                     "kg:ministry ?m . ?m <http://www.w3.org/2000/01/rdf-schema#label> \"総務省\"@ja } LIMIT 1"),
        first(store, "SELECT ?n WHERE { ?e kg:inRanking ?r ; kg:position ?pos ; kg:rankedPayee ?c . ?c kg:corporateNumber ?n "
                     "FILTER NOT EXISTS { ?r kg:rankingYear ?y } FILTER NOT EXISTS { ?r kg:rankingMinistry ?m } "
                     "FILTER (SUBSTR(?n, 2, 6) != \"000020\" && SUBSTR(?n, 2, 6) != \"000012\") } ORDER BY ?pos LIMIT 1"),
        first(store, "SELECT ?id WHERE { ?s kg:legalBasis ?l . ?l eli:id_local ?id } GROUP BY ?id "
                     "ORDER BY DESC(COUNT(DISTINCT ?s)) ?id LIMIT 1"),
        first(store, "SELECT ?c WHERE { ?s kg:measure ?c } GROUP BY ?c ORDER BY DESC(COUNT(DISTINCT ?s)) ?c LIMIT 1"),
    ]
    return [k for k in keys if k]


PARTS = ["_lineage", "_statutes", "_contractors", "_concepts", "_plans", "_means", "_related_projects", "_money_flow",
         "_similar"]


def timed_parts() -> dict[str, float]:
    spent: dict[str, float] = {}
    for name in PARTS:
        f = getattr(R, name)

        def wrap(*a, _f=f, _n=name, **k):
            t = time.perf_counter()
            try:
                return _f(*a, **k)
            finally:
                spent[_n] = spent.get(_n, 0.0) + time.perf_counter() - t

        setattr(R, name, wrap)
    return spent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", required=True)
    ap.add_argument("--runs", type=int, default=2, help="runs per key (first = cold, then the best of the rest)")
    ap.add_argument("keys", nargs="*")
    a = ap.parse_args()
    store = open_store(a.store)
    keys = a.keys or default_keys(store)
    spent = timed_parts()
    print(f"store {a.store}")
    print(f"{'key':60} {'kind':12} {'rows':>5} {'first s':>8} {'best s':>8}  slowest parts (first run)")
    for key in keys:
        times, n, kind = [], 0, "?"
        parts = {}
        for i in range(max(1, a.runs)):
            spent.clear()
            t = time.perf_counter()
            rows = R.related(store, key, limit=0)
            times.append(time.perf_counter() - t)
            if i == 0:
                parts = dict(spent)
            n, kind = len(rows), R.resolve(store, key)["kind"]
        slow = ", ".join(f"{k[1:]} {v:.2f}" for k, v in sorted(parts.items(), key=lambda kv: -kv[1])[:3])
        best = min(times[1:]) if len(times) > 1 else times[0]
        print(f"{key[:60]:60} {kind:12} {n:5d} {times[0]:8.2f} {best:8.2f}  {slow}")
    text = named_queries()["policy-tree"].read_text(encoding="utf-8")
    ministry = first(store, "SELECT ?m WHERE { ?s kg:ministry ?m . ?m <http://www.w3.org/2000/01/rdf-schema#label> "
                            "\"総務省\"@ja } LIMIT 1")
    for label, params in (("policy-tree 総務省 (name)", {"ministry": "総務省"}),
                          ("policy-tree 総務省 (IRI)", {"ministry": ministry} if ministry else None)):
        if params is None:
            continue
        times = []
        for _ in range(max(1, a.runs)):
            t = time.perf_counter()
            _, rows = run_query(store, text, params)
            times.append(time.perf_counter() - t)
        print(f"{label:60} {'query':12} {len(rows):5d} {times[0]:8.2f} {min(times[1:] or times):8.2f}")


if __name__ == "__main__":
    main()
