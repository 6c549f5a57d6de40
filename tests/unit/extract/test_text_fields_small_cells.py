"""The smaller header fields of PDF text whose cells wrapped or stand apart (issue 17): excerpts as pdfminer.six,
pdftotext and pdfplumber wrote them for real-form variants (tests.fixtures.real_variants), each asserting the
value the sheet holds, or its absence where the text does not settle it (unknown beats wrong)."""
from __future__ import annotations

from kg.extract.budget_lines import _comma_wrapped
from kg.extract.review_pdf import extract
from kg.extract.review_text import label_fields, label_lists, whole_year
from kg.read.base import RawDoc


def _rec(lines: list[str]) -> dict:
    return extract(RawDoc(path="x.txt", lines=lines))


def test_an_era_year_of_two_digits_is_whole_without_its_wrapped_nendo():
    # pdfminer (reportlab print): the start year's 「年度」 a paragraph of its own below it
    lines = ["令和2年度行政事業レビューシート (文部科学省)", "", "事業名", "", "防災国際協力安全対策情報に", "関する調査研究", "",
             "事業開始年度 平成24", "", "年度", "", "事業終了", "(予定)年", "度", "", "終了予定", "なし", "",
             "担当部局 生産局", "", "作成責任者", ""]
    assert label_fields(lines, 2020)["start_fiscal_year"].value == 2012
    assert whole_year("平成24") == "平成24年度" and whole_year("令和元") == "令和元年度"
    assert whole_year("平成2") == "平成2"  # one digit: maybe 「平成2」 over 「4年度」, a number cut short
    lines = [*lines[:7], "事業開始年度 平成2", *lines[8:]]  # (a new list: the readers keep the last one's answers)
    assert "start_fiscal_year" not in label_fields(lines, 2020)


def test_the_end_year_before_the_budget_headers_that_hold_it_again():
    # pdftotext (reportlab print): the 事業終了 cell written after the 予算額 label, the table's headers after it
    lines = ["平成27年度行政事業レビューシート (環境省)", "", "実施方法", "", "委託・請負、補助、交付", "",
             "事業終了(予定)年度", "", "予算額・執行額 (単位:百万円)", "", "平成28年", "度", "", "平成24年", "度", "",
             "平成25年度", "", "平成26年度", "", "平成27年度", "", "平成28年度要求", "", "当初予算", ""]
    assert label_fields(lines, 2015)["end_fiscal_year"].value == 2016
    # the same year as the table's first header: nothing tells it from the header row
    lines = [*lines[:10], "平成24年", "度", *lines[12:]]
    assert "end_fiscal_year" not in label_fields(lines, 2015)


def test_a_name_wrapped_beside_the_bureau_label_with_the_bureau_apart():
    # pdftotext (LibreOffice print): 「…に関する調 担当部局」 over 「査研究」, the bureau a paragraph further on
    lines = ["令和3年度行政事業レビューシート (防衛省)", "", "事業名", "", "高度化普及啓発防災研究開発基盤整備に関する調 担当部局",
             "査研究", "", "水管理・国土保全局", "", "作成責任者", "", "事業開始", "年度", "", "令和2年度", "", "河川計画課", "",
             "企画官 神門 純一", "", "会計区分", "", "労働保険特別会計", ""]
    got = label_fields(lines, 2021)
    assert got["project_name"].value == "高度化普及啓発防災研究開発基盤整備に関する調査研究"
    assert got["bureau"].value == "水管理・国土保全局"
    # the piece below of an organisation's shape: the bureau's cell may be the one that wrapped
    lines = [*lines[:5], "推進局", *lines[6:]]
    assert "project_name" not in label_fields(lines, 2021)


def test_the_bureau_label_glued_after_the_name_and_the_bureau_wrapped_alone():
    rec = _rec(["令和元年度行政事業レビューシート (文部科学省)",
                "事業名 推進国際協力研究開発防災人材育成推進費担当部局 農村振興局 作成責任者",
                "事業開始年度 昭和54年度 事業終了(予 終了予定なし 担当課室 技術調査課 参事官 加藤 直子", "定)年度",
                "会計区分 労働保険特別会計"])
    assert (rec["project_name"], rec["bureau"]) == ("推進国際協力研究開発防災人材育成推進費", "農村振興局")
    rec = _rec(["平成27年度行政事業レビューシート (総務省)", "事業名 調査国際協力推進対策事業 担当部局 サイバーセキュリ 作成責任者",
                "ティ統括官", "事業開始年度 平成19年度 事業終了(予定終了予 担当課室 電波政策課 課長 海野恵", ")年度 定なし",
                "会計区分 東日本大震災復興特別会計"])
    assert (rec["project_name"], rec["bureau"]) == ("調査国際協力推進対策事業", "サイバーセキュリティ統括官")
    assert rec["responsible_officials"] == ["課長 海野恵"]  # the line below holds only the cells' rests before it


def test_an_official_in_a_one_line_paragraph_stands_as_written():
    lines = ["平成27年度行政事業レビューシート (防衛省)", "", "事業名", "", "情報データ活用防災に関する調査研究", "", "担当部局庁", "",
             "産業技術環境局", "", "作成責任者", "", "事業開始年度", "", "平成24年度 事業終了(予", "定)年度", "", "担当課室", "",
             "サイバーセキュリティ統括官(室)", "", "参事官 小林美香", "", "会計区分", "", "一般会計", ""]
    assert _rec(lines)["responsible_officials"] == ["参事官 小林美香"]
    # the same official with a line below it in its paragraph: the name may go on there
    assert _rec([*lines[:22], "郎", *lines[22:]])["responsible_officials"] == []
    # two officials side by side in such a paragraph, split at their titles
    lines = [*lines[:21], "室長 中村 直子 課長 小林拓也", *lines[22:]]
    assert _rec(lines)["responsible_officials"] == ["室長 中村 直子", "課長 小林拓也"]


