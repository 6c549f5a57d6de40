"""予算額・執行額 from pdfminer.six's text boxes (kg.extract.budget_boxes): a ▲ wrapped in its cell apart from its
figure (「▲」 then 「7,477」). Excerpt of a real-form variant (tests/fixtures/real_variants.py, variant 1315) printed
by LibreOffice, as pdfminer.six wrote it (blank lines left out); figures as the variant's .xlsx record holds
them."""
from __future__ import annotations

from kg.extract.budget_boxes import budget_boxes, cells

RV1315 = ["予算額・ 執行額 (単位:百万円)", "令和元年", "度", "2年度 3年度", "4年度 5年度要求",
          "予算 の 状 況 当初予算 40,863 27,457 18,017", "39,953 34,662", "補正予算 801", "6,773", "前年度か", "ら繰越し",
          "-", "18", "-", "-", "-", "9,048", "-", "-", "\x0c翌年度へ", "繰越し", "▲ 3,713", "▲ ", "7,477", "▲ 3,230",
          "予備費等 -", "-", "-", "-", "-", "-", "-", "計", "37,951 26,771 14,787", "49,001 34,662", "執行額",
          "33,159 19,970 14,331", "執行率(%)", "当初予算+補正予算に", "対する執行額の割合", "(%)", "87%", "80%", "75%",
          "97%", "58%", "80%", "令和4・5年"]
Y1315 = [(2019, False), (2020, False), (2021, False), (2022, False), (2023, True)]


def test_a_mark_apart_from_its_figure_makes_it_negative():
    assert [c.value for c in cells(RV1315, 1, 5)][15:18] == [-3713, -7477, -3230]
    budget, _, _, dropped, _ = budget_boxes(RV1315, Y1315, 1)
    got = {e["fiscal_year"]: e for e in budget}
    assert dropped == []
    assert got[2020]["carried_to_next"] == -7477 and got[2020]["total"] == 26771 and got[2020]["executed"] == 19970
    assert got[2019]["carried_to_next"] == -3713 and got[2019]["total"] == 37951
    assert got[2022]["total"] == 49001 and got[2022]["initial"] == 39953
    assert got[2023] == {"fiscal_year": 2023, "requested": 34662}


def test_a_mark_followed_by_text_changes_no_figure():
    at = RV1315.index("7,477")
    lines = RV1315[:at] + ["繰越し"] + RV1315[at:]
    assert [c.value for c in cells(lines, 1, 5)][15:18] == [-3713, 7477, -3230]


# variant 1510 printed by reportlab: 平成25年度's header wrapped after 平成24年度's (「平成24年」「度」「25」「年度」), a
# figure cut after its comma (「4,」「434」) and a ▲ apart from its figure (「▲ 」「139」)
RV1510 = ["予算額・ 執行額 (単位:百万円)", "平成24年", "度", "25", "年度", "26年度 27年度 28年度要求", "予算 の 状 ", "況",
          "当初予算 3,337", "4,", "434", "4,060", "2,052", "2,132", "補正予算 1,465", "0", "0", "0", "-", "1 / 12",
          "\x0c前年度か", "ら繰越し", "0", "0", "0", "翌年度へ", "繰越し", "0", "0", "▲ ", "139", "予備費等 0", "0", "0",
          "0", "0", "0", "-", "-", "-", "計", "4,802", "執行額", "4,260", "4,", "295", "3,", "665", "4,060", "2,052",
          "2,132", "3,903", "執行率(%)", "89%", "85% 96%", "当初予算+補正予算に", "対する執行額の割合(", "%)",
          "歳出予算目 平成27", "年度当初", "予算", "89%", "83% 96%", "平成28年"]
Y1510 = [(2012, False), (2013, False), (2014, False), (2015, False), (2016, True)]


def test_a_year_wrapped_after_the_header_before_it_is_no_cell():
    vals = [c.value for c in cells(RV1510, 1, 5)]
    assert vals[:3] == [3337, 4434, 4060] and 25 not in vals
    budget, _, _, dropped, _ = budget_boxes(RV1510, Y1510, 1)
    got = {e["fiscal_year"]: e for e in budget}
    assert dropped == []
    assert got[2013]["carried_to_next"] == -139 and got[2013]["total"] == 4295 and got[2013]["executed"] == 3665
    assert got[2012]["supplementary"] == 1465 and got[2012]["total"] == 4802 and got[2012]["executed"] == 4260
    assert got[2015]["total"] == 2052
    assert got[2016] == {"fiscal_year": 2016, "requested": 2132}
