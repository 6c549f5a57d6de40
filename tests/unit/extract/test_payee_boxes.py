"""Payee rows of pdfminer.six's text of the real ruled form (kg.extract.payee_boxes): boxes (blank-line
separated paragraphs) as pdfminer.six wrote them for the real seeds 003 and 000 printed by LibreOffice
(tests/fixtures/seed_prints.py), values as the seeds' gold records hold them. The header boxes come again before
each row, the block letters and ranks as a run of their own boxes among the rows."""
from __future__ import annotations

from kg.extract.payee_boxes import payee_boxes
from kg.extract.review_text import payee_section_cells
from kg.normalize.text import nfkc_lines

HEADER = ["支出先", "法人番号", "業務概要", "支出額 (百万円)", "契約方式等", "入札者数 (応\n募者数)", "落札率",
          "一者応札・一者応募又は競争性のない随意\n契約となった理由及び改善策 (支出額10億\n円以上)"]


def _read(boxes: list[str], notes: list | None = None) -> dict:
    lines = ["### 支出先上位10者リスト", ""]
    for b in boxes:
        lines += [*b.split("\n"), ""]
    L = nfkc_lines(lines)
    got = payee_boxes(payee_section_cells(L, 1), notes if notes is not None else [], 1, lines)
    return {(r.block, r.rank): r.cells for r in got or []}


ROWS_A_TO_D = [
    *HEADER, "(株)野村総合研究\n所", "4010001054032", "タイムスタンプ認\n定制度に関する調\n査", "18", "一般競争契約 (総\n合評価)",
    "1", "83.3%", "-",
    *HEADER, "PwCコンサルティ\nング合同会社", "1010401023102", "35", "トラストサービス\n及び電子的な識別\nの仕組みに関する\n調査",
    "一般競争契約 (総\n合評価)", "1", "99.1%", "-",
    *HEADER, "(株)三菱総合研究\n所", "6010001030403", "11", "AIとセキュリティ\nに関連した技術研\n究開発課題に係る\n調査",
    "一般競争契約 (総\n合評価)", "2", "93.3%", "-"]


def test_rows_placed_by_the_run_of_block_letters_and_ranks():
    rows = _read([*ROWS_A_TO_D, "A.", "1", "B", "1", "C", "1"])
    assert set(rows) == {("A", 1), ("B", 1), ("C", 1)}
    a, b, c = rows[("A", 1)], rows[("B", 1)], rows[("C", 1)]
    assert (a["name"], a["corporate_number"], a["amount"], a["bidders"], a["award_rate"]) == \
        ("(株)野村総合研究所", "4010001054032", "18", "1", "83.3%")
    assert a["description"] == "タイムスタンプ認定制度に関する調査" and a["contract_method"] == "一般競争契約 (総合評価)"
    assert (b["amount"], b["description"]) == ("35", "トラストサービス及び電子的な識別の仕組みに関する調査")  # amount first
    assert (c["name"], c["corporate_number"], c["amount"], c["bidders"]) == ("(株)三菱総合研究所", "6010001030403", "11", "2")


def test_rows_and_ranks_that_do_not_count_alike_give_no_row_and_a_note():
    notes: list = []
    assert _read([*ROWS_A_TO_D, "A.", "1", "B", "1"], notes) == {}
    assert notes and "3 rows but 2 ranks" in notes[0][1]
    notes.clear()
    assert _read([*ROWS_A_TO_D, "A.", "1", "C", "1", "D", "1"], notes) == {}  # a letter out of order
    assert notes and "do not read" in notes[0][1]


BLOCK_OF_SIX = [
    "A.", "1", "2", "3", "4", "5", "6", *HEADER,
    "(株)エアクレーレ\nン", "4010401004009", "テレワークセキュ\nリティの手引き(初\n版)の英訳作業", "0.6", "随意契約 (少額)", "-",
    "(株)日本翻訳セン\nター", "4010001033721", "テレワークセキュ\nリティガイドライ\nンの英訳作業", "0.6", "随意契約 (少額)", "-",
    "(株)OCS", "5010401006994 英字新聞の購読 0.3", "随意契約 (少額)",
    "KDDI(株)", "9011101031552", "Web会議システム\n導入", "0.1", "随意契約 (少額)",
    "(株)日経BPマーケ\nティング", "(株)日本レジスト\nリサービス", "4010401087739 定期刊行物の購読 0.1", "随意契約 (少額)",
    "8010001072212 ドメイン更新", "0", "随意契約 (少額)", "-", "-", "-"]


def test_cells_sharing_a_box_and_two_names_before_their_two_numbers():
    rows = _read(BLOCK_OF_SIX)
    assert [rows[("A", k)]["corporate_number"] for k in range(1, 7)] == [
        "4010401004009", "4010001033721", "5010401006994", "9011101031552", "4010401087739", "8010001072212"]
    ocs, bp, jprs = rows[("A", 3)], rows[("A", 5)], rows[("A", 6)]
    assert (ocs["name"], ocs["description"], ocs["amount"]) == ("(株)OCS", "英字新聞の購読", "0.3")
    assert (bp["name"], bp["description"], bp["amount"]) == ("(株)日経BPマーケティング", "定期刊行物の購読", "0.1")
    assert (jprs["name"], jprs["description"], jprs["amount"]) == ("(株)日本レジストリサービス", "ドメイン更新", "0")
    assert rows[("A", 1)]["bidders"] is None and rows[("A", 1)]["contract_method"] == "随意契約 (少額)"


