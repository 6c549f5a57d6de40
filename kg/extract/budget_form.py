"""予算額・執行額 of the real review-sheet form from PDF text whose cells come row after row (pdftotext, and the
tools' text of other prints), when the row labels are not beside their figures.

The real form's table: rows 当初予算, 補正予算, 前年度から繰越し, 翌年度へ繰越し, 予備費等, 計 over the past years, the
current year and the request year, then 執行額 over the past years (then 執行率 and 当初予算+補正予算に対する執行額の割合,
percentages, not read here). A cell may be a dash 「-」 (nothing printed: unknown, not 0) or blank; the request
year's column holds its 当初予算 and 計 (its other cells dashes or blank). The text tools keep the cells of a row
together and the rows in order, but may print a row's figures before its label, a label away from its row, and
the request year's cells apart after the table (「執行率(%) 3 3」).

So the figures (and dashes) are read in order and cut into rows: each of the six money rows holds a cell per
past and current year, maybe with the request year's cell at its end; 執行額 holds the past years'; what is
left after them is the request year's column printed apart (its cells top to bottom). A figure on a row label's
line is its row's first cell. A cut is kept when every column adds up — 計 = 当初予算 + 補正予算 + 前年度から繰越し +
翌年度へ繰越し(▲) + 予備費等, a dash adding nothing — 執行額 ≤ 計, ▲ only in 翌年度へ繰越し, and the request year's 計
equals its 当初予算 plus its printed parts. Every cut that fits is read; a cell the cuts disagree on is left
unknown (None), and the table is refused when no cut fits or a past year's 計 is unknown.
"""
from __future__ import annotations

import re
from itertools import product

from kg.extract.budget_boxes import _BREAKDOWN_HEAD, _unwrapped, header_years
from kg.extract.budget_late import late_executed
from kg.extract.budget_lines import _BUDGET_LABEL, _MARK_GAP, _adds_up, _header_year_piece, _row_field
from kg.extract.budget_tail import printed_rates, rates_match
from kg.extract.folded_text import folded as _folded
from kg.extract.review_text import _YEAR_CUT
from kg.normalize.era import parse_year
from kg.normalize.numbers import as_int_if_whole, parse_number
from kg.normalize.text import CELL_DASHES

FIELDS = ("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve", "total", "executed")
INI, CTN, RESERVE, TOT, EXE = 0, 3, 4, 5, 6
_CELL = r"(?:[▲△]?\d[\d,]*(?:\.\d+)?|[-－―])"
_CELLS = re.compile(rf"^{_CELL}(?:\s+{_CELL})*$")
_RATES = ("執行率", "当初予算+補正予算")
# the texts after the table: the 歳出予算目 table (its own 計 row; 「歳出予」 cut in a narrow cell), 成果目標, 活動指標,
# 支出先, 政策評価
_END = ("歳出予", "増減理由", "予算内訳", "成果目標", "成果実績", "活動指標", "活動内容", "支出先", "政策評価", "関連事業")
MAX_LINES = 160  # lines read after the table's first label
_AHEAD = 20  # lines after a later table's header printed first within which the 当初予算 label may come
MAX_LEFT = 7  # cells of the request year's column printed apart (one per row at most)
# a year's header cell alone on its line, or its wrapped piece (「令和元」「年度」, 「令和2年度」): not another table's header
# holding a year (「平成29・」「30年度 予」 of the 予算内訳 table, printed amid the rows)
_YEARISH = re.compile(r"^(?:(?:令和|平成|昭和)\s*(?:元|\d{1,2})\s*(?:年度?)?|年度)$")


