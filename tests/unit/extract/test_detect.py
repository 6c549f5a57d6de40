"""Layout detection from content: the seeds, and variants of them in other exports."""
from __future__ import annotations

import pytest

from kg.extract.detect import detect
from tests.conftest import shared_path

EXPECTED = {
    "000_38c8df3bc6a1d4a3": ("review_sheet", "excel"),
    "001_bd9263d41549200e": ("review_sheet", "excel"),
    "002_c3e6fb52ab9c5507": ("review_sheet", "pdf"),
    "003_dbf95f44c3587854": ("review_sheet", "excel"),
    "004_6371e9cc681a4f0c": ("policy_evaluation", "pdf"),
}


def lines_of(seed: str) -> list[str]:
    return shared_path("seeds", f"{seed}.txt").read_text(encoding="utf-8").split("\n")


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seeds(seed):
    assert detect(lines_of(seed)) == EXPECTED[seed]


def test_excel_text_rewrapped_as_pdf_text_is_pdf():
    # the same cells, one per line and no TABs, as PDF text extraction gives them
    lines = [c for x in lines_of("000_38c8df3bc6a1d4a3") for c in x.split("\t") if c and "<" not in c]
    assert detect(lines) == ("review_sheet", "pdf")


def test_markdown_export_is_excel():
    lines = ["| " + " | ".join(x.split("\t")) + " |" if "\t" in x else x for x in lines_of("003_dbf95f44c3587854")]
    assert not any("\t" in x for x in lines)
    assert detect(lines) == ("review_sheet", "excel")


def test_title_decides_when_both_forms_are_named():
    lines = lines_of("000_38c8df3bc6a1d4a3")
    # a review sheet citing a 事前分析表 in a long cell stays a review sheet
    lines.insert(60, "政策評価\t詳細は令和4年度主要な政策に係る政策評価の事前分析表の3ページ目を参照のこと。" * 2)
    assert detect(lines) == ("review_sheet", "excel")


def test_labels_without_title():
    lines = [x for x in lines_of("003_dbf95f44c3587854") if "レビューシート (" not in x and "レビューシート ( " not in x]
    assert not any("年度行政事業レビューシート" in x for x in lines)
    assert detect(lines) == ("review_sheet", "excel")


def test_policy_evaluation_title_far_down():
    lines = ["表紙", "", "目次"] * 50 + lines_of("004_6371e9cc681a4f0c")
    assert detect(lines) == ("policy_evaluation", "pdf")


@pytest.mark.parametrize("lines", [[], [""], ["議事録", "本日の議題は予算について"], ["a\tb\tc"] * 10])
def test_unknown(lines):
    assert detect(lines) == (None, None)