def test_a_name_wrapped_inside_an_ascii_word_is_one_word():
    rows = _read(["A.", "1", "Pricewaterho\nuseCoopers LLP", "9011101031552", "調査", "0.1", "随意契約 (少額)"])
    assert rows[("A", 1)]["name"] == "PricewaterhouseCoopers LLP"


def test_two_rows_whose_cells_interleave_keep_only_name_number_and_amount():
    """The landscape print: both names and numbers, then both 業務概要 and amounts: whose 業務概要 and 契約方式 is
    whose is not read; the block's amounts, read at once, are its rows' in order (payee_boxes._pooled_amounts)."""
    rows = _read(["A.", "1", "2", *HEADER, "(株)エアクレーレン", "4010401004009", "(株)日本翻訳センター", "4010001033721",
                  "テレワークセキュリテ\nィの手引き(初版)の英訳\n作業", "0.6", "テレワークセキュリテ\nィガイドラインの英訳\n作業", "0.6",
                  "随意契約 (少額)", "随意契約 (少額)"])
    assert (rows[("A", 1)]["name"], rows[("A", 1)]["corporate_number"]) == ("(株)エアクレーレン", "4010401004009")
    assert (rows[("A", 2)]["name"], rows[("A", 2)]["corporate_number"]) == ("(株)日本翻訳センター", "4010001033721")
    for r in rows.values():
        assert r.get("description") is None and r.get("amount") == "0.6" and r.get("contract_method") is None


def test_payees_without_a_number_and_a_method_wrapped_at_its_space():
    rows = _read(["A.", "1", "2", "3", "支出先 法人番号 業務概要", "支出額 \n(百万円)", "契約方式\n等",
                  "委員謝金\n(委員A)", "-", "0.2", "会議等\n出席(諸\n謝金)", "委員謝金\n(委員B)", "-", "0.1", "会議等\n出席(諸\n謝金)",
                  "UQコミ\nュニケー\nションズ\n株式会社", "201040\n107542\n3", "モバイ\nルWi-Fi\n機器の\n使用料", "0.2",
                  "随意契約 \n(その他)", "-", "--"])
    a1, a2, a3 = rows[("A", 1)], rows[("A", 2)], rows[("A", 3)]
    assert (a1["name"], a1["corporate_number"], a1["amount"], a1["description"]) == \
        ("委員謝金(委員A)", None, "0.2", "会議等出席(諸謝金)")
    assert (a2["name"], a2["amount"]) == ("委員謝金(委員B)", "0.1")
    assert (a3["corporate_number"], a3["amount"], a3["contract_method"]) == ("2010401075423", "0.2", "随意契約 (その他)")



def test_a_box_of_amount_and_contract_gives_both_and_no_description():
    """「3,237 その他」 (amount and 契約方式 in one box, in the form's column order) is no 業務概要: it gives the row's
    amount and 契約方式; the 業務概要 stays unknown."""
    rows = _read(["A.", "1", "2", "(株)三菱総合研究所", "6010001030403", "11", "調査", "一般競争契約 (総合評価)", "2", "93.3%",
                  "-", "神奈川県", "4000020140007", "3,237 その他", "-"])
    a1, a2 = rows[("A", 1)], rows[("A", 2)]
    assert (a2["name"], a2["corporate_number"]) == ("神奈川県", "4000020140007")
    assert a2.get("description") is None and (a2["amount"], a2["contract_method"]) == ("3,237", "その他")
    assert (a1["corporate_number"], a1["amount"], a1["award_rate"]) == ("6010001030403", "11", "93.3%")


def test_a_number_box_holding_more_than_description_and_amount_gives_no_cells():
    rows = _read(["A.", "1", "2", "KDDI(株)", "9011101031552", "Web会議システム\n導入", "0.1", "随意契約 (少額)",
                  "(株)OCS", "5010401006994 英字新聞の購読 0.3 随意契約 (少額)", "-"])
    assert rows[("A", 2)]["corporate_number"] == "5010401006994" and rows[("A", 2)].get("description") is None
    assert (rows[("A", 1)]["name"], rows[("A", 1)]["description"], rows[("A", 1)]["amount"]) == \
        ("KDDI(株)", "Web会議システム導入", "0.1")


def test_names_written_before_their_dashes_are_rows_without_a_number():
    """Two payees with no 法人番号: both names, then both 「-」, then their cells (a jittered real-form print)."""
    rows = _read(["A.", "1", "2", "3", "ITリサーチ・アート(株)", "3202938518712", "視察(旅費の支払)", "7,177", "補助金等交付",
                  "職員旅費(職員A)", "講師謝金(講師B)", "-", "-", "データ整備及び分析業務", "25,693", "随意契約 (公募)",
                  "普及啓発コンテンツの作成", "19,440", "随意契約 (その他)"])
    assert (rows[("A", 1)]["corporate_number"], rows[("A", 1)]["amount"]) == ("3202938518712", "7,177")
    assert (rows[("A", 2)]["name"], rows[("A", 2)]["corporate_number"]) == ("職員旅費(職員A)", None)
    assert (rows[("A", 3)]["name"], rows[("A", 3)]["corporate_number"]) == ("講師謝金(講師B)", None)
    # both rows' cells in one run: their amounts are read with the block's at once, in order (payee_boxes.
    # _pooled_amounts); here they rise after A1's 7,177, so the block is not checked (checked_by_amounts)
    assert (rows[("A", 2)].get("amount"), rows[("A", 3)].get("amount")) == ("25,693", "19,440")


