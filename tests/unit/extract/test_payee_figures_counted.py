"""Payee rows of pdfminer.six's boxes (kg.extract.payee_figures) counted a row off where nothing else shows it: a
row's amount of one digit under a figure of two digits no row took (the rows under it each took the next row's amount),
and a 業務概要 list read as a row with no 法人番号 before a block whose amounts rise (every row after it the one before)."""
from __future__ import annotations

from kg.extract.payee_figures import header_figure_unheld, listed_name_counted, small_amounts_outnumbered
from kg.extract.payee_rows_text import PayeeRow

RUN = {0, 1, 2, 3, 4}


def _row(rank: int, line: int, amount: str, corp: str | None = None) -> PayeeRow:
    return PayeeRow("G", rank, {"name": None, "corporate_number": corp, "amount": amount}, line, False)


# block G as pdfminer.six wrote reportlab's print of a real-form variant: G2..G4's amounts 15 | 12 | 11 in one
# column after four 契約方式, then the 業務概要, then the 入札者数 3 | 1 | 6; the rows were fitted 11, 3, 1
COLUMN = [("letter", "G.", 1), ("int", "1", 2), ("int", "2", 3), ("int", "3", 4), ("int", "4", 5),
          ("text", "有限会社NECソリューションイノベータ", 10), ("corp", "1912232231225", 11), ("text", "会議等出席(諸謝金)", 12),
          ("int", "39", 13), ("contract", "随意契約 (公募)", 14), ("contract", "一般競争契約 (総合評価)", 15),
          ("contract", "一般競争契約 (総合評価)", 16), ("contract", "随意契約 (少額)", 17), ("int", "15", 18),
          ("int", "12", 19), ("int", "11", 20), ("text", "視察(旅費の支払)", 21), ("text", "システムの設計・開発及び運用保守", 22),
          ("int", "3", 23), ("int", "1", 24), ("int", "6", 25), ("dash", "-", 26), ("rate", "77%", 27)]


def test_rows_under_a_two_digit_figure_no_row_took_are_unknown():
    rows = [_row(1, 13, "39", "1912232231225"), _row(2, 20, "11"), _row(3, 23, "3"), _row(4, 24, "1")]
    notes: list = []
    got = small_amounts_outnumbered(COLUMN, RUN, rows, notes)
    assert [(r.rank, r.cells["amount"]) for r in got] == [(1, "39")]
    assert "block G" in notes[0][1] and "rank 2" in notes[0][1]


def test_rows_whose_amounts_take_every_two_digit_figure_stand():
    rows = [_row(1, 13, "39", "1912232231225"), _row(2, 18, "15"), _row(3, 19, "12"), _row(4, 20, "11")]
    notes: list = []
    assert [r.cells["amount"] for r in small_amounts_outnumbered(COLUMN, RUN, rows, notes)] == ["39", "15", "12", "11"]
    assert notes == []


def test_the_rank_ten_written_before_its_row_is_no_amount_left_over():
    # (「8 | 3 | 10 | name」: the 10 is the tenth row's rank, out of the run; C8 holds 8, C10 3.3)
    boxes = [("letter", "C.", 1), ("int", "9", 2), ("text", "丸紅(株)", 5), ("corp", "5414503654668", 6), ("int", "8", 7),
             ("int", "3", 8), ("int", "10", 9), ("text", "丸紅株式会社", 10), ("corp", "9906338085741", 11),
             ("number", "3.3", 12)]
    rows = [PayeeRow("C", 9, {"amount": "8"}, 6, False), PayeeRow("C", 10, {"amount": "3.3"}, 11, False)]
    assert len(small_amounts_outnumbered(boxes, {0, 1}, rows, [])) == 2


def _named(block: str, rank: int, line: int, name: str | None, corp: str | None, amount: str | None) -> PayeeRow:
    return PayeeRow(block, rank, {"name": name, "corporate_number": corp, "amount": amount}, line, False)


# LibreOffice's print of a real-form variant as pdfminer.six wrote it: A3's 業務概要 list and the 「-」s of blank cells
# (「タイムスタンプ…調査、…、会議等出席(諸謝金) | - | - | -」) counted as A4, so 有限会社インテック (A4) was counted B1,
# PricewaterhouseCoopers LLP (B1) B2, 日本翻訳センター(株) (B2) C1, …; D shows it: UQ's 1.2 over 富士通's 2.3
LISTED = "タイムスタンプ認定制度に関する調査、利用者の基本的な権利の保障の在り方を巡る諸外国の法制度・実態の調査、会議等出席(諸謝金)"
CHAIN = [_named("A", 1, 10, "公益社団法人国際協力推進協会", "3724396712395", "2.8"),
         _named("A", 2, 20, "委員謝金(委員B)", None, None), _named("A", 3, 21, "(株)TKC・(株)日立システムズ共同企業体", None, None),
         _named("A", 4, 30, LISTED, None, None), _named("B", 1, 40, None, "3250610978092", "1.1"),
         _named("B", 2, 50, "PricewaterhouseCoopers LLP", None, "0.1"),
         _named("C", 1, 60, "日本翻訳センター(株)", "2721953107665", "0"),
         _named("D", 1, 70, "UQコミュニケーションズ(株)", "4758673620211", "1.2"),
         _named("D", 2, 80, "株式会社富士通Japan", "1587629928167", "2.3")]


