"""Normalisers: eras, numbers, 法人番号, names, 事業番号 — examples and properties."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.normalize import era, houjin, numbers
from kg.normalize.names import corp_display, corp_key, program_key, similarity
from kg.normalize.project_number import canonical_number, parse_numbers
from kg.normalize.text import is_dash, is_unknown, nfkc

# ------------------------------------------------------------------ eras


@pytest.mark.parametrize("text,year", [
    ("令和4年度", 2022), ("令和元年度", 2019), ("平成31年度", 2019), ("平成15年度", 2003), ("昭和35年度", 1960),
    ("平成２９年度", 2017), ("平成十四年", 2002), ("2021年度", 2021),
])
def test_parse_year(text, year):
    assert era.parse_year(text)[0] == year


def test_header_row_continues_previous_era():
    assert era.parse_year_headers(["平成29年度", "30年度", "令和元年度", "2年度", "3年度要求"]) == [
        2017, 2018, 2019, 2020, 2021]


def test_bare_year_without_era_is_unknown():
    assert era.parse_year("30年度") == (None, None)


@given(st.integers(min_value=1868, max_value=2100))
def test_era_round_trip(year):
    name, n = era.year_to_era(year)
    assert era.era_to_year(name, n) == year
    text = f"{name}{'元' if n == 1 else n}年度"
    assert era.parse_year(text)[0] == year


@given(st.integers(min_value=1, max_value=9999))
def test_kanji_numerals_round_trip(n):
    digits = "〇一二三四五六七八九"
    out, rest = "", n
    for unit, ch in ((1000, "千"), (100, "百"), (10, "十")):
        q, rest = divmod(rest, unit)
        if q:
            out += ("" if q == 1 else digits[q]) + ch
    if rest:
        out += digits[rest]
    assert era.kanji_to_int(out) == n


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize("text,value", [
    ("3,209", 3209), ("▲ 3,180", -3180), ("△21,992", -21992), ("0.2", 0.2), ("２６，８１８", 26818), ("0", 0),
])
def test_parse_number(text, value):
    assert numbers.parse_number(text) == (value, None)


@pytest.mark.parametrize("text", ["-", "－", "―", "", "  ", None, "--"])
def test_unknown_is_none_not_zero(text):
    assert numbers.parse_number(text) == (None, None)
    assert is_unknown(text)


def test_is_dash_is_one_printed_dash_cell():
    # the PDF-text readers' test for a cell of no value: one dash, not a word's hyphen or long vowel, not two cells
    assert [is_dash(t) for t in ("-", "－", "―")] == [True, True, True]
    assert [is_dash(t) for t in ("", "--", "-－", "ー", "‐", "A-1", "−")] == [False] * 7


@pytest.mark.parametrize("text", ["1,2,3", "約5", "12,34", "5億", "1.2.3"])
def test_malformed_numbers_are_refused_with_reason(text):
    p = numbers.parse_number(text)
    assert p.value is None and text in p.error


def test_percent_and_money():
    assert numbers.parse_number("83.3%", percent=True).value == 83.3
    assert numbers.parse_money("2,343百万円").value == 2343
    assert numbers.parse_money("(2,266百万円)").value == 2266
    assert numbers.parse_money("５百万円").value == 5


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_number_round_trip_with_grouping(n):
    text = ("▲" if n < 0 else "") + f"{abs(n):,}"
    assert numbers.parse_number(text).value == n


@given(st.text(max_size=30))
def test_parse_number_never_raises(text):
    p = numbers.parse_number(text)
    assert p.value is None or isinstance(p.value, float)


# ------------------------------------------------------------------ 法人番号


@pytest.mark.parametrize("number", ["1010001143390", "3010005022218", "7010701007922", "4010001054032",
                                    "9011101031552", "2010401075423"])
def test_valid_corporate_numbers(number):
    assert houjin.validate(number).number == number


@pytest.mark.parametrize("raw,reason", [
    ("1010001143391", "check digit"), ("101000114339", "wrong length"), ("10100011433900", "wrong length"),
    ("10100O1143390", "non-digit"),
])
def test_invalid_corporate_numbers_are_reported(raw, reason):
    h = houjin.validate(raw)
    assert h.number is None and h.raw == raw and reason in h.error


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_check_digit_property(base):
    good = f"{houjin.check_digit(base)}{base}"
    assert houjin.is_valid(good)
    bad = f"{(houjin.check_digit(base) + 1) % 10}{base}"
    assert not houjin.is_valid(bad)


# ------------------------------------------------------------------ names


def test_corporate_name_variants_share_a_key():
    assert corp_key("(株)エヌ・ティ・ティ・データ経営研究所") == corp_key("株式会社エヌティティデータ経営研究所")
    assert corp_key("ＫＤＤＩ（株）") == corp_key("KDDI株式会社")
    assert corp_key("株式会社ァイ") == corp_key("アイ株式会社")
    assert corp_display("KDDI(株)") == "KDDI株式会社"
    assert corp_key("株式会社野村総合研究所") != corp_key("株式会社三菱総合研究所")


def test_program_name_similarity():
    assert program_key("住民基本台帳ネットワークシステムセキュリティ対策経費") == program_key(
        "住民基本台帳ネットワークシステムセキュリティ対策")
    assert similarity("自治体情報セキュリティ強化対策事業", "自治体情報セキュリティ強化対策事業") == 1.0
    assert similarity("自治体情報セキュリティ強化対策事業", "電子調達システムの維持運用") < 0.35


def test_nfkc_folds_width_and_space():
    assert nfkc("ＬＧＷＡＮ の　改修") == "LGWAN の 改修"


# ------------------------------------------------------------------ 事業番号


@pytest.mark.parametrize("text,number", [
    ("0039", "0039"), ("新29-0004", "新29-0004"), ("総務省 - 0037", "0037"), ("総務省 (0049)", "0049"),
    ("総務省 - 新02 - 0013", "新02-0013"), ("2021 総務 20 0032", "2021-総務-20-0032"),
    ("2021 - 総務 - 20 - 0095", "2021-総務-20-0095"), ("20 - 0094", "20-0094"),
    ("2023ｰ経産ｰ22ｰ0252", "2023-経産-22-0252"), ("2023警察220059", "2023-警察-22-0059"),
    ("令和５年度　2023環境22 0150", "2023-環境-22-0150"), ("-", None), ("--", None), ("政策8", None),
])
def test_canonical_number(text, number):
    assert canonical_number(text) == number


def test_number_lists_and_years():
    refs = parse_numbers("2023農水22-0204、2022農水21-0206")
    assert [(r.number, r.fiscal_year) for r in refs] == [("2023-農水-22-0204", 2023), ("2022-農水-21-0206", 2022)]
    assert [r.number for r in parse_numbers("0407,0416", fiscal_year=2023)] == ["0407", "0416"]
    assert parse_numbers("0407,0416", fiscal_year=2023)[1].fiscal_year == 2023


@given(st.text(max_size=40))
def test_number_parser_never_raises(text):
    for r in parse_numbers(text):
        assert r.number


@pytest.mark.parametrize("text,numbers", [
    ("2022-国交-0117", ["2022-国交-0117"]),  # no era year (JUDGIT 2022)
    ("2023-こども-新23-0001", ["2023-こども-新23-0001"]),  # a new program in the RS-era form
    ("0036-1", ["0036-1"]),  # a sub-sheet keeps its suffix (the base sheet 0036 also exists)
    ("2023-デジ-22-0001-1", ["2023-デジ-22-0001-1"]),
    ("0407,0416", ["0407", "0416"]),
])
def test_project_number_forms_of_later_years(text, numbers):
    from kg.normalize.project_number import is_rs_format, parse_numbers, serial

    refs = parse_numbers(text)
    assert [r.number for r in refs] == numbers
    assert all(len(serial(r.number)) == 4 for r in refs)
    assert is_rs_format(refs[0].number) == text.startswith("20")


def test_houjin_error_kinds():
    from kg.normalize.houjin import error_kind, validate

    assert error_kind(validate("101000114339").error) == "wrong_length"
    assert error_kind(validate("2010001143390").error) == "check_digit"
    assert error_kind(validate("10100011433X0").error) == "non_digit"
    assert error_kind(validate("1010001143390").error) is None
