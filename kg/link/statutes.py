"""Statutes: resolve every 根拠法令 of every record to an e-Gov 法令ID (kg.link.laws.LawIndex).

Items that already carry an ID (RS 1-3) keep it; the 法令番号 is the stable key, and every ID seen is
kept as an alias. Unresolved laws stay with their name and a warning.
"""
from __future__ import annotations

from kg.link.findings import note
from kg.records import Record, warn


def link_statutes(records: list[Record]) -> dict:
    from kg.link.laws import LawIndex

    stats: dict = {"citations": 0, "resolved": 0, "unresolved": 0, "by_method": {}}
    if not any(rec.get("legal_bases") for rec in records):  # nothing to resolve: the index is not even loaded
        return {**stats, "doubtful_ids": 0, "internal_errors": 0}
    idx = LawIndex.load()
    errors0, conflicts0 = len(idx.errors), len(idx.conflicts)  # the index is shared by the process
    # IDs given by a source (RS 1-3) first become aliases of their law (keyed by 法令番号), so a law newer than the
    # bundled list resolves in every record that names it, not only in the one that carried the ID
    for rec in records:
        for lb in rec.get("legal_bases") or []:
            if lb.get("law_id"):
                n = len(idx.conflicts)
                idx.register_alias(lb["law_id"], lb.get("law_number"), lb.get("law"))
                if len(idx.conflicts) > n:
                    c = idx.conflicts[-1]
                    warn(rec, "law_id_doubtful", f"法令ID {c['law_id']} ({c['law_number']}) is not in the e-Gov list "
                         f"and its title {c['title']!r} names {c['title_law_id']}: the ID is not learned",
                         field=f"legal_bases[{lb.get('law')}]")
    for rec in records:
        for lb in rec.get("legal_bases") or []:
            stats["citations"] += 1
            given_id = lb.get("law_id")
            res = idx.resolve(lb.get("law") or "")
            if res.law_id:
                method = res.method
                if given_id and given_id != res.law_id:
                    note(rec, "law_id_variant", law=lb.get("law"), given=given_id, canonical=res.law_id,
                         law_number=res.law_number, title=res.title, method=method, field=f"legal_bases[{lb.get('law')}]")
                    lb.setdefault("law_aliases", [])
                    if given_id not in lb["law_aliases"]:
                        lb["law_aliases"].append(given_id)
                lb["law_id"], lb["law_number"], lb["law_title"] = res.law_id, res.law_number, res.title
                lb["resolution"] = {"method": method, "score": round(res.score, 3)}
            elif given_id:
                method = "given"
                lb["resolution"] = {"method": "given", "score": 1.0}
            else:
                method = "unresolved"
                warn(rec, "law_unresolved", f"law not found in the e-Gov list: {lb.get('law')!r}",
                     field="legal_bases")
            stats["resolved" if method != "unresolved" else "unresolved"] += 1
            stats["by_method"][method] = stats["by_method"].get(method, 0) + 1
    # IDs whose title names another law (not learned), and internal errors of the resolver (the law stayed
    # unresolved; each is logged): counted here so report.json ("link"."statutes") shows them, never hidden
    stats["doubtful_ids"] = len(idx.conflicts) - conflicts0
    stats["internal_errors"] = len(idx.errors) - errors0
    if stats["internal_errors"]:
        stats["internal_error_examples"] = idx.errors[errors0:errors0 + 10]
    return stats
