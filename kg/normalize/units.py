"""Unit sanity of amounts that should be in 百万円. Pure functions.

Sources sometimes carry a payee amount in 円 where the sheet prints 百万円 (JUDGIT: e.g. 86,900,000 for a
program whose whole budget is 150 百万円). Such a value is far above everything the sheet spends; divided by
10^6 it fits. Others are in 千円 (JUDGIT 2017, 復興庁 0102: 27,909 + 17,824 + 9,079 for a program that executed
55 百万円 — 54.8 百万円 in 千円, 0.05 in 円): an amount 100-2,000x the sheet's largest figure is read as 千円 (the
reading gives 5-200% of that figure, the size of a listed payee) rather than as 円 (0.005-0.2%); only when
千円 does not fit either is it read as 円. The caller converts it, keeps the raw value and records a warning:
never silently.
"""
from __future__ import annotations

YEN_FACTOR = 1_000_000
TOO_LARGE = 100  # an amount more than 100x the sheet's largest budget/execution figure is not in 百万円


def budget_scale(budget_rows: list[dict]) -> float | None:
    """The largest budget or execution figure of a sheet (百万円), None when it reports none."""
    vals = [abs(float(b[k])) for b in budget_rows for k in ("total", "executed", "initial")
            if isinstance(b.get(k), (int, float))]  # a tuple: faster than int | float, the same test
    return max(vals) if vals and max(vals) > 0 else None


UNITS = ((1_000, "千円"), (1_000_000, "円"))


def unit_suspect(amount: float | int | None, scale: float | None) -> tuple[float, str] | None:
    """(amount in 百万円, the unit it was written in) when ``amount`` is evidently written in 千円 or 円 (see
    module doc): the first of 千円, 円 whose reading is at most twice the sheet's largest figure; else None."""
    if amount is None or scale is None or amount <= TOO_LARGE * scale:
        return None
    for factor, unit in UNITS:
        converted = amount / factor
        if converted <= 2 * scale:
            return round(converted, 6), unit
    return None
