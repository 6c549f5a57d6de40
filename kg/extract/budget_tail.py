"""予算額・執行額 of the real review-sheet form from PDF text whose 計 and 執行額 rows come out of order (pdftotext).

The text keeps the five part rows (当初予算, 補正予算, 前年度から繰越し, 翌年度へ繰越し, 予備費等) each after its label,
one cell per year column in order, but the last two rows' cells are mixed: a past year's 執行額 printed among the
計 row's cells before the 計 label (「予備費等 0 0 0 0 29 16 54 39 42 計 25 13 執行率(%) 執行額」), or the 計 row's
later cells before its first ones. What those cells are is still told by the form's arithmetic:

- each year's 計 is the sum of its printed parts (a dash adds nothing; a year with no part printed has 計 0 or a
  dash), the request year's 計 (when printed there) its 当初予算 plus its printed parts;
- the other cells are the past years' 執行額, each at most its year's 計;
- the 執行率 row (執行額 / 計) and the 当初予算+補正予算に対する執行額の割合 row (執行額 / (当初予算 + 補正予算)): the
  percentages printed must be the ones a reading gives (in whatever order: their cells too come out of order).

So the 計 and 執行額 cells are read as a bag of values: every way of giving them to the years that keeps these is
found (percentages deciding between them when the printed ones match some ways), and a cell the ways disagree on
is left unknown. A part row may print fewer cells than columns (a blank cell prints nothing): its cells are
then tried in every place, in order, that leaves the request year's column only 当初予算's figure, and the sums
tell them apart or leave them unknown.
"""
from __future__ import annotations

import re
from collections import Counter
from itertools import combinations, product

from kg.extract.budget_lines import _adds_up, paragraph_sequence, row_cells
from kg.normalize.numbers import as_int_if_whole

PARTS = ("initial", "supplementary", "carried_from_previous", "carried_to_next", "reserve")
CTN = 3  # 翌年度へ繰越し: the only row holding ▲ figures
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_RATES_END = ("歳出予", "予算内", "成果目標", "成果実績", "活動内容", "活動指標", "支出先")
MAX_RATE_LINES = 80  # text lines from the table's first cell within which its rate rows are looked for
MAX_WAYS = 200  # ways of reading the bag before the reading gives up (unknown)


_AMBIG = object()  # a cell the readings disagree on


class _TooMany(Exception):
    pass


def printed_rates(lines: list[str], first: int) -> list[float]:
    """The percentages printed from line ``first`` (1-based) to the next table, in reading order."""
    out: list[float] = []
    seen = 0
    for t in lines[first - 1:]:
        if any(w in t for w in _RATES_END) or seen > MAX_RATE_LINES:
            break
        seen += bool(t.strip())
        out.extend(float(x) for x in _PERCENT.findall(t))
    return out


def _rate_rows(totals: list, executed: list, base: list) -> tuple[list[float], list[float]]:
    """The percentages the 執行率 row and the 割合 row print for these past years (a year without a figure or
    with a base of 0 prints a dash)."""
    def row(den: list) -> list[float]:
        return [100.0 * e / d for e, d in zip(executed, den, strict=True) if e is not None and d]
    return row(totals), row(base)


def rates_match(printed: list[float], totals: list, executed: list, base: list) -> bool:
    """The printed percentages are the 執行率 row's and the 割合 row's (each within rounding), in whatever order
    the text gives them (a rate row's cells come out of order as the 執行額 row's do)."""
    want = sorted(sum(_rate_rows(totals, executed, base), []))
    return len(want) == len(printed) and all(abs(p - w) < 1.0 for p, w in zip(sorted(printed), want, strict=True))


def rates_among(printed: list[float], totals: list, executed: list, base: list) -> bool:
    """Some of the 執行率 and 割合 rows' percentages printed, the others not found where the rate rows are read (a
    cell printed after the next table's header, LibreOffice's print, pdftotext): as many as there are past years at
    least, each a distinct one of the rows' (within rounding)."""
    want = sorted(sum(_rate_rows(totals, executed, base), []))
    if not len(totals) <= len(printed) < len(want):
        return False
    k = 0
    for p in sorted(printed):  # (both sorted: each printed rate takes the first one left it may be)
        while k < len(want) and want[k] <= p - 1.0:
            k += 1
        if k == len(want) or abs(want[k] - p) >= 1.0:
            return False
        k += 1
    return True


def _part_rows(seq: list, n_cur: int) -> tuple[dict[str, list], list, int, int] | None:
    """The part rows' cells (each label followed by its cells, in the form's order), the cells after the
    予備費等 label (its own and the 計 and 執行額 rows'), the last line they span, and how many of those cells come
    before the next label; None when the text is not so."""
    rows: dict[str, list] = {}
    k = 0
    for f in PARTS:
        if k >= len(seq) or seq[k][0] != "label" or seq[k][1] != f:
            return None
        rows[f], k = row_cells(seq, k + 1)
    rest = rows.pop("reserve")
    own = len(rest)
    seen: set = set()
    last = seq[k - 1][2]
    while k < len(seq):
        kind, v, ln = seq[k]
        if kind == "label":
            if v not in ("total", "executed") or v in seen:
                return None
            seen.add(v)
        else:
            rest.append(v)
        last = ln
        k += 1
    if any(len(rows[f]) > n_cur + 1 for f in PARTS[:-1]):
        return None
    return rows, rest, last, own


