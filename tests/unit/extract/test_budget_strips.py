"""予算額・執行額 of the real form from pdfminer.six's text printed as strips (issue 17): each year column whole, one
cell a line, a past year's followed by its rates, no figure beside a row label. Excerpts of real-form variants
printed by LibreOffice, as pdfminer.six wrote them (blank lines left out); figures as their .xlsx records hold them."""
from __future__ import annotations

from kg.extract.budget_strips import budget_strips

_HEAD = ["予算額・ 執行額 (単位:百万円)", "予算 の 状 況", "当初予算", "補正予算", "前年度から繰越し", "翌年度へ繰越し",
         "予備費等", "計", "執行額", "執行率(%)", "当初予算+補正予算に対する執行額の割合(%)", "平成26年度", "27年度",
         "28年度", "29年度", "30年度要求"]
_YEARS = [(2014, False), (2015, False), (2016, False), (2017, False), (2018, True)]

# variant 1006: the past years' strips (7 cells, then 執行率 and 当初予算+補正予算 rate), the current year's, the request's
RV1006 = [*_HEAD, "4", "-", "1", "-", "-", "5", "5", "100%", "125%", "2", "-", "-", "▲ 1", "-", "1", "1", "100%", "50%",
          "4", "-", "1", "-", "-", "5", "4", "80%", "100%", "5", "-", "2", "-", "-", "7", "6", "-", "-", "-", "-", "6",
          "平成29・30年度 予算内", "訳 (単位:百万円)", "歳出予算目"]
# variant 1027: two past years with no 計 (dashes, their rates dashes), the current year's and the request's strips,
# then the last past year's
RV1027 = [*_HEAD, *["-"] * 18, "5", "-", "2", "-", "-", "7", "4", "-", "-", "-", "-", "4", "3", "2", "-", "▲ 1", "-",
          "4", "3", "75%", "60%", "平成29・30年度 予算内訳 ", "(単位:百万円)", "歳出予算目"]


def _by_year(got):
    return {e["fiscal_year"]: e for e in got[0]}


def test_the_current_year_and_the_request_known_by_their_shape():
    got = budget_strips(RV1006, _YEARS, 1)
    by = _by_year(got)
    assert by[2017] == {"fiscal_year": 2017, "initial": 5, "supplementary": None, "carried_from_previous": 2,
                        "carried_to_next": None, "reserve": None, "total": 7, "executed": None}
    assert by[2018] == {"fiscal_year": 2018, "requested": 6}
    # the past years' strips come in no known order: left out, not guessed
    assert got[3] == [2014, 2015, 2016] and not {2014, 2015, 2016} & set(by)


def test_past_years_with_dash_rates_among_the_strips():
    got = budget_strips(RV1027, _YEARS, 1)
    by = _by_year(got)
    assert by[2017]["initial"] == 5 and by[2017]["carried_from_previous"] == 2 and by[2017]["total"] == 7
    assert by[2018] == {"fiscal_year": 2018, "requested": 4}
    assert got[3] == [2014, 2015, 2016]


def test_a_rate_that_does_not_fit_its_strip_reads_nothing():
    # 2016's 執行率 printed as 90% (4 / 5 is 80%): no cut fits, nothing is read
    lines = [x if k != RV1006.index("80%") else "90%" for k, x in enumerate(RV1006)]
    assert budget_strips(lines, _YEARS, 1) is None


def test_a_row_written_across_is_no_strip():
    # two figures on a line: a row's cells, not a column's
    lines = [*RV1006[:RV1006.index("6")], "6 6", *RV1006[RV1006.index("6") + 1:]]
    assert budget_strips(lines, _YEARS, 1) is None


def test_rates_printed_after_a_later_strip_are_the_waiting_years_in_order():
    # variant 850 (LibreOffice, reportlab alike): the second past year's strip, then the third's, then both years'
    # rates (3 / 3... 2 / 3 = 67%, then 1 / 1 and 1 / 2); the current year's strip and the request's after them
    lines = ["予算額・執行額 (単位:百万円)", "予算の状況", "当初予算", "補正予算", "前年度から繰越し", "翌年度へ繰越し", "予備費等",
             "計", "執行額", "執行率(%)", "当初予算+補正予算に対する執行額の割合(%)", "令和3年度", "令和4年度", "令和5年度",
             "令和6年度", "令和7年度要求", "5", "0", "0", "0", "0", "5", "4", "80%", "80%", "3", "0", "0", "0", "0", "3",
             "2", "2", "0", "1", "▲2", "0", "1", "1", "67%", "67%", "100%", "50%", "4", "0", "0", "0", "0", "4", "3", "-",
             "-", "-", "-", "3", "令和6・7年度 予算内訳", "歳出予算目"]
    years = [(2021, False), (2022, False), (2023, False), (2024, False), (2025, True)]
    by = _by_year(budget_strips(lines, years, 1))
    assert by[2024] == {"fiscal_year": 2024, "initial": 4, "supplementary": 0, "carried_from_previous": 0,
                        "carried_to_next": 0, "reserve": 0, "total": 4, "executed": None}
    assert by[2025] == {"fiscal_year": 2025, "requested": 3}
    # the rates in another order than the strips': no cut waits for them so, but each year's rates are printed, and
    # the current year's strip and the request's are the same in every cut of the cells
    swapped = [*lines[:lines.index("67%")], "100%", "50%", "67%", "67%", *lines[lines.index("50%") + 1:]]
    got = budget_strips(swapped, years, 1)
    assert _by_year(got)[2024]["total"] == 4 and _by_year(got)[2025] == {"fiscal_year": 2025, "requested": 3}
    assert got[3] == [2021, 2022, 2023]


