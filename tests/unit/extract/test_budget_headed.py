"""予算額・執行額 of the real form from pdfminer.six's text when no reading of the whole table fits, the year
columns printed whole under their own headers read alone (budget_boxes.budget_headed). Excerpts of real-form
variants as pdfminer.six wrote them (blank lines left out); figures as their .xlsx records hold them."""
from __future__ import annotations

from kg.extract.budget_boxes import budget_boxes, budget_headed

# variant 1306 (reportlab): the first two past years' cells after their labels, then 令和5年度's column under its
# header with its rates (16 / 19 = 84%, 16 / 20 = 80%); the current year's and the request's columns are not in the
# text (the 予算内訳 table's items follow)
RV1306 = ("予算額・ 執行額 (単位:百万円) | 令和3年度 | 4年度 | 予算 の 状 況 | 当初予算 | 補正予算 | 前年度から繰越し | 52 | - | - | "
          "翌年度へ繰越し | ▲11 | 予備費等 | 計 | 執行額 | 執行率(%) | 当初予算+補正予算に対する執行額の割合(%) | - | 41 | 28 | 68% | "
          "54% | 48 | - | - | ▲5 | - | 43 | 32 | 74% | 67% | 5年度 | 18 | 2 | - | ▲1 | - | 19 | 16 | 84% | 80% | "
          "令和6・7年度 予算 | 内訳 (単位:百万円) | 歳出予算目 | 令和6年度当初予算 | 令和7年度要求 | 主な増減理由").split(" | ")
_YEARS = [(2021, False), (2022, False), (2023, False), (2024, False), (2025, True)]


def test_a_column_under_its_own_header_is_read_when_the_table_is_not():
    assert budget_boxes(RV1306, _YEARS, 1) is None  # (the current year's and the request's cells missing)
    budget, _, _, dropped, unknown = budget_headed(RV1306, _YEARS, 1)
    assert budget == [{"fiscal_year": 2023, "initial": 18, "supplementary": 2, "carried_from_previous": None,
                       "carried_to_next": -1, "reserve": None, "total": 19, "executed": 16}]
    assert dropped == [2021, 2022, 2024, 2025] and unknown == []


def test_a_column_whose_rate_is_not_its_own_is_not_read():
    # its 執行率 printed as 90% (16 / 19 is 84%): one header and column alone, no sign the text alternates them
    lines = [x if x != "84%" else "90%" for x in RV1306]
    assert budget_headed(lines, _YEARS, 1) is None


# variant 1816 (reportlab): the 当初予算 row printed whole after its label, but the second year's cell, wrapped in its
# narrow column (「26,」 over 「212」), written after the request's 45,768; its 計 and 執行額 wrapped so too
RV1816 = ("予算額・ 執行額 (単位:百万円) | 令和2年度 | 3年度 4年度 | 5年度 | 6年度要求 | 予算 の 状 況 当初予算 | 53,005 | 51,151 | "
          "31,715 | 45,768 | 26, | 212 | 1 / 18 | 補正予算 | 13,098 | 前年度から繰越し 0 | 翌年度へ繰越し | 予備費等 | 計 | 執行額 | "
          "執行率(%) | 当初予算+補正予算に対する執行 | 額の割合(%) | 0 | 0 | 66,103 | 58,615 | 89% | 89% | 5,772 | 0 | 0 | 0 | 0 | "
          "9,076 | 0 | 0 | - | - | - | - | 56,923 | 40,791 | 45,768 | 51,609 | 0 | 0 | 0 | 0 | 26, | 212 | 17, | 796 | 68% | "
          "91% | 68% | 91% | 歳出予算目 令和5年度当初予算 令和6年度要求 | 主な増減理由").split(" | ")
_YEARS_W = [(2020, False), (2021, False), (2022, False), (2023, False), (2024, True)]


def test_a_wrapped_cell_of_the_initial_row_may_stand_in_any_column():
    # as printed (26,212 the request's 当初予算) no reading fits; with 26,212 in each other column, the readings that
    # fit agree on the first year, the current year and the request; 2021 and 2022 (26,212 or 51,151) are not told
    budget, _, _, dropped, unknown = budget_boxes(RV1816, _YEARS_W, 1)
    by = {e["fiscal_year"]: e for e in budget}
    assert by[2020] == {"fiscal_year": 2020, "initial": 53005, "supplementary": 13098, "carried_from_previous": 0,
                        "carried_to_next": 0, "reserve": 0, "total": 66103, "executed": 58615}
    assert by[2023]["initial"] == 31715 and by[2023]["total"] == 40791 and by[2023]["supplementary"] == 0
    assert by[2024] == {"fiscal_year": 2024, "requested": 45768}
    assert dropped == [2021, 2022]


def test_an_unwrapped_initial_row_is_not_moved():
    # the same figures with 26,212 whole on its line: nothing tells its column is in doubt, no reading as placed
    k = RV1816.index("26,")
    lines = [*RV1816[:k], "26,212", *RV1816[k + 2:]]
    assert budget_boxes(lines, _YEARS_W, 1) is None
    assert budget_boxes(RV1816, _YEARS_W, 1) is not None
