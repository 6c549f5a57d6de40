"""Payee cells of pdftotext's text of the real form that another row's or another table's cells written late would
take (kg.extract.payee_form_text, kg.extract.payee_boxes): excerpts built like the reportlab and LibreOffice prints'
text of generated sheets (blank-line separated paragraphs), values as those sheets' .xlsx hold them."""
from __future__ import annotations

from kg.extract.payee_boxes import payee_boxes
from kg.extract.payee_form_text import form_rows, with_form_rows
from kg.extract.payee_rows_text import PayeeRow
from kg.extract.review_text import payee_section_cells
from kg.normalize.text import nfkc_lines

HEADER = ["支出先", "法人番号", "業務概要", "支出額 (百\n万円)", "契約方式等 入札者 落札率\n数 (応\n募者数\n)"]
REASON = "一者応札・一者応募又は競争性のない随意契約となった理由及び改善策 (支出額10億円以上)"


def _lines(cells: list[str]) -> list[str]:
    lines = ["支出先上位10者リスト", ""]
    for c in cells:
        lines += [*c.split("\n"), ""]
    return lines


def _form(cells: list[str]) -> dict:
    got = form_rows(nfkc_lines(_lines(cells)), 1, [])
    return {(r.block, r.rank): r.cells for r in got or []}


def test_a_rate_wrapped_after_its_figure_and_after_its_point_is_the_rows_rate_and_no_name():
    # (reportlab's narrow 落札率 cell: 「92」 over 「.4」 over 「%」 — read as one text, it was the next row's name)
    rows = _form(["A", *HEADER, REASON,
                  "1", "株式会社三菱\n総合研究所", "350708742\n5308", "普及啓\n発コン\nテンツ\nの作成", "11,419",
                  "一般競\n争契約\n(総合\n評価)", "2", "92\n.4\n%", "-",
                  "2", "独立行政法人\n情報処理推進\n機構", "361832342\n2493", "機器の\n賃貸借", "7,127",
                  "随意契\n約 (公\n募)", "5", "-", "-"])
    a1, a2 = rows[("A", 1)], rows[("A", 2)]
    assert (a1["amount"], a1["bidders"], a1["award_rate"]) == ("11,419", "2", "92.4%")
    assert (a2["name"], a2["corporate_number"], a2["amount"]) == ("独立行政法人情報処理推進機構", "3618323422493", "7,127")


def test_a_number_alone_after_the_amount_then_header_cells_is_no_bidders_count():
    # (「1」 after row 2's amount, no 契約方式等 before it, the next table's header cells after it: that table's rank
    # or a rank written late as well as row 2's 入札者数, which was 3 — written far below)
    rows = _form(["E.", *HEADER, REASON,
                  "1", "(株)日本翻訳セ\nンター", "48296392857 諸外国の動向 17\n58\nに関する文書", "随意契約 (公募)", "1",
                  "2", "合同会社パシフ 67563871881 定期刊行物の 10\nィックコンサル 58\n購読\nタンツ", "1",
                  "法人番号", "業務概要", "支出額 (百万円)", REASON, "-"])
    e1, e2 = rows[("E", 1)], rows[("E", 2)]
    assert (e1["corporate_number"], e1["amount"], e1["bidders"]) == ("4829639285758", "17", "1")
    assert (e2["corporate_number"], e2["amount"], e2["bidders"]) == ("6756387188158", "10", None)


def test_a_rate_after_a_method_of_no_bidding_is_not_the_rows():
    # (row 1's 落札率 written after row 2's cells: 随意契約 has no bid, so no rate of its own)
    rows = _form(["B", *HEADER, REASON,
                  "1", "OCS株式 824647 ガイド 205\n会社\n565874 ライン\n0\nの英訳\n作業", "一般競争契約 2\n(総合評価)",
                  "2", "一般財団 188193 諸外国 101\n法人国際 863426 の動向\n協力推進 3\nに関す\n協会\nる文書",
                  "随意契約 (企\n画競争)", "1", "59.9 %", "-", "-"])
    b2 = rows[("B", 2)]
    assert (b2["corporate_number"], b2["amount"], b2["contract_method"], b2["bidders"], b2["award_rate"]) == \
        ("1881938634263", "101", "随意契約 (企画競争)", "1", None)


def test_a_method_cut_by_a_space_at_its_wrap_is_no_name_in_the_box_reading():
    # (reportlab's 「補助金等交」 over 「付」, rejoined by pdftotext on one line: read as a name, each row after it
    # took the name and 法人番号 of the row before)
    raw = _lines(["A", *HEADER, REASON,
                  "1", "日本工営\n株式会社", "18767404318\n66", "セキュリティ\n説明会の開催", "3,464", "一般競争契 3\n約 (最低価\n格)",
                  "92%", "-",
                  "2", "委員謝金(委\n員A)", "セキュリティ\n説明会の開催", "2,033", "補助金等交 付", "-", "-",
                  "3", "(株)OCS", "92665090823\n69", "データ整備及\nび分析業務", "1,959", "補助金等交 付", "-",
                  "4", "(株)イン\nテック", "74805613371\n97", "データ整備及\nび分析業務", "955", "随意契約 (\n少額)", "--", "-",
                  "5", "個人(E)", "-", "視察(旅費の支\n払)", "522", "補助金等交 付", "-", "-",
                  "6", "有限会社\n日立シス\nテムズ", "57109852672\n79", "機器の賃貸借", "204", "その他", "-", "-"])
    L = nfkc_lines(raw)
    got = payee_boxes(payee_section_cells(L, 1), [], 1, raw)
    rows = {(r.block, r.rank): r.cells for r in got or []}
    assert (rows[("A", 2)]["name"], rows[("A", 2)]["contract_method"]) == ("委員謝金(委員A)", "補助金等交付")
    for rank, name, number, amount in ((3, "(株)OCS", "9266509082369", "1,959"), (4, "(株)インテック", "7480561337197", "955"),
                                       (5, "個人(E)", None, "522"), (6, "有限会社日立システムズ", "5710985267279", "204")):
        r = rows[("A", rank)]
        assert (r["name"], r["corporate_number"], r["amount"]) == (name, number, amount)


