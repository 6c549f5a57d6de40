"""Answers kept for a document or cached (the twentieth speed session): the same facts as computed afresh.
Excerpts of real-form variants as pdfminer.six wrote them (tests/unit/extract/test_budget_boxes_search.py)."""
from __future__ import annotations

from kg.extract import doc_memo
from kg.extract.budget_boxes import table
from kg.normalize import numbers
from kg.normalize.numbers import parse_number

# variant 15's 予算額・執行額 table (LibreOffice print, pdfminer.six text, blank lines left out)
RV015 = ["予算額・執行額 (単位:百万円)", "令和3年度 令和4年度", "令和5年度", "令和6年度", "令和7年度要求", "予算の状況",
         "当初予算", "40", "53", "21", "22", "37", "\x0c-", "1", "-", "-", "23", "37", "補正予算", "-",
         "前年度から繰越し -", "-", "11", "-", "6", "翌年度へ繰越し", "予備費等", "計", "執行額", "執行率(%)",
         "当初予算+補正予算に対する", "執行額の割合(%)", "85%", "85%", "-", "-", "40", "34", "69%", "62%", "▲ 16",
         "▲ 10", "-", "17", "15", "-", "48", "33", "88%", "71%", "歳出予算目"]


def test_parse_number_cached_gives_the_parse():
    numbers._parsed.cache_clear()
    for _ in range(2):  # (the second time from the cache)
        assert parse_number("3,209") == (3209.0, None)
        assert parse_number("▲ 3,180").value == -3180.0
        assert parse_number("-") == (None, None)
        assert parse_number("83.3%", percent=True).value == 83.3
        assert parse_number("83.3%").value is None and "percent" in parse_number("83.3%").error
        assert parse_number("1,2,3").error == "not a number: '1,2,3'"
    assert parse_number(None) == (None, None)
    long = "1" * 70  # (past the cached length: parsed as before)
    assert parse_number(long).value == float(long)


def test_the_table_asked_again_for_the_document_is_the_same():
    doc_memo.clear_all()
    first = table(RV015, 1, 5, 2021)
    cs, rates = first
    assert [c.value for c in cs[:5]] == [40, 53, 21, 22, 37]  # the 当初予算 row, left to right
    assert [c.col for c in cs[:5]] == [0, 1, 2, 3, 4]
    assert rates == [85.0, 85.0, 69.0, 62.0, 88.0, 71.0]
    cs.append(cs[0])  # (a caller's list: the kept table is not changed by it)
    rates.clear()
    again = table(RV015, 1, 5)  # (budget_strips' ask: no header placing)
    assert [c.value for c in again[0][:5]] == [40, 53, 21, 22, 37] and len(again[0]) == len(cs) - 1
    assert again[1] == [85.0, 85.0, 69.0, 62.0, 88.0, 71.0]
    assert table(list(RV015), 1, 5, 2021) == table(RV015, 1, 5, 2021)  # (another list: read afresh, the same)
