"""A wrapped piece of wide characters longer than a column was read to hold at most, but no longer than a line the
cell already holds in its own row (kg.extract.payee_rows_text._column_ends): the measure is not the column's, so the
cell is not taken as ended — 「株式会」「社ITリサ」「ーチ・」 over 「アート」 (variant 1518 rl pdfplumber I1, the name
column read as holding 2 wide characters at most) may end the name; the piece was put into the 業務概要."""
from __future__ import annotations

from kg.extract.payee_rows_text import _column_ends

COLUMN = {"name": 8, "description": 12, "name#": 3, "name<": 2, "description#": 6, "description<": 6}


def test_a_piece_no_longer_than_the_rows_own_line_does_not_end_the_cell():
    assert not _column_ends(COLUMN, "name", "ーチ・", "アート", held=3)


def test_a_piece_longer_than_the_column_and_the_rows_lines_ends_it():
    assert _column_ends(COLUMN, "name", "ーチ・", "アートデザイン", held=3)
    assert _column_ends(COLUMN, "name", "ーチ・", "アート")  # (nothing held in the row: the column's measure stands)


def test_a_last_line_with_room_for_the_next_character_ended():
    assert _column_ends(COLUMN, "description", "関する調査", "報告書", held=6)
    assert not _column_ends(COLUMN, "description", "関する調査", "アート", held=6)  # (「アー」 moves whole)
