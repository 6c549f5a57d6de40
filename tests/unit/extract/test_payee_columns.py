"""kg.extract.payee_columns: paragraph-per-cell payee tables whose cells are not in row order."""
from __future__ import annotations

from kg.extract.payee_columns import payee_columns
from kg.normalize.houjin import check_digit


def houjin(base12: str) -> str:
    return f"{check_digit(base12)}{base12}"


HEADER = ["支出先", "法人番号", "業務概要", "支出額 (百万円)", "契約方式等", "入札者数 (応募者数)", "落札率"]
CITY = houjin("000020131016")  # a 地方公共団体 (…000020 + 団体コード)
CORP_A, CORP_B = houjin("401234567890"), houjin("503456789012")


def cells(*texts: str) -> list[tuple[str, int, bool]]:
    return [(t, n, t in HEADER) for n, t in enumerate(texts, start=10)]


def test_rows_with_their_ranks_and_cells_out_of_order():
    # pdfminer's order: rank and name, then 法人番号 with 業務概要, amount + 契約方式, 入札者数 / 落札率 elsewhere
    got, unread = payee_columns(cells(
        "A.民間企業", *HEADER,
        "1 株式会社テスト商事", f"{CORP_A} 調査研究の請負", "1,250.5", "一般競争契約(最低価格)",
        "2", "千代田区", f"{CITY} 補助事業の実施", "38 補助金等交付 -",
        "3 個人(A)", "-", "研修の企画運営", "4", "随意契約(公募)",
        "2", "-", "1", "91%", "-", "73%"))
    assert unread == []
    assert [(r.block, r.rank, r.name, r.corporate_number, r.amount) for r in got] == [
        ("A", 1, "株式会社テスト商事", CORP_A, "1,250.5"),
        ("A", 2, "千代田区", CITY, "38"),
        ("A", 3, "個人(A)", "-", "4")]


def test_columns_printed_one_after_another_are_paired_in_order():
    got, unread = payee_columns(cells(
        "B.研究機関", *HEADER, "1", "2",
        "合同会社サンプル", "有限会社見本", CORP_A, CORP_B, "システム運用", "機器の賃貸借",
        "120", "95", "随意契約(企画競争)", "その他", "3", "-", "80%", "-"))
    assert unread == []
    assert [(r.rank, r.name, r.corporate_number, r.amount) for r in got] == [
        (1, "合同会社サンプル", CORP_A, "120"), (2, "有限会社見本", CORP_B, "95")]


def test_counts_that_disagree_leave_the_block_unread():
    # two names, two 法人番号, one amount: which row it belongs to is not established
    got, unread = payee_columns(cells(
        "A.民間企業", *HEADER, "1 合同会社サンプル", CORP_A, "2 有限会社見本", CORP_B,
        "120", "随意契約(企画競争)"))
    assert got == []
    assert unread and "block A" in unread[0][1]


def test_a_local_government_number_never_goes_with_a_company_name():
    got, unread = payee_columns(cells(
        "A.民間企業", *HEADER, "1 合同会社サンプル", f"{CITY} 調査", "50 その他", "2 横浜市", f"{CORP_A} 調査",
        "40 その他"))
    assert got == [] and "not of one kind" in unread[0][1]


def test_amounts_that_rise_down_the_list_are_not_paired():
    got, _ = payee_columns(cells(
        "A.民間企業", *HEADER, "1 合同会社サンプル", f"{CORP_A} 調査", "50 その他", "2 有限会社見本",
        f"{CORP_B} 調査", "70 その他"))
    assert got == []


def test_a_title_written_after_its_rows_takes_the_header_cut():
    # the tool wrote B's title after B's first row; each block has one table header starting at 支出先
    got, unread = payee_columns(cells(
        "A.民間企業", *HEADER, "1 合同会社サンプル", f"{CORP_A} 調査", "50 その他",
        *HEADER, "1 有限会社見本", f"{CORP_B} 調査", "B.研究機関", "70 その他"))
    assert [(r.block, r.rank, r.corporate_number, r.amount) for r in got] == [
        ("A", 1, CORP_A, "50"), ("B", 1, CORP_B, "70")]


def test_a_block_total_row_is_no_payee_and_no_amount():
    # a real sheet's block ends with its 計 row: neither a name nor an amount
    got, unread = payee_columns(cells(
        "A.民間企業", *HEADER, "1 合同会社サンプル", f"{CORP_A} 調査", "50 その他", "2 有限会社見本",
        f"{CORP_B} 調査", "20 その他", "計", "70", "B.研究機関", *HEADER, "1 横浜市", f"{CITY} 補助", "9 補助金等交付",
        "計 9"))
    assert unread == []
    assert [(r.block, r.rank, r.name, r.amount) for r in got] == [
        ("A", 1, "合同会社サンプル", "50"), ("A", 2, "有限会社見本", "20"), ("B", 1, "横浜市", "9")]


