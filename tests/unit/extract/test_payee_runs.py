"""契約方式 by the amount's paragraph and 入札者数 / 落札率 written as runs (kg/extract/payee_bids.py
contracts_by_amount, kg/extract/payee_runs.py; issue 17).

The cells are those LibreOffice's print gives under pdfminer.six (generated sheet 29 of
`python -m tests.fixtures.review_sheets DIR 11 48`, block A of its 支出先上位10者リスト as payee_section_cells gives
it); the rows are those the column reader gives for it (name, 法人番号, amount, 業務概要; only row 3's 契約方式,
written in its amount's paragraph). The .xlsx of that sheet has: 1 一般競争契約(総合評価) 1 / 88%,
2 随意契約(公募) - / -, 3 その他 3 / 74%, 4 一般競争契約(最低価格) 5 / 67%, 5 随意契約(企画競争) 3 / 78%."""
from __future__ import annotations

from kg.extract.payee_bids import contracts_by_amount, settle_bids
from kg.extract.payee_rows_text import PayeeRow

HEAD = [("A.民間企業", 192, False), ("支出先", 194, True), ("法人番号", 196, True), ("業務概要", 198, True),
        ("支出額 (百万円)", 200, True), ("契約方式等", 202, True), ("入札者数 (応募者数)", 204, True),
        ("落札率", 207, True)]
BODY = ["1 株式会社エヌ・ティ・ティ・データ 3142730388279", "システムの設計・開発及び運用保守業務", "5,215",
        "一般競争契約(総合評価)", "1", "88%", "2 横浜市", "3 千葉市", "3000020141003 データ整備及び分析業務", "3,697",
        "随意契約(公募)", "-", "-", "6000020121002", "システムの設計・開発及び運用保守業務", "2,235 その他",
        "4 株式会社日立製作所", "3469123701672 補助事業の実施", "1,423", "一般競争契約(最低価格)",
        "5 有限責任監査法人トーマツ", "4960774972263", "システムの設計・開発及び運用保守業務", "1,268",
        "随意契約(企画競争)", "3", "5", "3", "74%", "67%", "78%"]
TAIL = [("B.地方公共団体", 277, False), ("計", 279, True), ("13,838", 283, False)]


def _cells(body: list[str] = BODY) -> list[tuple[str, int, bool]]:
    return HEAD + [(t, 209 + 2 * i, False) for i, t in enumerate(body)] + TAIL


def _rows() -> list[PayeeRow]:
    rows = [(1, "株式会社エヌ・ティ・ティ・データ", "3142730388279", "5,215", None),
            (2, "横浜市", "3000020141003", "3,697", None), (3, "千葉市", "6000020121002", "2,235", "その他"),
            (4, "株式会社日立製作所", "3469123701672", "1,423", None),
            (5, "有限責任監査法人トーマツ", "4960774972263", "1,268", None)]
    return [PayeeRow("A", rank, {"name": name, "corporate_number": corp, "amount": amount, "description": None,
                                 "contract_method": method}, 209 + rank, False)
            for rank, name, corp, amount, method in rows]


def _read(cells, notes=None):
    return settle_bids(cells, _rows(), notes, 190)


def _got(rows):
    return [(r.rank, r.cells.get("contract_method"), r.cells.get("bidders"), r.cells.get("award_rate")) for r in rows]


def test_contract_from_the_paragraph_after_the_amount():
    texts = [t for t, _, h in _cells() if not h]
    got = contracts_by_amount(texts, _rows())
    assert [r.cells["contract_method"] for r in got] == ["一般競争契約(総合評価)", "随意契約(公募)", "その他",
                                                         "一般競争契約(最低価格)", "随意契約(企画競争)"]


def test_a_column_of_contract_cells_after_an_amount_is_not_its_row():
    """reportlab's print under pdfminer.six: 「1,423」 then the 契約方式 of rows 4, 1 and 2 one after another: the
    first is row 4's here, but a column's head is not taken for the amount's row."""
    body = list(BODY)
    at = body.index("一般競争契約(最低価格)")
    body[at + 1:at + 1] = ["一般競争契約(総合評価)", "随意契約(公募)"]
    texts = [t for t, _, h in _cells(body) if not h]
    got = {r.rank: r.cells["contract_method"] for r in contracts_by_amount(texts, _rows())}
    assert got[4] is None
    assert got[1] == "一般競争契約(総合評価)"


def test_an_amount_written_twice_gives_no_contract():
    body = list(BODY)
    body.insert(0, "1,423")  # (the same figure elsewhere in the section: which one is the row's is not known)
    texts = [t for t, _, h in _cells(body) if not h]
    assert {r.rank: r.cells["contract_method"] for r in contracts_by_amount(texts, _rows())}[4] is None


