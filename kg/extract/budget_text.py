"""予算額・執行額 from PDF text whose figures come one per line or a few per line (pdfminer.six, pdftotext).

Such text keeps every figure of the table but not its grid: a text line holds one cell, or the cells that
sat side by side in one row ("0 ▲17": the 翌年度へ繰越し of two neighbouring years), and the lines come
column by column, row by row, or a mix of both, sometimes with a column far from the others. What holds in
every order seen is that **a year column's cells come top to bottom** (当初予算, 補正予算, 前年度から繰越し,
翌年度へ繰越し, 予備費等, 計, 執行額); so each figure, in reading order, goes to the next free cell of one
column, and the search only chooses the column. The table must then satisfy:

- 計 = 当初予算 + 補正予算 + 前年度から繰越し + 翌年度へ繰越し(▲) + 予備費等 in every year column;
- 翌年度へ繰越し is the only row holding a negative (▲) figure; 執行額 is at most 計;
- the figures after the first on one text line go to the next cells of the same row (next columns);
- a figure printed on a line starting with a row label is in that row;
- every figure is used once, and every cell gets one: the table has 3 past years (7 rows), the current year
  (6 rows, no 執行額 yet) and the next year's request (当初予算 only), 28 figures in all.

Among the tables that fit, those read with the fewest jumps win (a figure continues the previous one when it
sits just below it or just right of it in the grid). When such tables disagree on a cell, that cell is left
out (unknown beats wrong); zeros traded among cells are the same table and no tie. The search is memoised on
(figure, cells filled per column, each column's running sum, previous cell) and bounded by ``MAX_STATES``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from kg.extract.pdf_layout import ROWS, Group, budget_groups
from kg.normalize.text import lines_matching, squash

CTN, TOT, EXE = 3, 5, 6  # row indexes (ROWS order)
MAX_JUMPS = 12  # jumps in reading order beyond which a table is not looked for
MAX_STATES = 20000  # memoised states before the search gives up (a few hundred on typical texts)
_AMBIG = object()  # a cell the best tables disagree on


class Figure(NamedTuple):
    value: float
    line: int
    tail: bool = False  # not the first figure of its text line: the next cell right of the one before
    row: int | None = None  # the row its line's label names
    headed: bool = False  # the text line before it is a column header (an era year or 要求)
    texts: int = 0  # the lines of other text before its line: a run of cells is read on lines of figures only


@dataclass
class TextBudget:
    """grid[col][row] (cols: the past years, the current year, the request (one row)); None: unknown (the
    tables that fit disagree on it)."""

    grid: list[list[float | None]]
    tables: int  # distinct tables that fit
    ambiguous: list[tuple[int, int]]
    first: int = 0  # the lines its figures span
    last: int = 0


def figures(groups: list[Group], n_cells: int, lines: list[str]) -> list[Figure] | None:
    """The first ``n_cells`` money figures of ``groups`` (rates left out; ``lines``: the text they were read
    from), or None when they do not end at a line's end or are too few."""
    out: list[Figure] = []
    texts, last = 0, None
    for g in groups:
        if last is not None:
            texts += sum(1 for t in lines[last:g.line - 1] if t.strip())
        last = g.line
        before = next((t for t in reversed(lines[max(0, g.line - 4):g.line - 1]) if t.strip()), "")
        if g.percent or g.label in ("ratio_is", "ratio_total"):
            texts += 1
            continue
        if any(v is None for v in g.values):
            return None  # an unknown cell: its place cannot be told from its value
        row = ROWS.index(g.label) if g.label in ROWS else None
        for k, v in enumerate(g.values):
            out.append(Figure(v, g.line, k > 0, row if k == 0 else None,
                              k == 0 and ("要求" in before or before.strip().endswith("年度")), texts))
        if len(out) >= n_cells:
            return out if len(out) == n_cells else None
    return None


def _column_ok(col: list[float], past: bool) -> bool:
    """One year column: the parts add up to 計, ▲ only (and always) in 翌年度へ繰越し's place, 執行額 <= 計."""
    for r, v in enumerate(col):
        if (v < 0) if r != CTN else (v > 0):
            return False
    total = col[TOT]
    if past and col[EXE] > total:
        return False
    return _adds_up(col[:TOT], total)


