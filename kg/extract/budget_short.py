"""Budget rows printed one cell short, in paragraph-style text (pdftotext, pdfminer.six).

A row of the 予算額・執行額 table read from paragraph-style text is its label, then its figures in order; when the
row holds one figure fewer than its columns, the reader takes the last column as the blank one (the current year's
繰越し, the request's 当初予算). But a print can lose a cell anywhere (reportlab's print, pdftotext: 「前年度から
繰越し」 over a dash that is not in the text, then 「- 0 0」 for the four years' 「- - 0 0」), and nothing in the row
tells where its blank is. The sums tell it when the figures could not stand one column off (計 = the sum of its
parts); when they could — dashes and zeros, or equal figures — a cell whose value differs between the readings
that add up is unknown, never the first reading's guess.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import combinations, product

MAX_READINGS = 256  # tables checked at most; more short rows than that: each short row's cells unknown


def placements(row: list, width: int) -> Iterator[list]:
    """``row``'s cells in order in ``width`` columns, a blank (None) in each column left over; the blanks at the
    end first (the reader's own reading)."""
    for cols in combinations(range(width), len(row)):  # (in order: the first holds the first columns)
        out: list = [None] * width
        for c, v in zip(cols, row, strict=True):
            out[c] = v
        yield out


def settled(values: dict[str, list], widths: dict[str, int], table: Callable[[dict[str, list]], list[dict] | None]
            ) -> tuple[list[dict], list[tuple[int, str]]] | None:
    """The table ``table(values)`` when no row of ``values`` is shorter than its width (``widths``: the row's
    columns, rows not named are left as read); else the table of every placement of the short rows' cells that
    ``table`` accepts (it checks the sums), each cell kept only when all of them agree on it, and the cells that
    differ as (fiscal year, field). None when no placement is accepted."""
    rows = [f for f, row in values.items() if f in widths and len(row) < widths[f]]
    first = table(values)
    if not rows or first is None:
        return (first, []) if first is not None else None
    # a part row of zeros and dashes adds nothing to any sum wherever its cells stand: its cells are searched alone
    # (each kept when all its own placements agree), the placements of the other rows together
    flat = [f for f in rows if f not in ("initial", "total") and all(not v for v in values[f])]
    short = [f for f in rows if f not in flat]
    options = [list(placements(values[f], widths[f])) for f in short]
    n = 1
    for o in options:
        n *= len(o)
    if n > MAX_READINGS:
        return _blanked(first, short)
    tables = []
    for combo in product(*options):
        got = table({**values, **dict(zip(short, combo, strict=True))})
        if got is not None:
            tables.append(got)
    out, unsure = [dict(e) for e in first], []
    alone = {f: list(placements(values[f], widths[f])) for f in flat}
    for k, entry in enumerate(out):
        for f, v in entry.items():
            if f == "fiscal_year":
                continue
            if f in alone:
                differ = any((o[k] if k < len(o) else None) != v for o in alone[f])
            else:
                differ = any(t[k].get(f) != v for t in tables)
            if differ:
                entry[f] = None
                unsure.append((entry["fiscal_year"], f))
    return out, unsure


def _blanked(first: list[dict], rows: list[str]) -> tuple[list[dict], list[tuple[int, str]]]:
    out, unsure = [dict(e) for e in first], []
    for entry in out:
        for f in rows:
            if entry.get(f) is not None:
                entry[f] = None
                unsure.append((entry["fiscal_year"], f))
    return out, unsure


__all__ = ["placements", "settled"]