def _cells(lines: list[str], start: int) -> tuple[list[tuple[float | None, int, int | None, int]], int]:
    """(value or None for a dash, line, the row its label names when it is its line's first cell, how many lines
    holding a year's header came before it) of the figures from line ``start`` on; percentages, years and other text are
    passed over. And how many come before
    the rate rows (執行率, 当初予算+補正予算に対する執行額の割合: percentages or dashes); after them only figures are kept
    (the request year's column printed apart), dashes being the rate rows' as well as its."""
    out: list[tuple[float | None, int, int | None, int]] = []
    late = None
    gap = 0  # lines holding a year's header (or its wrapped piece) passed over so far
    folded = _unwrapped(_folded(lines), start, min(len(lines), start + MAX_LINES))  # 「59,64」「9」: 59,649
    bare = False  # a row's label alone since the last cell
    named: set[int] = set()  # the rows whose label was seen
    skip = 0  # the next table's header lines printed amid the rows after a page break, passed over (_page_resume)
    marked = None  # where a ▲ printed apart from its figure stands among the cells, not yet given to one
    for n in range(start, min(len(lines), start + MAX_LINES) + 1):
        t = folded[n - 1].strip()
        if not t or n < skip:
            continue
        mark = False
        if "▲" in t or "△" in t:
            t = _MARK_GAP.sub(r"\1", t)
            if t[-1] in "▲△" and (len(t) == 1 or t[-2] == " "):
                t, mark = t[:-1].rstrip(), True  # (「▲」 alone, or after its row's cell: 「▲ 3,713 ▲」)
                if not t:
                    marked = len(out)
                    continue
        if " ," in t:
            t = _COMMA_GAP.sub(r"\1,", t)
        if t.startswith(_END) or (out and any(w in t for w in _END)):
            if not out and _rows_ahead(folded, n):
                continue  # a later table's header printed before this table's rows (the 当初予算 label still to come)
            skip = _page_resume(folded, n, bare, named) if out and late is None else 0
            if skip:
                continue
            break
        if "%" in t or t.startswith(_RATES):
            if out:  # (a rate row's label before any cell: the label column printed ahead of the rows, 「予算の状況」
                late = len(out) if late is None else late  # 「執行率(%)」 then the year headers)
            continue
        row = None
        m = _BUDGET_LABEL.match(t)  # a row label, maybe with its first figures
        if m and m[2]:
            if late is not None:
                break  # a labelled row after the rate rows: the next table's (歳出予算目's 計)
            row, t = FIELDS.index(_row_field(m[1])), m[2]
            named.add(row)
            marked = None
        elif not _CELLS.match(t) or not named and _header_piece(folded, n, t) or _header_year_piece(folded, n):
            if m:
                bare, marked = True, None
                named.add(FIELDS.index(_row_field(m[1])))
            if late is not None and len(out) > late:
                break  # other text after the request year's cells printed apart: the next table's
            if _YEARISH.search(t):  # (a label alone, its wrapped rest 「越し」「況」, or a figure's piece is no break:
                gap += 1  # the figures of a row may come before its label and after)
            continue
        bare = False
        for k, x in enumerate(t.split()):
            if x in CELL_DASHES:
                if late is None:
                    out.append((None, n, row if k == 0 else None, gap))
                continue
            p = parse_number(x)
            if p.error or p.value is None:
                return [], 0
            if marked is not None and p.value > 0:
                # a ▲ printed apart: the row's next figure above 0 is the one it marks, its cell where the mark stands
                # (「翌年度へ 0」「▲」「0」「139」: the cell wrapped, 「▲」 level with the next cell's 0, 「139」 under it)
                out.insert(marked, (-p.value, n, None, gap))
                marked = None
                continue
            out.append((p.value, n, row if k == 0 else None, gap))
        if mark and marked is None:
            marked = len(out)
    return _first_row_last(out), len(out) if late is None else late


def _header_piece(folded: list[str], n: int, t: str) -> bool:
    """Whether ``t`` (line ``n``, before any row label) is a year column's header wrapped in its narrow cell, not a
    cell: one or two digits, the era's last piece or the header before it over it, 年 or 度 under it (reportlab's
    print, pdftotext: 「平」「成」「27」「年」「度」; LibreOffice's: 「23年 度」「度」「26」「度」「年度」)."""
    if not (t.isdigit() and len(t) <= 2):
        return False
    before = next((folded[j - 1].strip() for j in range(n - 1, max(0, n - 3), -1) if folded[j - 1].strip()), "")
    after = next((folded[j - 1].strip() for j in range(n + 1, min(len(folded), n + 2) + 1) if folded[j - 1].strip()), "")
    return before.endswith(("平成", "令和", "成", "和", "度")) and after.startswith(("年", "度")) or \
        _request_header_ahead(folded, n)


def _request_header_ahead(folded: list[str], n: int) -> bool:
    """Whether the request year's header (「28年度要求」) comes within _HEADS text lines after line ``n``, only year
    headers or their pieces between: a number before it is a header's wrapped piece (reportlab's print, pdftotext:
    「平成24年」「度」「25」「26年度」「年度」「27年度」「28年度要求」 — 25's 年度 after 26's)."""
    seen = 0
    for x in folded[n:n + 3 * _HEADS]:
        t = x.replace(" ", "")
        if not t:
            continue
        if t.endswith("年度要求"):
            return _HEAD_LINE.match(t) is not None
        seen += 1
        if seen > _HEADS or t.isdigit() or not _HEAD_LINE.match(t):
            return False
    return False


_HEADS = 8  # text lines of the year headers
_HEAD_LINE = re.compile(r"^(?:(?:令和|平成|昭和)?(?:元|\d{1,2})?年?度?(?:要求)?)+$")  # (headers or their pieces, no cell)


