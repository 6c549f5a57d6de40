"""関連する過去のレビューシートの事業番号 rows of four column groups wrapped onto more lines (pdfplumber, reportlab
prints of real-form variants): each wrapped line's pieces settle the years of the numbers they complete when they
are exactly, left to right, the parts the first line's cells lack; else the table is left to the other readers."""
from __future__ import annotations

from kg.extract.past_rows import past_by_wrapped_rows
from kg.extract.review_text import label_lists


def test_rows_wrapped_onto_three_lines_with_cut_ministry_names_are_settled():
    # (variant 1009: 平成23's year cell 「平成」「23年」「度」, its number cell 「厚生労働省」「- 0022」; 平成26年度's cell
    # 「厚生労」「働省 -」「0095」)
    lines = ["平成21年度 - 平成22年度 - 平成 厚生労働省 平成 厚生労働省 - 0176", "23年 - 0022 24年", "度 度",
             "平成25年度 0103 平成26年度 厚生労 平成 厚生労働省 平成 厚生労働省 - 0491", "働省 - 27年 - 0316 28年",
             "0095 度 度", "※平成28年度実績を記入。執行実績がない新規事業、新規要求事業については現時点で予定やイメージを記入。"]
    assert past_by_wrapped_rows(lines) == [
        {"fiscal_year": 2011, "number": "0022"}, {"fiscal_year": 2012, "number": "0176"},
        {"fiscal_year": 2013, "number": "0103"}, {"fiscal_year": 2014, "number": "0095"},
        {"fiscal_year": 2015, "number": "0316"}, {"fiscal_year": 2016, "number": "0491"}]


def test_a_page_footer_before_the_rows_and_blank_cells_are_passed_over():
    lines = ["11 / 13", "", "平成19年 - 平成20 - 平成 - 平成22年 -", "度 年度 21 度", "年度",
             "平成23年 0172 平成24 法務省 - 平成 法務省 - 平成26年 0233", "度 年度 0369 25 0175 度", "年度",
             "※平成26年度実績を記入。", "資金の流れ"]
    assert past_by_wrapped_rows(lines) == [
        {"fiscal_year": 2011, "number": "0172"}, {"fiscal_year": 2012, "number": "0369"},
        {"fiscal_year": 2013, "number": "0175"}, {"fiscal_year": 2014, "number": "0233"}]


def test_an_rs_number_cut_before_its_era_year_and_serial_is_settled_whole():
    # (variant 685: 令和4年's cell 「2022 経産」 over 「21 0414」 beside its year's 「度」; 令和3年度's 「経済産業省 (」 over
    # 「0181)」)
    lines = ["平成28年度 新28-0458 平成29年度 経済産業省 - 平成30 経済産業省 - 令和元年度 0317", "0171 年度 0187",
             "令和2年度 経済産業省 - 令和3年度 経済産業省 ( 令和4年 2022 経産 令和5年度 経済産業省 - 0460",
             "0178 0181) 度 21 0414", "※令和5年度実績を記入。"]
    assert past_by_wrapped_rows(lines) == [
        {"fiscal_year": 2016, "number": "新28-0458"}, {"fiscal_year": 2017, "number": "0171"},
        {"fiscal_year": 2018, "number": "0187"}, {"fiscal_year": 2019, "number": "0317"},
        {"fiscal_year": 2020, "number": "0178"}, {"fiscal_year": 2021, "number": "0181"},
        {"fiscal_year": 2022, "number": "2022-経産-21-0414"}, {"fiscal_year": 2023, "number": "0460"}]


def test_a_piece_too_many_or_too_few_leaves_the_table_unsettled():
    first = "平成28年度 新28-0458 平成29年度 経済産業省 - 平成30 経済産業省 - 令和元年度 0317"
    assert past_by_wrapped_rows([first, "0171 年度 0187 0200", "※"]) is None  # (which cell's is 0200?)
    assert past_by_wrapped_rows([first, "0171 0187", "※"]) is None  # (平成30's 年度 lost: is 0171 its?)
    assert past_by_wrapped_rows([first, "0171 年度 0187", "※"]) == [
        {"fiscal_year": 2016, "number": "新28-0458"}, {"fiscal_year": 2017, "number": "0171"},
        {"fiscal_year": 2018, "number": "0187"}, {"fiscal_year": 2019, "number": "0317"}]


def test_the_settled_rows_are_the_records_past_numbers():
    lines = ["令和元年度行政事業レビューシート ( 経済産業省 )", "関連する過去のレビューシートの事業番号",
             "平成28年度 新28-0458 平成29年度 経済産業省 - 平成30 経済産業省 - 令和元年度 0317", "0171 年度 0187",
             "※令和元年度実績を記入。執行実績がない新規事業、新規要求事業については現時点で予定やイメージを記入。",
             "資金の流れ"]
    found = label_lists(lines, 2019)["past_project_numbers"]
    assert {"fiscal_year": 2017, "number": "0171"} in found.value and {"fiscal_year": 2018, "number": "0187"} in found.value
