"""予算額・執行額 from pdfminer.six's text boxes (kg.extract.budget_boxes): the table's last year columns printed after
the 予算内訳 table's header, each after its own year header (「主な増減理由」「6年度」「20」「7年度要求」「32」…). Excerpt
of a real-form variant (tests/fixtures/real_variants.py, variant 1306) printed by LibreOffice, as pdfminer.six
wrote it (blank lines left out); figures as the variant's .xlsx record holds them."""
from __future__ import annotations

from kg.extract.budget_boxes import budget_boxes, cells

RV1306 = ["予算額・ 執行額 (単位:百万円)", "令和3年度", "予算 の 状 況", "当初予算", "補正予算", "前年度から繰越し",
          "翌年度へ繰越し", "予備費等", "計", "執行額", "執行率(%)", "当初予算+補正予算に対する執行額の割合(%)", "52", "-",
          "-", "▲11", "-", "41", "28", "68%", "54%", "4年度", "48", "-", "-", "▲5", "-", "43", "32", "74%", "67%",
          "5年度", "18", "2", "-", "▲1", "-", "19", "16", "84%", "80%", "令和6・7年度 予算", "内訳 (単位:百万円)",
          "歳出予算目", "令和6年度当初予算", "令和7年度要求", "主な増減理由", "6年度", "20", "7年度要求", "32", "-", "2",
          "-", "-", "-", "-", "-", "-", "22", "32", "\x0c自治体サイバーセ"]
Y1306 = [(2021, False), (2022, False), (2023, False), (2024, False), (2025, True)]


def test_the_columns_after_their_headers_past_the_breakdown_header_are_read():
    budget, _, _, dropped, unknown = budget_boxes(RV1306, Y1306, 1)
    got = {e["fiscal_year"]: e for e in budget}
    assert dropped == []
    assert got[2021] == {"fiscal_year": 2021, "initial": 52, "supplementary": None, "carried_from_previous": None,
                         "carried_to_next": -11, "reserve": None, "total": 41, "executed": 28}
    assert got[2022]["total"] == 43 and got[2022]["executed"] == 32
    assert got[2023]["supplementary"] == 2 and got[2023]["total"] == 19
    assert got[2024]["initial"] == 20 and got[2024]["total"] == 22
    assert got[2025] == {"fiscal_year": 2025, "requested": 32}
    # 2 may be 2024's 補正予算 or its 前年度から繰越し (the dash before it either's): unknown, not a guess
    assert got[2024]["carried_from_previous"] is None and "2024 carried_from_previous" in unknown


def test_a_header_wrapped_in_its_cell_is_passed_over_too():
    at = RV1306.index("6年度")
    lines = RV1306[:at] + ["令和6年", "度"] + RV1306[at + 1:]
    assert [c.value for c in cells(lines, 1, 5)][-3:] == [None, 22, 32]


def test_a_header_wrapped_over_three_lines_is_passed_over_too():
    # (seen in variant 1860: 「主な増減理由」「平成30年」「度」「令和」「元年」「度」「令和2年度要求」, then the figures)
    at = RV1306.index("6年度")
    lines = RV1306[:at] + ["令和", "6年", "度"] + RV1306[at + 1:]
    assert [c.value for c in cells(lines, 1, 5)][-3:] == [None, 22, 32]
    got = {e["fiscal_year"]: e for e in budget_boxes(lines, Y1306, 1)[0]}
    assert got[2024]["total"] == 22 and got[2025] == {"fiscal_year": 2025, "requested": 32}


def test_an_items_name_after_the_header_still_ends_the_table():
    at = RV1306.index("6年度")
    lines = RV1306[:at] + ["自治体サイバーセ"] + RV1306[at:]
    assert [c.value for c in cells(lines, 1, 5)][-2:] == [19, 16]
    assert budget_boxes(lines, Y1306, 1) is None
