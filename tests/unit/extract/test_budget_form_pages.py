"""予算額・執行額 of the real form read row after row (kg.extract.budget_form) when pdftotext writes other text amid
it: the table's label after its rows, a later table's header before its rows or — the table split over two pages —
between two of its rows. Excerpts of real-form variants (tests/fixtures/real_variants.py) as pdftotext wrote them
(the page's number blanked, as review_pdf.extract does); figures as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.budget_form import _cells, budget_row_major
from kg.extract.review_pdf import _budget_label


def _years(first: int) -> list[tuple[int, bool]]:
    return [(first + k, k == 4) for k in range(5)]


def _by_year(got):
    return {e["fiscal_year"]: e for e in got[0]}


def _spaced(lines: list[str]) -> list[str]:
    """The lines as reportlab's print gives them to pdftotext: a blank line after each."""
    return [x for t in lines for x in (t, "")]


# LibreOffice's print: the rows from 「予算 の 状 況 当初予算」 on, the 予算額・執行額 label only after the rate rows
LABEL_LAST = ["実施方法", "委託・請負", "令和元年度", "2年度", "3年度", "4年度", "5年度要求", "予算 の 状 況 当初予算", "52",
              "50", "55", "50", "47", "補正予算", "0", "0", "0", "0", "-", "前年度から", "繰越し", "0", "2", "0", "0", "-",
              "翌年度へ繰", "越し", "0", "0", "0", "0", "-", "予備費等", "0", "0", "0", "0", "-", "計", "52", "52", "55",
              "50", "47", "執行額", "47", "46", "43", "執行率(%)", "90%", "88%", "78%", "当初予算+補正予算に対す",
              "る執行額の割合(%)", "90%", "92%", "78%", "予算額・ 執行額 (単位:百万円)", "令和4・5年度 歳出予算目"]


def test_the_table_is_read_from_its_first_row_when_its_label_comes_after_it():
    lab = _budget_label(LABEL_LAST)
    assert LABEL_LAST[lab - 1] == "予算 の 状 況 当初予算"
    by = _by_year(budget_row_major(LABEL_LAST, _years(2019), lab))
    assert (by[2020]["carried_from_previous"], by[2020]["total"], by[2020]["executed"]) == (2, 52, 46)
    assert [by[y]["initial"] for y in (2019, 2020, 2021, 2022)] == [52, 50, 55, 50]
    assert by[2023]["requested"] == 47


# reportlab's print: the 予算内訳 and 成果目標 tables' headers and 「根拠として用いた統計」 before the year headers,
# more than 20 lines of the text before the 当初予算 row
HEADS_FIRST = _spaced([
    "予算額・ 執行額 (単位:百万円)", "予算 の 状 況", "平成30・31", "年度 予算内", "訳 (単位:百", "万円)", "成果目標及",
    "び 成果実績", "(アウトカム)", "根拠として", "用いた統計", "・データ名 (", "出典)", "終了予定なし", "平成27年度", "28年度",
    "29年度", "30年度", "令和元年度要求", "当初予算", "-", "-", "36,352", "31,814", "15,403", "補正予算", "-", "-", "13,838",
    "0", "-", "前年度から繰", "越し", "-", "-", "0", "0", "-", "翌年度へ繰越", "し", "-", "-", "0", "0", "-", "予備費等", "-",
    "-", "0", "0", "-", "計", "31,814", "15,403", "0", "0", "50,190", "執行額", "0", "0", "42,491", "執行率(%)", "-", "-",
    "85%", "当初予算+補正予算に対する執行額", "の割合(%)", "-", "-", "85%", "歳出予算目"])


def test_a_later_tables_header_long_before_the_rows_is_passed_over():
    by = _by_year(budget_row_major(HEADS_FIRST, _years(2015), 1))
    assert (by[2017]["initial"], by[2017]["supplementary"], by[2017]["total"], by[2017]["executed"]) == \
        (36352, 13838, 50190, 42491)
    assert (by[2018]["total"], by[2019]["requested"]) == (31814, 15403)


