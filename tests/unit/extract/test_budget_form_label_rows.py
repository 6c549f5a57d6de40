"""budget_form.budget_row_major: when every row label stands alone on its line just before its row's cells, the
rows are cut where the labels stand. A row whose blank cells print nothing (a year with no budget yet) is then
short, and no cut of fixed widths may take the next row's cells for its own (fresh variant 2001, LibreOffice's
print, pdftotext: 予備費等's four dashes, then 「計」 0 0 5 4, read as 予備費等 0, 0, 5)."""
from kg.extract.budget_form import budget_row_major
from kg.extract.budget_gaps import budget_gaps

# the table as pdftotext writes it (one cell a line, blank lines between; the 2019 and 2020 columns blank in the
# part rows, their 計 and 執行額 0)
_TEXT = ("令和元年度|令和2年度|令和3年|度|令和4年度|令和5年度要求|予算の状況 当初予算|-|-|5|3|2|補正予算|"
         "予算額・執行額 (単位:百万円)|-|-|-|1|前年度から繰 越し|-|-|-|翌年度へ繰越 し|-|-|-|予備費等|-|-|-|-|計|0|0|5|4|"
         "執行額|0|0|5|-|-|100%|当初予算+補正予算に対 する執行額の割合(%)|-|100%|令和4・5年 歳出予算目 令和4年度当|"
         "度 予算内訳|初予算|(単位:百万円|)")
LINES = [x for cell in _TEXT.split("|") for x in (cell, "")]
YEARS = [(2019, False), (2020, False), (2021, False), (2022, False), (2023, True)]
START = LINES.index("予算の状況 当初予算") + 1


def test_rows_cut_where_their_labels_stand_read_no_reserve():
    assert budget_row_major(LINES, YEARS, START) is None  # (no cut of fixed widths fits the labelled rows)


def test_the_short_rows_read_by_their_sums():
    budget = {e["fiscal_year"]: e for e in budget_gaps(LINES, YEARS, START)[0]}
    assert budget[2022]["initial"] == 3 and budget[2022]["supplementary"] == 1 and budget[2022]["total"] == 4
    assert budget[2021]["total"] == 5 and budget[2021]["executed"] == 5
    assert all(budget[y].get("reserve") is None for y in (2019, 2020, 2021, 2022))
    assert budget[2023]["requested"] == 2
