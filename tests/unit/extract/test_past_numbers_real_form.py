"""関連する過去のレビューシートの事業番号 of the real ruled form as pdfplumber writes it (issue 17: never confidently
wrong). The excerpts are pdfplumber's text of real-form variants (tests.fixtures.real_variants) printed by
LibreOffice: the table ends before the note and 資金の流れ, and the payee table further on (wrapped 法人番号 tails
「2369」) gave extra past numbers; a row of four cells wrapped onto a second line gave its numbers the wrong year
(now settled by the second line's pieces standing where the first line's cells lack them, or left without one)."""
from __future__ import annotations

from kg.extract.review_text import label_lists

_HEAD = ["令和3年度行政事業レビューシート ( 文部科学省 )", "事業名 基盤整備推進事業 担当部局 情報流通行政局"]
_PAYEES = ["資金の流れ", "(資金の受け取り先が何を行っているかについて補足する)", "(単位: 百万円)",
           "### 支出先上位10者リスト", "A.",
           "支出先 法人番号 業務概要 支出額 契約方式等 入札 落札率 一者応札・一者応募又は競争",
           "1 (株)OCS 926650908 諸外国の動向 29,437 - -- -", "2369 に関する文書", "の分析及び要",
           "2 合同会社パシフ675638718 会議等出席(諸 15,679 随意契約 (企 1 -", "ィックコンサル8158 謝金) 画競争)"]


def _past(lines: list[str], year: int) -> list[dict]:
    found = label_lists(lines, year).get("past_project_numbers")
    return found.value if found else []


def test_the_payee_table_after_the_past_numbers_gives_no_past_number():
    lines = _HEAD + ["備考", "関連する過去のレビューシートの事業番号", "平成30年度", "新30-0083", "令和元年度",
                     "文部科学省 - 0130", "令和2年度", "文部科学省 - 0366",
                     "※令和2年度実績を記入。執行実績がない新規事業、新規要求事業については現時点で予定やイメージを記入。"] + _PAYEES
    assert _past(lines, 2021) == [{"fiscal_year": 2018, "number": "新30-0083"},
                                  {"fiscal_year": 2019, "number": "0130"},
                                  {"fiscal_year": 2020, "number": "0366"}]


def test_a_wrapped_row_of_four_cells_settles_its_second_lines_numbers_by_their_places():
    lines = _HEAD + ["関連する過去のレビューシートの事業番号",
                     "平成20年度 - 平成21年文部科学省 平成22年 文部科学省 - 平成23 文部科学省 - 0074",
                     "度 (0176) 度 0432 年度",
                     "平成24年度 文部科学省 平成25年文部科学省 平成26年 文部科学省 - 平成27 0363",
                     "- 0200 度 - 0154 度 0029 年度",
                     "※平成27年度実績を記入。執行実績がない新規事業、新規要求事業については現時点で予定やイメージを記入。"] + _PAYEES
    # the second line's pieces are exactly what the first line's cells lack, left to right (平成21年's 度, its
    # ministry's number 「(0176)」, 平成22年's 度, 「0432」, 平成23's 年度): 0176 is 平成21年度's, 0432 平成22年度's
    assert _past(lines, 2016) == [{"fiscal_year": 2008 + i, "number": n}
                                  for i, n in enumerate(("0176", "0432", "0074", "0200", "0154", "0029", "0363"), 1)]
    # a piece missing on the second line (平成23's 年度 lost): whose rest is whose is not told, so no year
    lines = [x if x != "度 (0176) 度 0432 年度" else "度 (0176) 度 0432" for x in lines]
    got = _past(lines, 2016)
    assert {"fiscal_year": 2011, "number": "0074"} in got and {"fiscal_year": 2015, "number": "0363"} in got
    rest = [x for x in got if x["number"] not in ("0074", "0363")]
    assert rest == [{"number": n} for n in ("0176", "0432", "0200", "0154", "0029")]


def test_a_row_per_line_with_its_year_tail_below_keeps_its_years():
    # (the real seed 000's print: 「平成23年0038」 over 「度」)
    lines = _HEAD + ["関連する過去のレビューシートの事業番号", "平成23年0038", "度", "平成24年0036", "度",
                     "※令和元年度実績を記入。"] + _PAYEES
    assert _past(lines, 2021) == [{"fiscal_year": 2011, "number": "0038"}, {"fiscal_year": 2012, "number": "0036"}]


def test_a_number_wrapped_below_a_row_of_four_year_cells_gets_no_year():
    # 平成30年度's cell 「総務省 - 0078」 wrapped after its dash; the row's other cells kept theirs on the line
    lines = _HEAD + ["関連する過去のレビューシートの事業番号",
                     "平成28年度 総務省 - 0210平成29年度 0150 平成30年度 総務省 - 令和元年度0270", "0078",
                     "令和2年度 総務省 - 0286令和3年度 2021 総務 20 0123 令和4年度 0207 令和5年度 2023 総務 22 0435",
                     "※令和5年度実績を記入。執行実績がない新規事業、新規要求事業については現時点で予定やイメージを記入。"] + _PAYEES
    got = _past(lines, 2024)
    # not 令和元年度's (2019), the year before it on the line: the one piece below is what 平成30年度's open cell
    # 「総務省 -」 lacks, the row's only lacking part
    assert {"fiscal_year": 2018, "number": "0078"} in got
    assert {"fiscal_year": 2019, "number": "0270"} in got and {"fiscal_year": 2016, "number": "0210"} in got
    assert {"fiscal_year": 2023, "number": "2023-総務-22-0435"} in got


def test_rows_that_fit_their_line_after_rows_wrapped_cell_by_cell():
    """Real seed 000 printed narrow by reportlab (pdftotext): the year cells wrapped cell by cell (「平成」「29年」「度」)
    up to 令和元年度, then two rows each on one line with the year's 年度 wrapped below (「令和2 総務省 0037」 over
    「年度」): those rows are read too, each with its own year (令和2年度's 0037 was lost, 令和元年度's kept)."""
    lines = _HEAD + ["", "備考", "関連する過去のレビューシートの事業番号", "平成", "29年", "度", "", "0039", "", "平成", "30年",
                     "度", "", "0036", "", "令和", "元年", "度", "", "総務省 - 0037", "", "令和2 総務省 0037", "年度", "",
                     "令和3 2021 総務 20 0032", "年度", "",
                     "※令和3年度実績を記入。執行実績がない新規事業、新規要求事業については現時点で予定やイメージを記入。"]
    assert _past(lines, 2022) == [{"fiscal_year": 2017, "number": "0039"}, {"fiscal_year": 2018, "number": "0036"},
                                  {"fiscal_year": 2019, "number": "0037"}, {"fiscal_year": 2020, "number": "0037"},
                                  {"fiscal_year": 2021, "number": "2021-総務-20-0032"}]
