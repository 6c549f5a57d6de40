"""Payee rows of pdfminer.six's text of the real ruled form (kg.extract.payee_boxes) where a row's own boxes do not
give its cells: amounts written as a column run after the last of several rows (and the block's 計 after them),
ranks written after a row's figure, a name box holding its 「-」 or its 法人番号 and 業務概要. Boxes as pdfminer.six
wrote them for real-form variants (tests/fixtures/real_variants.py), the values as each variant's .xlsx holds them."""
from __future__ import annotations

from kg.extract.payee_boxes import checked_by_amounts, payee_boxes
from kg.extract.review_text import payee_section_cells
from kg.normalize.text import nfkc_lines


def _read(boxes: list[str], notes: list | None = None) -> dict:
    lines = ["### 支出先上位10者リスト", ""]
    for b in boxes:
        lines += [*b.split("\n"), ""]
    L = nfkc_lines(lines)
    notes = notes if notes is not None else []
    got = payee_boxes(payee_section_cells(L, 1), notes, 1, lines)
    return {(r.block, r.rank): r.cells for r in checked_by_amounts(got or [], notes)}


def test_amounts_written_as_a_column_run_after_the_last_row_and_the_blocks_total():
    """Variant 22: the first row's boxes hold its 業務概要 only; its amount, the second row's and the block's 計
    (82 = 52 + 30) follow the second row's 業務概要, then both rows' 契約方式."""
    rows = _read(["A", "1", "2", "横浜市", "3000020141003", "視察(旅費の支払)", "株式会社インテック", "5626149429367",
                  "機器の賃貸借、補助事業\nの実施", "52", "30", "82", "随意契約 (その他)", "随意契約 (その他)",
                  "-", "-", "--", "--"])
    assert (rows[("A", 1)]["corporate_number"], rows[("A", 1)]["amount"]) == ("3000020141003", "52")
    assert (rows[("A", 2)]["corporate_number"], rows[("A", 2)]["amount"]) == ("5626149429367", "30")


def test_a_column_run_of_fewer_figures_than_rows_gives_no_amount():
    """One figure after two rows' 業務概要: whose it is is not established (the other row's is not in the text),
    so the block's amounts do not all read and its rows are left out, with a note."""
    notes: list = []
    rows = _read(["A", "1", "2", "横浜市", "3000020141003", "視察(旅費の支払)", "株式会社インテック", "5626149429367",
                  "機器の賃貸借、補助事業\nの実施", "52", "随意契約 (その他)", "随意契約 (その他)", "-", "-"], notes)
    assert rows == {}
    assert any("block A" in m and "not checked" in m for _, m in notes)


def test_ranks_written_after_a_rows_figure_right_before_the_next_letter_are_the_runs():
    """Variant 17: block B's ranks 「1」「2」 stand after its last row's amount, right before C's letter."""
    rows = _read(["A.", "1", "特定非営利活動法人地域活性化センター", "6652386792274", "研修の企画運営", "30", "随意契約 (公募)",
                  "B", "合同会社OCS", "7154320714217", "会議等出席(諸謝金)", "25", "随意契約 (その他)",
                  "有限会社KDDI", "3757442493908", "ヘルプデスク業務", "20", "1", "2", "C", "1",
                  "那覇市", "3000020472018", "機器の賃貸借", "10", "その他"])
    assert rows[("B", 2)]["corporate_number"] == "3757442493908" and rows[("B", 2)]["amount"] == "20"
    assert rows[("C", 1)]["corporate_number"] == "3000020472018" and rows[("C", 1)]["amount"] == "10"


def test_a_name_box_ending_in_its_dash_is_a_row_without_a_number():
    """Variant 14: 「PricewaterhouseCoopers LLP -」, the name and its 「-」 法人番号 in one box."""
    rows = _read(["A", "1", "2", "PricewaterhouseCoopers LLP -", "データ整備及び分析業務", "1,327", "随意契約 (少額)",
                  "-", "--", "株式会社丸紅", "4928654336842", "実証事業の実施", "1,224", "その他"])
    assert rows[("A", 1)]["name"] == "PricewaterhouseCoopers LLP" and rows[("A", 1)]["corporate_number"] is None
    assert rows[("A", 1)]["amount"] == "1,327"
    assert rows[("A", 2)]["corporate_number"] == "4928654336842"