def _adds_up(parts: list[float], total: float) -> bool:
    """計 = the sum of its parts: exactly for whole figures, within rounding (0.5 per part) for decimals."""
    s = sum(parts)
    if s == total:
        return True
    if all(float(v).is_integer() for v in [*parts, total]):
        return False
    return abs(s - total) <= 0.5 * len(parts)


MAX_STEPS = 400  # runs tried by one _by_columns search before it gives up (at most ~150 on 114 generated texts)


class _TooMany(Exception):
    pass


def _by_columns(figs: list[Figure], n_past: int, with_request: bool, floats: tuple = ()) -> list[list[list[float]]]:
    """The tables read as whole year columns in reading order, top to bottom: the past years left to right,
    the current year (6 rows) and the request (one figure) anywhere; the request may follow the current
    year's 当初予算 (the cell right of it). A figure after the first on its line is the same row's cell of the
    next year, taken out of that year's run. ``floats``: ▲ figures printed apart (not in ``figs``), each the
    翌年度へ繰越し of one past year."""
    out: list[list[list[float]]] = []
    n = len(figs)

    steps = [0]

    def walk(p: int, cols: dict, pending: dict, next_past: int, floats: tuple) -> None:
        steps[0] += 1
        if len(out) > 8 or steps[0] > MAX_STEPS:
            raise _TooMany
        if p == n:
            if len(cols) == n_past + 2 and not pending and not floats:
                out.append([cols[c] for c in range(n_past + 2)])
            return
        opts = []
        if next_past < n_past:
            opts.append((next_past, 7, False))
        if n_past not in cols:
            opts.append((n_past, 6, False))
            if (n_past, 0) not in pending:
                opts.append((n_past, 6, True))
        if n_past + 1 not in cols and (figs[p].headed or 0 < p < n - 1) and not figs[p].tail and figs[p].value >= 0:
            # (a lone figure first or last is the request only under its header: else it may be another cell)
            walk(p + 1, {**cols, n_past + 1: [figs[p].value]}, pending, next_past, floats)
        # the 当初予算 row over the columns not started yet (and the request), their other cells read later
        start = next_past if next_past < n_past else n_past
        pend, row = dict(pending), {}
        for k, c in enumerate(range(start, n_past + 2)):
            q = p + k
            if q >= n or figs[q].tail or figs[q].value < 0 or c in cols or (c, 0) in pend:
                break
            if c == n_past + 1:
                row[c] = [figs[q].value]
            else:
                pend[(c, 0)] = figs[q].value
            if figs[q].texts != figs[p].texts:
                break
            if k >= 1 and not (q + 1 < n and figs[q + 1].tail):
                walk(q + 1, {**cols, **row}, dict(pend), next_past, floats)
        for c, rows, with_req, fl in [(*o, k) for o in opts for k in
                                      ([None, *range(len(floats))] if floats and o[0] < n_past else [None])]:
            if fl is not None and (c, CTN) in pending:
                continue
            col: list[float] = []
            q = p
            pend = dict(pending)
            req = None
            ok = True
            while len(col) < rows:
                if (c, len(col)) in pend:
                    col.append(pend.pop((c, len(col))))
                    continue
                if fl is not None and len(col) == CTN:
                    col.append(floats[fl])
                    continue
                if q >= n or figs[q].tail:
                    ok = False
                    break
                v = figs[q].value
                r = len(col)
                if ((v > 0) if r == CTN else (v < 0)) or (r == TOT and v != sum(col) and not _adds_up(col, v)):
                    ok = False  # (checked again whole below)
                    break
                col.append(v)
                q += 1
                if q < n and figs[q].tail:  # the rest of the line: the same row's cell of the next column
                    if q + 1 < n and figs[q + 1].tail:
                        ok = False  # three or more on a line: a row, read by _by_rows
                        break
                    if c + 1 == n_past + 1 and len(col) == 1 and req is None and not with_req:
                        req = figs[q].value  # the request beside the current year's 当初予算
                    else:
                        pend[(c + 1, len(col) - 1)] = figs[q].value
                    q += 1
                if with_req and len(col) == 1 and req is None:
                    if q >= n or figs[q].tail or n_past + 1 in cols or figs[q].value < 0:
                        ok = False
                        break
                    req = figs[q].value
                    q += 1
                if not ok:
                    break
            if not ok or q == p or figs[q - 1].texts != figs[p].texts or \
                    not _column_ok(col + ([0.0] if rows == 6 else []), rows == 7):
                continue  # (a column's run holds no other text)
            if any(k[0] == c or k[0] in cols for k in pend) or (req is not None and n_past + 1 in cols):
                continue  # a cell pushed right into a column already read
            new = {**cols, c: col}
            if req is not None:
                new[n_past + 1] = [req]
            walk(q, new, pend, next_past + (c < n_past), floats if fl is None else floats[:fl] + floats[fl + 1:])

    walk(0, {} if with_request else {n_past + 1: [None]}, {}, 0, tuple(floats))
    return out


