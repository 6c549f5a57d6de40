"""Checks review_pdf._with_columns puts on the column reader's rows (kg.extract.payee_columns reads a paragraph's
lines joined): a 法人番号's pieces read into the name, lines after the number's line read into the 業務概要.
Shapes as pdftotext wrote the second producer's prints of real-form variants."""
from __future__ import annotations

import kg.extract.review_pdf as review_pdf
from kg.extract.payee_columns import Column


def _one_row(monkeypatch, column, lines=None):
    monkeypatch.setattr(review_pdf, "payee_columns", lambda cells: ([column], []))
    rows = review_pdf._with_columns([], 1, [], [], lines)
    assert [(r.block, r.rank) for r in rows] == [(column.block, column.rank)]
    return rows[0].cells


def test_a_name_holding_a_numbers_pieces_leaves_name_number_and_description_unknown(monkeypatch):
    cells = _one_row(monkeypatch, Column("D", 2, "富士フイルムビジ 1158399540ネスイノベーショ 656ン(株)", "1585448479973", "2.2",
                                          10, "視察(旅費の支払)"))
    assert (cells["name"], cells["corporate_number"], cells["description"], cells["amount"]) == (None, None, None, "2.2")
    cells = _one_row(monkeypatch, Column("D", 1, "株式会社丸紅", "4928654336842", "3.1", 10, "実証事業の実施"))
    assert (cells["name"], cells["corporate_number"]) == ("株式会社丸紅", "4928654336842")


def test_lines_after_the_number_read_into_the_description_leave_name_and_description_unknown(monkeypatch):
    lines = ["合同会社富士通 6532482213394", "Japan", "", "視察(旅費の支", "払)"]
    cells = _one_row(monkeypatch, Column("G", 1, "合同会社富士通", "6532482213394", "22,269", 1, "Japan"), lines)
    assert (cells["name"], cells["corporate_number"], cells["description"]) == (None, "6532482213394", None)
