"""Fields of paragraph-style PDF text whose cells the tools wrote apart or cut (kg.extract.review_text): the 関連事業
table's rows with fewer 事業番号 than rows (unknown), a row's ministry and number on one line, rows written row by
row, a one-row table among the 点検 column's cells; past numbers written as interleaved columns; the 関係する計画 label cut after 「計」; a 根拠法令 cell
cut after an article's number. Excerpts of real-form variants' pdfminer.six / pdftotext text, with the .xlsx
record's values."""
from __future__ import annotations

from kg.extract.review_text import label_lists, past_by_columns, related_by_shape, tokens


def _cells(cells: list[str]) -> list[str]:
    lines = []
    for c in cells:
        lines += [*c.split("\n"), ""]
    return lines


def _related(cells: list[str]):
    lines = _cells(cells)
    found = related_by_shape(tokens(lines), frozenset(), 2023, lines)
    return None if found is None else [(r["ministry"], r["number"], r["name"]) for r in found.value]


_CHECK = ["点検・改善結果", "点検結果", "脅威は大きく、事業の重要性は高い。", "改善の方向性", "外部有識者の所見",
          "関連する過去のレビューシートの事業番号", "平成30年度", "0083", "支出先上位10者リスト"]


def test_fewer_numbers_than_rows_give_no_rows():
    # pdfminer (held-out rv380): the three headers, the ministries, the one 事業番号 printed, the names — the tool
    # wrote the ministry column in another order than the names' (農林水産省 first, its name second): with the
    # columns' counts apart, their orders do not tell the rows, which stay unknown
    got = _related(["関連事業", "所管府省名", "事業番号", "事業名", "農林水産省", "防衛省", "財務省", "23-0098",
                    "防災システム運用人材育成事業", "普及啓発人材育成研究開発事業", "研究開発推進高度化事業", *_CHECK])
    assert got is None


def test_ministry_and_number_cells_on_one_line():
    # pdfminer (rv011): 「防衛省 18-0047」 one row's two cells, the next row's apart
    got = _related(["関連事業", "所管府省名", "事業番号", "事業名", "防衛省 18-0047", "基盤整備推進情報事業", "文部科学省",
                    "18-0478", "国際協力調査研究開発事業", *_CHECK])
    assert got == [("防衛省", "18-0047", "基盤整備推進情報事業"), ("文部科学省", "18-0478", "国際協力調査研究開発事業")]
    # (a 所管府省 of another ending than 省/庁/府: a 委員会, 会計検査院, 内閣官房 — _MINISTRY's shape)
    got = _related(["関連事業", "所管府省名", "事業番号", "事業名", "公正取引委員会 18-0047", "基盤整備推進情報事業",
                    "文部科学省", "18-0478", "国際協力調査研究開発事業", *_CHECK])
    assert got == [("公正取引委員会", "18-0047", "基盤整備推進情報事業"),
                   ("文部科学省", "18-0478", "国際協力調査研究開発事業")]


def test_a_one_row_table_among_the_check_columns_cells():
    # pdftotext (rv065): the header, the ministry and the 点検 label in one paragraph; the name far below
    lines = _cells(["関連事業", "所管府省名\n国土交通省\n点検・改善結果", "外部有識者の所見", "事業番号",
                    "定量的な目標をおおむね達成している。", "事業名\nシステム運用推進情報事業", "点検結果",
                    "脅威は大きく、事業の重要性は高い。", "備考", "関連する過去のレビューシートの事業番号", "平成27年度",
                    "0012", "支出先上位10者リスト"])
    found = label_lists(lines, 2021)["related_projects"]
    assert found.value == [{"ministry": "国土交通省", "number": None, "name": "システム運用推進情報事業"}]
    # (rv326) the name over the 点検 column's sentence, no blank line between
    lines = _cells(["関連事業", "所管府省名", "事業番号", "文部科学省\n点検・改善結 点検結果\n果", "改善の方向性",
                    "事業名\n国際協力普及啓発人材育成事業\nサイバーセキュリティに関する脅威は、国民の安心・安全に直結する"
                    "部分への影響が大きい。", "外部有識者の所見", "関連する過去のレビューシートの事業番号", "平成27年度",
                    "0012", "支出先上位10者リスト"])
    found = label_lists(lines, 2021)["related_projects"]
    assert found.value == [{"ministry": "文部科学省", "number": None, "name": "国際協力普及啓発人材育成事業"}]
    # two ministries: which name is whose is unknown
    lines = _cells(["関連事業", "所管府省名\n国土交通省\n点検・改善結果", "事業番号", "内閣府",
                    "事業名\nシステム運用推進情報事業", "点検結果", "関連する過去のレビューシートの事業番号",
                    "支出先上位10者リスト"])
    assert "related_projects" not in label_lists(lines, 2021)


