"""A column of ranks followed by as many text cells that may all be 業務概要 while the block holds as many legal
entities' names elsewhere (kg.extract.payee_columns._rank_run_names): pdfminer.six wrote the 業務概要 column right after
the ranks (「1」…「4」 「普及啓発コンテンツの作成」「データ整備及び分析業務」…, variant 1524 rl block C) — those cells are not the
names; with names of their own shape after the ranks they are."""
from __future__ import annotations

from kg.extract.payee_columns import payee_columns
from kg.normalize.houjin import check_digit
from tests.unit.extract.test_payee_columns import HEADER, cells


def _houjin(base12: str) -> str:
    return f"{check_digit(base12)}{base12}"


C1, C2, C3 = _houjin("968946035408"), _houjin("928654336842"), _houjin("538110823819")


def test_the_task_column_after_the_ranks_is_no_names():
    got, _ = payee_columns(cells(
        "C.", *HEADER, "1", "2", "3", "普及啓発コンテンツの作成", "データ整備及び分析業務", "研修の企画運営",
        C1, "有限会社野村総合研究所", "株式会社丸紅", C2, C3, "公益社団法人地方自治情報センター",
        "31,933", "随意契約 (企画競争)", "5", "26,590", "25,825", "随意契約 (その他)", "-", "-", "-", "-"))
    assert not any(r.name in ("普及啓発コンテンツの作成", "データ整備及び分析業務", "研修の企画運営") for r in got)


def test_names_after_the_ranks_are_the_names():
    got, _ = payee_columns(cells(
        "C.", *HEADER, "1", "2", "3", "有限会社野村総合研究所", "株式会社丸紅", "公益社団法人地方自治情報センター",
        C1, C2, C3, "普及啓発コンテンツの作成", "データ整備及び分析業務", "研修の企画運営",
        "31,933", "随意契約 (企画競争)", "5", "26,590", "随意契約 (その他)", "25,825", "随意契約 (その他)", "-", "-", "-",
        "計", "84,348"))
    assert [(r.rank, r.name, r.corporate_number) for r in got] == [
        (1, "有限会社野村総合研究所", C1), (2, "株式会社丸紅", C2), (3, "公益社団法人地方自治情報センター", C3)]
