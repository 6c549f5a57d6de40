"""Header cells beside a label wrapped in its narrow cell, and 政策評価 cells cut by a neighbouring label, in
paragraph-style PDF text (poppler's pdftotext) of the real form printed in a jittered layout: excerpts as the tool
wrote them, each asserting a field's value or its absence."""
from __future__ import annotations

from kg.extract.review_text import label_fields, label_lists

# the sheet's head lines of one variant (rv073): 担当部局庁 printed 「担当部」 over 「局庁」 beside 製造産業局,
# 担当課室 「担当課」 over 「室」 beside 企画課 (after the 事業終了 cell's 終了予定なし), 主要経費 「主要経」 over 「費」
HEAD = ["令和元年度行政事業レビューシート (内閣府)", "", "事業名", "", "推進地域基盤整備情報データ活用事業", "",
        "事業開始年度", "", "平成元年度", "", "会計区分", "", "労働保険特別会計", "", "事業終了(予定)年", "度", "",
        "担当部 製造産業局", "局庁", "", "作成責任者", "", "終了予定なし 担当課 企画課", "室", "",
        "主要政策・施策", "", "主要経 文教及び科学振興", "費", "", "-", "", "課長 高村 雅一", "", "事業の目的", "",
        "目的の文。", ""]


def test_cells_beside_a_wrapped_label_head():
    got = label_fields(HEAD, 2019)
    assert got["bureau"].value == "製造産業局"
    assert got["division"].value == "企画課"
    assert got["major_expense"].value == "文教及び科学振興"


def test_a_cell_wrapped_below_the_label_rest():
    # 「担当部 サイバーセキュリティ統」 over 「局庁」 over 「括官」: the value's own wrap completes it
    lines = [*HEAD[:17], "担当部 サイバーセキュリティ統", "局庁", "括官", *HEAD[19:]]
    assert label_fields(lines, 2019)["bureau"].value == "サイバーセキュリティ統括官"


def test_a_whole_cell_with_more_lines_below_is_unknown():
    # the value reads whole before the lines below (「製造産業局」 then 「括官」): which cell those are is unknown
    lines = [*HEAD[:17], "担当部 製造産業局", "局庁", "括官", *HEAD[19:]]
    assert "bureau" not in label_fields(lines, 2019)
    # the label's head mid-line, more lines below the rest: unknown
    lines = [*HEAD[:22], "終了予定なし 担当課 企画", "室", "課", *HEAD[24:]]
    assert "division" not in label_fields(lines, 2019)


def test_the_measure_cut_by_the_url_label_leaves_the_policy():
    # pdftotext (rv024): the 政策 and 施策 labels, then the 政策 cell, then the 施策 cell cut by 政策評価書URL
    lines = ["政策評価、 新 政策評価 政策", "経済・ 財政再", "生 計画との", "関係", "", "政策評価 施策", "",
             "5. システム運用の推進", "", "6. 情報システム運 政策評価書URL", "用の推進", "", "該当箇所",
             "新経済・ 取組事項", "財政再生", "計画", "2021", "", "分野:", "", "3ページ目", "", "-", ""]
    pe = label_lists(lines, 2021)["policy_evaluation"].value
    assert pe["policy"] == "5. システム運用の推進"
    assert pe["measure"] is None


def _record(tmp_path, lines):
    from kg.extract.dispatch import extract_path
    path = tmp_path / "s.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return extract_path(path)


def test_a_name_wrapped_below_a_whole_bureau(tmp_path):
    # pdftotext (rv005): 「…普及啓発 担当部局 情報流通行政局」 over 「推進費」 over 「庁」: 情報流通行政局 is whole, and
    # 「情報流通行政局推進費」 names no organisation: 「推進費」 is the name's
    lines = ["令和3年度行政事業レビューシート ( 文部科学省 )", "", "事業名", "",
             "基盤整備推進安全対策システム運用普及啓発 担当部局 情報流通行政局", "推進費", "庁", "", "作成責任者", "",
             "会計区分", "", "一般会計", ""]
    rec = _record(tmp_path, lines)
    assert (rec["project_name"], rec["bureau"]) == ("基盤整備推進安全対策システム運用普及啓発推進費", "情報流通行政局")


def test_a_line_below_that_may_finish_the_bureau_leaves_the_name_unknown(tmp_path):
    # 「…局」 and 「郵政行政部」 below: 「情報流通行政局郵政行政部」 is an organisation's shape too, so whose line it is
    # is unknown
    lines = ["令和3年度行政事業レビューシート ( 文部科学省 )", "", "事業名", "",
             "基盤整備推進安全対策システム運用普及啓発 担当部局 情報流通行政局", "郵政行政部", "庁", "", "作成責任者", "",
             "会計区分", "", "一般会計", ""]
    assert _record(tmp_path, lines)["project_name"] is None


