"""Paragraph-text readers that took another cell's text for a field (issue 17: never confidently wrong).

Excerpts are the text pdftotext / pdfminer.six / pdfplumber gave of real-form variants (tests.fixtures.real_variants)
printed by LibreOffice. The readers before: a label whose own cell was left out (a line of cells side by side going
on below it) took the next paragraph (担当課室 「審議官」), a past number took a year written beside another cell,
the 根拠法令 cell lost its second physical line written after the 関係する計画 label, 「主要政策・」 over 「施策」 was read
as the 施策 label, a 事業名 lost its last line 「事業」, a 主要経費 held the 主要政策 cell or a bureau, a 政策 held a year
header or the 「該当箇所」 label, and a bureau's wrapped rest 「全局」 was taken for the bureau.
"""
from __future__ import annotations

from kg.extract.legal_text import legal_pieces
from kg.extract.review_pdf import extract
from kg.extract.review_text import label_fields, label_lists
from kg.read.base import RawDoc


def _past(lines: list[str], year: int) -> list[tuple]:
    found = label_lists(lines, year).get("past_project_numbers")
    return [(x.get("fiscal_year"), x["number"]) for x in found.value] if found else []


def test_a_label_whose_cell_was_left_out_takes_no_later_paragraph():
    # pdftotext: 「終了予定な」 over 「し」: the line's cells go on below it, its values are left out
    lines = ["事業開始年度", "", "平成13年度 事業終了 終了予定な 担当課室 電波政策課", "(予定)年 し", "度", "",
             "審議官 山本 雅一", "", "会計区分", ""]
    assert "division" not in label_fields(lines, 2016)


def test_a_line_of_cells_with_only_label_rests_below_is_whole():
    lines = ["作成責任者", "", "事業終了 終了予定なし 担当課室 地域情報政策室", "(予定)年度", "", "参事官 小林 雅一",
             "", "会計区分", ""]
    assert label_fields(lines, 2017)["division"].value == "地域情報政策室"


def test_past_numbers_beside_other_cells_give_no_year():
    # pdftotext, three column groups: a year written after another cell's number on its line, a year out of order
    lines = ["関連する過去のレビューシートの事業番号", "平成28年度", "", "総務省 - 0210 平成29年度", "", "0150", "",
             "平成30年度", "", "令和2年度", "", "総務省 - 0286 令和3年度", "", "2021 総務 20 0123 令和4年度", "",
             "総務省 0078", "", "令和元年度 0270", "", "0207", "", "令和5年度 2023 総務 22 0435", "",
             "※令和5年度実績を記入。", ""]
    got = _past(lines, 2024)
    assert (2022, "0078") not in got and (2019, "0207") not in got  # were wrong
    assert (2016, "0210") in got and (2019, "0270") in got and (2023, "2023-総務-22-0435") in got
    assert (None, "0078") in got and (None, "0207") in got


def test_a_year_out_of_order_gives_its_number_no_year():
    lines = ["関連する過去のレビューシートの事業番号", "平成24年度", "", "財務省 - 0053", "",
             "平成25年 財務省 - 0147 平成26年度", "度", "", "平成22年度", "", "財務省 - 0376", "",
             "※平成26年度実績を記入。", ""]
    assert _past(lines, 2015) == [(2012, "0053"), (2013, "0147"), (None, "0376")]  # 0376 was given 2010


def test_a_wrapped_row_of_several_year_cells_gives_no_year_and_no_era_number():
    lines = ["関連する過去のレビューシートの事業番号", "平成24年度", "",
             "文部科学省 平成25年 文部科学省 平成26年 文部科学省 - 平成27", "- 0200", "度", "- 0154", "度", "",
             "文部科学省 - 0074", "", "※平成27年度実績を記入。", ""]
    got = _past(lines, 2016)
    assert (None, "0200") in got and (None, "0154") in got
    assert all(n != "27-0200" for _, n in got)  # 「平成27」 glued to 「- 0200」 was read as a number 27-0200


