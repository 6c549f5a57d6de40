"""Name keys for matching: corporations and programs. Pure functions.

Corporate names vary: (株)/株式会社 before or after the name, full/half width, small kana (ァ/ア),
spaces and middle dots. ``corp_key`` folds all of these; ``corp_display`` keeps the name readable
(NFKC, 法人格 spelled out). Program names vary by brackets and suffixes (…に要する経費, …事業).
"""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

_LEGAL_FORMS = {
    "(株)": "株式会社", "(有)": "有限会社", "(合)": "合同会社", "(名)": "合名会社", "(資)": "合資会社",
    "(一社)": "一般社団法人", "(一財)": "一般財団法人", "(公社)": "公益社団法人", "(公財)": "公益財団法人",
    "(独)": "独立行政法人", "(国研)": "国立研究開発法人", "(特非)": "特定非営利活動法人", "(学)": "学校法人",
    "(医)": "医療法人", "(福)": "社会福祉法人", "(社)": "社団法人", "(財)": "財団法人", "㈱": "株式会社",
    "㈲": "有限会社", "㈶": "財団法人", "㈳": "社団法人",
}
_FORM_WORDS = sorted(set(_LEGAL_FORMS.values()) | {"国立大学法人", "公立大学法人", "地方独立行政法人",
                                                    "一般社団法人", "一般財団法人"}, key=len, reverse=True)
_SMALL_KANA = str.maketrans("ァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎ", "アイウエオツヤユヨワカケあいうえおつやゆよわ")
_PUNCT = re.compile(r"[\s・･.,、，。\-‐－ー―=＝/／'’\"“”()（）「」『』\[\]【】]")


def _nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s or "").strip()


@lru_cache(maxsize=1 << 18)
def corp_display(name: str) -> str:
    """NFKC, single spaces, abbreviations such as (株) spelled out: '(株)野村総合研究所' -> '株式会社野村総合研究所'."""
    t = re.sub(r"\s+", " ", _nfkc(name))
    for abbr, full in _LEGAL_FORMS.items():
        t = t.replace(unicodedata.normalize("NFKC", abbr), full)
    return t


@lru_cache(maxsize=1 << 18)
def corp_key(name: str) -> str:
    """Matching key: legal form removed wherever it stands, small kana folded, punctuation/space removed.

    '(株)エヌ・ティ・ティ・データ経営研究所' and '株式会社エヌティティデータ経営研究所' give the same key. Cached, as
    corp_display: a national build asks for the same payee names hundreds of thousands of times.
    """
    t = corp_display(name)
    for w in _FORM_WORDS:
        t = t.replace(w, "")
    t = t.translate(_SMALL_KANA)
    t = _PUNCT.sub("", t)
    return t.lower()


_BRACKETS = re.compile(r"[(（][^()（）]*[)）]")
_PROGRAM_SUFFIXES = ("に必要な経費", "に要する経費", "のための経費", "に係る経費", "関係経費", "経費", "事業費", "事業",
                     "等")


@lru_cache(maxsize=1 << 17)
def program_key(name: str) -> str:
    """Program-name key: NFKC, bracketed notes and common suffixes removed, punctuation removed. Cached: the lineage
    linker asks for the same names' keys for every candidate pair (10% of the link stage's CPU before)."""
    t = _nfkc(name)
    t = _BRACKETS.sub("", t) or t
    open_at = max(t.rfind("("), t.rfind("（"))
    if open_at >= 6:  # an unclosed note at the end ("…事業（令和6年度から、…")
        t = t[:open_at]
    t = _PUNCT.sub("", t)
    changed = True
    while changed:
        changed = False
        for suf in _PROGRAM_SUFFIXES:
            if t.endswith(suf) and len(t) > len(suf) + 2:
                t, changed = t[: -len(suf)], True
    return t.translate(_SMALL_KANA).lower()


def similarity(a: str, b: str) -> float:
    """0..1 similarity of two program names after ``program_key`` (1.0 = same key)."""
    ka, kb = program_key(a), program_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    return SequenceMatcher(None, ka, kb, autojunk=False).ratio()
