"""予算額・執行額 of the real form from pdfminer.six's text when no figure is placed by a row label or a line (each
cell alone on its line, budget_boxes has nothing to tell the past years' columns apart by), read as strips: each
year column printed whole, top to bottom, a past year's followed by its rate cells (seen: 「4」「-」「1」「-」「-」
「5」「5」「100%」「125%」, then the next column; a new project's past years 「-」 … 「0」「0」「-」「-」, their rates dashes).

The text is cut into strips every way it can be: a past year's 7 cells (計 = its parts, ▲ only in 翌年度へ繰越し,
執行額 at most 計) and its rate cells (the 執行率 = 執行額 / 計 as rounded, the 当初予算+補正予算 rate likewise,
dashes where the year has no 計), the current year's 6 cells adding up, the request's 当初予算, up to four dashes
and its 計 the same figure. The current year's column and the request are known by their shape, and kept when
every cut agrees on them; the past years' strips come in no known order (pdfminer's box order), so they are kept
only when all are the same. A text that is not strips (a line of two figures, a rate out of its place, a cell
that adds up in no cut) gives None: nothing is read.
"""
from __future__ import annotations

from kg.extract.budget_boxes import _PCT, FIELDS, Cell, _cell, table
from kg.extract.budget_lines import _BUDGET_LABEL, _MARK_GAP, _adds_up
from kg.extract.folded_text import folded as _folded
from kg.normalize.numbers import as_int_if_whole, parse_number
from kg.normalize.text import CELL_DASHES

MAX_CUTS = 64  # ways of cutting the text into strips before the reader gives up (unknown)


def budget_strips(lines: list[str], years: list[tuple[int, bool]], start: int
                  ) -> tuple[list[dict], int, int, list[int], list[str]] | None:
    """(the budget entries read, first line, last line, the years left out, []) from the table after its 予算額
    label (line ``start``) when none of its cells is placed by a label or a line (budget_boxes.table); None when
    the text is not strips or the cuts disagree on the current year's column."""
    n_past = sum(1 for _, req in years if not req) - 1
    got = table(lines, start, n_past + 2)
    cs = got[0] if got is not None else None
    if not cs or any(c.tail or c.col is not None for c in cs) or (
            any(c.row is not None for c in cs) and not _first_strip_rows(cs, n_past)):
        return None
    per_year = 2 if any(x.replace(" ", "").startswith("当初予算+補正予") for x in lines[start - 1:cs[-1].line + 200]) \
        else 1
    toks = _tokens(lines, cs)
    if toks is None:
        return None
    cuts: list[tuple] = []
    if not _cut(toks, 0, n_past, False, False, per_year, (), cuts):
        return None
    if not cuts:  # the rates not where the strips wait for them: each year's looked for among all printed
        pcts = tuple(v for k, v in toks if k == "%")
        if not _cut(toks, 0, n_past, False, False, per_year, (), cuts, (), pcts) or not cuts:
            return None
    currents = {c[1] for c in cuts}
    requests = {c[2] for c in cuts}
    if len(currents) > 1:
        return None
    budget: list[dict] = []
    dropped: list[int] = []
    past_years = [y for y, req in years if not req][:-1]
    first = None
    if any(c.row is not None for c in cs):
        # the first strip holds a cell its row label's line placed: the first year's column (budget_boxes.table),
        # in every cut, else the text is not what the strips say
        firsts = {c[3] for c in cuts}
        if len(firsts) != 1 or next(iter(firsts))[0] != "p":
            return None
        first = next(iter(firsts))[1]
        budget.append(_entry(past_years[0], first))
        past_years = past_years[1:]
    pasts = {_less(c[0], first) for c in cuts}
    same = len(pasts) == 1 and len(set(next(iter(pasts)))) == 1
    for y in past_years:
        if same:
            budget.append(_entry(y, next(iter(pasts))[0]))
        else:
            dropped.append(y)
    cur_year = [y for y, req in years if not req][-1]
    budget.append(_entry(cur_year, (*next(iter(currents)), None)))
    req_year = next(y for y, req in years if req)
    if len(requests) == 1:
        budget.append({"fiscal_year": req_year, "requested": as_int_if_whole(next(iter(requests)))})
    else:
        dropped.append(req_year)
    return budget, cs[0].line, cs[-1].line, dropped, []


