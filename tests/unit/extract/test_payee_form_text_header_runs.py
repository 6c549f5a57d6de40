"""Blocks of pdftotext's real-form text placed by their runs of header cells (kg.extract.payee_form_text
._with_header_runs) when another producer's print breaks a page inside a block: the header row's last cell (the
理由 header) is written after the page break, among the block's rows, with letters and rank 「1」s of other blocks
— no table starts there. Excerpts shaped as pdftotext wrote the second producer's narrow print of a real-form
variant (tests/fixtures/real_variants.py)."""
from __future__ import annotations

from tests.unit.extract.test_payee_form_text import _paras, _rows

REASON = ["一者応札・一者応募又は競争性", "のない随意契約となった理由及", "び改善策 (支出額10億円以上)"]
HEADER = ["支出先", ["法人番", "号"], "業務概要", ["支出額 (", "百万円)"], "契約方式等", ["入札者 落札率", "数 (応募", "者数)"],
          REASON]


def _blocks(a3_tail):
    return _paras("A", *HEADER,
                  "1", ["公益社団", "法人地方", "自治情報", "センター"], ["653811 研修の企", "082381 画運営", "9"], "42,451",
                  ["随意契約 (", "公募)"], "4", "-", "-",
                  "2", ["有限会社", "柏屋本店"], ["585957 データ整", "846330 備及び分", "5", "析業務"], "14,257",
                  ["一般競争契", "約 (最低価", "格)"], "9", "59%",
                  # block B's letter and rank written here, then the 理由 header after the page break
                  "B", "1", REASON, "--",
                  "3", ["株式会社", "パシフィ", "ックコン", "サルタン", "ツ"], ["118380 機器の賃", "884040 貸借", "6"], *a3_tail,
                  *HEADER, ["講師謝金(", "講師A)"], ["ガイドラ", "インの英", "訳作業"], "44,955", "その他", "-")


def test_header_cells_written_after_a_page_break_go_on_the_block_before():
    rows = _rows(_blocks(["8,149", "-", "-"]))
    assert set(rows) == {("A", 1), ("A", 2), ("A", 3), ("B", 1)}
    a1, a3, b1 = rows[("A", 1)], rows[("A", 3)], rows[("B", 1)]
    assert (a1["name"], a1["corporate_number"], a1["description"], a1["amount"], a1["bidders"]) == \
        ("公益社団法人地方自治情報センター", "6538110823819", "研修の企画運営", "42,451", "4")
    assert (a3["name"], a3["corporate_number"], a3["description"], a3["amount"]) == \
        ("株式会社パシフィックコンサルタンツ", "1183808840406", "機器の賃貸借", "8,149")
    assert (b1["name"], b1["corporate_number"], b1["description"], b1["amount"], b1["contract_method"]) == \
        ("講師謝金(講師A)", None, "ガイドラインの英訳作業", "44,955", "その他")


def test_an_amount_written_after_the_blocks_rows_is_left_unknown():
    """Row 3's amount written after its tail, at the block's end: the block still reads, the amount stays unknown
    (which row lacking one it belongs to, the text does not say)."""
    rows = _rows(_blocks(["-", "-", "8,149"]))
    assert set(rows) == {("A", 1), ("A", 2), ("A", 3), ("B", 1)}
    assert (rows[("A", 3)]["corporate_number"], rows[("A", 3)]["amount"]) == ("1183808840406", None)


def test_a_page_breaks_header_cell_before_rank_1_is_no_block_going_on():
    """The 理由 header then a row ranked 「1」: a table's start (a block starts at rank 1), not joined to the block
    before: its row is no row of block A."""
    rows = _rows(_paras("A", *HEADER, "1", "新潟市", "-", "定期刊行物の購読", "50,352", "-", "-",
                        REASON, "1", "岩手県", "-", "実証事業の実施", "32,088", "-", "-"))
    assert [r["name"] for r in rows.values()] == ["新潟市"]
