"""The fast term path (kg.normalize.sudachi.content_forms) gives exactly what the reference form gives: the long
units of tokenize_units filtered by terms._content_pos and terms._normalized_form (compound after its parts, unless
equal)."""
from kg.normalize import terms as T
from kg.normalize.sudachi import content_forms, tokenize_units
from kg.normalize.text import nfkc

TEXTS = [
    "情報セキュリティ対策の推進に要する経費",
    "サイバー・セキュリティ政策に関する調査研究（うち国際連携分）",
    "ｻｲﾊﾞｰｾｷｭﾘﾃｨ人材育成プログラム 第３期 2,500百万円",
    "地方公共団体における住民基本台帳ネットワークシステムの運用",
    "株式会社日本電気、富士通株式会社ほか３者",
    "附則第二条の規定に基づき、組み合せて実施する。ＩｏＴ・ＡＩを活用した実証事業等",
    "こと もの ため 等 など",
    "",
]


def reference(text: str) -> list[str]:
    out: list[str] = []
    for unit in tokenize_units(text):
        shorts = [f for s in unit.short if T._content_pos(s.pos) and (f := T._normalized_form(s.normalized))]
        out.extend(shorts)
        if len(unit.short) > 1 and T._content_pos(unit.token.pos):
            f = T._normalized_form(unit.token.normalized)
            if f and f not in shorts:
                out.append(f)
    return out


def test_fast_path_equals_reference():
    for text in TEXTS:
        t = nfkc(text)
        assert content_forms(t, T._content_pos, T._normalized_form) == reference(t), text


def test_terms_facts():
    assert T.terms("情報セキュリティ対策") == ("情報", "セキュリティー", "情報セキュリティ", "対策")
    assert "セキュリティー" in T.terms("ｻｲﾊﾞｰｾｷｭﾘﾃｨ") and "サイバー" in T.terms("ｻｲﾊﾞｰｾｷｭﾘﾃｨ")
    assert T.terms("こと ため など") == ()
    assert "2,500" not in T.terms("2,500百万円")


def test_remembered_words_give_what_the_reference_gives():
    """A dictionary word's long unit is worked out once and remembered (kg.normalize.sudachi._WORDS); unknown words
    (numbers and katakana runs Sudachi's plugins join: one word id for many surfaces) are worked out every time."""
    from kg.normalize import sudachi

    texts = ["情報セキュリティ対策の推進、情報セキュリティ人材の育成", "一二三四五円と三十五万人の住民基本台帳",
             "ブロックチェーンテクノロジーとクアンタムコンピューティング", "ｘｙｚ株式会社及びabcdef社"]
    for _ in range(2):  # the second time every dictionary word comes from memory
        for text in texts:
            t = nfkc(text)
            assert content_forms(t, T._content_pos, T._normalized_form) == reference(t), text
    words = sudachi._WORDS[(T._content_pos, T._normalized_form)]
    assert words and all(isinstance(v, tuple) for v in words.values())
    assert T.terms("住民基本台帳の整備") [:4] == ("住民", "基本", "台帳", "住民基本台帳")
