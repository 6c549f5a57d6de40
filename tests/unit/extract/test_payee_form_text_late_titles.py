"""pdftotext's real-form text whose block letter and rank 「1」 are written after the block's first row
(kg.extract.payee_form_text._late_first), and form_rows' blocks that another reader left unread taken beside that
reader's rows (with_form_blocks). Paragraphs as pdftotext wrote them for reportlab prints of real-form variants
(tests/fixtures/real_variants.py); values as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.payee_form_text import with_form_blocks
from kg.extract.payee_rows_text import PayeeRow
from tests.unit.extract.test_payee_form_text import END, _paras, _rows

HEADER = ["支出先", "法人番号", "業務概要", "支出額 ( 百万円)", "契約方式等", "入札者数 (応募者数) 落札率"]
REASON = ["一者応札・一者応募又は競争性のない随意契約となっ", "た理由及び改善策 (支出額10億円以上)"]

B_ROWS = ["1", ["富士フイルムビジネスイ", "ノベーション株式会社"], "1401661100235", ["補助事業の実施", "、定期刊行物の"], "2,669",
          "補助金等交付", "-", "-",
          "2", "合同会社野村総合研究所", "2269556139519", ["会議等出席(諸謝", "金)"], "1,986", "随意契約 (少額)", "-", "-"]
# block C: its first row after the table's header cells, with no rank; then 「C」「1」 and the rank 「2」's row
C_ROWS = [*HEADER, "ぎょうせい株式会社", "7490886507358", ["システムの設計", "・開発及び運用", "保守"], "943",
          "随意契約 (その他) -", "-", "C", "1", "--", REASON, "-",
          "2", "日立システムズ(株)", "6513542850037", ["ガイドラインの", "英訳作業"], "616", "補助金等交付", "-", "-"]


def test_a_blocks_letter_and_rank_one_written_after_its_first_row():
    rows = _rows(_paras("B", *HEADER, *B_ROWS, *C_ROWS, "D") + END)
    assert sorted(rows) == [("B", 1), ("B", 2), ("C", 1), ("C", 2)]
    assert (rows[("B", 2)]["name"], rows[("B", 2)]["amount"]) == ("合同会社野村総合研究所", "1,986")
    c1, c2 = rows[("C", 1)], rows[("C", 2)]
    assert (c1["name"], c1["corporate_number"], c1["amount"], c1["contract_method"]) == \
        ("ぎょうせい株式会社", "7490886507358", "943", "随意契約 (その他)")
    assert (c2["name"], c2["corporate_number"], c2["amount"]) == ("日立システムズ(株)", "6513542850037", "616")


def test_a_row_before_a_letter_whose_next_row_is_larger_is_not_its_first():
    # the form ranks a block's payees by amount: a rank 「2」 row above the row before the letter is not that block's
    # rank 2, so the row is not established as the block's first
    later = [p if p != "616" else "1,616" for p in C_ROWS]
    rows = _rows(_paras("B", *HEADER, *B_ROWS, *later, "D") + END)
    assert ("C", 1) not in rows


def _row(block, rank, line, **cells):
    base = dict.fromkeys(("name", "corporate_number", "description", "amount", "contract_method", "bidders",
                          "award_rate"))
    return PayeeRow(block, rank, {**base, **cells}, line, False)


def test_form_rows_blocks_the_other_reader_did_not_read_are_added_when_the_two_agree():
    theirs = [_row("B", 1, 50, name="福岡市", amount="2,659"), _row("D", 1, 90, name="札幌市", amount="918")]
    form = [_row("A", 1, 10, name="NECソリューションイノベータ(株)", amount="3,814"),
            _row("B", 1, 49, name="福岡市", amount="2,659", contract_method="随意契約 (企画競争)"),
            _row("C", 1, 70, name="京都市", amount="308"), _row("D", 1, 88, name="札幌市", amount="918")]
    got = with_form_blocks(theirs, form)
    assert [(r.block, r.rank) for r in got] == [("A", 1), ("B", 1), ("C", 1), ("D", 1)]
    # (a block both read: the other reader's row, with the cell only form_rows reads)
    assert (got[1].line, got[1].cells["amount"], got[1].cells["contract_method"]) == (50, "2,659", "随意契約 (企画競争)")
    # a block both read with a cell read otherwise: which reading places which payee is not established
    other = [_row("B", 1, 50, name="福岡市", amount="2,399"), theirs[1]]
    assert with_form_blocks(other, form) is other
    # a block the form's order reads out of the text's order of the blocks the other reader holds
    late = [form[0]._replace(line=95), *form[1:]]
    assert with_form_blocks(theirs, late) is theirs


def test_ranks_stacked_after_the_first_name_with_the_numbers_cells_of_their_own():
    # reportlab's print: 「1」 and the first name, the ranks 「2」「3」 right after it, then row 1's 法人番号 (a cell of
    # its own) and other cells, rows 2 and 3 with no rank before them
    rows = _rows(_paras("E", REASON, "1", "有限会社TKC", "2", "3", "1122881061630", "実証事業の実施", "3,869",
                        ["一般競争契約 (最", "低価格)"], "2", "42.9%", "-",
                        "国際連合開発計画(UNDP) -", ["ヘルプデスク業", "務、実証事業の", "実施"], "2,786", ["随意契約 (企画競", "争)"],
                        "2", "-", ["株式会社伊藤忠テクノソ", "リューションズ"], "4350215537548", ["システムの設計", "・開発及び運用", "保守"],
                        "2,014", "随意契約 (少額)", "-", "--", "F") + END)
    assert sorted(rows) == [("E", 1), ("E", 2), ("E", 3)]
    e1, e2, e3 = rows[("E", 1)], rows[("E", 2)], rows[("E", 3)]
    assert (e1["name"], e1["corporate_number"], e1["amount"], e1["bidders"]) == \
        ("有限会社TKC", "1122881061630", "3,869", "2")
    assert (e2["name"], e2["corporate_number"], e2["amount"]) == ("国際連合開発計画(UNDP)", None, "2,786")
    assert (e3["name"], e3["corporate_number"], e3["amount"]) == \
        ("株式会社伊藤忠テクノソリューションズ", "4350215537548", "2,014")


def test_rows_whose_tails_are_written_in_a_run_after_them_keep_their_tails_unknown():
    # block A's rows 1..5 with no 契約方式等, then the header cells and a run of tails (three methods), then rank 6;
    # row 6's amount after the 「計」, the 計's amount after its tail
    rows = _rows(_paras("A", "支出先", "法人番号", "業務概要", "支出額 (百 万円)",
                        "1", ["富士フイルムビジネ", "スイノベーション株", "式会社"], "1401661100235", ["タイムスタンプ認", "定制度に関する調", "査"],
                        "1.6", "2", ["有限会社エアクレー", "レン"], "4530017176089", "データ整備及び分析業務", "1.2",
                        "3", ["合同会社野村総合研", "究所"], "2269556139519", "研修の企画運営", "0.6",
                        "4", ["一般財団法人地方自", "治情報センター"], "6624020239146", "実証事業の実施", "0.4",
                        "5", "国際連合開発計画( UNDP)", "-", ["定期刊行物の購読", "、会議等出席(諸謝", "金)"], "0.3",
                        "契約方式等", ["入札者", "数 (応", "募者数)"], "落札率", "-", "--", "-", "-", "-", "--",
                        "一般競争契約 (総合評価)", "4", "45.4%", "-", "一般競争契約 (最低価格)", "4", "91.7%", "-", "随意契約 (その他)",
                        REASON, "6", ["一般財団法人国際協", "力推進協会"], "1881938634263", ["会議等出席(諸謝金", ")、ヘルプデスク業", "務"],
                        "計", "0.2", "一般競争契約 (最低価格)", "6", "95.7%", "4.3", "B") + END)
    assert sorted(rows) == [("A", k) for k in range(1, 7)]
    assert [rows[("A", k)]["amount"] for k in range(1, 7)] == ["1.6", "1.2", "0.6", "0.4", "0.3", "0.2"]
    assert all(rows[("A", k)][c] is None for k in range(1, 7) for c in ("contract_method", "bidders", "award_rate"))
    assert rows[("A", 6)]["corporate_number"] == "1881938634263"


def test_the_one_tail_after_a_row_whose_row_before_ends_at_its_amount_is_unknown():
    # rvho7 rv651 block A: row 7 ends at its amount 「172」 (a figure that reads like a small cell), row 8 has the
    # block's one tail left — row 7's (its 随意契約 (企画競争) and 5), the sheet says: whose it is, unknown
    rows = _rows(_paras("A", *HEADER,
                        "1", ["一般社団法人地域活", "性化センター"], ["9783884543", "269"], "定期刊行物の購読", "373",
                        "随意契約 (その他)", "-", "-",
                        "2", "インテック株式会社", ["3162212653", "661"], ["研修の企画運営、セキ", "ュリティ説明会の開催"], "172",
                        "3", ["国立大学法人京都大", "学"], ["5272809854", "204"], ["システムの設計・開発", "及び運用保守"], "144",
                        "随意契約 (企画競争)", "5", "-", "-", "-") + END)
    assert sorted(rows) == [("A", 1), ("A", 2), ("A", 3)]
    assert (rows[("A", 3)]["amount"], rows[("A", 3)]["contract_method"], rows[("A", 3)]["bidders"]) == \
        ("144", None, None)
    assert rows[("A", 1)]["contract_method"] == "随意契約 (その他)"


def test_a_text_cell_alone_after_a_rank_before_the_next_letter_is_no_name():
    # rvho7 rv641: 「C」「1」 then block C's 業務概要 alone (its name and other cells written elsewhere), then 「D」
    rows = _rows(_paras("B", *HEADER, "1", "職員旅費(職員A)", "-", "機器の賃貸借", "64", "一般競争契約 (総合評価)", "2", "47.2%",
                        *HEADER, "C", "1", ["ガイドライ", "ンの英訳作", "業"], "D", REASON, "-") + END)
    assert rows.get(("C", 1), {}).get("name") is None
    assert rows[("B", 1)]["name"] == "職員旅費(職員A)"


def test_a_run_of_ranks_each_with_one_text_cell_is_the_name_column():
    # rvho9 rv860 (LibreOffice's print): 「D」「1」 name 「2」 name 「E」: the rank and name column written apart from
    # the rows' other cells — but 「J.」「1」 a text cell 「2」 then a name with its 法人番号 (rvho7 rv646): the text cell
    # after 「1」 is no name established (there, its 業務概要)
    rows = _rows(_paras("C", *HEADER, "1", "職員旅費(職員A)", "-", "機器の賃貸借", "64", "一般競争契約 (総合評価)", "2", "47.2%",
                        "D", "法人番号", "1", ["講師謝金(講", "師A)"], "2", ["伊藤忠テク", "ノソリュー", "ションズ株", "式会社"], "E",
                        REASON, "-", *HEADER, "1", ["システムの", "設計・開発", "及び運用保", "守"], "2", ["国立大学法", "人東京大学"],
                        "1598058483954", ["諸外国の動", "向に関する"], "129", "一般競争契約 (最低価格)", "7", "55.5%") + END)
    assert (rows[("D", 1)]["name"], rows[("D", 2)]["name"]) == ("講師謝金(講師A)", "伊藤忠テクノソリューションズ株式会社")
    assert rows.get(("E", 1), {}).get("name") is None
