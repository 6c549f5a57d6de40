"""Kind 4: amounts that cannot all be right.

amount / payee_above_execution: a payee's amount above what the program executed in that fiscal year (payee lists
  are of the year before the review year, or the payee's own 年度) — by more than EXCESS and 1 百万円.
amount / budget_total_not_sum: a 予算計 that is not the sum of 当初 + 補正 + 前年度から繰越 + 翌年度へ繰越 (printed
  negative, ▲) + 予備費 (beyond rounding: TOTAL_TOLERANCE).
amount / block_total_not_sum: a payee block's printed total (RS 5-1 ブロックの合計支出額, PDF block 計) that is not the
  sum of its rows, when every row of the block is listed (fewer than 10).
amount / unit_scale: one amount differing by 10^3 or 10^6 between two sources or two sheets of one program for the
  same fiscal year (円 / 千円 / 百万円): a document against its JUDGIT/RS record (kg.link.merge noted the conflict),
  consecutive sheets of one program (asserted lineage) for an overlapping year, or a payee amount JUDGIT gives in
  円 (kg.sources.judgit converted it and kept amount_raw).
"""
from __future__ import annotations

import re
from collections import defaultdict

from kg.link.findings import finding, payment_target, sheet_target, sources
from kg.link.sheets import SheetIndex
from kg.records import Record

EXCESS = 1.10  # a payee may not receive more than 110% of the execution (rounding, carried funds)
TOTAL_TOLERANCE = (2.0, 0.002)  # |total - sum| above max(2 百万円, 0.2%) is not rounding
SCALES = (1_000, 1_000_000)
BUDGET_PARTS = ("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve")
FIELDS_JA = {"initial": "当初予算", "supplementary": "補正予算", "carried_from_previous": "前年度から繰越し",
             "carried_to_next": "翌年度へ繰越し", "reserve": "予備費等", "total": "予算計", "executed": "執行額"}


def find(records: list[Record], tables: dict) -> list[tuple[Record, dict]]:
    out: list[tuple[Record, dict]] = []
    index = SheetIndex(records)
    for rec in records:
        if rec.get("document_type") != "review_sheet":
            continue
        budget = _budget(rec)  # once per sheet: three checks read it
        out += _above_execution(rec, budget)
        out += _budget_totals(rec, budget)
        out += _block_totals(rec)
        out += _yen_payees(rec)
        out += _merge_conflicts(rec)
        out += _between_sheets(rec, index, budget)
    return out


def _budget(rec: Record) -> dict[int, dict]:
    return {int(b["fiscal_year"]): b for b in rec.get("budget") or [] if b.get("fiscal_year") is not None}


def _num(v) -> float | None:
    t = type(v)
    if t is float:
        return v  # = float(v), the most frequent case answered first (3 M calls nationally)
    if v is None:
        return None
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None  # a tuple: faster than int | float


def _pk(p: dict) -> str:
    return f"payees[{p.get('block')}|{p.get('rank')}]"


def _above_execution(rec: Record, budget: dict[int, dict] | None = None) -> list[tuple[Record, dict]]:
    budget = _budget(rec) if budget is None else budget
    # the years with a positive execution: a payee of another year is never above it
    executed = {y: ex for y, b in budget.items() if (ex := _num(b.get("executed"))) is not None and ex > 0}
    if not executed:
        return []
    sy = rec.get("sheet_fiscal_year")
    rows = []
    held = {h.get("field"): h.get("value") for h in (rec.get("extra") or {}).get("withheld") or []
            if h.get("code") == "payee_amount_above_budget"}
    for p in rec.get("payees") or []:
        # an amount kg.extract.checks withheld (above everything the program had) is still evidence here
        a = _num(p.get("amount") if p.get("amount") is not None else held.get(f"{_pk(p)}.amount"))
        year = p.get("year") or (int(sy) - 1 if sy is not None else None)
        if a is None or year is None or "amount_raw" in p:
            continue
        ex = executed.get(int(year))
        if ex is None:
            continue
        if a > ex * EXCESS and a - ex > 1:
            rows.append((p, int(year), a, ex))
    if not rows:
        return []
    worst = max(r[2] / r[3] for r in rows)
    severity, conf = ("high", 0.9) if worst >= 10 else ("medium", 0.7) if worst >= 2 else ("low", 0.5)
    ev = {"rows": [{"block": p.get("block"), "rank": p.get("rank"), "payee": p.get("name"), "year": y, "amount": a,
                    "executed": ex, "ratio": round(a / ex, 2)} for p, y, a, ex in rows]}
    p0, y0, a0, ex0 = max(rows, key=lambda r: r[2] / r[3])
    msg = (f"payee 「{p0.get('name')}」 received {a0:,} 百万円 in {y0}, {a0 / ex0:,.1f}x the program's execution "
           f"({ex0:,} 百万円)" + (f"; {len(rows) - 1} more row(s) above execution" if len(rows) > 1 else ""))
    suggestion = None
    if a0 >= 100 * ex0:  # far above: a unit slip, not carried funds
        fits = [s for s in SCALES if a0 / s <= ex0 * EXCESS]
        if fits:
            suggestion = " or ".join(f"{a0 / s:,.3f} 百万円 if written in {'千円' if s == 1000 else '円'}" for s in fits)
    tgts = [sheet_target(rec)] + [payment_target(rec, p) for p, *_ in rows]
    srcs = sources(rec, *[_pk(p) for p, *_ in rows], *sorted({f"budget[{y}]" for _, y, _, _ in rows}))
    return [(rec, finding("amount", "payee_above_execution", severity, conf, msg, tgts, srcs, ev, suggestion))]


