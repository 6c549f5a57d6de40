"""Unit sanity of amounts that should be in 百万円. Pure functions.

Sources sometimes carry a payee amount in 円 where the sheet prints 百万円 (JUDGIT: e.g. 86,900,000 for a
program whose whole budget is 150 百万円). Such a value is far above everything the sheet spends; divided by
10^6 it fits. The caller converts it, keeps the raw value and records a warning: never silently.
"""
from __future__ import annotations

YEN_FACTOR = 1_000_000
TOO_LARGE = 100  # an amount more than 100x the sheet's largest budget/execution figure is not in 百万円


def budget_scale(budget_rows: list[dict]) -> float | None:
    """The largest budget or execution figure of a sheet (百万円), None when it reports none."""
    vals = [abs(float(b[k])) for b in budget_rows for k in ("total", "executed", "initial")
            if isinstance(b.get(k), int | float)]
    return max(vals) if vals and max(vals) > 0 else None


def yen_suspect(amount: float | int | None, scale: float | None) -> float | None:
    """``amount`` converted to 百万円 when it is evidently written in 円 (see module doc), else None."""
    if amount is None or scale is None or amount <= TOO_LARGE * scale:
        return None
    converted = amount / YEN_FACTOR
    return round(converted, 6) if converted <= 2 * scale else None
