"""Wrong values main's code emitted on the wrong-hunting pool (real-form variants 1700-1789, 1860-1899, nobody
tuned on them), each now unknown with a note: cells woven into the 業務概要 (pdfplumber, lo print), a 落札率 read as
its first digit, a name ending in another cell's piece (pdftotext, rl print), an official's surname taken from
another cell's wrapped rest, a 政策 with its label, a past 事業番号 that is its year alone. Excerpts built like the
texts those tools wrote."""
from __future__ import annotations

from kg.extract import review_pdf
from kg.extract.payee_rows_text import PayeeRow
from kg.extract.review_text import name_rest_before_label_rest, officials_wrapped
from kg.normalize.text import nfkc_lines
from kg.records import new_record


def _row(block: str, rank: int, **cells) -> PayeeRow:
    return PayeeRow(block, rank, cells, 10 * rank, False)


def test_a_description_holding_the_amount_and_the_method_leaves_the_cells_after_the_name_unknown():
    # pdfplumber, variant 1771: 「1 京都市 200002026 データ整備及び28,9 随意契約 (企画4 - -」 over 「1009 分析業務 02 競争)」
    rows = [_row("A", 1, name="京都市", corporate_number="2000020261009",
                 description="データ整備及び28,9 随意契約 (企画分析業務02競争)", amount="4", contract_method=None),
            _row("H", 1, name="ITリサーチ・アート(株)8712英訳作業", corporate_number=None,
                 description="ガイドラインの19,1 一般競争契約(最低価格)", amount="9"),
            # pdftotext, variant 1881: 「補助事業 3,360 その他 の実施」
            _row("B", 1, name="一般社団法人日本規格協会", description="補助事業3,360その他の実施", amount=None),
            _row("B", 2, name="(株)日本工営", description="機器1,200台の賃貸借", amount="980",
                 contract_method="一般競争契約 (最低価格)", award_rate="87.5%")]
    notes: list = []
    got = review_pdf._woven_rows(rows, notes)
    assert [r.cells["description"] for r in got] == [None, None, None, "機器1,200台の賃貸借"]
    assert [r.cells["amount"] for r in got] == [None, None, None, "980"]
    # the name stays unless it holds a run of digits (the corporate number's wrapped piece woven into it)
    assert [r.cells["name"] for r in got] == ["京都市", None, "一般社団法人日本規格協会", "(株)日本工営"]
    assert got[0].cells["corporate_number"] == "2000020261009" and got[3].cells["award_rate"] == "87.5%"
    assert len(notes) == 3


def test_a_rate_of_one_digit_and_a_name_ending_in_a_dash_or_a_character_apart_are_unknown():
    # pdfplumber, variant 1746: 「7 9 -」 over 「6.」 over 「2」 over 「%」 (96.2%) read as 「9%」;
    # pdftotext, variants 1715 and 1741: 「Asia Wise法律事務 所」, 「Asia Wise法律事務所 -」
    rows = [_row("C", 1, name="株式会社柏屋本店", amount="464", bidders="7", award_rate="9%"),
            _row("G", 1, name="Asia Wise法律事務 所", amount="29"),
            _row("B", 2, name="Asia Wise法律事務所 -", amount="156", bidders="1"),
            _row("B", 3, name="PricewaterhouseCoopers LLP", amount="98", award_rate="56%"),
            _row("B", 4, name="株式会社日立システムズ", amount="51", award_rate="100%")]
    notes: list = []
    got = review_pdf._torn_cells(rows, notes)
    assert [r.cells.get("award_rate") for r in got] == [None, None, None, "56%", "100%"]
    assert [r.cells["name"] for r in got] == ["株式会社柏屋本店", None, None, "PricewaterhouseCoopers LLP",
                                              "株式会社日立システムズ"]
    assert got[0].cells["amount"] == "464" and got[2].cells["bidders"] == "1" and len(notes) == 3


def test_a_kana_piece_below_is_no_surnames_rest():
    # pdfplumber, variant 1772: 「… 終了予定な 担当課室 総務課 課長 渡 課長 海野 美香」 over 「し 辺拓也」 (「し」 is
    # 終了予定なし's rest): not 「課長 渡し 辺拓也」
    folded = nfkc_lines(["事業開始年度 昭和61年度 事業終了(予定)年度 終了予定な 担当課室 総務課 課長 渡 課長 海野 美香",
                         "し 辺拓也", "会計区分 労働保険特別会計"])
    assert officials_wrapped("課長 渡 課長 海野 美香", folded, 1) is None
    # (a kanji piece there is the surname's rest)
    folded = nfkc_lines(["担当課室 総務課 課長 渡 課長 海野 美香", "辺 拓也", "会計区分 労働保険特別会計"])
    assert officials_wrapped("課長 渡 課長 海野 美香", folded, 1) == ["課長 渡辺 拓也", "課長 海野 美香"]


