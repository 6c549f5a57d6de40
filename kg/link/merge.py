"""One sheet from two sources (a document and its JUDGIT/RS record) becomes one record.

Identity: same review year and ministry, and the same 事業番号 — or, for documents that print no
number, the same program-name key (and division when both have one). The document record is the base
(it carries 根拠法令, 政策評価, plans that JUDGIT lacks); missing values are filled from the other source;
values present in both and different are *conflicts*: kept from the document, and reported (in the
record's warnings and in the build report), never overwritten silently. JUDGIT writes 0 where a sheet
prints "-": null vs 0 counts as agreement; amounts agree within JUDGIT's extra decimals (|Δ| < 0.5).
"""
from __future__ import annotations

from collections import defaultdict

from kg.link.findings import note
from kg.link.sheets import sheet_key
from kg.normalize.names import corp_key, program_key
from kg.normalize.text import nfkc
from kg.records import BUDGET_KEYS, Record, warn

AMOUNT_TOLERANCE = 0.5
_STRUCTURED = {"judgit", "rs"}


def _is_structured(rec: Record) -> bool:
    return rec.get("provenance", {}).get("format") in _STRUCTURED


def _name_key(rec: Record) -> tuple | None:
    if not rec.get("project_name") or rec.get("sheet_fiscal_year") is None or not rec.get("ministry"):
        return None
    return (int(rec["sheet_fiscal_year"]), rec["ministry"], program_key(rec["project_name"]))


def merge_duplicates(records: list[Record]) -> tuple[list[Record], dict]:
    """Merge document records with the structured record of the same sheet; returns (records, stats)."""
    structured_by_key: dict = {}
    structured_by_name: dict = defaultdict(list)
    for r in records:
        if r.get("document_type") == "review_sheet" and _is_structured(r):
            k = sheet_key(r)
            if k:
                structured_by_key.setdefault(k, r)
            nk = _name_key(r)
            if nk:
                structured_by_name[nk].append(r)
    stats = {"merged": 0, "conflicts": 0, "conflict_fields": defaultdict(int)}
    absorbed: set[int] = set()
    for r in records:
        if r.get("document_type") != "review_sheet" or _is_structured(r):
            continue
        other = None
        k = sheet_key(r)
        if k and k in structured_by_key:
            other = structured_by_key[k]
        else:
            cands = [c for c in structured_by_name.get(_name_key(r) or (), []) if id(c) not in absorbed]
            if r.get("division"):
                same_div = [c for c in cands if nfkc(c.get("division")) == nfkc(r["division"])]
                cands = same_div or cands
            if len(cands) == 1:
                other = cands[0]
        if other is None or id(other) in absorbed:
            continue
        conflicts = merge_into(r, other)
        absorbed.add(id(other))
        stats["merged"] += 1
        stats["conflicts"] += len(conflicts)
        for c in conflicts:
            stats["conflict_fields"][c.split("[")[0]] += 1
    stats["conflict_fields"] = dict(sorted(stats["conflict_fields"].items()))
    return [r for r in records if id(r) not in absorbed], stats


def _same(a, b) -> bool:
    if a is None or b is None:
        return True  # one source silent: no conflict
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) < AMOUNT_TOLERANCE
    return nfkc(str(a)) == nfkc(str(b))


def merge_into(doc: Record, other: Record) -> list[str]:
    """Fill ``doc`` from ``other``; return the list of conflicting field keys (also warned)."""
    conflicts: list[str] = []
    src = other.get("provenance", {}).get("source")

    def conflict(key: str, a, b) -> None:
        conflicts.append(key)
        note(doc, "source_conflict", key=key, document=a, other=b, other_source=src,
             document_source=doc.get("provenance", {}).get("source"))
        warn(doc, "source_conflict", f"{key}: document has {a!r}, {src} has {b!r} (document value kept)", field=key)

    for key in ("project_number", "project_name", "bureau", "division", "start_fiscal_year", "end_fiscal_year"):
        a, b = doc.get(key), other.get(key)
        if a in (None, "", []) and b not in (None, "", []):
            doc[key] = b
        elif key != "project_number" and not _same(a, b):
            conflict(key, a, b)
    # budgets by year
    theirs = {b.get("fiscal_year"): b for b in other.get("budget") or []}
    for b in doc.get("budget") or []:
        o = theirs.pop(b.get("fiscal_year"), None)
        if not o:
            continue
        for f in (*BUDGET_KEYS, "requested"):
            if b.get(f) is None and o.get(f) not in (None, 0):
                b[f] = o[f]
            elif b.get(f) is not None and o.get(f) is not None and not _same(b[f], o[f]):
                conflict(f"budget[{b['fiscal_year']}].{f}", b[f], o[f])
    doc.setdefault("budget", []).extend(theirs.values())
    # payees by (block, rank)
    their_payees = {(p.get("block"), p.get("rank")): p for p in other.get("payees") or []}
    for p in doc.get("payees") or []:
        o = their_payees.pop((p.get("block"), p.get("rank")), None)
        if not o:
            continue
        if o.get("year") is not None:
            p.setdefault("year", o["year"])
        if p.get("corporate_number") is None and o.get("corporate_number"):
            p["corporate_number"] = o["corporate_number"]
        elif not _same(p.get("corporate_number"), o.get("corporate_number")):
            conflict(f"payees[{p['block']}|{p['rank']}].corporate_number", p.get("corporate_number"),
                     o.get("corporate_number"))
        if not _same(p.get("amount"), o.get("amount")):
            conflict(f"payees[{p['block']}|{p['rank']}].amount", p.get("amount"), o.get("amount"))
        if corp_key(p.get("name") or "") != corp_key(o.get("name") or ""):
            conflict(f"payees[{p['block']}|{p['rank']}].name", p.get("name"), o.get("name"))
    if their_payees and doc.get("payees"):
        for key in sorted(their_payees, key=str):
            conflict(f"payees[{key[0]}|{key[1]}]", None, their_payees[key].get("name"))
    elif their_payees:
        doc["payees"] = list(their_payees.values())  # cut-off document: take the structured payees
    for key in ("past_project_numbers",):
        if not doc.get(key) and other.get(key):
            doc[key] = other[key]
    doc.setdefault("extra", {})["merged_sources"] = sorted(
        {doc.get("provenance", {}).get("source") or "", src or ""} - {""})
    doc.setdefault("merged_provenance", []).append(other.get("provenance", {}))
    for w in other.get("warnings") or []:
        doc["warnings"].append(dict(w, source=src))
    return conflicts
