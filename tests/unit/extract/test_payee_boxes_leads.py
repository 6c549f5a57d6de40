"""Payee rows of pdfminer.six's text of LibreOffice prints (kg.extract.payee_boxes) whose cells pdfminer.six wrote out
of the form's order: a row's amount and 契約方式 before its name (after the row before's right cells or the run), a
name after its 法人番号, a block's 計 right after its last 業務概要, a figure wrapped inside a group of digits. Boxes as
pdfminer.six wrote them for the generated variants of the real form (tests/fixtures/real_variants.py, printed by
LibreOffice); values as the sheets' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.payee_boxes import checked_by_amounts, payee_boxes
from kg.extract.review_text import payee_section_cells
from kg.normalize.text import nfkc_lines

HEADER = ["支出先", "法人番号", "業務概要", "支出額 (百万円)", "契約方式等", "入札者数 (応\n募者数)", "落札率",
          "一者応札・一者応募又は競争性のない随意\n契約となった理由及び改善策 (支出額10億\n円以上)"]


def _read(boxes: list[str], notes: list | None = None, checked: bool = False) -> dict:
    lines = ["### 支出先上位10者リスト", ""]
    for b in boxes:
        lines += [*b.split("\n"), ""]
    L = nfkc_lines(lines)
    got = payee_boxes(payee_section_cells(L, 1), notes if notes is not None else [], 1, lines) or []
    got = checked_by_amounts(got, []) if checked else got  # (as kg.extract.review_pdf keeps them)
    return {(r.block, r.rank): r.cells for r in got}


# four rows: rank 4's amount, 契約方式 and 入札者数 written after rank 3's 落札率, before rank 4's name; the block's 計
# (9,975 + 5,769 + 4,010 + 1,985) right after rank 4's 業務概要
LEAD_THEN_TOTAL = [
    "A.", "1", "2", "3", "4", *HEADER,
    "株式会社オリ\nエンタルコン\nサルタンツ", "1489512383\n040", "ヘルプ\nデスク\n業務", "9,975", "2", "49.1%",
    "一般競争契\n約 (総合評\n価)",
    "有限会社ITリ\nサーチ・アー\nト", "4343093012\n395", "会議等\n出席(諸\n謝金)", "5,769", "随意契約 \n(少額)", "-", "--", "-",
    "(株)富士フイル\nムビジネスイ\nノベーション", "5400748491\n370", "実証事\n業の実\n施", "4,010", "一般競争契\n約 (総合評\n価)", "8",
    "57.1% -", "1,985", "随意契約 \n(企画競争)", "3", "-",
    "株式会社ぎょ\nうせい", "4712581529\n914", "諸外国\nの動向\nに関す\nる文書\nの分析", "21,739"]


def test_an_amount_and_contract_written_before_the_next_row_s_name_are_that_row_s():
    rows = _read(LEAD_THEN_TOTAL)
    assert [rows[("A", n)]["amount"] for n in (1, 2, 3, 4)] == ["9,975", "5,769", "4,010", "1,985"]
    a3, a4 = rows[("A", 3)], rows[("A", 4)]
    assert (a3["corporate_number"], a3["contract_method"], a3["bidders"]) == ("5400748491370", "一般競争契約 (総合評価)", "8")
    assert (a4["name"], a4["corporate_number"], a4["contract_method"], a4["bidders"]) == \
        ("株式会社ぎょうせい", "4712581529914", "随意契約 (企画競争)", "3")


def test_a_figure_after_the_last_description_that_is_the_sum_of_the_block_is_its_total():
    """Without the 計 taken out, 21,739 would be rank 4's amount (larger than rank 3's: the block refused)."""
    rows = _read(LEAD_THEN_TOTAL)
    assert all(r["amount"] != "21,739" for r in rows.values()) and rows[("A", 4)]["amount"] == "1,985"
    # not the sum: a figure after a 業務概要 stays the row's own, rank 4 takes no lead, and its amount rising above rank
    # 3's leaves the block unknown
    assert _read([*LEAD_THEN_TOTAL[:-1], "21,740"])[("A", 4)].get("contract_method") is None
    assert _read([*LEAD_THEN_TOTAL[:-1], "21,740"], checked=True) == {}


def test_a_lead_is_not_taken_by_a_row_with_a_figure_of_its_own():
    """「… 57.1% | 1,985 | 随意契約 | 3 | - | name | 法人番号 | 業務概要 | 1,985」: the row's own figure; the one before its
    name stays the row before's (which then holds two amounts: its cells are unknown)."""
    rows = _read([*LEAD_THEN_TOTAL[:-2], "諸外国の動向", "1,985"])
    assert rows.get(("A", 4), {}).get("contract_method") != "随意契約 (企画競争)"