def test_names_before_their_dashes_first_of_all_after_the_run():
    rows = _read(["A.", "1", "2", "職員旅費(職員A)", "株式会社エアクレーレン・KDDI(株)共同企業体", "-", "-", "研修の企画運営",
                  "267", "随意契約 (少額)", "-", "-", "定期刊行物の購読 206", "一般競争契約 (最低価格)", "9", "48.8%"])
    assert (rows[("A", 1)]["name"], rows[("A", 1)]["corporate_number"]) == ("職員旅費(職員A)", None)
    assert (rows[("A", 2)]["name"], rows[("A", 2)]["corporate_number"]) == ("株式会社エアクレーレン・KDDI(株)共同企業体", None)


# ------------------------------------------------------------------ names with no anchor of their own
# pdfminer.six's boxes of a real-form variant (tests/fixtures/real_variants.py, LibreOffice print): the first
# payee, a 共同企業体 with no 法人番号, has its 「-」 written before its name, so no 「-」 follows the name.
DASH_BEFORE_NAME = [
    "A.", *HEADER, "1", "2", "3", "4", "-", "KDDI株式会社・\n合同会社野村総\n合研究所共同企\n業体", "2.6",
    "実証事業の実\n施、諸外国の\n動向に関する\n文書の分析及\nび要約作業", "随意契約 (その\n他)", "-", "-", "-",
    "公益財団法人日\n本情報システム\n・ユーザー協会", "1598566169269", "1.5",
    "タイムスタン\nプ認定制度に\n関する調査、\n普及啓発コン\nテンツの作成\n、定期刊行物\nの購読", "随意契約 (その\n他)", "-", "-", "-",
    "独立行政法人情\n報処理推進機構", "3618323422493", "1", "利用者の基本\n的な権利の保\n障の在り方を\n巡る諸外国の\n法制度・実態\nの調査",
    "随意契約 (公募)", "5", "-", "-",
    "株式会社伊藤忠\nテクノソリュー\nションズ", "4350215537548", "データ整備及\nび分析業務", "0.9", "一般競争契約 \n(総合評価)", "5", "45%"]


def test_a_name_with_no_anchor_whose_description_and_amount_follow_is_a_row():
    rows = _read(DASH_BEFORE_NAME)
    assert set(rows) == {("A", 1), ("A", 2), ("A", 3), ("A", 4)}
    a1, a2, a4 = rows[("A", 1)], rows[("A", 2)], rows[("A", 4)]
    assert (a1["name"], a1["corporate_number"], a1["amount"], a1["contract_method"]) == \
        ("KDDI株式会社・合同会社野村総合研究所共同企業体", None, "2.6", "随意契約 (その他)")
    assert a1["description"] == "実証事業の実施、諸外国の動向に関する文書の分析及び要約作業"
    assert (a2["name"], a2["corporate_number"], a2["amount"]) == ("公益財団法人日本情報システム・ユーザー協会", "1598566169269", "1.5")
    assert (a4["corporate_number"], a4["amount"], a4["bidders"], a4["award_rate"]) == ("4350215537548", "0.9", "5", "45%")


def test_rows_found_by_a_name_alone_are_refused_when_the_amounts_rise_down_the_ranks():
    """The largest payees come in order: a reading whose amounts rise down a block's ranks has counted a row into
    the wrong rank; no row is given, with a note."""
    notes: list = []
    boxes = [("0.2" if b == "2.6" else b) for b in DASH_BEFORE_NAME]
    assert _read(boxes, notes) == {}
    assert notes and "amount is larger" in notes[0][1]


def test_a_block_letter_that_is_also_a_piece_of_a_wrapped_label_is_a_letter():
    """「L」 (like 「R」 and 「U」, a piece of a wrapped 「URL」 label elsewhere) is block L's title."""
    letters = "ABCDEFGHIJKL"
    boxes = [b for x in letters for b in (x, "1")]
    for n, x in enumerate(letters):  # (13-digit numbers of the right shape; the reader does not check the digit)
        boxes += [f"株式会社{x}", f"{n + 1:013d}", "調査", f"{100 - n}", "随意契約 (少額)", "-"]
    rows = _read(boxes)
    assert len(rows) == 12 and rows[("L", 1)]["corporate_number"] == "0000000000012"


