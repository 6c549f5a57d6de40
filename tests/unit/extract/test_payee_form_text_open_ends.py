"""A block of pdftotext's real-form text whose rows stop short of its end (payee_form_text._opens_other): ranks 1, 2,
... each with its row's cells, then — past small cells and header cells — a cell opening a row (a name, a row with no
rank before it), not the block's end. The rows read stand and the rows ranked after them are unknown (noted); a cell
of a row's body after them (a 契約方式等, an amount, a 法人番号, a text with a figure), a single row, a row read without
its body or two text cells in a row leave the block unknown. Paragraphs from real-form variants
(tests/fixtures/real_variants.py, variant 680 block E) as pdftotext wrote them; values as the variants' .xlsx hold them."""
from __future__ import annotations

from kg.extract.payee_form_text import with_form_blocks
from kg.extract.payee_rows_text import PayeeRow
from tests.unit.extract.test_payee_form_text import END, _paras, _rows

ROWS = ["E", "法人番号", "業務概要",
        "1", ["(株)TKC・合同会社ソ", "フトバンク共同企業体"], ["視察(旅費の 26,765", "支払)"],
        "2", "インテック(株)", ["1585448479973 データ整備", "及び分析業", "務、普及啓", "発コンテン", "ツの作成"], "17,119",
        "3", ["国立研究開発法人情報 9832168838720 タイムスタ", "通信研究機構 ンプ認定制", "度に関する", "調査"], "8,558",
        "4", ["株式会社伊藤忠テクノ 4350215537548 研修の企画", "ソリューションズ 運営"], "6,623"]
HEADER = ["支出先", "法人番号", ["支出額 (百万", "円)"], "契約方式等", ["入札者数 (応", "募者数)"], "落札率"]
NEXT = ["横浜市", ["3000020141003 諸外国の動", "向に関する", "文書の分析", "及び要約作", "業"], "4,861", "その他", "-", "-",
        *HEADER, "随意契約 (企画 競争)", "4", "-", "-", "-", "--", "5", "-", "その他", "F", "1", "業務概要", "G"]


def test_rows_that_stop_before_another_rows_name_stand_and_the_ranks_after_them_are_unknown():
    # (the next row, 「横浜市」 4,861, is block F's — its letter and rank written after it — or E's fifth, its rank apart)
    notes: list = []
    rows = _rows(_paras(*ROWS, *HEADER, *NEXT) + END, notes)
    assert sorted(k for k in rows if k[0] == "E") == [("E", 1), ("E", 2), ("E", 3), ("E", 4)]
    assert [rows[("E", r)]["amount"] for r in (1, 2, 3, 4)] == ["26,765", "17,119", "8,558", "6,623"]
    assert (rows[("E", 2)]["name"], rows[("E", 2)]["corporate_number"]) == ("インテック(株)", "1585448479973")
    assert rows[("E", 4)]["corporate_number"] == "4350215537548"
    assert any("block E: no row ranked 5 reads" in m for _, m in notes)


def test_a_body_cell_after_the_rows_leaves_the_block_unknown():
    # an amount, a 法人番号 or a text with a figure right after the rows: the tool wrote the rows' bodies late, and
    # the cells read may be the row before's
    for body in (["4,861"], ["3000020141003"], [["視察(旅費の 4,861", "支払)"]]):
        assert not any(k[0] == "E" for k in _rows(_paras(*ROWS, *body, *HEADER, *NEXT) + END))


def test_a_single_row_leaves_the_block_unknown():
    # 「E」「1」 and one row: the rank column may stand apart from its rows (another block's row read after it)
    assert not any(k[0] == "E" for k in _rows(_paras(*ROWS[:6], *HEADER, *NEXT) + END))


def test_a_row_without_its_body_before_the_last_leaves_the_block_unknown():
    # row 1 with its name and 法人番号 alone (its 業務概要 and amount written elsewhere): row 2's body may be its
    bare = [*ROWS[:4], ROWS[4], "4719216881619", *ROWS[6:]]
    assert not any(k[0] == "E" for k in _rows(_paras(*bare, *HEADER, *NEXT) + END))


