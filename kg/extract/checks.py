"""Plausibility checks for extracted records: a value that parses but cannot be right is never emitted as
that field. Pure functions of the record (no file, no layout), callable for any review-sheet-shaped record,
whatever its source (review sheets in any format, JUDGIT, RS):

- ``amount_problem(value)``: why an amount in 百万円 is impossible (a 13-digit number, which is what a
  法人番号 read as an amount looks like; anything above ``AMOUNT_MAX``), or None;
- ``check_amounts(rec, totals=...)``: every amount of the record; an impossible one (budget figures, payee
  amounts, their contracts, RS blocks, 費目・使途 items, 間接経費), a payee amount equal to the payee's own
  法人番号 (also read as 円), a payee amount above everything the program had (its largest 計, 執行額,
  当初予算 and 要求額, when that is above 0), and, with ``totals="withhold"``, a 計 that its parts do not add
  up to (a part the extractor read but could not tell, named in ``extra["budget_unknown"]`` as "year field", may
  be any value of its sign: a blank adds nothing, an unknown is no blank) are each a warning naming the field and the source line, and the value is moved out of the field
  into ``extra["withheld"]`` ({field, value, reason, code, line}) so it reaches neither the graph nor the rankings;
- ``check_record(rec)``: the above plus year checks, for review sheets (called by kg.extract.dispatch);
- ``unestablished(rec)``: the reasons a review sheet cannot stand as a document (no 事業名, no fiscal year);
  the build marks such a document ``failed`` in report.json.

Withheld versus only reported. A value that cannot be an amount at all is withheld whatever the source. A
計 that is not the sum of its parts is withheld for documents (``totals="withhold"``: the extractor read the
table, so a 計 that does not add up means a misread cell) but not for JUDGIT and RS (``totals="finding"``):
there the figures are the official data as published — the RS 計 is the 歳出予算現額, which does not subtract
翌年度へ繰越し, and JUDGIT 2015/2016 give 翌年度へ繰越し as 0 where the sheet printed one — and
kg.link.findings.amounts reports them as ``budget_total_not_sum`` findings with the printed figures. A payee
amount above the program's largest figure is withheld everywhere: no payee receives more than the whole
program in every year; a payee above only one year's 執行額 stays and is a ``payee_above_execution`` finding.
JUDGIT writes 0 where a sheet prints "-", so a program whose figures are all 0 gives no ceiling; nor does a
budget read in part (a year whose 計 is unknown: the request alone bounds nothing the payees were paid).
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
    if (type(value) is float or type(value) is int) and -AMOUNT_MAX <= value <= AMOUNT_MAX:
        return None  # nearly every amount: answered first (a fifth of JUDGIT extraction went here)
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
    held = rec.setdefault("extra", {}).setdefault("withheld", [])
    if any(h.get("field") == field and h.get("value") == value for h in held):
        return  # a copy of a value already withheld (RS blocks and 間接経費 are kept twice in the record)
    held.append(
        {"field": field, "value": value, "reason": reason, "code": code, **({"line": line} if line is not None else {})})
    warn(rec, code, f"{field}: {reason}; value withheld", line=line, field=field)


def _as_yen_equal(amount, number: str | None) -> bool:
    """``amount`` (百万円) is the 法人番号 ``number`` itself, written as 百万円 or as 円 (RS columns are 円)."""
    if not number or not isinstance(amount, int | float) or isinstance(amount, bool) or amount <= 0:
        return False
    n = int(number)
    return amount == n or round(amount * 1_000_000) == n


def _other_amounts(rec: Record):
    """(holder, key, field) of every amount outside the budget rows and the payees' own amounts."""
    for p in rec.get("payees") or []:
        for i, c in enumerate(p.get("contracts") or [], 1):
            yield c, "amount", f"payees[{p.get('block')}|{p.get('rank')}].contracts[{i}].amount"
    for b in rec.get("blocks") or []:
        code = b.get("code")
        yield b, "amount", f"blocks[{code}].amount"
        for i, it in enumerate(b.get("expense_items") or [], 1):
            yield it, "amount", f"blocks[{code}].expense_items[{i}].amount"
        for i, c in enumerate(b.get("contracts") or [], 1):
            yield c, "amount", f"blocks[{code}].contracts[{i}].amount"
    extra = rec.get("extra") or {}
    for code, info in sorted((extra.get("blocks") or {}).items()):
        if isinstance(info, dict):
            yield info, "amount", f"blocks[{code}].amount"
    for i, it in enumerate(extra.get("expense_items") or [], 1):
        yield it, "amount", f"expense_items[{i}].amount"
    for holder in (rec, extra):
        for i, it in enumerate(holder.get("indirect_costs") or [], 1):
            yield it, "amount", f"indirect_costs[{i}].amount"
    for i, f in enumerate(rec.get("flows") or []):
        yield f, "amount", f"flows[{i}].amount"


