"""`kg flow PROGRAM --store DIR`: where a program's money goes, from the ministry down to the last 再委託."""
from __future__ import annotations

import json
import sys


def cmd_flow(a) -> int:
    from kg.query.flow import FlowError, flow, format_json, format_table, sankey
    from kg.query.store import QueryError, open_store

    try:
        trees = flow(open_store(a.store), a.program, a.year)
    except (QueryError, FileNotFoundError, FlowError) as e:
        print(f"kg flow: {e}", file=sys.stderr)
        return 2
    if a.format == "json":
        sys.stdout.write(format_json(trees))
    elif a.format == "sankey":
        sys.stdout.write(json.dumps(sankey(trees), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(format_table(trees))
    return 0


def register(sub) -> None:
    f = sub.add_parser("flow", help="a program's money: ministry -> blocks -> 再委託 -> payees (PROGRAM)",
                       description="kg flow PROGRAM --store DIR: the tree from the ministry down to the last "
                                   "再委託, with amounts (百万円), payees and 法人番号, per sheet; PROGRAM as for kg "
                                   "lineage (事業番号 in any spelling, RS 予算事業ID, 事業名, sheet or program IRI).")
    f.add_argument("program", help="事業番号, 予算事業ID, 事業名, sheet or program IRI")
    f.add_argument("--store", required=True, help="build directory (kg build --out)")
    f.add_argument("--year", type=int, help="review year of the sheet")
    f.add_argument("--format", choices=["table", "json", "sankey"], default="table")
    f.set_defaults(func=cmd_flow)
