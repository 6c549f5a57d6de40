"""Rows of one block pdftotext wrote across the form's header cells (kg.extract.payee_form_text._ranked,
_stacked_ranks): the next rank 「2」 written right after row 1's name and before the header cells, row 1's cells after
them (held-out variant 1314 rl pdftotext block A: 「1」「ぎょうせい(株)」「2」「業務概要」 … 「5904550885 機器の賃貸」),
and a header cell between two rows where a page breaks (「-」「一者応札・一者応募又は競争性のない…」「5」): the rows go on."""
from __future__ import annotations

from kg.extract.payee_form_text import form_letters
from tests.unit.extract.test_payee_form_text import END, _paras, _rows

REASON = ["一者応札・一者応募又は競争性のない随意契約となった理由及び改", "善策 (支出額10億円以上)"]


def _block(between: list) -> list[str]:
    return _paras("A.", "支出先", "法人番号", "1", ["ぎょう", "せい(株)"], "2", "業務概要", ["支出額 (", "百万円)"],
                  ["契約方式", "等"], ["入札", "者数 (", "応募", "者数)"], ["落札", "率"],
                  ["5904550885 機器の賃貸", "851", "借"], "207", ["一般競争", "契約 (総合", "評価)"], "3", "62.7%",
                  ["(株)建設", "技術研", "究所"], ["2289606087 利用者の基", "749", "本的な権利"], "153",
                  ["随意契約 (", "その他)"], "-", "--", "-",
                  "3", ["地方公", "共団体", "情報シ", "ステム", "機構"], ["8725162049 ヘルプデス", "967", "ク業務"], "86",
                  ["随意契約 (", "その他)"], "-", "--", "-", *between,
                  "4", ["株式会", "社日本", "工営"], ["5952324475 ガイドライ", "061", "ンの英訳作"], "37",
                  ["随意契約 (", "少額)"], "-", "--", "-", "計", "483", "B.") + END


def test_the_next_rank_before_the_header_cells_and_a_header_cell_between_rows():
    rows = _rows(_block([REASON]))
    assert [rows[("A", k)]["amount"] for k in (1, 2, 3, 4)] == ["207", "153", "86", "37"]
    a1, a2, a4 = rows[("A", 1)], rows[("A", 2)], rows[("A", 4)]
    assert (a1["name"], a1["corporate_number"], a1["bidders"], a1["award_rate"]) == \
        ("ぎょうせい(株)", "5904550885851", "3", "62.7%")
    assert (a2["name"], a2["corporate_number"]) == ("(株)建設技術研究所", "2289606087749")
    assert (a4["name"], a4["corporate_number"]) == ("株式会社日本工営", "5952324475061")


def test_header_cells_then_rank_one_are_another_table_not_the_rows_going_on():
    # (the header cells then 「1」: a table of its own, whose rows are never block A's ranks 4 on)
    text = "\n".join(_block([REASON, "支出先", "法人番号", "1"])).replace("\n4\n", "\n")
    rows = _rows(text.split("\n"))
    assert not any(block == "A" and rank >= 4 for block, rank in rows)


def test_the_letters_written_alone_are_the_sections_blocks():
    # (held-out variant 1013 LO pdftotext: 「A」 … 「B」 … 「C」「1」 … 「D」 … 「E」「F」 … 「G」 … 「H」 with no dots, so no block
    # title is found; blocks B, C and E–H read no row: their letters say the blocks are there, unknown)
    lines = ["支出先上位10者リスト", "", *_paras("A", "1", "支出先", "株式会社OCS", "B", "1,063", "C", "1", "-", "D",
                                         "個人(A)", "E", "F", "61.6%", "G", "H", "1", "42%")]
    assert form_letters(lines, 1) == list("ABCDEFGH")
    assert form_letters(lines[:-8] + _paras("J"), 1) == []  # (「J」 after 「F」: no run of the form's letters)
