"""A block whose cells start with a 法人番号 and a figure that is no rank (kg.extract.payee_columns._block): pdftotext
wrote the block before's last 法人番号 with its 計 figure after the next title (「計」「C.」「6857106783327」「770」, variant
1522 LO pdftotext) — the number is not this block's first row's: the block is left unread, never given it."""
from __future__ import annotations

from kg.extract.payee_columns import payee_columns
from tests.unit.extract.test_payee_columns import CORP_A, HEADER, cells


def _block_c(head: list[str]) -> list:
    return payee_columns(cells(
        "C.", *head, *HEADER, "1", "合同会社日本工営・合同会社パシフィックコンサルタンツ共同企業体", "機器の賃貸借",
        "189", "一般競争契約(総合評価)", "4", "-", "71.6%", "計", "189"))[0]


def test_a_number_with_the_block_befores_total_at_the_head_is_not_the_first_rows():
    assert [r for r in _block_c([CORP_A, "770"]) if r.corporate_number == CORP_A] == []


def test_a_number_after_its_rank_and_name_is_the_rows():
    got = payee_columns(cells(
        "C.", *HEADER, "1", "合同会社日本工営", CORP_A, "機器の賃貸借", "189", "一般競争契約(総合評価)", "4", "-",
        "71.6%", "計", "189"))[0]
    assert [(r.block, r.rank, r.name, r.corporate_number, r.amount) for r in got] == [
        ("C", 1, "合同会社日本工営", CORP_A, "189")]
