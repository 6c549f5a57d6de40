"""SHACL shapes (kg/ontology/shapes.ttl): emitted output conforms; known-bad graphs fail, with the same results
(focus node, path, constraint component, severity, value) from pySHACL (kg.validate.shacl) and from the shapes
compiled to SPARQL and run on Oxigraph (kg.validate.compiled)."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import RDF, XSD, Literal, URIRef

from kg.emit.rdf import emit, to_nq_line
from kg.namespaces import DCTERMS, KG
from kg.validate.compiled import validate_rdflib_graph
from kg.validate.shacl import validate_graph
from tests.test_ontology import BASE, synthetic_records

SHEET = URIRef(BASE + "sheet/2021/soumu/2021-%E7%B7%8F%E5%8B%99-20-0096")  # the synthetic sheet


@pytest.fixture(scope="module")
def good_nt() -> str:
    lines = sorted({to_nq_line(q) for r in synthetic_records() for q in emit(r, BASE)})
    quads = ox.parse("".join(lines).encode(), format=ox.RdfFormat.N_QUADS)
    return ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES).decode()  # union graph


def graph(nt: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=nt, format="nt")


def messages(report: dict) -> str:
    return "\n".join(f"{r['focus']} {r['path']} {r['message']}" for r in report["results"])


def keys(report: dict) -> set[tuple[str, str, str, str, str]]:
    assert report["result_count"] == len(report["results"])  # nothing cut off in these small graphs
    return {(r["focus"], r["path"], r["constraint"], r["severity"], r["value"]) for r in report["results"]}


def both(g: rdflib.Graph) -> tuple[dict, dict]:
    """pySHACL's report and the compiled engine's, after checking that they list the same results."""
    py, comp = validate_graph(g), validate_rdflib_graph(g)
    assert keys(comp) == keys(py), (sorted(keys(comp) - keys(py)), sorted(keys(py) - keys(comp)))
    assert comp["conforms"] == py["conforms"] and comp["violations"] == py["violations"]
    return py, comp


def test_emitted_output_conforms(good_nt):
    py, comp = both(graph(good_nt))
    assert py["conforms"], messages(py)
    assert comp["conforms"] and comp["checks"] > 100


def _fails(g: rdflib.Graph, needle: str) -> None:
    for report in both(g):
        assert not report["conforms"]
        assert needle in messages(report), messages(report)


def test_sheet_without_year_fails(good_nt):
    g = graph(good_nt)
    g.remove((SHEET, KG.reviewYear, None))
    _fails(g, "review year")


def test_sheet_with_two_names_fails(good_nt):
    g = graph(good_nt)
    g.add((SHEET, DCTERMS.title, Literal("別の事業名", lang="ja")))
    _fails(g, "exactly one name")


def test_sheet_without_ministry_fails(good_nt):
    g = graph(good_nt)
    g.remove((SHEET, KG.ministry, None))
    _fails(g, "exactly one ministry")


def _corp(g: rdflib.Graph, number: str) -> None:
    c = URIRef(BASE + "corp/" + number)
    g.add((c, RDF.type, KG.Corporation))
    g.add((c, RDF.type, KG.Payee))
    g.add((c, KG.corporateNumber, Literal(number)))
    g.add((c, rdflib.RDFS.label, Literal("テスト株式会社", lang="ja")))
    g.add((c, rdflib.RDFS.seeAlso, URIRef("http://hojin-info.go.jp/data/basic/" + number)))


def test_corporation_with_wrong_check_digit_fails(good_nt):
    g = graph(good_nt)
    _corp(g, "2010001143390")  # 1010001143390 with the check digit changed
    _fails(g, "check digit")


def test_corporation_iri_with_twelve_digits_fails(good_nt):
    g = graph(good_nt)
    _corp(g, "010001143390")
    _fails(g, "13-digit")


def test_amount_as_string_fails(good_nt):
    g = graph(good_nt)
    pay = URIRef(str(SHEET) + "/payment/C/1")
    g.remove((pay, KG.amount, None))
    g.add((pay, KG.amount, Literal("18")))
    _fails(g, "xsd:decimal")


def test_budget_amount_as_integer_fails(good_nt):
    g = graph(good_nt)
    obs = URIRef(str(SHEET) + "/budget/2020")
    g.remove((obs, KG.initialBudget, None))
    g.add((obs, KG.initialBudget, Literal("106", datatype=XSD.integer)))
    for report in both(g):
        assert not report["conforms"]
        assert any(r["focus"] == str(obs) and r["constraint"] == "DatatypeConstraintComponent"
                   for r in report["results"])


def _link(g: rdflib.Graph) -> URIRef:
    return next(iter(g.subjects(RDF.type, KG.LineageLink)))


def test_lineage_status_outside_vocabulary_fails(good_nt):
    g = graph(good_nt)
    link = _link(g)
    g.remove((link, KG.status, None))
    g.add((link, KG.status, Literal("maybe")))
    _fails(g, "asserted or candidate")


def test_lineage_score_above_one_fails(good_nt):
    g = graph(good_nt)
    link = _link(g)
    g.remove((link, KG.score, None))
    g.add((link, KG.score, Literal("1.5", datatype=XSD.decimal)))
    _fails(g, "[0, 1]")


def test_line_span_reversed_fails(good_nt):
    g = graph(good_nt)
    span = next(iter(g.subjects(RDF.type, KG.LineSpan)))
    g.remove((span, KG.firstLine, None))
    g.add((span, KG.firstLine, Literal(10_000, datatype=XSD.integer)))
    _fails(g, "not after its last line")


def test_seeds_build_validated_whole_and_same_as_pyshacl(tmp_path_factory):
    """The seeds build: the build's report validated the whole graph on the store (no sample), and on the same
    store the compiled checks and pySHACL list the same results."""
    import json

    from kg.query.store import open_store
    from kg.validate.shacl import validate_store
    from tests.test_serve import seeds_build

    out = seeds_build(tmp_path_factory)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    v = report["validation"]
    assert v["engine"] == "compiled-sparql" and v["sampled"] is False
    assert v["triples_validated"] == report["summary"]["triples"] > 5_000
    store = open_store(out)
    comp, py = validate_store(store), validate_store(store, engine="pyshacl")
    assert keys(comp) == keys(py)
    assert comp["conforms"] == py["conforms"] == v["conforms"]


def test_kg_validate_store_reports_a_broken_store(good_nt, tmp_path):
    """`kg validate --store` on a store whose sheet lost its review year: exit 1, the sheet and the message."""
    from tests.test_serve import run_kg

    g = graph(good_nt)
    g.remove((SHEET, KG.reviewYear, None))
    st = ox.Store(str(tmp_path / "store"))
    st.load(g.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    st.flush()
    del st
    r = run_kg("validate", "--store", str(tmp_path))
    assert r.returncode == 1, r.stderr
    assert "1 SHACL violations" in r.stdout
    assert f"Violation: {SHEET} {KG.reviewYear}: a review sheet has exactly one review year" in r.stdout
