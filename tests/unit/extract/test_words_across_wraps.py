"""PDF text cut where a narrow cell wrapped, told by the words across the join (issue 17: never confidently wrong):
a 事業名 whose last word the line below carries on (「…対策事」 over 「業 庁」) and a 根拠法令 citation of a 号 whose
条 went elsewhere. Excerpts as pdfplumber wrote fresh real-form variants 2325, 2335 and 2352 (LibreOffice print);
values as the variants' .xlsx records hold them."""
from __future__ import annotations

from kg.extract.review_pdf import extract
from kg.normalize.sudachi import word_goes_on
from kg.read.base import RawDoc


def _run(text: str) -> dict:
    return extract(RawDoc(path="real.txt", lines=text.split("\n")))


HEAD = "令和6年度行政事業レビューシート (総務省)\n"
REST = ("事業開始年度 平成27年度 事業終了(予 終了予定なし 担当課室 河川計画課 審議官 神門 恵\n定)年度\n会計区分 一般会計\n")


def test_a_name_whose_last_word_goes_on_below_is_unknown():
    # (variant 2335: 「…推進対策事」 glued to the 担当部局 label, 「業」 and the label's 「庁」 below — was read
    # 「データ活用基盤整備支援国際協力推進対策事」, its 業 lost)
    rec = _run(HEAD + "事業名 データ活用基盤整備支援国際協力推進対策事担当部局 情報流通行政局 作成責任者\n業 庁\n" + REST)
    assert rec["project_name"] is None
    assert any(w["code"] == "project_name_ambiguous" and "goes on below" in w["message"] for w in rec["warnings"])
    # the same row printed wide enough: the name whole on its line, the bureau read
    rec = _run(HEAD + "事業名 データ活用基盤整備支援国際協力推進対策事業 担当部局庁 情報流通行政局 作成責任者\n" + REST)
    assert rec["project_name"] == "データ活用基盤整備支援国際協力推進対策事業"
    assert rec["bureau"] == "情報流通行政局"


def test_a_word_goes_on_only_when_the_join_falls_inside_it():
    assert word_goes_on("地域支援普及啓発対策事", "業")  # 事業
    assert not word_goes_on("地域支援普及啓発対策事業", "局")  # (the label's or the bureau's piece: 事業 is whole)
    assert not word_goes_on("情報システム室", "")


def test_a_citation_of_an_item_with_no_article_is_left_out():
    # (variant 2352: 「…第4条及び第94条第2」 over 「(具体的な項第28号」 — the label's 「(具体的な」 between, 「第94条第2」
    # cut from its 項: the 号 28 was read alone as a citation)
    rec = _run(HEAD + "事業名 地域支援事業 担当部局庁 情報流通行政局 作成責任者\n" + REST +
               "根拠法令 軍事郵便貯金等特別処理法第4条及び第94条第2 関係する計サイバーセキュリティ戦略(平成30年3月6日閣議決定) "
               "デジタル社会の実現に向けた重点計画(平成27年\n(具体的な項第28号 画、通知等1月17日サイバーセキュリティ戦略本部決定) "
               "まち・ひと・しごと創生総合戦略(平成27年2月28日閣議\n条項も記 決定)\n載)\n主要政策 IT戦略 主要経費 その他の事項経費\n"
               "・施策")
    cites = [c for lb in rec["legal_bases"] for c in lb.get("citations") or []]
    assert {"item": "28"} not in cites
    assert all("article" in c or "chapter" in c or c.get("supplementary") for c in cites)
    assert any(w["code"] == "legal_base_implausible" and "names no article" in w["message"] for w in rec["warnings"])
