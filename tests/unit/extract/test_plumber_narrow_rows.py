"""Rows of the real form as pdfplumber writes them from a narrow print (one form row per line, cells joined by
spaces, the labels' cells wrapped every two or three characters): kg/extract/legal_text.py ``row_cells`` /
``legal_pieces`` and kg/extract/review_pdf.py ``_past_years_wrapped``.

Excerpts are the text pdfplumber gave of real-form variants (``python -m tests.fixtures.real_variants``, 320-349);
main's readers left each of these values unknown (or read two laws as one)."""
from __future__ import annotations

from kg.extract.review_pdf import extract
from kg.read.base import RawDoc

_HEAD = "令和2年度行政事業レビューシート (国土交通省)\n"
_NEXT_ROW = "主要政策・ 国土強靱化 主要経費 経済協力\n施策\n"


def _run(text: str) -> dict:
    return extract(RawDoc(path="real.txt", lines=(_HEAD + text).rstrip("\n").split("\n")))


def test_a_citation_cut_before_its_article_counter():
    """「…法律第55」 over 「条」, beside the label's 「(具体的な」 whose rest 「条項も記載」 starts the line below: the 「条」 is
    the cell's, not the label's."""
    rec = _run("根拠法令 印紙をもつてする歳入金納付に関する法律第55 関係する計画、通知 デジタル社会の実現に向けた重点計画"
               "(令和元年2月25日閣議決定) 国\n(具体的な 条 等 土強靱化基本計画(平成28年6月4日閣議決定)\n条項も記載\n)\n"
               + _NEXT_ROW)
    assert rec["legal_bases"] == [{"law": "印紙をもつてする歳入金納付に関する法律", "citations": [{"article": "55"}]}]


def test_two_laws_apart_when_the_first_ones_counter_wraps():
    rec = _run("根拠法令 踏切道改良促進法第46条 納税貯蓄組合法第70 関係する計画 国土強靱化基本計画(平成29年8月8日サイバーセキュリティ"
               "戦略本部決定)\n(具体的な 条 漁港漁場整備法第102条第1項 、通知等\n条項も記載\n)\n" + _NEXT_ROW)
    assert [(b["law"], b["citations"]) for b in rec["legal_bases"]] == [
        ("踏切道改良促進法", [{"article": "46"}]), ("納税貯蓄組合法", [{"article": "70"}]),
        ("漁港漁場整備法", [{"article": "102", "paragraph": "1"}])]


def test_the_plans_labels_piece_glued_after_a_laws_title_cut():
    """「…犯罪捜査のため計画、通」: the 関係する計画 label's next piece glued to the law cell's words, its rest 「知等」
    on the line below."""
    rec = _run("根拠法令 戦没者の遺骨収集の推進に関する法律 関係する まち・ひと・しごと創生総合戦略(平成23年4月14日総務大臣決定)\n"
               "(具体的な 第117条第3項第4号・犯罪捜査のため計画、通\n条項も記 の通信傍受に関する法律第96条 知等\n載)\n"
               + _NEXT_ROW)
    assert [b["law"] for b in rec["legal_bases"]] == ["戦没者の遺骨収集の推進に関する法律",
                                                     "犯罪捜査のための通信傍受に関する法律"]


def test_the_plans_label_wrapped_every_two_characters():
    """「関係」 over 「する」 over 「計画」: 「関係」 is the right label's head, not the law cell's text."""
    rec = _run("根拠法令 企業担保法第4条の19・ 関係 -\n(具体的な 独立行政法人国立印刷局 する\n条項も記 法第110条第4項第24号 計画\n"
               "載) 、通\n知等\n主要政策 国土強靱化 主要 その他の事項経費\n・施策 経費\n")
    assert [b["law"] for b in rec["legal_bases"]] == ["企業担保法", "独立行政法人国立印刷局法"]
    assert rec["legal_bases"][1]["citations"] == [{"article": "110", "paragraph": "4", "item": "24"}]


