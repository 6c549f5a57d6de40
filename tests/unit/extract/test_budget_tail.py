"""Budget tables of the real form whose 計 and 執行額 rows come out of order in pdftotext's text (kg.extract.budget_tail):
the cells told apart by the sums of the part rows and the printed 執行率 / 割合 rows. Texts copied from the shapes
pdftotext gives for real-form variants (tests/fixtures/real_variants.py) printed by reportlab and LibreOffice."""
from __future__ import annotations

from kg.extract.budget_tail import budget_tail, rates_match

YEARS = [(2017 + k, k == 4) for k in range(5)]
HEAD = ["予算額・執行額 (単位:百万円)", "予算の状況", "平成29年度", "平成30年度", "令和元年度", "令和2年度", "令和3年度要求"]

# reportlab, pdftotext: the last past year's 執行額 (42) printed after the 計 row's cells, before the 計 label; the
# other 執行額 after it, the 執行額 label after the 執行率 label; the request year's 計 printed later, apart
LAST_EXECUTED_FIRST = [*HEAD, "当初予算", "45", "16", "54", "39", "48", "補正予算", "0", "0", "0", "0",
                       "前年度から繰越し", "0", "0", "0", "0", "翌年度へ繰越し", "▲16", "0", "0", "0", "予備費等",
                       "0", "0", "0", "0", "29", "16", "54", "39", "42", "計", "25", "13", "執行率(%)", "執行額",
                       "86%", "81%", "78%", "当初予算+補正予算に対する執行額の割合(%)", "56%", "81%", "78%",
                       "令和2・3年度 予算内訳", "(単位:百万円)"]


def test_an_executed_printed_before_the_total_label_is_placed_by_the_sums():
    budget, first, last, dropped, unknown = budget_tail(LAST_EXECUTED_FIRST, YEARS, 1)
    assert dropped == [] and unknown == []
    assert budget[0] == {"fiscal_year": 2017, "initial": 45, "supplementary": 0, "carried_from_previous": 0,
                         "carried_to_next": -16, "reserve": 0, "total": 29, "executed": 25}
    assert [e["total"] for e in budget[:4]] == [29, 16, 54, 39]
    assert [e["executed"] for e in budget[:3]] == [25, 13, 42] and budget[3]["executed"] is None
    assert budget[4] == {"fiscal_year": 2021, "requested": 48}


def test_the_rates_tell_which_executed_is_whose():
    # 計 6, 6, 7: 執行額 4, 4, 6 read 6, 4, 4 in reading order; only the printed 67% 67% 86% tell them apart
    lines = [*HEAD, "当初予算", "5", "4", "6", "3", "6", "補正予算", "2", "0", "1", "0", "前年度から繰越し", "2", "2",
             "0", "2", "翌年度へ繰越し", "▲3", "0", "0", "0", "予備費等", "0", "0", "0", "0", "6", "6", "7", "5", "6", "6",
             "計", "4", "4", "執行率(%)", "執行額", "67%", "67%", "86%",
             "当初予算+補正予算に対する執行額の割合(%)", "57%", "100%", "86%", "令和4・5年度 予算内訳"]
    budget, *_, unknown = budget_tail(lines, YEARS, 1)
    assert [e["executed"] for e in budget[:3]] == [4, 4, 6] and unknown == []
    assert [e["total"] for e in budget[:4]] == [6, 6, 7, 5]
    # without the rate rows the three 執行額 fit 計 either way: left unknown, not guessed
    budget, *_, unknown = budget_tail(lines[:lines.index("執行率(%)") + 2], YEARS, 1)
    assert budget[2]["executed"] is None and "2019 executed" in unknown and [e["total"] for e in budget[:4]] == [6, 6, 7, 5]


def test_a_total_no_cell_gives_is_no_table():
    lines = list(LAST_EXECUTED_FIRST)
    lines[lines.index("54", 20)] = "55"  # 令和元年度's 計 no longer its parts' sum
    assert budget_tail(lines, YEARS, 1) is None


def test_rates_match_in_any_order():
    assert rates_match([86, 86], [0, 0, 28612], [None, None, 24512], [None, None, 28612])
    assert rates_match([57, 100, 86, 67, 67, 86], [6, 6, 7], [4, 4, 6], [7, 4, 7])
    assert not rates_match([57, 100, 86, 67, 67, 86], [6, 6, 7], [6, 4, 4], [7, 4, 7])
    assert not rates_match([67, 67, 86], [6, 6, 7], [4, 4, 6], [7, 4, 7])  # a row missing
    # reportlab, pdftotext (variant shape rv438): the 執行率 row's cells out of order too, 「83% 85% 執行率(%) 78%」
    assert rates_match([83, 85, 78, 83, 83, 85], [3242, 5154, 3611], [2536, 4284, 3068], [3065, 5154, 3611])


