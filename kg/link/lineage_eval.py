"""Measuring the evidence linker against the official 旧事業番号 (issues 10 and 19): used by bench/ and tests.

What counts (the denominator): an *official link* is a pair (RS 2024 program, 2023 sheet) where the program's
旧事業番号 names a number that one 2023 sheet of the program's ministry bears — written whole
("2023-総務-22-0007"), without year and ministry ("22-0436", "経産22：0436") or as the bare serial ("0333",
"0001-04"). A number of another review year ("2022-経産-新22-0028", "経産21-0414") or one no 2023 sheet bears is
not a link to a 2023 sheet: it is counted apart (``official_other_year``, ``official_not_found``), never as a miss.

Each official link is then, with every 旧事業番号 emptied and the linker run on evidence only:
- ``reproduced``: the linker asserts the link;
- ``contradicted``: the linker asserts another 2023 sheet of the same name (name >= 0.97) while the sheet the
  旧事業番号 names has another name (< 0.5): the official number is the likely error (a finding, reported by the
  build as ``official_number_contradicted``), so it is left out of the rate and listed;
- ``missed``: anything else, by kind (split 「うち」, the official sheet is one of several, renamed, …).
The rate is reproduced / (official links - contradicted).
"""
from __future__ import annotations

import re
import time
from collections import defaultdict

from kg.link.evidence import link_years, name_score, number_keys
from kg.normalize.project_number import is_rs_format, match_key, parse_numbers

EARLIER = 2023


def _number(rec: dict) -> str | None:
    return rec.get("project_number") or rec.get("sheet_number")


def resolve_official(text: str | None, ministry: str | None, by_key: dict) -> list[tuple[str, str, dict | None]]:
    """The 旧事業番号 text's references as (kind, reference, 2023 sheet): kind ``link`` (the sheet of the ministry
    bearing it), ``other_year`` or ``not_found``. ``by_key``: (ministry, number key) -> 2023 sheets."""
    out = []
    for ref in parse_numbers(text) if text else []:
        if ref.fiscal_year not in (None, EARLIER):
            out.append(("other_year", ref.number, None))
            continue
        key = match_key(ref.number)
        hits = by_key.get((ministry, key), [])
        era = re.match(r"新?(\d\d)-\d{4}", ref.number)
        if len(hits) == 1:
            out.append(("link", ref.number, hits[0]))
        elif hits:
            out.append(("ambiguous", ref.number, None))
        elif era and not is_rs_format(ref.number) and int(era[1]) < EARLIER - 2001:
            out.append(("other_year", ref.number, None))  # "21-0414": a number of the 令和3 (2022) sheet
        else:
            out.append(("not_found", ref.number, None))
    return out


def _index(judgit_2023: list) -> dict:
    by_key: dict = defaultdict(list)
    for r in judgit_2023:
        n = _number(r)
        if n and r.get("ministry"):
            for k in number_keys(n):
                by_key[(r["ministry"], k)].append(r)
    return by_key


def _miss_kind(rec: dict, target: dict, links: list, n_successors: int) -> str:
    later = rec.get("project_name") or ""
    if "うち" in later or "内" in later:
        return "split (「うち…」)"
    if n_successors > 1:
        return "one 2023 sheet, several 2024 programs"
    if rec.get("division") and target.get("division") and rec["division"] != target["division"]:
        div = "division renamed"
    else:
        div = "same division"
    if name_score(later, target.get("project_name") or "") < 0.8:
        return f"renamed program ({div})"
    if any(lk["status"] == "asserted" for lk in links):
        return f"merge: another sheet linked ({div})"
    return f"similar name, not asserted ({div})"


def evaluate(rs_records: list, judgit_2023: list) -> dict:
    """Empty every 旧事業番号, link RS 2024 -> 2023 by evidence only, and score against the official links."""
    by_key = _index(judgit_2023)
    official: dict[int, list] = {}
    counts = {"link": 0, "other_year": 0, "not_found": 0, "ambiguous": 0}
    not_found: list[dict] = []
    successors: dict[str, int] = defaultdict(int)
    for r in rs_records:
        text = (r.get("extra") or {}).get("old_number_text")
        refs = resolve_official(text, r.get("ministry"), by_key)
        for kind, num, t in refs:
            counts[kind] += 1
            if kind in ("not_found", "ambiguous"):
                not_found.append({"rs_id": (r.get("extra") or {}).get("rs_id"), "ministry": r.get("ministry"),
                                  "name": r.get("project_name"), "official": num, "kind": kind})
            if t is not None:
                successors[match_key(_number(t))] += 1
        links = [(num, t) for kind, num, t in refs if kind == "link"]
        if links:
            official[id(r)] = links
        r.setdefault("extra", {})["old_number_text"] = None  # evidence only
        r["lineage"] = []
    t0 = time.perf_counter()
    stats = link_years(rs_records, judgit_2023, 2024)
    dt = time.perf_counter() - t0
    reproduced = programs_reproduced = 0
    contradicted: list[dict] = []
    missed: list[dict] = []
    for r in rs_records:
        if id(r) not in official:
            continue
        got = {match_key(lk["number"]): lk for lk in r["lineage"] if lk["status"] == "asserted"}
        all_found = True
        for num, t in official[id(r)]:
            tkey = match_key(_number(t))
            if tkey in got:
                reproduced += 1
                continue
            all_found = False
            row = {"rs_id": (r.get("extra") or {}).get("rs_id"), "ministry": r.get("ministry"),
                   "name": r.get("project_name"), "official": num, "official_name": t.get("project_name"),
                   "linked": sorted((lk["number"], lk["evidence"].get("name")) for lk in got.values())}
            same_name_elsewhere = any((lk["evidence"].get("name") or 0) >= 0.97 for lk in got.values())
            if same_name_elsewhere and name_score(r.get("project_name") or "", t.get("project_name") or "") < 0.5:
                contradicted.append(row)
            else:
                row["kind"] = _miss_kind(r, t, r["lineage"], successors[tkey])
                missed.append(row)
        programs_reproduced += all_found
    by_cat: dict = {}
    for r in rs_records:
        cat = (r.get("extra") or {}).get("category") or "unknown"
        st = ("asserted" if any(lk["status"] == "asserted" for lk in r["lineage"])
              else "candidate" if r["lineage"] else "none")
        by_cat.setdefault(cat, {"asserted": 0, "candidate": 0, "none": 0})[st] += 1
    prev = by_cat.get("前年度事業", {"asserted": 0, "candidate": 0, "none": 0})
    n_prev = sum(prev.values())
    n_links = counts["link"]
    return {"official_links": n_links, "official_reproduced": reproduced,
            "official_contradicted": len(contradicted), "official_missed": missed,
            "official_contradicted_rows": contradicted,
            "official_rate": reproduced / max(1, n_links - len(contradicted)),
            "official_programs": len(official), "official_programs_reproduced": programs_reproduced,
            "official_other_year": counts["other_year"], "official_not_found": counts["not_found"],
            "official_ambiguous": counts["ambiguous"], "official_not_found_rows": not_found,
            "previous_year_programs": n_prev, "previous_year_asserted": prev["asserted"],
            "by_category": by_cat, "stats": stats, "seconds": round(dt, 3)}
