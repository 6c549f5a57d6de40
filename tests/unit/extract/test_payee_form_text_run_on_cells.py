"""Row cells pdftotext wrote in shapes the form's order read wrong (held-out sheets of variants 1000–1029): the row's
later cells run on in the 法人番号's line (「特定非営 736507879107 実証事業の 31,087 一般競争契約」: the amount is the figure
before the 契約方式, not the 入札者数 「1」 written alone after the header cells), the amount on a line of its own over
the 業務概要's lines (「29」 over 「会議等出席(諸謝」: never glued to the 業務概要), and a 落札率 whose 「%」 wrapped below its
figure (「54」 over 「%」: the row's rate, never the name of a row of its own)."""
from __future__ import annotations

from kg.extract.payee_form_text import _before_method, _nameish_text, _row, form_rows
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
