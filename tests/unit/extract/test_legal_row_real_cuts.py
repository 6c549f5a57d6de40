"""根拠法令 and 関係する計画、通知等 of the real form printed in narrow and landscape layouts (kg/extract/legal_text.py,
kg/extract/review_pdf.py ``_legal`` / ``_plans``).

Excerpts are the text the PDF tools gave of the real review seeds printed by LibreOffice
(``python -m tests.fixtures.seed_prints``), each asserted against the seed's gold record. The readers before
lost these cells: a label cut by its narrow cell (「根拠法」 over 「令 (具」, 「関係す」 glued to the law cell's
「…第1」), the plan label's rest glued to a law's open citation (「…基本法第等」), a citation's number wrapped
after its 第 (「…及び第」 over 「34条」) read as the plan cell's, a date wrapped inside its parenthesis, and a
paragraph holding only dated plans that did not start with a bullet.
"""
from __future__ import annotations

from kg.extract.legal_text import implausible_laws
from kg.extract.review_pdf import extract
from kg.read.base import RawDoc


def _run(text: str) -> dict:
    return extract(RawDoc(path="real.txt", lines=text.split("\n")))


def test_narrow_labels_cut_after_three_characters():
    """pdfplumber, narrow print of seed 000: 「根拠法」 over 「令 (具」, 「関係す」 glued to 「…第4条第1」, the next
    row's label cut to 「主要政」; the plan has no date but is bulleted."""
    rec = _run("会計区 一般会計\n分\n"
               "根拠法 総務省設置法第4条第1関係す ・電気通信回線を通じた送信又は磁気ディスクの送付の方法並びに磁気ディスクへの記録及びその保存の\n"
               "令 (具 項28号 住民基本台帳 る計画 方法に関する技術的基準(平成14年総務省告示第334号)\n"
               "体的な 法第30条の24から第 、通知\n"
               "条項も 30条の40まで及び第 等\n"
               "記載) 31条\n"
               "主要政 - 主要経 社会保障\n"
               "策・施 費\n策")
    assert rec["legal_bases"] == [
        {"law": "総務省設置法", "citations": [{"article": "4", "paragraph": "1", "item": "28"}]},
        {"law": "住民基本台帳法", "citations": [{"article": "30の24", "to": "30の40"}, {"article": "31"}]}]
    assert rec["related_plans"] == [{"title": "電気通信回線を通じた送信又は磁気ディスクの送付の方法並びに磁気ディスクへの記録及びその"
                                              "保存の方法に関する技術的基準(平成14年総務省告示第334号)"}]


def test_plan_label_rest_glued_to_an_open_citation():
    """pdfplumber, landscape print of seed 001: 「…基本法第等」 is the law's 「第」 and the plan label's 「等」; its
    「16条」 comes on the next line before the plan's 「日閣議決定)」."""
    rec = _run("根拠法令 (具体的な 条 総務省設置法第4条・総務省組織令第7条第1項第27号 高度情報通信 関係する 計画、通知 "
               "未来投資戦略2018(平成30年6月15日閣議決定) デジタル・ガバメント実行計画(令和元年12月20日閣議決定) サイバー\n"
               "項も記載) ネットワーク社会形成基本法第10条 サイバーセキュリティ基本法第等 セキュリティ2019(令和元年5月23日"
               "サイバーセキュリティ戦略本部決定) サイバーセキュリティ戦略(平成30年7月27\n"
               "16条 日閣議決定)\n"
               "主要政策・施策 - 主要経費 その他の事項経費")
    assert rec["legal_bases"][-1] == {"law": "サイバーセキュリティ基本法", "citations": [{"article": "16"}]}
    assert [p["title"] for p in rec["related_plans"]] == ["未来投資戦略2018", "デジタル・ガバメント実行計画",
                                                          "サイバーセキュリティ2019", "サイバーセキュリティ戦略"]
    assert rec["related_plans"][-1]["date"] == "2018-07-27"


