"""kg.query.analyze on the seeds build: typed frames of the named queries, program projections, policy tree,
lineage and ministry trend, and the plot/HTML writers (issues 4 and 7)."""
from __future__ import annotations

import json
import math

import networkx as nx
import pandas as pd
import pytest

import kg.notebook as nb
import kg.query.analyze as ka
from kg.build.pipeline import BuildOptions, build
from kg.query.store import named_queries
from tests.conftest import SEEDS, shared_path


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    out = tmp_path_factory.mktemp("analyze")
    build([str(SEEDS)], out, BuildOptions(quiet=True))
    return ka.open_graph(out)


def _gold(prefix: str) -> dict:
    p = next(shared_path("gold").glob(f"{prefix}_*.json"))
    return json.loads(p.read_text(encoding="utf-8"))


def _program_of(G: nx.Graph, title: str) -> str:
    hits = [n for n, d in G.nodes(data=True) if d.get("label") == title]
    assert len(hits) == 1, (title, hits)
    return hits[0]


def test_every_query_has_a_function_and_its_header_columns(store):
    for name in named_queries():
        if name not in ka.QUERY_FUNCTIONS:
            continue  # a query added by someone else: frame() still runs it
        df = ka.QUERY_FUNCTIONS[name](store)
        assert isinstance(df, pd.DataFrame)
        cols = ka.query_columns(name)
        assert len(df.columns) == len(cols), (name, list(df.columns), cols)
    for name in ("sheet-budgets", "statute-programs", "payee-reach", "evaluation-tree", "program-corporations",
                 "sheets"):
        assert list(ka.QUERY_FUNCTIONS[name](store).columns) == ka.query_columns(name), name


def test_frames_are_typed(store):
    sb = ka.sheet_budgets(store)
    assert str(sb["review_year"].dtype) == "Int64" and str(sb["fiscal_year"].dtype) == "Int64"
    assert sb["total"].dtype == float and sb["executed"].dtype == float
    assert pd.api.types.is_string_dtype(sb["number"])  # 事業番号 stay strings ("0048", not 48)
    assert "0048" in set(sb["number"].dropna())
    sc = ka.shared_contractors(store)
    row = sc[sc["number"] == "1010001143390"].iloc[0]
    assert row["blocks"] == 2 and row["rows"] == 2 and row["sheets"] == 1 and row["total"] == 21.0


def test_unknown_amounts_stay_missing(store):
    g = _gold("000")
    lf = ka.lineage_frame(store, g["project_name"])
    by_year = lf.set_index("year")
    for b in g["budget"]:
        fy = b["fiscal_year"]
        if b.get("total") is None:
            assert math.isnan(by_year.loc[fy, "budget"])
        else:
            assert by_year.loc[fy, "budget"] == b["total"]
        if b.get("executed") is None:
            assert math.isnan(by_year.loc[fy, "executed"])
        else:
            assert by_year.loc[fy, "executed"] == b["executed"]
            assert by_year.loc[fy, "execution_rate"] == pytest.approx(b["executed"] / b["total"])
    requested = [b for b in g["budget"] if b.get("requested") is not None]
    assert by_year.loc[requested[0]["fiscal_year"], "requested"] == requested[0]["requested"]
    assert set(lf["division"]) == {g["division"]} and set(lf["name"]) == {g["project_name"]}


def test_lineage_by_number_and_iri(store):
    g = _gold("002")
    by_number = ka.lineage_frame(store, g["project_number"])
    assert list(by_number["year"]) == [b["fiscal_year"] for b in g["budget"]]
    assert list(by_number["number"].unique()) == [g["project_number"]]
    sheet = by_number["sheet"].iloc[0]
    assert ka.lineage_frame(store, sheet)["budget"].tolist() == pytest.approx(by_number["budget"].tolist(),
                                                                              nan_ok=True)
    with pytest.raises(KeyError):
        ka.lineage_frame(store, "存在しない事業")


