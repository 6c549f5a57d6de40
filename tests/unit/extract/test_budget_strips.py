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
    # the rates in another order than the strips': no cut
    swapped = [*lines[:lines.index("67%")], "100%", "50%", "67%", "67%", *lines[lines.index("50%") + 1:]]
    assert budget_strips(swapped, years, 1) is None
