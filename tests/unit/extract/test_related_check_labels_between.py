"""関連事業 rows written by pdftotext row by row under their headers with the 点検 column's cells between them: the
関連事業 label itself (printed at the table's left), the row labels wrapped in their cell (「点検・改善結」 over 「果」,
「点検・改善 点検結果」 over 「結果」), a ministry glued to those lines run together (「文部科学省点検・改善結 点検結果果」).
Those are no cells of the table: the rows read on past them (held-out 1004, 674, 1304 pdftotext read only the first
row, or none)."""
from __future__ import annotations

from kg.extract.review_text import label_lists

HEAD = ["関連事業", "", "点検・改善結果", "", "活動実績は見込みに見合ったものであるか。", "", "所管府省名", "", "事業番号",
        "", "事業名", ""]
SENTENCE = "サイバーセキュリティに関する脅威は、国民の安心・安全に直結する部分への影響が大きく、これらの事業の重要性は高い。"


def _rows(body: list[str]) -> list[tuple]:
    found = label_lists([*HEAD, *body], 2023).get("related_projects")
    return [(p["ministry"], p["number"], p["name"]) for p in found.value] if found else []


def test_the_related_label_and_the_check_labels_pieces_between_two_rows():
    body = ["金融庁", "", "23-0087", "", "調査情報データ活用事業", "", "関連事業", "", "財務省", "", "点検・改善 点検結果",
            "結果", "", "改善の方向性", "", "システム運用情報研究開発事業", "", SENTENCE, ""]
    assert _rows(body) == [("金融庁", "23-0087", "調査情報データ活用事業"), ("財務省", None, "システム運用情報研究開発事業")]


def test_a_ministry_glued_to_the_check_labels_lines_run_together():
    body = ["環境省", "", "23-0283", "", "人材育成調査安全対策事業", "", "文部科学省", "点検・改善結 点検結果", "果", "",
            "改善の方向性", "", "支援調査普及啓発事業", SENTENCE, ""]
    assert _rows(body) == [("環境省", "23-0283", "人材育成調査安全対策事業"), ("文部科学省", None, "支援調査普及啓発事業")]


def test_a_last_ministry_whose_name_comes_after_the_next_blocks_label_leaves_that_row_unknown():
    body = ["環境省", "", "23-0283", "", "人材育成調査安全対策事業", "", "文部科学省", "点検・改善結 点検結果", "果", "",
            "改善の方向性", "", "外部有識者の所見", "", "支援調査普及啓発事業", SENTENCE, ""]
    assert _rows(body) == [("環境省", "23-0283", "人材育成調査安全対策事業")]


def test_two_ministries_before_the_names_stay_unread():
    body = ["厚生労働省", "", "18-0288", "", "支援人材育成安全対策事業", "", "厚生労働省", "", "厚生労働省", "", "点検・", "改善結",
            "果", "", "国際協力システム運用研究開発事業", "", "18-0257", "", "調査防災研究開発事業", "", SENTENCE, ""]
    assert ("厚生労働省", None, "国際協力システム運用研究開発事業") not in _rows(body)
    assert all(r[2] != "18-0257" for r in _rows(body))


HEADERS_APART = ["関連事業", "", "点検・改善結果", "", "活動実績は見込みに見合ったものであるか。", "", "所管府省名", "",
                 "事業番号", ""]


def test_ministries_after_the_number_header_then_the_names_column():
    # pdftotext (held-out 686 LO): 「所管府省名」 「事業番号」, the ministries one a line with the row label below them,
    # then 「事業名」 and the names one a line: each column's lines in the rows' order
    lines = [*HEADERS_APART, "内閣府", "国土交通省", "点検・改善結果", "", "事業名", "", "防災人材育成研究開発事業",
             "高度化支援安全対策事業", "", "点検結果", "", SENTENCE, ""]
    got = label_lists(lines, 2023)["related_projects"].value
    assert [(p["ministry"], p["number"], p["name"]) for p in got] == [
        ("内閣府", None, "防災人材育成研究開発事業"), ("国土交通省", None, "高度化支援安全対策事業")]


def test_a_number_among_the_names_leaves_the_rows_unknown():
    # (a 事業番号 between two paragraphs of names: pdfminer's text boxes come in an order of their own, 689 LO)
    lines = [*HEADERS_APART, "文部科学省", "デジタル庁", "財務省", "点検・改善結果", "", "事業名", "", "安全対策調査データ活用事業", "",
             "19-0001", "", "データ活用調査推進事業", "支援高度化防災事業", "", "点検結果", "", SENTENCE, ""]
    assert "related_projects" not in label_lists(lines, 2023)


def test_more_name_lines_than_ministries_leave_the_rows_unknown():
    # a name wrapped over two lines of the names' paragraph: three lines for two ministries
    lines = [*HEADERS_APART, "文部科学省", "財務省", "点検・改善結果", "", "事業名", "", "研究開発防災人材育成",
             "事業", "支援研究開発国際協力事業", "", "点検結果", "", SENTENCE, ""]
    assert "related_projects" not in label_lists(lines, 2023)