def test_two_text_cells_in_a_row_leave_the_block_unknown():
    # the last row's 業務概要, then a text cell at once (pdfminer.six writes a column of 業務概要 after the rows): the
    # rows' 業務概要 may be each other's
    last = [*ROWS[:-2], ["株式会社伊藤忠テクノ 4350215537548", "ソリューションズ"], "研修の企画運営",
            "諸外国の動向に関する文書の分析及び要約作業", "6,623"]
    assert not any(k[0] == "E" for k in _rows(_paras(*last, "その他", *HEADER, *NEXT) + END))


def test_a_row_after_one_without_its_contract_method_has_its_tail_unknown():
    # rows 1 and 2 read no 契約方式等, row 3 reads one: it may be row 2's written late (the block's end not in sight)
    tails = [*ROWS[:16], "一般競争契約 (最低価格)", "3", "88%", *ROWS[16:]]
    rows = _rows(_paras(*tails, *HEADER, *NEXT) + END)
    e3 = rows[("E", 3)]
    assert (e3["amount"], e3["contract_method"], e3["bidders"], e3["award_rate"]) == ("8,558", None, None, None)


def test_rows_whose_tails_follow_them_keep_their_bodies_and_their_tails_are_unknown():
    # (variant 1302, LibreOffice: row 3 reads a 契約方式等 and another follows — the rows' tails written late, whose
    # each is the text does not say) the rows' names, 法人番号 and amounts stand; every tail is unknown
    notes: list = []
    rows = _rows(_paras(*ROWS, "補助金等交付", "随意契約 (公募)", "-", "3", "88%", *HEADER, *NEXT) + END, notes)
    assert [rows[("E", r)]["amount"] for r in (1, 2, 3, 4)] == ["26,765", "17,119", "8,558", "6,623"]
    assert rows[("E", 3)]["corporate_number"] == "9832168838720"
    assert all(rows[("E", r)][c] is None for r in (1, 2, 3, 4) for c in ("contract_method", "bidders", "award_rate"))
    assert any("block E: no row ranked 5 reads" in m for _, m in notes)
    # a figure among them that is no tail's (an amount): the bodies may be shifted too — unknown
    assert not any(k[0] == "E" for k in _rows(_paras(*ROWS, "補助金等交付", "随意契約 (公募)", "4,861", *HEADER, *NEXT)
                                              + END))


def _row(block, rank, name, amount, method, line):
    cells = dict.fromkeys(("name", "corporate_number", "description", "amount", "contract_method", "bidders",
                           "award_rate"))
    return PayeeRow(block, rank, {**cells, "name": name, "amount": amount, "contract_method": method}, line, False)


def test_form_rows_that_stop_short_fill_the_rows_another_reader_gave_in_full():
    # (variant 1524, reportlab: the column reader's block B has nine rows and no 契約方式等, the form's order reads the
    # first six with theirs — and the other blocks its cells) the rows both read agree: the form's cells fill them
    theirs = [_row("B", 1, "一般財団法人日本情報システム・ユーザー協会", "3,810", None, 900),
              _row("B", 2, "合同会社シー・エス・エス", "1,193", None, 910), _row("B", 3, "岩手県", "120", None, 920),
              _row("C", 1, "有限会社野村総合研究所", "31,933", None, 1000)]
    form = [_row("B", 1, "一般財団法人日本情報システム・ユーザー協会", "3,810", None, 900),
            _row("B", 2, "合同会社シー・エス・エス", "1,193", None, 910),
            _row("C", 1, "有限会社野村総合研究所", "31,933", "随意契約 (企画競争)", 1000)]
    got = {(r.block, r.rank): r.cells for r in with_form_blocks(theirs, form)}
    assert got[("C", 1)]["contract_method"] == "随意契約 (企画競争)" and got[("B", 3)]["amount"] == "120"
    # ranks that are not the other reading's first ones (B 1 and 3): which rows they are is not established
    skipped = [form[0], form[1]._replace(rank=3), form[2]]
    assert with_form_blocks(theirs, skipped) is theirs
