"""Amounts of rows counted to the ranks taken from the section's figures in order (kg.extract.payee_boxes
._doubts_by_rises) when one of them may be an amount or an 入札者数 (「19 | 随意契約 (その他) | 12 | その他」, pdfminer.six's
text of a reportlab print, variant 1501's shape: two rows' names and 法人番号 stacked, then their 業務概要, then their
amounts and 契約方式): the one choice of such figures that falls down each block and rises at each block's first rank
gives the amounts (the rows' other cells then from the columns they were written in: payee_columns_pm)."""
from __future__ import annotations

from tests.unit.extract.test_payee_boxes import _read

HEADER_RL = ["支出先", "法人番号", "業務概要 支出額 \n(百万円\n)", "契約方式等", "入札者数 (応\n募者数)", "落札率",
             "一者応札・一者応募又は競争性\nのない随意契約となった理由及\nび改善策 (支出額10億円以上)"]


def _section(second_b: str) -> list[str]:
    return [
        "A.", "1", "2", "B", "1", "2", *HEADER_RL,
        "有限会社UQコ\nミュニケーショ\nンズ", "1332419178\n990", "会議等出\n席(諸謝金)", "21", "随意契約 (そ\nの他)", "-",
        "国立研究開発法\n人情報通信研究\n機構", "9832168838\n720", "ガイドラ\nインの英\n訳作業", "8.2", "一般競争契約 \n(最低価格)", "5",
        "94.4%", *HEADER_RL,
        "(株)野村総合研\n究所", "2998334892\n738", "合同会社ぎょう\nせい", "7413504991\n878", "タイムス\nタンプ認\n定制度に\n関する調\n査",
        "タイムス\nタンプ認\n定制度に\n関する調\n査", "19", "随意契約 (そ\nの他)", second_b, "その他", "-", "-", "--"]


def test_the_one_choice_that_falls_down_each_block_gives_the_amounts():
    notes: list = []
    rows = _read(_section("12"), notes)
    assert (rows[("A", 1)]["amount"], rows[("A", 2)]["amount"]) == ("21", "8.2"), notes
    got = [tuple(rows[("B", rank)][key] for key in ("name", "corporate_number", "amount")) for rank in (1, 2)]
    assert got == [("(株)野村総合研究所", "2998334892738", "19"), ("合同会社ぎょうせい", "7413504991878", "12")]


def test_no_amounts_when_the_doubtful_figure_would_rise_down_the_block():
    rows = _read(_section("25"))  # (25 after 19: an 入札者数, or the amounts are not the rows')
    assert ("B", 2) not in rows or rows[("B", 2)].get("amount") is None
