"""予算額・執行額 of the real form read row after row (kg.extract.budget_form) when LibreOffice's print, in pdftotext's
text, writes the 当初予算 row's label and first cell after the row's other cells (and even after the next rows), or a
▲ apart from its figure. Excerpts of real-form variants (tests/fixtures/real_variants.py) as pdftotext wrote them;
figures as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.budget_form import _cells, budget_row_major

YEARS = [(2019, False), (2020, False), (2021, False), (2022, False), (2023, True)]

# 「27,457 18,017」 … 「34,662」 (the 当初予算 row from its second cell), the 補正予算 and 前年度から繰越し rows, then
# 「予算 の 状 況 当初予算 40,863」; the 翌年度へ繰越し row's second ▲ after its first figure, its 7,477 two lines on
LATE = ["予算額・ 執行額 (単位:百万円)", "令和元年 2年度", "度", "4年度", "5年度要求", "27,457 18,017", "39,953", "34,662",
        "補正予算 801", "6,773", "-", "-", "-", "前年度か ら繰越し", "18", "-", "9,048", "-", "予算 の 状 況 当初予算 40,863",
        "3年度", "\x0c翌年度へ ▲ 3,713 ▲", "繰越し", "7,477", "▲ 3,230", "-", "-", "予備費等 -", "-", "-", "-", "-", "計",
        "37,951", "26,771 14,787", "49,001", "34,662", "執行額", "33,159", "19,970 14,331", "執行率(%)", "87%", "75%",
        "97%", "当初予算+補正予算に 80%", "対する執行額の割合", "(%)", "58%", "80%", "令和4・5年 歳出予算目"]


def test_the_first_rows_label_and_cell_after_its_other_cells():
    by = {e["fiscal_year"]: e for e in budget_row_major(LATE, YEARS, 1)[0]}
    assert [by[y]["initial"] for y in (2019, 2020, 2021, 2022)] == [40863, 27457, 18017, 39953]
    assert [by[y]["carried_to_next"] for y in (2019, 2020, 2021)] == [-3713, -7477, -3230]
    assert (by[2020]["carried_from_previous"], by[2022]["total"], by[2021]["executed"]) == (18, 49001, 14331)
    assert by[2023]["requested"] == 34662


def test_a_table_whose_first_cells_the_sums_deny_is_not_read():
    # (the 2020 当初予算 printed 27,458: the row put back does not add up to its 計)
    lines = [("27,458 18,017" if t == "27,457 18,017" else t) for t in LATE]
    assert budget_row_major(lines, YEARS, 1) is None


def test_a_mark_apart_marks_the_next_figure_above_zero_where_it_stands():
    # 「▲」 level with the next cell's 0, 「139」 (2013's) under it
    cells, _ = _cells(["予算額・執行額", "翌年度へ 0", "繰越し", "▲", "0", "139", "0", "-", "予備費等 0"], 1)
    assert [c[0] for c in cells] == [0, -139, 0, 0, None, 0]


# a year's header wrapped in its narrow cell, 「26」 between 「度」 and 「度」「年度」 (平成26年度), before the rows
WRAPPED_HEAD = ["予算額・執行額 (単位: 平成 平成24年 平成25年 平成 平成27年度要求", "百万円)", "23年 度", "度", "26", "度", "年度",
                "予算の 当初予 253 289", "状況 算", "415", "344 509", "補正予 0", "算", "0", "52", "147", "前年度 0", "から繰",
                "越し", "0", "63", "45", "翌年度 0", "へ繰越", "し", "▲ 11", "0", "0", "予備費 0", "等", "0", "0", "0",
                "536 509", "計", "253 278", "530", "執行額", "187 192", "519", "執行率(%)", "74%", "69% 98%",
                "当初予算+補正 74%", "予算に対する執", "行額の割合(%)", "66% 111%", "\x0c平成", "歳出予 平成26 平成 主な増減理由"]


def test_a_wrapped_header_years_number_is_no_cell():
    years = [(2011, False), (2012, False), (2013, False), (2014, False), (2015, True)]
    by = {e["fiscal_year"]: e for e in budget_row_major(WRAPPED_HEAD, years, 1)[0]}
    assert [by[y]["initial"] for y in (2011, 2012, 2013, 2014)] == [253, 289, 415, 344]
    assert [by[y]["total"] for y in (2011, 2012, 2013, 2014)] == [253, 278, 530, 536]
    assert (by[2012]["carried_to_next"], by[2013]["executed"], by[2015]["requested"]) == (-11, 519, 509)
