"""入札者数 / 落札率 settled after paragraph-style payee rows are read (kg/extract/payee_bids.py, issue 17).

The cells are those LibreOffice's print gives under poppler's pdftotext (generated sheet 12 of
`python -m tests.fixtures.review_sheets DIR 11 48`, its 支出先上位10者リスト as payee_section_cells gives it); the rows
are those the column reader gives for it (name, 法人番号, amount, 契約方式; 入札者数 / 落札率 unknown).
The .xlsx of that sheet has row 1: 入札者数 1, 落札率 81%; row 2: 「-」「-」; row 3: 入札者数 1, 落札率 71%."""
from __future__ import annotations

from kg.extract.payee_bids import contract_tail, settle_bids
from kg.extract.payee_rows_text import PayeeRow

HEAD = [("A.公益法人支出先", 167, True), ("法人番号", 170, True), ("業務概要", 172, True),
        ("支出額 (百万円) 契約方式等", 174, True), ("入札者数 (応募 落札率者数)", 176, True)]


def _cells(tail: list[str]) -> list[tuple[str, int, bool]]:
    body = ["1 みずほリサーチ&テクノロジーズ株式 8442196248635会社", "調査研究の請負", "2 随意契約(企画",
            "競争)", "2 国立研究開発法人情報通信研究機構", "機器の賃貸借", "1 随意契約(公募) -", "-", "調査研究の請負",
            "1 補助金等交付", "71%", "8130835324583", "3 みずほリサーチ&テクノロジーズ株式 1946986471196会社"]
    out = list(HEAD) + [(t, 180 + i, False) for i, t in enumerate(body)]
    return out + [("計", 203, True)] + [(t, 205 + i, False) for i, t in enumerate(tail)]


def _rows() -> list[PayeeRow]:
    def row(rank, name, corp, amount, method):
        cells = {"name": name, "corporate_number": corp, "amount": amount, "description": None,
                 "contract_method": method}
        return PayeeRow("A", rank, cells, 180 + rank, False)
    return [row(1, "みずほリサーチ&テクノロジーズ株式会社", "8442196248635", "2", "随意契約(企画競争)"),
            row(2, "国立研究開発法人情報通信研究機構", "8130835324583", "1", "随意契約(公募)"),
            row(3, "みずほリサーチ&テクノロジーズ株式会社", "1946986471196", "1", "補助金等交付")]


def _bids(rows):
    return [(r.rank, r.cells.get("bidders"), r.cells.get("award_rate")) for r in rows]


def test_contract_tail_follows_a_wrapped_contract_cell():
    texts = ["2 随意契約(企画", "競争)", "2 国立研究開発法人情報通信研究機構"]
    assert contract_tail(texts, 0, "2", "随意契約(企画競争)") == ([], 2)
    assert contract_tail(["1 随意契約(公募) -", "-"], 0, "1", "随意契約(公募)") == (["-"], 1)
    assert contract_tail(["1 随意契約(公募) -"], 0, "2", "随意契約(公募)") is None  # another amount
    assert contract_tail(["1 補助金等交付"], 0, "1", "随意契約(公募)") is None  # another 契約方式


def test_equal_leftovers_fill_every_row():
    """計 4 (2+1+1) is the block's figure; 「1」「1」 are the two rows still lacking 入札者数 (any pairing gives 1
    to both), 「81%」 the one row lacking 落札率; 71% stood right after row 3's 契約方式, 「-」「-」 with row 2's."""
    got = settle_bids(_cells(["4", "1", "1", "81%"]), _rows())
    assert _bids(got) == [(1, "1", "81%"), (2, "-", "-"), (3, "1", "71%")]
    assert [r.cells["corporate_number"] for r in got] == ["8442196248635", "8130835324583", "1946986471196"]


def test_leftovers_that_differ_stay_unknown():
    """「1」「2」 for rows 1 and 3: the two pairings give other values, so neither row gets a 入札者数 (nor row 1
    the 81%: what is left is not settled as a whole); what stood at the rows is kept."""
    got = settle_bids(_cells(["4", "1", "2", "81%"]), _rows())
    assert _bids(got) == [(1, None, None), (2, "-", "-"), (3, None, "71%")]