def test_citation_number_after_its_daiji_and_plans_closing_beside_it():
    """pdfplumber, narrow print of seed 003: 「…法律第」 and 「33条及び第34条」 are the law cell's, 「定)」 and
    「ォローアップ」(…)」 the plan cell's, 「、通知等」 glued to 「…及び第」."""
    rec = _run("根拠法令 (具体サイバーセキュリティ基本法第4条、第15条 関係する計画 サイバーセキュリティ戦略(平成30年7月27日閣議決定) サイバーセ\n"
               "的な条項も記 及び第23条 総務省設置法第4条第59号及び第、通知等 キュリティ2020(令和2年7月21日サイバーセキュリティ戦略本部決\n"
               "載) 70号 電子署名及び認証業務に関する法律第 定) 「成長戦略実行計画」(令和3年6月18日閣議決定) 「成長戦略フ\n"
               "33条及び第34条 ォローアップ」(令和3年6月18日閣議決定) 「デジタル社会の実現に\n"
               "向けた重点計画」(令和3年6月18日閣議決定)\n"
               "主要政策・施 IT戦略 主要経費 その他の事項経費")
    assert rec["legal_bases"][-1] == {"law": "電子署名及び認証業務に関する法律",
                                      "citations": [{"article": "33"}, {"article": "34"}]}
    assert rec["legal_bases"][1] == {"law": "総務省設置法", "citations": [{"article": "4", "item": "59"},
                                                                       {"article": "4", "item": "70"}]}
    assert rec["related_plans"][1] == {"title": "サイバーセキュリティ2020", "date": "2020-07-21",
                                       "decided_by": "サイバーセキュリティ戦略本部決定"}
    assert [p["title"] for p in rec["related_plans"]][3:] == ["「成長戦略フォローアップ」", "「デジタル社会の実現に向けた重点計画」"]


def test_paragraph_of_dated_plans_without_bullets():
    """pdftotext, narrow print of seed 003: the plan cell is a paragraph of its own after the law cell's, its
    items dated but not bulleted, a date wrapped inside its parenthesis (「…戦略本部決」 over 「定)」)."""
    rec = _run("根拠法令 (具体 サイバーセキュリティ基本法第4条、第15条 関係する計画\n"
               "的な条項も記 及び第23条 総務省設置法第4条第59号及び第 、通知等\n載)\n"
               "70号 電子署名及び認証業務に関する法律第\n33条及び第34条\n\n"
               "サイバーセキュリティ戦略(平成30年7月27日閣議決定) サイバーセ\n"
               "キュリティ2020(令和2年7月21日サイバーセキュリティ戦略本部決\n"
               "定) 「成長戦略実行計画」(令和3年6月18日閣議決定) 「成長戦略フ\n"
               "ォローアップ」(令和3年6月18日閣議決定) 「デジタル社会の実現に\n"
               "向けた重点計画」(令和3年6月18日閣議決定)\n\n"
               "主要政策・施 IT戦略\n策\n\nその他の事項経費\n\n主要経費\n")
    assert rec["related_plans"] == [
        {"title": "サイバーセキュリティ戦略", "date": "2018-07-27", "decided_by": "閣議決定"},
        {"title": "サイバーセキュリティ2020", "date": "2020-07-21", "decided_by": "サイバーセキュリティ戦略本部決定"},
        {"title": "「成長戦略実行計画」", "date": "2021-06-18", "decided_by": "閣議決定"},
        {"title": "「成長戦略フォローアップ」", "date": "2021-06-18", "decided_by": "閣議決定"},
        {"title": "「デジタル社会の実現に向けた重点計画」", "date": "2021-06-18", "decided_by": "閣議決定"}]


def test_wrapped_plan_label_in_paragraph_text():
    """pdfminer.six, narrow print of seed 000: the plan label over four lines (「関係す」「る計画」「、通知」「等」)."""
    rec = _run("根拠法\n令 (具\n体的な\n条項も\n記載)\n\n総務省設置法第4条第1\n項28号 住民基本台帳\n法第30条の24から第\n"
               "30条の40まで及び第\n31条\n\n関係す\nる計画\n、通知\n等\n\n"
               "・電気通信回線を通じた送信又は磁気ディスクの送付の方法並びに磁気ディスクへの記録及びその保存の\n"
               "方法に関する技術的基準(平成14年総務省告示第334号)\n\n-\n\n主要政\n策・施\n策\n")
    assert rec["legal_bases"][0] == {"law": "総務省設置法", "citations": [{"article": "4", "paragraph": "1", "item": "28"}]}
    assert rec["related_plans"][0]["title"].endswith("技術的基準(平成14年総務省告示第334号)")