def test_the_plans_label_head_glued_to_its_first_item_its_rest_over_two_lines():
    """「…に関する法律 関係する国土強靱化基本計画(…)」: 「関係する」 glued to the first plan, the label's rest 「計画、通」 and
    「知等」 on the two lines below."""
    rec = _run("根拠法令 (具 都市開発資金の貸付けに関する法律 関係する国土強靱化基本計画(平成29年3月27日閣議決定)\n"
               "体的な条項も 第16条及び第26条 石油ガス税法第 計画、通\n記載) 41条 行政手続法第62条及び第95条 知等\n" + _NEXT_ROW)
    assert rec["related_plans"] == [{"title": "国土強靱化基本計画", "date": "2017-03-27", "decided_by": "閣議決定"}]
    assert [b["law"] for b in rec["legal_bases"]] == ["都市開発資金の貸付けに関する法律", "石油ガス税法", "行政手続法"]


_PAST_TAIL = "※平成30年度実績を記入。執行実績がない新規事業、新規要求事業については現時点で予定やイメージを記入。\n資金の流れ\n"


def test_past_numbers_wrapped_below_their_year_cells():
    """Each 「国土交通省 -」 cell lost its number to the line below, in order; 「0233」 stayed in its cell."""
    rec = _run("関連する過去のレビューシートの事業番号\n"
               "平成23年度 国土交通省 - 平成24年度 国土交通省 - 平成25年度 国土交通省 - 平成26年度 国土交通省 - 0233\n"
               "0477 0031 0402\n\n" + _PAST_TAIL)
    assert sorted((x.get("fiscal_year"), x["number"]) for x in rec["past_project_numbers"]) == [
        (2011, "0477"), (2012, "0031"), (2013, "0402"), (2014, "0233")]


def test_past_numbers_a_blank_cell_takes_no_wrapped_number():
    """「平成28年度 -」 is a blank cell: the one wrapped number is the 府省 cell's (平成30年度)."""
    rec = _run("関連する過去のレビューシートの事業番号\n平成24年度 - 平成25年度 - 平成26年度 - 平成27年度-\n"
               "平成28年度 - 平成29年度 国土交通省 - 0021 平成30年度 国土交通省 - 令和元年度 国土交通省 - 0328\n0493\n"
               + _PAST_TAIL)
    assert {"fiscal_year": 2018, "number": "0493"} in rec["past_project_numbers"]


def test_past_numbers_more_open_cells_than_wrapped_numbers_stay_without_year():
    """Two 府省 cells without their number and one number below: whose it is is unknown."""
    rec = _run("関連する過去のレビューシートの事業番号\n"
               "平成28年度 文部科学省 - 平成29年度 国土交通省 - 0021 平成30年度 国土交通省 - 令和元年度 国土交通省 - 0328\n"
               "0493\n" + _PAST_TAIL)
    item = next(x for x in rec["past_project_numbers"] if x["number"] == "0493")
    assert "fiscal_year" not in item


def test_header_labels_cut_every_two_or_three_characters():
    """「担当」 over 「部局」 over 「庁」, 「担当」 over 「課室」 (beside another cell's wrap, 「度」), 「主要」 over 「経費」: each label
    is read whole where its head stands (review_pdf._label_heads_rejoined); main read the label's rest 「部局」 as the
    bureau and left name, division, officials and the two 主要 cells unknown."""
    rec = _run("事業名 高度化基盤整備データ活用情報推進費 担当 総合通信基盤局 作成責任者\n部局\n庁\n"
               "事業開始年度 平成2年度 事業終了(予定)年 終了予定なし 担当 企画課 審議官 山本 健太郎\n度 課室\n"
               "会計区分 一般会計\n主要政策・施策 地方創生 主要 その他の事項経費\n経費\n"
               "事業の目的 (目 高度化基盤整備データ活用情報推進費について、調査研究の成果を取りまとめる。\n")
    assert (rec["project_name"], rec["bureau"], rec["division"]) == ("高度化基盤整備データ活用情報推進費", "総合通信基盤局",
                                                                     "企画課")
    assert rec["responsible_officials"] == ["審議官 山本 健太郎"]
    assert (rec["major_policy"], rec["major_expense"]) == ("地方創生", "その他の事項経費")


