"""Where a block of pdftotext's real-form text ends (kg.extract.payee_form_text): at the next block's header cells
and rank 「1」, at its own letter written after its rows, at a number that only reads like the next rank, at a 計
its rows add up to. Paragraphs from real-form variants (tests/fixtures/real_variants.py) as pdftotext wrote them;
values as the variants' .xlsx records hold them."""
from __future__ import annotations

from tests.unit.extract.test_payee_form_text import END, _paras, _rows

HEADER = ["支出先", "法人番号", "業務概要", "支出額 (百万円) 契約方式等", "入札者数 (応募者数)", "落札率",
          ["一者応札・一者応募又は競争性のない随意契約となった理", "由及び改善策 (支出額10億円以上)"]]


def test_a_block_ends_at_the_next_blocks_header_and_rank_one_whose_letter_follows_its_rows():
    # variant 14: block B's letter written after B's rows, beside C's (「B」「C」 among C's header cells)
    rows = _rows(_paras("A", *HEADER, "1", "地方公共団体情報システム機構 8725162049967",
                        ["視察(旅費の支払)、諸外国の動向 1,579", "に関する文書の分析及び要約作", "業"], "補助金等交付", "-", "-",
                        "2", "株式会社ITリサーチ・アート", "8239545548017",
                        ["実証事業の実施、定期刊行物の", "購読、システムの設計・開発及", "び運用保守"], "1,242",
                        ["随意契約 (企画競 4", "争)"], "-",
                        *HEADER, "1", "委員謝金(委員A)", "-", "ガイドラインの英訳作業", "720", ["随意契約 (企画競 1", "争)"],
                        "-", "-", "2", ["特定非営利活動法人国際協力推 1932079643785", "進協会"], "補助事業の実施", "659",
                        "随意契約 (その他) -", "--", "-",
                        *HEADER[:1], *HEADER[2:6], "B", "C", HEADER[1], HEADER[6]) + END)
    assert set(rows) == {("A", 1), ("A", 2), ("B", 1), ("B", 2)}
    a1, a2 = rows[("A", 1)], rows[("A", 2)]
    assert (a1["name"], a1["corporate_number"], a1["amount"]) == ("地方公共団体情報システム機構", "8725162049967", "1,579")
    assert (a2["corporate_number"], a2["amount"], a2["bidders"]) == ("8239545548017", "1,242", "4")
    b1, b2 = rows[("B", 1)], rows[("B", 2)]
    assert (b1["name"], b1["corporate_number"], b1["amount"], b1["contract_method"], b1["bidders"]) == \
        ("委員謝金(委員A)", None, "720", "随意契約 (企画競争)", "1")
    assert (b2["name"], b2["corporate_number"], b2["amount"]) == ("特定非営利活動法人国際協力推進協会", "1932079643785", "659")


def test_the_next_block_without_its_letter_after_its_rows_stays_unknown():
    # the same text with B's letter nowhere near B's rows: A's rows stand, B's block is not established
    rows = _rows(_paras("A", *HEADER, "1", "地方公共団体情報システム機構 8725162049967",
                        ["視察(旅費の支払)、諸外国の動向 1,579", "に関する文書の分析及び要約作", "業"], "補助金等交付", "-", "-",
                        *HEADER, "1", "委員謝金(委員A)", "-", "ガイドラインの英訳作業", "720", "-", "-",
                        "2", ["特定非営利活動法人国際協力推 1932079643785", "進協会"], "補助事業の実施", "659",
                        "株式会社日本工営", "B") + END)
    assert set(rows) == {("A", 1)}