def test_statute_projection(store):
    G = ka.program_graph(store, via="statutes")
    t = {k: _gold(k)["project_name"] for k in ("000", "001", "002", "003")}
    cyber = G[_program_of(G, t["001"])][_program_of(G, t["003"])]
    assert cyber["weight"] == 2 and cyber["shared"] == sorted(["サイバーセキュリティ基本法", "総務省設置法"])
    juki = G[_program_of(G, t["000"])][_program_of(G, t["002"])]
    assert juki["weight"] == 2 and "住民基本台帳法" in juki["shared"]
    # 総務省設置法 underpins all four sheets: every pair is linked, the others by it alone
    assert G.number_of_nodes() == 4 and G.number_of_edges() == 6
    assert G[_program_of(G, t["000"])][_program_of(G, t["003"])]["shared"] == ["総務省設置法"]
    capped = ka.program_graph(store, via="statutes", max_programs_per_item=3)
    assert "総務省設置法" in capped.graph["skipped"]
    assert capped.number_of_edges() == 2


def test_payee_and_measure_projections(store):
    G = ka.program_graph(store, via="payees")
    assert G.number_of_edges() == 0  # no 法人番号 is paid by two seed programs
    assert G.number_of_nodes() == 3  # seed 001 lists no payees
    B = ka.two_mode_graph(store, via="payees")
    corp = "https://kg.example.org/corp/1010001143390"
    (prog,) = list(B.neighbors(corp))
    assert B[prog][corp]["weight"] == 2 and B.nodes[corp]["kind"] == "corporation"
    M = ka.program_graph(store, via="measures")
    t = {k: _gold(k)["project_name"] for k in ("001", "002")}
    e = M[_program_of(M, t["001"])][_program_of(M, t["002"])]
    assert e["weight"] == 1 and e["shared"] == [_gold("002")["policy_evaluation"]["measure"]]
    with pytest.raises(ValueError):
        ka.program_graph(store, via="nothing")


def test_contractor_and_law_tables(store):
    ct = ka.contractor_table(store)
    assert len(ct) == 16 and ct["programs"].max() == 1
    assert ka.contractor_table(store, min_programs=2).empty
    lt = ka.law_table(store).set_index("name")
    assert lt.loc["総務省設置法", "sheets"] == 4 and lt.loc["総務省設置法", "programs"] == 4
    assert lt.loc["住民基本台帳法", "sheets"] == 2
    citing = [_gold(k) for k in ("000", "001", "002", "003")]
    expected = sum(next(b["total"] for b in g["budget"] if b["fiscal_year"] == g["sheet_fiscal_year"])
                   for g in citing if any(lb["law"] == "総務省設置法" for lb in g["legal_bases"]))
    assert lt.loc["総務省設置法", "budget"] == expected
    assert lt.index[0] == "総務省設置法"


def test_policy_tree(store):
    ev = _gold("004")
    T = ka.policy_tree(store)
    s = ka.tree_summary(T)
    assert s["means"] == len(ev["means"]) == 23
    assert s["indicator"] == len(ev["indicators"]) == 10
    assert nx.is_directed_acyclic_graph(T)
    means = {d["index"]: (n, d) for n, d in T.nodes(data=True) if d["kind"] == "means"}
    for m in ev["means"]:
        n, d = means[m["index"]]
        assert d["label"] == m["name"]
        parents = {T.nodes[p].get("number") for p in T.predecessors(n) if T.nodes[p]["kind"] == "indicator"}
        assert parents == set(m["indicators"]), m["index"]
        if not m["indicators"]:
            assert [T.nodes[p]["kind"] for p in T.predecessors(n)] == ["measure"]
        for b in m["budget"]:
            if b.get("amount") is not None:
                assert d["budgets"][b["fiscal_year"]] == b["amount"]
            else:
                assert b["fiscal_year"] not in d["budgets"]
    year = ev["evaluation_fiscal_year"]
    total = sum(b["amount"] for m in ev["means"] for b in m["budget"]
                if b["fiscal_year"] == year and b.get("amount") is not None)
    assert s["means_budget"] == total
    # the 施策 sits under its 政策 concept
    measure = next(n for n, d in T.nodes(data=True) if d["kind"] == "measure")
    assert [T.nodes[p]["kind"] for p in T.predecessors(measure)] == ["policy"]
    tf = ka.tree_frame(T)
    assert list(tf["index"]) == list(range(1, 24))
    assert tf.set_index("index").loc[6, "indicators"] == "1,4"


