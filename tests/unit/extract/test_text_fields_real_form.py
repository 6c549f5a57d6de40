"""Header and list fields of paragraph-style PDF text (pdfminer.six, poppler's pdftotext) of the real form printed
in a jittered layout (tests/fixtures/real_variants.py): excerpts written as the tools wrote them, each asserting a
field's value or its absence (unknown where the text does not settle it)."""
from __future__ import annotations

from kg.extract.dispatch import extract_path
from kg.extract.legal_text import legal_pieces
from kg.extract.review_text import _paired_past, label_fields, label_lists


def _pairs(nums: list[dict]) -> list[tuple[int | None, str]]:
    return [(x.get("fiscal_year"), x["number"]) for x in nums]


def test_a_number_after_a_year_while_an_earlier_row_waits_has_no_year():
    # pdftotext: the 平成30年度 row's cell 「文部科学省 - 0476」 wrapped, its ministry beside the next year cell
    assert _pairs(_paired_past(["平成30年度", "文部科学省 令和元年度- 0476"])) == [(None, "0476")]
    # pdfminer: the row read up to its ministry, then the next year on a line of its own, then the number
    assert _pairs(_paired_past(["平成30年度 文部科学省", "令和元年度", "- 0476"])) == [(None, "0476")]
    # two years on lines of their own, the first one's row not read: the number may be either's
    assert _pairs(_paired_past(["平成29年度", "令和3年度", "文部科学省 - 0047"])) == [(None, "0047")]
    # a ministry before a year with no row open: an earlier row's number may follow
    assert _pairs(_paired_past(["平成28年度", "-", "文部科学省 令和2年度 文部科学省 - 0308"])) == [(None, "0308")]


def test_a_year_still_pairs_with_its_own_row():
    assert _pairs(_paired_past(["平成30年度", "-", "令和元年度 0270"])) == [(2019, "0270")]
    assert _pairs(_paired_past(["平成24年度", "-", "平成28年度", "内閣府 - 0306"])) == [(2016, "0306")]
    # cells side by side on one line (pdfplumber): each year's ministry wrapped, the last row whole
    row = "平成21年文部科学省 平成22年 文部科学省 - 平成23 文部科学省 - 0074"
    assert _pairs(_paired_past([row])) == [(2011, "0074")]


HEAD = ["事業番号 0246", "", "令和元年度行政事業レビューシート ( 外務省 )", "", "事業名", "",
        "システム運用国際協力防災 担当部局 産業技術環境局", "人材育成推進費", "庁", "", "作成責任者", "",
        "事業開始年", "度", "", "平成29 事業終 令和5年", "年度", "了(予定) 度", "年度", "", "審議官 海野 拓也", "",
        "会計区分", "", "一般会計", ""]


def test_two_year_cells_run_together_give_the_start_year_not_the_end_year():
    # pdftotext: the start year's 「年度」 wrapped, the end label cut after 「事業終」 and the end year beside it:
    # 「平成29」 is a whole era year (two digits: an era counts no further), its 年度 below
    got = {k: v.value for k, v in label_fields(HEAD, 2019).items()}
    assert got["start_fiscal_year"] == 2017  # not 2023, the end year's
    assert got["accounts"] == ["一般会計"]


def test_a_complete_start_year_before_a_cut_label_is_kept():
    lines = ["事業開始年度", "", "昭和63年度 事業終", "", "了(予", "定)年", "度", "", "終了予定", "なし", ""]
    assert label_fields(lines, 2019)["start_fiscal_year"].value == 1988


def test_bureau_and_division_cells_after_both_labels():
    # pdfminer: the two labels, then the bureau's cell, then the division's
    lines = ["会計区分", "", "労働保険特別会計", "", "担当部局庁", "", "担当課室", "", "政策統括官", "", "教育課程課", "",
             "作成責任者", "", "参事官 加藤 雅一", ""]
    got = {k: v.value for k, v in label_fields(lines, 2015).items()}
    assert got["division"] == "教育課程課"  # not 政策統括官, a bureau's shape


RELATED_HEAD = ["関連事業", "", "点検・改善結果", "", "活動実績は見込みに見合ったものであるか。", ""]