def test_label_pieces_in_a_law_name_are_no_law():
    """A law name holding a cut label (「第1関係す・…住民基本台帳法」) or starting with a citation's 第 is withheld."""
    bases = [{"law": "第1関係す・電気通信回線を通じた送信又は磁気ディスクの令項28号住民基本台帳法"}, {"law": "住民基本台帳法"}]
    assert implausible_laws(bases) == [bases[0]["law"]]


def test_past_numbers_with_their_year_wrapped_below():
    """pdfplumber, narrow print of seed 000: each year cell's 年度 wrapped onto the next line, the era year glued
    to its 事業番号 (「平成230038」) or before the number's cells (「令和元 総務省 - 0037」)."""
    rec = _run("関連する過去のレビューシートの事業番号\n平成230038\n年度\n平成240036\n年度\n\n"
               "令和元 総務省 - 0037\n年度\n令和3 2021 総務 20 0032\n年度\n"
               "※令和3年度実績を記入。\n資金の流れ (資金の受け取り先が何を行っているかについて補足する) (単位: 百万円)")
    assert rec["past_project_numbers"] == [{"fiscal_year": 2011, "number": "0038"}, {"fiscal_year": 2012, "number": "0036"},
                                           {"fiscal_year": 2019, "number": "0037"},
                                           {"fiscal_year": 2021, "number": "2021-総務-20-0032"}]


def test_cells_wrapped_beside_another_label_are_read_by_their_neighbours_shapes():
    """pdfplumber prints of seed 000: a 事業名 or 施策 whose cell wraps onto the next line beside another label
    (「…ネットワークシステム 担当部局 …」 over 「セキュリティ対策経費」, 「施策 電子自 政策評価 …」 over 「治体の 書URL」)
    is read whole when the neighbouring cells are whole by their shapes (the bureau 自治行政局, a whole URL: the
    piece below is the name's / the 施策's); a piece completing the neighbouring 担当部局庁 (「…統」 over 「括官」)
    leaves the name as it is."""
    rec = _run("令和4年度行政事業レビューシート (総務省)\n"
               "事業名 住民基本台帳ネットワークシステム 担当部局 自治行政局 作成責任者\nセキュリティ対策経費\n"
               "事業開始年 平成15年度 事業終了(予終了予定な担当課室 住民制度課 課長 寺田 雅一\n"
               "政策評価 政策評価 政策 IV. 電子自治体\n、 新経\n"
               "政策評価 施策 電子自 政策評価 https://www.soumu.go.jp/main_content/000766416.pdf\n治体の 書URL\n推進\n")
    assert rec["project_name"] == "住民基本台帳ネットワークシステムセキュリティ対策経費"
    assert rec["policy_evaluation"] == {"policy": "IV. 電子自治体", "measure": "電子自治体の推進"}
    rec = _run("事業番号 2021 - 総務 - 20 - 0095\n令和3年度行政事業レビューシート ( 総務省 )\n"
               "事業名 サイバーセキュリティ政策に関する調査研究 担当部局庁 サイバーセキュリティ統 作成責任者\n括官\n"
               "事業開始年度 令和2年度 事業終了(予定)年度 終了予定なし 担当課室 サイバーセキュリティ統括官(室) 参事官 海野 敦史\n")
    assert rec["project_name"] == "サイバーセキュリティ政策に関する調査研究"


