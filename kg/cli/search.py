"""`kg search` and `kg similar`: ranked text search over the term layer of a built store."""
from __future__ import annotations

import sys

from kg.cli.output import print_json, write_rows

COLUMNS = ["rank", "score", "kind", "label", "year", "ministry", "number", "matched", "iri"]


def _rows(results: list[dict]) -> list[list]:
    out = []
    for i, d in enumerate(results, 1):
        years = d.get("years") or ([d["year"]] if d.get("year") else [])
        out.append([i, d["score"], d["kind"], d["label"] or "", ",".join(map(str, years)), d["ministry"] or "",
                    d["number"] or "", " ".join(d["matched"]), d["iri"]])
    return out


def _print(results: list[dict], fmt: str) -> None:
    if fmt == "json":
        print_json(results)
    else:
        write_rows(COLUMNS, _rows(results), fmt, sys.stdout)


def cmd_search(a) -> int:
    from kg.query.search import SearchError, search, stats_of_build
    from kg.query.store import open_store

    kinds = set(a.kind) if a.kind else None
    try:
        store = open_store(a.store)
        results = search(store, a.text, limit=a.limit, kinds=kinds, st=stats_of_build(a.store, store))
    except (SearchError, FileNotFoundError) as e:
        print(f"kg search: {e}", file=sys.stderr)
        return 2
    _print(results, a.format)
    return 0


def cmd_similar(a) -> int:
    from kg.query.search import SearchError, similar, stats_of_build
    from kg.query.store import open_store

    try:
        store = open_store(a.store)
        me, results = similar(store, a.program, limit=a.limit * (5 if a.other_ministries else 1), year=a.year,
                              st=stats_of_build(a.store, store))
    except (SearchError, FileNotFoundError) as e:
        print(f"kg similar: {e}", file=sys.stderr)
        return 2
    if a.other_ministries:
        results = [d for d in results if d["ministry"] != me["ministry"]][: a.limit]
    if a.format != "json":
        print(f"# {me['label']} ({me['ministry']}, {me['year']}, {me['number'] or '-'})", file=sys.stderr)
    _print(results, a.format)
    return 0


def register(sub) -> None:
    s = sub.add_parser("search", help="rank programs, payees, laws and 政策/施策 by BM25 over Sudachi terms")
    s.add_argument("text")
    s.add_argument("--store", required=True, help="a built output folder (kg build --out)")
    s.add_argument("--limit", type=int, default=20)
    s.add_argument("--kind", action="append", choices=["program", "payee", "law", "policy", "evaluation"],
                   help="only results of this kind (repeatable)")
    s.add_argument("--format", choices=["table", "csv", "json"], default="table")
    s.set_defaults(func=cmd_search)
    m = sub.add_parser("similar", help="programs of any ministry or year whose text is closest, with shared terms")
    m.add_argument("program", help="事業番号 (any spelling), RS 予算事業ID, 事業名 or IRI")
    m.add_argument("--store", required=True)
    m.add_argument("--year", type=int, help="the review year of PROGRAM's sheet to start from")
    m.add_argument("--limit", type=int, default=10)
    m.add_argument("--other-ministries", action="store_true", help="only programs of other ministries")
    m.add_argument("--format", choices=["table", "csv", "json"], default="table")
    m.set_defaults(func=cmd_similar)
