"""Row-style budget tables of the real form printed narrow (pdfplumber's lines of real-form variants printed by
LibreOffice: tests/fixtures/real_variants.py): a figure wrapped in its cell and glued to the next cell's, a row
label glued to the vertical 予算の状況 label's last piece (kg.extract.budget_lines.budget_rows). Values as the
variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.budget_lines import _wrapped_figures, budget_rows


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


def test_a_wrapped_executed_figure_makes_no_cell_the_current_year_does_not_have():
    # pdfplumber's lines of a narrow LibreOffice print (variant rv854): 「30,711」 and 「30,359」 printed 「30,71」 and
    # 「30,3」 over 「1 59」, and the 執行額 row's 「22,622」 printed 「22,62」 over 「2」: 「2」「2,622」 would make that row
    # four cells, one more than the past years the 執行額 row has
    years = [(2011 + k, k == 4) for k in range(5)]
    lines = ["予算額・執行額 (単位:百万円) 平成23年度 平成 平成25年 平成 平成27年度要求", "24年 度 26年", "度 度",
             "予算の状況 当初予算 59,487 30,71 56,410 30,3 37,631", "1 59", "補正予算 0 0 0 0",
             "前年度から 0 0 3,039 0 -", "繰越し", "翌年度へ繰 0 0 0 0", "越し", "予備費等 0 0 0 0",
             "計 59,487 30,71 59,449 30,3 37,631", "1 59", "執行額 41,293 22,62 42,584", "2",
             "執行率(%) 69% 74% 72%"]
    budget = budget_rows(lines, years, 1)[0]  # (was no table)
    assert [(e["fiscal_year"], e.get("total"), e.get("executed")) for e in budget[:4]] == [
        (2011, 59487, 41293), (2012, 30711, 22622), (2013, 59449, 42584), (2014, 30359, None)]
    assert budget[2]["carried_from_previous"] == 3039 and budget[4] == {"fiscal_year": 2015, "requested": 37631}


def test_figures_wrapped_over_two_lines_below_their_row():
    # pdfplumber's lines of a narrow reportlab print (variant rv699): 「15,878」 and 「26,667」 printed 「15,」 and
    # 「26,」 over 「878 66」 over 「7」; the 計 row's 「29,908」 likewise
    years = [(2012 + k, k == 4) for k in range(5)]
    lines = ["予算額・執行額 (単位:百万円) 平成 平成25年度 平成26年 平 平成28年度要求", "24年 度 成", "度 27", "年", "度",
             "予算の状況 当初予算 15, 23,341 17,642 26, 56,598", "878 66", "7", "補正予算 - - 11,182 3,241",
             "前年度から - - - -", "繰越し", "翌年度へ繰 - - - -", "越し", "予備費等 - - - -",
             "計 15, 23,341 28,824 29, 56,598", "878 90", "8", "執行額 11, 19,215 27,908", "241",
             "執行率(%) 71% 82% 97%"]
    budget = budget_rows(lines, years, 1)[0]  # (was no table)
    assert [(e["fiscal_year"], e.get("initial"), e.get("total"), e.get("executed")) for e in budget[:4]] == [
        (2012, 15878, 15878, 11241), (2013, 23341, 23341, 19215), (2014, 17642, 28824, 27908), (2015, 26667, 29908, None)]
    assert budget[4] == {"fiscal_year": 2016, "requested": 56598}
    # the second line's pieces must be as many as the cells still short
    assert _wrapped_figures(["15,", "26,"], "878 66", 5, "7 1") == ["15,", "26,"]


def test_a_short_figure_and_a_lone_mark_completed_by_the_piece_below():
    # pdfplumber's lines of a narrow reportlab print (variant rv663): 「424」 printed 「42」 over 「4」 (the other cells
    # would need a comma with a fourth digit), 「▲114」 printed 「▲」 over the label's rest and 「114」, 「511」 「51」 over 「1」
    years = [(2011 + k, k == 4) for k in range(5)]
    lines = ["予算額・執行額 (単位:百万円) 平成23年度 平成 平成25年度 平 平成27年度要求", "24年 成", "度 26", "年", "度",
             "予算の状況 当初予 - 550 265 42 333", "算 4", "補正予 - - - -", "算", "前年度 - - - 87", "から繰", "越し",
             "翌年度 - ▲ - -", "へ繰越 114", "し", "予備費 - - - -", "等", "計 - 436 265 51 333", "1",
             "執行額 - 333 209", "執行率(%) - 76% 79%"]
    budget = budget_rows(lines, years, 1)[0]  # (was no table)
    assert budget[1] == {"fiscal_year": 2012, "initial": 550, "supplementary": None, "carried_from_previous": None,
                         "carried_to_next": -114, "reserve": None, "total": 436, "executed": 333}
    assert budget[3]["initial"] == 424 and budget[3]["total"] == 511 and budget[3]["carried_from_previous"] == 87
    # two cells the piece could complete: none taken
    assert _wrapped_figures(["-", "55", "42", "333"], "4") == ["-", "55", "42", "333"]