def test_related_projects_row_by_row_under_their_headers():
    # pdftotext: the three headers, then each row's ministry, 事業番号 and name
    lines = [*RELATED_HEAD, "所管府省名", "", "事業番号", "", "事業名", "", "環境省", "", "13-0264", "",
             "安全対策システム運用国際協力事業", "", "外務省", "", "13-0208", "", "研究開発地域国際協力事業", "",
             "点検結果", "", "これらの事業の重要性は高い。", ""]
    got = label_lists(lines, 2019)["related_projects"].value
    assert got == [{"ministry": "環境省", "number": "13-0264", "name": "安全対策システム運用国際協力事業"},
                   {"ministry": "外務省", "number": "13-0208", "name": "研究開発地域国際協力事業"}]


def test_related_projects_in_groups_and_columns():
    # pdfminer: a text box of two rows (ministries, then names: no number printed), then a row with its number
    lines = [*RELATED_HEAD, "所管府省名", "", "事業番号", "", "事業名", "", "財務省", "", "経済産業省", "",
             "高度化データ活用防災事業", "", "情報データ活用人材育成事業", "", "経済産業省", "", "20-0303", "",
             "支援推進高度化事業", "", "点検・改善結果 点検結果", ""]
    got = label_lists(lines, 2019)["related_projects"].value
    assert [(p["ministry"], p["number"], p["name"]) for p in got] == [
        ("財務省", None, "高度化データ活用防災事業"), ("経済産業省", None, "情報データ活用人材育成事業"),
        ("経済産業省", "20-0303", "支援推進高度化事業")]
    # pdfminer: column by column, the 点検 column's sentences between
    lines = [*RELATED_HEAD, "所管府省名", "", "環境省", "", "外務省", "", "事業番号", "", "13-0264", "", "13-0208", "",
             "活動実績は、当初の見込みを達成している。", "", "事業名", "", "安全対策システム運用国際協力事業", "",
             "研究開発地域国際協力事業", "", "点検・改善結果", ""]
    got = label_lists(lines, 2019)["related_projects"].value
    assert [(p["ministry"], p["number"]) for p in got] == [("環境省", "13-0264"), ("外務省", "13-0208")]


def test_related_projects_whose_rows_do_not_read_whole_are_unknown():
    # the last row's name glued to the 点検 column's label: no list rather than a label for a name
    lines = [*RELATED_HEAD, "所管府省名", "", "事業番号", "", "事業名", "", "財務省", "", "高度化データ活用防災事業", "",
             "経済産業省", "", "20-0303", "", "点検・改善結果 点検結果", ""]
    assert "related_projects" not in label_lists(lines, 2019)
    # a third row's ministry glued to the 点検 label (pdftotext): not a list of two — the label cut off the
    # ministry, the three rows (txfields2)
    lines = [*RELATED_HEAD, "所管府省名", "", "事業番号", "", "事業名", "", "外務省", "", "20-0377", "",
             "支援防災人材育成事業", "", "内閣府", "", "20-0059", "", "データ活用国際協力地域事業", "",
             "文部科学省点検・改善結果", "", "地域データ活用基盤整備事業", ""]
    got = label_lists(lines, 2019)["related_projects"].value
    assert [(p["ministry"], p["number"]) for p in got] == [("外務省", "20-0377"), ("内閣府", "20-0059"),
                                                           ("文部科学省", None)]


def test_a_law_cell_longer_than_the_window_is_read_whole():
    lines = ["会計区分", "", "一般会計", "", "根拠法", "令 (具体", "的な条", "項も記", "載)", "", "労働保険特別会計", "",
             "郵便物運送委託法第58", "条第2項、第68条及び", "第90条 大蔵省預金部", "等損失特別処理法第4",
             "条の5、第57条第2項", "第3号及び第55条の9", "家内労働法第11条第1", "項第15号、第17条及",
             "び第81条第4項", "", "関係する", "計画、通", "知等", ""]
    text = legal_pieces(lines, 5)[0]
    assert text.endswith("家内労働法第11条第1項第15号、第17条及び第81条第4項")


def test_methods_are_read_above_the_budget_table(tmp_path):
    lines = ["令和元年度行政事業レビューシート (法務省)", "", "事業名 支援調査推進費", "", "担当部局 地球環境局", "",
             "会計区 労働保険特別会計", "分", "", "実施方 直接実施", "", "予算額・執行額", "",
             "平成29年度 平成30年度 令和元年度", "", "当初予算 5 4 3", "", "費目・使途", "", "その他", "", "596", ""]
    path = tmp_path / "s.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert extract_path(path)["implementation_methods"] == ["直接実施"]  # not the 費目 「その他」


