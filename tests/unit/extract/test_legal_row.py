"""根拠法令 and 関係する計画、通知等 of PDF text: the two cells of one form row, read apart (kg/extract/legal_text.py).

Excerpts are the text the PDF tools gave of generated sheets (tests/fixtures/review_sheets.py), each with the
.xlsx record's values. The readers before gave laws named 「記載バーセキュリティ基本法」 or 「通・第4期教育振興基本計画基本法」,
電波法 第103条 for 第103条の2, and a plan 「成長戦略の2 知等 フォローアップ」: pieces of the neighbouring cell or label.
"""
from __future__ import annotations

from kg.extract import fields
from kg.extract.legal_text import implausible_laws, legal_pieces, plans_pieces
from kg.normalize.law_ref import parse_legal_bases
from kg.normalize.text import nfkc


def _read(text: str):
    lines = [nfkc(x) for x in text.split("\n")]
    lab = next(i for i, x in enumerate(lines, 1) if x.startswith("根拠法令"))
    legal, plans = legal_pieces(lines, lab), plans_pieces(lines, lab)
    return (parse_legal_bases(legal[0]) if legal else []), (fields.parse_plans(plans[0]) if plans else [])


def test_pdftotext_cells_line_by_line():
    """LibreOffice print, pdftotext: the law cell's wrapped rest 「の2」 and the plan label's rest 「知等」 on
    lines of their own, the plan's rest after them."""
    laws, plans = _read("根拠法令 (具体的な\n条項も記載)\n\n道路法第13条、地球温暖化対策の推進に関する法律第20条、電波法第103条 "
                        "関係する計画、通 ・地球温暖化対策計画(平成30年3月25日閣議決定) ・成長戦略\nの2\n知等\n"
                        "フォローアップ(平成30年6月12日閣議決定)\n\n主要政策・施策 -")
    assert laws == [{"law": "道路法", "citations": [{"article": "13"}]},
                    {"law": "地球温暖化対策の推進に関する法律", "citations": [{"article": "20"}]},
                    {"law": "電波法", "citations": [{"article": "103の2"}]}]
    assert plans == [{"title": "地球温暖化対策計画", "date": "2018-03-25", "decided_by": "閣議決定"},
                     {"title": "成長戦略フォローアップ", "date": "2018-06-12", "decided_by": "閣議決定"}]


def test_pdfplumber_row_lines():
    """LibreOffice print, pdfplumber: every physical line holds both cells; the label's rest sits between."""
    laws, plans = _read("根拠法令 (具体的な 道路法第13条、地球温暖化対策の推進に関する法律第20条、電波法第103条 関係する計画、通 "
                        "・地球温暖化対策計画(平成30年3月25日閣議決定) ・成長戦略\n条項も記載) の2 知等 フォローアップ(平成30年6月12日閣議決定)\n"
                        "主要政策・施策 - 主要経費 その他の事項経費")
    assert laws[-1] == {"law": "電波法", "citations": [{"article": "103の2"}]}
    assert [p["title"] for p in plans] == ["地球温暖化対策計画", "成長戦略フォローアップ"]


def test_pdfplumber_reportlab_rows():
    """reportlab print, pdfplumber: 「4」 finishes 第30条の24 (it stands before the plan label's rest 「、通知等」);
    「)」 finishes the label; 「定)」 and 「4年12月6日閣議決定)」 close the plans' open parentheses."""
    laws, plans = _read("根拠法令 (具体 総務省設置法第4条第1項第28号、住民基本台帳法第30条の2 関係する計画 "
                        "・第4期教育振興基本計画(平成30年5月2日閣議決\n的な条項も記載 4 、通知等 定)\n)\n主要政策・施策 国土強靱化")
    assert laws == [{"law": "総務省設置法", "citations": [{"article": "4", "paragraph": "1", "item": "28"}]},
                    {"law": "住民基本台帳法", "citations": [{"article": "30の24"}]}]
    assert plans == [{"title": "第4期教育振興基本計画", "date": "2018-05-02", "decided_by": "閣議決定"}]
    laws, plans = _read("根拠法令 (具体 道路法第13条、電波法第103条の2 関係する計画 ・第4期教育振興基本計画(平成28年9月4日閣議決\n"
                        "的な条項も記載 、通知等 定) ・デジタル社会の実現に向けた重点計画(平成\n) 28年7月5日閣議決定)\n"
                        "主要政策・施策 科学技術・イノベーション")
    assert laws[-1] == {"law": "電波法", "citations": [{"article": "103の2"}]}
    assert plans[-1] == {"title": "デジタル社会の実現に向けた重点計画", "date": "2016-07-05", "decided_by": "閣議決定"}


