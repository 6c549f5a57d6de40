"""Row-style payee rows (pdfplumber) of the real form printed very narrow (real-form variants 380-450 pt wide,
tests/fixtures/real_variants.py): header labels cut two characters a line, a 落札率 whose % wraps after its
decimals, and a 業務概要 wrapped after its 「、」 glued to the amount (issue 17)."""
from __future__ import annotations

from kg.extract import payee_wraps
from tests.unit.extract.test_payee_rows_real_form import _rows

NARROW = ["支出先 法人 業務 支出額 (百契約方式 入札 落 一者応札・一者応募又は競争性のない随意契約",
          "番号 概要 万円) 等 者数 札 となった理由及び改善策 (支出額10億円以上)", "(応募 率", "者数)"]
WIDE = ["支出先 法人番号 業務概要 支出額 契約方式等 入札者 落札 一者応札・一者応募又は競争",
        "(百万円 数 (応 率 性のない随意契約となった理", ") 募者数) 由及び改善策 (支出額10億円", "以上)"]


def test_a_header_cut_to_two_characters_a_line_starts_the_table():
    rows = _rows(["A", *NARROW, "1 NECソリ 4206 実証 3,293 随意契約 - --", "ューショ 8314 事業 (その他)", "ンイノベ 7344 の実",
                  "ータ株式 4 施", "会社", "2 株式会社 1183 研修 1,967 随意契約 2 - -", "パシフィ 8088 の企 (公募)",
                  "ックコン 4040 画運", "サルタン 6 営", "ツ", "計 5,260"])
    a1, a2 = rows[("A", 1)], rows[("A", 2)]  # (was: no row read — 「支出先 法人 業務」 not taken for the header)
    assert (a1["name"], a1["corporate_number"], a1["description"], a1["amount"]) == \
        ("NECソリューションイノベータ株式会社", "4206831473444", "実証事業の実施", "3,293")
    assert (a2["corporate_number"], a2["amount"], a2["bidders"]) == ("1183808840406", "1,967", "2")


def test_a_rate_whose_percent_wraps_after_its_decimals():
    rows = _rows(["A.", *WIDE, "1 (株)日立システ 82864843研修の企 3 一般競争契約 (総 6 79%", "ムズ 97896 画運営 合評価)",
                  "2 有限会社オリ 97324668ガイドラ 1.5 一般競争契約 (最 3 47.7 -", "エンタルコン 71318 インの英 低価格) %",
                  "サルタンツ 訳作業"])
    a2 = rows[("A", 2)]  # (was: row not read — 「47.7」 without its % was no 落札率)
    assert (a2["corporate_number"], a2["amount"], a2["bidders"], a2["award_rate"]) == ("9732466871318", "1.5", "3", "47.7%")
    rows = _rows(["A.", *WIDE, "1 一般社団法人 5704952120普及啓発コン 7,231 一般競争2 40. -",
                  "国際協力推進 373 テンツの作成 契約 (総 4%", "協会 合評価)"])
    a1 = rows[("A", 1)]  # (「40.」 over 「4%」)
    assert (a1["corporate_number"], a1["award_rate"], a1["contract_method"]) == \
        ("5704952120373", "40.4%", "一般競争契約 (総合評価)")
    a1 = _rows(["A.", *WIDE, "1 一般社団法人 5704952120普及啓発コン 7,231 一般競争2 40. -",
                "国際協力推進 373 テンツの作成 契約 (総", "協会 合評価)"])[("A", 1)]
    assert a1["award_rate"] is None  # (its last digits never seen: unknown, not 40)


def test_a_description_wrapped_after_its_comma_glued_to_the_amount():
    rows = _rows(["A", *WIDE, "8 株式会社日 5469817181402 視察(旅費の支払)、2,676 随意契約 (そ - --",
                  "本翻訳セン セキュリティ説明 の他)", "ター 会の開催"])
    a8 = rows[("A", 8)]  # (was: row not read)
    assert (a8["description"], a8["amount"]) == ("視察(旅費の支払)、セキュリティ説明会の開催", "2,676")
    assert payee_wraps.glued_amount("機器の賃貸借、2.8") and not payee_wraps.glued_amount("視察(旅費)、1902")


def test_a_last_line_with_room_for_a_character_ended_when_wide_characters_are_one_width():
    lines = ["A.", *WIDE, "3 国立研 324967043751 システムの 6.8 その他 - -- -", "究開発 9 設計・開発", "法人産 及び運用保",
             "業技術 守、研修の", "総合研 企画運営", "究所"]
    a3 = _rows(lines)[("A", 3)]  # (「システムの」 and 「及び運用保」: five characters a line, kana or kanji — one
    assert (a3["name"], a3["description"]) == \
        ("国立研究開発法人産業技術総合研究所", "システムの設計・開発及び運用保守、研修の企画運営")  # width: 「企画運営」 ended)
    assert a3["corporate_number"] == "3249670437519"