def test_text_between_two_runs_of_numbers_is_descriptions_then_names():
    # reportlab's boxes as pdfminer groups them: names, 法人番号, then the 業務概要 of those rows followed by the
    # next rows' names, their 法人番号 ... (one text cell per row each time: the counts settle the split)
    got, unread = payee_columns(cells(
        "A.民間企業", *HEADER, "1", "2", "3", "合同会社サンプル", CORP_A, "システム運用", "有限会社見本", "横浜市",
        CORP_B, CITY, "機器の賃貸借", "調査研究", "120", "95", "40", "その他", "随意契約(公募)", "補助金等交付"))
    assert unread == []
    assert [(r.rank, r.name, r.corporate_number, r.description, r.amount) for r in got] == [
        (1, "合同会社サンプル", CORP_A, "システム運用", "120"), (2, "有限会社見本", CORP_B, "機器の賃貸借", "95"),
        (3, "横浜市", CITY, "調査研究", "40")]


def test_rows_of_later_blocks_before_their_titles_leave_only_the_first_block_read():
    # pdftotext wrote block B's rows right after A's, B's title later: A's rows (up to the next printed rank 1)
    # are A's; B's rows, whose letter the order does not establish, are not read
    got, unread = payee_columns(cells(
        "A.民間企業", *HEADER, "1 合同会社サンプル", CORP_A, "調査", "50 その他", "2 有限会社見本", CORP_B, "調査",
        "20 その他", "1 横浜市", CITY, "補助", "9 補助金等交付", "B.地方公共団体", *HEADER))
    assert [(r.block, r.rank, r.name, r.amount) for r in got] == [
        ("A", 1, "合同会社サンプル", "50"), ("A", 2, "有限会社見本", "20")]


def test_two_titles_together_leave_the_rows_after_them_unread():
    # titles A and B written together, then rows: whose rows they are is not established
    got, _ = payee_columns(cells(
        "A.民間企業", "B.地方公共団体", *HEADER, "1 合同会社サンプル", CORP_A, "調査", "50 その他", "1 横浜市", CITY,
        "補助", "9 補助金等交付"))
    assert got == []


# real 法人番号 (国税庁 法人番号公表サイト): companies, and 地方公共団体 (check digit + 000020 + 団体コード)
FUJITSU, NEC, HITACHI = "1020001071491", "7010401022916", "7010001008844"
TOKYO, YOKOHAMA, KYOTO = "8000020130001", "3000020141003", "2000020261009"


def flagged(*texts: str) -> list[tuple[str, int, bool]]:
    """Cells with the header flag the section reader gives (a title glued to 支出先 is a header cell)."""
    words = ("支出先", "法人番号", "業務概要", "支出額", "契約方式", "入札者数", "落札率")
    return [(t, n, any(w in t for w in words)) for n, t in enumerate(texts, start=10)]


def test_left_columns_of_several_blocks_before_their_amounts_are_cut_by_their_own_headers():
    # pdftotext on a LibreOffice page of two blocks: the 法人番号 / 業務概要 columns of A and B (each under its
    # own header cell) come first, then A's amounts under its 支出額 header, then B's title, name and amount
    got, unread = payee_columns(flagged(
        "A.民間企業 支出先", "法人番号 業務概要",
        "1 富士通株式会社", FUJITSU, "システムの設計・開発及び運用保守業務",
        "2 横浜市", YOKOHAMA, "補助事業の実施",
        "法人番号 業務概要", "-", "研修の企画運営",
        "支出額 (百万円) 契約方式等", "1,067 一般競争契約(総合評価)", "入札者数 (応募 落札率 者数)", "3", "77%",
        "671 補助金等交付", "-", "-",
        "B.公益法人 支出先", "1 個人(A)", "支出額 (百万円) 契約方式等", "743 随意契約(企画競争)", "1"))
    assert unread == []
    assert [(r.block, r.rank, r.name, r.corporate_number, r.amount) for r in got] == [
        ("A", 1, "富士通株式会社", FUJITSU, "1,067"), ("A", 2, "横浜市", YOKOHAMA, "671"),
        ("B", 1, "個人(A)", "-", "743")]


def test_an_amount_written_with_its_row_before_the_blocks_amount_header_stays_with_the_row():
    # block B's only row written whole (name, 法人番号, 業務概要, amount) before B's 支出額 header: its amount is
    # B's, not A's (A's amount column then holds A's amount only)
    got, unread = payee_columns(flagged(
        "A.民間企業 支出先", "法人番号 業務概要", "1 日本電気株式会社", NEC, "機器の賃貸借",
        "支出額 (百万円) 契約方式等", "2,500 一般競争契約(最低価格)", "2", "88%",
        "法人番号 業務概要", "1 株式会社日立製作所", HITACHI, "調査研究の請負", "32 随意契約(公募) 1", "94%",
        "B.研究機関 支出先", "支出額 (百万円) 契約方式等", "5"))
    assert [(r.block, r.rank, r.corporate_number, r.amount) for r in got] == [
        ("A", 1, NEC, "2,500"), ("B", 1, HITACHI, "32")]
    assert unread == []


def test_amounts_by_their_shape_when_the_order_does_not_settle_them():
    # a column of amounts broken by 入札者数 (pdfminer): 1,250 and 980 cannot be ranks or 入札者数; 3 can
    got, unread = payee_columns(cells(
        "A.民間企業", *HEADER, "1", "2", "富士通株式会社", "日本電気株式会社", FUJITSU, NEC, "システム運用",
        "機器の賃貸借", "1,250", "3", "980", "-", "一般競争契約(最低価格)", "随意契約(公募)", "91%", "-"))
    assert unread == []
    assert [(r.rank, r.name, r.corporate_number, r.amount) for r in got] == [
        (1, "富士通株式会社", FUJITSU, "1,250"), (2, "日本電気株式会社", NEC, "980")]


