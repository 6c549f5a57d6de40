"""予算額・執行額 of the real review-sheet form from pdfminer.six's text, whose cells come as text boxes in an order
that follows the page's layout tree, not the grid: a row's cells, a column's, or pieces of both, the year columns
in no fixed order (seen: 平成26, 27, 24, 25年度).

What the text does establish, and all this reader relies on:

- a figure on a row label's line (「当初予算 337」「翌年度へ繰越し ▲3」) sat right of that label: it is the first year
  column's cell of that row (a text line is one run of characters across the page, so only the cell next to the
  label can share its line); a percentage on a rate label's line (「執行率(%) 100%」) is the first year's rate;
- the figures after the first on one text line are the same row's cells of the next columns, left to right;
- a year column's cells come top to bottom (当初予算, 補正予算, 前年度から繰越し, 翌年度へ繰越し, 予備費等, 計, 執行額);
  the current year's column has no 執行額, the request's holds its 当初予算, maybe dashes, and its 計;
- every column adds up: 計 = 当初予算 + 補正予算 + 前年度から繰越し + 翌年度へ繰越し(▲) + 予備費等 (a dash adds nothing),
  ▲ only in 翌年度へ繰越し, 執行額 at most 計; the request's 計 is its 当初予算.

Every assignment of the figures to the columns that keeps these is considered (a search over (figure, cells
filled per column, each column's running sum), so the many equal readings of interchangeable zeros cost nothing);
a cell is read when every assignment gives it the same value, and a year is kept when its 計 is so read. Columns
that nothing tells apart (two past years whose figures could be swapped) stay unknown.
"""
from __future__ import annotations

import gc
import re
from bisect import bisect_left, insort
from itertools import repeat
from operator import sub
from typing import NamedTuple

from kg.extract.budget_breakdown import breakdown_totals
from kg.extract.budget_lines import _BUDGET_LABEL, _LABEL_REST, _MARK_GAP, _adds_up, _row_field
from kg.extract.doc_memo import last_document
from kg.extract.folded_text import folded as _folded
from kg.extract.payee_rows_text import FIGURE
from kg.extract.review_text import _YEAR_CUT
from kg.normalize.era import parse_year
from kg.normalize.numbers import as_int_if_whole, parse_number
from kg.normalize.text import CELL_DASHES

FIELDS = ("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve", "total", "executed")
INI, CTN, TOT, EXE = 0, 3, 5, 6
_BAD_GROUPS = re.compile(r",(?!\d{3}(?:\D|$))")  # 「19,99」: a figure wrapped in its cell (「0」 on the next line)
_PCT = re.compile(r"^\d+(?:\.\d+)?%$")
_WORDS = re.compile(r"\S+")
_RATE_LABELS = ("執行率", "当初予算+補正予算")
_END = ("歳出予", "予算内訳", "増減理由", "成果目標", "成果実績", "活動指標", "活動内容", "支出先", "政策評価", "関連事業")
MAX_LINES = 200
_RESUME = 12  # lines of the 予算内訳 table's header
MAX_STATES = 4000  # search states before the reader gives up (unknown; ~70 ms CPU on a loaded machine, ~25 ms
# there before the columns-swapped key and the 計 count: each state now costs about 3 times as much, and covers more)
_BITS = 5  # a column's count of cells filled in a state (the request's: 2 flags and up to 4 dashes)


class Cell(NamedTuple):
    value: float | None  # None: a dash
    line: int
    row: int | None = None  # the row its label names (the first figure on a label's line: the first column)
    tail: bool = False  # after the first figure of its line: the next column's cell of the same row
    col: int | None = None  # the column it is known to sit in (with ``row``)


def cells(lines: list[str], start: int, n_cols: int = 5) -> list[Cell] | None:
    """The table's cells from line ``start`` on (``table``'s cells)."""
    got = table(lines, start, n_cols)
    return None if got is None else got[0]


def table(lines: list[str], start: int, n_cols: int = 5, first_year: int | None = None) -> tuple[list[Cell], list[float]] | None:
    """(the table's cells, the percentages printed among them: its 執行率 rows'), or None when a figure is not
    readable (wrapped in its cell). The cells from line ``start`` (its 予算額 label) on, in text order. The ``n_cols`` figures right after the 当初予算 label (on
    its line, then on lines of figures only) are that row's cells left to right (``col`` set) when no figure came
    before the label: the row under the year headers, which pdfminer prints whole after its label when it prints
    it there at all (variants 1-59: in order every time but one, a column so narrow that its figures wrapped
    (「34」 over 「1」) and its header too, its bare 「28」 before the label). With ``first_year`` (the first column's
    year), a year column printed whole right under its own header is placed there (_headed_columns)."""
    got = _table(lines, start, n_cols)
    if got is None:
        return None
    cs, rates, folded = got
    out = list(cs)
    if first_year is not None and out:
        out = _headed_columns(folded, start, out, first_year, n_cols)
    return out, list(rates)


@last_document
def _table(lines: list[str], start: int, n_cols: int) -> tuple[tuple[Cell, ...], tuple[float, ...], list[str]] | None:
    """``table``'s cells and percentages before any column is placed by its header, and the lines it read them
    from; kept for the document (budget_boxes asks, then budget_strips when the boxes read nothing: the same
    table)."""
    out: list[Cell] = []
    rates: list[float] = []
    row_at: int | None = None  # where the 当初予算 row's figures begin, while they are being read
    rest = ""  # the rest of a cut 当初予算 label, expected on the next line
    folded = _marks_joined(_unwrapped(_folded(lines), start, min(len(lines), start + MAX_LINES), True), start,
                           min(len(lines), start + MAX_LINES))
    last_row = None
    resumed = False
    n = start - 1
    while n < min(len(lines), start + MAX_LINES):
        n += 1
        t = folded[n - 1].strip()
        if not t:
            continue
        if resumed and not all(_cell(w) or _PCT.match(w) for w in t.split()):
            at = _header_end(folded, n)
            if at is None:
                break  # the run of the table's figures after the 予算内訳 header is over
            n = at  # a year column's header among them (its cells follow it: _headed_columns)
            continue
        if any(w in t for w in _END):
            at = None if resumed or len(out) >= 7 * n_cols - 6 else _resume(folded, n)
            if at is None:
                break
            n, resumed, last_row = at - 1, True, None
            continue
        if "▲" in t or "△" in t:
            t = _MARK_GAP.sub(r"\1", t)
        if t.isdigit() and len(t) <= 2 and _year_piece(folded, n):
            continue
        words = t.split()
        if rest and t == rest and row_at == len(out):
            rest = ""  # the 当初予算 label's rest wrapped in its cell (「当初予」 over 「算」)
            continue
        rest = ""
        if row_at is not None and len(out) - row_at < n_cols and not all(_cell(w) for w in words):
            row_at = None  # other text among them: the row is not printed whole here
        if t.startswith(_RATE_LABELS):
            rates += [float(w[:-1]) for w in words if _PCT.match(w)]  # 「執行率(%) 100%」: the first year's
            last_row = None
            continue
        row, figs = None, words
        m = _BUDGET_LABEL.match(t)
        if m:
            last_row = _row_field(m[1])
            row, figs = last_row, (m[2] or "").split()
            if row == "initial" and row_at is None and not out:
                row_at = len(out)
                rest = "当初予算"[len(m[1].replace(" ", "")):] if not m[2] else ""
        elif words[0] in _LABEL_REST or (words[0] not in CELL_DASHES and not FIGURE.match(words[0]) and
                                         not _PCT.match(words[0])):
            if words[0] in _LABEL_REST and last_row is not None and all(_cell(w) for w in words[1:]):
                row, figs = last_row, words[1:]
            else:
                last_row = None if words[0] not in _LABEL_REST else last_row
                continue
        if not all(_cell(w) or _PCT.match(w) for w in figs):
            continue
        k = 0
        for w in figs:
            if _PCT.match(w):
                rates.append(float(w[:-1]))
                continue
            if _BAD_GROUPS.search(w):
                return None
            v = None if w in CELL_DASHES else parse_number(w).value
            if w not in CELL_DASHES and v is None:
                return None
            out.append(Cell(v, n, FIELDS.index(row) if row is not None and k == 0 else None, k > 0))
            k += 1
    if row_at is not None and len(out) - row_at >= n_cols:
        out[row_at:row_at + n_cols] = [c._replace(row=0, col=k) for k, c in enumerate(out[row_at:row_at + n_cols])]
    return tuple(out), tuple(rates), folded


