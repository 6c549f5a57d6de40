"""Named queries (ontology/queries/*.rq) answer the true answers for the seeds, on a real `kg build seeds`."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg import iris
from kg.build.pipeline import BuildOptions, build
from kg.query.store import named_queries, open_store, query_header, query_parameters, run_query
from tests.conftest import SEEDS

BASE = "https://kg.example.org/"
CYBER = iris.sheet(BASE, 2021, "総務省", "2021-総務-20-0095")  # seed 003
MYNUMBER = iris.sheet(BASE, 2017, "総務省", "0048")  # seed 002


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    out = tmp_path_factory.mktemp("queries")
    build([str(SEEDS)], out, BuildOptions(base=BASE, validate=False, quiet=True, cache=False))
    st = open_store(out)
    yield st
    del st


def ask(store, name: str, **params) -> list[dict]:
    text = named_queries()[name].read_text(encoding="utf-8")
    variables, rows = run_query(store, text, params)
    return [dict(zip(variables, r, strict=True)) for r in rows]


REQUIRED = {"shared-contractors", "shared-statutes", "policy-tree", "lineage", "top-payees",
            "contractor-programs", "same-measure", "program-budgets"}


@pytest.mark.parametrize("path", sorted(named_queries().values()), ids=lambda p: p.stem)
def test_query_headers_declare_their_parameters(path: Path):
    text = path.read_text(encoding="utf-8")
    head = query_header(text)
    assert head[0] == f"name: {path.stem}"
    assert any(h.startswith("answers:") for h in head)
    declared = {m for h in head for m in re.findall(r"^param: \?(\w+)", h)}
    in_values = set(query_parameters(text))
    assert declared == in_values


def test_required_queries_exist():
    assert REQUIRED <= set(named_queries())


def test_shared_statutes_setchiho_cited_by_four_sheets(store):
    rows = {r["name"]: r for r in ask(store, "shared-statutes")}
    assert rows["総務省設置法"]["sheets"] == "4"
    law = rows["総務省設置法"]["law_iri"]
    assert [r["sheets"] for r in ask(store, "shared-statutes", law=law)] == ["4"]
    assert [r["sheets"] for r in ask(store, "shared-statutes", law="総務省設置法")] == ["4"]


def test_shared_contractor_in_two_blocks_of_the_cyber_sheet(store):
    rows = ask(store, "shared-contractors", corp="1010001143390")
    assert len(rows) == 1
    r = rows[0]
    assert r["corp_iri"] == BASE + "corp/1010001143390"
    assert (r["sheets"], r["rows"], r["blocks"]) == ("1", "2", "2")
    assert "データ経営研究所" in r["name"]
    # the IRI works as the parameter too, and the answer is the same
    assert ask(store, "shared-contractors", corp=BASE + "corp/1010001143390") == rows


def test_contractor_programs(store):
    rows = ask(store, "contractor-programs", corp=BASE + "corp/1010001143390")
    assert sorted(r["block"] for r in rows) == ["C", "F"]
    assert {r["sheet"] for r in rows} == {CYBER}
    assert {r["title"] for r in rows} == {"サイバーセキュリティ政策に関する調査研究"}


def test_policy_tree_measure_spelled_two_ways_is_one_concept(store):
    tree = [r for r in ask(store, "policy-tree") if r["measure_label"] == "電子政府・電子自治体の推進"]
    rows = [r for r in tree if r["source"] == "sheet"]
    # seed 002 prints 政策 "IV.電子政府・電子自治体", seed 001 "電子政府・電子自治体": one 政策, one 施策
    assert {r["year"] for r in rows} == {"2017", "2020"}
    assert len({r["policy"] for r in rows}) == 1 and len({r["measure"] for r in rows}) == 1
    concept = rows[0]["measure"]
    assert {r["sheet"] for r in ask(store, "policy-tree", concept=concept)} == {r["sheet"] for r in tree}


def test_policy_tree_merges_the_evaluation_hierarchy(store):
    """One tree (issue 20): the 事前分析表 (seed 004) hangs its 測定指標 and 達成手段 under the same 政策/施策
    concepts as the sheets' own fields, down to the sheet implementing each 達成手段."""
    tree = ask(store, "policy-tree", ministry="総務省")
    ev = [r for r in tree if r["source"] == "evaluation"]
    assert {r["measure_label"] for r in ev} == {"電子政府・電子自治体の推進"}
    assert {r["policy_label"] for r in ev} == {"電子政府・電子自治体"}
    assert len({r["means"] for r in ev if r["means"]}) == 23
    # seed 002's sheet: under its 施策 by its own fields, and as 達成手段 18, measured by 測定指標 8
    mine = [r for r in tree if r["sheet"] == MYNUMBER]
    assert {r["source"] for r in mine} == {"sheet", "evaluation"}
    by_means = next(r for r in mine if r["source"] == "evaluation")
    assert (by_means["means_index"], by_means["indicator_number"]) == ("18", "8")
    assert by_means["title"] == "社会保障・税に関わる番号制度に関するシステム構築等に要する経費"
    assert len({r["measure"] for r in mine}) == 1 and len({r["policy"] for r in mine}) == 1
    # every 測定指標 of the 事前分析表 is in the tree, with or without a 達成手段
    assert len({r["indicator"] for r in ev if r["indicator"]}) == 10


