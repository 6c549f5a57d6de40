"""The current year's 当初予算 and the request year's 要求額 read in each other's place, put back by the 歳出予算目
table's 計 row (kg/extract/review_pdf.py ``_request_swapped``).

pdfminer.six, LibreOffice's print (rv854): the current year's cell wrapped (「30,3」 over 「59」) is written after the
request's 「37,631」, in the 当初予算 row and the 計 row alike, so the reader took 37,631 for 平成26年度's 当初予算
and 30,359 for the 要求額. pdftotext (rv860): the 要求額 printed apart, the current year's 27,102 read as the 要求額.
The 歳出予算目 table's rows add up to its 計 row, 30,359 (当初予算) and 37,631 (要求). Excerpts as the tools wrote
them, values as the .xlsx records hold them."""
from __future__ import annotations

from kg.extract.review_pdf import _initial_misplaced, _request_swapped
from kg.normalize.text import nfkc
from kg.records import new_record

_BREAKDOWN = ("予算額・執行額 (単位:百万円)\n\n予算の状況 当初予算 59,487\n\n歳出予算目\n\n平成26年度\n当初予算\n\n"
              "平成27年度要\n求\n\n主な増減理由\n\n情報通信技術\n研究開発調査\n費\n\n5,259\n\n18,382\n\n事業の見直しによる減。\n\n"
              "諸謝金\n\n5,501\n\n4,272\n\n情報処理業務\n庁費\n\n7,931\n\n6,691\n\n委員等旅費 11,668\n\n8,286\n\n計\n\n"
              "30,359\n\n37,631\n\n定量的な成果\n目標")


def _rec(initial, total, requested) -> dict:
    rec = new_record("review_sheet", "real.txt")
    rec["sheet_fiscal_year"] = 2014
    rec["budget"] = [{"fiscal_year": 2014, "initial": initial, "supplementary": 0, "carried_from_previous": 0,
                      "carried_to_next": 0, "reserve": 0, "total": total, "executed": None},
                     {"fiscal_year": 2015, "requested": requested}]
    return rec


def _run(rec: dict, text: str = _BREAKDOWN) -> dict:
    _request_swapped(rec, [nfkc(x) for x in text.split("\n")])
    return rec


def test_the_current_initial_and_the_request_read_in_each_others_column_are_put_back():
    rec = _run(_rec(37631, 37631, 30359))
    assert rec["budget"][0]["initial"] == 30359 and rec["budget"][0]["total"] == 30359
    assert rec["budget"][1]["requested"] == 37631
    assert any(w["code"] == "budget_request_misplaced" for w in rec["warnings"])


def test_the_current_initial_read_as_the_request_gives_both_from_the_breakdown():
    rec = _run(_rec(None, None, 30359))
    assert rec["budget"][0]["initial"] == 30359 and rec["budget"][1]["requested"] == 37631


def test_figures_read_in_their_own_columns_stay():
    rec = _run(_rec(30359, 30359, 37631))
    assert rec["budget"][0]["initial"] == 30359 and rec["budget"][1]["requested"] == 37631
    assert not rec["warnings"]
    # (a breakdown whose rows do not add up to its 計 row settles nothing)
    rec = _run(_rec(37631, 37631, 30359), _BREAKDOWN.replace("5,501", "5,502"))
    assert rec["budget"][0]["initial"] == 37631 and rec["budget"][1]["requested"] == 30359


