"""Figures of pdfminer.six's text of LibreOffice prints of the real form (kg.extract.payee_boxes): a row's amount
written alone before its name, after the row before's right cells (``_figure_lead``), and a block's 計 written
right after its label (``_total_after_label``). Boxes copied from a generated variant's output."""
from __future__ import annotations

from tests.unit.extract.test_payee_boxes import HEADER, _read

# block A of a generated variant (LibreOffice print): rank 2's amount 68 stands after rank 1's 契約方式 and dashes,
# before rank 2's name; rank 4's cells are followed by the block's 計 label and figure
BLOCK_A = ["A.", "1", "2", "3", *HEADER, "Asia Wise法律事務所", "-", "221", "タイムスタンプ認定制度に関する調査", "随意契約(その他)",
           "-", "-", "68", "-", "--", "-", "職員旅費(職員B)", "-", "補助事業の実施、タイムスタンプ認定制度に関する調査、ガイドラインの英訳作業",
           "国立研究開発法人情報通信研究機構", "9832168838720", "25", "セキュリティ説明会の開催", "補助金等交付", "-", "--", "-", "4",
           "宮城県", "8000020040002", "実証事業の実施、会議等出席(諸謝金)", "18", "その他 -", "-", "-", "計", "332"]


def test_an_amount_written_alone_before_its_rows_name_is_that_rows():
    rows = _read(BLOCK_A)
    assert [(k, v["name"], v["amount"]) for k, v in rows.items()] == [
        (("A", 1), "Asia Wise法律事務所", "221"), (("A", 2), "職員旅費(職員B)", "68"),
        (("A", 3), "国立研究開発法人情報通信研究機構", "25"), (("A", 4), "宮城県", "18")]
    assert rows[("A", 1)]["contract_method"] == "随意契約(その他)" and rows[("A", 1)]["bidders"] is None
    assert rows[("A", 2)]["description"] == "補助事業の実施、タイムスタンプ認定制度に関する調査、ガイドラインの英訳作業"
    assert rows[("A", 2)]["contract_method"] is None  # (none of its own in the text)
    assert (rows[("A", 4)]["description"], rows[("A", 4)]["contract_method"]) == ("実証事業の実施、会議等出席(諸謝金)", "その他")


def test_a_figure_right_before_the_next_name_is_not_taken_for_its_amount():
    """「… | 随意契約(その他) | - | - | 68 | 職員旅費(職員B) | …」: no 「-」 between the figure and the name; the figure may be
    the row before's (its 入札者数 written late): no lead, the rows' amounts are not all read and the block is unknown
    in ``checked_by_amounts``; here rank 2's amount stays unread."""
    boxes = [*BLOCK_A]
    at = boxes.index("68")
    del boxes[at + 1:at + 4]
    rows = _read(boxes)
    assert rows.get(("A", 2), {}).get("amount") is None


def test_a_figure_after_a_total_label_smaller_than_the_blocks_amounts_is_kept():
    """A figure after the 計 label smaller than an amount of its block is no 計 (a row's amount written there):
    only a figure no less than every figure since the block's letter is left out."""
    rows = _read([*BLOCK_A[:-1], "17"])
    assert rows.get(("A", 4), {}).get("amount") != "18"


# a generated variant's section (LibreOffice print, pdfminer.six; header boxes left out but the first): block B's two
# payees without a 法人番号 have their names, then their two 「-」, then their cells; the rows after them were doubted
SECTION_B_NAMES_FIRST = [
    "A", "1", "B", "1", "2", "3", "4", *HEADER, "国立研究開発法人情報通信研究機構", "9832168838720",
    "タイムスタンプ認定制度に関する調査、諸外国の動向に関する文書の分析及び要約作業", "24,475", "随意契約 (企画競争)", "4", "-", "計",
    "24,475", "国際連合開発計画(UNDP)", "個人(B)", "-", "-", "11,007", "諸外国の動向に関する文書の分析及び要約作業", "普及啓発コンテンツの作成",
    "4,214", "その他", "-", "-", "一般財団法人地方自治情報センター", "6624020239146", "定期刊行物の購読、ヘルプデスク業務", "2,164",
    "随意契約 (少額)", "-", "特定非営利活動法人日本規格協会", "8333428900229", "視察(旅費の支払)", "1,714", "随意契約 (少額)", "-", "-",
    "--", "--", "--", "--", "C", "1", "D", "1", "2", "計", "19,099", "一般財団法人日本情報システム・ユーザー協会", "5567726184720",
    "普及啓発コンテンツの作成", "16,976", "随意契約 (少額)", "-", "-", "計", "16,976", "富士通Japan株式会社 58808250120", "60",
    "システムの設計・開発及び運用保守", "5,795", "随意契約 (公募)", "5", "-", "-", "合同会社日立システムズ", "9550028598595",
    "ガイドラインの英訳作業、会議等出席(諸謝金)、タイムスタンプ認定制度に関する調査", "2,138", "一般競争契約 (最低価格)", "2", "55%", "計",
    "7,933", "E", "1", "三菱総合研究所株式会社", "8231867993342", "システムの設計・開発及び運用保守", "22,494", "その他", "-", "--", "-",
    "計", "22,494"]


