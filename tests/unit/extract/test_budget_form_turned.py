"""予算額・執行額 of the real form read row after row (kg.extract.budget_form) when pdftotext prints the 計 row or the
執行額 row with its last cells first: no cut fits as printed, the row put back does, and its 計 and 執行額 give the
printed 執行率 and 割合. Excerpts of real-form variants (tests/fixtures/real_variants.py) as pdftotext wrote them;
figures as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.budget_form import budget_row_major

YEARS = [(2021, False), (2022, False), (2023, False), (2024, False), (2025, True)]

# LibreOffice's print: the 執行額 row's 2023 cell 「1,076」 written before the 計 label, 2021's and 2022's after it
LO = ["予算額・執行額 (単位:百万円)", "", "予算の 当初予算", "状況", "", "補正予算", "", "令和3年度 令和4年度", "", "令和5年", "度",
      "", "令和6 令和7年度要求", "年度", "", "4,438", "", "1,650", "", "2,008", "", "3,175 3,412", "", "0", "", "0", "", "0",
      "", "928", "", "前年度から繰 0", "越し", "", "0", "", "0", "", "0", "", "翌年度へ繰越 ▲1,164", "し", "", "0", "",
      "▲653", "", "0", "", "予備費等", "", "0", "", "0", "", "0", "", "0", "", "3,274", "", "1,650", "", "1,355", "",
      "4,103 3,412", "", "1,076", "", "計", "", "執行額", "", "2,887", "", "1,155", "", "88%", "", "70%", "", "79%", "",
      "当初予算+補正予算 65%", "に対する執行額の割", "合(%)", "", "70%", "", "54%", "", "執行率(%)", "", "令和6・7年 歳出予"]

# reportlab's print: the 計 row's current year's and request's cells (54,172, 37,523) before its past years'
RL = ["予算額・ 執行額 (単位:百万円)", "予算 の 状 況", "", "平成26年度", "27年度", "28年度", "29年度", "30年度要求", "当初予算",
      "59,437", "52,855", "46,538", "40,240", "37,523", "補正予算", "4,642", "0", "0", "13,932", "-", "前年度から繰越し", "0",
      "0", "0", "0", "-", "翌年度へ繰越し", "0", "▲ 12,708", "0", "0", "-", "予備費等", "0", "0", "0", "0", "-", "計",
      "54,172", "37,523", "64,079", "40,147", "46,538", "執行額", "58,493", "37,777", "34,323", "執行率(%)", "91%", "94%",
      "74%", "当初予算+補正予算に対する執行額の", "割合(%)", "91%", "71%", "74%", "歳出予算目"]
RL_YEARS = [(2014, False), (2015, False), (2016, False), (2017, False), (2018, True)]


def _by_year(got):
    return {e["fiscal_year"]: e for e in got[0]}


def test_executed_row_with_its_last_cell_first():
    by = _by_year(budget_row_major(LO, YEARS, 1))
    assert [by[y]["executed"] for y in (2021, 2022, 2023)] == [2887, 1155, 1076]
    assert [by[y]["total"] for y in (2021, 2022, 2023, 2024)] == [3274, 1650, 1355, 4103]
    assert (by[2021]["carried_to_next"], by[2024]["supplementary"]) == (-1164, 928)


def test_total_row_with_its_current_and_request_cells_first():
    by = _by_year(budget_row_major(RL, RL_YEARS, 1))
    assert [by[y]["total"] for y in (2014, 2015, 2016, 2017)] == [64079, 40147, 46538, 54172]
    assert [by[y]["executed"] for y in (2014, 2015, 2016)] == [58493, 37777, 34323]
    assert (by[2015]["carried_to_next"], by[2017]["supplementary"], by[2018]["requested"]) == (-12708, 13932, 37523)


def test_a_turned_row_the_rates_deny_is_not_read():
    # (2023's 執行率 printed 60% where 1,076 / 1,355 gives 79%: the row put back is not tied by its rates)
    lines = [("60%" if t == "79%" else t) for t in LO]
    assert budget_row_major(lines, YEARS, 1) is None


def test_a_turned_row_without_printed_rates_is_not_read():
    lines = LO[:LO.index("88%")]
    assert budget_row_major(lines, YEARS, 1) is None


# reportlab's print of a project begun in its third year: the 計 row 「2 2 - - 2」 (its current year's and request's
# cells first). Read as printed it fits too — 予備費等 「- - - 0」, the first year's 計 the 予備費等 row's 0, the
# request's 翌年度へ繰越し, 予備費等 and 計 printed apart — so that lone 0 is no 計 of its year
LONE = ["予算額・ 執行額 (単位:百万円)", "予算 の 状 況", "", "平成25年度", "26年度", "27年度", "28年度", "29年度要求",
        "当初予算", "-", "-", "2", "2", "2", "補正予算", "-", "-", "1", "0", "-", "前年度から", "繰越し", "-", "-", "1", "0",
        "-", "翌年度へ繰", "越し", "-", "-", "▲2", "0", "-", "予備費等", "-", "-", "0", "0", "-", "計", "2", "2", "-", "-",
        "2", "執行額", "-", "-", "2", "執行率(%)", "-", "-", "100%", "当初予算+補正予算に対する", "執行額の割合(%)", "-", "-",
        "67%", "歳出予算目"]
LONE_YEARS = [(2013, False), (2014, False), (2015, False), (2016, False), (2017, True)]


def test_a_lone_total_of_a_year_with_no_part_is_left_unknown():
    by = _by_year(budget_row_major(LONE, LONE_YEARS, 1))
    assert by[2013]["total"] is None and by[2014]["total"] is None
    assert [by[y]["total"] for y in (2015, 2016)] == [2, 2]
    assert (by[2015]["initial"], by[2015]["carried_to_next"], by[2015]["executed"]) == (2, -2, 2)
    assert by[2017]["requested"] == 2


# LibreOffice's print: the 執行額 row's 2018 cell 「40」 written before the 予算額・執行額 and 計 labels and the
# 平成27年度 header, 2016's and 2017's 「14」「15」 after them — a header amid the row, where its last cell ends
EXECUTED_TURNED = ["負担、その他、補助", "平成28年度", "", "平成29年度", "", "平成30年度 令和元年度要求", "", "予算の状況 当初予算 23", "", "21", "", "54",
                   "", "43", "", "補正予算 0", "", "0", "", "0", "", "0", "", "前年度か 0", "ら繰越し", "", "0", "", "0", "", "0",
                   "", "翌年度へ ▲ 6", "繰越し", "", "▲3", "", "0", "", "0", "", "予備費等 0", "", "0", "", "0", "", "0", "",
                   "17", "", "18", "", "54", "", "43", "", "40", "", "予算額・執行額 (単位:百万円)", "", "計", "執行額", "", "平成27年度",
                   "", "14", "", "15", "", "82%", "", "83%", "", "74%", "", "当初予算+補正予算に対 61%", "する執行額の割合(%)", "",
                   "71%", "", "74%", "", "執行率(%)", "", "平成30・", "31年度 予", "算内訳 (単", "位:百万円)", "",
                   "歳出予算目 平成30年 令和元年度要求"]


def test_an_executed_row_turned_around_a_header():
    by = _by_year(budget_row_major(EXECUTED_TURNED, [(2016 + k, k == 4) for k in range(5)], 8))
    assert [by[y]["executed"] for y in (2016, 2017, 2018)] == [14, 15, 40]
    assert [by[y]["total"] for y in (2016, 2017, 2018, 2019)] == [17, 18, 54, 43]
    assert [by[y]["carried_to_next"] for y in (2016, 2017)] == [-6, -3]
