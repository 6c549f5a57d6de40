"""An 入札者数 pdfminer.six writes after its row's 業務概要, the row's amount written before that 業務概要
(kg/extract/payee_boxes.py ``_figures``): 「449 | 業務概要 | 6 | 一般競争契約 (最低価格) | 42%」 is the amount 449 and
the 入札者数 6 (a figure of one or two digits followed by a 契約方式 and a 落札率). Before, the 6 was counted among the
amounts and placed as a row's. Boxes as pdfminer.six wrote them for rv849 (LibreOffice's print), values as the .xlsx
record holds them."""
from __future__ import annotations

from tests.unit.extract.test_payee_boxes import _read

_BLOCK_A = [
    "A.", "支出先 法人番号 業務概要", "支出額 (百万\n円)", "契約方式\n等", "入札者数 \n(応募者数\n)", "落札率",
    "一者応札・一者応募又は競争性のない随意契約となった理由及び\n改善策 (支出額10億円以上)", "-", "講師謝\n金(講師\nA)",
    "諸外国の動\n向に関する\n文書の分析\n及び要約作\n業", "3,469", "随意契約 \n(少額)", "-", "個人(B)", "-", "会議等出席\n(諸謝金)",
    "1,226", "675638\n718815\n8", "実証事業の\n実施、定期\n刊行物の購\n読", "601", "合同会\n社パシ\nフィッ\nクコン\nサルタ\nンツ",
    "-", "-", "--", "-", "-", "-", "449", "諸外国の動\n向に関する\n文書の分析\n及び要約作\n業", "6", "一般競争\n契約 (最\n低価格)", "42%",
    "-", "合同会\n社\nKDDI・\n合同会\n社日本\n工営共\n同企業\n体", "1", "2", "3", "4"]
_BLOCK_B_HEAD = ["B", "支出先 法人番号 業務概要", "支出額 (百万\n円)", "契約方式\n等", "入札者数 \n(応募者数\n)", "落札率",
                 "一者応札・一者応募又は競争性のない随意契約となった理由及び\n改善策 (支出額10億円以上)", "1"]


def test_a_bidders_count_after_the_description_is_no_amount():
    # (block B's row not in the excerpt: five ranks, four amounts; the 6 was taken for B's first row's amount)
    rows = _read([*_BLOCK_A, *_BLOCK_B_HEAD], [])
    assert all(r.get("amount") != "6" for r in rows.values())
    assert rows.get(("A", 4), {}).get("amount") in (None, "449")
