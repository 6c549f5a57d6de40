"""The current year's column of the budget table checked against the 歳出予算目 table's 計 row
(kg.extract.review_pdf._current_year_denied). Text as pdfminer.six wrote it for a real-form variant printed by
LibreOffice (tests/fixtures/real_variants.py): the current year's 当初予算 30,359 (wrapped in its narrow cell,
「30,3」 over 「59」) written after the request's 37,631 in the 当初予算 and 計 rows alike."""
from __future__ import annotations

import copy

from kg.extract.review_pdf import _current_year_denied

LINES = ["予算額・執行額 (単位:百万円)", "平成23年度", "平成", "24年", "度", "平成25年", "度", "平成", "26年", "度", "平成27年度要求",
         "予算の状況 当初予算 59,487", "30,71", "1", "56,410", "37,631", "30,3", "59", "補正予算 0", "前年度から", "繰越し", "0",
         "翌年度へ繰", "越し", "0", "予備費等 0", "0", "0", "0", "0", "-", "0", "3,039", "0", "0", "0", "0", "0", "0", "計",
         "59,487", "30,71", "1", "59,449", "37,631", "30,3", "59", "執行額", "41,293", "22,62", "2", "42,584", "執行率(%)",
         "当初予算+補正予算に対す", "る執行額の割合(%)", "69%", "69%", "74%", "74%", "72%", "75%", "歳出予算目", "平成26年度",
         "当初予算", "平成27年度要", "求", "主な増減理由", "平成26・", "27年度 予", "算内訳 (単", "位:百万円)", "情報通信技術",
         "研究開発調査", "費", "5,259", "18,382", "事業の見直しによる減。", "諸謝金", "5,501", "4,272", "情報処理業務", "庁費",
         "7,931", "6,691", "委員等旅費 11,668", "8,286", "計", "30,359", "37,631", "定量的な成果", "目標", "成果指標"]


def _record(current: int, requested: int) -> dict:
    past = {"supplementary": 0, "carried_from_previous": 0, "carried_to_next": 0, "reserve": 0}
    return {"sheet_fiscal_year": 2014, "warnings": [], "budget": [
        {"fiscal_year": 2013, "initial": 56410, **past, "carried_from_previous": 3039, "total": 59449, "executed": 42584},
        {"fiscal_year": 2014, "initial": current, **past, "total": current, "executed": None},
        {"fiscal_year": 2015, "requested": requested}]}


def test_a_current_year_and_request_read_the_other_way_round_are_left_unknown():
    rec = _record(37631, 30359)  # (the current year's and the request's cells in the order pdfminer wrote them)
    _current_year_denied(rec, LINES)
    assert rec["budget"][1]["initial"] is None and rec["budget"][1]["total"] is None
    assert rec["budget"][2] == {"fiscal_year": 2015, "requested": None}
    assert rec["budget"][0]["initial"] == 56410 and rec["budget"][0]["total"] == 59449  # (a past year: kept)
    assert [w["code"] for w in rec["warnings"]] == ["budget_order_unknown"]


def test_a_current_year_the_breakdown_agrees_with_is_kept():
    rec = _record(30359, 37631)
    want = copy.deepcopy(rec)
    _current_year_denied(rec, LINES)
    assert rec == want


def test_the_breakdown_tells_its_columns_by_its_rows_not_by_its_total_row():
    from kg.extract.budget_breakdown import breakdown_totals

    # LibreOffice, pdftotext: 「計」 then 3,412 (the request's) before 3,175 (the current year's); the rows in order
    lines = ["令和6・7年度 予算内訳", "歳出予算目", "令和6年度当初予算", "令和7年度", "主な増減理由", "要求", "諸謝金 845", "392",
             "職員旅 155", "費", "536", "委員等 341", "旅費", "1,733", "情報処 1,540", "理業務", "庁費", "352", "その他 294",
             "399", "計", "3,412", "3,175", "活動内容 (アクティビティ)"]
    assert breakdown_totals(lines, 1)[:2] == (3175, 3412)
    # a row printing one figure (a dash in the other column): the pairs are not told
    assert breakdown_totals([*lines[:7], "-", *lines[8:]], 1) is None
    assert breakdown_totals(LINES, 1)[:2] == (30359, 37631)
