"""Payee rows of pdftotext's real-form text (kg.extract.payee_form_text) that the form's own checks establish: a
block's 計 written after its last row's 契約方式等, small cells written before a block's rank 「1」, the amounts of a
block chosen by its 計 (the form ranks its payees by amount and sums them), a rank followed by a name alone. Paragraphs
from real-form variants (tests/fixtures/real_variants.py) as pdftotext wrote them; values as the variants' .xlsx
records hold them."""
from __future__ import annotations

from kg.extract.payee_form_text import with_form_rows
from kg.extract.payee_rows_text import PayeeRow
from tests.unit.extract.test_payee_form_text import END, _paras, _rows

HEADER = ["支出先", "法人番号", "業務概要", "支出額 (百万円)", "契約方式等", ["入札者数 (応募者数)", "落札率"],
          ["一者応札・一者応募又は競争性のない随意契約となった理", "由及び改善策 (支出額10億円以上)"]]


def test_a_total_written_after_the_last_rows_contract_cells_ends_the_block():
    # variant 327: the 計 row, then the header cells, the last row's 契約方式等 and 入札者数, then the 計's amount
    rows = _rows(_paras("A.", "1", *HEADER[:3], "沖縄県",
                        ["100002047000 定期刊行物 2,726", "7", "の購読、普", "及啓発コン", "テンツの作", "成"], "計",
                        *HEADER[3:], ["随意契約 (企画競 5", "争)"], "-", "2,726",
                        "B", "支出先", "1", "法人番号", ["(株)日本レジスト リサービス・(株)", "柏屋本店共同企業", "体"], "業務概要",
                        "支出額 (百万円)", ["システムの 2,449", "設計・開発", "及び運用保", "守"], *HEADER[4:], "その他", "-", "-",
                        "-", "計", "2,449", "C", *HEADER) + END)  # (C: a block whose rows the text does not hold)
    a1 = rows[("A", 1)]
    assert (a1["name"], a1["corporate_number"], a1["amount"]) == ("沖縄県", "1000020470007", "2,726")
    assert a1["contract_method"] is None  # (written after the 計: whose it is, the text does not say)
    assert rows[("B", 1)]["amount"] == "2,449"


def test_small_cells_written_before_a_blocks_rank_one_are_passed_over():
    # variant 321: an earlier row's dashes between block C's header cells and its rank 1
    rows = _rows(_paras("C", *HEADER, "-", "--", "1", ["一般財団法 6459125400924", "人全国地域", "情報化推進", "協会"],
                        ["定期刊行物 304", "の購読、視", "察(旅費の支", "払)"], "随意契約 (少額)",
                        "2", ["一般財団法 6624020239146", "人地方自治", "情報センタ", "ー"], ["研修の企画", "運営"],
                        "214", ["一般競争契約 (総合 2", "評価)"], "65.8%") + END)
    c1, c2 = rows[("C", 1)], rows[("C", 2)]
    assert (c1["corporate_number"], c1["amount"], c1["contract_method"]) == ("6459125400924", "304", "随意契約 (少額)")
    assert (c2["corporate_number"], c2["amount"], c2["bidders"], c2["award_rate"]) == \
        ("6624020239146", "214", "2", "65.8%")


def _late_amounts(total: str) -> dict:
    """Variant 279's block C (lettered A here): rows 2 and 3 read without their cells; their 業務概要 and amounts
    (the 法人番号 beside one of them) written after the 「計」, then the 計's amount ``total``."""
    return _rows(_paras("A.", *HEADER, "1", ["丸紅株式会 99063380857 セキュリティ 1.1", "社", "41", "説明会の開催"],
                        "補助金等交付 -", "--", "2",
                        ["TKC(株)・ 合同会社伊", "藤忠テクノ", "ソリューシ", "ョンズ共同", "企業体"], "その他", "--",
                        "3", "神奈川県", "計", ["ガイドライン 0.4", "の英訳作業"], ["10000201400 定期刊行物の 0.1", "07", "購読"],
                        total, "-", ["一般競争契約 4", "(総合評価)"], "91.2%", "-", "-") + END)


