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


ROWS_OF_E_F = [  # (E's row written after F's letter and ranks, D's after E's)
    "F", "1", "2", "3", *HEADER,
    "合同会社インテック", "5612861834712", "セキュリティ説明会の開催", "4,099", "一般競争契約 (総合評価)", "5", "53.7%",
    *HEADER, "-", "-", "国際連合開発計画(UNDP)", "(株)オリエンタルコンサルタンツ・有限会社日本工営共同企業体",
    "補助事業の実施", "3,448", "随意契約 (公募)", "ヘルプデスク業務、データ整備及び分析業務", "2,076", "補助金等交付", "5", "-",
    "北海道", "7000020010006", "実証事業の実施", "799", "一般競争契約 (最低価格)", "4", "69.4%", "-"]


def test_two_names_written_before_their_rows_cells_each_take_the_cells_in_turn():
    rows = _read(["A.", "1", *HEADER, "仙台市", "8000020041009", "普及啓発コンテンツの作成", "9,300", "随意契約 (公募)", "-",
                  "B", "1", *HEADER, "札幌市", "9000020011002", "研修の企画運営", "5,120", "その他", "-",
                  "C", "1", *HEADER, "新潟市", "5000020151009", "機器の賃貸借", "5,000", "その他", "-",
                  "D", "1", "E", "1", *HEADER, "宮城県", "8000020040002", "視察(旅費の支払)", "4,500", "その他", "-",
                  *ROWS_OF_E_F])
    assert (rows[("F", 1)]["name"], rows[("F", 1)]["corporate_number"]) == ("国際連合開発計画(UNDP)", None)
    assert (rows[("F", 1)]["description"], rows[("F", 1)]["amount"], rows[("F", 1)]["contract_method"]) == \
        ("補助事業の実施", "3,448", "随意契約 (公募)")
    assert rows[("F", 2)]["name"] == "(株)オリエンタルコンサルタンツ・有限会社日本工営共同企業体"
    assert (rows[("F", 2)]["description"], rows[("F", 2)]["amount"], rows[("F", 2)]["contract_method"]) == \
        ("ヘルプデスク業務、データ整備及び分析業務", "2,076", "補助金等交付")
    assert (rows[("F", 3)]["name"], rows[("F", 3)]["amount"]) == ("北海道", "799")


def test_the_first_rows_right_cells_may_stand_between_the_two_rows_cells_and_are_read_for_neither():
    rows = _read(["A.", "1", "B.", "1", "2", *HEADER,
                  "仙台市", "8000020041009 データ整備及び分析業務 5,050", "補助金等交付", "-", "--", "-", "-",
                  "国際連合開発計画(UNDP)", "株式会社ぎょうせい・株式会社エヌ・ティ・ティ・データ経営研究所共同企業体",
                  "タイムスタンプ認定制度に関する調査", "4,174", "一般競争契約 (総合評価)", "3", "70%", "-",
                  "実証事業の実施", "2,199", "一般競争契約 (総合評価)", "8", "99.5%"])
    one, two = rows[("B", 1)], rows[("B", 2)]
    assert (one["name"], one["description"], one["amount"], one["contract_method"]) == \
        ("国際連合開発計画(UNDP)", "タイムスタンプ認定制度に関する調査", "4,174", "一般競争契約 (総合評価)")
    assert (two["description"], two["amount"], two["contract_method"]) == ("実証事業の実施", "2,199", "一般競争契約 (総合評価)")
    assert one.get("bidders") is None and two.get("bidders") is None


def test_a_payee_without_number_then_one_with_written_as_columns():
    rows = _read(["A.", "1", "2", "3", *HEADER,
                  "一般社団法人地方自治情報センター", "2361409260591", "ガイドラインの英訳作業", "99", "随意契約 (公募)", "4", "-",
                  "職員旅費(職員D)", "-", "大阪府", "4000020270008", "諸外国の動向に関する文書の分析及び要約作業", "41",
                  "ヘルプデスク業務、視察(旅費の支払)", "27", "随意契約 (公募)", "2", "-", "一般競争契約 (総合評価)", "8", "66.9%"])
    assert (rows[("A", 2)]["name"], rows[("A", 2)]["corporate_number"]) == ("職員旅費(職員D)", None)
    assert (rows[("A", 2)]["description"], rows[("A", 2)]["amount"]) == ("諸外国の動向に関する文書の分析及び要約作業", "41")
    assert (rows[("A", 3)]["name"], rows[("A", 3)]["corporate_number"]) == ("大阪府", "4000020270008")
    assert (rows[("A", 3)]["description"], rows[("A", 3)]["amount"]) == ("ヘルプデスク業務、視察(旅費の支払)", "27")


def test_another_rows_bidders_after_a_rows_own_leave_its_right_cells_unknown_not_its_other_cells():
    rows = _read(["A.", "1", "2", *HEADER,
                  "株式会社丸紅", "4928654336842", "研修の企画運営", "396", "随意契約 (公募)",
                  "ITリサーチ・アート(株)", "3202938518712", "ヘルプデスク業務、定期刊行物の購読", "329", "一般競争契約 (総合評価)",
                  "3", "9", "-", "43.2%"])
    two = rows[("A", 2)]
    assert (two["description"], two["amount"], two["contract_method"]) == \
        ("ヘルプデスク業務、定期刊行物の購読", "329", "一般競争契約 (総合評価)")
    assert two["bidders"] is None and two["award_rate"] is None


def test_three_rows_written_as_columns_are_no_pair():
    # (a 法人番号, a name run into its number, a name and its 「-」, then 業務概要 | amount twice and a third amount:
    # three rows in the columns; the last two are not a pair — the second row's cells would be the first's)
    rows = _read(["A.", "1", "2", "3", *HEADER,
                  "(株)柏屋本店", "4564275878019", "(株)日本翻訳センター 4829639285758", "国際連合開発計画(UNDP)", "-",
                  "ヘルプデスク業務", "2,311", "研修の企画運営", "1,389", "1,331", "一般競争契約 (最低価格)", "4", "46%"])
    assert not any(r.get("description") == "ヘルプデスク業務" for k, r in rows.items() if k != ("A", 1))
    assert not any(r.get("amount") == "2,311" for k, r in rows.items() if k != ("A", 1))
