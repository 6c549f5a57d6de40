"""Payee rows of pdftotext's text of the real form (kg.extract.payee_form_text): the real seeds 000 and 003 printed
as a ruled form by LibreOffice (tests/fixtures/seed_prints.py), paragraphs as pdftotext wrote them (A4, narrow and
landscape prints), values as the seeds' gold records hold them."""
from __future__ import annotations

from kg.extract.payee_form_text import form_rows

HEADER_A4 = ["支出先", "", "法人番号 業務概要 支出額", "契約方式 入札 落札 一者応札・一者応募又は競争性のない随意契約となった理由及び改善策 (支出額10億円以上)",
             "(百万円) 等", "者数 率", "(応募", "者数)"]
HEADER_NARROW = ["支出先", "", "1"]  # (the rank written among the header cells; the header's other cells follow)
HEADER_REST = ["法人番号", "", "業務概要", "", "支出額 (百万円 契約方式等", ")"]
END = ["支出先上位10者リスト欄についてさらに記載が必要な場合はチェ チェック", "ックの上【別紙3】に記載"]


def _paras(*cells):
    """Paragraphs (each a list of lines, or one line) separated by blank lines."""
    out: list[str] = []
    for c in cells:
        out += ([c] if isinstance(c, str) else list(c)) + [""]
    return out


def _rows(lines, notes=None):
    got = form_rows(["支出先上位10者リスト", "", *lines], 1, notes)
    return {(r.block, r.rank): r.cells for r in got or []}


def test_individuals_and_a_corporate_number_cut_over_three_lines():
    rows = _rows(_paras("A.", HEADER_A4, "1", "委員謝金 (委員A)", ["会議等 0.2", "出席(諸", "謝金)"], "-", "--",
                        "2", "委員謝金 (委員B)", ["会議等 0.1", "出席(諸", "謝金)"], "-", "--",
                        "B", HEADER_A4, "1", ["UQコミ 201040", "ュニケー 107542", "ションズ 3", "株式会社"],
                        ["モバイ 0.2", "ルWi-Fi", "機器の", "使用料"], "随意契約 (その 他)", "--",
                        "2", ["株式会社 601000 飲料水", "柏屋本店 100181 購入", "7"], "その他", "--", "0", "-") + END)
    assert set(rows) == {("A", 1), ("A", 2), ("B", 1), ("B", 2)}
    a1 = rows[("A", 1)]
    assert (a1["name"], a1["corporate_number"], a1["description"], a1["amount"], a1["contract_method"]) == \
        ("委員謝金(委員A)", None, "会議等出席(諸謝金)", "0.2", None)
    b1 = rows[("B", 1)]  # (a wrapped line of 契約方式等 run on with a space: 「(その 他)」)
    assert (b1["name"], b1["corporate_number"], b1["description"], b1["amount"], b1["contract_method"]) == \
        ("UQコミュニケーションズ株式会社", "2010401075423", "モバイルWi-Fi機器の使用料", "0.2", "随意契約 (その他)")
    b2 = rows[("B", 2)]  # name and 業務概要 side by side, cut at the number's pieces; the amount written far after
    assert (b2["name"], b2["corporate_number"], b2["description"], b2["amount"]) == \
        ("株式会社柏屋本店", "6010001001817", "飲料水購入", None)


