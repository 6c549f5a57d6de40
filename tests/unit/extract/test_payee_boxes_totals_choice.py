"""Rows placed by the section's amounts (kg.extract.payee_boxes._by_amounts) when a figure may be an amount or an
入札者数 and both choices fall down every block (pdfminer.six's text of a LibreOffice print, variant 1316's shape:
「33 | 補助金等交付」 and 「28 | 6 | 一般競争契約」): the blocks' 計 printed beside their labels, one a block, decide — the
choice whose blocks add up to them, none when neither does."""
from __future__ import annotations

from tests.unit.extract.test_payee_boxes import _read

LO_HEADER = ["支出先", "法人番号", "業務概要", "支出額 \n(百万円)", "契約方式\n等", "落札率", "入札者\n数 (応\n募者数\n)",
             "一者応札・一者応募又は競争性の\nない随意契約となった理由及び改\n善策 (支出額10億円以上)"]


def _section(total_a: str) -> list[str]:
    return [
        "A", "1", "2", "3", "B", "1", *LO_HEADER,
        "個人(A)", "委員謝金\n(委員B)", "個人(C)", "-", "-", "-", "ヘルプデスク業\n務、研修の企画\n運営", "57", "その他 -",
        "データ整備及び\n分析業務", "33", "補助金等\n交付", "-", "-", "-", "-", "定期刊行物の購\n読、視察(旅費の\n支払)", "28",
        "6", "一般競争\n契約 (最低\n価格)", "81.3%", "計", total_a, *LO_HEADER,
        "合同会社三\n菱総合研究\n所", "826728951\n6833", "27", "研修の企画運営\n、視察(旅費の支\n払)", "9", "一般競争\n契約 (最低\n価格)",
        "74.4% -", "2", "C", "1", "2", "D", "-", "KDDI(株)\n・株式会社\n伊藤忠テク\nノソリュー\nションズ共\n同企業体",
        "セキュリティ説\n明会の開催", "15", "随意契約 \n(その他)", "-", "-", "-", "計", "42", *LO_HEADER,
        "特定非営利\n活動法人国\n際協力推進\n協会", "193207964\n3785", "タイムスタンプ\n認定制度に関す\nる調査", "55", "1",
        "一般競争\n契約 (最低\n価格)", "56%", "講師謝金\n(講師B)", "-", "セキュリティ説\n明会の開催", "29", "随意契約 \n(企画競争)",
        "1", "-", "-", "計", "84", *LO_HEADER,
        "1", "2", "E", "1", "視察(旅費の支\n払)、研修の企画\n運営", "40", "1", "一般競争\n契約 (最低\n価格)", "89.3% -", "-",
        "エヌ・ティ\n・ティ・デ\nータ経営研\n究所(株)共同\n企業体", "日立システ\nムズ(株)", "651354285\n0037",
        "利用者の基本的\nな権利の保障の\n在り方を巡る諸\n外国の法制度・\n実態の調査", "19", "随意契約 \n(企画競争)", "3", "-", "-",
        "計", "59", *LO_HEADER,
        "株式会社野\n村総合研究\n所", "241677222\n6412", "諸外国の動向に\n関する文書の分\n析及び要約作業", "46", "随意契約 \n(その他)",
        "-", "-", "計", "46"]


def test_the_blocks_totals_choose_which_figures_are_the_amounts():
    notes: list = []
    rows = _read(_section("118"), notes)
    assert [rows[("A", rank)]["amount"] for rank in (1, 2, 3)] == ["57", "33", "28"], notes
    assert (rows[("B", 2)]["name"], rows[("B", 2)]["amount"]) == ("KDDI(株)・株式会社伊藤忠テクノソリューションズ共同企業体", "15")
    assert (rows[("D", 1)]["amount"], rows[("D", 2)]["amount"]) == ("40", "19")
    assert rows[("E", 1)]["corporate_number"] == "2416772226412"


def test_no_placing_when_the_totals_fit_neither_choice():
    rows = _read(_section("120"))
    assert ("A", 2) not in rows and ("B", 2) not in rows
