"""Ranks pdfminer.six wrote right before their row's name and 法人番号, after the row before's 契約方式 or a figure
(LibreOffice prints of the real form; kg.extract.payee_boxes._named_ranks_tried). Boxes copied from generated
outputs."""
from __future__ import annotations

from tests.unit.extract.test_payee_boxes import HEADER, _read


def test_a_rank_after_a_contract_method_right_before_a_name_and_its_number_is_read_when_the_count_needs_it():
    """Three rows at a 法人番号 each, the run 「A. | 1 | 2」 and a 「3」 after rank 2's 契約方式, right before 京都市 and
    its 法人番号: read as rank 3 only because the run gives two ranks for three rows without it. The 3 is then no
    入札者数 of rank 2 (absent)."""
    notes: list = []
    rows = _read(["A.", "1", "2", *HEADER,
                  "有限会社丸紅", "6105387981124", "会議等出席(諸謝金)", "83", "一般競争契約 (最低価格)", "87.5%",
                  "富士通Japan株式会社", "5880825012060", "定期刊行物の購読", "35", "随意契約 (公募)", "3",
                  "京都市", "2000020261009", "視察(旅費の支払)", "9.9", "随意契約 (企画競争)", "-"], notes)
    assert [(k, v["corporate_number"], v["amount"]) for k, v in rows.items()] == [
        (("A", 1), "6105387981124", "83"), (("A", 2), "5880825012060", "35"), (("A", 3), "2000020261009", "9.9")]
    assert rows[("A", 2)]["bidders"] is None and rows[("A", 3)]["contract_method"] == "随意契約 (企画競争)"
    # with a rank 3 of its own in the run, the 3 after the 契約方式 is rank 2's 入札者数 as before
    rows = _read(["A.", "1", "2", "3", *HEADER,
                  "有限会社丸紅", "6105387981124", "会議等出席(諸謝金)", "83", "一般競争契約 (最低価格)", "87.5%",
                  "富士通Japan株式会社", "5880825012060", "定期刊行物の購読", "35", "随意契約 (公募)", "3",
                  "京都市", "2000020261009", "視察(旅費の支払)", "9.9", "随意契約 (企画競争)", "-"])
    assert rows[("A", 2)]["bidders"] == "3" and rows[("A", 3)]["corporate_number"] == "2000020261009"


def test_a_block_whose_only_rank_follows_the_block_befores_total_reads():
    """「… | 497 | 1 | 有限会社丸紅 | 6105387981124 | …」: block B's rank 1 after block A's 計, right before its row's
    name and 法人番号 (A's rows written after B's letter); without it block B has no rank and no row would read."""
    rows = _read(["A.", "1", "2", "B.", *HEADER,
                  "(株)OCS", "9266509082369", "視察(旅費の支払)", "356", "その他", "-",
                  "有限会社エヌ・ティ・ティ・データ経営研究所", "8192278147335", "セキュリティ説明会の開催", "141", "その他", "-",
                  "497", "1", "有限会社丸紅", "6105387981124", "セキュリティ説明会の開催", "1,177", "補助金等交付", "-",
                  "1,177"])
    assert [(k, v["corporate_number"], v["amount"]) for k, v in rows.items()] == [
        (("A", 1), "9266509082369", "356"), (("A", 2), "8192278147335", "141"), (("B", 1), "6105387981124", "1,177")]


