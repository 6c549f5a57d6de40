"""A payee block's 計 row (the real form prints one under every 支出先上位10者リスト block: the sum of the block's
支出額) is neither a payee nor an amount, in every reader: Excel text, pdfplumber's row-per-line text and
pdftotext's paragraph-per-cell text."""
from __future__ import annotations

from kg.extract.payee_rows_text import payee_rows
from kg.extract.review_text import payee_paragraphs
from tests.unit.extract.test_payee_paragraphs import paragraphs
from tests.unit.extract.test_review_excel import S000, codes, idx, run, seed

FUJITSU, NEC, KYOTO = "1020001071491", "7010401022916", "2000020261009"  # real 法人番号


def test_excel_text_total_row_ends_the_block_and_is_no_payee():
    lines = seed(S000)
    before = run(lines)
    for letter in ("A", "B", "C"):  # a 計 row under each block (0.2 + 0.2 + 0 for block C)
        head = idx(lines, "支出先\t法人番号", idx(lines, letter, idx(lines, "支出先上位10者リスト")))
        end = head + 1
        while end < len(lines) and lines[end].split("\t")[0].strip().isdigit():
            end += 1
        total = sum(p["amount"] for p in before["payees"] if p["block"] == letter)
        lines.insert(end, f"\t計\t\t\t{total:g}\t\t\t\t")
    after = run(lines)
    assert after["payees"] == before["payees"]
    assert len([p for p in after["payees"] if p["block"] == "C"]) == 3
    assert not {"payee_rank_missing", "payee_rank_over_10"} & set(codes(after))


def test_row_style_total_line_is_no_row_and_no_piece_of_one():
    # pdfplumber: 「計 1,345」 under the last row must not be taken as a wrapped piece of that row's cells
    lines = ["支出先上位10者リスト", "A.民間企業", "支出先 法人番号 業務概要 支出額(百万円) 契約方式等 入札者数(応募者数) 落札率",
             f"1 富士通株式会社 {FUJITSU} 調査研究の請負 1,250 随意契約(公募) 2 91%",
             f"2 京都市 {KYOTO} 補助事業の実施 95 補助金等交付 - -", "計 1,345", "B.研究機関",
             f"1 日本電気株式会社 {NEC} 機器の賃貸借 7 その他 - -", "計 7"]
    rows = payee_rows(lines, 1)
    assert [(r.block, r.rank, r.cells["name"], r.cells["amount"], r.cells["contract_method"]) for r in rows] == [
        ("A", 1, "富士通株式会社", "1,250", "随意契約(公募)"), ("A", 2, "京都市", "95", "補助金等交付"),
        ("B", 1, "日本電気株式会社", "7", "その他")]


def test_paragraph_total_label_and_its_figure_written_apart_are_skipped_by_the_sum():
    # pdftotext: 「計」 between the last row's 業務概要 and its amount, the figure (1,345) after its 落札率
    rows = payee_paragraphs(paragraphs(
        "A.民間企業", "1 富士通株式会社", FUJITSU, "調査研究の請負", "1,250 随意契約(公募)", "2", "91%",
        "2 京都市", KYOTO, "補助事業の実施", "計", "95 補助金等交付", "-", "-", "1,345",
        "B.研究機関", "1 日本電気株式会社", NEC, "機器の賃貸借", "7 その他", "-", "-"), 1, [])
    assert [(r.block, r.rank, r.cells["corporate_number"], r.cells["amount"]) for r in rows] == [
        ("A", 1, FUJITSU, "1,250"), ("A", 2, KYOTO, "95"), ("B", 1, NEC, "7")]


def test_paragraph_figure_that_is_not_the_sum_is_not_skipped():
    # the lone 1,300 is not 1,250 + 95: not this block's 計, so the rows stop there (notes say what is left)
    notes: list = []
    rows = payee_paragraphs(paragraphs(
        "A.民間企業", "1 富士通株式会社", FUJITSU, "調査研究の請負", "1,250 随意契約(公募)", "2", "91%",
        "2 京都市", KYOTO, "補助事業の実施", "計", "95 補助金等交付", "-", "-", "1,300",
        "B.研究機関", "1 日本電気株式会社", NEC, "機器の賃貸借", "7 その他", "-", "-"), 1, notes)
    assert [(r.block, r.rank) for r in rows] == [("A", 1), ("A", 2)]
    assert notes


def test_paragraph_total_glued_to_the_last_contract_cell_is_cut_off():
    rows = payee_paragraphs(paragraphs(
        "L.研究機関", "1 日本電気株式会社", NEC, "データ整備及び分析業務", "計", "1,110 随意契約(企画\n競争)\n1,110", "1",
        "71%"), 1, [])
    assert [(r.cells["amount"], r.cells["contract_method"], r.cells["bidders"], r.cells["award_rate"])
            for r in rows] == [("1,110", "随意契約(企画競争)", "1", "71%")]
