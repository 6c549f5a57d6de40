"""A budget read as runs of columns (kg.extract.budget_text) is checked against the printed 執行率 and 割合 rows
(kg.extract.review_pdf._budget_of_runs): when not one printed percentage is a rate of the columns read, their 執行額
were read in another column than printed. Text as pdftotext wrote it for a real-form variant printed by LibreOffice
(tests/fixtures/real_variants.py): the 執行額 row's first cell 2,840 (令和3年度's) before the 計 and 執行額 labels,
the other two after them; the 執行率 row's label printed far below, after the 歳出予算目 table."""
from __future__ import annotations

from kg.extract.pdf_layout import budget_groups
from kg.extract.review_pdf import _budget_of_runs
from kg.records import new_record

LINES = ["予算額・執行額 (単位:百万円)", "予算の状況", "令和元年度", "令和2年度", "令和3年度", "令和4年", "度", "令和5年度要求",
         "当初予算", "3,203", "3,343", "3,922", "4,334", "5,984", "補正予算", "914", "0", "0", "1,256", "前年度から繰越し",
         "0", "0", "0", "850", "翌年度へ繰越し", "▲ 531", "▲ 567", "0", "0", "予備費等", "0", "0", "0", "0", "3,586",
         "2,776", "3,922", "6,440", "2,840", "計", "執行額", "2,742", "2,412", "76%", "87%", "72%",
         "当初予算+補正予算に対する 67%", "執行額の割合(%)", "72%", "72%", "令和4・5年度 歳出予算目", "予算内訳 (単位",
         ":百万円)", "令和5年度要求", "主な増減理由", "情報通信技術 489", "研究開発調査", "費"]


def _read(lines: list[str]) -> dict:
    rec = new_record("review_sheet", "rv.txt")
    rec["sheet_fiscal_year"] = 2022
    years = [(2019 + k, k == 4) for k in range(5)]
    _budget_of_runs(rec, lines, 1, 2022, budget_groups(lines, 1, len(lines)), len(lines), years)
    return rec


def test_executed_figures_no_printed_rate_fits_are_not_kept_as_read():
    rec = _read(LINES)
    # 2,742 / 3,586 = 76%, 2,412 / 2,776 = 87%, 2,840 / 3,922 = 72% (not 2,840 / 3,586 = 79% as the runs read them)
    assert [e.get("executed") for e in rec["budget"][:3]] == [2742, 2412, 2840]
    assert [e.get("total") for e in rec["budget"][:4]] == [3586, 2776, 3922, 6440]


def test_without_printed_rates_the_runs_reading_stands():
    # no percentage printed: nothing denies the columns read (each adds up, 執行額 at most 計)
    lines = [t for t in LINES if "%" not in t]
    rec = _read(lines)
    assert [e.get("total") for e in rec["budget"][:4]] == [3586, 2776, 3922, 6440]
    assert rec["budget"][0]["initial"] == 3203 and rec["budget"][4] == {"fiscal_year": 2023, "requested": 5984}
