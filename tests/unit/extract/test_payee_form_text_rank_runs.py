"""Blocks of pdftotext's real-form text placed by their rank runs (kg.extract.payee_form_text._with_rank_runs): the
letters written away from their rows, a row whose rank is written apart, a row whose cells after its name are
written elsewhere (a bare row), a row written late that puts the blocks out of order (left unknown), and
with_form_rows taking those rows beside another reader's."""
from __future__ import annotations

from kg.extract.payee_form_text import form_disputes, with_form_rows
from kg.extract.payee_rows_text import PayeeRow
from tests.unit.extract.test_payee_form_text import END, _paras, _rows

# the header cells as pdftotext writes them, the 理由 header run together with its row's 「-」
HEADER = ["支出先", "法人番号", "業務概要", "支出額 (百万円)", "契約方式等", "入札者数 (応募者数)", "落札率",
          ["一者応札・一者応募又は競争性のない随意契約となった理由及び改善策 (支", "出額10億円以上)", "-"]]


def test_letters_written_apart_blocks_placed_by_their_rank_runs():
    rows = _rows(_paras("A.", *HEADER,
                        "1", ["(株)野村総合研究 4010001054032", "所"], ["タイムスタンプ認定制度に関す", "る調査"], "18",
                        "一般競争契約 (総合評価)", "1", "-",
                        "2", "(株)三菱総合研究所", "6010001030403", "AIとセキュリティに関連した調査", "11",
                        "随意契約 (少額)", "-", "-",
                        "落札率", "職員旅費(職員A)", "-", "定期刊行物の購読", "25", "随意契約 (少額)", "-", "-",
                        "落札率", "1", "KDDI(株)", "9011101031552", "Web会議システム導入", "7", "随意契約 (少額)", "-", "-",
                        "B", "1", "C"))
    assert set(rows) == {("A", 1), ("A", 2), ("B", 1), ("C", 1)}
    a1, a2, b1, c1 = rows[("A", 1)], rows[("A", 2)], rows[("B", 1)], rows[("C", 1)]
    assert (a1["name"], a1["corporate_number"], a1["amount"], a1["bidders"]) == \
        ("(株)野村総合研究所", "4010001054032", "18", "1")
    assert (a2["corporate_number"], a2["amount"], a2["contract_method"]) == ("6010001030403", "11", "随意契約 (少額)")
    # the run of one row (its rank 「1」 written after it, beside the letter B): block B's
    assert (b1["name"], b1["corporate_number"], b1["description"], b1["amount"]) == \
        ("職員旅費(職員A)", None, "定期刊行物の購読", "25")
    assert (c1["name"], c1["corporate_number"], c1["amount"]) == ("KDDI(株)", "9011101031552", "7")


def test_a_bare_row_keeps_its_name_and_the_row_after_it_only_its_name_and_number():
    notes: list = []
    rows = _rows(_paras("A.", *HEADER,
                        "1", ["(株)野村総合研究 4010001054032", "所"], "タイムスタンプ認定制度に関する調査", "18",
                        "一般競争契約 (総合評価)", "1", "-",
                        "2", "個人(B)", "随意契約 (公募) 5", "-",
                        "3", ["(株)三菱総合研究 6010001030403", "所"], "ガイドラインの英訳作業", "9", "その他", "-", "-",
                        ["諸外国の動向に関す 12", "る調査"]), notes)
    assert set(rows) == {("A", 1), ("A", 2), ("A", 3)}
    assert rows[("A", 1)]["amount"] == "18"
    a2 = rows[("A", 2)]  # its 業務概要 and amount written after row 3: unknown, as is the 契約方式等 after its name
    assert (a2["name"], a2["corporate_number"], a2["amount"], a2["contract_method"], a2["bidders"]) == \
        ("個人(B)", None, None, None, None)
    a3 = rows[("A", 3)]  # what follows its name and number may be row 2's: unknown
    assert (a3["name"], a3["corporate_number"], a3["description"], a3["amount"], a3["contract_method"]) == \
        ("(株)三菱総合研究所", "6010001030403", None, None, None)
    assert any("block A rank 2" in m for _, m in notes)


