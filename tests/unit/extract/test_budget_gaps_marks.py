"""Budget tables whose rows leave their blank cells out (kg.extract.budget_gaps) with a ▲ figure printed in two
pieces: its last group apart from its head (reportlab's print, pdftotext: 「▲ 14 ,355」), or the mark alone on the
line before its figure (LibreOffice's: 「▲」「2,090」). Read as two figures, or as +2,090, no placement fitted.
Excerpts of real-form variants (tests/fixtures/real_variants.py); figures as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.budget_gaps import budget_gaps

COMMA_APART = ["予算額・執行額 (単位:百万", "円)", "", "令和2年度", "", "令和3 令和", "年度 4年", "度", "", "令和", "5年", "度", "", "令和6年度要求",
               "", "1 / 11", "", "\x0c予算の状", "況", "", "当初予", "算", "", "-", "", "40,", "611", "", "57,", "615", "",
               "44,", "392", "", "補正予", "算", "", "-", "", "8,", "152", "", "-", "", "-", "", "前年度", "から繰", "越し", "",
               "-", "", "-", "", "6,", "341", "", "5,471", "", "翌年度", "へ繰越", "し", "", "-", "", "▲ 14 ,355", "", "-",
               "", "予備費", "等", "", "-", "", "-", "", "-", "", "-", "", "計", "", "-", "", "34,", "408", "", "63,",
               "956", "", "49,", "863", "", "執行額", "", "-", "", "25,", "724", "", "60,959", "", "執行率(%)", "", "-", "",
               "75%", "", "95%", "", "当初予算+補正予", "算に対する執行額", "の割合(%)", "", "-", "", "53%", "", "106%", "", "令和5 歳出予算"]

MARK_ALONE = ["\x0c予算額・執行額 (単位:百万円)", "", "令和3年 令和4年度", "度", "", "令和5年 令和6 令和7年度要求", "度", "年度", "", "予算の状況 当初予算", "",
              "-", "", "47,182", "", "53,795 24,79 40,752", "1", "", "補正予算", "", "-", "", "-", "", "14,385 4,617", "",
              "前年度から繰 越し", "", "-", "", "-", "", "-", "", "翌年度へ繰越 し", "", "▲ 3,448", "", "▲", "2,090", "", "-", "",
              "予備費等", "", "-", "", "-", "", "-", "", "-", "", "計", "", "0", "", "43,734", "", "66,090 29,40 40,752",
              "8", "", "執行額", "", "0", "", "40,223", "", "63,035", "", "-", "", "92%", "", "95%", "",
              "当初予算+補正予算に 対する執行額の割合", "(%)", "", "85%", "", "92%", "", "執行率(%)", "", "-", "",
              "令和6・7 歳出予算目 令和6年度当初 令和7年 主な増減理由"]


def _by_year(got):
    return {e["fiscal_year"]: e for e in got[0]}


def test_a_figures_last_group_apart_from_its_head():
    by = _by_year(budget_gaps(COMMA_APART, [(2020 + k, k == 4) for k in range(5)], 1))
    assert (by[2021]["initial"], by[2021]["supplementary"], by[2021]["carried_to_next"]) == (40611, 8152, -14355)
    assert [by[y]["total"] for y in (2021, 2022, 2023)] == [34408, 63956, 49863]
    assert (by[2023]["carried_from_previous"], by[2022]["executed"]) == (5471, 60959)


def test_a_mark_alone_on_the_line_before_its_figure():
    by = _by_year(budget_gaps(MARK_ALONE, [(2021 + k, k == 4) for k in range(5)], 1))
    assert [by[y]["carried_to_next"] for y in (2022, 2023)] == [-3448, -2090]
    assert [by[y]["total"] for y in (2021, 2022, 2023, 2024)] == [0, 43734, 66090, 29408]
    assert (by[2023]["supplementary"], by[2023]["executed"], by[2025]["requested"]) == (14385, 63035, 40752)