def test_rows_counted_after_a_task_list_read_as_a_row_are_unknown_when_a_block_after_rises():
    notes: list = []
    got = listed_name_counted(CHAIN, notes)
    assert [(r.block, r.rank) for r in got] == [("A", 1), ("A", 2), ("A", 3)]
    assert got[0].cells["corporate_number"] == "3724396712395" and "block A rank 4" in notes[0][1]


def test_a_task_list_row_with_the_amounts_falling_after_it_stands():
    # (a real row whose name pdfminer.six wrote elsewhere: D's amounts fall, nothing shows the count off)
    falling = [*CHAIN[:-1], _named("D", 2, 80, "株式会社富士通Japan", "1587629928167", "0.7")]
    notes: list = []
    assert listed_name_counted(falling, notes) == falling and notes == []


# block I of LibreOffice's print as pdfminer.six wrote it: I1's amount and 契約方式 right after the header, before its
# rank and name; the column reader fitted I1 1.3, I2 0.7, I3 0.4 (I2's, I3's, I4's)
HEAD = "一者応札・一者応募又は競争性のない随意契約となった理由及び改善策 (支出額10億円以上)"
I_CELLS = [("H.", 1600, True), ("有限会社日立システムズ", 1610, False), ("3.9", 1620, False), (HEAD, 1660, True),
           ("2.3", 1663, False), ("随意契約(その他)", 1665, False), ("-", 1668, False), ("1", 1674, False),
           ("有限会社丸紅", 1676, False), ("6105387981124", 1679, False), ("1.3", 1700, False), ("0.7", 1712, False),
           ("0.4", 1716, False), ("J.", 1800, True)]


def _amounted(block: str, rank: int, line: int, name: str, amount: str) -> PayeeRow:
    return PayeeRow(block, rank, {"name": name, "amount": amount}, line, False)


def test_a_block_read_under_a_header_whose_figure_no_row_holds_is_unknown():
    rows = [_amounted("H", 1, 1610, "有限会社日立システムズ", "3.9"), _amounted("I", 1, 1676, "有限会社丸紅", "1.3"),
            _amounted("I", 2, 1696, "合同会社ソフトバンク", "0.7"), _amounted("I", 3, 1720, "静岡市", "0.4")]
    notes: list = []
    got = header_figure_unheld(I_CELLS, rows, notes)
    assert [(r.block, r.cells["amount"]) for r in got] == [("H", "3.9")] and "block I" in notes[0][1]
    # the figure a row's amount: the block stands
    held = [rows[0], _amounted("I", 1, 1676, "有限会社丸紅", "2.3"), *rows[1:3]]
    assert header_figure_unheld(I_CELLS, held, []) == held


def test_a_corporate_numbers_wrapped_digits_after_a_header_are_no_figure():
    cells = [*I_CELLS[:4], ("347137168", 1663, False), *I_CELLS[5:]]
    rows = [_amounted("I", 1, 1676, "有限会社丸紅", "1.3")]
    assert header_figure_unheld(cells, rows, []) == rows


def test_a_header_figure_before_a_block_with_an_amount_unread_leaves_the_block():
    rows = [_amounted("I", 1, 1676, "有限会社丸紅", "1.3"), _amounted("I", 2, 1696, "合同会社ソフトバンク", None)]
    assert header_figure_unheld(I_CELLS, rows, []) == rows


def test_a_dash_row_right_before_a_task_list_row_is_unknown_too():
    # (variant 2565, reportlab, pdfminer.six: 「PricewaterhouseCoopers LLP」 … 「- | - | 合同会社エアクレーレン・…共同企業体」
    # with B2's 業務概要 list after: the two blank cells' 「-」 (lines 797, 799) counted B1 and B2, B1 given B2's 9.5
    # while its own 13 stood before its name)
    rows = [_named("A", 1, 714, "講師謝金(講師A)", None, "8"),
            _named("B", 1, 797, "PricewaterhouseCoopers LLP", "-", "9.5"), _named("B", 2, 799, LISTED, None, None),
            _named("C", 1, 924, "講師謝金(講師A)", None, "0.5"), _named("C", 2, 942, "一般社団法人地域活性化センター",
                                                                    "9783884543269", "33")]
    notes: list = []
    got = listed_name_counted(rows, notes)
    assert [(r.block, r.rank, r.cells["amount"]) for r in got] == [("A", 1, "8")]
    assert "block B rank 1" in notes[1][1]