def test_a_row_written_after_the_next_blocks_is_not_placed_by_counting():
    """Block B's 契約方式等 stands where its row should be and its row comes after block C's (real seed 003 A4):
    between runs whose rows all have their 契約方式等, the blocks are out of order — C's row is not B's."""
    rows = _rows(_paras("A.", *HEADER,
                        "1", ["(株)野村総合研究 4010001054032", "所"], "タイムスタンプ認定制度に関する調査", "18",
                        "一般競争契約 (総合評価)", "1", "-",
                        "B", "C", "一般競争契約 (総合評価)", "2", "-",
                        "1", ["(株)エアクレ", "ーレン"], ["4010401004009 テレワークセキュ 0.6", "リティの手引き"],
                        "随意契約 (少額)", "-", "-", "落札率",
                        "1", ["(株)ITリサーチ・ 1010001143390 サイバーセキュリ 7", "アート"], "98.7%"))
    assert rows.get(("B", 1), {}).get("corporate_number") != "4010401004009"
    assert rows.get(("C", 1), {}).get("corporate_number") != "1010001143390"


def test_form_rows_taken_beside_another_readers_when_they_hold_its_rows_alike():
    cells = {"name": "KDDI(株)", "corporate_number": "9011101031552", "description": None, "amount": "7",
             "contract_method": None, "bidders": None, "award_rate": None}
    theirs = [PayeeRow("A", 1, {**cells, "amount": "7.0", "contract_method": "随意契約 (少額)"}, 10, False)]
    form = [PayeeRow("A", 1, cells, 12, False), PayeeRow("B", 1, {**cells, "name": "那覇市"}, 30, False)]
    got = with_form_rows(theirs, form)
    assert [(r.block, r.rank) for r in got] == [("A", 1), ("B", 1)]
    assert got[0].cells["contract_method"] == "随意契約 (少額)" and got[0].cells["amount"] == "7"
    other = [PayeeRow("A", 1, {**cells, "corporate_number": "4010001054032"}, 10, False)]
    assert with_form_rows(other, form) is other  # a row they give otherwise: the other reader's rows alone
    # the same rows read by both (the other reader's without their 契約方式等, 入札者数): each reading's cells the other
    # left unknown
    mine = [PayeeRow("A", 1, {**cells, "amount": "7.0", "description": "Web会議システム導入"}, 10, False),
            PayeeRow("B", 1, {**cells, "name": "那覇市"}, 28, False)]
    both = [PayeeRow("A", 1, {**cells, "contract_method": "随意契約 (少額)", "bidders": "2"}, 12, False), form[1]]
    got = with_form_rows(mine, both)
    assert [(r.block, r.rank) for r in got] == [("A", 1), ("B", 1)]
    assert (got[0].cells["description"], got[0].cells["contract_method"], got[0].cells["bidders"]) == \
        ("Web会議システム導入", "随意契約 (少額)", "2")


def test_a_number_reading_as_the_next_rank_is_neither_the_amount_nor_the_bidders():
    """Row 2's rank follows row 1's 法人番号 and 業務概要, row 2's cells written elsewhere (the header cells and a
    契約方式等 after it): 「2」 is not row 1's amount or 入札者数."""
    rows = _rows(_paras("A.", *HEADER, "1", "(株)野村総合研究所", ["4010001054032 タイムスタンプ認定", "制度に関する調査"],
                        "2", "支出額 (百万円)", "随意契約 (少額)", "-", "-"))
    a1 = rows[("A", 1)]
    assert (a1["name"], a1["corporate_number"], a1["amount"], a1["bidders"]) == \
        ("(株)野村総合研究所", "4010001054032", None, None)


def test_a_row_body_without_its_name_starts_no_block():
    """A 法人番号 with its 業務概要 and amount, its name and rank written elsewhere (「1」「大和総研(株)」 after the
    block's other rows), is a cell written apart, not a block of its own: the blocks after it keep their rows."""
    rows = _rows(_paras("A.", *HEADER,
                        "1", ["(株)野村総合研究 4010001054032", "所"], "タイムスタンプ認定制度に関する調査", "18",
                        "一般競争契約 (総合評価)", "1", "-",
                        "B", *HEADER[:3], ["6010001030403 セキュリティ説明会 1.1", "の開催"], "一般競争契約 (総合評価)", "3", "40%",
                        "-", "1", "大和総研(株)", "支出額 (百万円)",
                        "C", *HEADER[:3], "1", "KDDI(株)", "9011101031552", "Web会議システム導入", "7", "随意契約 (少額)",
                        "-", "-"))
    assert set(rows) == {("A", 1), ("B", 1), ("C", 1)}
    b1 = rows[("B", 1)]  # its number and amount are not placed: unknown
    assert (b1["name"], b1["corporate_number"], b1["amount"]) == ("大和総研(株)", None, None)
    assert (rows[("C", 1)]["corporate_number"], rows[("C", 1)]["amount"]) == ("9011101031552", "7")