def _first_strip_rows(cs: list[Cell], n_past: int) -> bool:
    """Whether the cells placed by their row label's line (the first year's column's, budget_boxes.table) all sit
    in the first 7 cells, each where its row is in a past year's strip (「翌年度へ繰越し -」 the fourth cell): the
    first strip may be the first year's column, read whole."""
    placed = [(k, c.row) for k, c in enumerate(cs) if c.row is not None]
    return n_past > 0 and all(k == r and k < len(FIELDS) for k, r in placed)


def _less(strips: tuple, one: tuple | None) -> tuple:
    """``strips`` less one of them equal to ``one`` (None: all of them)."""
    if one is None:
        return strips
    k = strips.index(one)
    return strips[:k] + strips[k + 1:]


def _entry(y: int, vals: tuple) -> dict:
    return {"fiscal_year": y, **{f: as_int_if_whole(v) for f, v in zip(FIELDS, vals, strict=True)}}


def _tokens(lines: list[str], cs: list[Cell]) -> list[tuple[str, float | None]] | None:
    """The table's tokens in text order: ("c", value) for a cell (None: a dash), ("%", rate) for a percentage, from
    the first cell's line to the last cell's and the percentages right after it; None when a line holds more than
    one of them (a row written across: not strips) or the cells are not ``cs``."""
    folded = _folded(lines)
    out: list[tuple[str, float | None]] = []
    end = cs[-1].line
    n = cs[0].line
    while n <= len(folded):
        t = folded[n - 1].strip()
        n += 1
        if not t:
            continue
        if "▲" in t or "△" in t:
            t = _MARK_GAP.sub(r"\1", t)
        words = t.split()
        m = _BUDGET_LABEL.match(t)
        if m and m[2] and len(m[2].split()) == 1:
            words = m[2].split()  # (a row label's one cell on its line: budget_boxes.table's, checked by
            # _first_strip_rows)
        if not all(_cell(w) or _PCT.match(w) for w in words):
            if n - 1 > end:
                break
            continue  # a label among the strips
        if len(words) != 1:
            return None
        w = words[0]
        if n - 1 > end and not _PCT.match(w):
            break
        if _PCT.match(w):
            out.append(("%", float(w[:-1])))
        else:
            out.append(("c", None if w in CELL_DASHES else parse_number(w).value))
    if [v for k, v in out if k == "c"] != [c.value for c in cs]:
        return None
    return out


