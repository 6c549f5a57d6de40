"""Rows two readers give alike with a 「-」 for no 法人番号, or one payee in two blocks
(kg.extract.payee_boxes.with_boxes); values copied from generated outputs (LibreOffice prints' pdfminer.six text)."""
from __future__ import annotations

from kg.extract.payee_boxes import with_boxes
from kg.extract.payee_rows_text import PayeeRow


def _row(block: str, rank: int, name: str, number: str | None, amount: str) -> PayeeRow:
    return PayeeRow(block, rank, {"name": name, "corporate_number": number, "amount": amount}, 100 + rank, False)


def test_rows_two_readers_give_alike_stand_though_a_dash_or_a_payee_of_two_blocks_repeats():
    """The column reader gives 「-」 for a payee without a 法人番号 (two such rows), the box reader None; and one
    company is a payee of two blocks in both readings: the rows agree, none is 'read otherwise'. A 法人番号 the
    two readers place apart, or one reader alone at two places, is still unknown at all its places."""
    theirs = [_row("A", 2, "個人(B)", "-", "2,227"), _row("E", 1, "パシフィックコンサルタンツ(株)・日立システムズ株式会社共同企業体",
                                                       "-", "4,186"),
              _row("J", 1, "株式会社NECソリューションイノベータ", "7257690725224", "2,476"),
              _row("K", 2, "株式会社NECソリューションイノベータ", "7257690725224", "737")]
    mine = [_row("A", 2, "個人(B)", None, "2,227"), _row("E", 1, "パシフィックコンサルタンツ(株)・日立システムズ株式会社共同企業体",
                                                      None, "4,186"),
            _row("J", 1, "株式会社NECソリューションイノベータ", "7257690725224", "2,476"),
            _row("K", 2, "株式会社NECソリューションイノベータ", "7257690725224", "737")]
    notes: list = []
    got = with_boxes(theirs, mine, notes, 1)
    assert [(r.block, r.rank) for r in got] == [("A", 2), ("E", 1), ("J", 1), ("K", 2)] and not notes
    moved = [*mine[:3], _row("K", 1, "株式会社NECソリューションイノベータ", "7257690725224", "737")]
    got = with_boxes(theirs, moved, notes, 1)
    assert [(r.block, r.rank) for r in got] == [("A", 2), ("E", 1)]
    assert notes and "('J', 1), ('K', 1), ('K', 2)" in notes[0][1]
    # one reader alone giving a 法人番号 at two places (the other giving neither): unknown at both, as before
    notes.clear()
    got = with_boxes(theirs[:2], mine, notes, 1)
    assert [(r.block, r.rank) for r in got] == [("A", 2), ("E", 1)] and "('J', 1), ('K', 2)" in notes[0][1]