def test_amounts_whose_order_and_shape_disagree_leave_the_block_unread():
    # by order 950 and 5 (a number before its 契約方式); by shape 950 and 120 (a 入札者数 of 120?): unknown
    got, unread = payee_columns(cells(
        "A.民間企業", *HEADER, "富士通株式会社", "日本電気株式会社", FUJITSU, NEC, "調査", "950", "運用", "5",
        "一般競争契約(最低価格)", "120", "91%"))
    assert got == []
    assert unread and "block A" in unread[0][1]


def test_interleaved_names_and_descriptions_split_by_the_one_labelling_that_fits():
    # three names, two 法人番号, two 業務概要, the third 法人番号 and 業務概要: each column in row order, a name
    # before its 法人番号 and a 業務概要 after it — only one split fits
    got, unread = payee_columns(cells(
        "A.民間企業", *HEADER, "1", "2", "3", "富士通株式会社", "東京都", "日本電気株式会社", FUJITSU, TOKYO,
        "ヘルプデスク業務", "補助事業の実施", NEC, "機器の賃貸借", "120", "95", "40", "その他", "補助金等交付",
        "随意契約(公募)"))
    assert unread == []
    assert [(r.rank, r.name, r.corporate_number, r.description, r.amount) for r in got] == [
        (1, "富士通株式会社", FUJITSU, "ヘルプデスク業務", "120"), (2, "東京都", TOKYO, "補助事業の実施", "95"),
        (3, "日本電気株式会社", NEC, "機器の賃貸借", "40")]


def test_interleaved_names_of_another_kind_than_their_numbers_leave_the_block_unread():
    # the same order, but the second name is a city and the second 法人番号 a company's: no split fits
    got, unread = payee_columns(cells(
        "A.民間企業", *HEADER, "1", "2", "3", "富士通株式会社", "京都市", "日本電気株式会社", FUJITSU, NEC,
        "ヘルプデスク業務", "補助事業の実施", HITACHI, "機器の賃貸借", "120", "95", "40", "その他", "補助金等交付",
        "随意契約(公募)"))
    assert got == []
    assert unread and "block A" in unread[0][1]


def test_an_individual_at_the_foot_of_a_page_goes_with_its_blocks_numbers():
    # 「2 個人(B)」 and its dash written under B's 法人番号 header at the foot of the page (its 業務概要 on the next
    # page, after the titles of later blocks): B's second row, not a row of the block whose 支出先 came last
    got, unread = payee_columns(flagged(
        "A.民間企業 支出先", "法人番号 業務概要", "1 富士通株式会社", FUJITSU, "調査研究の請負",
        "支出額 (百万円) 契約方式等", "2,500 一般競争契約(最低価格)", "2", "88%",
        "法人番号 業務概要", "1 日本電気株式会社", NEC, "機器の賃貸借", "69 補助金等交付", "1", "73%",
        "2 個人(B)", "-", "B.研究機関 支出先", "支出額 (百万円) 契約方式等", "研修の企画運営", "12 随意契約(公募)"))
    assert [(r.block, r.rank, r.name, r.corporate_number, r.amount) for r in got] == [
        ("A", 1, "富士通株式会社", FUJITSU, "2,500"), ("B", 1, "日本電気株式会社", NEC, "69"),
        ("B", 2, "個人(B)", "-", "12")]
    assert unread == []


# ------------------------------------------------------------------ a block's 計 (the sum of its amounts)

MRI, FUKUOKA = "6010001030403", "3000020401307"  # 株式会社三菱総合研究所, 福岡市


def small_amounts_block(total: str) -> list[tuple[str, int, bool]]:
    # pdfminer on a reportlab page of small amounts: the ranks, names, 法人番号 / 業務概要 interleaved, the 契約方式
    # column, 入札者数 and 落札率, then the amount column with the block's 計 under it (1 + 1 + 1 = 3)
    return cells(
        "A.研究機関", *HEADER, "1", "2", "3", "株式会社三菱総合研究所", MRI, "システムの設計・開発及び運用保守業務",
        "福岡市", "京都市", "計", FUKUOKA, "研修の企画運営", KYOTO, "研修の企画運営", "随意契約(公募)",
        "一般競争契約(最低価格)", "随意契約(公募)", "1", "3", "-", "85%", "92%", "-", "1", "1", "1", total)


def test_an_amount_column_with_its_total_under_it_gives_the_amounts():
    got, unread = payee_columns(small_amounts_block("3"))
    assert unread == []
    assert [(r.rank, r.name, r.corporate_number, r.amount, r.description) for r in got] == [
        (1, "株式会社三菱総合研究所", MRI, "1", "システムの設計・開発及び運用保守業務"),
        (2, "福岡市", FUKUOKA, "1", "研修の企画運営"), (3, "京都市", KYOTO, "1", "研修の企画運営")]


def test_an_amount_column_that_does_not_add_up_to_its_total_leaves_the_block_unread():
    got, unread = payee_columns(small_amounts_block("4"))  # 1 + 1 + 1 is not 4: which numbers are amounts?
    assert got == []
    assert unread and "block A" in unread[0][1] and "計" in unread[0][1]


