"""A 業務概要 of one character (kg.extract.review_pdf._payee_cells_plausible): left out.

Variant 2535, reportlab, pdfminer.six: the header's 「業務概要」 wrapped as 「法人番号 業務概」 over 「要」, written
between 千葉市's 法人番号 and its 業務概要 「利用者の基本的な権利の保障の在り方を…」: 「要」 was read as the row's 業務概要."""
from __future__ import annotations

from kg.extract.review_pdf import _payee_cells_plausible
from kg.records import new_record


def _rec_with(description: str) -> dict:
    rec = new_record("review_sheet", "x")
    rec["payees"] = [{"block": "A", "rank": 1, "name": "千葉市", "corporate_number": "6000020121002",
                      "description": description, "amount": 4390, "contract_method": None}]
    return rec


def test_a_one_character_description_is_unknown():
    rec = _rec_with("要")
    _payee_cells_plausible(rec)
    p = rec["payees"][0]
    assert p["description"] is None and (p["name"], p["corporate_number"], p["amount"]) == (
        "千葉市", "6000020121002", 4390)
    assert rec["warnings"]


def test_a_description_of_words_stands():
    for desc in ("研修の企画運営", "視察(旅費の支払)"):
        rec = _rec_with(desc)
        _payee_cells_plausible(rec)
        assert rec["payees"][0]["description"] == desc