def test_a_box_of_name_number_and_description_is_split():
    """Variant 29: 「一般財団法人国際協力推進協会 1881938634263 ガイドラインの英訳作業 2.9」 was a 法人番号 in no row's
    box, which gave up the whole list."""
    rows = _read(["A", "1", "2", "北海道", "7000020010006", "セキュリティ説明会の開催", "24", "その他",
                  "一般財団法人国際協力推進協会 1881938634263 ガイドラインの英訳作業 2.9", "随意契約 (少額)", "-"])
    a2 = rows[("A", 2)]
    assert (a2["name"], a2["corporate_number"], a2["amount"]) == ("一般財団法人国際協力推進協会", "1881938634263", "2.9")
    assert a2["description"] == "ガイドラインの英訳作業"


def test_cells_of_rows_after_one_that_did_not_read_are_kept_when_each_amount_is_in_its_own_boxes():
    """Variant 14: the first row's boxes hold two 契約方式 (it does not read), so the rows after it were left
    without cells (the row before's might stand in their boxes); each row's amount standing in its own boxes shows
    none does. 入札者数 and 落札率 stay unknown."""
    rows = _read(["A", "1", "2", "3",
                  "伊藤忠テクノソリューションズ(株)", "2262651923037", "補助事業の実施", "412", "随意契約 (企画競争)",
                  "随意契約 (公募)", "-",
                  "職員旅費(職員A)", "-", "普及啓発コンテンツの作成", "280", "一般競争契約 (総合評価)", "3", "99.8%",
                  "株式会社NECソリューションイノベータ", "7257690725224", "諸外国の動向に関する文書の分析及び要約作業", "96",
                  "一般競争契約 (最低価格)", "9", "62.6%", "-"])
    assert rows[("A", 1)]["amount"] == "412" and rows[("A", 1)].get("contract_method") is None
    a2, a3 = rows[("A", 2)], rows[("A", 3)]
    assert (a2["name"], a2["amount"], a2["contract_method"]) == ("職員旅費(職員A)", "280", "一般競争契約 (総合評価)")
    assert a2["description"] == "普及啓発コンテンツの作成" and a2.get("bidders") is None
    assert (a3["corporate_number"], a3["amount"], a3["contract_method"]) == ("7257690725224", "96", "一般競争契約 (最低価格)")


def test_a_name_read_with_a_wraps_space_by_one_reader_agrees_with_the_other():
    """pdftotext's text of variant 25: the box reader keeps a wrap's space (「株式会 社」) the row reader does not;
    the two readings agree, so the row stands (it was unknown, 'read otherwise')."""
    from kg.extract.payee_boxes import with_boxes
    from kg.extract.payee_rows_text import PayeeRow

    theirs = [PayeeRow("A", 2, {"name": "合同会社日本工営・株式会社ソフトバンク共同企業体", "corporate_number": None,
                                "amount": "13,117"}, 771, False)]
    mine = [PayeeRow("A", 2, {"name": "合同会社日本工営・株式会 社ソフトバンク共同企業体", "corporate_number": None,
                              "amount": "13,117"}, 771, False)]
    notes: list = []
    got = with_boxes(theirs, mine, notes, 1)
    assert [(r.block, r.rank, r.cells["amount"]) for r in got] == [("A", 2, "13,117")] and not notes
    assert got[0].cells["name"] == "合同会社日本工営・株式会社ソフトバンク共同企業体"