def test_the_law_cells_second_line_after_the_plan_label():
    lines = ["根拠法令 (具 原子力損害賠償補償契約に関 関係する 体的な条項も する法律第12条・地方住宅供 計画、通", "記載)",
             "給公社法第28条の9、第113 知等", "条第3項及び第27条第2項", "", "主要政策・施 策", ""]
    assert legal_pieces(lines, 1)[0] == ("原子力損害賠償補償契約に関する法律第12条・地方住宅供給公社法第28条の9、"
                                         "第113条第3項及び第27条第2項")
    lines = ["根拠法令 (具体的な", "条項も記載)", "",
             "法人税法第17条第2項第22号及び第115条の29 芦屋国際文 関係する 化住宅都市建設法第24条第2項、第41条の2"
             "及び第51条第4 計画、通", "項第15号", "知等", "", "主要政策・施策", ""]
    assert legal_pieces(lines, 1)[0].endswith("芦屋国際文化住宅都市建設法第24条第2項、第41条の2及び第51条第4項第15号")


def test_a_label_wrapped_into_a_label_of_its_own():
    # pdfminer: 「主要政策・」 over 「施策」 is the 主要政策・施策 label, not the 施策 label
    lines = ["主要政策・", "施策", "", "観光立国", "", "主要経費", "", "文教及び科学振興", "", "政策", "", "1. 防災", "",
             "政策評価、", "新経済・財", "", "施策", "", "4. 安全対策データ活用の推進", "", "測定指標 定量的指標 単位", ""]
    pe = label_lists(lines, 2020)["policy_evaluation"].value
    assert pe == {"policy": "1. 防災", "measure": "4. 安全対策データ活用の推進"}  # the 施策 was 「観光立国」


def test_a_name_whose_last_line_is_a_label_head_is_unknown():
    lines = ["令和3年度行政事業レビューシート (防衛省)", "", "事業名", "", "基盤整備情報地域安全対策", "事業", "",
             "担当部局 農村振興局", "", "作成責任者", ""]
    assert "project_name" not in label_fields(lines, 2021)  # was 「基盤整備情報地域安全対策」


def test_another_cells_text_is_no_major_expense():
    from kg.extract.review_pdf import _expense_ok

    assert not _expense_ok("地方創生") and not _expense_ok("地球環境局")
    assert _expense_ok("文教及び科学振興") and _expense_ok("その他の事項経費")
    text = ("令和4年度行政事業レビューシート (法務省)\n\n事業名\n\n調査研究事業\n\n主要政策・施策\n\n主要経費\n\n"
            "地方創生\n\n文教及び科学振興\n\n事業の目的\n")
    assert extract(RawDoc(path="x.txt", lines=text.split("\n")))["major_expense"] != "地方創生"


def test_a_year_header_or_the_page_label_is_no_policy():
    text = ("令和4年度行政事業レビューシート (総務省)\n\n事業名\n\n調査研究事業\n\n"
            "政策評価、新経済・財政再生計画と 政策\nの関係\n\n4年度\n\n支援\n\n施策\n\n"
            "6. 地域普及啓発の推進\n\n")
    pe = extract(RawDoc(path="x.txt", lines=text.split("\n")))["policy_evaluation"] or {}
    assert pe.get("policy") != "4年度"


def test_a_bureau_cells_wrapped_rest_is_no_bureau():
    # pdfplumber: 「担当部局 水管理・国土保」 over 「全局」
    lines = ["令和6年度行政事業レビューシート (厚生労働省)", "事業名 支援推進国際協力推進費 担当部局 水管理・国土保 作成責任者",
             "全局", "事業開始年度 令和元年 事業終了(予定)年 終了予定なし 担当課室 地域政策課 室長 神門 敦史", "度 度",
             "会計区分 一般会計"]
    assert "bureau" not in label_fields(lines, 2024)


def test_the_law_cell_written_apart_from_its_label():
    # pdfminer: the 根拠法令 cell's paragraph before its label; a plans cell citing a date is no law cell
    lines = ["担当課室 高齢者支援課", "", "会計区分 一般会計", "", "都市再生特別措置法第23", "条", "", "関係する計",
             "画、通知等", "", "-", "", "根拠法令", "(具体的", "な条項も", "記載)", "", "主要政策", "・施策", "", "-", "",
             "主要経費 社会保障", "", "予算額・執行額", ""]
    assert label_lists(lines, 2021)["legal_text"].value == "都市再生特別措置法第23条"
    two = lines[:4] + ["国土強靱化基本法第10条に基づく計画(平成30年12月14日閣議決定)", ""] + lines[4:]
    assert label_lists(two, 2021)["legal_text"].value == "都市再生特別措置法第23条"
    assert "legal_text" not in label_lists(lines[:4] + ["電波法第103条", ""] + lines[4:], 2021)  # two: unknown


