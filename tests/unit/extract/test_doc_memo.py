from __future__ import annotations

from kg.extract.doc_memo import last_document
from kg.extract.review_text import paragraph_style


def test_each_document_gets_its_own_answer():
    calls = []

    @last_document
    def first_amount(lines: list[str], start: int) -> str:
        calls.append(start)
        return lines[start]

    a, b = ["執行額", "1,155"], ["執行額", "▲3,627"]
    assert first_amount(a, 1) == "1,155" and first_amount(a, 1) == "1,155" and calls == [1]  # asked twice, read once
    assert first_amount(b, 1) == "▲3,627"  # another sheet's lines: read again
    assert first_amount(a, 0) == "執行額" and first_amount(a, 1) == "1,155"  # other arguments: read again
    a.append("計 0")  # lines that changed (never while a sheet is read, but not answered from the memo)
    assert first_amount(a, 2) == "計 0" and calls == [1, 1, 0, 1, 2]
    first_amount.put(b, "4,103", 1)
    assert first_amount(b, 1) == "4,103"  # an answer the caller gave


def test_paragraph_style_per_document():
    rows = ["事業名 住民基本台帳ネットワークシステム 担当部局 自治行政局", "事業番号 0039"]
    paragraphs = ["事業名", "", "住民基本台帳ネットワークシステム", "", "担当部局", ""]
    assert paragraph_style(paragraphs) and not paragraph_style(rows) and paragraph_style(paragraphs)
