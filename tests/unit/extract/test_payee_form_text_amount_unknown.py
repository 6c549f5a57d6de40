"""A 業務概要 paragraph whose first line also holds another figure or a 契約方式 (pdftotext ran the row's cells into
one line: 「ヘルプデスク 1,605 随意契約 2」 over 「業務」「(公募)」) holds an amount the text does not say: "" with its
lines as they are — not a dash cell, which the readers took for no figure at all and so for a payee's name
(a held-out sheet's block K: the name 「ヘルプデスク1,605随意契約2業務(公募)」, every row after it a rank off)."""
from kg.extract.payee_form_text import _beside, _para, _split_amount


def test_a_line_with_two_figures_and_a_method_gives_an_unknown_amount_and_keeps_its_lines():
    p = _para(("ヘルプデスク 1,605 随意契約 2", "業務", "(公募)"), 0)
    assert _split_amount(p) == (["ヘルプデスク 1,605 随意契約 2", "業務", "(公募)"], "")
    assert _beside(p) == {}  # (no 業務概要 read from it)


def test_a_description_with_its_amount_still_splits():
    p = _para(("研修の企画運 1,205", "営"), 0)
    assert _split_amount(p) == (["研修の企画運", "営"], "1,205")
