"""予算額・執行額 from pdfminer.six's text boxes (kg.extract.budget_boxes): tables the search used to give up on, and a
table whose rest pdfminer prints after the 予算内訳 table's header. Excerpts of real-form variants
(tests/fixtures/real_variants.py) printed by LibreOffice, as pdfminer.six wrote them (blank lines left out);
figures as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.budget_boxes import budget_boxes, cells, solve, table

# variant 15: small figures and many dashes, so many placements add up: the search over them used to stop at
# MAX_STATES (unknown); what provably leads to no reading is now cut and it finishes
RV015 = ["予算額・執行額 (単位:百万円)", "令和3年度 令和4年度", "令和5年度", "令和6年度", "令和7年度要求", "予算の状況",
         "当初予算", "40", "53", "21", "22", "37", "\x0c-", "1", "-", "-", "23", "37", "補正予算", "-",
         "前年度から繰越し -", "-", "11", "-", "6", "翌年度へ繰越し", "予備費等", "計", "執行額", "執行率(%)",
         "当初予算+補正予算に対する", "執行額の割合(%)", "85%", "85%", "-", "-", "40", "34", "69%", "62%", "▲ 16",
         "▲ 10", "-", "17", "15", "-", "48", "33", "88%", "71%", "歳出予算目"]
Y015 = [(2021, False), (2022, False), (2023, False), (2024, False), (2025, True)]

# variant 79: the table stops at 「令和5・6年度 予算内訳」 with 2022-2024's cells still to come; they follow that
# table's header (after 主な増減理由), before its first item
RV079 = ["予算額・ 執行額 (単位:百万円)", "令和2年度", "3年度", "4年度", "5年度", "6年度要求", "予算 の 状 況", "当初予算",
         "57,875", "41,678", "17,897", "53,825", "48,225", "補正予算", "0", "前年度から繰越し 0", "翌年度へ繰越し 0",
         "予備費等", "0", "0", "0", "0", "0", "計", "執行額", "執行率(%)", "当初予算+補正予算に対する執行額",
         "の割合(%)", "57,875", "40,233", "70%", "70%", "41,678", "38,080", "91%", "91%", "令和5・6年", "度 予算内訳 ",
         "(単位:百万円)", "歳出予算目", "令和5年度当初予", "算", "令和6年度要求", "主な増減理由", "0", "0", "0", "0",
         "-", "-", "-", "-", "53,825", "48,225", "0", "0", "▲1,815", "0", "16,082", "11,502", "72%", "64%",
         "自治体サイバー", "セキュリティ対", "策補助金", "8,018", "12,103"]
Y079 = [(2020, False), (2021, False), (2022, False), (2023, False), (2024, True)]


def _by_year(got):
    return {e["fiscal_year"]: e for e in got[0]}


def test_a_search_of_many_equal_placements_finishes():
    budget, _, _, dropped, unknown = budget_boxes(RV015, Y015, 1)
    got = {e["fiscal_year"]: e for e in budget}
    assert dropped == []
    assert got[2021] == {"fiscal_year": 2021, "initial": 40, "supplementary": None, "carried_from_previous": None,
                         "carried_to_next": None, "reserve": None, "total": 40, "executed": 34}
    assert got[2022]["carried_to_next"] == -16 and got[2022]["total"] == 48 and got[2022]["executed"] == 33
    assert got[2023]["carried_to_next"] == -10 and got[2023]["total"] == 17 and got[2023]["executed"] == 15
    assert got[2024]["carried_from_previous"] == 1 and got[2024]["total"] == 23
    assert got[2025] == {"fiscal_year": 2025, "requested": 37}
    # 11 and 6 may be 2022's / 2023's 補正予算 or their 前年度から繰越し: unknown, not a guess
    assert got[2022]["carried_from_previous"] is None and "2022 carried_from_previous" in unknown


def test_the_table_goes_on_after_the_breakdown_tables_header():
    got = _by_year(budget_boxes(RV079, Y079, 1))
    assert got[2022] == {"fiscal_year": 2022, "initial": 17897, "supplementary": 0, "carried_from_previous": 0,
                         "carried_to_next": -1815, "reserve": 0, "total": 16082, "executed": 11502}
    assert got[2020]["total"] == 57875 and got[2020]["executed"] == 40233
    assert got[2021]["total"] == 41678 and got[2021]["executed"] == 38080
    assert got[2023]["total"] == 53825 and got[2023]["executed"] is None
    assert got[2024] == {"fiscal_year": 2024, "requested": 48225}


def test_the_breakdown_items_figures_are_not_taken_for_the_tables():
    # an item's name right after 主な増減理由: the figures after it are that item's, and the table stays short
    lines = RV079[:RV079.index("主な増減理由") + 1] + RV079[RV079.index("自治体サイバー"):]
    cs = cells(lines, 1, 5)
    assert [c.value for c in cs][-4:] == [57875, 40233, 41678, 38080]
    assert budget_boxes(lines, Y079, 1) is None


def test_readings_every_placement_of_which_agrees():
    # the same cells of the same column read, whatever the search's order: solve keeps a cell only where all agree
    sol = solve(cells(RV079, 1, 5), 3)
    assert sol[2][5] == 16082 and sol[2][3] == -1815 and sol[4] == {0: 48225, 5: 48225}


# variant 84: 平成30年度's 当初予算 and 計 wrapped in their cells (「59,64」 over 「9」)
RV084 = ["予算額・執行額 (単位:百万円) 平成27年", "度", "平成28年度 平成29", "年度", "平成30", "年度", "令和元年度要求",
         "予算の状", "況", "当初予算 -", "56,249", "44,062", "59,64", "9", "19,625", "補正予算 -", "前年度か", "ら繰越し",
         "翌年度へ", "繰越し", "-", "-", "予備費等 -", "-", "-", "-", "-", "7,444", "▲ 3,627", "-", "-", "-", "-", "-",
         "-", "計", "0", "52,622", "51,506", "59,64", "9", "19,625", "\x0c執行額", "執行率(%)", "当初予算+補正予算に",
         "対する執行額の割合", "(%)", "-", "-", "0", "89%", "83%", "46,820", "47,509", "92%", "108%", "平成30・",
         "31年度 予"]
Y084 = [(2015, False), (2016, False), (2017, False), (2018, False), (2019, True)]


def test_a_figure_wrapped_in_its_cell_is_made_whole():
    budget, _, _, dropped, _ = budget_boxes(RV084, Y084, 1)
    got = {e["fiscal_year"]: e for e in budget}
    assert got[2018]["initial"] == 59649 and got[2018]["total"] == 59649
    assert got[2016]["initial"] == 56249 and got[2016]["carried_to_next"] == -3627 and got[2016]["total"] == 52622
    assert got[2017]["total"] == 51506 and got[2019] == {"fiscal_year": 2019, "requested": 19625}
    assert dropped == [2015]  # its dashes and 0s could be any past column's: left out


def test_a_short_group_not_followed_by_its_digits_stays_unreadable():
    lines = [t if t != "9" else "12" for t in RV084]
    assert cells(lines, 1, 5) is None


# variant 6 printed by reportlab: 2011's two rates (68%, 64%) come after the 歳出予算目 header, where the table's
# reading stops; the four read are 2012's and 2013's
RV006 = ["予算額・執行額 (単位:百万円)", "平成23年度", "平成24年度", "平成25年度", "平成26", "年度", "平成27年度要求",
         "予算の状況", "当初予算 337", "584", "479", "539", "231", "補正予算 0", "前年度か", "ら繰越し", "0", "翌年度へ",
         "繰越し", "▲19", "予備費等 0", "0", "0", "0", "0", "479", "472", "0", "0", "0", "0", "539", "231", "0", "0",
         "0", "0", "584", "496", "99%", "99%", "318", "215", "85%", "85%", "計", "執行額", "執行率(%)",
         "当初予算+補正予算に対する執行", "額の割合(%)", "歳出予算目", "平成26・", "27年度 予", "算内訳 (単",
         "位:百万円)", "68%", "64%"]
Y006 = [(2011, False), (2012, False), (2013, False), (2014, False), (2015, True)]


def test_a_years_rates_printed_past_the_table_leave_its_executed_unchecked():
    # 2011's 215 / 318 (68%) is none of the rates read: the year whose pair is missing (was no reading)
    got = _by_year(budget_boxes(RV006, Y006, 1))
    assert got[2011] == {"fiscal_year": 2011, "initial": 337, "supplementary": 0, "carried_from_previous": 0,
                         "carried_to_next": -19, "reserve": 0, "total": 318, "executed": 215}
    assert got[2012]["total"] == 584 and got[2012]["executed"] == 496
    assert got[2015] == {"fiscal_year": 2015, "requested": 231}


def test_an_executed_whose_rate_is_not_printed_is_no_reading_when_every_years_rates_are():
    # with 2011's pair among the rates read, the reading of 215 / 318 must match one: 2011's 67% does not
    lines = RV006[:RV006.index("99%")] + ["99%", "99%", "318", "215", "85%", "85%", "80%", "80%"] + ["計"]
    assert budget_boxes(lines, Y006, 1) is None


# variant 84: 2015's 計 is 0, so it prints no rates: the four read are every pair there is, and each 執行額 placed
# must match one (46,820 / 52,622 = 89%, 47,509 / 51,506 = 92%)
RV084 = ["予算額・執行額 (単位:百万円) 平成27年", "度", "平成28年度 平成29", "年度", "平成30", "年度", "令和元年度要求",
         "予算の状", "況", "当初予算 -", "56,249", "44,062", "59,64", "9", "19,625", "補正予算 -", "前年度か", "ら繰越し",
         "翌年度へ", "繰越し", "-", "-", "予備費等 -", "-", "-", "-", "-", "7,444", "▲ 3,627", "-", "-", "-", "-", "-", "-",
         "計", "0", "52,622", "51,506", "59,64", "9", "19,625", "執行額", "執行率(%)", "当初予算+補正予算に",
         "対する執行額の割合", "(%)", "-", "-", "0", "89%", "83%", "46,820", "47,509", "92%", "108%", "平成30・",
         "31年度 予", "算内訳 (単", "位:百万円)", "歳出予算", "目"]
Y084 = [(2015, False), (2016, False), (2017, False), (2018, False), (2019, True)]


def test_rates_fewer_than_two_per_past_year_still_check_the_years_with_a_total():
    got = _by_year(budget_boxes(RV084, Y084, 1))
    assert got[2016]["total"] == 52622 and got[2016]["executed"] == 46820
    assert got[2017]["total"] == 51506 and got[2017]["executed"] == 47509
    assert got[2016]["carried_to_next"] == -3627


# variant 88 printed by reportlab: 2013's and 2014's columns each printed as one text box right after its own
# header (「25年度」, 「26年度」, the era 平成 written before); the current year's and the request's cells come after
# both headers 「27年度」「28年度要求」, tied to neither
RV088 = ["予算額・ 執行額 (単位:百万円)", "平成24年度", "予算 の 状 況 当初予算", "438", "補正予算", "前年度から繰越", "し",
         "0", "0", "翌年度へ繰越し 0", "予備費等", "計", "0", "438", "374", "85%", "執行額", "執行率(%)", "27年度",
         "28年度要求", "286", "521", "0", "0", "0", "0", "-", "-", "-", "-", "286", "521", "25年度", "534", "0", "0",
         "0", "0", "534", "432", "81%", "26年度", "464", "0", "0", "▲151", "0", "313", "312", "100%", "1 / 14",
         "当初予算+補正予算に対する執行", "額の割合(%)", "85%", "81%", "67%", "平成27・28年度 予", "算内訳 (単位:百万",
         "円)", "歳出予算目"]
Y088 = [(2012, False), (2013, False), (2014, False), (2015, False), (2016, True)]


def test_a_column_printed_whole_under_its_own_header_is_that_years():
    budget, _, _, dropped, _ = budget_boxes(RV088, Y088, 1)  # (was no reading: no figure placed but 2012's)
    got = {e["fiscal_year"]: e for e in budget}
    assert got[2013] == {"fiscal_year": 2013, "initial": 534, "supplementary": 0, "carried_from_previous": 0,
                         "carried_to_next": 0, "reserve": 0, "total": 534, "executed": 432}
    assert got[2014] == {"fiscal_year": 2014, "initial": 464, "supplementary": 0, "carried_from_previous": 0,
                         "carried_to_next": -151, "reserve": 0, "total": 313, "executed": 312}
    assert got[2012]["total"] == 438 and got[2012]["executed"] == 374
    assert dropped == [2015, 2016]  # 286 or 521: which is the current year's is not told


def test_a_header_followed_by_a_run_that_is_no_whole_column_ties_nothing():
    # the same text with 2014's 計 printed apart: its run under 「26年度」 no longer adds up, so nothing places it;
    # 2013's under 「25年度」 is one tie alone, kept as its run is followed by its own 執行率 (432 / 534: 81%), the
    # column's strip of boxes from header to rate; without that rate it ties nothing either
    lines = [x for x in RV088 if x != "313"] + ["313"]
    cs = table(lines, 1, 5, 2012)[0]
    assert [c.value for c in cs[1:] if c.col is not None] == [534, 0, 0, 0, 0, 534, 432]
    assert {c.col for c in cs[1:] if c.col is not None} == {1}
    lines = [x for x in lines if x != "81%"]
    cs = table(lines, 1, 5, 2012)[0]
    assert not any(c.col is not None for c in cs[1:])  # (the first, 438, is on the 当初予算 label's line)


# fresh variant 559: the past years' headers written in a run, then their columns in order: 「27年度」 is followed
# by 2013's column, not its own; the current year's and the request's each follow their own header
RV559 = ["予算額・ 執行額 (単位:百万円)", "予算 の 状 況", "当初予算", "補正予算", "前年度から繰越し", "翌年度へ繰越し",
         "予備費等", "計", "執行額", "執行率(%)", "当初予算+補正予算に対する執行額の割合(%)", "平成25年度", "26年度",
         "27年度", "56", "0", "0", "0", "0", "56", "51", "91%", "91%", "27", "0", "2", "0", "0", "29", "22", "76%",
         "81%", "30", "0", "0", "▲ 10", "0", "20", "20", "100%", "67%", "28年度", "37", "0", "0", "0", "0", "37",
         "29年度要求", "46", "-", "-", "-", "-", "46", "平成28・29年度 予算内訳 (単"]
Y559 = [(2013, False), (2014, False), (2015, False), (2016, False), (2017, True)]


def test_a_header_right_after_another_ties_no_column():
    budget, _, _, dropped, _ = budget_boxes(RV559, Y559, 1)
    got = {e["fiscal_year"]: e for e in budget}
    assert 2015 not in got  # (was read as 2013's column: initial 56, total 56, executed 51)
    assert dropped == [2013, 2014, 2015]
    assert got[2016] == {"fiscal_year": 2016, "initial": 37, "supplementary": 0, "carried_from_previous": 0,
                         "carried_to_next": 0, "reserve": 0, "total": 37, "executed": None}
    assert got[2017] == {"fiscal_year": 2017, "requested": 46}


# a real sheet (the A4 print by LibreOffice): figures of a few small values, each printed many times, the first
# year's beside the row labels and the rest as runs. Before the search left alike columns once for both orders of
# their contents, it gave up at MAX_STATES here (10,000 states, 50 of them on a reading) and the table was lost
REAL_SMALL = ["予算額・執行額 (単位:百万円) 令和元", "年度", "令和2年", "度", "令和3年", "度", "令和4", "年度", "令和5年度要求",
              "予算の状", "況", "当初予算 4", "補正予算 0", "前年度か", "ら繰越し", "0", "翌年度へ", "繰越し", "0", "予備費等 0",
              "計", "執行額", "4", "2", "4", "0", "0", "0", "0", "4", "2", "4", "0", "0", "0", "0", "4", "2", "3", "3",
              "0", "0", "0", "0", "3", "3", "執行率(%)", "50%", "50%", "50%", "当初予算+補正予算", "に対する執行額の",
              "割合(%)", "50%", "50%", "50%", "歳出予算"]
Y_SMALL = [(2019, False), (2020, False), (2021, False), (2022, False), (2023, True)]


def test_a_table_of_few_small_figures_is_read_where_every_reading_agrees():
    budget, _, _, dropped, unknown = budget_boxes(REAL_SMALL, Y_SMALL, 1)
    got = {e["fiscal_year"]: e for e in budget}
    assert dropped == []
    for y in (2019, 2020, 2021):
        assert got[y] == {"fiscal_year": y, "initial": 4, "supplementary": 0, "carried_from_previous": 0,
                          "carried_to_next": 0, "reserve": 0, "total": 4, "executed": 2}
    assert got[2022]["total"] == 3 and got[2022]["executed"] is None
    assert got[2023] == {"fiscal_year": 2023, "requested": 3}
    # the current year's 3 may be its 当初予算 or its 予備費等 (a 0 of the runs the other): unknown, not a guess
    assert got[2022]["initial"] is None and "2022 initial" in unknown
