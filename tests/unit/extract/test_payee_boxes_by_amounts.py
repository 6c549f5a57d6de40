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


# variant 2349 as pdftotext wrote reportlab's print (paragraphs for boxes): block B's rank 「2」 after a page's number
# (「12 / 15」) is no rank the run counts, and block C's amount 「3」 is run into its 業務概要's lines (「視察(旅 3」「費の支
# 払)」), so the amounts counted (B2's 1.3 among them) are as many as the ranks counted — each the wrong rank's
HEAD = ['支出先 法人番\n号', '業務概\n要', '支出\n契約方式 入札 落札 一者応札・一者応募又は競争性のない随意契約となった\n額 (百 等\n者数 ( 率\n理由及び改善策 (支出額10億円以上)\n万円)\n応募\n者数)']
SECTION_2349 = [
    'A.', '1', *HEAD, 'シー・ 52209\nエス・ 84241\nエス( 458\n株)', '定期刊\n行物の\n購読', '0.3', *HEAD,
    '株式会 73022\n社日本 03114\nレジス 473\nトリサ\nービス', '利用者\nの基本\n的な権\n利の保\n障の在\nり方を\n巡る諸\n外国の\n法制度\n・実態\nの調査', '2.1',
    '随意契約 5\n(公募)', '-', 'B', '1', '一般競争 9\n契約 (最\n低価格)', '59.2 %', '12 / 15', '2',
    'Price water\nhouse\nCoop\ners\nLLP', '定期刊\n行物の\n購読', '1.3', '補助金等 交付', '--', *HEAD,
    '国立大 15980\n学法人 58483\n東京大 954\n学', '視察(旅 3\n費の支\n払)', *HEAD, '合同会 21627\n社UQ 59725\nコミュ 906\nニケー\nション\nズ',
    'タイム\nスタン\nプ認定\n制度に\n関する\n調査', '3.4', 'C', '1', '随意契約 (少額)', '--', '-', 'D', '1', '-', '--', '13 / 15', '-', '2',
    '特定非 66523\n営利活 86792\n動法人 274\n地域活\n性化セ\nンター', '研修の\n企画運\n営', '2', 'その他', '-', '--', '3', '個人(\nC)', '-',
    'ヘルプ\nデスク\n業務', '1.1', 'その他', '-', '-', *HEAD, '国立大 52728\n学法人 09854\n京都大 204\n学', 'ガイド\nライン\nの英訳\n作業', '3.9',
    'E', '1', '随意契約 4\n(公募)', '-', '14 / 15', '2', '公益財 53437\n団法人 57571\n全国地 346\n域情報\n化推進\n協会',
    '定期刊\n行物の\n購読、\n諸外国\nの動向\nに関す\nる文書\nの分析\n及び要\n約作業', '2.1', '随意契約 1\n(公募)', '-', '-',
]


def test_a_figure_run_into_a_text_box_leaves_the_amounts_unplaced():
    rows = _read(SECTION_2349)
    assert rows.get(("C", 1), {}).get("amount") is None  # (not B2's 1.3; its own 3 the text does not place)
    assert rows.get(("D", 1), {}).get("amount") is None  # (its 3.4 right only by a count gone wrong)
