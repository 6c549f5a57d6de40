"""予算額・執行額 of the real review-sheet form from text that prints each row after its label, left to right, but
leaves its blank cells out (pdftotext, pdfplumber): 「前年度から繰越し」 then 「- 67 -」 for five year columns.

Which columns a short row's cells sit in is not printed; the table's own arithmetic tells it where it can:

- a row's printed cells (figures and dashes) are some of the year columns (past years, the current year, the
  request year), in order; the columns it leaves out are blank (nothing, like a dash);
- every past and current year's column adds up: 計 = 当初予算 + 補正予算 + 前年度から繰越し + 翌年度へ繰越し(▲) + 予備費等,
  a column without 計 holds nothing, 執行額 (past years only) is at most 計, ▲ only in 翌年度へ繰越し;
- the request year's column holds its 当初予算 and, maybe, its 計, which is then that 当初予算; a figure of that
  column may come apart in a later row's run (its cell spanning the rows: 「前年度から繰越し 1 - 2 3 -」, the 3 the
  request's; its 計 after 執行額's figures), looked for only when no placement fits without: read as its 当初予算
  only when another of its figures is that value too (else left to the 歳出予算目 table).

Every placement of every row that keeps these is considered (a search over the rows, its state each column's
running sum, so placements giving the same sums are one state); a cell is read when every placement gives it the
same value, and a year is kept when its 計 is so read. A table whose rows do not each follow their own label is read
from its runs of cells, a label away from its row (budget_runs); one that lacks a row is not read here.
"""
from __future__ import annotations

from itertools import combinations

from kg.extract.budget_boxes import _unwrapped
from kg.extract.budget_breakdown import breakdown_pair
from kg.extract.budget_late import figures_after
from kg.extract.budget_lines import _adds_up, _paragraph_sequence, paragraph_sequence, row_cells
from kg.extract.budget_runs import row_readings
from kg.extract.folded_text import folded as _folded
from kg.normalize.numbers import as_int_if_whole

FIELDS = ("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve", "total", "executed")
INI, CTN, TOT, EXE = 0, 3, 5, 6
FLOAT = 10  # (the request's figure printed apart: its cell spans the rows, its text where it falls)
MAX_STATES = 5000  # running-sum states of one row before the search gives up (unknown)
_UNKNOWN = object()  # a cell the placements disagree on


def labelled_rows(seq: list[tuple[str, object, int]]) -> tuple[list[list], int, int] | None:
    """The seven rows' printed cells (in ROW order), and the lines they span, when each row label is followed by
    its own cells and every row is there once; else None (labels in a run share the figures after them, cut any
    way: budget_paragraphs' case)."""
    rows: dict[int, list] = {}
    k = 0
    while k < len(seq):
        kind, field, _ = seq[k]
        if kind != "label" or FIELDS.index(field) in rows:
            return None
        cells, k = row_cells(seq, k + 1)
        if not cells:
            return None
        rows[FIELDS.index(field)] = cells
    if len(rows) != len(FIELDS):
        return None
    return [rows[r] for r in range(len(FIELDS))], seq[0][2], seq[-1][2]


def _placements(cells: list, n_cols: int, row: int, apart: bool) -> list[tuple]:
    """The row's values per column for each way its printed ``cells`` may sit among ``n_cols`` columns (None:
    a dash or a blank), distinct, ▲ in 翌年度へ繰越し only, the request year's column (the last) holding only its
    当初予算 and 計; then the figure of the request year's column printed in this row's run apart from its own
    cell (a row after 当初予算, when ``apart``), or None."""
    options = [(cells, None)]
    if apart and row > INI and not (row == EXE and len(cells) <= n_cols - 2):  # (an 執行額 row printing a cell for
        # each past year, dashes too, holds no figure of another: 「239 183 414」 is no request's 414 printed apart)
        options += [([*cells[:i], *cells[i + 1:]], v) for i, v in enumerate(cells) if v is not None and v > 0]
    out = set()
    for rest, apart in options:
        for at in combinations(range(n_cols), len(rest)):
            vec = [None] * n_cols
            for c, v in zip(at, rest, strict=True):
                vec[c] = v
            if all(v is None or ((v <= 0) if row == CTN else (v >= 0)) for v in vec) and \
                    (vec[-1] is None or row in (INI, TOT)):
                out.add((*vec, apart))
    return sorted(out, key=lambda v: [(x is None, x or 0) for x in v])


