"""A payee the readers left out without a note still leaves the document not ok: the valid 法人番号 of the section
that no row read holds are named (review_pdf._numbers_unplaced)."""
from kg.extract.payee_rows_text import PayeeRow
from kg.extract.review_pdf import _numbers_unplaced

READ = "5010001008846"  # 日本総合研究所's shape: a valid check digit
LEFT = "8000020130001"  # a 地方公共団体's number (000020 + 団体コード), valid
BAD = "1000020130001"  # the same with a wrong check digit: no payee's number


def _section(*cells: str) -> list[str]:
    lines = ["支出先上位10者リスト", ""]
    for cell in cells:
        lines += [cell, ""]
    return lines


def test_a_valid_number_no_row_holds_is_named_with_its_line():
    L = _section("A.", "支出先", "法人番号", "株式会社日本総合研究所", READ, "調査", "12", "一般競争契約",
                 "東京都", LEFT, "補助", "8", "随意契約", "計", "20")
    rows = [PayeeRow("A", 1, {"corporate_number": READ}, 8, False)]
    assert _numbers_unplaced(L, 0, rows) == [(LEFT, L.index(LEFT) + 1)]  # (lines counted from 1)


def test_numbers_every_row_holds_invalid_ones_and_longer_runs_are_not_named():
    L = _section("A.", "株式会社日本総合研究所", READ, "12", "東京都", BAD, "8", "10" + LEFT, "計", "20")
    rows = [PayeeRow("A", 1, {"corporate_number": READ}, 4, False)]
    assert _numbers_unplaced(L, 0, rows) == []
