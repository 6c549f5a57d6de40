"""Header cells of the real form as pdfplumber writes them (one form row per line, cells joined by spaces) where a
label is glued to a cell or a cell wraps beside other cells (kg/extract/legal_text.py ``row_cells``,
kg/extract/review_text.py ``label_fields`` / ``label_lists``, kg/extract/review_pdf.py ``_names``).

Excerpts are the text pdfplumber gave of real-form variants (``python -m tests.fixtures.real_variants``); the readers
before left each of these values unknown.
"""
from __future__ import annotations

from kg.extract.review_pdf import extract
from kg.read.base import RawDoc


def _run(text: str) -> dict:
    """The record of an excerpt (one form row per line: no blank line, which paragraph-style text has)."""
    return extract(RawDoc(path="real.txt", lines=text.rstrip("\n").split("\n")))


def test_plans_label_glued_to_its_first_item():
    """「関係する計画」 glued to the first plan, the label's rest 「、通知等」 on the next line; 「関係する」 then 「計画、通」
    glued to the item, 「知等」 below."""
    rec = _run("会計区分 一般会計\n"
               "根拠法令 (具体 農業協同組合合併助成法第63条 関係する計画第4期教育振興基本計画(平成30年1月15日閣議決定)\n"
               "的な条項も記載 、通知等\n)\n主要政策・施策 地方創生 主要経費 その他の事項経費\n")
    assert rec["related_plans"] == [{"title": "第4期教育振興基本計画", "date": "2018-01-15", "decided_by": "閣議決定"}]
    assert [b["law"] for b in rec["legal_bases"]] == ["農業協同組合合併助成法"]
    rec = _run("会計区分 労働保険特別会計\n"
               "根拠法令 (具体的な 条項 原子力災害対策特別措置法第66条の6、第52条及び第114条第1項関係する "
               "計画、通まち・ひと・しごと創生総合戦略(平成25年7月14日閣議決定)\n"
               "も記載) 知等 規制改革実施計画(平成26年6月22日総務大臣決定)\n"
               "主要政策・施策 地方創生 主要経費 その他の事項経費\n")
    assert [p["title"] for p in rec["related_plans"]] == ["まち・ひと・しごと創生総合戦略", "規制改革実施計画"]


def test_plans_label_glued_after_the_law_in_the_label_part():
    """「根拠法令 (具体的農業振興…法律第89条関係する計画」: the law cell glued to the label before it and to the plans
    label after it."""
    rec = _run("会計区分 一般会計\n"
               "根拠法令 (具体的農業振興地域の整備に関する法律第89条関係する計画 成長戦略フォローアップ(令和4年3月14日関係閣僚会議決定)\n"
               "な条項も記載) 、第40条第3項第1号及び第2条第3項 、通知等\n"
               "主要政策・施策 国土強靱化 主要経費 公共事業関係費\n")
    assert rec["related_plans"] == [{"title": "成長戦略フォローアップ", "date": "2022-03-14",
                                     "decided_by": "関係閣僚会議決定"}]


def test_a_plan_title_glued_to_the_label_without_its_rest_below_is_not_split():
    """Where the label stops is known only from its rest below: with none there, a title that may start with the
    label's next character is not cut (no 「通商白書」 read as 「商白書」)."""
    rec = _run("会計区分 一般会計\n"
               "根拠法令 (具体的な条項も記載) 電波法第4条 関係する計画、通商白書(平成30年1月15日閣議決定)\n"
               "主要政策・施策 地方創生 主要経費 その他の事項経費\n")
    assert all(p["title"] != "商白書" for p in rec["related_plans"])


def test_policy_label_glued_to_the_rows_wrapped_label():
    """「政策評価、新経済・財政再政策 IX. 普及啓発の推進」: the 政策 label glued to the wrapped 政策評価 label."""
    rec = _run("政策評価、新経済・財政再政策 IX. 普及啓発の推進\n生計画との関係\n施策 7. 国際協力調査の推進\n"
               "測定指標 定量的指標 単位 平成30年度 令和元年度 令和2年度 中間目標 - 年度 目標年度 - 年度\n")
    assert rec["policy_evaluation"] == {"policy": "IX. 普及啓発の推進", "measure": "7. 国際協力調査の推進"}