def _add(state: tuple, vec: tuple) -> tuple:
    """Each column's (sum, printed parts, all whole) after one more row; the request year's figure printed
    apart (``vec``'s last) counted as FLOAT parts of its column."""
    out = [(s, n, w) if v is None else (s + v, n + 1, w and float(v).is_integer())
           for (s, n, w), v in zip(state, vec[:-1], strict=True)]
    if vec[-1] is not None:
        s, n, w = out[-1]
        out[-1] = (s + vec[-1], n + FLOAT, w and float(vec[-1]).is_integer())
    return tuple(out)


def _closes(part: tuple, total, executed, is_past: bool) -> bool:
    """A column's 計 and 執行額 fit its parts' running sum ``part``."""
    s, n, whole = part
    if executed is not None and (not is_past or total is None or executed > total):
        return False
    if total is None:
        return n == 0
    if n == 0:
        return total == 0
    if whole and float(total).is_integer():
        return s == total
    return abs(s - total) <= 0.5 * n  # (decimals: each part rounded)


def _request(part: tuple, total, *apart) -> object:
    """The request year's 当初予算 in one reading: its figures (its 当初予算 cell or one printed apart in a parts
    row (``part``), its 計 cell, figures printed apart in the 計 and 執行額 rows) must all be one value; a lone
    figure printed apart in a parts row is not known to be it (_UNKNOWN), and one in the 計 or 執行額 row is no
    reading. False when they differ."""
    s, n, _ = part
    if n not in (0, 1, FLOAT):
        return False
    figs = [s] if n else []
    figs += [x for x in (total, *apart) if x is not None]
    if len(set(figs)) > 1 or (len(figs) == 1 and any(x is not None for x in apart)):
        return False  # (one printed apart after 計 alone: an 執行額 or 計 of its own row may be it)
    if not figs:
        return None
    return figs[0] if n == 1 or len(figs) > 1 else _UNKNOWN


def solve(rows: list[list], n_past: int, apart: bool = False, short: bool = False, request: float | None = None) \
        -> list[list] | None:
    """[past columns..., current, request] of cell values every placement agrees on (_UNKNOWN elsewhere), or
    None when no placement fits or the search grows too large; ``apart``: the request year's figures printed
    apart are read too; ``short``: the 計 row holds the past years' cells alone, in order (its current year's and
    request's printed after the next table, 「計 56,817 36,554」 after the 歳出予算目 table's own 計), the current
    year's column then not closed by a 計 (its 計 unknown); ``request``: the request's 要求額 the 歳出予算目 table
    tells, a placement giving it another 当初予算 no reading."""
    n_cols = n_past + 2
    vecs = [_placements(cells, n_cols, r, apart) for r, cells in enumerate(rows)]
    if short:
        if len(rows[TOT]) != n_past or any(v is not None and v < 0 for v in rows[TOT]) or \
                any(len(cells) > n_past + 1 for cells in rows[INI + 1:TOT]):
            return None  # (a part row with a cell in the request's column: the current year's, unchecked, may
            # take a cell of another column — a dash or a 0 read into a past year's column changes no sum)
        vecs[TOT] = [(*rows[TOT], None, None, None)]
    if any(not v for v in vecs):
        return None
    levels: list[dict[tuple, list]] = [{tuple((0, 0, True) for _ in range(n_cols)): []}]
    for r in range(TOT):
        nxt: dict[tuple, list] = {}
        for state in levels[-1]:
            for vec in vecs[r]:
                nxt.setdefault(_add(state, vec), []).append((state, vec))
        if len(nxt) > MAX_STATES:
            return None
        levels.append(nxt)
    used: list[set] = [set() for _ in FIELDS]
    alive = set()
    requests = set()
    req = n_cols - 1
    work = 0
    tots, exes = vecs[TOT], vecs[EXE]
    # the 計 rows whose column c closes a column at sum-state x, as a bit set over ``tots`` (per column, per
    # distinct x: the states share them), and the 執行額 rows each 計 row allows (neither depends on the state):
    # the pairs tried in the same order as a loop over every state, 計 row and 執行額 row
    closing: list[dict[tuple, int]] = [{} for _ in range(req)]
    fits: dict[int, list[tuple]] = {}
    everything = (1 << len(tots)) - 1
    for state in levels[-1]:
        ok = everything
        for c in range(req):
            x = state[c]
            bits = closing[c].get(x)
            if bits is None:
                bits = closing[c][x] = everything if short and c == n_past else \
                    sum(1 << j for j, t in enumerate(tots) if _closes(x, t[c], None, c < n_past))
            ok &= bits
            if not ok:
                break
        while ok:
            j = (ok & -ok).bit_length() - 1
            ok &= ok - 1
            t = tots[j]
            work += len(exes)
            if j not in fits:
                fits[j] = [e for e in exes if all(e[c] is None or (c < n_past and t[c] is not None and e[c] <= t[c])
                                                  for c in range(req))]
            for e in fits[j]:
                if (got := _request(state[req], t[req], t[-1], e[-1])) is not False and \
                        (request is None or got is None or got is _UNKNOWN or got == request):
                    alive.add(state)
                    used[TOT].add(t)
                    used[EXE].add(e)
                    requests.add(got)
            if work > MAX_STATES * 4:
                return None
    if not alive:
        return None
    for r in range(TOT - 1, -1, -1):
        back = set()
        for state in alive:
            for prev, vec in levels[r + 1][state]:
                back.add(prev)
                used[r].add(vec)
        alive = back
    grid: list[list] = [[None] * len(FIELDS) for _ in range(n_cols)]
    for r in range(len(FIELDS)):
        for c in range(n_cols):
            vals = {v[c] for v in used[r]}
            grid[c][r] = vals.pop() if len(vals) == 1 else _UNKNOWN
    grid[req][INI] = requests.pop() if len(requests) == 1 else _UNKNOWN
    return grid