def test_narrow_print_number_cut_bidders_on_the_method_line_and_a_rate():
    rows = _rows(_paras("A.", "チェック", "1", *HEADER_REST[:3], "支出額 (百万円 契約方式等", ["(株)野村総合", "研究所"],
                        ["4010001054 タイムスタン 18", "032", "プ認定制度に", "関する調査"], "支出先", "法人番号",
                        ["一般競争契約 1", "(総合評価)"], "83.3% -",
                        "B", *HEADER_NARROW, *HEADER_REST,
                        ["PwCコンサル 1010401023 トラストサー 35", "ティング合同 102", "ビス及び電子", "会社", "的な識別の仕"],
                        ["一般競争契約 1", "(総合評価)"], "99.1% -",
                        "G", "1", *HEADER_REST, ["(株)エアクレ", "ーレン"],
                        ["4010401004 テレワークセ 0.6", "009", "キュリティの", "手引き(初版)", "の英訳作業"],
                        "随意契約 (少額 )", "-", "-",
                        "2", ["(株)日本翻訳", "センター"], ["4010001033 テレワークセ 0.6", "721", "キュリティガ"],
                        "随意契約 (少額 )", "-", "-"))
    a1 = rows[("A", 1)]
    assert (a1["name"], a1["corporate_number"], a1["description"], a1["amount"], a1["bidders"], a1["award_rate"]) == \
        ("(株)野村総合研究所", "4010001054032", "タイムスタンプ認定制度に関する調査", "18", "1", "83.3%")
    # 「(総合評価)」 wrapped: the space before it as the sheet spells a method with its qualifier on one line
    # (「随意契約 (少額 )」)
    assert a1["contract_method"] == "一般競争契約 (総合評価)"
    b1 = rows[("B", 1)]  # lines after the ones holding both, placed in the printed lines' order (業務概要's line 2,
    # then line 3 of the name and of the 業務概要): the only filling whose lines all go on but each cell's last
    assert (b1["name"], b1["corporate_number"], b1["description"], b1["amount"]) == \
        ("PwCコンサルティング合同会社", "1010401023102", "トラストサービス及び電子的な識別の仕", "35")
    g1, g2 = rows[("G", 1)], rows[("G", 2)]
    assert (g1["name"], g1["corporate_number"], g1["amount"], g1["contract_method"], g1["bidders"]) == \
        ("(株)エアクレーレン", "4010401004009", "0.6", "随意契約 (少額)", None)
    assert (g2["name"], g2["corporate_number"], g2["description"]) == \
        ("(株)日本翻訳センター", "4010001033721", "テレワークセキュリティガ")  # (the excerpt cut here)


def test_a_rank_column_written_apart_from_its_rows_gives_no_row():
    """pdfminer.six's order of the same form: the letters and ranks as a column, then the rows' cells — 「H」「1」
    followed by block F's row and G's: the block does not end where a later letter or the section does."""
    notes: list = []
    rows = _rows(_paras("F", "1", "G", "1", "2", "H", "1", "支出先", "法人番号",
                        ["(株)エヌ・ティ・", "ティ・データ経営", "研究所"], "1010001143390",
                        ["サイバーセキュリ", "ティに係る国際標", "準化動向調査"], "3", "一般競争契約 (総", "1",
                        ["(株)エアクレーレ", "ン"], "4010401004009", ["テレワークセキュ", "リティの手引き(初"], "0.6"),
                 notes)
    assert rows == {}


def test_a_block_whose_letter_the_tool_wrote_elsewhere_is_not_read():
    """pdftotext's A4 order of seed 003: block A's row, then block B's row with no letter or rank before it (the
    letters come later): A's row is followed by another row's cells, so neither is claimed; H reads whole."""
    notes: list = []
    rows = _rows(_paras("A.", "1", "支出先", "法人番号", ["(株)野村総合研究", "所"], "支出先", "業務概要",
                        ["4010001054032 タイムスタンプ認 18", "定制度に関する調", "査"], ["一般競争契約 (総", "合評価)"],
                        "1", "-", "法人番号", "契約方式等",
                        ["PwCコンサルティ 1010401023102 トラストサービス 35", "ング合同会社", "及び電子的な識別"],
                        ["一般競争契約 (総", "合評価)"], "1", "-", "83.3%", "B", "1", "業務概要", "99.1%",
                        "H", "1", "Asia Wise法律事務 所", "業務概要", ["法制度の比較結果 6", "に対する第三者評", "価"], "-"),
                 notes)
    assert set(rows) == {("H", 1)}
    h1 = rows[("H", 1)]
    assert (h1["name"], h1["corporate_number"], h1["description"], h1["amount"]) == \
        (None, None, "法制度の比較結果に対する第三者評価", "6")  # 「Asia Wise」: one word cut or two, unknown
    assert notes and "2 more 法人番号" in notes[0][1]