def test_rows_the_box_reader_and_another_reader_give_otherwise_are_unknown():
    """A real-form variant's pdfminer.six text: the column reader gave block E's rank 1 to the payee of rank 2 and
    read no other block; the box reader gives every rank. Rows read alike stay, rows only the box reader gives are
    added, and the two rows read otherwise are unknown, with a note."""
    from kg.extract.payee_boxes import with_boxes
    from kg.extract.payee_rows_text import PayeeRow

    def row(block, rank, name, corp, amount):
        return PayeeRow(block, rank, {"name": name, "corporate_number": corp, "amount": amount}, 1, False)

    columns = [row("D", 1, "合同会社ソフトバンク", "7764924899870", "715"),
               row("E", 1, "(株)大和総研", "4782536765664", "839"), row("E", 2, "大和総研株式会社", "4788357620723", "274")]
    boxed = [row("A", 1, "横浜市", "3000020141003", "1,427"), row("D", 1, "合同会社ソフトバンク", "7764924899870", "715"),
             row("E", 1, "職員旅費(職員A)", None, "839"), row("E", 2, "(株)大和総研", "4782536765664", "656")]
    notes: list = []
    got = {(r.block, r.rank): r.cells for r in with_boxes(columns, boxed, notes, 1)}
    assert set(got) == {("A", 1), ("D", 1)}
    assert (got[("A", 1)]["corporate_number"], got[("A", 1)]["amount"]) == ("3000020141003", "1,427")
    assert notes and "('E', 1), ('E', 2)" in notes[0][1]


def test_a_corporate_number_split_between_the_name_box_and_the_next_is_rejoined_when_its_check_digit_holds():
    """A real-form variant's boxes: 「合同会社TKC 739996267」 then 「8950」 (the 法人番号 7399962678950 cut where the
    name's box ends); the digits made 13 with a valid check digit are the row's 法人番号."""
    head = ["A.", "1", "2", "国立研究開発法\n人情報通信研究\n機構", "9832168838720", "ガイドラインの\n英訳作業、機器\nの賃貸借", "440",
            "随意契約 (少額)", "-", "--"]
    rows = _read([*head, "合同会社TKC 739996267", "8950", "実証事業の実施", "158", "随意契約 (公募)", "1", "-"])
    a2 = rows[("A", 2)]
    assert (a2["name"], a2["corporate_number"], a2["amount"], a2["contract_method"]) == \
        ("合同会社TKC", "7399962678950", "158", "随意契約 (公募)")
    assert rows[("A", 1)]["corporate_number"] == "9832168838720"
    # a digit changed: no valid 法人番号, the box is no row's: the rows are placed by their amounts alone (the two
    # amounts fall down the two ranks), no name or 法人番号 given
    rows = _read([*head, "合同会社TKC 739996267", "8951", "実証事業の実施", "158", "随意契約 (公募)", "1", "-"])
    assert rows == {("A", 1): {"amount": "440"}, ("A", 2): {"amount": "158"}}


def test_a_row_after_one_with_no_contract_holding_more_than_one_rows_right_cells_gives_none_of_them():
    """pdfminer.six may write a row's 契約方式 / 入札者数 / 落札率 after the next row's amount: the first row below has
    none of its own, the second holds 7 cells right of its amount (a row has 4): whose they are is not established,
    so the second row's 契約方式, 入札者数 and 落札率 are unknown (its name, 法人番号 and amount stand)."""
    rows = _read(["A.", "1", "2", "独立行政法人情\n報処理推進機構", "3618323422493 研修の企画運営", "10,264",
                  "公益財団法人日\n本情報システム\n・ユーザー協会", "1598566169269", "定期刊行物の購読", "3,286",
                  "一般競争契約 (総\n合評価)", "3", "-", "81%", "-", "--"])
    a1, a2 = rows[("A", 1)], rows[("A", 2)]
    assert (a1["corporate_number"], a1["amount"], a1["contract_method"]) == ("3618323422493", "10,264", None)
    assert (a2["corporate_number"], a2["amount"]) == ("1598566169269", "3,286")
    assert a2["contract_method"] is None and a2["bidders"] is None and a2["award_rate"] is None


def _row(block, rank, name, number, amount):
    from kg.extract.payee_rows_text import PayeeRow

    return PayeeRow(block=block, rank=rank, line=100 + rank, guessed=False,
                    cells={"name": name, "corporate_number": number, "amount": amount})


def test_rows_placed_by_count_alone_are_kept_only_when_their_amounts_check_them():
    """Held-out real-form variants 60-89: names and 法人番号 counted to ranks with no amount read came out one rank
    (and one block) off — 「パシフィックコンサルタンツ(株)」 1859000415846 given at D1 where D2's payee stands. A
    block is kept only with every amount read and falling or level down its ranks (a top-10 list)."""
    from kg.extract.payee_boxes import checked_by_amounts, with_boxes

    rows = [_row("A", 1, "(株)野村総合研究所", "4010001054032", "18"),
            _row("A", 2, "(株)三菱総合研究所", "6010001030403", "11"),
            _row("B", 1, "合同会社富士通Japan", "6532482213394", None),
            _row("B", 2, "パシフィックコンサルタンツ(株)", "1859000415846", None),
            _row("C", 1, "那覇市", "3000020472018", "96"),
            _row("C", 2, "(株)OCS", "5010401006994", "107")]
    notes: list = []
    kept = checked_by_amounts(rows, notes)
    assert [(r.block, r.rank, r.cells["corporate_number"]) for r in kept] == [
        ("A", 1, "4010001054032"), ("A", 2, "6010001030403")]
    assert [line for line, _ in notes] == [101, 101]  # B (no amount) and C (107 after 96), each named
    assert "block B" in notes[0][1] and "block C" in notes[1][1]
    # beside another reader's rows, the box reader adds only rows of checked blocks
    other = [_row("A", 1, "(株)野村総合研究所", "4010001054032", "18")]
    merged = with_boxes(other, rows, [], 1)
    assert [(r.block, r.rank) for r in merged] == [("A", 1), ("A", 2)]