def test_a_bidders_cell_that_reads_like_the_next_rank_ends_the_block():
    # variant 14, block G: 「5」 (the last row's 入札者数, written apart) after rank 4's cells, then 「-」 and 「H」
    notes: list = []
    rows = _rows(_paras("G", "1", ["パシフィックコンサルタンツ株 5449049654061", "式会社"], "研修の企画運営、機器の賃貸借",
                        "1,598", "-", "2", ["国立研究開発法人産業技術総合 3249670437519", "研究所"],
                        ["実証事業の実施、ヘルプデスク", "業務"], "1,231", ["一般競争契約 (最 9", "低価格)"],
                        "3", "株式会社日本工営", "5952324475061", "普及啓発コンテンツの作成", "508",
                        "4", "有限会社建設技術研究所", "6288711145052", "補助事業の実施", "362", "随意契約 (公募)", "52.5%",
                        "-", "-", "5", "-", "H") + END, notes)
    assert [k for k in sorted(rows)] == [("G", 1), ("G", 2), ("G", 3), ("G", 4)]
    assert any("block G: no row ranked 5 reads" in m for _, m in notes)  # (or a rank 5 whose cells are elsewhere)
    g4 = rows[("G", 4)]
    # (row 3 ends at its amount 「508」 with no tail, and row 4's is the block's one tail left: the row before's
    # written late, or row 4's own — the same text as rvho7's rv651 A7/A8 where it is row 7's: unknown)
    assert (g4["name"], g4["corporate_number"], g4["amount"], g4["contract_method"], g4["bidders"]) == \
        ("有限会社建設技術研究所", "6288711145052", "362", None, None)
    assert (rows[("G", 2)]["bidders"], rows[("G", 2)]["contract_method"]) == ("9", "一般競争契約 (最低価格)")


def test_a_block_closed_by_its_total_stands_whatever_the_tool_wrote_after_it():
    # variant 10, block E: 2,241 + 2,089 + 961 + 342 = 5,633, then the 契約方式等 column written apart
    block = ["E", "支出先", "法人番号", "業務概要", ["支出額 (百 契約方式等", "万円)"],
             "1", ["有限会社三菱総 1689481362896", "合研究所"], ["機器の賃貸借、定 2,241", "期刊行物の購読"],
             "2", ["国立研究開発法 9832168838720", "人情報通信研究", "機構"], ["セキュリティ説明 2,089", "会の開催、ヘルプ"],
             "3", ["有限会社UQコミ 1332419178990", "ュニケーション", "ズ"], "ヘルプデスク業務 961",
             "4", ["(株)UQコミュニ 3546302238360", "ケーションズ"], ["タイムスタンプ認 342", "定制度に関する調", "査"],
             "計", "{total}", ["一般競争契約", "(総合評価)"], ["一般競争契約", "(総合評価)"], "-", "--", "9", "41%"]
    rows = _rows(_paras(*[c.format(total="5,633") if c == "{total}" else c for c in block]) + END)
    assert sorted(rows) == [("E", 1), ("E", 2), ("E", 3), ("E", 4)]
    assert [rows[("E", k)]["amount"] for k in (1, 2, 3, 4)] == ["2,241", "2,089", "961", "342"]
    assert rows[("E", 2)]["corporate_number"] == "9832168838720"
    assert all(rows[("E", k)]["contract_method"] is None for k in (1, 2, 3, 4))  # (written apart: unknown)
    # a 計 the rows do not add up to: not established
    assert _rows(_paras(*[c.format(total="5,634") if c == "{total}" else c for c in block]) + END) == {}


def test_rows_before_a_row_whose_cells_are_written_elsewhere_stand_and_it_is_unknown():
    # variant 18, block G: rank 2's name 「千葉市」 then its 契約方式等; its 法人番号, 業務概要 and amount after row 3's
    tail = ["2", "千葉市", ["随意契約", "(少額)"], "-", "--",
            "3", ["柏屋本店 142833631 機器の賃貸 126", "株式会社 0608", "借、定期刊", "行物の購読"],
            ["600002012 機器の賃貸 131", "1002", "借"], ["一般競争 2", "契約 (最低", "価格)"], "63%", "-", "H", "支出先"]
    notes: list = []
    rows = _rows(_paras("G", "業務概要", "1", ["国立大学 527280985 諸外国の動 155", "法人京都 4204", "向に関する", "大学",
                                             "文書の分析", "及び要約作"], "その他", "-", "-", *tail) + END, notes)
    assert sorted(rows) == [("G", 1)]
    g1 = rows[("G", 1)]
    assert (g1["corporate_number"], g1["amount"], g1["contract_method"]) == ("5272809854204", "155", "その他")
    # 「大学」 among the 業務概要's lines: in the printed lines' order (業務概要's line 2, then line 3 of both) the name's
    assert (g1["name"], g1["description"]) == ("国立大学法人京都大学", "諸外国の動向に関する文書の分析及び要約作")
    assert any("block G: no row ranked 2 reads" in m for _, m in notes)
    # row 1 without its amount (its cells interleaved with the next rows'): nothing stands
    assert _rows(_paras("G", "業務概要", "1", ["国立大学 527280985", "法人京都 4204", "大学"], "-", *tail) + END) == {}