def test_measure_wrapped_beside_the_url_label_and_a_whole_url():
    """「施策 (1)防災安 政策評価書 https://…pdf」 over 「全対策の推URL」 over 「進」: a URL goes on in ASCII, so the pieces
    below are the 施策's, the label's rest 「URL」 glued to one of them taken off."""
    head = "政策評価 政策評価 政策 システム運用の推進\n、 新経済\n"
    rec = _run(head + "政策評価 施策 (1)防災安 政策評価書 https://www.soumu.go.jp/main_content/000766416.pdf\n"
               "全対策の推URL\n進\n該当箇所 3ページ目\n")
    assert rec["policy_evaluation"] == {"policy": "システム運用の推進", "measure": "(1)防災安全対策の推進"}
    rec = _run(head + "政策評価 施策 6. システム運用 政策評価書URL https://www.soumu.go.jp/main_content/000766416.pdf\n"
               "防災の推進\n該当箇所 3ページ目\n")
    assert rec["policy_evaluation"]["measure"] == "6. システム運用防災の推進"


def test_measure_beside_a_url_label_whose_rest_is_not_found_stays_unknown():
    """The URL label 「政策評価」 with no 「書URL」 below: where the cells part is not settled; the 施策 is unknown."""
    rec = _run("政策評価 政策評価 政策 システム運用の推進\n、 新経済\n"
               "政策評価 施策 3. 安全対策 政策評価 https://www.soumu.go.jp/main_content/000766416.pdf\n"
               "情報の推進\n該当箇所 3ページ目\n")
    assert rec["policy_evaluation"]["measure"] is None


def test_major_policy_label_wrapped_after_its_dot_or_glued_to_its_cell():
    """「主要政策・ 観光立国 主要経費 …」 over 「施策」, and 「主要政策・施策観光立国」 glued."""
    rec = _run("会計区分 一般会計\n主要政策・ 観光立国 主要経費 文教及び科学振興\n施策\n"
               "事業の目的 人材育成システム運用対策事業について、国民の利便性の向上と行政の効率化を図る。\n")
    assert (rec["major_policy"], rec["major_expense"]) == ("観光立国", "文教及び科学振興")
    rec = _run("会計区分 一般会計\n主要政策・施策地方創生 主要経費 経済協力\n"
               "事業の目的 (目 人材育成支援国際協力地域対策事業について、国民の利便性の向上と行政の効率化を図る。\n")
    assert rec["major_policy"] == "地方創生"


def test_division_label_glued_after_the_end_year():
    """「…終了予定なし担当課室 河川計画課 室長 神門 美香 審議官 高村 純一」: the label glued to the cell before it."""
    rec = _run("事業名 研究開発安全対策経費 担当部局庁 医政局 作成責任者\n"
               "事業開始年 令和元年度 事業終了(予定)年度 終了予定なし担当課室 河川計画課 室長 神門 美香 審議官 高村 純一\n度\n"
               "会計区分 一般会計\n")
    assert rec["division"] == "河川計画課"
    assert rec["responsible_officials"] == ["室長 神門 美香", "審議官 高村 純一"]


def test_official_whose_given_name_wrapped_below():
    """Two officials side by side, the first's surname's rest and the given name as the whole next line (「田 信」):
    the space between them shows, so the official is 「審議官 吉田 信」. One piece on the next line's end (「… 雅一」)
    after 「参事官 小林」 shows no space: real sheets write 「参事官 小林雅一」 about as often, so that official is unknown."""
    rec = _run("事業名 普及啓発安全対策支援事業 担当部局 老健局 作成責任者\n庁\n"
               "事業開 平成24年度 事業終了 終了予定なし 担当課室 地域情報政策室 参事官 小林 参事官 加藤 健太郎\n"
               "始年度 (予定)年度 雅一\n会計区 東日本大震災復興特別会計\n分\n")
    assert rec["responsible_officials"] == []
    rec = _run("事業名 基盤整備高度化研究開発事業 担当部局庁 製造産業局 作成責任者\n"
               "事業開始年度 平成25年度 事業終了(予定)年度 終了予定なし 担当課室 住民制度課 審議官 吉 課長 渡辺 信\n"
               "田 信\n会計区分 一般会計\n")
    assert rec["responsible_officials"] == ["審議官 吉田 信", "課長 渡辺 信"]


