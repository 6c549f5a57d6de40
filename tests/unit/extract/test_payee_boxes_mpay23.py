"""Payee rows of pdfminer.six's text of the real ruled form (kg.extract.payee_boxes, payee_figures): rows whose
cells pdfminer.six wrote out of the form's order are left unknown where the order does not prove them — right
cells written after the next of two stacked names' rows, a name before an anchor when an unanchored row's cells
stand before it, a small figure after a 「-」 taken for an anchor, a rank left out of the run, an amount column."""
from __future__ import annotations

from kg.extract.payee_boxes import _cells_before, _fields, _figures, _placed_at, _ranks_skipped
from kg.extract.payee_figures import ranks_contradicted, small_amounts_outnumbered
from kg.extract.payee_rows_text import PayeeRow
from tests.unit.extract.test_payee_boxes import HEADER, _read

# block A as pdfminer.six wrote it for a real-form variant (LibreOffice's print): two names, then each row's cells;
# the 「1 | -」 after the second row's 契約方式 are the first row's 入札者数 and 落札率
STACKED = ["A", "1", "2", "3", *HEADER, "日本工営株式\n会社", "合同会社エア\nクレーレン", "1876740431866 実証事業の実施", "207",
           "随意契約 (公募)", "7851283144915", "視察(旅費の支払)、利用\n者の基本的な権利の保\n障の在り方を巡る諸外\n国の法制度・実態の調\n査",
           "118", "その他", "1", "-", "公益社団法人\n全国地域情報\n化推進協会", "8654749300735", "システムの設計・開発\n及び運用保守",
           "75", "随意契約 (その他)", "-"]


def test_right_cells_after_the_second_of_two_stacked_rows_are_unknown():
    rows = _read(STACKED)
    a1, a2 = rows[("A", 1)], rows[("A", 2)]
    assert (a1["name"], a1["corporate_number"], a1["amount"]) == ("日本工営株式会社", "1876740431866", "207")
    assert (a2["name"], a2["corporate_number"], a2["amount"]) == ("合同会社エアクレーレン", "7851283144915", "118")
    assert a2["contract_method"] == "その他" and a2["bidders"] is None  # (the 1 is A1's: not established)
    assert rows[("A", 3)]["corporate_number"] == "8654749300735"


def test_right_cells_of_a_row_not_stacked_stand():
    rows = _read(["A", "1", *HEADER, "合同会社エアクレーレン", "7851283144915", "視察(旅費の支払)", "118", "一般競争契約 (最低価格)",
                  "4", "55.1%"])
    assert (rows[("A", 1)]["bidders"], rows[("A", 1)]["award_rate"]) == ("4", "55.1%")


# block A as pdfminer.six wrote it for a real-form variant (reportlab's print): rows 1–3's names and 法人番号, then
# their amounts as a column and their 業務概要 as one, then 「- | - | - | 随意契約」: the 「-」 after the third 業務概要 is
# no payee's (a right cell), so the block's four rows are the four anchors
COLUMNS = ["A.", "1", "2", "3", "4", "B", "1", "C", "1", *HEADER, "個人(A)", "-", "株式会社NECソリュー\nションイノベータ",
           "7257690725224", "ITリサーチ・アート(株) 3202938518712", "13", "4.3", "2.6", "機器の賃貸借、視\n察(旅費の支払)",
           "タイムスタンプ認\n定制度に関する調\n査", "補助事業の実施、\nヘルプデスク業務", "-", "-", "-", "随意契約 (その\n他)",
           "(株)柏屋本店", "4564275878019", "ガイドラインの英\n訳作業", "1", "随意契約 (企画\n競争)", "4", "-", "-", "--",
           *HEADER, "職員旅費(職員A)", "-", "19", "データ整備及び分\n析業務", "随意契約 (その\n他)", "-", "-", "-",
           *HEADER, "(株)大和総研", "7631313211121", "実証事業の実施", "8.1", "随意契約 (公募)", "-"]


def test_a_dash_after_a_column_of_descriptions_is_no_anchor():
    rows = _read(COLUMNS)
    # (before, the 「-」 anchored a fifth row of A and 柏屋本店's row was counted as B1 with its amount 1)
    assert rows.get(("B", 1), {}).get("corporate_number") != "4564275878019"
    assert (rows[("B", 1)]["name"], rows[("B", 1)]["amount"]) == ("職員旅費(職員A)", "19")
    assert [rows[("A", k)]["amount"] for k in (1, 2, 3, 4)] == ["13", "4.3", "2.6", "1"]
    assert (rows[("A", 1)]["name"], rows[("A", 4)]["corporate_number"]) == ("個人(A)", "4564275878019")
    assert (rows[("C", 1)]["corporate_number"], rows[("C", 1)]["amount"]) == ("7631313211121", "8.1")