def test_amounts_written_after_the_total_row_are_the_rows_whose_sum_it_is():
    rows = _late_amounts("1.6")  # (1.1 + 0.4 + 0.1, falling down the ranks)
    c1, c2, c3 = rows[("A", 1)], rows[("A", 2)], rows[("A", 3)]
    assert (c1["corporate_number"], c1["amount"]) == ("9906338085741", "1.1")
    assert (c2["name"], c2["amount"], c2["description"]) == \
        ("TKC(株)・合同会社伊藤忠テクノソリューションズ共同企業体", "0.4", "ガイドラインの英訳作業")
    assert (c3["name"], c3["corporate_number"], c3["amount"], c3["description"]) == \
        ("神奈川県", "1000020140007", "0.1", "定期刊行物の購読")


def test_amounts_that_do_not_add_up_to_the_total_stay_unknown():
    rows = _late_amounts("1.9")  # (no choice of the amounts adds up to it)
    assert rows[("A", 1)]["amount"] == "1.1"
    assert (rows[("A", 2)]["amount"], rows[("A", 3)]["amount"], rows[("A", 3)]["corporate_number"]) == (None, None, None)


def test_a_bidder_count_written_alone_is_left_out_when_one_choice_adds_up():
    # variant 323 (its block B, lettered A here): the 入札者数 「4」 and 「9」 written alone among the amounts; the block before's 「30」 and
    # its 計 「106.1」 ahead of the block's rows; only 16 + 10 + 4.7 + 2.1 + 1.8 add up to 34.6
    rows = _rows(_paras("A", "30", "106.1", *HEADER[:3], "1", "(株)ぎょうせい", "3857821378174", "2", *HEADER[4:6],
                        ["利用者の基本的 16", "な権利の保障の", "在り方を巡る諸", "外国の法制度・", "実態の調査"],
                        "一般競争契約 (総合評価)", "4", "90.4%", "講師謝金(講師B) -", ["利用者の基本的 10", "な権利の保障の", "在り方"],
                        "その他", "-", "-", "3", ["一般社団法人日 1194165110508", "本データ通信協", "会"],
                        ["タイムスタンプ 4.7", "認定制度に関す", "る調査"], "その他", "-", "--",
                        "4", ["ITリサーチ・ア", "ート株式会社"], "4417290150198", ["研修の企画運営 2.1", "、ヘルプデスク", "業務"],
                        "随意契約 (企画競争)", "4", "-", "-", "5", ["国立大学法人東 1598058483954", "京大学"], "研修の企画運営 1.8",
                        "一般競争契約 (最低価格)", "9", "78.9%", "-", "計", "34.6") + END)
    amounts = [rows[("A", k)]["amount"] for k in range(1, 6)]
    assert amounts == ["16", "10", "4.7", "2.1", "1.8"]
    b1, b3 = rows[("A", 1)], rows[("A", 3)]
    assert (b1["name"], b1["description"]) == ("(株)ぎょうせい", "利用者の基本的な権利の保障の在り方を巡る諸外国の法制度・実態の調査")
    assert (b3["corporate_number"], b3["amount"]) == ("1194165110508", "4.7")


def test_a_rank_followed_by_a_name_alone_after_its_cells_written_before_it():
    # variant 332: block B's first row's 業務概要, amount and 契約方式等 written before its rank and name; the rows
    # after it read whole
    rows = _rows(_paras("B", *HEADER[:4], ["セキュリ 1,743", "ティ説明", "会の開催"], ["随意契約", "(その他)"], HEADER[6],
                        "1", "講師謝金(講師A) -", "-", "2", "宮城県", ["8000020 研修の企 1,465", "040002 画運営"],
                        ["一般競争 5", "契約 (最低", "価格)"], "3", "仙台市", ["8000020 利用者の 953", "041009 基本的な", "権利の保"],
                        ["随意契約", "(その他)"], "C", "支出先") + END)
    b1, b2, b3 = rows[("B", 1)], rows[("B", 2)], rows[("B", 3)]
    assert (b1["name"], b1["amount"], b1["description"]) == ("講師謝金(講師A)", None, None)
    assert (b2["name"], b2["corporate_number"], b2["amount"], b2["contract_method"]) == \
        ("宮城県", "8000020040002", "1,465", "一般競争契約 (最低価格)")
    assert (b3["name"], b3["corporate_number"], b3["amount"]) == ("仙台市", "8000020041009", "953")


