"""Payee rows of the real form printed narrow and wide (pdfplumber's lines of the seeds 000 and 003 printed by
LibreOffice at other page widths: tests/fixtures/seed_prints.py), read by kg.extract.payee_rows_text.payee_rows with
the rules of kg.extract.payee_wraps; values as the seeds' gold records hold them."""
from __future__ import annotations

from kg.extract import payee_wraps
from tests.unit.extract.test_payee_rows_real_form import _rows  # (the section's rows by block and rank)

NARROW_000 = ["支出先 法人番 業務概支出額 契約方 入札 落 一者応札・一者応募又は競争性のない随意契約となった理由及び改善策 (支出額10億円",
              "号 要 (百万 式等 者数 札 以上)", "円) (応 率", "募者", "数)"]
NARROW_003 = ["支出先 法人番号 業務概要 支出額 (百万円契約方式等 入札者数 落札率 一者応札・一者応募又は競争性の",
              ") (応募者数 ない随意契約となった理由及び改", ") 善策 (支出額10億円以上)"]


def test_a_corporate_number_in_five_digit_pieces_and_an_amount_glued_to_its_description():
    rows = _rows(["C", *NARROW_000,
                  "1 UQコ 20104 モバイ0.2 随意契 - --", "ミュニ 01075 ルWi- 約 (そ", "ケーシ 423 Fi機器 の他)",
                  "ョンズ の使用", "株式会 料", "社",
                  "3 株式会 60100 飲料水0 その他 - --", "社柏屋 01001 購入", "本店 817"])
    c1, c3 = rows[("C", 1)], rows[("C", 3)]
    assert (c1["name"], c1["corporate_number"], c1["amount"], c1["description"]) == \
        ("UQコミュニケーションズ株式会社", "2010401075423", "0.2", "モバイルWi-Fi機器の使用料")
    assert c1["contract_method"] == "随意契約 (その他)"  # 「約 (そ」: one cell's line, its space printed
    assert (c3["name"], c3["corporate_number"], c3["amount"], c3["description"], c3["contract_method"]) == \
        ("株式会社柏屋本店", "6010001001817", "0", "飲料水購入", "その他")


def test_a_corporate_number_glued_to_the_name_and_a_dash_glued_to_it():
    rows = _rows(["E", *NARROW_003,
                  "1 (株)ITリサーチ1011001072 サイバーセキ 7 一般競争契約 2 98.7% -", "・アート 687 ュリティ対策 (総合評価)",
                  "H", *NARROW_003, "1 Asia Wise法律事務- 法制度の比較結果 6 その他 - - -", "所 に対する第三者評"])
    e, h = rows[("E", 1)], rows[("H", 1)]
    assert (e["name"], e["corporate_number"], e["amount"], e["bidders"], e["award_rate"]) == \
        ("(株)ITリサーチ・アート", "1011001072687", "7", "2", "98.7%")
    assert (h["name"], h["corporate_number"], h["amount"], h["contract_method"]) == \
        ("Asia Wise法律事務所", "-", "6", "その他")


def test_pieces_that_do_not_make_a_valid_corporate_number_leave_the_row_unread():
    notes: list = []
    rows = _rows(["C", *NARROW_000, "1 UQコ 20104 モバイ0.2 随意契 - --", "ミュニ 01075 ルWi- 約 (そ",
                  "ケーシ 424 Fi機器 の他)",  # (the check digit of 2010401075424 fails)
                  "3 株式会 60100 飲料水0 その他 - --", "社柏屋 01001 購入", "本店 817"], notes)
    assert set(rows) == {("C", 3)} and rows[("C", 3)]["corporate_number"] == "6010001001817"
    assert any("could not be read" in m for _, m in notes)


def test_an_amount_split_off_its_description_must_keep_the_ranks_in_order():
    notes: list = []
    rows = _rows(["A", *NARROW_000, "1 委員謝 - 会議等0.2 - --", "金(委 出席", "2 委員謝 - 会議等0.1 - --", "金(委 出席",
                  "3 委員謝 - 会議第40.1 - --"], notes)
    assert [rows[("A", r)]["amount"] for r in (1, 2)] == ["0.2", "0.1"]
    assert ("A", 3) not in rows  # 「第40.1」: the digits after 第 may be the 業務概要's own
    rows = _rows(["A", *NARROW_000, "1 委員謝 - 会議等 0.2 - --", "2 委員謝 - 会議等40.1 - --"], [])
    assert ("A", 2) not in rows and rows[("A", 1)]["amount"] == "0.2"  # 40.1 after 0.2: out of the list's order


def test_a_qualifier_after_a_line_break_is_spelled_as_the_sheet_spells_it_on_one_line():
    a = ["A", *NARROW_003, "1 (株)野村総合 4010001054 タイムスタン 18 一般競争契約 1 83.3% -",
         "研究所 032 プ認定制度に (総合評価)", "関する調査"]
    g = ["G", *NARROW_003, "1 (株)OCS 5010401006 英字新聞の購 0.3 随意契約 (少額- - -", "994 読 )"]
    assert _rows(a + g)[("A", 1)]["contract_method"] == "一般競争契約 (総合評価)"
    notes: list = []
    assert _rows(a, notes)[("A", 1)]["contract_method"] is None  # the sheet does not say: unknown
    assert any("qualifier" in m for _, m in notes)
    assert payee_wraps.qualifier_spacing(["随意契約(少額)", "一般競争契約 (総合評価)"]) is None


def test_a_cell_whose_last_line_is_short_has_ended():
    rows = _rows(["C", *NARROW_003,
                  "1 (株)エヌ・テ 1010001143 サイバーセキ 18 一般競争契約 1 98.2% -", "ィ・ティ・デ 390 ュリティに係 (最低価格)",
                  "ータ経営研究 る諸外国の動", "所 向に関する文", "書の分析及び", "要約作業等"])
    c = rows[("C", 1)]
    assert (c["name"], c["description"]) == \
        ("(株)エヌ・ティ・ティ・データ経営研究所", "サイバーセキュリティに係る諸外国の動向に関する文書の分析及び要約作業等")
    assert not payee_wraps.ended("視察", 12, "(旅費")  # a bracket pushed whole onto the next line