def test_policy_labels_together_then_their_cells():
    # pdfminer: 政策評価, 政策, 施策, the two cells, then the 政策評価 rows' own table labels
    lines = ["主要政策・施策", "", "観光立国", "", "政策評価", "", "政策", "", "施策", "", "国際協力", "",
             "(7)人材育成高度化の推進", "", "測定指標 定量的指標", "", "/", ""]
    got = label_lists(lines, 2016)["policy_evaluation"].value
    assert got == {"policy": "国際協力", "measure": "(7)人材育成高度化の推進"}
    # the table's labels are no 政策 / 施策 pair (pdfplumber: 「標 - 年」 「実績値 - - -」 after them)
    lines = ["政策評価", "", "政策", "", "施策", "", "測定指標 定量的指標", "", "標 - 年", "", "実績値 - - - -", ""]
    assert "policy_evaluation" not in label_lists(lines, 2016)


def test_a_measure_cut_by_its_neighbour_reads_its_rest_below():
    # pdftotext: 「主要政策・」 over 「施策」 above; the 施策 cell beside 「政策評価書URL」 (its URL cell blank) with its
    # rest below, up to the blank line (rv006)
    lines = ["主要政策・ 科学技術・イノベーション", "施策", "", "主要経費", "", "政策評価、 政策評価", "", "政策", "",
             "IV. 安全対策", "", "政策評価", "", "施策", "", "6. システム運用 政策評価書URL", "防災の推進", ""]
    got = label_lists(lines, 2020)["policy_evaluation"].value
    assert got == {"policy": "IV. 安全対策", "measure": "6. システム運用防災の推進"}
    # the label cut too, its rest 「URL」 on a line of its own under the 施策's rest (rv063)
    lines = [*lines[:15], "8. 調査推進の 政策評価書", "推進", "URL", ""]
    got = label_lists(lines, 2020)["policy_evaluation"].value
    assert got == {"policy": "IV. 安全対策", "measure": "8. 調査推進の推進"}
    # the label's rest not found below: the 施策's end is unknown, the 政策 alone
    lines = [*lines[:15], "8. 調査推進の 政策評価書", "推進", ""]
    got = label_lists(lines, 2020)["policy_evaluation"].value
    assert got == {"policy": "IV. 安全対策", "measure": None}


def test_an_official_apart_from_the_label_by_shape():
    lines = ["事業名", "", "基盤整備推進費", "", "作成責任者", "", "事業開始年度", "", "平成30年度", "",
             "課長補佐 神門 大輔", "", "会計区分", "", "一般会計", "", "事業の目的", "", "…を図る。", ""]
    assert label_fields(lines, 2021)["responsible_officials"].value == ["課長補佐 神門 大輔"]
    # two officials' cells run together: which name is whose is unknown
    lines = ["作成責任者", "", "事業開始年度", "", "平成24年度", "", "参事官 小林 参事官 加藤 健太郎", "雅一", "",
             "事業の目的", "", "…を図る。", ""]
    assert "responsible_officials" not in label_fields(lines, 2017)


def test_a_name_beside_the_bureau_label_whose_rest_is_below(tmp_path):
    # pdftotext: 「担当部局」 beside both cells, its 「庁」 wrapped below: the cells are whole
    lines = ["平成28年度行政事業レビューシート (文部科学省)", "", "事業名", "",
             "システム運用基盤整備支援推進費 担当部局 高等教育局", "庁", "", "作成責任者", "", "会計区分", "",
             "一般会計", ""]
    path = tmp_path / "s.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    rec = extract_path(path)
    assert (rec["project_name"], rec["bureau"]) == ("システム運用基盤整備支援推進費", "高等教育局")


def test_a_sentence_ending_in_a_bureau_word_is_no_bureau():
    # pdfplumber: the 担当部局庁 label glued to its cell; a wrapped piece of a 点検 sentence (「…場合、他部局・…」)
    lines = ["令和4年度行政事業レビューシート (文部科学省)", "事業名 研究開発推進費 担当部局庁道路局 作成責任者",
             "会計区分 一般会計", "事業連 関連する事 - -", "業がある場", "合、他部局", "・他府省等"]
    assert label_fields(lines, 2022).get("bureau") is None or label_fields(lines, 2022)["bureau"].value != "合、他部局"


