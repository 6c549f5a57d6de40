"""The current year's 当初予算 and the request's 要求額 from the 歳出予算目 table when the budget table gave neither
(kg.extract.review_pdf._unread_of_breakdown). Text as pdfminer.six wrote it for real-form variant 681 printed by
reportlab (tests/fixtures/real_variants.py; blank lines left out): no figure of the budget table placed by a label
or a line, so no year of it is read; the 予算内訳's rows add up to 47,123 (令和4年度 当初予算) and 46,147 (令和5年度
要求), as its .xlsx record holds them."""
from __future__ import annotations

from kg.extract.review_pdf import _unread_of_breakdown

LINES = ["予算額・執行額 (単位:百万円)", "令和元年", "度", "令和2年度", "令和3年度", "予算の状", "況", "当初予算", "54,100",
         "48,803", "38,620", "補正予算", "前年度から", "繰越し", "翌年度へ繰", "越し", "-", "-", "-", "-", "-", "-", "11,637",
         "789", "-", "令和5年度要求", "46,147", "令和4", "年度", "47,", "123", "-", "-", "-", "1 / 9", "\x0c予備費等", "-",
         "-", "-", "計", "54,100", "48,803", "51,046", "執行額", "53,790", "32,710", "47,992", "-", "47,", "123",
         "46,147", "執行率(%)", "当初予算+補正予算に対する", "執行額の割合(%)", "99%", "99%", "67%", "67%", "94%", "95%",
         "令和4・5年度 予", "算内訳 (単位:百", "万円)", "歳出予算", "目", "令和4年度", "当初予算", "令和5年度", "要求",
         "主な増減理由", "諸謝金", "2,925", "1,964", "職員旅費 24,096", "14,820", "委員等旅", "費", "情報処理", "業務庁費",
         "3,084", "7,780", "16,890", "21,266", "その他", "128", "317", "計", "47,123", "46,147", "活動内容 (アクテ"]


def _record(budget: list[dict]) -> dict:
    return {"sheet_fiscal_year": 2022, "warnings": [], "budget": budget, "provenance": {"spans": {}}}


def test_an_unread_table_gets_the_current_initial_and_the_request_from_the_breakdown():
    rec = _record([])
    _unread_of_breakdown(rec, LINES)
    got = {e["fiscal_year"]: e for e in rec["budget"]}
    assert got[2022]["initial"] == 47123 and got[2022]["total"] is None and got[2022]["supplementary"] is None
    assert got[2023] == {"fiscal_year": 2023, "requested": 46147}
    assert [w["code"] for w in rec["warnings"]] == ["budget_cells_unknown"]


def test_a_current_year_read_from_the_table_is_left_as_read():
    rec = _record([{"fiscal_year": 2022, "initial": None, "supplementary": None, "carried_from_previous": None,
                    "carried_to_next": None, "reserve": None, "total": 47123, "executed": None}])
    _unread_of_breakdown(rec, LINES)
    assert len(rec["budget"]) == 1 and rec["budget"][0]["initial"] is None and not rec["warnings"]


def test_rows_that_do_not_add_up_to_the_total_row_give_nothing():
    rec = _record([])
    _unread_of_breakdown(rec, [t if t != "317" else "318" for t in LINES])
    assert rec["budget"] == []
