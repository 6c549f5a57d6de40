"""A 単位当たりコスト cell written right after the 政策評価 政策 label (pdftotext's text of a reportlab print: 「-/47」,
the cost's 計算式 cell) is no 政策's name: the 政策 stays unknown. Real-form variant 1521 (held-out at first,
scored once, then studied); the lines as pdftotext wrote them."""
from __future__ import annotations

from kg.extract.review_text import _FIGURES_ONLY, label_lists

LINES = [
    "成果目標及び成果実績(アウトカム)欄についてさらに記載が必要な場合はチェック",
    "の上【別紙1】に記載",
    "政策評価 政策",
    "",
    "-/47",
    "",
    "令和3",
    "年度",
    "",
    "目標値",
    "",
    "政策評価",
    "、 新経済",
    "・ 財政再",
    "生 計画と",
    "の 関係",
    "",
    "-",
    "",
    "推進",
    "",
    "3/6",
    "",
    "施策 国際協力防災の推進",
]


def test_cost_fraction_is_no_policy():
    pe = label_lists(LINES, 2021).get("policy_evaluation")
    assert pe is None or (pe.value or {}).get("policy") is None


def test_figures_only_shape():
    assert _FIGURES_ONLY.match("-/47") and _FIGURES_ONLY.match("53.9/1") and _FIGURES_ONLY.match("47")
    assert not _FIGURES_ONLY.match("IT/デジタル") and not _FIGURES_ONLY.match("7. 安全対策の推進")
