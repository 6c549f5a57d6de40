"""An 入札者数 pdfminer.six wrote right after a row's 法人番号, before its competitive 契約方式 (LibreOffice print of the
real form; kg.extract.payee_form_text._count_before_method): 「京都市 | 20000202 61009 | 1 | 一般競争契約 (総合評価) | - |
90.9% | 79 | 業務概要」 — the 1 is no established amount. Paragraphs copied from a generated output."""
from __future__ import annotations

from kg.extract.payee_form_text import form_rows
from tests.unit.extract.test_payee_form_text import END, _paras

HEADER = ["支出先", "法人番号 業務概要", ["支出額 (百", "万円)"], "契約方式", "等", "落札率", ["入札者数 ", "(応募者", "数)"],
          ["一者応札・一者応募又は競争性のない随意契約と", "なった理由及び改善策 ", "(支出額10億円以上)"]]


def _rows(*cells):
    got = form_rows(["支出先上位10者リスト", "", *_paras(*cells), *END], 1, [])
    return {(r.block, r.rank): r.cells for r in got or []}


def test_a_count_right_after_the_corporate_number_before_a_competitive_contract_is_no_amount():
    rows = _rows("C", *HEADER, "1", "京都市", ["20000202", "61009"], "1", ["一般競", "争契約 ", "(総合", "評価)"], "-",
                 ["90.9", "%"], "79", ["諸外国の", "動向に関", "する文書", "の分析及", "び要約作", "業"],
                 "2", ["(株)エアクレ", "ーレン"], ["42601619", "04462"], "-", ["随意契", "約 (少", "額)"], "--", "-", "71",
                 ["会議等出", "席(諸謝", "金)"])
    assert rows[("C", 1)]["corporate_number"] == "2000020261009"
    assert rows[("C", 1)]["amount"] in (None, "")  # (not 1: the row's 入札者数)


def test_a_figure_after_the_description_before_a_competitive_contract_stays_the_amount():
    """The form's order (pdftotext): 「法人番号 | 業務概要 | 79 | 一般競争契約 | 1 | 90.9%」: 79 is the amount."""
    rows = _rows("C", *HEADER, "1", "京都市", ["20000202", "61009"], ["諸外国の", "動向に関", "する文書"], "79",
                 ["一般競争契約", "(総合評価)"], "1", "90.9%", "2", "(株)エアクレーレン", ["42601619", "04462"],
                 ["会議等出", "席(諸謝", "金)"], "71", "随意契約 (少額)", "-", "-")
    assert rows[("C", 1)]["amount"] == "79"


def test_a_figure_right_after_the_corporate_number_before_a_competitive_contract_and_its_count_is_the_amount():
    """「法人番号 | 31 | 一般競争契約 (総合評価) | 5」: the 5 after the 契約方式 is the row's 入札者数, the 31 its amount."""
    rows = _rows("F", *HEADER, "1", ["合同会社", "ソフトバ", "ンク"], ["7764924", "899870"], "31",
                 ["一般競争契", "約 (総合評価", ")"], "5", ["60.2", "%"], ["会議等出", "席(諸謝", "金)"],
                 "2", ["(株)エアクレ", "ーレン"], ["42601619", "04462"], "-", ["随意契", "約 (少", "額)"], "--", "-", "27",
                 ["会議等出", "席(諸謝", "金)"])
    assert rows[("F", 1)]["corporate_number"] == "7764924899870"
    assert rows[("F", 1)]["amount"] == "31"
