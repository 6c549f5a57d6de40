"""SHACL validation of a built graph against kg/ontology/shapes.ttl: the whole store with the shapes compiled to
SPARQL (kg.validate.compiled; used by `kg build` and `kg validate`), or pySHACL over an rdflib graph (small
graphs, tests and the comparison in bench/bench_validate.py)."""
from __future__ import annotations

from pathlib import Path

from kg.paths import ONTOLOGY, SHAPES


def validate_graph(data_graph, shapes=None, ont=None) -> dict:
    """Validate an rdflib Graph with pySHACL (kg's shapes and ontology unless others are given); returns
    {conforms, violations, results:[{focus, path, severity, message, constraint, value}], result_count}."""
    import rdflib
    from pyshacl import validate

    if shapes is None:
        shapes = rdflib.Graph().parse(SHAPES, format="turtle")
        ont = rdflib.Graph().parse(ONTOLOGY, format="turtle") if ont is None else ont
    conforms, results_graph, text = validate(
        data_graph, shacl_graph=shapes, ont_graph=ont, inference="none", abort_on_first=False,
        allow_warnings=True,
    )
    SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    results = []
    for r in results_graph.subjects(rdflib.RDF.type, SH.ValidationResult):
        sev = results_graph.value(r, SH.resultSeverity)
        path = results_graph.value(r, SH.resultPath)
        value = results_graph.value(r, SH.value)
        results.append({
            "focus": str(results_graph.value(r, SH.focusNode)),
            "path": str(path) if isinstance(path, rdflib.URIRef) else ("" if path is None else "(complex path)"),
            "severity": str(sev).rsplit("#", 1)[-1],
            "message": str(results_graph.value(r, SH.resultMessage)),
            "constraint": str(results_graph.value(r, SH.sourceConstraintComponent)).rsplit("#", 1)[-1],
            "value": "" if value is None else str(value),
        })
    results.sort(key=lambda x: (x["severity"], x["focus"], x["path"], x["constraint"], x["value"]))
    violations = sum(1 for r in results if r["severity"] == "Violation")
    return {"conforms": bool(conforms) or violations == 0, "violations": violations,
            "results": results[:500], "result_count": len(results)}


def validate_file(nt_path: str | Path) -> dict:
    """pySHACL over an N-Triples file (small graphs; for comparisons and benches)."""
    import rdflib

    g = rdflib.Graph()
    g.parse(str(nt_path), format="nt")
    res = validate_graph(g)
    res.update({"engine": "pyshacl", "sampled": False, "triples_validated": len(g)})
    return res


def validate_build(out_dir: str | Path, triples: int, progress=None) -> dict:
    """Validate a build's whole graph: the shapes compiled to SPARQL and run on its store (kg.validate.compiled).
    A shapes file that the compiler cannot translate is reported as an error of the validation, not a crash."""
    from kg.query.store import open_store
    from kg.validate.compiled import UnsupportedShape
    from kg.validate.compiled import validate_store as compiled

    try:
        res = compiled(open_store(out_dir), progress=progress)
    except UnsupportedShape as e:
        return {"conforms": False, "violations": None, "error": f"shapes not validated: {e}",
                "results": [], "result_count": 0, "engine": "compiled-sparql", "sampled": False}
    res.pop("per_check", None)  # every check's figures: for bench/bench_validate.py, not report.json
    res.update({"sampled": False, "triples_validated": triples})
    return res


def validate_store(store, engine: str = "sparql", progress=None) -> dict:
    """Validate a pyoxigraph Store: compiled SPARQL checks (default, any size) or pySHACL (``engine="pyshacl"``:
    loads the whole store into rdflib, for small stores and comparisons)."""
    if engine == "pyshacl":
        res = validate_graph(_rdflib_graph(q.triple for q in store))
        res["engine"] = "pyshacl"
        return res
    from kg.validate.compiled import validate_store as compiled

    return compiled(store, progress=progress)
def _rdflib_graph(triples) -> object:
    """pyoxigraph triples -> an rdflib Graph (pySHACL's input), through N-Triples."""
    import pyoxigraph as ox
    import rdflib

    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    g = rdflib.Graph()
    g.parse(data=data.decode("utf-8") if isinstance(data, bytes) else data, format="nt")
    return g
