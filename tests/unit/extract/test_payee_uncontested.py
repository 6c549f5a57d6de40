"""入札者数 read for a payee whose 契約方式 takes no bids (kg.extract.payee_uncontested): unknown.

Variant 2562, LibreOffice, pdfminer.six: block B's row 1 「合同会社OCS | 7154320714217 | 47,792 | 一般競争契約
(最低価格) | 6 | …」, row 2 「有限会社ぎょうせい | 5703201903860 | 31,354 | その他 | - | --」: the 6 of row 1 was read
as row 2's 入札者数."""
from __future__ import annotations

from kg.extract.payee_rows_text import PayeeRow
from kg.extract.payee_uncontested import bids_without_contest


def _row(rank: int, name: str, amount: str, method: str, bidders: str | None, rate: str | None = None) -> PayeeRow:
    return PayeeRow("B", rank, {"name": name, "amount": amount, "contract_method": method, "bidders": bidders,
                                "award_rate": rate}, 100 + rank, False)


def test_a_count_read_for_an_other_payment_is_unknown():
    notes: list = []
    got = bids_without_contest([_row(1, "合同会社OCS", "47,792", "一般競争契約 (最低価格)", None),
                                _row(2, "有限会社ぎょうせい", "31,354", "その他", "6"),
                                _row(3, "大阪府", "14,302", "補助金等交付", "2", "85.0%")], notes)
    assert [(r.cells["name"], r.cells["amount"], r.cells["bidders"], r.cells["award_rate"]) for r in got] == [
        ("合同会社OCS", "47,792", None, None), ("有限会社ぎょうせい", "31,354", None, None), ("大阪府", "14,302", None, None)]
    assert [n[0] for n in notes] == [102, 103]


def test_methods_that_take_bids_keep_their_count():
    notes: list = []
    rows = [_row(1, "(株)三菱総合研究所", "10,713", "一般競争契約 (総合評価)", "5", "66%"),
            _row(2, "有限会社日本工営", "3,837", "随意契約 (企画競争)", "3"),
            _row(3, "株式会社日立システムズ", "4,699", "随意契約 (その他)", "1"),
            _row(4, "有限会社丸紅", "5,946", "その他", "-", "--")]
    assert bids_without_contest(rows, notes) == rows and not notes