# block A of a real-form variant as pdfminer.six wrote it (LibreOffice print): rank 1 has no 法人番号 and its cells
# right of the 業務概要 come first, then its 「-」, name and 業務概要; rank 2's name box stands right after them
BLOCK_A_DASH_FIRST = [
    "A", "1", "2", *HEADER, "25,407", "一般競争契約 (総\n合評価)", "9", "55.6% -", "-",
    "Pricewater\nhouseCoo\npers LLP", "普及啓発コ\nンテンツの\n作成", "シー・エス\n・エス株式\n会社", "239093\n495115\n9",
    "研修の企画\n運営", "13,990", "随意契約 (企\n画競争)", "1", "-", "3",
    "(株)日本工\n営", "869780\n273742\n7", "会議等出席\n(諸謝金)", "12,569", "-", "-", "-"]


def test_rows_fewer_than_the_ranks_are_placed_by_the_amounts_falling_down_the_ranks():
    """Two rows anchored at a 法人番号, three ranks: the three amounts are the three ranks' (the n-th amount the n-th
    rank's); each anchored row is placed at the amount its own boxes hold, the rank no anchored row claims has its
    amount alone."""
    notes: list = []
    rows = _read(BLOCK_A_DASH_FIRST, notes)
    assert rows[("A", 1)] == {"amount": "25,407"}
    assert (rows[("A", 2)]["corporate_number"], rows[("A", 2)]["amount"], rows[("A", 2)]["contract_method"]) == \
        ("2390934951159", "13,990", "随意契約 (企画競争)")
    a3 = rows[("A", 3)]
    assert (a3["name"], a3["corporate_number"], a3["amount"]) == ("(株)日本工営", "8697802737427", "12,569")
    # amounts that rise down the block: the count is not the ranks'; nothing placed by it
    assert ("A", 1) not in _read([*BLOCK_A_DASH_FIRST[:-4], "14,000", "-", "-", "-"])


def test_an_amount_after_the_description_of_a_row_whose_amount_came_first_is_its_bidders():
    """「法人番号 | 126 | 業務概要 | 2 | 契約方式」: the 2 is the 入札者数, not an amount; counted as one it would make
    the amounts as many as the ranks though a row's amount was not read."""
    rows = _read(["A", "1", "2", "3", *HEADER, "(株)日本工\n営", "869780\n273742\n7", "12,569", "会議等出席\n(諸謝金)", "2",
                  "一般競争契約 (最\n低価格)", "63%", "-", "講師謝金(講\n師A)", "-", "データ整備\n及び分析業\n務", "1.5",
                  "その他", "-"])
    assert all(r.get("amount") != "2" for r in rows.values()) and ("A", 2) not in rows


def test_an_amount_written_before_the_name_of_the_next_anchored_row_leaves_the_rows_unplaced():
    """「50 | その他 | - | name | 法人番号 | 業務概要 | 40 | … | two text boxes | name | 法人番号 | … | 30」: the first amount may be
    the anchored row's own (its cells first), the 40 then the next row's: no row is placed by the amounts."""
    rows = _read(["A", "1", "2", "3", *HEADER, "50", "その他", "-", "シー・エス\n・エス株式\n会社", "239093\n495115\n9",
                  "研修の企画\n運営", "40", "随意契約 (企\n画競争)", "-", "講師謝金(講\n師A)", "データ整備\n及び分析業\n務",
                  "(株)日本工\n営", "869780\n273742\n7", "会議等出席\n(諸謝金)", "30", "その他", "-"])
    assert rows == {}


def test_a_number_right_before_a_letter_that_is_the_block_before_s_next_rank_leaves_the_count_unsure():
    """「… | 9 | B | 1」 when the run gave block A 8 ranks: A may have 9; the amounts are not counted to the ranks."""
    rows = _read(["A", "1", "2", *HEADER, "(株)日本工\n営", "869780\n273742\n7", "会議等出席\n(諸謝金)", "30", "その他",
                  "-", "-", "20", "その他", "3", "B", "1", "10", "その他", "-"])
    assert rows == {}


def test_a_header_cell_s_wrapped_end_in_a_box_of_its_own_is_no_name():
    """pdfminer.six writes the end of a wrapped header cell (「契約方式等」 as 「契約方」 over 「式等」, 「…(支出額10億」 over
    「円以上)」) as a box of its own among the rows: not a row's name."""
    rows = _read(["A.", "1", "式等", "円以上)", "(株)日本工\n営", "869780\n273742\n7", "会議等出席\n(諸謝金)", "30", "その他", "-"])
    assert (rows[("A", 1)]["name"], rows[("A", 1)]["corporate_number"]) == ("(株)日本工営", "8697802737427")


