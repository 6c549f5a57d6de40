"""PDF text of the real form printed by a second producer (reportlab: tighter cell padding, wider line spacing,
line breaks anywhere in a word, another drawing order; issue 17). Its texts put a wrapped cell's lines apart, a
label and its cell on one line, another cell's text after a label; each case below was a wrong fact on the
reportlab prints of real-form variants 1-30 and is now right or unknown. Excerpts as pdfminer.six and pdftotext
wrote them (variants 3, 5, 12, 23, 28, 29, 30); the last test prints variant 29 with reportlab."""
from __future__ import annotations

import pytest

from kg.extract import review_pdf
from kg.extract.dispatch import extract_path
from kg.extract.payee_columns import payee_columns
from kg.extract.payee_rows_text import PayeeRow
from kg.extract.review_text import _shape_ok, label_fields, label_lists, payee_section_cells
from kg.normalize.text import nfkc_lines
from kg.records import new_record
from tests.fixtures.real_variants import reportlab_variant

HEAD = ["令和3年度行政事業レビューシート (防衛省)", ""]


def _paras(*cells: str) -> list[str]:
    out = list(HEAD)
    for c in cells:
        out += [*c.split("\n"), ""]
    return out


def test_a_name_on_its_labels_line_whose_wrapped_rest_stands_apart_is_unknown():
    # pdfminer.six, variant 12: 「事業名 基盤整備情報地域安全対」 on one line, 「策事業」 a paragraph after 作成責任者
    lines = _paras("事業名 基盤整備情報地域安全対", "担当部局 農村振興局", "作成責任者", "策事業", "事業開始\n年度",
                   "平成25\n年度", "終了予\n定なし")
    found = label_fields(lines, 2021)
    assert "project_name" not in found  # was 「基盤整備情報地域安全対」
    assert found["bureau"].value == "農村振興局"
    # the same row with no piece astray (variant 3): the name is whole
    lines = _paras("事業名 システム運用研究開発普及啓発対策事業", "担当部局", "地方創生推進事務局", "作成責任者",
                   "事業開\n始年度", "平成24年\n度")
    assert label_fields(lines, 2020)["project_name"].value == "システム運用研究開発普及啓発対策事業"
    # nor is a piece of the next row glued to its neighbours (LibreOffice, pdftotext, variant 87)
    lines = _paras("事業名 支援調査推進費", "担当部局 地球環境局", "作成責任者",
                   "事業開 平成23年 事業 終了 担当課室 情報システム室 審\n始年度 度", "課長 山本 雅一")
    assert label_fields(lines, 2019)["project_name"].value == "支援調査推進費"
    # nor a label's head glued to its cell (LibreOffice, pdftotext, variant 261: 「担当部 産業技術環境局局」)
    lines = _paras("事業名 支援高度化研究開発防災基盤整備推進費", "担当部 産業技術環境局局", "作成責任者", "事業開 平成23年")
    assert label_fields(lines, 2016)["project_name"].value == "支援高度化研究開発防災基盤整備推進費"
    # nor is a label's own wrapped piece astray (LibreOffice, pdfminer.six, variant 1: 「担当部局」 over 「庁」)
    lines = _paras("事業名 普及啓発安全対策支援事業", "担当部局\n庁", "老健局", "作成責任者", "事業開\n始年度", "平成24年度")
    assert label_fields(lines, 2017)["project_name"].value == "普及啓発安全対策支援事業"


def _policy_of(lines: list[str]) -> dict | None:
    rec = new_record("review_sheet", "rv.rl.pdfminer.txt")
    rec.update(sheet_fiscal_year=2021, policy_evaluation=None)
    rec["provenance"] = {"spans": {}}
    review_pdf._policy_eval(rec, lines)
    review_pdf._label_lists(rec, lines)
    return rec["policy_evaluation"]


def test_a_measure_whose_paragraph_goes_on_below_its_labels_line_is_read_whole():
    # pdfminer.six, variant 12: 「施策 8. デー」 over 「タ活用」 over 「高度化」 over 「の推進」 (one paragraph)
    lines = _paras("政策 基盤整備の推進", "政策評価", "施策 8. デー\nタ活用\n高度化\nの推進", "政策評価\n書URL",
                   "https://www.soumu.go.jp/main_content/000766416.pdf", "該当箇所 3ページ目")
    assert _policy_of(lines) == {"policy": "基盤整備の推進", "measure": "8. データ活用高度化の推進"}  # was 「8. デー」


def test_a_figure_after_the_policy_label_is_no_policy():
    # pdftotext, variant 28: a 単位当たりコスト figure written right after 「政策評価 政策」
    lines = _paras("政策評価 政策", "47", "99", "2. 高度化", "施策", "(2)基盤整備国際協力の推進", "測定指\n標")
    found = label_lists(lines, 2014)
    pe = found["policy_evaluation"].value
    assert pe["policy"] is None and pe["measure"] == "(2)基盤整備国際協力の推進"  # was 「47」