def test_a_policy_starting_with_its_label_is_unknown():
    # pdfplumber, variant 1744: 「政策 政策 VII. 支援の推進」
    rec = new_record("review_sheet", "x")
    rec["policy_evaluation"] = {"policy": "政策 VII. 支援の推進", "measure": "(6)システム運用普及啓発の推進"}
    review_pdf._policy_plausible(rec)
    assert rec["policy_evaluation"] == {"policy": None, "measure": "(6)システム運用普及啓発の推進"}


def test_a_past_number_that_is_its_year_alone_is_unknown():
    # pdfplumber, variant 1879: 「令和4年 2022 令和5年 2023 外務 22 0151」 over 「度 外務 21 度」 over 「0376」
    rec = new_record("review_sheet", "x")
    rec["past_project_numbers"] = [{"fiscal_year": 2022, "number": "2022"},
                                   {"fiscal_year": 2023, "number": "2023-外務-22-0151"}]
    review_pdf._past_plausible(rec)
    assert rec["past_project_numbers"] == [{"fiscal_year": 2023, "number": "2023-外務-22-0151"}]
    assert [w["code"] for w in rec["warnings"]] == ["past_numbers_unsure"]


def test_a_cut_method_whose_rest_stands_in_the_description_and_a_name_ending_alone_are_unknown():
    # pdfplumber, variant 1872: 「1 講師謝金( - セキュリ 199 補助 - - -」 over 「講師A) ティ説明 金等」 over 「会の開催 交付」:
    # the 業務概要's rest 「会の開催」 alone in the name's column, read as the name's
    lines = ["D", "1 講師謝金( - セキュリ 199 補助 - - -", "講師A) ティ説明 金等", "会の開催 交付",
             "2 株式会社三 3507 ヘルプデ 60 一般 1 45%", "菱総合研究 0874 スク業務 競争", "所 2530 契約 (",
             # variant 1716: the 業務概要's rest beside the 法人番号's (「2039 説明会」): the name stands
             "3 (株)日経 4548 セキュ 54 補助 - --", "BPマーケ 5341 リティ 金等", "ティング 2039 説明会 交付", "7 の開催"]
    rows = [PayeeRow("D", 1, {"name": "講師謝金(講師A)会の開催", "corporate_number": "-",
                              "description": "セキュリティ説明金等交付", "amount": "199", "contract_method": "補助"}, 2,
                     False),
            PayeeRow("D", 2, {"name": "株式会社三菱総合研究所", "description": "ヘルプデスク業務", "amount": "60",
                              "contract_method": "一般競争"}, 5, False),
            PayeeRow("D", 3, {"name": "(株)日経BPマーケティング", "description": "セキュリティ金等説明会交付の開催",
                              "amount": "54", "contract_method": "補助"}, 8, False)]
    notes: list = []
    got = review_pdf._woven_rows(rows, notes, lines)
    assert [r.cells["name"] for r in got] == [None, "株式会社三菱総合研究所", "(株)日経BPマーケティング"]
    assert [r.cells["description"] for r in got] == [None, "ヘルプデスク業務", "セキュリティ金等説明会交付の開催"]
    assert [r.cells["amount"] for r in got] == ["199", "60", "54"] and len(notes) == 1


