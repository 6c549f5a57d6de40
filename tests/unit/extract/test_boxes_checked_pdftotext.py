"""The pdfminer.six box reader also runs over pdftotext's text (it may give rows the other readers left unread);
its rows go through the same checks there (each block's amounts against the block's printed 計, the program's
figures) before they join: variant 648 printed by reportlab, whose pdftotext text gave the box reader a run one
rank short in blocks D, F and H and so amounts a row off (2.6 for D1's 2.8, 7.8 for F1's 6.2)."""
from kg.extract.dispatch import extract_path
from tests.fixtures.real_variants import reportlab_variant


def test_rows_the_box_reader_gives_pdftotext_text_are_checked_by_the_block_totals(tmp_path):
    xlsx, _, txt = reportlab_variant(648, tmp_path, "pdftotext")
    want = {(p["block"], p["rank"]): p["amount"] for p in extract_path(str(xlsx))["payees"]}
    assert want[("D", 1)] == 2.8 and want[("F", 1)] == 6.2 and want[("H", 2)] == 6.9
    rec = extract_path(str(txt))
    got = {(p["block"], p["rank"]): p["amount"] for p in rec["payees"]}
    wrong = {k: (v, want.get(k)) for k, v in got.items() if v is not None and v != want.get(k)}
    assert wrong == {}
    assert got[("B", 1)] == 8.6 and [got.get(("J", r)) for r in (1, 2, 3)] == [1, 0.4, 0.1]
    # the blocks left unread are reported so, by letter (blocks A, C and G were placed by the section's amounts alone,
    # one row anchored for 19 ranks, the count matching only with the blocks' 計 among the amounts; since the box
    # reader leaves a 計 printed beside its label out of its boxes, eighteenth session, the count does not match and
    # those blocks are unknown: noted in issue 17)
    unread = [w["message"] for w in rec["warnings"] if "no row of the block was read" in w["message"]]
    assert unread and all(f"'{b}'" in unread[0] for b in "CDGHI")
    # block E's row 1 has no amount read, row 2's 6.1 is: its 計 13.2 leaves row 1 7.1, above 6.1 as the form ranks,
    # so the block stands as one with no 計 would (payee_form_text._block_end), row 1's amount unknown
    assert ("E", 1) in got and got[("E", 1)] is None and got[("E", 2)] == 6.1 and "'E'" not in unread[0]
    # blocks A and F's three rows are read in the form's order: they stop before a text cell with no figure (another
    # row's name; for A past the rows' 契約方式等 written after them, then unknown), not at the block's end — their rows
    # kept, any ranked after them unknown (payee_form_text._opens_other)
    assert [got.get(("F", r)) for r in (1, 2, 3)] == [6.2, 3.7, 1.4] and "'F'" not in unread[0]
    assert [got.get(("A", r)) for r in (1, 2, 3)] == [7.9, 3.6, 2.9] and "'A'" not in unread[0]
