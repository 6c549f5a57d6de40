"""An 入札者数 read as a row's amount (LibreOffice prints of the real form as pdfminer.six writes them: the 入札者数
before its competitive 契約方式, right after another row's amount, 「17 | 9 | 一般競争契約」; kg.extract.payee_boxes
._bidders_as_amounts). Boxes copied from generated outputs."""
from __future__ import annotations

from kg.extract.payee_boxes import PayeeRow, _bidders_as_amounts, doubted_amounts_unknown
from tests.unit.extract.test_payee_boxes import HEADER, _read

# (a block of a generated sheet: rank 4's amount 17 and 入札者数 9 written before its name, after rank 3's 30 and 9;
# the rows past rank 1 are placed by their amounts, as many as the ranks)
BLOCK_A = ["A.", "1", "2", "3", "4", *HEADER,
           "公益財団法人日本規格協会", "3223272742197", "ヘルプデスク業務", "62", "随意契約 (その他)", "-", "--", "-",
           "日本レジストリサービス(株)・ぎょうせい(株)共同企業体", "55", "セキュリティ説明会の開催", "随意契約 (少額)",
           "-", "--", "-",
           "株式会社パシフィックコンサルタンツ", "1183808840406", "ヘルプデスク業務、補助事業の実施", "30", "9",
           "一般競争契約 (最低価格)", "83.9%", "-", "17", "9", "一般競争契約 (最低価格)", "49.9%", "-",
           "OCS株式会社", "8246475658740", "タイムスタンプ認定制度に関する調査"]


def test_a_figure_only_ever_before_a_competitive_contract_after_a_figure_is_a_doubted_amount():
    rows = _read(BLOCK_A)
    assert [rows[("A", k)]["amount"] for k in (1, 2, 3)] == ["62", "55", "30"]
    assert rows[("A", 4)]["amount"] == "9"  # (as read: the 9s stand only where 入札者数 stand)
    assert rows[("A", 4)].get("amount_doubt") is True
    assert not any(rows[("A", k)].get("amount_doubt") for k in (1, 2, 3))


def test_a_doubted_amount_is_made_unknown_and_the_row_kept():
    notes: list = []
    got = doubted_amounts_unknown([PayeeRow("E", 4, {"name": "OCS株式会社", "corporate_number": "8246475658740",
                                                     "amount": "9", "amount_doubt": True}, 40, False),
                                   PayeeRow("E", 3, {"amount": "30"}, 30, False)], notes)
    assert got[0].cells == {"name": "OCS株式会社", "corporate_number": "8246475658740", "amount": None}
    assert got[1].cells == {"amount": "30"}
    assert len(notes) == 1 and "入札者数" in notes[0][1]


def test_a_figure_after_a_description_before_a_competitive_contract_is_the_amount():
    """「業務概要 | 83 | 一般競争契約 | 87.5%」: the row's amount, its 入札者数 not printed; and 「30 | 9 | 一般競争契約 | 3 |
    45%」 would make the 9 an amount (its own 入札者数 after the 契約方式)."""
    rows = _read(["A.", "1", "2", *HEADER,
                  "有限会社丸紅", "6105387981124", "会議等出席(諸謝金)", "83", "一般競争契約 (最低価格)", "87.5%",
                  "富士通Japan株式会社", "5880825012060", "定期刊行物の購読", "35", "随意契約 (公募)", "-"])
    assert rows[("A", 1)]["amount"] == "83" and not rows[("A", 1)].get("amount_doubt")


def test_an_amount_that_may_be_the_rest_of_a_figure_cut_in_a_description_is_doubted():
    """「機器の賃貸借 3, | その他 | 843」: the amount 3,843 cut at the 業務概要 box's edge, its rest after the 契約方式; the
    843 read as the row's amount is doubted (then unknown), the row before keeps its 10,251."""
    boxes = [("text", "ガイドラインの英訳作業", 10), ("number", "10,251", 11), ("contract", "随意契約 (その他)", 12),
             ("text", "地方公共団体情報システム機構", 13), ("corp", "8725162049967", 14), ("text", "機器の賃貸借 3,", 15),
             ("contract", "その他", 16), ("number", "843", 17), ("dash", "-", 18)]
    rows = [PayeeRow("F", 2, {"amount": "10,251"}, 11, False),
            PayeeRow("F", 3, {"corporate_number": "8725162049967", "amount": "843"}, 14, False)]
    got = _bidders_as_amounts(boxes, set(), rows)
    assert got[0].cells == {"amount": "10,251"}
    assert got[1].cells.get("amount_doubt") is True
    assert _bidders_as_amounts(boxes[:5] + [("text", "機器の賃貸借", 15)] + boxes[6:], set(), rows)[1].cells \
        == {"corporate_number": "8725162049967", "amount": "843"}  # (no figure cut before it: the 843 stands)


def test_a_name_between_a_corporate_number_and_an_anchor_before_an_entity_name_is_unknown():
    """「合同会社KDDI | 法人番号 | セキュリティ説明会の開催 | 法人番号 | 一般社団法人地方自治情報センター」: the text after
    the first 法人番号 may be its row's 業務概要; read as the next row's name, it is unknown. 「大阪府」 there stays."""
    from kg.extract.payee_boxes import _names_between_anchors
    boxes = [("text", "合同会社KDDI", 1), ("corp", "2520735979930", 2), ("text", "セキュリティ説明会の開催", 3),
             ("corp", "2361409260591", 4), ("text", "一般社団法人地方自治情報センター", 5), ("number", "57", 6)]
    rows = [PayeeRow("D", 4, {"name": "セキュリティ説明会の開催", "corporate_number": "2361409260591",
                              "amount": "57"}, 4, False)]
    notes: list = []
    got = _names_between_anchors(boxes, rows, notes)
    assert got[0].cells == {"name": None, "corporate_number": "2361409260591", "amount": "57"} and len(notes) == 1
    boxes[2] = ("text", "大阪府", 3)
    rows = [rows[0]._replace(cells={**rows[0].cells, "name": "大阪府"})]
    assert _names_between_anchors(boxes, rows, [])[0].cells["name"] == "大阪府"


def test_a_description_whose_wrapped_rest_stands_after_the_contract_is_unknown():
    """「有限会社KDDI 法人番号 | 実証事業の | 2,944 | 補助金等交付 | 実施 | 日本レジストリサービス株式会社」: 「実施」, no name,
    may be the 業務概要's rest; with the next row's amount after it instead (its 業務概要), the 業務概要 stands."""
    from kg.extract.payee_boxes import _rests_after_contract
    boxes = [("namecorp", "有限会社KDDI 3757442493908", 1), ("text", "実証事業の", 2), ("number", "2,944", 3),
             ("contract", "補助金等交付 -", 4), ("text", "実施", 5), ("text", "日本レジストリサービス株式会社", 6)]
    row = PayeeRow("A", 1, {"name": "有限会社KDDI", "description": "実証事業の", "amount": "2,944"}, 1, False)
    notes: list = []
    assert _rests_after_contract(boxes, [row], notes)[0].cells == {"name": "有限会社KDDI", "description": None,
                                                                   "amount": "2,944"}
    assert len(notes) == 1
    boxes[4:] = [("text", "ヘルプデスク業務", 5), ("number", "2,076", 6)]
    assert _rests_after_contract(boxes, [row], [])[0].cells["description"] == "実証事業の"
