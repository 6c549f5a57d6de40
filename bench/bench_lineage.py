"""Lineage across the switch to the RS system, measured on the data we have (issue 10).

Builds RS 2024 records (the download folder) and JUDGIT 2023 sheets, empties every 旧事業番号, links by
evidence only, then reports: share of the official 旧事業番号 links reproduced by asserted links, share
of 前年度事業 programs with an asserted link to a 2023 sheet, and counts by 事業区分.

usage: .venv/bin/python bench/bench_lineage.py [--rs DIR] [--judgit FILE]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from kg.link.lineage_eval import evaluate
from kg.sources.judgit import iter_judgit
from kg.sources.rs import iter_rs

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rs", default=str(SHARED / "rs2024-soumu"))
    ap.add_argument("--judgit", default=str(SHARED / "judgit" / "judgit-2023.ndjson.gz"))
    a = ap.parse_args()
    rs = list(iter_rs(a.rs))
    ministries = {r["ministry"] for r in rs}
    j23 = [r for r in iter_judgit(a.judgit) if r["ministry"] in ministries]
    res = evaluate(rs, j23)
    o, p = res["official_links"], res["previous_year_programs"]
    print(f"RS programs: {len(rs)}  JUDGIT 2023 sheets of the same ministries: {len(j23)}")
    print(f"official 旧事業番号 links reproduced (asserted, 旧事業番号 emptied): {res['official_reproduced']}/{o}"
          f" = {res['official_reproduced'] / max(o, 1):.1%}")
    print(f"前年度事業 with an asserted link to a 2023 sheet: {res['previous_year_asserted']}/{p}"
          f" = {res['previous_year_asserted'] / max(p, 1):.1%}")
    for cat, c in sorted(res["by_category"].items()):
        print(f"  {cat}: asserted {c['asserted']}, candidate {c['candidate']}, none {c['none']}")
    print(f"linking time: {res['seconds']} s")


if __name__ == "__main__":
    main()
