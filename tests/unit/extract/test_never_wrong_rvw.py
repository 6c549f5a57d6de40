"""Never confidently wrong (issue 17), on sheets no rule was tuned on: values the text tools' output of real-form
variants (both producers) led the readers to take wrongly — a past number that may be a cut number's serial, a
政策 that is its row label's wrapped rest, an official read as the 担当課室, a name's piece glued to the next
official's title, a 施策 cut where its cell goes on, a 主要経費 replaced by another cell's text, payee names that
are other columns' text — are now unknown (with a warning where the reader warns) or right, by the form's labels
and the values' own shapes. Each excerpt is a few lines as the tool wrote them; values as the variants' .xlsx
records hold them."""
from __future__ import annotations

from kg.extract.payee_wraps import rate_goes_on
from kg.extract.review_pdf import (
    _label_anchored,
    _payee_cells_plausible,
    _payees_plausible,
    _policy_plausible,
)
from kg.extract.review_text import Token, label_fields, label_lists, measure_rest, officials_wrapped
from kg.normalize.text import nfkc
from kg.records import new_record


def _lines(text: str) -> list[str]:
    return [nfkc(x) for x in text.split("\n")]


_PAST_HEAD = "関連する過去のレビューシートの事業番号\n\n平成27年度\n\n-\n\n令和2年度\n\n厚生労働省 - 0343\n\n令和3年度\n\n"
_PAST_TAIL = "\n\n※令和4年度実績を記入。執行実績がない新規事業、新規要求事業については現時点で予定やイメージを記入。\n\n資金の流れ"


def test_a_number_below_a_number_cut_before_its_serial_is_unknown():
    # (pdftotext: 「2021 厚労 20 令和4年度」 over 「0085」 — the cut number's serial or 令和4年度's number: the sheet
    # has 2021-厚労-20-0085 for 令和3年度 and 0047 for 令和4年度, written elsewhere)
    got = label_lists(_lines(_PAST_HEAD + "2021 厚労 20 令和4年度\n0085" + _PAST_TAIL), 2023)
    assert got["past_project_numbers"].value == [{"fiscal_year": 2020, "number": "0343"}]
    # (pdfminer: the cut number, then 令和4年度 and its 厚生労働省 - 0047, then 0085 alone)
    got = label_lists(_lines(_PAST_HEAD.replace("令和3年度\n", "令和3年度 2021 厚労 20 \n")
                             + "令和4年度\n\n厚生労働省 - 0047\n\n0085" + _PAST_TAIL), 2023)
    assert {x["number"] for x in got["past_project_numbers"].value} == {"0343", "0047"}
    # (a cut number that ends its line, the number below in its paragraph, is that number's serial: 2022-文科-21-0365)
    got = label_lists(_lines(_PAST_HEAD + "2021 文科 20 0088\n\n令和4年度\n\n2022 文科 21\n0365" + _PAST_TAIL), 2023)
    assert got["past_project_numbers"].value[-1] == {"fiscal_year": 2022, "number": "2022-文科-21-0365"}


def test_a_policy_starting_with_a_comma_is_its_row_labels_rest():
    # (pdftotext: 「政策評価、新経済・財政再生計画との関係」 wrapped beside the 政策 cell, read as 「、 新経済 価・ 財政再」
    # and the 政策 cell 「基盤整備」 then taken for the 施策)
    lines = _lines("政策評価 政策評 政策\n、 新経済 価\n・ 財政再\n生 計画と\nの 関係\n\n政策評 施策\n価\n\n基盤整備\n\n"
                   "2. 基盤 政策評 https://www.soumu.go.jp/main_content/000766416.pdf\n整備地 価書\n域の推 URL\n進\n\n"
                   "該当箇 3ページ目\n所")
    assert "policy_evaluation" not in label_lists(lines, 2023)


def test_an_official_alone_after_the_division_label_is_no_division():
    # (pdftotext: 「担当課室」 then 「審議官 山本 美香」, the division 「参事官室」 further on: not 審議官)
    lines = _lines("事業名\n\n推進普及啓発地域システム運用高度化事業\n\n担当部局庁 生産局\n\n作成責任者\n\n事業開始年度\n\n"
                   "平成2年度\n\n担当課室\n\n審議官 山本 美香\n\n会計区分\n\n一般会計\n\n事業終了(予定 終了予定なし\n)年度\n\n"
                   "参事官室\n\n根拠法令 (具体 少年鑑別所法第1条")
    got = label_fields(lines, 2020)
    assert got.get("division") is None or got["division"].value == "参事官室"


