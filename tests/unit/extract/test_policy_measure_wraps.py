"""The 施策 cell of the 政策評価 rows wrapped below its label's line (kg/extract/review_text.py ``label_lists``).

pdfplumber, reportlab's print (rv849): the row's left label cut in its cell (「政策」 over 「評価」), the 施策 cell's
pieces below beside the label's rest and the 政策評価書URL label's 「URL」 (「評価 究開発の URL」, 「推進」). The reader
gave the first piece 「1. 防災研」 as the 施策: a wrong value. Excerpt as the tool wrote it, values as the .xlsx
record holds them."""
from __future__ import annotations

from kg.extract.review_text import label_lists
from kg.normalize.text import nfkc

_ROWS = ("政策評 政策 政策 II. 研究開発の推進\n価、 評価\n新経済\n・ 財\n政再生\n計画と\nの 関\n係\n"
         "政策 施策 1. 防災研 政策評価書 https://www.soumu.go.jp/main_content/000766416.pdf\n")


def _read(text: str) -> dict | None:
    found = label_lists([nfkc(x) for x in text.split("\n")], 2019)
    return found["policy_evaluation"].value if "policy_evaluation" in found else None


def test_the_measure_read_on_below_past_the_left_labels_rest():
    got = _read(_ROWS + "評価 究開発の URL\n推進\n該当箇所 3ページ目\n新経 取組事 分野: -")
    assert got == {"policy": "II. 研究開発の推進", "measure": "1. 防災研究開発の推進"}


def test_a_measure_whose_rest_is_not_read_is_unknown():
    # (the rest going on past the lines looked at, no line ending it: the 施策's end is unknown, not 「1. 防災研」)
    got = _read(_ROWS + "評価 究開発の URL\n" + "推\n" * 8)
    assert got is not None and got["measure"] is None


def test_the_url_label_glued_to_the_measure_or_to_its_url():
    # (pdfplumber, LibreOffice's print: rv840 「(4)支援国際協政策評価書 https://…」 over 「力の推進 URL」; rv843
    # 「1. データ 政策評価書URLhttps://…」 over 「活用調査」 over 「の推進」: the 施策 was left unknown)
    head = "政策評価、 新経済・ 政策評価 政策 6. 基盤整備\n財政再生 計画との\n関係\n\n"
    got = _read(head + "政策評価 施策 (4)支援国際協政策評価書 https://www.soumu.go.jp/main_content/000766416.pdf\n"
                "力の推進 URL\n該当箇所 3ページ目\n新経済・ 財政 取組事項 分野: -")
    assert got == {"policy": "6. 基盤整備", "measure": "(4)支援国際協力の推進"}
    got = _read(head + "政策評価 施策 1. データ 政策評価書URLhttps://www.soumu.go.jp/main_content/000766416.pdf\n"
                "活用調査\nの推進\n該当箇所 3ページ目\n新経済・ 財政 取組事項 分野: -")
    assert got == {"policy": "6. 基盤整備", "measure": "1. データ活用調査の推進"}
