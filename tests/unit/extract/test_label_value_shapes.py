"""Paragraph-style PDF text (pdftotext of a LibreOffice print) writes another field's cell where a label's cell
was printed empty; such a cell must not become the label's value (issue 17: bench/format_facts.py found 5 wrong
facts on 76 generated sheets, now 0). Cells below are as pdftotext wrote them for generated sheets."""
from __future__ import annotations

from kg.extract import fields, review_pdf, review_text
from kg.extract.review_text import Token, _policy_candidate, _shape_ok, policy_by_shape
from kg.records import new_record


def test_a_budget_year_header_is_neither_a_main_expense_nor_an_end_year():
    # 主要経費 printed empty: the next cell is the budget table's first year header
    assert not _shape_ok("major_expense", "令和元年度", 2022)
    assert not _shape_ok("major_policy", "令和5年度要求", 2022)
    assert _shape_ok("major_expense", "その他の事項経費", 2022)
    after = ["予算額・執行額 (単位:百万円)", "令和2年度", "文教及び科学振興", "令和3年度", "令和4年度", "令和5年度要求"]
    assert fields.starts_year_run(2019, after, 2022)  # 令和元年度 then 令和2, 令和3年度: the header row
    assert not fields.starts_year_run(2023, after, 2022)
    assert not fields.starts_year_run(2019, ["担当部局庁", "地球環境局", "令和3年度"], 2022)


def test_the_positional_reader_leaves_an_end_year_that_is_a_budget_header_unknown():
    lines = ["令和4年度行政事業レビューシート (経済産業省)", "事業開始年度", "平成21年度", "事業終了(予定)年", "度",
             "令和元年度", "予算額・執行額 (単位:百万円)", "令和2年度", "令和3年度", "令和4年度", "令和5年度要求"]
    rec = new_record("review_sheet", "sheet65.lo.pdftotext.txt")
    rec.update(sheet_fiscal_year=2022, start_fiscal_year=None, end_fiscal_year=None)
    review_pdf._period(rec, lines)
    assert rec["end_fiscal_year"] is None  # 令和元年度 (2019) starts the year headers, and ends before 2021
    assert rec["start_fiscal_year"] == 2009
    assert any(w.get("code") == "end_year_missing" for w in rec["warnings"])


def test_division_and_official_cells_are_not_the_policy_pair():
    assert not _policy_candidate(Token("企画課", 60, None), frozenset(), 2020)
    assert not _policy_candidate(Token("室長 高橋 花子", 61, None), frozenset(), 2020)
    assert _policy_candidate(Token("8.システム運用の推進", 90, None), frozenset(), 2020)
    assert _policy_candidate(Token("(6)国際協力普及啓発の充実", 91, None), frozenset(), 2020)
    # pdftotext's cells after the 政策 / 施策 labels (sheet 30 of the generated set): 作成責任者 and 担当課室's cells,
    # 主要経費's (already placed: taken), the budget's year headers and figures, then the pair
    cells = [("政策評価、経済財政", "policy_eval"), ("政策", "policy"), ("施策", "measure"), ("関連事業", "related"),
             ("作成責任者", "responsible_officials"), ("企画課", None), ("室長 高橋 花子", None), ("文教及び科学振興", None),
             ("令和2年度", None), ("令和3年度要求", None), ("1,329", None), ("679", None), ("8.システム運用の推進", None),
             ("(6)国際協力普及啓発の充実", None)]
    toks = [Token(text, 57 + 2 * i, field) for i, (text, field) in enumerate(cells)]
    lines = [""] * 90
    for t in toks:
        lines[t.line - 1] = t.text
    found = policy_by_shape(toks, lines, frozenset({"文教及び科学振興"}), 2020)
    assert found is not None
    assert found.value == {"policy": "8.システム運用の推進", "measure": "(6)国際協力普及啓発の充実"}


def _policy_toks(cells):
    toks = [Token(text, 557 + 2 * i, field) for i, (text, field) in enumerate(cells)]
    lines = [""] * (toks[-1].line + 2)
    for t in toks:
        lines[t.line - 1] = t.text
    return toks, lines


