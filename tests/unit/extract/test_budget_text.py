"""予算額・執行額 from PDF text with figures one or two per line (kg.extract.budget_text): texts as pdfminer.six
gives them for generated sheets (tests.fixtures.review_sheets), the .xlsx record being the truth."""
import pytest

from kg.extract.budget_text import budget_from_text

HEAD = ["予算額・執行額 (単位:百万円)", "令和2年度", "令和3年度", "令和4年度", "令和5年度", "令和6年度要求",
        "当初予算", "補正予算", "前年度から繰越し", "翌年度へ繰越し", "予備費等", "計", "執行額"]


def _read(figures: str, head: list[str] = HEAD):
    lines = []
    for t in [*head, *figures.split("|"), "事業番号", "0193", "支出先", "1", "2"]:
        lines += [t.strip(), ""]
    return budget_from_text(lines, 1, len(lines))


TABLES = [
    # sheet 11 (LibreOffice PDF): "0 ▲17" holds 2021's and 2022's 翌年度へ繰越し; 1,242 is the request
    (HEAD, "1,353|100|59|0|0|1,512|1,510|625|234|0|0 ▲17|0|859|794|1,096|117|0|0|1,196|1,000|672|1,242|0|0|0|0|672",
     [[1353, 100, 59, 0, 0, 1512, 1510], [625, 234, 0, 0, 0, 859, 794], [1096, 117, 0, -17, 0, 1196, 1000],
      [672, 0, 0, 0, 0, 672], [1242]]),
    # sheet 19: 当初予算 row with the request, 補正..予備費 column by column ("0 ▲428": 2014's and 2015's
    # 翌年度へ繰越し), then 計 and 執行額 rows
    (HEAD, "18,979|13,630|12,276|6,228|9,926|1,803|1,224|0|0|3,173|2,361|0 ▲428|0|0|0|0|0|1,965|0|0|"
     "22,006|19,164|11,848|8,193|18,677|17,566|9,972",
     [[18979, 1803, 1224, 0, 0, 22006, 18677], [13630, 3173, 2361, 0, 0, 19164, 17566],
      [12276, 0, 0, -428, 0, 11848, 9972], [6228, 0, 1965, 0, 0, 8193], [9926]]),
    # sheet 18 (LibreOffice): ▲103 printed among the row labels, ▲153 atop 2016's column, then 2017's and 2018's
    # 当初予算 and the request in a row before the rest of their columns
    ([*HEAD[:10], "▲103", *HEAD[10:]], "464|0|56|0|417|373|▲153|1,666|293|0|0|1,806|1,651|1,581|1,743|1,345|0|122|"
     "0|0|1,703|1,450|0|52|0|0|1,795",
     [[464, 0, 56, -103, 0, 417, 373], [1666, 293, 0, -153, 0, 1806, 1651], [1581, 0, 122, 0, 0, 1703, 1450],
      [1743, 0, 52, 0, 0, 1795], [1345]]),
    # sheet 21 (reportlab): the request is printed nowhere near (unknown, not the payee rank after 支出先)
    (HEAD, "5|0|0|0|0|5|4|9|0|0|0|0|9|9|4|0|2|▲2|0|4|4|4|0|0|0|0|4",
     [[5, 0, 0, 0, 0, 5, 4], [9, 0, 0, 0, 0, 9, 9], [4, 0, 2, -2, 0, 4, 4], [4, 0, 0, 0, 0, 4], [None]]),
]


@pytest.mark.parametrize(("head", "figures", "grid"), TABLES)
def test_tables_read_from_generated_texts(head, figures, grid):
    got, n = _read(figures, head)
    assert n == 1
    assert got.grid == grid


def test_a_column_printed_around_the_row_labels_is_not_read_as_another_year():
    # reportlab sheet 101: 2016's column (9/0/0/▲2/0/7/6) is printed among the labels after the other years';
    # read as runs of figures only, 2017's column would take 2016's place and every year would shift
    head = ["予算額・執行額 (単位:百万円)", "平成28年度", "平成29年度 平成30年度", "要求"]
    got, n = _read("3|7|0|0|0|0|7|6|3|0|0|0|0|3|2|8|0|0|0|0|8|当初予算|補正予算|前年度から繰越し|9|0|0|翌年度へ繰越し|▲2|"
                   "予備費等|計|執行額|0|7|6", head)
    assert got is None


def test_two_tables_fit_with_different_figures_none_is_kept():
    # sheet 16 (reportlab): after 2018's column, "8" is 2019's 当初予算 (truth: 8/0/0/0/0/8/8) or the request
    # (2019 then 0/0/0/0/8/8/8); both add up, so no figure is given
    got, n = _read("10|1|2|0|0|13|12|8|0|0|0|0|8|8|8|6|0|0|0|0|6|7|0|0|0|0|7|6")
    assert got is None and n == 2


def test_a_column_that_does_not_add_up_gives_no_table():
    got, n = _read("1,353|100|59|0|0|1,513|1,510|625|234|0|0 ▲17|0|859|794|1,096|117|0|0|1,196|1,000|"
                   "672|1,242|0|0|0|0|672")
    assert got is None and n == 0
