"""pdftotext payee rows whose name and 業務概要 both wrapped (kg.extract.payee_form_text._corp_lines): the lines are
the cells' printed lines in order, and a line both cells could take by the printed order and the widths goes to
the cell whose word it carries on (kg.normalize.sudachi.word_goes_on) — the name's first line written just above
its row's 法人番号 line: tests/unit/extract/test_payee_form_text_run_on_cells.py. Excerpts as pdftotext wrote LibreOffice prints of real-form variants
(tests/fixtures/real_variants.py); values as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.payee_form_text import _corp_para, _para


def _cells(lines: list[str]) -> tuple:
    got = _corp_para(_para(lines, 800), False)
    return got["corporate_number"], got["name"] and "".join(got["name"]), \
        got["description"] and "".join(got["description"]), got["amount"]


def test_a_piece_both_cells_could_take_goes_to_the_one_whose_word_it_carries_on():
    # (variant 1000 E1: 「和総研」 carries on the name's 大和; 「会議等出席(諸謝金)」 ends whole)
    assert _cells(["合同会社大 4817249567550 会議等出席(諸謝金)", "和総研"]) == \
        ("4817249567550", "合同会社大和総研", "会議等出席(諸謝金)", None)


def test_a_piece_no_word_carries_on_leaves_both_cells_unknown():
    # (variant 1000 A2: 「株式会社」 may end 「インテック」 or 「実証事業の実施」 by width; no word runs across either join)
    assert _cells(["インテック 3162212653661 実証事業の実施", "株式会社"]) == ("3162212653661", None, None, None)
    # (variant 1000 E2: 「フトバンク」 carries on ソフトバンク, but 「の作成」 may follow either cell: both unknown)
    assert _cells(["合同会社ソ 7764924899870 普及啓発コンテンツ 219", "フトバンク", "の作成"]) == \
        ("7764924899870", None, None, "219")


def test_a_cell_ending_in_a_lists_comma_goes_on_over_the_line_below():
    # (variant 1308 LO: 「視察(旅費の支払)、」 cannot end the 業務概要, so 「ヘルプデスク業務」 is its line, not the name's)
    assert _cells(["TKC株式会社 3947476525938 視察(旅費の支払)、 4.2", "ヘルプデスク業務"]) == \
        ("3947476525938", "TKC株式会社", "視察(旅費の支払)、ヘルプデスク業務", "4.2")
