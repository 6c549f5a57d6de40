"""Payee rows of pdfminer.six's text of the real ruled form (kg.extract.payee_boxes) when the rows anchored at a
法人番号 or a 「-」 do not count as the ranks of the block letters' run: a payee with no 法人番号 whose 「-」 stands
before its name (after a row whose amount is a figure of one or two digits), and rows placed by fitting them to the
ranks when a row is not read at all (each block's amounts fall down its ranks)."""
from __future__ import annotations

from tests.unit.extract.test_payee_boxes import HEADER, _read

# block A as pdfminer.six wrote it for a real-form variant: the second payee's 「-」 法人番号 before its name
DASH_BEFORE_NAME = [
    "A.", *HEADER,
    "千葉市", "6000020121002", "視察(旅費の支払)", "12", "-", "--", "-",
    "(株)日立システムズ・有限会社野村総合研究所共同企業体", "ヘルプデスク業務 4.1", "一般競争契約 (総合評価)", "1", "52%",
    "個人(C)", "-", "タイムスタンプ認定制度に関する調査", "3.8", "随意契約 (企画競争)", "1",
    "株式会社オリエンタルコンサルタンツ", "1489512383040", "ヘルプデスク業務、実証事業の実施", "1.6", "随意契約 (その他)",
    "-", "-", "-", "1", "2", "3", "4"]


def test_a_dash_before_a_name_after_a_row_of_a_two_digit_amount_is_that_payees():
    notes: list = []
    rows = _read(DASH_BEFORE_NAME, notes)
    assert set(rows) == {("A", 1), ("A", 2), ("A", 3), ("A", 4)}, notes
    assert (rows[("A", 1)]["corporate_number"], rows[("A", 1)]["amount"]) == ("6000020121002", "12")
    second = rows[("A", 2)]
    assert (second["name"], second["corporate_number"], second["amount"]) == \
        ("(株)日立システムズ・有限会社野村総合研究所共同企業体", None, "4.1")
    assert (rows[("A", 3)]["name"], rows[("A", 3)]["amount"]) == ("個人(C)", "3.8")
    assert (rows[("A", 4)]["corporate_number"], rows[("A", 4)]["amount"]) == ("1489512383040", "1.6")


# blocks A and B; B's second payee wrote no 「-」 at all (no row is anchored there) and its amount is not read: three
# rows for four ranks
ONE_ROW_NOT_READ = [
    "A.", "1", "2", *HEADER,
    "(株)野村総合研究所", "4010001054032", "タイムスタンプ認定制度に関する調査", "30", "一般競争契約 (総合評価)", "1", "83.3%",
    "PwCコンサルティング合同会社", "1010401023102", "英訳作業", "20", "随意契約 (少額)", "-",
    "B", "1", "2",
    "(株)三菱総合研究所", "6010001030403", "調査研究", "25", "一般競争契約 (総合評価)", "2", "93.3%",
    "講師謝金(講師B)", "講演", "随意契約 (少額)"]


def test_rows_fewer_than_the_ranks_are_placed_by_the_amounts_when_they_count_as_the_ranks():
    # B2's amount read (「5」 after its 業務概要): four amounts for four ranks, falling down each block: B1 is the row
    # at 「6010001030403」, B2 has its amount alone
    at = ONE_ROW_NOT_READ.index("講演") + 1
    rows = _read([*ONE_ROW_NOT_READ[:at], "5", *ONE_ROW_NOT_READ[at:]])
    assert (rows[("B", 1)]["corporate_number"], rows[("B", 1)]["amount"]) == ("6010001030403", "25")
    # (B2 has its amount alone, or — its one-digit amount right before its 契約方式 — is read as the row of a payee with
    # no 法人番号 of its own, ``_loose_name``)
    assert rows[("B", 2)] in ({"amount": "5"}, {"name": "講師謝金(講師B)", "corporate_number": None, "description": "講演",
                                                "amount": "5", "contract_method": "随意契約 (少額)", "bidders": None,
                                                "award_rate": None})
    assert (rows[("A", 2)]["corporate_number"], rows[("A", 2)]["amount"]) == ("1010401023102", "20")


def test_rows_fewer_than_the_ranks_are_kept_where_every_fitting_places_them():
    notes: list = []
    rows = _read(ONE_ROW_NOT_READ, notes)
    # A's two rows stand first whichever rank is the one not read (were it A's, B would rise from 20 to 25); the
    # third row is B's first or its second: not established
    assert set(rows) == {("A", 1), ("A", 2)}, notes
    assert (rows[("A", 1)]["corporate_number"], rows[("A", 1)]["amount"]) == ("4010001054032", "30")
    assert (rows[("A", 2)]["name"], rows[("A", 2)]["corporate_number"], rows[("A", 2)]["amount"]) == \
        ("PwCコンサルティング合同会社", "1010401023102", "20")
    assert any("('B', 1), ('B', 2)] are unknown" in n[1] for n in notes), notes


def test_rows_no_fitting_holds_give_none():
    notes: list = []
    rising = [("5" if b == "30" else b) for b in ONE_ROW_NOT_READ]  # amounts 5, 20, 25 for A1, A2, B1, B2
    assert _read(rising, notes) == {}  # any three of the four ranks in order make a block's amounts rise
    assert notes and "3 rows but 4 ranks" in notes[0][1]


def test_a_fitted_row_takes_no_name_from_across_the_run():
    # A2's name box, then the run's 「2」, then its 法人番号: a name written after the cells of the row before may stand
    # there, so a row placed by fitting has its 法人番号 and amount but no name
    at = ONE_ROW_NOT_READ.index("PwCコンサルティング合同会社")
    boxes = ["A.", "1", *ONE_ROW_NOT_READ[3:at + 1], "2", *ONE_ROW_NOT_READ[at + 1:]]
    notes: list = []
    rows = _read(boxes, notes)
    assert set(rows) == {("A", 1), ("A", 2)}, notes
    assert (rows[("A", 2)]["name"], rows[("A", 2)]["corporate_number"], rows[("A", 2)]["amount"]) == \
        (None, "1010401023102", "20")
    assert rows[("A", 1)]["name"] == "(株)野村総合研究所"


def test_a_row_placed_before_anchors_written_ahead_of_it_is_not_placed():
    """Variant rv1215 (LibreOffice, pdfminer.six): block H's two 「国際連合開発計画 (UNDP)」 names, their two 「-」, then
    「(株)日立システムズ 828648439789」「6」 and 「実証事業の実施 5.4」 — rank 1's 業務概要 and amount written after the
    third row's 法人番号. Placed by that 5.4, the third anchor's row would be rank 1 although two anchors stand before it:
    its cells stay unplaced (rank 1 keeps its amount alone)."""
    from kg.extract.payee_boxes import _out_of_anchor_order
    from kg.extract.payee_rows_text import PayeeRow

    dash1, dash2 = PayeeRow("", 0, {"corporate_number": None}, 10, False), PayeeRow("", 1, {}, 12, False)
    hitachi = PayeeRow("", 2, {"name": "(株)日立システムズ", "corporate_number": "8286484397896", "amount": "5.4"}, 14, False)
    assert _out_of_anchor_order([dash1, dash2, hitachi], {0: hitachi}) == [0]
    assert _out_of_anchor_order([dash1, dash2, hitachi], {2: hitachi}) == []
    assert _out_of_anchor_order([dash1, hitachi, dash2], {3: dash2, 2: hitachi}) == []
    assert _out_of_anchor_order([hitachi, dash1], {2: hitachi, 1: dash1}) == [1]  # (after a row placed later)
