"""A block where a row's 業務概要 is a legal entity's name and its name is not: the block's names and 業務概要 were read
swapped (kg.extract.review_pdf._swapped_blocks) — pdfminer.six text of a reportlab print of the real form, variant 1524
block C, read as columns paired the other way round: 「普及啓発コンテンツの作成」 as rank 1's name, 「UQコミュニケーション
ズ株式会社」 as rank 4's 業務概要. Every name and 業務概要 of that block is left out; other blocks keep theirs."""
from __future__ import annotations

from kg.extract.review_pdf import _swapped_blocks
from kg.records import new_record


def _rows() -> list[dict]:
    return [
        {"block": "B", "rank": 1, "name": "株式会社丸紅", "corporate_number": "4928654336842",
         "description": "データ整備及び分析業務", "amount": 30},
        {"block": "C", "rank": 1, "name": "普及啓発コンテンツの作成", "corporate_number": "2968946035408",
         "description": None, "amount": 31933},
        {"block": "C", "rank": 2, "name": "データ整備及び分析業務", "corporate_number": "4928654336842",
         "description": None, "amount": 26590},
        {"block": "C", "rank": 4, "name": "普及啓発コンテンツの作成", "corporate_number": "1874023810337",
         "description": "UQコミュニケーションズ株式会社", "amount": 14242}]


def test_a_block_with_a_name_and_description_read_swapped_loses_its_names_and_descriptions():
    rec = new_record("review_sheet", "x.txt")
    rec["payees"] = _rows()
    _swapped_blocks(rec)
    assert [(p["block"], p["name"], p["description"]) for p in rec["payees"]] == [
        ("B", "株式会社丸紅", "データ整備及び分析業務"), ("C", None, None), ("C", None, None), ("C", None, None)]
    assert [p["corporate_number"] for p in rec["payees"]][1:] == ["2968946035408", "4928654336842", "1874023810337"]
    assert [w["code"] for w in rec["warnings"]] == ["payee_implausible"]


def test_an_entity_description_beside_an_entity_name_is_no_swap():
    rec = new_record("review_sheet", "x.txt")
    rec["payees"] = [{"block": "A", "rank": 1, "name": "京都市", "corporate_number": None,
                      "description": "独立行政法人情報処理推進機構", "amount": 9},
                     {"block": "A", "rank": 2, "name": "有限会社日本工営", "corporate_number": None,
                      "description": "一般社団法人日本規格協会", "amount": 5}]
    _swapped_blocks(rec)
    assert rec["payees"][1]["name"] == "有限会社日本工営" and rec["warnings"] == []