def test_lines_whose_cell_the_text_does_not_say_leave_name_and_description_unknown():
    """A line above the number's line (the name's or the 業務概要's), a number alone beside the 法人番号 (the amount,
    or a 業務概要 of digits), a name paragraph followed by a number whose line holds more of a name: unknown. (The
    amount ending the number's first line after a 業務概要 piece is read: the seed's 18.)"""
    rows = _rows(_paras("A.", "1", ["(株)野村総合研究", "4010001054032 タイムスタンプ認 18", "定制度に関する調"],
                        "一般競争契約 (総合評価)", "1", "-",
                        "2", "(株)日本翻訳センター", ["4010001033721 5"], "随意契約 (少額)", "-",
                        "B", "1", "(株)三菱総合", ["研究所 6010001030403 AIとセキュリ 11", "ティに関連し", "た技術研究開"],
                        "一般競争契約 (総合評価)", "2", "-") + END)
    a1, a2 = rows[("A", 1)], rows[("A", 2)]
    assert (a1["name"], a1["corporate_number"], a1["description"], a1["amount"], a1["bidders"]) == \
        (None, "4010001054032", None, "18", "1")
    assert (a2["name"], a2["corporate_number"], a2["description"], a2["amount"]) == \
        ("(株)日本翻訳センター", "4010001033721", None, None)
    assert ("B", 1) not in rows


def test_a_dash_beside_the_name_is_the_number_cell_and_latin_words_cut_by_a_wrap_are_unknown():
    rows = _rows(_paras("C", "1", "委員謝金(委員A) -", "支出額 (百万 契約方式等", ["普及啓発コン 179", "テンツの作成"], "-", "--",
                        "2", ["Pricewaterho useCoopers", "LLP"], ["機器の賃貸借、定期 4.2", "刊行物の購読"], "-", "--")
                 + END)
    c1, c2 = rows[("C", 1)], rows[("C", 2)]
    assert (c1["name"], c1["corporate_number"], c1["description"], c1["amount"]) == \
        ("委員謝金(委員A)", None, "普及啓発コンテンツの作成", "179")
    assert (c2["name"], c2["description"], c2["amount"]) == (None, "機器の賃貸借、定期刊行物の購読", "4.2")


def _block_with_total(total):
    """A block ending in its 計 row (「計」, a header piece the tool wrote there, the sum), then the next block."""
    return _paras("A", "支出先", "法人番号", "1", "東京都", "8000020130001", ["タイムスタンプ認定制 2,097", "度に関する調査"],
                  "一般競争契約 (最低価格)", "9", "88.2%",
                  "2", "柏屋本店(株)", "3257873263590", ["普及啓発コンテンツ 2,042", "の作成"], "その他", "-", "--",
                  "計", "支出額 (百万円)", total, "B", "支出先", "法人番号", "1", "神戸市", "9000020281000",
                  ["ガイドラインの英訳 1,598", "作業"], "その他", "-", "--", "計", "1,598") + END


def test_a_block_ending_in_its_total_row_is_read_when_the_total_adds_up():
    rows = _rows(_block_with_total("4,139"))
    assert set(rows) == {("A", 1), ("A", 2), ("B", 1)}
    a2 = rows[("A", 2)]
    assert (a2["name"], a2["corporate_number"], a2["description"], a2["amount"], a2["contract_method"]) == \
        ("柏屋本店(株)", "3257873263590", "普及啓発コンテンツの作成", "2,042", "その他")
    a1 = rows[("A", 1)]
    assert (a1["corporate_number"], a1["amount"], a1["bidders"], a1["award_rate"]) == \
        ("8000020130001", "2,097", "9", "88.2%")
    assert rows[("B", 1)]["corporate_number"] == "9000020281000"