def test_rows_counted_as_the_ranks_by_leaving_out_a_bare_dash_need_the_amounts_to_count_so_too():
    """Three anchors for two ranks, one a 「-」 after a name with no cell after it: left out, the rows count as the
    ranks — unless the section holds more amounts than ranks (a row not read: the ranks may be short of one)."""
    rows = ["(株)日本工\n営", "869780\n273742\n7", "会議等出席\n(諸謝金)", "50", "その他", "-",
            "シー・エス\n・エス株式\n会社", "239093\n495115\n9", "研修の企画\n運営", "40", "随意契約 (少\n額)", "-",
            "講師謝金(講\n師A)", "-", "-", "-"]
    got = _read(["A", "1", "2", *rows])
    assert (got[("A", 1)]["amount"], got[("A", 2)]["amount"]) == ("50", "40")
    assert _read(["A", "1", "2", "データ整備\n及び分析業\n務 30", *rows]) == {}


def test_two_names_before_an_anchor_after_a_row_with_no_name_are_not_paired_forward():
    """「法人番号 | 業務概要 | 6.3 | その他 | name | name | 法人番号 …」 (the second producer's print): the row at the first
    法人番号 has no name before it, so the first name may be its own, written after its cells; the two names are not
    given to the next row and the one after it."""
    rows = _read(["A", "1", "2", "3", "4", "三菱総合研究所(株)", "9786621061439", "普及啓発コンテンツの作成", "15",
                  "随意契約 (その他)", "-", "2688416825837", "研修の企画運営", "6.3", "その他",
                  "(株)NECソリューションイノベータ", "京都市", "2000020261009", "機器の賃貸借", "4.3", "随意契約 (その他)",
                  "-", "-", "2258984934525", "実証事業の実施", "1.3", "随意契約 (少額)", "-"])
    assert rows[("A", 1)]["name"] == "三菱総合研究所(株)"
    assert all(r.get("name") != "(株)NECソリューションイノベータ" for k, r in rows.items() if k != ("A", 2))


def test_a_row_placed_by_its_amount_alone_takes_the_name_and_description_written_right_before_it():
    """「- | name | 業務概要 | 22,405 | 随意契約 (少額)」 after a row's trailing 「-」s: payees without a 法人番号 whose
    「-」 stands before the name (no anchor), placed by their amounts (A1's cells stand before its name, so the rows
    are read so): each row's name, 業務概要 and 契約方式 are the boxes around its amount. Two text boxes with a text
    box after the amount are not taken (whose they are is not established)."""
    a1 = ["25,407", "一般競争契約 (総\n合評価)", "9", "55.6% -", "-", "Pricewater\nhouseCoo\npers LLP", "普及啓発コ\nンテンツの\n作成"]
    head = ["A", "1", "2", "B", "1", "2", *HEADER, *a1, "新潟市", "500002\n015100\n9", "定期刊行物\nの購読", "13,990",
            "随意契約 (少\n額)", "-", "--", "-"]
    b1 = ["-", "合同会社エ\nアクレーレ\nン", "システムの\n設計・開発\n及び運用保\n守", "22,405", "随意契約 (少\n額)",
          "-", "-", "-", "-"]
    b2 = ["国際連合開\n発計画\n(UNDP)", "セキュリテ\nィ説明会の\n開催", "10,969", "一般競争契約 \n(最低価格)", "2", "45%", "-"]
    rows = _read([*head, *b1, *b2])
    assert rows[("A", 1)] == {"amount": "25,407"}
    assert (rows[("A", 2)]["corporate_number"], rows[("A", 2)]["amount"]) == ("5000020151009", "13,990")
    assert rows[("B", 1)] == {"name": "合同会社エアクレーレン", "corporate_number": None,
                              "description": "システムの設計・開発及び運用保守", "amount": "22,405",
                              "contract_method": "随意契約 (少額)"}
    assert (rows[("B", 2)]["name"], rows[("B", 2)]["amount"], rows[("B", 2)]["contract_method"]) == \
        ("国際連合開発計画(UNDP)", "10,969", "一般競争契約 (最低価格)")
    rows = _read([*head, *b1[:3], "22,405", "研修の企画\n運営", *b1[4:], *b2])
    assert rows[("B", 1)] == {"amount": "22,405"}
    # (the second producer: 「- | name | name | 22,405 | 契約方式 | - | 業務概要 | 10,969」: the second text box before the
    # amount may be the next row's name, its 業務概要 and amount written after with no name between)
    rows = _read([*head, *b1[:2], "国際連合開\n発計画\n(UNDP)", *b1[3:], "セキュリテ\nィ説明会の\n開催", "10,969",
                  "一般競争契約 \n(最低価格)", "-"])
    assert rows[("B", 1)] == {"amount": "22,405"} and rows[("B", 2)] == {"amount": "10,969"}


def test_an_anchored_row_after_an_amount_first_row_with_one_text_box_between_has_no_name():
    """「2,703 | 業務概要 | 契約方式 | 3 | 60.1% - | - | name | 法人番号 | 業務概要 | 11,882 | … | name」: the row placed by its
    amount alone wrote its name after its cells, right before the next row's 法人番号, whose own name came after its
    cells: the name before the 法人番号 may be either row's, so the anchored row's name is unknown."""
    rows = _read(["A", "1", "B", "1", *HEADER, "2,703", "ガイドライン\nの英訳作業", "一般競争契約 \n(最低価格)", "3", "60.1% -",
                  "-", "(株)NECソ\nリューショ\nンイノベー\nタ", "665238\n679227\n4", "定期刊行物\nの購読", "11,882",
                  "一般競争契約 \n(総合評価)", "1", "98.8%", "特定非営利\n活動法人地\n域活性化セ\nンター"])
    assert rows[("A", 1)] == {"amount": "2,703"}
    assert (rows[("B", 1)]["name"], rows[("B", 1)]["corporate_number"], rows[("B", 1)]["amount"]) == \
        (None, "6652386792274", "11,882")


