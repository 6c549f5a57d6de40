"""kg.extract.review_text.payee_paragraphs: payee rows of pdftotext-order text (one cell per paragraph)."""
from __future__ import annotations

from kg.extract.review_text import payee_paragraphs

FUJITSU, NEC = "1020001071491", "7010401022916"  # real 法人番号


def paragraphs(*cells: str) -> list[str]:
    out = ["支出先上位10者リスト", ""]
    for c in cells:
        out += [*c.split("\n"), ""]
    return out


def test_rows_in_order_are_read_whole():
    rows = payee_paragraphs(paragraphs(
        "A.民間企業", "1 富士通株式会社", FUJITSU, "調査研究の請負", "1,250 随意契約(公募)", "2", "91%",
        "2 日本電気株式会社", NEC, "機器の賃貸借", "95 その他", "-", "-"), 1, [])
    assert [(r.block, r.rank, r.cells["name"], r.cells["corporate_number"], r.cells["amount"]) for r in rows] == [
        ("A", 1, "富士通株式会社", FUJITSU, "1,250"), ("A", 2, "日本電気株式会社", NEC, "95")]


def test_a_lone_number_before_a_rank_and_name_cell_is_not_the_rank():
    # 「2」 alone (the first row's 入札者数 written after its 落札率), then 「2 日本電気株式会社」: the lone number is
    # not rank 2 with the name 「2 日本電気株式会社」; the rows stop there (another reader may take the rest)
    notes: list = []
    rows = payee_paragraphs(paragraphs(
        "A.民間企業", "1 富士通株式会社", FUJITSU, "調査研究の請負", "1,250 随意契約(公募)", "91%", "2",
        "2 日本電気株式会社", NEC, "機器の賃貸借", "95 その他"), 1, notes)
    assert [(r.rank, r.cells["name"]) for r in rows] == [(1, "富士通株式会社")]
    assert notes