PDFMINER_POLICY = ["チェック", "", "政策評価 政策 支援の推進", "", "政策評価、", "新経済・ 財", "政再生 計画", "との 関係", "",
                   "政策評価 施策", "", "政策評価", "書URL", "", "国際協力", "システム", "運用の推", "進", "",
                   "https://www.soumu.go.jp/main_content/000766416.pdf", "", "該当箇所", "", "3ページ目", "",
                   "取組事", "項", "", "分野:", "", "-", ""]


def test_the_measure_after_its_row_labels_before_the_url():
    # pdfminer (rv009): the 政策 beside its label; the 施策 label, the 政策評価書URL label, the 施策 cell, the URL
    pe = label_lists(PDFMINER_POLICY, 2021)["policy_evaluation"].value
    assert pe == {"policy": "支援の推進", "measure": "国際協力システム運用の推進"}


def test_a_cell_not_before_the_url_is_no_measure():
    # the cell after the labels followed by another cell, not the row's URL: the 施策 is unknown, the 政策 kept
    lines = [*PDFMINER_POLICY[:19], "別の欄の文", "", *PDFMINER_POLICY[19:]]
    pe = label_lists(lines, 2021)["policy_evaluation"].value
    assert pe["policy"] == "支援の推進" and pe["measure"] is None


def test_a_past_number_wrapped_after_its_ministry_and_dash():
    # pdfminer (rv013): 「総務省 -」 over 「0078」 in one paragraph: read as one cell, the table read on past it
    from kg.extract.review_text import past_by_lines
    lines = ["関連する過去のレビューシートの事業番号", "", "平成28年度", "", "総務省 - 0210 平成29年度", "", "0150", "",
             "平成30年度", "", "総務省 -", "0078", "", "令和元年度 0270", "", "令和2年度", "", "総務省 - 0286 令和3年度", "",
             "2021 総務 20 0123 令和4年度", "", "0207", "", "令和5年度 2023 総務 22 0435", "", "資金の流れ", ""]
    got = [(x.get("fiscal_year"), x["number"]) for x in past_by_lines(lines, 1, 2024).value]
    assert (2018, "0078") in got and (2019, "0270") in got and (2020, "0286") in got
    assert (2023, "2023-総務-22-0435") in got
    assert (None, "0150") in got  # a year at the end of a line of other cells settles no pairing
    # (a 所管府省 ending otherwise than 省/庁/府: the table was read no further than its 「公正取引委員会 -」)
    lines = [x.replace("総務省", "公正取引委員会") for x in lines]
    got = [(x.get("fiscal_year"), x["number"]) for x in past_by_lines(lines, 1, 2024).value]
    assert (2018, "0078") in got and (2019, "0270") in got and (2020, "0286") in got


def test_a_policy_keeps_the_space_after_its_numbering(tmp_path):
    # pdftotext (rv036): 「政策 IX. 支援」 on one line: the cell as printed, not 「IX.支援」
    lines = ["令和3年度行政事業レビューシート (総務省)", "", "事業名", "", "調査事業 担当部局 情報流通行政局", "", "政策評価", "",
             "政策 IX. 支援", "", "施策 7. 安 政策評 https://www.soumu.go.jp/main_content/000766416.pdf", "全対 価書", ""]
    assert _record(tmp_path, lines)["policy_evaluation"]["policy"] == "IX. 支援"


def test_a_label_wrapped_into_a_paragraph_of_its_own():
    # pdftotext (rv001): 「事業開」 over 「始年度」, both lines pieces of the label, then the year's cell
    lines = ["平成29年度行政事業レビューシート (内閣府)", "", "事業名", "", "普及啓発安全対策支援事業", "", "事業開", "始年度", "",
             "平成24年度", "", "会計区", "分", "", "東日本大震災復興特別会計", ""]
    assert label_fields(lines, 2017)["start_fiscal_year"].value == 2012


def test_the_end_label_head_beside_a_complete_start_year():
    # pdftotext (rv009): 「事業終」 the head of 事業終了(予定)年度 wrapped in its cell, beside the start year's cell
    lines = ["平成30年度行政事業レビューシート (農林水産省)", "", "作成責任者", "",
             "事業開始年度 昭和63年度 事業終 終了予定 担当課室 地域情報政策室", "了(予 なし", "定)年", "度", "", "会計区分", "",
             "一般会計", ""]
    got = label_fields(lines, 2018)
    assert got["start_fiscal_year"].value == 1988
    assert "end_fiscal_year" not in got  # 「終了予定」 over 「なし」: the cell's rest below, mixed with the label's


