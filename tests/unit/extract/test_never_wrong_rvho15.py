"""Never confidently wrong (issue 17), on the variants 2200-2229 (held-out last session, now training) and helpers'
fresh sets: cells cut mid-word, whose rest the text wrote elsewhere, are left unknown. Each excerpt is a few lines
as the tool wrote them; values as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.review_text import label_fields
from kg.normalize.text import nfkc


def _lines(text: str) -> list[str]:
    return [nfkc(x) for x in text.split("\n")]


def test_a_division_cut_mid_word_glued_to_an_officials_title_is_unknown():
    # (pdfplumber, LibreOffice: the 担当課室 cell 「サイバーセキュリティ統括官(室)」 wraps after 「サイバーセキ」, its
    # first line glued to the 作成責任者 cell's 「企画官」; its rest 「ュリティ統括」 and 「官(室)」 stand on the two
    # lines below — no word starts with 「ュ」: the sheet's division is not 「サイバーセキ企画官」)
    lines = _lines("令和3年度行政事業レビューシート (国土交通省)\n"
                   "事業名 研究開発普及啓発に関する調査研究 担当部局 産業技術環境作成責任者\n局\n"
                   "事業開始年度 平成3年 事業終了(予 終了予定なし 担当課室 サイバーセキ企画官 伊藤敦史\n"
                   "度 定)年度 ュリティ統括\n官(室)\n会計区分 一般会計")
    got = label_fields(lines, 2021)
    assert "division" not in got
    assert got["accounts"].value == ["一般会計"]
    # (the same row whose division fits on its line is read)
    lines = _lines("令和3年度行政事業レビューシート (国土交通省)\n"
                   "事業名 研究開発普及啓発に関する調査研究 担当部局 産業技術環境作成責任者\n局\n"
                   "事業開始年度 平成3年 事業終了(予 終了予定なし 担当課室 技術調査課 企画官 伊藤敦史\n"
                   "度 定)年度\n会計区分 一般会計")
    got = label_fields(lines, 2021)
    assert got["division"].value == "技術調査課"
