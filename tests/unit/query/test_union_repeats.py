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
XSD_INT = "http://www.w3.org/2001/XMLSchema#integer"


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


def test_search_statistics_count_each_node_once_per_kind():
    from kg.query.search import stats

    q = []
    for g, n in (("judgit/2022", "3"), ("judgit/2023", "5"), ("rs/2024", "5")):  # one corporation in three graphs
        q += [("corp/7000020130001", TYPE, NS + "Payee", g), ("corp/7000020130001", TYPE, NS + "Corporation", g),
              ("corp/7000020130001", NS + "termCount", ox.Literal(n, datatype=ox.NamedNode(XSD_INT)), g)]
    q += [("payee/x", TYPE, NS + "Payee", "rs/2024"), ("payee/x", NS + "termCount", ox.Literal("2", datatype=ox.NamedNode(XSD_INT)), "rs/2024"),
          ("sheet/2024/x/9", TYPE, NS + "ReviewSheet", "rs/2024"),
          ("sheet/2024/x/9", NS + "termCount", ox.Literal("40", datatype=ox.NamedNode(XSD_INT)), "rs/2024"),
          ("payee/no-terms", TYPE, NS + "Payee", "rs/2024")]
    st = stats(_store(q))
    assert st["payee"] == (2, 3.5)  # the corporation once (its largest count, 5) and the other payee (2)
    assert st["program"] == (1, 40.0)
    assert "law" not in st


def test_subcontract_chains_sum_each_payee_once_whatever_the_graphs_repeating_the_ministry():
    sheet, g = "sheet/2024/soumu/860", "rs/2024"
    q = [(f"{sheet}/block/A", TYPE, NS + "SpendingBlock", g), (sheet, NS + "ministry", "org/soumu", g),
         (sheet, NS + "reviewYear", ox.Literal("2024", datatype=ox.NamedNode(XSD_INT)), g), (sheet, TITLE, _ja("調査研究"), g)]
    for gg in ("judgit/2022", "judgit/2023", g):
        q.append(("org/soumu", RDFS + "label", _ja("総務省"), gg))
    for to in ("B", "C"):
        f = f"{sheet}/flow/A-{to}"
        q += [(sheet, NS + "moneyFlow", f, g), (f, NS + "flowFrom", f"{sheet}/block/A", g), (f, NS + "flowTo", f"{sheet}/block/{to}", g),
              (f"{sheet}/block/{to}", NS + "chainDepth", ox.Literal("2", datatype=ox.NamedNode(XSD_INT)), g)]
    dec = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
    for i, amount in ((1, "3"), (2, "4.5"), (3, None)):
        p = f"{sheet}/payment/{i}"
        q.append((p, NS + "inBlock", f"{sheet}/block/{'C' if amount is None else 'B'}", g))
        if amount:
            q.append((p, NS + "amount", ox.Literal(amount, datatype=dec), g))
    rows = _rows(_store(q), "subcontract-chains", {"ministry": "総務省"})
    got = {(r["block"].rsplit("/", 1)[1], r["ministry_label"], r["money"]) for r in rows}
    assert got == {("B", "総務省", "7.5"), ("C", "総務省", None)}  # 3 + 4.5 once, not once per label's graph