def test_wide_characters_one_width_only_on_the_tables_evidence():
    filled = [("A", "description", "システムの"), ("A", "description", "設計・開発")]
    assert payee_wraps.monospaced(filled)  # (five characters each, four kana against one)
    assert not payee_wraps.monospaced([("A", "description", "設計・開発"), ("A", "description", "及び運用保")])
    assert not payee_wraps.monospaced([("A", "description", "システムの"), ("B", "description", "設計・開発")])
    assert payee_wraps.ended_in_chars("企画運営", 5, "究所") and not payee_wraps.ended_in_chars("企画運営", 5, "ー協会")
    assert not payee_wraps.ended_in_chars("企画運営", 5, "(旅費") and not payee_wraps.ended_in_chars("企画運営営", 5, "究所")


def test_pieces_either_cell_could_take_go_to_the_one_they_spell_as_another_row_does():
    lines = ["A.", *WIDE, "1 富士フイルムビ 1158399540656 機器の賃貸借、 19,014 その他 - -- -",
             "ジネスイノベー 実証事業の実", "ション(株) 施", "2 富士フイルムビ 1158399540656 実証事業の実施 12,889 一般競争契約 (最低価格) 2 44.6% -",
             "ジネスイノベー", "ション(株)"]
    a2 = _rows(lines)[("A", 2)]  # (both first lines seven characters: was name and 業務概要 unknown)
    assert (a2["name"], a2["description"]) == ("富士フイルムビジネスイノベーション(株)", "実証事業の実施")
    notes: list = []
    a2 = _rows(["A.", *WIDE, *lines[-3:]], notes)[("A", 2)]  # (no other row spells either: the name's shape settles
    # it, 「富士フイルムビ」 is no whole name and 「…ション(株)」 is — kg.extract.payee_wraps.settled_by_shape)
    assert (a2["name"], a2["description"]) == ("富士フイルムビジネスイノベーション(株)", "実証事業の実施") and not notes
    notes = []  # (a piece neither shape settles: both unknown)
    a2 = _rows(["A.", *WIDE, lines[-3], "ジネスイノベー", "ション"], notes)[("A", 2)]
    assert (a2["name"], a2["description"]) == (None, None) and notes


def test_a_piece_wider_than_a_first_line_holding_brackets_may_still_be_that_cells():
    # (「視察(旅費の支」: its brackets printed wider than counted — the later line 「払)、セキュリティ」 is wider, and so may
    # the piece 「説明会の開催、普」 be; was glued to the name: 「有限会社パシフィックコンサルタンツ説明会の開催、…」)
    header = ["支出先 法人番号 業務概要 支出額 (百万円) 契約方式等 入札者数 (応 落札率 一者応札・一者応募又は競争性のない"
              "随意契約となった理由及び改善策 (支出額10億円以上)", "募者数)"]
    rows = _rows(["C", *header, "1 富士フイルムビジネ 14016611002利用者の基本的な 32,728 その他 - -",
                  "スイノベーション株 35 権利の保障の在り", "式会社 方を巡る諸外国の", "法制度・実態の調", "査",
                  "2 有限会社パシフィッ 16399345079視察(旅費の支 27,732 その他 - --", "クコンサルタンツ 12 払)、セキュリティ",
                  "説明会の開催、普", "及啓発コンテンツ", "の作成"])
    c2 = rows[("C", 2)]
    assert c2["name"] != "有限会社パシフィックコンサルタンツ説明会の開催、普及啓発コンテンツの作成"
    assert c2["name"] in (None, "有限会社パシフィックコンサルタンツ") and c2["corporate_number"] == "1639934507912"


def test_a_piece_no_word_starts_with_goes_on_the_cell_ending_in_kana():
    rows = _rows(["A.", *WIDE, "1 (株)日立システ 8286484397896 補助事業の実施 5,000 随意契約 (公募) 5 - -",
                  "2 エアクレーレ 5150710931513 補助事業の実施 894 随意契約 (企画競争) 5 - -", "ン株式会社"])
    a2 = rows[("A", 2)]  # (「ン」 goes on 「エアクレーレ」, not on 「実施」: was name and 業務概要 unknown)
    assert (a2["name"], a2["description"]) == ("エアクレーレン株式会社", "補助事業の実施")
    assert payee_wraps.cannot_go_on("実施", "ーター") and not payee_wraps.cannot_go_on("の", "ょう")


def test_a_name_glued_to_its_corporate_numbers_first_line_and_that_to_the_description():
    rows = _rows(["A", *WIDE, "1 有限会社OCS 3390109712155 機器の賃貸借 606 随意契約 (企画競争) 4 - -",
                  "2 (株)日立8286484397会議等出席255 その他 - --", "システ 896 (諸謝金)", "ムズ"])
    a2 = rows[("A", 2)]  # (the first digits after the name are the 法人番号's: was 「255」 taken for its piece, row lost)
    assert (a2["name"], a2["corporate_number"], a2["description"], a2["amount"]) == \
        ("(株)日立システムズ", "8286484397896", "会議等出席(諸謝金)", "255")


