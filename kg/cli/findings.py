"""`kg findings`: where the official data contradicts itself, with the evidence (kg.link.findings)."""
from __future__ import annotations

import sys

from kg.cli.output import print_json, write_rows

KIND_HELP = "official_past_number | law_id | corporate_number | amount | lineage, or a code (e.g. unit_scale)"


def cmd_findings(a) -> int:
    from kg.query.findings import COLUMNS, as_row, findings
    from kg.query.store import open_store

    try:
        store = open_store(a.store)
    except FileNotFoundError as e:
        print(f"kg findings: {e}", file=sys.stderr)
        return 2
    rows = findings(store, kind=a.kind, target=a.target, severity=a.severity)
    if a.format == "json":
        print_json(rows)
        return 0
    cols = COLUMNS if a.format == "csv" else COLUMNS[:8]
    write_rows(cols, [as_row(f)[:len(cols)] for f in rows], a.format, sys.stdout)
    return 0


def register(sub) -> None:
    f = sub.add_parser("findings", help="contradictions in the official data, with evidence and sources",
                       description="kg findings --store DIR: every finding of the build (DQV quality annotations in "
                                   "graph/derived/findings): kind, code, severity, confidence, message, suggested "
                                   "correction, the facts concerned (IRIs), the source lines and the evidence.")
    f.add_argument("--store", required=True, help="build directory (kg build --out)")
    f.add_argument("--kind", help=KIND_HELP)
    f.add_argument("--severity", choices=["high", "medium", "low"])
    f.add_argument("--target", help="only findings about this IRI (a sheet, payment, corporation or law)")
    f.add_argument("--format", choices=["table", "csv", "json"], default="table")
    f.set_defaults(func=cmd_findings)
