"""事業番号 (review-sheet program numbers) in every printed spelling. Pure functions.

Canonical forms:
- RS-era sheets (2021-2023): "YYYY-省-NN-NNNN", e.g. "2021-総務-20-0095" (YYYY review year, 省 the
  ministry abbreviation as printed, NN the previous era year, NNNN the serial).
- older sheets: the bare serial "0039", or "新29-0004" for new programs (新 + era year + serial),
  or a short "20-0094" (era year + serial, as 関連事業 tables print it).

Accepted spellings include "総務省 - 0037", "総務省 (0049)", "総務省 - 新02 - 0013",
"2021 総務 20 0032", "2023ｰ経産ｰ22ｰ0252", "2023警察220059", "令和５年度　2023環境22 0150", and lists
"2023農水22-0204、2022農水21-0206" / "0407,0416" (``parse_numbers``).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from kg.normalize.era import parse_year

_DASHES = "-‐‑‒–—―−－ｰー~〜"
_DASH_RE = re.compile(f"[{re.escape(_DASHES)}]")
# (two characters at least: no ministry abbreviates to one, 「2021 文」 over 「- 0365」 is a cut 文科 and another cell's
# number, not 2021-文-0365)
_MINISTRY_WORD = r"[^\d\s,、，;；()（）\[\]「」/・-]{2,8}?"

# 2021-総務-20-0095, 2021 総務 20 0032, 2023警察220059, 2023環境22 0150
# (2022-国交-0117 has no era year; 2023-こども-新23-0001 is a new program; "-1" marks a sub-sheet)
_SUB = r"(?:-(?P<sub>\d{1,2})(?![\d-]))?"
_RS_RE = re.compile(
    rf"(?<!\d)(?P<y>20\d\d)\s*-?\s*(?P<m>{_MINISTRY_WORD})\s*-?\s*(?:(?P<e>新?\d\d)\s*-?\s*)?(?P<n>\d{{4}})(?!\d)"
    + _SUB
)
_NEW_RE = re.compile(r"新\s*(?P<e>\d{1,2})\s*-?\s*(?P<n>\d{4})(?!\d)" + _SUB)
_SHORT_RE = re.compile(r"(?<![\d新])(?P<e>\d{2})\s*-\s*(?P<n>\d{4})(?!\d)" + _SUB)
# (not after an era year apart from it, 「20 0135」: the tail of an RS number whose year and ministry wrapped
# elsewhere, 「2021 総務」 over 「20 0135」; the serial alone is not the number)
_BARE_RE = re.compile(r"(?<![\d-])(?<![^\d]\d\d )(?<!^\d\d )(?P<n>\d{4})(?![\d年])" + _SUB)


def _sub(m: re.Match) -> str:
    return f"-{m['sub']}" if m["sub"] else ""


_ORG_DASH_RE = re.compile(r"(省|庁|府|委員会)\s*-\s*")
_DASHES_RE = re.compile(r"-{2,}")
_YEAR_HEAD_RE = re.compile(r"(20\d\d)\s*年度\s*:?\s*(?=20\d\d)")
_ERA_COLON_RE = re.compile(r"(新?\d\d)\s*:\s*(\d{4})(?!\d)")
_BLANKS_RE = re.compile(r"[ \t\u3000]+")
_YEAR4_RE = re.compile(r"20\d\d")
_NON_DIGIT_AHEAD_RE = re.compile(r"\s*-?\s*\D")


def _prep(text: str) -> str:
    t = unicodedata.normalize("NFKC", text or "")
    t = _DASH_RE.sub("-", t)
    t = _ORG_DASH_RE.sub(r"\1 ", t)  # "総務省 - 0037" -> "総務省 0037"
    t = _DASHES_RE.sub("-", t)  # "2023-経産-新23--0068"
    t = _YEAR_HEAD_RE.sub("", t)  # "2023年度:2023-経産-新23-0008"
    t = _ERA_COLON_RE.sub(r"\1-\2", t)  # "経産22:0436" (era year : serial)
    return _BLANKS_RE.sub(" ", t).strip()


class NumberRef(NamedTuple):
    number: str  # canonical 事業番号
    fiscal_year: int | None  # review year the number belongs to, when the text says it
    raw: str  # the piece of text it came from


def parse_numbers(text: str | None, fiscal_year: int | None = None) -> list[NumberRef]:
    """Every 事業番号 in ``text``, canonical, in order, without duplicates.

    ``fiscal_year``: the review year to attach to numbers that carry none (e.g. a table row
    "平成29年度  0039"); an era year written in the text itself ("令和５年度　…") takes precedence.
    Text with no number (``"-"``, a policy number like "政策8") gives [].
    Cached (a pure function: JUDGIT and the linkers ask for the same few thousand numbers over and over).
    """
    return list(_parse_numbers(text or "", fiscal_year))


@lru_cache(maxsize=1 << 16)
def _parse_numbers(text: str, fiscal_year: int | None) -> tuple[NumberRef, ...]:
    t = _prep(text)
    if not t:
        return ()
    year_in_text, _ = parse_year(t)
    default_year = year_in_text or fiscal_year
    out: list[NumberRef] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, number: str, year: int | None) -> None:
        if any(a < m.end() and m.start() < b for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        out.append(NumberRef(number, year, m.group(0).strip()))

    for m in _RS_RE.finditer(t):
        era = f"{m['e']}-" if m["e"] else ""
        add(m, f"{m['y']}-{m['m']}-{era}{m['n']}{_sub(m)}", int(m["y"]))
    for m in _NEW_RE.finditer(t):
        add(m, f"新{int(m['e']):02d}-{m['n']}{_sub(m)}", default_year)
    for m in _SHORT_RE.finditer(t):
        add(m, f"{m['e']}-{m['n']}{_sub(m)}", default_year)
    for m in _BARE_RE.finditer(t):
        if _YEAR4_RE.fullmatch(m["n"]) and _NON_DIGIT_AHEAD_RE.match(t, m.end()):
            continue  # a year heading an RS number we could not parse
        add(m, m["n"] + _sub(m), default_year)
    order = {r.raw: i for i, r in enumerate(out)}
    seen: set[str] = set()
    result = []
    for r in sorted(out, key=lambda r: (t.find(r.raw), order[r.raw])):
        if r.number not in seen:
            seen.add(r.number)
            result.append(r)
    return tuple(result)


def canonical_number(text: str | None) -> str | None:
    """The single 事業番号 printed in ``text`` in canonical form, or None ("-", blank, no number)."""
    refs = parse_numbers(text)
    return refs[0].number if refs else None


def serial(number: str) -> str:
    """The 4-digit serial of any canonical number: '2021-総務-20-0095' -> '0095', '新29-0004' -> '0004',
    '0036-1' (a sub-sheet) -> '0036'."""
    parts = number.split("-")
    if len(parts) > 1 and len(parts[-1]) <= 2 and len(parts[-2]) == 4 and parts[-2].isdigit():
        return parts[-2]
    return parts[-1]


def is_rs_format(number: str) -> bool:
    return bool(re.fullmatch(r"20\d\d-[^-\d]+-(新?\d\d-)?\d{4}(-\d{1,2})?", number))


def match_key(number: str) -> str:
    """Key for comparing numbers across sources: '2023-総務省-22-0100' and '2023-総務-22-0100' agree."""
    m = re.fullmatch(r"(20\d\d)-(.+?)(省|庁|府)?-((?:新?\d\d-)?\d{4})(?:-(\d{1,2}))?", number)
    if m:
        return f"{m[1]}-{m[2]}-{m[4]}" + (f"-{int(m[5])}" if m[5] else "")
    m = re.fullmatch(r"(.*\d{4})-0(\d)", number)  # a sub-sheet written "0001-04" is "0001-4"
    return f"{m[1]}-{m[2]}" if m else number