# block H (here A) as pdfminer.six wrote it for a real-form variant (LibreOffice's print): H2's 業務概要 and amount written
# after H1's cells with no name or anchor before them, H2's name (a joint venture's) after its cells, right before
# H3's 法人番号 — and H3's name after H3's cells
NAME_LATE = ["A", *HEADER, "1", "2", "3", "合同会社日\n立システム\nズ", "955002859\n8595", "視察(旅費の\n支払)、諸外\n国の動向に関\nする文書の分\n析及び要約作\n業",
             "6.3", "随意契約 (公\n募)", "5", "-", "-", "研修の企画運\n営、定期刊行\n物の購読", "4.6", "-", "--", "-",
             "日経BPマ\nーケティン\nグ株式会社\n・(株)ITリ\nサーチ・ア\nート共同企\n業体", "516090214\n0014", "システムの設\n計・開発及び\n運用保守",
             "3.8", "随意契約 (そ\nの他)", "-", "-", "-", "エヌ・ティ\n・ティ・デ\nータ経営研\n究所株式会\n社", "4", "(株)UQコ\nミュニケー\nションズ",
             "354630223\n8360", "利用者の基本\n的な権利の保\n障の在り方を\n巡る諸外国の\n法制度・実態\nの調査", "2.3", "-", "-"]


def test_a_name_after_a_row_not_read_is_not_the_next_anchors():
    rows = _read(NAME_LATE)
    # (fitted to the amounts: A3 is 5160902140014 with 3.8; the joint venture before it is A2's name, not A3's)
    assert rows[("A", 3)]["corporate_number"] == "5160902140014" and rows[("A", 3)]["amount"] == "3.8"
    assert rows[("A", 3)].get("name") is None
    assert (rows[("A", 1)]["name"], rows[("A", 1)]["amount"]) == ("合同会社日立システムズ", "6.3")


# boxes of block A as pdfminer.six wrote them for a real-form variant (LibreOffice's print): A1's amount and 契約方式
# first, then its rank 1 alone (a box of the run), its 「-」, name and 業務概要, then A2's amount 98
LONE_RANK = [("letter", "A.", 1), ("number", "130", 2), ("contract", "随意契約 (少額)", 3), ("dash", "-", 4),
             ("dash", "--", 5), ("int", "1", 6), ("dash", "-", 7), ("text", "Asia Wise法律事務所", 8),
             ("text", "実証事業の実施、研修の企画運営", 9), ("int", "98", 10), ("contract", "補助金等交付", 11), ("dash", "-", 12)]


def test_the_name_after_another_ranks_lone_rank_is_not_the_amounts_rows():
    taken = {0, 5}
    assert _cells_before(LONE_RANK, taken, set(), 9, None, 2) is None  # (placed by 98 at A2: the name is A1's)
    got = _cells_before(LONE_RANK, taken, set(), 9, None, 1)
    assert (got["name"], got["amount"], got["contract_method"]) == ("Asia Wise法律事務所", "98", "補助金等交付")
    # a rank of a run column (「1 | 2 | 3 | - | name」) says nothing of the row after it
    column = [("letter", "A", 1), ("int", "1", 2), ("int", "2", 3), *LONE_RANK[6:]]
    got = _cells_before(column, {0, 1, 2}, set(), 6, None, 1)
    assert got is not None and got["name"] == "Asia Wise法律事務所"


# boxes as pdfminer.six wrote them for a real-form variant (reportlab's print): C3's 業務概要, its 「-」 taken for an
# anchor, then 「3 | - | --」 — C3's 入札者数 and 落札率, or an amount
DASH_SMALL = [("letter", "C.", 1), ("int", "1", 2), ("text", "国際連合開発計画(UNDP)", 3), ("dash", "-", 4),
              ("number", "342", 5), ("contract", "随意契約 (企画競争)", 6), ("number", "174", 7), ("contract", "補助金等交付", 8),
              ("text", "諸外国の動向に関する文書の分析及び要約作業", 9), ("dash", "-", 10), ("int", "3", 11), ("dash", "-", 12),
              ("dash", "--", 13)]


def test_a_small_figure_after_a_dash_anchor_and_before_a_dash_is_doubtful():
    _, sure, doubt = _figures(DASH_SMALL, {0, 1}, False, frozenset({3, 9}))
    assert [f for _, f in sure] == ["342", "174"] and [f for _, f in doubt] == ["3"]


def _row(block: str, rank: int, line: int, amount: str, corp: str | None = None) -> PayeeRow:
    return PayeeRow(block, rank, {"name": None, "corporate_number": corp, "amount": amount}, line, False)


