"""Row-style budget tables (pdfplumber's lines of real-form variants, tests/fixtures/real_variants.py) whose narrow
cells wrapped their figures past budget_rows' reading: a lone 「▲」 over its figure among the label's wrapped piece,
two figures glued, a figure cut and glued to the next, one wrapped over four lines (kg.extract.budget_cut). Values
as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.budget_cut import budget_cut, row_readings
from kg.extract.review_pdf import extract
from kg.read.base import RawDoc

YEARS_2019 = [(2019 + k, k == 4) for k in range(5)]


def test_a_lone_mark_over_its_figure_among_the_labels_wrapped_piece():
    # variant rv1315 printed by LibreOffice: 「翌年度へ ▲ 3,713 ▲ ▲ 3,230 - -」 over 「繰越し 7,477」 — the second
    # column's 「▲ 7,477」 wrapped at its space; only so does 2020's column add up (27,457 + 6,773 + 18 − 7,477)
    lines = ["予算額・ 執行額 (単位:百万円) 令和元年 2年度 3年度 4年度 5年度要求", "度",
             "予算 の 状 況当初予算 40,863 27,457 18,017 39,953 34,662", "補正予算 801 6,773 - - -",
             "前年度か - 18 - 9,048 -", "ら繰越し", "", "翌年度へ ▲ 3,713 ▲ ▲ 3,230 - -", "繰越し 7,477",
             "予備費等 - - - - -", "計 37,951 26,771 14,787 49,001 34,662", "執行額 33,159 19,970 14,331",
             "執行率(%) 87% 75% 97%", "当初予算+補正予算に 80% 58% 80%", "対する執行額の割合", "(%)"]
    budget, first, last, dropped, unknown = budget_cut(lines, YEARS_2019, 1)
    assert budget[1] == {"fiscal_year": 2020, "initial": 27457, "supplementary": 6773, "carried_from_previous": 18,
                         "carried_to_next": -7477, "reserve": None, "total": 26771, "executed": 19970}
    assert budget[0]["carried_to_next"] == -3713 and budget[2]["carried_to_next"] == -3230
    assert budget[3]["total"] == 49001 and budget[4] == {"fiscal_year": 2023, "requested": 34662}
    assert (first, last, dropped, unknown) == (3, 12, [], [])


RV1786 = ["予算額・ 執行額 (単位:百万円) 平成30年度 令和元 2年度 3年度 4年度要求", "年度",
          "予算 の 状 況 当初予算 24,895 39,08840,524 23,153 59,514", "補正予算 3,358 0 0 0 -",
          "前年度から繰 0 0 0 7,842 -", "越し", "翌年度へ繰越 ▲ 4,303 ▲ 0 0 -", "し 8,420", "予備費等 0 0 0 0 -",
          "計 23,950 30,66840,524 30,995 59,514", "執行額 20,921 23,32234,662", "執行率(%) 87% 76% 86%",
          "当初予算+補正予算に対する執行額 74% 60% 86%", "の割合(%)"]


def test_two_figures_glued_and_a_lone_mark_wrapped():
    # variant rv1786 (LibreOffice): 「39,08840,524」 is 39,088 and 40,524; 「▲」 over 「し 8,420」 is 2019's ▲8,420
    budget = budget_cut(RV1786, [(2018 + k, k == 4) for k in range(5)], 1)[0]
    assert budget[1] == {"fiscal_year": 2019, "initial": 39088, "supplementary": 0, "carried_from_previous": 0,
                         "carried_to_next": -8420, "reserve": 0, "total": 30668, "executed": 23322}
    assert budget[2]["initial"] == 40524 and budget[2]["executed"] == 34662
    assert budget[3]["carried_from_previous"] == 7842 and budget[3]["total"] == 30995


def test_no_table_when_a_column_does_not_add_up():
    lines = [x.replace("30,66840,524", "30,66940,524") for x in RV1786]  # (2019: 39,088 − 8,420 is not 30,669)
    assert budget_cut(lines, [(2018 + k, k == 4) for k in range(5)], 1) is None


RV1866_RL = ["予算額・執行額 (単位:百万円) 平成 平成24年 平成25 平 平成27年度要求", "23年 度 年度 成", "度 26", "年", "度",
             "", "予算 当初予算 15, 47,772 39,281 19 49,980", "の状 958 ,", "況 16", "9", "補正予算 0 3,891 0 0",
             "前年度から 0 0 0 0", "繰越し", "翌年度へ繰 ▲ 1, 0 0 0", "越し 476", "予備費等 0 0 0 0",
             "計 14, 51,663 39,281 19 49,980", "482 ,", "16", "9", "執行額 13, 43,231 36,753", "662",
             "執行率(%) 94% 84% 94%", "当初予算+補正 86% 84% 94%", "予算に対する執", "行額の割合(%)"]
BREAKDOWN = ["平成26 歳出 平成26年 平成 主な増減理由", "・27年 予算 度当初予算 27年", "諸謝 861 878", "金",
             "職員 9,440 8,327", "旅費", "計 19,169 49,980", "活動内容 住民基本台帳ネットワークシステム"]


def test_a_figure_wrapped_over_four_lines_told_by_the_breakdowns_total():
    # variant rv1866 printed by reportlab: 2014's 「19,169」 printed 「19」 over 「,」 「16」 「9」 in the 当初予算 and
    # 計 rows alike; the request's 「49,980」 could as well take those pieces (49,980,169, 2014 then 19): the
    # 歳出予算目 table's 計 row 「19,169 49,980」 tells which
    years = [(2011 + k, k == 4) for k in range(5)]
    budget, _, _, _, unknown = budget_cut(RV1866_RL + BREAKDOWN, years, 1)
    assert budget[3] == {"fiscal_year": 2014, "initial": 19169, "supplementary": 0, "carried_from_previous": 0,
                         "carried_to_next": 0, "reserve": 0, "total": 19169, "executed": None}
    assert budget[0]["initial"] == 15958 and budget[0]["carried_to_next"] == -1476 and budget[0]["executed"] == 13662
    assert budget[4] == {"fiscal_year": 2015, "requested": 49980} and unknown == []
    # without that table both readings add up: those cells are left unknown, the others read
    budget, _, _, _, unknown = budget_cut(RV1866_RL, years, 1)
    assert unknown == ["2014 initial", "2014 total", "2015 requested"]
    assert budget[3]["initial"] is None and budget[4]["requested"] is None and budget[1]["total"] == 51663


def test_a_cut_figure_glued_to_the_next_told_by_the_breakdowns_cut_total():
    # variant rv1893 (LibreOffice): 「40,02524,1548,865」 over 「7」 is 40,025, 24,157 and 48,865 (the 歳出予算目 計
    # 「24,15 48,865」 over 「7」); 「40,02」+「7」, 「524,154」 and 「8,865」 add up as well but its 計 denies them
    lines = ["予算額・執行額 (単位:百万 令和2年令和3年度 令和4 令和5 令和6年度要求", "円) 度 年度 年度", "",
             "予算の状 当初予- - 40,02524,1548,865", "況 算 7", "補正予- - - -", "算", "前年度- - - -", "から繰", "越し",
             "翌年度- - - -", "へ繰越", "し", "予備費- - - -", "等", "計 0 0 40,02524,1548,865", "7", "執行額 0 0 38,029",
             "執行率(%) - - 95%", "当初予算+補正予算 - - 95%", "に対する執行額の割", "合(%)",
             "令和5・6 歳出予算 令和5 令和6年主な増減理由", "諸謝金 3,992 1,940", "情報処理 15,55 17,322", "業務庁費 1",
             "計 24,15 48,865", "7", "活動内容 住民基本台帳"]
    budget, _, _, _, unknown = budget_cut(lines, [(2020 + k, k == 4) for k in range(5)], 1)
    assert [(e["fiscal_year"], e.get("initial"), e.get("total")) for e in budget[:4]] == [
        (2020, None, 0), (2021, None, 0), (2022, 40025, 40025), (2023, 24157, 24157)]
    assert budget[2]["executed"] == 38029 and budget[4] == {"fiscal_year": 2024, "requested": 48865}


def test_a_row_read_every_way_its_text_allows():
    # 「▲ 4,303 ▲ 0 0 -」 over 「8,420」: the lone ▲ takes the figure below; 「▲」「4,303」 apart would make six cells
    got = set(row_readings(["▲", "4,303", "▲", "0", "0", "-"], [["8,420"]], 5))
    assert got == {(-4303, -8420, 0, 0, None)}
    # 「44,3925,046」 over 「2」: 44,392 and 25,046 (「44,392」「5,046」 leaves the 2 nowhere)
    got = set(row_readings(["-", "40,61", "57,61", "44,3925,046"], [["1", "5", "2"]], 5))
    assert got == {(None, 40611, 57615, 44392, 25046)}


def test_the_reader_keeps_the_table_it_reads():
    # the whole sheet's reader: a table no other reading adds up is now read (was budget_unsolved)
    text = ["令和3年度行政事業レビューシート (法務省)", "事業名 基盤整備高度化事業 担当部 農村振興局 作成責任者", "局庁",
            "会計区分 一般会計", "実施方法 補助", *RV1786]
    rec = extract(RawDoc(path="variant.txt", lines=text))
    got = {e["fiscal_year"]: e for e in rec["budget"]}
    assert got[2019]["carried_to_next"] == -8420 and got[2020]["initial"] == 40524
    assert not any(w["code"] == "budget_unsolved" for w in rec["warnings"])
