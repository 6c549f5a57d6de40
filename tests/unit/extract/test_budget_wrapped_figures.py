"""Row-style budget tables of the real form printed narrow (pdfplumber's lines of real-form variants printed by
LibreOffice: tests/fixtures/real_variants.py): a figure wrapped in its cell and glued to the next cell's, a row
label glued to the vertical 予算の状況 label's last piece (kg.extract.review_text.budget_rows). Values as the
variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.review_text import _wrapped_figures, budget_rows


def test_a_figure_wrapped_in_its_cell_and_glued_to_the_next():
    # variant rv005: 「19,990」 printed 「19,99」 over 「0」, and the request year's 「53,270」 glued after it
    years = [(2018 + k, k == 4) for k in range(5)]
    lines = ["予算額・執行額 (単位:百万円) 平成30年度 令和元年 令和2年度 令和3 令和4年度要求", "度 年度",
             "予算の状況 当初予算 17,957 43,179 18,477 19,9953,270", "0", "補正予算 - - - -", "前年度から繰- - 3,457 - -",
             "越し", "翌年度へ繰越- ▲3,384 - -", "し", "予備費等 - - - -", "計 17,957 39,795 21,934 19,9953,270", "0", "",
             "執行額 12,514 34,139 20,890", "執行率(%) 70% 86% 95%"]
    budget = budget_rows(lines, years, 1)[0]  # (was no table)
    assert budget[3] == {"fiscal_year": 2021, "initial": 19990, "supplementary": None, "carried_from_previous": None,
                         "carried_to_next": None, "reserve": None, "total": 19990, "executed": None}
    assert budget[4] == {"fiscal_year": 2022, "requested": 53270}
    assert budget[1]["carried_to_next"] == -3384 and budget[1]["total"] == 39795
    # read only when one cut alone makes every part a figure grouped by commas
    assert _wrapped_figures(["19,9953,270"], "0") == ["19,990", "53,270"]
    assert _wrapped_figures(["1,2345"], "6") == ["1,2345"]  # (「1,234」「56」 or 「1,23」+「6」「45」…)


def test_a_row_label_glued_to_the_vertical_labels_last_piece():
    # variant rv019: 「予算 の 状 況当初予算」
    years = [(2012 + k, k == 4) for k in range(5)]
    lines = ["予算額・ 執行額 (単位:百万円) 平成24年度 25年度 26年度 27年度 28年度要求",
             "予算 の 状 況当初予算 17,790 58,620 15,802 29,534 21,322", "補正予算 0 0 0 0 -", "前年度から繰越し 0 0 0 0 -",
             "翌年度へ繰越し 0 0 ▲ 2,940 0 -", "予備費等 0 0 0 0 -", "計 17,790 58,620 12,862 29,534 21,322",
             "執行額 11,944 57,454 9,315"]
    budget = budget_rows(lines, years, 1)[0]  # (was no table: 当初予算 not found)
    assert budget[2] == {"fiscal_year": 2014, "initial": 15802, "supplementary": 0, "carried_from_previous": 0,
                         "carried_to_next": -2940, "reserve": 0, "total": 12862, "executed": 9315}
    assert budget[4] == {"fiscal_year": 2016, "requested": 21322}


def test_a_figure_wrapped_after_its_comma_and_a_marked_one_under_the_labels_rest():
    # variant rv005 printed by reportlab (pdfplumber): 「19,」 over 「990」, and 「▲3,」 over the wrapped label's
    # 「越し」 and 「384」
    years = [(2018 + k, k == 4) for k in range(5)]
    lines = ["予算額・執行額 (単位:百万円) 平成30年度 令和元 令和2年度 令和 令和4年度要求", "年度 3年", "度",
             "予算の状況 当初予算 17,957 43,179 18,477 19, 53,270", "990", "補正予算 - - - -",
             "前年度から - - 3,457 - -", "繰越し", "翌年度へ繰 - ▲3, - -", "越し 384", "予備費等 - - - -",
             "計 17,957 39,795 21,934 19, 53,270", "990", "執行額 12,514 34,139 20,890", "執行率(%) 70% 86% 95%"]
    budget = budget_rows(lines, years, 1)[0]  # (was no table: 「▲3,」 unreadable)
    assert budget[1] == {"fiscal_year": 2019, "initial": 43179, "supplementary": None, "carried_from_previous": None,
                         "carried_to_next": -3384, "reserve": None, "total": 39795, "executed": 34139}
    assert budget[3]["initial"] == 19990 and budget[3]["total"] == 19990
    assert _wrapped_figures(["-", "▲3,", "-"], "越し 384") == ["-", "▲3,384", "-"]
    assert _wrapped_figures(["▲3,"], "84") == ["▲3,"]  # (「3,84」: no figure grouped by commas)