# the first row's name after its 法人番号 and amount; rank 3's name after its cells, then the run's 4 and 5, then
# rank 4's amount and 契約方式 before its name
NAME_AFTER_NUMBER = [
    "A.", *HEADER, "1", "2", "3",
    "92663241387\n35", "一般財団\n法人日本\nデータ通\n信協会", "30", "実証事業\nの実施、\n研修の企\n画運営",
    "随意契約 (その\n他)", "-", "--", "-",
    "岩手県", "40000200300\n07", "11", "データ整\n備及び分\n析業務", "-", "--",
    "97324668713\n18", "補助事業\nの実施", "9.6", "随意契約 (少額)", "-", "-", "有限会社\nオリエン\nタルコン\nサルタン\nツ",
    "4", "5", "2.8", "随意契約 (企画\n競争)", "1", "-",
    "(株)野村\n総合研究\n所", "29983348927\n38", "利用者の\n基本的な\n権利の保\n障の在り\n方を巡る",
    "有限会社\nパシフィ\nックコン\nサルタン\nツ", "16399345079\n12", "2.4", "システム\nの設計・\n開発及び\n運用保守",
    "一般競争契約 \n(最低価格)", "8", "58.8%"]


def test_a_row_whose_name_follows_its_number_has_its_amount_and_contract_and_no_description():
    rows = _read(NAME_AFTER_NUMBER)
    a1 = rows[("A", 1)]
    assert (a1["corporate_number"], a1["amount"], a1["contract_method"]) == ("9266324138735", "30", "随意契約 (その他)")
    assert a1["name"] is None and a1["description"] is None  # (which text box is the name: not established)
    assert (rows[("A", 2)]["name"], rows[("A", 2)]["amount"]) == ("岩手県", "11")  # (the rows after it read)
    a4 = rows[("A", 4)]
    assert (a4["name"], a4["corporate_number"], a4["amount"], a4["contract_method"], a4["bidders"]) == \
        ("(株)野村総合研究所", "2998334892738", "2.8", "随意契約 (企画競争)", "1")
    assert rows[("A", 5)]["amount"] == "2.4"


def test_a_row_whose_name_follows_its_number_is_not_read_so_when_the_next_row_has_no_figure():
    """「201 | その他 | 法人番号 | name | 業務概要 | 149 | 随意契約 | - | name | 法人番号 | 業務概要」: the 149 may be the next
    row's amount, written before its name (that row has none of its own); the first row's cells stay unknown."""
    rows = _read(["A", "1", "2", *HEADER, "201", "その他", "-", "--", "3713459582663", "合同会社オリエンタルコンサルタンツ",
                  "利用者の基本的な権利の保障", "149", "随意契約(少額)", "-", "-", "大和総研(株)", "1838760633822",
                  "研修の企画運営"])
    assert rows[("A", 1)]["corporate_number"] == "3713459582663" and rows[("A", 1)].get("amount") is None


