"""予算額・執行額 of the real form from pdftotext's text, its rows in order (kg.extract.budget_form): figures wrapped
in their cells (the short last group over the rest of the digits), and later tables' headers printed before the
rows. Excerpts of real-form variants (tests/fixtures/real_variants.py) printed by LibreOffice, as pdftotext wrote
them (blank lines left out); figures as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.budget_boxes import _unwrapped
from kg.extract.budget_form import budget_row_major

# variant 272: 2016's 「17,130」 printed 「17,1」 over 「30」, beside the request's 35,400, in the 当初予算 and 計 rows
RV272 = ["予算額・執行額 (単位:百万円)", "平成25 平成26年度 平成27", "年度", "年度", "平成 平成29年度要求", "28年", "度",
         "予算の状況", "当初予算", "48,266 22,560", "46,968 17,1 35,400", "30", "補正予算", "0", "7,007", "0", "0",
         "前年度から 0", "繰越し", "4,917", "0", "0", "翌年度へ繰 0", "越し", "0", "0", "0", "予備費等", "0", "0", "0", "0",
         "計", "48,266 34,484", "46,968 17,1 35,400", "30", "執行額", "38,956 30,529", "33,047", "執行率(%)"]
Y272 = [(2013, False), (2014, False), (2015, False), (2016, False), (2017, True)]

# variant 322: the breakdown's and the outcome table's headers printed between the 予算額 label and the rows
RV322 = ["予算額・ 執行額 (単位:百万円)", "予算 の 状 況", "令和4・5年度 予算内訳", "(単位:百万円)", "成果目標及び 成果実績",
         "(アウトカム)", "令和元年度", "2年度", "3年度", "4年度", "5年度要求", "当初予算", "546", "361", "466", "392", "529",
         "補正予算", "-", "-", "-", "-", "-", "前年度から繰越 99", "し", "-", "-", "-", "-", "翌年度へ繰越し -", "-", "▲5", "-",
         "-", "予備費等", "-", "-", "-", "-", "-", "計", "645", "361", "461", "392", "529", "執行額", "560", "351", "339",
         "執行率(%)"]
Y322 = [(2019, False), (2020, False), (2021, False), (2022, False), (2023, True)]


def _by_year(got):
    return {e["fiscal_year"]: e for e in got[0]}


def test_short_groups_take_the_next_lines_digits_in_order():
    assert _unwrapped(["46,968 17,1 35,400", "30"], 1, 2) == ["46,968 17,130 35,400", ""]
    assert _unwrapped(["49,68 48,84 23,029", "6", "9"], 1, 3) == ["49,686 48,849 23,029", "", ""]
    # the next line not the missing digits (too many, or text): the figure stays unreadable
    assert _unwrapped(["46,968 17,1 35,400", "300"], 1, 2) == ["46,968 17,1 35,400", "300"]
    assert _unwrapped(["49,68 48,84", "6", "補正予算"], 1, 3) == ["49,68 48,84", "6", "補正予算"]


def test_a_wrapped_figure_in_a_row_is_read_whole():
    got = _by_year(budget_row_major(RV272, Y272, 1))  # (was no table: 「17,1」 unreadable)
    assert got[2014] == {"fiscal_year": 2014, "initial": 22560, "supplementary": 7007, "carried_from_previous": 4917,
                         "carried_to_next": 0, "reserve": 0, "total": 34484, "executed": 30529}
    assert got[2016]["initial"] == 17130 and got[2016]["total"] == 17130
    assert got[2017] == {"fiscal_year": 2017, "requested": 35400}


def test_later_tables_headers_before_the_rows_do_not_end_the_table():
    got = _by_year(budget_row_major(RV322, Y322, 1))  # (was no table: it ended at 「成果目標及び 成果実績」)
    assert got[2019] == {"fiscal_year": 2019, "initial": 546, "supplementary": None, "carried_from_previous": 99,
                         "carried_to_next": None, "reserve": None, "total": 645, "executed": 560}
    assert got[2021]["carried_to_next"] == -5 and got[2021]["total"] == 461 and got[2021]["executed"] == 339
    assert got[2023] == {"fiscal_year": 2023, "requested": 529}


# variant 840 (LibreOffice, pdftotext): the 執行率 label printed before the year headers, a rate row's dash (a year
# with 計 0) before the first percentage, then the request's column apart (当初予算 56, 計 56)
RV840 = ["予算額・執行額 (単位:百万円)", "予算の状況", "執行率(%)", "令和2年度", "令和3年度", "令和4年度", "令和5年 令和6年度要求",
         "度", "当初予算", "-", "-", "44", "52", "補正予算", "-", "-", "1", "-", "前年度から繰越し", "-", "-", "-", "-",
         "翌年度へ繰越し", "-", "-", "-", "-", "予備費等", "-", "-", "-", "-", "計", "0", "0", "45", "52", "執行額", "0", "0",
         "33", "-", "73%", "-", "56", "56", "当初予算+補正予算に対する執行額の 割合(%)", "-", "-", "73%",
         "令和5・6年度 予算内訳"]
Y840 = [(2020, False), (2021, False), (2022, False), (2023, False), (2024, True)]


def test_a_rate_label_before_the_rows_and_a_rate_dash_before_the_request_column():
    got = _by_year(budget_row_major(RV840, Y840, 1))  # (was no table: every cell read as after the rate rows)
    assert got[2022] == {"fiscal_year": 2022, "initial": 44, "supplementary": 1, "carried_from_previous": None,
                         "carried_to_next": None, "reserve": None, "total": 45, "executed": 33}
    assert got[2021]["total"] == 0 and got[2023]["total"] == 52 and got[2024] == {"fiscal_year": 2024, "requested": 56}


# variant 857 (LibreOffice, pdftotext): the 計 row's current-year and request cells (34, 47) printed after the
# 予算内訳 table; every row else whole, the request's 当初予算 (47) in its row
RV857 = ["予算額・執行額 (単位:百万円)", "予算の状況", "平成23年度", "平成24年度", "平成25年度", "平成26年度", "平成27年度要求",
         "当初予算", "47", "28", "36", "30", "47", "補正予算", "0", "0", "10", "4", "前年度から繰越し", "0", "0", "0", "0",
         "翌年度へ繰越し", "▲2", "0", "0", "0", "予備費等", "0", "0", "0", "0", "-", "計", "45", "28", "46", "執行額", "41",
         "25", "37", "91%", "89%", "80%", "当初予算+補正予算に対する執行額の 87%", "割合(%)", "89%", "80%",
         "平成26・27年度 歳出予算目"]
Y857 = [(2011, False), (2012, False), (2013, False), (2014, False), (2015, True)]


def test_a_total_row_without_its_last_two_cells_leaves_the_current_total_unknown():
    got = _by_year(budget_row_major(RV857, Y857, 1))  # (was no table)
    assert got[2011] == {"fiscal_year": 2011, "initial": 47, "supplementary": 0, "carried_from_previous": 0,
                         "carried_to_next": -2, "reserve": 0, "total": 45, "executed": 41}
    assert [got[y]["total"] for y in (2012, 2013)] == [28, 46] and got[2013]["executed"] == 37
    assert got[2014]["initial"] == 30 and got[2014]["supplementary"] == 4 and got[2014]["total"] is None
    assert got[2015] == {"fiscal_year": 2015, "requested": 47}
    # the 当初予算 row one cell short (the request's printed apart): no cut is taken without its 計
    short = [x for k, x in enumerate(RV857) if k != RV857.index("47", 9)]
    assert budget_row_major(short, Y857, 1) is None


# variant 866 (reportlab, pdftotext): 令和元年度 with nothing printed (every cell a dash, its 計 too), the 計 row
# short (the current year's 20 and the request's 57 printed after the 予算内訳 table), a page mark amid the rows
RV866 = ["予算額・執行額 (単位:百万円)", "予算の状況", "令和元年度", "令和2年度", "令和3年度", "令和4年度", "令和5年度要求",
         "当初予算", "-", "-", "34", "20", "57", "補正予算", "-", "-", "0", "0", "前年度から繰越", "し", "-", "-", "6", "0",
         "翌年度へ繰越し", "-", "-", "0", "0", "予備費等", "-", "-", "0", "0", "1 / 11", "-", "計", "-", "0", "40", "執行額",
         "-", "0", "37", "執行率(%)", "-", "-", "92%", "当初予算+補正予算に対する執行額の割合(", "%)", "-", "-", "109%",
         "令和4・5年度 予", "算内訳 (単位:百", "万円)", "歳出予算目"]
Y866 = [(2019, False), (2020, False), (2021, False), (2022, False), (2023, True)]


def test_a_past_year_with_nothing_printed_is_read_as_dashes():
    got = _by_year(budget_row_major(RV866, Y866, 1))  # (was no table: a past year's 計 a dash refused the cut)
    assert got[2019] == {"fiscal_year": 2019, "initial": None, "supplementary": None, "carried_from_previous": None,
                         "carried_to_next": None, "reserve": None, "total": None, "executed": None}
    assert got[2020]["total"] == 0 and got[2020]["executed"] == 0
    assert got[2021] == {"fiscal_year": 2021, "initial": 34, "supplementary": 0, "carried_from_previous": 6,
                         "carried_to_next": 0, "reserve": 0, "total": 40, "executed": 37}
    assert got[2022]["initial"] == 20 and got[2022]["total"] is None and got[2023]["requested"] == 57