def test_the_policy_pair_written_each_after_its_own_label():
    # pdftotext of an unseen reportlab print: 「政策」 「VI. 防災の推進」 「政策評価」 「施策」 「3. 推進情報の推進」 「チェック」 —
    # the 政策 cell a lone cell by shape, the 施策 cell and the 点検 column's header a pair by shape: read beside the labels
    toks, lines = _policy_toks([("政策", "policy"), ("政策評価", "policy_eval"), ("政策", "policy"),
                                ("VI. 防災の推進", None), ("政策評価", "policy_eval"), ("施策", "measure"),
                                ("3. 推進情報の推進", None), ("チェック", None), ("政策評価書URL", "policy_url")])
    found = policy_by_shape(toks, lines, frozenset(), 2020)
    assert found is not None and found.value == {"policy": "VI. 防災の推進", "measure": "3. 推進情報の推進"}
    # the 政策 label's wrapped row label after it (「、 新経済 価・ 財政再」): the cells are not beside their labels, and
    # the 施策 label's neighbour 「基盤整備」 (the 政策 cell) is not taken for the 施策
    toks, lines = _policy_toks([("政策評価", "policy_eval"), ("政策", "policy"), ("、 新経済 価・ 財政再", None),
                                ("施策", "measure"), ("基盤整備", None), ("該当箇 3ページ目所", None)])
    assert review_text._policy_beside_labels(toks, 0, frozenset(), 2020) is None
    # pdfminer's order, the labels together and then the cells: only 施策 stands before a cell, read by shape
    toks, lines = _policy_toks([("政策", "policy"), ("施策", "measure"), ("VI. 防災の推進", None),
                                ("3. 推進情報の推進", None), ("政策評価書URL", "policy_url")])
    found = policy_by_shape(toks, lines, frozenset(), 2020)
    assert found is not None and found.value == {"policy": "VI. 防災の推進", "measure": "3. 推進情報の推進"}


def test_a_division_cell_after_the_officials_label_is_no_official():
    # pdftotext of sheet17 (LibreOffice print): 担当課室's cell written after the 作成責任者 label
    from kg.extract.review_text import label_fields

    lines = ["作成責任者", "", "技術調査課", "", "課長 山田 花子", "", "公共事業関係費"]
    # (the official's own cell further on is read by its shape: review_text.officials_by_shape)
    assert label_fields(lines, 2022)["responsible_officials"].value == ["課長 山田 花子"]
    lines = ["作成責任者", "", "課長 山田 花子", "", "公共事業関係費"]
    assert label_fields(lines, 2022)["responsible_officials"].value == ["課長 山田 花子"]


def test_an_end_year_written_after_the_budget_label_and_a_bureau_far_from_its_label():
    # pdftotext of held-out sheet51 (LibreOffice print, sheet year 2019): 令和4年度 (2022) cannot be one of the
    # budget table's year headers (2016..2020); 道路局 is the one cell of a bureau's shape, its label far below
    from kg.extract.review_text import label_fields

    cells = ["令和元年度行政事業レビューシート (農林水産省)", "事業番号", "0258", "事業終了(予定)年", "度",
             "予算額・執行額 (単位:百万円)", "令和4年度", "平成28年度", "前年度から繰越し", "道路局", "作成責任者",
             "担当課室", "教育課程課", "参事官 高橋 健", "関連事業", "所管府省名", "財務省", "支出先上位10者リスト",
             "A.国土交通省北海道開発局", "担当部局庁"]
    lines = [x for c in cells for x in (c, "")]
    found = label_fields(lines, 2019)
    assert found["end_fiscal_year"].value == 2022
    assert found["bureau"].value == "道路局"
    # a year the table's headers may hold (2020, the 要求 column's year) is left unknown
    lines = list(lines)  # (the readers keep the last document's tokens by its list of lines)
    lines[lines.index("令和4年度")] = "令和2年度"
    assert "end_fiscal_year" not in label_fields(lines, 2019)
    # two cells of a bureau's shape: which is the 担当部局庁 is not established
    lines = list(lines)
    lines[lines.index("財務省")] = "地球環境局"
    assert "bureau" not in label_fields(lines, 2019)


def test_a_project_name_holding_a_header_label_is_left_out():
    # pdfplumber's line of the real seed 000 printed narrow: the 事業名 cell glued to the 担当部局 label and value
    rec = new_record("review_sheet", "000.lo.pdfplumber.txt")
    rec["project_name"] = "住民基本台帳ネットワークシ担当部局 自治行政局"
    review_pdf._name_plausible(rec)
    assert rec["project_name"] is None and rec["warnings"][0]["code"] == "project_name_implausible"
    rec["project_name"] = "住民基本台帳ネットワークシステムセキュリティ対策経費"
    review_pdf._name_plausible(rec)
    assert rec["project_name"] == "住民基本台帳ネットワークシステムセキュリティ対策経費"