def _joined(run: list[Figure]) -> bool:
    """The figures were printed with no other text among them (on consecutive lines of figures)."""
    return not run or run[0].texts == run[-1].texts


def _by_rows(figs: list[Figure], n_past: int, with_request: bool) -> list[list[list[float]]]:
    """The table read row by row in reading order, left to right (当初予算 with or without the request at
    its end; else the request first or last)."""
    n_cur = n_past + 1
    sizes = [n_cur] * 6 + [n_past]
    out = []
    for where in ("row", "first", "last") if with_request else ("none",):
        if where == "none":
            req, rest = None, figs
        elif where == "row":
            if not _joined(figs[:n_cur + 1]):
                continue
            req, rest = figs[n_cur].value, figs[:n_cur] + figs[n_cur + 1:]
        elif where == "first":
            if not figs[0].headed:
                continue
            req, rest = figs[0].value, figs[1:]
        else:
            if not figs[-1].headed:
                continue
            req, rest = figs[-1].value, figs[:-1]
        rows, p = [], 0
        for size in sizes:
            rows.append([f.value for f in rest[p:p + size]])
            if not _joined(rest[p:p + size]):
                break
            p += size
        if len(rows) < len(sizes) or not _joined(rest[p - sizes[-1]:p]):
            continue
        grid = [[rows[r][c] for r in range(7) if c < len(rows[r])] for c in range(n_cur)] + [[req]]
        if (req is None or req >= 0) and all(_column_ok(col + ([0.0] if c == n_past else []), c < n_past)
                            for c, col in enumerate(grid[:n_cur])):
            out.append(grid)
    return out


def _by_blocks(figs: list[Figure], n_past: int, with_request: bool, placed: dict | None = None) -> list[list[list[float]]]:
    """The table read as its 当初予算 row (the request at its end or apart), then the four middle rows
    (補正予算 .. 予備費等) column by column (a second figure on a line: the next column's cell of that row),
    then the 計 row and the 執行額 row."""
    n_cur = n_past + 1
    out = []
    for where in ("row", "first", "last") if with_request else ("none",):
        rest = list(figs)
        req = None
        if where == "row":
            if len(rest) <= n_cur or rest[n_cur].tail or not _joined(rest[:n_cur + 1]):
                continue
            req = rest.pop(n_cur).value
        elif where == "first":
            if not rest[0].headed:
                continue
            req = rest.pop(0).value
        elif where == "last":
            if not rest[-1].headed:
                continue
            req = rest.pop().value
        cols: list[list[float]] = [[f.value] for f in rest[:n_cur]]
        q = n_cur
        pend: dict = dict(placed or {})
        ok = _joined(rest[:n_cur])
        for c in range(n_cur if ok else 0):
            q0 = q
            for r in range(1, TOT):
                if (c, r) in pend:
                    cols[c].append(pend.pop((c, r)))
                    continue
                if q >= len(rest) or rest[q].tail:
                    ok = False
                    break
                cols[c].append(rest[q].value)
                q += 1
                if q < len(rest) and rest[q].tail:
                    if c + 1 >= n_cur or (q + 1 < len(rest) and rest[q + 1].tail):
                        ok = False
                        break
                    pend[(c + 1, r)] = rest[q].value
                    q += 1
            if not ok or not _joined(rest[q0:q]):
                ok = False
                break
        if not ok or pend or len(rest) - q != n_cur + n_past or not _joined(rest[q:q + n_cur]) or \
                not _joined(rest[q + n_cur:]):
            continue
        for c in range(n_cur):
            cols[c].append(rest[q + c].value)
        for c in range(n_past):
            cols[c].append(rest[q + n_cur + c].value)
        if (req is None or req >= 0) and all(_column_ok(col + ([0.0] if c == n_past else []), c < n_past)
                                             for c, col in enumerate(cols)):
            out.append([*cols, [req]])
    return out


