"""Kinds 1 and 5: official lineage the evidence contradicts, and lineage that cannot be right as printed.

(1) official_past_number / past_number_contradicted: a 過去の事業番号 (JUDGIT) or 旧事業番号 (RS) names an earlier
    sheet whose name, division and budgets of the overlapping years disagree with the sheet (the linkers noted it:
    kg.link.lineage for past numbers, kg.link.evidence for 旧事業番号); when the evidence linker found the sheet the
    program really continues, that sheet is the suggested correction. Not a finding when the evidence linker
    finally asserted the official link anyway (a renamed program whose budgets agree).
(5) lineage / earlier_sheet_claimed_twice: two sheets of one review year name the same earlier sheet as their past
    number with no split noted (no 分割/統合/移管/一部 in what they print);
    lineage / ministry_jump: a past number printed with another ministry than the sheet's, that no reorganisation
    of the time explains (REORGANISATIONS) and no 外局 relation does.
"""
from __future__ import annotations

import re
from collections import defaultdict

from kg.link.evidence import budget_hits, name_score
from kg.link.findings import finding, sheet_target, sources
from kg.link.sheets import SheetIndex, sheet_key
from kg.normalize.project_number import match_key, parse_numbers
from kg.normalize.text import nfkc
from kg.records import Record

# Reorganisations that legitimately move programs to another ministry (first review year of the new body,
# ministries that handed programs over). RS-era ministries are the parents of 外局 (kg.sources.rs.parent_ministry).
REORGANISATIONS = {
    "デジタル庁": (2022, {"内閣官房", "総務省", "内閣府"}),
    "こども家庭庁": (2023, {"内閣府", "厚生労働省", "文部科学省", "内閣官房"}),
    "内閣府": (2016, {"内閣官房"}),  # 2016 再編: 内閣官房 → 内閣府 (e.g. 国土強靱化, 拉致問題の一部)
    "内閣官房": (2016, {"内閣府"}),
    "復興庁": (2013, {"内閣府", "内閣官房"}),
}
_SPLIT_NOTE = re.compile(r"分割|分離|統合|移管|一部|再編|組替|組み替")


class _Index(SheetIndex):
    """Sheets by key, and by (year, ministry, match_key(number)) for numbers printed in another spelling."""

    def __init__(self, records: list[Record]):
        super().__init__(records)
        self.by_match: dict[tuple, list[Record]] = defaultdict(list)
        for k, rs in self.by_key.items():
            self.by_match[(k[0], k[1], match_key(k[2]))].extend(rs)

    def lookup(self, year: int, ministry: str, number: str) -> list[Record]:
        return self.get((year, ministry, number)) or self.by_match.get((year, ministry, match_key(number)), [])


def find(records: list[Record], tables: dict) -> list[tuple[Record, dict]]:
    index = _Index(records)
    out: list[tuple[Record, dict]] = []
    out += _contradicted(records, index)
    out += _claimed_twice(records, index)
    out += _ministry_jumps(records, index)
    return out


# ---------------------------------------------------------------- (1)


def _final_link(rec: Record, year: int) -> dict | None:
    """The asserted link the linkers kept to ``year`` (the sheet the evidence points to), if any."""
    links = [lk for lk in rec.get("lineage") or [] if lk.get("fiscal_year") == year and lk.get("status") == "asserted"]
    return max(links, key=lambda lk: lk.get("score") or 0) if links else None


