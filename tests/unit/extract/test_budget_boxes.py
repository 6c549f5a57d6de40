"""予算額・執行額 of the real form from pdfminer.six's text (issue 17): its cells come as text boxes, the year columns
in no fixed order. Excerpts of real-form variants (tests/fixtures/real_variants.py) printed by LibreOffice, as
pdfminer.six wrote them (blank lines left out); figures as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.budget_boxes import budget_boxes

# variant 6: the 当初予算 row right after its label; then the first year's cells beside their labels (「補正予算 0」
# 「予備費等 0」) or alone, its 計 and 執行額 after the rate labels; then the other columns whole, out of order
# (平成25, 26, the request's 計, 平成24)
RV006 = ["予算額・執行額 (単位:百万円)", "平成23年度", "平成24年度", "平成25年度", "平成26年", "度", "平成27年度要求",
         "予算の状況", "当初予算 337", "584", "479", "539", "231", "補正予算 0", "前年度から", "繰越し", "0",
         "翌年度へ繰", "越し", "▲19", "予備費等 0", "計", "執行額", "執行率(%)", "当初予算+補正予算に対する執行",
         "額の割合(%)", "68%", "64%", "318", "215", "85%", "85%", "0", "0", "0", "0", "479", "472", "0", "0", "0",
         "0", "539", "231", "0", "0", "0", "0", "584", "496", "99%", "99%", "歳出予算目"]
Y006 = [(2011, False), (2012, False), (2013, False), (2014, False), (2015, True)]

# variant 3: the columns' cells interleaved (令和元年度's, 令和2年度's, the request's 計, then 平成29 and 30年度's
# in pieces), dashes for the cells not printed
RV003 = ["予算額・執行額 (単位:百万円)", "平成29年度", "平成30年度", "令和元年度", "令和2年度 令和3年度要求",
         "予算の状況 当初予算", "307", "299", "370", "280", "506", "-", "67", "-", "-", "437", "307", "85", "-", "-",
         "-", "365", "506", "補正予算", "前年度から繰越", "し", "-", "-", "98", "-", "翌年度へ繰越し ▲3", "▲33",
         "予備費等", "-", "計", "執行額", "執行率(%)", "当初予算+補正予算に対", "する執行額の割合(%)", "78%", "77%",
         "304", "237", "93%", "86%", "-", "364", "340", "70%", "83%", "歳出予算目"]
Y003 = [(2017, False), (2018, False), (2019, False), (2020, False), (2021, True)]


def _by_year(got):
    return {e["fiscal_year"]: e for e in got[0]}


def test_columns_out_of_order_placed_by_the_initial_row_and_their_sums():
    got = _by_year(budget_boxes(RV006, Y006, 1))
    assert got[2011] == {"fiscal_year": 2011, "initial": 337, "supplementary": 0, "carried_from_previous": 0,
                         "carried_to_next": -19, "reserve": 0, "total": 318, "executed": 215}
    assert got[2012]["initial"] == 584 and got[2012]["total"] == 584 and got[2012]["executed"] == 496
    assert got[2013]["total"] == 479 and got[2013]["executed"] == 472
    assert got[2014]["total"] == 539 and got[2014]["executed"] is None
    assert got[2015] == {"fiscal_year": 2015, "requested": 231}


def test_interleaved_columns_and_a_cell_the_text_reads_two_ways():
    budget, _, _, dropped, unknown = budget_boxes(RV003, Y003, 1)
    got = {e["fiscal_year"]: e for e in budget}
    assert dropped == []
    assert got[2019] == {"fiscal_year": 2019, "initial": 370, "supplementary": None, "carried_from_previous": 67,
                         "carried_to_next": None, "reserve": None, "total": 437, "executed": 307}
    assert got[2017]["total"] == 304 and got[2017]["carried_to_next"] == -3 and got[2017]["executed"] == 237
    assert got[2018]["total"] == 364 and got[2018]["carried_to_next"] == -33 and got[2018]["executed"] == 340
    assert got[2020]["initial"] == 280 and got[2020]["supplementary"] == 85 and got[2020]["total"] == 365
    # 「- - 98 -」: 平成30年度's 98 may be its 補正予算 or its 前年度から繰越し (both add up): unknown, not a guess
    assert got[2018]["supplementary"] is None and got[2018]["carried_from_previous"] is None
    assert "2018 supplementary" in unknown and "2018 carried_from_previous" in unknown


def test_past_columns_nothing_tells_apart_are_left_out():
    # variant 8's text: whole columns, no figure beside a row label and no 当初予算 row after its label, so which
    # past column is which year is not told (平成26年度's column comes first); the current year's and the
    # request's columns are known by their shape
    lines = ["予算額・執行額 (単位:百万円)", "平成24年度", "平成25年度", "平成26年度", "平成27年度", "平成28年度要求",
             "5", "0", "0", "▲ 1", "0", "4", "3", "4", "1", "0", "0", "0", "5", "5", "-", "5", "予算の状況", "当初予算",
             "補正予算", "前年度から繰越し", "翌年度へ繰越し", "予備費等", "計", "執行額", "執行率(%)", "100%",
             "当初予算+補正予算に対する執行額の割合(%)", "125%", "4", "0", "1", "0", "0", "5", "5", "100%", "100%",
             "2", "0", "0", "0", "0", "2", "2", "75%", "60%", "平成27・28年度 予算内訳"]
    years = [(2012, False), (2013, False), (2014, False), (2015, False), (2016, True)]
    got = budget_boxes(lines, years, 1)
    assert got is None or not {2012, 2013, 2014} & {e["fiscal_year"] for e in got[0]}


def test_a_figure_wrapped_in_its_cell_leaves_the_table_unread():
    # 「19,99」 over 「0」: 19,990 cut by a narrow cell
    lines = ["予算額・執行額 (単位:百万円)", "当初予算", "17,957", "43,179 18,477", "19,99", "0", "53,270",
             "執行率(%)", "歳出予算目"]
    assert budget_boxes(lines, [(2018, False), (2019, False), (2020, False), (2021, False), (2022, True)], 1) is None


def test_the_initial_row_after_its_label_wrapped_in_its_cell():
    # variant 9: 「当初予」 over 「算」, then the row; the other cells in pieces, ▲6 alone
    lines = ["予算額・執行額 (単位:百万円)", "平成27年", "度", "平成28", "年度", "平成29年度 平成30", "年度", "令和元年度要求",
             "予算の状況", "当初予", "算", "23", "37", "41", "58", "21", "補正予", "算", "3", "-", "前年度", "から繰", "越し",
             "3", "-", "-", "-", "-", "-", "▲6", "-", "翌年度", "へ繰越", "し", "予備費", "等", "-", "計", "執行額", "20",
             "16", "-", "40", "28", "-", "-", "58", "21", "-", "-", "41", "29", "執行率(%)", "80% 70%", "71%",
             "当初予算+補正予算に対す", "る執行額の割合(%)", "62% 70%", "71%", "歳出予算目"]
    years = [(2015, False), (2016, False), (2017, False), (2018, False), (2019, True)]
    got = _by_year(budget_boxes(lines, years, 1))
    assert got[2015]["initial"] == 23 and got[2015]["carried_to_next"] == -6 and got[2015]["total"] == 20
    assert got[2015]["executed"] == 16
    # (2016's 補正予算 3 may also be read as its 前年度から繰越し: unknown, not guessed)
    assert got[2016] == {"fiscal_year": 2016, "initial": 37, "supplementary": None, "carried_from_previous": None,
                         "carried_to_next": None, "reserve": None, "total": 40, "executed": 28}
    assert got[2017]["total"] == 41 and got[2017]["executed"] == 29
    assert got[2019] == {"fiscal_year": 2019, "requested": 21}


def test_a_year_header_wrapped_in_its_narrow_cell_is_no_cell():
    # variant 1008 (LibreOffice): 「平成」「26」「年度」, the header of the current year's column cut in three; its 26
    # read as a cell left no reading (one figure too many)
    lines = ["予算額・執行額 (単位:", "百万円)", "平成", "23年", "度", "平成24年", "度", "平成25年", "度", "平成", "26",
             "年度", "平成27年度要求", "予算の", "状況", "当初予", "算", "253 289", "415", "344 509", "補正予", "算", "0",
             "0", "52", "147", "0", "0", "63", "45", "0", "▲ 11", "0", "0", "前年度", "から繰", "越し", "翌年度", "へ繰越",
             "し", "予備費", "等", "0", "0", "0", "0", "計", "253 278", "530", "536 509", "執行額", "187 192", "519",
             "執行率(%)", "74% 69% 98%", "当初予算+補正", "予算に対する執", "行額の割合(%)", "74% 66% 111%", "歳出予算目"]
    years = [(2011, False), (2012, False), (2013, False), (2014, False), (2015, True)]
    got = _by_year(budget_boxes(lines, years, 1))
    assert got[2011] == {"fiscal_year": 2011, "initial": 253, "supplementary": 0, "carried_from_previous": 0,
                         "carried_to_next": 0, "reserve": 0, "total": 253, "executed": 187}
    assert got[2012]["carried_to_next"] == -11 and got[2012]["total"] == 278 and got[2012]["executed"] == 192
    assert got[2013]["total"] == 530 and got[2013]["executed"] == 519
    assert got[2014]["initial"] == 344 and got[2014]["total"] == 536
    assert got[2015] == {"fiscal_year": 2015, "requested": 509}