def read_budget(figs: list[Figure], n_past: int = 3, with_request: bool = True) -> TextBudget | None:
    """The 予算額・執行額 table from its figures in reading order (``figures``): every table that the column
    reading, the row reading and the block reading give and that adds up; the cells they disagree on are left unknown. None when
    no table fits. Without ``with_request`` the figures hold no request (its cell is None)."""
    if len(figs) != 7 * n_past + 6 + with_request:
        return None
    tables: list[list[list[float]]] = []
    try:
        for t in _by_columns(figs, n_past, with_request) + _by_rows(figs, n_past, with_request) + \
                _by_blocks(figs, n_past, with_request):
            if t not in tables:
                tables.append(t)
        # ▲ figures printed apart from their columns (pdfminer puts them in text boxes of their own, beside the
        # labels or atop the column): each placed in the 翌年度へ繰越し of a past year, the rest read as column runs
        negs = [k for k, f in enumerate(figs) if f.value < 0 and not f.tail]
        if negs and len(negs) <= n_past:
            rest = [f for k, f in enumerate(figs) if k not in negs]
            for t in _by_columns(rest, n_past, with_request, tuple(figs[k].value for k in negs)):
                if t not in tables:
                    tables.append(t)
    except _TooMany:
        return None
    if not tables:
        return None
    grid: list[list[float | None]] = [list(col) for col in tables[0]]
    ambiguous = []
    for c, col in enumerate(grid):
        for r in range(len(col)):
            if any(t[c][r] != col[r] for t in tables[1:]):
                col[r] = None
                ambiguous.append((c, r))
    return TextBudget(grid, len(tables), ambiguous, figs[0].line, figs[-1].line)


_SHI = re.compile("支")  # (a 支出先 header line holds it, its first character)


def _payee_header(text: str) -> bool:
    if "支" not in text:
        return False
    t = squash(text)
    return t.startswith("支出先") and not t.startswith("支出先上位")


def _payee_header_at(lines: list[str], lab: int, hi: int) -> int:
    """The first line from ``lab`` to ``hi`` (1-based) that is the 支出先 header (_payee_header), else hi + 1: of the
    lines holding its first character, found in the lines joined (not a call per line)."""
    if lab < 1:
        return next((i for i in range(lab, hi + 1) if _payee_header(lines[i - 1])), hi + 1)
    sub = lines[lab - 1:hi]
    return next((lab + k for k in lines_matching(sub, _SHI) if _payee_header(sub[k])), hi + 1)


def budget_from_text(lines: list[str], lab: int, hi: int, n_past: int = 3, groups: list[Group] | None = None,
                     covered: int = 0) -> tuple[TextBudget | None, int]:
    """The table read from lines lab..hi (1-based; cut at the 支出先上位10者リスト's 支出先 header, where other
    figures begin): with the request among its figures, and without it (the request printed elsewhere or not
    at all). ``groups``: budget_groups of lines 1..covered when the caller has them. (the table, or None when
    no table or more than one fits; the number of distinct tables that fit), the request's cell left out when
    the table is read both with and without it."""
    end = _payee_header_at(lines, lab, hi)
    if groups is None:
        groups, covered = [], lab - 1
    mine = [g for g in groups if lab <= g.line < end]
    if covered < end - 1:
        mine += budget_groups(lines, max(lab, covered + 1), end - 1)
    n = 7 * n_past + 6
    figs = figures(mine, n + 1, lines)
    if figs is None:
        figs = figures(mine, n, lines)
    found: list[TextBudget] = []
    for with_req in (True, False):
        if figs is None or len(figs) < n + with_req or (len(figs) > n and figs[n].tail):
            continue
        got = read_budget(figs[:n + with_req], n_past, with_req)
        if got is not None:
            found.append(got)
    years = {repr(t.grid[:-1]) for t in found}
    n = sum(t.tables for t in found)
    if not found or len(years) > 1 or any(t.ambiguous for t in found):
        return None, max(n, len(years))
    best = found[0]
    if len(found) > 1:  # read both with and without a request: the 28th figure may be another table's
        best.grid[-1] = [None]
    return best, 1


__all__ = ["Figure", "TextBudget", "figures", "read_budget", "budget_from_text"]