_ROW_BELOW = "会計区分 一般会計\n"


def test_an_official_cut_beside_other_cells_wraps():
    """「審議官 吉」 over 「田 恵」 after the labels' rests 「年度」「定)年度」 (the 担当課室 beside it whole): the surname's rest
    and the given name (the space between them shows); 「室長 海野」 over 「拓也」 after 終了予定なし's 「なし」: one piece shows
    no space, and real sheets write 「室長 海野拓也」 about as often as 「室長 海野 拓也」 — unknown."""
    rec = _run("事業名 データ活用システム運用経費 担当部局 地球環境局 作成責任者\n"
               "事業開始 昭和63年度事業終了(予 終了予定なし 担当課室 住民制度課 審議官 吉 課長 海野 信\n年度 定)年度 田 恵\n"
               + _ROW_BELOW)
    assert rec["responsible_officials"] == ["審議官 吉田 恵", "課長 海野 信"]
    rec = _run("事業名 情報基盤整備対策事業 担当部局 出入国在留管理庁 作成責任者\n"
               "事業開始年 平成26年度 事業終了(予 終了予定 担当課室 技術調査課 室長 海野 課長補佐 佐々木 敦史\n"
               "度 定)年度 なし 拓也\n" + _ROW_BELOW)
    assert rec["responsible_officials"] == []


def test_an_official_whose_cell_goes_on_below_stays_unknown():
    """「参事」 over 「官 山」 over 「本 雅」 over 「一」: the title itself wrapped and the cell goes on past the next line —
    no official is read from its pieces (no 「参事 官 山」)."""
    rec = _run("事業名 人材育成システム運用対策事業 担当部局庁 老健局 作成責任者\n"
               "事業開始年 平成23年 事業終了(予定終了予定 担当課室 河川計画課 参事 課長補佐 海野 拓也\n"
               "度 度 )年度 なし 官 山\n本 雅\n一\n" + _ROW_BELOW)
    assert all(o.startswith("課長補佐") for o in rec["responsible_officials"])


def test_past_numbers_year_cells_cut_every_few_characters():
    """「平成 新23-0264」 over 「23年」 over 「度」: each year cell cut after its era, the number's cell beside it."""
    rec = _run("関連する過去のレビューシートの事業番号\n平成 新23-0264\n23年\n度\n平成 厚生労働省 - 0276\n24年\n度\n"
               "平成 厚生労働省 - 0422\n25年\n度\n" + _PAST_TAIL)
    assert rec["past_project_numbers"] == [{"fiscal_year": 2011, "number": "新23-0264"},
                                           {"fiscal_year": 2012, "number": "0276"},
                                           {"fiscal_year": 2013, "number": "0422"}]


def test_row_labels_glued_to_their_cells_or_cut_at_the_lines_start():
    """「主要政策・施国土強靱化」 over 「策」, 「主要政」 over 「策・施」 over 「策」, 「会計区一般会計」 over 「分」: the label read whole,
    its cell after it."""
    rec = _run("会計区一般会計\n分\n主要政策・施国土強靱化 主要経費 中小企業対策\n策\n事業の目的 調査研究の成果を取りまとめる。\n")
    assert (rec["accounts"], rec["major_policy"], rec["major_expense"]) == (["一般会計"], "国土強靱化", "中小企業対策")
    rec = _run("会計区分 一般会計\n主要政 IT戦略 主要経費 公共事業関係費\n策・施\n策\n事業の目的 調査研究の成果を取りまとめる。\n")
    assert rec["major_policy"] == "IT戦略"


def test_the_division_label_glued_after_the_end_years_cut_label_and_cell():
    """Real seed 000 printed landscape by LibreOffice (pdfplumber): 「事業終了(予」 (the label cut), 「終了予定な」 (its cell
    cut) and the label 担当課室 glued on one word: the end year's label took the word whole, so the 担当課室 label was
    not seen (division and 作成責任者 unknown)."""
    rec = extract(RawDoc(path="real.txt", lines=[
        "令和4年度行政事業レビューシート (総務省)", "事業名 住民基本台帳ネットワークシステム 担当部局 自治行政局 作成責任者",
        "セキュリティ対策経費", "事業開始年 平成15年度 事業終了(予終了予定な担当課室 住民制度課 課長 寺田 雅一", "度 定)年度 し",
        "会計区分 一般会計"]))
    assert (rec["division"], rec["responsible_officials"], rec["start_fiscal_year"]) == \
        ("住民制度課", ["課長 寺田 雅一"], 2003)


