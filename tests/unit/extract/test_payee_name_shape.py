"""Row-style payee rows whose last lines hold one piece each, the name and 業務概要 columns about as wide (pdfplumber's
lines of real-form variants 320-349 printed narrow by LibreOffice): the pieces are all one cell's (the other
ended), and the name read before them settles which by its shape (kg.extract.payee_wraps.settled_by_shape); main
left both cells unknown."""
from __future__ import annotations

from kg.extract import payee_wraps
from tests.unit.extract.test_payee_rows_real_form import _rows  # (the section's rows by block and rank)

HEADER = ["支出先 法人番号 業務概要 支出額 (百万 契約方式等 入札者数 (応 落札率 一者応札・一者応募又は競争性のない随意契約と"
          "なった理由及び改善策 (支出額10億円以上)", "円) 募者数)"]
NARROW = ["支出先 法人番号 業務概要 支出額 契約方式 入札落札 一者応札・一者応募又は競争性のない随意契約とな",
          "(百万円等 者数 率 った理由及び改善策 (支出額10億円以上)", ") (応", "募者", "数)"]


def test_a_whole_name_leaves_the_lines_of_one_piece_to_the_description():
    rows = _rows(["E", *HEADER, "1 一般財団法 9266324138735 視察(旅費の 41 随意契約 (少額) - - -", "人日本デー 支払)、定期",
                  "タ通信協会 刊行物の購", "読、セキュ", "リティ説明", "会の開催"])
    e = rows[("E", 1)]
    assert (e["name"], e["description"]) == ("一般財団法人日本データ通信協会",
                                             "視察(旅費の支払)、定期刊行物の購読、セキュリティ説明会の開催")
    assert (e["corporate_number"], e["amount"]) == ("9266324138735", "41")


def test_a_name_that_ends_as_a_body_with_the_pieces_takes_them():
    rows = _rows(["F", *NARROW, "1 Asia Wise- 定期刊行 1,955 随意契約 1 - -", "法律事務 物の購読 (公募)", "所",
                  "2 公益財団 598301643会議等出 1,285 - -", "法人地方 8553 席(諸謝金)", "自治情報", "センター", "計 3,240"])
    f = rows[("F", 2)]
    assert (f["name"], f["corporate_number"], f["description"]) == ("公益財団法人地方自治情報センター", "5983016438553",
                                                                     "会議等出席(諸謝金)")


def test_shapes_that_settle_nothing():
    # a legal form alone starts a name (「有限会社」+「富士通Japan」); a Latin word cut at the break; a name that may
    # go on (「…(株)」+「共同企業体」 ends as a body's name too)
    assert payee_wraps.settled_by_shape("有限会社", ["富士通", "Japan"]) is None
    assert payee_wraps.settled_by_shape("Pricewaterho", ["useCoopers", "LLP"]) is None
    assert payee_wraps.settled_by_shape("エアクレーレン(株)・建設技術研究所(株)", ["共同企", "業体"]) is None
    assert payee_wraps.settled_by_shape("(株)日経BPマーケ", ["ティング"]) is None
    assert payee_wraps.settled_by_shape("KDDI(株)", ["実施"]) == "description"
    assert payee_wraps.settled_by_shape("公益財団法人地方", ["自治情報", "センター"]) == "name"
    # a body word ending in 会 (not only the generator's 「…産業会」), not an event's (「…説明会」: a 業務概要's end)
    assert payee_wraps.settled_by_shape("一般社団法人日本自動車工", ["業会"]) == "name"
    assert payee_wraps.settled_by_shape("公益財団法人日本自転車普", ["及協議会"]) == "name"
    assert payee_wraps.settled_by_shape("株式会社ABC", ["説明会"]) is None
    # a name lists no items: pieces holding 「、」 are the 業務概要's even after a name whose end says nothing
    assert payee_wraps.settled_by_shape("(株)OCS", ["(諸謝金)、", "研修の企画", "運営"]) == "description"
    # the pieces finish the name's end word cut at the line break
    assert payee_wraps.settled_by_shape("オリエンタルコンサルタンツ株", ["式会社"]) == "name"
    assert payee_wraps.settled_by_shape("合同会社三菱総合研究所・合同会社ソフトバンク共同企業", ["体"]) == "name"
    assert payee_wraps.settled_by_shape("(株)シー・エス", ["・エス"]) is None
    # (even when the text with them ends in a body's last character: 「…訳作業」)
    assert payee_wraps.settled_by_shape("(株)建設技術研究所", ["作成、ヘルプデスク業", "務、ガイドラインの英", "訳作業"]) \
        == "description"