def test_a_rate_glued_to_the_reasons_dash():
    rows = _rows(["A", *WIDE, "6 個人(F) - システムの設計・ 6.9 一般競争 4 55.6%-", "開発及び運用保守 契約 (最",
                  "低価格)", "B", *WIDE, "1 国立研究9832168838 ガイドラインの 50 一般競争契約 5 92.7-",
                  "開発法人720 英訳作業、実証 (最低価格) %"])
    a6, b1 = rows[("A", 6)], rows[("B", 1)]  # (was: rows not read)
    assert (a6["amount"], a6["bidders"], a6["award_rate"]) == ("6.9", "4", "55.6%")
    assert (b1["corporate_number"], b1["bidders"], b1["award_rate"]) == ("9832168838720", "5", "92.7%")


CUT_TWO = ["支出 法人 業務 支出 契約 入 落 一者応札・一者応募又は競争性のない随意契約となった理由及び改善策 (支出額10億円",
           "先 番号 概要 額 (百 方式 札 札 以上)", "万円) 等 者 率", "数 (", "応", "募", "者", "数)"]


def test_a_header_whose_first_label_is_cut_too_a_blank_method_and_a_letter_at_a_pages_foot():
    """Real seed 000 printed narrow by reportlab (pdfplumber): even 「支出先」 is cut (「支出」 over 「先」); a row's blank
    契約方式 「-」 wraps nothing (the 業務概要's pieces 「等出」「席(諸」 went to it); block B's letter stands at a page's
    foot (「B」 then 「15 / 18」), its header on the next page. Before: every row read under block A, rank 1 twice, and
    all names and 業務概要 unknown."""
    row = ["{} 委員 - 会議 0.{} - --", "謝金( 等出", "委員{} 席(諸", ") 謝金)"]
    rows = _rows(["A.", *CUT_TWO, row[0].format(1, 2), *row[1:2], row[2].format("A"), row[3],
                  row[0].format(2, 1), *row[1:2], row[2].format("B"), row[3], "B", "15 / 18", "", *CUT_TWO,
                  "1 職員 - 視察( 0.1 - --", "旅費( 旅費", "職員A の支", ") 払)", "C", *CUT_TWO,
                  "1 UQコ 2010 モバ 0.2 随意 - --", "ミュ 4010 イル 契約 (", "ニケ 7542 Wi-Fi その", "ーシ 3 機器 他)",
                  "ョン の使", "ズ株 用料", "式会", "社"])
    assert set(rows) == {("A", 1), ("A", 2), ("B", 1), ("C", 1)}
    assert (rows[("A", 2)]["name"], rows[("A", 2)]["description"], rows[("A", 2)]["amount"]) == \
        ("委員謝金(委員B)", "会議等出席(諸謝金)", "0.1")
    assert rows[("A", 1)]["contract_method"] is None
    assert (rows[("B", 1)]["name"], rows[("B", 1)]["description"]) == ("職員旅費(職員A)", "視察(旅費の支払)")
    c = rows[("C", 1)]
    assert (c["name"], c["corporate_number"], c["description"], c["contract_method"]) == \
        ("UQコミュニケーションズ株式会社", "2010401075423", "モバイルWi-Fi機器の使用料", "随意契約 (その他)")


def test_a_piece_that_carries_on_a_word_the_name_ends_in_the_middle_of_is_the_names():
    # (real-form variant 1000 LO: 「合同会社大」 and 「会議等出席(諸謝金)」 both fit 「和総研」 by width; 大和 is one word
    # across the join, the 業務概要 ends whole — was: both unknown)
    header = ["支出先 法人番号 業務概要 支出額 契約方式等 入札者数 落札率 一者応札・一者応募又は競争性のない随意契約となった",
              "(百万円) (応募者数) 理由及び改善策 (支出額10億円以上)"]
    rows = _rows(["E", *header, "1 合同会社大 4817249567550 会議等出席(諸謝金) 271 一般競争契 8 60.5% -",
                  "和総研 約 (最低価格", ")", "2 合同会社ソ 7764924899870 普及啓発コンテンツ 219 随意契約 (少- - -",
                  "フトバンク の作成 額)"])
    e1 = rows[("E", 1)]
    assert (e1["name"], e1["description"], e1["amount"]) == ("合同会社大和総研", "会議等出席(諸謝金)", "271")
    assert e1["corporate_number"] == "4817249567550"
    # a word made only by breaking up the name's last word is no proof (「…法律事務所」+「在り」: 所在 out of 事務所)
    from kg.normalize.sudachi import word_goes_on

    assert word_goes_on("合同会社大", "和総研") and not word_goes_on("会議等出席(諸謝金)", "和総研")
    assert not word_goes_on("Asia Wise法律事務所", "在り")
    # a compound starting at an earlier word of the cell counts (野村総合研究所), and both cells may pass — then
    # nothing is told (「…英訳作業」+「所・株式会」 makes 作業所: held-out variant 2213 LO, C3)
    assert word_goes_on("有限会社野村総合研究", "所・株式会") and word_goes_on("ガイドラインの英訳作業", "所・株式会")