def test_runs_go_to_the_rows_pending_in_order():
    """Rows 1 and 2 have their cells after their 契約方式; rows 3, 4 and 5 have none there, and the run
    「3 5 3 74% 67% 78%」 after row 5's is their 入札者数 then their 落札率, top to bottom."""
    notes: list = []
    assert _got(_read(_cells(), notes)) == [
        (1, "一般競争契約(総合評価)", "1", "88%"), (2, "随意契約(公募)", "-", "-"), (3, "その他", "3", "74%"),
        (4, "一般競争契約(最低価格)", "5", "67%"), (5, "随意契約(企画競争)", "3", "78%")]
    assert notes == []


def test_a_run_of_other_length_than_the_rows_pending_is_not_read():
    """One 落札率 less in the run: three rows pending, two percentages: whose they are is not known."""
    body = list(BODY)
    body.remove("67%")
    notes: list = []
    got = _got(_read(_cells(body), notes))
    assert got[:2] == [(1, "一般競争契約(総合評価)", "1", "88%"), (2, "随意契約(公募)", "-", "-")]
    assert [g[2:] for g in got[2:]] == [(None, None)] * 3
    assert notes and "blocks ['A']" in notes[0][1] and "not settled" in notes[0][1]


def test_a_lone_dash_after_a_row_pending_both_cells_stops_the_reading():
    """Row 2 with one 「-」 after its 契約方式 (the other dash elsewhere): a 入札者数 or a 落札率, the text does not say;
    from there on no row is given a cell (row 1's, read before, stays)."""
    body = list(BODY)
    del body[body.index("-")]
    notes: list = []
    got = _got(_read(_cells(body), notes))
    assert got[0] == (1, "一般競争契約(総合評価)", "1", "88%")
    assert [g[2:] for g in got[1:]] == [(None, None)] * 4
    assert notes


def test_a_reading_against_the_dash_rule_gives_nothing():
    """Row 2's cells read as 「-」 and 「5%」: one dash and one figure in one row is no reading of the form."""
    body = list(BODY)
    body[body.index("-") + 1] = "5%"
    got = _got(_read(_cells(body), []))
    assert [g[2:] for g in got[1:]] == [(None, None)] * 4
    assert got[0][2:] == ("1", "88%")  # (settle_bids reads row 1's at its 契約方式 either way)


def test_a_one_row_block_s_total_after_the_header_is_not_its_amount():
    """Sheet 11 (pdfminer.six, LibreOffice): block B's one row 「586」「随意契約(公募)」「1」「95%」, and its 計 586 written
    after the next block's header cells. The figure after a header is the 計, so the row's 契約方式 is known; a 586
    in the body (a 入札者数 of that figure, say) leaves it unknown."""
    cells = [("B.地方公共団体", 206, False), ("支出先", 223, True), ("落札率", 234, True), ("1 札幌市", 236, False),
             ("9000020011002 ヘルプデスク業務", 238, False), ("586", 240, False), ("随意契約(公募)", 242, False),
             ("1", 244, False), ("95%", 246, False), ("C.研究機関", 248, False), ("計", 250, True),
             ("落札率", 265, True), ("586", 267, False), ("1 千葉市", 269, False)]
    row = PayeeRow("B", 1, {"name": "札幌市", "corporate_number": "9000020011002", "amount": "586",
                            "description": "ヘルプデスク業務", "contract_method": None}, 236, False)
    got = settle_bids(cells, [row])[0].cells
    assert (got["contract_method"], got["bidders"], got["award_rate"]) == ("随意契約(公募)", "1", "95%")
    body = cells[:9] + [("586", 247, False)] + cells[9:]  # (a 586 after 「95%」, in the body: whose, not known)
    assert settle_bids(body, [row])[0].cells.get("contract_method") is None


def test_a_one_row_block_s_total_written_in_the_body():
    """Sheet 62 (pdfminer.six, LibreOffice): block C's one row 「11,753」「随意契約(公募)」「1」「96%」 and its 計
    「11,753」 right after them. Of the figure's two places (one more than the rows with that amount, and the
    figure is a block's 計) one only is followed by no 契約方式: that one is the 計. Two places both followed by one
    (another row's 契約方式 after the 計) leave it unknown."""
    cells = [("C.研究機関", 248, False), ("落札率", 272, True), ("5000020151009 機器の賃貸借", 274, False),
             ("11,753", 276, False), ("随意契約(公募)", 278, False), ("1", 280, False), ("96%", 282, False),
             ("11,753", 284, False)]
    row = PayeeRow("C", 1, {"name": "新潟市", "corporate_number": "5000020151009", "amount": "11,753",
                            "description": "機器の賃貸借", "contract_method": None}, 255, False)
    got = settle_bids(cells, [row])[0].cells
    assert (got["contract_method"], got["bidders"], got["award_rate"]) == ("随意契約(公募)", "1", "96%")
    other = cells + [("その他", 286, False)]
    assert settle_bids(other, [row])[0].cells.get("contract_method") is None
