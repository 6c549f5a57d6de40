"""Every predicate and class the emitter produces is declared in ontology/kg.ttl (with ja and en labels),
and every kg: term of kg.namespaces.KG is declared there and vice versa (issue: ontology + emitter)."""
from __future__ import annotations

import copy
import json

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS

from kg.emit.rdf import emit, to_nq_line
from kg.namespaces import KG, KG_NS
from kg.validate.shacl import ONTOLOGY
from tests.conftest import shared_path

BASE = "https://kg.example.org/"
DECLARING = {OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property,
             OWL.AnnotationProperty}


def gold_records() -> list[dict]:
    out = []
    for p in sorted(shared_path("gold").glob("*.json")):
        rec = json.loads(p.read_text(encoding="utf-8"))
        rec.setdefault("warnings", [])
        rec.setdefault("provenance", {"source": rec["source"], "spans": {}})
        rec.setdefault("extra", {})
        out.append(rec)
    return out


def linked_gold_records() -> list[dict]:
    """Gold records after the linkers that need no external data (payees, lineage, 達成手段, programs)."""
    from kg.link.lineage import assign_programs, link_past_numbers
    from kg.link.payees import link_payees
    from kg.link.policies import link_means
    from kg.link.sheets import SheetIndex

    recs = gold_records()
    index = SheetIndex(recs)
    link_payees(recs)
    link_past_numbers(recs, index)
    link_means(recs, index)
    assign_programs(recs)
    return recs


def synthetic_records() -> list[dict]:
    """Gold records plus every field the other stages add: resolved laws, evidence lineage (asserted and
    candidate), invalid 法人番号, merged JUDGIT provenance, spans, warnings, an RS record."""
    recs = linked_gold_records()
    sheet = copy.deepcopy(next(r for r in recs if r["source"].startswith("003")))
    sheet["source"] = "synthetic.txt"
    sheet["project_number"], sheet["project_name"] = "2021-総務-20-0096", "合成テスト事業"
    sheet["provenance"] = {"source": "synthetic.txt", "sha256": "ab" * 32, "format": "txt",
                           "spans": {"project_name": [3, 3], "budget[2020]": [40, 44], "payees[A|1]": [80, 81],
                                     "legal_bases[総務省設置法]": [20, 22], "related_projects[0]": [90, 90]}}
    sheet["merged_provenance"] = [{"source": "judgit2021.ndjson.gz", "sha256": "cd" * 32, "format": "judgit"}]
    lb = sheet["legal_bases"][1]
    lb.update(law_id="411AC0000000091", law_number="平成十一年法律第九十一号", law_title="総務省設置法",
              law_aliases=["411AC0000000092"], resolution={"method": "exact", "score": 1.0})
    sheet["payees"][0]["corporate_number"] = None
    sheet["payees"][0]["corporate_number_raw"] = "4010001054033"
    sheet["payees"][1]["year"] = 2020
    sheet["lineage"] = [
        {"fiscal_year": 2020, "ministry": "総務省", "number": "0094", "status": "asserted", "score": 0.93,
         "method": "evidence", "evidence": {"name": 0.91, "budget_hits": 3, "same_division": True}},
        {"fiscal_year": 2020, "ministry": "総務省", "number": "0093", "status": "candidate", "score": 0.5,
         "method": "evidence", "evidence": {"name": 0.4, "official": False}},
    ]
    sheet["warnings"] = [{"code": "law_unresolved", "message": "x", "field": "legal_bases", "line": 21}]
    rs = {"source": "1-1_RS_2024_基本情報.csv", "document_type": "review_sheet", "sheet_fiscal_year": 2024,
          "ministry": "総務省", "project_number": "2024-総務-23-0100", "project_name": "テスト事業",
          "budget": [{"fiscal_year": 2023, "initial": 1.5, "total": None}], "payees": [],
          "legal_bases": [{"law": "総務省設置法", "law_id": "411AC0000000091", "citations": []}],
          "warnings": [], "extra": {"rs_id": "12345"},
          "provenance": {"source": "1-1_RS_2024_基本情報.csv", "format": "rs", "sha256": "ef" * 32,
                         "spans": {"project_name": [12, 12]}}}
    return [*recs, sheet, rs]


def emitted_dataset(records: list[dict]) -> ox.Dataset:
    lines = sorted({to_nq_line(q) for r in records for q in emit(r, BASE)})
    return ox.Dataset(ox.parse("".join(lines).encode(), format=ox.RdfFormat.N_QUADS))


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY, format="turtle")


def declared(g: rdflib.Graph) -> set[str]:
    return {str(s) for t in DECLARING for s in g.subjects(RDF.type, t)}


def test_every_predicate_and_class_in_output_is_declared(ontology):
    ds = emitted_dataset(synthetic_records())
    preds = {q.predicate.value for q in ds}
    classes = {q.object.value for q in ds if q.predicate.value == str(RDF.type)}
    known = declared(ontology)
    assert preds - known == set()
    assert classes - known == set()
    # the synthetic fields really reach the output (the test covers them)
    for term in (KG.lawAlias, KG.corporateNumberRaw, KG.rsId, KG.nameSimilarity, KG.warning, KG.implementedBy):
        assert str(term) in preds, term


def test_kg_terms_have_ja_and_en_labels_and_a_comment(ontology):
    kg_terms = {s for s in declared(ontology) if s.startswith(KG_NS)}
    for t in sorted(kg_terms):
        langs = {lbl.language for lbl in ontology.objects(rdflib.URIRef(t), RDFS.label)}
        assert {"ja", "en"} <= langs, t
        assert ontology.value(rdflib.URIRef(t), RDFS.comment) is not None, t


def test_namespace_and_ontology_list_the_same_kg_terms(ontology):
    in_code = {KG_NS + name for name in KG.__annotations__}
    in_ttl = {s for s in declared(ontology) if s.startswith(KG_NS)}
    assert in_code == in_ttl


def test_misspelt_kg_term_raises():
    with pytest.raises(AttributeError):
        _ = KG.reviewyear
