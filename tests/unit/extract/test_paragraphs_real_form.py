"""Paragraph-style PDF text (pdfminer.six, poppler's pdftotext) of the real form: the real seeds 000, 001 and 003
printed as a ruled form by LibreOffice (tests/fixtures/seed_prints.py; a4, narrow and landscape layouts), excerpts
as the tools wrote them, values as the seeds' gold records hold them. What the generator's layout lacks: cells
printed side by side on one line with the rest of one of them below (pdftotext), 「<table」 text of a 費目・使途 cell,
years wrapped before their 年度, dashes in the budget's cells and a column for the request year in every row."""
from __future__ import annotations

from kg.extract.budget_lines import budget_paragraphs
from kg.extract.detect import detect
from kg.extract.dispatch import extract_path
from kg.extract.review_text import label_fields, label_lists, past_by_lines


def test_table_text_of_a_printed_cell_is_no_excel_export():
    # pdfminer of seed 000 (a4): a 費目・使途 cell holding HTML table text, its pieces one per line
    lines = ["令和4年度行政事業レビューシート (総務省)", "", "事業名", "", "担当部局 自治行政局", ""]
    for _ in range(4):
        lines += ["<table ", 'border="1', '"> ', "<thead> ", "<tr> <th>", "費目</th> ", ""]
    assert detect(lines) == ("review_sheet", "pdf")
    whole = '<table border="1"> <thead> <tr> <th>費目</th> </tr> </thead> <tbody> </tbody> </table>'
    assert detect(["令和4年度行政事業レビューシート", "事業名 x", whole, whole, whole]) == ("review_sheet", "excel")


HEAD_A4 = ["令和4年度行政事業レビューシート (総務省)", "", "事業名", "",
           "住民基本台帳ネットワークシ 担当部局 自治行政局", "ステムセキュリティ対策経費", "",
           "事業開始 平成15年 事業終了 終了予", "年度", "度", "(予定)年 定なし", "度", "",
           "担当課室 住民制度課", "", "作成責任者", "", "課長 寺田 雅一", "", "会計区分 一般会計", ""]


def test_cells_side_by_side_with_the_rest_below_are_unknown():
    # pdftotext of seed 000 (a4): which cell 「ステムセキュリティ対策経費」 ends is unknown; the complete era year stays
    got = {k: v.value for k, v in label_fields(HEAD_A4, 2022).items()}
    assert "project_name" not in got and "bureau" not in got
    assert got["start_fiscal_year"] == 2003
    assert (got["division"], got["responsible_officials"], got["accounts"]) == ("住民制度課", ["課長 寺田 雅一"], ["一般会計"])


