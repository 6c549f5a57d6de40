"""Never confidently wrong (issue 17), on the released held-out set 1000–1029 (and 1200–1229): a 主要政策・施策 taken
from another cell's wrapped text or cut in its cell, a 施策 cut by pdfminer.six's boxes or with the 単位当たりコスト
table's 「/」 glued on, a past number given the year of the row above it, two officials read as one, a law's title
spliced from two lines and citations cut by the 関係する計画 label. Excerpts as the tools wrote them; values as the
variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.legal_text import implausible_laws, legal_pieces
from kg.extract.review_pdf import _officials_plausible, _policy_eval, _vocab_cells, _vocab_cut
from kg.extract.review_text import _paired_past, policy_value_plausible
from kg.normalize.law_ref import parse_legal_bases
from kg.normalize.text import nfkc
from kg.records import new_record, span


def _vocab(lines: list[str]) -> dict:
    rec = new_record("review_sheet", "x.txt")
    _vocab_cells(rec, lines, len(lines))
    return rec


def test_a_policy_word_among_another_cells_wrapped_lines_is_no_major_policy():
    # (pdfminer, rv1008 rl: the 主要政策・施策 cell 「科学技術・イノベー」 over 「ション」, a paragraph of its own; the
    # 施策 cell 「基盤整備防災の推進」 wrapped every two characters, its 「防災」 a line of the paragraph)
    lines = ["関係する", "計画、通", "知等", "", "規制改革実施計画(平成25年10月9日閣議決定)", "", "科学技術・イノベー",
             "ション", "", "主要経費 文教及び科学振興", "", "主要政", "策・施", "", "施策 (7)", "", "基盤", "整備", "防災",
             "の推", "進", "", "該当箇所 3ページ目"]
    rec = _vocab(lines)
    assert rec["major_policy"] == "科学技術・イノベーション"
    assert rec["major_expense"] == "文教及び科学振興"
    # without the cell of its own, nothing: 「防災」 is a piece of the 施策 paragraph
    rec = _vocab(lines[:6] + lines[9:])
    assert rec["major_policy"] is None


def test_a_bureaus_first_line_is_no_major_policy():
    # (pdftotext, rv1019 rl: 「サイバーセキュリティ」 over 「統括官」 is the 担当部局庁 cell; the sheet's 主要政策・施策 is 「-」)
    lines = ["事業名", "", "研究開発地域普及啓発基盤整備データ活用 担当部局庁", "対策事業", "", "サイバーセキュリティ", "統括官",
             "", "作成責任者", "", "主要政策", "・施策", "", "-", "", "中小企業対策", ""]
    assert _vocab(lines)["major_policy"] is None
    lines[6] = ""  # (a cell of its own, it would be read)
    assert _vocab(lines)["major_policy"] == "サイバーセキュリティ"


def test_a_major_policy_cut_in_its_cell_is_made_whole_or_left_out():
    # (pdfplumber, rv1008 LO and rl: 「主要政 科学技術・イノベー 主要経費 文教及び科学振興」 over 「策・施 ション」)
    lines = ["主要政 科学技術・イノベー 主要経費 文教及び科学振興", "策・施 ション", "策"]
    rec = new_record("review_sheet", "x.txt")
    rec["major_policy"] = "科学技術・イノベー"
    span(rec, "major_policy", 1)
    _vocab_cut(rec, lines)
    assert rec["major_policy"] == "科学技術・イノベーション"
    rec["major_policy"] = "科学技術・イノベー"
    _vocab_cut(rec, [lines[0], "策・施", "策"])  # (its rest not found: a cut word is no fact)
    assert rec["major_policy"] is None and any(w["code"] == "major_policy_cut" for w in rec["warnings"])


def test_a_measure_beside_its_label_its_rest_a_paragraph_apart_is_unknown():
    # (pdfminer, rv1002 rl: 「施策 調査普及啓」, blank, 「発の推進」 — the sheet has 調査普及啓発の推進)
    lines = ["チェック", "", "政策 V. 推進", "", "政策評", "価", "", "施策 調査普及啓", "", "発の推進", "", "政策評", "価書",
             "URL", "", "該当箇", "所", ""]
    rec = new_record("review_sheet", "x.txt")
    _policy_eval(rec, lines)
    assert rec["policy_evaluation"] == {"policy": "V. 推進", "measure": None}
    assert any(w["code"] == "policy_evaluation_cut" for w in rec["warnings"])
    lines[9] = "政策評価書URL"  # (the next paragraph a label: the 施策 stands as read)
    rec = new_record("review_sheet", "x.txt")
    _policy_eval(rec, lines)
    assert rec["policy_evaluation"] == {"policy": "V. 推進", "measure": "調査普及啓"}


def test_a_measure_with_the_cost_tables_slash_is_no_measure():
    # (pdftotext, rv1009 LO: 「5. 人材育成高度化の推進」 over 「/」, the 単位当たりコスト table's cell)
    assert not policy_value_plausible("5. 人材育成高度化の推進/")
    assert policy_value_plausible("5. 人材育成高度化の推進")


def test_a_past_number_below_a_cut_year_row_keeps_no_year():
    # (pdftotext, rv1009 rl: 平成23年度 on lines of its own, then 0022's row with 平成24年度 wrapped beside it, then
    # 0176 — 平成24年度's, not 平成23年度's; likewise 0491 after 平成26 … 平成28年度's rows)
    cells = ["平成21年度 -", "平成22年度", "-", "平成23年度", "厚生労働省 平成- 0022 24年度", "厚生労働省 - 0176",
             "平成25年度 0103", "平成26年度", "厚生労 平成働省 - 27年0095 度", "厚生労働省 平成- 0316 28年度",
             "厚生労働省 - 0491"]
    got = {p["number"]: p.get("fiscal_year") for p in _paired_past(cells)}
    assert got == {"0022": None, "0176": None, "0103": 2013, "0095": None, "0316": None, "0491": None}


def test_two_officials_read_as_one_are_left_out():
    # (pdftotext, rv1021 LO: 「課長 渡辺健 高村課長補佐」 over 「太郎」; the sheet has 課長 渡辺健太郎 and 高村課長補佐)
    lines = ["担当課室", "", "河川計画課", "", "課長 渡辺健 高村課長補佐", "太郎", ""]
    rec = new_record("review_sheet", "x.txt")
    rec["responsible_officials"] = ["課長 渡辺健 高村課長補佐太郎"]
    span(rec, "responsible_officials", 5)
    _officials_plausible(rec, lines, lines)
    assert rec["responsible_officials"] == []


def test_officials_whose_cell_goes_on_below_beside_a_labels_rest_are_left_out():
    # (pdfplumber, rv1217 LO: 「… 担当課室 電波政策課 企画官 山本 美香」 over 「定)年度 神門 純」 over 「一」; the sheet has
    # 企画官 神門 純一 and 山本 美香)
    lines = ["事業名 地域調査支援研究開発防災経費 担当部局庁 自治行政局 作成責任者",
             "事業開始年度 平成21年度 事業終了(予 終了予定なし 担当課室 電波政策課 企画官 山本 美香", "定)年度 神門 純", "一",
             "会計区分 エネルギー対策特別会計"]
    rec = new_record("review_sheet", "x.txt")
    rec["responsible_officials"] = ["企画官 山本 美香"]
    span(rec, "responsible_officials", 2)
    _officials_plausible(rec, lines, lines)
    assert rec["responsible_officials"] == []
    lines[2] = "定)年度"  # (the label's rest alone below: the cell ends on its line)
    rec["responsible_officials"] = ["企画官 山本 美香"]
    _officials_plausible(rec, lines, lines)
    assert rec["responsible_officials"] == ["企画官 山本 美香"]
    # (rv1015 LO: the piece below is 終了予定なし's rest, 「…終了予定な」 over 「し」: the officials stand as read)
    lines[1:4] = ["事業開始年度 昭和59年度 事業終了(予定終了予定な 担当課室 サイバーセキュリティ統括官(室) 課長 海野恵", ")年度 し"]
    rec["responsible_officials"] = ["課長 海野恵"]
    span(rec, "responsible_officials", 2)
    _officials_plausible(rec, lines, lines)
    assert rec["responsible_officials"] == ["課長 海野恵"]


def _laws(text: str) -> list[dict]:
    lines = [nfkc(x) for x in text.split("\n")]
    lab = next(i for i, x in enumerate(lines, 1) if x.startswith("根拠法令"))
    got = legal_pieces(lines, lab)
    bases = parse_legal_bases(got[0]) if got else []
    bad = implausible_laws(bases, got[0] if got else "")
    return [b for b in bases if b["law"] not in bad]


def test_a_citations_paragraph_after_the_plans_labels_rest_stays_the_laws():
    # (pdftotext, rv1001 rl: 「…法律第80条の23、第37条」, the label's rests 「、通知等」 「も記載)」 on lines of their own,
    # then 「第1項及び第26条 内航海運組合法第38条」)
    laws = _laws("根拠法令 (具 たばこ事業法第10条第2項第19号 国家公務員の配 関係する計画\n体的な条項\n"
                 "偶者同行休業に関する法律第80条の23、第37条\n、通知等\nも記載)\n第1項及び第26条 内航海運組合法第38条\n\n"
                 "未来投資戦略2018(令和2年10月25日関係閣僚会議決定) デジタル社会の実\n"
                 "現に向けた重点計画(令和5年10月13日サイバーセキュリティ戦略本部決定)\n\n主要政策・施策")
    assert laws == [{"law": "たばこ事業法", "citations": [{"article": "10", "paragraph": "2", "item": "19"}]},
                    {"law": "国家公務員の配偶者同行休業に関する法律",
                     "citations": [{"article": "80の23"}, {"article": "37", "paragraph": "1"}, {"article": "26"}]},
                    {"law": "内航海運組合法", "citations": [{"article": "38"}]}]


def test_a_citation_cut_before_its_counter_by_the_plans_label_is_whole():
    # (pdftotext, rvx rv1225 LO: 「…第76条第3 関係する 項第11号」)
    laws = _laws("根拠法令 (具体的な 条項\nも記載)\n\n独立行政法人自動車技術総合機構法第91条、第32条及び第76条第3 関係する 項第11号\n"
                 "計画、通\n知等\n\n主要政策・施策")
    assert laws == [{"law": "独立行政法人自動車技術総合機構法",
                     "citations": [{"article": "91"}, {"article": "32"}, {"article": "76", "paragraph": "3", "item": "11"}]}]


def test_a_law_title_spliced_from_two_lines_is_withheld():
    # (pdftotext, rv1022 LO: the cell's second line written after the 関係する計画 label's first, its third below:
    # 「議院事」 went on with 「務局法…」, and 「の給与に関する法律…」 is 一般職の職員の給与に関する法律's rest)
    laws = _laws("根拠法令 (具体的な条項\nも記載)\n\n外国倒産処理手続の承認援助に関する法律第109条の3 議院事 関係する計画、 "
                 "務局法第119条第3項、第32条及び第11条第2項 一般職の職員 通知等\nの給与に関する法律第86条、第68条の27及び第7条の27\n\n"
                 "主要政策・施策")
    assert [b["law"] for b in laws] == ["外国倒産処理手続の承認援助に関する法律"]
    assert not any(b["law"].startswith("議院事の") for b in laws)


def test_related_rows_whose_one_number_stands_among_the_names_are_read_without_numbers():
    # (pdfminer, rv1010 LO: the table column by column, the one row's 事業番号 written between the names — the other
    # rows' cells blank; which row it is is unknown, so the rows are read without their numbers)
    from kg.extract.review_text import related_by_shape, tokens

    lines = ["関連事業", "", "○", "", "関連する事業がある場合", "、他部局・他府省等と適", "切な役割分担を行ってい",
             "るか。(役割分担の具体", "的な内容を各事業の右に", "記載)", "", "所管府省名", "", "経済産業省", "", "文部科学省", "",
             "防衛省", "", "事業番号", "", "事業名", "", "基盤整備調査人材育成事業", "", "19-0074", "", "支援安全対策調査事業", "",
             "情報推進支援事業", "", "点検・改善結果", "", "点検結果", "", "改善の方向性", "", "外部有識者の所見", "", "備考", "",
             "関連する過去のレビューシートの事業番号", "", "令和元年度", "", "法務省 - 0453", ""]
    found = related_by_shape(tokens(lines), frozenset(), 2019, lines)
    assert found is not None and found.value == [
        {"ministry": "経済産業省", "number": None, "name": "基盤整備調査人材育成事業"},
        {"ministry": "文部科学省", "number": None, "name": "支援安全対策調査事業"},
        {"ministry": "防衛省", "number": None, "name": "情報推進支援事業"}]


def test_an_official_with_a_glued_name_in_a_paragraph_of_its_own_is_read_by_shape():
    # (pdftotext, rv1003 LO: the header's labels cut in their cells, 「企画官 渡辺拓也」 a paragraph of one line)
    from kg.extract.review_text import officials_by_shape, tokens

    lines = ["令和元年度行政事業レビューシート (経済産業省)", "", "事業名", "", "担当部", "局庁", "", "支援国際協力事業", "",
             "事業開始 平成26", "年度", "年度", "", "事業終了(予定)", "年度", "", "終了予定な 担当課", "し", "室", "",
             "地方創生推進事務局", "", "作成責任者", "", "サイバーセキュリティ統", "括官(室)", "", "企画官 渡辺拓也", "",
             "会計区分 一般会計", ""]
    found = officials_by_shape(tokens(lines), lines)
    assert found is not None and found.value == ["企画官 渡辺拓也"]
    lines[28] = "室"  # (its paragraph goes on below: the cell wrapped, the name may be cut)
    assert officials_by_shape(tokens(lines), lines) is None


def test_a_major_policy_beside_its_label_cut_in_its_cell_is_read():
    # (pdftotext, rv1002 LO: 「主要政 観光立国」 over 「策・施」 over 「策」; the label whole only with its rests below)
    lines = ["条項も び第116条第2項第25号", "記載)", "", "主要政 観光立国", "策・施", "策", ""]
    assert _vocab(lines)["major_policy"] == "観光立国"
    assert _vocab(lines[:4] + ["施策", "策", ""])["major_policy"] is None  # (「主要政施策策」: no label)
