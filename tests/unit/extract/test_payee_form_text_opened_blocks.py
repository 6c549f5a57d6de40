"""Blocks of pdftotext's real-form text placed by the rank 「1」s that open them (kg.extract.payee_form_text
._openings, ._with_opened_blocks) when the runs of header cells outnumber the letters: the tool wrote a block's
first header cells, its ranks and names, then the header's other cells (block C: 「支出先」「法人番号」「1」「仙台市」「2」
「業務概要」 …), so the cells after them make a run of their own that opens no block. Each block starts at rank 1,
written first after header cells or right after the block's letter: when those 「1」s are as many as the letters,
the k-th opens the k-th block and the runs without one go on the block before; the blocks that read whole are
placed, the others stay unknown. The excerpt is pdftotext's text of the narrow print of a real-form variant
(tests/fixtures/real_variants.py), blocks A and D cut short."""
from __future__ import annotations

from tests.unit.extract.test_payee_form_text import _paras, _rows

HEADER = ["支出先", "法人番号", "業務概要", ["支出額 (百万円) 契約方式", "等"], ["入札者", "数 (応", "募者数", ")"],
          ["落札", "率"], ["一者応札・一者応募又は競争", "性のない随意契約となった理", "由及び改善策 (支出額10億円以", "上)"]]
A = ["A.", *HEADER,
     "1", "個人(A)", "-", ["ヘルプデスク業", "務"], "178", "その他", "-", "-", "-",
     "2", ["公益財団法人", "日本情報シス", "テム・ユーザ", "ー協会"],
     ["1598566169 諸外国の動向に", "269", "関する文書の分", "析及び要約作業", "、普及啓発コン", "テンツの作成、", "実証事業の実施"],
     "114", "その他", "-", "--", "-"]
B = ["1", "ぎょうせい(株)", ["5904550885 定期刊行物の購", "851", "読"], "482", ["随意契約", "(その他)"], "-", "--", "-",
     "2", ["講師謝金(講師", "B)"], "-",
     ["システムの設計", "・開発及び運用", "保守、機器の賃", "貸借、普及啓発", "コンテンツの作", "成"], "156",
     ["随意契約", "(企画競", "争)"], "1", "-", "-",
     "3", ["パシフィック", "コンサルタン", "ツ株式会社"], ["5449049654 普及啓発コンテ", "061", "ンツの作成"], "122", "その他",
     "-", "--",
     "4", ["柏屋本店株式", "会社・ぎょう", "せい(株)共同企", "業体"], "-", "60", ["随意契約", "(企画競", "争)"], "3", "-",
     "B.", ["諸外国の動向に", "関する文書の分", "析及び要約作業", "、実証事業の実", "施"]]
C = ["C.", "-", *HEADER[:2], "1", "仙台市", "2", *HEADER[2:],  # (C's ranks and names among its header cells)
     ["8000020041 タイムスタンプ", "009", "認定制度に関す", "る調査"], "532", ["一般競争", "契約 (最", "低価格)"], "6",
     "97.1%", ["株式会社三菱", "総合研究所"], ["3507087425 ヘルプデスク業", "308", "務"], "197", ["随意契約", "(その他)"],
     "-", "-", "-"]
D_ROWS = [["国際連合開発", "計画(UNDP)"], "-",
          ["定期刊行物の購", "読、システムの", "設計・開発及び", "運用保守、利用", "者の基本的な権", "利の保障の在り",
           "方を巡る諸外国", "の法制度・実態", "の調査"], "267", ["随意契約", "(その他)"], "-", "--", "-",
          "2", ["特定非営利活", "動法人日本デ", "ータ通信協会"], ["5533806538 ヘルプデスク業", "087", "務"], "125",
          ["一般競争", "契約 (総", "合評価)"], "9", "88.2%"]

def _section(d_rank=("1",)):
    return _paras(*A, *HEADER, *B, *C, *HEADER, *d_rank, *D_ROWS, "D.")