def test_pdftotext_reportlab_value_on_the_label_line():
    """reportlab print, pdftotext: the law cell starts on the label's line and wraps beside the label's rest."""
    laws, _ = _read("根拠法令 (具体 総務省設置法第4条第1項第28号、電波法第103条の2、サイ\n的な条項も記載 バーセキュリティ基本法第16条\n)\n\n"
                    "関係する計画\n、通知等\n\n・第4期教育振興基本計画(令和4年1月27日閣議決\n定)")
    assert [b["law"] for b in laws] == ["総務省設置法", "電波法", "サイバーセキュリティ基本法"]


def test_a_law_wrapped_before_its_article_mark():
    """「…道路法第13」 then 「条」 beside the label's rest: 条 here is the citation's, not the label's 「条項」."""
    laws, _ = _read("根拠法令 (具体的な 住民基本台帳法第30条の24、総務省設置法第4条第1項第28号、道路法第13 関係する計画、通\n"
                    "条項も記載) 条 知等\n主要政策・施策 国土強靱化")
    assert laws[-1] == {"law": "道路法", "citations": [{"article": "13"}]}


def test_names_that_are_no_law():
    names = ["記載バーセキュリティ基本法", "通・第4期教育振興基本計画基本法", "通", "記載1項", "電波法",
             "地球温暖化対策の推進に関する法律", "経済産業省設置法", "予算執行職員等の責任に関する法律", "都市計画法",
             "国土強靱化基本計画(平成29年4月6日閣議決定)基本法"]
    assert implausible_laws([{"law": n} for n in names]) == [
        "記載バーセキュリティ基本法", "通・第4期教育振興基本計画基本法", "通", "記載1項",
        "国土強靱化基本計画(平成29年4月6日閣議決定)基本法"]


def test_plans_glued_after_a_dated_parenthesis():
    """reportlab's grid cell: two items in one run, the bullet right after the first one's date."""
    assert fields.parse_plans("・国土強靱化基本計画(平成29年4月6日閣議決定)・地球温暖化対策計画(平成29年2月19日閣議決定)") == [
        {"title": "国土強靱化基本計画", "date": "2017-04-06", "decided_by": "閣議決定"},
        {"title": "地球温暖化対策計画", "date": "2017-02-19", "decided_by": "閣議決定"}]
    assert fields.parse_plans("委託・請負計画(平成29年4月6日閣議決定)")[0]["title"] == "委託・請負計画"


def test_real_form_a4_label_wrapped_in_narrow_cells():
    """Real seed 000 printed A4 (pdfplumber): the right label's first line alone (「関係する」), the left label's rest
    (「(具体的」「な条項も」) beside the law's wrapped rest, an item wrapped before its 号 (「第1項28」「号」), and the
    next row's label wrapped in its cell (「主要政策」「・施策」) ends the row."""
    laws, _ = _read("根拠法令 総務省設置法第4条第1項28 関係する ・電気通信回線を通じた送信又は磁気ディスクの送付の方法並びに"
                    "磁気ディスクへの記録及びその保存の方法に関する技術的基準(平\n(具体的 号 住民基本台帳法第30条の 計画、通 "
                    "成14年総務省告示第334号)\nな条項も 24から第30条の40まで及び 知等\n記載) 第31条\n主要政策 - 主要経費 社会保障\n・施策")
    assert laws == [{"law": "総務省設置法", "citations": [{"article": "4", "paragraph": "1", "item": "28"}]},
                    {"law": "住民基本台帳法", "citations": [{"article": "30の24", "to": "30の40"}, {"article": "31"}]}]


def test_real_form_label_glued_to_the_cell():
    """Real seeds 001 (A4) and 000 (landscape), pdfplumber: the cell's first words glued to the label
    (「根拠法令 (具体的総務省設置法…」), the label's rest glued to the law's wrapped rest (「(具体的な条基本台帳法…」),
    and a whole law citation beside an open plan item stays the law cell's."""
    laws, _ = _read("根拠法令 (具体的総務省設置法第4条・総務省組織令第7条第1項第27 関係する 計画、 未来投資戦略2018(平成30年6月15日"
                    "閣議決定) デジタル・ガバメント実行計画(令和元年12\nな 条項も記載) 号 高度情報通信ネットワーク社会形成基本法第10条 "
                    "通知等 月20日閣議決定) サイバーセキュリティ2019(令和元年5月23日サイバーセキュリティ戦略本\nサイバーセキュリティ基本法"
                    "第16条 部決定) サイバーセキュリティ戦略(平成30年7月27日閣議決定)\n主要政策・施策 - 主要経費 その他の事項経費")
    assert [x["law"] for x in laws] == ["総務省設置法", "総務省組織令", "高度情報通信ネットワーク社会形成基本法", "サイバーセキュリティ基本法"]
    assert laws[1]["citations"] == [{"article": "7", "paragraph": "1", "item": "27"}]
    laws, _ = _read("根拠法令 総務省設置法第4条第1項28号 住民 関係する計 ・電気通信回線を通じた送信又は磁気ディスクの送付の方法並びに"
                    "磁気ディスクへの記録及びその保存の方法に関する技術的基準(平成14年総務省告示第334号)\n(具体的な条基本台帳法第30条の24から"
                    "第30条 画、通知等\n項も記載) の40まで及び第31条\n主要政策・ - 主要経費 社会保障\n施策")
    assert [x["law"] for x in laws] == ["総務省設置法", "住民基本台帳法"]


