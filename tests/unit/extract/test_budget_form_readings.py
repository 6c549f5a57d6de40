"""予算額・執行額 of the real form read row after row (kg.extract.budget_form) from the prints as pdftotext writes
them, where the text is not the rows' cells in order: a figure wrapped over three lines or around the next cell's,
a year header's pieces amid the labels, the request's 当初予算 printed before the rows, three-digit figures wrapped
in their narrow cells, a later table's year header before the table's own (reportlab's print), the first two
rows' labels printed with their first cells before the rows' other cells, a 0 of the 予備費等 row printed after
the rate rows (LibreOffice's). Excerpts of real-form variants
(tests/fixtures/real_variants.py); figures as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.budget_form import budget_row_major
from kg.extract.budget_tail import budget_tail

WRAPPED3 = ["予算額・執行額 (単位: 平成", "百万円)", "29年", "度", "", "予算の 当初", "状況", "予算", "", "補正", "予算", "", "平成30 令和元", "年度",
            "年度", "", "令", "和", "2", "年", "度", "", "令和3年度要求", "", "1,824", "", "1,649", "", "1,865", "", "2, 5,966",
            "51", "7", "", "0", "", "0", "", "733", "", "0", "", "2 / 17", "", "\x0c前年", "度か", "ら繰", "越し", "", "0",
            "", "翌年", "度へ", "繰越", "し", "", "予備", "費等", "", "0", "", "0", "", "0", "", "▲ 120 ▲ 85", "", "0", "", "0",
            "", "0", "", "0", "", "0", "", "0", "", "計", "", "1,704", "", "1,564", "", "2,598", "", "2, 5,966", "51",
            "7", "", "執行額", "", "1,321", "", "1,104", "", "1,837", "", "執行率(%)", "", "78%", "", "71%", "", "71%", "",
            "当初予算+補", "正予算に対す", "る執行額の割", "合(%)", "", "72%", "", "67%", "", "71%", "", "令和 歳出予"]

SPLIT = ["予算額・ 執行額 (単位:百万円)", "", "予算 の 状", "況", "", "平成24年", "度", "", "25", "26年度", "年度", "", "27年度", "", "28年度要求",
         "", "当初予算 3,337", "", "4,", "4,060", "434", "", "2,052", "", "2,132", "", "補正予算 1,465", "", "0", "", "0", "",
         "-", "", "0", "", "1 / 12", "", "\x0c平成27・", "28年度 予", "算内訳 (単", "位:百万円)", "", "前年度か 0", "ら繰越し", "", "0", "",
         "0", "", "0", "", "-", "", "翌年度へ 0", "繰越し", "", "▲", "0", "139", "", "0", "", "-", "", "予備費等 0", "", "0", "",
         "0", "", "-", "", "計", "", "4,802", "", "4,", "4,060", "295", "", "2,052", "", "2,132", "", "執行額", "",
         "4,260", "", "3,", "3,903", "665", "", "執行率(%)", "", "89%", "", "85% 96%", "", "当初予算+補正予算に", "対する執行額の割合(",
         "%)", "", "89%", "", "83% 96%", "", "歳出予算目 平成27"]

AHEAD = ["\x0c予算額・執行額 (単位: 平成 平成24", "百万円)", "23", "年度", "年度", "", "予算", "の状", "況", "", "平成25", "年度", "", "平", "成",
         "26", "年", "度", "", "平成27年度要求", "", "509", "", "当初", "予算", "", "253 289", "", "415", "", "34", "4", "", "補正",
         "予算", "", "0", "", "0", "", "52", "", "147", "", "前年", "度か", "ら繰", "越し", "", "0", "", "0", "", "63", "",
         "45", "", "翌年", "度へ", "繰越", "し", "", "0", "", "▲ 11", "", "0", "", "0", "", "予備", "費等", "", "0", "", "0", "",
         "0", "", "0", "", "53", "6", "", "計", "", "253 278", "", "530", "", "執行額", "", "187 192", "", "519", "",
         "執行率(%)", "", "74%", "", "69% 98%", "", "当初予算+補", "正予算に対す", "る執行額の割", "合(%)", "", "74%", "", "66% 111%", "",
         "509", "", "2 / 22", "", "\x0c平成26 歳出"]

FOREIGN = ["予算額・ 執行額 (単位:百万円)", "予算 の 状 況", "", "平成29・30年度 予算内訳", "(単位:百万円)", "", "成果目標及び 成果実績 (ア", "ウトカム)", "",
           "平成30年度", "", "平成26年度", "", "27年度", "", "28年度", "", "29年度", "", "30年度要求", "", "当初予算", "", "56", "", "42",
           "", "54", "", "41", "", "55", "", "補正予算", "", "-", "", "-", "", "-", "", "9", "", "-", "", "前年度から繰越し", "",
           "-", "", "-", "", "6", "", "3", "", "-", "", "翌年度へ繰越し", "", "-", "", "▲ 10", "", "▲ 17", "", "-", "", "-",
           "", "予備費等", "", "-", "", "-", "", "-", "", "-", "", "-", "", "計", "", "53", "", "55", "", "30年度", "",
           "令和元年度", "", "56", "", "32", "", "43", "", "執行額", "", "50", "", "25", "", "37", "", "執行率(%)", "", "89%",
           "", "78%", "", "86%", "", "当初予算+補正予算に対する執行額の割合(%)", "", "89%", "", "60%", "", "69%", "", "歳出予算目"]

ERA_APART = ["予算額・執行額 (単位:百万円)", "", "予算の状況", "", "当初予算", "", "平成25年度", "", "平成26", "年度", "", "平成27年度 平成 平成29年度要求",
             "28", "年度", "", "-", "", "-", "", "57", "", "44", "", "1 / 18", "", "24", "", "\x0c補正予算", "", "-", "",
             "-", "", "-", "", "-", "", "前年度から繰 越し", "", "-", "", "10", "", "8", "", "翌年度へ繰越 し", "", "-", "", "-", "",
             "-", "", "予備費等", "", "-", "", "-", "", "-", "", "-", "", "計", "", "-", "", "-", "", "67", "", "52", "",
             "執行額", "", "-", "", "-", "", "50", "", "執行率(%)", "", "-", "", "-", "", "75%", "", "当初予算+補正予算に対する執",
             "行額の割合(%)", "", "-", "", "-", "", "88%", "", "平成28・29年 歳出予算目"]


# LibreOffice's print: 「当初予 1,824」「補正予 0」, then the 当初予算 row's other cells, then the 補正予算 row's
LABEL_BLOCK = ["予算額・執行額 (単位: 平成29 平成30 令和元年 令 令和3年度要求", "百万円)", "年度", "年度", "度", "和2", "年", "度", "", "予算の 当初予 1,824",
               "状況", "算", "", "補正予 0", "算", "", "1,649", "", "1,865", "", "2,5 5,966", "17", "", "0", "", "733", "",
               "0", "", "\x0c前年度 0", "から繰", "越し", "", "0", "", "0", "", "0", "", "翌年度 ▲ 120 ▲ 85", "へ繰越", "し", "",
               "0", "", "0", "", "予備費 0", "等", "", "0", "", "0", "", "0", "", "2,5 5,966", "17", "", "計", "", "1,704",
               "", "1,564", "", "2,598", "", "執行額", "", "1,321", "", "1,104", "", "1,837", "", "78%", "", "71%", "",
               "71%", "", "当初予算+補正 72%", "予算に対する", "執行額の割合", "(%)", "", "67%", "", "71%", "", "執行率(%)", "",
               "令和 歳出予 令和2 令和3年 主な増減理由"]

# LibreOffice's print: 「予備費等 0」「0」「0」「-」, 2015's 0 printed after the rate rows
LATE_ZERO = ["予算額・ 執行額 (単位:百万円)", "", "予算 の 状", "況", "", "平成24年度 25年 26年度", "度", "", "27年度", "", "28年度要求", "",
             "4,43 4,060", "4", "", "2,052", "", "2,132", "", "当初予算 3,337", "", "\x0c補正予算 1,465", "", "0", "", "0",
             "", "0", "", "-", "", "前年度か 0", "ら繰越し", "", "0", "", "0", "", "0", "", "-", "", "翌年度へ 0", "繰越し", "", "▲",
             "0", "139", "", "0", "", "-", "", "予備費等 0", "", "0", "", "0", "", "-", "", "計", "", "4,802", "",
             "4,29 4,060", "5", "", "2,052", "", "2,132", "", "執行額", "", "4,260", "", "3,66 3,903", "5", "", "執行率(%)",
             "", "89%", "", "85% 96%", "", "当初予算+補正予算に 89%", "対する執行額の割合(%)", "", "83% 96%", "", "0", "",
             "平成27・28 歳出予算目 平成27年 平成28年度 主な増減理由"]

def _years(first: int) -> list[tuple[int, bool]]:
    return [(first + k, k == 4) for k in range(5)]


def _by_year(got):
    return {e["fiscal_year"]: e for e in got[0]}


def test_a_figure_wrapped_over_three_lines_and_a_header_amid_the_labels():
    # 「2, 5,966」「51」「7」: the current year's 2,517 beside the request's 5,966; 「令」「和」「2」「年」「度」 after the
    # 当初予算 and 補正予算 labels is 2020's header, no cell
    by = _by_year(budget_row_major(WRAPPED3, _years(2017), 1))
    assert (by[2020]["initial"], by[2020]["total"], by[2021]["requested"]) == (2517, 2517, 5966)
    assert [by[y]["carried_to_next"] for y in (2017, 2018, 2019)] == [-120, -85, 0]
    assert [by[y]["executed"] for y in (2017, 2018, 2019)] == [1321, 1104, 1837]


def test_a_figure_wrapped_around_the_next_cell():
    # 「4,」「4,060」「434」: 2013's 4,434 then 2014's 4,060; 「25」 between 「度」 and 「26年度」 is 2013's header
    by = _by_year(budget_row_major(SPLIT, _years(2012), 1))
    assert [by[y]["initial"] for y in (2012, 2013, 2014, 2015)] == [3337, 4434, 4060, 2052]
    assert [by[y]["total"] for y in (2012, 2013, 2014, 2015)] == [4802, 4295, 4060, 2052]
    assert (by[2013]["carried_to_next"], by[2013]["executed"], by[2016]["requested"]) == (-139, 3665, 2132)


def test_the_request_before_the_rows_and_three_digit_figures_wrapped():
    # 「平成27年度要求」「509」 before the 当初予算 label (its 計 509 after the rate rows); 「34」「4」 and 「53」「6」 are
    # 2014's 当初予算 344 and 計 536, that 計 printed before the 計 label
    by = _by_year(budget_row_major(AHEAD, _years(2011), 1))
    assert [by[y]["initial"] for y in (2011, 2012, 2013, 2014)] == [253, 289, 415, 344]
    assert [by[y]["total"] for y in (2011, 2012, 2013, 2014)] == [253, 278, 530, 536]
    assert (by[2014]["supplementary"], by[2014]["carried_from_previous"], by[2015]["requested"]) == (147, 45, 509)


def test_wrapped_three_digit_figures_the_rates_deny_are_not_read():
    # (2013's 割合 printed 80% where 519 / (415 + 52) gives 111%: 「34」「4」 joined is not confirmed)
    lines = [("80%" if t == "66% 111%" else t) for t in AHEAD]
    assert budget_row_major(lines, _years(2011), 1) is None


def test_a_later_tables_header_before_the_tables_own():
    # 成果目標's 「平成30年度」 printed before 「平成26年度」 … 「30年度要求」: the headers are in order all the same
    by = _by_year(budget_row_major(FOREIGN, _years(2014), 1))
    assert [by[y]["total"] for y in (2014, 2015, 2016, 2017)] == [56, 32, 43, 53]
    assert (by[2016]["carried_from_previous"], by[2016]["carried_to_next"], by[2018]["requested"]) == (6, -17, 55)


def test_a_later_tables_header_of_another_year_before_the_tables_own():
    # (the 成果目標 table's column header may be any year's: here 2017's, the current year's)
    lines = [("平成29年度" if t == "平成30年度" else t) for t in FOREIGN]
    assert lines != FOREIGN
    by = _by_year(budget_row_major(lines, _years(2014), 1))
    assert [by[y]["total"] for y in (2014, 2015, 2016, 2017)] == [56, 32, 43, 53]


def test_a_header_before_the_first_years_with_no_other_table_before_it_is_the_tables():
    # (no 成果目標 title before it: 2017's header printed first is the budget table's own, its columns in doubt)
    lines = [("平成29年度" if t == "平成30年度" else t) for t in FOREIGN if "成果" not in t and "ウトカム" not in t]
    assert budget_row_major(lines, _years(2014), 1) is None


def test_a_header_whose_era_is_printed_apart():
    # 「平成27年度 平成 平成29年度要求」「28」「年度」: 28 is 2016's header, no cell (review_text's paragraph sequence,
    # which budget_tail reads: each row after its label, 2015's parts told by the sums)
    by = _by_year(budget_tail(ERA_APART, _years(2013), 1))
    assert (by[2015]["initial"], by[2015]["carried_from_previous"], by[2015]["total"]) == (57, 10, 67)
    assert (by[2016]["total"], by[2015]["executed"], by[2017]["requested"]) == (52, 50, 24)


def test_the_first_two_rows_labels_printed_with_their_first_cells():
    # 「当初予 1,824」「補正予 0」「1,649」「1,865」「2,5 5,966」「17」「0」「733」「0」: 2017's 補正予算 0 opens the 補正予算
    # row after the 当初予算 row's other cells (the 計 row printed with its last cells first: its rates tell it)
    by = _by_year(budget_row_major(LABEL_BLOCK, _years(2017), 1))
    assert [by[y]["initial"] for y in (2017, 2018, 2019, 2020)] == [1824, 1649, 1865, 2517]
    assert [by[y]["supplementary"] for y in (2017, 2018, 2019, 2020)] == [0, 0, 733, 0]
    assert [by[y]["total"] for y in (2017, 2018, 2019, 2020)] == [1704, 1564, 2598, 2517]
    assert by[2021]["requested"] == 5966


def test_a_zero_printed_after_the_rates_is_the_short_rows():
    # (where in the 予備費等 row the 0 stands the sums do not tell: 2015's 予備費等 is 0 or the dash, left unknown)
    by = _by_year(budget_row_major(LATE_ZERO, _years(2012), 1))
    assert [by[y]["total"] for y in (2012, 2013, 2014, 2015)] == [4802, 4295, 4060, 2052]
    assert [by[y]["executed"] for y in (2012, 2013, 2014)] == [4260, 3665, 3903]
    assert (by[2013]["carried_to_next"], by[2016]["requested"], by[2015]["reserve"]) == (-139, 2132, None)