def _first_row_last(cells: list) -> list:
    """``cells`` with the 当初予算 row's labelled first cell put back before the unlabelled cells that open the table,
    when it was written after them (LibreOffice's print, pdftotext: 「4,434 4,060」「2,052」「2,132」, then
    「当初予算 3,337」 — or only after the next rows, 「補正予算 801」 …): the table's first row is the 当初予算's, so the
    cells before any label are its later ones; the sums then tell whether the row was so."""
    first = next((i for i, c in enumerate(cells) if c[2] is not None), None)
    if not first:
        return cells
    ini = next((i for i in range(first, len(cells)) if cells[i][2] == INI), None)
    if ini is None:
        return cells
    return [cells[ini], *cells[:ini], *cells[ini + 1:]]


def _page_resume(folded: list[str], n: int, bare: bool, named: set[int]) -> int:
    """The line where the table's rows go on after a later table's header (from line ``n``) that a page break put
    amid them (reportlab's print, pdftotext: 「- - - - -」, the page's number, 「令和4・5年度」「予算内訳 (単位」
    「成果目標及び」 … 「翌年度へ繰越し」 and its cells): the first line after the header's pieces, within _PAGE_HEAD
    text lines, when it is the label of a row not yet seen — or cells when a row's label alone (``bare``) came last
    before the header (「計」「平成26・27年」「度 予算内訳 (単」 … 「238」); else 0 (the table ends there). Not past the
    歳出予算目 table's header, a rate row or another figure."""
    seen = 0
    for k in range(n + 1, min(len(folded), n + 4 * _PAGE_HEAD) + 1):
        t = folded[k - 1].strip()
        if not t:
            continue
        m = _BUDGET_LABEL.match(t)
        if m and not t.startswith(_RATES):
            return k if FIELDS.index(_row_field(m[1])) not in named else 0
        if _CELLS.match(t):
            return k if bare else 0
        seen += 1
        if "歳出予" in t or "%" in t or t.startswith(_RATES) or seen > _PAGE_HEAD or any(c.isdigit() for c in t) \
                and not _HEAD_PIECE.search(t):
            return 0
    return 0


_PAGE_HEAD = 10  # text lines of the later table's header a page break may put amid the rows
_HEAD_PIECE = re.compile(r"年度?|単位|百万円")  # (the 予算内訳 header's 「令和4・5年度」「平成26・27年」「(単位:百万円)」)


def _rows_ahead(folded: list[str], n: int) -> bool:
    """Whether the 当初予算 row's label comes within _AHEAD text lines after line ``n`` — alone or after the vertical
    予算の状況 label's pieces (「予算 の 状 況 当初予算」) —, a later table's header on line ``n`` printed before the
    rows (reportlab's print, pdftotext: 「予算内訳 (単」 … 「成果目標及」 … 「根拠として用いた統計」, then the year
    headers and the rows)."""
    seen = 0
    for x in folded[n:n + 4 * _AHEAD]:
        if not x.strip():
            continue
        if _ROWS_OPEN.match(x.strip()):
            return True
        seen += 1
        if seen >= _AHEAD:
            break
    return False


# a figure's last group apart from its head (reportlab's print, pdftotext: 「▲ 14 ,355」): no cell opens with a comma
_COMMA_GAP = re.compile(r"(\d) ,(?=\d{3}(?!\d))")
_ROWS_OPEN = re.compile(r"^(?:[予算の状況]{1,5}\s)*当初予算(?![+＋])")


def _fits(col: list[float | None], past: bool) -> bool:
    """A year's column (7 cells for a past year, 6 else): the parts (a dash adding nothing) add up to 計, ▲ in
    翌年度へ繰越し only, 執行額 at most 計."""
    for r, v in enumerate(col):
        if v is not None and ((v > 0) if r == CTN else (v < 0)):
            return False
    total = col[TOT]
    if total is None:  # (a year with nothing printed, every cell a dash: its 計 too)
        return all(v is None for v in col)
    if past and col[EXE] is not None and col[EXE] > total:
        return False
    return _adds_up([v for v in col[:TOT] if v is not None] or [0], total)


def _request_fits(col: list[float | None]) -> bool:
    """The request year's column: no ▲, and its 計 (when printed) is its 当初予算 plus its printed parts."""
    if any(v is not None and v < 0 for v in col):
        return False
    if col[TOT] is None or col[INI] is None:
        return True
    return _adds_up([v for v in col[:TOT] if v is not None], col[TOT])


