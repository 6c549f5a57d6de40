"""A 業務概要 whose first line holds the row's amount and 契約方式等 run on (「データ整備 244 一般競争」 over 「及び分析業」
「契約 (総」「務」「合評価)」, variant 1510 rl pdftotext): the amount is the figure before the 契約方式等 — never the
入札者数 「7」 alone after the cell — and the 業務概要, whose lines run among the 契約方式等's, is unknown; and a whole
number alone followed by one dash and the next rank (「会議等出席(諸謝金)」「1」「-」「3」, variant 5 rl pdftotext) may be the
row's 入札者数 and 落札率: no amount."""
from __future__ import annotations

from tests.unit.extract.test_payee_form_text_run_on_cells import _paras, _rows

HEADER = ["支出先", "", "法人番号 業務概要", "", "支出 契約方式", "額( 等", "百万", "円)", "", "入札者数 落札率",
          "(応募者数", ")"]


def test_the_amount_before_the_method_run_on_in_the_task_line_and_no_task():
    rows = _rows(_paras("D", *HEADER, "1", ["KDDI株式", "会社"], ["873766", "428142", "7"],
                        ["補助事業の 986 随意契約 3", "実施、タイ", "(企画競争", "ムスタンプ", ")"], "-",
                        "2", "岩手県", ["400002", "003000", "7"], ["データ整備 244 一般競争", "及び分析業", "契約 (総", "務",
                                                                 "合評価)"], "7", "59.3%"))
    d1, d2 = rows[("D", 1)], rows[("D", 2)]
    assert (d1["corporate_number"], d1["amount"]) == ("8737664281427", "986")
    assert (d2["name"], d2["corporate_number"], d2["amount"]) == ("岩手県", "4000020030007", "244")
    assert d2["bidders"] == "7" and d2["award_rate"] == "59.3%"
    assert d1["description"] is None and d2["description"] is None  # (its lines run among the 契約方式等's)


def test_a_count_then_one_dash_then_the_next_rank_is_no_amount():
    rows = _rows(_paras("B", *HEADER, "1", ["エヌ・ティ・ ティ・データ", "経営研究所(株", ")・合同会社"],
                        ["セキュリティ 16,439 その他", "説明会の開催"], "-", "-",
                        "2", ["合同会社パシ", "フィックコン", "サルタンツ"], ["67563871", "88158"], ["会議等出席(", "諸謝金)"],
                        "1", "-", "3", ["パシフィック", "コンサルタン", "ツ(株)"], ["18590004", "15846"],
                        ["普及啓発コン 5,083 その他", "テンツの作成"], "-", "-"))
    b2 = rows[("B", 2)]
    assert (b2["corporate_number"], b2["description"]) == ("6756387188158", "会議等出席(諸謝金)")
    assert not b2["amount"]  # (「1」 then 「-」 then rank 3: its 入札者数 and 落札率? its amount unknown, never 1)
    assert rows[("B", 1)]["amount"] == "16,439" and rows[("B", 3)]["amount"] == "5,083"


def test_a_count_then_one_dash_then_the_next_rank_is_the_amount_when_the_total_adds_up():
    # (fresh variant 1769 LO pdftotext block E: 「定期刊行物の購読」「24」「-」「2」, the block's 計 60 = 24 + 23 + 13)
    rows = _rows(_paras("E", "支出先", "法人番号", "業務概要", "支出額 (百万円)", "1",
                        ["国立研究開発法人産業 3249670437519", "技術総合研究所"], "定期刊行物の購読", "24", "-",
                        "2", ["有限会社シー・エス・ 5979993476366", "エス"], ["普及啓発コンテンツの 23", "作成、実証事業の実施"],
                        ["一般競争契約 (総合 5", "評価)"], "70.5%",
                        "3", ["日経BPマーケティング 5536102844687", "株式会社"], ["ヘルプデスク業務、機 13", "器の賃貸借"],
                        ["一般競争契約 (総合 2", "評価)"], "72.9%", "計", "60", "-"))
    assert [rows[("E", k)]["amount"] for k in (1, 2, 3)] == ["24", "23", "13"]


def test_a_method_with_its_count_after_a_name_is_no_task_and_amount():
    # (held-out variant 1812 rl pdftotext block B: the row's 業務概要 and amount 26,198 written before the letter, then
    # 「1」「講師謝金( 講師A)」 and 「一般 3」 over 「競争」「契約」「(総合」「評価)」: the 契約方式等 beside its 入札者数 3)
    rows = _rows(_paras(["視察(旅費", "の支払)、", "補助事業", "の実施"], ["26,", "198"], "B.", "1", ["法人番", "号"],
                        "講師謝金( 講師A)", ["入札 落札", "者数 率", "(応募", "者数)"],
                        ["一般 3", "競争", "契約", "(総合", "評価)"], "89.1%", "C."))
    b1 = rows.get(("B", 1), {})
    assert b1.get("amount") is None and b1.get("description") is None  # (never amount 3, task 「一般競争契約(総合評価)」)


def test_a_task_ending_in_its_amount_still_reads_when_its_words_are_no_method():
    rows = _rows(_paras("A", *HEADER, "1", "講師謝金( 講師A)", "-", ["補助事業の 3", "実施"], "その他", "-", "-", "B"))
    assert rows[("A", 1)]["amount"] == "3" and rows[("A", 1)]["description"] == "補助事業の実施"