def test_a_rate_after_the_next_tables_header_cells_is_not_the_rows():
    # variant 1 (block F): row 2's 契約方式等 with its 入札者数, then a table's header cells from 「支出先」 on, then a
    # 落札率 — another row's
    rows = _rows(_paras("F", *HEADER, "8", "1", ["一般社団法人地 2361409 普及啓発コン 2,218", "方自治情報セン 260591 テンツの作成", "ター"],
                        ["一般競争契約", "(総合評価)"], "2", ["有限会社UQコ ミュニケーショ", "ンズ・(株)建設", "技術研究所共同", "企業体"],
                        ["セキュリティ 996", "説明会の開催"], "随意契約 (公募) 5", "支出先", "業務概要", "契約方式等",
                        HEADER[6], "87.8%", "-", "-", "G") + END)
    f2 = rows[("F", 2)]
    assert (f2["amount"], f2["contract_method"], f2["bidders"], f2["award_rate"]) == ("996", "随意契約 (公募)", "5", None)


def test_a_contract_cell_wrapped_inside_its_first_word_ends_the_rows_cells():
    # variant 340: 「随意契」 over 「約 (公」 over 「募)」, the 入札者数 on its first line; 「随意契 約 (そ」 「の他)」
    rows = _rows(_paras("A", *HEADER, "1", ["国立研究", "開発法人", "産業技術", "総合研究", "所"],
                        ["324967043 システムの 315", "7519", "設計・開発", "及び運用保", "守"], ["随意契 5", "約 (公", "募)"], "-",
                        "-", "2", ["三菱総合", "研究所株", "式会社"], ["823186799 システムの 308", "3342", "設計・開発", "及び運用保", "守"],
                        ["随意契 約 (そ", "の他)"], "-", "3", "個人(C)", "-", ["実証事業の 297", "実施"], "補助金 等交付", "-", "-",
                        "B") + END)
    a1, a2, a3 = rows[("A", 1)], rows[("A", 2)], rows[("A", 3)]
    assert (a1["corporate_number"], a1["amount"], a1["contract_method"], a1["bidders"]) == \
        ("3249670437519", "315", "随意契約 (公募)", "5")
    assert (a2["name"], a2["corporate_number"], a2["amount"], a2["contract_method"]) == \
        ("三菱総合研究所株式会社", "8231867993342", "308", "随意契約 (その他)")
    assert (a3["name"], a3["amount"], a3["contract_method"]) == ("個人(C)", "297", "補助金等交付")


def test_rows_another_reader_gives_alike_but_for_white_space_take_the_form_orders_rows():
    # variant 343: the paragraph reader's one row spells 「随意契約(公募)」 and 「委員謝金(委 員A)」, form_rows
    # 「随意契約 (公募)」 and 「委員謝金(委員A)」: the same cells; form_rows' rows (more of them) stand
    def row(block, rank, **cells):
        return PayeeRow(block, rank, {"name": None, "corporate_number": None, "amount": None, **cells}, rank, False)
    theirs = [row("A", 1, contract_method="随意契約(公募)", amount="1,790"), row("B", 1, name="委員謝金(委 員A)")]
    form = [row("A", 1, contract_method="随意契約 (公募)", amount="1,790", corporate_number="8010001008846"),
            row("A", 2, name="仙台市", amount="953"), row("B", 1, name="委員謝金(委員A)")]
    got = {(r.block, r.rank): r.cells for r in with_form_rows(theirs, form)}
    assert set(got) == {("A", 1), ("A", 2), ("B", 1)}
    assert (got[("A", 1)]["contract_method"], got[("A", 1)]["corporate_number"]) == ("随意契約 (公募)", "8010001008846")
    assert got[("B", 1)]["name"] == "委員謝金(委員A)"
    assert with_form_rows([row("A", 1, contract_method="一般競争契約(最低価8格)")], form)[0].cells["contract_method"] == \
        "一般競争契約(最低価8格)"  # (another cell: the other reader's rows stand)


