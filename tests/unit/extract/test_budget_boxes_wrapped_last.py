"""予算額・執行額 from pdfminer.six's text (kg.extract.budget_boxes._wrapped_read): a figure of the 当初予算 row wrapped
in its narrow cell (「50,9」 over 「00」) and written last in the row, after the request's. Variant 2034 printed by
LibreOffice (tests/fixtures/real_variants.py), as pdfminer.six wrote it (blank lines left out); figures as its .xlsx
record holds them: 平成27年度 (the current year) 50,900 of 当初予算 and 計 (dashes else), the 平成28年度 request
23,608 — read the other way round before (each column adds up either way)."""
from __future__ import annotations

from kg.extract.budget_boxes import budget_boxes
from kg.extract.budget_breakdown import breakdown_totals

RV2034 = ["予算額・執行額 (単位:百万円) 平成24", "年度", "平成25年度 平成26年度 平成", "27年", "度", "平成28年度要求", "予算の",
          "状況", "当初予算 44,163 56,369", "44,048", "23,608", "50,9", "00", "補正予算 8,229 1,705", "-", "前年度か",
          "ら繰越し", "-", "翌年度へ", "繰越し", "-", "予備費等 -", "-", "-", "-", "346", "▲ 7,806", "-", "-", "-", "-",
          "-", "\x0c計", "52,392 58,074", "36,588", "23,608", "50,9", "00", "執行額", "44,581 56,695", "34,228",
          "執行率(%)", "当初予算+補正予算", "に対する執行額の割", "合(%)", "85%", "85%", "98%", "94%", "98%", "78%",
          "平成27・", "28年度 予", "算内訳 (単", "位:百万円)", "歳出予", "算目", "平成27年", "度当初予", "算", "平成28",
          "年度要", "求", "主な増減理由", "諸謝金 11,181", "1,027", "9,579", "15,206", "16,942", "3,243", "4,983", "198",
          "職員旅", "費", "委員等", "旅費", "情報処", "理業務", "庁費", "その他 8,215", "3,934", "計", "50,900", "23,608",
          "活動内容 ", "(アクティ", "ビティ)"]
Y2034 = [(2012, False), (2013, False), (2014, False), (2015, False), (2016, True)]


def _by_year(got):
    return {e["fiscal_year"]: e for e in got[0]}


def test_the_breakdown_title_wrapped_is_found():
    # 「歳出予」 over 「算目」: its rows' current-year figures add up to 50,900, the request's to 23,608
    assert breakdown_totals(RV2034, 1)[:2] == (50900, 23608)


def test_a_wrapped_figure_written_last_is_placed_by_the_breakdown():
    budget, _, _, dropped, _ = budget_boxes(RV2034, Y2034, 1)
    got = {e["fiscal_year"]: e for e in budget}
    assert dropped == []
    assert got[2015]["initial"] == 50900 and got[2015]["total"] == 50900
    assert got[2016] == {"fiscal_year": 2016, "requested": 23608}
    assert got[2014]["initial"] == 44048 and got[2014]["carried_to_next"] == -7806 and got[2014]["total"] == 36588


def test_a_wrapped_figure_written_last_with_no_breakdown_leaves_its_columns_unknown():
    lines = RV2034[:RV2034.index("平成27・")]
    budget, _, _, dropped, _ = budget_boxes(lines, Y2034, 1)
    got = {e["fiscal_year"]: e for e in budget}
    assert dropped == [2015, 2016]  # (the current year and the request: which is 50,900 is not told)
    assert got[2012]["total"] == 52392 and got[2013]["executed"] == 56695 and got[2014]["executed"] == 34228
