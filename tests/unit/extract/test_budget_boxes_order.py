from __future__ import annotations

from kg.extract.budget_boxes import _headers_in_order, budget_boxes
from kg.normalize.text import nfkc_lines

# pdfminer's text of a real-form variant (rv272, printed narrow): the request's header 「平成29年度要求」 is written
# before the wrapped 「平成 28年 度」, and so is the request's column (35,400) before the 2016 column (17,130)
LINES = nfkc_lines(["予算額・執行額 (単位:百万円)", "", "平成25", "年度", "", "平成26年度 平成27", "", "年度", "", "平成29年度要求", "", "平成", "28年", "度", "", "\f予算の状況 当初予算 48,266 22,560", "", "46,968", "", "35,400", "", "17,1", "30", "", "補正予算 0", "", "7,007", "", "前年度から", "繰越し", "", "0", "", "4,917", "", "翌年度へ繰", "越し", "", "0", "", "予備費等 0", "", "0", "", "0", "", "0", "", "0", "", "0", "", "0", "", "-", "", "0", "", "0", "", "0", "", "0", "", "計", "", "48,266 34,484", "", "46,968", "", "35,400", "", "17,1", "30", "", "執行額", "", "38,956 30,529", "", "33,047", "", "執行率(%)", "", "当初予算+補正予算に対", "する執行額の割合(%)", "", "81%", "", "81%", "", "89%", "", "70%", "", "103% 70%", "", "平成28・", "29年度 予", "算内訳 (単", "位:百万円)", "", "歳出予算目", ""])


def test_columns_written_out_of_their_years_order_are_not_placed():
    years = [(2013 + k, k == 4) for k in range(5)]
    assert not _headers_in_order(LINES, 1, LINES.index("予算の状況 当初予算 48,266 22,560") + 1)
    assert budget_boxes(LINES, years, 1) is None  # (was 2016: 35,400 and the request 17,130, the two swapped)


def test_headers_in_their_order_are_kept():
    head = ["予算額・執行額 (単位:百万円)", "", "平成30年度 令和元年", "度", "", "令和2年度 令和3年度要求", "", "当初予算 1"]
    assert _headers_in_order(head, 1, 8)
