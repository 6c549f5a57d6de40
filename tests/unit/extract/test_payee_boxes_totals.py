"""Payee rows of pdfminer.six's text of the real ruled form (kg.extract.payee_boxes): a block's 計 figure written
among the rows' boxes, an 入札者数 / 落札率 written between a row's amount and its 契約方式, and a 業務概要 that is a
figure (kg.extract.review_text.payee_paragraphs). Boxes as pdfminer.six wrote them for real-form variants
(tests/fixtures/real_variants.py, variants 60–89), the values as each variant's .xlsx holds them."""
from __future__ import annotations

from kg.extract.payee_boxes import checked_by_amounts, payee_boxes
from kg.extract.review_text import payee_paragraphs, payee_section_cells
from kg.normalize.text import nfkc_lines


def _lines(boxes: list[str]) -> list[str]:
    lines = ["### 支出先上位10者リスト", ""]
    for b in boxes:
        lines += [*b.split("\n"), ""]
    return lines


def _read(boxes: list[str], notes: list | None = None) -> dict:
    lines = _lines(boxes)
    notes = notes if notes is not None else []
    got = payee_boxes(payee_section_cells(nfkc_lines(lines), 1), notes, 1, lines)
    return {(r.block, r.rank): r.cells for r in checked_by_amounts(got or [], notes)}


def test_a_blocks_total_among_the_rows_is_no_rows_amount():
    """Variant 78: block A's 計 55,003 (= 32,834 + 13,039 + 5,269 + 3,861) stands right after the fourth row's
    amount, before the 契約方式 of the last two rows; block B's 33,453 (= 25,078 + 8,375) after its last 落札率 and
    the next block's letter and rank (no row's: a figure no row's boxes hold would leave every block unchecked)."""
    rows = _read(["A.", "1", "2", "3", "4", "B.",
                  "株式会社ITリサーチ・アート", "8239545548017 補助事業の実施", "32,834", "補助金等交付",
                  "(株)パシフィックコンサルタンツ", "1976792105978", "研修の企画運営", "13,039", "その他",
                  "合同会社ぎょうせい", "7413504991878", "会議等出席(諸謝金)", "5,269",
                  "個人(D)", "-", "実証事業の実施", "3,861", "55,003", "その他", "その他", "-", "-", "--", "-",
                  "1", "2",
                  "PricewaterhouseC\noopers LLP", "-", "利用者の基本的な権利の保障の在り方を巡る諸外国の法制度・実態の調査",
                  "25,078", "随意契約 (その他)", "-", "-",
                  "株式会社エアクレーレン", "9789177362374 定期刊行物の購読", "8,375", "一般競争契約 (最低価格)", "7",
                  "59.9%", "C.", "1", "33,453",
                  "那覇市", "3000020472018", "定期刊行物の購読", "251", "随意契約(その他)"])
    assert (rows[("A", 3)]["corporate_number"], rows[("A", 3)]["amount"]) == ("7413504991878", "5,269")
    assert (rows[("A", 4)]["name"], rows[("A", 4)]["amount"]) == ("個人(D)", "3,861")
    assert (rows[("B", 2)]["corporate_number"], rows[("B", 2)]["amount"]) == ("9789177362374", "8,375")
    assert (rows[("B", 1)]["name"], rows[("B", 1)]["amount"]) == ("PricewaterhouseCoopers LLP", "25,078")
    assert rows[("C", 1)]["amount"] == "251"


def test_a_figure_after_a_description_is_a_rows_amount_though_it_is_a_sum_within_rounding():
    """Variant 30 (no 計 printed): C's first amount 251 is, within rounding, the sum of all amounts before it
    (193 + 29 + 20 + 9.1); a figure right after a 業務概要 is a row's amount, and a 計 must sum exactly."""
    rows = _read(["A.", "1", "B.", "1", "2",
                  "国際連合開発計画(UNDP)", "-", "普及啓発コンテンツの作成", "193", "補助金等交付", "-",
                  "公益財団法人全国地域情報化推進協会", "5343757571346", "利用者の基本的な権利の調査", "29.4", "随意契約(企画競争)",
                  "有限会社丸紅", "6105387981124", "システムの設計・開発及び運用保守", "9.1", "随意契約(その他)",
                  "C.", "1", "那覇市", "3000020472018", "定期刊行物の購読", "231.5", "随意契約(その他)"])
    assert rows[("C", 1)]["corporate_number"] == "3000020472018" and rows[("C", 1)]["amount"] == "231.5"
    assert rows[("B", 2)]["amount"] == "9.1"


def test_bidders_and_rate_between_the_amount_and_the_contract_leave_the_amount():
    """Variant 84: 「41,046 | 3 | 一般競争契約 | - | 92%」: the 3 is an 入札者数 (not a second amount); it and the
    落札率 are passed over (pdfminer.six may have written the row before's there), the amount is the row's."""
    rows = _read(["A.", "1", "2",
                  "国立大学法人京都大学", "5272809854204", "セキュリティ説明会の開催、補助事業の実施", "41,046", "3",
                  "一般競争契約 (最低価格)", "-", "92%",
                  "(株)NECソリューションイノベータ", "2688416825837", "実証事業の実施、研修の企画運営", "13,717", "6",
                  "79%", "一般競争契約 (最低価格)"])
    assert (rows[("A", 1)]["corporate_number"], rows[("A", 1)]["amount"]) == ("5272809854204", "41,046")
    assert rows[("A", 1)]["bidders"] is None and rows[("A", 1)]["contract_method"] == "一般競争契約 (最低価格)"
    assert (rows[("A", 2)]["corporate_number"], rows[("A", 2)]["amount"]) == ("2688416825837", "13,717")
    assert rows[("A", 2)]["bidders"] is None and rows[("A", 2)]["award_rate"] is None


