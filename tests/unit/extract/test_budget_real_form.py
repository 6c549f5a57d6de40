"""予算額・執行額 of the real form in the text of the three tools (issue 17): excerpts of the real seeds 000, 001 and
003 printed as the ruled form by LibreOffice (tests/fixtures/seed_prints.py; a4, narrow, landscape), as the tools
wrote them, figures as the seeds' gold records hold them (a dash: None, unknown, not 0)."""
from __future__ import annotations

from kg.extract.budget_form import budget_row_major
from kg.extract.budget_lines import budget_rows

Y000 = [(2019, False), (2020, False), (2021, False), (2022, False), (2023, True)]
Y001 = [(2017, False), (2018, False), (2019, False), (2020, False), (2021, True)]
Y003 = [(2018, False), (2019, False), (2020, False), (2021, False), (2022, True)]


def _by_year(rows):
    return {e["fiscal_year"]: e for e in rows[0]}


def test_row_labels_cut_short_by_a_narrow_cell():
    # pdfplumber of seed 000 (narrow): 「当初予」「補正予」「前年度」「翌年度」「予備費」, the rest of each on the next line
    lines = ["予算額・執行額 (単位: 令和元令和2 令和3 令和 令和5年度要求", "百万円) 年度 年度 年度 4年",
             "予算の 当初予 4 4 4 3 3", "状況 算", "補正予 0 0 0 0", "算", "前年度 0 0 0 0", "から繰", "越し",
             "翌年度 0 0 0 0", "へ繰越", "し", "予備費 0 0 0 0", "等", "計 4 4 4 3 3", "執行額 2 2 2",
             "執行率(%) 50% 50% 50%", "当初予算+補正 50% 50% 50%"]
    got = _by_year(budget_rows(lines, Y000, 1))
    assert got[2019] == {"fiscal_year": 2019, "initial": 4, "supplementary": 0, "carried_from_previous": 0,
                         "carried_to_next": 0, "reserve": 0, "total": 4, "executed": 2}
    assert got[2022]["total"] == 3 and got[2022]["executed"] is None
    assert got[2023] == {"fiscal_year": 2023, "requested": 3}


def test_a_dash_glued_to_a_cut_label_is_an_unknown_cell():
    # pdfplumber of seed 001 (narrow): 「前年度から繰- - - - -」
    lines = ["予算額・ 執行額 (単位:百万円) 平成29年度 30年度 令和元年度 2年度 3年度要求",
             "予算 の 状 況 当初予算 336 47 99 105 3,209", "補正予算 - - - - -", "前年度から繰- - - - -", "越し",
             "翌年度へ繰越- - - - -", "し", "予備費等 - - - - -", "計 336 47 99 105 3,209", "執行額 316 15 43"]
    got = _by_year(budget_rows(lines, Y001, 1))
    assert got[2018] == {"fiscal_year": 2018, "initial": 47, "supplementary": None, "carried_from_previous": None,
                         "carried_to_next": None, "reserve": None, "total": 47, "executed": 15}
    assert got[2021] == {"fiscal_year": 2021, "requested": 3209}


# pdftotext of seed 000 (a4): the 計 row's figures and 執行額's first before their labels, the request year's
# column (当初予算 3, 計 3) printed after the table
PT000 = ["予算額・執行額 (単位:百万円) 令和元", "年度", "令和2年 令和3年 令和4 令和5年度要求", "度", "度", "年度", "",
         "予算の状 当初予算 4", "況", "", "4", "", "4", "", "3", "", "補正予算 0", "", "0", "", "0", "", "0", "",
         "前年度か 0", "ら繰越し", "", "0", "", "0", "", "0", "", "翌年度へ 0", "繰越し", "", "0", "", "0", "", "0", "",
         "予備費等 0", "", "0", "", "0", "", "0", "", "4", "", "4", "", "4", "", "3", "", "2", "", "計", "執行額", "",
         "2", "", "2", "", "50%", "", "50%", "", "50%", "", "当初予算+補正予算 50%", "に対する執行額の", "割合(%)", "",
         "50%", "", "50%", "", "執行率(%)", "", "3", "", "3", "", "歳出予算", "目"]


def test_rows_in_reading_order_with_their_labels_apart():
    got = _by_year(budget_row_major(PT000, Y000, 1))
    for y in (2019, 2020, 2021):
        assert got[y] == {"fiscal_year": y, "initial": 4, "supplementary": 0, "carried_from_previous": 0,
                          "carried_to_next": 0, "reserve": 0, "total": 4, "executed": 2}
    assert got[2022] == {"fiscal_year": 2022, "initial": 3, "supplementary": 0, "carried_from_previous": 0,
                         "carried_to_next": 0, "reserve": 0, "total": 3, "executed": None}
    assert got[2023] == {"fiscal_year": 2023, "requested": 3}


