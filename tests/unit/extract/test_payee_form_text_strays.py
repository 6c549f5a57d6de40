"""Cells pdftotext writes apart from their rows in the real form (kg.extract.payee_form_text): a row's 法人番号 and
業務概要 written after a later row (passed over, left unknown, the next ranks read on), cells written apart after a
block's last row, a 落札率 whose 「%」 is written apart, and the 業務概要 and amounts of rows placed by their rank runs
established by the block's 計. Excerpts shaped as pdftotext wrote the real-form variants (tests/fixtures/real_variants.py)."""
from __future__ import annotations

from kg.extract.payee_form_text import _paras as paragraphs
from kg.extract.payee_form_text import _with_rank_runs
from tests.unit.extract.test_payee_form_text import _paras, _rows

HEADER = ["支出先", "法人番号", "業務概要", "支出額 (百万円)", "契約方式等", "入札者数 (応 落札率 募者数)",
          "一者応札・一者応募又は競争性のない随意契約となった理由及び改善策 (支出額10億円以上)"]


def test_a_rows_cells_written_after_a_later_row_are_passed_over_and_the_ranks_read_on():
    notes: list = []
    rows = _rows(_paras("A.", "1", *HEADER,
                        ["エアクレーレン", "(株)"], ["872834409 機器の賃貸借", "8959"], "699", "-", "-",
                        "2", "国立大学法人京都大学", "520", "随意契約 (公募)", "2", "-",
                        "3", "個人(I)", "-", "27", "随意契約 (少額)", "-", "-",
                        # row 2's 法人番号 and 業務概要 (its number cut over two lines), written after row 3
                        ["527280985 タイムスタンプ認定", "4204", "制度に関する調査"], "-",
                        "4", "株式会社柏屋本店", "-", "定期刊行物の購読", "21", "-", "-",
                        "B.", *HEADER, "1", "丸紅株式会社", ["990633808 実証事業の実施", "5741"], "206",
                        "随意契約 (その他)", "-", "-"), notes)
    assert set(rows) == {("A", 1), ("A", 2), ("A", 3), ("A", 4), ("B", 1)}
    a1 = rows[("A", 1)]
    assert (a1["name"], a1["corporate_number"], a1["description"], a1["amount"]) == \
        ("エアクレーレン(株)", "8728344098959", "機器の賃貸借", "699")
    a2 = rows[("A", 2)]  # its 法人番号 written after row 3: whose it is the text does not say
    assert (a2["name"], a2["corporate_number"], a2["amount"], a2["bidders"]) == \
        ("国立大学法人京都大学", None, "520", "2")
    a4 = rows[("A", 4)]
    assert (a4["name"], a4["corporate_number"], a4["description"], a4["amount"]) == \
        ("株式会社柏屋本店", None, "定期刊行物の購読", "21")
    assert (rows[("B", 1)]["corporate_number"], rows[("B", 1)]["amount"]) == ("9906338085741", "206")
    assert all(r["corporate_number"] != "5272809854204" for r in rows.values())


def test_a_name_with_its_number_is_no_cell_written_apart():
    """A paragraph holding a name piece before its 法人番号 is a row of its own (its rank written elsewhere), not a
    cell to pass over: the ranks after it are not read as this block's."""
    rows = _rows(_paras("A.", "1", *HEADER,
                        ["エアクレーレン", "(株)"], ["872834409 機器の賃貸借", "8959"], "699", "-", "-",
                        "2", "国立大学法人京都大学", "520", "随意契約 (公募)", "2", "-",
                        ["大和総研(株) 5272809854204"], "ヘルプデスク業務 40",
                        "3", "個人(I)", "-", "27", "随意契約 (少額)", "-", "-"))
    assert ("A", 3) not in rows


