"""A 法人番号 wrapped in its narrow column whose last digits pdfminer.six wrote further on among the row's cells
(reportlab prints of the real form: 「有限会社日立システムズ 5710985267」 … 「随意契約 (公募)」「279」): the digits rejoined
only when one box of bare digits that long stands before the next row, the check digit holds, and the row's amount
is another figure (kg.extract.payee_boxes._tail_later)."""
from __future__ import annotations

from tests.unit.extract.test_payee_boxes import HEADER, _read


def _block(tail: str, amount: str | None = "9,395") -> list[str]:
    return ["A.", "1", "2", *HEADER,
            "独立行政法人情報処理推進機構", "3618323422493", "会議等出席(諸謝金)", "22,013", "補助金等交付",
            "有限会社日立システムズ 5710985267", "実証事業の実施", *([amount] if amount else []), "随意契約 (公募)", tail, "-", "5", "--", "-"]


def test_the_corporate_numbers_last_digits_after_the_contract_method_are_rejoined():
    notes: list = []
    rows = _read(_block("279"), notes)
    second = rows[("A", 2)]
    assert (second["name"], second["corporate_number"], second["amount"], second["contract_method"]) == \
        ("有限会社日立システムズ", "5710985267279", "9,395", "随意契約 (公募)"), notes
    assert rows[("A", 1)]["amount"] == "22,013"


def test_digits_that_break_the_check_digit_are_not_taken():
    rows = _read(_block("278"))
    assert all(r.get("corporate_number") != "5710985267278" for r in rows.values())
    assert ("A", 2) not in rows or rows[("A", 2)].get("corporate_number") is None


def test_the_digits_are_not_taken_when_they_may_be_the_rows_amount():
    rows = _read(_block("279", amount=None))  # (no other figure in the row: 279 may be its amount)
    assert all(r.get("corporate_number") != "5710985267279" for r in rows.values())