def test_a_title_alone_before_another_official_on_its_line_takes_no_piece_below():
    # (pdfplumber: 「課長 寺課長補佐 吉田 大輔」 over 「度 田 直子」 — 課長 寺田 直子 and 課長補佐 吉田 大輔, 寺 glued to
    # the next title: not 「課長 田 直子」 and 「寺課長補佐 吉田 大輔」)
    folded = _lines("事業開始年度 令和元年度 事業終了(予定)年 終了予定なし 担当課室 技術調査課 課長 寺課長補佐 吉田 大輔\n"
                    "度 田 直子\n会計区分 一般会計")
    assert officials_wrapped("課長 寺課長補佐 吉田 大輔", folded, 1) is None
    # (a surname's first piece after its title, at the line's end, still takes its rest below)
    folded = _lines("担当課室 技術調査課 課長 吉田 大輔 課長 寺\n度 田 直子\n会計区分 一般会計")
    assert officials_wrapped("課長 吉田 大輔 課長 寺", folded, 1) == ["課長 吉田 大輔", "課長 寺田 直子"]


def test_a_measure_going_on_past_the_lines_looked_at_is_unknown_and_read_whole_when_it_ends():
    # (pdfplumber: 「施策 (2)高 政策評価書 https://…」 over 「度化 URL」 over five one-word lines: the 施策 ends at 「進」)
    folded = _lines("政策評価 施策 (2)高 政策評価書 https://www.soumu.go.jp/main_content/000766416.pdf\n度化 URL\n普及\n啓発\n"
                    "の推\n進\n該当箇所 3ページ目")
    value = Token("(2)高", 1, None)
    assert measure_rest(folded, value) == ["度化", "普及", "啓発", "の推", "進"]
    # (the same cell still going on at the end of the text: its end is unknown)
    assert measure_rest(folded[:5], value) is None


def test_a_measure_whose_paragraph_goes_on_into_a_label_is_unknown():
    # (pdftotext, paragraph style: 「3. 高」 over 「政策評価」 over 「度化デ 書URL」: the 施策 is not 「3. 高」)
    lines = _lines("政策評価、\n\n政策評価\n\n政策\n\n研究開発\n\n政策評価\n\n施策\n\n3. 高\n政策評価\n度化デ 書URL\nータ活\n"
                   "用の推\n進\n\n該当箇所\n\n2021\n\n取組事項")
    pe = label_lists(lines, 2023).get("policy_evaluation")
    assert pe is None or pe.value.get("measure") is None


def test_a_major_expense_of_the_forms_categories_is_not_replaced_by_other_text():
    # (pdftotext: the 主要経費 label followed by the budget table's 「予算 の 状 況」: 経済協力 by position stays)
    lines = _lines("主要政策・施策\n国土強靱化\n経済協力\n主要経費\n予算額・ 執行額 (単位:百万円)\n予算 の 状 況\n終了予定なし")
    rec = new_record("review_sheet", "x")
    rec["major_expense"] = "経済協力"
    found = label_fields(lines, 2023)
    assert found["major_expense"].value != "経済協力"  # (the label's neighbour, which the check keeps out)
    _label_anchored(rec, lines)
    assert rec["major_expense"] == "経済協力"


def _payees(*rows: dict) -> dict:
    rec = new_record("review_sheet", "x")
    rec["payees"] = [{"block": "A", "rank": i, **r} for i, r in enumerate(rows, 1)]
    return rec


def test_payee_names_that_are_other_columns_text_are_left_out():
    rec = _payees({"name": "利用者の基本的な権利の保障の在り方を巡る諸外国の法制度・実態の調査、システムの設計・開発及び運用保守"},
                  {"name": "約 (最低価格)"}, {"name": "務"}, {"name": "以上)"}, {"name": "出額10億円以上)"},
                  {"name": "国際連合開発計画(UNDP)"}, {"name": "株式会社日本翻訳センター・ITリサーチ・アート(株)共同企業体"},
                  {"name": "富士フイルムビジ 1158399540ネスイノベーショ 656ン(株)", "corporate_number": "1585448479973"},
                  {"name": "PricewaterhouseCoopers LLP", "contract_method": "随意契約 ("})
    _payees_plausible(rec)
    _payee_cells_plausible(rec)
    assert [p["name"] for p in rec["payees"]] == [None] * 5 + [
        "国際連合開発計画(UNDP)", "株式会社日本翻訳センター・ITリサーチ・アート(株)共同企業体", None,
        "PricewaterhouseCoopers LLP"]
    assert rec["payees"][7]["corporate_number"] is None and rec["payees"][8]["contract_method"] is None
    assert sum(w["code"] == "payee_implausible" for w in rec["warnings"]) == 7