def test_policy_tree_is_one_tree_down_to_the_sheets(store):
    """Issue 20: the 事前分析表 hierarchy and the sheets' own 政策/施策 fields in one tree, sheets as leaves."""
    T = ka.policy_tree(store)
    s = ka.tree_summary(T)
    assert (s["policy"], s["measure"], s["indicator"], s["means"]) == (3, 3, 10, 23)
    assert s["sheets_held"] == 4  # seeds 000-003
    assert nx.is_directed_acyclic_graph(T)

    def sheet(title_start):
        return next(n for n, d in T.nodes(data=True) if d["kind"] == "sheet" and d.get("held")
                    and d["title"].startswith(title_start))

    def parents(n):
        return {T.nodes[p]["kind"]: T.nodes[p] for p in T.predecessors(n)}

    # seed 002 implements 達成手段 18 (measured by 測定指標 8) of seed 004, whose 施策 its own fields also name
    mynumber = sheet("社会保障・税に関わる番号制度")
    assert parents(mynumber)["means"]["index"] == 18
    means18 = next(p for p in T.predecessors(mynumber))
    assert {T.nodes[i]["number"] for i in T.predecessors(means18)} == {"8"}
    # seed 000 (2022): 達成手段 9 names its program's 2017 sheet 0039, which the seeds do not hold
    juki = sheet("住民基本台帳ネットワークシステム")
    assert parents(juki)["means"]["index"] == 9 and parents(juki)["measure"]["label"] == "電子自治体の推進"
    earlier = next(n for n, d in T.nodes(data=True) if d["kind"] == "sheet" and n.endswith("/2017/soumu/0039"))
    assert not T.nodes[earlier]["held"] and T.nodes[earlier]["program"] == T.nodes[juki]["program"]
    # seed 003: in no 事前分析表, under the 施策 and 政策 its own fields name
    cyber = sheet("サイバーセキュリティ政策")
    measure = next(iter(T.predecessors(cyber)))
    assert T.nodes[measure]["label"] == "情報通信高度利活用の推進"
    assert [T.nodes[p]["label"] for p in T.predecessors(measure)] == ["情報通信(ICT政策)"]
    # one 事前分析表: only its 施策 and the sheets under it
    one = ka.tree_summary(ka.policy_tree(store, evaluation=next(
        d["evaluation"] for _, d in T.nodes(data=True) if d["kind"] == "measure" and d.get("evaluation"))))
    assert (one["measure"], one["means"], one["sheets_held"]) == (1, 23, 3)  # seeds 000 (via 0039), 001, 002


def test_ministry_trend(store):
    mt = ka.ministry_trend(store).set_index(["ministry", "year"])
    g2 = _gold("002")
    g1 = _gold("001")
    # 2017: seed 002's 計 and seed 001's 計 (two programs)
    b2 = next(b for b in g2["budget"] if b["fiscal_year"] == 2017)
    b1 = next(b for b in g1["budget"] if b["fiscal_year"] == 2017)
    row = mt.loc[("総務省", 2017)]
    assert row["programs"] == 2 and row["budget"] == b1["total"] + b2["total"]
    # execution rate only over programs where both amounts are known (002 has no 2017 執行額)
    assert row["execution_rate"] == pytest.approx(b1["executed"] / b1["total"])


def test_plots_and_html(store, tmp_path):
    G = ka.program_graph(store, via="statutes")
    png = ka.plot_network(G, tmp_path / "n.png")
    assert png.read_bytes()[:4] == b"\x89PNG" and png.stat().st_size > 5000
    page = ka.network_html(G, tmp_path / "n.html").read_text(encoding="utf-8")
    assert page.count('class="n"') == 4 and page.count('class="e"') == 6
    assert "総務省設置法" in page and "http-equiv" not in page and 'src="' not in page
    assert ka.plot_tree(ka.policy_tree(store), tmp_path / "t.png").stat().st_size > 20000
    lf = ka.lineage_frame(store, _gold("000")["project_name"])
    assert ka.plot_lineage(lf, tmp_path / "l.png").stat().st_size > 5000
    # empty inputs draw a "no data" figure instead of failing
    assert ka.plot_tree(nx.DiGraph(), tmp_path / "e.png").exists()
    assert ka.plot_lineage(lf.iloc[0:0], tmp_path / "e2.png").exists()
    assert ka.network_html(nx.Graph(), tmp_path / "e.html").exists()