def test_blocks_placed_by_their_rank_1s_when_a_blocks_header_cells_hold_its_ranks():
    rows = _rows(_section())
    assert set(rows) == {("A", 1), ("A", 2), ("B", 1), ("B", 2), ("B", 3), ("B", 4), ("D", 1), ("D", 2)}
    d1, d2 = rows[("D", 1)], rows[("D", 2)]
    assert (d1["name"], d1["corporate_number"], d1["amount"], d1["contract_method"]) == \
        ("国際連合開発計画(UNDP)", None, "267", "随意契約 (その他)")
    assert (d2["name"], d2["corporate_number"], d2["description"], d2["amount"], d2["bidders"], d2["award_rate"]) \
        == ("特定非営利活動法人日本データ通信協会", "5533806538087", "ヘルプデスク業務", "125", "9", "88.2%")


def test_no_block_is_placed_by_rank_1s_fewer_than_the_letters():
    """Block D's 「1」 written elsewhere: three rank 「1」s open a block for four letters — which run of cells is
    whose, the count does not tell: D stays unknown."""
    rows = _rows(_section(d_rank=()))
    assert not {k for k in rows if k[0] == "D"}
    assert ("B", 4) in rows


# A print whose six blocks each have their run of header cells (as many runs as letters), block C's ranks and
# names written apart from its other cells, and the letters D, E, F written together after E's rows
HEADER6 = [
    "支出先", "法人番号", "業務概要", ["支出額", "(百万", "円)"], "契約方式等", ["入札者数 (応", "募者数)"], "落札率",
]
REASON = [["一者応札・一者応募又は競争性のない随意契約", "となった理由及び改善策 (支出額10億円以上)"]]


def _six():
    c_rows = [
        "1", ["公益社団法人", "電波産業会"], "2", ["28873809636", "94"], ["データ整備", "及び分析業", "務、補助事", "業の実施"], "0",
        ["一般競争契約", "(最低価格)"], "3", "65.8%", "講師謝金(講師 B)",
        ["タイムスタ", "ンプ認定制", "度に関する", "調査、セキ", "ュリティ説", "明会の開催", "、ガイドラ", "インの英訳", "作業"], "0",
        ["随意契約 (そ", "の他)"], "-", "--", "-",
    ]
    return _paras(
        "A", *HEADER6,
        "1", ["地方公共団体", "情報システム", "機構"], ["87251620499", "67"], ["ガイドライ", "ンの英訳作", "業"], "0.4",
        ["随意契約 (企", "画競争)"], "4", "-",
        *HEADER6,
        "1", ["公益社団法人", "地方自治情報", "センター"], ["65381108238", "19"],
        ["タイムスタ", "ンプ認定制", "度に関する", "調査、定期", "刊行物の購", "読"], "0.5", "その他", "-", "-",
        *HEADER6, *REASON, "B", *REASON, "-", "C", *REASON, *c_rows,
        *HEADER6, *REASON,
        "1", ["公益財団法人", "地域活性化セ", "ンター"], ["95263327456", "11"], ["ヘルプデス", "ク業務"], "0.4", "その他", "-", "-",
        *HEADER6, *REASON,
        "1", "大阪府", ["40000202700", "08"], ["システムの", "設計・開発", "及び運用保", "守、タイム", "スタンプ認", "定制度に関", "する調査"],
        "0.5", ["随意契約 (企", "画競争)"], "5", "-", "-",
        "D", "E", "F", *HEADER6,
        "1", "職員旅費(職員 A)", ["補助事業の", "実施、会議", "等出席(諸謝", "金)"], "0.4", ["随意契約 (そ", "の他)"], "-", "-",
        ["49286543368", "42"], *REASON, "-",
    )


def test_blocks_placed_one_by_one_when_the_runs_are_as_many_as_the_letters_but_one_block_does_not_read():
    """Block C's ranks and names are written before its other cells: C does not read whole, so counting gave
    nothing; each other block's run of cells, the k-th the k-th letter's, reads on its own."""
    rows = _rows(_six())
    d1, e1 = rows[("D", 1)], rows[("E", 1)]
    assert (d1["name"], d1["corporate_number"], d1["description"], d1["amount"], d1["contract_method"]) == \
        ("公益財団法人地域活性化センター", "9526332745611", "ヘルプデスク業務", "0.4", "その他")
    assert (e1["name"], e1["corporate_number"], e1["amount"], e1["bidders"]) == ("大阪府", "4000020270008", "0.5", "5")
    assert ("F", 1) in rows and ("E", 2) not in rows
