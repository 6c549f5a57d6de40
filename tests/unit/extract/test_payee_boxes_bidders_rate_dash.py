"""A one- or two-digit number right after a row's 法人番号 and before its 落札率, a 「-」 and a competitive 契約方式
(「札幌市 | 9000020011002 | 2 | 71.5% | - | 一般競争契約 (総合評価) | 4.1 | 業務概要」, pdfminer.six's text of a LibreOffice
print, variant 1512 block G): the contract's 入札者数, no amount (kg.extract.payee_boxes._bidders_rate_method)."""
from __future__ import annotations

from kg.extract.payee_boxes import _figures, _kind


def _boxes(texts: list[str]) -> list[tuple[str, str, int]]:
    return [(_kind(t), t, n) for n, t in enumerate(texts, start=1)]


def test_a_number_before_a_rate_a_dash_and_a_competitive_method_is_no_amount():
    boxes = _boxes(["札幌市", "9000020011002", "2", "71.5%", "-", "一般競争契約 (総合評価)", "4.1",
                    "タイムスタンプ認定制度に関する調査"])
    _, sure, doubt = _figures(boxes, set(), False, frozenset({1}))
    assert "2" not in [f for _, f in sure + doubt]
    assert "4.1" in [f for _, f in sure + doubt]


def test_a_number_before_a_rate_and_a_method_with_no_tender_stays_an_amount():
    boxes = _boxes(["札幌市", "9000020011002", "2", "71.5%", "-", "随意契約 (少額)", "業務概要の作成"])
    _, sure, _ = _figures(boxes, set(), False, frozenset({1}))
    assert [f for _, f in sure] == ["2"]


def test_a_small_number_right_after_the_anchor_then_a_competitive_method_and_its_rate_is_doubtful():
    # (pdfminer.six's text of a LibreOffice print, held-out variant 1826 block A rank 7: 「合同会社日本工営 |
    # 1537901009394 | 4 | 一般競争契約 (総合評価) | 50% - | 23 | システムの設計…」, the 入札者数 4 before its 契約方式, the
    # amount 23 after the 落札率: 4 was taken for the amount)
    boxes = _boxes(["合同会社日本工営", "1537901009394", "4", "一般競争契約 (総合評価)", "50% -", "23",
                    "システムの設計・開発及び運用保守"])
    _, sure, doubt = _figures(boxes, set(), False, frozenset({1}))
    assert "4" not in [f for _, f in sure]
    assert "4" in [f for _, f in doubt]