def _year_piece(folded: list[str], n: int) -> bool:
    """Whether line ``n`` (a bare number of one or two digits) is a year column's header wrapped in its narrow
    cell, the era name over it and 年度 under it (「平成」「26」「年度」), or the era left to the header before it, whose
    年度 ends the line over it (「平成24年」「度」「25」「年度」): the year, not a cell of the table."""
    before = next((folded[j - 1].strip() for j in range(n - 1, max(0, n - 3), -1) if folded[j - 1].strip()), "")
    after = next((folded[j - 1].strip() for j in range(n + 1, min(len(folded), n + 2) + 1) if folded[j - 1].strip()), "")
    return before.endswith(("平成", "令和", "度")) and after.startswith("年")


_HEADER = re.compile(r"^(?:令和|平成)?(?:元|\d{1,2})年度(要求)?$")  # a year column's header alone on its line
_ERA = re.compile(r"令和|平成")


def _headed_columns(folded: list[str], start: int, cs: list[Cell], first_year: int, n_cols: int) -> list[Cell]:
    """``cs`` with the cells of each year column that pdfminer printed as one text box right after its header's
    (「2年度」 then 「46,887」「13,434」「-」「▲ 8,478」「-」「51,843」「36,403」, then 「70%」) placed in that column,
    row by row. The header alone on its line (an era year, or a bare one continuing the era last written, with
    要求 exactly for the request's column), the next text line its first cell, each line of the run one cell and
    nothing but cells, the run ending where text or a rate follows, and the run the whole column: 7 cells adding
    up for a past year (計 = its parts, ▲ only in 翌年度へ繰越し, 執行額 at most 計), 6 for the current year, the
    request's 当初予算, its dashes and its 計 equal to it. A header followed by anything else ties nothing (seen:
    「平成29年度要求」 then the current year's 「21」, the request's 「35」 after it), nor does one right after another
    header; and the ties are kept only when two headers or more each tie their column so (the text alternating
    header and column), one alone is no sign of it."""
    n_past = n_cols - 2
    by_line: dict[int, list[int]] = {}
    for k, c in enumerate(cs):
        by_line.setdefault(c.line, []).append(k)
    ties: list[tuple[list[int], list[int], int]] = []
    era, before = None, ""
    for n in range(start, cs[-1].line):
        t = folded[n - 1].replace(" ", "")
        m = _HEADER.match(t) if "年度" in t else None
        if m:
            y, era = parse_year(t, era)
        for e in _ERA.findall(t):
            era = e
        after, before = before, t or before  # (the text line before this one)
        if not m or y is None or not 0 <= y - first_year < n_cols or (y - first_year == n_cols - 1) != bool(m[1]) \
                or "年度" in after:
            continue  # (a header after another: the headers written in a run, the columns after them (seen:
            # 「平成25年度」「26年度」「27年度」, then 2013's column), so the last is followed by the first column)
        col = y - first_year
        run = []
        for j in range(n + 1, min(len(folded), cs[-1].line) + 1):
            if not folded[j - 1].strip():
                continue
            ks = by_line.get(j, [])
            if len(ks) != 1 or len(_MARK_GAP.sub(r"\1", folded[j - 1]).split()) != 1 or cs[ks[0]].row is not None or cs[ks[0]].col is not None:
                break
            run.append(ks[0])
        vals = [cs[k].value for k in run]
        rows = _column_rows(vals, col, n_past)
        if rows is not None:
            ties.append((run, rows, col))
    out = list(cs)
    if len(ties) == 1 and not _rated_strip(folded, cs, *ties[0], n_past):
        return out  # one header and column alone: no sign the text alternates them
    for run, rows, col in ties:
        for k, r in zip(run, rows, strict=True):
            out[k] = cs[k]._replace(row=r, col=col)
    return out


def _rated_strip(folded: list[str], cs: list[Cell], run: list[int], rows: list[int], col: int, n_past: int) -> bool:
    """Whether a header's run is its past year's column written whole between its header and its own 執行率: the
    next text line after the run a percentage, 執行額 / 計 of the run as rounded. pdfminer then wrote the column's
    strip of boxes (header, cells, rates) as one group, nothing else inside it (held on the variants' prints, both
    producers: 14 such runs, each under its own header; a header followed by another column's run was followed
    by no rate, seen 6 times)."""
    if col >= n_past or len(rows) != 7:
        return False
    total, executed = cs[run[TOT]].value, cs[run[EXE]].value
    n = cs[run[-1]].line
    nxt = next((t.split() for t in folded[n:n + 3] if t.strip()), [])
    if not total or executed is None or not nxt or not _PCT.match(nxt[0]):
        return False
    return _rate_in(100 * executed / total, [float(nxt[0][:-1])])