def test_a_two_digit_figure_of_an_amount_column_left_over_leaves_the_small_amounts_block_unknown():
    # (LibreOffice's print: 「業務概要 | 87 | 81 | 随意契約 | 随意契約」 holds G3's and G4's amounts; G4 took the 入札者数 3)
    boxes = [("letter", "G", 1), ("int", "1", 2), ("int", "2", 3), ("int", "3", 4), ("int", "4", 5),
             ("text", "PricewaterhouseCoopers LLP -", 6), ("text", "ヘルプデスク業務", 7), ("number", "308", 8),
             ("contract", "随意契約 (公募)", 9), ("corp", "9000020011002", 10), ("text", "補助事業の実施", 11),
             ("number", "280", 12), ("contract", "随意契約 (公募)", 13), ("dash", "-", 14), ("text", "定期刊行物の購読", 15),
             ("int", "87", 16), ("int", "81", 17), ("contract", "随意契約 (その他)", 18), ("contract", "随意契約 (その他)", 19),
             ("text", "日本翻訳センター(株)", 20), ("corp", "2721953107665", 21), ("text", "タイムスタンプ認定制度に関する調査", 22),
             ("int", "3", 23), ("int", "5", 24), ("dash", "-", 25)]
    rows = [_row("G", 1, 6, "308"), _row("G", 2, 10, "280", "9000020011002"), _row("G", 3, 14, "87"),
            _row("G", 4, 21, "3", "2721953107665")]
    notes: list = []
    assert small_amounts_outnumbered(boxes, {0, 1, 2, 3, 4}, rows, notes) == []
    assert "block G" in notes[0][1]
    # 81 a lone 入札者数's shape (no column of 契約方式 after it): the block stands but for G4, whose amount of one
    # digit is under the 81 no row took (kg.extract.payee_figures._tens_left_over)
    alone = [*boxes[:17], ("text", "研修の企画運営", 17), *boxes[18:]]
    assert [r.rank for r in small_amounts_outnumbered(alone, {0, 1, 2, 3, 4}, rows, [])] == [1, 2, 3]


def test_the_rank_after_the_runs_last_before_the_last_row_leaves_the_block_unknown():
    # (reportlab's print: the run gives A ranks 1..9; 「随意契約 | 5 | 10 | 岩手県 | 法人番号」: the 10 is A10's rank, so
    # 岩手県's row counted A9 is a row off)
    boxes = [("letter", "A", 1), *[("int", str(k), 1 + k) for k in range(1, 10)], ("text", "講師謝金(講師I)", 20),
             ("dash", "-", 21), ("number", "2.5", 22), ("contract", "随意契約 (企画競争)", 23), ("int", "5", 24),
             ("int", "10", 25), ("text", "岩手県", 26), ("corp", "4000020030007", 27), ("int", "2", 28)]
    taken = set(range(10))
    rows = [_row("A", 8, 21, "2.5"), _row("A", 9, 27, "2", "4000020030007")]
    notes: list = []
    assert ranks_contradicted(boxes, taken, rows, notes) == []
    # right after a 契約方式, the figure may be its 入札者数: the block stands
    bidders = boxes[:14] + boxes[15:]
    assert len(ranks_contradicted(bidders, taken, rows, [])) == 2


# block A as pdfminer.six wrote it for a real-form variant (reportlab's print): A3's amount and 業務概要 with no
# 契約方式, then A4's number, amount, 業務概要 and a 契約方式 with its 入札者数 — A3's (A4's 契約方式 is blank)
LATE_METHOD = ["A.", "1", "2", "3", "4", "5", "B.", "1", *HEADER, "株式会社\n富士通\nJapan", "158762992\n8167", "2.3",
               "システムの設\n計・開発及び\n運用保守", "1", "90.9%", "一般競\n争契約 (\n最低価\n格)", "公益社団\n法人地方\n自治情報\nセンター",
               "一般財団\n法人地域\n活性化セ\nンター", "一般財団\n法人日本\n規格協会", "(株)オリ\nエンタル\nコンサル\nタンツ",
               "653811082\n3819", "定期刊行物の\n購読", "2", "その他 -", "-", "-", "455140875\n8086", "0.9",
               "タイムスタン\nプ認定制度に\n関する調査", "292759749\n5682", "0.3", "定期刊行物の\n購読、機器の\n賃貸借",
               "一般競\n争契約 (\n最低価\n格)", "1", "-", "820213658\n0287", "ヘルプデスク\n業務、視察(\n旅費の支払)", "0.2",
               "その他 -", "40.1% -", "-", "-", "-", "-", *HEADER, "株式会社NTTデータ", "7010401088742", "実証事業の実施", "12",
               "随意契約 (公募)", "-"]


