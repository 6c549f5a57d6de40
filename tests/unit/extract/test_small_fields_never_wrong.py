"""Smaller fields of PDF text that the readers gave wrongly (issue 17: never confidently wrong), now right or
unknown by the form's labels: the 事業名 label after the sheet's title in one paragraph (pdfplumber, rv660), two
officials' title cells side by side (rv645). Each
excerpt is a few lines as the tool wrote them; values as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.review_pdf import extract
from kg.read.base import RawDoc


def _run(text: str) -> dict:
    return extract(RawDoc(path="real.txt", lines=text.split("\n")))


def test_the_sheet_title_above_the_name_label_is_no_part_of_the_name():
    # (pdfplumber, LibreOffice's print: the title's line right above 「事業名…」, the label glued to the name)
    rec = _run("令和3年度行政事業レビューシート (防衛省)\n事業名調査情報対策事業 担当部局生産局 作成責任者\n"
               "事業開 令和元年 事業終了終了予定なし担当課室企画課 課長 企画官 中村 美香\n始年度 度 (予定)年 佐々\n度 木 健\n太郎\n"
               "会計区 エネルギー対策特別会計\n分")
    assert rec["project_name"] == "調査情報対策事業"


def test_two_officials_title_cells_side_by_side_give_no_official():
    # (pdfplumber and pdftotext, LibreOffice's print, rv645: 「企画官 神門敦史」 and 「企画官 渡辺直子」 written as
    # 「企画官 企画官 渡辺直子」 over 「神門敦」 over 「史」: not an official 「企画官 企画官 渡辺直子」)
    rec = _run("令和5年度行政事業レビューシート (法務省)\n事業名 国際協力安全対策防災に関する調査研究 担当部局 道路局 作成責任者\n"
               "事業開始年度 令和4年度 事業終了(予 終了予定なし 担当課室 大学振興課 企画官 企画官 渡辺直子\n定)年度 神門敦\n史\n"
               "会計区分 一般会計")
    assert rec["responsible_officials"] == []
    assert any(w["code"] == "official_implausible" for w in rec["warnings"])