def test_the_record_reads_the_name_whose_rest_is_below(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("\n".join([*HEAD_A4, "主要経費 社会保障", "", "主要政策・施策", "", "その他の事項経費", "",
                               "作成責任者", "", "一般会計", ""]), encoding="utf-8")
    rec = extract_path(path)
    # (txfields2) 自治行政局 is whole by its shape and 「自治行政局ステムセキュリティ対策経費」 names no organisation:
    # the line below is the name's rest, as the seed's gold holds it
    assert rec["project_name"] == "住民基本台帳ネットワークシステムセキュリティ対策経費"
    assert not any(w["code"] == "project_name_ambiguous" for w in rec["warnings"])
    assert rec["responsible_officials"] == ["課長 寺田 雅一"]
    assert rec["major_policy"] is None  # 「その他の事項経費」 is a 主要経費 category


def test_cells_cut_short_are_no_division():
    lines = ["担当課室 サイバーセキュリティ統括官(室", "", "作成責任者", ""]
    assert "division" not in label_fields(lines, 2022)
    assert "division" not in label_fields(["担当課室", "", "自治行政局", "", "作成責任者", ""], 2020)


PAST = ["関連する過去のレビューシートの事業番号", "平成23年 0038", "度", "平成24年 0036", "度", "",
        "令和元年 総務省 - 0037", "度", "", "令和2年 総務省 0037", "度", "令和3年 2021 総務 20 0032", "度", "",
        "※令和3年度実績を記入。", ""]


def test_past_numbers_line_by_line_with_wrapped_years():
    got = past_by_lines(PAST, 1, 2022)
    assert [(x.get("fiscal_year"), x["number"]) for x in got.value] == [
        (2011, "0038"), (2012, "0036"), (2019, "0037"), (2020, "0037"), (2021, "2021-総務-20-0032")]
    # pdfminer (narrow): 「平成23」 over 「年度」 over 「0038」; the last two rows column by column
    narrow = ["関連する過去のレビューシートの事業番号", "", "平成23", "年度", "", "0038", "", "令和2年", "度", "",
              "令和3年", "度", "", "総務省 0037", "", "2021 総務 20 0032", "", "※令和3年度実績を記入。"]
    got = past_by_lines(narrow, 1, 2022)
    assert [(x.get("fiscal_year"), x["number"]) for x in got.value] == [
        (2011, "0038"), (2020, "0037"), (2021, "2021-総務-20-0032")]


def test_an_rs_number_wrapped_before_its_serial_is_read_whole():
    # pdftotext's text of LibreOffice's print (variant 1327): 「2021 法務 20」 over 「0498」 in the 事業番号 cell
    lines = ["関連する過去のレビューシートの事業番号", "平成27年度 -", "", "令和2年度", "", "-", "",
             "令和3年度 2021 法務 20", "0498", "", "令和4年 法務省 - 0406", "度", "", "-", "",
             "※令和4年度実績を記入。", ""]
    got = past_by_lines(lines, 1, 2023)
    assert [(x.get("fiscal_year"), x["number"]) for x in got.value] == [(2021, "2021-法務-20-0498"), (2022, "0406")]


def test_past_numbers_whose_years_do_not_pair_are_not_read():
    lines = ["関連する過去のレビューシートの事業番号", "令和2年度", "", "令和3年度", "", "0037", ""]
    assert past_by_lines(lines, 1, 2022) is None


def test_the_new_form_policy_label_wrapped_is_no_policy():
    lines = ["政策評価、新経済 政策", "・財政再生計画と", "の関係", "", "単位当たりコスト 百万円", "", "施策", "",
             "2. 情報通信高度利活用の推進", ""]
    pe = label_lists(lines, 2022).get("policy_evaluation")
    assert pe is None or pe.value.get("policy") != "・財政再生計画と"


def test_budget_rows_with_dashes_and_the_request_column():
    # pdftotext of seed 001 (landscape): every row has the request year's column; dashes are unknown cells
    lines = ["予算額・ 執行額 (単位:百万円)", "平成29年度", "30年度", "令和元年度", "2年度", "3年度要求",
             "当初予算", "336", "47", "99", "105", "3,209", "補正予算", "-", "-", "-", "-", "-",
             "前年度から繰越し", "-", "-", "-", "-", "-", "翌年度へ繰越し", "-", "-", "-", "-", "-",
             "予備費等", "-", "-", "-", "-", "-", "計", "336", "47", "99", "105", "3,209",
             "執行額", "316", "15", "43", "執行率(%)", "94%"]
    years = [(2017, False), (2018, False), (2019, False), (2020, False), (2021, True)]
    budget, first, last = budget_paragraphs(lines, years, 1)
    assert budget[0] == {"fiscal_year": 2017, "initial": 336, "supplementary": None, "carried_from_previous": None,
                         "carried_to_next": None, "reserve": None, "total": 336, "executed": 316}
    assert budget[3]["total"] == 105 and budget[3]["executed"] is None
    assert budget[4] == {"fiscal_year": 2021, "requested": 3209}
    # a 計 that is not the sum of its known parts: nothing is read
    bad = [x if x != "47" else "48" for x in lines]
    bad[bad.index("計") + 2] = "47"
    assert budget_paragraphs(bad, years, 1) is None


def test_a_block_of_dashes_written_column_by_column_is_read_so():
    # pdfminer of a LibreOffice print (variant 681): 前年度から繰越し, 翌年度へ繰越し and 予備費等 of four years written
    # three cells per column; read row by row, 789 would be a 翌年度へ繰越し above 0 (that row holds ▲ figures only)
    lines = ["予算額・執行額 (単位:百万円)", "令和元年度", "令和2年度", "令和3年度", "令和4年", "度", "令和5年度要求",
             "予算の状況 当初予算", "54,100", "48,803", "38,620", "47,123 46,147", "補正予算", "-", "-", "11,637", "-",
             "前年度から", "繰越し", "翌年度へ繰", "越し", "予備費等", "-", "-", "-", "-", "-", "-", "789", "-", "-", "-",
             "-", "-", "計", "54,100", "48,803", "51,046", "47,123 46,147", "執行額", "53,790", "32,710", "47,992",
             "執行率(%)", "99%"]
    years = [(2019, False), (2020, False), (2021, False), (2022, False), (2023, True)]
    budget = budget_paragraphs(lines, years, 1)[0]
    assert budget[2] == {"fiscal_year": 2021, "initial": 38620, "supplementary": 11637, "carried_from_previous": 789,
                         "carried_to_next": None, "reserve": None, "total": 51046, "executed": 47992}
    assert all(e.get("carried_to_next") is None and e.get("carried_from_previous") is None for e in budget if e["fiscal_year"] != 2021)
    # read either way, a figure above 0 in 翌年度へ繰越し: nothing is read
    both = [x if x != "-" or k < lines.index("予備費等") else "5" for k, x in enumerate(lines)]
    assert budget_paragraphs(both, years, 1) is None