def test_leftovers_not_as_many_as_the_rows_lacking_them_stay_unknown():
    got = settle_bids(_cells(["4", "1", "81%"]), _rows())  # one 入札者数 for two rows: whose is not known
    assert _bids(got) == [(1, None, None), (2, "-", "-"), (3, None, "71%")]
    got = settle_bids(_cells(["1", "1", "81%"]), _rows())  # the 計 figure (4) is not there: a cell unaccounted
    assert _bids(got) == [(1, None, None), (2, "-", "-"), (3, None, "71%")]


def test_values_a_row_has_are_never_replaced():
    rows = _rows()
    rows[2] = rows[2]._replace(cells={**rows[2].cells, "bidders": "3", "award_rate": "90%"})
    got = settle_bids(_cells(["4", "1", "1", "81%"]), rows)
    assert _bids(got)[2] == (3, "3", "90%")
    assert _bids(got)[0] == (1, None, None)  # 「1」「1」 for one row lacking 入札者数: not as many, unknown


C_TEXT = ["C.株式会社", "1 株式会社三菱総合研究所", "3188276161002", "調査研究の請負", "4 その他", "2", "63%",
          "2 株式会社エヌ・ティ・ティ・データ", "6467277058903", "普及啓発事業の実施", "2 一般競争契約(最低価格)", "2", "85%",
          "3 横浜市", "3000020141003", "ヘルプデスク業務", "1 一般競争契約(総合評価)", "-", "-",
          "4 アクセンチュア株式会社", "9161003010994", "データ整備及び分析業務", "1 その他", "-", "-",
          "5 福岡市", "3000020401307", "補助事業の実施", "1 一般競争契約(総合評価)", "5", "94%", "計", "9"]
C_ROWS = [(1, "株式会社三菱総合研究所", "3188276161002", "4", "その他"),
          (2, "株式会社エヌ・ティ・ティ・データ", "6467277058903", "2", "一般競争契約(最低価格)"),
          (3, "横浜市", "3000020141003", "1", "一般競争契約(総合評価)"),
          (4, "アクセンチュア株式会社", "9161003010994", "1", "その他"),
          (5, "福岡市", "3000020401307", "1", "一般競争契約(総合評価)")]


def _c(texts=C_TEXT, rows=C_ROWS):
    cells = [(t, 300 + i, t in ("C.株式会社", "計")) for i, t in enumerate(texts)]
    return cells, [PayeeRow("C", rank, {"name": name, "corporate_number": corp, "amount": amount,
                                        "description": None, "contract_method": method}, 300 + rank, False)
                   for rank, name, corp, amount, method in rows]


def test_rows_of_alike_contract_cells_by_their_own_stretch():
    """pdftotext's order of sheet 16's block C (its .xlsx: 2 / 63%, 2 / 85%, - / -, - / -, 5 / 94%): rows 3 and 5
    both have 「1 一般競争契約(総合評価)」, so each takes the one between its rank-and-name cell and the next row's;
    「9」 after row 5's 94% is the block's 計 (4+2+1+1+1), not a cell of the row."""
    got = settle_bids(*_c())
    assert _bids(got) == [(1, "2", "63%"), (2, "2", "85%"), (3, "-", "-"), (4, "-", "-"), (5, "5", "94%")]


def test_a_run_longer_than_the_row_lacks_is_not_the_rows():
    """Row 1's 「2」「63%」 followed by another 「2」 (a cell of no known row): the three are a column, not row 1's."""
    texts = list(C_TEXT)
    texts.insert(7, "2")
    got = settle_bids(*_c(texts))
    assert _bids(got)[0] == (1, None, None)
    assert _bids(got)[1] == (2, "2", "85%")


def test_alike_contract_cells_out_of_their_stretches_stay_unknown():
    """Row 3's 「1 一般競争契約(総合評価)」「-」「-」 moved into row 4's stretch: row 4's stretch now holds both cells
    of that text and row 3's none, so neither row 3 nor row 5 is settled (their reads differ)."""
    texts = list(C_TEXT)
    moved = texts[16:19]
    del texts[16:19]
    at = texts.index("9161003010994")
    texts[at:at] = moved
    got = settle_bids(*_c(texts))
    assert _bids(got) == [(1, "2", "63%"), (2, "2", "85%"), (3, None, None), (4, "-", "-"), (5, None, None)]
