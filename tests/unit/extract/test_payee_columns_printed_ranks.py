"""A block read by its table header's cut alone, unranked (kg.extract.payee_columns), is kept only when its rows count
as the ranks printed right after its title (pdfminer.six's text of a reportlab print, fresh variant 1852's shape:
「H. | 1 | I. | 1 | 2 | J. | 1 | 2」 bunched before the tables; block J's 「職員旅費(職員A) | - | 32」 not read as a row, so
the one row read, 沖縄県, would stand at rank 1 with the 入札者数 after 「機器の賃貸借 14」 for its amount)."""
from __future__ import annotations

from kg.extract.payee_columns import payee_columns
from tests.unit.extract.test_payee_columns import HEADER, cells

OKINAWA = "1000020470007"


def _section(j_ranks: list[str]) -> list[tuple[str, int, bool]]:
    return cells(
        "H.", "1", "I.", "1", "2", "J.", *j_ranks, *HEADER,
        "富士通Japan株式会社", "5880825012060", "データ整備及び分析業務", "4.6", "-", "-", "-", *HEADER,
        "札幌市", "9000020011002", "普及啓発コンテンツの作成", "36", "随意契約 (公募)",
        "(株)日立システムズ", "8286484397896", "研修の企画運営", "34", "随意契約 (企画競争)", "4", "4", "-", "-", *HEADER,
        "職員旅費(職員A)", "-", "32", "タイムスタンプ認定制度に関する調査", "随意契約 (企画競争)",
        "沖縄県", OKINAWA, "機器の賃貸借 14", "5", "-", "-")


def test_a_header_read_block_with_fewer_rows_than_its_printed_ranks_is_unread():
    got, unread = payee_columns(_section(["1", "2"]))
    assert [(r.block, r.rank, r.name) for r in got] == [
        ("H", 1, "富士通Japan株式会社"), ("I", 1, "札幌市"), ("I", 2, "(株)日立システムズ")]
    assert [why for _, why in unread if why.startswith("block J")]


def test_a_header_read_block_counting_as_its_printed_ranks_stays():
    got, _ = payee_columns(_section(["1"]))
    assert [(r.rank, r.name, r.corporate_number) for r in got if r.block == "J"] == [(1, "沖縄県", OKINAWA)]


def test_ranks_written_in_groups_count_nothing():
    # 「A. | 1 | 2 | 3 | 4 | KDDI株式会社 | 富士通株式会社 | … | 5 | 6 | 7」 (pdfminer.six's text of a reportlab print of
    # the generated sheet02: the rank column in groups, the block's 10 rows read whole by its header's cut)
    from kg.extract.payee_columns import Item, _ranks_printed

    def chunk(*texts: str) -> list:
        return [Item("num" if t.isdigit() else "name", t, k) for k, t in enumerate(texts)]

    grouped = chunk("1", "2", "3", "4", "KDDI株式会社", "富士通株式会社", "43", "33", "5", "6", "7", "8")
    assert _ranks_printed([("A", grouped)], "A") is None
    # a 「1」 alone is no group: the count stays 1 though 「2 | 3」 stand further down (入札者数, or another run)
    assert _ranks_printed([("G", chunk("1", "2,197", "1,971", "756", "1", "2", "3", "4"))], "G") == 1
    assert _ranks_printed([("J", chunk("1", "2", "沖縄県", "14", "5"))], "J") == 2
