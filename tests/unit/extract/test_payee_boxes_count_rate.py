"""A whole number right after a row's anchor and right before a 落札率 (kg.extract.payee_boxes._figures): the row's
入札者数 and 落札率 in the form's column order, its amount written after its 契約方式 (「札幌市 | 9000020011002 | 2 |
71.5% | - | 一般競争契約 (総合評価) | 4.1 | 業務概要」, variant 1512 LO pdfminer.six block G) — the 2 is no amount."""
from __future__ import annotations

from kg.extract.payee_boxes import _figures

ROW_G4 = [("text", "Asia Wise法律事務所", 1), ("dash", "-", 2), ("number", "7.4", 3), ("text", "会議等出席(諸謝金)", 4),
          ("contract", "随意契約 (少額)", 5), ("dash", "-", 6), ("dash", "--", 7), ("dash", "-", 8),
          ("text", "札幌市", 9), ("corp", "9000020011002", 10), ("int", "2", 11), ("rate", "71.5%", 12), ("dash", "-", 13),
          ("contract", "一般競争契約 (総合評価)", 14), ("number", "4.1", 15), ("text", "タイムスタンプ認定制度に関する調査", 16)]


def test_a_count_before_its_rate_after_the_anchor_is_no_amount():
    _, sure, doubt = _figures(ROW_G4, set(), False, frozenset({1, 9}))
    figures = [f for _, f in sure + doubt]
    assert "2" not in figures
    assert "4.1" in figures and "7.4" in figures


def test_a_figure_right_after_the_anchor_before_its_method_is_the_amount():
    boxes = [("text", "札幌市", 1), ("corp", "9000020011002", 2), ("int", "41", 3), ("contract", "一般競争契約", 4),
             ("int", "2", 5), ("rate", "71.5%", 6)]
    _, sure, _ = _figures(boxes, set(), False, frozenset({1}))
    assert [f for _, f in sure] == ["41"]
