"""Numbers as printed in the sheets. Pure functions.

Money is in 百万円; "▲"/"△" is minus; the dash family and blank are *unknown* (None), never 0.
Malformed numbers ("1,2,3", "約5") are refused with a reason, never coerced silently.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from kg.normalize.text import is_unknown


class Parsed(NamedTuple):
    value: float | None
    error: str | None = None  # None when the text was a clean number or an unknown marker


_NUM = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


def parse_number(text: str | None, percent: bool = False) -> Parsed:
    """'3,209' -> 3209; '▲ 3,180' -> -3180; '-' -> None; '83.3%' -> 83.3 (percent=True).

    Returns Parsed(None, reason) for text that is not a clean number.
    """
    if type(text) is str and len(text) <= _SHORT:
        return _parsed(text, percent)
    return _parse(text, percent)


# parse_number is pure and its answer immutable (a tuple of a float or None and a str or None); a sheet's readers
# parse the same cells again and again (two calls in three repeat one made earlier in the same document): a
# bounded cache of the answers for short strings, as kg.normalize.text does for nfkc
_SHORT = 64


def _parse(text: str | None, percent: bool = False) -> Parsed:
    if text is None or is_unknown(text):
        return Parsed(None)
    t = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    neg = False
    if t[:1] in "▲△":
        neg, t = True, t[1:]
    if t.endswith("%"):
        if not percent:
            return Parsed(None, f"unexpected percent in number: {text!r}")
        t = t[:-1]
    if not _NUM.match(t):
        return Parsed(None, f"not a number: {text!r}")
    v = float(t.replace(",", ""))
    if t.startswith("-"):
        neg, v = not neg, abs(v)
    return Parsed(-v if neg else v)


_parsed = lru_cache(maxsize=1 << 13)(_parse)


def as_int_if_whole(v: float | None) -> float | int | None:
    """3.0 -> 3 (JSON output stays readable); other values unchanged."""
    if v is not None and float(v).is_integer():
        return int(v)
    return v


_YEN_UNITS = {"百万円": 1.0, "千円": 0.001, "万円": 0.01, "億円": 100.0, "円": 1e-6}


def parse_money(text: str | None) -> Parsed:
    """'2,343百万円' -> 2343; '(2,266百万円)' -> 2266; '9403百万円' -> 9403 (in 百万円)."""
    if text is None:
        return Parsed(None)
    t = unicodedata.normalize("NFKC", text).strip().strip("()（）").strip()
    for unit, factor in _YEN_UNITS.items():
        if t.endswith(unit):
            p = parse_number(t[: -len(unit)])
            if p.value is None:
                return p
            return Parsed(round(p.value * factor, 6))
    return parse_number(t)
