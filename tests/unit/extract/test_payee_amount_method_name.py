"""A payee name that is a row's amount and 契約方式 (kg.extract.review_pdf._payees_plausible): pdfminer.six's text of a
reportlab print wrote the two cells as one box (「3,547 随意契約」) where a name with no 法人番号 was due."""
from __future__ import annotations

from kg.extract.review_pdf import _payees_plausible
from kg.records import new_record


def _rec_with(name: str) -> dict:
    rec = new_record("review_sheet", "x")
    rec["payees"] = [{"block": "A", "rank": 1, "name": name, "corporate_number": None, "description": None,
                      "amount": 3547, "contract_method": None}]
    return rec


def test_an_amount_and_contract_method_taken_for_a_name_is_unknown():
    for name in ("3,547随意契約", "3,547 随意契約 (少額)", "1.2一般競争契約"):
        rec = _rec_with(name)
        _payees_plausible(rec)
        assert rec["payees"][0]["name"] is None and rec["payees"][0]["amount"] == 3547
        assert rec["warnings"]
    for name in ("21世紀職業財団", "一般社団法人 日本データ通信協会", "3M株式会社"):
        rec = _rec_with(name)
        _payees_plausible(rec)
        assert rec["payees"][0]["name"] == name