def test_the_total_check_keeps_a_block_from_taking_the_previous_blocks_total_as_its_amount():
    # pdfminer wrote block I's 計 figure (1,686) after J's title; J's own amount (733) and 計 (733) come later.
    # Without the 計 check J's row took 1,686 (I's 計); with it, 1,686 is I's (its rows add up to it) and J's
    # amount is the number its 計 says.
    got, unread = payee_columns(cells(
        "I.研究機関", *HEADER, "1 日本電気株式会社", f"{NEC} 調査研究の請負", "1,686 その他", "計",
        "J.公益法人", "1,686", *HEADER, "1", "国立研究開発法人情報通信研究機構", HITACHI, "補助事業の実施", "計",
        "K.研究機関", "随意契約(企画競争)", "3", "74%", "733", "733",
        *HEADER, "1 富士通株式会社", f"{FUJITSU} 調査", "5 その他", "計 5"))
    assert unread == []
    assert [(r.block, r.rank, r.corporate_number, r.amount) for r in got] == [
        ("I", 1, NEC, "1,686"), ("J", 1, HITACHI, "733"), ("K", 1, FUJITSU, "5")]


def test_a_block_whose_total_its_amounts_do_not_make_is_unread():
    # rows in order, but the printed 計 (90) is not 50 + 20: one of the amounts is not what it seems
    got, unread = payee_columns(cells(
        "A.民間企業", *HEADER, "1 合同会社サンプル", f"{CORP_A} 調査", "50 その他", "2 有限会社見本",
        f"{CORP_B} 調査", "20 その他", "計 90"))
    assert got == []
    assert unread and "block A" in unread[0][1]


def test_a_total_written_on_at_the_end_of_the_last_contract_cell_is_no_part_of_it():
    # pdftotext: 「1,110 随意契約(企画競争)1,110」 — the row's amount, its 契約方式, then the block's 計
    got, unread = payee_columns(cells(
        "L.研究機関", *HEADER, "1 国立研究開発法人情報通信研究機構", HITACHI, "データ整備及び分析業務", "計",
        "1,110 随意契約(企画競争)1,110", "1", "71%"))
    assert unread == []
    assert [(r.corporate_number, r.amount, r.contract_method) for r in got] == [(HITACHI, "1,110", "随意契約(企画競争)")]


def page_split_block(total: str) -> list[tuple[str, int, bool]]:
    # pdfminer on a reportlab block that runs onto the next page: page 1's ranks, names interleaved with their
    # 法人番号 and 業務概要, its amount column, 契約方式, 入札者数 (with a dash) and 落札率; page 2's row written
    # whole (rank cell, name, 法人番号, 業務概要, amount, 契約方式), then the 計
    return cells(
        "A.研究機関", *HEADER, "1", "2", "富士通株式会社", "日本電気株式会社", FUJITSU, "機器の賃貸借", NEC,
        "調査研究の請負", "43", "33", "随意契約(企画競争)", "一般競争契約(総合評価)", "1", "-", "91%", "-",
        "3", "京都市", KYOTO, "研修の企画運営", "9", "その他", "-", "-", "計", total)


def test_amounts_written_in_pieces_that_add_up_to_the_total_make_the_rows():
    got, unread = payee_columns(page_split_block("85"))  # 43 + 33 + 9
    assert unread == []
    assert [(r.rank, r.name, r.corporate_number, r.amount) for r in got] == [
        (1, "富士通株式会社", FUJITSU, "43"), (2, "日本電気株式会社", NEC, "33"), (3, "京都市", KYOTO, "9")]


def test_amounts_written_in_pieces_that_do_not_add_up_leave_the_block_unread():
    got, unread = payee_columns(page_split_block("86"))
    assert got == [] and unread and "block A" in unread[0][1]


# ------------------------------------------------------------------ pdfminer text with the form's 計 rows

def test_a_total_written_after_the_next_blocks_title_confirms_the_block():
    # pdfminer: A's 計 label right after B's title, its figure (200 = 120 + 80) at the head of B's cells (B's
    # table header written elsewhere: only the title cut holds the blocks)
    got, unread = payee_columns(cells(
        "A.民間企業", *HEADER, "1 富士通株式会社", f"{FUJITSU} 調査研究の請負", "2 日本電気株式会社",
        f"{NEC} 機器の賃貸借", "120", "随意契約(企画競争)", "80", "一般競争契約(最低価格)",
        "B.研究機関", "計", "200", "1 株式会社日立製作所", f"{HITACHI} 研修の企画運営", "50 その他", "計 50"))
    assert unread == []
    assert [(r.block, r.rank, r.name, r.corporate_number, r.amount) for r in got] == [
        ("A", 1, "富士通株式会社", FUJITSU, "120"), ("A", 2, "日本電気株式会社", NEC, "80"),
        ("B", 1, "株式会社日立製作所", HITACHI, "50")]


def test_a_figure_at_the_head_of_the_next_block_that_is_not_the_sum_leaves_the_block_unknown():
    got, unread = payee_columns(cells(
        "A.民間企業", *HEADER, "1 富士通株式会社", f"{FUJITSU} 調査研究の請負", "2 日本電気株式会社",
        f"{NEC} 機器の賃貸借", "120", "随意契約(企画競争)", "80", "一般競争契約(最低価格)",
        "B.研究機関", "計", "210", "1 株式会社日立製作所", f"{HITACHI} 研修の企画運営", "50 その他", "計 50"))
    assert "A" not in {r.block for r in got}
    assert any("block A" in why for _, why in unread)


