"""Payee rows of pdfminer.six's text of reportlab prints of the real ruled form (kg.extract.payee_boxes): boxes as
pdfminer.six wrote them for generated variants (tests/fixtures/real_variants.py), cut to the blocks that show the
shape — cells run together in one box (a 契約方式 and its 入札者数, a 法人番号 with its 業務概要 and amount), a 業務概要's
wrapped rest written after the row's cells, names stacked before their 法人番号."""
from __future__ import annotations

from tests.unit.extract.test_payee_boxes import HEADER, _read

# one block: the second row's 契約方式 and 入札者数 in one box (「随意契約 (公募) 2」)
METHOD_AND_BIDDERS = [
    "A.", "1", "2", *HEADER,
    "合同会社日本レジストリサービス", "1870274896223", "諸外国の動向に関する文書の分析及び要約作業", "1,905",
    "一般競争契約 (最低価格)", "1", "53%",
    "(株)三菱総合研究所", "5891181799973", "セキュリティ説明会の開催", "921", "随意契約 (公募) 2", "-", "-"]


def test_a_contract_method_and_its_bidders_in_one_box_are_the_two_cells():
    rows = _read(METHOD_AND_BIDDERS)
    second = rows[("A", 2)]
    assert (second["corporate_number"], second["amount"], second["contract_method"], second["bidders"]) == \
        ("5891181799973", "921", "随意契約 (公募)", "2")


# two blocks of two ranks, three rows anchored (the second payee of A has no 法人番号 and its 「-」 stands before its
# name): placed by the amounts, one of which pdfminer.six wrote in the 法人番号's box after the 業務概要
CORP_BOX_AMOUNT = [
    "A.", "1", "2", *HEADER,
    "特定非営利活動法人地域活性化センター", "6652386792274 研修の企画運営", "10,892", "その他",
    "-", "KDDI株式会社・合同会社パシフィックコンサルタンツ共同企業体", "セキュリティ説明会の開催", "6,641", "補助金等交付",
    "B", "1", "2", *HEADER,
    "合同会社OCS", "7154320714217 データ整備及び分析業務 5,790", "補助金等交付", "-", "-",
    "岩手県", "4000020030007 機器の賃貸借", "2,262", "随意契約 (少額)", "-", "-"]


def test_an_amount_in_the_corporate_numbers_box_is_counted_among_the_amounts():
    notes: list = []
    rows = _read(CORP_BOX_AMOUNT, notes)
    assert (rows[("B", 1)]["corporate_number"], rows[("B", 1)]["amount"]) == ("7154320714217", "5,790"), notes
    assert (rows[("B", 2)]["corporate_number"], rows[("B", 2)]["amount"]) == ("4000020030007", "2,262")
    assert rows[("A", 2)]["amount"] == "6,641"


# the first line of a 業務概要 in the 法人番号's box, its wrapped rest after the row's cells and before a 「-」 cell:
# the rest reads as a payee's name before its 「-」
WRAPPED_REST = [
    "A.", "1", "2", *HEADER,
    "合同会社OCS・(株)ぎょうせい共同企業体", "-", "定期刊行物の購読、普及啓発コンテンツの作成", "5,693",
    "一般競争契約(総合評価)", "6", "53.5%",
    "ぎょうせい(株)", "5904550885851 ガイドライン", "367", "の英訳作業", "-", "1", "2", "-", "-", "48%", "-", "--"]


def test_a_wrapped_rest_before_a_dash_is_no_payee_when_the_ranks_count_needs_it():
    notes: list = []
    rows = _read(WRAPPED_REST, notes)
    assert set(rows) == {("A", 1), ("A", 2)}, notes
    assert (rows[("A", 2)]["name"], rows[("A", 2)]["corporate_number"], rows[("A", 2)]["amount"]) == \
        ("ぎょうせい(株)", "5904550885851", "367")
    assert rows[("A", 2)].get("description") is None  # (「ガイドライン」: its first line only)


# block B: its first payee has no 法人番号 (its amount, 契約方式 and 「-」 cells written before its name), the next two
# payees' names stacked with it before their two 法人番号; a 業務概要 and a 「-」 cell later read as one more row
STACK_AFTER_CELLS = [
    "A.", "1", *HEADER,
    "(株)丸紅", "6857106783327", "機器の賃貸借", "859", "一般競争契約(最低価格)", "8", "90%", "-",
    "B", "1", "2", "3", "4", *HEADER,
    "1,294", "随意契約 (公募)", "5", "-", "-",
    "有限会社建設技術研究所・ソフトバンク(株)共同企業体", "利用者の基本的な権利の保障の在り方を巡る諸外国の法制度・実態の調査",
    "国立大学法人京都大学", "合同会社野村総合研究所", "5272809854204", "2269556139519", "実証事業の実施", "678",
    "一般競争契約(総合評価)", "8", "52.2%", "411", "随意契約 (その他)", "タイムスタンプ認定制度に関する調査", "-", "-",
    "--", "--", "-", "-", "合同会社エアクレーレン", "7851283144915", "定期刊行物の購読、データ整備及び分析業務", "394",
    "随意契約 (少額)"]


def test_names_stacked_with_a_row_that_has_no_corporate_number_do_not_count_the_rows_a_place_off():
    rows = _read(STACK_AFTER_CELLS)
    # (counted, B1 would be 5272809854204's row with the 1,294 of the payee that has no 法人番号)
    assert rows[("B", 1)].get("corporate_number") is None and rows[("B", 1)].get("amount") == "1,294"
    assert [rows[("B", r)].get("corporate_number") for r in (2, 3)] != ["2269556139519", None]
    assert rows[("A", 1)]["corporate_number"] == "6857106783327"
