"""The request year's 要求額 from the real form's 歳出予算目 table (「令和3・4年度 予算内訳」), when the budget table's
request column was not read (left blank there, or printed where no reader placed it).

That table lists the current year's 当初予算 and the request year's 要求 per 歳出予算目, then their 計: the
current year's column adds up to the current year's 当初予算 of the budget table, the request's to its 要求額.
Text tools keep a row's figures at its line's end (「諸謝金 845 392」, or one per line) and the 計 row last; so the
figures ending the table's lines are read in order, and the 計 row is the last two of them whose first is the
current year's 当初予算 already read and which every figure before them adds up to (each row's current and request
figure summing to the two 計), but for the budget table's request column when it is printed among the rows (two
figures in a row, each the 要求額: 「48 48」); its second is the 要求.
"""
from __future__ import annotations

import re

from kg.extract.folded_text import folded as _folded
from kg.normalize.numbers import parse_number
from kg.normalize.text import CELL_DASHES

_START = ("歳出予", "予算内")  # (「歳出予算」 over 「目」, 「歳出予」 over 「算目」: the title wrapped)
_END = ("活動内容", "成果目標", "成果実績", "活動指標", "活動目標", "単位当たり", "支出先", "政策評価", "関連事業")
_FIG = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)$")
_CUT_HEAD = re.compile(r"(?:^|\s)(\d{1,3},)$")  # a figure's head its cell cut after the comma
_GROUP_FIRST = re.compile(r"^\d{3}(?:,\d{3})*(?:\s|$)")  # the rest of such a figure, starting the next line
# (any word of _START / _END in a text: one search, not a generator per line)
_START_IN = re.compile("|".join(map(re.escape, _START)))
_END_IN = re.compile("|".join(map(re.escape, _END)))
MAX_LINES = 120


def breakdown_request(lines: list[str], start: int, current_initial: float) -> tuple[float, int] | None:
    """(the request year's 要求額, its line) from the 歳出予算目 table after line ``start``, or None when its 計 row
    does not check against ``current_initial`` and its rows."""
    got = breakdown_pair(lines, start, current_initial)
    return (got[0], got[2]) if got is not None else None


def breakdown_pair(lines: list[str], start: int, current_initial: float) -> tuple[float, int, int] | None:
    """``breakdown_request``'s answer with the lines of the 計 row's two figures: (要求額, the line of the figure
    ``current_initial``, the 要求額's line)."""
    figs = _figures(lines, start)
    for k in range(len(figs) - 1, 2, -1):  # the 計 row: the last pair that checks (figures may follow it: the
        (cur, at), (req, line) = figs[k - 1], figs[k]  # budget table's request column printed apart, 「59,848 59,848」)
        if cur != current_initial:
            continue
        rows = [v for v, _ in figs[:k - 1]]
        if sum(rows) == cur + req or (sum(rows) - 2 * req == cur + req and _apart(rows, req)):
            return req, at, line
    return None


def breakdown_columns(lines: list[str], start: int, current_initial: float) -> tuple[float, int, int] | None:
    """``breakdown_pair``'s answer when the rows' figures read two a row in the columns' order: the first of each
    row adds up to ``current_initial`` (the 当初予算 column), the second to the 要求額 (a sum of the rows alone does
    not tell the two 計 apart, and a tool may write the 計 row's two figures in either order); else None."""
    got = breakdown_pair(lines, start, current_initial)
    if got is None:
        return None
    rows = [v for v, n in _figures(lines, start) if n < got[1]]
    if len(rows) % 2 or sum(rows[0::2]) != current_initial or sum(rows[1::2]) != got[0]:
        return None
    return got


def breakdown_totals(lines: list[str], start: int) -> tuple[float, float, int] | None:
    """(the current year's 当初予算, the request's 要求額, their line) as the 歳出予算目 table after line ``start``
    tells them by its rows: the figures before its last two (the 計 row's) are the rows' (current, request) pairs in
    order, the pairs' first figures adding up to one of the last two and their second figures to the other (the 計
    row's own order is not trusted: pdftotext was seen writing 「計 3,412 3,175」, the request's first). None when
    they do not, or a dash is printed among them (a cell of a row with nothing: the text tools were seen writing
    a row's dash apart from its figure, so which figure is whose column is not told)."""
    figs = _figures(lines, start, True)
    rows = [v for v, _ in figs[:-2]]
    if len(rows) < 2 or len(rows) % 2 or any(v is None for v, _ in figs):
        return None
    cur, req = sum(rows[0::2]), sum(rows[1::2])
    if cur == req or sorted((cur, req)) != sorted((figs[-2][0], figs[-1][0])):
        return None
    return cur, req, figs[-1][1]


def _figures(lines: list[str], start: int, dashes: bool = False) -> list[tuple[float | None, int]]:
    """(figure, line) of the figures ending the 歳出予算目 table's lines after line ``start``, in order; with
    ``dashes``, a dash among them as (None, line)."""
    folded = _folded(lines)
    start_in = _START_IN.search
    first = next((n for n in range(start, min(len(lines), start + MAX_LINES) + 1)
                  if start_in(folded[n - 1].replace(" ", ""))), None)
    if first is None:
        return []
    figs: list[tuple[float, int]] = []
    for n in range(first, min(len(lines), first + MAX_LINES) + 1):
        t = folded[n - 1].strip()
        if _END_IN.search(t):
            if figs or not t.startswith("活動内容"):
                break
            continue  # (the 活動内容 label printed amid the table's header, before its rows: LibreOffice's and
            # reportlab's prints, pdftotext — 「予算内訳 (単位:百万円)」「活動内容 (アクティ」「ビティ)」「35」「35」 …)
        # a figure cut in its narrow cell after its comma (「1,」 over 「975」): its head ends the line above
        if n > first and (head := _CUT_HEAD.search(folded[n - 2])) and _GROUP_FIRST.match(t):
            t = head.group(1) + t
        tail = []
        for w in reversed(t.split()):
            if w in CELL_DASHES:
                if dashes:
                    tail.append(None)
                continue  # a dash: nothing to add
            if not _FIG.match(w):
                break
            tail.append(float(parse_number(w).value))
        figs += [(v, n) for v in reversed(tail)]
    return figs


def _apart(rows: list[float], req: float) -> bool:
    """Two figures in a row are the 要求額 itself: the budget table's request column (its 当初予算 and its 計, both
    the 要求額) printed among the 歳出予算目 rows."""
    return any(a == b == req for a, b in zip(rows, rows[1:], strict=False))


__all__ = ["breakdown_columns", "breakdown_pair", "breakdown_request", "breakdown_totals"]
