"""担当課室 of pdftotext's reportlab text (fresh variant 2021): the 作成責任者 cell 「参事官 神門拓也」 (its name
unspaced, so no official's shape) written right after the 担当課室 label, the division 「技術調査課」 far below: the
title 「参事官」 alone is no division — not read as one, the division's own cell read
instead (issue 17: never confidently wrong)."""
from __future__ import annotations

from kg.extract.review_text import label_fields
from kg.normalize.text import nfkc

_TEXT = ("事業番号 0364\n\n令和2年度行政事業レビューシート ( 文部科学省 )\n\n事業名\n\n地域高度化事業\n\n"
         "担当部局庁 初等中等教育局\n\n作成責任者\n\n事業開始年度\n\n平成17\n年度\n\n担当課室\n\n参事官 神門拓也\n\n"
         "会計区分\n\n労働保険特別会計\n\n事業終了 終了予定なし\n(予定)年\n度\n\n技術調査課\n\n"
         "根拠法令 (具体的 住宅宿泊事業法第20条の12\nな条項も記載)\n")


def _fields(text):
    return label_fields([nfkc(x) for x in text.split("\n")], 2020)


def test_a_title_after_the_division_label_is_no_division():
    got = _fields(_TEXT)
    assert got["division"].value == "技術調査課"  # (the cell of a division's shape below, no title)
    assert got["bureau"].value == "初等中等教育局" and got["accounts"].value == ["労働保険特別会計"]


def test_a_division_after_its_label_is_read():
    got = _fields(_TEXT.replace("参事官 神門拓也", "技術調査課 参事官 神門拓也"))
    assert got["division"].value == "技術調査課"
