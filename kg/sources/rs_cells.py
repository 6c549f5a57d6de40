"""Cell values of the RS-system CSVs: text (NFKC, unknown marks as None), flags, integers, 円 -> 百万円."""
from __future__ import annotations

import re

from kg.normalize.era import kanji_to_int
from kg.normalize.numbers import as_int_if_whole, parse_number
from kg.normalize.text import is_unknown, nfkc
from kg.records import Record, warn

YEN_PER_MILLION = 1_000_000


def cell(row: dict, key: str) -> str | None:
    v = row.get(key)
    return None if v is None or is_unknown(v) else nfkc(v)


def raw_cell(row: dict, key: str) -> str | None:
    v = row.get(key)
    return None if v is None or not v.strip() else v.strip()


def is_true(row: dict, key: str) -> bool:
    return (row.get(key) or "").strip().upper() in ("TRUE", "1")


def yen(rec: Record, row: dict, key: str, n: int, code: str, fld: str) -> float | int | None:
    """Amount in 円 -> 百万円 (6 decimals); a bad value is warned and kept raw in the message."""
    v = row.get(key)
    if v is None or not v.strip():
        return None
    p = parse_number(v)
    if p.error or p.value is None:
        warn(rec, "rs_bad_amount", f"{code} row {n} {key}: {v!r} is not an amount", line=n, field=fld)
        return None
    return as_int_if_whole(round(p.value / YEN_PER_MILLION, 6))


def to_int(v: str | None) -> int | None:
    if v is None:
        return None
    t = nfkc(v)
    if re.fullmatch(r"-?\d+(\.0+)?", t):
        return int(float(t))
    return None


def ref_number(text: str | None, unit: str) -> str | None:
    """'第百三条の二' -> '103の2', '第4項' -> '4', '19' -> '19'; None when it is not one number."""
    t = nfkc(text).replace(" ", "")
    if not t:
        return None
    t = re.sub(rf"^第|{unit}$", "", t)
    t = t.replace(unit + "の", "の")
    parts = t.split("の")
    nums = [kanji_to_int(x) for x in parts]
    if any(x is None for x in nums):
        return None
    return "の".join(str(x) for x in nums)