def test_contract_cells_written_after_the_rows_end_the_block_and_are_nobodys():
    # variant 16, block B: row 1's 「随意契約 (少額)」 and row 2's 「その他」 written after row 2's cells
    rows = _rows(_paras("B", *HEADER, "1", "国際連合開発計画 (UNDP)", "ガイドラインの英訳作業 4.9",
                        "2", ["合同会社日経BPマ 9391193848 ガイドラインの英訳作業 2.2", "ーケティング", "385", "、諸外国の動向に関する",
                              "文書の分析及び要約作業", "、補助事業の実施"], HEADER[4], "随意契約 (少額) -", "-", "その他", "--", "-",
                        HEADER[6], "-", "C") + END)
    assert sorted(rows) == [("B", 1), ("B", 2)]
    b1, b2 = rows[("B", 1)], rows[("B", 2)]
    assert (b1["name"], b1["corporate_number"], b1["description"], b1["amount"]) == \
        ("国際連合開発計画(UNDP)", None, "ガイドラインの英訳作業", "4.9")
    assert (b2["corporate_number"], b2["amount"]) == ("9391193848385", "2.2")
    assert [(r["contract_method"], r["bidders"]) for r in (b1, b2)] == [(None, None), (None, None)]


def test_a_total_whose_amount_follows_the_next_blocks_letter():
    # variant 7, block G: 「計」「H」「5,189」 (2,506 + 1,072 + 945 + 666)
    rows = _rows(_paras("G", *HEADER[:5], "1", ["一般社団法人地 2361409260591", "方自治情報セン", "ター"],
                        "普及啓発コンテンツの作成 2,506", ["随意契約 (その 他)"], "--",
                        "2", ["一般財団法人日 2927597495682", "本規格協会"], ["研修の企画運営、セキュリ 1,072", "ティ説明会の開催、機器の", "賃貸借"],
                        ["随意契約 (公募 1", ")"], "-",
                        "3", ["パシフィックコ 1859000415846", "ンサルタンツ(株", ")"],
                        ["機器の賃貸借、研修の企画 945", "運営、諸外国の動向に関す", "る文書の分析及び要約作業"], "その他", "-", "--",
                        "4", "委員謝金(委員D) -", ["システムの設計・開発及び 666", "運用保守"], ["一般競争契約", "(最低価格)"], "4",
                        "85.6%", "計", "H", "5,189", HEADER[6], "-", "-", HEADER[0], HEADER[1]) + END)
    assert sorted(rows) == [("G", 1), ("G", 2), ("G", 3), ("G", 4)]
    assert [rows[("G", k)]["amount"] for k in (1, 2, 3, 4)] == ["2,506", "1,072", "945", "666"]
    g4 = rows[("G", 4)]
    assert (g4["name"], g4["corporate_number"], g4["description"], g4["bidders"], g4["award_rate"]) == \
        ("委員謝金(委員D)", None, "システムの設計・開発及び運用保守", "4", "85.6%")


def test_the_total_label_is_no_cell_of_a_row():
    # held-out variant 62, block F: 「計」 right after the row's name and 法人番号, its amount after the next letter's
    # header cells (with the row's 業務概要 and amount): 「計」 was read as the 業務概要
    rows = _rows(_paras("F.", "支出先", "1", ["株式会社日本工 5952324475061", "営"], "計", "G.", "法人番号", "業務概要",
                        "支出額 (百万円)", "契約方式等", ["視察(旅費の支", "払)、機器の賃", "貸借"], "8,249",
                        "一般競争契約 (総合評価) 9", "8,249") + END)
    assert all(c["description"] != "計" for c in rows.values())
    assert ("F", 1) not in rows  # (its amount not read: the 計 cannot be checked, the block is not closed)


