"""Document type and layout from content alone (never from the file name).

document type: the form's title — 「令和4年度行政事業レビューシート」 (review_sheet) or
「主要な政策に係る政策評価の事前分析表」 (policy_evaluation); when both words occur, the one printed first
as a title wins. Without a title, the form's own labels decide (≥ 3 review-sheet labels, or ≥ 2
事前分析表 labels).

layout: "excel" for an Excel text export (cells separated by TAB, one sheet row per line, possibly
with HTML or markdown tables inside), "pdf" for PDF text (no TABs; cells wrapped over short lines,
vertical labels split into single-character lines).
"""
from __future__ import annotations

import re

from kg.normalize.text import lines_matching, squash

_REVIEW_TITLE = re.compile(r"(?:令和|平成|昭和|R|H)?(?:元|\d{1,2}|20\d\d)年度行政事業レビューシート")
_POLICY_TITLE = re.compile(r"政策評価の事前分析表|事前分析表")
_REVIEW_LABELS = ("事業名", "担当部局", "事業開始年度", "根拠法令", "会計区分", "予算額・執行額", "支出先上位",
                  "関連する過去のレビューシートの事業番号", "点検・改善結果", "作成責任者")
_POLICY_LABELS = ("施策目標", "測定指標", "達成手段", "施策の概要", "政策の概要", "目標設定の考え方")
_MD_ROW = re.compile(r"^\s*\|.*\|\s*$")
# a whole HTML table on one line, as an Excel text export writes a cell holding one (and as
# kg.extract.review_excel expands it); the pieces of such a cell's text in a PDF print (「<table」 alone,
# its attributes and rows on the lines below) are not one
_HTML_TABLE = re.compile(r"<table\b.*?</table>", re.I)


def _title_line(lines: list[str], pattern: re.Pattern, max_len: int) -> int | None:
    for i, line in enumerate(lines):
        s = squash(line)
        if len(s) <= max_len and pattern.search(s):
            return i
    return None


# Each title holds a character that no composition makes and that only these characters give under NFKC
# (表 in 事前分析表; ュ in レビューシート: ュ, ㌒ and the half-width ｭ; checked over every code point by
# tests/unit/extract/test_seed_kind_speed_forms.py): a line holding none of them squashes to no title.
_TITLE_CHARS = re.compile("[表ュ㌒ｭ]")


def _title_lines(lines: list[str], max_len: int) -> tuple[int | None, int | None]:
    """(_title_line(lines, _REVIEW_TITLE, max_len), _title_line(lines, _POLICY_TITLE, max_len)) in one pass:
    each line that can hold a title squashed once."""
    review = policy = None
    for i in lines_matching(lines, _TITLE_CHARS):
        s = squash(lines[i])
        if len(s) > max_len:
            continue
        if review is None and _REVIEW_TITLE.search(s):
            review = i
        if policy is None and _POLICY_TITLE.search(s):
            policy = i
        if review is not None and policy is not None:
            break
    return review, policy


def _document_type(lines: list[str]) -> str | None:
    review, policy = _title_lines(lines, 60)
    if review is not None and (policy is None or review < policy):
        return "review_sheet"
    if policy is not None:
        return "policy_evaluation"
    text = squash("\n".join(lines[:3000]))
    n_review = sum(1 for lab in _REVIEW_LABELS if lab in text)
    n_policy = sum(1 for lab in _POLICY_LABELS if lab in text)
    if n_review >= 3 and n_review >= n_policy:
        return "review_sheet"
    if n_policy >= 2:
        return "policy_evaluation"
    return None


def _layout(lines: list[str]) -> str:
    text = "\n".join(lines)
    if "\t" not in text and "<" not in text and "|" not in text:
        return "pdf"  # (no tab, HTML table nor markdown row can count: the lines are not listed one by one)
    nonblank = [x for x in lines if x.strip()]
    if not nonblank:
        return "pdf"
    tabbed = sum(1 for x in nonblank if "\t" in x)
    # an HTML table needs a "<" in x; a markdown row needs a "|"
    tables = sum(1 for x in nonblank if ("<" in x and _HTML_TABLE.search(x)) or ("|" in x and _MD_ROW.match(x)))
    if tabbed >= 3 and tabbed >= 0.1 * len(nonblank):
        return "excel"
    if tables >= 3:
        return "excel"
    return "pdf"


def detect(lines: list[str]) -> tuple[str | None, str | None]:
    """(document_type, layout): ('review_sheet'|'policy_evaluation', 'excel'|'pdf'), or (None, None)."""
    doc_type = _document_type(lines)
    if doc_type is None:
        return None, None
    return doc_type, _layout(lines)


__all__ = ["detect"]