def test_titles_out_of_order_lend_no_total_from_the_next_block():
    # pdfminer wrote C's title (and the 計 label after it) before A's row; the 206 after B's title is A's 計.
    # Taken as C's 計 it would make A's row C's: with the titles out of order nothing is read
    got, _ = payee_columns(cells(
        "A.民間企業", *HEADER, "C.地方公共団体", "計", *HEADER, "1 日本電気株式会社", f"{NEC} 普及啓発事業の実施",
        "206", "一般競争契約(総合評価)", "3", "64%", "B.研究機関", "計", *HEADER, "206",
        "1 富士通株式会社", f"{FUJITSU} 調査研究の請負", "382 その他", "計 382"))
    assert not [r for r in got if r.block == "C"]
    assert all((r.block, r.corporate_number) != ("C", NEC) for r in got)


def test_rows_cut_at_their_printed_ranks_when_the_next_title_is_written_among_them():
    # pdfminer wrote B's title (and A's 計 label after it) between A's rows 1 and 2; A's 計 (11,296) after
    # its rows, then B's rank 1: the title and header cuts hold no block whole, the printed ranks 1 do
    got, unread = payee_columns(cells(
        "A.民間企業", *HEADER, "1 富士通株式会社", f"{FUJITSU} 調査研究の請負", "5,775", "一般競争契約(最低価格)",
        "B.研究機関", "計", *HEADER, "2 日本電気株式会社", f"{NEC} ヘルプデスク業務", "5,521", "随意契約(公募)",
        "11,296", "1 株式会社日立製作所", f"{HITACHI} 機器の賃貸借", "4,579 その他", "計", "4,579"))
    assert unread == []
    assert [(r.block, r.rank, r.corporate_number, r.amount) for r in got] == [
        ("A", 1, FUJITSU, "5,775"), ("A", 2, NEC, "5,521"), ("B", 1, HITACHI, "4,579")]


def test_rows_cut_at_their_printed_ranks_must_add_up_to_a_written_total():
    got, unread = payee_columns(cells(
        "A.民間企業", *HEADER, "1 富士通株式会社", f"{FUJITSU} 調査研究の請負", "5,775", "一般競争契約(最低価格)",
        "B.研究機関", "計", *HEADER, "2 日本電気株式会社", f"{NEC} ヘルプデスク業務", "5,521", "随意契約(公募)",
        "11,297", "1 株式会社日立製作所", f"{HITACHI} 機器の賃貸借", "4,579 その他", "計", "4,579"))
    assert "A" not in {r.block for r in got}
    assert any("block A" in why for _, why in unread)


def individual_after_other_rows(after_dash: str) -> list[tuple[str, int, bool]]:
    # pdfminer: the three names with their ranks, then 京都市's 法人番号, amount, 契約方式 and 入札者数, then the
    # individual's dash, its 業務概要 and amount, then 富士通's row; the 落札率 cells after them
    return cells(
        "A.民間企業", *HEADER, "1 京都市", "2", "個人(A)", "3 富士通株式会社", f"{KYOTO} 研修の企画運営",
        "475 補助金等交付 3", "-", after_dash, "436", "随意契約(公募)", "3", f"{FUJITSU} 普及啓発事業の実施",
        "389 その他", "86%", "67%", "80%", "計 1,300")


def test_an_individuals_dash_written_with_the_rest_of_its_row_is_its_corporate_number():
    got, unread = payee_columns(individual_after_other_rows("データ整備及び分析業務"))
    assert unread == []
    assert [(r.rank, r.name, r.corporate_number, r.amount) for r in got] == [
        (1, "京都市", KYOTO, "475"), (2, "個人(A)", "-", "436"), (3, "富士通株式会社", FUJITSU, "389")]


def test_a_dash_before_a_name_shaped_cell_is_no_individuals_number():
    # 「-」「横浜市」: the cell after the dash has a name's shape (a 市), so the dash may be a 落札率: unknown
    got, unread = payee_columns(individual_after_other_rows("横浜市"))
    assert got == [] and unread and "block A" in unread[0][1]


def amounts_after_the_next_block(total: str) -> list[tuple[str, int, bool]]:
    # pdfminer on a LibreOffice page break: A's rows 3 and 4 have no amount in A's cells; their amounts (228,
    # 203) and A's 計 come after B's row (the run of amounts the rest of A's rows lack)
    return cells(
        "A.民間企業", *HEADER, "1 京都市", f"{KYOTO} 補助事業の実施", "410 補助金等交付 1", "74%",
        "2 富士通株式会社", f"{FUJITSU} 機器の賃貸借", "299 その他", "3 日本電気株式会社", f"{NEC} 普及啓発事業の実施",
        "4 株式会社日立製作所", f"{HITACHI} データ整備及び分析業務",
        "B.研究機関", "計", *HEADER, "1 横浜市", f"{YOKOHAMA} 調査研究の請負", "733", "随意契約(企画競争)", "3",
        "74%", "228", "随意契約(企画競争)", "203", "随意契約(企画競争)", total, "計", "733")


