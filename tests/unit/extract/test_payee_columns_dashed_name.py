"""A block the column reader read with a name that is a blank cell's dashes (kg.extract.review_pdf._with_columns):
pdfminer.six's text of a reportlab print, block J, where the names column was read a row off — J1 took J2's
「(株)野村総合研究所」 and 法人番号, …, J4 the 「--」 of a blank cell — is not read by the column reader."""
from __future__ import annotations

from kg.extract import review_pdf
from kg.extract.payee_columns import Column


def _cols(names: list[tuple[str, str]]) -> list[Column]:
    amounts = ["1,911", "820", "427", "198"]
    return [Column("J", k + 1, n, c, amounts[k], 1874 + 20 * k) for k, (n, c) in enumerate(names)]


def test_a_block_with_a_dashes_name_is_left_unread(monkeypatch):
    shifted = _cols([("(株)野村総合研究所", "2998334892738"), ("日経BPマーケティング(株)", "1516991992312"),
                     ("(株)ソフトバンク", "8668040011323"), ("--", "-")])
    monkeypatch.setattr(review_pdf, "payee_columns", lambda cells: (shifted, []))
    notes: list = [(1, "rows left")]
    assert review_pdf._with_columns([], 1800, [], notes) == []
    right = _cols([("(株)TKC・柏屋本店(株)共同企業体", "-"), ("(株)野村総合研究所", "2998334892738"),
                   ("日経BPマーケティング(株)", "1516991992312"), ("(株)ソフトバンク", "8668040011323")])
    monkeypatch.setattr(review_pdf, "payee_columns", lambda cells: (right, []))
    got = review_pdf._with_columns([], 1800, [], [(1, "rows left")])
    assert [(r.rank, r.cells["name"], r.cells["amount"]) for r in got][1] == (2, "(株)野村総合研究所", "820")
