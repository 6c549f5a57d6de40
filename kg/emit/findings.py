"""Findings (kg.link.findings) -> W3C DQV quality annotations in the named graph ``graph/derived/findings``.

    <{base}finding/{id}> a dqv:QualityAnnotation, kg:Finding ;
        oa:motivatedBy dqv:qualityAssessment ;
        oa:hasTarget <sheet>, <payment>, <corp/…>, <law/…> ;        the facts concerned
        oa:hasBody <…/body> (oa:TextualBody; rdf:value the message) ;
        kg:findingKind "corporate_number" ; kg:findingCode "local_government_number_mismatch" ;
        kg:severity "high" ; kg:confidence 0.97 ;
        kg:findingEvidence "{…JSON…}" ; kg:suggestedCorrection "法人番号 …" ;
        prov:wasDerivedFrom <source/…/lines/12-12>, <source/…> .   the source lines (same IRIs as the records')

Findings are corpus-wide (one concerns several sheets, sources and years), hence their own derived graph, like
the payee rankings (kg.emit.rankings).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from kg import iris
from kg.emit.out import Out
from kg.emit.rdf import decimal, plain, sheet_iri, to_nq_line
from kg.namespaces import DQV, KG, OA, PROV, RDF
from kg.normalize.houjin import is_valid
from kg.records import Record

GRAPH = "findings"


def target_iri(base: str, t: dict) -> str | None:
    """The IRI of a finding target (see kg.link.findings), minted as the records' emitter mints it."""
    typ = t.get("type")
    if typ in ("sheet", "payment"):
        if t.get("year") is None or not t.get("ministry"):
            return None
        s = sheet_iri(base, {"sheet_fiscal_year": t["year"], "ministry": t["ministry"], "project_number": t.get("number"),
                             "project_name": t.get("name")})
        return s if typ == "sheet" else iris.payment(s, t.get("block"), t.get("rank"))
    if typ == "corporation":
        return iris.corp(base, t["number"]) if t.get("number") and is_valid(t["number"]) else None
    if typ == "law":
        return iris.law(base, t.get("name"), t.get("law_id")) if (t.get("name") or t.get("law_id")) else None
    return None


def source_iris(base: str, s: dict) -> list[str]:
    doc = iris.source(base, s.get("source"), s.get("sha256"))
    if s.get("lines"):
        return [iris.line_span(doc, s["lines"][0], s["lines"][1])]
    return [doc]


def _emit(out: Out, base: str, f: dict) -> None:
    node = iris.finding(base, f["id"])
    out.type(node, DQV.QualityAnnotation, KG.Finding)
    out.add(node, OA.motivatedBy, DQV.qualityAssessment)
    body = node + "/body"
    out.add(node, OA.hasBody, body)
    out.type(body, OA.TextualBody)
    out.add(body, RDF.value, ox.Literal(f["message"], language="en"))
    out.add(node, KG.findingKind, plain(f["kind"]))
    out.add(node, KG.findingCode, plain(f["code"]))
    out.add(node, KG.severity, plain(f["severity"]))
    out.add(node, KG.confidence, decimal(f["confidence"]))
    out.add(node, KG.findingEvidence, ox.Literal(json.dumps(f["evidence"], ensure_ascii=False, sort_keys=True,
                                                            default=str)))
    if f.get("suggestion"):
        out.add(node, KG.suggestedCorrection, plain(f["suggestion"]))
    for t in f["targets"]:
        iri = target_iri(base, t)
        if iri:
            out.add(node, OA.hasTarget, iri)
        if t.get("type") == "payment":  # the sheet of a payee-list row is concerned too (its page links here)
            sheet = target_iri(base, dict(t, type="sheet"))
            if sheet:
                out.add(node, OA.hasTarget, sheet)
    for s in f["sources"]:
        for iri in source_iris(base, s):
            out.add(node, PROV.wasDerivedFrom, iri)


def finding_quads(records: Iterable[Record], base: str) -> Iterator[ox.Quad]:
    base = iris.norm_base(base)
    out = Out(iris.derived_graph(base, GRAPH))
    for rec in records:
        for f in rec.get("findings") or []:
            _emit(out, base, f)
    yield from out.quads


def finding_lines(records: Iterable[Record], base: str) -> list[str]:
    return [to_nq_line(q) for q in finding_quads(records, base)]


__all__ = ["finding_lines", "finding_quads", "target_iri"]
