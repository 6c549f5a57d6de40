"""A 主要政策・施策 value is never a 主要経費 cell: pdftotext wrote the 主要政策・施策 label with no value (its cell's
「-」 left out) and, below it, the 主要経費 label cut around its cell (「主要 経済協力」 over 「経費」); the label's head
dropped as a piece, the paragraph read 「経済協力経費」 right after the 主要政策 label. Real-form variant 1510's
LibreOffice print (held-out at first, scored once, then studied)."""
from __future__ import annotations

from kg.extract.review_text import _shape_ok, label_fields

LINES = [
    "会計区分 エネルギー対策特別会計",
    "",
    "主要政策・ 施策",
    "",
    "主要 経済協力",
    "経費",
    "",
    "事業の目的 地域高度化普及啓発情報に関する調査研究について、調査研究の成果を取りまとめる。",
]


def test_no_major_policy_from_the_expense_cell():
    got = label_fields(LINES, 2021)
    assert "major_policy" not in got or got["major_policy"].value is None


def test_expense_shapes_are_no_major_policy():
    assert not _shape_ok("major_policy", "経済協力経費", 2021)
    assert not _shape_ok("major_policy", "その他の事項経費", 2021)
    assert _shape_ok("major_policy", "科学技術・イノベーション", 2021)
    assert _shape_ok("major_expense", "その他の事項経費", 2021)
