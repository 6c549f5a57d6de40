"""A block whose first box-read row stands before the block's letter and header (kg.extract.payee_heads).

Variant 2564, reportlab, pdfminer.six: block C's rows were not read, and its last row's boxes 「委員謝金(委員J) | -」
stand before 「D」 and block D's header; the box reader counted them as D's row 1, so every row of D took the name and
法人番号 of the row before (D2 「(株)大和総研」, whose are D1's)."""
from __future__ import annotations

from kg.extract.payee_heads import rows_before_letter
from kg.extract.payee_rows_text import PayeeRow

HEAD = "一者応札・一者応募又は競争性のない随意契約となった理由及び改善策 (支出額10億円以上)"


def _cells(*items: tuple[str, int, bool]) -> list[tuple[str, int, bool]]:
    return list(items)


def _row(block: str, rank: int, line: int, name: str, number: str) -> PayeeRow:
    return PayeeRow(block, rank, {"name": name, "corporate_number": number, "amount": "72"}, line, False)


CELLS = _cells(("C", 1412, False), ("委員謝金(委員J)", 1568, False), ("-", 1570, False), ("D", 1628, False),
               ("1", 1630, False), ("計", 1640, True), ("支出先", 1644, True), (HEAD, 1659, True),
               ("(株)大和総研", 1662, False), ("4782536765664", 1664, False),
               ("公益社団法人全国地域情報化推進協会", 1677, False), ("8654749300735", 1681, False))


def test_a_block_whose_first_row_stands_before_its_letter_and_header_is_unknown():
    rows = [_row("D", 1, 1570, "委員謝金(委員J)", "-"), _row("D", 2, 1664, "(株)大和総研", "4782536765664"),
            _row("D", 3, 1681, "公益社団法人全国地域情報化推進協会", "8654749300735")]
    notes: list = []
    assert rows_before_letter(CELLS, rows, notes) == [] and notes[0][0] == 1570


def test_a_block_whose_rows_all_follow_its_letter_and_header_stands():
    rows = [_row("D", 1, 1664, "(株)大和総研", "4782536765664"),
            _row("D", 2, 1681, "公益社団法人全国地域情報化推進協会", "8654749300735")]
    notes: list = []
    assert rows_before_letter(CELLS, rows, notes) == rows and not notes
    # a row before the letter but no header between it and the next row: no sign of a block before
    cells = [c for c in CELLS if c[0] != HEAD]
    rows = [_row("D", 1, 1570, "委員謝金(委員J)", "-"), _row("D", 2, 1664, "(株)大和総研", "4782536765664")]
    assert rows_before_letter(cells, rows, notes) == rows and not notes


def test_a_first_row_after_a_header_of_its_own_with_its_letter_written_after_it_stands():
    # (variant 2358, reportlab, pdfminer.six: B1's boxes 「0.8 | - | … | 富士フイルム…共同企業体」 right after a
    # header, then 「1 | 2 | B | 1」, the page mark and the next page's header, then B2's boxes)
    cells = [("A", 800, False), (HEAD, 913, True), ("0.8", 916, False), ("-", 918, False), ("1", 945, False),
             ("B", 949, False), ("1", 951, False), (HEAD, 955, True), ("職員旅費(職員B)", 960, False),
             ("-", 963, False), ("0.3", 965, False)]
    rows = [PayeeRow("B", 1, {"name": None, "amount": "0.8"}, 916, False),
            PayeeRow("B", 2, {"name": None, "amount": "0.3"}, 965, False)]
    notes: list = []
    assert rows_before_letter(cells, rows, notes) == rows and not notes