def budget_gaps(lines: list[str], years: list[tuple[int, bool]], start: int) \
        -> tuple[list[dict], int, int, list[int], list[str]] | None:
    """(budget entries of the years whose 計 every placement agrees on, first line, last line, the years left out,
    the cells left unknown as "year field"), or None when the text is not of this shape or nothing fits."""
    seq = paragraph_sequence(lines, start)
    if seq is None:  # (a figure unreadable: one wrapped in its cell, its last digits under the next cell's figure,
        # 「26,6 56,598」「67」, made whole — budget_boxes._unwrapped — the lines' other text as it was)
        seq = _paragraph_sequence(_unwrapped(_folded(lines), start + 1, min(len(lines), start + 120)), start)
    got = labelled_rows(seq) if seq else None
    n_past = sum(1 for _, req in years if not req) - 1
    if got is None:  # (a row label away from its row: every reading of the runs, what they all agree on)
        readings = row_readings(seq, n_past + 2) if seq else None
        grid = _agreed([g for rows in readings or () if (g := solve(rows, n_past) or solve(rows, n_past, apart=True)
                                                          or _request_after_executed(rows, n_past)) is not None])
        if grid is not None and grid[n_past][TOT] is _UNKNOWN:
            grid = _told_by_breakdown(lines, start, readings, n_past) or grid
        first, last = (seq[0][2], seq[-1][2]) if seq else (0, 0)
        short = False
    else:
        rows, first, last = got
        grid = solve(rows, n_past) or solve(rows, n_past, apart=True) or _total_in_part_row(rows, n_past) or \
            _request_after_executed(rows, n_past)
        short = grid is None  # (a figure apart: when nothing else fits)
    if short:
        grid = solve(rows, n_past, short=True)
        if grid is None or not _total_printed_after(lines, last, grid[n_past]):
            return None
    if grid is None:
        return None
    if got is not None and not short and grid[n_past][TOT] is _UNKNOWN:
        grid = _told_by_breakdown(lines, start, [rows], n_past) or grid
    budget, dropped, unknown = [], [], []
    for (y, is_req), col in zip(years, grid, strict=True):
        if is_req:
            budget.append({"fiscal_year": y, "requested": None if col[INI] is _UNKNOWN else _num(col[INI])})
            continue
        if col[TOT] is _UNKNOWN:
            dropped.append(y)
            continue
        if short and y == years[n_past][0]:
            col = [*col[:TOT], _UNKNOWN, *col[TOT + 1:]]  # (its 計 not printed in its row: unknown, not a blank)
        entry = {"fiscal_year": y}
        for r, f in enumerate(FIELDS):
            v = col[r]
            if v is _UNKNOWN:
                unknown.append(f"{y} {f}")
                v = None
            entry[f] = _num(v)
        budget.append(entry)
    if not any("total" in e for e in budget):
        return None
    return budget, first, last, dropped, unknown