def _tables(cells: list, n_table: int, n_past: int, paired: bool = False,
            variants: tuple[tuple[bool, bool], ...] = ((False, False),), late: bool = False,
            opens: list[int] | None = None) -> list[list[list[float | None]]]:
    """Every cut of ``cells`` (the first ``n_table`` before the rate rows) into the table's rows that fits:
    [past columns..., current column, request column]. ``paired``: only the cuts whose rows holding the request's
    cell (one at least) hold it on the current year's cell's line, after it, and no cell printed apart.
    ``variants``: (計 turned, 執行額 turned) ways of reading each cut — the 計 row, the 執行額 row printed with its
    last cells first, put back: the 計 row's current year's and request's cells before its past years'
    (LibreOffice's print, pdftotext: 「予備費等 0 0 0 0 536 509 計 253 278 530」), the 執行額 row's last year's before
    the others (「1,076」 then 「計 執行額 2,887 1,155」). ``late``: the 執行額 row without its last cell (printed after
    the next table: budget_late), no cell printed apart. ``opens``: where each row's cells begin when the text
    tells it (_label_opens); a cut whose rows begin elsewhere is passed over."""
    n_cur = n_past + 1
    out: list = []
    labels = {c[2] for c in cells}  # the rows a figure's label names (once, not per cut and row)

    def one_row(r: int, row: list, turned: bool) -> tuple[list | None, bool]:
        """(the row's values, put back when ``turned``; None when the cut cannot hold it so), whether a year's
        header falls amid its cells."""
        if any(c[2] is not None and (k > 0 or c[2] != r) for k, c in enumerate(row)) or \
                (row and row[0][2] is None and r in labels):
            return None, False  # a labelled figure must open its row, and a row whose label holds a figure opens there
        # a year's header amid one row's cells: the text broke the table into blocks (「計」 row's 「6 6 7 5 6」
        # then 執行額's 2021 「6」, then 「令和元 年度 令和2 年度 計」, then its 「4 4」): which cell is which year's is
        # unknown — 執行額's cells are left unknown, a money row's (whose columns must add up) refuse the cut
        head = len(row) - (n_past if r == TOT else n_past - 1) if turned else 0
        # (a 計 or 執行額 row printed with its last cells first: the block break may fall where its first cells begin)
        split = any(bool(part) and part[0][3] != part[-1][3]
                    for part in ((row[:head], row[head:]) if turned else (row,)))
        if split and r != EXE:
            return None, split
        vals = [c[0] for c in row]
        return (vals[head:] + vals[:head] if 0 < head < len(vals) else vals), split

    for short, wide in product((False, True), product((False, True), repeat=6)):
        if short and wide[TOT]:
            continue
        sizes = [n_cur + w for w in wide] + [n_past - late]
        if short:  # the 計 row without the current year's and the request's cells (_short_total)
            sizes[TOT] = n_past
        used = sum(sizes)
        left = cells[used:]
        if used > n_table or len(left) > MAX_LEFT or any(c[2] is not None for c in left) or (late and left):
            continue
        if paired and (short or left or not any(wide) or not _paired(cells, sizes, wide)):
            continue
        left = _request_column(left, wide[INI])
        bounds = [sum(sizes[:r]) for r in range(len(sizes) + 1)]
        # (a 計 row printed with its last cells first: those before its label, the row opening that many cells
        # before where the label stands)
        turned_at = opens is not None and bounds[:len(opens)] != opens and \
            all(b == o for r, (b, o) in enumerate(zip(bounds, opens, strict=False)) if r != TOT) and \
            opens[TOT] - bounds[TOT] == sizes[TOT] - n_past > 0
        if opens is not None and bounds[:len(opens)] != opens and not turned_at:
            continue
        parts = [one_row(r, cells[bounds[r]:bounds[r + 1]], False)[0] for r in range(TOT)]
        if any(v is None for v in parts):
            continue
        for turns in variants:
            if short and turns[0] or turned_at and not turns[0]:
                continue
            (tot, _), (exe, blank_exe) = (one_row(r, cells[bounds[r]:bounds[r + 1]], turns[r - TOT])
                                          for r in (TOT, EXE))
            if tot is None or exe is None:
                continue
            rows = [*parts, tot + [None] * short, exe + [None] * late]
            _fit_cut(rows, wide, short, left, blank_exe, n_past, out)
    return out


def _fit_cut(rows: list[list], wide: tuple[bool, ...], short: bool, left: list, blank_exe: bool, n_past: int,
             out: list) -> None:
    """Add the table of one cut's rows to ``out`` when its columns add up (the request year's cells printed apart
    ``left`` put in its column)."""
    n_cur = n_past + 1
    cols = [[rows[r][c] for r in range(7 if c < n_past else 6)] for c in range(n_cur)]
    req: list[float | None] = [rows[r][n_cur] if wide[r] else None for r in range(6)]
    # the request year's cells printed apart: in row order, into the rows that did not hold one
    free = [r for r in range(6) if not wide[r]]
    if len(left) > len(free):
        return
    figs = [c[0] for c in left if c[0] is not None]
    if short and not _short_total(cols[n_past], figs, wide[INI]):
        return
    if figs and not short:
        # the request year's 当初予算 (when its row did not hold it) first, its 計 last, dashes between
        if wide[TOT] or left[-1][0] is None or len(figs) != 2 - wide[INI] or \
                (not wide[INI] and left[0][0] is None):
            return
        req[TOT] = figs[-1]
        if not wide[INI]:
            req[INI] = figs[0]
    if all(_fits(col, c < n_past) for c, col in enumerate(cols[:n_past + (not short)])) and _request_fits(req):
        for col in cols[:n_past] if blank_exe else ():
            col[EXE] = None
        t = [*cols, req]
        if t not in out:
            out.append(t)


