"""IRI minting (kg.iris): ASCII, deterministic, keyed as DESIGN.md says."""
from __future__ import annotations

import pytest

from kg import iris

B = "https://kg.example.org/"


def test_corp_iri_from_valid_number_only():
    assert iris.corp(B, "1010001143390") == B + "corp/1010001143390"
    assert iris.gbizinfo("1010001143390") == "http://hojin-info.go.jp/data/basic/1010001143390"
    with pytest.raises(ValueError):
        iris.corp(B, "2010001143390")  # wrong check digit
    assert iris.corp(B, "１０１０００１１４３３９０") == B + "corp/1010001143390"  # printed spelling folded
    with pytest.raises(ValueError):
        iris.corp(B, "101000114339")


def test_sheet_iri_is_ascii_and_folds_ministry_spellings():
    a = iris.sheet(B, 2023, "総務省", "2023-総務省-22-0100")
    b = iris.sheet(B, 2023, "総務省", "2023-総務-22-0100")
    assert a == b
    assert a.isascii() and a.startswith(B + "sheet/2023/soumu/")
    assert iris.sheet(B, 2017, "総務省", "0048") == B + "sheet/2017/soumu/0048"
    assert iris.sheet(B, 2017, "総務省", "新29-0004") == B + "sheet/2017/soumu/new29-0004"
    assert iris.sheet(B, 2017, "総務省", "0048") != iris.sheet(B, 2018, "総務省", "0048")


def test_sheet_without_number_is_keyed_by_name():
    a = iris.sheet(B, 2022, "総務省", None, "住民基本台帳ネットワークシステムセキュリティ対策経費")
    b = iris.sheet(B, 2022, "総務省", None, "住民基本台帳ネットワークシステム　セキュリティ対策経費")
    assert "/x-" in a and a.isascii()
    assert a == b  # white space (PDF line wraps, U+3000) does not change the key
    assert a != iris.sheet(B, 2022, "総務省", None, "住民基本台帳ネットワークシステム運用経費")
    assert iris.sheet(B, 2022, "総務省", None, "ＡＢＣ事業") == iris.sheet(B, 2022, "総務省", None, "ABC事業")


def test_unknown_ministry_gets_a_hash_key():
    k = iris.ministry_key("架空庁")
    assert k.startswith("m-") and k.isascii()
    assert iris.ministry(B, "総務省") == B + "org/soumu"
    assert iris.division(B, "総務省", "自治行政局", "住民制度課").startswith(iris.bureau(B, "総務省", "自治行政局") + "/")


def test_program_from_earliest_sheet_key():
    assert iris.program(B, [2012, "総務省", "新24-0005"]) == B + "program/2012/soumu/new24-0005"


def test_payee_is_scoped_to_its_sheet_and_folds_legal_form():
    s1, s2 = iris.sheet(B, 2021, "総務省", "0095"), iris.sheet(B, 2021, "総務省", "0096")
    assert iris.payee(s1, "委員謝金(委員A)") != iris.payee(s2, "委員謝金(委員A)")
    assert iris.payee(s1, "(株)テスト") == iris.payee(s1, "株式会社テスト")
    assert iris.payment(s1, "A", 3) == s1 + "/payment/A/3"


def test_law_iri_by_id_or_name_hash():
    assert iris.law(B, "総務省設置法", "411AC0000000091") == B + "law/411AC0000000091"
    x = iris.law(B, "総務省設置法")
    assert x.startswith(B + "law/x-") and x == iris.law(B, "総務省 設置法")
    assert x != iris.law(B, "総務省組織令")
    assert iris.egov_law("411AC0000000091") == "https://laws.e-gov.go.jp/law/411AC0000000091"


@pytest.mark.parametrize("citation,key", [
    ({"article": "30の24"}, "30_24"),
    ({"article": "4", "paragraph": "1", "item": "28"}, "4-pr1-it28"),
    ({"article": "4", "item": "59"}, "4-it59"),
    ({"article": "30の9の2"}, "30_9_2"),
    ({"article": "30の24", "to": "30の40"}, "30_24-to30_40"),
    ({"article": "2", "supplementary": True}, "sup-2"),
    ({}, None),
])
def test_article_keys(citation, key):
    assert iris.article_key(citation) == key
    law = iris.law(B, "住民基本台帳法")
    assert iris.article(law, citation) == (f"{law}/at/{key}" if key else None)


@pytest.mark.parametrize("printed,norm", [
    ("IV. 電子自治体", "電子自治体"),
    ("IV.電子政府・電子自治体", "電子政府・電子自治体"),
    ("Ⅳ　電子政府・電子自治体", "電子政府・電子自治体"),
    ("政策８：電子政府・電子自治体の推進", "電子政府・電子自治体の推進"),
    ("2. 情報通信高度利活用の推進", "情報通信高度利活用の推進"),
    ("(1) 行政評価", "行政評価"),
    ("IT戦略", "IT戦略"),
    ("V. 情報通信 (ICT政策)", "情報通信 (ICT政策)"),
])
def test_policy_norm_strips_leading_numbering(printed, norm):
    assert iris.policy_norm(printed) == norm


def test_same_measure_written_differently_is_one_concept():
    a = iris.concept(B, "総務省", "IV.電子政府・電子自治体")
    assert a == iris.concept(B, "総務省", "Ⅳ 電子政府・電子自治体") == iris.concept(B, "総務省", "電子政府・電子自治体")
    assert a != iris.concept(B, "総務省", "電子自治体")
    assert a != iris.concept(B, "環境省", "電子政府・電子自治体")


def test_source_and_graph_keys():
    s1 = iris.source(B, "000.txt", "ab" * 32)
    assert s1 == iris.source(B, "000.txt", "ab" * 32) != iris.source(B, "000.txt", "cd" * 32)
    assert iris.graph(B, "000.txt", "ab" * 32).startswith(B + "graph/")
    assert iris.line_span(s1, 3, 5) == s1 + "/lines/3-5"


def test_base_is_normalised_and_must_be_ascii():
    assert iris.fiscal_year("https://x.org/kg", 2022) == "https://x.org/kg/fy/2022"
    with pytest.raises(ValueError):
        iris.fiscal_year("https://例え.jp/", 2022)
