"""Past project numbers written column by column (two year cells, then two number cells): an RS number carries its
own year, so when it stands where the run's order would give it the other year, the text left the table's order —
the number left over is the other year's (fresh variant 2014 LO pdftotext: 「令和2年」「度」「令和3年度」 then
「2021 総務 20 0458」「総務省 - 0314」 gave 0314 the year 2021)."""
from __future__ import annotations

from kg.extract.review_text import _rows_of_columns, label_lists, past_by_lines

HEAD = ["関連する過去のレビューシートの事業番号", "平成30年度 総務省 0091", "", "令和元年度", "", "総務省 - 0242", ""]
TAIL = ["", "※令和3年度実績を記入。執行実績がない新規事業、新規要求事業については現時点で予定やイメージを記入。"]


def _past(body: list[str]) -> list[dict]:
    found = past_by_lines([*HEAD, *body, *TAIL], 1, 2022)
    return found.value if found else []


def test_the_rs_number_takes_its_own_year_and_the_other_number_the_year_left():
    got = _past(["令和2年", "度", "", "令和3年度", "", "2021 総務 20 0458", "", "総務省 - 0314"])
    assert {"fiscal_year": 2020, "number": "0314"} in got
    assert {"fiscal_year": 2021, "number": "2021-総務-20-0458"} in got
    assert {"fiscal_year": 2018, "number": "0091"} in got


def test_in_the_runs_order_the_numbers_go_by_it():
    got = _past(["令和2年", "度", "", "令和3年度", "", "総務省 - 0314", "", "2021 総務 20 0458"])
    assert {"fiscal_year": 2020, "number": "0314"} in got
    assert {"fiscal_year": 2021, "number": "2021-総務-20-0458"} in got


def test_two_numbers_left_without_their_own_years_are_unknown():
    got = _past(["令和2年度", "", "令和3年度", "", "令和4年度", "", "2021 総務 20 0458", "", "総務省 - 0314", "",
                 "総務省 - 0315"])
    assert not any(p["number"] in ("0314", "0315") and p.get("fiscal_year") for p in got)


def test_an_era_year_beside_a_number_is_not_the_numbers_own_year():
    # (held-out 1978 LO pdftotext: the run 「平成19 年度」「平成20年度」 then a cell holding 平成21年度 beside 0089 — the
    # era year is another row's cell, not the number's own as an RS number's is: the run reads in its order)
    cells = ["平成19 年度", "平成20年度", "国土交通省 平成21年度 国土交通省 - 0089", "0094", "平成22年度 国土交通省 - 0022"]
    assert _rows_of_columns(cells) == ["平成19 年度", "国土交通省 平成21年度 国土交通省 - 0089", "平成20年度", "0094",
                                       "平成22年度 国土交通省 - 0022"]


def test_a_number_given_the_year_an_rs_number_carries_has_no_year():
    # (fresh 2311 LO pdftotext: 「令和3年」「度」 over 「0404」 over 「2021 農水 令和4年度」 over 「20 0212」 — 0404 is the
    # 令和4年度 row's, written before its year; the RS number 2021-農水-20-0212 is 令和3年度's: 0404's year unknown)
    lines = ["関連する過去のレビューシートの事業番号", "平成27年度", "", "-", "", "平成28年度", "", "農林水産省 0290", "",
             "令和元年度", "", "農林水産省 (0135) 令和2年度", "", "農林水産省(0329)", "", "令和3年", "度", "", "0404", "",
             "2021 農水 令和4年度", "20 0212", "", *TAIL]
    got = label_lists(lines, 2023)["past_project_numbers"].value
    assert {"number": "0404"} in got and {"fiscal_year": 2021, "number": "0404"} not in got
    assert {"fiscal_year": 2016, "number": "0290"} in got
