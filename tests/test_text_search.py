"""Issue 19 end to end on a real `kg build seeds`: text, indicators (qb) and terms in the graph, SHACL,
`kg search` and `kg similar`."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import rdflib

from kg import iris
from kg.build.pipeline import BuildOptions, build
from kg.query.search import search, similar
from kg.query.store import open_store, run_query
from tests.conftest import SEEDS

BASE = "https://kg.example.org/"
S003 = iris.sheet(BASE, 2021, "総務省", "2021-総務-20-0095")
KG = "https://kg.example.org/ns#"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("text")
    report = build([str(SEEDS)], out, BuildOptions(base=BASE, validate=True, quiet=True, cache=False))
    st = open_store(out)
    yield out, st, report
    del st


def sheet_of(st, seed: str) -> str:
    _, rows = run_query(st, f"""SELECT ?s WHERE {{ ?s <http://www.w3.org/ns/prov#wasDerivedFrom> ?d ;
        a <{KG}ReviewSheet> . ?d <http://purl.org/dc/terms/title> ?t . FILTER(STRSTARTS(?t, "{seed}_")) }}""")
    return rows[0][0]


def test_shacl_conforms_with_indicators(built):
    _, _, report = built
    assert report["validation"]["conforms"] is True and report["validation"]["sampled"] is False


def test_indicators_in_graph(built):
    _, st, _ = built
    q = f"""PREFIX kg: <{KG}> PREFIX qb: <http://purl.org/linked-data/cube#>
    SELECT ?name ?kind ?y ?v ?unit WHERE {{ VALUES ?s {{ UNDEF }} ?s kg:indicator ?i . ?i rdfs:label ?name .
      ?o kg:indicatorOf ?i ; kg:valueKind ?kind ; kg:fiscalYear ?y ; kg:indicatorValue ?v ; qb:dataSet ?ds .
      ?ds qb:structure ?dsd . ?dsd a qb:DataStructureDefinition . OPTIONAL {{ ?o kg:unit ?unit }} }}"""
    q = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" + q
    _, rows = run_query(st, q, {"s": S003})
    got = {(n, k, int(y), float(v), u) for n, k, y, v, u in rows}
    assert ("認定認証業務に係る電子証明書の累計枚数", "actual", 2020, 181.0, "一万件") in got
    assert ("二国間協議等を行った国・地域の数", "target", 2021, 5.0, "件") in got
    s000 = sheet_of(st, "000")
    _, rows = run_query(st, q, {"s": s000})
    got = {(n, k, int(y), float(v)) for n, k, y, v, _ in rows}
    assert ("住民基本台帳制度関係事務担当者説明会(対面)参加都道府県数", "actual", 2020, 6.0) in got
    assert ("セキュリティ自己点検の自己点検結果の平均点(満点=3点)", "actual", 2021, 2.9) in got
    # 事前分析表 測定指標 2: 基準値 401,595千件 (平成27年度), 目標値 534,521千件以上 (平成30年度)
    _, rows = run_query(st, f"""PREFIX kg: <{KG}> SELECT ?k ?y ?v ?q WHERE {{
        ?e a kg:PolicyEvaluation ; kg:indicator ?i . ?i kg:indicatorNumber "2" .
        ?o kg:indicatorOf ?i ; kg:valueKind ?k ; kg:fiscalYear ?y ; kg:indicatorValue ?v .
        OPTIONAL {{ ?o kg:qualifier ?q }} }}""")
    assert {(k, int(y), float(v), q) for k, y, v, q in rows} == {("baseline", 2015, 401595.0, None),
                                                                ("target", 2018, 534521.0, "以上")}


def test_purpose_summary_and_budget_dataset(built):
    _, st, _ = built
    _, rows = run_query(st, f"PREFIX kg: <{KG}> SELECT ?p ?s WHERE {{ VALUES ?x {{ UNDEF }} ?x kg:purpose ?p ; "
                            "kg:summary ?s }", {"x": S003})
    assert rows and rows[0][0].startswith("政府機関や地方公共団体") and "トラストサービス" in rows[0][1]
    _, rows = run_query(st, """PREFIX qb: <http://purl.org/linked-data/cube#>
        SELECT DISTINCT ?ds ?dsd WHERE { ?o qb:dataSet ?ds . ?ds a qb:DataSet ; qb:structure ?dsd }""")
    assert {r[0] for r in rows} == {BASE + "dataset/budget", BASE + "dataset/indicators"}


def test_broken_observation_violates_shapes():
    from kg.validate.shacl import validate_graph

    g = rdflib.Graph()
    o = rdflib.URIRef(BASE + "x/obs")
    g.add((o, rdflib.RDF.type, rdflib.URIRef(KG + "IndicatorObservation")))
    g.add((o, rdflib.URIRef(KG + "valueKind"), rdflib.Literal("guess")))
    r = validate_graph(g)
    assert r["conforms"] is False and r["violations"] >= 4  # dataset, indicator, period, year, value, kind


def ranked(results, kind="program"):
    return [d["iri"] for d in results if d["kind"] == kind]


def test_search_security_finds_000_001_003(built):
    _, st, _ = built
    hits = ranked(search(st, "セキュリティ"))
    want = {sheet_of(st, "000"), sheet_of(st, "001"), S003}
    assert want <= set(hits)


@pytest.mark.parametrize("text", ["サイバーセキュリティ", "ｻｲﾊﾞｰｾｷｭﾘﾃｨ", "サイバー・セキュリティ"])
def test_search_cyber_security_ranks_003_first(built, text):
    _, st, _ = built
    res = search(st, text)
    assert ranked(res)[0] == S003
    assert res[0]["matched"] == ["サイバー", "セキュリティー"]
    assert ranked(res, "law")[0] == BASE + "law/426AC1000000104"  # サイバーセキュリティ基本法


def test_search_payees_by_partial_name_and_cli(built):
    out, st, _ = built
    res = search(st, "日本レジストリ", kinds={"payee"})
    assert res[0]["iri"] == BASE + "corp/8010001072212" and res[0]["label"] == "株式会社日本レジストリサービス"
    r = subprocess.run([sys.executable, "-m", "kg.cli", "search", "住民基本台帳", "--store", str(out), "--format",
                        "json"], capture_output=True, text=True, check=True)
    d = json.loads(r.stdout)
    assert d[0]["kind"] == "program" and "住民基本台帳" in d[0]["label"] and "住民基本台帳" in d[0]["matched"]
    assert any(x["kind"] == "law" and x["label"] == "住民基本台帳法" for x in d)


def test_similar(built):
    _, st, _ = built
    me, res = similar(st, "2021-総務-20-0095")
    assert me["iri"] == S003
    assert res and S003 not in [d["iri"] for d in res]
    top = res[0]
    assert top["iri"] == sheet_of(st, "001") and {"サイバー", "セキュリティー"} <= set(top["matched"])


def test_terms_queryable_by_sparql(built):
    _, st, _ = built
    _, rows = run_query(st, f'PREFIX kg: <{KG}> SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s kg:term "サイバー" }}')
    assert int(rows[0][0]) >= 3  # 001, 003 and the サイバーセキュリティ基本法


def test_search_statistics_kept_per_state_of_the_build(built):
    from kg.query.search import stats, stats_of_build

    out, st, _ = built
    fresh = stats(st)
    assert fresh["program"][0] == 4 and fresh["law"][0] >= 1  # the four review sheets of the seeds hold terms
    first = stats_of_build(out, st)
    kept = sorted((out / "cache").glob("search-stats-*.json"))
    assert first == fresh and len(kept) == 1
    kept[0].write_text(json.dumps({**fresh, "program": [99, 1.5]}), encoding="utf-8")
    assert stats_of_build(out, st)["program"] == (99, 1.5)  # read back, not counted again
    report = out / "report.json"
    saved = report.read_bytes()
    try:
        report.write_bytes(saved + b"\n")  # what a build or `kg add` does: a new report, a new key
        assert stats_of_build(out, st) == fresh
        assert [p.name for p in (out / "cache").glob("search-stats-*.json")] != [kept[0].name]
        assert len(list((out / "cache").glob("search-stats-*.json"))) == 1
    finally:
        report.write_bytes(saved)