def test_the_run_of_amounts_that_completes_a_block_to_its_total_gives_its_last_rows():
    got, unread = payee_columns(amounts_after_the_next_block("1,140"))  # 410 + 299 + 228 + 203
    assert unread == []
    assert [(r.block, r.rank, r.corporate_number, r.amount) for r in got] == [
        ("A", 1, KYOTO, "410"), ("A", 2, FUJITSU, "299"), ("A", 3, NEC, "228"), ("A", 4, HITACHI, "203"),
        ("B", 1, YOKOHAMA, "733")]


def test_a_run_of_amounts_that_does_not_complete_the_total_leaves_the_block_unknown():
    got, unread = payee_columns(amounts_after_the_next_block("1,141"))
    assert "A" not in {r.block for r in got}
    assert any("block A" in why for _, why in unread)


# ------------------------------------------------------------------ reportlab's boxes as pdfminer groups them

KOBE, NIIGATA, SAPPORO = houjin("000020281000"), houjin("000020151009"), houjin("000020011002")
SHIZUOKA, CHIBA = houjin("000020221007"), houjin("000020121002")


def mixed_numbers_block(bidders: tuple[str, str], total: str) -> list[tuple[str, int, bool]]:
    # the rank column, the names column, 法人番号 / 業務概要 in groups (an individual's dash among them), then the
    # amounts of rows 1-4 with their 入札者数 and no 契約方式 between them, the rank cell 「5」 before the last name,
    # its row, its amount and the block's 計 written after it (1-2 digit amounts, ranks and 入札者数 alike)
    return cells(
        "A.地方公共団体", *HEADER, "1", "2", "3", "4", "神戸市", "新潟市", "個人(C)", "札幌市", KOBE, NIIGATA,
        "調査研究の請負", "機器の賃貸借", "-", "研修の企画運営", SAPPORO, "調査研究の請負", "2", "1", "1", "1", "-", "-",
        *bidders, "随意契約(企画競争)", "随意契約(公募)", "補助金等交付", "一般競争契約(最低価格)", "-", "-", "92%",
        "94%", "5", "京都市", "計", KYOTO, "データ整備及び分析業務", "1", total, "補助金等交付", "2", "69%")


def test_amounts_among_ranks_and_bidders_are_the_one_falling_run_that_makes_the_total():
    # 2 + 1 + 1 + 1 + 1 = 6, and no other five of the numbers (2 1 1 1 2 5 5 1) fall and make 6
    got, unread = payee_columns(mixed_numbers_block(("2", "5"), "6"))
    assert unread == []
    assert [(r.rank, r.name, r.corporate_number, r.amount) for r in got] == [
        (1, "神戸市", KOBE, "2"), (2, "新潟市", NIIGATA, "1"), (3, "個人(C)", "-", "1"), (4, "札幌市", SAPPORO, "1"),
        (5, "京都市", KYOTO, "1")]


def bidders_before_amounts(bidders: tuple[str, str, str]) -> list[tuple[str, int, bool]]:
    # three rows; their 入札者数 written as a column before the amounts, each amount then its 落札率, the 計 label
    # and its figure 6 last (4 + 1 + 1)
    return cells(
        "A.民間企業", *HEADER, "1", "2", "3", "富士通株式会社", "日本電気株式会社", "株式会社日立製作所", FUJITSU, NEC,
        HITACHI, "機器の賃貸借", "調査研究の請負", "研修の企画運営", "随意契約(公募)", "その他", "一般競争契約(最低価格)",
        *bidders, "4", "80%", "1", "90%", "1", "70%", "計", "6")


def test_amounts_told_from_bidders_by_the_total_when_one_falling_run_makes_it():
    got, unread = payee_columns(bidders_before_amounts(("5", "-", "2")))  # 5 2 4 1 1: only 4 + 1 + 1 makes 6
    assert unread == []
    assert [(r.rank, r.corporate_number, r.amount) for r in got] == [(1, FUJITSU, "4"), (2, NEC, "1"), (3, HITACHI, "1")]


def test_amounts_two_falling_runs_could_make_leave_the_block_unknown():
    # 入札者数 3, 2, 1: 3 + 2 + 1 makes 6 as well as 4 + 1 + 1 — which numbers are amounts is not established
    got, unread = payee_columns(bidders_before_amounts(("3", "2", "1")))
    assert got == [] and "block A" in unread[0][1]


def test_a_total_no_falling_run_makes_leaves_the_block_unknown():
    got, unread = payee_columns(mixed_numbers_block(("2", "5"), "7"))
    assert got == [] and "block A" in unread[0][1]


def test_a_title_written_before_the_last_cells_of_the_block_before_leaves_them_to_that_block():
    # each row's rank, name and the block's 計 label, then the next block's title, then the row's 法人番号,
    # 業務概要, 契約方式, amount and 計 figure, then the next block's table header: the title cut would give B the
    # 法人番号 and amount of A's row (札幌市 with 静岡市's number); the header cut gives each block its own
    got, unread = payee_columns(cells(
        "A.地方公共団体", *HEADER, "1", "静岡市", "計", "B.研究機関", SHIZUOKA, "システムの設計・開発及び運用保守業務",
        "随意契約(公募)", "-", "-", "397", "397", *HEADER, "1", "札幌市", "計", "C.その他", SAPPORO, "ヘルプデスク業務",
        "随意契約(公募)", "1", "95%", "586", "586", *HEADER, "1", "千葉市", CHIBA, "機器の賃貸借", "485", "その他", "3",
        "67%", "計", "485"))
    assert [(r.block, r.rank, r.name, r.corporate_number, r.amount) for r in got] == [
        ("A", 1, "静岡市", SHIZUOKA, "397"), ("B", 1, "札幌市", SAPPORO, "586"), ("C", 1, "千葉市", CHIBA, "485")]
    assert unread == []


