"""地方公共団体 (local governments): their 法人番号 and 全国地方公共団体コード. Pure functions.

A 地方公共団体's 法人番号 is its check digit + "000020" + its 6-digit 団体コード; the 団体コード is the 5-digit
全国地方公共団体コード (2-digit prefecture per JIS X 0401 + 3 digits, 000 for the prefecture itself) plus a check
digit: 11 - (Σ digit × weight 6,5,4,3,2 mod 11), last digit. 北海道: 01000 -> 010006 -> 法人番号 7000020010006.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.normalize.houjin import check_digit

# JIS X 0401 prefecture numbering (01 北海道 … 47 沖縄県)
PREFECTURES = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
    "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
    "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
    "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
    "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
)
LG_MARK = "000020"
_PREF_INDEX = {name: i for i, name in enumerate(PREFECTURES, 1)}
_MUNICIPALITY_RE = re.compile(r"^(?P<pref>.{2,3}?[都道府県]|北海道)?(?P<name>[^\s都道府県]{1,10}?(?:市|町|村|区))$")


def code_check_digit(code5: str) -> int:
    """Check digit of a 5-digit 全国地方公共団体コード."""
    if len(code5) != 5 or not code5.isdigit():
        raise ValueError("a 団体コード has 5 digits")
    s = sum(int(d) * w for d, w in zip(code5, (6, 5, 4, 3, 2), strict=True))
    return (11 - s % 11) % 10


def code6(code5: str) -> str:
    return code5 + str(code_check_digit(code5))


def prefecture_code(name: str) -> str | None:
    """'北海道' -> '010006' (6-digit 団体コード of the prefecture), None when not a prefecture name."""
    i = _PREF_INDEX.get(clean(name))
    return code6(f"{i:02d}000") if i else None


def corporate_number(code6_: str) -> str:
    """The 法人番号 of the 地方公共団体 with this 6-digit 団体コード."""
    base = LG_MARK + code6_
    return f"{check_digit(base)}{base}"


def lg_code(number: str | None) -> str | None:
    """The 6-digit 団体コード a 地方公共団体's 法人番号 encodes (None for other numbers or a bad code check digit)."""
    if not number or len(number) != 13 or number[1:7] != LG_MARK:
        return None
    c = number[7:]
    if not c.isdigit() or code_check_digit(c[:5]) != int(c[5]):
        return None
    return c


def prefecture_of(code6_: str) -> str | None:
    """The prefecture name of a 団体コード ('010006' -> '北海道'; a municipality's code -> its prefecture)."""
    i = int(code6_[:2]) if code6_[:2].isdigit() else 0
    return PREFECTURES[i - 1] if 1 <= i <= 47 else None


def is_prefecture_code(code6_: str) -> bool:
    return code6_[2:5] == "000"


@lru_cache(maxsize=1 << 17)
def clean(name: str | None) -> str:
    """NFKC, no white space: how a payee name is compared with a 地方公共団体 name (cached: the findings stage asks
    for every payee row's name)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name or ""))


def is_prefecture_name(name: str | None) -> bool:
    return clean(name) in _PREF_INDEX


def municipality_name(name: str | None) -> tuple[str | None, str] | None:
    """'北海道伊達市' -> ('北海道', '伊達市'); '伊達市' -> (None, '伊達市'); None when the name is not shaped like a
    市町村/特別区 name (a company or a body with a longer name)."""
    t = clean(name)
    if not t or t in _PREF_INDEX:
        return None
    m = _MUNICIPALITY_RE.match(t)
    if not m:
        return None
    pref = m["pref"] if m["pref"] in _PREF_INDEX else None
    if m["pref"] and pref is None:
        return None
    return pref, m["name"]
