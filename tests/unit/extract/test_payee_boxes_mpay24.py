"""Payee rows of pdfminer.six's text of the real ruled form (kg.extract.payee_boxes, payee_columns_pm, payee_figures,
review_pdf): cells whose row the text does not prove are left unknown — a 落札率 written after the block's 計, a name
read beside another payee's name, the rows between a 「-」 anchored with no cell after it and a 「-」 after a name that
anchors none, an amount of an 入札者数's shape while a figure among the header's cells is no row's."""
from __future__ import annotations

from kg.extract.payee_bids import contracts_by_amount
from kg.extract.payee_boxes import _after_totals
from kg.extract.payee_columns_pm import column_rows
from kg.extract.payee_figures import bidders_shaped_amounts
from kg.extract.review_pdf import _descriptions_plausible
from kg.extract.review_text import PayeeRow
from kg.records import new_record
from tests.unit.extract.test_payee_boxes import HEADER, _read

# boxes of block C's rows 4 and 5 as pdfminer.six wrote them for a real-form variant (reportlab's print, 2203 C): both
# names and 法人番号, both 業務概要, then each row's amount, 契約方式 and 入札者数 in turn, the block's 計 (left out of the
# boxes; its label at line 25), and only then 「81% | -」
COLUMN_TOTAL = [("text", "株式会社日本工営", 10), ("corp", "5952324475061", 11), ("text", "一般社団法人日本規格協会", 12),
                ("corp", "7429317994908", 13), ("text", "利用者の基本的な権利の保障の在り方を巡る諸外国の法制度・実態の調査", 14),
                ("text", "諸外国の動向に関する文書の分析及び要約作業、ヘルプデスク業務", 16), ("int", "246", 18),
                ("contract", "一般競争契約 (総合評価)", 19), ("int", "1", 21), ("int", "136", 22),
                ("contract", "随意契約 (企画競争)", 23), ("int", "2", 24), ("rate", "81%", 29), ("dash", "-", 30)]


def _columns(boxes: list, total_lines: list[int]) -> list[dict]:
    got = column_rows(boxes, set(), lambda b: b[1], lambda b: b[1], _after_totals(boxes, total_lines))
    assert len(got) == 1
    return got[0]


def test_a_rate_written_after_the_blocks_total_is_no_rows():
    c4, c5 = _columns(COLUMN_TOTAL, [25, 27])
    assert (c4["name"], c4["corporate_number"], c4["amount"], c4["bidders"]) == \
        ("株式会社日本工営", "5952324475061", "246", "1")
    assert (c5["name"], c5["amount"], c5["contract_method"], c5["bidders"]) == \
        ("一般社団法人日本規格協会", "136", "随意契約 (企画競争)", "2")
    assert c4["award_rate"] is None and c5["award_rate"] is None  # (the 81% is C4's or C5's: not established)


def test_a_rate_right_after_its_rows_bidders_stands():
    assert _columns(COLUMN_TOTAL, [])[1]["award_rate"] == "81%"


def test_a_name_read_beside_another_payees_name_is_unknown():
    # (2208 A5 in reportlab's print: 「講師謝金(講師C) | 有限会社UQ…共同企業体 | 0.2」, two rows' names, read as one row's
    # name and 業務概要)
    rec = new_record("review_sheet", "x")
    rec["payees"] = [{"block": "A", "rank": 5, "name": "講師謝金(講師C)",
                      "description": "有限会社UQコミュニケーションズ・有限会社パシフィックコンサルタンツ共同企業体", "amount": 0.2},
                     {"block": "A", "rank": 6, "name": "一般社団法人国際協力推進協会", "description": "セキュリティ説明会の開催"}]
    _descriptions_plausible(rec)
    assert (rec["payees"][0]["name"], rec["payees"][0]["description"], rec["payees"][0]["amount"]) == (None, None, 0.2)
    assert rec["payees"][1]["name"] == "一般社団法人国際協力推進協会"


# blocks C–F as pdfminer.six wrote them for a real-form variant (reportlab's print, wpool 1897): D's amounts first,
# then its names — 「Asia Wise法律事務所 | -」, a name and its 「-」, between two rows at a 法人番号 — then its 業務概要;
# further on, a name after its row's cells and two 「-」 right cells with nothing of a row after them
SWAYED = ["A", "1", "B", "1", "2", "3", "C", "1", "D", "1", *HEADER,
          "ソフトバンク\n株式会社", "144165852\n1224", "セキュリテ\nィ説明会", "23.5", "随意契約 (少額\n)", "-", *HEADER,
          "2.4", "随意契約 (公募\n)", "1", "1.3", "随意契約 (その\n他)", "-", "有限会社日立\nシステムズ", "571098526\n7279",
          "Asia Wise法\n律事務所", "-", "公益社団法人\n日本データ通\n信協会", "347137168\n0260", "機器の賃貸\n借", "利用者の基\n本的な権利", *HEADER,
          "独立行政法人\n情報処理推進\n機構", "361832342\n2493", "タイムスタ\nンプ認定制\n度に関する\n調査", "2.2",
          "一般競争契約 (\n総合評価)", "6", "93.5%", "株式会社富士\nフイルムビジ\nネスイノベー\nション", "-", "-", *HEADER,
          "合同会社エア\nクレーレン", "785128314\n4915", "実証事業の\n実施", "4.6", "随意契約 (企画\n競争)", "-"]