def test_individuals_dashes_written_as_a_column_are_their_corporate_numbers():
    # 「個人(B)」「個人(A)」 then their two dashes then their two 業務概要 (a run of dashes between text cells)
    got, unread = payee_columns(cells(
        "A.民間企業", *HEADER, "1", "2", "3", "株式会社三菱総合研究所", MRI, "普及啓発事業の実施", "個人(B)", "個人(A)",
        "-", "-", "研修の企画運営", "調査研究の請負", "計", "5", "-", "3", "一般競争契約(最低価格)", "その他",
        "随意契約(公募)", "80%", "-", "86%", "120", "40", "12", "172"))
    assert unread == []
    assert [(r.rank, r.name, r.corporate_number, r.amount) for r in got] == [
        (1, "株式会社三菱総合研究所", MRI, "120"), (2, "個人(B)", "-", "40"), (3, "個人(A)", "-", "12")]


def two_rank_columns(total: str) -> list[tuple[str, int, bool]]:
    # the block's rows (name, 法人番号, 業務概要, amount), its 計 figure, 契約方式, 入札者数, 落札率, then the block
    # before's rank column 1..4 and its own 1..3 written together, its 計 label last
    return cells(
        "C.研究機関", *HEADER, "国立研究開発法人情報通信研究機構", CORP_A, "調査研究の請負", "368", "横浜市", YOKOHAMA,
        "データ整備及び分析業務", "254", "一般財団法人日本情報処理開発協会", CORP_B, "研修の企画運営", "215", total,
        "一般競争契約(最低価格)", "一般競争契約(最低価格)", "随意契約(企画競争)", "5", "-", "2", "61%", "-", "77%",
        "1", "2", "3", "4", "1", "2", "3", "計")


def test_a_longer_rank_column_of_the_block_before_is_left_out_when_the_rows_make_the_total():
    got, unread = payee_columns(two_rank_columns("837"))  # 368 + 254 + 215
    assert unread == []
    assert [(r.rank, r.corporate_number, r.amount) for r in got] == [
        (1, CORP_A, "368"), (2, YOKOHAMA, "254"), (3, CORP_B, "215")]


def test_two_rank_columns_and_no_total_the_rows_make_leave_the_block_unknown():
    got, unread = payee_columns(two_rank_columns("838"))
    assert got == [] and "block C" in unread[0][1]


# pdftotext of a reportlab print (variant 469's last blocks): block G's rank 「1」 right after its title and right
# before its row's 契約方式, the row's name, 法人番号 and amount written before the titles
_RANK_BEFORE_METHOD = [
    ('1', 1202, False),
    ('株式会社KDDI', 1204, False),
    ('2940212508171', 1207, False),
    ('研修の企画運営、ガイドラインの英訳作業', 1209, False),
    ('149', 1212, False),
    ('-', 1214, False),
    ('--', 1216, False),
    ('-', 1218, False),
    ('2', 1220, False),
    ('地方公共団体情報システム機構', 1222, False),
    ('8725162049967', 1226, False),
    ('ガイドラインの英訳作業', 1228, False),
    ('64', 1231, False),
    ('-', 1233, False),
    ('-', 1235, False),
    ('-', 1237, False),
    ('3', 1239, False),
    ('(株)TKC', 1241, False),
    ('1616806177611', 1243, False),
    ('研修の企画運営', 1245, False),
    ('51', 1247, False),
    ('4', 1249, False),
    ('96%', 1251, False),
    ('-', 1253, False),
    ('支出先', 1255, True),
    ('法人番号', 1257, True),
    ('業務概要', 1259, True),
    ('支出額 (百万 契約方式等円)', 1261, True),
    ('入札者数 (応募者数)', 1264, True),
    ('落札率', 1267, True),
    ('一者応札・一者応募又は競争性のない随意契約となった理由及び改善策 (支出額10億円以上)', 1269, True),
    ('講師謝金(講師A)', 1272, False),
    ('-', 1275, False),
    ('諸外国の動向に関する文書の分析及び要約作業、会議等出席(諸謝金)、ガイドラインの英訳作業', 1277, False),
    ('516', 1283, False),
    ('-', 1285, False),
    ('-', 1287, False),
    ('-', 1289, False),
    ('支出先', 1291, True),
    ('法人番号', 1293, True),
    ('業務概要', 1295, True),
    ('支出額 (百万 契約方式等円)', 1297, True),
    ('入札者数 (応募者数)', 1300, True),
    ('落札率', 1303, True),
    ('一者応札・一者応募又は競争性のない随意契約となった理由及び改善策 (支出額10億円以上)', 1305, True),
    ('シー・エス・エス(株)', 1308, False),
    ('5220984241458', 1311, False),
    ('視察(旅費の支払)', 1313, False),
    ('267', 1315, False),
    ('1', 1317, False),
    ('-', 1319, False),
    ('その他', 1321, False),
    ('一般競争契約(最低価格)', 1323, False),
    ('F.', 1326, False),
    ('1', 1328, False),
    ('G.', 1330, False),
    ('1', 1332, False),
    ('随意契約 (公募)', 1334, False),
    ('H.', 1337, False),
    ('1', 1341, False),
    ('支出先', 1343, True),
    ('法人番号', 1345, True),
    ('業務概要', 1347, True),
    ('支出額 (百万 契約方式等円)', 1349, True),
    ('入札者数 (応募者数)', 1352, True),
    ('落札率', 1355, True),
    ('一者応札・一者応募又は競争性のない随意契約となった理由及び改善策 (支出額10億円以上)', 1357, True),
    ('個人(A)', 1360, False),
    ('-', 1362, False),
    ('補助事業の実施', 1364, False),
    ('432', 1366, False),
    ('-', 1368, False),
    ('--', 1370, False),
    ('-', 1372, False),
]


