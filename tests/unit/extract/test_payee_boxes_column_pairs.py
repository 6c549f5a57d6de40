"""Two payee rows pdfminer.six wrote as columns (kg.extract.payee_boxes._column_pair): the two names and their
法人番号 (or 「-」) first, then each row's 業務概要 and amount in turn — boxes copied from LibreOffice prints of the
real form as pdfminer.six wrote them."""
from __future__ import annotations

from tests.unit.extract.test_payee_boxes import HEADER, _read

ROWS_OF_B = [
    "B", "1", "2", "3", "4", "5", *HEADER,
    "株式会社日本レジストリサービス", "7302203114473", "視察(旅費の支払)", "112", "補助金等交付",
    "Asia Wise法律事務所", "-", "ガイドラインの英訳作業、実証事業の実施、研修の企画運営", "94", "随意契約 (少額)",
    "-", "-", "-", "-", "--",
    "有限会社シー・エス・エス", "5979993476366", "ヘルプデスク業務、普及啓発コンテンツの作成", "81",
    "一般競争契約 (最低価格)", "6", "44.4%", "-"]


def _block(last_two: list[str]) -> dict:
    return _read(["A.", "1", *HEADER, "仙台市", "8000020041009", "普及啓発コンテンツの作成", "300", "随意契約 (公募)", "-",
                  *ROWS_OF_B, *last_two])


def test_two_rows_written_as_columns_each_take_their_description_and_amount_in_turn():
    rows = _block(["仙台市", "8000020041009", "個人(E)", "-", "普及啓発コンテンツの作成", "44",
                   "補助事業の実施、ガイドラインの英訳作業、機器の賃貸借", "38", "随意契約 (企画競争)", "4",
                   "随意契約 (企画競争)", "2", "-", "-"])
    assert (rows[("B", 4)]["name"], rows[("B", 4)]["corporate_number"]) == ("仙台市", "8000020041009")
    assert (rows[("B", 4)]["description"], rows[("B", 4)]["amount"]) == ("普及啓発コンテンツの作成", "44")
    assert (rows[("B", 5)]["name"], rows[("B", 5)]["corporate_number"]) == ("個人(E)", None)
    assert (rows[("B", 5)]["description"], rows[("B", 5)]["amount"]) == ("補助事業の実施、ガイドラインの英訳作業、機器の賃貸借", "38")


def test_amounts_first_read_alike():
    rows = _block(["札幌市", "9000020011002", "国際連合開発計画(UNDP)", "-", "44",
                   "セキュリティ説明会の開催、システムの設計・開発及び運用保守", "38", "ヘルプデスク業務", "7", "4", "-", "-", "66.9%",
                   "80%"])
    assert (rows[("B", 4)]["description"], rows[("B", 4)]["amount"]) == ("セキュリティ説明会の開催、システムの設計・開発及び運用保守", "44")
    assert (rows[("B", 5)]["description"], rows[("B", 5)]["amount"]) == ("ヘルプデスク業務", "38")


def test_amounts_that_rise_make_no_column_pair():
    rows = _block(["仙台市", "8000020041009", "個人(E)", "-", "普及啓発コンテンツの作成", "38",
                   "補助事業の実施、ガイドラインの英訳作業、機器の賃貸借", "44", "随意契約 (企画競争)", "-", "-"])
    assert not any(r.get("amount") == "44" for r in rows.values())
