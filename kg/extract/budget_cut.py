"""予算額・執行額 of the real form in row-style text (pdfplumber: one form row per line) whose narrow cells wrapped
their figures past what budget_rows reads: a row's line holds a lone 「▲」 or a cut figure (「4,43」, 「24,79」, 「40,」)
whose rest stands on the next line(s) among the row label's own wrapped pieces (「翌年度へ ▲ 3,713 ▲ ▲ 3,230 - -」
over 「繰越し 7,477」), maybe glued to the next cell (「44,3925,046」 over 「2」: 44,392 and 25,046), or two whole
figures glued (「39,08840,524」).

Each row is read every way its text allows: a line's words cut into cells (a 「▲」 before a figure its mark or a
cell of its own), the pieces on the lines below given in order to the cells still open (a cell that takes no
piece on a line is closed), every cell in the end a dash or a figure grouped by commas. A table is a choice of
one reading per row that the form proves:

- every past and current year's column adds up (計 = 当初 + 補正 + 前年度から繰越し + 翌年度へ繰越し(▲) + 予備費等;
  a dashed 計, a column of dashes), the request year's 計 (when printed) is its 当初予算 and nothing else is there;
- the printed 執行率 and 割合 rows are those of the past years' 執行額 (budget_tail.rates_match);
- the 歳出予算目 table's 計 is the current year's 当初予算 and the request (in either order): as
  budget_breakdown.breakdown_totals reads it when that table's rows add up to it, else its 計 row read as the
  budget's rows are (「計 24,15 48,865」 over 「7」: its rows' figures cut too), when there is one.

A cell is read when every choice that fits gives it the same value, else left unknown; no choice, no table.
(Not used: which column a wrapped cell's width fits. A row's last printed cell may be merged with the blank cells
after it — rv1812's 執行額 「60,959」 on one line where 「57,615」 wrapped above it — and a proportional font's digits
differ in width, so a cell printed whole tells no sure bound on its column.)
"""
from __future__ import annotations

import re
from itertools import combinations, product

from kg.extract.budget_breakdown import breakdown_totals
from kg.extract.budget_lines import _BUDGET_ROW, _BUDGET_ROW_FIRST, _row_field
from kg.extract.budget_tail import printed_rates, rates_match
from kg.extract.folded_text import folded as _folded
from kg.extract.page_marks import is_page_mark
from kg.normalize.text import is_dash

FIELDS = ("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve", "total", "executed")
MAX_TABLES = 20000  # choices of one reading per row before the search gives up (unknown)
MAX_LINES = 60  # lines from the table's label within which its rows are looked for

_OPEN = re.compile(r"^[▲△]?(?:[1-9]\d{0,2}(?:,\d{3})*(?:,\d{0,2})?)?$")  # a figure's text so far (「▲」「4,43」「40,」)
_WHOLE = re.compile(r"^[▲△]?[1-9]\d{0,2}(?:,\d{3})*$|^0$")  # a figure grouped by commas, as printed
_PIECE = re.compile(r"^[▲△]?[\d,]+$")  # a wrapped figure's piece on a line below its row's
_LABEL_CHARS = frozenset("予算の状況当初補正前年度から繰越し翌へ備費等計執行額")  # a row label's wrapped pieces
_MARKS = "▲△"
_UNGROUPED = re.compile(r"^[▲△]?\d{4,}$")


def _cuts(word: str, most: int) -> list[list[str]]:
    """The ways ``word`` is one cell's text or several glued (「39,08840,524」), each part a dash, a whole figure or
    a figure's text so far, at most ``most`` parts."""
    if not word or most <= 0:
        return []
    out = [[word]] if _cell_text(word) else []
    for i in range(1, len(word)):
        head = word[:i]
        if _cell_text(head):
            out += [[head, *rest] for rest in _cuts(word[i:], most - 1)]
    return out


def _cell_text(text: str) -> bool:
    return is_dash(text) or bool(_WHOLE.match(text)) or bool(_OPEN.match(text) and text)


