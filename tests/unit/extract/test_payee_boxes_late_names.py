"""Names pdfminer.six wrote after their rows' cells (kg.extract.payee_boxes._loose_name, _name_due_late): a row
anchored at a 法人番号 with no name before it has its name written late, after its cells; a text box there is not the
name of a payee with no 法人番号 of its own (a loose row), or every row after it is counted a rank off. Boxes as
pdfminer.six wrote them for a generated variant of the real form printed by LibreOffice (names replaced)."""
from __future__ import annotations

from kg.extract.payee_boxes import _anchors, _kind, checked_by_amounts, payee_boxes
from kg.extract.review_text import payee_section_cells
from kg.normalize.text import nfkc_lines

HEADER = ["支出先", "法人番号", "業務概要", "支出額 (百万円)", "契約方式等", "入札者数 (応\n募者数)", "落札率",
          "一者応札・一者応募又は競争性のない随意\n契約となった理由及び改善策 (支出額10億\n円以上)"]


def _read(boxes: list[str], notes: list) -> dict:
    lines = ["### 支出先上位10者リスト", ""]
    for b in boxes:
        lines += [*b.split("\n"), ""]
    got = payee_boxes(payee_section_cells(nfkc_lines(lines), 1), notes, 1, lines) or []
    return {(r.block, r.rank): r.cells for r in checked_by_amounts(got, [])}


# block A: 4 ranks, a payee with no 法人番号 whose 「-」 stands before its name after the row before's cells (no anchor
# of its own); block B: its first two rows at a 法人番号 with no name before it, their names written after the second
# row's cells (「- | 甲協会 | 乙ソリューションズ | 1,499」), the third row's name after its 「-」
SECTION = [
    "A.", "1", "2", *HEADER,
    "有限会社甲", "3390109712155", "606", "機器の賃貸借", "4", "-", "随意契約(企画競争)",
    "-", "Alpha Partners LLP", "研修の企画運営", "17", "その他 -", "--",
    "3249670437519", "視察(旅費の支払)", "16", "随意契約(公募)", "2", "-", "-",
    "国立研究開発法人丙研究所", "-", "丁法律事務所", "7.3", "認定制度に関する調査", "1", "68%",
    "一般競争契約 (総合評価)", "3", "4",
    "B.", *HEADER,
    "5406797688708", "ヘルプデスク業務", "1,715", "随意契約(公募)", "4", "-",
    "2688416825837", "1,556", "説明会の開催", "随意契約(少額)", "-", "--", "-",
    "公益社団法人甲協会", "(株)乙ソリューションズ", "1,499", "随意契約(公募)", "1", "-",
    "ヘルプデスク業務、会議等出席(諸謝金)", "-", "戊(株)・己合同会社共同企業体", "1,077", "その他 -", "--",
    "7429317994908", "一般社団法人庚協会", "コンテンツの作成、文書の分析及び要約作業", "-",
    "Beta Partners LLP", "コンテンツの作成、説明会の開催", "581", "3", "-", "随意契約(企画競争)",
    "1", "2", "3", "4", "5",
]


def test_a_text_box_after_the_cells_of_a_row_with_no_name_before_its_number_is_no_row_of_its_own():
    notes: list = []
    rows = _read(SECTION, notes)
    # (read as a row of its own, 「公益社団法人甲協会」 made B1 the second row: B1 2688416825837 1,556, B2 1,499, …)
    assert rows[("B", 1)].get("corporate_number") in (None, "5406797688708")
    assert rows[("B", 1)]["amount"] == "1,715" and rows[("B", 2)]["amount"] == "1,556"
    assert [rows[("B", n)]["amount"] for n in (3, 4, 5)] == ["1,499", "1,077", "581"]
    assert rows[("B", 2)].get("name") in (None, "(株)乙ソリューションズ")
    assert rows[("A", 2)]["name"] == "Alpha Partners LLP" and rows[("A", 2)]["amount"] == "17"
    assert notes  # (the rows not read are said to be unknown)


def _boxes(texts: list[str]) -> list[tuple[str, str, int]]:
    return [(_kind(t), t, n + 1) for n, t in enumerate(texts)]


def test_a_name_after_a_rows_late_names_is_a_row_of_its_own():
    # the row at 5521401399823 has no name before its number, but two text boxes after its cells (its name and the row
    # before's, written late): the text box after the next amount is the name of a payee with no 法人番号 (its 「-」
    # written before it)
    texts = ["E", "2688416825837", "データ整備及び分析業務", "225", "随意契約(公募)", "2", "-", "-", "5521401399823",
             "コンテンツの作成", "69", "-", "-", "-", "(株)乙ソリューションズ", "公益財団法人辛協会", "584", "1", "2",
             "3", "F", "1", "-", "壬合同会社・癸株式会社共同企業体", "実証事業の実施、機器の賃貸借", "210", "補助金等交付",
             "-", "-"]
    run = {0, 17, 18, 19, 20, 21}
    assert 23 in _anchors(_boxes(texts), run, loose=2)
    late = texts[:14] + ["-", "壬合同会社・癸株式会社共同企業体", "実証事業の実施、機器の賃貸借", "210", "補助金等交付", "-"]
    assert 15 not in _anchors(_boxes(late), {0}, loose=2)  # (right after the row's cells: its name, maybe)
