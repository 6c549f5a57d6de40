"""予算額・執行額 of the real form whose rows leave their blank cells out (kg.extract.budget_gaps) when the 計 row holds
the past years' cells alone: the current year's and the request's 計 printed after the 歳出予算目 table (pdftotext's
text of a reportlab print of real-form variant 1302, tests/fixtures/real_variants.py). Values as the variant's
.xlsx record holds them."""
from __future__ import annotations

from kg.extract.budget_gaps import budget_gaps

YEARS = [(2018 + k, k == 4) for k in range(5)]
RL = ["予算額・執行額 (単位:百万円)", "予算の状況", "平成30年度", "令和元年", "度", "令和2年度", "令和3年", "度", "令和4年度要求",
      "当初予算", "21,693", "23,873", "52,702", "56,817", "36,554", "補正予算", "-", "-", "5,306", "-", "前年度から 繰越し",
      "7,731", "-", "-", "翌年度へ繰 越し", "-", "▲ 17,752", "-", "予備費等", "-", "-", "-", "-", "1/7", "\x0c計", "21,693",
      "31,604", "40,256", "執行額", "20,994", "24,453", "29,557", "執行率(%)", "97%", "77%", "73%",
      "当初予算+補正予算に対する執行", "額の割合(%)", "97%", "102%", "51%", "令和3・4年度 歳出予算目"]
# the 歳出予算目 table after it, then the current year's and the request's 計 of the table above
BREAKDOWN = ["予算内訳 (単位", ":百万円)", "令和3年度", "当初予算", "令和4年度要求", "主な増減理由", "諸謝金", "32,377", "1,350",
             "職員旅費", "1,423", "13,220", "委員等旅費", "7,070", "3,282", "情報処理業務庁", "費", "6,254", "16,632", "その他",
             "9,693", "2,070", "計", "56,817", "36,554", "56,817", "36,554", "活動内容 (アク"]


def test_a_total_row_without_the_current_years_cell_keeps_the_past_years():
    budget, _, _, dropped, unknown = budget_gaps(RL + BREAKDOWN, YEARS, 1)  # (was no table)
    by = {e["fiscal_year"]: e for e in budget}
    assert dropped == [] and unknown == ["2021 total"]
    assert (by[2019]["carried_from_previous"], by[2019]["total"], by[2019]["executed"]) == (7731, 31604, 24453)
    assert (by[2020]["supplementary"], by[2020]["carried_to_next"], by[2020]["total"]) == (5306, -17752, 40256)
    assert (by[2021]["initial"], by[2021]["total"], by[2022]["requested"]) == (56817, None, 36554)


def test_a_part_row_with_a_request_cell_is_not_read_without_the_current_years_total():
    # (a fifth cell in the 予備費等 row: the current year's column, checked by no 計, might take a past year's cell)
    k = RL.index("1/7")
    assert budget_gaps([*RL[:k], "-", *RL[k:], *BREAKDOWN], YEARS, 1) is None


def test_current_year_parts_adding_up_to_no_printed_figure_are_not_read():
    # (a figure of another column read into the current year's 予備費等, 「予備費等 - - - 58」: 56,817 + 58 is printed
    # nowhere)
    k = RL.index("1/7")
    assert budget_gaps([*RL[:k - 1], "58", *RL[k:], *BREAKDOWN], YEARS, 1) is None
    assert budget_gaps(RL, YEARS, 1) is None  # (no figure printed after the table: the current year's sum unchecked)
