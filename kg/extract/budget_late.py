"""The last past year's 執行額 of the real review-sheet form when the text prints it after the next table
(LibreOffice's print, pdftotext: 「執行額 155 181」, the 執行率 and 割合 rows, the 歳出予算目 table, then 「執行率(%) 89」).

The cell is not where its row is, so its place does not tell it; the printed rates do: the year's 執行率 (執行額 / 計)
and 当初予算+補正予算に対する執行額の割合 (執行額 / (当初予算 + 補正予算)) are printed as whole percentages, so its 執行額
lies where both round to the printed ones. A figure printed after the table that lies there, and no other figure
there, is it; and the printed percentages must then be the rate rows' of every past year (budget_tail.rates_match).
"""
from __future__ import annotations

import re

from kg.extract.budget_tail import rates_match
from kg.normalize.numbers import parse_number

_FIGURE = re.compile(r"(?<![\d,.])\d[\d,]*(?![\d,.%])")
_STOP = ("活動内容", "活動目標", "活動指標", "成果目標", "成果実績", "支出先")
MAX_LINES = 120  # lines after the table within which the cell is looked for
HALF = 0.5 + 1e-9  # a printed whole percentage: the rate rounded


def figures_after(lines: list[str], first: int) -> set[float]:
    """The figures printed from line ``first`` (1-based) to the next part of the sheet (活動内容, 成果目標, …)."""
    out: set[float] = set()
    for t in lines[first - 1:first - 1 + MAX_LINES]:
        if any(w in t for w in _STOP):
            break
        for x in _FIGURE.findall(t):
            p = parse_number(x)
            if not p.error and p.value is not None:
                out.add(p.value)
    return out


def _rounds_to(part: float, whole: float | None, printed: list[float]) -> bool:
    return whole is None or whole <= 0 or any(abs(100.0 * part / whole - p) <= HALF for p in printed)


def late_executed(lines: list[str], first: int, totals: list, executed: list, base: list,
                  printed: list[float]) -> float | None:
    """The last past year's 執行額 (``executed``'s last, None) read from the figures printed from line ``first`` on,
    as this module tells; None when no figure or more than one fits."""
    total, b = totals[-1], base[-1]
    if not printed or not total or total <= 0:
        return None
    fits = [v for v in figures_after(lines, first) if 0 < v <= total and _rounds_to(v, total, printed)
            and _rounds_to(v, b, printed)
            and rates_match(printed, totals, [*executed[:-1], v], base)]
    return fits[0] if len(fits) == 1 else None


__all__ = ["figures_after", "late_executed"]
