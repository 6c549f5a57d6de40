"""主要政策・施策 of pdftotext's LibreOffice text (fresh variant 2087): the 担当部局庁 cell 「地球環境局」 written right
after the 主要政策・施策 label (its own label far above, 「担当部局」 over 「庁」) is a bureau's shape, no policy's: the
policy is not read as it (issue 17: never confidently wrong)."""
from __future__ import annotations

from kg.extract.review_text import label_fields
from kg.normalize.text import nfkc

_TEXT = ("事業番号 0304\n\n平成29年度行政事業レビューシート ( 農林水産省 )\n\n事業名\n\n調査人材育成データ活用国際協力事業\n\n"
         "事業開始年度\n\n昭和52年度\n\n会計区分\n\n一般会計\n\n担当部局\n庁\n\n作成責任者\n\n"
         "事業終了(予定) 終了予定なし 担当課室 河川計画課\n年度\n\n主要政策・施策\n\n地球環境局\n\n観光立国\n\n"
         "主要経費 社会保障\n\n事業の目的 (目指す姿 調査人材育成データ活用国際協力事業について、安定的かつ安全なシステムの維持を図る。\n")


def test_a_bureau_after_the_policy_label_is_no_policy():
    got = label_fields([nfkc(x) for x in _TEXT.split("\n")], 2017)
    assert got.get("major_policy") is None or got["major_policy"].value == "観光立国"
    assert got["major_expense"].value == "社会保障" and got["division"].value == "河川計画課"


def test_a_policy_after_its_label_is_read():
    text = _TEXT.replace("地球環境局\n\n観光立国", "観光立国")
    got = label_fields([nfkc(x) for x in text.split("\n")], 2017)
    assert got["major_policy"].value == "観光立国"
