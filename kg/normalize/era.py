"""Japanese eras and fiscal years. Pure functions.

令和N = 2018+N (令和元 = 2019), 平成N = 1988+N, 昭和N = 1925+N, 大正N = 1911+N, 明治N = 1867+N.
A bare "30年度" continues the era of the previous header cell (see ``parse_year_headers``).
"""
from __future__ import annotations

import re
import unicodedata

ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "明治": 1867}
# first Gregorian year of each era, newest first (for year -> era)
_ERA_START = [("令和", 2019), ("平成", 1989), ("昭和", 1926), ("大正", 1912), ("明治", 1868)]
_ERA_ABBR = {"R": "令和", "H": "平成", "S": "昭和", "T": "大正", "M": "明治"}

_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
KANJI_NUM = "〇零一二三四五六七八九十百千"


def kanji_to_int(text: str) -> int | None:
    """'三十' -> 30, '百三' -> 103, '二〇二一' -> 2021, '元' -> 1; arabic digits pass through."""
    t = unicodedata.normalize("NFKC", text).strip()
    if not t:
        return None
    if t == "元":
        return 1
    if t.isdigit():
        return int(t)
    if any(c not in _KANJI_DIGITS and c not in _KANJI_UNITS for c in t):
        return None
    if not any(c in _KANJI_UNITS for c in t):  # positional: 二〇二一
        return int("".join(str(_KANJI_DIGITS[c]) for c in t))
    total, current = 0, 0
    for c in t:
        if c in _KANJI_DIGITS:
            current = _KANJI_DIGITS[c]
        else:
            total += (current or 1) * _KANJI_UNITS[c]
            current = 0
    return total + current


def era_to_year(era: str, n: int) -> int:
    """('令和', 1) -> 2019."""
    return ERAS[era] + n


def year_to_era(year: int) -> tuple[str, int]:
    """2019 -> ('令和', 1); 1989 -> ('平成', 1). Inverse of era_to_year for the era in force on 1 April."""
    for era, start in _ERA_START:
        if year >= start:
            return era, year - ERAS[era]
    raise ValueError(f"year before 明治: {year}")


_YEAR_RE = re.compile(
    r"(?P<era>令和|平成|昭和|大正|明治|[RHST](?=\d))?\s*(?P<n>元|\d{1,4}|[〇零一二三四五六七八九十百]+)\s*年(?!月)"
)


def parse_year(text: str, prev_era: str | None = None) -> tuple[int | None, str | None]:
    """First year in ``text`` as a Gregorian year, with the era it was written in.

    '令和元年度' -> (2019, '令和'); '30年度' with prev_era '平成' -> (2018, '平成');
    '2021年度' -> (2021, None). Returns (None, prev_era) when no year is found.
    """
    t = unicodedata.normalize("NFKC", text or "")
    m = _YEAR_RE.search(t)
    if not m:
        return None, prev_era
    era = m.group("era")
    era = _ERA_ABBR.get(era, era)
    n = kanji_to_int(m.group("n"))
    if n is None:
        return None, prev_era
    if era:
        return era_to_year(era, n), era
    if n >= 1000:
        return n, prev_era
    if prev_era:
        return era_to_year(prev_era, n), prev_era
    return None, prev_era


def parse_year_headers(cells: list[str], default_era: str | None = None) -> list[int | None]:
    """Years of a header row; a bare 'N年度' continues the era of the cell before it.

    ['平成29年度', '30年度', '令和元年度', '2年度'] -> [2017, 2018, 2019, 2020].
    """
    out: list[int | None] = []
    era = default_era
    for c in cells:
        y, era = parse_year(c, era)
        out.append(y)
    return out


def guess_era(year_n: int, sheet_year: int) -> int | None:
    """A bare era number with no era anywhere: pick the era that puts it nearest ``sheet_year``."""
    best = None
    for era in ERAS:
        y = ERAS[era] + year_n
        if best is None or abs(y - sheet_year) < abs(best - sheet_year):
            best = y
    return best


def plausible_fiscal_year(year: int | None) -> bool:
    """Years a review sheet can talk about: 明治 onwards and not far in the future."""
    return year is not None and 1868 <= year <= 2100