def test_the_reform_plans_row_label_is_no_measure():
    # pdftotext, variant 3: the 施策 label, then the 新経済・財政再生計画 row's 「取組事項」 label, then the cell
    rec = new_record("review_sheet", "rv003.rl.pdftotext.txt")
    rec["policy_evaluation"] = {"policy": "安全対策", "measure": "取組事項"}
    rec["provenance"] = {"spans": {}}
    review_pdf._policy_plausible(rec)
    assert rec["policy_evaluation"] == {"policy": "安全対策", "measure": None}
    assert any(w.get("code") == "policy_evaluation_implausible" for w in rec["warnings"])


def test_a_plans_cell_after_the_main_expense_label_is_no_expense():
    # pdfminer.six, variant 5: the 関係する計画 cell written after 主要経費, its own cell after that
    plans = "サイバーセキュリティ2019(令和2年2月8日閣議決定) サイバーセキュリティ戦略(平成29年3月22日閣議決定)"
    assert not _shape_ok("major_expense", plans, 2021)
    assert _shape_ok("major_expense", "社会保障", 2021)
    lines = _paras("主要政策・施", "-", "関係する計画、通知等", "主要経費", plans, "社会保障", "事業の目的")
    assert "major_expense" not in label_fields(lines, 2021)  # was the plans' text (the next readers find 社会保障)


def test_a_latin_word_split_by_the_wrap_leaves_the_name_unknown():
    # pdftotext, variants 23 and 27: 「合同会社日経B」 over 「Pマーケティン」, 「富士通Ja」 over 「pan株式」
    rows = [PayeeRow("F", 1, {"name": "合同会社日経B Pマーケティング", "description": "普及啓発コンテンツの作成"}, 9, False),
            PayeeRow("C", 1, {"name": "富士通Ja pan株式会社", "description": None}, 12, False),
            PayeeRow("C", 2, {"name": "PwC Japan有限責任監査法人", "description": "Web サイトの運用"}, 14, False)]
    notes: list = []
    got = review_pdf._figure_descriptions(rows, notes)
    assert [r.cells["name"] for r in got] == [None, None, "PwC Japan有限責任監査法人"]
    assert got[0].cells["description"] == "普及啓発コンテンツの作成" and len(notes) == 2
    # with the text: the run stands at a line break (a wrap) or on one line (the sheet's own space, kept)
    rows = [PayeeRow("F", 1, {"name": "合同会社日経B Pマーケティング", "description": "テレワーク用PC 100台の賃貸借"}, 9,
                     False)]
    lines = ["F", "1 合同会社日経B 5010401089234 テレワーク用PC 100台の 1,234", "Pマーケティン 賃貸借", "グ"]
    got = review_pdf._figure_descriptions(rows, [], lines)
    assert (got[0].cells["name"], got[0].cells["description"]) == (None, "テレワーク用PC 100台の賃貸借")


HEADER = ["支出先", "法人番号", "業務概要", "支出額 (百\n万円)", "契約方式\n等", "入札\n者数 \n(応募\n者数)", "落札\n率",
          "一者応札・一者応募又は競争性のない随意契約となった理由及び改善策 (支出額10億\n円以上)"]


def test_the_note_under_the_tables_starts_no_table_header():
    # pdfminer.six, variant 30: block H's table header is elsewhere; the note under the last table (「支出先上位10者
    # リスト欄について…」) was counted as a header, so block J's rows were read as block I's
    lines = ["支出先上位10者リスト", ""]
    for c in ["H.", "1", "I.", *HEADER, "1", "東京都", "800002013\n0001", "17", "5", "85%", "一般競争\n契約 (総合\n評価)",
              "利用者の基本\n的な権利の保\n障の在り方を\n巡る諸外国の\n法制度・実態\nの調査",
              "J.", "1", "2", *HEADER, "個人(A)", "-", "ガイドライン\nの英訳作業", "115", "補助金等\n交付",
              "エヌ・ティ・テ\nィ・データ経営\n研究所(株)", "212888775\n8646", "視察(旅費の支\n払)", "65", "-", "-", "-", "--", "-",
              "支出先上位10者リスト欄についてさらに記載が必要な場合はチェックの上【別紙3】に記載", "チェック"]:
        lines += [*c.split("\n"), ""]
    cols, _ = payee_columns(payee_section_cells(nfkc_lines(lines), 1))
    assert not any(c.block == "I" and c.name in ("個人(A)", "エヌ・ティ・ティ・データ経営研究所(株)") for c in cols)


@pytest.fixture(scope="module")
def variant29(tmp_path_factory):
    xlsx, pdf, txt = reportlab_variant(29, tmp_path_factory.mktemp("rl-variant29"), "pdfminer")
    return extract_path(xlsx), pdf, txt


