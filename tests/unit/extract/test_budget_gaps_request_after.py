"""Budget tables whose rows leave their blank cells out (kg.extract.budget_gaps) and whose request year's column
(its 当初予算 and its 計, one value) LibreOffice's print, as pdftotext writes it, puts after the 執行額 row's cells,
before the rate rows' dashes: 「執行額」「-」「-」「1」「予算の状況」「5」「5」「-」「-」. Excerpt of a real-form
variant (tests/fixtures/real_variants.py); figures as its .xlsx record holds them."""
from __future__ import annotations

from kg.extract.budget_gaps import budget_gaps

AFTER_EXECUTED = ["予算額・執行額 (単位:百万円)", "", "平成23年", "度", "", "平成24年 平成25年 平成26 平成27年度要求", "度", "度", "年度", "", "当初予算",
                  "", "-", "", "-", "", "2", "", "6", "", "補正予算", "", "-", "", "-", "", "0", "", "0", "", "前年度から繰 越し",
                  "", "-", "", "0", "", "2", "", "翌年度へ繰越 し", "", "-", "", "▲1", "", "0", "", "予備費等", "", "-", "", "-",
                  "", "0", "", "0", "", "計", "", "-", "", "-", "", "1", "", "8", "", "執行額", "", "-", "", "-", "", "1",
                  "", "予算の状況", "", "5", "", "5", "", "\x0c-", "", "-", "", "100%", "", "当初予算+補正予算に 対する執行額の割合", "(%)",
                  "", "-", "", "50%", "", "執行率(%)", "", "平成", "歳出予算目"]
YEARS = [(2011 + k, k == 4) for k in range(5)]


def _by_year(got):
    return {e["fiscal_year"]: e for e in got[0]}


def test_the_request_printed_after_the_executed_row():
    by = _by_year(budget_gaps(AFTER_EXECUTED, YEARS, 1))
    assert by[2015]["requested"] == 5
    assert (by[2013]["initial"], by[2013]["carried_to_next"], by[2013]["total"], by[2013]["executed"]) == (2, -1, 1, 1)
    assert (by[2014]["initial"], by[2014]["carried_from_previous"], by[2014]["total"]) == (6, 2, 8)
    assert by[2011]["total"] is None and by[2012]["executed"] is None


def test_two_figures_after_the_executed_row_that_differ_are_no_request():
    # (「5」「4」: not one column's 当初予算 and 計 — the row is not read so)
    lines = list(AFTER_EXECUTED)
    k = lines.index("5", lines.index("予算の状況"))
    lines[k + 2] = "4"
    assert budget_gaps(lines, YEARS, 1) is None
