"""pdfminer.six's text of prints of the real form (kg.extract.payee_boxes): names stacked before as many 法人番号 with
no name of their own (_stack_fits), a text box before a 「-」 that may be a 業務概要 (_name_after_figure), a block's
計 left among the amounts with its label written elsewhere (_sums_doubted). Boxes as pdfminer.six wrote them for
generated variants of the real form (names replaced)."""
from __future__ import annotations

from kg.extract.payee_boxes import _sums_doubted, checked_by_amounts, payee_boxes
from kg.extract.review_text import payee_section_cells
from kg.normalize.text import nfkc_lines

HEADER = ["支出先", "法人番号", "業務概要", "支出額 (百万円)", "契約方式等", "入札者数 (応\n募者数)", "落札率",
          "一者応札・一者応募又は競争性のない随意\n契約となった理由及び改善策 (支出額10億\n円以上)"]


def _read(boxes: list[str]) -> dict:
    lines = ["### 支出先上位10者リスト", ""]
    for b in boxes:
        lines += [*b.split("\n"), ""]
    got = payee_boxes(payee_section_cells(nfkc_lines(lines), 1), [], 1, lines) or []
    return {(r.block, r.rank): r.cells for r in checked_by_amounts(got, [])}


# A1 named before its 法人番号; then three names and three 法人番号 with no name of their own; A1's 業務概要 after them
STACKED = ["A.", "1", "2", "3", "4", "B.", "1", *HEADER,
           "合同会社甲", "2116047512205", "一般財団法人乙協会", "丙(株)", "有限会社丁", "9266324138735", "1585448479973",
           "1332419178990", "視察(旅費の支払)", "10,947", "補助金等交付", "-", "-", "コンテンツの作成 8,469",
           "一般競争契約 (最低価格) 6", "87.5%", "機器の賃貸借", "5,874", "随意契約 (企画競争)", "文書の分析及び要約作業",
           "4,988", "随意契約 (少額)", "-", "5", "-", "-", "戊株式会社", "5626149429367", "定期刊行物の購読", "2,231",
           "随意契約 (企画競争)", "2", "-"]


def test_names_stacked_before_as_many_numbers_are_not_shifted_by_a_description_taken_from_them():
    rows = _read(STACKED)
    # (the first taken for A1's 業務概要, A2 got 「丙(株)」, A3 「有限会社丁」: each a row off)
    assert rows[("A", 1)]["corporate_number"] == "2116047512205" and rows[("A", 1)].get("description") is None
    assert rows[("A", 2)].get("name") in (None, "一般財団法人乙協会")
    assert rows[("A", 3)].get("name") in (None, "丙(株)")
    assert [rows[("A", n)]["amount"] for n in (1, 2, 3, 4)] == ["10,947", "8,469", "5,874", "4,988"]
    assert rows[("B", 1)]["name"] == "戊株式会社" and rows[("B", 1)]["amount"] == "2,231"


def test_a_figure_that_is_the_sum_of_the_falling_amounts_before_it_may_be_a_total():
    sure = list(enumerate(["30,211", "28,749", "14,298", "28,311", "28,311", "42,234", "16,434", "58,668", "13,932"]))
    kept, doubt = _sums_doubted(sure, [(20, "28,737")])
    assert [f for _, f in kept] == ["30,211", "28,749", "14,298", "28,311", "42,234", "16,434", "13,932"]
    assert doubt == [(4, "28,311"), (7, "58,668"), (20, "28,737")]
    # (a rise is no block's 計: 14,298 + 28,749 is not looked for after 30,211's block fell; 0.6 after 0.3 | 0.3 is one)
    kept, doubt = _sums_doubted(list(enumerate(["5", "9", "14"])), [])
    assert [f for _, f in kept] == ["5", "9", "14"] and not doubt
    kept, doubt = _sums_doubted(list(enumerate(["0.3", "0.3", "0.6"])), [])
    assert [f for _, f in doubt] == ["0.3", "0.6"]


# block A: A2's amount then 業務概要 after its 法人番号, then a payee with no 法人番号 written 「name | amount | 業務概要 | -」
AFTER_FIGURE = ["A.", "1", "2", "3", "4", "5", *HEADER,
                "株式会社甲", "5160902140014", "調査", "22,392", "その他",
                "合同会社乙", "2116047512205", "7,498", "研修の企画運営、文書の分析", "-",
                "有限会社丙・丁株式会社共同企業体", "7,135", "文書の分析及び要約作業", "-", "-",
                "3471371680260", "補助事業の実施", "2,282", "随意契約(その他)", "-",
                "公益社団法人戊協会", "1,017", "随意契約(公募)", "3", "2162759725906", "己合同会社", "説明会の開催"]


def test_a_text_box_before_a_dash_right_after_a_figure_after_another_text_box_is_no_established_name():
    rows = _read(AFTER_FIGURE)
    # (taken as the name, 「文書の分析及び要約作業」, the row's 業務概要, was A3's name)
    assert all(r.get("name") != "文書の分析及び要約作業" for r in rows.values())
    assert rows[("A", 1)]["name"] == "株式会社甲" and rows[("A", 1)]["amount"] == "22,392"
