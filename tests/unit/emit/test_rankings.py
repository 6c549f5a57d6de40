"""Payee rankings derived at build time (kg.emit.rankings) and kept true by `kg add`."""
from __future__ import annotations

from decimal import Decimal

import pyoxigraph as ox

from kg import iris
from kg.emit.rankings import ranking_quads, rankings, rankings_before, update_rankings
from kg.emit.rdf import emit

BASE = "https://kg.example.org/"


def sheet(number: str, amounts: dict[str, float], sha: str, year: int = 2030, ministry: str = "総務省",
          corp: dict[str, str] | None = None) -> dict:
    corp = corp or {}
    return {"document_type": "review_sheet", "sheet_fiscal_year": year, "ministry": ministry,
            "project_number": number, "project_name": f"事業{number}",
            "provenance": {"source": f"{number}.txt", "sha256": sha},
            "payees": [{"block": "A", "rank": i, "name": n, "amount": a, "corporate_number": corp.get(n)}
                       for i, (n, a) in enumerate(amounts.items(), 1)]}


def entries(store: ox.Store, year, ministry) -> list[tuple[str, str]]:
    node = iris.payee_ranking(BASE, year, ministry and iris.ministry(BASE, ministry))
    q = f"""PREFIX kg: <https://kg.example.org/ns#>
    SELECT ?p ?t WHERE {{ ?e kg:inRanking <{node}> ; kg:position ?pos ; kg:rankedPayee ?p ; kg:total ?t }} ORDER BY ?pos"""
    return [(s["p"].value, s["t"].value) for s in store.query(q, use_default_graph_as_union=True)]


def load(records: list[dict], top_n: int) -> ox.Store:
    st = ox.Store()
    st.extend([q for r in records for q in emit(r, BASE)])
    st.extend(list(ranking_quads(records, BASE, top_n)))
    return st


def test_corporations_merge_across_sheets_and_ministries_others_stay_per_sheet():
    nttd = "1010001143390"
    recs = [sheet("0001", {"NTTデータ経営研究所": 10, "委員謝金": 1}, "a", corp={"NTTデータ経営研究所": nttd}),
            sheet("0002", {"株式会社エヌ・ティ・ティ・データ経営研究所": 5, "委員謝金": 2}, "b",
                  ministry="内閣府", corp={"株式会社エヌ・ティ・ティ・データ経営研究所": nttd})]
    by_scope = {(r["year"], r["ministry"]): r["entries"] for r in rankings(recs, BASE)}
    top = by_scope[("2030", None)]
    assert top[0] == (iris.corp(BASE, nttd), Decimal(15), 2, 2)  # one corporation, two ministries
    assert [e[1] for e in top[1:]] == [Decimal(2), Decimal(1)]  # 委員謝金 twice: two payees, one per sheet
    assert by_scope[("2030", iris.ministry(BASE, "内閣府"))][0][1] == Decimal(5)
    assert set(by_scope) == {("2030", None), (None, None)} | {
        (y, iris.ministry(BASE, m)) for y in ("2030", None) for m in ("総務省", "内閣府")}


def test_kg_add_keeps_rankings_exact_while_totals_grow_and_flags_them_when_one_falls():
    one = sheet("0001", {"A社": 10, "B社": 5, "C社": 3}, "v1")
    st = load([one], top_n=2)
    # a new sheet: B社 and C社 of the new sheet are other payees (no 法人番号: per sheet); totals only grow
    two = sheet("0002", {"D社": 7, "E社": 20}, "x")
    before = rankings_before(st, [], [two], BASE)
    st.extend(list(emit(two, BASE)))
    rep = update_rankings(st, BASE, before, top_n=2)
    assert rep["stale_rankings"] == []
    assert entries(st, 2030, "総務省") == entries(load([one, two], top_n=2), 2030, "総務省")
    assert [t for _, t in entries(st, 2030, "総務省")] == ["20", "10"]
    # sheet 0001 replaced by a version paying A社 less: A社 was ranked in a full ranking, a payee outside it
    # (B社, 5) may now belong there — the ranking is reported stale, not silently wrong
    g1 = ox.NamedNode(iris.graph(BASE, "0001.txt", "v1"))
    v2 = sheet("0001", {"A社": 1, "B社": 5, "C社": 3}, "v2")
    before = rankings_before(st, [g1], [v2], BASE)
    st.remove_graph(g1)
    st.extend(list(emit(v2, BASE)))
    rep = update_rankings(st, BASE, before, top_n=2)
    assert iris.payee_ranking(BASE, 2030, iris.ministry(BASE, "総務省")) in rep["stale_rankings"]
    assert rep["rows_changed"] == 2  # A社's row with 10 went, the one with 1 came; B社 and C社 are unchanged
    # the same document again changes no row, and no ranking
    same = rankings_before(st, [ox.NamedNode(iris.graph(BASE, "0001.txt", "v2"))], [v2], BASE)
    assert update_rankings(st, BASE, same, top_n=2)["rankings_updated"] == 0
