"""Measuring the evidence linker against the official 旧事業番号 (issue 10): used by bench/ and tests."""
from __future__ import annotations

import time

from kg.link.evidence import link_years
from kg.normalize.project_number import match_key, parse_numbers


def evaluate(rs_records: list, judgit_2023: list) -> dict:
    """Empty every 旧事業番号, link RS 2024 -> 2023 by evidence only, and score against the official links."""
    official = {}
    for r in rs_records:
        text = (r.get("extra") or {}).get("old_number_text")
        refs = [match_key(x.number) for x in parse_numbers(text)] if text else []
        if refs:
            official[id(r)] = set(refs)
        r.setdefault("extra", {})["old_number_text"] = None  # evidence only
        r["lineage"] = []
    t0 = time.perf_counter()
    stats = link_years(rs_records, judgit_2023, 2024)
    dt = time.perf_counter() - t0
    reproduced = 0
    for r in rs_records:
        if id(r) in official:
            got = {match_key(lk["number"]) for lk in r["lineage"] if lk["status"] == "asserted"}
            reproduced += official[id(r)] <= got
    by_cat: dict = {}
    for r in rs_records:
        cat = (r.get("extra") or {}).get("category") or "unknown"
        st = ("asserted" if any(lk["status"] == "asserted" for lk in r["lineage"])
              else "candidate" if r["lineage"] else "none")
        by_cat.setdefault(cat, {"asserted": 0, "candidate": 0, "none": 0})[st] += 1
    prev = by_cat.get("前年度事業", {"asserted": 0, "candidate": 0, "none": 0})
    n_prev = sum(prev.values())
    return {"official_links": len(official), "official_reproduced": reproduced,
            "previous_year_programs": n_prev, "previous_year_asserted": prev["asserted"],
            "by_category": by_cat, "stats": stats, "seconds": round(dt, 3)}