def test_the_name_and_the_bureau_both_wrapped_onto_the_line_below():
    """Real seed 003 printed narrow by reportlab (pdfplumber): 「…に関する調査研」 over 「究」 beside 「サイバーセキュリティ」
    over 「統括官」: the bureau is cut by its shape and whole with the second piece, so the first is the name's rest (both
    were unknown)."""
    rec = extract(RawDoc(path="real.txt", lines=[
        "事業番号 2021 - 総務 - 20 - 0095", "令和3年度行政事業レビューシート ( 総務省 )",
        "事業名 サイバーセキュリティ政策に関する調査研 担当部局庁 サイバーセキュリティ 作成責任者", "究 統括官",
        "事業開始年度 令和2年度 事業終了(予 終了予定なし 担当課室 情報通信政策課 参事官 高村 信", "定)年度",
        "会計区分 一般会計"]))
    assert (rec["project_name"], rec["bureau"]) == ("サイバーセキュリティ政策に関する調査研究", "サイバーセキュリティ統括官")


def test_two_pieces_below_a_whole_bureau_leave_the_name_unknown():
    rec = extract(RawDoc(path="real.txt", lines=[
        "令和3年度行政事業レビューシート ( 総務省 )", "事業名 サイバーセキュリティ政策に関する調査研 担当部局庁 自治行政局 作成責任者",
        "究 統括官", "事業開始年度 令和2年度 事業終了(予 終了予定なし 担当課室 情報通信政策課 参事官 高村 信", "定)年度",
        "会計区分 一般会計"]))
    assert rec["project_name"] is None and rec["bureau"] == "自治行政局"


def test_labels_cut_every_two_characters():
    """Real seed 000 printed narrow by reportlab (pdfplumber): the left column's labels cut every two characters
    (「事業」 over 「名」, 「事業」 「開始」 「年度」, 「根拠」 over 「法令」): the name (its cell wrapped over three lines),
    the laws and the plan were unknown (no 事業名 / 根拠法令 label)."""
    rec = extract(RawDoc(path="real.txt", lines=[
        "令和4年度行政事業レビューシート (総務省)", "事業 住民基本台帳ネット 担当 自治行政局 作成責任者",
        "名 ワークシステムセキ 部局", "ュリティ対策経費", "事業 平成 事業 終了 担当 住民制度課 課長 寺田 雅一",
        "開始 15年 終了( 予定 課室", "年度 度 予定) なし", "年度", "会計 一般会計", "区分",
        "根拠 総務省設置法第4条第 関係 ・電気通信回線を通じた送信又は磁気ディスクの送付の方法並びに磁気ディスクへの記録及びその保存の",
        "法令 ( 1項28号 住民基本台 する 方法に関する技術的基準(平成14年総務省告示第334号)", "具体 帳法第30条の24から 計画",
        "的な 第30条の40まで及び 、通", "条項 第31条 知等", "も記", "載)", "主要 - 主要 社会保障", "政策 経費", "・施", "策"]))
    assert (rec["project_name"], rec["bureau"], rec["division"]) == \
        ("住民基本台帳ネットワークシステムセキュリティ対策経費", "自治行政局", "住民制度課")
    assert rec["legal_bases"] == [
        {"law": "総務省設置法", "citations": [{"article": "4", "paragraph": "1", "item": "28"}]},
        {"law": "住民基本台帳法", "citations": [{"article": "30の24", "to": "30の40"}, {"article": "31"}]}]
    assert [p["title"] for p in rec["related_plans"]] == [
        "電気通信回線を通じた送信又は磁気ディスクの送付の方法並びに磁気ディスクへの記録及びその保存の方法に関する技術的基準"
        "(平成14年総務省告示第334号)"]
