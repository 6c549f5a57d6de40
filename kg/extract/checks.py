"""Plausibility checks for extracted records: a value that parses but cannot be right is never emitted as
that field. Pure functions of the record (no file, no layout), callable for any review-sheet-shaped record,
whatever its source (review sheets in any format, JUDGIT, RS):

- ``amount_problem(value)``: why an amount in 百万円 is impossible (a 13-digit number, which is what a
  法人番号 read as an amount looks like; anything above ``AMOUNT_MAX``), or None;
- ``check_amounts(rec)``: every budget figure and payee amount; an impossible one, a payee amount above
  everything the program had (its largest 計 and 執行額), and a 計 that its parts do not add up to are
  each a warning naming the field and the source line, and the value is moved out of the field into
  ``extra["withheld"]`` ({field, value, reason, line}) so it reaches neither the graph nor the rankings;
- ``check_record(rec)``: the above plus year checks, for review sheets (called by kg.extract.dispatch);
- ``unestablished(rec)``: the reasons a review sheet cannot stand as a document (no 事業名, no fiscal year);
  the build marks such a document ``failed`` in report.json.
"""
from __future__ import annotations

from kg.normalize.houjin import is_valid as houjin_valid
from kg.records import Record, warn

FIRST_YEAR, LAST_YEAR = 1946, 2100  # 昭和21 .. : fiscal years outside are impossible for a current program
AMOUNT_MAX = 10**9  # 百万円 (= 1,000 兆円, ten times the whole national budget): nothing real is larger
BUDGET_FIELDS = ("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve", "total",
                 "executed", "requested")


def amount_problem(value) -> str | None:
    """Why ``value`` (an amount in 百万円) cannot be real, or None. Not a number -> None (not our business)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    if float(value).is_integer() and 10**12 <= abs(value) < 10**13:
        digits = str(int(abs(value)))
        if houjin_valid(digits):
            return f"{int(value)} is a check-digit-valid 法人番号, not an amount"
        return f"{int(value)} has 13 digits (a 法人番号-sized number), not an amount in 百万円"
    if abs(value) > AMOUNT_MAX:
        return f"{value:,} 百万円 is above {AMOUNT_MAX:,} 百万円 (more than the whole national budget)"
    return None


def _line(rec: Record, key: str) -> int | None:
    s = rec.get("provenance", {}).get("spans", {}).get(key)
    return s[0] if s else None


def _withhold(rec: Record, holder: dict, key: str, field: str, reason: str, code: str, line: int | None) -> None:
    value = holder.get(key)
    holder[key] = None
    rec.setdefault("extra", {}).setdefault("withheld", []).append(
        {"field": field, "value": value, "reason": reason, **({"line": line} if line is not None else {})})
    warn(rec, code, f"{field}: {reason}; value withheld", line=line, field=field)


def check_amounts(rec: Record) -> None:
    """Withhold impossible budget figures and payee amounts (see module doc). Idempotent."""
    budget = rec.get("budget") or []
    for b in budget:
        fy = b.get("fiscal_year")
        for k in BUDGET_FIELDS:
            why = amount_problem(b.get(k))
            if why:
                _withhold(rec, b, k, f"budget[{fy}].{k}", why, "implausible_amount", _line(rec, f"budget[{fy}]"))
    for b in budget:
        parts = [b.get(k) for k in BUDGET_FIELDS[:5]]
        known = [v for v in parts if isinstance(v, int | float)]
        total = b.get("total")
        if isinstance(total, int | float) and known and abs(sum(known) - total) > 0.5 * len(known) + 1e-9:
            fy = b.get("fiscal_year")
            _withhold(rec, b, "total", f"budget[{fy}].total",
                      f"計 {total} is not the sum of its parts ({round(sum(known), 6)})", "budget_total_withheld",
                      _line(rec, f"budget[{fy}]"))
    ceiling = max((abs(b[k]) for b in budget for k in ("total", "executed", "initial", "requested")
                   if isinstance(b.get(k), int | float)), default=None)
    for p in rec.get("payees") or []:
        key = f"payees[{p.get('block')}|{p.get('rank')}]"
        why = amount_problem(p.get("amount"))
        if why:
            _withhold(rec, p, "amount", f"{key}.amount", why, "implausible_amount", _line(rec, key))
            continue
        a = p.get("amount")
        if ceiling is not None and isinstance(a, int | float) and a > ceiling + 0.5:
            _withhold(rec, p, "amount", f"{key}.amount",
                      f"{a:,} 百万円 is above the program's largest 計 and 執行額 ({ceiling:,} 百万円)",
                      "payee_amount_above_budget", _line(rec, key))


def unestablished(rec: Record) -> list[str]:
    """Why a review sheet cannot be a document of the graph: no 事業名 / no fiscal year ([] when it can)."""
    if rec.get("document_type") != "review_sheet":
        return []
    out = []
    if not rec.get("project_name"):
        out.append("事業名 could not be established")
    if not isinstance(rec.get("sheet_fiscal_year"), int):
        out.append("the sheet's fiscal year could not be established")
    return out


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
    check_amounts(rec)
    for reason in unestablished(rec):
        field = "project_name" if "事業名" in reason else "sheet_fiscal_year"
        if not any(w.get("field") == field for w in rec.get("warnings", [])):
            warn(rec, "not_established", reason, field=field)
