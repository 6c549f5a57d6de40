"""`kg query`, `kg validate`, `kg lineage`: reading a built store."""
from __future__ import annotations

import json
import sys

from kg.cli.output import print_json, write_rows


def _parse_params(pairs: list[str]) -> dict[str, str]:
    out = {}
    for p in pairs or []:
        if "=" not in p:
            raise SystemExit(f"kg query: --param wants NAME=VALUE, got {p!r}")
        k, v = p.split("=", 1)
        out[k.strip()] = v
    return out


def cmd_query(a) -> int:
    from kg.query.store import QueryError, named_queries, open_store, query_header, resolve_query, run_query

    if a.list:
        for name, path in named_queries().items():
            head = query_header(path.read_text(encoding="utf-8"))
            print(f"{name}: {head[0] if head else ''}")
        return 0
    if not a.query:
        print("kg query: give a named query or a .rq file (or --list)", file=sys.stderr)
        return 2
    try:
        name, text = resolve_query(a.query)
        store = open_store(a.store)
        variables, rows = run_query(store, text, _parse_params(a.param))
    except (QueryError, FileNotFoundError) as e:
        print(f"kg query: {e}", file=sys.stderr)
        return 2
    if variables is None:
        print("true" if rows else "false")
        return 0
    if variables == "triples":
        for t in rows:
            print(t)
        return 0
    write_rows(variables, rows, a.format, sys.stdout)
    return 0


def cmd_validate(a) -> int:
    from kg.build.progress import Progress
    from kg.query.store import open_store
    from kg.validate.compiled import UnsupportedShape
    from kg.validate.shacl import validate_store

    bar = Progress("validate (SHACL checks)", unit="check")
    try:
        store = open_store(a.store)
        res = validate_store(store, engine=a.engine, progress=bar)
    except (FileNotFoundError, UnsupportedShape) as e:
        print(f"kg validate: {e}", file=sys.stderr)
        return 2
    finally:
        bar.done()
    if a.json:
        print_json(res)
    else:
        print("conforms" if res["conforms"] else f"{res['violations']} SHACL violations")
        for r in res["results"][:50]:
            print(f"  {r['severity']}: {r['focus']} {r['path']}: {r['message']}")
    return 0 if res["conforms"] else 1


def cmd_lineage(a) -> int:
    from kg.query.lineage import LINK_COLUMNS, LineageError, chain, links
    from kg.query.store import QueryError, open_store

    try:
        store = open_store(a.store)
        if a.program == "links":
            rows = links(store, a.year)
            write_rows(LINK_COLUMNS, [[r[c] for c in LINK_COLUMNS] for r in rows], a.format, sys.stdout)
            return 0
        steps = chain(store, a.program, a.year)
    except (QueryError, FileNotFoundError, LineageError) as e:
        print(f"kg lineage: {e}", file=sys.stderr)
        return 2
    if a.format == "json":
        print_json(steps)
        return 0
    cols = ["review_year", "number", "name", "division", "budget_year", "budget", "executed", "execution_rate",
            "links"]
    rows = []
    for st in steps:
        ev = "; ".join(f"{lk['status']} {lk['previous_fiscal_year']}:{lk['previous_number']} "
                       f"score {lk['score']:.2f} {json.dumps(lk['evidence'], ensure_ascii=False, sort_keys=True)}"
                       for lk in st["links"])
        rows.append([st[c] for c in cols[:-1]] + [ev])
    write_rows(cols, rows, a.format, sys.stdout)
    return 0


def register(sub) -> None:
    q = sub.add_parser("query", help="run a named SPARQL query (ontology/queries) or a .rq file")
    q.add_argument("query", nargs="?", help="named query or .rq file")
    q.add_argument("--store", default="build", help="build output folder holding store/")
    q.add_argument("--format", choices=["table", "csv", "json"], default="table")
    q.add_argument("--param", action="append", metavar="NAME=VALUE",
                   help="bind a query variable (IRI if it starts with http(s)://, else a literal)")
    q.add_argument("--list", action="store_true", help="list the named queries")
    q.set_defaults(func=cmd_query)

    v = sub.add_parser("validate", help="SHACL-validate a built store")
    v.add_argument("--store", default="build")
    v.add_argument("--json", action="store_true")
    v.add_argument("--engine", choices=["sparql", "pyshacl"], default="sparql",
                   help="sparql: the shapes compiled to SPARQL on the store (whole graph, any size; default); "
                        "pyshacl: the store loaded into rdflib and checked by pySHACL (small stores only)")
    v.set_defaults(func=cmd_validate)

    li = sub.add_parser("lineage", help="a program's chain across years (PROGRAM), or every lineage link (links)",
                        description="kg lineage PROGRAM --store DIR: the program's sheets year by year with the "
                                    "evidence of each step; PROGRAM is a 事業番号 (any spelling), an RS 予算事業ID or "
                                    "a sheet/program IRI. kg lineage links --store DIR: every link, one per row.")
    li.add_argument("program", help="事業番号, 予算事業ID, sheet or program IRI; or the word 'links'")
    li.add_argument("--store", required=True, help="build directory (kg build --out)")
    li.add_argument("--year", type=int, help="review year of the sheet (PROGRAM) / of the later sheets (links)")
    li.add_argument("--format", choices=["table", "csv", "json"], default="table")
    li.set_defaults(func=cmd_lineage)