def test_cells_written_after_the_last_row_and_a_rate_with_its_percent_apart():
    rows = _rows(_paras("A.", "支出先", "法人番号", "業務概要 支出額 (百 万円)",
                        "契約方式 入札者 落札 一者応札・一者応募又は競争性のない随意契約となった理由及び 等 数 (応 率 改善策",
                        "1", ["国立大学 5272809 セキュリ 41,046", "法人京都 854204 ティ説明", "大学 会の開催"],
                        ["一般競争 3", "契約 (最", "低価格)"], "92 %",
                        "2", ["(株)NEC 4260161", "ソリュー 904462", "ションイ", "ノベータ"],
                        ["一般競争 6", "契約 (最", "低価格)"], "79%",
                        # row 2's 業務概要 and amount, written after its 落札率
                        ["実証事業 13,717", "の実施、", "研修の企", "画運営"], "-"))
    assert set(rows) == {("A", 1), ("A", 2)}
    a1, a2 = rows[("A", 1)], rows[("A", 2)]
    assert (a1["corporate_number"], a1["amount"], a1["bidders"], a1["award_rate"]) == \
        ("5272809854204", "41,046", "3", "92%")
    assert (a2["corporate_number"], a2["amount"], a2["description"], a2["award_rate"]) == \
        ("4260161904462", None, None, "79%")


def test_amounts_read_after_a_row_without_its_cells_stand_when_they_add_up_to_the_blocks_total():
    """Rows placed by their rank runs: after a row whose cells after its name are written elsewhere, the next
    rows' 業務概要 and amounts might be that row's, written late — unless the amounts add up to the block's 計."""
    lines = ["支出先上位10者リスト", "", *_paras("A.", *HEADER,
                        "1", "個人(C)", "随意契約 (公募) 5", "-",
                        "2", ["日立システムズ 6513542850037", "(株)"], ["ヘルプデスク業 16,205", "務"], "随意契約 (少額)",
                        "-", "--",
                        "B", "1", ["(株)野村総合研究 8801259980577", "所"], "実証事業の実施", "3",
                        "随意契約 (少額)", "-", "-",
                        "C.", *HEADER,
                        "1", "個人(A)", "-", ["諸外国の動向に 32,630", "関する文書の分", "析及び要約作業"],
                        "一般競争契約 (最低価格) 1", "45%",
                        "2", ["株式会社三菱総 3507087425308", "合研究所"], ["実証事業の実施 12,821", "、会議等出席", "(諸謝金)"],
                        "随意契約 (少額)", "-", "-", "計", "-", "45,451")]
    rows = {(r.block, r.rank): r.cells for r in _with_rank_runs(paragraphs(lines, 1), [])}
    assert set(rows) == {("A", 1), ("A", 2), ("B", 1), ("C", 1), ("C", 2)}
    c1, c2 = rows[("C", 1)], rows[("C", 2)]
    assert (c1["name"], c1["description"], c1["amount"]) == ("個人(A)", "諸外国の動向に関する文書の分析及び要約作業", "32,630")
    assert (c2["corporate_number"], c2["description"], c2["amount"]) == \
        ("3507087425308", "実証事業の実施、会議等出席(諸謝金)", "12,821")
    assert c1["contract_method"] is None  # (the tail cells may still be the row before's)
    a2 = rows[("A", 2)]  # no 計 printed for block A: what follows row 1's name may be row 1's
    assert (a2["corporate_number"], a2["amount"]) == ("6513542850037", None)


def test_one_row_without_its_amount_when_the_rest_of_the_total_stands_apart():
    """A row whose 業務概要 and amount are written after the block's last row: the rows after it stand when their
    amounts and the one written apart add up to the 計 (it lies between the amounts of the rows around the
    row lacking it); that row's amount stays unknown. A 法人番号 written beside a row's amount is that row's."""
    lines = ["支出先上位10者リスト", "", *_paras(
        "A.", "1", *HEADER,
        "合同会社日本レジストリサービス", ["1870274896223 会議等出席(諸 4.1", "謝金)"], "一般競争契約 (総合評価) 6", "90.1%",
        "2", "合同会社日本工営", ["1537901009394 セキュリティ 1.5", "説明会の開催"], "随意契約 (企画競争) 3", "-",
        "3", "合同会社大和総研", "-", "随意契約 (公募)", "-",
        "4", "全国地域情報化推進協会", ["8654749300735 ガイドライン 0.4", "の英訳作業"], "一般競争契約 (最低価格) 6", "80%",
        "5", "有限会社TKC", ["1122881061630 システムの設 0.3", "計・開発及び運用保守"], "随意契約 (企画競争) 4", "-",
        ["実証事業の実 1.1", "施"], "計", "7.4",
        "B", *HEADER, "1", "宮城県", ["8000020040002 補助事業の実 2", "施"], "随意契約 (公募)", "-", "-")]
    rows = {(r.block, r.rank): r.cells for r in _with_rank_runs(paragraphs(lines, 1), [])}
    a3, a4, a5 = rows[("A", 3)], rows[("A", 4)], rows[("A", 5)]
    assert (a3["name"], a3["amount"], a3["description"]) == ("合同会社大和総研", None, None)
    assert (a4["corporate_number"], a4["description"], a4["amount"], a4["contract_method"]) == \
        ("8654749300735", "ガイドラインの英訳作業", "0.4", None)
    assert (a5["corporate_number"], a5["amount"]) == ("1122881061630", "0.3")
    # the same block with a 計 the amounts read and the one apart do not make: rows 4 and 5 stay unknown
    lines = [("7.9" if ln == "7.4" else ln) for ln in lines]
    rows = {(r.block, r.rank): r.cells for r in _with_rank_runs(paragraphs(lines, 1), [])}
    assert (rows[("A", 4)]["amount"], rows[("A", 4)]["corporate_number"], rows[("A", 5)]["amount"]) == (None, None, None)