# reportlab's print over two pages: the 予算内訳 and 成果目標 tables' headers between the 前年度から繰越し row and the
# 翌年度へ繰越し row (the page's number 「1 / 19」 before them)
SPLIT = ["予算額・ 執行額 (単位:百万円)", "予算 の 状", "況", "令和元年度", "2年度", "3年度", "4年度", "5年度要求", "当初予算",
         "5,738", "2,300", "4,920", "2,002", "5,086", "補正予算", "-", "-", "-", "-", "-", "前年度から繰越", "し", "-", "-",
         "-", "-", "-", "", "\x0c令和4・5年度", "予算内訳 (単位", ":百万円)", "成果目標及び", "成果実績 (アウ", "トカム)",
         "翌年度へ繰越し", "-", "-", "-", "-", "-", "予備費等", "-", "-", "-", "-", "-", "計", "5,738", "2,300", "4,920",
         "2,002", "5,086", "執行額", "4,785", "1,645", "4,857", "執行率(%)", "83%", "72%", "99%",
         "当初予算+補正予算に対する執", "行額の割合(%)", "83%", "72%", "99%", "30年度", "令和元年度", "歳出予算目"]

# the same, the 計 label written before the headers and its cells after them
SPLIT_AT_TOTAL = ["予算額・ 執行額 (単位:百万円)", "予算 の 状 況", "平成23年度", "24年度", "25年度", "26年度", "27年度要求",
                  "当初予算", "238", "241", "151", "410", "236", "補正予算", "-", "-", "-", "71", "-", "前年度から繰 越し",
                  "-", "-", "-", "-", "翌年度へ繰越 し", "-", "-", "-", "-", "予備費等", "-", "-", "-", "-", "-", "",
                  "\x0c計", "平成26・27年", "度 予算内訳 (単", "位:百万円)", "成果目標及び", "成果実績 (アウ", "トカム)",
                  "238", "241", "151", "481", "236", "執行額", "184", "234", "109", "執行率(%)", "77%", "97%", "72%",
                  "当初予算+補正予算に対する執", "行額の割合(%)", "77%", "97%", "72%", "歳出予算目"]


def test_a_table_split_over_two_pages_goes_on_after_the_next_tables_header():
    by = _by_year(budget_row_major(_spaced(SPLIT), _years(2019), 1))
    assert [by[y]["total"] for y in (2019, 2020, 2021, 2022)] == [5738, 2300, 4920, 2002]
    assert [by[y]["executed"] for y in (2019, 2020, 2021)] == [4785, 1645, 4857]
    assert by[2023]["requested"] == 5086


def test_a_row_label_alone_before_the_header_takes_the_cells_after_it():
    by = _by_year(budget_row_major(_spaced(SPLIT_AT_TOTAL), _years(2011), 1))
    assert (by[2014]["supplementary"], by[2014]["total"]) == (71, 481)
    assert [by[y]["executed"] for y in (2011, 2012, 2013)] == [184, 234, 109]
    assert by[2015]["requested"] == 236


def test_the_rows_do_not_go_on_past_the_breakdown_tables_header():
    # (the 歳出予算目 header among the pieces: what follows is that table's, the budget table stops short)
    lines = [("歳出予算目" if t == "成果目標及び" else t) for t in SPLIT]
    assert budget_row_major(_spaced(lines), _years(2019), 1) is None


def test_a_row_already_read_is_no_place_to_go_on():
    # (the label after the header names a row read before it: no continuation of this table)
    lines = [("補正予算" if t == "翌年度へ繰越し" else t) for t in SPLIT]
    cells, n_table = _cells(_spaced(lines), 1)
    assert [c[0] for c in cells] == [5738, 2300, 4920, 2002, 5086] + [None] * 10


def test_a_figures_last_group_apart_from_its_head_is_one_cell():
    # reportlab's print: 「▲ 14 ,355」, the 翌年度へ繰越し of 2021
    cells, _ = _cells(["予算額・執行額 (単位:百万円)", "翌年度", "へ繰越", "し", "-", "▲ 14 ,355", "-"], 1)
    assert [c[0] for c in cells] == [None, -14355, None]