def _contradicted(records: list[Record], index: _Index) -> list[tuple[Record, dict]]:
    out = []
    for rec in records:
        for n in rec.get("finding_notes") or []:
            if n["code"] not in ("past_number_contradicted", "official_number_contradicted"):
                continue
            year, number = int(n["year"]), n["number"]
            targets = index.lookup(year, rec["ministry"], number)
            if not targets:
                continue
            target = targets[0]
            final = _final_link(rec, year)
            if final and match_key(final["number"]) == match_key(number):
                continue  # the evidence linker confirmed the official number after all
            name = name_score(rec.get("project_name") or "", target.get("project_name") or "")
            hits, compared = budget_hits(rec, target, int(rec["sheet_fiscal_year"]))
            same_div = bool(nfkc(rec.get("division")) and nfkc(rec.get("division")) == nfkc(target.get("division")))
            evidence = {"official_number": number, "official_year": year,
                        "official_sheet_name": target.get("project_name"), "sheet_name": rec.get("project_name"),
                        "name_similarity": round(name, 3), "budget_agreeing": hits, "budget_compared": compared,
                        "same_division": same_div}
            tgts = [sheet_target(rec), sheet_target(target)]
            suggestion = None
            pointed = None
            if final:
                pointed = next(iter(index.lookup(year, final["ministry"], final["number"])), None)
                evidence["evidence_points_to"] = {"number": final["number"], "score": final.get("score"),
                                                  **{k: v for k, v in (final.get("evidence") or {}).items()
                                                     if k in ("name", "budget_hits", "budget_compared", "same_division")}}
                if pointed is not None:
                    evidence["evidence_points_to"]["name"] = pointed.get("project_name")
                    tgts.append(sheet_target(pointed))
                suggestion = (f"the earlier sheet is probably {final['number']} ({year})"
                              + (f" 「{pointed.get('project_name')}」" if pointed is not None else "")
                              + f", not {number}")
            if pointed is not None:
                severity, conf = "high", 0.9
            elif compared and hits == 0 and name < 0.2:
                severity, conf = "medium", 0.75
            elif compared == 0 and name < 0.2 and not same_div:
                severity, conf = "medium", 0.6
            else:
                severity, conf = "low", 0.45
            field = n.get("field") or "past_project_numbers"
            msg = (f"{_label(rec)} names {number} ({year}) as its earlier sheet, but that sheet is "
                   f"「{target.get('project_name')}」 (name similarity {name:.2f}, budgets {hits}/{compared} agree)")
            out.append((rec, finding("official_past_number", "past_number_contradicted", severity, conf, msg, tgts,
                                     sources(rec, field, "project_name") + sources(target, "project_name"),
                                     evidence, suggestion)))
    return out


def _label(rec: Record) -> str:
    num = rec.get("project_number") or rec.get("sheet_number") or "(no number)"
    return f"sheet {rec.get('sheet_fiscal_year')} {rec.get('ministry')} {num} 「{rec.get('project_name')}」"


# ---------------------------------------------------------------- (5)


def _claims(rec: Record) -> list[tuple[int, str, str, str]]:
    """(earlier year, ministry as printed or the sheet's, number, field) of every past number the sheet prints."""
    out = []
    for i, p in enumerate(rec.get("past_project_numbers") or []):
        if p.get("fiscal_year") is None or not p.get("number"):
            continue
        out.append((int(p["fiscal_year"]), p.get("ministry") or rec["ministry"], p["number"],
                    f"past_project_numbers[{i}]"))
    text = (rec.get("extra") or {}).get("old_number_text")
    if text and rec.get("sheet_fiscal_year") is not None:
        for r in parse_numbers(text):
            if r.fiscal_year is not None:
                out.append((r.fiscal_year, rec["ministry"], r.number, "project_name"))
    return out


def _split_noted(rec: Record) -> bool:
    ex = rec.get("extra") or {}
    return any(_SPLIT_NOTE.search(nfkc(str(ex.get(k) or ""))) for k in ("old_number_text", "note", "overview"))


