"""根拠法令 beside 関係する計画、通知等 when the right label's pieces are glued to the cells' words on every line
(pdfplumber, LibreOffice's print): 「関係する」 glued to the first plan, 「計画、通」 to the next plan's rest, 「知等」
alone below. The law cell's lines are its own; read before as one cell, the plans' words made a law
「平成30年項・自動車抵当法」 and lost 第4項. Excerpt as the tool wrote it (rv858), values as the .xlsx record holds them."""
from __future__ import annotations

from kg.extract.review_pdf import extract
from kg.read.base import RawDoc
from tests.unit.extract.test_legal_row import _read


def test_the_right_label_glued_to_the_first_plan_and_its_rest_to_the_next_line():
    laws, plans = _read(
        "根拠法令 農山漁村電気導入促進法第36条第4 関係する第4期教育振興基本計画(平成29年11月20日閣議決定) "
        "経済財政運営と改革の基本方針2021(平成30年\n"
        "(具体的な項・自動車抵当法第53条・生活保 計画、通10月17日閣議決定) サイバーセキュリティ戦略(平成28年10月2日閣議決定)\n"
        "条項も記 護法第119条、第97条の23及び第 知等\n"
        "載) 81条の20\n"
        "主要政策 科学技術・イノベーション 主要経費その他の事項経費")
    assert laws == [{"law": "農山漁村電気導入促進法", "citations": [{"article": "36", "paragraph": "4"}]},
                    {"law": "自動車抵当法", "citations": [{"article": "53"}]},
                    {"law": "生活保護法", "citations": [{"article": "119"}, {"article": "97の23"}, {"article": "81の20"}]}]
    assert [p["title"] for p in plans] == ["第4期教育振興基本計画", "経済財政運営と改革の基本方針2021", "サイバーセキュリティ戦略"]
    assert plans[1]["date"] == "2018-10-17"


def test_a_lone_character_of_the_plans_label_is_no_part_of_the_first_plan():
    # (pdftotext, LibreOffice's print, rv865: 「関係する 計」 over 「画、通知等」, the plan's title beside them: the
    # plan is 「デジタル・ガバメント実行計画」, not 「計 デジタル・ガバメント実行計画」)
    rec = extract(RawDoc(path="real.txt", lines=(
        "根拠法令 (具体的 技術研究組合法第39条・市民農園整備促\nな 条項も記載)\n進法第78条第3項・信託業法第26条の\n21、第28条及び第35条\n\n"
        "主要政策・施策\n\nIT戦略\n\n"
        "関係する 計 デジタル・ガバメント実行計画(平成24年11月27日サイバーセキュリティ戦略本\n"
        "画、通知等 部決定) デジタル社会の実現に向けた重点計画(平成24年7月10日関係閣僚会議決\n定)\n\n主要経費\n\n経済協力").split("\n")))
    assert [p["title"] for p in rec["related_plans"]] == ["デジタル・ガバメント実行計画", "デジタル社会の実現に向けた重点計画"]
    assert rec["related_plans"][0]["date"] == "2012-11-27"


def test_the_labels_parenthesis_and_its_cut_counter_are_no_part_of_the_law_cell():
    # (pdfplumber, reportlab's print, rv640: 「根拠法令 (」 over 「具体的な 条」 over 「項も記載)」 beside the law cell, the
    # right label cut 「関係す」: the 「条」 is the label's, not 「長崎国際条文化都市建設法」)
    laws, _ = _read(
        "根拠法令 ( 財政融資資金法第107条・長崎国際 関係す 地球温暖化対策計画(平成26年7月9日関係閣僚会議決定) 未来投\n"
        "具体的な 条 文化都市建設法第1条の3及び第25 る 計画 資戦略2018(平成23年1月15日総務大臣決定) 国土強靱化基本計\n"
        "項も記載) 条第3項・行政機関の保有する情報 、通知 画(平成23年7月6日閣議決定)\n"
        "の公開に関する法律第62条及び第 等\n65条第1項\n主要政策・ IT戦略 主要経費 公共事業関係費\n施策")
    assert laws == [{"law": "財政融資資金法", "citations": [{"article": "107"}]},
                    {"law": "長崎国際文化都市建設法", "citations": [{"article": "1の3"}, {"article": "25", "paragraph": "3"}]},
                    {"law": "行政機関の保有する情報の公開に関する法律",
                     "citations": [{"article": "62"}, {"article": "65", "paragraph": "1"}]}]


def test_the_law_cells_citation_written_after_the_plans_label_is_the_law_cells():
    # (pdftotext: rv696, LibreOffice's print, 「…第18号 裁判官弾劾法 関係する計画、通知 第109条、…」; rv671, reportlab's,
    # 「…製菓衛生師法第」 then the label's 「等」 alone, then 「77条、…」: the plans cell empty, the citations the law's)
    laws, plans = _read("根拠法令 (具体的な\n条項も記載)\n\n交通事件即決裁判手続法第9条第3項第18号 裁判官弾劾法 関係する計画、通知 "
                        "第109条、第83条及び第53条\n等\n\n主要政策・施策\n\n国土強靱化")
    assert laws[-1] == {"law": "裁判官弾劾法", "citations": [{"article": "109"}, {"article": "83"}, {"article": "53"}]}
    assert plans == []
    laws, plans = _read("根拠法令 (具体的\nな条項も記載)\n\n交通安全施設等整備事業の推進に関する法律第73条第3項第3号 国家 関係する計画、通知\n"
                        "公務員の留学費用の償還に関する法律第97条第1項 製菓衛生師法第\n等\n77条、第59条の16及び第99条の5\n\n-\n\n"
                        "主要政策・施策\n\n観光立国")
    assert laws[-1] == {"law": "製菓衛生師法", "citations": [{"article": "77"}, {"article": "59の16"}, {"article": "99の5"}]}
    assert plans == []


def test_only_the_citations_rest_goes_back_to_the_law_cell():
    # (pdftotext, reportlab's print, rv418: 「…機構法第110条及び第」 then the label's 「計画、通」, then 「20条 国家公務員の
    # 育児休業等に関する法 知等」 over 「律第84条の18」: 「20条」 ends the law cell's citation; the law cut before its
    # 「律」 is no law 「…に関する法」)
    laws, _ = _read("根拠法令 (具\n体的な 条項\nも記載)\n\n自動車安全運転センター法第102条 独立 関係する\n"
                    "行政法人国立病院機構法第110条及び第\n計画、通\n20条 国家公務員の育児休業等に関する法 知等\n律第84条の18\n\n"
                    "主要政策・施策\n\n観光立国")
    assert {"law": "独立行政法人国立病院機構法", "citations": [{"article": "110"}, {"article": "20"}]} in laws
    assert all(lb["law"] != "国家公務員の育児休業等に関する法" for lb in laws)