def test_an_official_wrapped_at_the_space_of_his_name_is_unknown_in_the_pdf(tmp_path, monkeypatch):
    # a producer that writes no space glyph at the end of a wrapped line: the cell's lines 「参事官 山本」 「拓也」
    # read joined with no space, 「参事官 山本拓也」
    from tests.fixtures import review_sheets

    wrap = review_sheets.wrap_text
    monkeypatch.setattr(review_sheets, "wrap_text", lambda *a, **k: [x.rstrip(" ") for x in wrap(*a, **k)])
    xlsx, pdf, _ = reportlab_variant(29, tmp_path, "pdfplumber")
    assert extract_path(xlsx)["responsible_officials"] == ["参事官 山本 拓也", "課長補佐 渡辺 恵"]
    rec = extract_path(pdf)
    assert rec["responsible_officials"] == ["課長補佐 渡辺 恵"]
    assert any(w.get("code") == "official_implausible" for w in rec["warnings"])


@pytest.mark.parametrize(("n", "official"), [(7, "高村企画官"), (8, "課長補佐 寺田純一"), (12, "加藤 大輔")])
def test_an_official_written_without_the_three_words_is_read_from_the_pdf_when_no_wrap_touched_it(tmp_path, n,
                                                                                                    official):
    # real sheets write 作成責任者 as 「室長 野中嘉人」, 「山本参事官」, 「諏訪園 貞明」 about 4 times in 10 (JUDGIT!): a cell
    # whose lines the width did not cut is the sheet's text, kept; only a cut cell leaves such a name unknown
    xlsx, pdf, _ = reportlab_variant(n, tmp_path, "pdfplumber")
    assert extract_path(xlsx)["responsible_officials"] == [official]
    rec = extract_path(pdf)
    assert rec["responsible_officials"] == [official]
    assert not any(w.get("code") == "official_implausible" for w in rec["warnings"])


def test_an_official_whose_cell_the_width_cut_inside_a_word_is_read(tmp_path):
    # variant 10's 「審議官 吉田信」 wraps in its reportlab print inside the family name (「審議官 吉」 over 「田信」):
    # no space can have stood inside 吉田, so the join is the sheet's text (Sudachi: 吉田 is one word, a 姓)
    xlsx, pdf, _ = reportlab_variant(10, tmp_path, "pdfplumber")
    assert extract_path(xlsx)["responsible_officials"] == ["審議官 吉田信", "課長 渡辺 信"]
    rec = extract_path(pdf)
    assert rec["responsible_officials"] == ["審議官 吉田信", "課長 渡辺 信"]
    assert not any(w.get("code") == "official_implausible" for w in rec["warnings"])


def test_an_official_cut_between_two_words_is_unknown_unless_of_three_words():
    # the join falls between family and given name (「参事官 山本」 over 「拓也」): 「参事官 山本 拓也」 may have been
    # printed, so the two-word official is left out; one inside a word (「山」 over 「本直子」) is kept
    from kg.extract.review_excel import _space_unruled
    from kg.read.pdf_grid import Cut

    assert _space_unruled("参事官 山本拓也", (Cut(6, "本拓"),))
    assert not _space_unruled("審議官 山本直子", (Cut(5, "山本"),))
    assert not _space_unruled("高村審議官", (Cut(3, "審議"),))
    assert _space_unruled("高村審議官", (Cut(2, "村審"),))  # 「高村 審議官」 may have been printed
    assert _space_unruled("審議官 山本直子", (Cut(4, "山本"),))  # the text is no longer the one cut: unknown


def test_a_payee_box_after_two_stacked_names_is_not_the_next_rows_name(variant29):
    # pdfminer.six: block C's names 「合同会社UQコミュニケーションズ」 「一般財団法人日本データ通信協会」 both before row 1's
    # 法人番号 box (「2162759725906 視察(旅費の支払)、実証」), whose 業務概要's second line 「事業の実施」 is a box of its own
    # before row 2's: it was read as row 2's name, and row 1's 業務概要 cut short
    ref, _, txt = variant29
    want = {(p["block"], p["rank"]): p for p in ref["payees"]}
    got = {(p["block"], p["rank"]): p for p in extract_path(txt)["payees"]}
    for key, p in got.items():
        for k in ("name", "corporate_number", "description", "amount", "contract_method"):
            assert p[k] is None or p[k] == want[key][k], (key, k, p[k], want[key][k])


def test_a_corporate_number_wrapped_over_lines_in_the_name_box_is_rejoined_when_its_check_digit_holds():
    # pdfminer.six, variant 1: 「有限会社KDDI 375744」 over 「249390」 over 「8」 (the narrow 法人番号 column) as one box
    from kg.extract.payee_boxes import _kind, _rejoin_numbers

    text = "有限会社KDDI 375744 249390 8"
    assert _rejoin_numbers([(_kind(text), text, 7)]) == [("namecorp", "有限会社KDDI 3757442493908", 7)]
    bad = "有限会社KDDI 375744 249390 7"  # the check digit fails: left as it was
    assert _rejoin_numbers([(_kind(bad), bad, 7)]) == [(_kind(bad), bad, 7)]
