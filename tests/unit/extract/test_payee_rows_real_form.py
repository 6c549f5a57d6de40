"""Payee rows of row-style PDF text (pdfplumber) of the real form (kg.extract.payee_rows_text.payee_rows): the real
seeds 000 and 003 printed as a ruled form by LibreOffice (tests/fixtures/seed_prints.py), lines as pdfplumber
wrote them, values as the seeds' gold records hold them. The form has a ninth column (一者応札…の理由) after 落札率,
block titles printed as the letter alone, and cells pdfplumber writes without a space between them."""
from __future__ import annotations

from kg.extract.payee_rows_text import payee_rows

HEADER = ["支出先 法人番号 業務概要 支出額 (百万円) 契約方式等 入札者数 (応落札率 一者応札・一者応募又は競争性のない随意",
          "募者数) 契約となった理由及び改善策 (支出額10億", "円以上)"]


def _rows(lines, notes=None):
    got = payee_rows(["支出先上位10者リスト", *lines], 1, notes)
    return {(r.block, r.rank): r.cells for r in got or []}


def test_the_reason_column_letter_titles_and_glued_numbers():
    rows = _rows(["A.", *HEADER,
                  "1 (株)野村総合研究 4010001054032タイムスタンプ認 18 一般競争契約 (総 1 83.3% -", "所 定制度に関する調 合評価)", "査",
                  "G", *HEADER,
                  "1 (株)エアクレーレ 4010401004009テレワークセキュ 0.6 随意契約 (少額- - -", "ン リティの手引き( )"])
    a, g = rows[("A", 1)], rows[("G", 1)]
    assert (a["name"], a["corporate_number"], a["amount"], a["bidders"], a["award_rate"]) == \
        ("(株)野村総合研究所", "4010001054032", "18", "1", "83.3%")
    assert (g["name"], g["corporate_number"], g["amount"], g["contract_method"]) == \
        ("(株)エアクレーレン", "4010401004009", "0.6", "随意契約 (少額)")
    assert set(rows) == {("A", 1), ("G", 1)}  # G's row is no row of block A


def test_a_row_that_does_not_read_ends_the_row_before_and_is_noted():
    notes: list = []
    rows = _rows(["C.", "支出先 法人番号 業務概要支出額 契約方式 入札 落札 一者応札・一者応募又は競争性のない随意契約となった理由及び改善策",
                  "1 UQコミ 201040 モバイ 0.2 随意契約 - --", "ュニケー 107542 ルWi-Fi (その他)", "ションズ 3 機器の",
                  "株式会社 使用料", "2 富士フイ 301040 LAN複合機の移設0.2随意契約 - --", "ルムビジ 102680 機の移 (その他)",
                  "支出先上位10者リスト欄についてさらに記載が必要な場合はチェ チェック"], notes)
    c1 = rows[("C", 1)]
    assert (c1["name"], c1["corporate_number"], c1["description"]) == \
        ("UQコミュニケーションズ株式会社", "2010401075423", "モバイルWi-Fi機器の使用料")
    # 「随意契約」 over 「(その他)」: the line break hides whether a space stood there, and no method of the sheet is
    # printed on one line with its qualifier: unknown (the seed holds 「随意契約 (その他)」, another sheet 「随意契約(その他)」)
    assert c1["contract_method"] is None and c1["bidders"] == "-"
    assert ("C", 2) not in rows and any("could not be read" in m for _, m in notes)
    assert any("qualifier" in m for _, m in notes)


def test_budget_rows_of_the_real_form():
    """pdfplumber's lines of the real seeds' budget tables: the vertical 予算の状況 label's pieces before a row
    label, row labels wrapped in their cells (「前年度か」「ら繰越し」), dashes (unknown, not 0), and the request year's
    column printed in every row but 執行額."""
    from kg.extract.budget_lines import budget_rows

    years = [(2017 + k, k == 4) for k in range(5)]
    lines = ["予算額・ 執行額 (単位:百万円) 平成29年度 30年度 令和元年度 2年度 3年度要求", "予算 の 状 況 当初予算 336 47 99 105 3,209",
             "補正予算 - - - - -", "前年度から繰越 - - - - -", "し", "翌年度へ繰越し - - - - -", "予備費等 - - - - -",
             "計 336 47 99 105 3,209", "執行額 316 15 43", "執行率(%) 94% 32% 43%"]
    budget, first, last = budget_rows(lines, years, 1)
    assert budget[0] == {"fiscal_year": 2017, "initial": 336, "supplementary": None, "carried_from_previous": None,
                         "carried_to_next": None, "reserve": None, "total": 336, "executed": 316}
    assert budget[3]["total"] == 105 and budget[3]["executed"] is None and budget[4] == {"fiscal_year": 2021,
                                                                                         "requested": 3209}
    years = [(2019 + k, k == 4) for k in range(5)]
    lines = ["予算額・執行額 (単位:百万円)令和元 令和2年 令和3年 令和4令和5年度要求", "予算の状 当初予算 4 4 4 3 3", "況",
             "補正予算 0 0 0 0", "前年度か 0 0 0 0", "ら繰越し", "翌年度へ 0 0 0 0", "繰越し", "予備費等 0 0 0 0",
             "計 4 4 4 3 3", "執行額 2 2 2"]
    budget = budget_rows(lines, years, 1)[0]
    assert budget[0] == {"fiscal_year": 2019, "initial": 4, "supplementary": 0, "carried_from_previous": 0,
                         "carried_to_next": 0, "reserve": 0, "total": 4, "executed": 2}
    # a 計 that is not the sum of the known parts: no table
    lines[9] = "計 5 4 4 3 3"
    assert budget_rows(list(lines), years, 1) is None