def test_a_name_box_ending_in_its_corporate_number_wrapped_in_short_lines_is_a_name_and_its_number():
    """「(株)TKC 16168 06177 611」: the name's box holding its 法人番号 wrapped in a narrow column (5 + 5 + 3 digits, a
    valid check digit): one name-and-法人番号 box, not a 業務概要 ending in the amount 611."""
    rows = _read(["A.", "1", *HEADER, "(株)TKC\n16168\n06177\n611", "視察(旅費の支払)", "0.6", "随意契約 (少額)", "-"])
    assert (rows[("A", 1)]["name"], rows[("A", 1)]["corporate_number"], rows[("A", 1)]["amount"]) == \
        ("(株)TKC", "1616806177611", "0.6")


def test_a_figure_of_two_digits_after_a_rate_may_be_the_next_row_s_amount():
    """「… | 9 | 51.8% | 14 | - | -- | - | name | 業務概要」: no 入札者数 follows a 落札率 in its row; the 14 may be the amount
    of the next row, written before its cells: tried as one, it makes the amounts count as the ranks."""
    rows = _read(["A", "1", "2", *HEADER, "(株)日本工\n営", "869780\n273742\n7", "会議等出席\n(諸謝金)", "30",
                  "一般競争契約 \n(最低価格)", "9", "51.8%", "14", "-", "--", "-", "講師謝金(講\n師A)", "データ整備\n及び分析業\n務"])
    assert rows == {("A", 1): {"amount": "30"}, ("A", 2): {"amount": "14"}}  # (A1's boxes hold the 14: not read)


def test_an_amount_with_a_contract_method_cut_at_its_box_s_edge_counts_among_the_amounts():
    """「42,451 随意契約 (」 (the second producer: the qualifier's rest 「公募)」 a box of its own): the box holds the row's
    amount; counted, the amounts count as the ranks."""
    rows = _read(["A", "1", "2", *HEADER, "公益社団法\n人地方自治\n情報センタ\nー", "653811\n082381\n9", "研修の企画\n運営",
                  "42,451 随意契約 (", "4", "-", "-", "公募)", "講師謝金(講\n師A)", "データ整備\n及び分析業\n務", "14,257",
                  "一般競争契約 (最低価格)", "9", "59%"])
    assert rows[("A", 1)]["amount"] == "42,451" and rows[("A", 1)].get("contract_method") is None
    assert rows[("A", 2)]["amount"] == "14,257"


def test_a_one_digit_figure_after_the_description_that_follows_an_amount_and_its_method_is_doubtful():
    """「1,411 | 随意契約 (少額) | 業務概要 | 1 | -」: the row's amount, 契約方式 and 業務概要, then its 入札者数 (or another row's
    amount): not counted as an amount unless the ranks need it."""
    rows = _read(["A", "1", "2", *HEADER, "(株)日本工\n営", "869780\n273742\n7", "会議等出席\n(諸謝金)", "3,000", "その他",
                  "-", "1,411", "随意契約 (少\n額)", "機器の賃貸\n借", "1", "-", "-"])
    assert rows[("A", 2)] == {"amount": "1,411"} and rows[("A", 1)]["amount"] == "3,000"


def test_the_rest_of_a_contract_method_cut_in_its_bracket_is_no_name():
    """「15,679 随意契約 (企」 … 「画競争)」 (the second producer wrote the cell's last line as a box of its own): the rest
    is neither a name nor the text before a 「-」 anchor (「画競争) | -」 made a row of no payee)."""
    rows = _read(["A", "1", "2", *HEADER, "合同会社パシ\nフィックコン\nサルタンツ", "675638\n718815\n8", "会議等出席\n(諸謝金)",
                  "15,679 随意契約 (企", "1", "画競争)", "-", "委員謝金(委\n員D)", "-", "データ整備\n及び分析業\n務", "4,331",
                  "随意契約 (その他)", "-"])
    assert all(r.get("name") != "画競争)" for r in rows.values())
    assert (rows[("A", 1)]["corporate_number"], rows[("A", 2)]["name"]) == ("6756387188158", "委員謝金(委員D)")
    # (neither row's amount read in its boxes: the section's amounts are not given them by count alone, the two
    # countings agreeing on no row of the block)
    assert rows[("A", 1)].get("amount") is None and rows[("A", 2)].get("amount") is None