def _adds_up(b: dict, total: float, initial: float) -> bool:
    """Whether the year's 予算計 is the sum of its parts (with or without 翌年度へ繰越し) within the tolerance: the
    test of ``_budget_totals``, with the same sums in the same order, and without building its evidence."""
    vals = [initial]
    for k in ("supplementary", "carried_from_previous", "reserve"):
        v = b.get(k)
        if v is not None and (v := _num(v)) is not None:
            vals.append(v)
    base = sum(vals)
    v = b.get("carried_to_next")
    to_next = abs((_num(v) if v is not None else None) or 0)
    tol = max(TOTAL_TOLERANCE[0], TOTAL_TOLERANCE[1] * abs(total))
    return abs(total - (base - to_next)) <= tol or abs(total - base) <= tol


def _budget_totals(rec: Record, budget: dict[int, dict] | None = None) -> list[tuple[Record, dict]]:
    out = []
    for year, b in sorted((_budget(rec) if budget is None else budget).items()):
        total, initial = _num(b.get("total")), _num(b.get("initial"))
        if total is None or initial is None or _adds_up(b, total, initial):
            continue
        parts = {k: _num(b.get(k)) for k in BUDGET_PARTS}
        base = sum(v for k, v in parts.items() if v is not None and k != "carried_to_next")
        to_next = abs(parts["carried_to_next"] or 0)
        # JUDGIT sheets subtract 翌年度へ繰越し (printed ▲); the RS 計(歳出予算現額) does not
        sums = {base - to_next, base}
        tol = max(TOTAL_TOLERANCE[0], TOTAL_TOLERANCE[1] * abs(total))
        if any(abs(total - s) <= tol for s in sums):
            continue
        s = base - to_next
        ev = {"fiscal_year": year, "printed_total": total, "sum_of_parts": round(s, 3), "difference": round(total - s, 3),
              "parts": {FIELDS_JA[k]: v for k, v in parts.items() if v is not None}}
        msg = (f"{FIELDS_JA['total']} {year} of {_label(rec)} is {total:,} 百万円 but its parts add up to "
               f"{s:,.3f}")
        severity = "medium" if abs(total - s) > 0.05 * max(abs(total), abs(s), 1) else "low"
        suggestion = f"予算計 {s:,.3f} 百万円 (the sum), or a part is misprinted"
        if total < s and not parts["carried_to_next"]:
            # the usual pattern of the early JUDGIT years: 翌年度へ繰越し given as 0 where the sheet printed one
            severity = "low"
            suggestion = f"翌年度へ繰越し is probably missing: ▲{s - total:,.3f} 百万円 would make the sum"
        out.append((rec, finding("amount", "budget_total_not_sum", severity, 0.8 if severity == "medium" else 0.5, msg,
                                 [sheet_target(rec)], sources(rec, f"budget[{year}]"), ev, suggestion)))
    return out