def test_the_last_rows_description_and_amount_written_between_the_total_row_and_its_amount():
    # variant 323 (its block D's last rows, ranked 1 and 2 here): 「計」, then the last row's 業務概要 with its
    # amount, then the 計's amount (0.1 + 0 = 0.1), then the row's 契約方式等
    rows = _rows(_paras("A", *HEADER, "1", ["特定非営利活動 8801259980577", "法人日本情報シ", "ステム・ユーザ", "ー協会"],
                        ["タイムスタンプ 0.1", "認定制度に関す", "る調査"], "一般競争契約 (最低価格)", "8", "82.3%", "-",
                        "2", ["日本翻訳センタ 2721953107665", "ー(株)"], "計", "研修の企画運営 0", "0.1", "その他", "-", "--",
                        "-") + END)
    a1, a2 = rows[("A", 1)], rows[("A", 2)]
    assert (a1["corporate_number"], a1["amount"], a1["contract_method"], a1["bidders"], a1["award_rate"]) == \
        ("8801259980577", "0.1", "一般競争契約 (最低価格)", "8", "82.3%")
    assert (a2["name"], a2["corporate_number"], a2["description"], a2["amount"], a2["contract_method"]) == \
        ("日本翻訳センター(株)", "2721953107665", "研修の企画運営", "0", None)


def test_a_rows_small_cells_end_at_the_next_tables_header_cells_when_its_rank_one_follows():
    # variant 326: block A's last row, then block B's header cells and its rank 「1」 (B's letter written after B's
    # rows): the 「1」 is B's first rank, not A's last row's 入札者数
    rows = _rows(_paras("A.", *HEADER, "1", "公益社団法人電波産業会 2887380963694", "実証事業の実施", "5.2",
                        "一般競争契約 7 (最低価格)", "2", "委員謝金(委員I)", "-", "定期刊行物の購読", "4.3", *HEADER,
                        "1", "KDDI株式会社", "8737664281427", "視察(旅費の支払)", "126", "一般競争契約 2 (総合評価)", "44.3%",
                        "2", ["(株)NECソリューション 2688416825837", "イノベータ"], ["システムの設計・開発", "及び運用保守"], "85",
                        "随意契約 (企 画競争)", "1", "-", "B", "C", *HEADER) + END)  # (C: no rows in the text)
    a2, b1, b2 = rows[("A", 2)], rows[("B", 1)], rows[("B", 2)]
    assert (a2["name"], a2["amount"], a2["bidders"]) == ("委員謝金(委員I)", "4.3", None)
    assert (b1["name"], b1["corporate_number"], b1["description"], b1["amount"]) == \
        ("KDDI株式会社", "8737664281427", "視察(旅費の支払)", "126")
    assert (b2["corporate_number"], b2["amount"]) == ("2688416825837", "85")


def test_a_total_stands_for_rows_with_unread_amounts_only_as_the_ranking_allows():
    # a block whose rank 1 was read as its name alone (its amount unknown) and rank 2 whole (1,465): its 計 is the
    # rows' sum, rank 1's amount at least rank 2's — 2,930 or more; a 「計」 of 1,500 (rank 1 then 35) does not close
    # the block (its rows are not established), one of 3,208 does
    from kg.extract.payee_form_text import _block_end, _para, _unread_bounds

    assert _unread_bounds([None, 1465.0, 953.0]) == (1465.0, float("inf"))
    assert _unread_bounds([2000.0, None, 953.0, None]) == (953.0, 2953.0)
    rows = [PayeeRow("A", 1, {"name": "講師謝金(講師A)", "amount": None}, 10, False),
            PayeeRow("A", 2, {"name": "宮城県", "amount": "1,465", "description": "研修の企画運営"}, 20, False)]
    assert _block_end([_para(["計"], 30), _para(["1,500"], 31), _para(["B"], 32)], 0, rows, {10}) is None
    assert _block_end([_para(["計"], 30), _para(["3,208"], 31), _para(["B"], 32)], 0, rows, {10}) == 2
    # (rv437, pdftotext: ranks 2-4 unread, an unread row's 業務概要 and amount 1.8 written after the 「計」 — whose,
    # the text does not say: the 計 7.9 holds 4.6 and three amounts of at most 4.6 each)
    rows = [PayeeRow("L", 1, {"name": None, "amount": "4.6"}, 10, False),
            *(PayeeRow("L", k, {"name": None, "amount": None}, 10 * k, False) for k in (2, 3, 4))]
    paras = [_para(["計"], 50), _para(["-"], 51), _para(["普及啓発コンテンツの 1.8", "作成、データ整備及び", "分析業務"], 52), _para(["7.9"], 55),
             _para(["M"], 56)]
    assert _block_end(paras, 0, rows, {20, 30, 40}) == 4


