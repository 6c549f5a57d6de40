"""A row's cells left out because the row before's might stand in its boxes (kg.extract.payee_boxes._pooled_amounts)
get back their 入札者数 and 落札率 too when the row before's boxes end in its own right cells, shaped as its 契約方式
asks (一般競争: 入札者数 and 落札率; 公募・企画競争: 応募者数 and 「-」; the others: 「-」 only), and the row's own fit
its 契約方式 — boxes of blocks E and F as pdfminer.six wrote them for a real-form variant (LibreOffice's print,
rvho11 1309)."""
from __future__ import annotations

from kg.extract.payee_boxes import _pooled_amounts
from kg.extract.review_text import PayeeRow
from tests.unit.extract.test_payee_boxes import HEADER, _read

F1_SEG = [("text", "タイムスタンプ認定制度に関する調査、会議等出席(諸謝金)", 10), ("number", "106", 14),
          ("contract", "一般競争契約 (総合評価)", 15), ("int", "6", 16), ("rate", "87%", 17), ("dash", "-", 18)]
F2_SEG = [("text", "ヘルプデスク業務、会議等出席(諸謝金)", 22), ("int", "87", 25), ("contract", "随意契約 (公募)", 26),
          ("int", "2", 27), ("dash", "-", 28)]
F2_CELLS = {"description": "ヘルプデスク業務、会議等出席(諸謝金)", "amount": "87", "contract_method": "随意契約 (公募)",
            "bidders": "2", "award_rate": None}


def _rows(first_seg: list, first_method: str) -> list[PayeeRow]:
    f1 = PayeeRow("F", 1, {"name": "PricewaterhouseCoopers LLP", "corporate_number": None, "amount": "106",
                           "contract_method": first_method, "bidders": None, "award_rate": None}, 9, False)
    f2 = PayeeRow("F", 2, {"name": "国立研究開発法人産業技術総合研究所", "corporate_number": "3249670437519",
                           **dict.fromkeys(F2_CELLS)}, 20, False)
    return _pooled_amounts([f1, f2], [first_seg, F2_SEG], [None, F2_CELLS])


def test_a_doubted_rows_bidders_stand_when_the_row_before_ends_in_its_own_right_cells():
    f2 = _rows(F1_SEG, "一般競争契約 (総合評価)")[1].cells
    assert (f2["amount"], f2["contract_method"], f2["bidders"], f2["award_rate"]) == ("87", "随意契約 (公募)", "2", None)


def test_a_row_before_ending_at_its_method_may_have_its_bidders_here():
    f2 = _rows(F1_SEG[:3], "一般競争契約 (総合評価)")[1].cells
    assert (f2["amount"], f2["contract_method"], f2["bidders"]) == ("87", "随意契約 (公募)", None)


def test_a_figure_after_a_method_that_asks_for_none_is_no_bidders_of_its_row():
    # (「随意契約 (少額) | 1 | - | -」: the 1 is a row before's 入札者数, written late; so may the row after's cells be)
    seg = [*F1_SEG[:2], ("contract", "随意契約 (少額)", 15), ("int", "1", 16), ("dash", "-", 17), ("dash", "-", 18)]
    f2 = _rows(seg, "随意契約 (少額)")[1].cells
    assert (f2["amount"], f2["bidders"]) == ("87", None)


def test_a_doubted_rows_bidders_stand_too_when_the_blocks_amounts_are_pooled():
    # (F3's cells did not read as one row's, its amount the block's figures give it: F2's, doubted, are its own)
    f1 = PayeeRow("F", 1, {"name": "PricewaterhouseCoopers LLP", "corporate_number": None, "amount": "106",
                           "contract_method": "一般競争契約 (総合評価)", "bidders": "6", "award_rate": "87%"}, 9, False)
    f2 = PayeeRow("F", 2, {"name": "国立研究開発法人産業技術総合研究所", "corporate_number": "3249670437519",
                           **dict.fromkeys(F2_CELLS)}, 20, False)
    f3 = PayeeRow("F", 3, {"name": "横浜市", "corporate_number": "3000020141003", **dict.fromkeys(F2_CELLS)}, 30, False)
    f3_seg = [("text", "視察(旅費の支払)", 31), ("text", "データ整備", 32), ("number", "46", 33)]
    got = _pooled_amounts([f1, f2, f3], [F1_SEG, F2_SEG, f3_seg], [None, F2_CELLS, None])
    assert (got[1].cells["amount"], got[1].cells["bidders"], got[2].cells["amount"]) == ("87", "2", "46")


# block B's rows 1 and 2 (here ranked A2 and A3) as pdfminer.six wrote them for a real-form variant (LibreOffice's
# print, rvho11 1305): the 企画競争 row ends at its 契約方式, its 入札者数 written after the next row's 随意契約 (少額)
LATE = ["A", "1", "2", "3", *HEADER, "岩手県", "4000020030007", "利用者の基本的\nな権利の保障", "5,149", "随意契約 (少額)",
        "-", "-", "神奈川県", "1000020140007", "機器の賃貸借 7,989", "随意契約 (企画競争)",
        "株式会社パシ\nフィックコン\nサルタンツ", "1183808840406", "セキュリティ説\n明会の開催", "7,919", "随意契約 (少額)", "1", "-",
        "-", "-"]


def test_a_bidders_count_after_the_next_rows_method_that_asks_for_none_is_the_row_befores():
    rows = _read(LATE)
    assert (rows["A", 2]["amount"], rows["A", 2]["contract_method"], rows["A", 2]["bidders"]) == \
        ("7,989", "随意契約 (企画競争)", "1")
    assert (rows["A", 3]["amount"], rows["A", 3]["bidders"]) == ("7,919", None)


def test_a_bidders_count_after_a_method_that_asks_for_one_is_not_the_row_befores():
    rows = _read(LATE[:-5] + ["随意契約 (公募)", "1", "-", "-", "-"])
    assert (rows["A", 2]["amount"], rows["A", 2]["bidders"]) == ("7,989", None)


# a 企画競争 row with its 応募者数 and 「-」 cells more than one row's (a real-form variant, LibreOffice's print, rvho8):
# the row before ends in its own right cells, so the figure is the row's own
EXTRA_DASHES = ["A", "1", "2", *HEADER, "岩手県", "4000020030007", "利用者の基本的\nな権利の保障", "25,149", "随意契約 (少額)",
                "-", "-", "国立大学法人京都大学", "5272809854204", "ガイドラインの英訳\n作業", "23,901", "随意契約 (企画競争)", "1",
                "-", "-", "-", "-"]


def test_extra_dashes_after_a_rows_own_bidders_leave_them_its():
    a2 = _read(EXTRA_DASHES)["A", 2]
    assert (a2["amount"], a2["contract_method"], a2["bidders"], a2["award_rate"]) == \
        ("23,901", "随意契約 (企画競争)", "1", None)


def test_extra_cells_after_a_row_before_ending_at_a_method_that_asks_leave_them_unknown():
    boxes = [b for b in EXTRA_DASHES]
    boxes[boxes.index("随意契約 (少額)")] = "随意契約 (公募)"
    boxes.remove("-")  # (its 「-」 cells: 「随意契約 (公募) | - | name」, its 応募者数 maybe written late)
    a2 = _read(boxes)["A", 2]
    assert (a2["amount"], a2["bidders"]) == ("23,901", None)
