from __future__ import annotations

from kg.extract.budget_boxes import _swappable, budget_boxes
from kg.normalize.text import nfkc_lines

# pdfminer.six's text of a LibreOffice print (a fresh variant): the labels 「当初予算」 and 「補正予算」 one under the
# other, then the first year's 補正予算 (5,434, its label's neighbour) before that column's 当初予算 (20,242). Both
# go into 計 (5,434 + 20,242 + 7,205 = 32,881) and rate alike, so nothing tells the two apart; the readings, which
# take a column's cells top to bottom, had them swapped (当初予算 5,434)
ROWS = ["予算額・執行額 (単位:百万円)", "平成25年度 平成26年度", "平成27年度", "平成28年度 平成29年度要求", "予算の状況",
        "当初予算", "補正予算", "5,434", "20,242", "24,465", "53,970", "34,111", "36,840", "前年度から繰越し 7,205",
        "翌年度へ繰越し", "予備費等", "-", "-", "-", "-", "-", "-", "計", "執行額", "32,881", "24,465", "28,077",
        "18,095", "-", "-", "▲8,445", "-", "45,525", "38,799", "-", "1,555", "-", "-", "-", "35,666", "36,840",
        "執行率(%)", "当初予算+補正予算に対する執行額の割合(%)", "85%", "109%", "74%", "74%", "85%", "72%"]
YEARS = [(2013 + k, k == 4) for k in range(5)]


def test_a_figure_beside_the_supplementary_label_leaves_the_two_added_cells_unknown():
    budget, _, _, _, unknown = budget_boxes(nfkc_lines(ROWS), YEARS, 1)
    first = next(e for e in budget if e["fiscal_year"] == 2013)
    assert (first["initial"], first["supplementary"]) == (None, None)  # (was 5,434 and 20,242: swapped)
    assert (first["carried_from_previous"], first["total"], first["executed"]) == (7205, 32881, 28077)
    assert {"2013 initial", "2013 supplementary"} <= set(unknown)
    assert {"fiscal_year": 2017, "requested": 36840} in budget


def test_a_figure_the_readings_put_beside_its_label_stays_read():
    first = {0: 20242.0, 1: 5434.0, 2: 7205.0, 3: None, 4: None, 5: 32881.0, 6: 28077.0}
    _swappable(first, [(5434.0, 1)])  # (補正予算 5,434 as its label's neighbour: nothing to doubt)
    assert (first[0], first[1]) == (20242.0, 5434.0)
    _swappable(first, [(20242.0, 1)])  # (20,242 beside 補正予算 but read as 当初予算: the two may trade)
    assert first[0] is first[1] and first[0] not in (20242.0, 5434.0)
    assert (first[2], first[5]) == (7205.0, 32881.0)
