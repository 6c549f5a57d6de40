"""kg.link.flows and kg.extract.flows.flow_kind: pure functions on records (issue 18)."""
from __future__ import annotations

from kg.extract.flows import flow_kind
from kg.link.flows import annotate, chain_stats, names_several


def _rec(flows, blocks, payees=(), source="rs", from_5_1=False):
    return {"document_type": "review_sheet", "flows": [dict(f) for f in flows], "blocks": [dict(b) for b in blocks],
            "payees": list(payees), "flows_source": source, "payees_from_5_1": from_5_1}


def test_flow_kinds():
    assert flow_kind("外部委託費") == "再委託"
    assert flow_kind("再々委託") == "再々委託"
    assert flow_kind("補助金交付", from_block=False) == "補助"
    assert flow_kind("【補助金等交付】", from_block=False) == "補助"
    assert flow_kind("委託", from_block=False) == "委託"
    assert flow_kind("移替", from_block=False) == "移替"
    assert flow_kind("") is None and flow_kind(None) is None


def test_block_names_standing_for_several_payees():
    assert names_several("株式会社電通東日本ほか") and names_several("民間事業者等")
    assert names_several("民間企業等(一般競争入札(総合評価等))") and names_several("委員等 3者")
    assert not names_several("総務省") and not names_several("(独)統計センター(随意契約)")
    assert not names_several("") and not names_several(None)


def test_depths_statuses_and_money():
    org = {"from": None, "from_organisation": True}
    rec = _rec([{**org, "to": "A"}, {"from": "A", "to": "B", "amount": None},
                {"from": "B", "to": "C", "amount": 2}, {"from": "C", "to": "B"},  # a cycle never loops
                {"from": "X", "to": "Y"}],
               [{"code": "A", "name": "株式会社甲ほか"}, {"code": "B", "payee_count": 1, "payee_count_given": True,
                                                       "amount": 5}, {"code": "C"}, {"code": "X"}, {"code": "Y"}])
    annotate(rec)
    depth = {b["code"]: b["depth"] for b in rec["blocks"]}
    assert depth == {"A": 1, "B": 2, "C": 3, "X": None, "Y": None}
    st = {(f["from"], f["to"]): (f["chain_status"], f["money"], f["money_basis"]) for f in rec["flows"]}
    assert st[(None, "A")] == ("organisation", None, None)
    assert st[("A", "B")] == ("ambiguous", 5, "block")  # "…ほか": several payees; B's own total
    assert st[("B", "C")] == ("single", 2, "flow")  # 5-1 says B holds one payee
    assert st[("C", "B")][0] == "unknown" and st[("X", "Y")][0] == "unknown"
    s = chain_stats([rec])
    assert s["blocks_by_depth"] == {"1": 1, "2": 1, "3": 1, "unknown": 2}
    assert s["block_flows"] == 4 and s["flows_from_organisation"] == 1
    assert s["subcontract_money_million_yen"] == 12  # 5 (A->B) + 2 (B->C) + 5 (C->B: into B, its total)
    assert s["subcontract_money_ambiguous_share"] == round(5 / 12, 4)