def test_a_method_holding_the_bidders_count_agrees_with_the_form_readings_method():
    # (「一般競争契1約(最低価格)」: the 入札者数 1 run into the method's wrap by the whole-row reader; the form's order
    # reads 「一般競争契約 (最低価格)」 and 1: the two readings agree, and the form's rows of the other blocks stand)
    cells = {"name": "札幌市", "corporate_number": "9000020011002", "description": "データ整備及び分析業務",
             "amount": "940", "contract_method": "一般競争契1約(最低価格)", "bidders": None, "award_rate": None}
    form = [PayeeRow("A", 1, {**cells, "contract_method": "一般競争契約 (最低価格)", "bidders": "1"}, 10, False),
            PayeeRow("B", 1, {**cells, "name": "日本工営株式会社", "corporate_number": "1876740431866",
                              "amount": "3,464", "contract_method": "随意契約 (企画競争)"}, 40, False)]
    got = with_form_rows([PayeeRow("A", 1, cells, 10, False)], form)
    assert [(r.block, r.rank, r.cells["name"], r.cells["contract_method"]) for r in got] == \
        [("A", 1, "札幌市", "一般競争契約 (最低価格)"), ("B", 1, "日本工営株式会社", "随意契約 (企画競争)")]


def test_a_corporate_number_wrapped_beside_its_name_in_no_row_read_is_found():
    # (reportlab's narrow cells: 「一般社団法人日 119416511」 over 「本データ通信協 0508」 — a payee no reader placed is
    # warned of, never silently absent; 「タイムスタンプ 2.8」's figure makes no number with the digits after it)
    from kg.extract.review_pdf import _numbers_unplaced
    L = nfkc_lines(_lines(["C", *HEADER, "利用者の基本的 1.7\nな権利の保障の", "随意契約 (そ\nの他)", "-",
                           "一般社団法人日 119416511\n本データ通信協 0508\n会", "実証事業の実施 1.6", "補助金等交\n付", "-",
                           "合同会社TKC", "739996267\n8950"]))
    tkc = PayeeRow("C", 1, {"name": "合同会社TKC", "corporate_number": "7399962678950"}, 30, False)
    assert _numbers_unplaced(L, 1, [tkc]) == [("1194165110508", 27)]


def test_a_whole_row_written_apart_before_the_rank_runs_keeps_them_from_being_counted_as_blocks():
    # (LibreOffice's print: block A's one row, 「Pricewate rhouseCo opers LLP」 with its 業務概要 and amount and no
    # 法人番号, rank written apart; block B's ranks 1–4 with the letter 「B」 among them; counting the rank runs as the
    # blocks gave A the rows of B and B the row of C)
    rows = _form(["A", *HEADER[2:], REASON, "Pricewate rhouseCo\nopers LLP", "定期刊 7,266\n行物の\n購読", "-",
                  "支出先", "法人番号", *HEADER[2:],
                  "1", "国立大学\n法人東京\n大学", "1598058483 研修の 16,859\n954\n企画運\n営", "-", "--",
                  "2", "シー・エ\nス・エス\n(株)", "5220984241 実証事 10,298\n458\n業の実\n施", "随意契約\n(企画競争)", "-",
                  "支出先", "1", "法人番号", "B", REASON, "-",
                  "3", "職員旅費\n(職員C)", "視察(旅 7,363\n費の支\n払)", "-", "-", "-",
                  "4", "三菱総合 9786621061 セキュ 4,067\n研究所(株) 439\nリティ", "-", "-", "-",
                  "C", "1", "支出先", "法人番号", *HEADER[2:], REASON,
                  "国際連合\n開発計画\n(UNDP)", "-", "普及啓 17,457\n発コン\nテンツ", "-", "一般競争契 6\n約 (最低価\n格)", "61.2%",
                  "特定非営\n利活動法\n人国際協\n力推進協\n会", "1932079643 普及啓 13,959\n785\n発コン\nテンツ"])
    assert not {("A", 1), ("A", 2), ("A", 3), ("B", 1)} & set(rows)


def test_a_bidders_count_other_than_the_one_run_into_the_method_is_unknown():
    # (「一般競争契約(総合5評価)」: reportlab's 入札者数 5 run into the method's wrap; a 1 read for the row elsewhere is
    # another cell's — both unknown; a count equal to the digit stands)
    from kg.extract.payee_wraps import respell_methods
    cells = {"name": "国立研究開発法人産業技術総合研究所", "corporate_number": "3249670437519", "amount": "28,727",
             "contract_method": "一般競争契約(総合5評価)", "bidders": "1", "award_rate": "54.8%"}
    rows = [PayeeRow("A", 1, cells, 10, False), PayeeRow("A", 2, {**cells, "bidders": "5"}, 20, False)]
    got, unknown = respell_methods(rows, ["一般競争契約 (総合評価)"])
    assert [(r.cells["contract_method"], r.cells["bidders"], r.cells["award_rate"]) for r in got] == \
        [(None, None, "54.8%"), (None, "5", "54.8%")]
    assert unknown == [10, 20]
