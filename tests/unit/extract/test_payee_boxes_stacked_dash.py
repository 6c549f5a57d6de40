"""Names stacked before a 「-」 and later 法人番号 anchors (pdfminer.six's text of a LibreOffice print, variant 1848's
shape: 「(株)オリエンタルコンサルタンツ | UQコミュニケーションズ株式会社 | 個人(A) | - | 業務概要 | … | 法人番号 | … |
法人番号」, the payee without 法人番号 named last, right before its 「-」): which name is whose is not established, the
names are unknown (kg.extract.payee_boxes._dash_among_corps) — their rows' 法人番号 and amounts stay."""
from __future__ import annotations

from tests.unit.extract.test_payee_boxes import HEADER, _read

STACKED = [
    "A.", "1", "2", "3", *HEADER,
    "(株)オリエンタルコンサルタンツ", "UQコミュニケーションズ株式会社", "個人(A)", "-", "ヘルプデスク業務、実証事業の実施",
    "2.2", "補助金等交付", "8202136580287", "機器の賃貸借", "1.5", "随意契約 (少額)", "-", "-", "-",
    "1874023810337", "セキュリティ説明会の開催", "0.5", "一般競争契約 (総合評価)", "5", "89%"]

# the same with every anchor a 「-」 (payees without 法人番号, names first): paired in order
DASHES = [
    "A.", "1", "2", *HEADER,
    "職員旅費(職員A)", "講師謝金(講師B)", "-", "-", "データ整備及び分析業務", "2.2", "補助金等交付",
    "機器の賃貸借", "1.5", "随意契約 (少額)", "-", "-"]


def test_names_stacked_before_a_dash_and_later_corporate_numbers_are_unknown():
    notes: list = []
    rows = _read(STACKED, notes)
    assert [rows[("A", rank)].get("name") for rank in (1, 2, 3)] == [None, None, None], notes
    assert (rows[("A", 2)]["corporate_number"], rows[("A", 2)]["amount"]) == ("8202136580287", "1.5")
    assert (rows[("A", 3)]["corporate_number"], rows[("A", 3)]["amount"]) == ("1874023810337", "0.5")


def test_names_stacked_before_as_many_dashes_stay_paired_in_order():
    rows = _read(DASHES)
    assert (rows[("A", 1)]["name"], rows[("A", 2)]["name"]) == ("職員旅費(職員A)", "講師謝金(講師B)")
