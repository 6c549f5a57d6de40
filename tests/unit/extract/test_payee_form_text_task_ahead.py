"""A number alone read as a row's amount in pdftotext's text of the real form (kg.extract.payee_form_text) while the
row's 業務概要, with a figure ending its first line, is written a few small cells later: that figure may be the
row's amount (the form prints them side by side), so the number alone is not established as it. Excerpt shaped
as pdftotext wrote reportlab's print of a real-form variant (tests/fixtures/real_variants.py, variant 77's block D, lettered A)."""
from __future__ import annotations

from tests.unit.extract.test_payee_form_text import _paras, _rows

HEADER = ["支出先", "法人番号", "業務概要", "支出額 (百万円)", "契約方式等", "入札者数 (応 落札率 募者数)",
          "一者応札・一者応募又は競争性のない随意契約となった理由及び改善策 (支出額10億円以上)"]


def test_a_number_alone_before_the_rows_task_with_its_figure_is_no_amount():
    rows = _rows(_paras("A.", *HEADER,
                        "1", ["大和総", "研(株)"], ["18387 会議等出 4.3", "60633 席(諸謝", "822", "金)"],
                        "2", ["(株)柏", "屋本店", "・有限", "会社野", "村総合", "研究所", "共同企", "業体"],
                        "-", "4", "-", "-", "--",
                        # row 2's 業務概要 and its amount 3.2, written after another row's 入札者数 「4」
                        ["機器の賃 3.2", "貸借、定", "期刊行物", "の購読"],
                        "-", ["一般競争契 1", "約 (最低価", "格)"], "-", "92%",
                        "3", ["合同会", "社", "KDDI"], ["25207 セキュリ 2", "35979 ティ説明", "930", "会の開催"],
                        ["随意契約 (", "公募)"], "4", "-"))
    assert rows[("A", 1)]["corporate_number"] == "1838760633822"
    assert rows[("A", 1)]["amount"] == "4.3"
    d2 = rows[("A", 2)]
    assert d2["name"] == "(株)柏屋本店・有限会社野村総合研究所共同企業体"
    assert d2["amount"] in ("", None)  # not the 「4」


def test_a_number_alone_with_no_task_after_it_is_the_amount():
    rows = _rows(_paras("A.", *HEADER,
                        "1", ["大和総", "研(株)"], ["18387 会議等出 4.3", "60633 席(諸謝", "822", "金)"],
                        "2", ["(株)柏", "屋本店"], "-", "4", "-", "-", "--",
                        "3", ["合同会", "社", "KDDI"], ["25207 セキュリ 2", "35979 ティ説明", "930", "会の開催"],
                        ["随意契約 (", "公募)"], "4", "-"))
    assert rows[("A", 2)]["amount"] == "4"