def test_official_rest_ambiguous_stays_unknown():
    """Two name-shaped pieces at the next line's end that are not the whole line (「みな 純一」): which are the
    official's is not settled; the official is left out. Even when the piece before the kanji is another cell's known
    rest (「なし」 of 「終了予定」 above it), 「参事官 小林」 and 「純一」 could have been 「参事官 小林純一」 on the sheet (as real
    sheets write about 4 officials in 10): unknown too (review_text.officials_wrapped)."""
    text = ("事業名 調査防災データ活用推進費 担当部局庁 地球環境局 作成責任者\n"
            "事業開始年度 昭和59年度 事業終了(予定)年 終了予定 担当課室 大学振興課 参事官 小林 課長 山本 拓也\n"
            "度 {} 純一\n会計区分 エネルギー対策特別会計\n")
    rec = _run(text.format("みな"))
    assert not any(o.startswith("参事官 小林") for o in rec["responsible_officials"])
    rec = _run(text.format("なし"))
    assert not any(o.startswith("参事官 小林") for o in rec["responsible_officials"])


def test_project_name_wrapped_below_beside_a_whole_bureau():
    """「事業名 …普及啓発 担当部局 情報流通行政局 作成責任者」 over 「推進費 庁」: the bureau's cell is whole (…局), the
    label's rest 「庁」 aside, so the piece below is the name's."""
    rec = _run("事業番号 2021 - 文科 - 20 - 0447\n令和3年度行政事業レビューシート ( 文部科学省 )\n"
               "事業名 基盤整備推進安全対策システム運用普及啓発 担当部局 情報流通行政局 作成責任者\n推進費 庁\n"
               "事業開始年度 平成30年度 事業終了(予 令和5年度 担当課室 総務課企画調整室 課長補佐 神門 雅一\n")
    assert rec["project_name"] == "基盤整備推進安全対策システム運用普及啓発推進費"
    assert rec["bureau"] == "情報流通行政局"


def test_piece_below_of_an_organisations_shape_leaves_the_name_unknown():
    """「…自治行政局」 over 「選挙部」: the piece may be the bureau's rest; the name's end is unknown."""
    rec = _run("令和3年度行政事業レビューシート ( 総務省 )\n"
               "事業名 選挙制度調査研究 担当部局 自治行政局 作成責任者\n選挙部\n"
               "事業開始年度 平成30年度 事業終了(予 令和5年度 担当課室 管理課 課長 神門 雅一\n")
    assert rec["project_name"] is None


_PAYEES_A = "\n".join((
    "支出先上位10者リスト",
    "A",
    "支出先 法人番号 業務概要 支出額 (百万円契約方式等 入札者数 (応募者数) 落札率 一者応札・"
    "一者応募又は競争性のない随意",
    ") 契約となった理由及び改善策 (支出額10億円",
    "以上)",
    "1 一般社団法人地 2361409260591 タイムスタンプ認定制度に 962 補助金等交付 - --",
    "方自治情報セン 関する調査",
    "ター",
    "2 株式会社日本レ 7302203114473 機器の賃貸借 506 一般競争契約 6 70.1%",
    "ジストリサービ (総合評価)",
    "ス",
    "3 合同会社OCS 7154320714217 実証事業の実施 462 随意契約 (その- --",
    "他)",
    "4 野村総合研究所 8284793408744 データ整備及び分析業務 179 - -",
    "株式会社",
    "計 2,109",
    "B",
    "支出先 法人番号 業務概要 支出額 (百万円契約方式等 入札者数 (応募者数) 落札率 一者応札・"
    "一者応募又は競争性のない随意",
    ") 契約となった理由及び改善策 (支出額10億円",
    "以上)",
    "1 講師謝金(講師A)- 実証事業の実施、定期刊行 2,006 補助金等交付 - -",
    "物の購読、システムの設計",
    "・開発及び運用保守",
    "2 株式会社日本レ - 諸外国の動向に関する文書 1,877 その他 - -- -",
    "ジストリサービ の分析及び要約作業、視察",
    "ス・合同会社伊 (旅費の支払)、実証事業の",
    "藤忠テクノソリ 実施",
    "ューションズ共",
    "同企業体",
    "3 (株)OCS 9266509082369 研修の企画運営、実証事業 1,726 一般競争契約 6 59%",
    "の実施 (総合評価)",
    "計 5,609",
))


