"""Never confidently wrong (issue 17), on the wrong-hunting pool (variants 1700–1789, 1860–1899): a 政策評価 block's
政策 read as the header's 主要政策・施策 cell. Excerpts as the tools wrote them; values as the variants' .xlsx
records hold them."""
from __future__ import annotations

from kg.extract.review_pdf import _vocab_cells
from kg.records import new_record


def _vocab(lines: list[str]) -> dict:
    rec = new_record("review_sheet", "x.txt")
    _vocab_cells(rec, lines, len(lines))
    return rec


def test_the_policy_blocks_policy_word_is_no_major_policy():
    # (pdftotext, rv1757 LO: the header's 主要政策・施策 cell is 「-」; the 政策評価 block's 政策 cell is 「防災」, a
    # paragraph of its own like a header cell)
    lines = ["主要政策・施策", "", "-", "", "主要経費", "", "社会保障", "", "事業終了(予定)年度", "", "平成30年度", "",
             "政策評価、新経済・財政再生計画 政策", "", "との関係", "", "62/1", "", "防災", "", "施策", "",
             "推進高度化の推進"]
    rec = _vocab(lines)
    assert rec["major_policy"] is None
    assert rec["major_expense"] == "社会保障"
    # the same word before the block is the header's cell
    rec = _vocab(lines[:4] + ["防災", ""] + lines[4:12])
    assert rec["major_policy"] == "防災"
