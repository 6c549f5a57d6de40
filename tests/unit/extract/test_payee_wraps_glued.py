"""Row-style payee rows of the real form printed in narrow columns (pdfplumber's lines of real-form variants printed
by LibreOffice: tests/fixtures/real_variants.py), where a cell filled its column and pdfplumber wrote it against its
neighbour: a 法人番号's lines glued to the name's or the 業務概要's, the contract method glued to the 入札者数; and
cells known to have ended (kg.extract.payee_wraps). Values as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract import payee_wraps
from tests.unit.extract.test_payee_rows_real_form import _rows

NARROW = ["支出先 法人番号 業務概 支出額 (百万 契約方式等入札者 落札 一者応札・一者応募又は競争性の", "要 円) 数 (応募 率 ない随意契約となった理由及び改",
          "者数) 善策 (支出額10億円以上)"]
FIVE = ["支出先 法人番 業務概要支出額 (百 契約方式等 入札者落札率 一者応札・一者応募又は競争性のない随意契約となった理",
        "号 万円) 数 (応 由及び改善策 (支出額10億円以上)", "募者数", ")"]


def test_a_corporate_numbers_first_line_glued_to_the_description_and_the_method_to_the_bidders_dash():
    # variant rv028: 「30000201諸外国」 (法人番号 3000020141003 over two lines), 「補助金等交-」 (its 入札者数's dash)
    rows = _rows(["A.", *NARROW, "1 横浜市 30000201諸外国 2.1 補助金等交- --", "41003 の動向 付", "に関す", "る文書", "の分析",
                  "及び要", "約作業", "2 特定非営 66523867普及啓 1.6 随意契約 1 -", "利活動法 92274 発コン (企画競争)",
                  "人地域活 テンツ", "性化セン の作成", "ター"])
    a1, a2 = rows[("A", 1)], rows[("A", 2)]  # (were not read)
    assert (a1["name"], a1["corporate_number"], a1["amount"], a1["contract_method"]) == \
        ("横浜市", "3000020141003", "2.1", "補助金等交付")
    assert a1["description"] == "諸外国の動向に関する文書の分析及び要約作業"
    assert (a2["corporate_number"], a2["amount"], a2["bidders"]) == ("6652386792274", "1.6", "1")


def test_a_names_line_glued_to_a_short_piece_of_the_corporate_number():
    # variant rv012: a column five digits wide — 「一般財団45514」「法人地域08758」「活性化セ086」 (4551408758086)
    rows = _rows(["A.", *FIVE, "3 一般財団45514 ガイドラ0.2 一般競争契 8 97.2%", "法人地域08758 インの英 約 (最低価格",
                  "活性化セ086 訳作業、 )", "ンター タイムス", "タンプ認", "定制度に", "関する調", "査"])
    a3 = rows[("A", 3)]  # (was not read)
    assert (a3["name"], a3["corporate_number"], a3["description"]) == \
        ("一般財団法人地域活性化センター", "4551408758086", "ガイドラインの英訳作業、タイムスタンプ認定制度に関する調査")
    assert (a3["amount"], a3["contract_method"], a3["bidders"], a3["award_rate"]) == \
        ("0.2", "一般競争契約 (最低価格)", "8", "97.2%")
    # the glued digits are taken only when as long as the first line or ending a valid number
    assert payee_wraps.corp_piece_glued(["伊藤忠テ15537", "コンテン"], "43502", 5) == \
        (["伊藤忠テ", "15537", "コンテン"], 1)
    assert payee_wraps.corp_piece_glued(["伊藤忠テ1553", "コンテン"], "43502", 5) == (["伊藤忠テ1553", "コンテン"], None)


def test_a_cell_with_no_piece_beside_the_corporate_numbers_piece_has_ended():
    # variant rv003: 「人地方自治 53 他)」 holds no piece of the 業務概要, so 「情報センタ」 below is the name's
    rows = _rows(["A.", *NARROW, "3 公益財団法 59830164385 研修の企画運営 14 随意契約 (その- -", "人地方自治 53 他)",
                  "情報センタ", "ー"])
    a3 = rows[("A", 3)]  # (were both unknown)
    assert (a3["name"], a3["corporate_number"], a3["description"]) == \
        ("公益財団法人地方自治情報センター", "5983016438553", "研修の企画運営")


def test_a_last_line_with_room_for_the_next_character_has_ended():
    # variant rv009: 「センター」 under 「特定非営利」 (an earlier line of the same cell) had room for 「方」
    rows = _rows(["A.", *NARROW, "1 特定非営利 73650利用者の 20 随意契約 (そ - -- -", "活動法人地 78791基本的な の他)",
                  "方自治情報 070 権利の保", "センター 障の在り", "方を巡る", "諸外国の", "法制度・", "実態の調", "査"])
    a1 = rows[("A", 1)]  # (were both unknown)
    assert (a1["name"], a1["corporate_number"]) == ("特定非営利活動法人地方自治情報センター", "7365078791070")
    assert a1["description"] == "利用者の基本的な権利の保障の在り方を巡る諸外国の法制度・実態の調査"
    assert payee_wraps.ended_exactly("センター", payee_wraps.holds("特定非営利"), "方を巡る")
    assert not payee_wraps.ended_exactly("センタ", payee_wraps.holds("特定非営利"), "ーを巡る")  # (「ー」 starts no line)
    assert not payee_wraps.ended_exactly("センター", payee_wraps.holds("ニケーション"), "方を巡る")  # (kana: narrower)


def test_a_name_glued_to_the_corporate_numbers_dash_after_a_bracket():
    # variant rv007: 「講師謝金(講師A)-」 — no hyphen of a name: no 法人番号 cell follows
    rows = _rows(["B", "支出先 法人番号 業務概要 支出額 (百万円契約方式等 入札者数 (応募者数) 落札率 一者応札・一者応募又は競争性のない随意",
                  ") 契約となった理由及び改善策 (支出額10億円", "以上)",
                  "1 講師謝金(講師A)- 実証事業の実施、定期刊行 2,006 補助金等交付 - -", "物の購読、システムの設計", "・開発及び運用保守"])
    b1 = rows[("B", 1)]  # (was not read)
    assert (b1["name"], b1["corporate_number"], b1["amount"], b1["contract_method"]) == \
        ("講師謝金(講師A)", "-", "2,006", "補助金等交付")
    words, k, _ = payee_wraps.corp_cell(["Hewlett-", "40100", "調査"])
    assert words[k] == "40100"  # (a Latin word's hyphen before a 法人番号's piece stays the name's)


def test_a_wrapped_award_rate_and_a_method_word_cut_before_its_last_word():
    # (a narrow print: 「一般競争」 over 「契約 (最」 over 「低価格)」, the 入札者数 3 glued to it, the 落札率 「92」 over 「%」:
    # was 「一般競争」 — 競争 ends a method of the form too — with 「契約 (最 %」 given to the 業務概要)
    header = ["支出先 法人番号 業務概要 支出額 (百 契約方式入札者 落札一者応札・一者応募又は競争性のない随意契約となった理由及び",
              "万円) 等 数 (応 率 改善策 (支出額10億円以上)", "募者数", ")"]
    a1 = _rows(["A.", *header, "1 国立大学 1598058 定期刊行 21,114 一般競争3 92 -", "法人東京 483954 物の購読 契約 (最 %",
                "大学 、補助事 低価格)", "業の実施"])[("A", 1)]
    assert (a1["name"], a1["corporate_number"]) == ("国立大学法人東京大学", "1598058483954")
    assert a1["description"] == "定期刊行物の購読、補助事業の実施"
    assert (a1["contract_method"], a1["bidders"], a1["award_rate"]) == ("一般競争契約 (最低価格)", "3", "92%")
    assert payee_wraps.method_goes_on("一般競争", "契約") and not payee_wraps.method_goes_on("随意契約 (企画競争", "契約")


def test_paragraph_text_methods_spelled_as_the_sheet_spells_them_and_never_with_a_digit():
    """Held-out real-form variant 61 (pdftotext): 「一般競争契約(最低価8格)」 (a 入札者数 run into the method) and
    「随意契約(企画競争)」 rejoined across the wrap that fell on its space, where the sheet prints 「随意契約 (公募)」 on
    one line: the first unknown, the second spelled with the sheet's space."""
    from kg.extract.payee_rows_text import PayeeRow
    from kg.extract.payee_wraps import respell_methods

    rows = [PayeeRow(block="A", rank=k, line=40 + k, guessed=False, cells={"contract_method": cm})
            for k, cm in enumerate(["一般競争契約(最低価8格)", "随意契約(企画競争)", "補助金等交付"], 1)]
    lines = ["支出先上位10者リスト", "8532482213390 業務概要 12 随意契約 (公募) 3 -", "一般競争契約", "(総合評価)"]
    out, unknown = respell_methods(rows, lines)
    assert [r.cells["contract_method"] for r in out] == [None, "随意契約 (企画競争)", "補助金等交付"]
    assert unknown == [41]
    # the sheet's spellings disagree (or none is on one line): the method stays as read
    out, _ = respell_methods(rows[1:2], lines + ["随意契約(少額)"])
    assert out[0].cells["contract_method"] == "随意契約(企画競争)"