def _column_rows(vals: list[float | None], col: int, n_past: int) -> list[int] | None:
    """The rows of a whole year column's figures in order (see _headed_columns), or None when they are not one."""
    if col > n_past:  # the request: 当初予算, dashes, its 計 the same figure
        if not 2 <= len(vals) <= 6 or vals[0] is None or vals[0] < 0 or vals[-1] != vals[0] or \
                any(v is not None for v in vals[1:-1]):
            return None
        return [INI, *range(1, len(vals) - 1), TOT]
    if len(vals) != (7 if col < n_past else 6):
        return None
    parts, total = [v or 0 for v in vals[:TOT]], vals[TOT]
    if any((v or 0) > 0 if r == CTN else (v or 0) < 0 for r, v in enumerate(vals)):
        return None
    if total is None or not _adds_up(parts, total) or (col < n_past and (vals[EXE] or 0) > total):
        return None
    return list(range(len(vals)))


def _unwrapped(folded: list[str], start: int, end: int, last_only: bool = False) -> list[str]:
    """``folded`` with figures wrapped in their cells made whole: a line holding figures whose last group is short
    (「50,34」) and the next text lines, one for each in order, the missing digits alone (「5」) are 「50,345」 (seen:
    「59,64」「9」, 「5,96」「6」, 「44,062 59,64 19,625」「9」, 「49,68 48,84 23,029」「6」「9」); other short groups
    stay (the figure unreadable). ``last_only``: only a line's one short figure at its end (what pdfminer's text
    boxes wrap; the search here would run on pdftotext's rows too, for nothing but time)."""
    out = folded
    for n in range(start, end + 1):
        line = out[n - 1]
        if not _BAD_GROUPS.search(line):
            continue  # (no word of it holds one: a comma's next three characters are the same in the line, its
            # word's end a space or the line's)
        cut = [m for m in _WORDS.finditer(line) if _BAD_GROUPS.search(m[0]) and FIGURE.match(m[0])]
        if not cut or last_only and (len(cut) > 1 or cut[0].end() < len(line.rstrip())):
            continue
        rests, k = [], n
        for m in cut:
            k = next((j for j in range(k + 1, min(len(folded), k + 3) + 1) if out[j - 1].strip()), 0)
            rest = out[k - 1].strip() if k else ""
            need = 3 - len(m[0].rsplit(",", 1)[1])
            if not last_only and len(cut) == 1 and _digits(rest) and len(rest) < need:
                rest, ks = _rest_below(out, k, need)  # (「2, 5,966」「51」「7」: 2,517)
            elif not last_only and line.strip() == m[0] and _CELL_LINE.match(rest) and not _digits(rest):
                rest, ks = _rest_below(out, k + 1, need)  # (「4,」「4,060」「434」: 4,434, then 4,060)
            else:
                ks = [k]
            if not (_digits(rest) and len(rest) == need):
                break
            rests.append((m, rest, ks))
        if len(rests) < len(cut):
            continue
        out = out if out is not folded else list(folded)
        for m, rest, ks in reversed(rests):
            line = line[:m.end()] + rest + line[m.end():]
            for k in ks:
                out[k - 1] = ""
        out[n - 1] = line
    return out


def _digits(t: str) -> bool:
    return t.isdigit() and t.isascii()


def _rest_below(out: list[str], k: int, need: int) -> tuple[str, list[int]]:
    """The last digits of a figure wrapped over more than two lines, from line ``k`` on (the first piece's line,
    or the line before it), each next piece on the very next line (digits alone, no blank line between: one
    cell's lines), up to ``need`` digits; with their lines. reportlab's print, pdftotext, wraps a figure of a
    narrow cell so: 「2,」「51」「7」 (2,517), or writes the next cell's line between the figure's two pieces
    (「4,」「4,060」「434」: the two cells side by side, the first wrapped)."""
    rest, ks = "", []
    j = k if _digits(out[k - 1].strip()) else next(
        (j for j in range(k + 1, min(len(out), k + 2) + 1) if out[j - 1].strip()), 0)
    while j and j <= len(out) and _digits(x := out[j - 1].strip()) and len(rest + x) <= need:
        rest += x
        ks.append(j)
        if len(rest) == need:
            break
        j += 1
    return rest, ks


_CELL_LINE = re.compile(r"^[▲△]?\d{1,3}(?:,\d{3})*$")  # one figure alone, whole (「4,060」)


def _marks_joined(folded: list[str], start: int, end: int) -> list[str]:
    """``folded`` with a ▲ wrapped in its cell apart from its figure made whole: a line holding the mark alone and the
    next text line a figure alone, no sign, above 0, are 「▲ 7,477」 on the figure's line (seen: 「▲」「7,477」, the
    figure read as +7,477 before, and no reading of the table fitted)."""
    out = folded
    for n in range(start, end + 1):
        if out[n - 1].strip() not in ("▲", "△"):
            continue
        k = next((j for j in range(n + 1, min(len(out), n + 2) + 1) if out[j - 1].strip()), 0)
        nxt = out[k - 1].strip() if k else ""
        if not FIGURE.match(nxt) or not nxt[0].isdigit() or not parse_number(nxt).value:
            continue
        out = out if out is not folded else list(folded)
        out[k - 1] = out[n - 1].strip() + " " + nxt
        out[n - 1] = ""
    return out


def _resume(folded: list[str], n: int) -> int | None:
    """Where the table's figures go on after the 予算内訳 table's header (from line ``n``), when the table stopped
    short of its cells there: pdfminer puts a text box's rest after the next table's header boxes (seen: 「令和4・5
    年度 予算内訳 … 歳出予算目 … 主な増減理由」, then 「0」「0」「-」「53,825」 … of the years' columns). The line
    after that header's last label 主な増減理由 (within _RESUME lines) when it holds figures only or a year column's
    header (_header_end); else None (the items' figures come after an item's name)."""
    for k in range(n, min(len(folded), n + _RESUME) + 1):
        if folded[k - 1].strip().endswith("増減理由"):
            for j in range(k + 1, min(len(folded), k + 3) + 1):
                words = folded[j - 1].split()
                if words:
                    return j if all(_cell(w) or _PCT.match(w) for w in words) or _header_end(folded, j) else None
            return None
    return None


def _header_end(folded: list[str], n: int) -> int | None:
    """The last line of a year column's header that starts on line ``n`` (「6年度」「7年度要求」, or wrapped in its
    cell: 「令和6年」「度」, 「令和」「元年」「度」), or None when line ``n`` starts none. pdfminer prints the table's last columns after the
    予算内訳 table's header, each after its own header (seen: 「主な増減理由」「6年度」「20」「7年度要求」「32」…)."""
    t = folded[n - 1].replace(" ", "")
    k = n
    for _ in range(3):  # (the header's pieces: up to three text lines, 「令和」「元年」「度」)
        if not _HEADER_PIECES.match(t):
            return None
        if _HEADER.match(t):
            return k
        k = next((j for j in range(k + 1, min(len(folded), k + 2) + 1) if folded[j - 1].strip()), 0)
        if not k:
            return None
        t += folded[k - 1].replace(" ", "")
    return None


