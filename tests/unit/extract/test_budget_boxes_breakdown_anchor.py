"""budget_boxes.solve with the 歳出予算目 table's 計 (its rows adding up to it: breakdown_totals) as the current year's
当初予算 and the request's: the readings that put another figure there are none, so the columns that figure could
have traded with are told apart (pdfminer.six's text of a LibreOffice print, variant 1812: without it the search
gives up at MAX_STATES)."""
from __future__ import annotations

from kg.extract.budget_boxes import Cell, solve

_ = None
# the cells in text order: a ▲ beside its row's dash (tail), a 前年度から繰越し beside a dash (tail), else free
CELLS = ([Cell(v, k) for k, v in enumerate([_, _, _, _, _, _, _, _, _, 40611, 57615, 44392, 25046, 8152])]
         + [Cell(_, 14, None, True), Cell(_, 15), Cell(_, 16), Cell(6341, 17), Cell(5471, 18, None, True)]
         + [Cell(v, 19 + k) for k, v in enumerate([-14355, _, _, _, _, _, 34408, 63956, 49863, 25046, 60959, 25724])])
RATES = [75.0, 53.0, 95.0, 106.0]


def test_the_breakdown_total_places_the_current_year_and_the_request():
    sol = solve(CELLS, 3, RATES, 2, large="large", anchor=(44392, 25046))
    assert sol[1] == {0: 40611, 1: 8152, 2: None, 3: -14355, 4: None, 5: 34408, 6: 25724}
    assert sol[2][0] == 57615 and sol[2][2] == 6341 and sol[2][5] == 63956 and sol[2][6] == 60959
    assert sol[3][0] == 44392 and sol[3][2] == 5471 and sol[3][5] == 49863
    assert sol[4] == {0: 25046, 5: 25046}


def test_without_the_breakdown_the_search_is_given_up():
    assert solve(CELLS, 3, RATES, 2, large="large") == "large"


def test_a_breakdown_total_no_figure_fits_gives_no_reading():
    assert solve(CELLS, 3, RATES, 2, large="large", anchor=(44393, 25046)) is None
