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
