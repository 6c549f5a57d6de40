"""Rows placed by the section's amounts (kg.extract.payee_boxes._by_amounts) where a 「-」 may be no payee's: the text
before it is the wrapped rest of a 業務概要 begun in a 法人番号's box (「1441658521224 データ整備及 | 18 | び分析業務 | - |
3 | 随意契約」, pdfminer.six's text of a reportlab print, variant 1512 block A), so the figure after it may be an
入札者数 as well as an amount: the ranks every choice places alike stand, the rank whose amount the choices give
otherwise (3 or 8.8) is unknown."""
from __future__ import annotations

from tests.unit.extract.test_payee_boxes import HEADER, _read

SECTION = [
    "A", *HEADER, "野村総合研究所(株)", "ソフトバンク株式会社", "国立大学法人東京大学",
    "1239360513021 ヘルプデスク", "23", "1441658521224 データ整備及", "18", "び分析業務", "-", "3",
    "随意契約 (その他)", "一般競争契約 (総合評価)", "--", "73%", "-", "-", "8.8", "-", "-",
    "1598058483954 システムの設計・開発及び運用保守", "1", "2", "3", "B", "1", "2", "3", *HEADER,
    "公益社団法人日本規格協会", "5406797688708 定期刊行物の購読", "23", "随意契約 (少額)",
    "19", "随意契約 (企画競争)", "12", "その他", "-", "-"]


def test_the_rank_whose_amount_may_be_the_figure_after_a_wrapped_rests_dash_is_unknown():
    notes: list = []
    rows = _read(SECTION, notes)
    assert ("A", 3) not in rows, notes
    assert [(rows[("A", k)]["corporate_number"], rows[("A", k)]["amount"]) for k in (1, 2)] == [
        ("1239360513021", "23"), ("1441658521224", "18")]
    assert [rows[("B", k)]["amount"] for k in (1, 2, 3)] == ["23", "19", "12"]