def test_a_label_piece_or_an_indicator_header_is_no_policy():
    from kg.extract.review_text import label_piece

    assert label_piece("費") and not label_piece("支援") and not label_piece("(5)データ活用安全対策の推進")
    text = ("令和4年度行政事業レビューシート (総務省)\n\n事業名\n\n調査研究事業\n\n"
            "政策評価、新経済・財政再生計画と 政策\nの関係\n\n測定指 定量的指標標\n\n施策\n\n費\n\n")
    pe = extract(RawDoc(path="x.txt", lines=text.split("\n")))["policy_evaluation"] or {}
    assert pe.get("policy") != "測定指 定量的指標標" and pe.get("measure") != "費"


def test_plans_holding_their_label_or_the_next_rows_category_are_no_plans():
    from kg.extract.review_text import plans_plausible

    assert not plans_plausible([{"title": "計画、通まち・ひと・しごと創生総合戦略", "date": "2013-07-14",
                                 "decided_by": "閣議決定"}])
    text = ("令和4年度行政事業レビューシート (総務省)\n\n事業名\n\n研究開発安全対策経費\n\n"
            "関係する計画、通知等\n\n成長戦略フォローアップ(令和元年11月25日関係閣僚会議決定)\n\n"
            "科学技術・イノベーション\n\n主要経費\n\n文教及び科学振興\n\n")
    rec = extract(RawDoc(path="x.txt", lines=text.split("\n")))
    assert all(p.get("title") != "科学技術・イノベーション" for p in rec["related_plans"])


def test_a_category_holding_a_cut_label_is_unknown():
    from kg.extract.review_text import holds_label_head

    assert holds_label_head("地方創生 主要経 社会保障") and not holds_label_head("地方創生")
    lines = ["令和4年度行政事業レビューシート (総務省)", "事業名 調査研究事業 担当部局 情報流通行政局 作成責任者",
             "主要政策・施 地方創生 主要経 社会保障", "策 費", "事業の目的 調査研究を行う。"]
    assert extract(RawDoc(path="x.txt", lines=lines))["major_policy"] != "地方創生 主要経 社会保障"


def test_a_year_waiting_for_its_number_leaves_the_next_pairing_unknown():
    # pdfminer: 「平成30年度 厚生労働省 -」, its number further on; 「令和元年度」 then 「0090」 is not settled
    lines = ["関連する過去のレビューシートの事業番号", "", "平成28年度", "", "0011", "", "平成30年度 厚生労働省 -", "",
             "令和元年度", "", "0090", "", "※令和元年度実績を記入。", ""]
    got = _past(lines, 2020)
    assert (2016, "0011") in got and (2019, "0090") not in got


def test_a_law_title_starts_with_no_counter_and_a_cut_header_is_no_policy():
    from kg.extract.legal_text import implausible_laws

    assert implausible_laws([{"law": "条外貨公債の発行に関する法律"}]) == ["条外貨公債の発行に関する法律"]
    text = ("令和4年度行政事業レビューシート (総務省)\n\n事業名\n\n調査研究事業\n\n"
            "政策評価、新経済・財政再生計画と 政策\nの関係\n\n単位当たりコス\n\n施策\n\n(1) 普及啓発の推進\n\n")
    pe = extract(RawDoc(path="x.txt", lines=text.split("\n")))["policy_evaluation"] or {}
    assert pe.get("policy") != "単位当たりコス"


def test_an_official_is_no_major_expense_and_a_header_or_a_unit_is_no_policy():
    """Variants 60-89 (pdftotext): 主要経費 read as the 作成責任者 cell 「室長 佐々木 美香」; 政策 read as the 点検 column's
    header 「チェック」 or as the 単位当たりコスト unit 「円/件」."""
    from kg.extract.review_pdf import _expense_ok

    assert not _expense_ok("室長 佐々木 美香") and _expense_ok("中小企業対策")
    for cell in ("チェック", "円/件"):
        text = ("令和4年度行政事業レビューシート (総務省)\n\n事業名\n\n調査研究事業\n\n"
                f"政策評価、新経済・財政再生計画と 政策\nの関係\n\n{cell}\n\n施策\n\n3. 支援研究開発の推進\n\n")
        pe = extract(RawDoc(path="x.txt", lines=text.split("\n")))["policy_evaluation"] or {}
        assert pe.get("policy") != cell
    text = text.replace("円/件", "国際協力の推進")
    assert (extract(RawDoc(path="x.txt", lines=text.split("\n")))["policy_evaluation"] or {}).get("policy") == \
        "国際協力の推進"