def test_officials_whose_title_wrapped_below_are_unknown():
    # pdfplumber: 「審議官 伊藤 拓也」 and 「参事官 海野 信」 in one cell, its lines mixed with the row's
    lines = ["平成27年度行政事業レビューシート (法務省)", "事業名 情報人材育成事業 担当部局 製造産業局 作成責任者",
             "事業開始年度 平成25年度 事業終了(予 終了予定なし 担当課室 大学振興課 審議参事官 海野 信",
             "定)年度 官", "伊藤", "拓也", "会計区分 一般会計"]
    got = label_fields(lines, 2015)
    assert got["division"].value == "大学振興課"
    assert "responsible_officials" not in got  # not 「審議参事官 海野 信」
    # the row's cells whole (only the label's rest below): the official beside the division is read
    lines[2], lines[3] = lines[2].replace("審議参事官", "参事官"), "定)年度"
    assert label_fields(lines[:4] + ["会計区分 一般会計"], 2015)["responsible_officials"].value == ["参事官 海野 信"]


def test_a_division_apart_from_its_label_by_shape():
    # pdftotext: 「担当課室」 at the end of the 事業終了 row's line, the cell a few paragraphs on
    lines = ["担当部局庁 道路局", "終了予定な 担当課室", "し", "", "作成責任者", "", "情報システム室", "",
             "企画官 加藤 健太郎", "", "事業の目的", "", "…を図る。", ""]
    assert label_fields(lines, 2022)["division"].value == "情報システム室"
    # two cells of that shape: which one is the 担当課室 is unknown
    assert "division" not in label_fields([*lines[:10], "参事官室", "", *lines[10:]], 2022)


def test_plans_whose_items_wrap_anywhere_in_the_cell(tmp_path):
    # pdfminer: the 関係する計画 label in four pieces, the items' words wrapped wherever the cell's width fell
    lines = ["令和2年度行政事業レビューシート (内閣府)", "", "事業名", "", "調査事業", "", "会計区分", "",
             "エネルギー対策特別会計", "", "根拠法令 (具体的", "な条項も記載)", "", "自殺対策基本法第35条・消費者安全",
             "法第104条第2項第5号", "", "関係す", "る計画", "、通知", "等", "",
             "国土強靱化基本計画(平成24年1月17日関係閣僚会議決定) 地球",
             "温暖化対策計画(平成23年11月3日関係閣僚会議決定) デジタル", "・ガバメント実行計画(平成23年5月16日閣議決定)", "",
             "主要政策・施策 科学技術・イノベーション", ""]
    path = tmp_path / "s.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    got = extract_path(path)["related_plans"]
    assert [(p["title"], p["date"]) for p in got] == [("国土強靱化基本計画", "2012-01-17"),
                                                      ("地球温暖化対策計画", "2011-11-03"),
                                                      ("デジタル・ガバメント実行計画", "2011-05-16")]


def test_two_officials_side_by_side_on_a_line():
    # pdftotext: the 作成責任者 cell's two officials on one line, after the division's cell
    lines = ["担当部局庁", "", "水・大気環境局", "", "作成責任者", "", "担当課室", "", "河川計画課", "",
             "審議官 佐々木 敦史 参事官 中村 雅一", "", "根拠法令 (具体的な", ""]
    got = label_fields(lines, 2014)
    assert got["responsible_officials"].value == ["審議官 佐々木 敦史", "参事官 中村 雅一"]
    assert got["division"].value == "河川計画課"


def test_a_policy_between_the_unit_cost_cells_and_the_measure_label():
    # pdftotext: the 政策 label's neighbours are the 単位当たりコスト cells; the 政策 cell right before 「施策」
    lines = ["政策評価、新経済・財政 政策", "再生計画との関係", "", "-", "", "-", "", "53.9", "", "62", "",
             "百万円/件", "", "53.9/1", "", "62/1", "", "7. 安全対策の推進", "", "施策", "", "研究開発高度化の推進", "",
             "測定指標", ""]
    got = label_lists(lines, 2019)["policy_evaluation"].value
    assert got == {"policy": "7. 安全対策の推進", "measure": "研究開発高度化の推進"}


def test_the_bureau_labels_wrapped_rest_is_no_bureau():
    # pdfminer: 「担当部局」 over 「庁」 (the label cut by its cell), then the bureau's cell
    lines = ["事業名", "", "普及啓発安全対策支援事業", "", "担当部局", "庁", "", "老健局", "", "作成責任者", ""]
    assert label_fields(lines, 2017)["bureau"].value == "老健局"