def _cut(toks: list, i: int, past: int, cur: bool, req: bool, per_year: int, got: tuple, cuts: list,
         waiting: tuple = (), pcts: tuple | None = None) -> bool:
    """Every way of cutting ``toks`` from ``i`` on into the strips left (``past`` past years, the current year's
    unless ``cur``, the request's unless ``req``), each cut appended to ``cuts`` as (past strips sorted, current,
    request); False when they grow beyond MAX_CUTS. ``waiting``: the past years' strips read whose rates are not
    yet: the next rate cells are the first one's (seen right after its strip, or a few strips later, the years'
    rates then in the strips' order: 「67% 67% 100% 50%」 after the second of two strips). With ``pcts`` (the
    percentages printed), the percentages are passed over wherever they stand, and a past year's strip whose rates
    are percentages needs them among ``pcts`` (seen: a year's rates printed before its strip, after another
    year's); one whose rates are dashes still waits for them."""
    if i == len(toks):
        if past == 0 and cur and req and not waiting:
            pasts = tuple(sorted((s for k, s in got if k == "p"), key=repr))
            cuts.append((pasts, next(s for k, s in got if k == "c"), next(s for k, s in got if k == "r"), got[0]))
        return len(cuts) <= MAX_CUTS
    if waiting and _rated(toks, i, waiting[0], per_year):
        if not _cut(toks, i + per_year, past, cur, req, per_year, got, cuts, waiting[1:], pcts):
            return False
    if toks[i][0] == "%":
        # (a rate no strip waits for: no cut; with ``pcts``, passed over)
        return pcts is None or _cut(toks, i + 1, past, cur, req, per_year, got, cuts, waiting, pcts)
    if past:
        s = _column(toks, i, 7)
        wait = (*waiting, s) if pcts is None or s is None or _dashed(s, per_year) else waiting
        if s is not None and (wait is not waiting or _rates_printed(s, per_year, pcts)) and \
                not _cut(toks, i + 7, past - 1, cur, req, per_year, (*got, ("p", s)), cuts, wait, pcts):
            return False
    if not cur:
        s = _column(toks, i, 6)
        if s is not None and not _cut(toks, i + 6, past, True, req, per_year, (*got, ("c", s)), cuts, waiting,
                                      pcts):
            return False
    if not req and toks[i][1] is not None and toks[i][1] >= 0:
        x = toks[i][1]
        for k in range(5):  # its dashes
            j = i + 1 + k
            if j >= len(toks) or toks[j][0] != "c":
                break
            if toks[j][1] == x and not _cut(toks, j + 1, past, cur, True, per_year, (*got, ("r", x)), cuts,
                                            waiting, pcts):
                return False
            if toks[j][1] is not None:
                break
    return True


def _bases(col: tuple, per_year: int) -> list:
    """A past year's rates' bases (計, then 当初予算+補正予算), as many as its rate rows."""
    return [col[5] or 0, (col[0] or 0) + (col[1] or 0)][:per_year]


def _dashed(col: tuple, per_year: int) -> bool:
    """Whether past year ``col`` prints no rate but dashes (no 計, no 執行額, or no base to divide by)."""
    return col[6] is None or all(b <= 0 for b in _bases(col, per_year))


def _rates_printed(col: tuple, per_year: int, pcts: tuple) -> bool:
    """Whether every rate of past year ``col`` is printed among ``pcts`` (within a point); its rates are all
    percentages (a base of 0 beside one above 0 is not read so)."""
    bases = _bases(col, per_year)
    return all(b > 0 and any(abs(100 * col[6] / b - p) < 1 for p in pcts) for b in bases)


def _column(toks: list, i: int, size: int) -> tuple | None:
    """The ``size`` cells from token ``i`` as a year's column (7 for a past year, 6 for the current), or None when
    they are not one: a percentage among them, a ▲ out of 翌年度へ繰越し or a figure below 0 elsewhere, the parts
    not adding up to 計, 執行額 above 計."""
    cells = toks[i:i + size]
    if len(cells) < size or any(k != "c" for k, _ in cells):
        return None
    vals = tuple(v for _, v in cells)
    if any((v or 0) > 0 if r == 3 else (v or 0) < 0 for r, v in enumerate(vals)):
        return None
    parts, total = [v or 0 for v in vals[:5]], vals[5] or 0
    if not _adds_up(parts, total) or (size == 7 and (vals[6] or 0) > total):
        return None
    return vals


def _rated(toks: list, i: int, col: tuple, per_year: int) -> bool:
    """The ``per_year`` tokens from ``i`` are the past year ``col``'s rate cells: its 執行率 (執行額 / 計) and its
    当初予算+補正予算 rate as printed (within a point), each a dash where the year has no such rate."""
    rates = toks[i:i + per_year]
    if len(rates) < per_year:
        return False
    total, executed = col[5] or 0, col[6]
    bases = [total, (col[0] or 0) + (col[1] or 0)][:per_year]
    for (k, v), base in zip(rates, bases, strict=True):
        if base > 0 and executed is not None:
            if k != "%" or abs(100 * executed / base - v) >= 1:
                return False
        elif not (k == "c" and v is None):
            return False
    return True


__all__ = ["budget_strips"]