def test_past_numbers_in_interleaved_columns():
    # pdfminer (rv279): two years, their two numbers, then a year and its number at a time
    toks = tokens(_cells(["関連する過去のレビューシートの事業番号", "平成23年度", "平成24年度", "0188", "0315", "平成25年度",
                          "外務省 - 0270", "平成26年度", "外務省 - 0405", "※平成28年度実績を記入。", "支出先上位10者リスト"]))
    assert past_by_columns(toks, 2016).value == [
        {"fiscal_year": 2011, "number": "0188"}, {"fiscal_year": 2012, "number": "0315"},
        {"fiscal_year": 2013, "number": "0270"}, {"fiscal_year": 2014, "number": "0405"}]
    # (rv324) the numbers first, right after the label, then the years
    toks = tokens(_cells(["関連する過去のレビューシートの事業番号", "新23-0264", "厚生労働省 - 0276", "厚生労働省 - 0422",
                          "平成\n23年\n度", "平成\n24年\n度", "平成\n25年\n度", "※平成27年度実績を記入。"]))
    assert past_by_columns(toks, 2015).value == [
        {"fiscal_year": 2011, "number": "新23-0264"}, {"fiscal_year": 2012, "number": "0276"},
        {"fiscal_year": 2013, "number": "0422"}]
    # another table's number before the years (a 関連事業 row's), a name between: not one of them
    toks = tokens(_cells(["関連する過去のレビューシートの事業番号", "14-0274", "基盤整備推進情報事業", "平成23年度",
                          "平成24年度", "0188", "0315", "※平成28年度実績を記入。"]))
    assert past_by_columns(toks, 2016).value == [{"fiscal_year": 2011, "number": "0188"},
                                                 {"fiscal_year": 2012, "number": "0315"}]
    # one number fewer than the years: unknown
    toks = tokens(_cells(["関連する過去のレビューシートの事業番号", "平成23年度", "平成24年度", "0188", "平成25年度",
                          "外務省 - 0270", "※平成28年度実績を記入。"]))
    assert past_by_columns(toks, 2016) is None


def test_plans_label_cut_after_its_first_character_of_plan():
    # pdftotext (rv254): 「関係する計」 beside the 根拠法令 cell, 「画、通知等」 below, the plans a paragraph further
    lines = ["根拠法令 (具 保護司法第48条第2項第25号及び第70条 関係する計", "体的な条項も 画、通知等", "記載)", "",
             "成長戦略フォローアップ(平成25年7月15日サイバーセキュリティ戦略本部決定)", "", "主要政策・施 国土強靱化", ""]
    got = label_lists(lines, 2021)["related_plans"].value
    assert got == [{"title": "成長戦略フォローアップ", "date": "2013-07-15", "decided_by": "サイバーセキュリティ戦略本部決定"}]


