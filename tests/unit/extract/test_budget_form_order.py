"""予算額・執行額 of the real form read row after row (kg.extract.budget_form) when pdfminer.six writes the year headers
out of their order: the current year's header wrapped in its narrow cell (「令」「和2」「年」「度」) after the
request's. Excerpts of real-form variants (tests/fixtures/real_variants.py) as pdfminer.six wrote them; figures as
the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.budget_boxes import header_years
from kg.extract.budget_form import budget_row_major

YEARS = [(2017, False), (2018, False), (2019, False), (2020, False), (2021, True)]

# variant 1311, LibreOffice's print: the request's 5,966 written before the current year's 「2,5」「17」 in the
# 当初予算 and 計 rows, as the headers are; the .xlsx has 2020's 当初予算 2,517 and the 要求 5,966
LO = ["予算額・執行額 (単位:", "百万円)", "", "平成29", "年度", "", "平成30", "年度", "", "令和元年", "度", "", "令和3年度要求", "",
      "令", "和2", "年", "度", "", "予算の", "状況", "", "当初予", "算", "", "1,824 1,649", "", "1,865", "", "5,966", "",
      "2,5", "17", "", "補正予", "算", "", "0", "", "0", "", "733", "", "0", "", "\f0", "", "前年度", "から繰", "越し", "",
      "0", "", "0", "", "0", "", "▲ 120 ▲ 85", "", "0", "", "0", "", "翌年度", "へ繰越", "し", "", "予備費", "等", "", "0",
      "", "0", "", "0", "", "0", "", "計", "", "1,704 1,564", "", "2,598", "", "5,966", "", "2,5", "17", "", "執行額", "",
      "1,321 1,104", "", "1,837", "", "執行率(%)", "", "78% 71%", "", "71%", "", "72% 67%", "", "71%", "",
      "当初予算+補正", "予算に対する", "執行額の割合", "(%)", "", "歳出予", "算目"]

# variant 1326, reportlab's print: the same headers, but the current year's and the request's cells on one line in
# their order (「155 266」): 2020's 当初予算 155, the 要求 266
RL = ["予算額・執行額 (単位:百", "万円)", "", "平成29", "年度", "", "平成30", "年度", "", "令和元年", "度", "", "令和3年度要求",
      "", "令和", "2年", "度", "", "1 / 18", "", "\f当初予算 497", "", "164", "", "495", "", "155 266", "", "予算", "の状",
      "況", "", "補正予算 0", "", "前年度か", "ら繰越し", "", "0", "", "0", "", "0", "", "0", "", "0", "", "0", "", "0", "",
      "翌年度へ", "繰越し", "", "▲ 73", "", "0", "", "▲ 166", "", "0", "", "予備費等 0", "", "0", "", "0", "", "0", "", "計",
      "", "424", "", "164", "", "329", "", "155 266", "", "執行額", "", "356", "", "135", "", "306", "", "84%", "", "72%",
      "", "82%", "", "93%", "", "82%", "", "62%", "", "執行率(%)", "", "当初予算+補正"]


def _by_year(got):
    return {e["fiscal_year"]: e for e in got[0]}


def test_header_years_join_a_wrapped_header():
    assert header_years(LO, 1, LO.index("1,824 1,649") + 1) == [2017, 2018, 2019, 2021, 2020]


def test_current_and_request_cells_on_separate_lines_are_left_unknown():
    by = _by_year(budget_row_major(LO, YEARS, 1))
    assert (by[2017]["initial"], by[2017]["carried_to_next"], by[2017]["total"], by[2017]["executed"]) == \
        (1824, -120, 1704, 1321)
    assert (by[2019]["supplementary"], by[2019]["total"], by[2019]["executed"]) == (733, 2598, 1837)
    assert by[2020]["initial"] is None and by[2020]["total"] is None  # (was 5,966: the request's)
    assert by[2021]["requested"] is None  # (was 2,517: the current year's)


def test_current_and_request_cells_on_one_line_keep_their_order():
    by = _by_year(budget_row_major(RL, YEARS, 1))
    assert (by[2020]["initial"], by[2020]["total"], by[2021]["requested"]) == (155, 155, 266)
    assert (by[2018]["total"], by[2018]["executed"]) == (164, 135)


def test_a_year_outside_the_table_printed_amid_the_headers_is_no_header():
    # (variant 1313, reportlab, pdftotext: the 事業開始年度 「令和5年度」 written between the 予算額 label and the headers)
    lines = [RL[0], "", "令和5年度", "", *RL[1:]]
    by = _by_year(budget_row_major(lines, YEARS, 1))
    assert (by[2017]["initial"], by[2017]["carried_to_next"], by[2017]["total"]) == (497, -73, 424)
    assert (by[2020]["initial"], by[2021]["requested"]) == (155, 266)