def test_the_doubt_a_row_without_its_contract_method_casts_goes_to_the_next_row_only():
    """A row that read no 契約方式等 (its cells 「-」「-」): the next row's 契約方式等 may be that row's, written late,
    so it is unknown; the row after that read its own in place after its cells, which is no late cell of anyone's."""
    rows = _rows(_paras("A.", *HEADER,
                        "1", "ぎょうせい株式会社", "7490886507358", "視察(旅費の支払)", "195", "-", "-",
                        "2", ["日経BPマーケティング", "株式会社"], "5536102844687", "データ整備及び分析業務", "94",
                        "補助金等交付", "-", "--",
                        "3", ["株式会社日本レジスト", "リサービス"], "7302203114473", "補助事業の実施", "31",
                        "一般競争契約 (最低価格)", "6", "45.8%",
                        "職員旅費(職員A)", "-", "定期刊行物の購読", "25", "随意契約 (少額)", "-", "-", "B", "1"))
    assert set(rows) == {("A", 1), ("A", 2), ("A", 3), ("B", 1)}
    assert rows[("A", 1)]["contract_method"] is None
    assert (rows[("A", 2)]["amount"], rows[("A", 2)]["contract_method"]) == ("94", None)
    a3 = rows[("A", 3)]
    assert (a3["amount"], a3["contract_method"], a3["bidders"], a3["award_rate"]) == \
        ("31", "一般競争契約 (最低価格)", "6", "45.8%")


def test_a_run_ending_in_a_rank_with_no_cells_then_a_run_whose_rank_is_apart_places_no_block():
    """Block A's rank 「3」 stands with no cell of its row after it (its name 「個人(C)」 written after the other rows'
    cells, its rank apart): the run of that name is not block B's — whose rows follow is not established."""
    rows = _rows(_paras("A.", "支出先", "法人番号", "業務概要",
                        "1", "青森県", ["200002002", "0001"], "2", "講師謝金(講師B)", "3",
                        "支出額 (百万円)", "契約方式等", ["入札者数 (応募 落札率", "者数)"],
                        ["普及啓発コンテンツ 3,603", "の作成"], ["一般競争契約", "(最低価格)"], "3", "47.2%", "-", "-",
                        ["ガイドラインの英訳 3,461", "作業"], ["随意契約 (公", "募)"], "2", "-",
                        "個人(C)", "-", ["視察(旅費の支払)、 2,424", "利用者の基本的な権"], ["一般競争契約", "(最低価格)"], "2",
                        "92%", *HEADER,
                        "1", "大和総研株式会社", ["478835762", "0723"], ["タイムスタンプ認定 279", "制度に関する調査"],
                        ["一般競争契約", "(総合評価)"], "9", "43.4%", "-",
                        "2", "委員謝金(委員B)", "-", ["タイムスタンプ認定 116", "制度に関する調査"], ["随意契約 (少", "額)"], "-", "-",
                        "B.", "C."))
    assert not any(r["name"] == "個人(C)" for (block, _), r in rows.items() if block != "A")
    assert rows.get(("B", 1), {}).get("name") in (None, "大和総研株式会社")


