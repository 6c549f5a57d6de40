"""A row's right cells (入札者数, 落札率, 「-」) that do not read as one row's (kg.extract.payee_boxes._fields): a figure
after a 「-」 among them (「業務概要 | 0 | 一般競争契約 (最低価格) | - | 2 | - | 53.8% | - | -」: pdfminer.six wrote another
row's 入札者数 and 落札率, or an amount, among them) leaves the right cells unknown, while the cells before, in the
form's order, are the row's — its 業務概要, amount and 契約方式. Boxes as pdfminer.six wrote them for rv677
(LibreOffice's print of a generated variant of the real form)."""
from __future__ import annotations

from kg.extract.payee_boxes import _fields, _kind, _nameless_fields


def _seg(texts: list[str]) -> list[tuple[str, str, int]]:
    return [(_kind(t), t, n + 1) for n, t in enumerate(texts)]


def test_a_figure_after_a_dash_among_the_right_cells_leaves_them_unknown_not_the_row():
    got = _fields(_seg(["タイムスタンプ認定制度に関する調査、研修の企画運営", "0", "一般競争契約 (最低価格)", "-", "2", "-",
                        "53.8%", "-", "-"]), None, None)
    assert got == {"description": "タイムスタンプ認定制度に関する調査、研修の企画運営", "amount": "0",
                   "contract_method": "一般競争契約 (最低価格)", "bidders": None, "award_rate": None}


def test_two_descriptions_before_the_figures_do_not_read_as_one_row():
    # rv1327 (reportlab): 「業務概要 | 業務概要 | 230 | 随意契約 (少額) | - | - | 151 | 補助金等交付」: two rows' cells, the
    # 230 not the row at the 法人番号's (its amount is the 151)
    seg = _seg(["利用者の権利の保障の在り方の調査", "ヘルプデスク業務、実証事業の実施", "230", "随意契約 (少額)", "-", "-", "151",
                "補助金等交付 -", "--", "-"])
    assert _fields(seg, None, None) is None
    assert _nameless_fields(seg, None, True) is None