def test_a_name_right_after_a_number_whose_row_has_no_right_cell_leaves_its_description_unknown():
    """「法人番号 | text | 0.8 | text | name | 法人番号」: the text after the number is the name or the 業務概要 (the next
    one then the other); neither is taken as the 業務概要."""
    rows = _read(["A", "1", "2", "3", "4", "5", *HEADER,
                  "83334289002\n29", "特定非営\n利活動法\n人日本規\n格協会", "研修の企画運営", "2.3", "随意契約 (その他)", "-",
                  "個人(B)", "-", "諸外国の動向に関す\nる文書の分析及び要\n約作業", "1.1", "随意契約 (企画競\n争)", "4",
                  "98321688387\n20", "国立研究\n開発法人\n情報通信\n研究機構", "0.8", "システムの設計・開\n発及び運用保守",
                  "株式会社\n丸紅", "49286543368\n42", "0.5", "タイムスタンプ認定\n制度に関する調査", "-", "-", "-",
                  "Pricewate\nrhouseCo\nopers LLP", "利用者の基本的な権\n利の保障の在り方を\n巡る諸外国の法制度", "0.2",
                  "随意契約 (企画競\n争)", "2", "--", "-"])
    a3 = rows[("A", 3)]
    assert (a3["corporate_number"], a3["amount"]) == ("9832168838720", "0.8")
    assert a3.get("description") is None and a3.get("name") is None
    assert (rows[("A", 2)]["name"], rows[("A", 2)]["contract_method"]) == ("個人(B)", "随意契約 (企画競争)")


def test_a_figure_wrapped_inside_a_group_of_digits_is_one_amount():
    rows = _read(["A.", "1", "2", *HEADER,
                  "2724836702288", "補助事業の実施", "28,14\n1", "補助金等交付 -", "-", "-",
                  "8654749300735", "補助事業の実施、データ整備", "15,72\n6", "一般競争契約(総合評価)", "9", "70.6%",
                  "(株)エヌ・ティ・ティ・データ経営研究所", "公益社団法人全国地域情報化推進協会", "計", "43,867"])
    assert [rows[("A", n)]["amount"] for n in (1, 2)] == ["28,141", "15,726"]


def test_no_name_is_guessed_before_an_amount_that_two_names_follow():
    """「- | text | 業務概要 | 7,600 | 随意契約 | - | name | name | 法人番号」: the text box before the amount may be the row
    before's name (written after its cells), this row's the first after it: rank 2 has its amount alone."""
    rows = _read(["A", "1", "2", "3", "4", "支出先 法人番号", "業務概要", "契約方式等", "支出額 \n(百万円\n)", "落札率",
                  "入札者\n数 (応募\n者数)", "一者応札・一者応募又は競争性のない随意契約\nとなった理由及び改善策 (支出額10億円以上)",
                  "6274982671\n305", "定期刊行物の購読", "15,64\n9", "随意契約 (公募\n)", "4", "-", "-",
                  "(株)伊藤忠\nテクノソ\nリューシ\nョンズ", "データ整備及び分\n析業務", "7,600", "随意契約 (少額\n)", "-", "--", "-",
                  "野村総合\n研究所\n(株)・\nNECソリ\nューショ\nンイノベ\nータ株式\n会社共同\n企業体", "ITリサー\nチ・アー\nト(株)",
                  "3202938518\n712", "ヘルプデスク業務 2,530", "随意契約 (公募\n)", "2", "講師謝金\n(講師D)", "-",
                  "定期刊行物の購読 1,471", "随意契約 (公募\n)", "2", "-", "-", "-", "-"])
    assert rows[("A", 2)] == {"amount": "7,600"}
    assert [rows[("A", n)]["amount"] for n in (1, 3, 4)] == ["15,649", "2,530", "1,471"]
    assert rows[("A", 4)]["name"] == "講師謝金(講師D)"


def test_a_number_between_the_description_and_the_contract_of_an_amount_first_row_is_its_bidders():
    """「220 | 業務概要 | 3 | 一般競争契約 | 45.5%」: the 3 is no second amount; the row reads (its 入札者数 not taken)."""
    rows = _read(["A", "1", "2", "3", *HEADER,
                  "職員旅費(職員\nA)", "-", "269", "視察(旅費の支\n払)、タイムス\nタンプ認定制\n度に関する調\n査", "-", "--",
                  "合同会社TKC 7399962", "678950", "研修の企画運\n営", "229", "随意契約 \n(企画競争)", "1", "-",
                  "株式会社大和\n総研", "7631313\n211121", "220", "実証事業の実\n施、会議等出\n席(諸謝金)", "3",
                  "一般競争契\n約 (総合評\n価)", "45.5% -"])
    a3 = rows[("A", 3)]
    assert (a3["name"], a3["corporate_number"], a3["amount"], a3["contract_method"], a3["award_rate"]) == \
        ("株式会社大和総研", "7631313211121", "220", "一般競争契約 (総合評価)", "45.5%")
    assert a3["description"] == "実証事業の実施、会議等出席(諸謝金)" and a3["bidders"] is None


