"""関連する過去のレビューシートの事業番号 of pdfminer's reportlab text (fresh variant 2038), read line by line: a
事業番号 cell wrapped before its dash (「国土交通省」 over 「- 0007」) and a year cell cut after its era (「平成」 over
「29年」 over 「度」) are read whole, so the table is not cut short at them — a list of the first row alone stood
for the whole table before (issue 17: a list cut short is no fact)."""
from __future__ import annotations

from kg.extract.review_text import past_by_lines

_PAST = ["関連する過去のレビューシートの事業番号", "", "平成27年度", "", "国土交通省 -", "0083", "", "平成28年度", "",
         "国土交通省", "- 0007", "", "平成", "29年", "度", "", "国土交通省 -", "0295", "",
         "平成30年度 国土交通省 - 0048", "", "令和元年度", "", "国土交通省 -", "0083", "", "令和3", "年度", "", "0114",
         "", "令和4年度 2022 国交 21 0006", "", "※令和4年度実績を記入。"]


def test_cells_cut_at_their_dash_and_era_are_read_whole():
    got = past_by_lines(_PAST, 1, 2023)
    assert [(x.get("fiscal_year"), x["number"]) for x in got.value] == [
        (2015, "0083"), (2016, "0007"), (2017, "0295"), (2018, "0048"), (2019, "0083"), (2021, "0114"),
        (2022, "2022-国交-21-0006")]


def test_a_ministry_alone_without_a_dashed_number_below_ends_the_table():
    lines = _PAST[:10] + ["国土交通省", "", "平成30年度 国土交通省 - 0048"]
    got = past_by_lines(lines, 1, 2023)
    assert [(x.get("fiscal_year"), x["number"]) for x in got.value] == [(2015, "0083")]
