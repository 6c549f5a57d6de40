"""Payee blocks a PDF text leaves unread, grouped by the reason kg.extract.payee_columns gives.

usage: .venv/bin/python bench/payee_failures.py DIR [--tool lo.pdfminer] [--show N] [--sheet NAME]

DIR holds sheets written by ``python -m tests.fixtures.review_sheets DIR [FIRST LAST]`` (NAME.xlsx and
NAME.<lo|rl>.<tool>.txt). For each sheet the text's payee rows are compared with the .xlsx record's; each block
with a missing or wrong row is listed with the column reader's reason (``payees_partial``), and with ``--show``
the first N such blocks print the section's cells as the column reader sees them (kind, text, line).
Prints: rows read / rows, wrong rows, and the count of failing blocks per reason (numbers in reasons masked).
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from kg.extract.dispatch import extract_doc
from kg.extract.payee_columns import _items, payee_columns
from kg.extract.review_pdf import _first_in
from kg.extract.review_text import payee_section_cells
from kg.normalize.text import nfkc
from kg.read import read_document


def section_items(path: Path):
    doc = read_document(path)
    L = [nfkc(x) for x in doc.lines]
    lo = _first_in(L, "支出先上位")
    cells = payee_section_cells(L, lo) if lo else []
    return cells, [it for text, line, header in cells for it in _items(text, line, header)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--tool", default="lo.pdfminer")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--sheet")
    a = ap.parse_args()
    d = Path(a.dir)
    reasons: Counter[str] = Counter()
    read = wrong = total = shown = 0
    for x in sorted(d.glob("*.xlsx")):
        name = x.stem
        if a.sheet and name != a.sheet:
            continue
        ref = {(p["block"], p["rank"]): p for p in extract_doc(read_document(x))["payees"]}
        total += len(ref)
        txt = d / f"{name}.{a.tool}.txt"
        got = {(p["block"], p["rank"]): p for p in extract_doc(read_document(txt))["payees"]}
        bad_blocks: set[str] = set()
        for key, p in got.items():
            w = ref.get(key)
            same = w is not None and all(p[c] is None or p[c] == w[c] for c in
                                         ("name", "corporate_number", "amount", "bidders", "award_rate",
                                          "description", "contract_method"))
            read, wrong = read + same, wrong + (not same)
            if not same:
                print(f"WRONG {name} {key}: {p['name']} {p['corporate_number']} {p['amount']}"
                      f" / xlsx {w and (w['name'], w['corporate_number'], w['amount'])}")
                bad_blocks.add(key[0])
        for key in ref:
            if key not in got:
                bad_blocks.add(key[0])
        if not bad_blocks:
            continue
        cells, items = section_items(txt)
        _, unread = payee_columns(cells)
        why = {}
        for _, m in unread:
            b = re.match(r"block ([A-Z])", m)
            why[b[1] if b else "?"] = m
        for b in sorted(bad_blocks):
            n = sum(1 for k in ref if k[0] == b)
            m = why.get(b, "(no reason: read by the row reader or dropped)")
            reasons[re.sub(r"\d+(?:[.,]\d+)*", "N", re.sub(r"'[^']*'", "'…'", re.sub(r"^block [A-Z]:? ?", "", m)))] += 1
            print(f"{name} block {b} ({n} rows, {sum(1 for k in got if k[0] == b)} given): {m}")
            if shown < a.show:
                shown += 1
                ref_rows = [ref[k] for k in sorted(ref) if k[0] == b]
                print("   xlsx:", " | ".join(f"{p['rank']} {p['name']} {p['corporate_number']} {p['amount']}"
                                            for p in ref_rows))
                for it in items:
                    print(f"     {it.kind:<8} {it.line:>4} {'' if it.alone else '+'}{it.text[:60]}")
    print(f"\n{a.tool}: {read}/{total} rows read, {wrong} wrong")
    for r, c in reasons.most_common():
        print(f"{c:>4}  {r}")


if __name__ == "__main__":
    main()
