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
    # (the row's amount stands when it is the box's figure; another figure was read one cell off: unknown)
    for name, amount in (("3,547随意契約", 3547), ("3,547 随意契約 (少額)", 3547), ("1.2一般競争契約", None)):
        rec = _rec_with(name)
        _payees_plausible(rec)
        assert rec["payees"][0]["name"] is None and rec["payees"][0]["amount"] == amount
        assert rec["warnings"]
    for name in ("21世紀職業財団", "一般社団法人 日本データ通信協会", "3M株式会社"):
        rec = _rec_with(name)
        _payees_plausible(rec)
        assert rec["payees"][0]["name"] == name


def test_an_amount_and_a_cut_method_over_another_figure_leaves_the_rows_figures_unknown():
    # (variant 2544, reportlab, pdfminer.six: 「38 随意」 | 「4」 | 「-」 | 「-」 | 「契約 (企画競争)」: the box of the
    # amount 38 and the method's first word taken for the name, the 入札者数 4 for the amount)
    rec = _rec_with("38 随意")
    rec["payees"][0].update(amount=4, bidders=None, award_rate=None)
    _payees_plausible(rec)
    assert rec["payees"][0]["name"] is None and rec["payees"][0]["amount"] is None
    # the box's figure is the row's amount: it stands
    rec = _rec_with("3,547 随意")
    _payees_plausible(rec)
    assert rec["payees"][0]["name"] is None and rec["payees"][0]["amount"] == 3547
    # a rank run into a name of 「一般社団法人」 is no method
    rec = _rec_with("1一般社団法人日本データ通信協会")
    _payees_plausible(rec)
    assert rec["payees"][0]["amount"] == 3547
