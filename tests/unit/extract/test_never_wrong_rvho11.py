"""Wrong values pdfminer.six's text of the training variants 1300–1329 (tests/fixtures/real_variants.py) gave, each
now left unknown: a 法人番号 standing between two names (reportlab's print writes a row's name before its number or
after it), and a Latin name wrapped in several pieces. Excerpts built as pdfminer.six wrote them; values as the
variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.payee_bids import contracts_by_amount
from kg.extract.payee_boxes import _closes_unopened
from kg.extract.payee_columns import payee_columns
from kg.extract.payee_rows_text import PayeeRow
from kg.extract.review_pdf import _payees_plausible
from kg.records import new_record
from tests.unit.extract.test_payee_boxes import HEADER as BOX_HEADER
from tests.unit.extract.test_payee_boxes import _read

HEADER = ["支出先", "法人番号", "業務概要", "支出額 (百万円)", "契約方式等", "入札者数 (応募者数)", "落札率"]


def _cells(*texts: str) -> list[tuple[str, int, bool]]:
    return [(t, n, t in HEADER) for n, t in enumerate(texts, start=10)]


# variant 1312, reportlab: block A's cells, then 「PricewaterhouseCoopers LLP」 (no 法人番号), 1598058483954 and
# 「国立大学法人東京大学」 (whose number it is): the number was given to the first name
BLOCK_A = ["A.", *HEADER, "補助事業の実施", "1,379 随意契約 (", "-", "-", "少額)", "機器の賃貸借 982", "その他", "-", "--", "-",
           "-", "-", "PricewaterhouseCoopers LLP", "1598058483954"]


def test_columns_a_number_between_a_name_and_a_registered_bodys_name_leaves_the_block_unread():
    got, unread = payee_columns(_cells(*BLOCK_A, "国立大学法人東京大学"))
    assert got == [] and "1598058483954" in unread[0][1]
    # a 業務概要 after the number instead: the row's, and the number the name's before it
    got, unread = payee_columns(_cells(*BLOCK_A, "データ整備及び分析業務"))
    assert [(r.rank, r.name, r.corporate_number, r.amount) for r in got] == \
        [(1, "PricewaterhouseCoopers LLP", "1598058483954", "1,379")]


# variant 1323, reportlab: 「…共同企業体」 (no 法人番号), 9832168838720, 「国立研究開発法人情報通信研究機構」 (whose number it
# is), then the first row's amount 42: the number was given to the first row
def _boxes(after: str) -> list[str]:
    return ["A.", "1", "2", "3", *BOX_HEADER, "(株)野村総合研究\n所", "4010001054032", "タイムスタンプ認\n定制度に関する調\n査", "18",
            "一般競争契約 (総\n合評価)", "1", "83.3%", "-", *BOX_HEADER, "エアクレーレン(株)・\n有限会社NECソリュ\nーションイノベー\nタ共同企業体",
            "9832168838720", after, "12", "その他", "-", "--", "-", "データ整備及び分析業務", "9.5", "随意契約 (少額)", "-", "--"]


def test_boxes_a_number_in_a_run_of_names_with_one_name_more_is_unknown():
    notes: list = []
    rows = _read(_boxes("国立研究開発法人\n情報通信研究機構"), notes)
    a2 = rows[("A", 2)]
    assert (a2["corporate_number"], a2["description"], a2["amount"]) == (None, None, "12")
    assert rows[("A", 1)]["corporate_number"] == "4010001054032"
    assert any("9832168838720" in m for _, m in notes)
    # a 業務概要 after the number: the run ends in a number's row, the number stays the name's before it
    rows = _read(_boxes("セキュリティ説明\n会の開催"))
    assert rows[("A", 2)]["corporate_number"] == "9832168838720"


def test_a_latin_name_wrapped_in_several_pieces_is_joined_where_no_space_ends_the_line():
    # (pdfminer.six, reportlab: 「Pricew」「aterhou」「seCoop」「ers LLP」, no line ending in a space: one word; the
    # pieces' spaces were read one pair of words in two, 「Pricewaterhou seCoopers LLP」)
    raw = ["1", "", "Pricew", "aterhou", "seCoop", "ers LLP", "", "Asia ", "Wise法律事務所"]
    rec = new_record("review_sheet", "x")
    rec["payees"] = [{"block": "A", "rank": 1, "name": "Pricew aterhou seCoop ers LLP", "corporate_number": None,
                      "description": None, "amount": 1379, "contract_method": None}]
    rec["provenance"]["spans"]["payees[A|1]"] = [3, 6]
    _payees_plausible(rec, [x.strip() for x in raw], raw)
    assert rec["payees"][0]["name"] == "PricewaterhouseCoopers LLP"


def test_columns_a_name_after_a_dash_followed_by_its_number_pairs_in_order():
    # (variant 26, reportlab: 「委員謝金(委員A)」「-」「大和総研(株)」「1838760633822」: as many numbers as names)
    got, unread = payee_columns(_cells(
        "A.", "1", "2", "B.", "1", *HEADER, "委員謝金(委員A)", "-", "大和総研(株)", "1838760633822", "438", "その他", "-", "253",
        "随意契約 (企画競争) 3", "-", "-", "-", "視察(旅費の支払)", "ガイドラインの英訳作業、諸外国の動向に関する文書の分析及び要約作業",
        *HEADER, "公益財団法人国際協力推進協会", "9507906962517", "利用者の基本的な権利の保障の在り方を巡る諸外国の法制度・実態の調査",
        "3,387", "随意契約 (少額)", "-", "-"))
    assert [(r.block, r.rank, r.name, r.corporate_number, r.amount) for r in got if r.block == "A"] == \
        [("A", 1, "委員謝金(委員A)", "-", "438"), ("A", 2, "大和総研(株)", "1838760633822", "253")]


def test_a_text_box_closing_a_bracket_it_did_not_open_is_no_name():
    # (variant 1700, reportlab: 「4948642347726 会議等出席(」 | 5,012 | その他 | 「諸謝金)」 | 「6654994839743 実証事業の実」:
    # the 業務概要's wrapped rest was taken for the next row's name, 「特定非営利活動法人電波産業会」 in the .xlsx)
    assert _closes_unopened("諸謝金)") and _closes_unopened("費)、会議等出席(諸謝金)")
    assert not _closes_unopened("会議等出席(諸謝金)") and not _closes_unopened("国際連合開発計画(UNDP)")
    assert not _closes_unopened("(株)建設技術研究所") and not _closes_unopened("建設技術研究所(株)")


def test_a_method_after_a_column_of_amounts_is_not_the_last_amounts():
    # (variant 1716, reportlab: block L's 「162」「151」「補助」「金等」「交付」: the amounts written as a column, the one
    # 契約方式 after them row 1's (the .xlsx: 162 補助金等交付, 151 none); it was given to 151)
    rows = [PayeeRow("L", 1, {"name": "千葉市", "amount": "162"}, 1, False),
            PayeeRow("L", 2, {"name": "静岡市", "amount": "151"}, 2, False)]
    texts = ["162", "151", "補助金等交付", "-", "-", "--", "-", "-", "1", "千葉市", "2", "静岡市", "ヘルプデスク業務"]
    assert [r.cells.get("contract_method") for r in contracts_by_amount(texts, rows)] == [None, None]
    # (each amount with its own 契約方式 after it, a 業務概要 between: each row's)
    texts = ["162", "その他", "ヘルプデスク業務", "151", "補助金等交付", "-"]
    assert [r.cells.get("contract_method") for r in contracts_by_amount(texts, rows)] == ["その他", "補助金等交付"]


def test_boxes_a_name_between_two_numbers_after_a_nameless_row_is_unknown():
    # (variant 1705, LibreOffice: 「3249670437519」「国立研究開発法人産業技術総合研究所」「6756387188158」: the name is the
    # row before's, written after its number (the .xlsx: rank 2's; rank 3 is 「合同会社パシフィックコンサルタンツ」, written
    # after its row's cells) — it was given to rank 3)
    rows = _read(["A.", "1", "2", "3", *BOX_HEADER, "6459125400924", "データ整備及び分析業務", "一般財団法人全国地域情報化推進協会",
                  "1,920", "補助金等交付 -", "-", "-", "補助事業の実施", "1,668", "一般競争契約(最低価格)", "3", "70.2%",
                  "3249670437519", "国立研究開発法人産業技術総合研究所", "6756387188158", "普及啓発コンテンツの作成", "685", "その他",
                  "-", "-", "合同会社パシフィックコンサルタンツ"])
    assert rows[("A", 3)]["corporate_number"] == "6756387188158" and rows[("A", 3)]["name"] is None
    assert rows[("A", 2)]["corporate_number"] == "3249670437519"


def test_boxes_a_count_made_by_a_lost_row_and_a_made_up_one_leaves_the_block_unknown():
    # (variant 1710, reportlab: 「Asia Wise法律事務所」「-」 after row 1's cells — a payee with no 法人番号 — was left out as
    # a stray 「-」, while the 「-」 after 「定期刊行物の購読、…」 (a 業務概要 list) anchored a row: the count held and
    # rank 2 became 「国立大学法人東京大学」 1598058483954 with 831, which are rank 3's name and number and rank 2's amount)
    rows = _read(["A.", "1", "2", "3", *BOX_HEADER, "講師謝金(講師A)", "-", "諸外国の動向に関する文書の分析及び要約作業、セキュリティ説明会の開催",
                  "1,115", "一般競争契約 (総合評価)", "6", "41% -", "Asia Wise法律事務所", "-", "国立大学法人東京大学",
                  "1598058483954", "831", "282", "普及啓発コンテンツの作成", "定期刊行物の購読、諸外国の動向に関する文書の分析及び要約作業",
                  "-", "-", "-", "-", "随意契約 (公募)", "4", "-"])
    # (the 「-」 after the two 業務概要 written as a column after the two amounts is a right cell, no anchor: the
    # count then holds with Asia Wise's 「-」, and the rows read as the variant's .xlsx holds them)
    assert (rows[("A", 2)]["name"], rows[("A", 2)]["corporate_number"], rows[("A", 2)]["amount"]) == \
        ("Asia Wise法律事務所", None, "831")
    assert (rows[("A", 3)]["name"], rows[("A", 3)]["corporate_number"], rows[("A", 3)]["amount"]) == \
        ("国立大学法人東京大学", "1598058483954", "282")
