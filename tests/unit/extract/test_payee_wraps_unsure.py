"""Row-style payee rows whose wrapped pieces could be read two ways (pdfplumber's lines of real-form variants
printed by LibreOffice: tests/fixtures/real_variants.py): the cells left unknown instead of read wrong (issue 17),
and the pieces whose place the values' own shapes settle (a 法人番号's check digit, a contract method's end)."""
from __future__ import annotations

from kg.extract import payee_wraps
from tests.unit.extract.test_payee_rows_real_form import _rows  # (the section's rows by block and rank)

HEADER = ["支出先 法人番号 業務概要 支出額 (百契約方式等 入札者数 落札率 一者応札・一者応募又は競争性",
          "万円) (応募者 のない随意契約となった理由及", "数) び改善策 (支出額10億円以上)"]
WIDE = ["支出先 法人番号 業務概要 支出額 (百契約方式 入札者数 (応落札率 一者応札・一者応募又は競争性のない随意契約となった"
        "理由及び改善策 (支出額10億円", "万円) 等 募者数) 以上)"]


def test_a_latin_word_broken_over_lines_leaves_name_and_description_unknown():
    notes: list = []
    rows = _rows(["J", *HEADER, "1 Pricewater - ガイドライ 44,955 その他 - --", "houseCoo ンの英訳作", "pers LLP 業"], notes)
    j = rows[("J", 1)]  # (「PricewaterhouseCoopers LLP」 / 「ガイドラインの英訳作業」: was 「Pricewater houseCoo pers」
    assert (j["name"], j["description"]) == (None, None)  # and 「ガイドラインの英訳作LLP業」)
    assert (j["corporate_number"], j["amount"], j["contract_method"]) == ("-", "44,955", "その他")
    assert notes and "both are unknown" in notes[0][1]


def test_a_method_glued_to_the_bidders_dash_takes_no_later_piece():
    rows = _rows(["E", *HEADER, "1 有限会社IT 434309 データ整備 47,009 補助金等交付- -- -", "リサーチ・ 301239 及び分析業",
                  "アート 5 務"])
    e = rows[("E", 1)]  # (was 「補助金等交付-及び分析業務」 and 「データ整備」)
    assert (e["name"], e["corporate_number"], e["description"], e["contract_method"]) == \
        ("有限会社ITリサーチ・アート", "4343093012395", "データ整備及び分析業務", "補助金等交付")


def test_the_last_digit_of_a_corporate_number_glued_to_the_names_piece():
    rows = _rows(["C", *WIDE, "1 富士通 588082501206 機器の賃 35,270 補助金等 - - -", "Japan株式0 貸借 交付", "会社"])
    c = rows[("C", 1)]  # (was 「富士通Japan株式0会社」 with the 法人番号 cut at 12 digits)
    assert (c["name"], c["corporate_number"], c["description"], c["contract_method"]) == \
        ("富士通Japan株式会社", "5880825012060", "機器の賃貸借", "補助金等交付")
    notes: list = []
    c = _rows(["C", *WIDE, "1 富士通 588082501206 機器の賃 35,270 補助金等 - - -", "Japan株式1 貸借 交付", "会社"],
              notes)[("C", 1)]  # (5880825012061: its check digit fails — the 1 may be the name's)
    assert c["name"] is None and c["corporate_number"] == "588082501206"
    assert notes


def test_the_rules_alone():
    assert payee_wraps.word_broken("Pricewater", "houseCoo") and not payee_wraps.word_broken("富士通", "Japan")
    assert payee_wraps.split_unsure(["pers", "LLP", "業"]) and not payee_wraps.split_unsure(["ョンズ", "の使用", "料"])
    ends = ("契約", "交付", ")")
    assert payee_wraps.method_closed("補助金等交付-", ends) and payee_wraps.method_closed("随意契約 (少額)-", ends)
    assert not payee_wraps.method_closed("随意契約 (少額-", ends) and not payee_wraps.method_closed("随意契-", ends)


