"""SHACL validation (pySHACL) of a built graph against ontology/shapes.ttl."""
from __future__ import annotations

import hashlib
from pathlib import Path

from kg.namespaces import KG_NS
from kg.paths import ONTOLOGY, SHAPES


def validate_graph(data_graph) -> dict:
    """Validate an rdflib Graph; returns {conforms, violations, results:[...], text}."""
    import rdflib
    from pyshacl import validate

    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    ont = rdflib.Graph().parse(ONTOLOGY, format="turtle")
    conforms, results_graph, text = validate(
        data_graph, shacl_graph=shapes, ont_graph=ont, inference="none", abort_on_first=False,
        allow_warnings=True,
    )
    SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    results = []
    for r in results_graph.subjects(rdflib.RDF.type, SH.ValidationResult):
        sev = results_graph.value(r, SH.resultSeverity)
        results.append({
            "focus": str(results_graph.value(r, SH.focusNode)),
            "path": str(results_graph.value(r, SH.resultPath)),
            "severity": str(sev).rsplit("#", 1)[-1],
            "message": str(results_graph.value(r, SH.resultMessage)),
        })
    results.sort(key=lambda x: (x["severity"], x["focus"], x["path"]))
    violations = sum(1 for r in results if r["severity"] == "Violation")
    return {"conforms": bool(conforms) or violations == 0, "violations": violations,
            "results": results[:500], "result_count": len(results)}


FULL_LIMIT = 30_000  # graphs up to this many triples are validated whole (pySHACL: ~0.5-2 ms a triple)
SAMPLE_SHEETS = 30  # above it: this many sheets (chosen by a hash of their IRI) with everything they reach

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _rank(iri: str) -> int:
    return int.from_bytes(hashlib.sha1(iri.encode("utf-8")).digest()[:8], "big")


def sample_triples(store, sheets: int = SAMPLE_SHEETS, max_nodes: int = 200_000) -> tuple[list, int]:
    """A deterministic sample of a built store: ``sheets`` review sheets and 事前分析表 (lowest hash of their IRI)
    with every node they reach by outgoing links (payments, budgets, links, corporations, laws, organisations,
    concepts and schemes, programs, source documents and line selectors), all of their triples, so that sh:class
    and the shapes of shared nodes see what they need. Returns (triples, number of start nodes)."""
    import pyoxigraph as ox

    starts: list[str] = []
    for cls in ("ReviewSheet", "PolicyEvaluation"):
        nodes = {q.subject.value for q in store.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), ox.NamedNode(KG_NS + cls))}
        starts += sorted(nodes, key=_rank)[: sheets if cls == "ReviewSheet" else max(1, sheets // 10)]
    seen: set[str] = set(starts)
    queue = list(starts)
    triples: set = set()
    while queue and len(seen) < max_nodes:
        node = queue.pop()
        for q in store.quads_for_pattern(ox.NamedNode(node), None, None):
            triples.add(q.triple)
            o = q.object
            if isinstance(o, ox.NamedNode) and o.value not in seen and q.predicate.value != RDF_TYPE:
                seen.add(o.value)
                queue.append(o.value)
    return sorted(triples, key=str), len(starts)


def validate_file(nt_path: str | Path) -> dict:
    import rdflib

    g = rdflib.Graph()
    g.parse(str(nt_path), format="nt")
    res = validate_graph(g)
    res.update({"sampled": False, "triples_validated": len(g)})
    return res


def validate_build(out_dir: str | Path, triples: int, full_limit: int = FULL_LIMIT,
                   sheets: int = SAMPLE_SHEETS) -> dict:
    """Validate a build: the whole graph.nt when it has at most ``full_limit`` triples; else a deterministic
    sample taken from the store (pySHACL holds the data in memory and runs for hours on a national graph; the
    report says which was done)."""
    out = Path(out_dir)
    if triples <= full_limit:
        return validate_file(out / "graph.nt")
    from kg.query.store import open_store

    sample, n_start = sample_triples(open_store(out), sheets)
    g = _rdflib_graph(sample)
    res = validate_graph(g)
    res.update({"sampled": True, "triples_validated": len(g), "triples_total": triples, "start_nodes": n_start})
    return res


def validate_store(store) -> dict:
    return validate_graph(_rdflib_graph(q.triple for q in store))


def _rdflib_graph(triples) -> object:
    """pyoxigraph triples -> an rdflib Graph (pySHACL's input), through N-Triples."""
    import pyoxigraph as ox
    import rdflib

    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    g = rdflib.Graph()
    g.parse(data=data.decode("utf-8") if isinstance(data, bytes) else data, format="nt")
    return g