def test_a_short_row_ending_in_a_dash_leaves_its_cells_unknown_when_the_sums_do_not_place_them():
    # 補正予算 printed 「0 0 0 -」 over four years and the request: the dash may be the request year's and the blank
    # any year's; zeros add nothing, so which year holds the blank is not told: those cells unknown, 計 still read
    lines = list(LAST_EXECUTED_FIRST)
    at = lines.index("補正予算")
    lines[at + 1:at + 5] = ["0", "0", "0", "-"]
    budget, *_, unknown = budget_tail(lines, YEARS, 1)
    assert [e["supplementary"] for e in budget[:4]] == [None] * 4
    assert {"2017 supplementary", "2020 supplementary"} <= set(unknown)
    assert [e["total"] for e in budget[:4]] == [29, 16, 54, 39] and budget[0]["carried_to_next"] == -16


def test_a_short_rows_figure_is_placed_by_the_sums():
    # LibreOffice, pdftotext (variant shape rv449): 前年度から繰越し prints 「- - 5」 over four years (its blank cells
    # print nothing); only the 4th year's 計 45 = 40 + 5 places the 5; 計 「- - 58 45」 and 2016's 執行額 46 before
    # the 計 label, the other 執行額 dashes and the 執行率 row's after it
    years = [(2014 + k, k == 4) for k in range(5)]
    lines = ["予算額・執行額 (単位:百万円)", "予算の状況", "平成26年度", "平成27年度", "平成28年度", "平成29年", "度",
             "平成30年度要求", "当初予算", "-", "-", "58", "40", "60", "補正予算", "-", "-", "-", "-",
             "前年度から繰越 し", "-", "-", "5", "翌年度へ繰越し -", "-", "-", "-", "予備費等", "-", "-", "-", "-", "-", "-",
             "58", "45", "46", "計", "執行額", "-", "-", "-", "-", "79%", "当初予算+補正予算に対する執行 額の割合(%)", "-",
             "79%", "執行率(%)"]
    budget, *_ = budget_tail(lines, years, 1)
    assert budget[3] == {"fiscal_year": 2017, "initial": 40, "supplementary": None, "carried_from_previous": 5,
                         "carried_to_next": None, "reserve": None, "total": 45, "executed": None}
    assert budget[2]["total"] == 58 and budget[2]["executed"] == 46 and budget[2]["carried_from_previous"] is None
    assert budget[4] == {"fiscal_year": 2018, "requested": 60}


def test_a_year_with_no_part_printed_leaves_its_total_unknown_when_zeros_and_dashes_trade_places():
    # reportlab, pdftotext (variant shape rv464): the first two years print no part; their 計 and 執行額 are the
    # bag's 0s and dashes in some order: those four cells unknown, the other years read
    lines = [*HEAD[:2], "平成29年度", "平成30年度", "令和元年度", "令和2年度", "令和3年度要求", "当初予算", "-", "-", "531",
             "407", "518", "補正予算", "-", "-", "0", "0", "前年度から繰越し", "-", "-", "0", "0", "翌年度へ繰越し", "-", "-",
             "▲16", "0", "予備費等", "-", "-", "0", "0", "-", "0", "515", "407", "518", "435", "計", "-", "0",
             "執行率(%)", "執行額", "-", "-", "84%", "当初予算+補正予算に対する執行額の割合(%)", "-", "-", "82%",
             "令和2・3年度 予算内訳"]
    budget, *_, unknown = budget_tail(lines, YEARS, 1)
    assert [e["total"] for e in budget[:4]] == [None, None, 515, 407] and budget[2]["executed"] == 435
    assert {"2017 total", "2018 total"} <= set(unknown)
    assert budget[2]["carried_to_next"] == -16 and budget[4] == {"fiscal_year": 2021, "requested": 518}


def test_rates_read_whole_that_no_reading_gives_refuse_the_table():
    # LibreOffice, pdftotext: the 当初予算 row's last past cells printed out of order (「255」「219」, 2016's 219),
    # the 計 row in order; read as a bag, 計 fits 255 to 2016, whose 執行額 172 would print 67%, not the 79% printed
    years = [(2014 + k, k == 4) for k in range(5)]
    lines = ["予算額・執行額 (単位:百万円)", "予算の状況", "当初予算", "平成26年度", "平成27年度 平成28年度",
             "平成29 平成30年度要求", "年度", "-", "-", "255", "219", "287", "補正予算", "-", "-", "0", "0",
             "前年度から繰越し", "-", "-", "0", "0", "翌年度へ繰越し", "-", "-", "0", "0", "予備費等", "-", "-", "0", "0",
             "計", "-", "0", "219", "255", "執行額", "-", "0", "172", "執行率(%)", "-", "-", "79%",
             "当初予算+補正予算に対する", "執行額の割合(%)", "-", "-", "79%", "平成29・30 歳出予算目"]
    assert budget_tail(lines, years, 1) is None  # (was 2016 and 2017 swapped)
    # the same rates are those of the cells in order: read
    fixed = lines[:9] + ["219", "255"] + lines[11:]
    budget, *_, unknown = budget_tail(fixed, years, 1)
    assert budget[2]["initial"] == 219 and budget[2]["total"] == 219 and budget[2]["executed"] == 172
    assert budget[3]["total"] == 255


