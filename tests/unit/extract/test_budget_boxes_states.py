"""The size of budget_boxes.solve's search pinned: made cheaper per state (speed19), it visits the same states as
before, so the same tables are solved and the same given up at MAX_STATES. Two tables' cells as pdfminer.six's text
of real-form variants gave them (3 past years; figures, and the first figures' row and column where the 当初予算
row was printed whole), each needing a few thousand states: the least MAX_STATES each is solved with is the
count before the change."""
from __future__ import annotations

import kg.extract.budget_boxes as bb
from kg.extract.budget_boxes import Cell, solve

_ = None
# the 当初予算 row printed whole (its five figures placed), then every other cell in text order
ROW_FIRST = ([Cell(v, k, 0, False, k) for k, v in enumerate([_, _, 57, 52, 16])] +
             [Cell(v, 5 + k) for k, v in enumerate([_, _, _, _, _, _, _, _, 1, 3, 0, 0, 0, 0, 0, 0, _, _, _, _, _, _,
                                                     0, 0, 52, 16, 61, 52])])
# nothing placed but a 前年度から繰越し dash by its label
SCATTERED = [Cell(v, k, 2 if k == 2 else None) for k, v in enumerate(
    [_, _, _, _, _, 0, 0, 27, 7, _, _, _, 34, 32, 36, _, _, -1, _, 35, 24, _, 58, 53, _, _, _, _, 58, 53, _])]


def test_a_table_solved_within_the_states_it_needed_before(monkeypatch):
    sol = solve(ROW_FIRST, 3, [85.0, 90.0], 2)
    assert sol[2][0] == 57 and sol[2][1] == 1 and sol[2][2] == 3 and sol[2][5] == 61 and sol[2][6] == 52
    assert sol[3][0] == 52 and sol[3][5] == 52 and sol[4] == {0: 16, 5: 16}
    assert sol[0][5] is bb._UNKNOWN  # (2014's and 2015's dashes and zeros: which is which is not told)
    monkeypatch.setattr(bb, "MAX_STATES", 3668)
    assert solve(ROW_FIRST, 3, [85.0, 90.0], 2) == sol
    monkeypatch.setattr(bb, "MAX_STATES", 3667)
    assert solve(ROW_FIRST, 3, [85.0, 90.0], 2) is None


def test_a_table_given_up_as_before(monkeypatch):
    assert solve(SCATTERED, 3, [94.0, 69.0, 94.0, 67.0], 2) is None  # (4,000 states: given up, unknown)
    monkeypatch.setattr(bb, "MAX_STATES", 4665)
    sol = solve(SCATTERED, 3, [94.0, 69.0, 94.0, 67.0], 2)
    assert sol[0][0] is None and sol[0][2] is None and sol[1][4] is None and sol[3][0] is bb._UNKNOWN
    monkeypatch.setattr(bb, "MAX_STATES", 4664)
    assert solve(SCATTERED, 3, [94.0, 69.0, 94.0, 67.0], 2) is None