def test_rows_counted_to_the_ranks_take_the_amount_of_their_rank_when_the_amounts_count_alike():
    """Rows anchored as many as the ranks; B1's amount written before its name and 「-」 (「16,439 その他 | - | name |
    - | - …」), none in its boxes: the section's amounts count as the ranks too, and each row's amount read is that
    of its rank, so B1's is 16,439 (the block is no longer left out for an amount not read)."""
    rows = _read(["A.", "1", *HEADER, "(株)OCS", "926650\n908236\n9", "諸外国の動\n向に関する\n文書の分析", "29,437", "-", "--",
                  "-", "B", "1", "2", "セキュリテ\nィ説明会の\n開催", "16,439 その他", "-", "-", "-", "-",
                  "エヌ・ティ・ティ・データ経営研究所(株)", "-", "-", "-", "合同会社パシ\nフィックコン\nサルタンツ",
                  "675638\n718815\n8", "会議等出席\n(諸謝金)", "15,679", "随意契約 (企画競争)", "1"])
    assert (rows[("B", 1)]["name"], rows[("B", 1)]["amount"]) == ("エヌ・ティ・ティ・データ経営研究所(株)", "16,439")
    assert (rows[("B", 2)]["corporate_number"], rows[("B", 2)]["amount"]) == ("6756387188158", "15,679")


def test_a_box_right_after_the_row_befores_number_and_before_the_run_is_not_this_rows_name():
    """Real seed 003 printed narrow by reportlab (pdfminer.six): block E's 業務概要 box after its 法人番号, then the run
    (「F | 1」), then F's 法人番号 and name: the box is E's 業務概要 or F's name, which the text does not settle (F's
    name was E's 業務概要 before; now unknown)."""
    e_desc = "サイバーセキュリティ対策として講じられる通信の内容及び構成要素に係る情報の知得・解析や通信の遮断等に関する措置の調査"
    rows = _read(["A.", "1", *HEADER, "7", "一般競争契約 (総合評価)", "2", "98.7% -", "(株)ITリサーチ・アート",
                  "1011001072687", e_desc, "B", "1", *HEADER, "1010001143390", "(株)エヌ・ティ・ティ・データ経営研究所", "3",
                  "サイバーセキュリティに係る国際標準化動向調査", "一般競争契約 (総合評価)", "1", "99.6% -"])
    assert rows[("A", 1)]["name"] == "(株)ITリサーチ・アート"
    assert rows[("B", 1)]["corporate_number"] == "1010001143390"
    assert rows[("B", 1)]["name"] in (None, "(株)エヌ・ティ・ティ・データ経営研究所")


def test_names_after_walks_as_the_listing_does():
    """_names_after walks the boxes after the amount to the first that decides (speed): the answer the full listing
    of those boxes gives, on every place of random box sequences."""
    import random

    from kg.extract import payee_boxes as pb

    def listed(boxes, taken, i):
        rest = [j for j in range(i + 1, len(boxes)) if j not in taken]
        k = 0
        while k < len(rest) and boxes[rest[k]][0] in ("contract", "rate", "dash", "int"):
            k += 1
        texts = 0
        while k < len(rest) and boxes[rest[k]][0] == "text":
            texts, k = texts + 1, k + 1
        return texts >= 2 and k < len(rest) and boxes[rest[k]][0] in ("corp", "namecorp")

    rng = random.Random(11)
    kinds = ["contract", "rate", "dash", "int", "text", "text", "corp", "namecorp", "number", "letter"]
    seen = set()
    for _ in range(2000):
        boxes = [(rng.choice(kinds), "x", 1) for _ in range(rng.randint(0, 12))]
        taken = {j for j in range(len(boxes)) if rng.random() < 0.2}
        for i in range(-1, len(boxes)):
            got = pb._names_after(boxes, taken, i)
            assert got == listed(boxes, taken, i)
            seen.add(got)
    assert seen == {True, False}
    # 「amount | 随意契約 | - | name | name | 法人番号」: two names, then the next row's anchor
    assert pb._names_after([("number", "7,600", 1), ("contract", "随意契約", 2), ("dash", "-", 3), ("text", "a", 4),
                            ("text", "b", 5), ("corp", "1234567890123", 6)], set(), 0)


def test_kind_in_one_match_is_the_first_shape_that_matches():
    """_kind's one pattern (_KIND_RE) gives the first of _KINDS whose shape matches, on box texts of every kind."""
    import random

    from kg.extract import payee_boxes as pb

    rng = random.Random(2)
    pieces = ["1", "12", "123", "1,234", "▲5", "A", "A.", "B．", "-", "－ -", "99.5%", "12% -", "一般競争契約",
              "随意契約 (公募)", "その他 -", "1234567890123", "株式会社x 1234567890123", "x", " ", "0.5"]
    texts = [*pieces, *("".join(rng.choice(pieces) for _ in range(rng.randint(1, 3))) for _ in range(5000))]
    kinds = set()
    for t in texts:
        m = pb._KIND_RE.match(t)
        want = next((kind for kind, shape in pb._KINDS if shape.match(t)), "text")
        assert (m.lastgroup if m else "text") == want, t
        kinds.add(want)
    assert kinds == {kind for kind, _ in pb._KINDS} | {"text"}
    assert pb._kind("1234567890123 調査") == "corp" and pb._kind("3,237 その他") == "mixed"


def test_anchors_asked_again_give_a_copy():
    from kg.extract import payee_boxes as pb

    boxes = [("text", "name", 1), ("corp", "1234567890123", 2), ("text", "業務", 3), ("number", "12", 4),
             ("text", "other", 5), ("dash", "-", 6)]
    first = pb._anchors(boxes, set())
    assert first == [1, 5]
    first.append(9)  # (a caller's change stays its own)
    assert pb._anchors(boxes, set()) == [1, 5]
