"""The label 担当部局庁 wraps in its cell of the real ruled form (「担当部局」 over 「庁」); pdfminer.six and pdftotext
then give its rest 「庁」 as the bureau, or glued after it (「老健局庁」) — issue 17: never confidently wrong. Such a
value is no organisation's name: unknown, with a warning."""
from __future__ import annotations

from kg.extract import review_pdf
from kg.extract.review_text import org_plausible
from kg.records import new_record


def test_the_labels_rest_is_no_bureau():
    assert not org_plausible("庁")
    assert not org_plausible("老健局庁")
    assert not org_plausible("産業技術環境局 庁")
    assert org_plausible("老健局")
    assert org_plausible("消費者庁")  # an agency's own name ends in 庁
    assert org_plausible("大臣官房")


def test_a_bureau_glued_to_the_labels_rest_is_left_out_with_a_warning():
    rec = new_record("review_sheet", "rv001.lo.pdftotext.txt")
    rec.update(bureau="老健局庁", division="総務課")
    review_pdf._orgs_plausible(rec)
    assert rec["bureau"] is None and rec["division"] == "総務課"
    assert any(w.get("code") == "bureau_implausible" for w in rec["warnings"])