def _may_add_up(known: list, total, open_parts: list[str]) -> bool:
    """計 ``total`` is its ``known`` parts' sum (within 0.5 per part), or may be with the parts the extractor left
    unknown (``open_parts``: it read them but could not tell their values; a blank adds nothing): 翌年度へ繰越し
    is ▲ (at most 0), the other parts at least 0."""
    gap = total - sum(known)
    tol = 0.5 * len(known) + 1e-9
    down = "carried_to_next" in open_parts
    up = any(k != "carried_to_next" for k in open_parts)
    return abs(gap) <= tol or (up and down) or (up and gap > 0) or (down and gap < 0)


def _carried_added(b: dict) -> bool:
    """The budget year ``b``'s 翌年度へ繰越し is above 0 and its 計 is the sum of the parts with it added (within 0.5
    per part): 翌年度へ繰越し is ▲, taken off the 計, so the figure read there is another row's (a 前年度から繰越し
    read a row too low: 「38,620 | 11,637 | - | 789 | - | 51,046」)."""
    v, total = b.get("carried_to_next"), b.get("total")
    if not isinstance(v, int | float) or isinstance(v, bool) or v <= 0 or not isinstance(total, int | float):
        return False
    known = [b[k] for k in BUDGET_FIELDS[:5] if isinstance(b.get(k), int | float)]
    return abs(total - sum(known)) <= 0.5 * len(known) + 1e-9


def check_amounts(rec: Record, totals: str = "withhold") -> None:
    """Withhold impossible amounts (see module doc); ``totals``: "withhold" (documents) or "finding" (JUDGIT,
    RS: a 計 not the sum of its parts stays, kg.link.findings reports it). Idempotent."""
    budget = rec.get("budget") or []
    for b in budget:
        fy = b.get("fiscal_year")
        for k in BUDGET_FIELDS:
            why = amount_problem(b.get(k))
            if why:
                _withhold(rec, b, k, f"budget[{fy}].{k}", why, "implausible_amount", _line(rec, f"budget[{fy}]"))
    unknown = set((rec.get("extra") or {}).get("budget_unknown") or ())
    for b in budget if totals == "withhold" else ():
        if _carried_added(b):
            fy = b.get("fiscal_year")
            _withhold(rec, b, "carried_to_next", f"budget[{fy}].carried_to_next",
                      f"翌年度へ繰越し {b['carried_to_next']} is above 0 and the 計 is the parts' sum with it added: "
                      "the figure is another row's (翌年度へ繰越し is printed ▲, taken off the 計)",
                      "budget_part_withheld", _line(rec, f"budget[{fy}]"))
            unknown |= {f"{fy} {k}" for k in BUDGET_FIELDS[:5] if b.get(k) is None}  # (whose figure it is: unknown)
        parts = [b.get(k) for k in BUDGET_FIELDS[:5]]
        known = [v for v in parts if isinstance(v, int | float)]
        total = b.get("total")
        fy = b.get("fiscal_year")
        open_parts = [k for k in BUDGET_FIELDS[:5] if b.get(k) is None and f"{fy} {k}" in unknown]
        if isinstance(total, int | float) and known and not _may_add_up(known, total, open_parts):
            _withhold(rec, b, "total", f"budget[{fy}].total",
                      f"計 {total} is not the sum of its parts ({round(sum(known), 6)})", "budget_total_withheld",
                      _line(rec, f"budget[{fy}]"))
    # the ceiling of the whole program: only when every year read has its 計 (a budget read in part, the request
    # alone, bounds one year, and a payee may be paid more than the next year's request) and no year of the table
    # was left out as not told apart (budget_order_unknown: the current year and the request read, the past ones not)
    whole = all(isinstance(b.get("total"), int | float) for b in budget if "total" in b) and \
        not any(w.get("code") == "budget_order_unknown" for w in rec.get("warnings") or [])
    ceiling = max((abs(b[k]) for b in budget for k in ("total", "executed", "initial", "requested")
                   if isinstance(b.get(k), int | float)), default=None) if whole else None
    for p in rec.get("payees") or []:
        key = f"payees[{p.get('block')}|{p.get('rank')}]"
        a = p.get("amount")
        why = amount_problem(a)
        if why is None and _as_yen_equal(a, p.get("corporate_number")):
            shown = a if a == int(p["corporate_number"]) else f"{a} 百万円 ({p['corporate_number']} 円)"
            why = f"{shown} is the payee's own 法人番号 {p['corporate_number']}, not an amount"
        if why:
            _withhold(rec, p, "amount", f"{key}.amount", why, "implausible_amount", _line(rec, key))
            continue
        if ceiling and isinstance(a, int | float) and a > ceiling + 0.5:
            _withhold(rec, p, "amount", f"{key}.amount",
                      f"{a:,} 百万円 is above the program's largest 計 and 執行額 ({ceiling:,} 百万円)",
                      "payee_amount_above_budget", _line(rec, key))
    for holder, key, field in _other_amounts(rec):
        why = amount_problem(holder.get(key))
        if why:
            where = field.rsplit(".", 1)[0]
            line = _line(rec, where) or _line(rec, where.split(".")[0]) or _line(rec, where.split("[")[0])
            _withhold(rec, holder, key, field, why, "implausible_amount", line)


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
