"""SHACL validation (pySHACL) of a built graph against ontology/shapes.ttl."""
from __future__ import annotations

from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY = ONTOLOGY_DIR / "kg.ttl"


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


def validate_file(nt_path: str | Path) -> dict:
    import rdflib

    g = rdflib.Graph()
    g.parse(str(nt_path), format="nt")
    return validate_graph(g)


def validate_store(store) -> dict:
    import pyoxigraph as ox
    import rdflib

    data = ox.serialize((q.triple for q in store), format=ox.RdfFormat.N_TRIPLES)
    g = rdflib.Graph()
    g.parse(data=data.decode("utf-8") if isinstance(data, bytes) else data, format="nt")
    return validate_graph(g)
