"""予算額・執行額 from pdfminer.six's text boxes (kg.extract.budget_boxes) checked by the 執行率 rows: a past year's
執行額 / 計 is one of the percentages printed, and no more past years have a 計 of 0 than those percentages leave;
and the search cuts a placement whose 計 (with the 計 the other columns wait for) is printed fewer times than
needed. Excerpts of real-form variants (tests/fixtures/real_variants.py) printed by LibreOffice, as pdfminer.six
wrote them (blank lines left out); figures as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.budget_boxes import budget_boxes, solve, table

# variant 73: small figures and many zeros, so many placements add up; the search used to stop at MAX_STATES
RV073 = ["予算額・ 執行額 (単位:百万円)", "平成28年度 29年度 30年度", "令和元年度", "2年度要求", "予算 の 状 況", "当初予算",
         "補正予算", "4", "0", "前年度から繰越し 1", "翌年度へ繰越し ▲1", "予備費等", "計", "0", "4", "4", "5", "0", "0", "0",
         "0", "5", "5", "5", "0", "0", "0", "0", "5", "5", "6", "1", "0", "0", "0", "7", "6", "-", "-", "-", "-", "6",
         "執行額", "執行率(%)", "100%", "100% 100%", "当初予算+補正予算に対する執行額の割", "合(%)", "100%", "100% 100%",
         "令和元・2年度 予", "算内訳 (単位:百万", "円)", "歳出予算目"]
Y073 = [(2016, False), (2017, False), (2018, False), (2019, False), (2020, True)]


def _by_year(got):
    return {e["fiscal_year"]: e for e in got[0]}


def test_the_percentages_are_read_with_the_cells():
    cs, rates = table(RV073, 1, 5)
    assert rates == [100.0] * 6
    assert len(cs) == 33 and cs[0].value == 4


def test_a_table_the_search_gave_up_on_is_read():
    got = _by_year(budget_boxes(RV073, Y073, 1))
    # (its 当初予算 4 and 補正予算 0 unknown: the 4 is printed straight after the 「補正予算」 label, whose first-year
    # cell it may be — the two trade values and every sum holds: budget_boxes._swappable)
    assert got[2016] == {"fiscal_year": 2016, "initial": None, "supplementary": None, "carried_from_previous": 1,
                         "carried_to_next": -1, "reserve": 0, "total": 4, "executed": 4}
    assert got[2017]["total"] == 5 and got[2017]["executed"] == 5
    assert got[2018]["total"] == 5 and got[2018]["executed"] == 5
    assert got[2019]["initial"] == 6 and got[2019]["supplementary"] == 1 and got[2019]["total"] == 7
    assert got[2020] == {"fiscal_year": 2020, "requested": 6}


def test_the_rates_rule_out_a_zero_year_and_a_wrong_rate():
    # four figures: one past year 10 (executed 5), the current year, the request; a 計 of 0 in the past year would
    # also add up, but the percentage printed says it has a 計, and 執行額 4 of 10 is not the 50% printed
    cs, _ = table(["当初予算 10", "補正予算 0", "前年度から繰越し 0", "翌年度へ繰越し 0", "予備費等 0", "10", "5", "3", "0",
                   "0", "0", "0", "3", "3", "3"], 1, 3)
    sol = solve(cs, 1, [50.0])
    assert sol is not None and sol[0][5] == 10 and sol[0][6] == 5
    assert solve(cs, 1, [40.0]) is None  # 5 / 10 is not 40%: no reading