def test_a_figure_after_the_description_of_a_row_whose_amount_came_first_is_no_amount():
    """Variant 13: 「京都市 | 2000020261009 | 0.3 | 利用者の…調査 | 7 | 一般競争契約 | 4 | 一般競争契約 …」: the row's
    amount 0.3 stands before its 業務概要; the 7 after it is an 入札者数, not a second amount."""
    rows = _read(["A", "1", "2", "職員旅費(職員B)", "-", "ガイドラインの英訳作業", "0.7", "随意契約 (少額)",
                  "京都市", "2000020261009", "0.3", "利用者の基本的な権利の保障の在り方を巡る諸外国の法制度・実態の調査",
                  "7", "一般競争契約 (最低価格)", "4", "一般競争契約 (総合評価)", "92.8%", "57.4%", "-", "-"])
    assert (rows[("A", 2)]["corporate_number"], rows[("A", 2)]["amount"]) == ("2000020261009", "0.3")


def test_a_rank_after_a_box_of_amount_and_contract_before_a_name_is_the_runs():
    """Variant 1: 「4,085 補助金等交付 - | 3 | 神奈川県 | 1000020140007」: rank 3 stands among the rows, after the row
    before's amount-and-契約方式 box, right before its row's name."""
    rows = _read(["A", "1", "2", "TKC(株)", "2372150301626", "会議等出席(諸謝金)", "5,331", "随意契約 (その他)", "-", "-",
                  "ソフトバンク株式会社", "1441658521224", "普及啓発コンテンツの作成", "4,085 補助金等交付 -", "3",
                  "神奈川県", "1000020140007", "3,237 その他", "データ整備及び分析業務"])
    assert (rows[("A", 2)]["corporate_number"], rows[("A", 2)]["amount"]) == ("1441658521224", "4,085")
    assert (rows[("A", 3)]["corporate_number"], rows[("A", 3)]["amount"]) == ("1000020140007", "3,237")


def test_a_figure_before_the_first_row_keeps_its_blocks_amounts_from_being_pooled():
    """Variant rv1220 (reportlab, narrow cells, pdfminer.six's boxes as written): the first row's amount 738 and its
    right cells stand after the run, before its 法人番号; each later amount follows the next row's 業務概要, the names
    come after. Pooled in order, every row took the next one's amount (697 for rank 1, and rank 7 a 入札者数 「5」):
    the block is now unknown, with a note (the section is: three names stand before one 法人番号 after a figure and
    its 契約方式, so which row is at which rank is not established — the counted reading took a 業務概要 for rank 2's
    name)."""
    notes: list = []
    rows = _read(["A."] + BOXES_RV1220, notes)
    assert not any(r.get("amount") is not None for k, r in rows.items() if k[0] == "A")
    assert any("block A" in m or "the payees are unknown" in m for _, m in notes)
    assert not any(r.get("name", "").startswith("視察") for r in rows.values() if r.get("name"))


BOXES_RV1220 = ['1', '2', '3', '4', '5', '6', '7', '738', '-', '--', '-', '516090\n214001\n4', '視察(旅費の支\n払)、タイムス\nタンプ認定制\n度に関する調\n査、機器の賃\n貸借', '216275\n972590\n6', '機器の賃貸借\n、ヘルプデス\nク業務', '697', '随意契\n約 (公募)', '3', '-', 'エヌ・\nティ・\nティ・\nデータ\n経営研\n究所株\n式会社', '合同会\n社UQコ\nミュニ\nケーシ\nョンズ', '(株)野村\n総合研\n究所', '299833\n489273\n8', '機器の賃貸借 641', '随意契\n約 (少額)', '-', '--', '-', '819227\n814733\n5', 'ヘルプデスク\n業務', '266', 'その他 -', '-', '有限会\n社エヌ\n・ティ\n・ティ\n・デー\nタ経営\n研究所', '合同会\n社OCS', '715432\n071421\n7', '256', '普及啓発コン\nテンツの作成\n、研修の企画\n運営、システ\nムの設計・開\n発及び運用保\n守', '7', '49%', '-', '一般競\n争契約 (\n最低価\n格)', '仙台市 800002\n004100\n9', '研修の企画運\n営', '229', '736507\n879107\n0', '研修の企画運\n営', '179', '特定非\n営利活\n動法人\n地方自\n治情報\nセンタ\nー', '5', '-', '一般競\n争契約 (\n最低価\n格)', '随意契\n約 (その\n他)', '50.2%', '--', '-']