def test_the_current_initial_read_in_another_row_is_the_initial_and_its_columns_other_parts_unknown():
    # (pdfminer.six, reportlab's print, rv420: 令和2年度's column 「5,」 over 「368」, 694, three dashes, read as 補正予算
    # 5,368 and 前年度から繰越し 694, its 当初予算 unread; the 歳出予算目 table's 計 row: 5,368 当初予算, 2,999 要求; the
    # page mark 「1 / 7」 between its rows taken off, as the reader does)
    text = ("予算額・執行額 (単位:百万円)\n\n令和2・3年度 \n予算内訳 (単\n位:百万円)\n\n歳出予算\n目\n\n令和2年\n度当初予\n算\n\n"
            "令和3年度\n要求\n\n主な増減理由\n\n諸謝金\n\n399\n\n1,260\n\n職員旅費 194\n\n368\n\n委員等旅\n費\n\n1,440\n\n551\n\n"
            "情報処理\n業務庁費\n\n1,956\n\n1\n\nその他\n\n1,379\n\n819\n\n計\n\n5,368\n\n2,999\n\n活動内容 (ア\nクティビティ)")
    rec = new_record("review_sheet", "real.txt")
    rec["sheet_fiscal_year"] = 2020
    rec["budget"] = [{"fiscal_year": 2020, "initial": None, "supplementary": 5368, "carried_from_previous": 694,
                      "carried_to_next": None, "reserve": None, "total": 6062, "executed": None},
                     {"fiscal_year": 2021, "requested": 2999}]
    _initial_misplaced(rec, [nfkc(x) for x in text.split("\n")])
    cur = rec["budget"][0]
    assert cur["initial"] == 5368 and cur["total"] == 6062
    assert cur["supplementary"] is None and cur["carried_from_previous"] is None
    # (a 要求額 the 計 row does not give: nothing is settled)
    rec["budget"] = [{"fiscal_year": 2020, "initial": None, "supplementary": 5368, "carried_from_previous": 694,
                      "carried_to_next": None, "reserve": None, "total": 6062, "executed": None},
                     {"fiscal_year": 2021, "requested": 2998}]
    _initial_misplaced(rec, [nfkc(x) for x in text.split("\n")])
    assert rec["budget"][0]["initial"] is None and rec["budget"][0]["supplementary"] == 5368


def test_a_pair_across_the_total_label_settles_nothing():
    # (pdftotext, LibreOffice's print, rv416: the budget table's 要求額 「5,904」 printed after the last row, then
    # 「計」 and the 計 row 5,933 5,904; 5,904 and 5,933 across the label add up with the rows too, but are no row)
    text = ("予算額・執行額 (単位:百万円)\n令和3・4年度 予算内訳\n(単位:百万円)\n歳出予算目\n令和3年度当初予算\n令和4年度要求\n"
            "主な増減理由\n情報通信技術研究開発調査費\n643\n232\n事業の見直しによる減。\n諸謝金\n1,302\n602\n情報処理業務庁費\n1,562\n620\n"
            "委員等旅費\n2,426\n4,450\n-\n5,904\n計\n5,933\n5,904\n成果目標及び 成果実績")
    rec = _rec(5933, 5933, 5904)
    rec["sheet_fiscal_year"], rec["budget"][0]["fiscal_year"], rec["budget"][1]["fiscal_year"] = 2021, 2021, 2022
    _run(rec, text)
    assert rec["budget"][0]["initial"] == 5933 and rec["budget"][1]["requested"] == 5904


def test_a_total_row_written_in_the_other_order_settles_nothing():
    # (pdftotext, reportlab's print, rv432: the rows 「諸謝金 222」「25」 …, their 当初予算 column adding up to 561 and
    # their 要求 column to 322, the 計 row written 「322」 then 「561」: the budget read, 561 and 322, stays)
    text = ("予算額・執行額 (単位:百万円)\n歳出予\n算目\n当初予算\n予算内訳\n(単位:百\n万円)\n平成27 主な増減理由\n年度要\n求\n"
            "諸謝金 222\n25\n職員旅 177\n費\n19\n委員等 23\n旅費\n70\n情報処 51\n理業務\n庁費\n180\nその他 88\n28\n計\n322\n561\n322\n"
            "成果目標及び 成果実績")
    rec = _rec(561, 599, 322)
    rec["budget"][0]["supplementary"] = 38
    _run(rec, text)
    assert rec["budget"][0]["initial"] == 561 and rec["budget"][1]["requested"] == 322
