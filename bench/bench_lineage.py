"""Lineage across the switch to the RS system, measured on the data we have (issues 10 and 19).

Builds RS 2024 records (the download folder) and JUDGIT 2023 sheets, empties every 旧事業番号, links by
evidence only — once on names, divisions and budgets alone, once with lineage by meaning as well (Sudachi term
overlap of 事業名/事業目的/事業概要, 「（うち…）」 splits and merges: kg.link.term_evidence) — and reports for
each: share of the official 旧事業番号 links reproduced by asserted links, share of 前年度事業 programs with an
asserted link to a 2023 sheet, counts by 事業区分, the missed official links by kind (how they are counted:
kg.link.lineage_eval); then what meaning changed (links added and lost, by the
evidence that decided them, with examples).

usage: .venv/bin/python bench/bench_lineage.py [--rs DIR_OR_ZIP_FOLDER] [--judgit FILE] [--examples N]
(the default RS folder holds 総務省 only; ../shared/data/rs2024 holds every ministry)
"""
from __future__ import annotations

import argparse
import copy
from collections import Counter
from pathlib import Path

from kg.link import term_evidence
from kg.link.lineage_eval import evaluate
from kg.sources.judgit import iter_judgit
from kg.sources.rs import iter_rs

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def report(label: str, res: dict, rows: bool = False) -> None:
    o, p = res["official_links"], res["previous_year_programs"]
    c = res["official_contradicted"]
    print(f"[{label}] 旧事業番号 references: {o} name a 2023 sheet of the program's ministry (official links), "
          f"{res['official_other_year']} another year's sheet, {res['official_not_found']} no 2023 sheet "
          f"({res['official_ambiguous']} ambiguous)")
    print(f"[{label}] official links reproduced (asserted, 旧事業番号 emptied): {res['official_reproduced']}/{o - c} "
          f"= {res['official_rate']:.1%} ({c} contradicted by the evidence left out as findings; "
          f"{res['official_reproduced']}/{o} = {res['official_reproduced'] / max(o, 1):.1%} counting them as misses)")
    print(f"[{label}] 前年度事業 with an asserted link to a 2023 sheet: {res['previous_year_asserted']}/{p}"
          f" = {res['previous_year_asserted'] / max(p, 1):.1%}")
    for cat, n in sorted(res["by_category"].items()):
        print(f"[{label}]   {cat}: asserted {n['asserted']}, candidate {n['candidate']}, none {n['none']}")
    kinds = Counter(m["kind"] for m in res["official_missed"])
    print(f"[{label}] official links missed, by kind:")
    print("  | kind | links |")
    print("  |---|---|")
    for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  | {k} | {n} |")
    print(f"  | contradicted (evidence asserts a same-name sheet; the 旧事業番号 names another program) | {c} |")
    if rows:
        for m in res["official_missed"]:
            print(f"  missed   {m['ministry']} {m['rs_id']} {m['name']} -> {m['official']} {m['official_name']} "
                  f"({m['kind']}); linked {m['linked']}")
        for m in res["official_contradicted_rows"]:
            print(f"  contra.  {m['ministry']} {m['rs_id']} {m['name']} -> {m['official']} {m['official_name']}; "
                  f"linked {m['linked']}")
        for m in res["official_not_found_rows"]:
            print(f"  {m['kind']} {m['ministry']} {m['rs_id']} {m['name']} -> {m['official']}")
    print(f"[{label}] linking time: {res['seconds']} s")


def asserted(r: dict) -> dict[str, dict]:
    return {lk["number"]: lk for lk in r["lineage"] if lk["status"] == "asserted"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rs", default=str(SHARED / "rs2024-soumu"))
    ap.add_argument("--judgit", default=str(SHARED / "judgit" / "judgit-2023.ndjson.gz"))
    ap.add_argument("--examples", type=int, default=12)
    a = ap.parse_args()
    rs = list(iter_rs(a.rs))
    ministries = {r["ministry"] for r in rs}
    j23 = [r for r in iter_judgit(a.judgit) if r["ministry"] in ministries]
    print(f"RS programs: {len(rs)}  JUDGIT 2023 sheets of the same ministries: {len(j23)}")
    before_rs = copy.deepcopy(rs)
    term_evidence.ENABLED = False
    try:
        report("names+budgets", evaluate(before_rs, copy.deepcopy(j23)))
    finally:
        term_evidence.ENABLED = True
    report("+ meaning", evaluate(rs, j23), rows=True)
    added: Counter = Counter()
    lost: Counter = Counter()
    examples = []
    for b, r in zip(before_rs, rs, strict=True):
        cat = (r.get("extra") or {}).get("category") or "unknown"
        old, new = asserted(b), asserted(r)
        for n in new.keys() - old.keys():
            ev = new[n]["evidence"]
            why = "meaning (text)" if ev.get("meaning") else f"name part ({ev['part']})" if ev.get("part") else "other"
            added[(cat, why)] += 1
            if len(examples) < a.examples:
                examples.append(f"  + {cat} | {r.get('project_name')} -> {n} [{why}; text {ev.get('text')}, "
                                f"terms {ev.get('terms')}, name {ev.get('name')}]")
        for _n in old.keys() - new.keys():
            lost[cat] += 1
    print("what lineage by meaning changed (asserted links):")
    for (cat, why), n in sorted(added.items()):
        print(f"  added {n:5d}  {cat} by {why}")
    for cat, n in sorted(lost.items()):
        print(f"  lost  {n:5d}  {cat}")
    print("\n".join(examples))


if __name__ == "__main__":
    main()