def test_a_method_after_a_row_whose_amount_came_last_is_unknown():
    rows = _read(LATE_METHOD)
    a4 = rows[("A", 4)]
    assert (a4["corporate_number"], a4["amount"]) == ("2927597495682", "0.3")
    assert (a4.get("contract_method"), a4.get("bidders")) == (None, None)
    assert rows[("A", 2)]["contract_method"] == "その他"


# boxes of block C as pdfminer.six wrote them for a real-form variant (LibreOffice's print): C2's amount 15 and
# 契約方式 before its name and 法人番号, C3's amount 7.4 after C2's 業務概要 and C3's name after its number
LED = [("letter", "C", 1), ("int", "1", 2), ("int", "2", 3), ("int", "3", 4), ("text", "札幌市", 5),
       ("corp", "9000020011002", 6), ("text", "実証事業の実施", 7), ("int", "44", 8), ("contract", "随意契約 (少額)", 9),
       ("dash", "-", 10), ("int", "15", 11), ("contract", "随意契約 (企画競争)", 12), ("int", "4", 13), ("dash", "-", 14),
       ("text", "国立大学法人京都大学", 15), ("corp", "5272809854204", 16), ("text", "利用者の基本的な権利の保障の在り方", 17),
       ("number", "7.4", 18), ("contract", "一般競争契約 (総合評価)", 19), ("int", "4", 20), ("rate", "57%", 21),
       ("corp", "4350215537548", 22), ("text", "株式会社伊藤忠テクノソリューションズ", 23), ("text", "利用者の基本的な権利", 24)]


def test_an_anchored_row_whose_amount_may_be_the_next_rows_is_not_placed():
    rows = [PayeeRow("", 0, {"name": "札幌市", "corporate_number": "9000020011002", "amount": "44"}, 6, False),
            PayeeRow("", 1, {"name": "国立大学法人京都大学", "corporate_number": "5272809854204", "amount": "7.4"}, 16, False),
            PayeeRow("", 2, {"name": None, "corporate_number": "4350215537548", "amount": None}, 22, False)]
    spans = [list(range(6, 14)), list(range(16, 21)), [22, 23]]
    got = _placed_at(LED, {0, 1, 2, 3}, [("C", 1), ("C", 2), ("C", 3)], [5, 15, 21], rows, spans,
                     [(7, "44"), (10, "15"), (17, "7.4")])
    assert [r.cells.get("amount") for r in got] == ["44", "15", "7.4"]
    assert got[0].cells["corporate_number"] == "9000020011002"
    assert got[2].cells == {"amount": "7.4"}  # (not 京都大学's row: its amount may be the 15 written before its name)


def test_a_figure_after_the_method_when_a_bidders_and_rate_pair_came_before_it_is_unknown():
    # (reportlab's print of a real-form variant: C3's 「ヘルプデスク業務 | 4 | 6 | 81.8% | 一般競争契約 | 4」, its 入札者数 6
    # and 落札率 before its 契約方式, the 4 after it the next block's rank or another row's figure)
    seg = [("text", "ヘルプデスク業務", 1), ("int", "4", 2), ("int", "6", 3), ("rate", "81.8%", 4),
           ("contract", "一般競争契約 (最低価格)", 5), ("int", "4", 6)]
    got = _fields(seg, None, None)
    assert (got["amount"], got["contract_method"], got["bidders"]) == ("4", "一般競争契約 (最低価格)", None)
    plain = [seg[0], seg[1], seg[4], seg[5]]
    assert _fields(plain, None, None)["bidders"] == "4"


def test_a_rank_after_a_rows_right_cells_before_the_next_letter_leaves_the_count_unread():
    # (reportlab's print of a real-form variant: C's run gives it ranks 1..3; 「4 | 6 | 81.8% | 一般競争契約 | 4 | D」 —
    # C3's 入札者数 and 落札率 before its 契約方式, then C's rank 4: C4's row was counted into D)
    boxes = [("letter", "C", 1), ("int", "1", 2), ("int", "2", 3), ("int", "3", 4), ("text", "(株)ITリサーチ・アート", 5),
             ("corp", "7561206305938", 6), ("text", "ヘルプデスク業務", 7), ("int", "4", 8), ("int", "6", 9),
             ("rate", "81.8%", 10), ("contract", "一般競争契約 (最低価格)", 11), ("int", "4", 12), ("letter", "D", 13),
             ("int", "1", 14)]
    order = [("C", 1), ("C", 2), ("C", 3), ("D", 1)]
    assert "block C's rank 4 stands before block D" in _ranks_skipped(boxes, {0, 1, 2, 3, 12, 13}, order)
    # the figure right after the 契約方式 with no 入札者数 before it: its 入札者数, nothing said of the count
    plain = [*boxes[:8], *boxes[10:]]
    assert _ranks_skipped(plain, {0, 1, 2, 3, 10, 11}, order) is None