def test_a_total_that_does_not_add_up_leaves_the_block_unknown():
    """2,097 + 2,042 is not 4,140: a row's amount, or the block's rows, misread — block A is not claimed."""
    notes: list = []
    rows = _rows(_block_with_total("4,140"), notes)
    assert set(rows) == {("B", 1)}
    assert notes and "2 more 法人番号" in notes[0][1]


HEADER_ROW = ["支出先", "法人番号", "業務概要", "支出額 (百万円)", "契約方式等", "入札者数 (応募者数)", "落札率"]


def _counted(stray_ranks=("1", "B", "1"), b_row=("合同会社富士通Japan", "6532482213394", "実証事業の実施", "30,441")):
    """pdftotext's order of a section whose letters and ranks the tool wrote after the rows: block A's header and
    row (no rank), B's header and row, C's header then ranks 1, 2 with their rows, then 「1」「B」「1」「C」."""
    return _paras("A.", *HEADER_ROW, "個人(A)", "-", "研修の企画運営", "28,304", "随意契約 (その他)", "-", "-",
                  *HEADER_ROW, *b_row, "一般競争契約 (最低価格)", "3", "84.7%",
                  *HEADER_ROW, "1", "インテック株式会社", "3162212653661", "定期刊行物の購読", "32,835",
                  "一般競争契約 (最低価格)", "6", "87.5%", "2", "シー・エス・エス(株)", "5220984241458",
                  ["補助事業の実施、データ整備及び", "分析業務"], "10,588", "随意契約 (公募)", "3", "-", "-",
                  *stray_ranks, "C") + END


def test_blocks_placed_by_counting_their_header_runs_when_the_letters_and_ranks_agree():
    rows = _rows(_counted())
    assert set(rows) == {("A", 1), ("B", 1), ("C", 1), ("C", 2)}
    assert (rows[("A", 1)]["name"], rows[("A", 1)]["amount"]) == ("個人(A)", "28,304")
    b1 = rows[("B", 1)]
    assert (b1["name"], b1["corporate_number"], b1["amount"], b1["bidders"], b1["award_rate"]) == \
        ("合同会社富士通Japan", "6532482213394", "30,441", "3", "84.7%")
    c2 = rows[("C", 2)]  # a 業務概要 opening with 「補助」 is not a 契約方式等
    assert (c2["corporate_number"], c2["description"], c2["amount"], c2["contract_method"]) == \
        ("5220984241458", "補助事業の実施、データ整備及び分析業務", "10,588", "随意契約 (公募)")


def test_blocks_are_not_placed_by_counting_when_the_ranks_written_apart_do_not_agree():
    """A rank 「2」 among those written apart: a block without its rank has two rows somewhere — unknown."""
    assert _rows(_counted(stray_ranks=("1", "B", "1", "2"))) == {}
    """Block B's cells reading as two rows (a second name after its cells): not one row — unknown."""
    assert _rows(_counted(b_row=("合同会社富士通Japan", "6532482213394", "実証事業の実施", "30,441", "一般競争契約",
                                 "株式会社柏屋本店", "6010001001817", "飲料水購入", "12"))) == {}


