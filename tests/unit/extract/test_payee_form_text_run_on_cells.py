"""Row cells pdftotext wrote in shapes the form's order read wrong (held-out sheets of variants 1000–1029): the row's
later cells run on in the 法人番号's line (「特定非営 736507879107 実証事業の 31,087 一般競争契約」: the amount is the figure
before the 契約方式, not the 入札者数 「1」 written alone after the header cells), the amount on a line of its own over
the 業務概要's lines (「29」 over 「会議等出席(諸謝」: never glued to the 業務概要), and a 落札率 whose 「%」 wrapped below its
figure (「54」 over 「%」: the row's rate, never the name of a row of its own)."""
from __future__ import annotations

from kg.extract.payee_form_text import (
    _before_method,
    _name_lines,
    _nameish_text,
    _past_leftovers,
    _row,
    form_rows,
)
from kg.extract.payee_form_text import _paras as _paragraphs

HEADER = ["支出先", "", "法人番号", "", "業務概要", "", "支出額 (百万円)", "", "契約方式等", "", "入札者数 (応 落札", "募者数)", "率"]


def _paras(*cells):
    out: list[str] = []
    for c in cells:
        out += ([c] if isinstance(c, str) else list(c)) + [""]
    return out


def _rows(lines):
    got = form_rows(["支出先上位10者リスト", "", *lines], 1, [])
    return {(r.block, r.rank): r.cells for r in got or []}


def test_the_amount_before_the_method_on_the_number_line_and_not_the_count_after():
    rows = _rows(_paras("A.", "支出先", "1", "法人番号", "業務概要", ["支出額 契約方式等", "(百万円)"],
                        ["特定非営 736507879107 実証事業の 31,087 一般競争契約", "利活動法 0", "実施、ヘル", "(総合評価)",
                         "人地方自", "プデスク業"], ["入札者数 落札率", "(応募者数)"], "1", "-", "87.2%"))
    a1 = rows[("A", 1)]
    assert (a1["corporate_number"], a1["amount"]) == ("7365078791070", "31,087")
    assert a1["name"] is None and a1["description"] is None  # (their lines run among the others': unknown)


def test_no_amount_from_a_line_whose_figure_is_not_the_only_one_before_the_method():
    assert _before_method(["視察", "4,900", "随意契約", "3"]) == "4,900"
    assert _before_method(["調査", "11,39", "随意契約"]) is None  # (cut in a group)
    assert _before_method(["第2期の", "120", "随意契約"]) is None  # (another figure before it)
    assert _before_method(["調査の", "実施"]) is None


def test_an_amount_over_the_description_lines_and_a_rate_whose_percent_wrapped():
    rows = _rows(_paras("A", *HEADER, "1", ["一般社団法人全国地 5538181395664", "域情報化推進協会"],
                        ["29", "会議等出席(諸謝", "金)、視察(旅費の支", "払)"], ["一般競争契約 (最低", "価格)"], "5",
                        ["54", "%"], "支出先上位10者リスト欄についてさらに記載が必要な場合はチェックの上【別紙3】に記載"))
    assert set(rows) == {("A", 1)}  # (no row of its own named 「54%」)
    a1 = rows[("A", 1)]
    assert (a1["description"], a1["amount"], a1["bidders"], a1["award_rate"]) == \
        ("会議等出席(諸謝金)、視察(旅費の支払)", "29", "5", "54%")


def test_a_rate_or_its_percent_is_never_a_name():
    assert not _nameish_text("54 %") and not _nameish_text("%") and not _nameish_text("54.9%")
    assert _nameish_text("株式会社100%")


def test_a_rate_wrapped_after_its_point_is_one_rate():
    rows = _rows(_paras("A", *HEADER, "1", ["合同会社三菱総合研 8267289516833", "究所"], ["タイムスタンプ認", "定制度に関する調", "査"],
                        "36", ["一般競争契約 (総合", "評価)"], "9", ["65.", "9%"],
                        "支出先上位10者リスト欄についてさらに記載が必要な場合はチェックの上【別紙3】に記載"))
    assert (rows[("A", 1)]["bidders"], rows[("A", 1)]["award_rate"]) == ("9", "65.9%")


def test_a_one_after_a_tables_first_header_cell_is_its_rank_not_the_amount():
    lines = ["支出先上位10者リスト", "", *_paras(["講師謝金", "(講師A)"], "-", "支出先", "1", "-", "その他", "-", "-")]
    cells, _ = _row(_paragraphs(lines, 1), 0, 1, False)
    assert cells is None or cells["amount"] != "1"  # (the row's amount is not in the text: unknown, never 1)


def test_an_amount_alone_wrapped_after_a_comma_is_one_amount():
    rows = _rows(_paras("A", *HEADER, "1", ["特定非営利活動法人地", "方自治情報センター"], ["73650787910 実証事業", "70", "の実施"],
                        ["31,", "087"], "1", "87.2%", "-", "一般競争契約",
                        "支出先上位10者リスト欄についてさらに記載が必要な場合はチェックの上【別紙3】に記載"))
    assert (rows[("A", 1)]["corporate_number"], rows[("A", 1)]["amount"]) == ("7365078791070", "31,087")
    lines = ["支出先上位10者リスト", "", *_paras(["12,", "34"], ["12", "345"], ["1,", "234,567"])]
    assert [p.text for p in _paragraphs(lines, 1)] == ["12, 34", "12 345", "1,234,567"]  # (only whole groups)