def test_same_measure(store):
    rows = ask(store, "same-measure", sheet=MYNUMBER)
    assert [r["other_title"] for r in rows] == ["自治体情報セキュリティ強化対策事業"]


def test_lineage_of_the_cyber_sheet(store):
    rows = ask(store, "lineage", sheet=CYBER)
    targets = {r["to"]: r for r in rows}
    assert set(targets) == {iris.sheet(BASE, 2020, "総務省", "0094"), iris.sheet(BASE, 2020, "総務省", "新02-0013")}
    assert all(r["status"] == "asserted" and 0 < float(r["score"]) <= 1 for r in rows)
    assert "0094" in targets[iris.sheet(BASE, 2020, "総務省", "0094")]["evidence"]


def test_top_payees_2021(store):
    rows = ask(store, "top-payees", year="2021", ministry="総務省")
    assert rows[0]["name"] == "PwCコンサルティング合同会社" and rows[0]["total"] == "35"
    nttd = next(r for r in rows if r["number"] == "1010001143390")
    assert (nttd["total"], nttd["rows"]) == ("21", "2")
    assert ask(store, "top-payees", year="1999") == []


def test_program_budgets(store):
    rows = ask(store, "program-budgets", sheet=MYNUMBER)
    by_year = {r["fiscal_year"]: r for r in rows if r["s"] == MYNUMBER}
    assert sorted(by_year) == ["2014", "2015", "2016", "2017", "2018"]
    assert by_year["2014"]["initial"] == "3400" and by_year["2015"]["total"] == "59555"
    assert by_year["2017"]["executed"] is None  # printed "-": unknown, not 0
    assert by_year["2018"]["requested"] == "22218"


def test_means_linked_to_sheet_in_build(store):
    rows = [r for r in ask(store, "means-sheets") if r["index"] == "18"]
    assert rows and {r["target"] for r in rows} == {MYNUMBER}
    assert {r["status"] for r in rows} == {"asserted"}