def _block_totals(rec: Record) -> list[tuple[Record, dict]]:
    out = []
    blocks = (rec.get("extra") or {}).get("blocks") or {}
    payees = defaultdict(list)
    for p in rec.get("payees") or []:
        payees[p.get("block")].append(p)
    for block, info in sorted(blocks.items()):
        total = _num((info or {}).get("amount"))
        rows = payees.get(block) or []
        amounts = [_num(p.get("amount")) for p in rows]
        if total is None or not rows or None in amounts or len(rows) >= 10:
            continue
        if info.get("payee_count") is not None and info["payee_count"] != len(rows):
            continue  # not every row of the block is listed
        s = sum(amounts)
        if abs(s - total) <= max(0.5, 0.001 * abs(total)):
            continue
        ev = {"block": block, "printed_total": total, "sum_of_rows": round(s, 6), "rows": len(rows)}
        out.append((rec, finding("amount", "block_total_not_sum", "medium", 0.75,
                                 f"block {block} of {_label(rec)}: total {total:,} 百万円, rows add up to {s:,}",
                                 [sheet_target(rec)] + [payment_target(rec, p) for p in rows],
                                 sources(rec, f"blocks[{block}]", *[_pk(p) for p in rows]), ev, None)))
    for w in rec.get("warnings") or []:  # PDF sheets: the extractor compared the printed 計 with its rows
        if w.get("code") == "payee_block_sum":
            m = re.search(r"block (\S+): payees add up to ([\d.,-]+), block total ([\d.,-]+)", w.get("message", ""))
            if not m:
                continue
            ev = {"block": m[1], "sum_of_rows": m[2], "printed_total": m[3], "line": w.get("line")}
            srcs = [dict(s, lines=[w["line"], w["line"]]) for s in sources(rec, "payees")] if w.get("line") else \
                sources(rec, "payees")
            out.append((rec, finding("amount", "block_total_not_sum", "medium", 0.7,
                                     f"block {m[1]} of {_label(rec)}: total {m[3]} 百万円, rows add up to {m[2]}",
                                     [sheet_target(rec)], srcs, ev, None)))
    return out


def _scale(a: float, b: float) -> int | None:
    """10^3 or 10^6 when ``a`` is ``b`` written in a unit that many times smaller (a = b x scale), else None."""
    if b == 0 or a == 0 or (a > 0) != (b > 0):
        return None
    a, b = abs(a), abs(b)
    for s in SCALES:
        if a >= s and abs(a / s - b) <= max(0.5, 0.01 * b):
            return s
    return None


def _yen_payees(rec: Record) -> list[tuple[Record, dict]]:
    rows = [p for p in rec.get("payees") or [] if "amount_raw" in p]
    if not rows:
        return []
    ex = max((_num(b.get("executed")) or 0 for b in rec.get("budget") or []), default=0)
    ev = {"rows": [{"block": p.get("block"), "rank": p.get("rank"), "payee": p.get("name"), "printed": p["amount_raw"],
                    "read_as": p.get("amount"), "if_in_thousand_yen": p["amount_raw"] / 1000} for p in rows],
          "largest_execution": ex}
    units = "/".join(sorted({p.get("amount_unit", "円") for p in rows}))  # kg.sources.judgit: 千円 or 円
    msg = (f"{len(rows)} payee amount(s) of {_label(rec)} are written in {units} where the sheet uses 百万円 "
           f"(e.g. {rows[0]['amount_raw']:,} for 「{rows[0].get('name')}」)")
    return [(rec, finding("amount", "unit_scale", "high", 0.9, msg,
                          [sheet_target(rec)] + [payment_target(rec, p) for p in rows],
                          sources(rec, *[_pk(p) for p in rows]), dict(ev, between="payee amount and the sheet's budget"),
                          "; ".join(f"{p.get('name')}: {p.get('amount')} 百万円 (as {p.get('amount_unit', '円')})"
                                    + (f" or {p['amount_raw'] / 1000:,} 百万円 (as 千円)" if ex and p.get(
                                        "amount_unit", "円") == "円" and p["amount_raw"] / 1000 <= ex * EXCESS else "")
                                    for p in rows[:5])))]


