"""The term layer (kg.normalize.terms): Sudachi core, SplitMode.A units + the SplitMode.C compound, normalized form."""
from __future__ import annotations

from kg.normalize.terms import overlap, query_terms, term_counts, terms


def test_spelling_variants_meet():
    want = ["サイバー", "セキュリティー"]
    assert query_terms("サイバーセキュリティ") == want
    assert query_terms("サイバー・セキュリティ") == want
    assert query_terms("ｻｲﾊﾞｰｾｷｭﾘﾃｨ") == want  # half-width katakana: NFKC first
    assert query_terms("ＳＥＣＵＲＩＴＹ") == query_terms("security")


def test_compounds_give_their_parts_and_themselves():
    t = terms("自治体情報セキュリティ強化対策事業")
    assert "セキュリティー" in t and "情報セキュリティ" in t and "情報" in t and "自治体" in t
    assert set(terms("日本電気株式会社")) >= {"日本", "電気", "日本電気", "株式会社"}  # partial names


def test_only_content_words():
    t = terms("本事業は、IoT機器を狙った攻撃に対処するため、調査研究を行う等の取組を実施する。")
    assert "iot" in t and "攻撃" in t and "調査" in t and "機器" in t
    for function_word in ("は", "を", "ため", "等", "する", "狙う", "行う", "、", "。"):
        assert function_word not in t
    assert terms("-") == () and terms(None) == () and terms("２０２１年度 5,000") == ("年度",)


def test_counts_and_overlap():
    c = term_counts("セキュリティ対策", "セキュリティ研修")
    assert c["セキュリティー"] == 2 and c["対策"] == 1
    assert overlap(set(terms("サイバーセキュリティ政策")), set(terms("サイバー・セキュリティの政策"))) == 1.0
    assert overlap(set(), {"a"}) == 0.0
