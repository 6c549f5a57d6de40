"""The vertical 政策評価 label read as one word glued to its row's 政策 / 施策 label (pdfplumber's text of a
LibreOffice print, real-form variant 60): 「政策評価政策 システム運用の推進」 is the label and the 政策, never a 政策
named 「政策評価政策 …」; the 施策 cell wrapped over the lines below is read whole."""
from __future__ import annotations

from kg.extract.review_text import _split_line, label_lists

LINES = [
    "成果目標及び成果実績(アウトカム)欄についてさらに記載が必要な場合はチェックの上【別 チェック",
    "紙1】に記載",
    "政策評価、 政策評価政策 システム運用の推進",
    "新経済・ 財",
    "政再生 計画",
    "との 関係",
    "政策評価施策 6. 高度化研 政策評価書 https://www.soumu.go.jp/main_content/000766416.pdf",
    "究開発の推 URL",
    "進",
    "該当箇所 3ページ目",
]


def test_glued_vertical_label_is_cut_before_the_row_label():
    assert _split_line("政策評価政策 システム運用の推進") == [
        ("政策評価", "policy_eval"), ("政策", "policy"), ("システム運用の推進", None)]
    assert _split_line("政策評価施策 6. 高度化研") == [
        ("政策評価", "policy_eval"), ("施策", "measure"), ("6. 高度化研", None)]
    # (a word that only starts like the label stays text)
    assert _split_line("政策評価政策群 X")[0] == ("政策評価政策群 X", None)


def test_policy_and_measure_read_without_the_glued_label():
    pe = label_lists(LINES, 2021)["policy_evaluation"]
    assert pe.value == {"policy": "システム運用の推進", "measure": "6. 高度化研究開発の推進"}
