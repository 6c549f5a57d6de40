"""The 施策 cell and the 政策評価書URL label beside it both wrapped in their narrow cells, pdftotext writing them line
by line as one paragraph (「6. システム運 政策評」 over 「用人材育成の 価書」 over 「推進」): the label's pieces at the
lines' ends are no part of the 施策 (held-out variant 1983 LO pdftotext read 「6. システム運 政策評用人材育成の 価書推進」)."""
from __future__ import annotations

from kg.extract.review_text import label_lists, measure_beside_label, tokens

ROWS = ["政策評価、 新 政策評", "経済・ 財政再 価", "生 計画との", "関係", "", "政策", "", "地域の推進", "", "-", "",
        "政策評", "価", "", "施策", ""]


def _lines(cell: list[str]) -> list[str]:
    return [*ROWS, *cell, "", "該当箇", "所", "新経済 取組事項", ""]


def test_the_label_pieces_at_the_lines_ends_are_taken_off_the_measure():
    lines = _lines(["6. システム運 政策評", "用人材育成の 価書", "推進", "URL"])
    pe = label_lists(lines, 2023)["policy_evaluation"].value
    assert pe == {"policy": "地域の推進", "measure": "6. システム運用人材育成の推進"}


def test_the_label_last_piece_beside_the_cell_and_the_url_between():
    lines = _lines(["国際協力 政策評", "システム 価書", "運用の推 URL", "進"])
    assert label_lists(lines, 2023)["policy_evaluation"].value["measure"] == "国際協力システム運用の推進"
    lines = _lines(["(2)デー 政策評", "https://www.soumu.go.jp/main_content/000766416.pdf", "タ活用 価書URL", "高度化",
                    "の推進"])
    assert label_lists(lines, 2023)["policy_evaluation"].value["measure"] == "(2)データ活用高度化の推進"


def test_no_label_found_whole_no_rebuilt_measure():
    # the second line's last word does not carry the label on (「評価」 is no 「価書」): not rebuilt
    lines = _lines(["6. システム運 政策評", "用人材育成の 評価", "推進"])
    tok = next(t for t in tokens(lines) if t.text.startswith("6."))
    assert measure_beside_label(lines, tok) is None
    # two cells on a line after the label: which piece is the 施策's is unknown
    lines = _lines(["6. システム運 政策評", "用人材育成の 価書", "推 進"])
    tok = next(t for t in tokens(lines) if t.text.startswith("6."))
    assert measure_beside_label(lines, tok) is None