def test_real_form_narrow_law_name_beside_a_plan_date_cut_after_its_year():
    """Real seed 001 printed narrow (pdfplumber): a law's name wrapped (「サイバーセキュリ」「ティ基本法第16条」) stands
    before the plan's date cut after its year (「(令和元年」 … 「5月23日…決定)」) on one line: the law cell's; the
    next row's label cut in its cell (「主要政策・施-」) ends the row."""
    laws, _ = _read("根拠法令 (具 総務省設置法第4条・総務省組織令第7条 関係する 計 未来投資戦略2018(平成30年6月15日閣議決定) "
                    "デジタル・ガバメント実\n体的な 条項 第1項第27号 高度情報通信ネットワーク 画、通知等 行計画(令和元年12月20日閣議決定) "
                    "サイバーセキュリティ2019(令和元年\nも記載) 社会形成基本法第10条 サイバーセキュリ 5月23日サイバーセキュリティ戦略本部決定) "
                    "サイバーセキュリティ戦略\nティ基本法第16条 (平成30年7月27日閣議決定)\n主要政策・施- 主要経費 その他の事項経費\n策")
    assert [x["law"] for x in laws] == ["総務省設置法", "総務省組織令", "高度情報通信ネットワーク社会形成基本法", "サイバーセキュリティ基本法"]
    assert laws[3]["citations"] == [{"article": "16"}]


def test_real_form_narrow_plan_date_cut_before_its_year():
    """Real seed 001 printed narrow by reportlab (pdfplumber): the plan's date cut before its 年 (「(令和元」) and
    its rest 「年5月23日…決定)」 later on the next line: the law's wrapped name before that rest (「サイバーセキュ」
    then 「リティ基本法第16条」) is the law cell's, not the plan's — else 「リティ基本法」 was read as a law."""
    laws, plans = _read("根拠法令 ( 総務省設置法第4条・総務省組織令第7条 関係する 計 未来投資戦略2018(平成30年6月15日閣議決定) "
                        "デジタル・ガバメント実\n具体的な 条 第1項第27号 高度情報通信ネットワーク 画、通知等 行計画(令和元年12月"
                        "20日閣議決定) サイバーセキュリティ2019(令和元\n項も記載) 社会形成基本法第10条 サイバーセキュ 年5月23日"
                        "サイバーセキュリティ戦略本部決定) サイバーセキュリティ戦\nリティ基本法第16条 略(平成30年7月27日閣議決定)\n"
                        "主要政策・ - 主要経費 その他の事項経費\n施策")
    assert [x["law"] for x in laws] == ["総務省設置法", "総務省組織令", "高度情報通信ネットワーク社会形成基本法", "サイバーセキュリティ基本法"]
    assert laws[3]["citations"] == [{"article": "16"}]
    assert [p["title"] for p in plans] == ["未来投資戦略2018", "デジタル・ガバメント実行計画", "サイバーセキュリティ2019",
                                          "サイバーセキュリティ戦略"]


def test_real_form_narrow_law_title_before_the_rest_of_an_open_plan():
    """Real seed 003 printed narrow by reportlab (pdfplumber): a law's title (「電子署名及び認証業務に関する法律」)
    stands before the word that closes the plan cell's open parenthesis (「決定)」) on its line: the law cell's
    (its articles 「第33条及び第34条」 on the next line), not the plan's — else 第33条 and 第34条 went to 総務省設置法."""
    laws, _ = _read("根拠法令 (具 サイバーセキュリティ基本法第4条、第15条 関係する計画 サイバーセキュリティ戦略(平成30年7月27日"
                    "閣議決定) サイバーセ\n体的な条項も 及び第23条 総務省設置法第4条第59号及び 、通知等 キュリティ2020(令和2年7月21日"
                    "サイバーセキュリティ戦略本部\n記載) 第70号 電子署名及び認証業務に関する法律 決定) 「成長戦略実行計画」(令和3年6月"
                    "18日閣議決定) 「成長戦略\n第33条及び第34条 フォローアップ」(令和3年6月18日閣議決定) 「デジタル社会の実\n"
                    "現に向けた重点計画」(令和3年6月18日閣議決定)\n主要政策・施 IT戦略 主要経費 その他の事項経費\n策")
    assert [x["law"] for x in laws] == ["サイバーセキュリティ基本法", "総務省設置法", "電子署名及び認証業務に関する法律"]
    assert laws[1]["citations"] == [{"article": "4", "item": "59"}, {"article": "4", "item": "70"}]
    assert laws[2]["citations"] == [{"article": "33"}, {"article": "34"}]