def _claimed_twice(records: list[Record], index: _Index) -> list[tuple[Record, dict]]:
    claims: dict[tuple, list[tuple[Record, str]]] = defaultdict(list)
    for rec in records:
        if rec.get("document_type") != "review_sheet" or not rec.get("ministry") or rec.get("sheet_fiscal_year") is None:
            continue
        seen = set()
        for year, ministry, number, field in _claims(rec):
            if year != int(rec["sheet_fiscal_year"]) - 1 or nfkc(ministry) != nfkc(rec["ministry"]):
                continue
            key = (int(rec["sheet_fiscal_year"]), year, rec["ministry"], match_key(number))
            if key not in seen:
                seen.add(key)
                claims[key].append((rec, field))
    out = []
    for (later, year, ministry, mkey), claimants in sorted(claims.items(), key=lambda kv: str(kv[0])):
        recs = {id(r): (r, f) for r, f in claimants}
        if len(recs) < 2:
            continue
        claimants = sorted(recs.values(), key=lambda rf: str(sheet_key(rf[0])))
        if any(_split_noted(r) for r, _ in claimants):
            continue
        target = next(iter(index.lookup(year, ministry, mkey)), None)
        number = mkey
        names = [r.get("project_name") for r, _ in claimants]
        sims = [name_score(n or "", (target or {}).get("project_name") or "") for n in names] if target else []
        evidence = {"earlier_year": year, "earlier_number": number,
                    "earlier_name": target.get("project_name") if target else None,
                    "claimants": [{"number": r.get("project_number") or r.get("sheet_number"),
                                   "name": r.get("project_name"),
                                   "name_similarity": round(s, 3) if target else None}
                                  for (r, _), s in zip(claimants, sims or [None] * len(claimants), strict=True)]}
        tgts = [sheet_target(r) for r, _ in claimants] + ([sheet_target(target)] if target else [])
        srcs = [s for r, f in claimants for s in sources(r, f, "project_name")]
        weak = [c for c in evidence["claimants"] if c["name_similarity"] is not None and c["name_similarity"] < 0.35]
        suggestion = None
        if target and weak and len(weak) < len(claimants):
            suggestion = ("the past number of " + ", ".join(str(c["number"]) for c in weak)
                          + f" is probably wrong: its name does not resemble 「{target.get('project_name')}」")
        severity = "medium" if suggestion else "low"
        msg = (f"{len(claimants)} sheets of {later} ({ministry}) all name {number} ({year}) as their earlier sheet, "
               f"and none notes a split")
        out.append((claimants[0][0], finding("lineage", "earlier_sheet_claimed_twice", severity,
                                             0.7 if suggestion else 0.5, msg, tgts, srcs, evidence, suggestion)))
    return out


def _ministry_jumps(records: list[Record], index: _Index) -> list[tuple[Record, dict]]:
    out = []
    for rec in records:
        if rec.get("document_type") != "review_sheet" or not rec.get("ministry"):
            continue
        for i, p in enumerate(rec.get("past_project_numbers") or []):
            printed = p.get("ministry")
            if not printed or p.get("fiscal_year") is None or nfkc(printed) == nfkc(rec["ministry"]):
                continue
            year = int(p["fiscal_year"])
            reorg = REORGANISATIONS.get(rec["ministry"])
            if reorg and year < reorg[0] + 2 and nfkc(printed) in reorg[1]:
                continue  # the program came over in a reorganisation
            there = index.lookup(year, nfkc(printed), p["number"])
            here = index.lookup(year, rec["ministry"], p["number"])
            name_there = max((name_score(rec.get("project_name") or "", t.get("project_name") or "") for t in there),
                             default=None)
            name_here = max((name_score(rec.get("project_name") or "", t.get("project_name") or "") for t in here),
                            default=None)
            evidence = {"sheet_ministry": rec["ministry"], "printed_ministry": printed, "earlier_year": year,
                        "earlier_number": p["number"],
                        "sheet_under_printed_ministry": there[0].get("project_name") if there else None,
                        "name_similarity_there": None if name_there is None else round(name_there, 3),
                        "sheet_under_own_ministry": here[0].get("project_name") if here else None,
                        "name_similarity_here": None if name_here is None else round(name_here, 3)}
            tgts = [sheet_target(rec)] + [sheet_target(t) for t in there[:1] + here[:1]]
            suggestion = None
            if name_here is not None and name_here >= 0.8 and (name_there is None or name_there < 0.35):
                severity, conf = "high", 0.85
                suggestion = f"the past number's ministry is probably {rec['ministry']}, not {printed}"
            elif name_there is not None and name_there >= 0.8:
                severity, conf = "low", 0.4  # the program did move; no reorganisation of the time explains it
            else:
                severity, conf = "medium", 0.6
            msg = (f"{_label(rec)} names an earlier sheet of another ministry ({printed} {p['number']}, {year}) "
                   f"and no reorganisation explains the move")
            out.append((rec, finding("lineage", "ministry_jump", severity, conf, msg, tgts,
                                     sources(rec, f"past_project_numbers[{i}]"), evidence, suggestion)))
    return out
