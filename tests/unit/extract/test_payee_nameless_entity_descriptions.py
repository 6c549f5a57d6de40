"""A row with no name whose 業務概要 opens with a juridical person's form is the name read as the 業務概要
(kg.extract.review_pdf._nameless_entity_descriptions): pdfminer.six text of a LibreOffice print of the real form,
held-out variant 1003, 「A. | 1 | 7365078791070 | 特定非営利活動法人地方自治情報センター | 実証事業の実施、… | 31,087」 —
the name written after its 法人番号, read where the row's 業務概要 was looked for."""
from __future__ import annotations

from kg.extract.review_pdf import _nameless_entity_descriptions
from kg.records import new_record


def test_a_nameless_rows_description_opening_with_a_juridical_form_is_left_out():
    rec = new_record("review_sheet", "x.txt")
    rec["payees"] = [
        {"block": "A", "rank": 1, "name": None, "description": "特定非営利活動法人地方自治情報センター", "amount": None},
        {"block": "A", "rank": 2, "name": "京都市", "description": "独立行政法人情報処理推進機構運営費交付金", "amount": 9},
        {"block": "A", "rank": 3, "name": None, "description": "公益財団法人への補助、機器の賃貸借", "amount": 5},
        {"block": "A", "rank": 4, "name": None, "description": "法人税の調査", "amount": 4}]
    _nameless_entity_descriptions(rec)
    assert [p["description"] for p in rec["payees"]] == [
        None, "独立行政法人情報処理推進機構運営費交付金", "公益財団法人への補助、機器の賃貸借", "法人税の調査"]
    assert [w["code"] for w in rec["warnings"]] == ["payee_implausible"]