def test_cells_beside_an_amount_another_row_shares_are_unknown():
    # variant 2343 (block A's last rows): row 3's cells written after row 4's name and 法人番号 — 「3」「職員旅費」「4」
    # 「インテック…」 then row 3's 業務概要 「データ整備… 0」; the 計 chooses 0.4, 0, 0, 0 (ranks 1..4), but which 0 is
    # whose the text's order does not say: the 業務概要 beside 「データ整備… 0」 is no row's the text establishes
    rows = _rows(_paras("A.", *HEADER, "1", ["特定非営 66549948 機器の 0.4", "利活動法 39743", "賃貸借"], "補助金等交付",
                        "-", "--", "2", "大阪府", "-", ["40000202 機器の 0", "70008", "賃貸借"], "-", "-", "-",
                        "3", "職員旅費 (職員H)", "4",
                        ["インテッ 15854484 機器の 0", "ク(株)", "79973", "賃貸借", "、諸外", "国の動"],
                        ["補助金等交", "付"], ["データ 0", "整備及", "び分析", "業務"], ["補助金等交", "付"],
                        "-", "-", "-", "-", "計", "0.4") + END)
    a4 = rows[("A", 4)]
    assert (a4["corporate_number"], a4["amount"]) == ("1585448479973", "0")
    assert a4["description"] != "データ整備及び分析業務"
    assert rows[("A", 1)]["amount"] == "0.4"


def test_a_rate_with_another_rate_after_it_is_unknown():
    # variant 2355 (block C): row 1's 落札率 「41 %」 written after row 2's 入札者数, then row 2's own 「94 %」: of the
    # two, the row's is not established
    rows = _rows(_paras("A.", *HEADER, "1", ["公益社 86547 利用者の 4.9", "団法人 49300", "全国地 735", "域情報", "化推進", "協会"],
                        ["一般競争契 7", "約 (総合評", "価)"],
                        "2", ["国立大 15980", "学法人 58483", "東京大 954", "学"], ["データ整 2.6", "備及び分", "析業務"],
                        ["一般競争契 6", "約 (最低価", "格)"], "41 %", "94 %", "計", "7.5") + END)
    a2 = rows[("A", 2)]
    assert (a2["corporate_number"], a2["amount"], a2["bidders"]) == ("1598058483954", "2.6", "6")
    assert a2["award_rate"] is None
    assert rows[("A", 1)]["award_rate"] is None




def test_the_number_after_a_cell_holding_a_corporate_numbers_piece_is_no_amount_of_the_row():
    # variant 2356 (block A): row 2's amount 「6」 written before its 法人番号 and 業務概要 in one paragraph, then row
    # 1's amount 「20」 written late: the 「20」 is no amount of row 2 (the form ranks by amount: 6 is row 2's)
    head = ["支出額 (百 契約方式等 入札者数 (応募", "万円)", "者数)"]
    rows = _rows(_paras("A", "支出先", "法人番号", "業務概要", head, "落札率", "1", "千葉市",
                        ["600002012 利用者の基本的", "1002", "な権利の保障の", "在り方を巡る諸", "外国の法制度・", "実態の調査"],
                        "2", ["建設技術研究所", "(株)"], ["6", "494864234 視察(旅費の支", "7726", "払)、機器の賃貸", "借"],
                        "20", ["随意契約", "3", "(企画競争)"], "-", "2", "-", "-") + END)
    a1, a2 = rows[("A", 1)], rows[("A", 2)]
    assert (a1["name"], a1["corporate_number"]) == ("千葉市", "6000020121002")
    assert a2["name"] == "建設技術研究所(株)"
    assert a2["amount"] is None


