"""Never confidently wrong (issue 17), second round: values the text tools' output of real-form variants
(LibreOffice prints, tests/fixtures/real_variants.py) led the readers to take wrongly — a law name with the next
column's label or another law glued in, a citation cut from its counter, a 事業名 cut where its cell goes on, a
label read as the 担当部局庁, a past number's tail read as a number, a payee's cells from another row — are now
unknown (with a warning) or right, by the form's labels and the values' own shapes. Each excerpt is a few lines as
the tool wrote them; values as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.legal_text import cut_citations, implausible_laws, legal_pieces
from kg.extract.payee_boxes import _amount_values, _fields, _kind, _ranks_passed_over
from kg.extract.payee_form_text import form_rows
from kg.extract.payee_rows_text import PayeeRow
from kg.extract.payee_wraps import respell_methods
from kg.extract.review_pdf import _major_policy_plausible, _name_plausible, _orgs_plausible, _payees_plausible
from kg.extract.review_text import label_fields, label_lists
from kg.normalize.law_ref import parse_legal_bases
from kg.normalize.text import nfkc
from kg.records import new_record


def _laws(text: str) -> list[dict]:
    lines = [nfkc(x) for x in text.split("\n")]
    lab = next(i for i, x in enumerate(lines, 1) if x.startswith("根拠法"))
    got = legal_pieces(lines, lab)
    return parse_legal_bases(got[0]) if got else []


def test_a_lone_counter_beside_the_label_rest_is_the_citations_when_the_label_goes_on_below():
    # (pdfplumber/pdftotext: 「納税貯蓄組合法第70」 over 「(具体的な 条 漁港…」, the label's 「条項も記載」 a line lower:
    # the 条 was taken as the label's, giving 「納税貯蓄組合法第70漁港漁場整備法」)
    laws = _laws("根拠法令 踏切道改良促進法第46条 納税貯蓄組合法第70 関係する計画 国土強靱化基本計画(平成29年8月8日閣議決定)\n"
                 "(具体的な 条 漁港漁場整備法第102条第1項 、通知等\n条項も記載\n)\n主要政策・ 国土強靱化 主要経費 経済協力")
    assert [(b["law"], b["citations"]) for b in laws] == [
        ("踏切道改良促進法", [{"article": "46"}]), ("納税貯蓄組合法", [{"article": "70"}]),
        ("漁港漁場整備法", [{"article": "102", "paragraph": "1"}])]


def test_the_plans_label_cut_after_two_characters_is_the_label():
    # (pdfplumber: 「…民事執行 関係 成長戦略フォローアップ(…決定)」 over 「… する」: 「関係」 and the plan were read
    # into the law cell, 「民事執行関係成長戦略フォローアップ法」)
    laws = _laws("根拠法令 (具体 労働関係調整法第70条の9及び第36条・民事執行 関係 成長戦略フォローアップ(平成30年2月4日閣議決定)\n"
                 "的な 条項も記載法第73条第3項、第27条及び第115条・特定放射 する\n"
                 ") 性廃棄物の最終処分に関する法律第102条の24 計画\n、通\n知等\n主要政策・施策 地方創生 主要 その他の事項経費")
    assert [b["law"] for b in laws] == ["労働関係調整法", "民事執行法", "特定放射性廃棄物の最終処分に関する法律"]
    # (and the empty plans cell's 「-」 after the cut label is no piece of a law: 「関係-独立行政法人国立印刷局法」)
    laws = _laws("根拠法令 企業担保法第4条の19・ 関係 -\n(具体的な 独立行政法人国立印刷局 する\n条項も記 法第110条第4項第24号 計画\n"
                 "載) 、通\n知等\n主要政策 国土強靱化 主要 その他の事項経費")
    assert [b["law"] for b in laws] == ["企業担保法", "独立行政法人国立印刷局法"]


def test_the_plans_label_piece_glued_to_a_law_name_cut_by_its_wrap():
    # (pdfplumber: 「…・犯罪捜査のため計画、通」 over 「の通信傍受に関する法律第96条 知等」)
    laws = _laws("根拠法令 戦没者の遺骨収集の推進に関する法律 関係する 規制改革実施計画(平成24年8月3日総務大臣決定)\n"
                 "(具体的な 第117条第3項第4号・犯罪捜査のため計画、通\n条項も記 の通信傍受に関する法律第96条 知等\n載)\n"
                 "主要政策 国土強靱化 主要経費 公共事業関係費")
    assert [b["law"] for b in laws] == ["戦没者の遺骨収集の推進に関する法律", "犯罪捜査のための通信傍受に関する法律"]


def test_law_names_holding_a_citation_a_dash_or_a_label_piece_are_no_law():
    names = ["納税貯蓄組合法第70漁港漁場整備法", "関係-独立行政法人国立印刷局法", "独立行政法人国立印刷局法", "労働関係調整法"]
    assert implausible_laws([{"law": n} for n in names]) == names[:2]
    text = "戦没者の遺骨収集の推進に関する法律第117条・犯罪捜査のため計画、通の通信傍受に関する法律第96条"
    assert implausible_laws(parse_legal_bases(text), text) == ["通の通信傍受に関する法律"]
    text = "労働関係調整法第70条・民事執行関係成長戦略フォローアップ(平成30年2月4日閣議決定)法第73条第3項"
    assert implausible_laws(parse_legal_bases(text), text) == ["民事執行関係成長戦略フォローアップ法"]


def test_a_citation_cut_from_its_counter_is_left_out():
    # (pdfplumber: 「国土交通省設置法第95条第2項第12」, the 号 a line lower after the plans cell's text)
    text = "国土交通省設置法第95条第2項第12関係するサイバーセキュリティ戦略(平成24年12月27日閣議決定)・司法試験法第26条第3項第1号"
    bases = parse_legal_bases(text)
    assert cut_citations(text, bases) == [("国土交通省設置法", {"article": "95", "paragraph": "2"})]
    assert cut_citations("国土交通省設置法第95条第2項第12号・司法試験法第26条", parse_legal_bases(
        "国土交通省設置法第95条第2項第12号・司法試験法第26条")) == []


def test_a_project_name_whose_cell_goes_on_in_a_piece_read_as_a_label_is_unknown():
    # (pdfplumber: 「…システム運用事」 over 「業」, 「業」 a piece of 「事業開始年度」 in shape)
    lines = ["令和3年度行政事業レビューシート (財務省)",
             "事業名 安全対策地域データ活用システム運用事 担当部局 水・大気環境局 作成責任者", "業",
             "事業開始年度平成3年度 事業終了 令和5年度 担当課室 企画課 課長 佐々木 健太郎"]
    got = label_fields(lines, 2021)
    assert "project_name" not in got and got["bureau"].value == "水・大気環境局"
    # (the label's own rest below, 「担当部局」 over 「庁」, leaves the name whole)
    lines = [lines[0], "事業名 安全対策地域データ活用システム運用事業 担当部局 水・大気環境局 作成責任者", "庁", lines[3]]
    assert label_fields(lines, 2021)["project_name"].value == "安全対策地域データ活用システム運用事業"
    # (pdfminer: the name's paragraph read whole from its first line on, 「…ネットワ」 over 「ークシステム…」, stays;
    # its first line alone before a piece dropped as a label's, 「…運用事」 over 「業」, is cut short)
    para = ["令和4年度行政事業レビューシート (総務省)", "", "事業名", "", "住民基本台帳ネットワ", "ークシステムセキュリ", "ティ対策経費", "",
            "担当部", "局", "", "自治行政局 作成責任者", ""]
    assert label_fields(para, 2022)["project_name"].value == "住民基本台帳ネットワークシステムセキュリティ対策経費"
    para = [*para[:4], "安全対策地域データ活用システム運用事", "業", *para[7:]]
    assert "project_name" not in label_fields(para, 2022)


def test_a_name_with_the_bureau_labels_pieces_and_a_bureau_that_is_a_label_piece_are_left_out():
    rec = new_record("review_sheet", "x")
    rec.update(project_name="高度化情報基盤整備シス 担当テム運用推進費部局", bureau="部局", division="企画課")
    _name_plausible(rec)
    _orgs_plausible(rec)
    assert rec["project_name"] is None and rec["bureau"] is None and rec["division"] == "企画課"
    assert {w["field"] for w in rec["warnings"]} == {"project_name", "bureau"}


def test_a_major_policy_that_is_a_sentence_or_a_citation_is_left_out():
    # (pdftotext: the 事業の目的 cell read after the 主要政策・施策 label; a helper's held-out: 「第3項」)
    for text in ("高度化情報基盤整備システム運用推進費について、調査研究の成果を取りまとめる。", "第3項"):
        rec = new_record("review_sheet", "x")
        rec["major_policy"] = text
        _major_policy_plausible(rec)
        assert rec["major_policy"] is None and rec["warnings"][0]["field"] == "major_policy"
    rec = new_record("review_sheet", "x")
    rec["major_policy"] = "科学技術・イノベーション"
    _major_policy_plausible(rec)
    assert rec["major_policy"] == "科学技術・イノベーション" and not rec["warnings"]


def test_past_numbers_below_a_number_cut_before_its_serial_are_unknown():
    # (pdfplumber: 「令和3年度 2021 文科 20」 over 「0227 0309」: 0309 ends the cut number, 0227 the 令和2年度 cell)
    lines = ["関連する過去のレビューシートの事業番号", "平成28年度 - 平成29年度 - 平成30年度 - 令和元年度 -",
             "令和2年度 文部科学省 - 令和3年度 2021 文科 20 令和4年度 文部科学省 - 0149 令和5年度 2023 文科 22 0341",
             "0227 0309", "※令和5年度実績を記入。", "資金の流れ"]
    nums = [x["number"] for x in label_lists(lines, 2024)["past_project_numbers"].value]
    assert "0309" not in nums and "2023-文科-22-0341" in nums


def _rec_with(payee: dict):
    rec = new_record("review_sheet", "x")
    rec["payees"] = [{"block": "E", "rank": 4, "name": "合同会社日経BPマーケティング", "corporate_number": None,
                      "description": None, "amount": 226, "contract_method": None, **payee}]
    return rec


def test_a_contract_method_cut_short_and_the_description_holding_its_rest_are_unknown():
    # (pdfplumber, 2-character columns: 「補助」 「金等」 「交付」, the rest run into the 業務概要 「機器の賃金等貸借交付」)
    rec = _rec_with({"description": "機器の賃金等貸借交付", "contract_method": "補助"})
    _payees_plausible(rec)
    p = rec["payees"][0]
    assert (p["contract_method"], p["description"], p["amount"]) == (None, None, 226)
    rec = _rec_with({"description": "機器の賃貸借", "contract_method": "補助"})
    _payees_plausible(rec)
    assert (rec["payees"][0]["contract_method"], rec["payees"][0]["description"]) == (None, "機器の賃貸借")
    rec = _rec_with({"description": "機器の賃貸借", "contract_method": "補助金等交付"})
    _payees_plausible(rec)
    assert rec["payees"][0]["contract_method"] == "補助金等交付" and not rec["warnings"]


def test_a_payee_name_with_a_space_inside_its_bracketed_words_is_unknown():
    # (pdftotext: 「委員謝金(委 員A)」, the cell's two lines run together)
    rec = _rec_with({"name": "委員謝金(委 員A)"})
    _payees_plausible(rec)
    assert rec["payees"][0]["name"] is None and rec["payees"][0]["amount"] == 226
    for name in ("Asia Wise法律事務所", "委員謝金 (委員A)", "一般社団法人 日本データ通信協会"):
        rec = _rec_with({"name": name})
        _payees_plausible(rec)
        assert rec["payees"][0]["name"] == name


def test_a_payee_name_that_is_a_piece_of_the_header_wording_is_unknown():
    # (pdfminer, second producer: the 一者応札 column label's wrapped end 「出額10億円以上)」 read as rank 1's name)
    for piece in ("出額10億円以上)", "式等"):
        rec = _rec_with({"name": piece})
        _payees_plausible(rec)
        assert rec["payees"][0]["name"] is None and rec["payees"][0]["amount"] == 226
    for name in ("国立大学法人京都大学", "随意契約研究所"):
        rec = _rec_with({"name": name})
        _payees_plausible(rec)
        assert rec["payees"][0]["name"] == name


def test_pdfminer_an_amount_cut_at_the_end_of_the_description_box_takes_the_next_box():
    # (pdfminer: 「視察(旅費の支払) 26,05」 「4」: the 4 was read as the amount)
    seg = [(_kind(t), t, n) for n, t in enumerate(["視察(旅費の支払) 26,05", "4", "一般競争契約 (総合評価)", "3", "55.8%", "-"])]
    got = _fields(seg, None, None)
    assert (got["description"], got["amount"], got["bidders"]) == ("視察(旅費の支払)", "26,054", "3")
    assert _amount_values(seg) == ["26,054"]
    assert _fields([(_kind(t), t, n) for n, t in enumerate(["視察(旅費の支払) 26,05", "一般競争契約"])], None, None) is None


def test_pdfminer_ranks_standing_apart_from_the_run_leave_the_block_unplaced():
    # (pdftotext, one box a cell: 「A. | 1 | 沖縄県 | 2 | … | 4 | 個人(D) | - | … | 5 | … | 6」: one row anchored by its
    # dash, counted as rank 1 of a run of one, gave 沖縄県's rank to 個人(D) and the rank 5 as its amount)
    boxes = [(_kind(t), t, n) for n, t in enumerate(["A.", "1", "沖縄県", "2", "-", "3", "4", "個人(D)", "-", "--",
                                                     "5", "6", "随意契約 (その他)"])]
    assert _ranks_passed_over(boxes, {0, 1}) == "block A's ranks 2..6 stand apart from its run"
    assert _ranks_passed_over(boxes[:6], {0, 1}) is None  # (two numbers after the rank: 入札者数 may count on)


def _paras(*cells):
    out: list[str] = []
    for c in cells:
        out += ([c] if isinstance(c, str) else list(c)) + [""]
    return out


def test_pdftotext_a_method_after_a_row_whose_tail_holds_two_rows_small_cells():
    # (pdftotext: row 1's 「補助金等交付」 written after row 2's cells, then the two rows' small cells)
    rows = form_rows(["支出先上位10者リスト", "", *_paras(
        "H", "支出先", "法人番号 業務概要 支出額 (百 契約方式", "1", "千葉市", ["6000020 研修の企 892", "121002 画運営"],
        "2", ["公益社団法人全", "国地域情報化推", "進協会"], ["8654749 研修の企 765", "300735 画運営"],
        ["補助金等", "交付"], "-", "--", "-", "-", "-", "-")], 1, notes := [])
    got = {(r.block, r.rank): r.cells for r in rows or []}
    assert got[("H", 2)]["contract_method"] is None and got[("H", 2)]["amount"] == "765"
    assert any("block H rank 2" in m for _, m in notes)


def test_pdfminer_a_method_wrapped_in_pieces_before_its_qualifier_keeps_the_space_the_line_ended_in():
    # (pdfminer: 「一般」 「競争」 「契約 」 「(総合」 「評価)」: the line before the qualifier ends in a space)
    raw = ["一般", "競争", "契約 ", "(総合", "評価)"]
    rows, unknown = respell_methods([PayeeRow("F", 1, {"contract_method": "一般競争契約(総合評価)"}, 1, False)],
                                    [x.strip() for x in raw] + ["x"], [*raw, "x "])
    assert rows[0].cells["contract_method"] == "一般競争契約 (総合評価)" and not unknown


def test_pdfminer_a_block_letter_before_another_blocks_table_places_no_row():
    # (variant 97, pdfminer.six: 「H」「1」, then block G's table — its row and 「計」 「694」 — and block H's table
    # with no letter nor rank before it: G's row was read as H's, 694 for 1,750)
    header = ["支出先", "法人番号", "業務概要", "支出額 (百万円)", "契約方式等", "入札者数 (応募者数)", "落札率"]
    rows = form_rows(["支出先上位10者リスト", "", *_paras(
        "H", "1", *header, "PricewaterhouseCoopers LLP", "-", ["システムの設計・開発", "及び運用保守"], "694",
        "随意契約 (少額)", "-", "-", "計", "694", *header, "PricewaterhouseCoopers LLP", "-", "計",
        ["データ整備及び分析業", "務"], "1,750", "1,750", "随意契約 (その他)", "-", "-", "-")], 1, notes := [])
    assert not rows and any("no block letter nor rank" in m for _, m in notes)


def test_a_line_break_between_latin_words_of_a_name_is_spelled_as_the_raw_line_ends():
    # (pdfminer.six: 「Pricewaterhouse」 over 「Coopers LLP」, the line ending in no space: one word)
    L = ["1", "", "Pricewaterhouse", "Coopers LLP", "", "-", "", "Asia ", "Wise法律事務所"]
    rec = _rec_with({"name": "Pricewaterhouse Coopers LLP"})
    rec["provenance"]["spans"]["payees[E|4]"] = [3, 3]
    _payees_plausible(rec, [x.strip() for x in L], L)
    assert rec["payees"][0]["name"] == "PricewaterhouseCoopers LLP"
    rec = _rec_with({"name": "Asia Wise法律事務所"})
    rec["provenance"]["spans"]["payees[E|4]"] = [8, 8]
    _payees_plausible(rec, [x.strip() for x in L], L)
    assert rec["payees"][0]["name"] == "Asia Wise法律事務所"
    # (a tool that keeps no line's trailing space, pdftotext: whether a space stood there is unknown)
    rec = _rec_with({"name": "Pricewaterhouse Coopers LLP"})
    rec["provenance"]["spans"]["payees[E|4]"] = [3, 3]
    _payees_plausible(rec, [x.strip() for x in L], [x.strip() for x in L])
    assert rec["payees"][0]["name"] is None and rec["payees"][0]["amount"] == 226


def test_a_contract_method_with_a_space_against_a_bracket_inside_it_is_unknown():
    # (pdftotext of an unseen reportlab print: 「随意契約 (少額 )」 — no method of the form has one)
    from kg.extract.review_pdf import _payee_cells_plausible

    rec = _rec_with({"contract_method": "随意契約 (少額 )"})
    _payee_cells_plausible(rec)
    assert rec["payees"][0]["contract_method"] is None and rec["payees"][0]["amount"] == 226
    for method in ("随意契約 (少額)", "一般競争契約(最低価格)", "その他"):
        rec = _rec_with({"contract_method": method})
        _payee_cells_plausible(rec)
        assert rec["payees"][0]["contract_method"] == method


def test_a_payee_name_ending_in_a_total_label_printed_alone_below_it_is_unknown():
    # (pdftotext of an unseen LibreOffice print: 「合同会社インテック」 over 「計」, the block's 計 row label read as the
    # name's wrapped end)
    lines = ["3", "", "合同会社インテック", "計", "", "支出額 (百万円)"]
    rec = _rec_with({"name": "合同会社インテック計"})
    _payees_plausible(rec, lines, lines)
    assert rec["payees"][0]["name"] is None and rec["payees"][0]["amount"] == 226
    rec = _rec_with({"name": "株式会社日本設計"})  # (a name that ends in 計 on its own line)
    _payees_plausible(rec, ["株式会社日本設計", "", "計"], ["株式会社日本設計", "", "計"])
    assert rec["payees"][0]["name"] == "株式会社日本設計"
