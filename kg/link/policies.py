"""政策評価 joins: 事前分析表 達成手段 -> the review sheets of that year (by 事業番号, checked by name)."""
from __future__ import annotations

from kg.link.sheets import SheetLookup
from kg.normalize.names import similarity
from kg.records import Record, warn

NAME_OK = 0.6


def link_means(records: list[Record], index: SheetLookup) -> dict:
    stats = {"means": 0, "linked": 0, "by_number": 0, "by_name": 0, "contradictions": 0, "target_in_build": 0}
    for rec in records:
        if rec.get("document_type") != "policy_evaluation":
            continue
        year, ministry = rec.get("evaluation_fiscal_year"), rec.get("ministry")
        if not year or not ministry:
            continue
        for m in rec.get("means") or []:
            stats["means"] += 1
            number = m.get("review_project_number")
            ref = None
            if number:
                targets = index.get((int(year), ministry, number))
                evidence = {"official_number": number}
                status, score = "asserted", 0.8
                if targets:
                    stats["target_in_build"] += 1
                    sim = max(similarity(m.get("name") or "", t.get("project_name") or "") for t in targets)
                    evidence["name_similarity"] = round(sim, 3)
                    if sim >= NAME_OK:
                        score = round(min(1.0, 0.8 + 0.2 * sim), 3)
                    else:
                        status, score = "candidate", 0.4
                        stats["contradictions"] += 1
                        warn(rec, "means_contradiction",
                             f"達成手段 ({m.get('index')}) {m.get('name')!r} names sheet {number}, whose name is "
                             f"{targets[0].get('project_name')!r} (similarity {sim:.2f})", field="means")
                ref = {"fiscal_year": int(year), "ministry": ministry, "number": number, "status": status,
                       "score": score, "evidence": evidence}
                stats["by_number"] += 1
            elif m.get("name"):
                hits = index.by_program_name(int(year), ministry, m["name"])
                if len(hits) == 1 and hits[0].get("project_number"):
                    ref = {"fiscal_year": int(year), "ministry": ministry, "number": hits[0]["project_number"],
                           "status": "asserted", "score": 0.85, "evidence": {"same_name_key": True}}
                    stats["by_name"] += 1
            if ref:
                m["sheet_ref"] = ref
                stats["linked"] += 1
    return stats
