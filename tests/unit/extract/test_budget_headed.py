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