def test_lines_after_the_numbers_lines_are_placed_when_one_filling_of_the_two_cells_goes_on():
    """Name and 業務概要 side by side, top-aligned: pdftotext writes the pieces of each printed line left to right, the
    ones it did not run on with the 法人番号's line after it. The lines after the number's fill the cells' missing
    lines in that order; one filling only in which each cell's lines but its last fill their column places them
    (「タンツ」 is too short to go on to 「関する調査」, so it is the name's last line); two such fillings (the name may
    have ended filling its second line) leave both unknown."""
    def row(corp_para):
        rows = _rows(_paras("A.", HEADER_A4, "1", corp_para, "随意契約 (少額)", "-", "-") + END)
        c = rows[("A", 1)]
        return c["name"], c["corporate_number"], c["description"], c["amount"]

    assert row(["株式会社パシフ 1183808 タイムスタン 902", "ィックコンサル 840406 プ認定制度に", "タンツ", "関する調査"]) == \
        ("株式会社パシフィックコンサルタンツ", "1183808840406", "タイムスタンプ認定制度に関する調査", "902")
    # the name's third line, then the 業務概要's lines (「ター」 cannot go on to 「、システムの」 in either cell)
    assert row(["一般社団法人地 2361409 普及啓発コン 2,218", "方自治情報セン 260591 テンツの作成", "ター", "、システムの",
                "設計・開発及", "び運用保守、", "ヘルプデスク", "業務"]) == \
        ("一般社団法人地方自治情報センター", "2361409260591",
         "普及啓発コンテンツの作成、システムの設計・開発及び運用保守、ヘルプデスク業務", "2,218")
    # (lines all as wide as their column: 「方自治情報 070」 then 「権利の保」「センター」「障の在り」…, each may go on
    # either cell: unknown)
    assert row(["特定非営利 73650 利用者の 20", "活動法人地 78791 基本的な", "方自治情報 070", "権利の保", "センター", "障の在り",
                "方を巡る", "諸外国の", "法制度・", "実態の調", "査"])[::2] == (None, None)
    # (「テンツの作成」 then 「(株)」: the 業務概要's second and third lines, or its second and the name's third — a
    # bracket may go on any line: unknown)
    assert row(["パシフィックコ 185900041 普及啓発コン 5,083", "ンサルタンツ 5846", "テンツの作成", "(株)"])[::2] == \
        (None, None)
    assert row(["株式会社パシフ 1183808 タイムスタン 902", "ィックコンサル 840406 プ認定制度に", "関する調査"]) == \
        (None, "1183808840406", None, "902")


def test_a_method_wrapped_before_its_qualifier_is_spelled_as_the_sheet_spells_one_on_one_line_or_unknown():
    def method(other_row):
        rows = _rows(_paras("A.", HEADER_A4, "1", "委員謝金(委員A) -", ["普及啓発コン 179", "テンツの作成"],
                            ["一般競争契約 2", "(最低価格)"], "65.8% -", *other_row) + END)
        return rows[("A", 1)]["contract_method"], rows[("A", 1)]["bidders"]

    two = ("2", ["富士通Japan株式 5880825012060", "会社"], ["利用者の基本 139", "的な権利の保"])
    assert method((*two, "随意契約 (その他)", "-", "-")) == ("一般競争契約 (最低価格)", "2")
    assert method((*two, "随意契約(その他)", "-", "-")) == ("一般競争契約(最低価格)", "2")
    assert method((*two, "補助金等交付", "-", "-")) == (None, "2")  # (no method spelled with a qualifier on a line)
    # 「一般競争契」 over 「約 (総合評」: 契約's end and the qualifier on one line spell the space
    assert method((*two, ["一般競争契", "約 (総合評", "価)"], "3", "70.8%")) == ("一般競争契約 (最低価格)", "2")
    assert method((*two, ["一般競争", "契約 (最低", "価格)"], "3", "70.8%")) == ("一般競争契約 (最低価格)", "2")


def test_lines_between_the_numbers_lines_are_placed_in_the_printed_lines_order():
    """A line without a piece of the 法人番号 between two with one: the name's next line (printed left of the number's
    next piece, so written before it) or the 業務概要's (right of the number's piece before it); the order of the
    printed lines leaves one reading."""
    def row(corp_para):
        rows = _rows(_paras("A.", HEADER_A4, "1", corp_para, "随意契約 (少額)", "-", "-") + END)
        c = rows[("A", 1)]
        return c["name"], c["corporate_number"], c["description"], c["amount"]

    assert row(["株式会社シー・ 9394674 ガイドライン 1,866", "エス・エス", "470851 の英訳作業"]) == \
        ("株式会社シー・エス・エス", "9394674470851", "ガイドラインの英訳作業", "1,866")
    # the number's last digit on a line of its own, the 業務概要's third line after it, its fourth alone
    assert row(["(株)日本工 869780 会議等出席 12,569", "営", "273742 (諸謝金)、", "7", "機器の賃貸", "借"]) == \
        ("(株)日本工営", "8697802737427", "会議等出席(諸謝金)、機器の賃貸借", "12,569")
    # two pieces run together on a line without a piece of the number (「タンツ 関する調査」): unknown
    assert row(["株式会社パシフ 1183808 タイムスタン 902", "ィックコンサル 840406 プ認定制度に", "タンツ 関する調査"])[::2] \
        == (None, None)


