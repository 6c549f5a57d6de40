"""Printing results: JSON, and rows as a table, CSV or JSON (east-asian wide characters padded)."""
from __future__ import annotations

import csv
import json
import sys


def print_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=1) + "\n")


def write_rows(variables: list[str], rows: list[list], fmt: str, out) -> None:
    if fmt == "json":
        out.write(json.dumps([dict(zip(variables, r, strict=True)) for r in rows], ensure_ascii=False, indent=1)
                  + "\n")
    elif fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(variables)
        w.writerows([["" if v is None else v for v in r] for r in rows])
    else:
        cells = [[("" if v is None else str(v)) for v in r] for r in rows]
        widths = [max([_w(h)] + [_w(r[i]) for r in cells]) for i, h in enumerate(variables)]
        widths = [min(w, 60) for w in widths]
        out.write("  ".join(_pad(h, w) for h, w in zip(variables, widths, strict=True)) + "\n")
        out.write("  ".join("-" * w for w in widths) + "\n")
        for r in cells:
            out.write("  ".join(_pad(_cut(c, w), w) for c, w in zip(r, widths, strict=True)) + "\n")
        out.write(f"({len(rows)} rows)\n")


def _w(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _cut(s: str, w: int) -> str:
    while _w(s) > w:
        s = s[:-2] + "…"
    return s


def _pad(s: str, w: int) -> str:
    return s + " " * max(0, w - _w(s))
