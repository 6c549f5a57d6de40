"""kg.normalize.law_ref: free-text 根拠法令 -> [{law, citations}] in the gold shape."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.normalize.law_ref import article_key, num, parse_legal_bases
from tests.conftest import SEEDS, shared_path


def _legal_text(lines: list[str]) -> str:
    """The 根拠法令 cell of a seed: the tab cell after the label, or (PDF text) the lines after the label block."""
    for i, line in enumerate(lines):
        if line.startswith("根拠法令"):
            cells = line.split("\t")
            if len(cells) > 1 and cells[1].strip():
                return cells[1]
            body, started = [], False
            for nxt in lines[i + 1:]:
                if not started:
                    started = "条項も記載" in nxt
                    continue
                if nxt.startswith("主要政策"):
                    break
                body.append(nxt)
            return "\n".join(body)
    raise AssertionError("no 根拠法令 in the seed")


def _gold_cases():
    out = []
    for g in sorted(shared_path("gold").glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        if gold.get("legal_bases"):
            out.append(pytest.param(g.stem, gold["legal_bases"], id=g.stem))
    return out


@pytest.mark.parametrize("stem,want", _gold_cases())
def test_gold_legal_bases_parse_exactly(stem, want):
    lines = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8").splitlines()
    assert parse_legal_bases(_legal_text(lines)) == want


def test_gold_covers_four_seeds():
    assert len(_gold_cases()) == 4


def test_branch_numbers_and_lists():
    got = parse_legal_bases("住民基本台帳法第７条、第30条の６、第30条の９の２")
    assert got == [{"law": "住民基本台帳法", "citations": [{"article": "7"}, {"article": "30の6"},
                                                         {"article": "30の9の2"}]}]


def test_kanji_numerals():
    got = parse_legal_bases("地方自治法第二百四十五条の四 電波法第百三条の二第四項第三号")
    assert got[0]["citations"] == [{"article": "245の4"}]
    assert got[1] == {"law": "電波法", "citations": [{"article": "103の2", "paragraph": "4", "item": "3"}]}
    assert num("百三") == "103" and num("三十の二") == "30の2"


def test_ranges():
    assert parse_legal_bases("住民基本台帳法第30条の24から第30条の40まで及び第31条")[0]["citations"] == [
        {"article": "30の24", "to": "30の40"}, {"article": "31"}]
    assert parse_legal_bases("公職選挙法施行令第１３３条～第１３７条")[0] == {
        "law": "公職選挙法施行令", "citations": [{"article": "133", "to": "137"}]}
    # the start of the range has no unit: it takes the unit of its end
    assert parse_legal_bases("総務省設置法第４条第１項第40～52号")[0]["citations"] == [
        {"article": "4", "paragraph": "1", "item": "40", "to": "52"}]


def test_lower_levels_inherit_in_lists():
    got = parse_legal_bases("総務省設置法第四条第一項第六十九号及び七十号")
    assert got[0]["citations"] == [{"article": "4", "paragraph": "1", "item": "69"},
                                   {"article": "4", "paragraph": "1", "item": "70"}]
    got = parse_legal_bases("地方自治法第１条の２第２項、２５２条の１７の５、地方公務員等共済組合法第１条２項")
    assert got[0]["citations"] == [{"article": "1の2", "paragraph": "2"}, {"article": "252の17の5"}]
    assert got[1] == {"law": "地方公務員等共済組合法", "citations": [{"article": "1", "paragraph": "2"}]}


def test_etc_and_sho_are_dropped():
    assert parse_legal_bases("政見放送実施規程第８条等") == [{"law": "政見放送実施規程", "citations": [{"article": "8"}]}]
    assert parse_legal_bases("郵政民営化法\u3000抄") == [{"law": "郵政民営化法", "citations": []}]


def test_law_split_over_pdf_lines():
    text = "行政手続における特定の個人を識別するための番号の利用等に関する法\n律第８条\n電子署名及び認証業務に関する\n法律第33条"
    got = parse_legal_bases(text)
    assert [g["law"] for g in got] == ["行政手続における特定の個人を識別するための番号の利用等に関する法律",
                                       "電子署名及び認証業務に関する法律"]
    assert got[1]["citations"] == [{"article": "33"}]


def test_names_with_oyobi_stay_whole_but_lists_of_laws_split():
    got = parse_legal_bases("外国為替及び外国貿易法、公職選挙法及び政党助成法")
    assert [g["law"] for g in got] == ["外国為替及び外国貿易法", "公職選挙法", "政党助成法"]


def test_brackets_supplementary_and_law_number():
    got = parse_legal_bases("地方公共団体情報システム機構法（平成25年法律第29号）附則第９条の２")
    assert got == [{"law": "地方公共団体情報システム機構法", "law_number": "平成25年法律第29号",
                    "citations": [{"article": "9の2", "supplementary": True}]}]
    assert parse_legal_bases("電波法（法改正も含め検討中）") == [{"law": "電波法", "citations": []}]
    assert parse_legal_bases("総務省組織令（第９条）")[0]["citations"] == [{"article": "9"}]


def test_bare_number_after_article_is_paragraph():
    got = parse_legal_bases("総務省設置法(平成十一年法律第九十一号) 第四条 1 第五十九号及び第六十号")
    assert got[0]["citations"] == [{"article": "4", "paragraph": "1", "item": "59"},
                                   {"article": "4", "paragraph": "1", "item": "60"}]


def test_citation_inside_a_title_keeps_the_title():
    title = "地方独立行政法人法別表及び地方独立行政法人法施行令第五条第一項の総務省令で定める事務を定める省令"
    assert parse_legal_bases(title) == [{"law": title, "citations": []}]


def test_enforcement_orders_are_their_own_laws_and_same_law():
    got = parse_legal_bases("電波法第4条 電波法施行規則第6条、同法第7条")
    assert got == [{"law": "電波法", "citations": [{"article": "4"}, {"article": "7"}]},
                   {"law": "電波法施行規則", "citations": [{"article": "6"}]}]


def test_sentence_lead_in_is_cut():
    assert parse_legal_bases("本事業は電波法第103条の2に基づき実施")[0] == {
        "law": "電波法", "citations": [{"article": "103の2"}]}


def test_chapters_and_numbered_instruments():
    assert parse_legal_bases("公職選挙法_第４章の２_第６章")[0]["citations"] == [{"chapter": "4の2"}, {"chapter": "6"}]
    assert parse_legal_bases("総務省訓令第１７号") == [{"law": "総務省訓令第17号", "citations": []}]


def test_unknown_and_non_law_text():
    assert parse_legal_bases("-") == []
    assert parse_legal_bases(None) == []
    assert parse_legal_bases("予算補助") == []


def test_article_key():
    assert article_key({"article": "30の24"}) == "30_24"
    assert article_key({"article": "4", "paragraph": "1", "item": "28"}) == "4-pr1-it28"
    assert article_key({"article": "30の24", "to": "30の40"}) == "30_24-to30_40"
    assert article_key({"article": "9の2", "supplementary": True}) == "sup-9_2"
    assert article_key({"chapter": "4の2"}) == "ch4_2"
    assert article_key({"article": "第百三条"}).isascii()


_ALPHABET = list("第条項号章の一二三四十百千0123456789０１、,及び並びに又はからまで~～等()（）「」法律令規則施行附則抄同・_ \n\t")


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=80), st.text(max_size=80)))
def test_never_raises(text):
    got = parse_legal_bases(text)
    assert isinstance(got, list)
    for law in got:
        assert isinstance(law["law"], str) and law["law"]
        for c in law["citations"]:
            assert article_key(c).isascii()


def test_same_law_same_article_and_unreadable_citations():
    got = parse_legal_bases("電気通信事業法第百八条第一項第一号及び第二号、同条第二項、同法施行規則第40条の8")
    assert got == [{"law": "電気通信事業法", "citations": [{"article": "108", "paragraph": "1", "item": "1"},
                                                        {"article": "108", "paragraph": "1", "item": "2"},
                                                        {"article": "108", "paragraph": "2"}]},
                   {"law": "電気通信事業法施行規則", "citations": [{"article": "40の8"}]}]
    assert parse_legal_bases("地方税法第○条") == [{"law": "地方税法", "citations": []}]
    assert [g["law"] for g in parse_legal_bases("①地方自治法第2条 ②地方財政法第10条")] == ["地方自治法", "地方財政法"]


def test_sudachi_helpers():
    from kg.normalize.sudachi import clause_start, tokenize

    assert [t.surface for t in tokenize("電波法第3条")][:2] == ["電波", "法"]
    assert [t.normalized for t in tokenize("附則")] == ["付則"]  # spelling variants fold (Token.normalized)
    assert clause_start("本事業は電波法") == 4
    assert clause_start("青少年が安全に安心してインターネットを利用できる環境の整備等に関する法律") == 0


def test_notice_with_number_in_brackets_is_kept_whole():
    title = ("電気通信回線を通じた送信又は磁気ディスクの送付の方法並びに磁気ディスクへの記録及びその保存の方法に"
             "関する技術的基準")
    got = parse_legal_bases(title + "(平成14年総務省告示第334号)")
    assert got == [{"law": title, "law_number": "平成14年総務省告示第334号", "citations": []}]
    assert [g["law"] for g in parse_legal_bases("総務省設置法又は電波法")] == ["総務省設置法", "電波法"]


def test_titles_ending_like_a_method_word_are_laws_when_sudachi_reads_their_law():
    from kg.extract.legal_text import implausible_laws
    from kg.normalize.law_ref import law_title_end

    # real titles of the e-Gov list whose 法 follows 用/手/技 (was: never a law's title, so withheld in PDF text)
    for title in ("土地収用法", "小切手法", "農業動産信用法", "自転車競技法"):
        assert law_title_end(title), title
    # words of method still are not
    for word in ("活用方法", "分析手法", "新工法", "施工法", "利用方法", "測定技法", "寸法"):
        assert not law_title_end(word), word
    # a law cell of PDF text: the title with its citations stays a fact, a method word does not become one
    text = "自転車競技法第99条、第86条第2項及び第80条第4項・確定拠出年金法第25条"
    got = parse_legal_bases(text)
    assert got[0] == {"law": "自転車競技法", "citations": [{"article": "99"}, {"article": "86", "paragraph": "2"},
                                                          {"article": "80", "paragraph": "4"}]}
    assert implausible_laws(got, text) == []
    assert implausible_laws([{"law": "活用方法", "citations": []}]) == ["活用方法"]


def test_a_law_ending_in_kyougi_hou_is_a_laws_title():
    # (自転車競技法, モーターボート競技法: real laws; 技法 and 手法 alone are methods, no law's title)
    from kg.normalize.law_ref import _LAW_END

    assert _LAW_END.search("自転車競技法") and _LAW_END.search("モーターボート競技法")
    assert not _LAW_END.search("分析技法") and not _LAW_END.search("評価手法")