def test_payee_piece_settled_by_the_columns_characters():
    """A row's one piece below, 「株式会社」, fits the name (「野村総合研究所」) and the 業務概要 (「データ整備及び分析
    業務」): the 業務概要 column is shown to hold 12 characters by a wrapped line of another row (「タイムスタンプ認定
    制度に」 over 「関する調査」), so its 11-character line had room for 「株」 and ended: the piece is the name's (the
    table's lines show every wide character printed one width: 「ジストリサービ」「藤忠テクノソリ」 hold as many
    characters as 「一般社団法人地」)."""
    rows = {(p["block"], p["rank"]): p for p in _run(_PAYEES_A)["payees"]}
    assert (rows["A", 4]["name"], rows["A", 4]["description"]) == ("野村総合研究所株式会社", "データ整備及び分析業務")
    assert rows["A", 1]["name"] in (None, "一般社団法人地方自治情報センター")  # (「ター」 fits either: unknown, never wrong)


_PAYEES_NARROW = ("支出先上位10者リスト\nA\n"
                  "支出先 法人番号 業務概要 支出額 契約方式等 入札者数 落札率 一者応札・一者応募又は競争性のない\n"
                  "(百万円) (応募者数) 随意契約となった理由及び改善策 (支出\n額10億円以上)\n"
                  "1 横浜市 3000020 諸外国の動向 1,427 随意契約 (少額) - - -\n141003 に関する文書\nの分析及び要\n約作業\n"
                  "B\n支出先 法人番号 業務概要 支出額 契約方式等 入札者数 落札率 一者応札・一者応募又は競争性のない\n"
                  "(百万円) (応募者数) 随意契約となった理由及び改善策 (支出\n額10億円以上)\n"
                  "1 (株)柏屋本店・ - 実証事業の実 2,303 随意契約 (公募) 3 - -\nオリエンタルコ 施\nンサルタンツ株\n"
                  "式会社共同企業\n体\n"
                  "C\n支出先 法人番号 業務概要 支出額 契約方式等 入札者数 落札率 一者応札・一者応募又は競争性のない\n"
                  "(百万円) (応募者数) 随意契約となった理由及び改善策 (支出\n額10億円以上)\n"
                  "1 TKC(株) 2372150 会議等出席(諸5,331 随意契約 (その - --\n301626 謝金) 他)\n"
                  "2 (株)UQコミュ - 普及啓発コン 4,085 補助金等交付 - --\nニケーションズ テンツの作成\n"
                  "・有限会社ソフ\nトバンク共同企\n業体\n"
                  "3 神奈川県 1000020 データ整備及 3,237 その他 - -- -\n140007 び分析業務、\nセキュリティ\n"
                  "説明会の開催\n、機器の賃貸\n借\n"
                  "4 個人(D) - 諸外国の動向 1,399 その他 - -- -\nに関する文書\nの分析及び要\n約作業\n")


def test_payee_piece_longer_than_a_column_holds_is_the_other_cells():
    """「・有限会社ソフ」 (7 characters) below two cells that both filled their columns: the 業務概要 column holds at
    most 6 (「諸外国の動向」 wrapped before 「に関する文書」: its next character did not fit), so the piece is the
    name's, and the name's lines go on."""
    rows = {(p["block"], p["rank"]): p for p in _run(_PAYEES_NARROW)["payees"]}
    assert rows["C", 2]["name"] == "(株)UQコミュニケーションズ・有限会社ソフトバンク共同企業体"
    assert rows["C", 2]["description"] == "普及啓発コンテンツの作成"