def test_a_total_after_the_tails_of_two_rows_written_past_the_total_label():
    # (held-out variant 1314 rl pdftotext block B: rows 3, 4 and 5 read with no 契約方式等, then 「計」「-」「-」 and two
    # rows' 契約方式等 with their 入札者数 and 落札率, then the 計 1,234 = 417 + 320 + 288 + 130 + 79)
    body = ["B.", *HEADER, "1", "個人(A)", "-", ["ヘルプデス", "ク業務"], "417", ["一般競争", "契約 (総合", "評価)"], "3", "80.9%",
            "2", ["国立大", "学法人", "京都大", "学"], ["5272809854 諸外国の動", "204", "向に関する", "文書の分析"], "320",
            ["一般競争", "契約 (最低", "価格)"], "2", "66%",
            "3", ["講師謝", "金(講師", "C)"], "-", ["研修の企画", "運営"], "288",
            "4", ["日本レ", "ジスト", "リサー", "ビス株", "式会社"], ["4903322732 機器の賃貸", "715", "借"], "130",
            "5", ["合同会", "社NEC", "ソリュ", "ーショ", "ンイノ", "ベータ"], ["8586060720 データ整備", "666", "及び分析業", "務"], "79",
            "計", "-", "-", ["一般競争", "契約 (最低", "価格)"], "2", "61.6%", ["一般競争", "契約 (総合", "評価)"], "4", "46%",
            "-", "-"]
    rows = _rows(_paras(*body, "1,234") + END)
    assert [rows[("B", k)]["amount"] for k in range(1, 6)] == ["417", "320", "288", "130", "79"]
    assert rows[("B", 4)]["corporate_number"] == "4903322732715"
    assert all(rows[("B", k)]["contract_method"] is None for k in (3, 4, 5))  # (whose tails they are: unknown)
    assert not _rows(_paras(*body, "1,243") + END)  # (a 計 the rows do not add up to: the block is not established)


def test_no_more_tails_past_the_total_label_than_rows_lacking_one():
    # (the same block with row 5's 契約方式等 read in place: one row lacks its tail, two are written after 「計」 —
    # one of them another block's: the block is not established)
    body = ["B.", *HEADER, "1", "個人(A)", "-", ["ヘルプデス", "ク業務"], "417", ["一般競争", "契約 (総合", "評価)"], "3", "80.9%",
            "2", "講師謝金(講師C)", "-", ["研修の企画", "運営"], "288",
            "3", ["合同会", "社NEC"], ["8586060720 データ整備", "666", "及び分析業", "務"], "79", "その他", "-", "-",
            "計", "-", "-", ["一般競争", "契約 (最低", "価格)"], "2", "61.6%", ["一般競争", "契約 (総合", "評価)"], "4", "46%",
            "-", "-", "784"]
    assert not _rows(_paras(*body) + END)


def test_a_block_of_one_row_prints_its_amount_twice_past_the_total_label():
    # (held-out variant 1519 rl pdftotext block E: the row's name and 法人番号 with its 業務概要, then 「計」, the row's
    # amount 4,305 with its 契約方式等, and the 計's own 4,305)
    body = ["E", "1", *HEADER[:3], ["有限会社柏", "屋本店"], ["585957846330 利用者の基", "5", "本的な権利", "の保障の在", "り方を巡る"],
            "計", *HEADER[3:5], "4,305", "随意契約 (その他)", "-", *HEADER[3:], "-"]
    rows = _rows(_paras(*body, "4,305", "F") + END)
    e1 = rows[("E", 1)]
    assert (e1["name"], e1["corporate_number"]) == ("有限会社柏屋本店", "5859578463305")
    assert rows[("E", 1)]["amount"] == "4,305"
    assert ("E", 1) not in _rows(_paras(*body, "4,350", "F") + END)  # (two figures, no 計 of the one row: unknown)


def test_a_block_whose_first_amount_was_written_elsewhere_stands_when_its_total_can_hold_it():
    # (held-out variant 1519 rl pdftotext block D: row 1's amount 699 written among block C's cells, row 2's 455 read,
    # then 「計」 and 1,154 — 699 is above 455, as the form ranks its payees)
    def block(total):
        return _paras("D", *HEADER[:2], "1", ["合同会社大", "和総研"],
                      ["481724956755 タイムスタ", "0", "ンプ認定制", "度に関する", "調査"],
                      "2", ["株式会社ソ", "フトバンク"], ["692083343251 普及啓発コ 455", "7", "ンテンツの", "作成"],
                      "計", HEADER[2], total, "E") + END
    rows = _rows(block("1,154"))
    d1, d2 = rows[("D", 1)], rows[("D", 2)]
    assert (d1["name"], d1["corporate_number"]) == ("合同会社大和総研", "4817249567550")
    assert (d2["name"], d2["corporate_number"], d2["amount"]) == ("株式会社ソフトバンク", "6920833432517", "455")
    assert d1["amount"] != "1,154"
    assert not _rows(block("800"))  # (row 1's amount would be 345, below row 2's: the rows are not the block's)
