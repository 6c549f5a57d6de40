"""Blocks of pdfminer.six's text read as columns (kg.extract.payee_columns) that the cells' own shapes leave
unread: a name column holding 「--」 (two right cells' dashes run together), a name standing between the row
before's 法人番号 and its amount (that row's 業務概要 in the form's order), a figure after a legal entity's name (a
rank written after its row's name, no amount). Excerpts built as pdfminer.six wrote real-form variants' text."""
from __future__ import annotations

from kg.extract.payee_columns import payee_columns

HEADER = ["支出先", "法人番号", "業務概要", "支出額 (百万円)", "契約方式等", "入札者数 (応募者数)", "落札率"]


def _cells(*texts: str) -> list[tuple[str, int, bool]]:
    return [(t, n, t in HEADER) for n, t in enumerate(texts, start=10)]


def _rows(*texts: str) -> list[tuple]:
    got, _ = payee_columns(_cells(*texts))
    return [(r.block, r.rank, r.name, r.corporate_number, r.amount) for r in got]


def test_a_name_between_the_row_befores_number_and_amount_leaves_the_block_unread():
    # (reportlab's print: 「ガイドラインの英訳作業」 is A1's 業務概要, 「PricewaterhouseCoopers LLP」 A2's name; read as
    # columns A2's name was the 業務概要)
    rows = _rows("A.", "1", "2", *HEADER, "公益社団法人地方自治情報センター", "6538110823819", "ガイドラインの英訳作業", "39",
                 "随意契約 (企画競争)", "-", "Pricewaterho useCoopers LLP", "31", "随意契約 (公募)",
                 "システムの設計・開発及び運用保守、機器の賃貸借、会議等出席(諸謝金)", "3", "1", "-", "-",
                 "B.", *HEADER, "1", "横浜市", "3000020141003", "視察(旅費の支払)", "29", "随意契約 (企画競争)", "2", "-")
    assert not any(r[2] == "ガイドラインの英訳作業" for r in rows), rows
    assert ("B", 1, "横浜市", "3000020141003", "29") in rows


def test_a_figure_after_a_legal_entitys_name_is_no_amount():
    # (LibreOffice's print: D1's amount 38 run into its 業務概要's box, its name after its cells, then its rank 1)
    rows = _rows("C.", *HEADER, "1", "有限会社OCS", "3390109712155", "ヘルプデスク業務", "8.8", "一般競争契約 (最低価格)",
                 "2", "59%", "D.", *HEADER, "-", "機器の賃貸借 38", "その他", "-", "--", "-",
                 "有限会社OCS・株式会社伊藤忠テクノソリューションズ共同企業体", "1")
    assert not any(r[0] == "D" for r in rows), rows
    assert ("C", 1, "有限会社OCS", "3390109712155", "8.8") in rows


def test_dashes_run_together_in_a_column_of_names_leave_the_block_unread():
    # (reportlab's print: 「--」 and F1's name before F1's and F2's 法人番号, F2's name after them)
    rows = _rows("F.", *HEADER, "0.8", "随意契約 (少額)", "-", "-", "-", "0.3", "その他 -", "--", "株式会社三菱総合研究所",
                 "3507087425308", "6652386792274", "特定非営利活動法人地域活性化センター", "データ整備及び分析業務、会議等出席(諸謝金)",
                 "研修の企画運営、諸外国の動向に関する文書の分析及び要約作業", "1", "2")
    assert not any(r[2] in ("--", "株式会社三菱総合研究所") for r in rows), rows