_HEADER_PIECES = re.compile(r"^[令和平成元\d年度要求]{1,9}$")  # (a year header or pieces of one)


def _cell(w: str) -> bool:
    return w in CELL_DASHES or bool(FIGURE.match(w))


_UNKNOWN = object()  # a cell the readings disagree on


def solve(cs: list[Cell], n_past: int, rates: list[float] | None = None, per_year: int = 1,
          large: object = None, anchor: tuple[float, float] | None = None) -> list[dict[int, object]] | None:
    """{row: value} per column (the past years, the current year, the request (rows 0 and 5)) that every reading
    of ``cs`` gives (_UNKNOWN where they disagree); None when no reading fits or the search grows too large.

    A search over (figure, cells filled per column, each column's running sum): each figure goes to the next
    row of a column (its label's or its line's when those tell). What provably leads to no reading is cut (the
    answer unchanged, the search smaller): a column's running sum no 計 printed later can close (a later figure
    less at most the column's parts left), the request's 当初予算 with no equal figure after it (its 計), more
    dashes left for the request than dashes printed (every figure is a cell or one of its dashes, so every reading
    has the same number of those), columns waiting for more 計 than figures that high are left to print. Past
    years' columns that nothing later tells apart are searched once for both orders of their contents (whether a
    reading goes on is the same). A search larger than MAX_STATES is given up (unknown, never a partial
    answer).

    A state is one int (cheap to hash and to step), low bits first: the previous cell's place when this figure
    shares its line (column * 16 + row + 2, else 0), the cells filled per column (_BITS bits each), the figure,
    and per column the running sum's number in ``sums``. Each state's moves are listed once: the second pass,
    over the readings, takes them from the first. ``large``: what a search given up returns (None unless asked)."""
    enabled = gc.isenabled()
    gc.disable()  # (the search's states, tuples and lists by the thousand, all held by its memos until it returns
    # and none in a reference cycle: the collector's passes over them, triggered by their number, find nothing)
    try:
        return _solve(cs, n_past, rates, per_year, large, anchor)
    finally:
        if enabled:
            gc.enable()