def test_era_year_glued_to_its_label():
    """「事業開始年度平成27年」 over 「度 度」, 「事業終了(予定令和9年度」: the cell's year glued to its label's wording."""
    rec = _run("事業名 調査情報推進費 担当部局庁 医政局 作成責任者\n"
               "事業開始年度平成27年 事業終了(予定)年 終了予定 担当課室 技術調査課 課長 山本 雅一\n度 度 なし\n"
               "会計区分 一般会計\n")
    assert rec["start_fiscal_year"] == 2015
    rec = _run("事業名 調査情報推進費 担当部局庁 医政局 作成責任者\n"
               "事業開始年度 平成20年度 事業終了(予定令和9年度 担当課室 整備課 課長 寺田 美香\n)年度\n"
               "会計区分 一般会計\n")
    assert (rec["start_fiscal_year"], rec["end_fiscal_year"]) == (2008, 2027)


def test_officials_whole_on_their_line_with_a_name_piece_below_are_unknown():
    """「室長 小林 直 課長 加藤 敦史」 over 「子」: each official reads whole, but a name's piece wrapped below ends one of
    them (室長 小林 直子); which one is unknown, so neither is given (no 「室長 小林 直」)."""
    rec = _run("事業名 推進費 担当部局庁 老健局 作成責任者\n"
               "事業開始年度 平成30年度 事業終了(予定)年度 終了予定なし 担当課室 高齢者支援課 室長 小林 直 課長 加藤 敦史\n"
               "子\n会計区分 エネルギー対策特別会計\n")
    assert rec["division"] == "高齢者支援課"
    assert rec["responsible_officials"] == []


def test_an_official_written_without_the_space_takes_nothing_from_the_next_row():
    """「課長補佐 寺田純一」 (as real sheets write about 4 officials in 10) over the form's next row 「会計区分 一般会計」:
    the row's last cell is no wrapped rest of the official — never 「課長補佐 寺田純一 一般会計」. The cell did not wrap,
    so the official stands as the sheet wrote it."""
    rec = _run("事業名 推進情報経費 担当部局庁 高等教育局 作成責任者\n"
               "事業開始年度 平成24年度 事業終了(予定)年度 平成27年度 担当課室 整備課 課長補佐 寺田純一\n"
               "会計区分 一般会計\n")
    assert rec["division"] == "整備課"
    assert rec["responsible_officials"] == ["課長補佐 寺田純一"]
    # the same with the title after the name (「高村企画官」), and not two officials run together on one line
    rec = _run("事業名 推進情報経費 担当部局庁 高等教育局 作成責任者\n"
               "事業開始年度 平成24年度 事業終了(予定)年度 平成27年度 担当課室 整備課 高村企画官\n会計区分 一般会計\n")
    assert rec["responsible_officials"] == ["高村企画官"]
    rec = _run("事業名 推進情報経費 担当部局庁 高等教育局 作成責任者\n"
               "事業開始年度 平成24年度 事業終了(予定)年度 平成27年度 担当課室 整備課 課長 寺田純一 室長 高村\n"
               "会計区分 一般会計\n")
    assert rec["responsible_officials"] == []


def test_a_title_wrapped_in_its_narrow_cell_leaves_the_officials_unknown():
    """A 作成責任者 cell two characters wide (「参事」 over 「官 山」 over 「本 雅」 over 「一」) beside another official
    (「海野 拓也」): 「参事」 read with the other's name has an official's shape, 「参事 海野 拓也」, but the title's 「官」
    alone below shows the cell wrapped: the officials are unknown."""
    rec = _run("事業名 人材育成システム運用対策事業 担当部局庁 老健局 作成責任者\n"
               "事業開始年 平成23年 事業終了(予定終了予定 担当課室 河川計画課 参事 海野 拓也\n"
               "度 度 )年度 なし 官 山\n本 雅\n一\n会計区分 一般会計\n")
    assert rec["responsible_officials"] == []
    assert any(w["code"] == "official_implausible" for w in rec["warnings"])
