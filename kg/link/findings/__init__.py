"""Findings: where the official data contradicts itself, with the evidence (issue 21).

The linkers meet most contradictions while they decide (a past number whose sheet has another name, an ID
column holding a 法令番号, ...) and leave a structured note on the record (``note``); one findings stage
(``find_all``) turns those notes into findings and derives the corpus-wide ones over the linked records.
One module per kind family: lineage (kinds 1 and 5), laws (2), payees (3), amounts (4).

A finding is a plain dict:
  kind        official_past_number | law_id | corporate_number | amount | lineage
  code        the precise case (e.g. local_government_number_mismatch)
  severity    high (the data is wrong) | medium (very likely wrong) | low (inconsistent, may be legitimate)
  confidence  0..1, how sure kg is that the official data is wrong
  message     one sentence saying what is wrong (English, Japanese names quoted)
  targets     the facts concerned: {"type": "sheet"|"payment"|"corporation"|"law", keys to mint the IRI}
  sources     {"source", "sha256", "format", "field", "lines": [first, last]} — the records' provenance spans
  evidence    the figures that establish it (JSON-able)
  suggestion  a suggested correction when one follows, else None
  id          a stable digest of kind, code and targets
Findings are attached to the record they are first about (rec["findings"]) so that every later stage (emission
in forked workers, kg add) finds them with the records; ``collect`` lists them back.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from kg.records import Record

KINDS = ("official_past_number", "law_id", "corporate_number", "amount", "lineage")
SEVERITIES = ("high", "medium", "low")
NOTES = "finding_notes"


def note(rec: Record, code: str, **data: Any) -> None:
    """What a linker decided that the findings stage turns into a finding (kept on the record, JSON-able)."""
    rec.setdefault(NOTES, []).append({"code": code, **data})


# ---------------------------------------------------------------- building findings


def sheet_target(rec: Record) -> dict:
    return {"type": "sheet", "year": rec.get("sheet_fiscal_year"), "ministry": rec.get("ministry"),
            "number": rec.get("project_number") or rec.get("sheet_number"), "name": rec.get("project_name")}


def payment_target(rec: Record, p: dict) -> dict:
    return {**sheet_target(rec), "type": "payment", "block": p.get("block"), "rank": p.get("rank"),
            "payee": p.get("name")}


def corp_target(number: str, name: str | None = None) -> dict:
    return {"type": "corporation", "number": number, "name": name}


def law_target(law_id: str | None, name: str | None) -> dict:
    return {"type": "law", "law_id": law_id, "name": name}


def sources(rec: Record, *fields: str) -> list[dict]:
    """Provenance of ``fields`` of ``rec`` (keys of provenance.spans; a field without a span is skipped, the
    source file is then still named) — from the record's own source and from any source merged into it."""
    out = []
    provs = [rec.get("provenance") or {}] + list(rec.get("merged_provenance") or [])
    for prov in provs:
        spans = prov.get("spans") or {}
        hit = False
        for f in fields:
            s = spans.get(f)
            if s:
                a, b = (s if isinstance(s, list | tuple) else (s, s))[:2]
                out.append({"source": prov.get("source"), "sha256": prov.get("sha256"), "format": prov.get("format"),
                            "field": f, "lines": [int(a), int(b)]})
                hit = True
        if not hit and prov.get("source"):
            out.append({"source": prov.get("source"), "sha256": prov.get("sha256"), "format": prov.get("format"),
                        "field": fields[0] if fields else None, "lines": None})
    return out


def finding(kind: str, code: str, severity: str, confidence: float, message: str, targets: list[dict],
            srcs: list[dict], evidence: dict, suggestion: str | None = None) -> dict:
    assert kind in KINDS and severity in SEVERITIES, (kind, severity)
    key = json.dumps([kind, code, targets], ensure_ascii=False, sort_keys=True, default=str)
    return {"id": hashlib.sha256(key.encode()).hexdigest()[:20], "kind": kind, "code": code, "severity": severity,
            "confidence": round(float(confidence), 3), "message": message, "targets": targets, "sources": srcs,
            "evidence": evidence, "suggestion": suggestion}


# ---------------------------------------------------------------- the stage


def find_all(records: list[Record]) -> tuple[list[dict], dict]:
    """Every finding over the linked records; attaches each to its first record; returns (findings, counts; with
    ``tables``: what the stage learned, e.g. how many 団体コード it learned)."""
    from kg.link.findings import amounts, laws, lineage, payees

    for rec in records:
        rec.pop("findings", None)
    found: list[tuple[Record, dict]] = []
    tables: dict = {}
    for module in (lineage, laws, payees, amounts):
        found.extend(module.find(records, tables))
    seen: set[str] = set()
    out = []
    for rec, f in found:
        if f["id"] in seen:
            continue
        seen.add(f["id"])
        rec.setdefault("findings", []).append(f)
        out.append(f)
    return out, dict(counts(out), tables=tables)


def collect(records: list[Record]) -> list[dict]:
    return [f for rec in records for f in rec.get("findings") or []]


def counts(findings: list[dict]) -> dict:
    by_kind = Counter(f["kind"] for f in findings)
    by_code = Counter(f"{f['kind']}/{f['code']}" for f in findings)
    by_sev = Counter(f["severity"] for f in findings)
    return {"total": len(findings), "by_kind": {k: by_kind.get(k, 0) for k in KINDS},
            "by_code": dict(sorted(by_code.items())), "by_severity": {s: by_sev.get(s, 0) for s in SEVERITIES}}
