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


def test_a_group_with_fewer_numbers_than_rows_gives_its_rows_without_numbers():
    # pdfminer (held-out 1004): the text box's two ministries, the row labels, one 事業番号, the two names — which row
    # the number is of is unknown, each row's ministry and name are not
    body = ["金融庁", "", "財務省", "", "点検・改善", "結果", "", "点検結果", "", "23-0087", "", "調査情報データ活用事業", "",
            "システム運用情報研究開発事業", "", SENTENCE, ""]
    assert _rows(body) == [("金融庁", None, "調査情報データ活用事業"), ("財務省", None, "システム運用情報研究開発事業")]