# variant 1802 (reportlab): the first two past years' strips, the three past years' rates, the current year's strip,
# the request's, then the third past year's strip and the page's footer
RV1802 = ("予算額・執行額 (単位:百万円) | 令和元年度 | 令和2年度 | 令和3年度 | 令和4年度 | 令和5年度要求 | 予算の状況 | 計 | 執行額 | "
          "当初予算 | 補正予算 | 前年度から繰越し | 翌年度へ繰越し | 予備費等 | 5 | 0 | 1 | 0 | 0 | 6 | 4 | 2 | 0 | 0 | 0 | 0 | 2 | "
          "2 | 執行率(%) | 当初予算+補正予算に対する執行額の割合(%) | 67% | 80% | 100% | 100% | 83% | 83% | 4 | 0 | 0 | 0 | 0 | "
          "4 | 6 | - | 6 | 6 | 0 | 0 | 0 | 0 | 6 | 5 | 1 / 9 | 令和4・5年度 予算 | 内訳 (単位:百万円) | 歳出予算目").split(" | ")
_YEARS_R = [(2019, False), (2020, False), (2021, False), (2022, False), (2023, True)]


def test_rates_printed_before_their_strip_are_looked_for_among_all():
    # 6 / 6 = 100%... the third past year's rates (83%, 83%: 5 / 6) printed before its strip: no cut waits for them
    # there, each past year's rates are among the percentages printed
    got = budget_strips(RV1802, _YEARS_R, 1)
    by = _by_year(got)
    assert by[2022] == {"fiscal_year": 2022, "initial": 4, "supplementary": 0, "carried_from_previous": 0,
                        "carried_to_next": 0, "reserve": 0, "total": 4, "executed": None}
    assert by[2023] == {"fiscal_year": 2023, "requested": 6}
    assert got[3] == [2019, 2020, 2021]
    # a past year's rate printed nowhere (83% read 90%: 5 / 6 is not it): no cut
    assert budget_strips([x if x != "83%" else "90%" for x in RV1802], _YEARS_R, 1) is None


# variant 1018 (reportlab): three dashes, the fourth beside its row label 翌年度へ繰越し (the first year's cell of that
# row), then the first past year's strip goes on (「-」「0」「0」) with its rates' dashes, the current year's strip, the
# request's, the second past year's with its dashes, the third's with its rates
RV1018 = ("予算額・ 執行額 (単位:百万円) | 平成27年度 28年 | 29年度 | 30年度 | 令和元年度要求 | 予算 の 状 況 当初予算 | 補正予算 | "
          "前年度から繰越 | し | - | - | - | 翌年度へ繰越し - | 予備費等 | 計 | 執行額 | 執行率(%) | 当初予算+補正予算に対する執 | "
          "行額の割合(%) | - | 0 | 0 | - | - | 2 | 2 | 0 | 0 | 0 | 4 | 6 | - | - | - | - | 6 | 度 | - | - | - | - | - | 0 | "
          "0 | - | - | 2 | 0 | 0 | ▲ 1 | 0 | 1 | 1 | 100% | 50% | 平成30・31年 | 度 予算内訳 ( | 単位:百万円) | 歳出予算目").split(" | ")
_YEARS_H = [(2015, False), (2016, False), (2017, False), (2018, False), (2019, True)]


def test_a_cell_beside_its_row_label_makes_the_first_strip_the_first_years():
    got = budget_strips(RV1018, _YEARS_H, 1)
    by = _by_year(got)
    assert by[2015] == {"fiscal_year": 2015, "initial": None, "supplementary": None, "carried_from_previous": None,
                        "carried_to_next": None, "reserve": None, "total": 0, "executed": 0}
    assert by[2018]["initial"] == 2 and by[2018]["supplementary"] == 2 and by[2018]["total"] == 4
    assert by[2019] == {"fiscal_year": 2019, "requested": 6}
    # the other two past years' strips differ (a new project's, 2 0 0 ▲1 0 1 1): which is which is not told
    assert got[3] == [2016, 2017]


def test_a_cell_beside_its_row_label_out_of_the_first_strips_place_reads_nothing():
    # the dash beside 翌年度へ繰越し the third cell: it cannot be the first year's 翌年度へ繰越し in the first strip
    k = RV1018.index("翌年度へ繰越し -")
    lines = [*RV1018[:k - 1], RV1018[k], RV1018[k - 1], *RV1018[k + 1:]]
    assert budget_strips(lines, _YEARS_H, 1) is None
