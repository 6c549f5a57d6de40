"""関連事業 rows of pdfminer.six's text when the 点検 column's text stands among the table's cells (kg/extract/
review_text.py ``related_by_shape``): its sentences before and after the table and the 行政事業レビュー推進チーム
column's choices (「事業内容の」「一部改善」「執行等改善」) after it are no names; the names are the cells of a name's
shape after the first ministry, up to the first sentence. Excerpt as the tool wrote it (rv857, LibreOffice's
print), values as the .xlsx record holds them."""
from __future__ import annotations

from kg.extract.review_text import label_lists
from kg.normalize.text import nfkc

_TEXT = (
    "関連事業\n\n○\n\n関連する事業があ\nる場合、他部局・\n他府省等と適切な\n役割分担を行って\nいるか。(役割分担\nの具体的な内容を\n"
    "各事業の右に記載)\n\n本事業は他の事業と適切に役割分担を行っている。\n\n所管府省名\n\n事業番号\n\n外務省\n\n13-0035\n\n国土交通省\n\n"
    "13-0381\n\n財務省\n\n13-0092\n\n事業名\n\n高度化人材育成システム運用事業\n\n人材育成防災システム運用事業\n\n調査地域データ活用事業\n\n"
    "点検・改善結果 点検結果\n\nこれらの事業の重要性は高い。\n\n改善の方向性\n\n予算の適切かつ効率的な執行に引き続き努めることとする。\n\n"
    "行政事業レビュー推進チームの所見\n\n事業内容の\n\n一部改善\n\n更なる経費の効率化を図り、適正な予算執行に努めること。\n\n"
    "所見を踏まえた改善点/概算要求における反映状況\n\n執行等改善\n\n備考\n\n関連する過去のレビューシートの事業番号\n\n平成22年度\n\n-")


def test_related_rows_read_up_to_the_check_columns_sentence():
    found = label_lists([nfkc(x) for x in _TEXT.split("\n")], 2014)
    assert found["related_projects"].value == [
        {"ministry": "外務省", "number": "13-0035", "name": "高度化人材育成システム運用事業"},
        {"ministry": "国土交通省", "number": "13-0381", "name": "人材育成防災システム運用事業"},
        {"ministry": "財務省", "number": "13-0092", "name": "調査地域データ活用事業"}]