def _told_by_breakdown(lines: list[str], start: int, readings: list[list[list]], n_past: int) -> list[list] | None:
    """The table when the placements leave the current year's column unknown because the current year's and the
    request's cells may sit in either column (the 当初予算 row 「5 4 4 4」, no request printed: 4 the current year's,
    or the request's and the current year's cell blank) and the 歳出予算目 table's 計 row tells them: it gives a
    figure of the 当初予算 row as the current year's 当初予算 with the request's 要求額 its rows add up to
    (budget_breakdown.breakdown_pair); the placements are then those not giving the request another 当初予算, taken
    when they read that figure as the current year's 当初予算 and tell its 計 — for one such figure only (the rows
    read more ways, ``readings``: what every way agrees on)."""
    found = []
    for x in {v for rows in readings for v in rows[INI] if v is not None and v > 0}:
        pair = breakdown_pair(lines, start, float(x))
        if pair is None:
            continue
        grid = _agreed([g for rows in readings if (g := solve(rows, n_past, request=pair[0]) or
                                                   solve(rows, n_past, apart=True, request=pair[0])) is not None])
        if grid is not None and grid[n_past][INI] == x and grid[n_past][TOT] is not _UNKNOWN:
            found.append(grid)
    return found[0] if len(found) == 1 else None


def _total_in_part_row(rows: list[list], n_past: int) -> list[list] | None:
    """The table whose 計 row holds the past years' cells alone because the current year's and the request's 計
    were printed in a part row's run (LibreOffice's print, pdftotext: 「予備費等 - - 29,908 56,598 -」, then 「計
    15,878 23,341 28,824」): two figures side by side in a part row, the second the request's 当初予算, put back at
    the 計 row's end — taken when the table then fits with the first as the current year's 計 (its parts adding up
    to it) and the second as the request's; the readings of every such pair, what they agree on."""
    ini = rows[INI]
    if len(rows[TOT]) != n_past or len(ini) != n_past + 2 or ini[-1] is None:
        return None
    grids = []
    for r in range(INI + 1, TOT):
        cells = rows[r]
        for i in range(len(cells) - 1):
            a, b = cells[i], cells[i + 1]
            if a is None or b != ini[-1] or a <= 0:
                continue
            moved = [*rows[:r], [*cells[:i], *cells[i + 2:]], *rows[r + 1:TOT], [*rows[TOT], a, b], *rows[TOT + 1:]]
            grid = solve(moved, n_past)
            if grid is not None and grid[n_past][TOT] == a and grid[-1][INI] == b:
                grids.append(grid)
    return _agreed(grids)


def _request_after_executed(rows: list[list], n_past: int) -> list[list] | None:
    """The table whose request year's column (its 当初予算 and its 計, one value: its parts blank) was printed after
    the 執行額 row's cells, so read as that row's (LibreOffice's print, pdftotext: 「執行額」「2」「3」「7」「2」「2」, then
    the rate rows' dashes 「-」「-」 before their percentages): the 執行額 row holding more cells than the past years',
    its last two figures (after its trailing dashes) equal; read without them, the request's 当初予算 that value — when
    no placement gives it another."""
    exe = list(rows[EXE])
    while len(exe) > n_past and exe[-1] is None:
        exe.pop()
    if len(exe) < n_past + 2 or exe[-1] is None or exe[-1] <= 0 or exe[-2] != exe[-1]:
        return None
    req = exe[-1]
    grid = solve([*rows[:EXE], exe[:-2]], n_past, request=req)
    if grid is None or grid[-1][INI] not in (None, req):
        return None
    grid[-1][INI] = req
    return grid


def _total_printed_after(lines: list[str], last: int, col: list) -> bool:
    """Whether the current year's parts, read without a 計 to check them, add up to a figure printed after the table
    (its 計 printed after the 歳出予算目 table, which also prints it as its 計 row's 当初予算): a figure of another
    column read into it (seen: the request's 当初予算 and the current year's 計 in the part rows' runs, 「前年度から
    繰越し - - - 21」「予備費等 - - - 58」) makes a sum printed nowhere. Its parts must all be told."""
    parts = col[:TOT]
    if any(v is _UNKNOWN for v in parts) or col[INI] is None:
        return False
    total = sum(v for v in parts if v is not None)
    return any(_adds_up([total], v) for v in figures_after(lines, last + 1))


def _agreed(grids: list[list[list]]) -> list[list] | None:
    """The cells every grid holds alike (_UNKNOWN elsewhere); None when there is no grid."""
    if not grids:
        return None
    return [[v if all(g[c][r] == v for g in grids[1:]) else _UNKNOWN for r, v in enumerate(col)]
            for c, col in enumerate(grids[0])]


_num = as_int_if_whole  # (None stays None)


__all__ = ["labelled_rows", "solve", "budget_gaps"]