def test_a_counter_after_the_label_pieces_stays_the_numbers():
    # pdftotext (rv012): 「根拠法令 都市再生特別措置法第23」 over 「(具体的 条」: 条 is the article's, not the label's
    lines = ["会計区分 一般会計", "根拠法令 都市再生特別措置法第23", "(具体的 条", "な条項も", "記載)", "",
             "関係する計 画、通知等", "", "主要政策 ・施策", "", "主要経費", "", "社会保障", ""]
    assert label_lists(lines, 2020)["legal_text"].value == "都市再生特別措置法第23条"


def test_a_second_official_in_a_paragraph_of_its_own():
    # pdfminer (rv093): 作成責任者, then 「室長 小林 直子」 and 「課長 加藤 敦史」 as two paragraphs, then 会計区分
    lines = ["担当課室", "", "高齢者支援課", "", "作成責任者", "", "室長 小林 直子", "", "課長 加藤 敦史", "", "会計区分", "",
             "エネルギー対策特別会計", ""]
    assert label_fields(lines, 2019)["responsible_officials"].value == ["室長 小林 直子", "課長 加藤 敦史"]
    # a paragraph of another shape after the first (the names run together): the first official alone
    lines = [*lines[:8], "課長加藤敦史", *lines[9:]]  # (a new list: the readers keep the last document's tokens)
    assert label_fields(lines, 2019)["responsible_officials"].value == ["室長 小林 直子"]


def test_labels_cut_every_two_characters_each_a_paragraph_of_its_own():
    """Real seed 000 printed narrow by reportlab (pdftotext): each label of the left column cut every two characters,
    a paragraph of its own (「事業」 「名」; 「根拠」 「法令 (」 「具体」 … 「載)」): the pieces were dropped as fragments or kept
    as values (「名」, 「(」), so no 事業名 nor 根拠法令 label was found (name, laws and plans unknown)."""
    lines = ["令和4年度行政事業レビューシート (総務省)", "", "事業", "名", "", "住民基本台帳ネット", "ワークシステムセキ",
             "ュリティ対策経費", "", "担当", "部局", "", "自治行政局", "", "作成責任者", "", "会計", "区分", "", "一般会計", "",
             "根拠", "法令 (", "具体", "的な", "条項", "も記", "載)", "", "総務省設置法第4条第", "1項28号 住民基本台",
             "帳法第30条の24から", "第30条の40まで及び", "第31条", "", "関係", "する", "計画", "、通", "知等", "",
             "・電気通信回線を通じた送信又は磁気ディスクの送付の方法並びに磁気ディスクへの記録及びその保存の",
             "方法に関する技術的基準(平成14年総務省告示第334号)", "", "主要", "政策", "・施", "策", "", "-", "", "主要",
             "経費", "", "社会保障", ""]
    head = label_fields(lines, 2022)
    assert head["project_name"].value == "住民基本台帳ネットワークシステムセキュリティ対策経費"
    assert head["major_expense"].value == "社会保障"
    assert label_lists(lines, 2022)["legal_text"].value == \
        "総務省設置法第4条第1項28号 住民基本台帳法第30条の24から第30条の40まで及び第31条"


def test_the_plans_label_cut_every_two_characters_finds_its_bulleted_cell():
    """The same text: 「関係」 「する」 「計画」 「、通」 「知等」 a paragraph of its own, the cell's one item bulleted and
    undated (a notice's number in its parenthesis): the item beside the label (it was unknown: no label found)."""
    from kg.extract.review_pdf import extract
    from kg.read.base import RawDoc

    lines = ["令和4年度行政事業レビューシート (総務省)", "", "会計", "区分", "", "一般会計", "", "根拠", "法令 (", "具体", "的な",
             "条項", "も記", "載)", "", "総務省設置法第4条第", "1項28号", "", "関係", "する", "計画", "、通", "知等", "",
             "・電気通信回線を通じた送信又は磁気ディスクの送付の方法並びに磁気ディスクへの記録及びその保存の",
             "方法に関する技術的基準(平成14年総務省告示第334号)", "", "主要", "政策", "・施", "策", "", "-", ""]
    rec = extract(RawDoc(path="real.txt", lines=lines))
    assert [p["title"] for p in rec["related_plans"]] == [
        "電気通信回線を通じた送信又は磁気ディスクの送付の方法並びに磁気ディスクへの記録及びその保存の方法に関する技術的基準"
        "(平成14年総務省告示第334号)"]
