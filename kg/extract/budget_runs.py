"""The seven rows of the real form's 予算額・執行額 table from pdftotext's runs of cells when a row label is not beside
its row (LibreOffice's print): the label printed away from the table (「計」 before the year headers, 「当初予算」
「補正予算」 after the rate rows), so its row's cells come in the run of the row above (「予備費等 - - - - 220 216 121
298 166 執行額 155 181」) or before the first label (「60 27 20 43 24 - - - - 前年度から繰越し 3 - -」).

The rows keep the form's order, so a run between two labels holds the rows from the first label's to the one
before the second's (the run before the first label: the rows before it), each row a few of its cells, in order
(blank cells print nothing). Where a run holds two rows, every place it may be cut is a reading; kg.extract
.budget_gaps places each reading's cells by the sums and keeps only what all readings agree on. A label with no
cell of its own followed by another label (or ending the text) is the label printed away: passed over. The labels
kept must come in the form's order, each once, and at most MAX_MISSING rows may lack their label.
"""
from __future__ import annotations

from itertools import combinations

FIELDS = ("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve", "total", "executed")
EXE = 6
MAX_MISSING = 2  # rows without their label (their cells in another row's run)
MAX_READINGS = 24  # ways of cutting the runs before the reading gives up (unknown)


def _runs(seq: list[tuple[str, object, int]]) -> list[tuple[int | None, list]] | None:
    """(row index of the label, or None for the cells before the first label; the cells after it), labels with no
    cell of their own passed over; None when the labels left do not rise in the form's order."""
    runs: list[tuple[int | None, list]] = []
    for kind, v, _ in seq:
        if kind == "label":
            runs.append((FIELDS.index(v), []))
        elif runs:
            runs[-1][1].append(v)
        else:
            runs.append((None, [v]))
    runs = [(r, cells) for r, cells in runs if cells]
    rows = [r for r, _ in runs if r is not None]
    if not rows or any(a >= b for a, b in zip(rows, rows[1:], strict=False)):
        return None
    return runs


def _cuts(cells: list, k: int, n_cols: int) -> list[list[list]]:
    """Every cut of a run into ``k`` rows of 1 to ``n_cols`` + 1 cells each, in order (one more than the columns:
    the request year's 当初予算 printed in a later row's run, budget_gaps' figure apart; row_readings keeps it to
    the rows after 当初予算)."""
    out = []
    for at in combinations(range(1, len(cells)), k - 1):
        bounds = [0, *at, len(cells)]
        pieces = [cells[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
        if all(len(p) <= n_cols + 1 for p in pieces):
            out.append(pieces)
    return out


def row_readings(seq: list[tuple[str, object, int]], n_cols: int) -> list[list[list]] | None:
    """The readings of the seven rows' cells (in FIELDS order) when some row's label is not beside it, as this
    module tells (asked when budget_gaps.labelled_rows does not read the text: a label missing, printed twice or
    away from its row); None when the text is not of that shape or there are too many readings."""
    runs = _runs(seq)
    if runs is None:
        return None
    starts = [0 if r is None else r for r, _ in runs]
    if starts[0] != 0:
        return None  # (the first rows' cells nowhere)
    ends = [*starts[1:], len(FIELDS)]
    if any(e <= s for s, e in zip(starts, ends, strict=True)):
        return None
    spans = [e - s for s, e in zip(starts, ends, strict=True)]
    if sum(spans) - len(spans) > MAX_MISSING:
        return None
    readings: list[list[list]] = [[]]
    for (_, cells), n in zip(runs, spans, strict=True):
        cuts = _cuts(cells, n, n_cols) if n > 1 else [[cells]]
        readings = [[*r, *c] for r in readings for c in cuts]
        if not readings or len(readings) > MAX_READINGS:
            return None
    out = []
    for rows in readings:
        exe = rows[EXE]
        while len(exe) > n_cols and exe[-1] is None:  # (the 執行率 row's dashes read after 執行額's cells)
            exe = exe[:-1]
        # a part or 計 row after 当初予算 may hold the request's 当初予算 printed apart, one cell more than the columns
        # (「予備費等 - - - 0 0 4,764 2,661 2,942 2,942」: three dashes, then 計's five cells with the request's 計
        # 2,942 and its 当初予算 2,942 apart; cut at four cells only, the 計 row's first 0 was read as 予備費等's)
        if len(exe) <= n_cols and all(len(r) <= n_cols + (k > 0) for k, r in enumerate(rows[:EXE])):
            out.append([*rows[:EXE], exe])
    return out or None


__all__ = ["row_readings"]