# block A to E of a generated variant's LibreOffice print as pdfminer.six wrote it (header boxes left out)
AMOUNT_BEFORE_ROWS = [
    "A.", "1", "B.", "197", "セキュリティ説明会の開催", "-", "--", "-", "株式会社シー・エス・エス・有限会社ソフトバンク共同企業体", "72",
    "補助金等交付", "-", "--", "-", "1", "有限会社丸紅", "6105387981124", "利用者の基本的な権利の保障の在り方を巡る諸外国の法制度・実態の"
    "調査、視察(旅費の支払)", "2", "日本レジストリサービス(株)", "3986495467184", "27", "タイムスタンプ認定制度に関する調査", "1", "43.6%",
    "一般競争契約(総合評価)", "3", "京都市", "2000020261009", "3", "随意契約 (企画競争)", "-", "9.9", "定期刊行物の購読、ガイドラインの英訳"
    "作業、会議等出席(諸謝金)", "C.", "5983016438553", "補助事業の実施", "106", "-", "-", "公益財団法人地方自治情報センター", "1", "D.",
    "299", "一般競争契約(総合評価)", "1", "66.1%", "285", "-", "-", "1", "国立大学法人京都大学", "5272809854204", "2", "富士通Japan(株)",
    "5798369383662", "普及啓発コンテンツの作成、ガイドラインの英訳作業、タイムスタンプ認定制度に関する調査", "実証事業の実施、普及啓発コンテンツ"
    "の作成、諸外国の動向に関する文書の分析及び要約作業", "E.", "1", "2", "3", "4", "株式会社KDDI", "2940212508171", "定期刊行物の購読",
    "103", "2724836702288", "ヘルプデスク業務", "70", "(株)エヌ・ティ・ティ・データ経営研究所", "-", "-", "三菱総合研究所(株)",
    "9786621061439", "59", "セキュリティ説明会の開催", "-", "随意契約 (その他)", "三菱総合研究所株式会社", "8231867993342", "47",
    "視察(旅費の支払)", "2", "随意契約 (公募)", "--", "-", "-", "--", "-"]


def test_no_rank_is_taken_so_when_an_amount_stands_before_the_first_row():
    """「B. | 197 | 業務概要 | - | … | 共同企業体 | 72 | 補助金等交付」: an amount before any row's anchor (a row not
    anchored: its 業務概要 would be taken for the name of the row at the 「-」); the ranks before names are not taken
    and the rows stay unknown, with the note of the count."""
    notes: list = []
    assert _read(AMOUNT_BEFORE_ROWS, notes) == {}
    assert notes and "rows but" in notes[0][1]


def test_a_rank_after_a_contract_method_right_before_a_dash_and_a_payee_with_no_number_is_read_when_the_count_needs_it():
    """「その他 | 8 | - | joint venture | 業務概要 | 0.1 | 随意契約 (企画競争)」: rank 8 written after rank 7's 契約方式, right
    before the 「-」 and name of a payee with no 法人番号 (its cells following at once), and rank 9 after that row's
    入札者数, right before 静岡市 and its 法人番号: the run 「A | 1 … 7」 and the two give the nine rows their ranks, the
    amounts falling down them."""
    notes: list = []
    rows = _read(["A", *HEADER,
                  "有限会社甲システムズ", "5710985267279", "データ整備及び分析業務", "18", "随意契約 (その他)", "-",
                  "合同会社乙Japan", "6532482213394", "補助事業の実施", "10", "随意契約 (公募)", "3",
                  "丙マーケティング(株)", "1516991992312", "3", "認定制度に関する調査", "随意契約 (少額)", "-", "-", "-", "-",
                  "-", "合同会社丁研究所・有限会社戊研究所共同企業体", "視察(旅費の支払)", "2.6", "補助金等交付", "-", "--",
                  "-", "-", "1", "2", "3", "4", "5", "6",
                  "合同会社己イノベータ", "8586060720666", "ガイドラインの英訳作業", "1.8", "-",
                  "株式会社庚・辛株式会社共同企業体", "文書の分析及び要約作業", "0.6", "補助金等交付", "-", "-", "-", "--",
                  "-", "--", "--", "-", "7",
                  "東京都", "8000020130001", "ガイドラインの英訳作業", "0.3", "その他", "8", "-",
                  "合同会社壬・(株)癸コンサルタンツ共同企業体", "実証事業の実施", "0.1", "随意契約 (企画競争)", "5", "9",
                  "静岡市", "8000020221007", "定期刊行物の購読", "0", "随意契約 (企画競争)", "5", "-", "-"], notes)
    assert [(k, v["corporate_number"], v["amount"]) for k, v in rows.items()] == [
        (("A", 1), "5710985267279", "18"), (("A", 2), "6532482213394", "10"), (("A", 3), "1516991992312", "3"),
        (("A", 4), None, "2.6"), (("A", 5), "8586060720666", "1.8"), (("A", 6), None, "0.6"),
        (("A", 7), "8000020130001", "0.3"), (("A", 8), None, "0.1"), (("A", 9), "8000020221007", "0")]
    assert rows[("A", 8)]["name"] == "合同会社壬・(株)癸コンサルタンツ共同企業体" and rows[("A", 7)]["bidders"] is None
