"""Findings in a built store (kg.emit.findings): every one, or those of a kind/code, or those about one entity.

Read straight from the quads of the derived graph by pattern (no join to plan): a few thousand findings on the
national store. Each finding comes back as a dict: iri, kind, code, severity, confidence, message, suggestion,
evidence (parsed JSON), targets (IRIs), sources ({source, title, first, last} per line span or document).
"""
from __future__ import annotations

import json

import pyoxigraph as ox

from kg.namespaces import DCTERMS, DQV, KG, OA, PROV, RDF

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
COLUMNS = ["severity", "confidence", "kind", "code", "message", "suggestion", "targets", "sources", "evidence", "iri"]


def _n(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def _objects(store: ox.Store, s, p) -> list:
    return [q.object for q in store.quads_for_pattern(s, _n(p), None)]


def _one(store: ox.Store, s, p) -> str | None:
    vals = sorted(o.value for o in _objects(store, s, p))
    return vals[0] if vals else None


def _source(store: ox.Store, node: ox.NamedNode) -> dict:
    doc = next(iter(_objects(store, node, OA.hasSource)), None)
    first, last = _one(store, node, KG.firstLine), _one(store, node, KG.lastLine)
    d = doc if doc is not None else node
    return {"iri": node.value, "source": d.value, "title": _one(store, d, DCTERMS.title),
            "first": int(first) if first else None, "last": int(last) if last else None}


def finding_nodes(store: ox.Store, target: str | None = None) -> list[ox.NamedNode]:
    if target:
        nodes = {q.subject for q in store.quads_for_pattern(None, _n(OA.hasTarget), ox.NamedNode(target))}
        return sorted((n for n in nodes if next(iter(store.quads_for_pattern(n, _n(RDF.type), _n(KG.Finding))), None)),
                      key=lambda n: n.value)
    return sorted({q.subject for q in store.quads_for_pattern(None, _n(RDF.type), _n(KG.Finding))},
                  key=lambda n: n.value)


def read_finding(store: ox.Store, node: ox.NamedNode) -> dict:
    body = next(iter(_objects(store, node, OA.hasBody)), None)
    ev = _one(store, node, KG.findingEvidence)
    conf = _one(store, node, KG.confidence)
    return {
        "iri": node.value,
        "kind": _one(store, node, KG.findingKind),
        "code": _one(store, node, KG.findingCode),
        "severity": _one(store, node, KG.severity),
        "confidence": float(conf) if conf else None,
        "message": _one(store, body, RDF.value) if body is not None else None,
        "suggestion": _one(store, node, KG.suggestedCorrection),
        "evidence": json.loads(ev) if ev else {},
        "targets": sorted(o.value for o in _objects(store, node, OA.hasTarget)),
        "sources": sorted((_source(store, o) for o in _objects(store, node, PROV.wasDerivedFrom)),
                          key=lambda s: (s["title"] or "", s["first"] or 0, s["iri"])),
        "dqv": any(True for _ in store.quads_for_pattern(node, _n(RDF.type), _n(DQV.QualityAnnotation))),
    }


def findings(store: ox.Store, kind: str | None = None, target: str | None = None,
             severity: str | None = None) -> list[dict]:
    """Findings ordered by severity, kind, confidence (descending); ``kind`` matches a kind or a code."""
    out = []
    for node in finding_nodes(store, target):
        f = read_finding(store, node)
        if kind and kind not in (f["kind"], f["code"]):
            continue
        if severity and f["severity"] != severity:
            continue
        out.append(f)
    out.sort(key=lambda f: (SEVERITY_ORDER.get(f["severity"], 9), f["kind"] or "", -(f["confidence"] or 0),
                            f["code"] or "", f["iri"]))
    return out


def counts(rows: list[dict]) -> dict[str, int]:
    c: dict[str, int] = {}
    for f in rows:
        c[f["kind"]] = c.get(f["kind"], 0) + 1
    return dict(sorted(c.items()))


def source_label(s: dict) -> str:
    name = s.get("title") or s.get("source")
    if s.get("first"):
        return f"{name}:{s['first']}" + (f"-{s['last']}" if s.get("last") and s["last"] != s["first"] else "")
    return str(name)


def as_row(f: dict) -> list:
    return [f["severity"], f["confidence"], f["kind"], f["code"], f["message"], f["suggestion"],
            " ".join(f["targets"]), "; ".join(source_label(s) for s in f["sources"]),
            json.dumps(f["evidence"], ensure_ascii=False, sort_keys=True), f["iri"]]
