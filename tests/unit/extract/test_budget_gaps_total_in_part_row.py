"""予算額・執行額 of the real form from rows printed after their labels with blank cells left out
(kg.extract.budget_gaps) when LibreOffice's print, in pdftotext's text, writes the current year's and the request's
計 in the 予備費等 row's run (「- - - 29 32」) and the 計 row with its past years' cells alone. Excerpt of a real-form
variant (tests/fixtures/real_variants.py) as pdftotext wrote it; figures as its .xlsx record holds them."""
from __future__ import annotations

from kg.extract.budget_gaps import budget_gaps

YEARS = [(2021, False), (2022, False), (2023, False), (2024, False), (2025, True)]
LINES = ["予算額・執行額 (単位:百万 令和3年", "円)", "度", "令和4年度 令和5年度 令 令和7年度要求", "和6", "年", "度",
         "\x0c予算の状 当初予 40", "況", "算", "46", "43", "26 32", "補正予 算", "-", "-", "-", "前年度 5", "から繰", "越し", "-",
         "9", "3", "翌年度 へ繰越", "し", "-", "-", "-", "予備費 等", "-", "-", "-", "29 32", "計", "45", "46", "52", "執行額",
         "36", "37", "50", "80%", "80%", "96%", "当初予算+補正予算 90%", "に対する執行額の割", "合(%)", "80%", "116%",
         "執行率(%)", "令和6・7 歳出予算 令和6 令和7年"]


def test_the_current_years_total_printed_in_a_part_row():
    by = {e["fiscal_year"]: e for e in budget_gaps(LINES, YEARS, 1)[0]}
    assert [by[y]["total"] for y in (2021, 2022, 2023, 2024)] == [45, 46, 52, 29]
    assert [by[y]["carried_from_previous"] for y in (2021, 2022, 2023, 2024)] == [5, None, 9, 3]
    assert (by[2023]["executed"], by[2025]["requested"]) == (50, 32)


def test_a_pair_whose_second_is_not_the_requests_initial_stays_unread():
    # (「29 33」: 33 is not the request's 当初予算 32, no 計 of the request's column)
    lines = [("29 33" if t == "29 32" else t) for t in LINES]
    assert budget_gaps(lines, YEARS, 1) is None


# the current year's 当初予算 and 計 wrapped in their cells, their last digits under the request's figures
# (「26,6 56,598」「67」, 「29,9 56,598」「08」), the 計 pair in the 予備費等 row's run, blank cells left out
WRAPPED = ["予算額・執行額 (単位:百万円)", "予算の状況", "平成24 平成25年度", "年度", "平成26年度 平成 平成28年度要求", "27年",
           "度", "当初予算", "15,878 23,341", "17,642", "26,6 56,598", "67", "補正予算", "-", "-", "11,182", "3,241",
           "前年度から繰 越し", "-", "-", "-", "翌年度へ繰越 し", "-", "-", "-", "予備費等", "-", "-", "29,9 56,598", "08", "-",
           "計", "15,878 23,341", "28,824", "執行額", "11,241 19,215", "27,908", "執行率(%)", "71%", "82%", "97%",
           "当初予算+補正予算に対する", "執行額の割合(%)", "71%", "82%", "97%", "平成27・28 歳出予算目"]


def test_figures_wrapped_under_the_next_cell_are_made_whole():
    years = [(2012, False), (2013, False), (2014, False), (2015, False), (2016, True)]
    by = {e["fiscal_year"]: e for e in budget_gaps(WRAPPED, years, 1)[0]}
    assert (by[2015]["initial"], by[2015]["supplementary"], by[2015]["total"]) == (26667, 3241, 29908)
    assert [by[y]["executed"] for y in (2012, 2013, 2014)] == [11241, 19215, 27908]
    assert by[2016]["requested"] == 56598


# no request printed in the budget table (「当初予算 5 4 4 4」): its last 4 the current year's, or the request's with
# the current year's cell blank — the 歳出予算目 table's 計 row 「4」「3」 (its rows adding up) tells the first
BLANK_REQUEST = ["予算の状況 当初予算", "5", "4", "4", "4", "補正予算", "-", "-", "-", "-", "前年度から繰 越し", "-", "2", "-",
                 "翌年度へ繰越 ▲1", "し", "▲2", "▲3", "-", "予備費等", "-", "-", "-", "-", "計", "4", "2", "3", "4", "執行額",
                 "3", "2", "2", "75%", "100%", "67%", "当初予算+補正予算に対 60%", "する執行額の割合(%)", "50%", "50%",
                 "予算額・執行額 (単位:百万円)", "執行率(%)", "令和4・5年 歳出予算目 令和4年度当初 令和5年度要 主な増減理由",
                 "度 予算内訳", "予算", "求", "(単位:百万", "円)", "諸謝金", "1", "1", "職員旅費", "-", "-", "委員等旅費 2",
                 "1", "情報処理業 務庁費", "1", "3", "3", "\x0cその他", "1", "-", "計", "4", "3", "活動内容"]
YEARS_2022 = [(2019, False), (2020, False), (2021, False), (2022, False), (2023, True)]


def test_the_breakdowns_total_tells_the_current_year_from_the_request():
    got = budget_gaps(BLANK_REQUEST, YEARS_2022, 1)
    by = {e["fiscal_year"]: e for e in got[0]}
    assert (by[2022]["initial"], by[2022]["total"], by[2022]["carried_from_previous"]) == (4, 4, None)
    assert [by[y]["carried_to_next"] for y in (2019, 2020, 2021)] == [-1, -2, -3]
    assert got[3] == []  # (no year left out)


def test_a_breakdown_total_not_checked_by_its_rows_tells_nothing():
    # (the 計 row's 「4」 printed 「5」: its rows do not add up to it, the current year's column stays unknown)
    lines = BLANK_REQUEST[:-3] + ["5", "3", "活動内容"]
    assert budget_gaps(lines, YEARS_2022, 1)[3] == [2022]