def test_a_next_ranks_row_that_does_not_read_is_no_piece_of_the_row_before():
    notes: list = []
    rows = _rows(["C.", *WIDE, "3 株式会社日経2919864843629 利用者の基本 3,861 - -- -", "BPマーケテ 的な権利の保",
                  "ィング 障の在り方を", "4 合同会社三菱8267289516833 視察(旅費)、1902 一般競争契約 8 95.5%",
                  "総合研究所 説明会の開催 (最低価格)"], notes)  # (an amount glued after a mark: not read)
    c3 = rows[("C", 3)]  # (was 「…マーケティング4総合研究所」 and a 業務概要 holding all of rank 4's row)
    assert (c3["name"], c3["description"]) == ("株式会社日経BPマーケティング", "利用者の基本的な権利の保障の在り方を")
    assert ("C", 4) not in rows and any("could not be read" in m for _, m in notes)


def test_a_method_glued_to_the_bidders_count_is_split_off_again():
    # (「(最8」: no contract method holds a digit — the 入札者数 8 glued to the method's line; was: row not read)
    rows = _rows(["C.", *WIDE, "4 合同会社三菱8267289516833 セキュリティ 1,902 一般競争契約 (最8 95.5%",
                  "総合研究所 説明会の開催 低価格)"])
    c4 = rows[("C", 4)]
    assert (c4["name"], c4["corporate_number"], c4["description"]) == \
        ("合同会社三菱総合研究所", "8267289516833", "セキュリティ説明会の開催")
    assert (c4["contract_method"], c4["bidders"], c4["award_rate"]) == ("一般競争契約 (最低価格)", "8", "95.5%")


def test_an_amount_glued_after_a_closing_bracket_is_read_when_it_keeps_the_ranks_in_order():
    # (「視察(旅費の支払)13」: the amount 13 glued to the 業務概要, 4 the 入札者数 — was: row not read)
    lines = ["D", *WIDE, "1 合同会社伊 848487 視察(旅費の支払)13 随意契約 (公募) 4 - -", "藤忠テクノ 419981",
             "ソリューシ 2", "ョンズ", "2 一般社団法 553818 普及啓発コンテ 12 補助金等交付 - -"]
    d1 = _rows(lines)[("D", 1)]
    assert (d1["description"], d1["amount"], d1["contract_method"], d1["bidders"]) == \
        ("視察(旅費の支払)", "13", "随意契約 (公募)", "4")
    assert d1["corporate_number"] == "8484874199812"
    notes: list = []  # rank 2 paid more than rank 1 would: the split is not established, the row is not read
    assert ("D", 1) not in _rows([*lines[:-1], lines[-1].replace(" 12 ", " 14 ")], notes) and notes
    assert payee_wraps.ends_in_digit("視察(旅費の支払)13") and payee_wraps.glued_amount("視察(旅費の支払)13")
    assert not payee_wraps.glued_amount("視察(旅費(支払)13")  # (a bracket left open: the digits may be its own)

def test_a_piece_a_wrap_moves_whole_fits_either_cell():
    # held-out real-form variant rv217 (pdfplumber): 「富士通Japan(株)」 printed 「富士通」 over 「Japan(株)」 — the Latin
    # word moved whole, so the name's first line is short and its width does not say the piece is the 業務概要's
    # (was: name 「富士通」, 業務概要 「研修の企画運営Japan(株)」)
    rows = _rows(["C", *HEADER, "1 富士通 5798369383662 研修の企画運営 26 一般競争契約 1 60.4% -", "Japan(株) (最低価格)"])
    c = rows[("C", 1)]  # (widths settle nothing; the name's shape does: 「富士通」 is no whole name, 「富士通Japan(株)」 is)
    assert (c["name"], c["description"]) == ("富士通Japan(株)", "研修の企画運営")
    assert (c["corporate_number"], c["amount"]) == ("5798369383662", "26")
    # rv228: 「(株)KDDI・」 over 「(株)ITリサーチ」 — an opening bracket moves with its word
    a = _rows(["A", *HEADER, "1 (株)KDDI・ - 機器の賃貸借 24 補助金等交 - --", "(株)ITリサーチ 付", "・アート共同企",
               "業体"])[("A", 1)]  # (the name's shape settles the last lines: 「…共同企業体」 ends as a whole name)
    assert (a["name"], a["description"]) == ("(株)KDDI・(株)ITリサーチ・アート共同企業体", "機器の賃貸借")
    assert a["amount"] == "24"
    assert payee_wraps.moved_whole("Japan(株)") and payee_wraps.moved_whole("(株)IT") and not payee_wraps.moved_whole("研修")