def test_a_number_without_a_name_piece_right_after_a_rank_may_be_the_row_befores():
    """「1」 then a name alone, then 「2」 and the header cells, then a 法人番号 with no piece of a name beside it: row 1's
    number and 業務概要 written after rank 2 (row 2's name comes after them). Row 2 does not take that number: it is
    row 1's, the rank 「2」 stacked after row 1's name (_stacked_ranks, past the header cells), row 2 the name after
    row 1's cells with its own number."""
    rows = _rows(_paras("A", "支出先", "法人番号", "1", ["合同会社大", "和総研"], "2", "業務概要", "支出額 (百万円)", "契約方式等",
                        ["入札者数 (", "応募者数)"], "落札率",
                        ["48172495 研修の企画運営、", "67550", "機器の賃貸借"], "5.8", ["随意契約 (", "その他)"], "-", "-", "-",
                        ["合同会社エ", "アクレーレ", "ン"], ["78512831 普及啓発コンテン", "44915", "ツの作成"], "5.3", "-", "-", "-",
                        "3", ["株式会社富", "士フイルム", "ビジネスイ", "ノベーショ", "ン"],
                        ["37022932 会議等出席(諸謝金) 3.4", "09716", "、ガイドラインの", "英訳作業"], "-", "-", "-",
                        "4", "個人(D)", "-", ["普及啓発コンテン", "ツの作成"], "1.9", "-", "-", "-") + END)
    assert rows[("A", 1)]["name"] == "合同会社大和総研"
    assert rows[("A", 2)]["corporate_number"] != "4817249567550"  # (row 1's)
    assert (rows[("A", 1)]["corporate_number"], rows[("A", 1)]["amount"]) == ("4817249567550", "5.8")
    assert (rows[("A", 2)]["name"], rows[("A", 2)]["corporate_number"], rows[("A", 2)]["amount"]) == \
        ("合同会社エアクレーレン", "7851283144915", "5.3")


def test_an_amount_two_readers_give_otherwise_for_one_row_is_unknown():
    """The column reader's row (its amount the rank 「1」 written before a 契約方式) and form_rows' same row (name and
    法人番号 alike) with the amount ending its 業務概要's first line: two readings of the amount, unknown."""
    cells = {"name": "株式会社日立システムズ", "corporate_number": "6800813958915", "description": None, "amount": "1",
             "contract_method": None, "bidders": None, "award_rate": None}
    theirs = [PayeeRow("J", 1, cells, 1767, False)]
    form = [PayeeRow("J", 1, {**cells, "amount": "13", "contract_method": "随意契約 (公募)"}, 1765, False),
            PayeeRow("D", 1, {**cells, "name": "那覇市"}, 1300, False)]
    assert with_form_rows(theirs, form) is theirs  # (no merge: the two give the amount otherwise)
    got, disputed = form_disputes(theirs, form)
    assert [(r.block, r.rank, r.cells["amount"]) for r in got] == [("J", 1, None)] and disputed == ["J1 amount"]
    assert got[0].cells["corporate_number"] == "6800813958915"


def _row(block, rank, line, **cells):
    keys = ("name", "corporate_number", "description", "amount", "contract_method", "bidders", "award_rate")
    return PayeeRow(block, rank, {k: cells.get(k) for k in keys}, line, False)


def test_cells_a_block_placed_by_its_rank_runs_left_unknown_taken_from_the_form_order_reading():
    # (rv671's block G as pdftotext wrote it: 「G」「38,699」「-」「1」, the header cells, 「職員旅費(職員A)」「-」
    # 「会議等出席(諸 謝金)」「39,424」「補助金等交付」「-」「-」: the rank run left the row's tail unknown, the form's
    # order reads it in place after the row's amount)
    from kg.extract.payee_form_text import _with_bare
    counted = [_row("F", 1, 330, name="有限会社柏屋本店", amount="38,699", contract_method="その他"),
               _row("G", 1, 365, name="職員旅費(職員A)", description="会議等出席(諸謝金)", amount="39,424")]
    in_order = [_row("G", 1, 358, name="職員旅費(職員A)", description="会議等出席(諸謝金)", amount="39,424",
                     contract_method="補助金等交付")]
    got = {(r.block, r.rank): r for r in _with_bare(counted, in_order)}
    assert got[("G", 1)].cells["contract_method"] == "補助金等交付"
    assert got[("G", 1)].line == 365 and got[("F", 1)].cells["contract_method"] == "その他"
    # a cell the two read otherwise, or another name: whose cells they are is not established
    for other in (dict(amount="3,942"), dict(name="職員旅費(職員B)")):
        late = [r._replace(cells={**r.cells, **other}) for r in in_order]
        assert _with_bare(counted, late)[1].cells["contract_method"] is None


