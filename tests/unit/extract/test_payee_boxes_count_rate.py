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


# (variant 1512 rl pdfminer.six block A: the 入札者数 column, 「-」 and 「3」, written before the 契約方式 column, after
# row 2's amount and its 業務概要's wrapped rest; row 3's amount 8.8 written before its 法人番号)
BLOCK_A = [("letter", "A", 0), ("text", "野村総合研究所(株)", 1), ("text", "ソフトバンク株式会社", 2),
           ("text", "国立大学法人東京大学", 3), ("corp", "1239360513021", 4), ("int", "23", 5),
           ("corp", "1441658521224", 6), ("int", "18", 7), ("text", "び分析業務", 8), ("dash", "-", 9), ("int", "3", 10),
           ("contract", "随意契約 (その他)", 11), ("contract", "一般競争契約 (総合評価", 12), ("dash", "--", 13),
           ("rate", "73%", 14), ("dash", "-", 15), ("dash", "-", 16), ("number", "8.8", 17), ("dash", "-", 18),
           ("dash", "-", 19), ("corp", "1598058483954", 20), ("text", "システムの設計・開発及び運用保守", 21)]


def test_a_count_after_a_dash_after_the_row_befores_task_rest_is_no_amount():
    _, sure, doubt = _figures(BLOCK_A, {0}, False, frozenset({4, 6, 9, 20}))
    assert [f for _, f in sure] == ["23", "18"]
    assert "3" not in [f for _, f in doubt] and "8.8" in [f for _, f in doubt]


def test_a_payees_dash_after_its_name_keeps_its_amount():
    boxes = [("text", "調査", 1), ("int", "3", 2), ("text", "個人(C)", 3), ("dash", "-", 4), ("int", "80", 5),
             ("contract", "一般競争契約 (総合評価)", 6), ("int", "9", 7), ("rate", "84.8%", 8)]
    _, sure, _ = _figures(boxes, {1}, False, frozenset({3}))  # (the rank 「3」 of the run: taken)
    assert "80" in [f for _, f in sure]
