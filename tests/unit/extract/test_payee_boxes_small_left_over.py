"""Payee rows of pdfminer.six's text of the real ruled form (kg.extract.payee_figures): a block whose rows were
counted or fitted a figure off — a row's amount written before its row's anchor, the row then taking an 入札者数
for its amount — is unknown when a larger figure of the block is no row's; a name that is a 業務概要's wrapped
rest (「の実施」) is no name."""
from __future__ import annotations

from kg.extract.review_pdf import _payee_cells_plausible
from kg.records import new_record
from tests.unit.extract.test_payee_boxes import HEADER, _read

A = ["A", "1", "2", *HEADER, "株式会社大和総研", "7631313211121", "実証事業の実施", "1,870", "随意契約 (企画競争)", "5", "-",
     "地方公共団体情報システム機構", "8725162049967", "研修の企画運営", "1,792", "随意契約 (公募)", "3", "-"]
# blocks A and B as pdfminer.six wrote them for a real-form variant (LibreOffice's print): rank 2 right after A1's
# 法人番号 (read as its amount, the run then giving A one rank), A1's amount 22,635 after A2's name and 「-」
SHIFTED = ["A", *HEADER, "1", "神奈川県", "1000020140\n007", "2", "個人(B)", "-", "22,635", "随意契約 \n(公募)", "1", "-",
           "18,556", "随意契約 \n(少額)", "-", "--", "ガイドライ\nンの英訳作\n業", "補助事業の\n実施",
           "B", *HEADER, "1", "Asia Wise法\n律事務所", "-", "ヘルプデス\nク業務", "14,098", "2", "一般競争契\n約 (最低価\n格)",
           "80.1%", "2", "福岡市", "3000020401\n307", "データ整備\nの実施", "4,922", "その他", "-"]


def test_a_block_read_a_figure_off_is_unknown():
    notes: list = []
    rows = _read(SHIFTED, notes)
    # (A1 took the rank 2 for its amount; 22,635 and 18,556 are no row's: A is unknown, not A1 at 2)
    assert not any(block == "A" for block, _ in rows), rows
    assert any("block A: a row's amount of one or two digits" in m for _, m in notes)
    assert rows[("B", 2)]["corporate_number"] == "3000020401307"


def test_a_small_amount_with_no_larger_figure_left_over_stands():
    # the same block with each row's cells in place: B4's amount 3 is the block's last figure, none left over
    clean = ["B", "1", "2", "3", "4", *HEADER, "PricewaterhouseCoopers LLP -", "ヘルプデスク業務", "308", "随意契約 (公募)",
             "札幌市", "9000020011002", "補助事業の実施", "280", "随意契約 (公募)", "個人(C)", "-", "定期刊行物の購読", "87",
             "随意契約 (その他)", "日本翻訳センター(株)", "2721953107665", "タイムスタンプ認定制度\nに関する調査", "3",
             "随意契約 (その他)", "-"]
    rows = _read(A + clean)
    assert (rows[("B", 4)]["corporate_number"], rows[("B", 4)]["amount"]) == ("2721953107665", "3")
    assert (rows[("B", 3)]["name"], rows[("B", 3)]["amount"]) == ("個人(C)", "87")


def test_a_name_that_is_a_descriptions_wrapped_rest_is_left_out():
    rec = new_record("review_sheet", "x")
    rec["payees"] = [{"block": "A", "rank": 1, "name": "の実施", "corporate_number": "9732466871318"},
                     {"block": "A", "rank": 2, "name": "有限会社オリエンタルコンサルタンツ"}]
    _payee_cells_plausible(rec)
    assert [p["name"] for p in rec["payees"]] == [None, "有限会社オリエンタルコンサルタンツ"]
    assert rec["payees"][0]["corporate_number"] == "9732466871318"