def _heads(words: list[str], most: int) -> list[list[str]]:
    """The ways a row's line cuts into cells (a lone 「▲」 before a figure: its mark, the print's space after it,
    or a cell of its own whose figure wrapped)."""
    if not words:
        return [[]]
    w, rest = words[0], words[1:]
    out = []
    if w in _MARKS and rest and rest[0][:1].isdigit():
        out += [[*c, *r] for c in _cuts(w + rest[0], most) for r in _heads(rest[1:], most - len(c))]
    out += [[*c, *r] for c in _cuts(w, most) for r in _heads(rest, most - len(c))]
    return out


def _completions(cells: list[str], lines: list[list[str]]) -> list[list[str]]:
    """``cells`` completed by the pieces of the lines below, each line's pieces given in order to cells still open
    (a cell that took no piece on a line took none after)."""
    out = []

    def walk(cells: list[str], open_: list[int], k: int) -> None:
        if k == len(lines):
            if all(is_dash(c) or _WHOLE.match(c) for c in cells):
                out.append(cells)
            return
        pieces = lines[k]
        for chosen in combinations(open_, len(pieces)):
            new = list(cells)
            for i, p in zip(chosen, pieces, strict=True):
                new[i] += p
            if all(_OPEN.match(new[i]) or _WHOLE.match(new[i]) for i in chosen):
                walk(new, list(chosen), k + 1)

    walk(cells, [i for i, c in enumerate(cells) if _OPEN.match(c) and c], 0)
    return out


def _value(text: str) -> int | None:
    if is_dash(text):
        return None
    v = int(text.lstrip(_MARKS).replace(",", ""))
    return -v if text[:1] in _MARKS else v


def row_readings(words: list[str], lines: list[list[str]], most: int) -> list[tuple]:
    """Every reading of one row: its cells' values (None for a dash), distinct; at most ``most`` cells."""
    return list(dict.fromkeys(tuple(_value(c) for c in done) for cells in _heads(words, most)
                              for done in _completions(cells, lines)))


def _row_lines(L: list[str], lab: int) -> list[tuple[str, list[str], list[list[str]], int, int]] | None:
    """The seven rows (field, words after the label, pieces of each line below, first line, last line), in the
    form's order, each row's lines below it up to the next row's label; None when a row is missing or out of order,
    or a line below a row holds anything but its label's pieces and figures' pieces."""
    rows: list = []
    n = lab
    end = min(len(L), lab + MAX_LINES)
    while n <= end and len(rows) < len(FIELDS):
        t = L[n - 1]
        m = _BUDGET_ROW.match(t) if t[:1] in _BUDGET_ROW_FIRST else None
        if m is None:
            if rows:
                pieces = _pieces(t)
                if pieces is None:
                    return None
                if pieces:
                    rows[-1][2].append(pieces)
                rows[-1][4] = n
            n += 1
            continue
        field = _row_field(m[1])
        if field != FIELDS[len(rows)]:
            return None
        rows.append([field, m[2].split(), [], n, n])
        n += 1
    if len(rows) != len(FIELDS):
        return None
    while n <= end and (pieces := _pieces(L[n - 1])):  # the 執行額 row's own lines below it
        rows[-1][2].append(pieces)
        rows[-1][4] = n
        n += 1
    return [tuple(r) for r in rows]


def _pieces(text: str) -> list[str] | None:
    """A line below a row's: its figures' pieces after its labels' wrapped pieces ([] for none), None for any
    other text."""
    if is_page_mark(text):
        return []
    words = text.split()
    while words and set(words[0]) <= _LABEL_CHARS:
        words.pop(0)
    return words if all(_PIECE.match(w) for w in words) else None


