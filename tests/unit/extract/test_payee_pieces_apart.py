"""Payee cells whose text pdfminer.six broke apart (kg.extract.review_pdf._payees_plausible): a name wrapped in its
cell with the row's 法人番号 dash written between its lines (LibreOffice print of a fresh variant, block C rank 3:
「PricewaterhouseCoopers 」, 「-」, 「LLP」, read as 「PricewaterhouseCoopers -LLP」), and a 業務概要 wrapped inside
「及び」 whose rest was written after the row's other cells (reportlab print, block A rank 6: 「データ整備及」 on the
法人番号's line, 「び分析業務」 after its 落札率). Each is left out with a warning; the row's other cells stay."""
from __future__ import annotations

from kg.extract.review_pdf import _payees_plausible
from kg.records import new_record

NAME_LINES = ["C.", "1", "2", "3", "PricewaterhouseCoopers ", "-", "LLP", "2.8", "実証事業の実施、", "補助金等交付"]
DESC_LINES = ["-", "-", "国立大学法人東京大学 1598058483954 データ整備及", "2,235", "一般競争契約 (最低価格) 5", "79.1%",
              "び分析業務", "-", "-", "講師謝金(講師G)"]


def _checked(row: dict, lines: list[str]) -> dict:
    rec = new_record("review_sheet", "x.txt")
    rec["payees"] = [row]
    _payees_plausible(rec, lines, lines)
    return rec


def test_a_dash_written_between_a_names_wrapped_lines_leaves_the_name_out():
    rec = _checked({"block": "C", "rank": 3, "name": "PricewaterhouseCoopers -LLP", "corporate_number": None,
                    "amount": 2.8, "contract_method": "補助金等交付"}, NAME_LINES)
    assert rec["payees"][0]["name"] is None and rec["payees"][0]["amount"] == 2.8
    assert [w["code"] for w in rec["warnings"]] == ["payee_implausible"]


def test_a_names_own_hyphen_stays():
    lines = ["3", "Hewlett-Packard Japan", "-", "2.8"]
    rec = _checked({"block": "C", "rank": 3, "name": "Hewlett-Packard Japan", "amount": 2.8}, lines)
    assert rec["payees"][0]["name"] == "Hewlett-Packard Japan" and rec["warnings"] == []


def test_a_description_cut_inside_its_tying_word_is_left_out():
    rec = _checked({"block": "A", "rank": 6, "name": "国立大学法人東京大学", "corporate_number": "1598058483954",
                    "description": "データ整備及", "amount": 2235, "contract_method": "一般競争契約 (最低価格)"},
                   DESC_LINES)
    row = rec["payees"][0]
    assert row["description"] is None and (row["corporate_number"], row["amount"]) == ("1598058483954", 2235)


def test_a_description_ending_in_its_own_word_stays():
    rec = _checked({"block": "A", "rank": 6, "name": "国立大学法人東京大学", "description": "制度の普及",
                    "amount": 2235}, [x for x in DESC_LINES if x != "び分析業務"])
    assert rec["payees"][0]["description"] == "制度の普及" and rec["warnings"] == []
