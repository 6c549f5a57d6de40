"""Plausibility checks every extracted review sheet gets, whatever its layout: values that parse but cannot be
right are flagged (the value and its raw text stay in the record; nothing is changed)."""
from __future__ import annotations

from kg.records import Record, warn

FIRST_YEAR, LAST_YEAR = 1946, 2100  # 昭和21 .. : fiscal years outside are impossible for a current program


def check_record(rec: Record) -> None:
    if rec.get("document_type") != "review_sheet":
        return
    spans = rec.get("provenance", {}).get("spans", {})

    def line(key: str) -> int | None:
        s = spans.get(key)
        return s[0] if s else None

    sheet_year = rec.get("sheet_fiscal_year")
    start, end = rec.get("start_fiscal_year"), rec.get("end_fiscal_year")
    for key, y in (("sheet_fiscal_year", sheet_year), ("start_fiscal_year", start), ("end_fiscal_year", end)):
        if isinstance(y, int) and not FIRST_YEAR <= y <= LAST_YEAR:
            warn(rec, "impossible_year", f"{key} {y} is outside {FIRST_YEAR}-{LAST_YEAR}", line=line(key), field=key)
    if isinstance(start, int) and isinstance(sheet_year, int) and start > sheet_year + 1:
        warn(rec, "start_after_sheet_year", f"事業開始年度 {start} is after the sheet's year {sheet_year} and its "
             f"request year {sheet_year + 1}", line=line("start_fiscal_year"), field="start_fiscal_year")
    if isinstance(start, int) and isinstance(end, int) and end < start:
        warn(rec, "end_before_start", f"事業終了年度 {end} is before 事業開始年度 {start}",
             line=line("end_fiscal_year"), field="end_fiscal_year")
    for b in rec.get("budget") or []:
        fy = b.get("fiscal_year")
        for key in ("total", "executed", "initial"):
            v = b.get(key)
            if isinstance(v, int | float) and v < 0:
                warn(rec, "negative_amount", f"budget[{fy}].{key} is negative ({v}): printed with ▲",
                     line=line(f"budget[{fy}]"), field="budget")
    for p in rec.get("payees") or []:
        v = p.get("amount")
        if isinstance(v, int | float) and v < 0:
            warn(rec, "negative_amount", f"payees[{p.get('block')}|{p.get('rank')}].amount is negative ({v})",
                 line=line(f"payees[{p.get('block')}|{p.get('rank')}]"), field="payees")
