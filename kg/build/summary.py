"""The summary of a build: counts for report.json (``summarise``) and the table `kg build` prints."""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.records import Record

if TYPE_CHECKING:
    from kg.build.pipeline import InputResult


def summarise(results: list[InputResult], records: list[Record], counts: dict) -> dict:
    from kg.link.flows import flow_report
    from kg.normalize.houjin import error_kind, is_valid, validate

    sheets = [r for r in records if r.get("document_type") == "review_sheet"]
    payees = [p for r in sheets for p in r.get("payees") or []]
    corps = {p["corporate_number"] for p in payees if p.get("corporate_number") and is_valid(p["corporate_number"])}
    laws = {lb.get("law_id") or lb.get("law") for r in records for lb in r.get("legal_bases") or []}
    programs = {tuple(r["program_key"]) if r.get("program_key") else id(r) for r in sheets}
    malformed: dict[str, int] = {}
    for p in payees:
        raw = p.get("corporate_number_raw")
        if raw and not p.get("corporate_number"):
            kind = error_kind(validate(raw).error)
            if kind:
                malformed[kind] = malformed.get(kind, 0) + 1
    status = {}
    for res in results:
        status[res.status] = status.get(res.status, 0) + 1
    return {
        "inputs": len(results),
        "inputs_by_status": status,
        "documents": sum(1 for res in results if res.input.kind == "document" and res.status != "failed"),
        "records": len(records),
        "sheets": len(sheets),
        "policy_evaluations": sum(1 for r in records if r.get("document_type") == "policy_evaluation"),
        "programs": len(programs),
        "payees": len(payees),
        "corporations": len(corps),
        "laws": len(laws),
        "triples": counts["triples"],
        "quads": counts["quads"],
        "warnings": sum(len(r.get("warnings") or []) for r in records),
        "malformed_corporate_numbers": dict(sorted(malformed.items())),
        "flows": flow_report(records),  # issue 18: blocks, flows, chains by depth, ambiguous 再委託 money
    }


def format_summary(report: dict) -> str:
    s = report["summary"]
    rows = [
        ("inputs", s["inputs"]), ("documents", s["documents"]), ("sheets", s["sheets"]),
        ("policy evaluations", s["policy_evaluations"]), ("programs", s["programs"]), ("payees", s["payees"]),
        ("corporations", s["corporations"]), ("laws", s["laws"]), ("triples", s["triples"]),
        ("warnings", s["warnings"]),
    ]
    bad = s.get("malformed_corporate_numbers") or {}
    if bad:
        rows.append(("malformed 法人番号", sum(bad.values())))
    pay = report.get("link", {}).get("payees", {})
    if pay.get("corporations_across_ministries"):
        rows.append(("corps across ministries", pay["corporations_across_ministries"]))
    fl = s.get("flows") or {}
    if fl.get("blocks"):  # issue 18
        rows += [("spending blocks", fl["blocks"]), ("block -> block flows", fl.get("block_flows", 0))]
    failed = [i for i in report["inputs"] if i["status"] == "failed"]
    w = max(len(k) for k, _ in rows)
    lines = ["kg build summary", "-" * (w + 12)]
    lines += [f"{k:<{w}}  {v:>9,}" for k, v in rows]
    lines.append("-" * (w + 12))
    lines.append("inputs by status: " + ", ".join(f"{k} {v}" for k, v in sorted(s["inputs_by_status"].items())))
    v = report.get("validation", {})
    if not v.get("skipped"):
        lines.append(f"SHACL: {'conforms' if v.get('conforms') else 'VIOLATIONS: ' + str(v.get('violations'))}")
    for f in failed:
        lines.append(f"FAILED {f['input']}: {'; '.join(f['reasons'])}")
    for f in report["inputs"]:
        if f["kind"] == "skip":  # what discovery would not open (FIFO, device, link loop): say so, not only count it
            lines.append(f"SKIPPED {'; '.join(f['reasons'])}")
    return "\n".join(lines)