def test_a_number_another_row_gives_to_another_name_is_left_out_when_the_name_has_its_own():
    rec = _payees({"name": "独立行政法人情報処理推進機構", "corporate_number": "3618323422493"},
                  {"name": "一般財団法人全国地域情報化推進協会", "corporate_number": "6459125400924"},
                  {"name": "独立行政法人情報処理推進機構", "corporate_number": "6459125400924"},
                  {"name": "独立行政法人情報処理推進機構", "corporate_number": "3618323422493"})
    _payee_cells_plausible(rec)
    assert [p["corporate_number"] for p in rec["payees"]] == ["3618323422493", "6459125400924", None, "3618323422493"]


def test_a_sentence_is_no_policy_or_measure():
    # (pdftotext: the 所見 cell's 「調査研究の拡充による増額要求。」 read after the 政策 label; reportlab narrow print,
    # pdfplumber: the 事業概要 sentence 「平成14年8月から…、電子自治体の基盤として、…に資する」)
    for policy in ("調査研究の拡充による増額要求。",
                   "平成14年8月から本格稼働した住民基本台帳ネットワークシステムは、電子自治体の基盤として、住民の利便性と行政の効率化に資する"):
        rec = new_record("review_sheet", "x")
        rec["policy_evaluation"] = {"policy": policy, "measure": "(8)安全対策国際協力の推進"}
        _policy_plausible(rec)
        assert rec["policy_evaluation"] == {"policy": None, "measure": "(8)安全対策国際協力の推進"}
    # (pdftotext, reportlab: the 施策 cell and the 政策評価書URL label wrapped side by side, their lines run together)
    rec = new_record("review_sheet", "x")
    rec["policy_evaluation"] = {"policy": "支援の推進", "measure": "国際協力 政策評システム 価書運用の推 URL進"}
    _policy_plausible(rec)
    assert rec["policy_evaluation"] == {"policy": "支援の推進", "measure": None}
    rec = new_record("review_sheet", "x")
    rec["policy_evaluation"] = {"policy": "V. 情報通信 (ICT政策)", "measure": "電子政府・電子自治体の推進"}
    _policy_plausible(rec)
    assert rec["policy_evaluation"]["policy"] == "V. 情報通信 (ICT政策)"


def test_a_name_with_a_space_against_a_bracket_or_its_latin_tail_in_the_next_column_is_left_out():
    # (pdftotext, reportlab: 「講師謝金(講師A」 over 「)」 joined with a space; 「合同会社富士通Japan」 wrapped, 「Japan」
    # read as the row's 業務概要)
    rec = _payees({"name": "講師謝金(講師A )"}, {"name": "合同会社富士通", "description": "Japan"},
                  {"name": "PricewaterhouseCoopers LLP", "description": "ガイドラインの英訳作業"},
                  {"name": "講師謝金(講師A)", "description": "研修の企画運営"})
    _payee_cells_plausible(rec)
    assert [(p["name"], p.get("description")) for p in rec["payees"]] == [
        (None, None), (None, None), ("PricewaterhouseCoopers LLP", "ガイドラインの英訳作業"), ("講師謝金(講師A)", "研修の企画運営")]


def test_a_whole_rate_continued_by_its_decimals_then_its_percent():
    # (pdfplumber, reportlab: 「… 7 98 -」 over 「… .6」 over 「… %」: 98.6%, not 98%)
    assert rate_goes_on("98", ".6") and rate_goes_on("98.6", "%") and rate_goes_on("98", ".6%")
    assert not rate_goes_on("98.6", ".6") and not rate_goes_on("98", "6")


def test_a_rate_of_a_small_sum_contract_without_bidders_is_left_out():
    # (pdftotext, reportlab: another row's 「61%」 read into a 随意契約 (少額) row: no tender, so no 落札率)
    rec = _payees({"contract_method": "随意契約 (少額)", "award_rate": 61},
                  {"contract_method": "一般競争契約 (最低価格)", "bidders": 2, "award_rate": 51.2})
    _payee_cells_plausible(rec)
    assert [p["award_rate"] for p in rec["payees"]] == [None, 51.2]
