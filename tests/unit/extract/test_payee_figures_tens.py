"""Payee rows of pdfminer.six's boxes (kg.extract.payee_figures): a row's amount of one digit while a figure of two
digits no row took stands in the block — the rows under that figure each took the next row's amount and the last
an 入札者数; they are unknown, the rows above it stand."""
from __future__ import annotations

from kg.extract.payee_figures import small_amounts_outnumbered
from kg.extract.review_text import PayeeRow

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