def test_a_number_alone_among_a_description_cells_lines_leaves_it_unknown():
    """「会議等出」「0.8」「席(諸謝金)」: a number alone on a line among the 業務概要's, not grouped as the form prints an
    amount (the amount's cell written among them, or the 業務概要's own figure): the 業務概要 is unknown, not
    「会議等出0.8席(諸謝金)」."""
    rows = _rows(_paras("A.", HEADER_A4, "1", ["一般財団法人", "日本情報シス", "テム・ユーザ", "ー協会"], ["556772618", "4720"],
                        ["会議等出", "0.8", "席(諸謝金)", "、ヘルプ", "デスク業", "務"], ["一般競争契約 (総合 7", "評価)"],
                        "72.1%") + END)
    a1 = rows[("A", 1)]
    assert (a1["name"], a1["corporate_number"], a1["description"]) == \
        ("一般財団法人日本情報システム・ユーザー協会", "5567726184720", None)


def test_lines_after_a_number_ending_its_line_that_went_into_the_description_are_doubtful():
    """「合同会社富士通 6532482213394」 over 「Japan」: a reader that joined the lines read 「Japan」 as the 業務概要; the
    line may be the name's wrapped end. Lines after the number that went into no 業務概要 (the 業務概要 a cell of
    its own) are the name's: no doubt."""
    from kg.extract.payee_form_text import number_line_wraps

    text = ["1", "", "合同会社富士通 6532482213394", "Japan", "", "視察(旅費の支", "払)"]
    assert number_line_wraps(text, 3, "6532482213394", "Japan")
    text = ["国立研究開発法 3249670437519", "人産業技術総合", "研究所", "", "システムの", "設計・開発"]
    assert not number_line_wraps(text, 1, "3249670437519", "システムの設計・開発")
    assert not number_line_wraps(["株式会社シー・ 9394674470851 ガイドライン", "エス・エス"], 1, "9394674470851", "ガイドライン")
    # the 業務概要 starting on the number's line, the name's lines among its later ones: joined into the 業務概要
    text = ["NECソリューショ 4206831473444 機器の賃貸借、デー", "ンイノベータ株式", "タ整備及び分析業務", "会社"]
    assert number_line_wraps(text, 1, "4206831473444", "機器の賃貸借、デーンイノベータ株式タ整備及び分析業務会社")


def test_a_method_after_header_cells_following_a_row_without_one_is_unknown():
    """Rank 1's 契約方式等 unread, rank 2's cells, then header cells and a 契約方式等: the tool may have written row 1's
    tail after a page's header cells — whose it is is unknown."""
    rows = _rows(_paras("G", HEADER_A4, "1", ["一般財団法 292759749568 データ整備及び分析 19", "人日本規格 2", "業務", "協会"],
                        "2", ["UQコミュ ニケーショ", "ンズ(株)・", "柏屋本店(株", ")共同企業体"],
                        ["諸外国の動向に関す 6.6", "る文書の分析及び要"], "支出先", "業務概要", ["入札者数 落札率", "(応募者", "数)"],
                        "随意契約 (企画競争) 4", "-", "-", "-") + END)
    g2 = rows[("G", 2)]
    assert (g2["amount"], g2["contract_method"], g2["bidders"]) == ("6.6", None, None)