def test_ensure_build_prefers_explicit_and_env(store, tmp_path, monkeypatch):
    with pytest.raises(FileNotFoundError):
        nb.ensure_build(tmp_path)
    monkeypatch.setenv("KG_BUILD", str(tmp_path))
    with pytest.raises(FileNotFoundError):
        nb.ensure_build()


def test_print_keys_format(capsys):
    nb.print_keys({"a": 1.0, "b": float("nan"), "c": 0.25, "d": None, "e": "x"})
    assert capsys.readouterr().out.splitlines() == ["KEY a=1", "KEY b=nan", "KEY c=0.25", "KEY d=nan", "KEY e=x"]


def test_payee_groups_set_apart_local_governments_ministries_and_lump_sums():
    assert ka.payee_group("年金受給者", None) == "lump_sum"
    assert ka.payee_group("医療機関等", None) == "lump_sum"
    assert ka.payee_group("東京都", None) == "local_government"
    assert ka.payee_group("地方公共団体", None) == "local_government"  # seed 002's 26,818 百万円 row
    assert ka.payee_group("北海道", "7000020010006") == "local_government"  # 法人番号 of a 地方公共団体
    assert ka.payee_group("国土交通省", "2000012100001") == "national_government"
    assert ka.payee_group("ネットワンシステムズ株式会社", "7010701007922") == "corporation"
    assert ka.payee_group("関東地方整備局", None) == "payee"
    assert ka.payee_group("地方公共団体情報システム機構", "3010005022218") == "corporation"  # a 地方共同法人


def test_bars_are_keyed_by_payee_not_by_name():
    """Two payees printed 年金受給者 (two sheets' payees) are two bars with their own values and labels."""
    df = pd.DataFrame({"payee": ["https://kg.example.org/sheet/2017/mhlw/0773/payee/aa",
                                 "https://kg.example.org/corp/7010701007922",
                                 "https://kg.example.org/sheet/2017/mhlw/0774/payee/bb"],
                       "name": ["年金受給者", "ネットワンシステムズ株式会社", "年金受給者"],
                       "number": [None, "7010701007922", None], "total": [21683300.0, 15.0, 639985.0],
                       "group": ["lump_sum", "corporation", "lump_sum"]})
    bars = ka.bar_layout(df, "name", "total", group="group")
    assert len(bars) == 3 and bars["label"].is_unique
    by_key = bars.set_index("key")
    assert by_key.loc[df["payee"][0], "value"] == 21683300.0
    assert by_key.loc[df["payee"][2], "value"] == 639985.0
    assert by_key.loc[df["payee"][0], "label"] == "年金受給者 (sheet/2017/mhlw/0773)"
    assert by_key.loc[df["payee"][1], "label"] == "ネットワンシステムズ株式会社"
    assert list(bars["y"]) == [0, 1, 2] and bars.iloc[-1]["key"] == df["payee"][0]  # the first row on top


def test_contractor_network_sets_apart_and_labels(store):
    G, apart = ka.contractor_network(store, top=5, programs_per_corporation=2)
    assert set(apart["group"]) == {"local_government"} and "地方公共団体" in set(apart["name"])
    corps = [d for _, d in G.nodes(data=True) if d["kind"] == "corporation"]
    assert len(corps) == 5 and all(d["label"] and d["number"] for d in corps)
    top = max(corps, key=lambda d: d["total"])
    assert (top["number"], top["total"]) == ("1010401023102", 35.0)  # PwC, seed 003
    assert all(G.degree(n) <= 2 for n, d in G.nodes(data=True) if d["kind"] == "corporation")
    assert all(d["label"] for _, d in G.nodes(data=True))