def test_a_row_whose_boxes_do_not_read_but_hold_its_amount_does_not_blank_the_rows_after_it():
    """Rank 4's boxes hold two 契約方式 (「48 | 業務概要 | 随意契約 (その他) | 一般競争契約 (総合評価) | …」): its cells are
    unknown, but its amount stands in its own boxes, so rank 5's boxes are rank 5's."""
    rows = _read(["A.", "1", "2", "3", "4", "5", "6", *HEADER,
                  "(株)パシフィック\nコンサルタンツ", "19767921059\n78", "データ整備及び分析\n業務", "197", "補助金等交付 -",
                  "有限会社富士フイ\nルムビジネスイノ\nベーション", "58425372928\n09", "システムの設計・開\n発及び運用保守",
                  "154", "補助金等交付 -", "-", "-",
                  "(株)インテック", "74805613371\n97", "定期刊行物の購読 69",
                  "公益社団法人地方\n自治情報センター", "65381108238\n19", "48", "視察(旅費の支払)、\n利用者の基本的な権\n利の保障",
                  "随意契約 (その\n他)", "一般競争契約 \n(総合評価)", "-", "7", "--", "-", "46.6% -",
                  "エヌ・ティ・ティ\n・データ経営研究\n所株式会社", "51609021400\n14", "補助事業の実施、セ\nキュリティ説明会の\n開催",
                  "22", "一般競争契約 \n(最低価格)", "1", "70.8% -",
                  "一般社団法人地方\n自治情報センター", "23614092605\n91", "視察(旅費の支払)、\n諸外国の動向に関す\nる文書の分析",
                  "9.5", "随意契約 (少額)", "-", "--"])
    assert rows[("A", 3)]["amount"] == "69" and rows[("A", 4)].get("contract_method") is None
    a5 = rows[("A", 5)]
    assert (a5["name"], a5["corporate_number"], a5["amount"], a5["contract_method"]) == \
        ("エヌ・ティ・ティ・データ経営研究所株式会社", "5160902140014", "22", "一般競争契約 (最低価格)")
    assert (rows[("A", 6)]["corporate_number"], rows[("A", 6)]["amount"]) == ("2361409260591", "9.5")



def test_a_row_whose_name_follows_its_number_is_not_read_so_after_a_contract_written_before_its_number():
    """「32 | 随意契約 (少額) | - | - | 法人番号 | name | 業務概要 | 計 | 32」: the row's amount and 契約方式 stand before its
    number (the figure after its cells is the one-row block's 計); the number's row takes no figure after it."""
    rows = _read(["A.", "1", "支出先 法人番号", "業務概要", "支出額 (百万\n円)", "契約方式等 入札\n者数 \n(応募\n者数)", "落札\n率",
                  "一者応札・一者応募又は競\n争性のない随意契約となっ\nた理由及び改善策 (支出額\n10億円以上)",
                  "32", "随意契約 (\n少額)", "-", "-", "13324191\n78990", "有限会社\nUQコミ\nュニケー\nションズ",
                  "セキュリティ\n説明会の開催\n、利用者の基\n本的な権利の", "計", "32",
                  "B.", "1", "C.", "1", "59540917\n39611", "合同会社\nITリサー\nチ・アー\nト", "タイムスタン\nプ認定制度に",
                  "450", "随意契約 (\n公募)", "3", "-", "-", "計", "450"])
    assert all(r.get("corporate_number") != "1332419178990" for k, r in rows.items() if k != ("A", 1))
