"""kg.validate.compiled: SHACL Core constructs that kg's own shapes do not use yet (other paths, targets, nested
property shapes, pair constraints, languages) give the same results as pySHACL; what the compiler does not
translate is refused by name, never skipped."""
from __future__ import annotations

import re

import pytest
import rdflib

from kg.validate.compiled import RESTRICT, UnsupportedShape, compile_shapes, validate_rdflib_graph
from kg.validate.shacl import validate_graph

PREFIXES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""

SHAPES = PREFIXES + """
ex:PersonShape a sh:NodeShape ; sh:targetClass ex:Person ;
  sh:property [ sh:path ex:name ; sh:minCount 2 ; sh:uniqueLang true ; sh:languageIn ( "ja" "en" ) ] ;
  sh:property [ sh:path ( ex:address ex:city ) ; sh:minCount 1 ; sh:maxLength 5 ] ;
  sh:property [ sh:path [ sh:inversePath ex:employs ] ; sh:maxCount 1 ; sh:class ex:Company ] ;
  sh:property [ sh:path ex:start ; sh:lessThan ex:end ; sh:datatype xsd:integer ] ;
  sh:property [ sh:path ex:nick ; sh:disjoint ex:name ; sh:minExclusive "a" ; sh:severity sh:Warning ] ;
  sh:property [ sh:path ex:alias ; sh:equals ex:nick ] ;
  sh:property [ sh:path ex:address ; sh:property [ sh:path ex:zip ; sh:minCount 1 ; sh:pattern "^[0-9]{3}-[0-9]{4}$" ] ] .
ex:CompanyShape a sh:NodeShape ; sh:targetSubjectsOf ex:employs ;
  sh:property [ sh:path ex:kind ; sh:hasValue ex:Corp ; sh:in ( ex:Corp ex:Ltd ) ] ;
  sh:property [ sh:path [ sh:alternativePath ( ex:employs ex:contracts ) ] ; sh:minCount 1 ; sh:nodeKind sh:IRI ] .
ex:ObjectShape a sh:NodeShape ; sh:targetObjectsOf ex:contracts ; sh:nodeKind sh:IRI ;
  sh:property [ sh:path [ sh:zeroOrMorePath ex:partOf ] ; sh:maxExclusive 10 ] .
ex:NodeTarget a sh:NodeShape ; sh:targetNode ex:p2 , ex:missing ; sh:pattern "p1$" ;
  sh:property [ sh:path ex:age ; sh:minInclusive 0 ; sh:maxInclusive 150 ] .
ex:Employee a sh:NodeShape , rdfs:Class ; sh:property [ sh:path ex:badge ; sh:minCount 1 ] .
"""

DATA = PREFIXES + """
ex:p1 a ex:Person ; ex:name "太郎"@ja , "Taro"@en , "Tarō"@en , "zed" ; ex:address ex:a1 ; ex:start 5 ; ex:end 3 ;
  ex:nick "zed" , "T" ; ex:alias "T" .
ex:a1 ex:city "Chiyoda-ku" ; ex:zip "100-0001" .
ex:p2 a ex:Person ; ex:name "花子"@ja , "Hanako"@fr ; ex:address ex:a2 ; ex:start "x" ; ex:end 9 ; ex:age 200 .
ex:a2 ex:zip "1000001" .
ex:c1 ex:employs ex:p1 ; ex:kind ex:Ltd .
ex:c2 a ex:Company ; ex:employs ex:p1 , ex:p2 ; ex:kind ex:Corp ; ex:contracts "lit" , ex:o1 .
ex:o1 ex:partOf 12 .
ex:e1 a ex:Employee .
ex:e2 a ex:Temp .
ex:Temp rdfs:subClassOf ex:Employee .
"""


def graph(ttl: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=ttl, format="turtle")


def keys(report: dict) -> set[tuple]:
    return {(r["focus"], r["path"], r["constraint"], r["severity"], r["value"]) for r in report["results"]}