def test_a_description_that_is_a_figure_is_no_rows_cells():
    """Variant 63 (pdfminer.six): after the 法人番号 come the amount 11,504, the 入札者数 5, the 契約方式 and then the
    業務概要; read in pdftotext's order they would give 業務概要 「11,504」 and amount 5: no row is read."""
    notes: list = []
    rows = payee_paragraphs(_lines(["A.", "1", "合同会社日立システムズ", "9550028598595", "11,504", "5",
                                    "随意契約 (企画競争)", "-", "利用者の基本的な権利の保障の在り方を巡る諸外国の法制度・実態の調査",
                                    "2", "一般社団法人国際協力推進協会", "5704952120373", "普及啓発コンテンツの作成", "7,231",
                                    "一般競争契約 (総合評価)"]), 1, notes)
    assert not rows


def test_rows_doubted_after_a_row_that_does_not_read_keep_their_own_amounts_when_every_row_has_one():
    """Variant 20's block J: the row before (block A's here) does not read (two 業務概要), so the next rows' cells
    are doubted (they might be its); each of block B's rows has one amount in its own boxes (「97 | 1 | - - - -」: the
    1 an 入札者数), so no row's cells stand in another's: they are the rows' own, and fall down the ranks."""
    notes: list = []
    rows = _read(["A.", "1", "B", "1", "2",
                  "一般財団法人日本規格協会", "2927597495682", "タイムスタンプ認定制度に関する調査", "視察(旅費の支払)", "34",
                  "随意契約 (企画競争)",
                  "特定非営利活動法人全国地域情報化推進協会", "2258984934525", "システムの設計・開発及び運用保守", "167",
                  "随意契約 (公募)",
                  "独立行政法人情報処理推進機構", "3618323422493", "利用者の基本的な権利の保障の在り方を巡る諸外国の法制度・実態の調査",
                  "97", "1", "-", "-", "-", "-"], notes)
    assert (rows[("B", 1)]["corporate_number"], rows[("B", 1)]["amount"]) == ("2258984934525", "167")
    assert rows[("B", 1)]["description"] == "システムの設計・開発及び運用保守"
    assert (rows[("B", 2)]["corporate_number"], rows[("B", 2)]["amount"]) == ("3618323422493", "97")


def test_a_description_cut_inside_its_brackets_is_unknown():
    """Variant 50: 「3857821378174 会議等出席(諸謝」, the 法人番号 box holding the 業務概要's first line; its end 「金)」
    stands after the amount, where it reads as no row's cell: a 業務概要 with a bracket left open is cut, unknown —
    also when the row's cells were doubted (the row before has no box of its own) and are taken back."""
    rows = _read(["A.", "1", "職員旅費(職員A)", "-", "(株)ぎょうせい", "3857821378174 会議等出席(諸謝", "265", "金)",
                  "富士フイルムビジネスイノベーション株式会社", "1401661100235", "実証事業の実施 260", "随意契約 (公募)",
                  "随意契約 (公募)", "2", "2", "-", "-", "-", "B", "1", "2"])
    assert (rows[("B", 1)]["corporate_number"], rows[("B", 1)]["amount"]) == ("3857821378174", "265")
    assert rows[("B", 1)].get("description") is None


def test_two_figures_before_the_contract_after_a_row_with_no_amount_are_two_rows_amounts():
    """Variant 67: the first row's boxes hold no amount; 「33 | 22 | 随意契約(公募)」 after the second row's 業務概要
    are both rows' amounts (a column run), not an amount and an 入札者数: the second row's amount is not 33."""
    rows = _read(["A", "1", "2", "特定非営利活動法人地域活性化センター", "6652386792274 補助事業の", "実施",
                  "合同会社富士フイルムビジネスイノベーション", "6679552854851 研修の企画運営、視察(旅費の支払)", "33", "22",
                  "随意契約(公募)", "4", "-", "3", "合同会社OCS 7154320714217", "17", "随意契約(その他)", "-", "-"])
    assert (rows[("A", 1)]["corporate_number"], rows[("A", 1)]["amount"]) == ("6652386792274", "33")
    assert (rows[("A", 2)]["corporate_number"], rows[("A", 2)]["amount"]) == ("6679552854851", "22")
    assert (rows[("A", 3)]["corporate_number"], rows[("A", 3)]["amount"]) == ("7154320714217", "17")


def test_bidders_between_the_amount_and_the_contract_with_the_rate_right_after_it_are_the_rows():
    """rv673 (LibreOffice): 「11,590 | 5 | 一般競争契約 (総合評価) | 43.1%」: the 入札者数 right before the 契約方式 and the
    落札率 right after it, both cells of the row in the form's order around its 契約方式 — the row's (the row before's,
    written after this row's amount, would stand before the 契約方式 with its 落札率)."""
    rows = _read(["A.", "1", "2",
                  "国立大学法人甲大学", "1598058483954", "システムの設計・開発及び運用保守", "11,590", "5",
                  "一般競争契約 (総合評価)", "43.1%", "-",
                  "千葉市", "6000020121002", "会議等出席(諸謝金)", "5,415", "1", "一般競争契約 (総合評価)", "62.9%"])
    assert (rows[("A", 1)]["amount"], rows[("A", 1)]["bidders"], rows[("A", 1)]["award_rate"]) == ("11,590", "5", "43.1%")
    assert (rows[("A", 2)]["amount"], rows[("A", 2)]["bidders"], rows[("A", 2)]["award_rate"]) == ("5,415", "1", "62.9%")