def test_a_number_before_a_contract_method_the_row_did_not_reach_is_no_bidder_count():
    # variant 2325 (block A, rank 6): the row's amount 「68」 alone after its name, 法人番号 and 業務概要 run together
    # (read as no amount), then its 契約方式等 with the 入札者数 「4」 in it: the 「68」 is no 入札者数
    from kg.extract.payee_form_text import _paras as form_paras
    from kg.extract.payee_form_text import _row
    paras = form_paras(["支出先上位10者リスト", "", *_paras(
        "6", ["(株)伊藤 627498 補助", "忠テク 267130 事業", "ノソリ 5", "の実", "ューシ", "施", "ョンズ"], "68",
        ["随意契", "4", "約 (企画", "競争)"], "-", "7", ["柏屋本 店(株)・", "株式会", "社野村"], "42"), *END], 1)
    cells, _ = _row(paras, 1, 6, False)
    assert (cells["name"], cells["corporate_number"]) == ("(株)伊藤忠テクノソリューションズ", "6274982671305")
    assert cells["bidders"] is None


def test_a_number_alone_after_a_row_whose_row_before_read_no_amount_is_unknown():
    # variant 2316 (block E): row 2's amount, 契約方式等 and rate written after row 3's name and 業務概要 — 「0.1」 then
    # 「一般競争契約 (総合評価)」「8」「83% -」, then row 3's own 「0」: the 「0.1」 is no amount of row 3 the text establishes
    rows = _rows(_paras("E", "1", "法人番号", "業務概要",
                        ["UQコミ 4758673620 実証事業", "ュニケ 211", "の実施", "ーショ", "ンズ(株)"], "2",
                        ["オリエ", "ンタル", "コンサ", "ルタン", "ツ(株)"], ["7146694238 ガイドラ", "987", "インの英", "訳作業"], "3",
                        ["(株)伊藤 忠テク", "ノソリ", "ューシ", "ョンズ", "・合同", "会社日", "経BPマ", "ーケテ", "ィング", "共同企", "業体"],
                        ["定期刊行", "物の購読"], "0.1", ["一般競争契約", "(総合評価)"], "8", "83% -", "0", "補助金等交付", "-", "--",
                        "-", "4", ["有限会 社TKC", "・富士", "通Japan", "(株)共同", "企業体"], ["普及啓発", "コンテン", "ツの作成"], "0",
                        ["随意契約 (少", "額)"], "-", "--", "F", "-") + END)
    e2, e3 = rows[("E", 2)], rows[("E", 3)]
    assert (e2["corporate_number"], e2["amount"]) == ("7146694238987", None)
    assert e3["name"] == "(株)伊藤忠テクノソリューションズ・合同会社日経BPマーケティング共同企業体"
    assert e3["amount"] is None


def test_the_doubt_of_an_amount_after_a_row_with_none_goes_no_further_down():
    # (row 1's amount unread: row 2's 「0.5」 may be row 1's, unknown; row 3's 「0.2」 stands — else one amount unread
    # would leave every amount after it unknown)
    rows = _rows(_paras("A", "1", "法人番号", "業務概要",
                        ["UQコミ 4758673620 実証事業", "ュニケ 211", "の実施", "ーショ", "ンズ(株)"],
                        "2", "大阪府", ["40000202 機器の", "70008", "賃貸借"], "0.5", "その他", "-", "--",
                        "3", "千葉市", ["600002012 研修の", "1002", "企画運営"], "0.2", "その他", "-", "--",
                        "B", "-") + END)
    assert (rows[("A", 2)]["corporate_number"], rows[("A", 2)]["amount"]) == ("4000020270008", None)
    assert (rows[("A", 3)]["corporate_number"], rows[("A", 3)]["amount"]) == ("6000020121002", "0.2")