def test_a_plan_after_a_row_split_wrongly_and_a_law_cut_at_its_head_are_unknown():
    # pdfplumber, variant 1771: the plans cell's first line read as the 根拠法令's (a dated plan among its pieces):
    # 「本計画(…)」 is 「第4期教育振興基本計画」's rest
    lines = nfkc_lines([
        "根拠法令 (具 土地家屋調査士法第77条第1項、第41条及関係 サイバーセキュリティ2019(平成30年1月3日閣議決定) 第4期教育振興基",
        "体的な 条項も び第82条・独立行政法人国立文化財機構法する 本計画(令和元年1月16日関係閣僚会議決定) 経済財政運営と改革の基本方",
        "記載) 第104条第2項及び第82条 計画 針2021(令和元年5月7日総務大臣決定)", "、通", "知等",
        "主要政策・施 観光立国 主要 その他の事項経費"])
    rec = new_record("review_sheet", "x")
    review_pdf._plans(rec, lines)
    assert rec["related_plans"] == [] and [w["code"] for w in rec["warnings"]] == ["related_plans_unsure"]
    # pdfplumber, variant 1743: 「独立行政法人地域医療」 glued to the label's 「る計画」 went with the plans cell
    lines = nfkc_lines([
        "根拠法令 (具 健康保険法第104条及び第 関係す 第4期教育振興基本計画(令和2年2月22日閣議決定) 国土強靱化基本計画(令和3年4月4日サイバーセ",
        "体的な条項 16条 独立行政法人地域医療る計画 キュリティ戦略本部決定) 未来投資戦略2018(令和元年3月24日閣議決定)",
        "も記載) 機能推進機構法第76条 臓器、通知", "の移植に関する法律第69条 等", "主要政策・ 観光立国 主要経 中小企業対策"])
    rec = new_record("review_sheet", "x")
    review_pdf._legal(rec, lines)
    assert "機能推進機構法" in [lb["law"] for lb in rec["legal_bases"]]  # (as read)
    review_pdf._laws_plausible(rec, lines)
    assert [lb["law"] for lb in rec["legal_bases"]] == ["健康保険法"]


def test_a_name_whose_end_the_position_left_unknown_is_not_read_whole_next_to_its_label():
    # pdfplumber, variant 1748: 「事業名 …システム運用 担当部局 道路局 作成責任者」 over 「事業 庁」 (the name's 「事業」
    # beside the label's 「庁」): not 「…システム運用」
    lines = nfkc_lines(["事業番号 0439", "平成28年度行政事業レビューシート ( 総務省 )",
                        "事業名 支援安全対策推進人材育成システム運用 担当部局 道路局 作成責任者", "事業 庁",
                        "事業開始 昭和51年度 事業終了 終了予定なし 担当課室 気候変動対策室 参事官 吉田恵",
                        "会計区分 一般会計"])
    rec = new_record("review_sheet", "x")
    review_pdf._names(rec, lines)
    review_pdf._label_anchored(rec, lines)
    assert rec["project_name"] is None and rec["bureau"] == "道路局"
    assert "project_name_ambiguous" in [w["code"] for w in rec["warnings"]]
    # (the label's rest first on the line below, or one piece alone there: the name is read as before)
    for below in ("庁 ィ統括官", "局"):
        lines = nfkc_lines(["事業番号 0439", "令和6年度行政事業レビューシート (外務省)",
                            "事業名 情報研究開発支援経費 担当部局 地方創生推進事務 作成責任者", below,
                            "事業開始年 平成6年度 事業終了(予 令和10年度 担当課 企画課 室長 神門 大輔",
                            "会計区分 東日本大震災復興特別会計"])
        assert not name_rest_before_label_rest(lines, 3) and name_rest_before_label_rest(
            [*lines[:3], "事業 庁", *lines[4:]], 3)


def test_a_description_holding_a_figure_printed_alone_with_the_amount_unread_is_unknown():
    # pdftotext, fresh variant 1951: 「8239545548017 会議等出席」 over 「3」 over 「(諸謝金)、補」 over 「助事業の実施」: the
    # amount 3 read into the 業務概要, the amount itself unread
    lines = ["1", "", "株式会社IT", "リサーチ・", "アート", "", "8239545548017 会議等出席", "3", "(諸謝金)、補", "助事業の実施",
             "", "一般競争 4", "契約 (総合", "評価)", "", "89.2%", "", "-"]
    rows = [PayeeRow("E", 1, {"name": "株式会社ITリサーチ・アート", "description": "会議等出席3(諸謝金)、補助事業の実施",
                              "amount": None}, 1, False),
            # (the amount read: a figure in the 業務概要 stands)
            PayeeRow("E", 2, {"name": "株式会社ITリサーチ・アート", "description": "会議等出席3(諸謝金)、補助事業の実施",
                              "amount": "3"}, 1, False)]
    notes: list = []
    got = review_pdf._woven_rows(rows, notes, lines)
    assert [r.cells["description"] for r in got] == [None, "会議等出席3(諸謝金)、補助事業の実施"]
    assert got[0].cells["name"] == "株式会社ITリサーチ・アート" and len(notes) == 1