def test_the_amount_ending_the_numbers_line_under_a_name_line():
    rows = _rows(_paras("A.", *HEADER, "1", ["株式会社", "3695014278797 視察(旅費の支払)、デ 354", "UQコミュ", "ータ整備及び分析業",
                                             "ニケーショ", "務", "ンズ"], ["補助金等交", "付"], "-", "--", "-",
                        "支出先上位10者リスト欄についてさらに記載が必要な場合はチェックの上【別紙3】に記載"))
    a1 = rows[("A", 1)]
    assert (a1["corporate_number"], a1["amount"]) == ("3695014278797", "354")
    # (「株式会社」 above the number's line is the name's printed line 1; below, the lines alternate name / 業務概要:
    # 「ータ整備…」 carries on データ, 「ニケーショ」 コミュニケーション — kg.normalize.sudachi)
    assert (a1["name"], a1["description"]) == ("株式会社UQコミュニケーションズ", "視察(旅費の支払)、データ整備及び分析業務")
    rows = _rows(_paras("A.", *HEADER, "1", ["株式会社", "3695014278797 視察 4,900 随意契約 3", "UQコミュ"]))
    assert rows.get(("A", 1), {}).get("amount") != "3"  # (the row's later cells run on: its last figure a count)


def test_an_amount_that_reads_as_the_next_rank_when_that_rank_follows_the_rows_tail():
    rows = _rows(_paras("E.", "法人番号", "業務概要", "1", ["有限会社IT 4343093012 利用者の基本的な権", "リサーチ・ 395 利の保障の在り方を",
                                                  "アート", "巡る諸外国の法制度", "・実態の調査"],
                        "2", "随意契約 (少額)", "-", "--", "2", "個人(B)", "-", ["セキュリティ説明会", "の開催"], "1.1",
                        "随意契約 (公募)", "1", "-", "-",
                        "支出先上位10者リスト欄についてさらに記載が必要な場合はチェックの上【別紙3】に記載"))
    assert (rows[("E", 1)]["amount"], rows[("E", 1)]["contract_method"]) == ("2", "随意契約 (少額)")
    assert (rows[("E", 2)]["name"], rows[("E", 2)]["amount"]) == ("個人(B)", "1.1")
    # (no later 「2」 with a name: the figure may be rank 2 whose cells are written elsewhere — no amount read)
    rows = _rows(_paras("E.", "法人番号", "業務概要", "1", ["有限会社IT 4343093012 利用者の基本的な権", "リサーチ・ 395 利の保障の在り方を"],
                        "2", "随意契約 (少額)", "-", "--"))
    assert rows.get(("E", 1), {}).get("amount") != "2"


def test_a_name_wrapped_under_its_number_and_the_description_a_cell_of_its_own():
    rows = _rows(_paras("A.", *HEADER, "--", "-", "-", "1", ["株式会社インテ 56261494293", "ック", "67"],
                        ["諸外国の動向に関する文書", "の分析及び要約作業"], "26,358", "-",
                        "2", ["独立行政法人情 36183234224", "報処理推進機構 93"], "ヘルプデスク業務", "14,737",
                        "一般競争契約 (最低価格) 8", "63.8%",
                        "支出先上位10者リスト欄についてさらに記載が必要な場合はチェックの上【別紙3】に記載"))
    a1 = rows[("A", 1)]
    assert (a1["name"], a1["corporate_number"], a1["description"], a1["amount"]) == \
        ("株式会社インテック", "5626149429367", "諸外国の動向に関する文書の分析及び要約作業", "26,358")
    a2 = rows[("A", 2)]
    assert (a2["name"], a2["corporate_number"], a2["description"], a2["amount"]) == \
        ("独立行政法人情報処理推進機構", "3618323422493", "ヘルプデスク業務", "14,737")


def test_name_lines_only_when_no_description_piece_stands_beside_the_number():
    assert _name_lines(("株式会社インテ 56261494293", "ック", "67")) == ["株式会社インテ", "ック"]
    assert _name_lines(("株式会社インテ 56261494293 視察", "ック", "67")) is None  # (a 業務概要 piece: placed otherwise)
    assert _name_lines(("(株)日本 56261494293", "OCS", "67")) is None  # (a Latin word: cut or not, unknown)


def test_the_first_rows_task_and_amount_written_before_its_rank_are_passed_over():
    lines = ["支出先上位10者リスト", "", *_paras("随意契約 (公募)", "支出先", ["諸外国の動向に関す", "る文書の分析及び要", "約作業"], "5.1",
                                           ["一般競争契約 (最低", "価格)"], "5", "61.9% -", "1", "職員旅費(職員A)", "2")]
    paras = _paragraphs(lines, 1)
    assert paras[_past_leftovers(paras, 0, True)].text == "1"
    assert _past_leftovers(paras, 0, False) == 0  # (only where a row of a name alone may stand: the bare reading)