def test_a_row_whose_rank_is_apart_after_a_row_without_its_contract_method_has_no_tail_of_its_own():
    """The row after one whose 契約方式等 was not read may have that row's tail where its own would stand (a block's
    first row whose rank is written apart is no exception): variant 66's blocks H and I as pdftotext wrote
    LibreOffice's print, re-lettered — block A's 「一般競争契約 (最低価格) 3 60.1%」 read as block B's, whose own
    (「一般競争契約 (総合評価) 1 98.8%」) is written after the next letters."""
    right = ["入札者数 (応 落札率 一者応札・一者応募又は競争性のない随意契約となった理由及び改善策 (支出額10億円",
             "募者数)", "以上)"]
    rows = _rows(_paras("A.", "支出先", "1", "法人番号", "業務概要", "支出額 (百万円) 契約方式等",
                        ["(株)NECソ リューシ", "ョンイノ", "ベータ"], ["ガイドラインの 2,703", "英訳作業、実証", "事業の実施"],
                        "支出先", "法人番号", "業務概要",
                        ["特定非営", "利活動法", "人地域活", "性化セン", "ター"],
                        ["665238679 定期刊行物の購 11,882", "2274", "読"],
                        right, ["一般競争契約 (最 3", "低価格)"], "60.1% -",
                        "B", "1", "支出額 (百万円) 契約方式等", right, ["一般競争契約 (総 1", "合評価)"], "98.8%",
                        "C", "支出先", "1", "法人番号", "業務概要", ["株式会社", "三菱総合", "研究所"],
                        ["350708742 補助事業の実施 6,766", "5308"]))
    assert (rows[("A", 1)]["amount"], rows[("A", 1)]["contract_method"]) == ("2,703", None)
    b1 = rows[("B", 1)]
    assert (b1["name"], b1["corporate_number"], b1["amount"]) == ("特定非営利活動法人地域活性化センター", "6652386792274",
                                                                  "11,882")
    assert (b1["contract_method"], b1["bidders"], b1["award_rate"]) == (None, None, None)
    assert rows[("C", 1)]["corporate_number"] == "3507087425308"


def test_a_rows_body_among_a_runs_ranks_none_of_its_rows_can_hold_places_no_block():
    """A 法人番号 with its 業務概要 and amount (「8000020041009 諸外国の動向…」「166」) written between ranks 1 and 2 of a
    run whose rows all hold their 法人番号: the body of a row of no run — block B's first, whose rank and name
    (「1」「仙台市」) pdftotext wrote after the last block's rows —, so the runs are not the blocks: counting them
    would put block B's rows under A and C's under B. Variant 1327's blocks C to E as pdftotext wrote LibreOffice's
    print, re-lettered A to C."""
    hdr = [["支出額 (百 契約方式等", "万円)"], ["入札者数 落札率", "(応募者", "数)"]]
    reason = ["一者応札・一者応募又は競争性のない随意契約とな", "った理由及び改善策 (支出額10億円以上)"]
    rows = _rows(_paras(
        "206", "-", "-", "A", "1", "B", "法人番号", "業務概要",
        ["ぎょうせい株式会 7490886507358 普及啓発コン", "社", "テンツの作成"], "--", *hdr,
        ["8000020041009 諸外国の動向", "に関する文書", "の分析及び要", "約作業、実証", "事業の実施"], "166", "-", "--",
        "2", ["有限会社エアクレ 4530017176089 実証事業の実", "ーレン", "施、ヘルプデ", "スク業務、セ", "キュリティ説", "明会の開催"],
        "124", ["一般競争契約", "(最低価格)"], "7", "57.2%", "-",
        "3", "(株)OCS", ["9266509082369 定期刊行物の", "購読"], "62", ["随意契約 (その", "他)"], "-", "-", "-",
        "支出先", "法人番号", *hdr,
        "1", "合同会社OCS", ["7154320714217 システムの設", "計・開発及び", "運用保守"], "325", "補助金等交付", "-", "--",
        "2", ["国立大学法人京都 5272809854204 普及啓発コン", "大学", "テンツの作成"], "98", ["一般競争契約", "(最低価格)"],
        "3", "72%",
        "3", ["公益財団法人地方 5983016438553 補助事業の実", "自治情報センター", "施"], "87", ["一般競争契約", "(総合評価)"],
        "2", "83.1%", "-",
        "4", "(株)富士通Japan", "60", "補助金等交付", "-", "-", "-",
        "支出先", "法人番号", "1", "仙台市", "業務概要", reason, "C", "業務概要",
        ["1769230416433 データ整備及", "び分析業務"], reason))
    assert ("A", 2) not in rows and ("B", 4) not in rows
    assert all(r["name"] != "合同会社OCS" or k[0] == "C" for k, r in rows.items())
    assert all(r["corporate_number"] != "4530017176089" or k == ("B", 2) for k, r in rows.items())