def _paired(cells: list, sizes: list[int], wide: tuple[bool, ...]) -> bool:
    """Whether each row of the cut holding the request's cell holds it on its current year's cell's line: one line
    of the text, its cells in their printed order (rl's 「155 266」), whatever order its headers were written in."""
    p = 0
    for r, size in enumerate(sizes):
        if r < len(wide) and wide[r] and cells[p + size - 2][1] != cells[p + size - 1][1]:
            return False
        p += size
    return True


def _short_total(cur: list[float | None], figs: list[float], ini_in_row: bool) -> bool:
    """A cut whose 計 row holds the past years' cells only: the current year's and the request's 計 printed after
    the next table (seen: pdftotext's 「当初予算 47 28 36 30 47」 … 「計 45 28 46」, then 「34」「47」 after the 予算内訳
    table). The current year's column has no 計 to check it, so the cut is taken only when the rows are printed
    whole: the 当初予算 row holds the request's cell too, and no figure is printed apart after the rows (a request's
    当初予算 printed amid the rows, 「前年度から繰越し - - - 21」, makes a row look full and the 計 row short); the
    current year's column is checked by its signs (▲ in 翌年度へ繰越し alone) and its 計 left unknown."""
    if any(v is not None and ((v > 0) if r == CTN else (v < 0)) for r, v in enumerate(cur[:TOT])):
        return False
    return ini_in_row and not figs


def _request_column(left: list, in_row: bool) -> list:
    """The cells after the rows' that are the request year's column printed apart: its 当初予算 (when its row did not
    hold it) opens it, so the dashes before it are the rate rows' (a past year's 執行率 with no 計 prints 「-」, seen
    before the first percentage: 「執行額 0 0 33 - 73% - 56 56」)."""
    if in_row:
        return left
    k = 0
    while k < len(left) and left[k][0] is None:
        k += 1
    return left[k:] if k < len(left) else left


def _turned_tables(lines: list[str], cells: list, n_table: int, n_past: int,
                   opens: list[int] | None = None) -> list[list[list[float | None]]]:
    """The cuts that fit with the 計 row or the 執行額 row (or both) put back from their last cells printed first,
    when no cut fits as printed. The past years' 計 and 執行額 are then tied by their rates too: the 執行率 and 割合
    rows printed after the table must be the ones each cut gives (budget_tail.rates_match), else none is taken."""
    printed = printed_rates(lines, cells[n_table - 1][1] + 1) if n_table else []
    if not printed:
        return []
    out: list = []
    for t in _tables(cells, n_table, n_past, variants=((True, False), (False, True), (True, True)), opens=opens):
        past = t[:n_past]
        base = _rate_bases(past)
        if any(col[EXE] is None and col[TOT] for col in past) or \
                not rates_match(printed, [col[TOT] for col in past], [col[EXE] for col in past], base):
            return []  # (a cut the rates deny: the rows are not read so)
        if t not in out:
            out.append(t)
    return out


def _rate_bases(past: list[list[float | None]]) -> list[float | None]:
    """Each past year's 当初予算 + 補正予算 (the base of the 割合 row; None when both are dashes), for rates_match and
    late_executed."""
    return [sum(v for v in col[:2] if v is not None) if any(v is not None for v in col[:2]) else None for col in past]


def _late_tables(lines: list[str], cells: list, n_table: int, n_past: int,
                 opens: list[int] | None = None) -> list[list[list[float | None]]]:
    """The cuts that fit with the 執行額 row lacking its last cell, that cell read after the next table as its rates
    tell it (budget_late); none when a cut's cell is not so told."""
    first = cells[n_table - 1][1] + 1 if n_table else 0
    printed = printed_rates(lines, first) if n_table else []
    out: list = []
    for t in _tables(cells, n_table, n_past, late=True, opens=opens) if printed else ():
        past = t[:n_past]
        base = _rate_bases(past)
        got = late_executed(lines, first, [col[TOT] for col in past], [col[EXE] for col in past], base, printed)
        if got is None or any(col[EXE] is None and col[TOT] for col in past[:-1]):
            return []
        past[-1][EXE] = got
        if t not in out:
            out.append(t)
    return out


