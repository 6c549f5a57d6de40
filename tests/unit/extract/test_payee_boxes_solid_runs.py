"""The run of block letters and ranks in pdfminer.six's text of reportlab prints (kg.extract.payee_boxes._run):
the rank column written in solid pieces (boxes one after another counting up) apart from the rows, a rank before
its row's name. Box sequences as pdfminer.six wrote them for generated sheets of the real form (names shortened)."""
from __future__ import annotations

from kg.extract.payee_boxes import (
    _amounts_by_rises,
    _kind,
    _name_after_anchor,
    _ranks_skipped,
    _run,
    _total_as_amount,
)
from kg.extract.payee_rows_text import PayeeRow


def _boxes(texts: list[str]) -> list[tuple[str, str, int]]:
    return [(_kind(t), t, n + 1) for n, t in enumerate(texts)]


def _ranks(texts: list[str]) -> list[tuple[str, int]] | str:
    got = _run(_boxes(texts))
    return got if isinstance(got, str) else got[1]


def test_a_solid_piece_right_after_a_rows_number_is_the_blocks_ranks():
    # block A's ranks after its last row's 法人番号, right before B (was: "block A has no rank before block B")
    texts = ["A.", "287", "随意契約 (その他)", "-", "8484874199812", "実証事業の実施", "A社", "9127442933235",
             "B社", "4817249567550", "1", "2", "3", "4", "B", "1", "個人(A)", "-", "会議等出席", "25", "その他"]
    assert _ranks(texts) == [("A", 1), ("A", 2), ("A", 3), ("A", 4), ("B", 1)]


def test_a_lone_number_is_no_rank_when_a_solid_piece_of_the_ranks_follows():
    # 「… | - | 1 | 94.6%」: an 入札者数 after a 「-」; the block's ranks 1..4 come later as one piece
    texts = ["A", "1", "B", "随意契約 (企画競争)", "-", "1", "94.6%", "-", "-", "1", "2", "3", "4",
             "オリエンタル(株)", "6775954666512", "調査", "489", "その他"]
    assert _ranks(texts) == [("A", 1), ("B", 1), ("B", 2), ("B", 3), ("B", 4)]


def test_the_one_rank_due_before_a_solid_piece_is_taken_after_a_corporate_number():
    # 「… 法人番号 | 3 | name | - | …」: rank 3 written before its row's name; ranks 4..6 as one piece before B
    texts = ["A", "1", "2", "-", "C社", "D社", "4903322732715", "3", "個人(B)", "-", "調査", "1.7", "6",
             "63.2%", "4", "5", "6", "B", "1"]
    assert _ranks(texts) == [("A", 1), ("A", 2), ("A", 3), ("A", 4), ("A", 5), ("A", 6), ("B", 1)]


def test_a_rank_due_before_a_solid_piece_that_stands_twice_is_not_taken_by_it():
    # two 3s before the piece 4..6 (a rank and an 入札者数): which is the rank the boxes do not say; the other rules
    # take neither (after a 法人番号, after a name's 「-」), and the piece does not count on from rank 2
    texts = ["A", "1", "2", "-", "C社", "4903322732715", "3", "個人(B)", "-", "3", "75%", "4", "5", "6", "B", "1"]
    assert _ranks(texts) == [("A", 1), ("A", 2), ("B", 1)]


def test_a_row_without_a_name_whose_next_name_group_holds_two_texts_has_no_description():
    # 「法人番号 | name | 0.4 | 業務概要 | name | 法人番号」: the first text after the anchor may be the name
    assert _name_after_anchor([None, None], [[], [5, 6]], set(), 0)
    assert not _name_after_anchor(["A社", None], [[], [5, 6]], set(), 0)
    assert not _name_after_anchor([None, "B社"], [[], [6]], set(), 0)


def test_a_number_before_the_next_letter_two_above_the_blocks_count_leaves_the_count_not_established():
    # A's ranks 2 and 3 written before their rows' names and at the foot of the column: the run reads one rank of A
    texts = ["A.", "1", "パシフィック(株)", "23", "5449049654061 調査", "3", "75%", "-", "一般競争契約 (最低価格)",
             "2", "有限会社TKC", "1122881061630 運用保守", "22", "-", "-", "3", "B.", "1", "2", "C.", "1"]
    boxes = _boxes(texts)
    taken, order = _run(boxes)
    assert [r for b, r in order if b == "A"] == [1]
    assert _ranks_skipped(boxes, taken, order) is not None
    assert _ranks_skipped(boxes[:15] + boxes[16:], *_run(boxes[:15] + boxes[16:])) is None  # (no 3 before B.)


def _rows(places: list[tuple[str, int, str | None]]) -> list[PayeeRow]:
    return [PayeeRow(b, r, {"name": f"{b}{r}社", "amount": a}, n, False) for n, (b, r, a) in enumerate(places)]


AMOUNTS = [(n, f) for n, f in enumerate(["1,279", "879", "396", "2,978", "689", "1,619", "4,842", "682"])]


def test_amounts_the_section_holds_placed_when_they_fall_in_each_block_and_rise_at_its_edges():
    rows = _rows([("A", 1, None), ("A", 2, None), ("A", 3, None), ("B", 1, None), ("B", 2, None), ("C", 1, "1,619"),
                  ("D", 1, None), ("D", 2, None)])
    got = _amounts_by_rises(rows, AMOUNTS)
    assert [r.cells["amount"] for r in got] == ["1,279", "879", "396", "2,978", "689", "1,619", "4,842", "682"]
    assert got[0].cells["name"] == "A1社"


def test_amounts_not_placed_when_a_block_is_counted_a_rank_off_or_a_read_amount_differs():
    off = _rows([("A", 1, None), ("A", 2, None), ("B", 1, None), ("B", 2, None), ("B", 3, None), ("C", 1, None),
                 ("D", 1, None), ("D", 2, None)])  # A's third row counted to B: 396 | 2,978 rises inside B
    assert _amounts_by_rises(off, AMOUNTS) is None
    other = _rows([("A", 1, None), ("A", 2, None), ("A", 3, None), ("B", 1, None), ("B", 2, None), ("C", 1, "1,600"),
                   ("D", 1, None), ("D", 2, None)])
    assert _amounts_by_rises(other, AMOUNTS) is None
    one_block = _rows([("A", n, None) for n in range(1, 4)])
    assert _amounts_by_rises(one_block, AMOUNTS[:3]) is None  # (no block edge to check the count by)


def test_a_one_row_blocks_total_counted_as_the_next_blocks_amount_leaves_the_amounts_unplaced():
    # A, B, C one row each; B's 計 (255, its amount again) counted as C's row: every amount after it a rank off
    order = [("A", 1), ("B", 1), ("C", 1), ("D", 1)]
    assert _total_as_amount(order, list(enumerate(["269", "255", "255", "227"])))
    assert not _total_as_amount(order, list(enumerate(["269", "255", "227", "266"])))
    assert not _total_as_amount([("A", 1), ("A", 2), ("B", 1)], list(enumerate(["0.5", "0.5", "0.3"])))  # (one block)
