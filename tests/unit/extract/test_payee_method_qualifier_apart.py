"""Payee cells the text shows to be cut or a cell off (kg.extract.review_pdf._payees_plausible): a 契約方式 read bare
(「随意契約」) while a qualifier stands on a line of its own (pdfminer.six wrote 「2,746 随意契約」 and 「(企画競」「争)」
after the 入札者数; the form's 随意契約 always has one); a body's name read as the 業務概要 of a row named by a header piece."""
from __future__ import annotations

from kg.extract.review_pdf import _payees_plausible
from kg.records import new_record

# the F block's row as pdfminer.six wrote it (rv-like excerpt): the qualifier after the 入札者数 and 「-」
LINES = ["1", "公益社団法人", "日本規格協会", "540679", "768870", "8", "2,746 随意契約", "1", "-", "(企画競", "争)",
         "利用者の基", "本的な権利"]


def _rec_with(method: str) -> dict:
    rec = new_record("review_sheet", "x")
    rec["payees"] = [{"block": "F", "rank": 1, "name": "公益社団法人日本規格協会", "corporate_number": "5406797688708",
                      "description": None, "amount": 2746, "contract_method": method}]
    return rec


def test_a_bare_method_with_a_qualifier_printed_apart_is_unknown():
    rec = _rec_with("随意契約")
    _payees_plausible(rec, LINES)
    p = rec["payees"][0]
    assert p["contract_method"] is None and p["amount"] == 2746 and p["corporate_number"] == "5406797688708"
    assert rec["warnings"]


def test_a_whole_method_or_one_with_no_qualifier_apart_stands():
    rec = _rec_with("随意契約 (企画競争)")
    _payees_plausible(rec, LINES)
    assert rec["payees"][0]["contract_method"] == "随意契約 (企画競争)"
    rec = _rec_with("随意契約")
    _payees_plausible(rec, [x for x in LINES if not x.startswith("(")])
    assert rec["payees"][0]["contract_method"] == "随意契約"
    rec = _rec_with("補助金等交付")
    _payees_plausible(rec, LINES)
    assert rec["payees"][0]["contract_method"] == "補助金等交付"


def _rec_named(name: str, description: str) -> dict:
    rec = new_record("review_sheet", "x")
    rec["payees"] = [{"block": "A", "rank": 1, "name": name, "corporate_number": None, "description": description,
                      "amount": 27, "contract_method": None}]
    return rec


def test_a_body_name_read_as_the_description_of_a_row_named_by_a_header_piece_is_unknown():
    # (pdfminer.six's reportlab text: the header's 「(支出額10億円以上)」 wrapped, 「億円以上)」 read as A1's name and
    # the name's pieces 「Pricewaterh」「ouseCooper」「s LLP」 as its 業務概要)
    for desc in ("Pricewaterh ouseCooper s LLP", "株式会社日立システムズ"):
        rec = _rec_named("億円以上)", desc)
        _payees_plausible(rec)
        assert rec["payees"][0]["name"] is None and rec["payees"][0]["description"] is None
        assert rec["payees"][0]["amount"] == 27
    rec = _rec_named("億円以上)", "ヘルプデスク業務、視察(旅費の支払)")
    _payees_plausible(rec)
    assert rec["payees"][0]["description"] == "ヘルプデスク業務、視察(旅費の支払)"