def test_the_request_printed_apart_must_add_up():
    # the request year's 計 differs from its 当初予算 with nothing between: no request read from the two
    lines = PT000[:-6] + ["3", "", "5", "", "歳出予算"]
    got = budget_row_major(lines, Y000, 1)
    assert got is None or _by_year(got)[2023]["requested"] is None


def test_first_rows_before_any_label_and_dashes():
    # pdftotext of seed 001 (narrow): 当初予算 and 補正予算 have their labels after the table; a row of dashes may
    # lose one (the request year's)
    lines = ["予算額・ 執行額 (単位:百万円)", "平成29年度", "30年度", "令和元年度", "2年度", "3年度要求",
             "336", "47", "99", "105", "3,209", "-", "-", "-", "-", "-", "前年度から繰 越し", "-", "-", "-", "-",
             "翌年度へ繰越 し", "-", "-", "-", "-", "予備費等", "-", "-", "-", "-", "-", "計", "336", "47", "99",
             "105", "3,209", "執行額", "316", "15", "43", "執行率(%)", "94%", "32%", "43%", "予算 の 状 況 当初予算",
             "補正予算", "令和2・3年度 予算内訳"]
    got = _by_year(budget_row_major(lines, Y001, 1))
    assert got[2017] == {"fiscal_year": 2017, "initial": 336, "supplementary": None, "carried_from_previous": None,
                         "carried_to_next": None, "reserve": None, "total": 336, "executed": 316}
    assert got[2019]["executed"] == 43 and got[2020]["total"] == 105 and got[2020]["executed"] is None
    assert got[2021] == {"fiscal_year": 2021, "requested": 3209}


def test_dashed_years_add_up_to_zero_and_the_request_total_apart():
    # pdftotext of seed 003 (landscape): 平成30年度 and 令和元年度 all dashes with 計 0; the request's 前年度から繰越し
    # dash and its 計 printed after the rate rows
    lines = ["予算額・執行額 (単位:百万円)", "予算の状況", "平成30年度", "令和元年度", "令和2年度", "令和3年度",
             "令和4年度要求", "当初予算", "-", "-", "106", "180", "200", "補正予算", "-", "-", "-", "-",
             "前年度から繰越し", "-", "-", "-", "-", "翌年度へ繰越し", "-", "-", "-", "-", "予備費等", "-", "-", "-", "-",
             "計", "0", "0", "106", "180", "執行額", "0", "0", "97", "執行率(%)", "-", "-", "92%",
             "当初予算+補正予算に対する執行額の割合(%)", "-", "-", "92%", "-", "200", "令和3・4年度 予算内訳"]
    got = _by_year(budget_row_major(lines, Y003, 1))
    assert got[2018] == {"fiscal_year": 2018, "initial": None, "supplementary": None, "carried_from_previous": None,
                         "carried_to_next": None, "reserve": None, "total": 0, "executed": 0}
    assert got[2020] == {"fiscal_year": 2020, "initial": 106, "supplementary": None, "carried_from_previous": None,
                         "carried_to_next": None, "reserve": None, "total": 106, "executed": 97}
    assert got[2021]["initial"] == 180 and got[2022] == {"fiscal_year": 2022, "requested": 200}


def test_rows_that_do_not_add_up_give_no_table():
    lines = ["当初予算", "10", "20", "30", "40", "補正予算", "1", "0", "0", "0", "前年度から繰越し", "0", "0", "0", "0",
             "翌年度へ繰越し", "0", "0", "0", "0", "予備費等", "0", "0", "0", "0", "計", "10", "20", "30", "40",
             "執行額", "9", "19", "29"]
    assert budget_row_major(lines, Y000, 1) is None  # 2019: 10 + 1 is not 10
    lines = [*lines[:6], "0", *lines[7:]]  # (a new list: the folded text is kept per list)
    got = _by_year(budget_row_major(lines, Y000, 1))
    assert got[2019]["total"] == 10 and got[2022]["initial"] == 40 and got[2023]["requested"] is None


