"""Cell values of the RS-system CSVs: text (NFKC, unknown marks as None), flags, integers, 円 -> 百万円."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.normalize.era import kanji_to_int
from kg.normalize.numbers import as_int_if_whole, parse_number
from kg.normalize.text import is_unknown, nfkc
from kg.records import Record, warn

YEN_PER_MILLION = 1_000_000


def cell(row: dict, key: str) -> str | None:
    v = row.get(key)
    return _text(v) if v else None  # "" is unknown


@lru_cache(maxsize=1 << 16)
def _text(v: str) -> str | None:
    """A cell's text (NFKC), None for the unknown marks. Cached: the RS files repeat their cells (府省庁, ブロック,
    費目, TRUE/FALSE) on row after row; nfkc and is_unknown were a third of the reader's time (bench/README.md)."""
    return None if is_unknown(v) else nfkc(v)


@lru_cache(maxsize=1 << 14)
def nfkc_cached(v: str | None) -> str:
    """kg.normalize.text.nfkc, cached (予算事業ID of every row, header names)."""
    return nfkc(v)


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
    if v.isascii() and v.isdigit():  # the usual cell, "1234567": what parse_number gives, without its steps
        return as_int_if_whole(round(float(v) / YEN_PER_MILLION, 6))
    p = parse_number(v)
    if p.error or p.value is None:
        warn(rec, "rs_bad_amount", f"{code} row {n} {key}: {v!r} is not an amount", line=n, field=fld)
        return None
    return as_int_if_whole(round(p.value / YEN_PER_MILLION, 6))


_INT_RE = re.compile(r"-?\d+(\.0+)?")


def to_int(v: str | None) -> int | None:
    if v is None:
        return None
    t = nfkc(v)
    if _INT_RE.fullmatch(t):
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