def test_a_rank_1_after_the_title_and_before_a_method_is_no_amount():
    got, _ = payee_columns(_RANK_BEFORE_METHOD)
    rows = {(r.block, r.rank): r for r in got}
    assert ("G", 1) not in rows or rows[("G", 1)].amount != "1"
    assert (rows[("F", 1)].name, rows[("F", 1)].amount) == ("講師謝金(講師A)", "516")
    assert (rows[("H", 1)].name, rows[("H", 1)].amount) == ("個人(A)", "432")


# pdftotext of a reportlab print (variant 060's block E): row 2 (an international body) has no 法人番号, row 3's is
# written after the block's cells, then a dash: in order, the number would go with row 2 and the dash with row 3,
# a 国立大学法人 — a registered body has its number
_DASH_FOR_A_REGISTERED_BODY = [
    ('-', 1091, False),
    ('E.', 1093, False),
    ('-', 1097, False),
    ('支出先', 1099, True),
    ('法人番号', 1101, True),
    ('業務概要', 1103, True),
    ('支出額 (百万円)', 1105, True),
    ('契約方式等', 1108, True),
    ('1', 1110, False),
    ('一般財団法人日本情報システム・ユーザー協会', 1112, False),
    ('5567726184720', 1120, False),
    ('機器の賃貸借', 1123, False),
    ('22', 1126, False),
    ('随意契約 (少 額)', 1128, False),
    ('-', 1130, False),
    ('2', 1132, False),
    ('国際連 合開発計画(UNDP)', 1134, False),
    ('補助事業の実施', 1138, False),
    ('18', 1141, False),
    ('随意契約 (企 2画競争)', 1143, False),
    ('-', 1146, False),
    ('3', 1148, False),
    ('国立大学法人東京大学', 1150, False),
    ('研修の企画運営、定期刊行物の購読', 1155, False),
    ('15', 1160, False),
    ('随意契約 (企 5画競争)', 1162, False),
    ('-', 1165, False),
    ('1598058483954', 1167, False),
    ('入札落札率者数 (応募者数)', 1170, True),
    ('支出先上位10者リスト欄についてさらに記載が必要な場合はチェックの上【別紙3】に記 チェック載', 1176, True),
    ('一者応札・一者応募又は競争性のない随意契約となった理由及び改善策 (支出額10億円以上)', 1181, True),
    ('-', 1184, False),
]


def test_a_dash_never_pairs_with_a_registered_bodys_name():
    got, _ = payee_columns(_DASH_FOR_A_REGISTERED_BODY)
    assert not [r for r in got if r.block == "E" and r.corporate_number in ("-", "1598058483954")]


def test_a_text_cell_right_before_a_contract_method_is_no_name():
    # reportlab's boxes as pdfminer.six grouped them (variant 1028, block E): the second payee's name written after
    # its cells; the text before 「随意契約(公募)」 is the first row's 業務概要, so the names do not pair with the
    # 法人番号 in order (were it a name, every later name and 業務概要 would stand a row off)
    got, unread = payee_columns(cells(
        "E.民間企業", *HEADER,
        "大阪府", "4000020270008", "27", "システムの設計・開発及び運用保守", "随意契約(公募)", "2",
        "7439961774119", "研修の企画運営", "21", "随意契約(その他)", "-",
        "有限会社日経BPマーケティング", "(株)ぎょうせい", "3857821378174", "ガイドラインの英訳作業", "6.4", "その他", "-",
        "計", "54.4"))
    assert not any(r.name == "システムの設計・開発及び運用保守" for r in got)
    assert not any(r.description == "(株)ぎょうせい" for r in got)


def test_one_name_written_after_its_own_number_still_pairs_in_order():
    # (the generated sheet02, LibreOffice, pdfminer.six: block B 「name4 | 法人番号4 | 法人番号5 | name5 | name6 |
    # 法人番号6」: one name a step behind, then even — in order each row's own; a name two ahead, 「name2 | name3 |
    # 法人番号1 | name1 | 法人番号2 | 法人番号3」 (fresh variant 2017, reportlab), is not)
    from kg.extract.payee_columns import _names_crossed
    assert not _names_crossed([0, 2, 4, 6, 9, 10, 12, 14], [1, 3, 5, 7, 8, 11, 13, 15])
    assert _names_crossed([0, 1, 3], [2, 4, 5])