def test_figures_glued_to_their_labels_and_a_mark_apart():
    # pdfplumber of real-form variants (tests.fixtures.real_variants: the seeds' form with other figures):
    # 「当初予算337」「翌年度へ▲19」 with no space; 「▲ 18,302」 with one
    years = [(2011, False), (2012, False), (2013, False), (2014, False), (2015, True)]
    lines = ["予算額・執行額 (単位:百万円) 平成 平成24年 平成 平成 平成27年度要求", "予算の状況 当初予算337 584 479 539 231",
             "補正予算0 0 0 0", "前年度か0 0 0 0", "ら繰越し", "翌年度へ▲19 0 0 0", "繰越し", "予備費等0 0 0 0",
             "計 318 584 479 539 231", "執行額 215 496 472", "執行率(%) 68% 85% 99%"]
    got = _by_year(budget_rows(lines, years, 1))
    assert got[2011] == {"fiscal_year": 2011, "initial": 337, "supplementary": 0, "carried_from_previous": 0,
                         "carried_to_next": -19, "reserve": 0, "total": 318, "executed": 215}
    assert got[2015] == {"fiscal_year": 2015, "requested": 231}
    years = [(2013, False), (2014, False), (2015, False), (2016, False), (2017, True)]
    lines = ["予算額・ 執行額 (単位:百万円) 平成25年 26年度 27年度 28年度 29年度要求", "予算 の 当初予算 56,483 18,790 56,310 56,174 47,948",
             "状 況", "補正予算 10,591 0 0 4,515 -", "前年度から繰 2,965 0 0 8,633 -", "越し", "翌年度へ繰越 0 0 ▲ 18,302 0 -",
             "し", "予備費等 0 0 0 0 -", "計 70,039 18,790 38,008 69,322 47,948", "執行額 61,882 17,158 36,143"]
    got = _by_year(budget_rows(lines, years, 1))
    assert got[2015]["carried_to_next"] == -18302 and got[2015]["total"] == 38008
    assert got[2016]["carried_from_previous"] == 8633 and got[2017] == {"fiscal_year": 2017, "requested": 47948}


def test_a_current_year_that_does_not_add_up_gives_no_table():
    # pdftotext of a real-form variant (narrow): the request's 当初予算 (21) printed after the 前年度から繰越し row and
    # the current year's 計 (58) after 予備費等's, so those rows look full and the 計 row short: 令和元年度 would read
    # 前年度から繰越し 21, 予備費等 58 and no 計; refused (its parts are printed without a 計)
    from kg.extract.budget_lines import budget_paragraphs

    years = [(2015, False), (2016, False), (2017, False), (2018, False), (2019, True)]
    lines = ["予算額・執行額 (単位:百万円)", "平成27年 平成28", "度", "年度", "予算の状況 当初予 23", "算", "37", "41", "58",
             "補正予 3", "算", "3", "-", "-", "前年度", "から繰", "越し", "-", "-", "-", "21", "翌年度 ▲6", "へ繰越", "し",
             "-", "-", "-", "予備費", "等", "-", "-", "-", "58", "計", "20", "40", "41", "執行額", "16", "28", "29",
             "80%", "70%", "71%", "執行率(%)", "21", "令和元・2年度 予算内訳"]
    assert budget_paragraphs(lines, years, 1) is None
    assert budget_row_major(lines, years, 1) is None


def test_year_columns_in_no_fixed_order_are_not_read(tmp_path):
    # pdfminer of a real-form variant: the year columns as text boxes out of order — 平成26年度's (5 0 0 ▲1 0 4 3)
    # first, then 平成27年度's with the request, 平成24年度's, 平成25年度's; each adds up whatever year it is given
    from kg.extract.dispatch import extract_path

    head = ["事業番号 0175", "平成27年度行政事業レビューシート ( 農林水産省 )", "事業名", "推進情報経費", "事業開始年度",
            "平成24年度", "事業終了(予定)年度", "平成27年度", "担当部局庁", "担当課室", "高等教育局", "整備課", "作成責任者",
            "課長補佐 寺田 純一", "会計区分", "一般会計", "実施方法", "補助、その他"]
    table = ["予算額・執行額 (単位:百万円)", "平成24年度", "平成25年度", "平成26年度", "平成27年度", "平成28年度要求",
             "5", "0", "0", "▲ 1", "0", "4", "3", "4", "1", "0", "0", "0", "5", "5", "-", "5", "予算の状況", "当初予算",
             "補正予算", "前年度から繰越し", "翌年度へ繰越し", "予備費等", "計", "執行額", "執行率(%)", "100%",
             "当初予算+補正予算に対する執行額の割合(%)", "125%", "4", "0", "1", "0", "0", "5", "5", "100%", "100%", "2", "0",
             "0", "0", "0", "2", "2", "75%", "60%", "平成27・28年度 予算内訳", "(単位:百万円)"]
    path = tmp_path / "s.txt"
    path.write_text("\n\n".join(head + table) + "\n", encoding="utf-8")
    rec = extract_path(path)
    # the past years' columns are left out; the current year's (its 6 cells) and the request's (5, dash, 5) are
    # known by their shape, wherever they were printed
    by = {e["fiscal_year"]: e for e in rec["budget"]}
    assert set(by) == {2015, 2016}
    assert by[2015]["initial"] == 4 and by[2015]["supplementary"] == 1 and by[2015]["total"] == 5
    assert by[2016] == {"fiscal_year": 2016, "requested": 5}
    assert any(w["code"] == "budget_order_unknown" for w in rec["warnings"])