def _merge_conflicts(rec: Record) -> list[tuple[Record, dict]]:
    out = []
    for n in rec.get("finding_notes") or []:
        if n["code"] != "source_conflict":
            continue
        a, b = _num(n.get("document")), _num(n.get("other"))
        if a is None or b is None:
            continue
        s = _scale(a, b) or _scale(b, a)
        if not s:
            continue
        big, small = (n.get("document_source"), n.get("other_source")) if abs(a) > abs(b) else \
            (n.get("other_source"), n.get("document_source"))
        ev = {"field": n["key"], "document": a, "document_source": n.get("document_source"), "other": b,
              "other_source": n.get("other_source"), "scale": s}
        msg = (f"{n['key']} of {_label(rec)} is {a:,} in {n.get('document_source')} and {b:,} in "
               f"{n.get('other_source')}: a factor of 10^{len(str(s)) - 1}")
        key = n["key"]
        field = key.split(".")[0] if key.startswith("budget[") else key.split("].")[0] + "]"
        out.append((rec, finding("amount", "unit_scale", "high", 0.9, msg, [sheet_target(rec)],
                                 sources(rec, field), ev, f"{big} is in the wrong unit (百万円 expected); "
                                                          f"the value is {min(abs(a), abs(b)):,} 百万円 as {small} says")))
    return out


def _between_sheets(rec: Record, index: SheetIndex, budget: dict[int, dict] | None = None) -> list[tuple[Record, dict]]:
    """Overlapping fiscal years of a sheet and the earlier sheet of the same program (asserted lineage)."""
    out = []
    sy = rec.get("sheet_fiscal_year")
    if sy is None or not rec.get("lineage"):
        return out
    mine = _budget(rec) if budget is None else budget
    for lk in rec.get("lineage") or []:
        if lk.get("status") != "asserted" or lk.get("fiscal_year") != int(sy) - 1:
            continue
        for other in index.get((lk["fiscal_year"], lk["ministry"], lk["number"]))[:1]:
            theirs = _budget(other)
            diffs = []
            for y in sorted(set(mine) & set(theirs)):
                if y >= int(sy) - 1:
                    continue  # the earlier sheet's own year is still an estimate there
                for f in ("initial", "total", "executed"):
                    a, b = _num(mine[y].get(f)), _num(theirs[y].get(f))
                    if a is None or b is None or a == b:
                        continue  # equal amounts are never 10^3 or 10^6 apart
                    s = _scale(a, b) or _scale(b, a)
                    if s:
                        diffs.append({"fiscal_year": y, "field": FIELDS_JA[f], "this_sheet": a, "earlier_sheet": b,
                                      "scale": s})
            if not diffs:
                continue
            d = diffs[0]
            wrong = _odd_one(rec, other, d)
            msg = (f"{_label(rec)} and its earlier sheet {lk['number']} ({lk['fiscal_year']}) give {d['field']} "
                   f"{d['fiscal_year']} as {d['this_sheet']:,} and {d['earlier_sheet']:,}: a factor of {d['scale']:,}")
            out.append((rec, finding("amount", "unit_scale", "medium", 0.75, msg,
                                     [sheet_target(rec), sheet_target(other)],
                                     sources(rec, *[f"budget[{x['fiscal_year']}]" for x in diffs])
                                     + sources(other, *[f"budget[{x['fiscal_year']}]" for x in diffs]),
                                     {"between": "consecutive sheets of one program", "differences": diffs,
                                      "odd_one": wrong},
                                     f"{wrong} is in the wrong unit: its other years are of the other sheet's "
                                     f"magnitude" if wrong else None)))
    return out


def _odd_one(rec: Record, other: Record, d: dict) -> str | None:
    """Which sheet's value is off its own other years by the scale ('this sheet' / 'the earlier sheet'), if one is."""
    key = {v: k for k, v in FIELDS_JA.items()}[d["field"]]

    def off(r: Record, value: float) -> bool | None:
        vals = sorted(abs(v) for y, b in _budget(r).items() if y != d["fiscal_year"]
                      for v in [_num(b.get(key))] if v)
        if not vals:
            return None
        med = vals[len(vals) // 2]
        return abs(value) > 30 * med or abs(value) * 30 < med

    a, b = off(rec, d["this_sheet"]), off(other, d["earlier_sheet"])
    if a and b is False:
        return "this sheet"
    if b and a is False:
        return "the earlier sheet"
    return None


def _label(rec: Record) -> str:
    num = rec.get("project_number") or rec.get("sheet_number") or "(no number)"
    return f"sheet {rec.get('sheet_fiscal_year')} {rec.get('ministry')} {num}"