def test_account_cell_after_the_cut_label_is_no_law():
    """pdfminer.six, a real-form variant: the 会計区分 cell written after the cut 根拠法 label is not joined to the
    first law's name (「東日本大震災復興特別会計独立行政法人国立美術館法」 before)."""
    rec = _run("会計区\n分\n\n根拠法\n令 (具体\n的な 条\n項も記\n載)\n\n東日本大震災復興特別会計\n\n"
               "独立行政法人国立美術館法第63条・破壊\n活動防止法第65条第3項\n\n関係する \n計画、通\n知等\n\n"
               "規制改革実施計画(平成25年5月12日総務大臣決定)\n\nIT戦略\n\n主要政\n策・施\n策\n")
    assert rec["legal_bases"] == [{"law": "独立行政法人国立美術館法", "citations": [{"article": "63"}]},
                                  {"law": "破壊活動防止法", "citations": [{"article": "65", "paragraph": "3"}]}]


def test_label_rest_below_a_name_is_no_wrap_of_it():
    """pdfplumber, a real-form variant: 「担当部局」 over 「庁」 is the label's own rest; the 事業名 beside it is whole."""
    rec = _run("平成29年度行政事業レビューシート (内閣府)\n事業名 普及啓発安全対策支援事業 担当部局 老健局 作成責任者\n庁\n"
               "事業開 平成24年度 事業終了 終了予定なし 担当課室 地域情報政策室 参事官 小林 参事官 加藤 健太郎")
    assert rec["project_name"] == "普及啓発安全対策支援事業"


def test_a_title_whose_head_went_to_the_line_above_is_no_law():
    # (held-out variant 1828, every text tool: 「…金融事業に関する法律第109条・特別会計に 関係する 計画、 …」 over
    # 「載) 関する法律第16条 通知等」: the title's head 「特別会計に」 stays on the line above, 「関する法律」 read alone)
    bases = [{"law": "関する法律"}, {"law": "に関する法律"}, {"law": "特別会計に関する法律"}, {"law": "電波法"},
             {"law": "及び公正取引の確保に関する法律"}]
    assert implausible_laws(bases) == ["関する法律", "に関する法律", "及び公正取引の確保に関する法律"]
    # (fresh variant 2007, reportlab, pdftotext: 「南極地域の環境の保護に関す」 over 「る法律第119条第4項第12号」)
    assert implausible_laws([{"law": "る法律"}, {"law": "と畜場法"}, {"law": "がん対策基本法"}]) == ["る法律"]


def test_the_plans_labels_last_piece_inside_a_title_is_no_law():
    # (fresh variant 2058, LibreOffice, pdfplumber: 「・株式会社知等」 over 「農林漁業成長産業化支援機構法第73条第」: the
    # 関係する計画、通知等 label's 「知等」 at the line's end)
    bases = [{"law": "株式会社知等農林漁業成長産業化支援機構法"}, {"law": "株式会社農林漁業成長産業化支援機構法"},
             {"law": "行政手続等における情報通信の技術の利用に関する法律"}]
    assert implausible_laws(bases) == ["株式会社知等農林漁業成長産業化支援機構法"]


def test_the_plans_label_glued_to_its_first_item_its_last_piece_glued_to_the_law_cell():
    # (fresh variant 2058, LibreOffice, pdfplumber: 「関係する」 glued to the first plan, 「計画、通」 to the second plan's
    # rest, 「知等」 to the end of the law cell's next line: the plans are no law cell's text, and the citation cut after
    # its 「第」 takes no plan's 「5」 — 第117条の17, not 第5117条の17)
    rec = _run("会計区分 一般会計\n"
               "根拠法令 (具体 琵琶湖の保全及び再生に関する法律第 関係する国土強靱化基本計画(令和4年3月19日関係閣僚会議決定)"
               " サイバーセキュリティ戦略(令和元年5\n"
               "的な条項も記載)117条の17・中小企業信用保険法第53 計画、通月6日総務大臣決定)\n"
               "条、第97条及び第89条第3項・株式会社知等\n農林漁業成長産業化支援機構法第73条第\n"
               "4項第29号、第62条第3項及び第45条第\n4項\n主要政策・施策 IT戦略 主要経費その他の事項経費")
    laws = {b["law"]: b.get("citations") for b in rec["legal_bases"]}
    assert laws["琵琶湖の保全及び再生に関する法律"] == [{"article": "117の17"}]
    assert laws["中小企業信用保険法"][0] == {"article": "53"}