# The live aggregate top-payees ran before rankings were derived at build time: the rankings must agree with it.
LIVE_TOP_PAYEES = """PREFIX kg: <https://kg.example.org/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?payee ?name ?number ?total ?rows ?sheets WHERE {
  { SELECT ?payee (SUM(?amount) AS ?total) (COUNT(?payment) AS ?rows) (COUNT(DISTINCT ?sheet) AS ?sheets) WHERE {
      SELECT DISTINCT ?payee ?payment ?sheet ?amount WHERE {
        VALUES ?year { UNDEF }
        VALUES ?ministry { UNDEF }
        ?sheet a kg:ReviewSheet ; kg:reviewYear ?ry ; kg:ministry ?m ; kg:payment ?payment .
        FILTER (!BOUND(?year) || STR(?ry) = STR(?year))
        FILTER (!BOUND(?ministry) || ?m = ?ministry || EXISTS { ?m rdfs:label ?ml FILTER (STR(?ml) = STR(?ministry)) })
        ?payment kg:payee ?payee ; kg:amount ?amount . } }
    GROUP BY ?payee }
  OPTIONAL { SELECT ?payee (MIN(STR(?l)) AS ?name) WHERE { ?payee a kg:Payee ; rdfs:label ?l } GROUP BY ?payee }
  OPTIONAL { ?payee kg:corporateNumber ?number }
} ORDER BY DESC(?total) ?payee LIMIT 50"""


def test_payee_rankings_equal_the_live_aggregate_in_every_scope(store):
    years = [r[0] for r in run_query(store, "PREFIX kg: <https://kg.example.org/ns#> "
                                     "SELECT DISTINCT ?y WHERE { ?s a kg:ReviewSheet ; kg:reviewYear ?y }")[1]]
    assert sorted(years) == ["2017", "2020", "2021", "2022"]
    scopes = [{}] + [{"year": y} for y in years] + [{"ministry": "総務省"}, {"ministry": BASE + "org/soumu"}]
    scopes += [{"year": y, "ministry": "総務省"} for y in years]
    answered = 0
    for scope in scopes:
        variables, rows = run_query(store, LIVE_TOP_PAYEES, scope)
        live = [dict(zip(variables, r, strict=True)) for r in rows]
        assert ask(store, "top-payees", **scope) == live, scope
        answered += bool(live)
    assert answered >= len(scopes) - 2  # a year whose sheets list no payees has an empty ranking
    # the largest single row of 2017: 地方公共団体 (no 法人番号: a payee of its sheet) 26,818 百万円
    top = ask(store, "top-payees", year="2017", ministry="総務省")[0]
    assert (top["name"], top["number"], top["total"]) == ("地方公共団体", None, "26818")
    assert top["payee"].startswith(MYNUMBER + "/payee/")


def test_sheets_by_number_title_and_ministry(store):
    by_number = ask(store, "sheets", number="2021-総務-20-0095")
    assert [(r["sheet_iri"], r["title"], r["ministry_name"]) for r in by_number] == [
        (CYBER, "サイバーセキュリティ政策に関する調査研究", "総務省")]
    assert ask(store, "sheets", title="サイバーセキュリティ政策に関する調査研究") == by_number
    soumu = ask(store, "sheets", ministry="総務省")
    assert len(soumu) == 4 and ask(store, "sheets", ministry=BASE + "org/soumu") == soumu
    assert ask(store, "sheets", number="2021-総務-20-0095", ministry="総務省") == by_number
    assert ask(store, "sheets", number="2021-総務-20-0095", ministry="内閣府") == []
    assert ask(store, "sheets", number="2021-総務-20-0095", title="別の事業") == []
    assert {r["sheet_iri"] for r in ask(store, "sheets")} == {r["sheet_iri"] for r in soumu}


def test_policy_tree_and_statute_programs_by_name_or_iri(store):
    tree = ask(store, "policy-tree", ministry="総務省")
    assert tree and ask(store, "policy-tree", ministry=BASE + "org/soumu") == tree
    assert ask(store, "policy-tree", ministry="内閣府") == []
    by_name = ask(store, "statute-programs", law="総務省設置法")
    assert len(by_name) == 4 and ask(store, "statute-programs", law=by_name[0]["law_iri"]) == by_name
    cyber = next(r for r in by_name if r["sheet_iri"] == CYBER)
    assert (cyber["review_year"], cyber["ministry_name"]) == ("2021", "総務省")


def test_program_corporations_of_a_contractor(store):
    rows = ask(store, "program-corporations", corp="1010001143390")
    assert len(rows) == 1 and (rows[0]["rows"], rows[0]["total"]) == ("2", "21")
    assert rows[0]["number"] == "1010001143390"
