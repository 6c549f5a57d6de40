"""政策評価 of pdfplumber's reportlab text of a narrow print (fresh variant 2142): the 政策 was read as the 事業の目的
cell's first line (「…について、国民の利便性の向上と行政の効率化を図る」, its 。 wrapped onto the next line), a sentence
no 政策's name has the shape of — left out, the 施策 kept (issue 17: never confidently wrong)."""
from __future__ import annotations

from kg.extract.review_text import policy_value_plausible


def test_a_purpose_sentence_cut_before_its_period_is_no_policy():
    assert not policy_value_plausible(
        "調査安全対策基盤整備人材育成情報に関する調査研究について、国民の利便性の向上と行政の効率化を図る")
    assert policy_value_plausible("4. 調査の推進") and policy_value_plausible("1. 地域普及啓発の推進")
    assert policy_value_plausible("IV.電子政府・電子自治体") and policy_value_plausible("V. 情報通信 (ICT政策)")