def test_a_legal_cell_cut_after_its_articles_number():
    # pdftotext (rv338): 「…法律第55」 then the plans label and cell on the line, 「条」 below after the label's piece
    lines = ["根拠法令 印紙をもつてする歳入金納付に関する法律第55 関係する計画、通知 デジタル社会の実現に向けた重点計画"
             "(令和元年2月25日閣議決定) 国", "(具体的な 条", "等", "土強靱化基本計画(平成28年6月4日閣議決定)", "条項も記載",
             ")", "", "主要政策・ 施策", ""]
    assert label_lists(lines, 2021)["legal_text"].value == "印紙をもつてする歳入金納付に関する法律第55条"
    # (rv067) the counter 「条の20」 on the cut cell's line, after the labels' pieces
    lines = ["根拠法令 (具 公共工事の品質確保の促進に関する法律第57 関係する 計画 体的な 条項も 条の20", "、通知等", "記載)",
             "", "主要政策・施 国土強靱化", ""]
    assert label_lists(lines, 2021)["legal_text"].value == "公共工事の品質確保の促進に関する法律第57条の20"
    # two counters below: which one is the cell's is unknown
    lines = ["根拠法令 (具 公共工事の品質確保の促進に関する法律第57 関係する 計画 体的な 条 条の20", "、通知等", "記載)",
             "", "主要政策・施 国土強靱化", ""]
    assert "legal_text" not in label_lists(lines, 2021)
    # a number after a counter (「…第5条第2」, its 「項」 cut away) or in a law's number (「(平成15年法律第36」, 号):
    # the one 「条」 below (the label's own, 「(具体的な」 over 「条」 over 「項も記載)」) is not its counter
    for cut in ("公共工事の品質確保の促進に関する法律第5条第2", "公共工事の品質確保の促進に関する法律(平成17年法律第18"):
        lines = [f"根拠法令 (具 {cut} 関係する 計画", "体的な 条 項", "も記載) 、通知等", "", "主要政策・施 国土強靱化", ""]
        assert "legal_text" not in label_lists(lines, 2021)


def _pdf_record(lines: list[str]):
    from kg.extract.review_pdf import extract
    from kg.read.base import RawDoc
    return extract(RawDoc(path="real.txt", lines=lines))


_HEADER = ["平成29年度行政事業レビューシート (内閣府)", "", "事業名 普及啓発安全対策支援事業", "", "担当部局", "庁", "",
           "老健局", "", "作成責任者", "", "事業開", "始年度", "", "平成24年度", "", "事業終了", "(予定)年度", "",
           "終了予定なし 担当課室 地域情報政策室", ""]


def test_an_officials_name_wrapped_at_its_space():
    # pdfminer (rv001): 「参事官 小林 」 over 「雅一」, the space kept at the line's end: the official is whole
    rec = _pdf_record([*_HEADER, "参事官 小林 ", "雅一", "", "参事官 加藤 健太郎", "", "会計区", "分", "", "一般会計", ""])
    assert sorted(rec["responsible_officials"]) == ["参事官 加藤 健太郎", "参事官 小林 雅一"]
    # no space at the wrap: where the family name ends is unknown, the official left out
    rec = _pdf_record([*_HEADER, "参事官 小林", "雅一", "", "参事官 加藤 健太郎", "", "会計区", "分", "", "一般会計", ""])
    assert rec["responsible_officials"] == ["参事官 加藤 健太郎"]


def test_the_policy_after_the_unit_cost_tables_cells():
    # pdftotext (rv260): the 政策 label, then the 単位当たりコスト table's cells (a unit, blanks, figures over counts),
    # then the 政策 cell and the 施策 label with its cell
    lines = ["計算式", "", "政策評価、新 政策", "経済・財政再", "生計画との関", "係", "", "百万円/件", "", "-", "", "-", "",
             "53.9", "", "62", "", "-", "", "-", "", "53.9/1 62/1", "", "7. 支援の推進", "", "施策", "",
             "研究開発データ活用の推進", "", "測定指", "標", "", "定量的指標", ""]
    got = label_lists(lines, 2021)["policy_evaluation"].value
    assert got == {"policy": "7. 支援の推進", "measure": "研究開発データ活用の推進"}
    # (rv338) the 計算式 label among the cells, a blank right after the 政策 label
    lines = ["政策評価、 政策", "", "-", "", "-", "", "53.9", "", "62", "", "計算式", "", "百万円/件", "", "-", "", "-",
             "", "53.9/1 62/1", "", "基盤整備の推進", "", "施策", "", "7. 防災地域の推進", "", "測定指標", ""]
    got = label_lists(lines, 2021)["policy_evaluation"].value
    assert got == {"policy": "基盤整備の推進", "measure": "7. 防災地域の推進"}


