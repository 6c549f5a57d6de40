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


# block A as pdfminer.six wrote it for a real-form variant (LibreOffice's print): A4's name written after its cells
# (「5343757571346 | 視察(旅費の支払) | 0 | 公益財団法人… | - | - | -」, read as a payee with no 法人番号), then the rank 5
# alone right before 千葉市 and its 法人番号
RANK_FIVE = ["A", "1", *HEADER, "合同会社大\n和総研", "4817249567\n550", "セキュリテ\nィ説明会の\n開催", "0.1", "一般競争契約 \n(最低価格)", "8",
              "45.5%", "-", "2", "3", "4", "8192278147\n335", "研修の企画\n運営", "0", "有限会社エ\nヌ・ティ・\nティ・デー\nタ経営研究\n所",
              "講師謝金(講\n師C)", "-", "0", "利用者の基\n本的な権利\nの保障の在\nり方を巡る\n諸外国の法\n制度・実態\nの調査",
              "5343757571\n346", "視察(旅費の\n支払)", "0", "公益財団法\n人全国地域\n情報化推進\n協会", "-", "-", "-", "5", "千葉市",
              "6000020121\n002", "機器の賃貸\n借、実証事\n業の実施", "0", "随意契約 (少\n額)", "-", "-", "-", "-", "-", "-", "6", "7", "8",
              "9", "講師謝金(講\n師F)", "-", "定期刊行物\nの購読", "合同会社丸\n紅", "2181109351\n949", "ヘルプデス\nク業務、デ\nータ整備及\nび分析業務",
              "株式会社\nTKC", "4581978917\n381", "-", "有限会社イ\nンテック・\n日本レジス\nトリサービ\nス株式会社\n共同企業体",
              "システムの\n設計・開発\n及び運用保\n守", "研修の企画\n運営、普及\n啓発コンテ\nンツの作成", "0", "0", "0", "0", "-", "-", "--", "--",
              "その他", "一般競争契約 \n(総合評価)", "5", "63.5%", "-", "-", "--", "-", "計", "0.1"]


def test_a_rank_alone_before_a_row_counted_otherwise_leaves_the_block_unknown():
    notes: list = []
    rows = _read(RANK_FIVE, notes)
    # (counted, 千葉市's row is A6 and A5 is 公益財団法人全国地域情報化推進協会 with no 法人番号; the rank 5 says otherwise)
    assert not rows, rows
    assert any("block A: the rank 5 written right before the row counted as rank 6" in m for _, m in notes)


def test_two_names_with_a_rank_between_them_before_their_dashes_stand():
    # 「職員旅費(職員I) | 3 | 職員旅費(職員J) | - | -」: the two names, then their 「-」; the 3 is the second's rank, not a
    # rank written before the row counted as A2
    notes: list = []
    rows = _read(["A", "1", "2", *HEADER, "株式会社大和総研", "7631313211121", "実証事業の実施", "60", "随意契約 (企画競争)", "-",
                  "職員旅費(職員I)", "3", "職員旅費(職員J)", "-", "-", "視察(旅費の支払)", "研修の企画運営", "46",
                  "随意契約 (少額)", "33", "随意契約 (公募)", "-"], notes)
    assert not any("written right before the row" in m for _, m in notes), notes
    assert (rows[("A", 1)]["name"], rows[("A", 1)]["amount"]) == ("株式会社大和総研", "60")


def test_a_name_that_is_a_descriptions_wrapped_rest_is_left_out():
    rec = new_record("review_sheet", "x")
    rec["payees"] = [{"block": "A", "rank": 1, "name": "の実施", "corporate_number": "9732466871318"},
                     {"block": "A", "rank": 2, "name": "有限会社オリエンタルコンサルタンツ"}]
    _payee_cells_plausible(rec)
    assert [p["name"] for p in rec["payees"]] == [None, "有限会社オリエンタルコンサルタンツ"]
    assert rec["payees"][0]["corporate_number"] == "9732466871318"


def test_a_name_that_is_a_description_read_in_the_section_is_left_out():
    # (pdfminer.six wrote C3's name elsewhere; C2's 業務概要's first task was read as C3's name)
    rec = new_record("review_sheet", "x")
    rec["payees"] = [{"block": "C", "rank": 2, "name": "株式会社ぎょうせい", "corporate_number": "4712581529914",
                      "description": "視察(旅費の支払)、システムの設計・開発及び運用保守"},
                     {"block": "C", "rank": 3, "name": "視察(旅費の支払)", "corporate_number": "4350215537548",
                      "description": "ヘルプデスク業務"},
                     {"block": "C", "rank": 4, "name": "ヘルプデスク業務"}]
    _payee_cells_plausible(rec)
    assert [p["name"] for p in rec["payees"]] == ["株式会社ぎょうせい", None, None]
    assert rec["payees"][1]["corporate_number"] == "4350215537548"
