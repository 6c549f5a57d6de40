"""Named queries on a store whose union graph repeats shared triples (issue 22).

A ministry's or a corporation's label is written in every source's named graph, and the union default graph
repeats it once per graph. payee-sources and evaluation-tree take such labels once per row, with their node bound;
a row whose node is absent (a sheet without ministry, an evaluation without 政策) must keep it absent, not take
another node's label.
"""
from __future__ import annotations

import pyoxigraph as ox

from kg.query.store import named_queries, run_query

B = "https://kg.example.org/"
NS = B + "ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
TITLE = "http://purl.org/dc/terms/title"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri if iri.startswith("http") else B + iri)


def _store(quads: list[tuple[str, str, object, str]]) -> ox.Store:
    st = ox.Store()
    for s, p, o, g in quads:
        obj = o if isinstance(o, ox.Literal) else _n(o)
        st.add(ox.Quad(_n(s), _n(p), obj, _n("graph/" + g)))
    return st


def _ja(text: str) -> ox.Literal:
    return ox.Literal(text, language="ja")


def _rows(store: ox.Store, name: str, params: dict[str, str]) -> list[dict]:
    variables, rows = run_query(store, named_queries()[name].read_text(encoding="utf-8"), params)
    return [dict(zip(variables, r, strict=True)) for r in rows]


def test_payee_sources_takes_repeated_labels_once_and_leaves_a_missing_ministry_missing():
    corp, number = "corp/7000020130001", "7000020130001"
    q = []
    for g in ("judgit/2022", "judgit/2023", "rs/2024"):  # the same label in three source graphs
        q.append(("org/soumu", RDFS + "label", _ja("総務省"), g))
        q.append((corp, RDFS + "label", _ja("東京都"), g))
    q.append((corp, NS + "corporateNumber", ox.Literal(number), "judgit/2023"))
    q.append((corp, RDFS + "label", _ja("東京都庁"), "rs/2024"))
    for sheet, year, ministry, amount, g in (("sheet/2023/soumu/0001", "2023", "org/soumu", "12.5", "judgit/2023"),
                                             ("sheet/2024/x/9", "2024", None, "3", "rs/2024")):
        pay, block = sheet + "/payment/1", sheet + "/block/A"
        q += [(sheet, NS + "payment", pay, g), (sheet, NS + "reviewYear", ox.Literal(year), g),
              (sheet, TITLE, _ja("事業" + year), g), (pay, NS + "payee", corp, g), (pay, NS + "inBlock", block, g),
              (pay, NS + "amount", ox.Literal(amount, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")), g),
              (block, RDFS + "label", _ja("A"), g)]
        if ministry:
            q.append((sheet, NS + "ministry", ministry, g))
    rows = _rows(_store(q), "payee-sources", {"corp": number})
    got = {(r["sheet"].rsplit("/", 2)[-2], r["ministry"], r["name"], r["amount"], r["block_label"]) for r in rows}
    assert got == {("soumu", "総務省", "東京都", "12.5", "A"), ("x", None, "東京都", "3", "A")}
    assert len(rows) == 2


def test_evaluation_tree_takes_repeated_labels_once_and_binds_no_concept_to_an_evaluation_without_one():
    e1, e2 = "evaluation/2017/soumu/8", "evaluation/2017/soumu/9"
    q = []
    for g in ("policy/2017", "policy/2018"):
        q += [("org/soumu", RDFS + "label", _ja("総務省"), g), ("concept/c1", SKOS + "prefLabel", _ja("施策1"), g),
              ("concept/c1", SKOS + "broader", "concept/c0", g), ("concept/c0", SKOS + "prefLabel", _ja("政策1"), g)]
    g = "policy/2017"
    q += [(e1, TYPE, NS + "PolicyEvaluation", g), (e1, NS + "ministry", "org/soumu", g), (e1, NS + "policy", "concept/c1", g),
          (e1, NS + "indicator", e1 + "/indicator/1", g), (e1 + "/indicator/1", RDFS + "label", _ja("利用率"), g),
          (e2, TYPE, NS + "PolicyEvaluation", g), (e2, NS + "means", e2 + "/means/1", g),
          (e2 + "/means/1", RDFS + "label", _ja("手段"), g)]
    store = _store(q)
    rows = _rows(store, "evaluation-tree", {})
    got = {(r["eval"].rsplit("/", 1)[1], r["ministry_name"], r["concept_label"], r["broader_label"], r["kind"],
            r["node_label"]) for r in rows}
    assert got == {("8", "総務省", "施策1", "政策1", "indicator", "利用率"), ("9", None, None, None, "means", "手段")}
    assert len(rows) == 2
    one = _rows(store, "evaluation-tree", {"evaluation": B + e2})
    assert [(r["ministry_name"], r["concept"], r["node_label"]) for r in one] == [(None, None, "手段")]