NARROW_HEADER = ["支出先 法人番 業務概支出額 契約方 入札 落 一者応札・一者応募又は競争性のない随意契約となった理由及び改善策 (支出額10億円",
                 "号 要 (百万 式等 者数 札 以上)", "円) (応 率", "募者", "数)"]


def test_a_letter_title_above_a_header_cut_by_narrow_cells_opens_its_block():
    """Narrow print of seed 000 (pdfplumber): the header's labels are cut (「法人番」「業務概」), block B's title is
    its letter alone; block A's amount is glued to its 業務概要 (「会議等0.2」, split again: kg.extract.payee_wraps).
    B's rows are B's, never A's."""
    rows = _rows(["A.", *NARROW_HEADER, "1 委員謝 - 会議等0.2 - --", "金(委 出席", "員A) (諸謝", "金)",
                  "B", *NARROW_HEADER, "1 職員旅 - 視察 0.1 - --", "費(職 (旅費", "員A) の支払", ")",
                  "2 職員旅 - 視察 0.1 - --", "費(職 (旅費", "員B) の支払", ")"])
    assert (rows[("A", 1)]["name"], rows[("A", 1)]["description"], rows[("A", 1)]["amount"]) == \
        ("委員謝金(委員A)", "会議等出席(諸謝金)", "0.2")
    assert (rows[("B", 1)]["amount"], rows[("B", 2)]["amount"]) == ("0.1", "0.1")
    assert set(rows) == {("A", 1), ("B", 1), ("B", 2)}


LANDSCAPE_HEADER = ["支出先 法人番号 業務概要 支出額 (百万円) 契約方式等 入札者数 (応募 落札率 一者応札・一者応募又は競争性のない随意契約となっ",
                    "者数) た理由及び改善策 (支出額10億円以上)"]


def test_a_wrapped_piece_goes_to_the_cell_that_filled_its_column():
    """Landscape print of seed 003 (pdfplumber): one wrapped piece under a row whose name and 業務概要 are about as
    wide. A piece wider than the name's first line is the 業務概要's; when either cell can have wrapped, which
    one did is not established and both are unknown (a guess by length was wrong on 3 real rows)."""
    notes: list = []
    rows = _rows(["E.", *LANDSCAPE_HEADER,
                  "1 (株)ITリサーチ・アート 1011001072687 サイバーセキュリティ 7 一般競争契約 (総合評価 2 98.7% -",
                  "対策として講じられる )", "通信の内容及び構成要", "素に係る情報の知得・",
                  "G.", *LANDSCAPE_HEADER,
                  "1 (株)日本翻訳センター 4010001033721 テレワークセキュリテ 0.6 随意契約 (少額) - - -",
                  "ィガイドラインの英訳", "作業",
                  "H.", *LANDSCAPE_HEADER,
                  "1 Asia Wise法律事務所 - 法制度の比較結果 6 その他 - - -", "する第三者評価"], notes)
    e, g, h = rows[("E", 1)], rows[("G", 1)], rows[("H", 1)]
    assert (e["name"], e["description"]) == (None, None)  # 「対策として講じられる」 could end either cell
    assert e["contract_method"] == "一般競争契約 (総合評価)" and e["corporate_number"] == "1011001072687"
    assert (g["name"], g["description"]) == (None, None)  # 「ィガイドラインの英訳」 fits under either first line
    assert (g["corporate_number"], g["amount"]) == ("4010001033721", "0.6")
    # 「法制度の比較結果」 is narrower than its column, so widths settle nothing; the name's shape does: 「Asia Wise法律事務所」
    # ends as a whole name and would not with 「する第三者評価」 (kg.extract.payee_wraps.settled_by_shape)
    assert (h["name"], h["description"]) == ("Asia Wise法律事務所", "法制度の比較結果する第三者評価")
    assert any("both are unknown" in m for _, m in notes)


def test_past_numbers_whose_cells_lost_their_dashes_stay_one_number():
    """Row-style text of seeds 000 and 003 (A4 print, pdfplumber): the year cell, then the 事業番号's cells on one
    line (「2021 総務 20 0032」: the dashes of the sheet are not printed; 「総務省 - 新02 - 0013」) — one number each,
    not its pieces (「2021」「0032」)."""
    from kg.extract.review_text import label_lists

    lines = ["関連する過去のレビューシートの事業番号", "平成30年0036", "度", "", "令和元年 総務省 - 0037", "度",
             "令和3年 2021 総務 20 0032", "度", "※令和3年度実績を記入。執行実績がない新規事業、新規要求事業については現時点で予定やイメージを記入。"]
    got = label_lists(lines, 2022)["past_project_numbers"].value
    assert got == [{"fiscal_year": 2018, "number": "0036"}, {"fiscal_year": 2019, "number": "0037"},
                   {"fiscal_year": 2021, "number": "2021-総務-20-0032"}]
    lines = ["関連する過去のレビューシートの事業番号", "", "令和2年度", "総務省 - 新02 - 0013", "総務省 - 0094"]
    got = label_lists(lines, 2021)["past_project_numbers"].value
    assert {"fiscal_year": 2020, "number": "新02-0013"} in got and all(x["number"] != "0013" for x in got)