def budget_row_major(lines: list[str], years: list[tuple[int, bool]], start: int) -> tuple[list[dict], int, int] | None:
    """The table from line ``start`` on (``years``: [(year, is_request)], the past years, the current year and
    the request year): (budget entries, first line, last line), or None when no cut fits or a past year's 計 is
    left unknown. Cells the fitting cuts disagree on are None. When no cut fits the cells as printed, the other
    readings of the text are tried (_readings), each alone."""
    n_past = sum(1 for _, req in years if not req) - 1
    cells, n_table = _cells(lines, start)
    if n_table < 7 * n_past + 4:  # (the 計 row may lack its last two cells: _short_total)
        return None
    grid = _grid(lines, years, start, [(cells, n_table)], n_past)
    if grid is False:
        for alts, rated in _readings(lines, cells, n_table, n_past):
            if (grid := _grid(lines, years, start, alts, n_past, rated)) is not False:
                break
    if grid is False or grid is None:
        return None
    budget = []
    for (y, is_req), col in zip(years, grid, strict=True):
        if is_req:
            budget.append({"fiscal_year": y, "requested": _num(col[INI])})
            continue
        entry = {"fiscal_year": y, **{f: _num(v) for f, v in zip(FIELDS, col, strict=False)}}
        entry.setdefault("executed", None)
        budget.append(entry)
    return budget, cells[0][1], cells[-1][1]


def _grid(lines: list[str], years: list[tuple[int, bool]], start: int, alts: list[tuple[list, int]], n_past: int,
          rated: bool = False) -> list[list[float | None]] | None | bool:
    """budget_row_major's columns from the cuts of each of ``alts`` (cells, how many of them are the table's: one
    reading of the text, or several it may be, whose cuts are all read); False when no cut fits, None when the
    cuts disagree on a past year's 計. ``rated``: a cut is kept only when the 執行率 and 割合 rows printed after the
    table are its past years' (a reading of the text that is not as printed must be so told)."""
    # (the table's years only: another year printed amid the headers, 「令和5年度」 of the 事業開始年度 beside them)
    first_line = min(cs[0][1] for cs, _ in alts)
    heads = header_years(lines, start, first_line)
    if heads and heads[0] != years[0][0]:
        # (the 成果目標 table's title and a header of its own printed before the budget table's headers: 「成果目標及び」
        # 「成果実績 (ア」「ウトカム)」「平成28年」「度」「平成25年」「度」「26年度」 …)
        heads = heads[_foreign_heads(lines, start, first_line, years[0][0]):]
    heads = [y for y in heads if any(y == x for x, _ in years)]
    swapped = any(a >= b for a, b in zip(heads, heads[1:], strict=False))
    if swapped and heads[:n_past] != [y for y, _ in years[:n_past]]:
        return False
    tables: list = []
    still_swapped = False
    for cells, n_table in alts:
        got = _cut_tables(lines, start, cells, n_table, n_past, swapped, rated)
        if got is False:
            continue
        tables += [t for t in got[0] if t not in tables]
        still_swapped = still_swapped or got[1]
    if not tables:
        return False
    grid = [list(col) for col in tables[0]]
    for c, col in enumerate(grid):
        for r in range(len(col)):
            if any(t[c][r] != col[r] for t in tables[1:]):
                col[r] = None
    if any(grid[c][TOT] is None and any(t[c][TOT] is not None for t in tables)
           and not all(_lone_total(t[c]) or all(v is None for v in t[c]) for t in tables) for c in range(n_past)):
        return None  # a past year's 計 the cuts disagree on (one they all read as a dash: a year with nothing printed;
        # a year no cut gives a part, its lone 計 in doubt: that 計 alone unknown)
    if still_swapped:
        grid[n_past:] = [[None] * len(col) for col in grid[n_past:]]
    return grid


def _foreign_heads(lines: list[str], start: int, stop: int, first_year: int) -> int:
    """How many era years open the headers (between line ``start`` and line ``stop``) before the first year's own
    header when another table's title (成果目標, 成果実績) is printed before them: that table's; else 0."""
    text = "".join(x.replace(" ", "") for x in lines[start - 1:stop - 1] if not _BREAKDOWN_HEAD.search(x))
    cuts = list(_YEAR_CUT.finditer(text))
    k = next((i for i, m in enumerate(cuts) if parse_year(m[0] + "年")[0] == first_year), None)
    if not k or not _OTHER_TABLE.search(text, 0, cuts[0].start()):
        return 0
    return k


_OTHER_TABLE = re.compile(r"成果目標|成果実績")


