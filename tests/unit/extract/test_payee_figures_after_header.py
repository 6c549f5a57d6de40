"""pdfminer.six's text of reportlab prints of the real form (kg.extract.payee_figures.header_figures_unplaced): a
block's first row's amount written right after the block's header, before the row's name and 法人番号. Boxes built
like a generated variant's output (blocks A and B, each printed under its own header)."""
from __future__ import annotations

from kg.extract.payee_figures import header_figures_unplaced
from kg.extract.payee_rows_text import PayeeRow
from tests.unit.extract.test_payee_boxes import HEADER, _read

TRUTH = {("A", 1): ("(株)野村総合研究所", "46,306"), ("B", 1): ("一般財団法人国際協力推進協会", "50,891"),
         ("B", 2): ("有限会社富士通Japan", "33,768")}


def _blocks(first: str, second: str) -> list[str]:
    return ["A.", "1", "B.", "1", "2", *HEADER, first, "-", "--", "(株)野村総合研究所", "2998334892738",
            "会議等出席(諸謝金)、機器の賃貸借", *HEADER, second, "-", "--", "-", "1881938634263", "一般財団法人国際協力推進協会",
            "タイムスタンプ認定制度に関する調査", "7214179756815", "補助事業の実施", "有限会社富士通Japan", "33,768", "その他",
            "-", "--", "-"]


def test_a_figure_after_a_header_that_no_row_after_it_holds_leaves_the_blocks_unknown():
    """The amounts fitted one off (A1 taking B1's 50,891): no row's amount or name is other than the form's."""
    notes: list = []
    rows = _read(_blocks("46,306", "50,891"), notes)
    for key, cells in rows.items():
        assert (cells.get("name"), cells.get("amount")) in ((None, None), (TRUTH[key][0], None), (None, TRUTH[key][1]),
                                                            TRUTH[key]), key
    assert ("A", 1) not in rows or rows[("A", 1)].get("amount") != "50,891"
    assert any("right after a block's header is no row's amount" in n[1] for n in notes)


def _row(block: str, rank: int, line: int, name: str | None, corp: str | None, amount: str | None) -> PayeeRow:
    return PayeeRow(block, rank, {"name": name, "corporate_number": corp, "amount": amount}, line, False)


def test_a_row_before_a_header_holding_the_figure_written_after_it_is_read_across_the_header():
    """Fresh variant 2032 (reportlab, pdfminer.six): C2's 業務概要's wrapped rest and its dashes taken for D1, a payee
    with no 法人番号, and D's first amount written after D's header (line 1100) for its amount."""
    boxes = [("text", "タイムスタンプ認定制度に関する調査", 1089), ("dash", "-", 1092), ("dash", "--", 1094),
             ("number", "3.6", 1100), ("contract", "随意契約 (公募)", 1101), ("int", "4", 1102), ("dash", "-", 1103),
             ("number", "2.5", 1140), ("text", "建設技術研究所株式会社", 1146), ("corp", "7487913125106", 1148)]
    rows = [_row("C", 2, 1079, "日本レジストリサービス株式会社", "4903322732715", "1.2"),
            _row("D", 1, 1089, "タイムスタンプ認定制度に関する調査", None, "3.6"),
            _row("E", 1, 1148, "建設技術研究所株式会社", "7487913125106", "2.5")]
    notes: list = []
    kept = header_figures_unplaced(boxes, set(), [1100, 1140], rows, notes)
    assert [(r.block, r.cells["name"]) for r in kept] == [("C", "日本レジストリサービス株式会社"), ("E", "建設技術研究所株式会社")]
    assert notes and "block D" in notes[0][1]
    # the figure after the header held by the row read under it: nothing is left out
    assert header_figures_unplaced(boxes, set(), [1140], rows, []) == rows