def test_a_request_cell_no_total_checks_leaves_the_request_unknown():
    # LibreOffice, pdftotext: the 計 row's current-year and request cells printed after the next table; 当初予算's
    # 4 cells (its request's 39,082 after 予備費等's) read as 3 years' and the request's, 39,082 as the request's
    # 予備費等: the request's 当初予算 is not told (was 27,102, the current year's)
    years = [(2014 + k, k == 4) for k in range(5)]
    lines = ["予算額・執行額 (単位:百万円)", "予算の状況", "平成26年度", "平成27年度 平成28年度", "平成29年 平成30年度要求", "度",
             "当初予算", "47,761", "51,854", "19,018", "27,102", "補正予算", "11,127", "-", "-", "-", "前年度から 繰越し",
             "-", "-", "-", "翌年度へ繰 越し", "-", "-", "-", "予備費等", "-", "-", "-", "-", "39,082", "-", "計",
             "58,888", "51,854", "19,018", "執行額", "42,359", "44,903", "17,929", "執行率(%)", "72%", "87%", "94%",
             "当初予算+補正予算に対", "する執行額の割合(%)", "72%", "87%", "94%", "平成29・30 歳出予算目"]
    budget, *_, unknown = budget_tail(lines, years, 1)
    assert budget[4] == {"fiscal_year": 2018, "requested": None} and "2018 requested" in unknown
    assert budget[0]["total"] == 58888 and budget[0]["executed"] == 42359


def test_a_year_header_wrapped_a_character_a_line_is_no_cell():
    # reportlab, pdftotext: 「平」「成」「29」「年」「度」 before the 当初予算 label (the 29 was read as a cell: no table)
    years = [(2014 + k, k == 4) for k in range(5)]
    lines = ["予算額・執行額 (単位:百万円)", "予算の状況", "平成26年", "度", "平成27", "年度", "平成28年", "度", "平", "成",
             "29", "年", "度", "平成30年度要求", "当初予算", "232", "330", "186", "181", "357", "補正予算", "-", "-", "90",
             "142", "前年度から繰", "越し", "-", "-", "-", "59", "翌年度へ繰越", "し", "▲60", "-", "-", "-", "予備費等",
             "-", "-", "-", "-", "172", "330", "276", "382", "240", "計", "120", "237", "執行率(%)", "執行額", "70%",
             "72%", "87%", "当初予算+補正予算に対する執", "行額の割合(%)", "52%", "72%", "87%", "平成29・30 歳出予算目"]
    budget, *_, unknown = budget_tail(lines, years, 1)
    assert budget[0] == {"fiscal_year": 2014, "initial": 232, "supplementary": None, "carried_from_previous": None,
                         "carried_to_next": -60, "reserve": None, "total": 172, "executed": 120}
    assert [e["executed"] for e in budget[:3]] == [120, 237, 240] and budget[3]["total"] == 382


def test_a_reserve_row_shorter_than_the_columns_gives_no_current_year_cell_of_the_total_row():
    # reportlab, pdftotext: a first year with no budget printed blank (nothing), the next one dashes; 予備費等 prints
    # three dashes before its 計 label, so the 計 row's first 0 is no 予備費等 of the current year. Read as four cells
    # it shifted every year one early (2018 given 2019's 4,508 + 256 = 4,764, its 執行額 4,664): the readings with
    # three 予備費等 cells (4,764 in 2019 or 2018, both giving the printed 98% 98%) disagree, so none is kept
    years = [(2017 + k, k == 4) for k in range(5)]
    lines = ["予算額・執行額 (単位:百万円)", "平成30年度", "令和元年度", "令和2年度", "令和3年度要求",
             "当初予算", "-", "4,508", "2,661", "2,942", "補正予算", "-", "256", "-", "前年度から繰越し", "-", "-", "-",
             "翌年度へ繰越し", "-", "-", "-", "予備費等", "-", "-", "-", "計", "0", "0", "4,764", "2,661", "執行額", "0",
             "0", "4,664", "予算の状況", "平成29年度", "2,942", "執行率(%)", "-", "-", "98%",
             "当初予算+補正予算に対する執行額の割合(%)", "-", "98%", "令和2・3年度 予算内訳"]
    assert budget_tail(lines, years, 1) is None
