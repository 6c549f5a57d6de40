"""法人番号 (corporate number): 13 digits, the first a check digit over the other 12 (国税庁 rule).

check digit = 9 - (sum(P_n * Q_n for n=1..12) mod 9), P_n the n-th digit of the 12-digit base counted
from the right, Q_n = 1 for odd n and 2 for even n.  Pure functions.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

DIGITS13 = re.compile(r"\d{13}")  # a 法人番号's shape (fullmatch), or a run holding one (search); check digit apart


def check_digit(base12: str) -> int:
    digits = list(map(int, base12))
    if len(digits) != 12:
        raise ValueError("base must have 12 digits")
    # P_n counted from the right: odd n (the last digit, then every second one leftwards) weigh 1, even n weigh 2
    total = sum(digits[::-2]) + 2 * sum(digits[-2::-2])
    return 9 - (total % 9)


class Houjin(NamedTuple):
    number: str | None  # the valid 13-digit number, else None
    raw: str | None  # the text as printed (None when blank/unknown)
    error: str | None  # why the raw text is not a valid number


@lru_cache(maxsize=1 << 18)
def validate(raw: str | None) -> Houjin:
    """Validate a printed 法人番号. Blank/dash -> Houjin(None, None, None). Cached: a national build validates the
    same numbers hundreds of thousands of times (payee rows)."""
    from kg.normalize.text import is_unknown

    if raw is None or is_unknown(raw):
        return Houjin(None, None, None)
    t = unicodedata.normalize("NFKC", str(raw)).strip().replace(" ", "").replace("-", "")
    if t.endswith(".0"):  # spreadsheet floats
        t = t[:-2]
    if not t.isdigit():
        return Houjin(None, str(raw), "non-digit characters")
    if len(t) != 13:
        return Houjin(None, str(raw), f"wrong length ({len(t)} digits, want 13)")
    if int(t[0]) != check_digit(t[1:]):
        return Houjin(None, str(raw), f"check digit {t[0]} != {check_digit(t[1:])}")
    return Houjin(t, str(raw), None)


def is_valid(raw: str | None) -> bool:
    return validate(raw).number is not None


def error_kind(error: str | None) -> str | None:
    """Class of a ``validate`` error message: wrong_length | check_digit | non_digit | other (None: no error)."""
    if not error:
        return None
    for prefix, kind in (("wrong length", "wrong_length"), ("check digit", "check_digit"), ("non-digit", "non_digit")):
        if error.startswith(prefix):
            return kind
    return "other"
