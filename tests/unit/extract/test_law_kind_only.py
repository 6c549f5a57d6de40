"""A 根拠法令 title that is only the kind of law (「法律」), its body cut off on the lines above by the 関係する計画 cell's
line, is no law's title: withheld (fresh variant 2316 reportlab pdftotext read the law 「法律」 with 第93条・第73条 of
「消費者教育の推進に関する法律」)."""
from __future__ import annotations

from kg.extract.legal_text import implausible_laws


def test_a_title_of_only_the_kind_of_law_is_implausible():
    bases = [{"law": "法律", "citations": [{"article": "93"}, {"article": "73"}]},
             {"law": "消費者教育の推進に関する法律", "citations": [{"article": "93"}]},
             {"law": "公共サービス基本法", "citations": [{"article": "45"}]},
             {"law": "政令", "citations": [{"article": "2"}]}]
    assert implausible_laws(bases) == ["法律", "政令"]
