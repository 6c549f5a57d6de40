"""The request year's 要求額 from the 歳出予算目 table's 計 row (kg.extract.budget_breakdown) when the text prints
the next table's 活動内容 label amid that table's header, before its rows (LibreOffice's print, pdftotext): the
label is no end of the table while none of its figures has come. Excerpt of a real-form variant
(tests/fixtures/real_variants.py); figures as its .xlsx record holds them (2018 当初予算 59, 2019 要求額 35)."""
from __future__ import annotations

from kg.extract.budget_breakdown import breakdown_request

ACTIVITY_AMID = ["111%", "", "予算の状況", "", "執行率(%)", "", "平成30・31年度 予 歳出予算目", "算内訳 (単位:百万円)", "", "活動内容 (アクティ", "ビティ)",
                 "", "35", "", "35", "", "平成30年度 令和元年度 主な増減理由", "当初予算", "要求", "", "諸謝金", "", "6", "", "6", "", "職員旅費",
                 "", "5", "", "17", "", "委員等旅費", "", "15", "", "-", "", "情報処理業務", "庁費", "", "19", "", "5", "", "その他",
                 "", "14", "", "7", "", "計", "", "59", "", "35", "",
                 '<ul style="list-style-type: none"> 住民基本台帳ネットワークシステムを利用する地方公共団体等の職員に対するセキュリティ説明会等を動画配信での開催 住民基本台帳ネットワークシステムに']


def test_the_activity_label_amid_the_header_is_passed_over():
    # (the budget table's request column, 「35」「35」, printed before the rows: the 計 row's 35 still checks)
    assert breakdown_request(ACTIVITY_AMID, 1, 59.0) == (35.0, 56)


def test_a_current_initial_the_rows_do_not_give_reads_no_request():
    assert breakdown_request(ACTIVITY_AMID, 1, 60.0) is None


def test_the_activity_label_after_the_rows_still_ends_the_table():
    # (its text after the 計 row is not read: a figure ending one of its lines is no row of the table)
    lines = [*ACTIVITY_AMID, "活動内容 (アクティ", "説明会 12"]
    assert breakdown_request(lines, 1, 59.0) == (35.0, 56)