def _ways(bag: Counter, slots: list, picked: list, out: list) -> None:
    """Every assignment of the bag's values to ``slots`` (each a predicate on the value and the values picked
    before), distinct by value."""
    if not slots:
        out.append(tuple(picked))
        if len(out) > MAX_WAYS:
            raise _TooMany
        return
    ok = slots[0]
    for v in list(bag):
        if bag[v] and ok(v, picked):
            bag[v] -= 1
            picked.append(v)
            _ways(bag, slots[1:], picked, out)
            picked.pop()
            bag[v] += 1


def _total_slot(parts: list):
    known = [v for v in parts if v is not None]

    def ok(v, _picked) -> bool:
        if not known:
            return v is None or v == 0
        return v is not None and _adds_up(known, v)
    return ok


def _executed_slot(c: int):
    def ok(v, picked) -> bool:
        return v is None or (picked[c] is not None and 0 <= v <= picked[c])
    return ok


def _row_options(cells: list, n_cur: int, initial: bool) -> list[tuple]:
    """(the past and current years' cells, the request year's cell) a part row's printed ``cells`` may be: its
    cells in order in some of the year columns, the others blank (a blank cell prints nothing); a figure in the
    request year's column is 当初予算's, or another row's when that row prints a cell in every column. Distinct."""
    out = []
    for at in combinations(range(n_cur + 1), len(cells)):
        vec: list = [None] * (n_cur + 1)
        for c, v in zip(at, cells, strict=True):
            vec[c] = v
        if initial or vec[n_cur] is None or len(cells) == n_cur + 1:
            out.append((tuple(vec[:n_cur]), vec[n_cur]))
    return list(dict.fromkeys(out))


MAX_PLACINGS = 64  # combinations of the part rows' possible places before the reading gives up


def read_tail(rows: dict[str, list], rest: list, n_past: int, printed: list[float], own: int | None = None) \
        -> dict | None:
    """{"parts": {field: [cell per past and current year]}, "totals", "request_total", "executed", "unknown":
    [(field, column)]} read from the part rows and the cells after 予備費等's label (``rest``, ``own`` of them before
    the next label); None when no reading fits or a 計 is not told. Cells the readings disagree on are None and
    named in "unknown"."""
    n_cur = n_past + 1
    for f in PARTS[:-1]:
        if any(v is not None and ((v > 0) if PARTS.index(f) == CTN else (v < 0)) for v in rows[f]):
            return None
    found: list[tuple] = []
    # 予備費等 with or without the request year's cell, or with fewer cells than columns when fewer come before the
    # 計 label (a blank cell prints nothing: rl's 「予備費等 - - - 計 0 0 4,764 2,661」 of a year with no budget, its
    # first 計 cell no 予備費等 of the current year)
    widths = [n_cur, n_cur + 1] + ([own] if own is not None and 0 < own < n_cur else [])
    try:
        for wide, k in enumerate(widths):
            if len(rest) < k or any(v is not None and v < 0 for v in rest[:k]):
                continue
            cols = {**rows, "reserve": rest[:k]}
            options = [_row_options(cols[f], n_cur, f == "initial") for f in PARTS]
            placings = list(product(*options))
            if len(placings) > MAX_PLACINGS:
                return None
            tail = rest[k:]
            for drop in range(n_past + 1):  # the 執行率 row's dashes read before its label
                if drop and (len(tail) < drop or any(v is not None for v in tail[len(tail) - drop:])):
                    break
                bag = tail[:len(tail) - drop]
                for req in (False, True):  # the request year's 計 among them
                    if len(bag) != n_cur + req + n_past:
                        continue
                    for placed in placings:
                        if req and placed[0][1] is None:
                            continue  # (a request year's 計 without its 当初予算)
                        slots = [_total_slot([vec[c] for vec, _ in placed]) for c in range(n_cur)]
                        slots.append(_total_slot([r for _, r in placed]) if req else (lambda v, _p: v is None))
                        slots += [_executed_slot(c) for c in range(n_past)]
                        ways: list[tuple] = []
                        _ways(Counter(bag if req else [*bag, None]), slots, [], ways)
                        found += [w for w in ((*w, wide, *placed) for w in ways) if w not in found]
    except _TooMany:
        return None
    if not found:
        return None
    base = []
    for w in found:
        (ini, _), (sup, _) = w[n_cur + 1 + n_past + 1:][:2]
        base.append([sum(x for x in (ini[c], sup[c]) if x is not None)
                     if ini[c] is not None or sup[c] is not None else None for c in range(n_past)])
    fitting = [w for w, b in zip(found, base, strict=True)
               if rates_match(printed, list(w[:n_past]), list(w[n_cur + 1:n_cur + 1 + n_past]), b)]
    if not fitting and _rates_complete(printed, found, base, n_past):
        return None
    ways = fitting or found
    n = n_cur + 1 + n_past

    def one(get):
        vals = {get(w) for w in ways}
        return vals.pop() if len(vals) == 1 else _AMBIG
    totals = [one(lambda w, i=i: w[i]) for i in range(n_cur)]
    for c, t in enumerate(totals):
        if t is _AMBIG and not all(w[c] in (None, 0) and all(vec[c] is None for vec, _ in w[n + 1:]) for w in ways):
            return None  # a year's 計 not told (whether 予備費等 holds the request year's cell changes no value read)
    # (a year with no part printed has 計 0 or a dash: which of the bag's 0 and dashes is its 計 may not be told)
    executed = [one(lambda w, i=i: w[n_cur + 1 + i]) for i in range(n_past)]
    parts = {f: [one(lambda w, r=r, c=c: w[n + 1 + r][0][c]) for c in range(n_cur)] for r, f in enumerate(PARTS)}
    requested = one(lambda w: w[n + 1][1])
    if len(rows["initial"]) <= n_cur and \
            any(w[n_cur] is None and any(r is not None for _, r in w[n + 2:]) for w in ways):
        # the 当初予算 row printing fewer cells than columns, and a figure in the request year's column of another row
        # that no 計 of the request checks: which of 当初予算's cells is the request's is not told (seen: its 4 cells
        # read as 3 years' and the request's, the current year blank; the current year's and the request's 計
        # printed after the next table, and the request's 当初予算 39,082 read as its 予備費等)
        requested = _AMBIG
        if any(w[n + 1][0][n_cur - 1] is None for w in ways):
            # nor is the current year's 計 when a way leaves its 当初予算 blank: it adds up without the 当初予算 the
            # request took (rv1898: 「当初予算 - 3 3 5」, the 5 read as the request's, the 計 2 its 補正予算 alone;
            # the 計 7 printed after the next table)
            totals[n_cur - 1] = _AMBIG
    unknown = [("total", c) for c, v in enumerate(totals) if v is _AMBIG] + \
        [("executed", c) for c, v in enumerate(executed) if v is _AMBIG] + \
        [(f, c) for f in PARTS for c, v in enumerate(parts[f]) if v is _AMBIG] + \
        ([("requested", n_cur)] if requested is _AMBIG else [])
    clean = [None if v is _AMBIG else v for v in executed]
    return {"parts": {f: [None if v is _AMBIG else v for v in vs] for f, vs in parts.items()}, "totals":
            [None if v is _AMBIG else v for v in totals], "request_total": one(lambda w: w[n_cur]), "requested": None if requested is _AMBIG else requested,
            "executed": clean, "unknown": unknown, "rated": bool(fitting)}


