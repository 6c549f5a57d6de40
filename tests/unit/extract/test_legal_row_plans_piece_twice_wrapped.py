"""根拠法令 beside 関係する計画、通知等 when the right label's 「計画」 is glued to a law's title and its rest 「、通知等」 is
wrapped twice below (pdfplumber, LibreOffice's print, variant 1510: 「…サリン等計画」 over 「…法律 、通」 over 「…第31条 知等」):
the 「計画」 is the label's, never a piece of the law's title."""
from __future__ import annotations

from tests.unit.extract.test_legal_row import _read

TEXT = ("根拠法令 (具領海等における外国船舶の航行に関 関係 デジタル社会の実現に向けた重点計画(平成27年10月28日総務大臣\n"
        "体的な 条項 する法律第50条 独立行政法人教職 する 決定)\n"
        "も記載) 員支援機構法第24条第3項 サリン等計画\n"
        "による人身被害の防止に関する法律 、通\n"
        "第47条の27及び第31条 知等\n"
        "主要政策・ - 主要 経済協力\n"
        "施策 経費")


def test_the_plans_labels_piece_glued_to_a_law_with_its_rest_wrapped_twice():
    laws, plans = _read(TEXT)
    names = [lb["law"] for lb in laws]
    assert "サリン等計画による人身被害の防止に関する法律" not in names
    assert {"law": "サリン等による人身被害の防止に関する法律", "citations": [{"article": "47の27"}, {"article": "31"}]} in laws
    assert {"law": "独立行政法人教職員支援機構法", "citations": [{"article": "24", "paragraph": "3"}]} in laws
    assert [p["title"] for p in plans] == ["デジタル社会の実現に向けた重点計画"]
