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
    for rec in records:
        for p in rec.get("payees") or []:
            rows += 1
            p["name_display"] = corp_display(p.get("name") or "")
            p["name_key"] = corp_key(p.get("name") or "")
            n = p.get("corporate_number")
            if n and is_valid(n):
                ministries[n].add(rec.get("ministry") or "")
                sheets[n].add((rec.get("sheet_fiscal_year"), rec.get("ministry"), rec.get("project_number"),
                               rec.get("source")))
                names[n].add(p["name_key"])
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
