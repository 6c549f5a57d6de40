"""Never confidently wrong (issue 17), on the variants 2200-2229 (held-out last session, now training) and helpers'
fresh sets: cells cut mid-word, whose rest the text wrote elsewhere, are left unknown. Each excerpt is a few lines
as the tool wrote them; values as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.legal_text import cut_citations
from kg.extract.review_pdf import extract
from kg.extract.review_text import label_fields, label_lists, policy_value_plausible
from kg.normalize.law_ref import parse_legal_bases
from kg.normalize.project_number import parse_numbers
from kg.normalize.text import nfkc
from kg.read.base import RawDoc


def _lines(text: str) -> list[str]:
    return [nfkc(x) for x in text.split("\n")]


def test_a_division_cut_mid_word_glued_to_an_officials_title_is_unknown():
    # (pdfplumber, LibreOffice: the 担当課室 cell 「サイバーセキュリティ統括官(室)」 wraps after 「サイバーセキ」, its
    # first line glued to the 作成責任者 cell's 「企画官」; its rest 「ュリティ統括」 and 「官(室)」 stand on the two
    # lines below — no word starts with 「ュ」: the sheet's division is not 「サイバーセキ企画官」)
    lines = _lines("令和3年度行政事業レビューシート (国土交通省)\n"
                   "事業名 研究開発普及啓発に関する調査研究 担当部局 産業技術環境作成責任者\n局\n"
                   "事業開始年度 平成3年 事業終了(予 終了予定なし 担当課室 サイバーセキ企画官 伊藤敦史\n"
                   "度 定)年度 ュリティ統括\n官(室)\n会計区分 一般会計")
    got = label_fields(lines, 2021)
    assert "division" not in got
    assert got["accounts"].value == ["一般会計"]
    # (the same row whose division fits on its line is read)
    lines = _lines("令和3年度行政事業レビューシート (国土交通省)\n"
                   "事業名 研究開発普及啓発に関する調査研究 担当部局 産業技術環境作成責任者\n局\n"
                   "事業開始年度 平成3年 事業終了(予 終了予定なし 担当課室 技術調査課 企画官 伊藤敦史\n"
                   "度 定)年度\n会計区分 一般会計")
    got = label_fields(lines, 2021)
    assert got["division"].value == "技術調査課"


def _record(text: str) -> dict:
    return extract(RawDoc(path="real.txt", lines=text.split("\n")))


_LEGAL_ROW = ("根拠法令 ( 原子力損害の賠償に関する法律第99条第 関係\n"
              "具体的な 3項 自動車抵当法第27条の6\n"
              "する\n条項も記\n計画\n載)\n、通\n知等\n\n"
              "経済財政運営と改革の基本方針2021(平成26年10月16日閣\n議決定) 地球温暖化対策計画(平成25年7月19日閣議決定)\n\n"
              "主要政策\n・施策\n\n公共事業関係費\n")


def test_the_plans_labels_head_beside_a_law_its_rest_below_the_next_line_is_no_law_text():
    # (pdftotext, reportlab: 「関係」 ends the label's line, the row's next line 「具体的な 3項 自動車抵当法第27条の6」
    # (the left label's piece first) holds the law cell's rest, and the right label's 「する」「計画」「、通」「知等」
    # stand on lines of their own after it: 「関係」 is the label's, not the citation's 「第99条第関係3項」)
    rec = _record(_LEGAL_ROW)
    assert rec["legal_bases"] == [
        {"law": "原子力損害の賠償に関する法律", "citations": [{"article": "99", "paragraph": "3"}]},
        {"law": "自動車抵当法", "citations": [{"article": "27の6"}]}]


def test_a_citation_cut_after_its_dai_is_not_the_article_alone():
    # (the same cell with the label's head read into it: 「第99条第」 goes on in a paragraph cut off — the article
    # alone is not what the sheet cites)
    text = "原子力損害の賠償に関する法律第99条第関係3項自動車抵当法第27条の6"
    assert cut_citations(text, parse_legal_bases(text)) == [("原子力損害の賠償に関する法律", {"article": "99"})]
    text = "原子力損害の賠償に関する法律第99条第3項 自動車抵当法第27条の6"
    assert cut_citations(text, parse_legal_bases(text)) == []


def test_a_law_titles_head_beside_a_plans_date_cut_after_its_era_is_the_laws():
    # (pdftotext, LibreOffice, fresh 2241: 「投」 ends the line after the law cell's 「…第58条」, the 関係する計画 cell
    # open at 「サイバーセキュリティ戦略(平成」 — its rest is a year's number (「29年6月17日…」 below), so 「投」 is
    # the head of 「資信託及び投資法人に関する法律第」 below, not a piece of the plan)
    rec = _record("会計区分 エネルギー対策特別会計\n"
                  "根拠法令 公安調査庁設置法第89条、第50条及 関係する計画 成長戦略フォローアップ(令和元年8月22日関係閣僚会議決定)"
                  " 国土強靱化基本計画(平\n"
                  "(具体的 び第41条 海洋生物資源の保存及び管 、通知等\n"
                  "成30年8月12日サイバーセキュリティ戦略本部決定) サイバーセキュリティ戦略(平成\n"
                  "な条項も 理に関する法律第2条及び第58条 投\n"
                  "29年6月17日関係閣僚会議決定)\n記載)\n"
                  "資信託及び投資法人に関する法律第\n29条、第37条及び第60条\n\n"
                  "主要政策 国土強靱化 主要経費 公共事業関係費\n")
    laws = [lb["law"] for lb in rec["legal_bases"]]
    assert "資信託及び投資法人に関する法律" not in laws
    assert {"law": "投資信託及び投資法人に関する法律",
            "citations": [{"article": "29"}, {"article": "37"}, {"article": "60"}]} in rec["legal_bases"]
    assert {"title": "サイバーセキュリティ戦略", "date": "2017-06-17", "decided_by": "関係閣僚会議決定"} \
        in rec["related_plans"]


def test_a_serial_below_two_cells_lacking_their_numbers_goes_to_neither():
    # (pdftotext, LibreOffice, fresh 2242: 「文部科学省 - 令和3年 2021 文科 20」 over 「0032」 「度」 「0334」: 令和2年度's
    # cell 「文部科学省 -」 and the RS number 「2021 文科 20」 both lack their numbers — 0032 is 令和2年度's, 0334 the RS
    # number's serial, which the text does not say)
    lines = _lines("関連する過去のレビューシートの事業番号\n平成27年 度\n\n平成28年度\n\n-\n\n平成29 年度\n\n"
                   "平成30年度\n\n0126\n\n令和元年 文部科学省\n度\n(0229)\n\n令和2年度\n\n"
                   "文部科学省 - 令和3年 2021 文科 20\n0032\n度\n0334\n\n令和4年度\n\n2022 文科 21 0039\n\n"
                   "※令和4年度実績を記入。執行実績がない新規事業、新規要求事業については現時点で予定やイメージを記入。\n\n資金の流れ")
    got = label_lists(lines, 2022)["past_project_numbers"].value
    assert {"fiscal_year": 2018, "number": "0126"} in got and {"fiscal_year": 2022, "number": "2022-文科-21-0039"} in got
    assert not any(x["number"] in ("2021-文科-20-0032", "0334", "0032") for x in got)


def test_the_bureau_labels_wrapped_cho_is_no_part_of_a_toukatsukan():
    # (pdftotext, LibreOffice, fresh 2393: 「担当部局 サイバーセキュリティ統括官」 over 「庁」, the label's wrapped rest —
    # no bureau is named 「…統括官庁」)
    lines = _lines("事業番号 2021 - 厚労 - 20 - 0458\n\n令和3年度行政事業レビューシート ( 厚生労働省 )\n\n事業名\n\n"
                   "調査高度化情報普及啓発推進費\n\n担当部局 サイバーセキュリティ統括官\n庁\n\n作成責任者\n\n事業開始年度\n\n"
                   "平成18年度\n\n担当課室 住民制度課\n\n審議官 加藤 美香")
    assert label_fields(lines, 2021)["bureau"].value == "サイバーセキュリティ統括官"


def test_the_plans_labels_head_glued_between_a_law_and_a_plan():
    # (pdfplumber, LibreOffice, fresh 2393: 「…第98条・ダイ関係する未来投資戦略2018(…決定)」 over 「オキシン類対策特別措置法
    # 第85条 計画、通」 over 「知等」: 関係する is the label, its rest below — not 「オキシン類対策特別措置法」)
    rec = _record("会計区分 一般会計\n"
                  "根拠法令 (具体的 日本郵政株式会社法第38条、第118条及び第98条・ダイ関係する未来投資戦略2018(平成30年2月10日総務大臣決定)\n"
                  "な条項も記載) オキシン類対策特別措置法第85条 計画、通\n知等\n"
                  "主要政策・施策 科学技術・イノベーション 主要経費社会保障\n")
    assert {"law": "ダイオキシン類対策特別措置法", "citations": [{"article": "85"}]} in rec["legal_bases"]
    assert rec["related_plans"] == [{"title": "未来投資戦略2018", "date": "2018-02-10", "decided_by": "総務大臣決定"}]


def test_the_plans_labels_piece_glued_to_a_plan_its_rest_two_lines_down():
    # (pdfplumber, LibreOffice, fresh 2392: 「関係す」 / 「る 計画戦略本部決定)」 / 「、通知」 / 「等」: 「計画」 is the label's,
    # 「、通知」 below and 「等」 under it — the decider is 「サイバーセキュリティ戦略本部決定」)
    rec = _record("会計区分 一般会計\n"
                  "根拠法令 (具体的特定都市鉄道整備促進特別措置法第100条の8、第 関係す 経済財政運営と改革の基本方針2021(平成29年4月8日"
                  "サイバーセキュリティ\n"
                  "な 条項も記載) 57条第1項及び第57条第3項第7号・と畜場法第22 る 計画戦略本部決定) サイバーセキュリティ2019(令和元年7月21日"
                  "総務大臣決定)\n条 、通知\n等\n主要政策・施策 - 主要経 中小企業対策\n")
    assert {"title": "経済財政運営と改革の基本方針2021", "date": "2017-04-08",
            "decided_by": "サイバーセキュリティ戦略本部決定"} in rec["related_plans"]
    assert {"law": "と畜場法", "citations": [{"article": "22"}]} in rec["legal_bases"]


def test_two_officials_run_together_in_one_word_are_unknown():
    # (pdfplumber, LibreOffice, fresh 2383: 「佐々木参事官」 and 「企画官 小林 雅一」 run together at the row's end)
    rec = _record("平成28年度行政事業レビューシート (外務省)\n"
                  "事業名 国際協力システム運用経費 担当部局庁 製造産業局 作成責任者\n"
                  "事業開始年度 平成23年度 事業終了(予定)年度終了予定なし 担当課室 素形材産業室 佐々木参事官企画官 小林 雅一\n"
                  "会計区分 一般会計")  # (row-style text: no blank line)
    assert rec["bureau"] == "製造産業局"
    assert not any("企画官 小林 雅一" in o for o in rec["responsible_officials"])



def test_an_articles_no_number_after_the_plans_label_goes_on_the_law():
    # (pdftotext, reportlab, fresh 2065: 「…理容師法第49条」 ends the line, the label's 「通知等」 on a line of its own,
    # then 「の23及び第78条」: the article's の-number — 第49条の23 and 第78条, not 第49条)
    rec = _record("根拠法令 (具体的な 条\n項も記載)\n\n"
                  "湖沼水質保全特別措置法第4条、第104条の23及び第99条 少年の保 関係する 計画、\n"
                  "護事件に係る補償に関する法律第5条第4項第5号 理容師法第49条\n通知等\nの23及び第78条\n\n"
                  "未来投資戦略2018(平成26年3月4日サイバーセキュリティ戦略本部決定)\n\n主要政策・施策\n\nIT戦略\n")
    assert {"law": "理容師法", "citations": [{"article": "49の23"}, {"article": "78"}]} in rec["legal_bases"]


def test_an_articles_no_cut_by_other_text_is_not_the_article_alone():
    # (pdfplumber, LibreOffice, fresh 2134: 「…及び第35条の関係す第4期…」, its 「16」 further on: 第35条 is not cited)
    text = "行政相談委員法第115条及び第35条の関係す第4期教育振興基本計画(令和元年7月15日総務大臣決定)16"
    assert cut_citations(text, parse_legal_bases(text)) == [("行政相談委員法", {"article": "35"})]
    text = "行政相談委員法第115条の規定及び第35条の2"  # (「条の規定」: no number cut)
    assert cut_citations(text, parse_legal_bases(text)) == []


def test_a_year_header_or_formula_row_is_no_policy():
    # (pdftotext, LibreOffice, fresh 2575 / 2110: the indicator tables' 「平成29 30年度」 and 「計算式」 written after the
    # 政策 / 施策 labels)
    assert not policy_value_plausible("平成29 30年度") and not policy_value_plausible("計算式")
    assert policy_value_plausible("3. 防災") and policy_value_plausible("(4)支援高度化の推進")


def test_a_name_cut_mid_word_its_rest_alone_among_the_year_cells_is_unknown():
    # (pdfminer.six, reportlab, fresh 2136: 「事業名 基盤整備推進国際協力対策事」, its 「業」 a box of its own among the
    # 事業開始年度 cells — the name is not 「…対策事」)
    rec = _record("令和2年度行政事業レビューシート (国土交通省)\n\n事業名 基盤整備推進国際協力対策事\n\n担当部\n局\n\n民事局\n\n"
                  "作成責任者\n\n事業終了(\n予定)年度\n\n令和2年\n度\n\n担当課\n室\n\n素形材産業室 審議官 吉田 敦史\n\n業\n\n"
                  "平成\n17年\n度\n\nエネルギー対策特別会計\n\n会計区分\n")
    assert rec["project_name"] is None
    assert rec["bureau"] == "民事局"


def test_an_rs_number_cut_in_its_ministry_is_no_number():
    # (pdftotext, LibreOffice, fresh 2134: 「文部科学省 令和3 2021 文」 over 「- 0365」: 0365 is 令和2年度's, the RS
    # number's 「文科」 cut — no ministry abbreviates to 「文」)
    assert parse_numbers("2021 文 - 0365") == [] or all(r.number != "2021-文-0365" for r in parse_numbers("2021 文 - 0365"))
    assert [r.number for r in parse_numbers("2021 文科 20 0026")] == ["2021-文科-20-0026"]
    assert [r.number for r in parse_numbers("2022-国交-0117")] == ["2022-国交-0117"]


def test_serials_alone_beside_a_new_programs_number_cut_before_its_serial_are_unknown():
    # (pdftotext, LibreOffice, fresh 2113: 「平成23 新23年度」 over 「0279」 — the number is 新23-0279, its dash lost; no
    # serial read alone in that table is known to be a number of its own)
    lines = _lines("関連する過去のレビューシートの事業番号\n平成18年度 -\n\n平成19 年度\n\n平成20年度\n\n-\n\n平成21 年度\n\n"
                   "平成22年度 -\n\n平成23 新23年度\n0279\n\n平成24年度\n\n国土交通省 平成25 0288\n- 0415\n年度\n\n"
                   "※平成25年度実績を記入。執行実績がない新規事業、新規要求事業については現時点で予定やイメージを記入。\n\n資金の流れ")
    got = label_lists(lines, 2014).get("past_project_numbers")
    assert got is None or not any(x["number"] == "0279" for x in got.value)
    # (a whole new program's number is read)
    lines = _lines("関連する過去のレビューシートの事業番号\n平成22年度 -\n\n平成23年度 新23-0279\n\n"
                   "※平成25年度実績を記入。執行実績がない新規事業、新規要求事業については現時点で予定やイメージを記入。\n\n資金の流れ")
    assert {"fiscal_year": 2011, "number": "新23-0279"} in label_lists(lines, 2014)["past_project_numbers"].value


def test_a_number_alone_after_an_rs_number_cut_before_its_serial_is_unknown():
    # (pdfminer.six, LibreOffice, fresh 2128: 「令和3年度 2021 外務 20」 over 「令和4年度 2022 外務 21 0370」 over 「0471」:
    # 0471 is the cut number's serial, 2021-外務-20-0471 — not a number of its own)
    lines = _lines("関連する過去のレビューシートの事業番号\n\n平成27年度\n\n-\n\n平成28年度\n\n外務省 - 0416 平成29年\n\n度\n\n0228\n\n"
                   "平成30年度\n\n0138\n\n令和元年度\n\n外務省 - 0301 令和2年度\n\n0134\n\n令和3年度 2021 外務 20 \n\n"
                   "令和4年度 2022 外務 21 0370\n\n0471\n\n"
                   "※令和4年度実績を記入。執行実績がない新規事業、新規要求事業については現時点で予定やイメージを記入。\n\n資金の流れ")
    got = label_lists(lines, 2022)["past_project_numbers"].value
    assert {"fiscal_year": 2022, "number": "2022-外務-21-0370"} in got and {"fiscal_year": 2018, "number": "0138"} in got
    assert not any(x["number"] == "0471" for x in got)


def test_a_cut_in_a_later_titles_text_leaves_the_law_before_it_whole():
    # (pdftotext, LibreOffice, wrong-hunting pool 1885: 「…第71条のる法律…」 cuts the second title's article, whose
    # title is no base of its own — 精神保健福祉士法's 第79条, before it, stays)
    text = "精神保健福祉士法第79条・法の適用に関する通則法第99条第4項第8号、第34条及び第71条のる法律第16条"
    assert ("精神保健福祉士法", {"article": "79"}) not in cut_citations(text, parse_legal_bases(text))