def test_the_only_tail_left_for_a_row_and_the_tailless_row_before_is_unknown():
    """Rank 1's cells run straight into rank 2 (no 契約方式等, not even a dash), rank 2's cells, then one 契約方式等 and
    the section's end: the tool writes a row's tail late, so it may be row 1's (rank 2 having none) — unknown.
    A block whose row 1 tail stands after the rows keeps rank 2's own."""
    notes: list = []
    rows = _rows(_paras("L", HEADER_A4, "1", ["エアクレーレン 515071093 ガイドラインの 110", "株式会社", "1513", "英訳作業"],
                        "2", "有限会社OCS", ["339010971 セキュリティ説 70", "2155", "明会の開催"],
                        ["一般競争契 5", "約 (最低価", "格)"], "-") + END, notes)
    l1, l2 = rows[("L", 1)], rows[("L", 2)]
    assert (l1["corporate_number"], l1["amount"], l1["contract_method"]) == ("5150710931513", "110", None)
    assert (l2["corporate_number"], l2["amount"], l2["contract_method"], l2["bidders"]) == \
        ("3390109712155", "70", None, None)
    assert any("only tail" in m for _, m in notes)
    rows = _rows(_paras("F.", HEADER_A4, "1", "新潟市", ["500002015 会議等出席 3,347", "1009", "(諸謝金)、"],
                        "2", ["NECソリュ 572902535 ヘルプデス 1,261", "ーションイ 3064", "ク業務", "ノベータ", "(株)"],
                        ["一般競争契約 7", "(最低価格)"], "84.5%", "計", "4,608", "随意契約 (少額)", "-") + END)
    f2 = rows[("F", 2)]
    assert (f2["corporate_number"], f2["contract_method"], f2["bidders"], f2["award_rate"]) == \
        ("5729025353064", "一般競争契約 (最低価格)", "7", "84.5%")


def test_wrapped_lines_of_two_readings_are_placed_by_the_characters_the_columns_hold():
    """A narrow print (every wide character one width: 「セキュリテ」 and 「諸外国の動」 filled the 業務概要's column, five
    characters each, one all kana): 「テム機構」 after the number's lines could end the name or go on the 業務概要 —
    but a 業務概要 line 「ィ説明会の」 of five characters, then 「テム機構」 of four, then 「開催、普及」 of five: a line with
    room for the next line's first character did not wrap there, so the name takes it."""
    rows = _rows(_paras("B", HEADER_A4,
                        "1", ["株式会社ぎ 4712581 諸外国の動", "ょうせい 529914 向に関する", "文書の分析", "及び要約作", "業"],
                        "520", "随意契約 (公募)", "4", "-",
                        "2", ["地方公共団 8725162 セキュリテ", "体情報シス 049967 ィ説明会の", "テム機構", "開催、普及",
                              "啓発コンテ", "ンツの作成"], "90", "随意契約 (少額)", "-", "-") + END)
    b1, b2 = rows[("B", 1)], rows[("B", 2)]
    assert (b1["name"], b1["description"], b1["amount"]) == ("株式会社ぎょうせい", "諸外国の動向に関する文書の分析及び要約作業", "520")
    assert (b2["name"], b2["corporate_number"], b2["description"], b2["amount"]) == \
        ("地方公共団体情報システム機構", "8725162049967", "セキュリティ説明会の開催、普及啓発コンテンツの作成", "90")