def test_a_project_name_that_is_a_sentence_is_left_out_but_a_bracketed_full_stop_is_kept():
    # pdftotext of a variant whose 事業名 label was cut over two lines (「事業 …経費 担当部局」 over 「名」): the only
    # whole 「事業名」 left is the 関連事業 table's header, and the 点検結果 sentence under it was read as the name
    rec = new_record("review_sheet", "x.lo.pdftotext.txt")
    rec["project_name"] = ("本事業の継続的な実施により、平成14年8月の住民基本台帳ネットワークシステムの第一次稼働以来、"
                           "同システムからの情報漏えい等の事故もなく、安定的な運用が行われている。")
    review_pdf._name_plausible(rec)
    assert rec["project_name"] is None and rec["warnings"][0]["code"] == "project_name_implausible"
    # real 事業名 (JUDGIT! 2018, 2020) hold 「。」 only inside their brackets
    for name in ("地方行政制度の整備に必要な経費(地方分権振興経費、市町村合併円滑化経費等除く。)",
                 "食品表示制度（保健機能食品制度等を除く。）の適正化・充実"):
        rec = new_record("review_sheet", "x.lo.pdftotext.txt")
        rec["project_name"] = name
        review_pdf._name_plausible(rec)
        assert rec["project_name"] == name and not rec["warnings"]


def test_a_project_name_that_is_a_form_label_is_left_out():
    # (a narrow print: the 点検 table's 事業名 column header read as the label, its row label 「点検結果」 below it)
    rec = new_record("review_sheet", "x.rl.pdfplumber.txt")
    rec["project_name"] = "点検結果"
    review_pdf._name_plausible(rec)
    assert rec["project_name"] is None and rec["warnings"][0]["code"] == "project_name_implausible"


def test_a_bureau_cut_at_its_wrap_is_left_out():
    # pdfplumber's line of the real seed 003 printed narrow: 「サイバーセキュリティ統」, its rest 「括官」 on the next line
    rec = new_record("review_sheet", "003.lo.pdfplumber.txt")
    rec.update(bureau="サイバーセキュリティ統", division="サイバーセキュリティ統括官(室)")
    review_pdf._orgs_plausible(rec)
    assert rec["bureau"] is None and rec["division"] == "サイバーセキュリティ統括官(室)"
    assert [w["code"] for w in rec["warnings"]] == ["bureau_implausible"]


def test_two_cells_years_or_a_sentences_piece_are_no_labels_value():
    # (pdfplumber of real-form variants: 「事業開始年 平成29 事業終 令和5年」 — the 事業終了(予定)年度 label cut short
    # between two cells' years, was read as a start year 2023; 「合、他部局」, a wrapped 点検 sentence's piece, was
    # read as the 担当部局庁)
    assert not _shape_ok("start_fiscal_year", "平成29 事業終 令和5年", 2019)
    assert _shape_ok("start_fiscal_year", "平成29年度", 2019) and _shape_ok("start_fiscal_year", "平成31年度(令和元年度)", 2019)
    assert _shape_ok("start_fiscal_year", "平成2年度事業終了(予定令和5年度", 2020)  # (the first: 1990)
    assert not _shape_ok("bureau", "合、他部局", 2022) and _shape_ok("bureau", "道路局", 2022)


def test_an_official_glued_to_another_officials_wrapped_title_is_unknown():
    from kg.extract.review_text import label_fields
    lines = ["平成27年度行政事業レビューシート (法務省)", "事業名 情報人材育成基盤整備国際協力事業 担当部局 製造産業局 作成責任者",
             "事業開始年度 平成25年度 事業終了(予 終了予定なし 担当課室 大学振興課 審議参事官 海野 信", "定)年度 官", "伊藤", "拓也",
             "会計区分 一般会計"]
    got = label_fields(lines, 2015)
    assert got["division"].value == "大学振興課"  # (「審議」 over 「官」 is 審議官 伊藤 拓也; 「参事官 海野 信」 beside it)
    assert "responsible_officials" not in got  # (was 「審議参事官 海野 信」)


def test_a_project_name_wrapped_beside_a_bureau_wrapped_too_is_not_cut_short():
    from kg.extract.review_text import label_fields
    lines = ["平成27年度行政事業レビューシート (内閣府)",
             "事業名 システム運用防災安全対策基盤整備情報 担当部局 サイバーセキュリティ統括 作成責任者", "経費 官",
             "事業開始年度 平成19 事業終了(予定)終了予定なし 担当課室 高齢者支援課 課長 伊藤 雅一", "年度 年度"]
    got = label_fields(lines, 2015)  # (「経費」 is the 事業名's wrapped end, 「官」 the 担当部局庁's)
    assert "project_name" not in got  # (was 「システム運用防災安全対策基盤整備情報」: its end unknown)