def budget_cut(L: list[str], years: list[tuple[int, bool]], lab: int) -> tuple[list[dict], int, int, list, list] | None:
    """The table as the module doc reads it: (entries, first line, last line, [], the cells left unknown as
    「year field」), or None. ``years``: [(year, is_request)], the request year last."""
    if len(years) < 2 or not years[-1][1]:
        return None
    L = _folded(L)
    rows = _row_lines(L, lab)
    if rows is None or any("." in w or _UNGROUPED.match(w) for r in rows for w in r[1]):
        return None  # (a decimal; a figure printed without commas, 「4248」: 4,248 or 「42」「48」 glued, not told)
    n = len(years)
    readings = []
    for field, words, below, _, _ in rows:
        most = n - 1 if field == "executed" else n
        least = n if field == "initial" else n - 2 if field == "executed" else n - 1
        got = [r for r in row_readings(words, below, most) if len(r) >= least]
        if not got:
            return None
        readings.append(got)
    count = 1
    for r in readings:
        count *= len(r)
    if count > MAX_TABLES:
        return None
    rates = printed_rates(L, rows[-1][4] + 1)
    told = breakdown_totals(L, lab)
    told = {told[:2]} if told is not None else _breakdown_total(L, rows[-1][4] + 1)
    fits = [t for t in product(*readings) if _fits(t, n, rates, told)]
    if not fits:
        return None
    return _entries(fits, years, rows[0][3], rows[-1][4])


def _breakdown_total(L: list[str], after: int) -> set[tuple] | None:
    """The readings of the 歳出予算目 table's 計 row (its current year's 当初予算 and the request's 要求額, wrapped
    as the budget table's figures are: 「計 24,15 48,865」 over 「7」) when that table's rows do not add up as read
    (budget_breakdown.breakdown_totals: a row's figure cut too); None when no such row follows its title."""
    titled = False
    for n in range(after, min(len(L), after + MAX_LINES) + 1):
        t = L[n - 1]
        if _BREAKDOWN_END.search(t):
            return None
        titled = titled or "歳出" in t.replace(" ", "")
        if titled and t.startswith("計 "):
            below = []
            for x in L[n:n + 3]:
                if not (pieces := _pieces(x)):
                    break
                below.append(pieces)
            got = {r for r in row_readings(t.split()[1:], below, 2) if len(r) == 2 and None not in r}
            return got or None
    return None


_BREAKDOWN_END = re.compile("活動内容|成果目標|成果実績|活動指標|活動目標|支出先")


def _grid(table: tuple, n: int) -> list[list]:
    """The table's cells by row, each padded with None to ``n`` columns (a short row: its leading columns)."""
    return [list(vals) + [None] * (n - len(vals)) for vals in table]


def _fits(table: tuple, n: int, rates: list[float], told: tuple | None) -> bool:
    g = _grid(table, n)
    ini, tot, exe = g[0], g[5], g[6]
    for c in range(n - 1):
        parts = [g[r][c] for r in range(5)]
        if tot[c] is None:
            if any(v is not None for v in parts) or exe[c]:
                return False
        elif sum(v for v in parts if v is not None) != tot[c]:
            return False
    req = n - 1
    if ini[req] is None or tot[req] not in (None, ini[req]) or any(g[r][req] for r in range(1, 5)):
        return False
    past = n - 2
    if rates:
        base = [None if ini[c] is None and g[1][c] is None else (ini[c] or 0) + (g[1][c] or 0) for c in range(past)]
        if not rates_match(rates, tot[:past], exe[:past], base):
            return False
    if told is not None and (ini[n - 2], ini[req]) not in told and (ini[req], ini[n - 2]) not in told:
        return False
    return True


def _entries(fits: list[tuple], years: list[tuple[int, bool]], first: int, last: int
             ) -> tuple[list[dict], int, int, list, list[str]]:
    """The budget entries of the tables that fit, a cell None (and named in the last list) where they differ."""
    n = len(years)
    grids = [_grid(t, n) for t in fits]
    budget, unknown = [], []
    for c, (y, req) in enumerate(years):
        keys = [("requested", 0)] if req else [(f, r) for r, f in enumerate(FIELDS)]
        e: dict = {"fiscal_year": y}
        for f, r in keys:
            vals = {g[r][c] for g in grids}
            e[f] = next(iter(vals)) if len(vals) == 1 else None
            if len(vals) > 1:
                unknown.append(f"{y} {f}")
        budget.append(e)
    return budget, first, last, [], unknown


__all__ = ["budget_cut", "row_readings"]