def _cut_tables(lines: list[str], start: int, cells: list, n_table: int, n_past: int, swapped: bool,
                rated: bool) -> tuple[list, bool] | bool:
    """(the cuts of ``cells`` that fit, whether the current year's and the request's columns are still in doubt:
    see _grid), or False when none fits."""
    # the year headers written out of their order (「令和3年度要求」 before 「令 和2 年 度」, wrapped in its narrow
    # cell): so may be the cells of each row (LibreOffice's print: the request's 5,966 before the current year's
    # 「2,5」「17」), and the current year's and the request's cells then add up in either order — which is which is
    # not known: left unknown, unless every cut that fits prints them on one line in each row (in their order); the
    # past years', their headers first and in order, open each row
    opens = _label_opens(lines, start, cells, n_past)
    tables = _tables(cells, n_table, n_past, opens=opens)
    if not tables and not swapped:
        tables = _turned_tables(lines, cells, n_table, n_past, opens) or \
            _late_tables(lines, cells, n_table, n_past, opens)
    elif not swapped and any(_lone_total(col) for t in tables for col in t[:n_past]):
        tables += [t for t in _turned_tables(lines, cells, n_table, n_past, opens) if t not in tables]
    if swapped and tables and all(t in _tables(cells, n_table, n_past, paired=True) for t in tables):
        swapped = False
    if rated and tables:
        printed = printed_rates(lines, cells[n_table - 1][1] + 1)
        if not printed or not all(rates_match(printed, [col[TOT] for col in t[:n_past]],
                                              [col[EXE] for col in t[:n_past]], _rate_bases(t[:n_past]))
                                  for t in tables):
            return False
    return (tables, swapped) if tables else False


def _readings(lines: list[str], cells: list, n_table: int, n_past: int) -> list[tuple[list[tuple[list, int]], bool]]:
    """Other readings of the table's ``cells`` than as printed, tried in turn when no cut fits as printed: ([(cells,
    how many are the table's)] — the ways the text may be so read, all read —, whether the printed rates must
    confirm it):

    - the first two rows' labels printed with their first cells before the first row's other cells (LibreOffice's
      print, pdftotext: 「当初予 1,824」「補正予 0」「1,649」「1,865」「2,5 5,966」「0」「733」「0」「前年度 0」 …): the
      second row's labelled cell put after the first row's others, for each count the first row may hold;
    - a 0 printed alone after the rate rows, the 予備費等 row a cell short (LibreOffice's print, pdftotext:
      「予備費等 0」「0」「0」「-」 … 「89%」 … 「0」): put back in that row, at each place it may stand (a 0 adds nothing:
      the sums do not tell where), every reading read;

    - the request year's 当初予算 printed alone right after its header, before the rows (reportlab's print,
      pdftotext: 「令和4年度要求」「5,171」「予算の 当初」 …, its 計 after the rate rows): put back after the table's
      cells, where the request's column printed apart is read (_request_column);
    - a figure of three digits, no comma, wrapped in its narrow cell: two digits on a line and the last one on the
      very next (「33」「8」: 338, no blank line between — two cells are printed a paragraph each), joined; taken
      only when the rates printed after the table confirm it (two cells would read so too)."""
    out = []
    block = _label_block(cells, n_past)
    if block:
        out.append(([(cs, n_table) for cs in block], False))
    late_zero = _late_zero(cells, n_table)
    if late_zero:
        out.append(([(cs, n_table + 1) for cs in late_zero], False))
    ahead = _request_ahead(lines, cells)
    if ahead is not None:
        out.append(([([*cells[:ahead], *cells[ahead + 1:n_table], cells[ahead], *cells[n_table:]], n_table - 1)],
                    False))
    joined = _short_wraps(lines, cells, n_table)
    if joined is not None:
        out.append(([joined], True))
        if ahead is not None:
            cs, nt = joined
            k = next((i for i, c in enumerate(cs) if c is cells[ahead]), None)
            if k is not None:
                out.append(([([*cs[:k], *cs[k + 1:nt], cs[k], *cs[nt:]], nt - 1)], True))
    return out


def _label_block(cells: list, n_past: int) -> list[list]:
    """``cells`` with the 補正予算 row's labelled first cell, printed right after the 当初予算 row's, put after the
    当初予算 row's other cells: one list per count of cells that row may hold (the past and current years', and
    maybe the request's); none when the table does not open so."""
    if len(cells) < 2 or cells[0][2] != INI or cells[1][2] != INI + 1 or cells[0][1] == cells[1][1]:
        return []
    rest = cells[2:]
    return [[cells[0], *rest[:size - 1], cells[1], *rest[size - 1:]] for size in (n_past + 1, n_past + 2)
            if size - 1 <= len(rest) and all(c[2] is None for c in rest[:size - 1])]