def test_same_results_as_pyshacl_on_core_constructs():
    shapes, data = graph(SHAPES), graph(DATA)
    pairs = [(str(s), str(o)) for s, o in data.subject_objects(rdflib.RDFS.subClassOf)]
    comp = validate_rdflib_graph(data, shapes=shapes, subclass_pairs=pairs)
    py = validate_graph(data, shapes=shapes, ont=rdflib.Graph())
    constraints = {k[2] for k in keys(py)}
    assert len(constraints) >= 15, constraints  # the data trips most components
    only_comp = {k for k in keys(comp) if k[1] in ("", *map(str, data.predicates()))} - keys(py)
    assert not only_comp, sorted(only_comp)
    # complex paths are reported by pySHACL as a blank node: compare them without the path
    assert {k[:1] + k[2:] for k in keys(comp)} == {k[:1] + k[2:] for k in keys(py)}, (
        sorted({k[:1] + k[2:] for k in keys(comp)} ^ {k[:1] + k[2:] for k in keys(py)}))
    assert comp["violations"] == py["violations"] and not comp["conforms"]
    # facts that matter: the second employer, the zip code of a nested shape, the subclass instance
    found = keys(comp)
    assert ("http://ex.org/p1", "(complex path)", "MaxCountConstraintComponent", "Violation", "") in {
        (f, "(complex path)" if p.startswith("^") else p, c, s, v) for f, p, c, s, v in found}
    assert any(k[0] == "http://ex.org/a2" and k[2] == "PatternConstraintComponent" and k[4] == "1000001"
               for k in found)
    assert any(k[0] == "http://ex.org/e2" and k[2] == "MinCountConstraintComponent" for k in found)
    assert any(k[0] == "http://ex.org/p1" and k[3] == "Warning" and k[2] == "DisjointConstraintComponent"
               for k in found)


@pytest.mark.parametrize("term", ["sh:node ex:Other", "sh:or ( [ sh:datatype xsd:string ] )", "sh:closed true",
                                  "sh:fancy 3"])
def test_unsupported_constructs_are_refused_by_name(term):
    shapes = graph(PREFIXES + f"ex:S a sh:NodeShape ; sh:targetClass ex:Person ; {term} .")
    with pytest.raises(UnsupportedShape, match=term.split()[0].replace("sh:", "sh:")):
        compile_shapes(shapes)


def test_sparql_constraint_is_bound_to_targets():
    shapes = graph(PREFIXES + '''ex:S a sh:NodeShape ; sh:targetClass ex:Person ;
      sh:sparql [ sh:message "older than the boss" ; sh:select """
        SELECT $this ?value WHERE { $this ex:age ?value . ?boss ex:employs $this ; ex:age ?b FILTER(?value > ?b) }""" ;
        sh:prefixes [ sh:declare [ sh:prefix "ex" ; sh:namespace "http://ex.org/"^^xsd:anyURI ] ] ] .''')
    data = graph(PREFIXES + "ex:p1 a ex:Person ; ex:age 50 . ex:p2 ex:age 60 . ex:b ex:age 40 ; ex:employs ex:p1 , ex:p2 .")
    comp = validate_rdflib_graph(data, shapes=shapes)
    py = validate_graph(data, shapes=shapes, ont=rdflib.Graph())
    assert keys(comp) == keys(py) == {("http://ex.org/p1", "", "SPARQLConstraintComponent", "Violation", "50")}
    assert comp["results"][0]["message"] == "older than the boss"


SHARED_PATH_SHAPES = PREFIXES + """
ex:AShape a sh:NodeShape ; sh:targetClass ex:A ;
  sh:property [ sh:path ex:src ; sh:minCount 1 ] ;
  sh:property [ sh:path ex:n ; sh:maxCount 1 ; sh:datatype xsd:integer ; sh:minInclusive 0 ] .
ex:BShape a sh:NodeShape ; sh:targetClass ex:B ; sh:property [ sh:path ex:src ; sh:minCount 1 ] .
ex:CShape a sh:NodeShape ; sh:targetSubjectsOf ex:n ; sh:property [ sh:path ex:src ; sh:minCount 1 ] .
"""
SHARED_PATH_DATA = PREFIXES + """
ex:a1 a ex:A ; ex:src ex:s ; ex:n "x" .
ex:a2 a ex:A ; ex:n 5 .
ex:a3 a ex:A ; ex:src ex:s ; ex:n 1 , 2 , -3 .
ex:b1 a ex:B .
ex:b2 a ex:B ; ex:src ex:s .
ex:x1 ex:src ex:s ; ex:n "bad" , 7 , 8 .
ex:x2 ex:src ex:s .
"""


