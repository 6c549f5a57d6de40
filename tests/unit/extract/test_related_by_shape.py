"""関連事業 rows of paragraph-style PDF text (kg.extract.review_text.related_by_shape): cells as pdfminer.six and
pdftotext wrote them for generated sheets (one cell per paragraph), with the .xlsx record's rows."""
from __future__ import annotations

from kg.extract.review_text import related_by_shape, tokens


def _rows(cells: list[str]):
    lines = []
    for c in cells:
        lines += [c, ""]
    found = related_by_shape(tokens(lines), frozenset(), 2023)
    return None if found is None else [(r["ministry"], r["number"], r["name"]) for r in found.value]


def test_columns_written_before_the_label():
    # pdfminer (LibreOffice print, held-out sheet70): 事業番号 and 事業名 columns, then the label and the ministries
    assert _rows(["1,569", "759", "事業番号", "0183", "0303", "事業名", "推進情報調査事業", "情報高度化普及啓発事業",
                  "関連事業", "所管府省名", "財務省", "国土交通省", "関連する過去のレビューシートの事業番号", "平成28年度",
                  "0032", "支出先上位10者リスト"]) == [("財務省", "0183", "推進情報調査事業"),
                                                   ("国土交通省", "0303", "情報高度化普及啓発事業")]


def test_a_budget_header_cell_is_no_name():
    # pdfminer (sheet43): 「平成29年度要求」 / a wrapped 「要求」 of the budget table among the cells
    got = _rows(["関連事業", "所管府省名", "事業番号", "事業名", "文部科学省", "防衛省", "0189", "0037",
                 "調査防災システム運用事業", "国際協力システム運用情報事業", "平成29年度要求", "要求",
                 "関連する過去のレビューシートの事業番号", "平成25年度", "支出先上位10者リスト"])
    assert got == [("文部科学省", "0189", "調査防災システム運用事業"), ("防衛省", "0037", "国際協力システム運用情報事業")]


def test_policy_cells_among_the_rows_are_no_names():
    # pdftotext (reportlab print, held-out sheet55): the 政策 / 施策 cells written inside the table
    got = _rows(["関連事業", "所管府省名", "8.データ活用の推進", "事業番号", "事業名", "厚生労働省", "0131", "地域推進調査事業",
                 "財務省", "0134", "研究開発基盤整備高度化事業", "(2)安全対策推進の充実",
                 "関連する過去のレビューシートの事業番号", "平成26年度", "支出先上位10者リスト"])
    assert got == [("厚生労働省", "0131", "地域推進調査事業"), ("財務省", "0134", "研究開発基盤整備高度化事業")]


def test_counts_that_do_not_agree_give_nothing():
    assert _rows(["関連事業", "所管府省名", "事業番号", "事業名", "文部科学省", "防衛省", "0189",
                  "調査防災システム運用事業", "国際協力システム運用情報事業", "別の事業", "支出先上位10者リスト"]) is None
