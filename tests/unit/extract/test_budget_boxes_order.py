from __future__ import annotations

from kg.extract.budget_boxes import budget_boxes, headers_in_order
from kg.normalize.text import nfkc_lines

# pdfminer's text of a real-form variant (rv272, printed narrow): the request's header 「平成29年度要求」 is written
# before the wrapped 「平成 28年 度」, and so is the request's column (35,400) before the 2016 column (17,130)
LINES = nfkc_lines(["予算額・執行額 (単位:百万円)", "", "平成25", "年度", "", "平成26年度 平成27", "", "年度", "", "平成29年度要求", "", "平成", "28年", "度", "", "\f予算の状況 当初予算 48,266 22,560", "", "46,968", "", "35,400", "", "17,1", "30", "", "補正予算 0", "", "7,007", "", "前年度から", "繰越し", "", "0", "", "4,917", "", "翌年度へ繰", "越し", "", "0", "", "予備費等 0", "", "0", "", "0", "", "0", "", "0", "", "0", "", "0", "", "-", "", "0", "", "0", "", "0", "", "0", "", "計", "", "48,266 34,484", "", "46,968", "", "35,400", "", "17,1", "30", "", "執行額", "", "38,956 30,529", "", "33,047", "", "執行率(%)", "", "当初予算+補正予算に対", "する執行額の割合(%)", "", "81%", "", "81%", "", "89%", "", "70%", "", "103% 70%", "", "平成28・", "29年度 予", "算内訳 (単", "位:百万円)", "", "歳出予算目", ""])


def test_columns_written_out_of_their_years_order_are_not_placed():
    years = [(2013 + k, k == 4) for k in range(5)]
    assert not headers_in_order(LINES, 1, LINES.index("予算の状況 当初予算 48,266 22,560") + 1)
    assert budget_boxes(LINES, years, 1) is None  # (was 2016: 35,400 and the request 17,130, the two swapped)


def test_headers_in_their_order_are_kept():
    head = ["予算額・執行額 (単位:百万円)", "", "平成30年度 令和元年", "度", "", "令和2年度 令和3年度要求", "", "当初予算 1"]
    assert headers_in_order(head, 1, 8)


# pdfminer's text of a LibreOffice print (variant 676): 「3年度」 then its column whole (7 cells adding up), then its
# 執行率 「99%」 (4,996 / 5,041): the column's strip of boxes, header to rate; the other headers are followed by
# one figure each, so that column is the only one tied by its header
STRIP = ["予算額・ 執行額 (単位:百万円)", "令和2年度", "予算 の 状 況", "当初予算", "5,193", "補正予算", "0",
         "前年度から繰越し 0", "翌年度へ繰越し", "予備費等", "計", "0", "0", "5,193", "4,608", "89%", "執行額", "執行率(%)",
         "3年度", "4,320", "1,232", "172", "▲683", "0", "5,041", "4,996", "99%", "4年度", "3,430", "5年度", "4,110",
         "6年度要求", "2,348", "0", "0", "0", "0", "-", "-", "-", "-", "4,110", "2,348", "0", "0", "0", "0", "3,430",
         "3,096", "90%", "当初予算+補正予算に対する執行額の", "割合(%)", "89%", "90%", "90%", "令和5・6年度 予算内訳 "]


def test_a_column_between_its_header_and_its_rate_is_placed():
    years = [(2020 + k, k == 4) for k in range(5)]
    budget = budget_boxes(STRIP, years, 1)[0]
    by_year = {e["fiscal_year"]: e for e in budget}
    assert (by_year[2021]["carried_to_next"], by_year[2021]["total"], by_year[2021]["executed"]) == (-683, 5041, 4996)
    assert (by_year[2022]["total"], by_year[2022]["executed"]) == (3430, 3096)
    # its rate not the column's (5,041 and 4,996 give 99%): the one header ties nothing, the years stay unknown
    other = [x if x != "99%" else "90%" for x in STRIP]
    got = budget_boxes(other, years, 1)
    assert got is None or 2021 not in {e["fiscal_year"] for e in got[0]}
