"""Never confidently wrong (issue 17): values the three text tools' output of real-form variants (LibreOffice
prints, tests/fixtures/real_variants.py) led the readers to take wrongly — another cell's digit or label glued in,
a table's header read as a form label, a wrapped piece of a neighbouring cell — are now unknown or right, read by
the form's labels and the values' own shapes. Each excerpt is a few lines as the tool wrote them; values as the
variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract import fields
from kg.extract.legal_text import legal_pieces, plans_rejoined
from kg.extract.payee_form_text import _corp_para, _para, _read_row, form_rows
from kg.extract.payee_rows_text import PayeeRow, payee_rows
from kg.extract.payee_wraps import respell_methods
from kg.extract.review_pdf import _expense_ok, _figure_descriptions
from kg.extract.review_text import (
    _paired_past,
    holds_label_head,
    label_fields,
    label_lists,
    officials_by_shape,
    tokens,
)
from kg.normalize.law_ref import parse_legal_bases
from kg.normalize.project_number import parse_numbers

HEADER = ["支出先 法人番号 業務 支出額 契約方式 入札者 落札 一者応札・一者応募又は競争性のない随意契約となっ",
          "概要 (百万円等 数 (応募率 た理由及び改善策 (支出額10億円以上)", ") 者数)"]


def _plumber_rows(lines):
    return {(r.block, r.rank): r.cells for r in payee_rows(["支出先上位10者リスト", *lines], 1) or []}


def test_pdfplumber_an_amount_cut_at_its_line_takes_the_digits_wrapped_below():
    # (rv261: 「21,02」 over 「8」, 「20,39」 over 「5」: the digits went to the 業務概要 — 「実証事業8の実施」 — or read as
    # the 法人番号's next piece, gluing its real piece into the name — 「(株)UQコミュニケー238360の企ションズ営」)
    rows = _plumber_rows(["D.", *HEADER, "1 合同会社柏3657360 実証 21,02 その他 - --", "屋本店 257842 事業 8", "の実", "施",
                          "2 (株)UQコ 3546302 研修 20,39 随意契約 - --", "ミュニケー238360 の企 5 (その他)", "ションズ 画運",
                          "営"])
    d1, d2 = rows[("D", 1)], rows[("D", 2)]
    assert (d1["name"], d1["corporate_number"], d1["description"], d1["amount"]) == \
        ("合同会社柏屋本店", "3657360257842", "実証事業の実施", "21,028")
    assert (d2["corporate_number"], d2["amount"]) == ("3546302238360", "20,395")
    # (which of the name and 業務概要 the short pieces below end is left to the table's widths: not these few rows')
    assert d2["name"] in (None, "(株)UQコミュニケーションズ") and d2["description"] in (None, "研修の企画運営")


def test_a_major_policy_holding_the_next_label_glued_to_its_value():
    # (rv258: 「主要政策・施 国土強靱化 主要経費社会保障」)
    assert holds_label_head("国土強靱化 主要経費社会保障")
    assert not holds_label_head("国土強靱化") and not holds_label_head("文教及び科学振興")
    # (an unseen variant's pdfplumber line 「主要政策・施策 観光立国 主要経社会保障」: the cut label's head glued to its value)
    assert holds_label_head("観光立国 主要経社会保障")
    assert not holds_label_head("主要経済政策の推進")  # (a first word is the value itself)


def test_the_policy_label_glued_to_the_policy_evaluation_labels_first_line():
    # (rv260: the 政策 label glued on, so no 政策 label was found and the 成果目標 table's pieces were read by shape:
    # 「標 度 標 - 年」, 「実績値 - - - - - -」)
    lines = ["計算式 百万円/件 - - 53.9/1 62/1", "政策評価、新政策 7. 支援の推進", "経済・財政再", "生計画との関", "係",
             "施策 研究開発データ活用の推進", "測定指 定量的指標 単位 平成30年度 令和元年 令和2年度 中間目 目標年度 - 年度",
             "標 度 標 - 年", "度", "実績値 - - - - - -", "目標値 - - - - - -"]
    assert label_lists(lines, 2018)["policy_evaluation"].value == {"policy": "7. 支援の推進",
                                                                   "measure": "研究開発データ活用の推進"}


def test_a_tables_header_row_is_no_project_name_label():
    # (rv264: the form's 事業名 label glued to its value, and the 点検 table's 「事業番号 事業名」 header taken for it)
    lines = ["令和6年度行政事業レビューシート (厚生労働省)", "事業名人材育成普及啓発地域国際協力 担当部局 出入国在留管理庁 作成責任者",
             "に関する調査研究", "事業番号 事業名", "", "点検・点検結果 本事業の継続的な実施により、平成14年8月の住民基本台帳ネ"]
    got = label_fields(lines, 2024)
    assert "project_name" not in got
    assert got["bureau"].value == "出入国在留管理庁"


def _plans(text: str):
    lines = text.split("\n")
    lab = next(i for i, x in enumerate(lines, 1) if x.startswith("根拠法令"))
    return fields.parse_plans(plans_rejoined(lines, lab))


def test_the_plans_labels_character_glued_to_the_first_item():
    # (rv274: 「関係する 計地球温暖化対策計画(…)」 over 「画、通知等」: the title was 「計地球温暖化対策計画」)
    plans = _plans("根拠法令 (具 卸売市場法第60条 関係する 計地球温暖化対策計画(平成27年3月9日閣議決定) サイバーセキュリティ戦略"
                   "(平成27年4月8日総務大臣決定)\n体的な 条項も 画、通知等\n記載)\n主要政策・施 IT戦略 主要経費 経済協力")
    assert [p["title"] for p in plans] == ["地球温暖化対策計画", "サイバーセキュリティ戦略"]


def test_the_plans_label_cut_after_its_kei_and_glued_to_the_law_cell():
    # (rv272: 「…社会保険審査会関係する計」: the items after it went to the law cell, the next one read 「済財政運営…」)
    text = ("根拠法令 社会保険審査官及び社会保険審査会関係する計 成長戦略フォローアップ(平成25年2月1日閣議決定) 経\n"
            "(具体的な 法第41条・排他的経済水域及び大 画、通知等 済財政運営と改革の基本方針2021(平成28年9月12日閣\n"
            "条項も記 陸棚に関する法律第44条 議決定) サイバーセキュリティ2019(平成27年6月2日関\n載) 係閣僚会議決定)\n"
            "主要政策 - 主要経費 その他の事項経費")
    assert [p["title"] for p in _plans(text)] == ["成長戦略フォローアップ", "経済財政運営と改革の基本方針2021",
                                                  "サイバーセキュリティ2019"]


def test_a_plan_written_inside_the_law_cells_paragraphs():
    # (rv275, pdfminer: the plan's paragraph between 「航路標識法第1条第」 and 「2項第8号及び第29条」 was read as the
    # law cell's: 航路標識法 article 1 without its paragraph, and an item 8 of no article)
    lines = ["根拠法令 (具体的な条項も記載) 湖沼水質保全特別措置法第100条第2項第10号 踏切道改良促進法第31条 航路標識法第1条第", "",
             "関係する計画、通知等", "", "デジタル・ガバメント実行計画(平成26年12月7日閣議決定)", "", "2項第8号及び第29条", "",
             "主要政策・施策"]
    laws = parse_legal_bases(legal_pieces(lines, 1)[0])
    assert laws[2] == {"law": "航路標識法", "citations": [{"article": "1", "paragraph": "2", "item": "8"}, {"article": "29"}]}
    assert laws[1] == {"law": "踏切道改良促進法", "citations": [{"article": "31"}]}


def test_an_officials_name_cut_below_its_cell_leaves_the_officials_unknown():
    # (rv262: 「健太郎」 printed 「健太」 over 「郎」; pdfplumber read 「室長 神門 健太」, pdftotext 「… 佐々木 敦史郎」)
    plumber = ["令和5年度行政事業レビューシート (総務省)", "事業名 情報地域推進研究開発経費 担当部局庁 高等教育局 作成責任者",
               "事業開始年度 平成27年度 事業終了(予 令和6年度 担当課室 園芸作物課 室長 神門 健太 課長補佐 佐々木 敦史", "定)年度 郎",
               "会計区分 労働保険特別会計"]
    got = label_fields(plumber, 2023)
    assert "responsible_officials" not in got and got["division"].value == "園芸作物課"
    totext = ["作成責任者", "", "担当課室", "", "室長 神門 健太 課長補佐 佐々木 敦史", "郎", "", "園芸作物課", "", "事業の目的"]
    assert officials_by_shape(tokens(totext), totext) is None
    whole = ["作成責任者", "", "担当課室", "", "室長 神門 健太郎 課長補佐 佐々木 敦史", "", "園芸作物課", "", "事業の目的"]
    assert officials_by_shape(tokens(whole), whole).value == ["室長 神門 健太郎", "課長補佐 佐々木 敦史"]
    # (a cell's kana tail below is no name's: 「終了予定」 over 「なし」)
    kana = ["事業名 防災調査支援研究開発データ活用経費 担当部局 政策統括官 作成責任者",
            "事業開始 平成6年度 事業終了(予定) 終了予定 担当課室 総務課 参事官 海野 純一", "年度 年度 なし"]
    assert label_fields(kana, 2023)["responsible_officials"].value == ["参事官 海野 純一"]


def test_an_rs_numbers_tail_is_no_bare_number():
    # (rv262: 「2021 総務 20 0135」 wrapped as 「2021 総務」 … 「20 0135」: 「0135」 was read as a number of its own)
    assert parse_numbers("20 0135") == []
    assert [r.number for r in parse_numbers("2021 総務 20 0135")] == ["2021-総務-20-0135"]
    assert [r.number for r in parse_numbers("0433 0463")] == ["0433", "0463"]


def test_a_years_row_left_open_settles_no_year_below():
    # (rv259, pdfminer: 「平成27年度 防衛省 -」 and 「平成29年度 防衛省 -」 wait for their numbers, written after
    # 「令和元年度」: 0169 and 0116 were given 2019)
    cells = ["平成25年度", "-", "平成26年度", "防衛省 (0221)", "平成27年度 防衛省 -", "平成29年度 防衛省 -", "平成30年度",
             "防衛省 - 0321", "令和元年度", "0169", "0116", "防衛省 -", "0002"]
    got = _paired_past(cells)
    assert {"number": "0169"} in got and {"number": "0116"} in got
    assert {"fiscal_year": 2014, "number": "0221"} in got


def test_a_major_expense_sentence_is_no_category():
    # (rv272, pdftotext: the 事業の目的 cell after its label cut to 「事業の目」 read as the 主要経費)
    assert not _expense_ok("地域国際協力高度化経費について、事業の実施に当たっては、競争性の確保に努め、効率的な執行を図る。")
    assert _expense_ok("その他の事項経費")


def test_a_contract_method_wrapped_before_its_qualifier():
    # (rv264, pdfminer: 「随意契約 」 over 「(その他)」 read 「随意契約(その他)」, the section's sentence
    # 「…は随意契約(企画競争)による支…」 taken for the sheet's spelling)
    rows = [PayeeRow("H", 1, {"contract_method": "随意契約(その他)"}, 3, False)]
    lines = ["は随意契約(企画競争)による支", "", "随意契約", "(その他)", "", "-"]
    got, unknown = respell_methods(rows, lines, ["は随意契約(企画競争)による支", "", "随意契約 ", "(その他)", "", "-"])
    assert got[0].cells["contract_method"] == "随意契約 (その他)" and not unknown
    got, unknown = respell_methods(rows, lines)  # (no raw line: the space at the wrap is unknown)
    assert got[0].cells["contract_method"] is None and unknown == [3]


def _text_rows(lines, notes=None):
    return {(r.block, r.rank): r.cells for r in form_rows(["支出先上位10者リスト", "", *lines], 1, notes) or []}


def test_pdftotext_a_blocks_total_label_run_on_below_the_name():
    # (rv250: 「合同会社ソフトバンク 7764924899870」 over 「計」 read as the name 「合同会社ソフトバンク計」: the block's 計
    # row run on, or the name's own last character — the name is unknown, the cells after it are still read)
    got = _corp_para(_para(["合同会社ソフトバンク 7764924899870", "計"], 1404), False)
    assert got["corporate_number"] == "7764924899870" and not got["name"] and not got["unsure"]
    assert _corp_para(_para(["合同会社ソフトバンク 7764924899870"], 1404), False)["name"] == ["合同会社ソフトバンク"]


def test_pdftotext_an_amount_alone_among_the_descriptions_lines():
    # (rv271: 「視察(旅費の支」 「18,634」 「払)、…」: the description read 「視察(旅費の支18,634払)…」)
    paras = [_para(["国立研究開発法人産業技術 3249670437519", "総合研究所"], 1169),
             _para(["視察(旅費の支", "18,634", "払)、ガイドライ", "ンの英訳作業"], 1172), _para(["随意契約 (その他)"], 1182), _para(["-"], 1184),
             _para(["-"], 1186), _para(["3"], 1188), _para(["国際連合開発計画(UNDP)"], 1190)]
    cells, _ = _read_row(paras, 0, 2)
    assert (cells["description"], cells["amount"], cells["contract_method"]) == \
        ("視察(旅費の支払)、ガイドラインの英訳作業", "18,634", "随意契約 (その他)")


def test_pdftotext_a_number_after_the_next_tables_header_is_no_bidders_count():
    # (rv262: block C's row, then the next table's 「支出先」「法人番号」 and its rank 「1」, read as the row's 入札者数)
    paras = [_para(["一般社団法人電波産業会"], 7), _para(["885037078 会議等出席(諸 35", "9318", "謝金)"], 11), _para(["支出先"], 15),
             _para(["法人番号"], 17), _para(["1"], 19), _para(["一般社団法人地域活性化センター"], 21)]
    cells, _ = _read_row(paras, 0, 1)
    assert (cells["corporate_number"], cells["amount"], cells["bidders"]) == ("8850370789318", "35", None)
    # (after the 入札者数 column's own header cells, a number is the row's: rv274 「入札者数 (応 落札率 募者数)」 「5」)
    paras = [_para(["講師謝金(講師A) -"], 8), _para(["ヘルプデスク業務 409", "、会議等出席(諸", "謝金)"], 9), _para(["支出先"], 16),
             _para(["業務概要"], 17), _para(["随意契約 (公募)"], 18), _para(["入札者数 (応 落札率", "募者数)"], 19), _para(["5"], 21)]
    assert _read_row(paras, 0, 1)[0]["bidders"] == "5"


def test_the_bureau_labels_rest_read_on_with_a_bureau_ending_in_its_character():
    # (rv265, pdftotext: 「担当部局 出入国在留管理庁」 over 「庁」, read 「出入国在留管理庁庁」)
    lines = ["令和2年度行政事業レビューシート (防衛省)", "", "事業名", "", "国際協力調査人材育成に関する調査研究", "",
             "担当部局 出入国在留管理庁", "庁", "", "作成責任者", "", "事業開始年度", "", "昭和55年度", "", "担当課室 企画課"]
    assert label_fields(lines, 2020)["bureau"].value == "出入国在留管理庁"


def test_block_letters_written_ahead_of_their_tables_leave_the_rows_unknown():
    # (rv273, pdfminer: 「A.」「1」「B」「1」, then block A's table: its row was read as block B's rank 1)
    table = ["支出先", "", "法人番号", "", "業務概要", "", "支出額 (百万円)", "", "契約方式等", "", "入札者数", "(応募者", "数)", "",
             "落札", "率", "", "一者応札・一者応募又は競争性のない随意契約となった理由及び改善策 (支出額10億円", "以上)", ""]
    lines = ["A.", "", "1", "", "B", "", "1", "", *table, "合同会社ソフ", "トバンク", "", "77649248998", "70", "", "諸外国の",
             "動向に関", "する文書", "の分析及", "び要約作", "業", "", "584", "", "-", "", "--", "", "-", "", "計", "", "584", "",
             *table, "国立研究開発", "法人産業技術"]
    notes: list = []
    assert not _text_rows(lines, notes)
    assert notes and "block B's letter follows block A's" in notes[0][1]


def test_a_description_that_is_a_figure_leaves_description_and_amount_unknown():
    # (rv063, pdfminer: the amount 「11,504」 read as the 業務概要 and the 入札者数 「5」 as the amount)
    rows = [PayeeRow("A", 1, {"description": "11,504", "amount": "5", "contract_method": "随意契約 (企画競争)"}, 756, True),
            PayeeRow("A", 2, {"description": "普及啓発コンテンツの作成", "amount": "7,231"}, 790, False)]
    notes: list = []
    got = _figure_descriptions(rows, notes)
    assert (got[0].cells["description"], got[0].cells["amount"]) == (None, None)
    assert got[0].cells["contract_method"] == "随意契約 (企画競争)" and got[1] == rows[1]
    assert notes[0][0] == 756


def test_a_qualifier_wrapped_without_a_trailing_space_where_the_tool_keeps_them():
    # (generated sheet24, pdfminer: 「一般競争契約」 over 「(最低価格)」 and no trailing space, where the tool writes a
    # line's trailing space elsewhere: no space stood there)
    rows = [PayeeRow("A", 1, {"contract_method": "一般競争契約(最低価格)"}, 2, False)]
    lines, raw = ["一般競争契約", "(最低価格)", "", "報告書 作成"], ["一般競争契約", "(最低価格)", "", "報告書 "]
    assert respell_methods(rows, lines, raw)[0][0].cells["contract_method"] == "一般競争契約(最低価格)"


def test_pdftotext_a_corporate_number_line_holding_the_rows_later_cells():
    # (rv261: 「2681594 視察 4,900 随意契約 3」: the last number is the 入札者数, not the amount — was read 3 with the
    # 業務概要 「視察4,900随意契約(旅費…」; the amount is the number right before the 契約方式, the 業務概要 stays unknown)
    got = _corp_para(_para(["2681594 視察 4,900 随意契約 3", "630030 (旅費", "(企画競争", "の支", ")", "払)、"], 653), True)
    assert got["unsure"] and got["amount"] == "4,900" and got["description"] is None
    assert got["corporate_number"] == "2681594630030"
    got = _corp_para(_para(["2681594 視察 4,900", "630030 (旅費", "の支", "払)"], 653), True)
    assert (got["amount"], got["description"]) == ("4,900", ["視察", "(旅費", "の支", "払)"])


def test_pdftotext_a_rate_after_a_bidders_dash_in_a_row_without_its_method():
    # (rv264: I2 「0.3」 「-」 「43.5%」 「-」: I1's 落札率 written after I2's cells was read as I2's)
    paras = [_para(["柏屋本店", "(株)"], 1), _para(["325787 利用者の", "326359 基本的な", "0", "権利の保"], 3), _para(["0.3"], 9), _para(["-"], 10),
             _para(["43.5%"], 11), _para(["-"], 12), _para(["3"], 13), _para(["有限会社"], 14)]
    cells, _ = _read_row(paras, 0, 2)
    assert (cells["corporate_number"], cells["amount"], cells["award_rate"]) == ("3257873263590", "0.3", None)