def _late_zero(cells: list, n_table: int) -> list[list]:
    """``cells`` with the first cell after the rate rows, when it is a 0, put in the 予備費等 row (from its labelled
    first cell on, before the 計 row's cells: the 計 label's row's or the first figure above 0 after it), one list per
    place; none when the text is not so."""
    if n_table >= len(cells) or cells[n_table][0] != 0:
        return []
    first = next((i for i, c in enumerate(cells[:n_table]) if c[2] == RESERVE), None)
    if first is None:
        return []
    end = next((i for i in range(first + 1, n_table) if cells[i][2] is not None or (cells[i][0] or 0) > 0), n_table)
    zero = cells[n_table]
    return [[*cells[:k], zero, *cells[k:n_table], *cells[n_table + 1:]] for k in range(first + 1, end + 1)]


def _request_ahead(lines: list[str], cells: list) -> int | None:
    """The index of the table's first cell (0) when it is a figure alone on its line right after the request
    year's header (「令和4年度要求」, only blank lines between) and before any row label, the 当初予算 row's label
    still to come; else None."""
    if not cells or cells[0][0] is None or cells[0][2] is not None:
        return None
    n = cells[0][1]
    if lines[n - 1].split() != [lines[n - 1].strip()] or (len(cells) > 1 and cells[1][1] == n):
        return None
    above = next((lines[j - 1].replace(" ", "") for j in range(n - 1, max(0, n - 3), -1) if lines[j - 1].strip()), "")
    return 0 if above.endswith("年度要求") else None


def _short_wraps(lines: list[str], cells: list, n_table: int) -> tuple[list, int] | None:
    """``cells`` with each figure of three digits wrapped in its cell (「33」 then 「8」 on the very next line, each
    alone) made whole, and how many are then the table's; None when there is none."""
    out: list = []
    n_new = n_table
    k = 0
    while k < len(cells):
        a = cells[k]
        b = cells[k + 1] if k + 1 < len(cells) else None
        if b is not None and a[0] is not None and b[0] is not None and b[1] == a[1] + 1 and a[2] is None \
                and b[2] is None and a[3] == b[3] and _TWO.match(lines[a[1] - 1].strip()) \
                and _ONE.match(lines[b[1] - 1].strip()):
            out.append((a[0] * 10 + b[0], a[1], a[2], a[3]))
            n_new -= k < n_table
            k += 2
            continue
        out.append(a)
        k += 1
    return (out, n_new) if len(out) < len(cells) else None


_TWO = re.compile(r"^[1-9]\d$")  # (the first line of a three-digit figure wrapped in its cell)
_ONE = re.compile(r"^\d$")


def _label_opens(lines: list[str], start: int, cells: list, n_past: int) -> list[int] | None:
    """Where each of the seven rows' cells begin (their indices in ``cells``) when every row's label stands alone on
    its line, in the form's order, just before its row's first cell (the first cell after the table's first line,
    each next label between two cells); None when the text does not tell so. The rows are then cut where the labels
    stand, whatever the cells' count: a row whose blank cells print nothing (a year with no budget yet: 「補正予算」
    「-」「-」「-」「1」 over four years) is short, and no cut of fixed widths is read — its cells are not another
    row's (seen, pdftotext: 予備費等's four dashes then 「計」「0」「0」「5」「4」, read as 予備費等 0, 0, 5)."""
    if not cells:
        return None
    opens: list[int] = []
    k = 0
    for n in range(start, cells[-1][1]):
        while k < len(cells) and cells[k][1] <= n:
            k += 1
        t = lines[n - 1].strip()
        m = _BUDGET_LABEL.match(t) or _BUDGET_LABEL.match(t.replace(" ", ""))
        if m is None or m[2]:
            continue
        row = FIELDS.index(_row_field(m[1]))
        if row != len(opens):
            return None  # (a label out of the form's order, twice, or a wrapped piece: not told)
        opens.append(k)
    if len(opens) != 7 or opens[0] != 0:
        return None
    # a money row of fewer cells than the past years' or more than a row holds, or 執行額 with none: the labels are
    # printed apart from their rows (「当初予算」「53,005」「補正予算」, then 当初予算's other cells)
    sizes = [b - a for a, b in zip(opens, [*opens[1:], len(cells)], strict=True)]
    return opens if all(n_past <= n <= n_past + 2 for n in sizes[:6]) and sizes[6] > 0 else None


def _lone_total(col: list[float | None]) -> bool:
    """A past year's column whose 計 is its only figure read (every part a dash): a 0 that fits any place, so the
    cut that put it there is no proof (seen, rl pdftotext: 「計 2 2 - - 2」, the 計 row printed with its last
    cells first, read as printed with a 予備費等 0 taken for the first year's 計)."""
    return col[TOT] is not None and all(v is None for v in col[:TOT])


_num = as_int_if_whole  # (None stays None)


__all__ = ["budget_row_major"]