# a real-form variant's payee section as pdftotext wrote it (variant 68 of tests/fixtures/real_variants.py, blocks D-H
# relettered A-E, cut to the paragraphs that matter): the column reader reads block E's one row and leaves no note
# about the others, whose titles A.-D. stand in the text
GATE_SECTION = [
    'A.',
    '支出先',
    ['株式会社建設技術研究 6238922074 補助事業の実', '所', '598', '施'],
    '支出先',
    'B.',
    ['伊藤忠テクノソリュー 2262651923 定期刊行物の', 'ションズ(株)', '037', '購読'],
    '\x0c2',
    ['一般財団法人国際協力 1881938634 利用者の基本', '推進協会', '263', '的な権利の保', '障の在り方を', '巡る諸外国の', '法制度・実態', 'の調査、シス', 'テムの設計・', '開発及び運用', '保守'],
    '支出先',
    'C.',
    ['公益財団法人国際協力 9507906962 データ整備及', '推進協会', '517', 'び分析業務'],
    '2',
    'ぎょうせい株式会社',
    '\x0c3',
    ['7154320714 データ整備及', '217', 'び分析業務、', '実証事業の実', '施'],
    '4',
    ['一般社団法人地域活性 9783884543 実証事業の実', '化センター', '269', '施、機器の賃', '貸借'],
    '支出先',
    'D.',
    'E.',
    ['有限会社NECソリュー 1912232231 利用者の基本', 'ションイノベータ', '225', '的な権利の保', '障の在り方を', '巡る諸外国の', '法制度・実態', 'の調査、デー', 'タ整備及び分', '析業務'],
    '支出先',
    '職員旅費(職員A)',
    '-',
    ['タイムスタン', 'プ認定制度に', '関する調査'],
    '911',
]


def test_blocks_whose_title_stands_but_another_reader_left_unread_are_read_in_the_forms_order(tmp_path):
    from kg.extract.dispatch import extract_path

    doc = tmp_path / "sheet.pdftotext.txt"
    head = ["事業番号 0369", "", "平成27年度行政事業レビューシート ( 文部科学省 )", "", "事業名", "", "防災地域支援推進対策事業", "",
            "### 支出先上位10者リスト", ""]
    doc.write_text("\n".join(head + _paras(*GATE_SECTION)), encoding="utf-8")
    rows = {(p["block"], p["rank"]): p for p in extract_path(str(doc))["payees"]}
    assert set(rows) == {("A", 1), ("B", 1), ("B", 2), ("C", 1), ("C", 2), ("C", 3), ("C", 4), ("D", 1), ("E", 1)}
    assert [rows[k]["corporate_number"] for k in (("A", 1), ("B", 1), ("B", 2), ("C", 1), ("C", 4), ("D", 1))] == \
        ["6238922074598", "2262651923037", "1881938634263", "9507906962517", "9783884543269", "1912232231225"]
    # rank 3 right after rank 2's name alone, then a 法人番号 with no piece of a name: row 3's, or row 2's written
    # after the next rank (as a variant of the second producer prints it) — unknown
    assert rows[("C", 3)]["corporate_number"] is None
    assert (rows[("C", 2)]["name"], rows[("E", 1)]["name"], rows[("E", 1)]["amount"]) == \
        ("ぎょうせい株式会社", "職員旅費(職員A)", 911)