def test_an_official_ending_its_row_with_only_label_rests_below():
    lines = ["事業番号 2024 - 防衛 - 23 - 0396", "令和6年度行政事業レビューシート ( 防衛省 )",
             "事業名 システム運用研究開発防災国際協力に関する調査研究 担当部局庁 情報流通行政局 作成責任者",
             "事業開始年度 平成28年度 事業終了(予定) 令和10年度 担当課室 技術調査課 山本 純一", "年度", "会計区分 一般会計"]
    assert _rec(lines)["responsible_officials"] == ["山本 純一"]
    lines = [*lines[:4], "年度 郎", *lines[5:]]  # a piece no label's: which cell goes on is unknown
    assert _rec(lines)["responsible_officials"] == []


def test_a_major_expense_after_the_policy_label_does_not_replace_the_policy():
    lines = ["令和2年度行政事業レビューシート (総務省)", "", "主要政策・施策", "", "中小企業対策", "", "地方創生", "", "主要経費", "",
             "事業の目的 (目指す姿を簡潔 国際協力データ活用調査対策事業について、調査研究の成果を取りまとめる。", "", "実施方法", "",
             "交付、負担", "", "予算額・執行額 (単位:百万円)", ""]
    rec = _rec(lines)
    assert (rec["major_policy"], rec["major_expense"]) == ("地方創生", "中小企業対策")


def test_the_measure_between_the_grid_headers():
    # pdfminer: the 施策 cell written between the 測定指標 and 定量的指標 headers of the 政策評価 grid
    lines = ["政策評価、新経済", "", "政策", "", "VII. 調査", "", "施策", "", "測定指標", "", "(2)基盤整備人材育成の推進", "",
             "定量的指標", "", "単位", "", "平成30年度", ""]
    pe = label_lists(lines, 2020)["policy_evaluation"].value
    assert (pe["policy"], pe["measure"]) == ("VII. 調査", "(2)基盤整備人材育成の推進")
    # the header after it not the grid's next one: the value may be the 測定指標 column's
    lines = [*lines[:12], "単位", *lines[13:]]
    found = label_lists(lines, 2020).get("policy_evaluation")
    assert found is None or found.value.get("measure") != "(2)基盤整備人材育成の推進"


def test_a_figure_cut_after_its_comma_joins_its_last_group():
    folded = ["当初予算", "", "15,", "878", "", "26,", "66", "7", "", "25,", "80", "", "3,", "800", "9", ""]
    assert _comma_wrapped(folded, 3) == ("15,878", [4])
    assert _comma_wrapped(folded, 6) == ("26,667", [7, 8])
    assert _comma_wrapped(folded, 10) is None  # two digits, then the paragraph ends: not a group of three
    assert _comma_wrapped(folded, 13) is None  # more below the group: the paragraph is not that figure alone


def test_a_bureau_cut_beside_the_officials_label_with_its_rest_below():
    # pdftotext (LibreOffice print): 「担当部局」, then 「サイバーセキュリ 作成責任者」 over 「ティ統括官」
    lines = ["平成27年度行政事業レビューシート (総務省)", "", "事業名", "", "調査国際協力推進対策事業", "", "事業開始年度 平成19年度", "",
             "会計区分", "", "事業終了(予定 終了予", ")年度", "定なし", "", "担当部局", "", "サイバーセキュリ 作成責任者", "ティ統括官",
             "", "担当課室", "", "電波政策課", "", "課長 海野恵", ""]
    assert label_fields(lines, 2015)["bureau"].value == "サイバーセキュリティ統括官"
    # the first piece an organisation's name as it stands: which cell the piece below ends is unknown
    lines = [*lines[:16], "サイバー局 作成責任者", *lines[17:]]
    assert "bureau" not in label_fields(lines, 2015)


def test_row_text_a_name_wrapped_below_with_a_piece_of_a_whole_label_shape():
    # pdfplumber: 「業」 below the name is the name's rest: the labels on the line are whole (事業名, 担当部局庁)
    rec = _rec(["平成30年度行政事業レビューシート (財務省)",
                "事業名 地域データ活用防災システム運用人材育成事 担当部局庁 水・大気環境局 作成責任者", "業",
                "事業開始年度 平成29年度 事業終了(予定)年度 終了予定なし 担当課室 地域情報政策室 室長 中村 拓也",
                "会計区分 一般会計"])
    assert rec["project_name"] == "地域データ活用防災システム運用人材育成事業"
    # the 担当部局 label cut (its 「庁」 to come below): a lone 「庁」 is its rest, no piece of the name
    rec = _rec(["令和6年度行政事業レビューシート (防衛省)", "事業名 人材育成普及啓発支援基盤整備事業 担当部局自治行政局 作成責任者", "庁",
                "事業開始年度 令和3年度 事業終了(予定)年度 終了予定なし 担当課室 地域情報政策室 室長 吉田 純一", "会計区分 一般会計"])
    assert (rec["project_name"], rec["bureau"]) == ("人材育成普及啓発支援基盤整備事業", "自治行政局")


def test_an_official_as_written_has_an_officials_shape():
    from kg.extract.review_text import official_as_written
    assert all(map(official_as_written, ["参事官 小林美香", "山本 純一", "伊藤課長補佐", "課長 海野恵"]))
    # other cells of one line after the 担当課室 cell (pdftotext of the real seeds, a name's piece)
    assert not any(map(official_as_written, ["一般会計", "その他の事項経費", "策事業", "する調査研究", "室長"]))