def test_rows_between_a_bare_dash_anchor_and_a_dash_after_a_name_are_unknown():
    rows = _read(SWAYED)  # (blocks C–F here A–D)
    assert rows[("A", 1)]["corporate_number"] == "1441658521224"
    # (before, B1 took Asia Wise法律事務所 for its 業務概要, B2 データ通信協会's 法人番号, B3 情報処理推進機構's and C1
    # 富士フイルム's 「-」; D1 is its own)
    assert all(rows.get(k, {}).get("corporate_number") is None for k in (("B", 1), ("B", 2), ("B", 3), ("C", 1)))
    assert rows.get(("B", 1), {}).get("description") is None
    assert rows.get(("C", 1), {}).get("name") is None and rows.get(("C", 1), {}).get("amount") is None
    assert (rows[("D", 1)]["corporate_number"], rows[("D", 1)]["amount"]) == ("7851283144915", "4.6")


def _row(block: str, rank: int, line: int, **cells) -> PayeeRow:
    return PayeeRow(block, rank, cells, line, False)


# block G as pdfminer.six wrote it for a real-form variant (reportlab's print, 2350 G): its amount 189 among the
# header's cells, its 入札者数 4 right before its competitive 契約方式 and 落札率
HEADER_FIGURE = [("支出額(百万円)", 10, True), ("189", 12, False), ("支出先", 14, True), ("法人番号", 16, True),
                 ("諸外国の動向に関する文書の分析及び要約作業", 20, False), ("-", 24, False),
                 ("有限会社UQコミュニケーションズ共同企業体", 26, False), ("契約方式等", 30, True),
                 ("一者応札・一者応募又は競争性のない随意契約となった理由及び改善策 (支出額10億円以上)", 32, True), ("4", 36, False),
                 ("一般競争契約 (総合評価)", 38, False), ("70.2%", 42, False)]


def test_an_amount_of_a_bidders_shape_after_a_header_figure_is_unknown():
    notes: list = []
    got = bidders_shaped_amounts(HEADER_FIGURE, [_row("F", 1, 4, amount="201"), _row("G", 1, 20, amount="4")], notes)
    assert got[0].cells["amount"] == "201" and got[1].cells["amount"] is None and notes


def test_an_amount_of_a_bidders_shape_stands_when_a_row_holds_the_header_figure():
    got = bidders_shaped_amounts(HEADER_FIGURE, [_row("F", 1, 4, amount="189"), _row("G", 1, 20, amount="4")], [])
    assert got[1].cells["amount"] == "4"


# block A as pdfminer.six wrote it for a real-form variant (reportlab's print, fresh 2548 A): rows 3–7's names in a heap,
# then 「-」 (the last name's, 職員旅費(職員G)'s), then rows 3–6's 法人番号 each with its 業務概要, amount and 契約方式
NAMES_THEN_DASH = ["A", "1", "2", "3", "4", "5", *HEADER, "エアクレーレン(\n株)", "8728344098959 セキュリティ\n説明会の開催", "4.3",
                   "その他", "株式会社ITリサー\nチ・アート", "8239545548017 実証事業の実\n施", "3.5", "一般競争契約 (総合\n評価)",
                   "静岡市", "那覇市", "職員旅費(職員G)", "-", "8000020221007 システムの設\n計・開発及び\n運用保守", "1.5",
                   "随意契約 (少額)", "3000020472018 視察(旅費の支\n払)", "0.5", "その他", "-", "-", "研修の企画運\n営", "0.1",
                   "随意契約 (企画競争)"]


def test_a_dash_after_a_heap_of_names_leaves_their_rows_unknown():
    notes: list = []
    rows = _read(NAMES_THEN_DASH, notes)
    assert (rows[("A", 1)]["corporate_number"], rows[("A", 2)]["corporate_number"]) == ("8728344098959", "8239545548017")
    # (before, A3 was the 「-」's row and A4 took 静岡市's 8000020221007, A5 那覇市's)
    assert all(rows.get(("A", k), {}).get("corporate_number") is None for k in (3, 4, 5))
    assert any("no cell of theirs is established" in m for _, m in notes)


def test_contracts_by_amount_leave_a_figure_written_once_more_while_a_row_is_unread():
    # (fresh 2558 LO pdftotext: D1's 13 after its 業務概要, a block's row not read with its own 13 before 補助金等交付)
    texts = ["国立大学法人京都大学", "5272809854204", "定期刊行物の購読", "13", "D.", "1", "随意契約 (その他)", "13",
             "補助金等交付", "-", "2", "(株)オリエンタルコンサルタンツ", "8202136580287", "定期刊行物の購読", "7.2"]
    rows = [PayeeRow("D", 1, {"name": "国立大学法人京都大学", "corporate_number": "5272809854204", "amount": "13"}, 10,
                     False)]
    assert contracts_by_amount(texts, rows)[0].cells.get("contract_method") is None
    read = rows + [PayeeRow("E", 2, {"corporate_number": "8202136580287", "amount": "7.2"}, 20, False)]
    assert contracts_by_amount(texts, read)[0].cells.get("contract_method") == "補助金等交付"  # (every row read: the
    # place with no 契約方式 after it is D's 計)
