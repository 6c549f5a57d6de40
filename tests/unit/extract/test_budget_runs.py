"""予算額・執行額 of the real form whose row labels are not all beside their rows (kg.extract.budget_runs, through
kg.extract.budget_gaps): pdftotext's text of LibreOffice prints of real-form variants (tests/fixtures/real_variants.py)
whose 当初予算 and 補正予算 labels come after the rate rows. Values as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.budget_gaps import budget_gaps
from kg.extract.budget_lines import paragraph_sequence
from kg.extract.budget_runs import row_readings

# variant 1028: both labels after the table, the two rows' cells before the 前年度から繰越し label
V1028 = ["予算額・執行額 (単位:百万円)", "平成30年度", "令和元年度", "令和2年度 令和3年度", "令和4年度要求", "60", "27", "20", "43", "24",
         "-", "-", "-", "-", "前年度から 繰越し", "3", "-", "-", "翌年度へ繰 越し", "-", "-", "-", "予備費等", "-", "-", "-", "-",
         "計", "60", "30", "20", "43", "執行額", "55", "29", "16", "92%", "97%", "80%", "当初予算+補正予算に対す 92%",
         "る執行額の割合(%)", "107%", "80%", "予算の状況 当初予算", "補正予算", "執行率(%)"]
# variant 1515: the 補正予算 label after the table, its row's cells in the 当初予算 row's run (the request's 当初予算
# printed elsewhere)
V1515 = ["予算額・執行額 (単位:百万円)", "平成28年度", "平成29年", "度", "平成30年度", "令和元年度 令和2年度要求",
         "\x0c予算の状況 当初予算", "57,066", "45,725", "58,998", "58,597", "-", "-", "7,972", "-", "前年度から 繰越し", "8,946",
         "-", "-", "翌年度へ繰 ▲ 3,899", "越し", "-", "▲ 8,979", "-", "予備費等", "-", "-", "-", "-", "計", "53,167", "54,671",
         "57,991", "58,597", "執行額", "37,599", "51,771", "42,838", "71%", "95%", "74%", "当初予算+補正予算に対す 66%",
         "る執行額の割合(%)", "113%", "64%", "補正予算", "執行率(%)"]


def _years(first):
    return [(first + k, k == 4) for k in range(5)]


def test_the_cells_before_the_first_label_are_the_first_rows():
    budget, _, _, dropped, _ = budget_gaps(V1028, _years(2018), 1)  # (was no table)
    by = {e["fiscal_year"]: e for e in budget}
    assert dropped == []
    assert [by[y]["initial"] for y in range(2018, 2022)] == [60, 27, 20, 43]
    assert (by[2019]["carried_from_previous"], by[2019]["total"], by[2019]["executed"]) == (3, 30, 29)
    assert by[2021]["total"] == 43 and by[2018]["supplementary"] is None


def test_a_run_holding_two_rows_is_cut_where_the_sums_tell():
    budget, _, _, dropped, _ = budget_gaps(V1515, _years(2016), 1)  # (was no table)
    by = {e["fiscal_year"]: e for e in budget}
    assert (by[2018]["initial"], by[2018]["supplementary"], by[2018]["carried_to_next"]) == (58998, 7972, -8979)
    assert (by[2017]["carried_from_previous"], by[2017]["total"], by[2017]["executed"]) == (8946, 54671, 51771)
    assert by[2016]["total"] == 53167
    assert dropped == [2019]  # (58,597 the current year's 当初予算 or the request's: not told)


def test_labels_beside_their_rows_give_one_reading():
    lines = [*V1028[:5], "当初予算", *V1028[5:10], "補正予算", *V1028[10:]]
    assert row_readings(paragraph_sequence(lines, 1), 5) == [
        [[60, 27, 20, 43, 24], [None] * 4, [3, None, None], [None] * 3, [None] * 4, [60, 30, 20, 43], [55, 29, 16]]]


def test_a_label_after_its_own_rows_cells_is_no_reading():
    # (the labels must come in the form's order: 補正予算 before 当初予算 is not the form's)
    lines = [*V1028[:5], "補正予算", *V1028[5:10], "当初予算", *V1028[10:]]
    assert row_readings(paragraph_sequence(lines, 1), 5) is None


# LibreOffice, pdftotext (fresh variant shape): the 計 label before the year headers, a first year with no budget
# printed blank, the next one dashes; the 予備費等 run holds its three dashes, then the 計 row's five cells (0 0 4,764
# 2,661 and the request's 2,942) and the request's 当初予算 2,942 printed apart
BLANK_FIRST_YEAR = ["予算額・執行額 (単位:百万円)", "予算の状況", "計", "平成23年 平成24 平成25年度 平成26 平成27年度要求", "度",
                    "年度", "年度", "当初予 算", "-", "4,508", "2,661", "補正予 算", "-", "256", "-", "前年度 から繰", "越し",
                    "-", "-", "-", "翌年度 へ繰越", "し", "-", "-", "-", "予備費 等", "-", "-", "-", "0", "0", "4,764",
                    "2,661", "2,942", "2,942", "\x0c執行額", "0", "0", "-", "-", "98%",
                    "当初予算+補正予算に対 する執行額の割合(%)", "-", "98%", "執行率(%)"]


def test_a_total_rows_first_cell_is_not_read_as_the_current_years_reserve():
    budget, _, _, dropped, unknown = budget_gaps(BLANK_FIRST_YEAR, _years(2011), 1)
    by = {e["fiscal_year"]: e for e in budget}
    assert (by[2014]["initial"], by[2014]["total"]) == (2661, 2661) and by[2015]["requested"] == 2942
    # cut with four 予備費等 cells the 0 was its 2014 cell (never printed: the column holds 2,661 alone); cut with
    # three, the 計 row holds the 0: the readings disagree, so it is unknown, not 0
    assert by[2014]["reserve"] is None and "2014 reserve" in unknown
