"""`kg extract` and `kg laws resolve`: one document or text, no store."""
from __future__ import annotations

import json
import sys

from kg.cli.output import print_json


def cmd_extract(a) -> int:
    from kg.extract.dispatch import ExtractError, extract_path
    from kg.read.base import ReadError

    try:
        rec = extract_path(a.doc)
    except (ReadError, ExtractError) as e:
        print(f"kg extract: {e}", file=sys.stderr)
        return 2
    if a.json:
        print_json(rec)
    else:
        for k, v in rec.items():
            if k not in ("provenance", "extra"):
                print(f"{k}: {json.dumps(v, ensure_ascii=False)[:200]}")
    return 0


def cmd_laws(a) -> int:
    from kg.link.laws import resolve_lines

    texts = a.texts
    if texts == ["-"]:
        texts = [line.rstrip("\n") for line in sys.stdin]
    for line in resolve_lines(texts):
        print(line)
    return 0


def register(sub) -> None:
    e = sub.add_parser("extract", help="extract one document to a record (schema of gold/SCHEMA.md)")
    e.add_argument("doc")
    e.add_argument("--json", action="store_true", help="print the record as JSON")
    e.set_defaults(func=cmd_extract)

    laws = sub.add_parser("laws", help="law citations: resolve free text to e-Gov 法令ID")
    laws.add_argument("action", choices=["resolve"])
    laws.add_argument("texts", nargs="+", help="texts to resolve, or - to read one text per line from stdin")
    laws.set_defaults(func=cmd_laws)
