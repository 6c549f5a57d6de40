"""Payees: display names, and what merging by 法人番号 does across sheets and ministries.

Payees with a valid 法人番号 are one corporation everywhere (IRI from the number). Payees without one
stay scoped to their sheet; invalid numbers were already refused (null + warning) by the readers and
are never used to merge.
"""
from __future__ import annotations

from collections import defaultdict

from kg.normalize.houjin import is_valid
from kg.normalize.names import corp_display, corp_key
from kg.records import Record


def link_payees(records: list[Record]) -> dict:
    ministries: dict[str, set[str]] = defaultdict(set)
    sheets: dict[str, set] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    invalid = 0
    rows = 0
    # per distinct name and number, once: a national build has ~700k payee rows and far fewer names
    shown: dict[str, tuple[str, str]] = {}  # name -> (display name, key)
    valid: dict[str, bool] = {}
    for rec in records:
        payees = rec.get("payees")
        if not payees:
            continue
        sheet = None
        for p in payees:
            rows += 1
            name = p.get("name") or ""
            dk = shown.get(name)
            if dk is None:
                dk = shown[name] = (corp_display(name), corp_key(name))
            p["name_display"], p["name_key"] = dk
            n = p.get("corporate_number")
            if n:
                ok = valid.get(n)
                if ok is None:
                    ok = valid[n] = is_valid(n)
            else:
                ok = False
            if ok:
                if sheet is None:
                    sheet = (rec.get("sheet_fiscal_year"), rec.get("ministry"), rec.get("project_number"),
                             rec.get("source"))
                ministries[n].add(rec.get("ministry") or "")
                sheets[n].add(sheet)
                names[n].add(dk[1])
            elif p.get("corporate_number_raw"):
                invalid += 1
    return {
        "payee_rows": rows,
        "corporations": len(sheets),
        "corporations_in_several_sheets": sum(1 for s in sheets.values() if len(s) > 1),
        "corporations_across_ministries": sum(1 for m in ministries.values() if len(m) > 1),
        "corporations_with_name_variants": sum(1 for v in names.values() if len(v) > 1),
        "invalid_numbers_not_merged": invalid,
    }
