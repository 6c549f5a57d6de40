"""`kg related KEY --store DIR`: every entity connected to a program, corporation, law or 施策, how, ranked."""
from __future__ import annotations

import sys

from kg.cli.output import print_json, write_rows


def cmd_related(a) -> int:
    from kg.query.related import COLUMNS, RelatedError, related_to, table_rows
    from kg.query.store import QueryError, open_store

    try:
        store = open_store(a.store)
        key, rows = related_to(store, a.key, limit=a.limit, year=a.year, text=not a.no_text)
    except (QueryError, FileNotFoundError, RelatedError) as e:
        print(f"kg related: {e}", file=sys.stderr)
        return 2
    if a.format == "json":
        print_json({"key": key, "rows": rows})
        return 0
    if a.format == "table":
        sys.stdout.write(f"{key['kind']} {key['label']} <{key['iri']}>\n")
    write_rows(COLUMNS + (["path"] if a.format == "csv" else []),
               [r + ([" > ".join(label or iri for iri, label in row["path"])] if a.format == "csv" else [])
                for r, row in zip(table_rows(rows), rows, strict=True)], a.format, sys.stdout)
    return 0


def register(sub) -> None:
    r = sub.add_parser("related", help="every entity connected to a program, 法人番号, 法令ID or 施策, and how",
                       description="kg related KEY --store DIR: programs, corporations, laws, 施策, 達成手段 and plans "
                                   "connected to KEY — shared contractor (both amounts), same statute (and articles), "
                                   "same 施策 or 達成手段, same plan, lineage, money flow, similar text — ranked, each "
                                   "with the path that connects them. KEY: a 事業番号 (any year's spelling), RS "
                                   "予算事業ID, 法人番号, e-Gov 法令ID, law title, 施策 name, 事業名 or any IRI kg mints.")
    r.add_argument("key", help="事業番号, 予算事業ID, 法人番号, 法令ID, law title, 施策, 事業名 or IRI")
    r.add_argument("--store", required=True, help="build directory (kg build --out)")
    r.add_argument("--year", type=int, help="review year, for a bare 事業番号 that several years share")
    r.add_argument("--limit", type=int, default=50, help="rows to print (best first; default 50, 0 = all)")
    r.add_argument("--no-text", action="store_true", help="leave out similar text (kg similar), the slowest part")
    r.add_argument("--format", choices=["table", "csv", "json"], default="table",
                   help="json gives every row with its path and detail")
    r.set_defaults(func=cmd_related)