def test_ranks_written_right_after_a_row_name_before_its_cells():
    """Rank 2, its name, then rank 3 (or ranks 3 and 4) before row 2's 法人番号, 業務概要 and amount, and rows 3 (4)
    with a name and no rank: row 2 is its name with the cells after the ranks, the rows after it the next ranks in
    order (as many as the ranks written together; the amounts falling down the ranks)."""
    head = ["A.", HEADER_A4, "1", ["独立行政法人情報 3618323422493 ガイドラインの英 4", "処理推進機構", "訳作業"],
            "一般競争契約 (総合評価) 6", "99%", "-"]
    row2 = ["合同会社TKC"]
    cells2 = [["7399962678950 データ整備及び分 2.8", "析業務"], "その他", "-", "--"]
    row3 = [["(株)NECソリューショ 2688416825837 研修の企画運営 1.9", "ンイノベータ"], "随意契約 (その他)", "-", "-"]
    row4 = [["有限会社日本工営 6685293869157 定期刊行物の購読 0.8"], "補助金等交付", "-", "-"]
    rows = _rows(_paras(*head, "2", *row2, "3", *cells2, *row3, "4", *row4) + END)
    assert [(r, c["name"], c["corporate_number"], c["amount"]) for (_, r), c in sorted(rows.items())] == [
        (1, "独立行政法人情報処理推進機構", "3618323422493", "4"), (2, "合同会社TKC", "7399962678950", "2.8"),
        (3, "(株)NECソリューションイノベータ", "2688416825837", "1.9"), (4, "有限会社日本工営", "6685293869157", "0.8")]
    assert rows[("A", 2)]["contract_method"] == "その他" and rows[("A", 3)]["contract_method"] == "随意契約 (その他)"
    rows = _rows(_paras(*head, "2", *row2, "3", "4", *cells2, *row3, *row4) + END)
    assert [(r, c["corporate_number"]) for (_, r), c in sorted(rows.items())][1:] == [
        (2, "7399962678950"), (3, "2688416825837"), (4, "6685293869157")]
    # rows after the ranks that do not fall in amount (or fewer than the ranks): not established, the rows from
    # rank 2 on unknown
    rising = [[ln.replace(" 0.8", " 3.8") for ln in row4[0]], *row4[1:]]
    for late in ([*row3, *rising], row3):
        rows = _rows(_paras(*head, "2", *row2, "3", "4", *cells2, *late) + END)
        assert ("A", 3) not in rows and rows.get(("A", 2), {}).get("corporate_number") is None


def test_a_block_ends_at_a_table_whose_first_row_is_above_its_last_amount():
    """Block A's rows, then a table's header cells and a row with no rank before it (its rank and letter written
    after it): an amount above A's last row's cannot be A's next payee (the form ranks them by amount), so A's rows
    end at the header; an amount below it may be A's row 4 with its rank written apart — A's rows 1-3 stand (each
    rank followed by its row's cells, the next cell a name), and the rows from rank 4 on are unknown (noted)."""
    def section(amount):
        return _paras("A", HEADER_A4, "1", ["有限会社インテック", "・合同会社NECソリ", "ューションイノベー", "タ共同企業体"],
                      "-", ["視察(旅費", "の支払)"], "5,911", ["随意契約 (公募", ")"], "4", "-",
                      "2", ["一般財団法人地域活", "性化センター"], ["455140875808", "6"], ["補助事業", "の実施"], "2,348",
                      "補助金等交付", "-", "-", "3", "委員謝金(委員C)", "-", ["研修の企", "画運営"], "712", "-", "-",
                      HEADER_A4, "野村総合研究所(株)", ["123936051302", "1"], ["定期刊行", "物の購読"], amount, "補助金等交付",
                      "-", "--", "B", "1", "C") + END  # (three letters, two tables: no counting places them)
    rows = _rows(section("25,129"))
    assert [(r, c["corporate_number"], c["amount"]) for (b, r), c in sorted(rows.items()) if b == "A"] == [
        (1, None, "5,911"), (2, "4551408758086", "2,348"), (3, None, "712")]
    notes: list = []
    below = _rows(section("501"), notes)
    assert [(b, r, c["amount"]) for (b, r), c in sorted(below.items())] == [("A", 1, "5,911"), ("A", 2, "2,348"),
                                                                          ("A", 3, "712")]
    assert below[("A", 2)]["corporate_number"] == "4551408758086"
    assert any("block A: no row ranked 4 reads" in m for _, m in notes)
