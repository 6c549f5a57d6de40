"""The last past year's 執行額 printed after the 歳出予算目 table (kg.extract.budget_late, through
kg.extract.budget_form): pdftotext's text of a LibreOffice print of real-form variant 693
(tests/fixtures/real_variants.py). Values as the variant's .xlsx record holds them."""
from __future__ import annotations

from kg.extract.budget_form import budget_row_major
from kg.extract.budget_late import late_executed

YEARS = [(2012 + k, k == 4) for k in range(5)]
LO = ["予算額・執行額 (単位:百万円)", "予算の状況", "計", "平成24年度 平成25年度", "平成26年度", "平成27年度", "平成28年度要求",
      "当初予算", "243", "307", "151", "298", "166", "補正予算", "-", "-", "-", "-", "前年度から繰越し", "-", "-", "-", "-",
      "翌年度へ繰越し", "▲23", "▲91", "▲30", "-", "予備費等", "-", "-", "-", "-", "220", "216", "121", "298", "166",
      "\x0c執行額", "155", "181", "70%", "84%", "74%", "当初予算+補正予算に対する 64%", "執行額の割合(%)", "59%", "59%",
      "平成27・28 歳出予算目", "年度 予算内", "訳 (単位:百万", "円)", "平成27年度当初予算", "平成28年度 主な増減理由", "要求",
      "諸謝金", "6", "45", "職員旅費", "115", "6", "委員等旅費", "78", "23", "情報処理業務 30", "庁費", "45", "その他", "69",
      "47", "計", "298", "166", "執行率(%)", "89", "活動内容 (ア"]
RATES = [70.0, 84.0, 74.0, 64.0, 59.0, 59.0]


def test_the_executed_cell_after_the_next_table_is_the_one_its_rates_tell():
    by = {e["fiscal_year"]: e for e in budget_row_major(LO, YEARS, 1)[0]}  # (was no table)
    assert [by[y]["executed"] for y in (2012, 2013, 2014)] == [155, 181, 89]
    assert [by[y]["total"] for y in (2012, 2013, 2014, 2015)] == [220, 216, 121, 298]
    assert (by[2014]["carried_to_next"], by[2016]["requested"]) == (-30, 166)


def test_no_figure_at_the_rates_leaves_the_table_unread():
    lines = [("88" if t == "89" else t) for t in LO]  # (88 / 121 = 72.7 %: not the printed 74 %)
    assert budget_row_major(lines, YEARS, 1) is None


def test_two_figures_at_the_rates_tell_nothing():
    first = LO.index("平成27・28 歳出予算目") + 1
    got = late_executed(LO, first, [220, 216, 121], [155, 181, None], [243, 307, 151], RATES)
    assert got == 89
    more = [*LO[:-1], "90", LO[-1]]  # (90 / 121 = 74.4 %, 90 / 151 = 59.6 %: its 割合 is not the printed 59 %)
    assert late_executed(more, first, [220, 216, 121], [155, 181, None], [243, 307, 151], RATES) == 89
    # without a 割合 for that year (当初予算 and 補正予算 not printed), 89 and 90 both give its 74 %
    assert late_executed(more, first, [220, 216, 121], [155, 181, None], [243, 307, None], RATES[:-1]) is None