def _rates_complete(printed: list[float], found: list[tuple], base: list[list], n_past: int) -> bool:
    """Whether some reading prints as many percentages as were printed: the rate rows were read whole, so a reading
    none of whose rates they are read a cell in the wrong column (seen: pdftotext's 当初予算 row 「- - 255 219」
    with 計 「- 0 219 255」 and 執行率 79% = 172 / 219: its 当初予算 cells out of order, the 計 bag fitting them)."""
    n_cur = n_past + 1
    return bool(printed) and any(
        len(sum(_rate_rows(list(w[:n_past]), list(w[n_cur + 1:n_cur + 1 + n_past]), b), [])) == len(printed)
        for w, b in zip(found, base, strict=True))


def budget_tail(lines: list[str], years: list[tuple[int, bool]], start: int) \
        -> tuple[list[dict], int, int, list[int], list[str]] | None:
    """(budget entries, first line, last line, years left out (none), cells left unknown as "year field") read as
    this module tells from the table after line ``start`` (its 予算額 label), or None."""
    seq = paragraph_sequence(lines, start)
    n_past = sum(1 for _, req in years if not req) - 1
    n_cur = n_past + 1
    got = _part_rows(seq, n_cur) if seq else None
    if got is None:
        return None
    rows, rest, last, own = got
    tail = read_tail(rows, rest, n_past, printed_rates(lines, last), own)
    if tail is None:
        return None
    unknown_cells = set(tail["unknown"])
    budget, unknown = [], []
    for c, (y, is_req) in enumerate(years):
        if is_req:
            budget.append({"fiscal_year": y, "requested": _num(tail["requested"])})
            if ("requested", c) in unknown_cells:
                unknown.append(f"{y} requested")
            continue
        entry = {"fiscal_year": y, **{f: _num(tail["parts"][f][c]) for f in PARTS}}
        entry["total"] = _num(tail["totals"][c])
        entry["executed"] = _num(tail["executed"][c]) if c < n_past else None
        unknown += [f"{y} {f}" for f in (*PARTS, "total", "executed") if (f, c) in unknown_cells]
        budget.append(entry)
    return budget, seq[0][2], last, [], unknown


def _num(v):
    return None if v is None else as_int_if_whole(v)


__all__ = ["printed_rates", "rates_among", "rates_match", "read_tail", "budget_tail"]