def _solve(cs: list[Cell], n_past: int, rates: list[float] | None, per_year: int,
           large: object = None, anchor: tuple[float, float] | None = None) -> list[dict[int, object]] | None:
    """solve's search (see solve)."""
    n_cols = n_past + 2
    REQ = n_past + 1
    size = [7] * n_past + [6, 6]
    n = len(cs)
    vals = [c.value for c in cs]
    # the running sums a 計 printed from figure i on can close: ups[k][i], a later figure less up to k parts
    # printed before it (from i on); exact for whole figures only: with decimals, rounded parts need not add up
    # exactly, and nothing is pruned
    whole = all(v is None or float(v).is_integer() for v in vals)
    # Only the sums at or above ``floor`` are kept: the search asks only for running sums, each a sum of figures
    # placed, so at least ``low`` (the figures below 0 added up); a sum is built from the ones before it in the
    # recursion by taking more figures off, those below 0 adding -low at most in all, so a sum the search may ask
    # for is built only from sums at or above 2 * low, and one below that leads to none: the same answers (the
    # same states searched, in the same order: 205 searches replayed), ~60% of the elements left out
    low = sum(v for v in vals if v is not None and v < 0)
    floor = 2.0 * low
    # (from figure 1 on: the search asks for ups[k][i + 1] only; built in place, each set once, 0 added to each
    # at the end: the largest sets are not copied)
    ups = [[set()] * (n + 1) for _ in range(TOT)]
    for i in range(n - 1, 0, -1):
        v = vals[i]
        if v:
            ups[0][i] = ups[0][i + 1] | {v}
            for k in range(1, TOT):  # (the set after, plus its other sums less v: subtracted in C, no copy)
                u = ups[k][i + 1].union(filter(floor.__le__, map(sub, ups[k - 1][i + 1], repeat(v))))
                u.add(v)
                ups[k][i] = u
        else:
            for k in range(TOT):
                ups[k][i] = ups[k][i + 1]
    for u in {id(u): u for up in ups for u in up}.values():
        u.add(0)  # 0: an empty column
    # (each from the one after it, figure n - 1 down to 0)
    printed = [set()] * (n + 1)  # the request's 計 repeats its 当初予算
    nones = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        v = vals[i]
        printed[i] = printed[i + 1] if v is None else printed[i + 1] | {v}
        nones[i] = nones[i + 1] + (v is None)
    # how many times each figure is printed from figure i on: the 計 a column reached (all its parts placed) or
    # the request's (its 当初予算) needs a figure of its own
    counts: list[dict] = [{}] * (n + 1)
    for i in range(n - 1, -1, -1):
        counts[i] = {**counts[i + 1], vals[i]: counts[i + 1].get(vals[i], 0) + 1} if vals[i] else counts[i + 1]
    # the state's fields
    pmask = (1 << (n_cols * 16 + 8).bit_length()) - 1
    mask = (1 << _BITS) - 1
    i_at = pmask.bit_length()
    imask = (1 << (n + 1).bit_length()) - 1
    wide = (MAX_STATES * (n_cols + 1) + 1).bit_length()  # a state adds at most one sum per move
    wmask = (1 << wide) - 1
    # per column its running sum's number, its count of cells filled right above it: the two read as one field
    # (count << wide | sum's number) order as the pairs (count, sum's number) do (canon)
    s_at = [i_at + imask.bit_length() + (wide + _BITS) * c for c in range(n_cols)]
    shift = [s + wide for s in s_at]
    fmask = (1 << (wide + _BITS)) - 1
    one = [1 << s for s in shift]
    done = sum(size[c] << shift[c] for c in range(REQ))  # every past and current column full
    done_mask = sum(mask << shift[c] for c in range(REQ))
    s_req, one_req = shift[REQ], one[REQ]
    sums: list = [0]
    sum_no = {0: 0}
    # the rows a figure may fill: ▲ only in 翌年度へ繰越し, which holds no positive figure
    rows_ok = [_ANY_ROW if v is None or v == 0 else _ROWS_UP if v > 0 else _ROWS_DOWN for v in vals]
    # per figure: free to go to any column, its value, the rows it may fill, the sums a 計 after it can close
    # (by the parts left),
    # the next figure on its line (the state keeps its place), whole, placed by its line or as the header row's
    info = [(c.col is None and not c.tail and c.row is None, c.value, rows_ok[i], [u[i + 1] for u in ups],
             i + 1 < n and cs[i + 1].tail, c.value is None or float(c.value).is_integer(),
             c.col is not None or c.tail) for i, c in enumerate(cs)]
    past = range(REQ)
    cols = [(c, s_at[c], {}) for c in past]  # per past and current column: its field's place, its moves (col_move)
    n_dashes = n - sum(size[:REQ]) - 2  # the request's dashes in every reading (its other cells: its two)
    # with the 執行率 rows' percentages: at least half as many past years as percentages above 0 have a 計 above 0
    # (each prints two rates at most, none when its 計 is 0); and when there is one per past year at least (the
    # rows read whole), a past year's 執行額 / 計 is one of them (as rounded) — unless the percentages read are
    # fewer than ``per_year`` (2 with the 当初予算+補正予算 rate row, else 1) per past year with a 計 above 0 in that
    # reading: then a year's were printed elsewhere (seen after the 予算内訳 header, where the table's reading
    # stops) and its 執行額 is not checked. A reading that placed an 執行額 whose rate is not printed carries
    # ``off_rate`` (its top bit) to its end, where that is checked
    pcts = sorted(set(rates)) if rates and len(rates) >= n_past else []
    off_rate = 1 << (shift[-1] + _BITS)
    least = (sum(p > 0 for p in rates) + 1) // 2 if rates else 0
    if not 0 <= n_dashes < TOT:
        return None  # more figures than cells or fewer: no reading
    memo: dict = {}
    cur_ini = anchor[0] if anchor else None
    req_ok = (anchor[1],) if anchor else printed[0]  # (the request's 当初予算: any figure, or the 歳出予算目's 要求)
    moves_of: dict = {}  # a state's next states
    states = 0
    cap = MAX_STATES

    ib_bits = ((n + 1) << 3).bit_length()

    def col_move(c: int, fv: int, i: int, want: int | None) -> tuple[int, int] | None:
        """The move of figure ``i`` to the next row of past or current column ``c`` (``want``: the row it must
        fill, when its line or label tells), from that column's field ``fv`` (cells filled, running sum's
        number): None when it cannot go there, else (what the move adds to the key, the check left that needs
        the whole state: _LEAST, _CLOSE, _OFF_RATE or 0). It depends on nothing else, so feasible keeps it per
        column, figure, row asked and field (a search asks the same move again and again); the first ask numbers
        a new running sum as the move itself first reached does."""
        r, no = fv >> wide, fv & wmask
        v, ok_r, nr, t, whole_v = info[i][1:6]
        if r >= size[c] or not ok_r[r] or (want is not None and r != want):
            return None
        if r == INI and c == n_past and cur_ini is not None and v != cur_ini:
            return None  # the current year's 当初予算 is the 歳出予算目 table's (``anchor``)
        a = sums[no]
        x = None  # the column's new running sum, when it changes
        check = 0
        if r < TOT:
            if v:
                x = a + v
                if whole and x not in nr[TOT - 1 - r]:
                    return None  # no 計 printed later can close this column
            elif whole and a not in nr[TOT - 1 - r]:
                return None
        elif r == TOT:
            if v is None:
                if a != 0:
                    return None
            elif a == v if whole_v and float(a).is_integer() else abs(a - v) <= 0.5:  # _adds_up([a], v)
                x = v
            else:
                return None
            if least and not v and c < n_past:
                check = _LEAST  # (a 計 of 0 in more past years than the percentages leave: the other columns')
        elif v is not None and v > a:
            return None
        add = one[c] + (c * 16 + r + 2 if t else 0)
        if r == EXE and pcts and v and a > 0 and not _rate_in(100 * v / a, pcts):
            if len(rates) >= per_year * n_past:
                return None  # every past year's rates printed: no reading (cut now, the search kept small)
            check = _OFF_RATE
        if x is not None:
            nx = sum_no.setdefault(x, len(sums))
            if nx == len(sums):
                sums.append(x)
            add += (nx - no) << s_at[c]
        if r == TOT - 1 and whole:
            check = _CLOSE
        return add, check

    def feasible(key: int, ck: int | None = None) -> bool:
        """Whether a reading goes on from state ``key`` (its moves listed in moves_of: the inner loop, kept
        plain; ``ck``: its key in memo, when known)."""
        nonlocal states
        states += 1
        if states > cap:
            raise _TooLarge
        i = (key >> i_at) & imask
        if i == n:
            # (past years with a 計 above 0; no comprehension over ``key``, which would make it a cell variable)
            rated = sum(sums[f & wmask] != 0 for f in map(key.__rshift__, past_at))
            ok = key & done_mask == done and (key >> s_req) & 3 == 3 and (not least or rated >= least) and \
                not (key & off_rate and len(rates) >= per_year * rated)
            memo[key] = ok  # (the last figure's states: no columns swapped)
            return ok
        # provably no reading on (pruned, counted): a figure is a cell or one of the request's dashes, so every
        # reading has n - n_cells dashes there, the ones still to come among the dashes left; and a column's
        # running sum must stay closable by a 計 printed later
        bad = n_dashes - (key >> s_req + 2 & 7) > nones[i]
        if not bad and checked[i]:  # the running sums of the columns waiting for their 計 (see ``later``)
            lows = []
            for b in sum_at:  # (a column's field: cells filled, then its sum's number; waiting while up to TOT)
                if (f := key >> b & fmask) <= waiting:
                    lows.append(sums[f & wmask])
            if key >> s_req & 3 == 1:
                lows.append(sums[key >> s_req_sum & wmask])
            if lows:
                left = later[i]
                if len(left) - bisect_left(left, max(lows)) < len(lows):  # (else enough for every column)
                    bad = not _enough(lows, left)
        if bad:
            memo[canon(key) if ck is None else ck] = False
            moves_of[key] = []
            return False
        moves_of[key] = out = []
        q = key & pmask
        base = key - q + (1 << i_at)  # the next figure, no place kept
        is_free, v, ok_r, nr, t, whole_v, placed = info[i]
        if is_free:
            at, want = REQ, None  # the next row of any column
        else:
            c0 = cs[i]
            if c0.col is not None:
                at, want = c0.col, c0.row
            elif c0.tail:
                at, want = ((q - 1) >> 4) + 1, ((q - 1) & 15) - 1
                if not q:
                    at = n_cols
            else:
                at, want = 0, c0.row
        ib = i << 3 if want is None else (i << 3) + want + 1  # (the figure and the row asked for: the look-up's
        # low bits)
        for c, s, cm in cols if want is None else (cols[at],) if at < REQ else ():
            fv = key >> s & fmask
            mv = cm.get(fv << ib_bits | ib, _MISS)
            if mv is _MISS:
                mv = cm[fv << ib_bits | ib] = col_move(c, fv, i, want)
            if mv is None:
                continue
            nk = base + mv[0]
            check = mv[1]
            if check:
                if check == _LEAST:
                    if n_past - least <= sum(f > waiting and not sums[f & wmask]
                                             for f in map(fmask.__and__, map(key.__rshift__, past_at))):
                        continue  # a 計 of 0 in more past years than the percentages leave
                elif check == _CLOSE:
                    if not _closable(nk, counts[i + 1]):
                        continue  # its 計 and the 計 other columns wait for: fewer printed from here on
                else:
                    nk |= off_rate
            out.append(nk)
        if at == REQ:
            # the request: 当初予算, its 計 (= its 当初予算) and up to four dashes (its other rows), the dashes
            # anywhere (seen printed after its 計)
            r = key >> s_req & mask
            kind = (INI if want == INI else TOT if want == TOT else -1) if placed else None
            s = s_at[REQ]
            if v is None:
                if kind in (None, -1) and r >> 2 < n_dashes:
                    out.append(base + 4 * one_req + (REQ * 16 + 1 if t else 0))
            elif v >= 0 and kind in (None, INI) and not r & 1 and v in printed[i + 1] and v in req_ok:
                nx = sum_no.setdefault(v, len(sums))
                if nx == len(sums):
                    sums.append(v)
                nk = base + one_req + (REQ * 16 + INI + 2 if t else 0) + ((nx - ((key >> s) & wmask)) << s)
                if not whole or _closable(nk, counts[i + 1]):
                    out.append(nk)
            if v is not None and kind in (None, TOT) and r & 3 == 1 and v == sums[(key >> s) & wmask]:
                out.append(base + 2 * one_req + (REQ * 16 + TOT + 2 if t else 0))
        ok = False
        at1, keep1 = sym_at[i + 1], keep[i + 1]
        k1 = len(at1)
        for st in out:
            # (canon(st), inline; two or three such columns written out: no comprehension's frame)
            if not at1:
                cst = st
            elif k1 == 2:
                x, y = st >> at1[0] & fmask, st >> at1[1] & fmask
                cst = (st & keep1, x, y) if x <= y else (st & keep1, y, x)
            elif k1 == 3:
                x, y, z = st >> at1[0] & fmask, st >> at1[1] & fmask, st >> at1[2] & fmask
                if x > y:
                    x, y = y, x
                if y > z:
                    y, z = z, y
                    if x > y:
                        x, y = y, x
                cst = (st & keep1, x, y, z)
            else:
                cst = (st & keep1, *sorted(map(fmask.__and__, map(st.__rshift__, at1))))
            hit = memo.get(cst)
            if hit if hit is not None else feasible(st, cst):
                ok = True
                break
        memo[canon(key) if ck is None else ck] = ok
        return ok

    # past years' columns that nothing from figure i on tells apart (no figure placed in one by its line, its
    # label or its header, none placed beside the figure before it): a reading goes on from a state exactly when
    # it goes on from the state with their contents (cells filled, running sum) swapped, so whether it does is
    # kept once for all such states. Without it a table of a few small figures each printed many times (「4」「0」
    # 「2」) is searched through every way of sharing them out (seen: 10,000 states, where 50 lie on a reading)
    held = [set() for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        c = cs[i]
        held[i] = held[i + 1] | ({c.col} if c.col is not None else {0} if c.row is not None else set()) | \
            ({-1} if c.tail else set())
    sym = [() if -1 in h else tuple(c for c in range(n_past) if c not in h) for h in held]
    sym = [cols if len(cols) > 1 else () for cols in sym[:n]] + [()]

    # (per figure: those columns' (cells-filled bits, running-sum bits) and the key's other bits)
    sym_at = [tuple(s_at[c] for c in cols) for cols in sym]
    keep = [~sum(fmask << b for b in at) for at in sym_at]

    def canon(key: int) -> int | tuple:
        # the key without those columns' contents, then their contents sorted, each as one int (cells filled, then
        # the sum's number: the pairs' order): a tuple, cheaper than an int rebuilt field by field
        i = (key >> i_at) & imask
        at = sym_at[i]
        if not at:
            return key
        return (key & keep[i], *sorted([key >> b & fmask for b in at]))

    # each column still waiting for its 計 gets a figure of its own from here on, at least its running sum when no
    # ▲ is left to print (its parts left add nothing below 0): the k highest such sums need k figures at least as
    # high (a dash counted as 0); whole figures only (a 計 of rounded parts may be below their sum)
    later: list[list] = [[]] * (n + 1)
    no_minus = [True] * (n + 1)
    for i in range(n - 1, -1, -1):  # (each from the one after it)
        v = vals[i]
        later[i] = got = list(later[i + 1])
        insort(got, 0 if v is None else v)
        no_minus[i] = no_minus[i + 1] and (v is None or v >= 0)

    checked = [whole and x for x in no_minus]
    sum_at = [s_at[c] for c in past]  # per past and current column: its field's shift (count above sum)
    past_at = s_at[:n_past]  # (the past years' columns')
    waiting = (TOT << wide) | wmask  # (a field up to it: the column's count up to TOT)
    closed = TOT << wide  # (a field from it up to ``waiting``: the count TOT)
    s_req_sum = s_at[REQ]

    def _enough(lows: list, left: list) -> bool:  # (the running sums of the columns waiting; the figures left)
        lows.sort(reverse=True)
        k = len(left)
        for a in lows:  # (the k-th highest needs k figures at least as high)
            if bisect_left(left, a) >= k:
                return False
            k -= 1
        return True

    def _closable(key: int, left: dict) -> bool:
        """Each column whose parts are all placed (and the request once its 当初予算 is) gets a 計 of its own: no
        more of them close at one figure than that figure is printed from here on (a 計 of 0 may be a dash)."""
        want = []
        for b in sum_at:
            if closed <= (f := key >> b & fmask) <= waiting:  # (its count TOT)
                x = sums[f & wmask]
                if x:
                    want.append(x)
        if key >> s_req & 3 == 1:
            x = sums[key >> s_req_sum & wmask]
            if x:
                want.append(x)
        if len(want) < 2:
            return not want or want[0] in left
        for x in want:
            if left.get(x, 0) < want.count(x):
                return False
        return True

    try:
        start = 0
        try:
            if not feasible(start):
                return None
        except _TooLarge:
            return large
        got: list[dict[int, object]] = [{} for _ in range(n_cols)]
        seen = set()
        stack = [start]
        # the cell a move filled: the column whose count of cells changed, found by the highest bit the move changed
        # (each column's count above its sum, the columns in order, all above the figure and the place kept; the rate
        # flag left out), its row the count before (the request's: what the count grew by)
        seg, low, first_at = wide + _BITS, ~off_rate, s_at[0]
        req_rows = {4: -1, 1: INI, 2: TOT}
        try:
            while stack:  # every move of every state on a reading: the values each cell may take
                state = stack.pop()
                if state in seen or (state >> i_at) & imask == n:
                    continue
                if state not in moves_of:  # its feasibility known from a state like it: its own moves listed
                    feasible(state)
                seen.add(state)
                i = (state >> i_at) & imask
                v = vals[i]
                at1, keep1 = sym_at[i + 1], keep[i + 1]
                k1 = len(at1)
                for st in moves_of[state]:
                    # (canon(st), inline as in feasible)
                    if not at1:
                        cst = st
                    elif k1 == 2:
                        x, y = st >> at1[0] & fmask, st >> at1[1] & fmask
                        cst = (st & keep1, x, y) if x <= y else (st & keep1, y, x)
                    elif k1 == 3:
                        x, y, z = st >> at1[0] & fmask, st >> at1[1] & fmask, st >> at1[2] & fmask
                        if x > y:
                            x, y = y, x
                        if y > z:
                            y, z = z, y
                            if x > y:
                                x, y = y, x
                        cst = (st & keep1, x, y, z)
                    else:
                        cst = (st & keep1, *sorted(map(fmask.__and__, map(st.__rshift__, at1))))
                    hit = memo.get(cst)
                    if not (hit if hit is not None else feasible(st, cst)):
                        continue
                    c = (((st ^ state) & low).bit_length() - 1 - first_at) // seg
                    if c < REQ:
                        r = state >> shift[c] & mask
                    else:
                        r = req_rows[(st >> s_req & mask) - (state >> s_req & mask)]
                    if r >= 0:
                        old = got[c].get(r, v)
                        got[c][r] = v if old is not _UNKNOWN and old == v else _UNKNOWN
                    stack.append(st)
        except _TooLarge:
            return large
        return got
    finally:
        # feasible calls itself through its closure: a reference cycle that held every memo of the search until the
        # collector found it (its passes over the growing memos ~10% of pdfminer.six text's CPU); broken here, they
        # go when solve returns
        feasible = None


# per figure, the rows it may fill (rows_ok): a dash or 0 any row; a figure above 0 any but 翌年度へ繰越し; a ▲ only that
_ANY_ROW = (True,) * (EXE + 1)
_ROWS_UP = tuple(r != CTN for r in range(EXE + 1))
_ROWS_DOWN = tuple(r == CTN for r in range(EXE + 1))


_MISS = object()  # (a move not looked at yet)
_LEAST, _CLOSE, _OFF_RATE = 1, 2, 3  # (col_move's checks left)


class _TooLarge(Exception):
    pass


def _rate_in(rate: float, pcts: list[float]) -> bool:
    """A rate printed as one of ``pcts``, however rounded (off by less than one point)."""
    return any(abs(rate - p) < 1 for p in pcts)


def budget_boxes(lines: list[str], years: list[tuple[int, bool]], start: int, anchored: bool = False
                 ) -> tuple[list[dict], int, int, list[int], list[str]] | None:
    """(budget entries of the years whose 計 every reading agrees on, first line, last line, the years left out,
    the cells left unknown as "year field"), or None when no reading fits. A cell the readings disagree on is
    None. ``anchored``: only the readings whose current year's 当初予算 and request's are the 歳出予算目 table's 計
    (breakdown_totals: its rows adding up to it; None when it does not tell them): the columns those figures
    could trade with are told apart, and the search is smaller (seen: given up at MAX_STATES without, 31 states
    with). The caller asks so only when no other reader read the table, so that a table read before is read as
    before (a partial answer here would stand before another reader's whole one)."""
    n_past = sum(1 for _, req in years if not req) - 1
    got = table(lines, start, n_past + 2, years[0][0])
    cs, rates = got if got is not None else (None, None)
    if not cs or not any(c.row is not None or c.tail for c in cs):
        return None  # no figure placed by a label or a line: the past years' columns could be any of them
    if not headers_in_order(lines, start, cs[0].line):
        return None  # the columns written out of their order (「平成29年度要求」 before 「平成28年度」): so may be the cells
    anchor = None
    if anchored:
        totals = breakdown_totals(lines, start)
        if totals is None:
            return None
        anchor = totals[:2]
    ratio_row = any(x.replace(" ", "").startswith("当初予算+補正予") for x in lines[start - 1:cs[-1].line + MAX_LINES])
    sol = _wrapped_read(lines, start, cs, n_past, rates, 2 if ratio_row else 1, anchor)
    if sol is None:
        return None
    _swappable(sol[0], _beside_labels(_table(lines, start, n_past + 2)[2], cs))
    budget, dropped, unknown = [], [], []
    for (y, is_req), col in zip(years, sol, strict=True):
        if is_req:
            if col.get(INI) not in (None, _UNKNOWN):
                budget.append({"fiscal_year": y, "requested": _num(col[INI])})
            else:
                dropped.append(y)
            continue
        if col.get(TOT, _UNKNOWN) is _UNKNOWN or col[TOT] is None:
            dropped.append(y)
            continue
        entry = {"fiscal_year": y}
        for r, f in enumerate(FIELDS):
            v = col.get(r, _UNKNOWN) if r < EXE or y < years[-2][0] else None
            if v is _UNKNOWN:
                unknown.append(f"{y} {f}")
                v = None
            entry[f] = _num(v)
        budget.append(entry)
    if not budget:
        return None
    return budget, cs[0].line, cs[-1].line, dropped, unknown


def budget_headed(lines: list[str], years: list[tuple[int, bool]], start: int
                  ) -> tuple[list[dict], int, int, list[int], list[str]] | None:
    """(budget entries, first line, last line, the years left out, []) of the year columns printed whole under their
    own headers (table's _headed_columns: a header alone on its line, then the column's cells one a line adding
    up, told so by a second such header or the column's own 執行率 after it), when no reading of the whole table
    fits (budget_boxes: the other columns' cells printed elsewhere, seen after the 予算内訳 table's items, or
    not at all); None when no column is read so. Each such column is every reading's, whatever the others hold."""
    n_past = sum(1 for _, req in years if not req) - 1
    got = table(lines, start, n_past + 2, years[0][0])
    if not got or not got[0]:
        return None
    cs = got[0]
    by_col: dict[int, dict[int, float | None]] = {}
    for c in cs:
        if c.col is not None and c.row is not None:
            rows = by_col.setdefault(c.col, {})
            rows[c.row] = c.value if c.row not in rows else _UNKNOWN
    budget, dropped = [], []
    for col, (y, is_req) in enumerate(years):
        rows = by_col.get(col, {})
        if is_req:
            ok = rows.get(INI) not in (None, _UNKNOWN) and rows.get(TOT) == rows[INI]
            if ok:
                budget.append({"fiscal_year": y, "requested": _num(rows[INI])})
            else:
                dropped.append(y)
            continue
        need = range(EXE + 1 if col < n_past else TOT + 1)
        if any(r not in rows or rows[r] is _UNKNOWN for r in need) or \
                _column_rows([rows[r] for r in need], col, n_past) is None:
            dropped.append(y)
            continue
        budget.append({"fiscal_year": y, **{f: _num(rows.get(r)) for r, f in enumerate(FIELDS)}})
    if len(dropped) == len(years):
        return None
    return budget, cs[0].line, cs[-1].line, dropped, []


def _wrapped_read(lines: list[str], start: int, cs: list[Cell], n_past: int, rates: list[float],
                  per_year: int, anchor: tuple[float, float] | None = None) -> list[dict[int, object]] | None:
    """solve's answer, but when the 当初予算 row printed whole after its label (table's row_at) holds one figure
    wrapped in its narrow cell (「26,」 over 「212」, made whole by _unwrapped), last in the row or with no reading
    where it was printed: pdfminer writes such a cell's box after the rest of its row (seen: the second year's
    26,212 after the request's 45,768; the current year's 26,667 and 50,900 after the request's 56,598 and
    23,608), so a wrapped figure printed last may be any column's (one printed amid the row was always in its own
    column: 9 such rows seen). Every column for it is then tried, the row's other figures keeping their order in
    the columns left; of the placings with a reading, those the 歳出予算目 table agrees with (_breakdown_agrees)
    when any does, and the cells all those agree on are kept (_UNKNOWN where they differ; seen: a current year of
    当初予算 and 計 alone read as the request and the request as that year, each column adding up either way).
    None when no placing has a reading, or a search is given up (the placing it left unsearched may be the one).
    ``anchor``: solve's (budget_boxes' ``anchored``)."""
    n_cols = n_past + 2
    printed = solve(cs, n_past, rates, per_year, large=_TooLarge, anchor=anchor)
    if printed is _TooLarge:
        return None
    row = [k for k, c in enumerate(cs) if c.row == INI and c.col is not None]
    if [cs[k].col for k in row] != list(range(n_cols)):
        return printed
    folded, plain = _table(lines, start, n_cols)[2], _folded(lines)
    wrapped = [k for k in row if folded[cs[k].line - 1] != plain[cs[k].line - 1]]
    if len(wrapped) != 1 or (printed is not None and cs[wrapped[0]].col != n_cols - 1):
        return printed
    w = wrapped[0]
    others = [k for k in row if k != w]
    sols = [] if printed is None else [printed]
    for j in range(n_cols):
        if j == cs[w].col:
            continue  # (the placing as printed)
        alt = list(cs)
        for col, k in enumerate([*others[:j], w, *others[j:]]):
            alt[k] = cs[k]._replace(col=col)
        sol = solve(alt, n_past, rates, per_year, large=_TooLarge, anchor=anchor)
        if sol is _TooLarge:
            return None
        if sol is not None:
            sols.append(sol)
    if len(sols) > 1:
        sols = [s for s in sols if _breakdown_agrees(lines, start, s, n_past)] or sols
    merged: list[dict[int, object]] | None = None
    for sol in sols:
        merged = sol if merged is None else [
            {r: a[r] if r in b and a[r] is not _UNKNOWN and a[r] == b[r] else _UNKNOWN for r in {*a, *b}}
            for a, b in zip(merged, sol, strict=True)]
    return merged


def _breakdown_agrees(lines: list[str], start: int, sol: list[dict[int, object]], n_past: int) -> bool:
    """The 歳出予算目 table's rows, added up column by column (budget_breakdown.breakdown_totals), give the current
    year's 当初予算 and the request's 要求額 as ``sol`` reads them."""
    got = breakdown_totals(lines, start)
    return got is not None and sol[n_past].get(INI) == got[0] and sol[n_past + 1].get(INI) == got[1]


_ADDED = (INI, 1, 2, 4)  # the rows 計 adds as they are (当初予算, 補正予算, 前年度から繰越し, 予備費等): any two of
# a column's may trade values and every sum, 執行率 and sign check still holds


def _beside_labels(folded: list[str], cs: list[Cell]) -> list[tuple[float | None, int]]:
    """(value, row) of each figure printed alone on its line straight after a row label other than 当初予算 that
    has no figure on its line (「補正予算」, then 「5,434」): pdfminer may have written that label's neighbour, the
    first year's cell of its row, before the column's cells above it (seen: the first year's 補正予算 before its
    当初予算), so the top-to-bottom order the readings assume is not proved there."""
    out = []
    for i, c in enumerate(cs):
        if c.row is not None or c.col is not None or c.tail or (i + 1 < len(cs) and cs[i + 1].tail):
            continue
        k = c.line - 2
        while k >= 0 and not folded[k].strip():
            k -= 1
        m = _BUDGET_LABEL.match(folded[k].strip()) if k >= 0 else None
        if m and not m[2] and (row := FIELDS.index(_row_field(m[1]))) in _ADDED[1:]:
            out.append((c.value, row))
    return out


def _swappable(first: dict[int, object], beside: list[tuple[float | None, int]]) -> None:
    """Leave unknown (in place) the first column's two cells a figure straight after a row label (_beside_labels)
    may sit in: the readings put it in another added row of that column, and the reading with the two cells'
    values traded (the figure in its label's row) adds up just as well, so nothing tells which is right (seen:
    当初予算 and 補正予算 swapped)."""
    for v, row in beside:
        if row in first and first[row] is not _UNKNOWN and first[row] == v:
            continue  # (the readings put it beside its label)
        for r in _ADDED:
            if r != row and r in first and first[r] is not _UNKNOWN and first[r] == v:
                first[r] = first[row] = _UNKNOWN


_BREAKDOWN_HEAD = re.compile(r"\d\s*・|・\s*\d|内訳")


def header_years(lines: list[str], start: int, stop: int) -> list[int | None]:
    """The era years written between the 予算額 label (line ``start``) and the first figure (line ``stop``), in
    text order, a header wrapped in its narrow cell joined again (「令」「和2」「年」「度」: 2020); a later table's
    header printed amid them (the 予算内訳's 「令和4・5年度 予算内訳」, 「平成28・」) is left out."""
    text = "".join(x.replace(" ", "") for x in lines[start - 1:stop - 1] if not _BREAKDOWN_HEAD.search(x))
    return [parse_year(m[0] + "年")[0] for m in _YEAR_CUT.finditer(text)]


def headers_in_order(lines: list[str], start: int, stop: int) -> bool:
    """The header years (header_years) rise in text order: the readings place the columns in the years' order,
    which pdfminer keeps only when it writes the headers so (a header wrapped in its narrow cell may come after the
    request's: 「平成29年度要求」 「平成 28年 度」)."""
    years = header_years(lines, start, stop)
    return all(a is not None and b is not None and a < b for a, b in zip(years, years[1:], strict=False))



_num = as_int_if_whole  # (None stays None)


__all__ = ["Cell", "cells", "solve", "budget_boxes", "budget_headed", "header_years", "headers_in_order"]