def test_shared_path_checks_merged_prechecked_and_threaded():
    """minCount on one path in three shapes runs as one query; value and count checks whose candidates are no
    focus node (ex:x1) are settled by the precheck or the target join; one or two threads give pySHACL's
    results, each once although the store repeats every triple in two named graphs."""
    import pyoxigraph as ox

    from kg.validate.compiled import validate_store

    shapes, data = graph(SHARED_PATH_SHAPES), graph(SHARED_PATH_DATA)
    py = validate_graph(data, shapes=shapes, ont=rdflib.Graph())
    expected = keys(py)
    assert ("http://ex.org/a2", "http://ex.org/src", "MinCountConstraintComponent", "Violation", "") in expected
    assert ("http://ex.org/b1", "http://ex.org/src", "MinCountConstraintComponent", "Violation", "") in expected
    assert ("http://ex.org/a1", "http://ex.org/n", "DatatypeConstraintComponent", "Violation", "x") in expected
    assert ("http://ex.org/a3", "http://ex.org/n", "MinInclusiveConstraintComponent", "Violation", "-3") in expected
    assert not any(k[0] == "http://ex.org/x1" and k[1] == "http://ex.org/n" for k in expected)
    store = ox.Store()
    nt = data.serialize(format="nt", encoding="utf-8")
    for g in ("http://ex.org/g1", "http://ex.org/g2"):
        store.load(nt, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(g))
    for jobs in (1, 2):
        comp = validate_store(store, shapes=shapes, subclass_pairs=[], jobs=jobs, max_results=100)
        assert keys(comp) == expected, (sorted(keys(comp) ^ expected))
        assert comp["result_count"] == py["result_count"] == 7  # a2 fails ex:src of AShape and of CShape
        assert comp["checks"] == 5 and comp["queries"] == 3  # the three minCount checks on ex:src: one query
        merged = [c for c in comp["per_check"] if c["query_shared_by"] == 3]
        assert [c["results"] for c in merged] == [1, 1, 1]  # a2 (AShape), b1, a2 (CShape: a subject of ex:n)
        assert comp["jobs"] == jobs
    clean = graph(PREFIXES + "ex:a1 a ex:A ; ex:src ex:s ; ex:n 4 . ex:x1 ex:src ex:s ; ex:n 2 , 3 .")
    comp = validate_rdflib_graph(clean, shapes=shapes, subclass_pairs=[])
    assert comp["conforms"] and comp["prechecked"] == 1  # ex:n's value tests find nothing; its maxCount finds x1
    one_each = graph(PREFIXES + "ex:a1 a ex:A ; ex:src ex:s ; ex:n 4 . ex:x1 ex:src ex:s ; ex:n 2 .")
    comp = validate_rdflib_graph(one_each, shapes=shapes, subclass_pairs=[])
    assert comp["conforms"] and comp["prechecked"] == 2  # one ex:n per subject: the counts settle its maxCount
    a3 = graph(PREFIXES + "ex:a3 a ex:A ; ex:src ex:s ; ex:n 1 , 2 . ex:x1 ex:src ex:s ; ex:n 2 .")
    assert keys(validate_rdflib_graph(a3, shapes=shapes, subclass_pairs=[])) == {
        ("http://ex.org/a3", "http://ex.org/n", "MaxCountConstraintComponent", "Violation", "")}


def test_prechecks_find_every_failing_value():
    """A precheck (with its cheaper tests) returns every subject the check reports: otherwise a check would be
    skipped on data that fails it. One subject per value: IRIs, blank nodes, language-tagged, typed, ill-typed."""
    import pyoxigraph as ox

    from kg.validate.compiled import compile_shapes

    shapes = graph(PREFIXES + """ex:S a sh:NodeShape ; sh:targetClass ex:T ;
      sh:property [ sh:path ex:p ; sh:datatype xsd:integer ; sh:maxCount 1 ] ;
      sh:property [ sh:path ex:p ; sh:datatype xsd:string ; sh:minLength 2 ; sh:maxLength 3 ] ;
      sh:property [ sh:path ex:p ; sh:pattern "^a" ; sh:nodeKind sh:Literal ; sh:minInclusive 2 ] ;
      sh:property [ sh:path ex:p ; sh:datatype xsd:decimal ; sh:languageIn ( "ja" ) ; sh:in ( "ab" 3 ) ] .""")
    values = ['<http://ex.org/i>', '<http://ex.org/abc>', '_:b', '""', '"a"', '"ab"', '"abcd"', '"ab"@ja', '"x"@en',
              '"3"^^xsd:integer', '"03"^^xsd:integer', '"x"^^xsd:integer', '"2.5"^^xsd:decimal', '"a"^^ex:dt']
    data = PREFIXES + " ".join(f"ex:s{i} a ex:T ; ex:p {v} ." for i, v in enumerate(values)) + " ex:m a ex:T ; ex:p 1, 2 ."
    store = ox.Store()
    store.load(data.encode(), format=ox.RdfFormat.TURTLE)
    checks = [c for c in compile_shapes(shapes) if c.precheck]
    assert len(checks) == 5  # four sets of value tests and one maxCount
    for ch in checks:
        found = {r["this"] for r in store.query(ch.sparql)}
        pre = {r["this"] for r in store.query(re.sub(r" LIMIT \d+$", "", ch.precheck))}
        assert found and found <= pre, (ch.constraint, found - pre)
        # the check run on the precheck's subjects only (VALUES ?this) gives the same rows as on the whole store
        only = ch.restricted.replace(RESTRICT, "VALUES ?this { " + " ".join(map(str, pre)) + " }")
        rows = {tuple(r) for r in store.query(ch.sparql)}
        assert rows and {tuple(r) for r in store.query(only)} == rows, ch.constraint
