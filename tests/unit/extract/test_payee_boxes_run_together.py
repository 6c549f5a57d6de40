"""Payee rows of pdfminer.six's text (kg.extract.payee_boxes) where the producer's layout ran cells together or wrote
a row's figures among another's: boxes copied from the text of generated variants of the real form (shapes, not
names), values as the sheet's .xlsx gives them."""
from __future__ import annotations

from tests.unit.extract.test_payee_boxes import (
    _read,  # (the boxes as pdfminer.six's text, read by payee_boxes)
)


def test_a_box_of_description_amount_and_contract_is_the_rows_amount_in_place():
    # the first row's 業務概要, amount and 契約方式 in one box after its name: no anchor (no 「-」 法人番号 of its own)
    # and not taken for a name and its 「-」; its amount counts in place, so the next row's 入札者数 「9」 is no amount
    rows = _read(["A", "1", "2", "3", "-", "有限会社日立システムズ・(株)シー・エス・エス共同企業体",
                  "研修の企画運営 23,243 その他 -", "-", "-", "神奈川県", "1000020140007",
                  "利用者の基本的な権利の保障の在り方を巡る諸外国の法制度・実態の調査", "18,317", "補助金等交付", "-", "--",
                  "オリエンタルコンサルタンツ(株)", "7146694238987", "タイムスタンプ認定制度に関する調査", "13,122", "9",
                  "一般競争契約 (総合評価)", "82%", "B", "1", "丸紅(株)", "5414503654668", "ガイドラインの英訳作業",
                  "39,098", "その他", "-"])
    assert [rows[("A", k)]["amount"] for k in (1, 2, 3)] == ["23,243", "18,317", "13,122"]
    first = rows[("A", 1)]
    assert (first["description"], first["contract_method"]) == ("研修の企画運営", "その他")
    assert rows[("A", 2)]["corporate_number"] == "1000020140007"


def test_a_number_between_an_amount_and_a_rate_is_the_tenders_count_not_an_amount():
    # 「240 | 2 | 66.9%」: an 入札者数 with its 落札率 after it, in the form's column order; taken as a possible amount,
    # two choices of the figures placed the rows (one putting block A's second row at block B's first rank)
    rows = _read(["A", "1", "2", "B", "ぎょうせい(株)", "5904550885851", "ガイドラインの英訳作業", "240", "2", "66.9%", "-",
                  "一般競争契約 (最低価格)", "有限会社建設技術研究所", "6288711145052", "研修の企画運営", "230",
                  "随意契約 (その他)", "-", "-", "-", "1", "2", "3", "4", "日立システムズ株式会社", "9460254050141",
                  "視察(旅費の支払)、データ整備及び分析業務、会議等出席(諸謝金)", "47", "-", "--", "-", "-",
                  "合同会社UQコミュニケーションズ・(株)丸紅共同企業体", "2128887758646", "エヌ・ティ・ティ・データ経営研究所(株)",
                  "会議等出席(諸謝金)", "27", "-", "--", "21", "随意契約 (企画競争)", "4", "-", "-",
                  "利用者の基本的な権利の保障の在り方を巡る諸外国の法制度・実態の調査、データ整備及び分析業務",
                  "一般社団法人日本規格協会", "7429317994908", "10", "タイムスタンプ認定制度に関する調査", "随意契約 (企画競争)", "5",
                  "-"])
    assert [(k, r["amount"]) for k, r in sorted(rows.items())] == [
        (("A", 1), "240"), (("A", 2), "230"), (("B", 1), "47"), (("B", 2), "27"), (("B", 3), "21"), (("B", 4), "10")]
    assert rows[("A", 2)]["corporate_number"] == "6288711145052"


def test_a_figure_before_a_contract_that_has_its_own_bidders_leaves_the_blocks_pooled_amounts_unknown():
    # 「60 | - | 32 | 随意契約(公募) | 1」 in the first row's boxes: the 32 is the second row's amount, which the block's
    # figures read in order (60, then 「10 | 3」 after the third row's 業務概要) would miss, each later row taking the
    # next one's figure (the 3 an 入札者数); the 32 and its 契約方式 and 入札者数 stand right before the second row's name,
    # which has no figure of its own: they are its (kg.extract.payee_boxes._leads)
    rows = _read(["A", "1", "2", "3", "B", "1", "合同会社野村総合研究所", "2269556139519", "定期刊行物の購読", "60", "-", "32",
                  "随意契約(公募)", "1", "一般社団法人日本規格協会", "7429317994908",
                  "利用者の基本的な権利の保障の在り方を巡る諸外国の法制度・実態の調査、システムの設計・開発及び運用保守", "--", "-",
                  "-", "大和総研(株)", "1838760633822", "会議等出席(諸謝金)", "10", "3", "-", "随意契約(企画競争)", "202",
                  "随意契約(その他)", "-", "--", "三菱総合研究所株式会社", "8231867993342", "研修の企画運営", "190", "その他",
                  "-"])
    assert [rows[("A", k)].get("amount") for k in (1, 2, 3)] == ["60", "32", None]
    assert (rows[("A", 2)]["contract_method"], rows[("A", 2)]["bidders"]) == ("随意契約(公募)", "1")
    assert rows[("A", 2)]["corporate_number"] == "7429317994908" and rows[("B", 1)]["amount"] == "190"


ROWS_WITH_A_STRAY_NUMBER = [
    "A", "1", "2", "3", "4", "5", "公益社団法人国際協力推進協会", "3724396712395 ガイドラインの英訳", "2.7", "作業",
    "国際連合開発計画(UNDP)", "-", "0.8", "機器の賃貸借、タイムスタンプ認定制度に関する調査、セキュリティ説明会の開催",
    "随意契約 (その他)", "一般競争契約 (最低価格)", "有限会社TKC", "1122881061630 データ整備及び分析", "0.4", "その他",
    "合同会社ITリサーチ・アート・KDDI(株)共同企業体", "-", "業務", "0.3",
    "実証事業の実施、利用者の基本的な権利の保障の在り方を巡る諸外国の法制度・実態の調査", "一般競争契約 (総合評価)", "-", "6",
    "-", "1", "-", "44%", "-", "48.1%", "-", "-", "静岡市",
    "8000020221007 諸外国の動向に関する文書の分析及び要約作業、タイムスタンプ認定制度に関する調査", "0.2", "その他", "-", "-"]


def test_a_number_between_dashes_among_the_right_cells_is_no_rank():
    # 「- | 6 | - | 1 | - | 44%」: two rows' 入札者数 and 落札率 written after the last row's cells; the 6 is no sixth rank
    rows = _read(ROWS_WITH_A_STRAY_NUMBER)
    assert sorted(rows) == [("A", k) for k in range(1, 6)]
    assert [rows[("A", k)]["amount"] for k in range(1, 6)] == ["2.7", "0.8", "0.4", "0.3", "0.2"]
    assert rows[("A", 5)]["corporate_number"] == "8000020221007"


def test_a_header_word_among_the_rows_leaves_the_description_before_it_unknown():
    # 「業務」 (a piece of the header's 業務概要) after the fourth row's 「-」 is the wrapped end of the third row's
    # 業務概要 「データ整備及び分析」: that 業務概要 is not given cut short
    notes: list = []
    rows = _read(ROWS_WITH_A_STRAY_NUMBER, notes)
    assert rows[("A", 3)]["description"] is None and rows[("A", 3)]["amount"] == "0.4"
    assert any("header's words" in m for _, m in notes)
    assert rows[("A", 5)]["description"] == "諸外国の動向に関する文書の分析及び要約作業、タイムスタンプ認定制度に関する調査"