def test_rows_doubted_after_a_row_without_its_own_cells_are_placed_by_the_amount_in_their_boxes():
    """Eight rows anchored for nine ranks (block B's two names share the 「-」 anchors): the rows are placed by the
    section's amounts (the 計 beside their labels left out, nine amounts for nine ranks). The rows after B's first
    two, doubted because the row before read no cells, each hold one amount in their own boxes and the row before
    holds its own: their cells are theirs. B1 and B2 keep their amounts alone (their names are not placed)."""
    rows = _read(SECTION_B_NAMES_FIRST)
    assert [(k, v.get("corporate_number"), v["amount"]) for k, v in rows.items()] == [
        (("A", 1), "9832168838720", "24,475"), (("B", 1), None, "11,007"), (("B", 2), None, "4,214"),
        (("B", 3), "6624020239146", "2,164"), (("B", 4), "8333428900229", "1,714"), (("C", 1), "5567726184720", "16,976"),
        (("D", 1), "5880825012060", "5,795"), (("D", 2), "9550028598595", "2,138"), (("E", 1), "8231867993342", "22,494")]
    assert (rows[("B", 3)]["description"], rows[("B", 3)]["contract_method"]) == ("定期刊行物の購読、ヘルプデスク業務", "随意契約 (少額)")
    assert rows[("B", 1)] == {"amount": "11,007"}


def test_blocks_placed_by_amounts_alone_must_add_up_to_a_labelled_total():
    """A block holding a row placed by its amount alone is kept only when its amounts add up to a 計 printed beside
    its label, each 計 one block's (the count of amounts may match the ranks by chance): 613, block G's 計 and its
    one row's amount, given to block H's rank 1 too, is G's; block A's 221 + 68 adds up to its 289."""
    from kg.extract.payee_boxes import _amounts_only_totalled
    from kg.extract.payee_rows_text import PayeeRow

    rows = [PayeeRow("A", 1, {"name": "青森県", "corporate_number": "2000020020001", "amount": "221"}, 1, False),
            PayeeRow("A", 2, {"amount": "68"}, 2, False),
            PayeeRow("G", 1, {"name": "職員旅費(職員A)", "corporate_number": None, "amount": "613"}, 3, False),
            PayeeRow("H", 1, {"amount": "613"}, 4, False)]
    notes: list = []
    got = _amounts_only_totalled(rows, [289.0, 613.0, 3948.0], notes)  # (G's 計 is G's: none left for H)
    assert [(r.block, r.rank) for r in got] == [("A", 1), ("A", 2), ("G", 1)] and "block H" in notes[-1][1]
    got = _amounts_only_totalled(rows, [289.0, 613.0, 613.0], [])
    assert [(r.block, r.rank) for r in got] == [("A", 1), ("A", 2), ("G", 1), ("H", 1)]
    assert [(r.block, r.rank) for r in _amounts_only_totalled(rows, [3948.0, 613.0], [])] == [("G", 1)]
    # a block of one row whose amount is no labelled 計 (「name | 法人番号 | 2 | name」: a rank read as its amount)
    one = [PayeeRow("A", 1, {"name": "建設技術研究所株式会社", "corporate_number": "7487913125106", "amount": "2"}, 1, False)]
    assert _amounts_only_totalled(one, [2833.0, 1318.0], []) == []
    assert _amounts_only_totalled(one, [2.0], []) == one
    assert _amounts_only_totalled(rows, [], []) == rows  # (no 計 beside a label: as they are)
