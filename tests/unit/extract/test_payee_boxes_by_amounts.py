"""Rows placed by their amounts when fewer rows are anchored than the run has ranks (kg.extract.payee_boxes._by_amounts):
choices of doubtful figures that differ only in which of equal figures is taken (a one-row block's amount and its 計,
「1.9 | … | 1.9 | 1.9」) place the rows alike — one placing, not an ambiguity (``_same_places``); and a rank placed by its
amount alone does not take the name and 業務概要 before that amount when a figure stands before their 「-」 boxes
(``_figure_before_dashes``: that figure may be their row's amount, written first). Boxes as pdfminer.six wrote them
for rv1321 (reportlab's print of a generated variant of the real form)."""
from __future__ import annotations

from tests.unit.extract.test_payee_boxes import _read

SECTION = [
    'A', '1', '2', 'B', '1.1 随意契約 (その', '-', '-', '-', '他)', '0.4 その他', '-', '--', '-', '1401661100235',
    '富士フイルムビジネスイノベーション株式会社', '株式会社野村総合研究所', '2416772226412', 'セキュリティ説明会の開催、定期刊行物の購読、ヘルプデスク業務',
    'システムの設計・開発及び運用保守、研修の企画運営', '0.8 その他', '-', '--', '0.2 一般競争契約 (最低価格)', '4', '-', '78.4%', '0.1 一般競争契約 (最低価格)',
    '4', '51.6%', '1', '2', '3', '5983016438553', '公益財団法人地方自治情報センター', '有限会社シー・エス・エス', '5979993476366',
    '千葉市 6000020121002', '機器の賃貸借、会議等出席(諸謝金)', '視察(旅費の支払)、ヘルプデスク業務、普及啓発コンテンツの作成',
    'タイムスタンプ認定制度に関する調査、利用者の基本的な権利の保障の在り方を巡る諸外国の法制度・実態の調査', '4', 'C', '1', 'D', '0', '-', '-', '-', 'Asia Wise法律事務所',
    'データ整備及び分析業務、システムの設計・開発及び運用保守、研修の企画運営', '1.4 その他', '-', '-', '有限会社TKC', '1122881061630',
    '研修の企画運営、システムの設計・開発及び運用保守', '1', '2', 'E', '1', '1.1 随意契約 (公募', '2', '-', '0.8 随意契約 (公募', '4', '-', '-', '-',
    'Asia Wise法律事務所', '国立大学法人東京大学', '1598058483954', '利用者の基本的な権利の保障の在り方を巡る諸外国の法制度・実態の調査、セキュリティ説明会の開催、実証事業の実施',
    '利用者の基本的な権利の保障の在り方を巡る諸外国の法制度・実態の調査', '1.9', '仙台市 8000020041009', '補助事業の実施', '1.9', '1.9', '-', '-', '-',
]


def test_equal_figures_taken_either_way_place_the_rows_once():
    rows = _read(SECTION)
    assert [(k, v["amount"]) for k, v in rows.items()] == [
        (("A", 1), "1.1"), (("A", 2), "0.4"), (("B", 1), "0.8"), (("B", 2), "0.2"), (("B", 3), "0.1"), (("B", 4), "0"),
        (("C", 1), "1.4"), (("D", 1), "1.1"), (("D", 2), "0.8"), (("E", 1), "1.9")]


def test_a_name_after_dashes_that_follow_a_figure_is_not_the_next_amounts_row():
    # (「0 | - | - | - | Asia Wise法律事務所 | 業務概要 | 1.4 その他」: B4's amount 0, name and 業務概要, then C1's 1.4 —
    # C1 is 有限会社TKC, not that name)
    rows = _read(SECTION)
    assert rows[("C", 1)].get("name") is None and rows[("C", 1)].get("description") is None
