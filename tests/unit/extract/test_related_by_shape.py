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


def test_check_column_labels_glued_to_a_ministry_cell():
    # pdftotext (real-form variant): the 点検 column's 「点検・改善結果」 glued to the last row's ministry cell, its
    # 「点検結果」 label and sentence between the rows and what follows
    got = _rows(["関連事業", "関連する事業がある場合、他部局・他府省等と適切な役割分担を行っているか。", "所管府省名",
                 "事業番号", "事業名", "外務省", "20-0377", "支援防災人材育成事業", "内閣府", "20-0059",
                 "データ活用国際協力地域事業", "文部科学省点検・改善結果", "地域データ活用基盤整備事業", "点検結果",
                 "脅威は大きく、事業の重要性は高い。", "改善の方向性", "外部有識者の所見",
                 "関連する過去のレビューシートの事業番号", "平成30年度", "0083", "支出先上位10者リスト"])
    assert got == [("外務省", "20-0377", "支援防災人材育成事業"), ("内閣府", "20-0059", "データ活用国際協力地域事業"),
                   ("文部科学省", None, "地域データ活用基盤整備事業")]
    # (a 所管府省 ending otherwise than 省/庁/府 — a 委員会, 会計検査院 — has the label taken off alike)
    got = _rows(["関連事業", "所管府省名", "事業番号", "事業名", "外務省", "20-0377", "支援防災人材育成事業",
                 "公正取引委員会点検・改善結果", "地域データ活用基盤整備事業", "点検結果", "外部有識者の所見",
                 "関連する過去のレビューシートの事業番号", "平成30年度", "0083", "支出先上位10者リスト"])
    assert got == [("外務省", "20-0377", "支援防災人材育成事業"), ("公正取引委員会", None, "地域データ活用基盤整備事業")]


def test_rows_after_the_check_column_between_the_headers():
    # pdftotext: the 点検 column's label and sentence written between the 所管府省名 and 事業名 headers
    got = _rows(["関連事業", "所管府省名", "点検・改善結果", "事業番号", "定量的な目標をおおむね達成している。", "事業名",
                 "防衛省", "システム運用人材育成推進事業", "デジタル庁", "調査情報推進事業", "点検結果", "外部有識者の所見",
                 "関連する過去のレビューシートの事業番号", "平成30年度", "0083", "支出先上位10者リスト"])
    assert got == [("防衛省", None, "システム運用人材育成推進事業"), ("デジタル庁", None, "調査情報推進事業")]


def test_two_ministry_cells_glued_give_nothing():
    # pdftotext: two rows' ministries on one line (「文部科学省財務省」) and their names glued: which split is unknown
    assert _rows(["関連事業", "所管府省名", "事業番号", "文部科学省財務省点検・改善結果", "事業名",
                  "研究開発防災人材育成事業支援研究開発国際協力事業", "点検結果", "外部有識者の所見",
                  "関連する過去のレビューシートの事業番号", "支出先上位10者リスト"]) is None
    # (a 委員会 among them: 「総務省公正取引委員会」 is no one ministry's name)
    assert _rows(["関連事業", "所管府省名", "事業番号", "総務省公正取引委員会", "事業名",
                  "研究開発防災人材育成事業支援研究開発国際協力事業", "点検結果", "外部有識者の所見",
                  "関連する過去のレビューシートの事業番号", "支出先上位10者リスト"]) is None


def test_a_policy_cell_after_a_ministry_is_no_row():
    # pdfminer (reportlab print, sheet41): the 事業名 header and the names elsewhere, the 政策 / 施策 cells after
    # the ministry
    assert _rows(["関連事業", "所管府省名", "国土交通省", "8.推進の推進", "(7)人材育成地域の充実", "事業番号", "0040",
                  "関連する過去のレビューシートの事業番号", "平成30年度", "0273", "支出先上位10者リスト"]) is None


def test_two_ministries_glued_with_a_number_glued_to_a_name_give_nothing():
    # pdftotext (rv038): 「総務省財務省」 (rows 2 and 3) and 「地域調査データ活用事業19-0067」: no row 総務省財務省
    assert _rows(["関連事業", "所管府省名", "事業番号", "事業名", "文部科学省", "19-0108", "基盤整備システム運用人材育成事業",
                  "総務省財務省", "地域調査データ活用事業19-0067", "国際協力普及啓発データ活用事業", "点検・改善 点検結果結果",
                  "関連する過去のレビューシートの事業番号", "支出先上位10者リスト"]) is None


def _rows_of_lines(lines: list[str]):
    found = related_by_shape(tokens(lines), frozenset(), 2021, lines)
    return None if found is None else [(r["ministry"], r["number"], r["name"]) for r in found.value]


def test_a_name_over_the_check_sentence_with_no_blank_between():
    # pdftotext (rv005): the last row's name 「支援推進高度化事業」 the first line of the 点検結果 sentence's paragraph
    lines = ["関連事業", "", "所管府省名", "", "事業番号", "", "事業名", "", "財務省", "", "高度化データ活用防災事業", "",
             "経済産業省", "", "20-0303", "", "点検・改善結果 点検結果", "", "改善の方向性", "",
             "支援推進高度化事業",
             "サイバーセキュリティに関する脅威は、国民の安心・安全に直結する部分への影響が",
             "大きく、セキュリティ対策は国際動向を踏まえて実施する必要がある。", "",
             "外部有識者の所見", "", "関連する過去のレビューシートの事業番号", "", "支出先上位10者リスト", ""]
    assert _rows_of_lines(lines) == [("財務省", None, "高度化データ活用防災事業"),
                                     ("経済産業省", "20-0303", "支援推進高度化事業")]
    # a sentence's paragraph whose first line is as wide as the next: no name in it, the row not read whole
    wide = [*lines[:20], "支援推進高度化事業に関しては、サイバーセキュリティに関する脅威は国民の安心・安全に",
            *lines[21:]]
    assert _rows_of_lines(wide) is None


def test_check_labels_run_together_are_passed_over():
    # pdftotext (rv044): 「点検・改善結果」 wrapped beside 「点検結果」, the two run together between the row's cells
    lines = ["関連事業", "", "所管府省名", "", "事業番号", "", "内閣府", "", "14-0470", "", "点検・改 点検結果善結果", "",
             "改善の方向性", "", "本事業における成果については、早期に実運用や実用化を図るなど活用を図っている。", "",
             "事業名", "研究開発データ活用高度化事業",
             "サイバーセキュリティに関する脅威は、国民の安心・安全に直結する部分への影響が大きく、セキュリティ対策は",
             "国際動向を踏まえて実施する必要があることから、これらの事業の重要性は高い。", "",
             "外部有識者の所見", "", "関連する過去のレビューシートの事業番号", "", "支出先上位10者リスト", ""]
    assert _rows_of_lines(lines) == [("内閣府", "14-0470", "研究開発データ活用高度化事業")]