def test_rows_written_row_by_row_a_number_after_a_name():
    # pdftotext (rv278): each row's ministry before its name; 「19-0275」 after the first row's name could be that
    # row's or the next's: the rows are read, no number placed
    got = _related(["関連事業", "所管府省名 事業番号", "事業名", "防衛省", "国際協力推進情報事業", "19-0275",
                    "厚生労働省 19-0277", "支援普及啓発データ活用事業", "総務省", "調査安全対策情報事業", "19-0420",
                    *_CHECK])
    assert got == [("防衛省", None, "国際協力推進情報事業"), ("厚生労働省", None, "支援普及啓発データ活用事業"),
                   ("総務省", None, "調査安全対策情報事業")]
    # each number on its row's ministry's line: placed
    got = _related(["関連事業", "所管府省名 事業番号", "事業名", "防衛省 19-0275", "国際協力推進情報事業",
                    "厚生労働省 19-0277", "支援普及啓発データ活用事業", *_CHECK])
    assert got == [("防衛省", "19-0275", "国際協力推進情報事業"), ("厚生労働省", "19-0277", "支援普及啓発データ活用事業")]
    # a name before the first ministry (pdftotext rv020: the first row's ministry written after another row's)
    got = _related(["関連事業", "所管府省名", "事業名", "高度化安全対策調査事業", "デジタル庁", "人材育成高度化普及啓発事業",
                    "文部科学省", "点検・改善結果", "事業番号", "財務省", "17-0219", "データ活用情報普及啓発事業", *_CHECK])
    assert got is None


def test_past_numbers_after_the_related_tables_last_cells():
    # pdfminer (generated sheet06): the 関連事業 table's 事業番号 header and cell, its 事業名 header and cell after the
    # label, then the years and the numbers: the table's 「0306」 is no past number
    toks = tokens(_cells(["関連する過去のレビューシートの事業番号", "事業番号", "0306", "事業名", "人材育成推進調査事業",
                          "平成24年度", "平成25年度", "0007", "0097", "支出先上位10者リスト"]))
    assert past_by_columns(toks, 2016).value == [{"fiscal_year": 2012, "number": "0007"},
                                                 {"fiscal_year": 2013, "number": "0097"}]


def test_past_numbers_with_a_row_run_together_before_the_columns():
    # pdftotext (rv069): the first years and numbers run together in one paragraph, then year / number cells: the
    # cells after it are no whole column (the other readers take the lines)
    toks = tokens(_cells(["関連する過去のレビューシートの事業番号", "平成29年度 0349平成30年度 環境省 - 0366令和元年度",
                          "環境省 - 0318", "令和3年度", "2021 環境 20 0358", "令和4年度", "2022 環境 21 0203",
                          "※令和5年度実績を記入。"]))
    assert past_by_columns(toks, 2023) is None
    # (generated sheet14) a budget column's header 「平成30年度要求」 and its figures before the years hold no number:
    # the columns after them read
    toks = tokens(_cells(["関連する過去のレビューシートの事業番号", "事業番号", "0083", "事業名", "調査安全対策情報事業",
                          "平成30年度要求", "897", "660", "平成24年度", "平成25年度", "0301", "0048",
                          "支出先上位10者リスト"]))
    assert past_by_columns(toks, 2016).value == [{"fiscal_year": 2012, "number": "0301"},
                                                 {"fiscal_year": 2013, "number": "0048"}]
