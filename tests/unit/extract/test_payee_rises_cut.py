"""A block's payee rows whose amounts rise down the ranks (kg.extract.review_pdf._rises_cut): the form ranks a
block's payees by amount, so the rows from the rise on are not established as the block's — cut, with a note.
Excerpt shaped as pdftotext wrote LibreOffice's print of a real-form variant (tests/fixtures/real_variants.py,
variant 1309's blocks A to C): block B's row 1 入札者数 「2」 read as the next rank, then block C's row as B's second."""
from __future__ import annotations

from kg.extract.payee_form_text import form_rows
from kg.extract.review_pdf import _rises_cut
from tests.unit.extract.test_payee_form_text import _paras

HDR = ["支出先", "業務概要", "支出額 (百万円)", "契約方式等", ["入札者数 (応 落札率", "募者数)"]]
REASON = ["一者応札・一者応募又は競争性のない随意契約となった理由", "及び改善策 (支出額10億円以上)"]


def _section(c_amount: str) -> list[str]:
    return ["支出先上位10者リスト", "", *_paras(
        "A.", "1", *HDR, "法人番号", ["一般社団法人地方自 2361409260591", "治情報センター"],
        ["システムの設計", "・開発及び運用", "保守"], "980", "随意契約 (その他)", "-", "-", "-",
        *HDR, "B", "1", "法人番号", ["国立大学法人京都大 5272809854204", "学"], "ヘルプデスク業務 307",
        "一般競争契約 (最低価格)", "2",
        "支出先", "法人番号", *HDR[1:], "横浜市", "3000020141003",
        ["タイムスタンプ", "認定制度に関す", "る調査、セキュ", "リティ説明会の", "開催"], c_amount, "随意契約 (公募)", "1",
        REASON, "61.6%", "C", "1", "-")]


def test_a_row_whose_amount_rises_above_the_rank_before_is_cut_from_the_block():
    rows = form_rows(_section("507"), 1, [])
    assert ("B", 2, "3000020141003") in {(r.block, r.rank, r.cells["corporate_number"]) for r in rows}
    notes: list = []
    kept = {(r.block, r.rank): r.cells for r in _rises_cut(rows, notes)}
    assert set(kept) == {("A", 1), ("B", 1)}
    assert (kept[("B", 1)]["corporate_number"], kept[("B", 1)]["amount"]) == ("5272809854204", "307")
    assert kept[("A", 1)]["amount"] == "980"
    assert "block B rank 2" in notes[0][1]


def test_amounts_falling_down_the_ranks_are_kept():
    rows = form_rows(_section("207"), 1, [])
    notes: list = []
    kept = {(r.block, r.rank): r.cells for r in _rises_cut(rows, notes)}
    assert (kept[("B", 2)]["name"], kept[("B", 2)]["amount"]) == ("横浜市", "207")
    assert notes == []
